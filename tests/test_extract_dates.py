"""resolve_date: each rule, with the article published on Friday 2024-06-07."""

from __future__ import annotations

import pytest

from factmap.extract.dates import (
    conjoined_dates,
    day_offset,
    is_month_name,
    measure_offset,
    resolve_ahead,
    resolve_date,
    shift_date,
    within_days,
)

FRIDAY = "2024-06-07"


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("last Tuesday", "2024-06-04"),
        ("on Monday", "2024-06-03"),
        ("Monday", "2024-06-03"),
        ("on Friday", "2024-06-07"),  # on or before publication, never after
        ("Saturday", "2024-06-01"),
        ("last Friday", "2024-05-31"),
        ("yesterday", "2024-06-06"),
        ("the day before yesterday", "2024-06-05"),
    ],
)
def test_extract_dates_days_anchored_on_publication(expr: str, expected: str) -> None:
    assert resolve_date(expr, FRIDAY) == expected


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("last spring", FRIDAY, "2024"),  # spring 2024 is over by June
        ("last spring", "2024-04-10", "2023"),  # spring 2024 is still running
        ("in the summer", FRIDAY, "2024"),
        ("last summer", FRIDAY, "2023"),
        ("in the autumn", FRIDAY, "2023"),
        ("spring of 2022", None, "2022"),
        ("last winter", FRIDAY, None),  # spans two years
        ("this summer", FRIDAY, "2024"),  # June: this year's summer has begun
        ("this spring", "2024-11-20", "2024"),
        ("this fall", "2024-08-18", None),  # points forward, never last year's autumn
    ],
)
def test_extract_dates_seasons_give_a_year(
    expr: str, published: str | None, expected: str | None
) -> None:
    assert resolve_date(expr, published) == expected


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("three months ago", FRIDAY, "2024-03"),
        ("3 days ago", FRIDAY, "2024-06-04"),
        ("two years ago", FRIDAY, "2022"),
        ("two weeks ago", FRIDAY, "2024-05"),
        ("a week ago", FRIDAY, None),  # May 31 +- 3 days crosses into June
        ("last week", FRIDAY, None),  # May 27 - June 2 spans two months
        ("last week", "2024-06-14", "2024-06"),  # June 3 - 9
        ("this week", FRIDAY, "2024-06"),
        ("last month", FRIDAY, "2024-05"),
        ("earlier this month", FRIDAY, "2024-06"),
        ("last year", FRIDAY, "2023"),
        ("earlier this year", FRIDAY, "2024"),
        ("last month", "2024-01-15", "2023-12"),
    ],
)
def test_extract_dates_relative_periods_keep_their_precision(
    expr: str, published: str, expected: str | None
) -> None:
    assert resolve_date(expr, published) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("in March", "2024-03"),
        ("in June", "2024-06"),
        ("in July", "2023-07"),  # most recent July on or before publication
        ("last March", "2024-03"),
        ("mid-March", "2024-03"),
        ("on June 10", "2024-06-10"),  # a few days ahead: the coming one ("the vote on June 10")
        ("from 10 to 12 June", "2024-06"),
        ("on July 30", "2023-07-30"),  # further ahead: the past year's
        ("the 22nd of May", "2024-05-22"),
        ("Tuesday, May 21", "2024-05-21"),
    ],
)
def test_extract_dates_month_without_year_is_most_recent(expr: str, expected: str) -> None:
    assert resolve_date(expr, FRIDAY) == expected


def test_extract_dates_last_month_name_in_that_month_means_a_year_ago() -> None:
    assert resolve_date("last March", "2024-03-20") == "2023-03"


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("March 2023", "2023-03"),
        ("in March 2023", "2023-03"),
        ("2022", "2022"),
        ("in late 2022", "2022"),
        ("May 22, 2023", "2023-05-22"),
        ("22 May 2023", "2023-05-22"),
        ("on 22 May 2023", "2023-05-22"),
        ("2023-05-22", "2023-05-22"),
        ("2023-05", "2023-05"),
        ("Sept. 5, 2023", "2023-09-05"),
    ],
)
def test_extract_dates_absolute_dates_win_over_publication(expr: str, expected: str) -> None:
    assert resolve_date(expr, FRIDAY) == expected
    assert resolve_date(expr, "2019-01-01") == expected
    assert resolve_date(expr, None) == expected


@pytest.mark.parametrize(
    "expr",
    [
        "the 3rd Assault Brigade",
        "May",  # a bare month name may be a name
        "Sunday Times",
        "for three months",
        "over the past year",
        "in the last week",
        "25 years old",
        "aged 25",
        "a 25-year-old",
        "next Tuesday",
        "in three months",
        "5.9.2023",
        "February 30, 2023",
        "2023-13-01",
        "",
        "Ukraine",
    ],
)
def test_extract_dates_rejects_non_dates_durations_ages_futures(expr: str) -> None:
    assert resolve_date(expr, FRIDAY) is None


@pytest.mark.parametrize(
    "expr", ["last Tuesday", "yesterday", "in March", "three months ago", "last spring"]
)
def test_extract_dates_relative_without_publication_is_none(expr: str) -> None:
    assert resolve_date(expr, None) is None


def test_extract_dates_coarse_publication_date_limits_relative_days() -> None:
    assert resolve_date("yesterday", "2024-06") is None
    assert resolve_date("last month", "2024-06") == "2024-05"
    assert resolve_date("last year", "2024") == "2023"
    assert resolve_date("yesterday", "2024-06-07T09:30:00Z") == "2024-06-06"
    assert resolve_date("yesterday", "not a date") is None


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("in August last year", "2023-06-02", "2022-08"),
        ("12 May this year", "2024-06-07", "2024-05-12"),
        ("August last year", None, None),  # the year cannot be placed
        ("later last year", "2024-06-07", None),
        ("in the early hours of Monday", "2024-03-13", "2024-03-11"),
        ("early on Tuesday morning", "2024-03-13", "2024-03-12"),
        ("the night of 12 March 2024", None, "2024-03-12"),
        ("last weekend", "2024-03-20", "2024-03"),
        ("last weekend", "2024-06-01", "2024-05"),  # a Saturday: the weekend before
        ("over the weekend", "2024-06-03", "2024-06"),
        ("last weekend", "2024-03-04", "2024-03"),  # March 2-3
        ("last weekend", "2024-04-01", "2024-03"),  # March 30-31
    ],
)
def test_extract_dates_relative_years_parts_of_day_and_weekends(
    expr: str, published: str | None, expected: str | None
) -> None:
    assert resolve_date(expr, published) == expected


def test_extract_dates_weekend_across_months_is_none() -> None:
    # published Tuesday 2024-09-03: Sat 31 August - Sun 1 September spans two months
    assert resolve_date("last weekend", "2024-09-03") is None
    assert resolve_date("last weekend", "2024-07-01") == "2024-06"


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("on March 3 last year", "2025-01-10", "2024-03-03"),
        ("November 14th this year", "2025-12-01", "2025-11-14"),
        ("in 14 November last year", "2025-12-01", "2024-11-14"),
        ("March 3 last year", None, None),
    ],
)
def test_extract_dates_month_day_with_relative_year(
    expr: str, published: str | None, expected: str | None
) -> None:
    assert resolve_date(expr, published) == expected


@pytest.mark.parametrize("expr", ["since 2014", "ever since May 2022", "since last spring"])
def test_extract_dates_since_is_a_start_not_a_date(expr: str) -> None:
    assert resolve_date(expr, FRIDAY) is None


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("between 3 and 5 May", FRIDAY, "2024-05"),
        ("3-5 May 2023", None, "2023-05"),
        ("15 to 17 March 2024", None, "2024-03"),
        ("June 5-6, 2023", None, "2023-06"),
        ("between May and July 2022", None, "2022"),
        ("May 30 - June 2", FRIDAY, "2024"),  # both ends share only the year
        ("in 2014-15", None, None),  # two years share nothing
        ("between 3 and 5 May", None, None),  # no year, no publication date
    ],
)
def test_extract_dates_ranges_keep_what_both_ends_share(
    expr: str, published: str | None, expected: str | None
) -> None:
    assert resolve_date(expr, published) == expected


@pytest.mark.parametrize(
    ("expr", "previous", "expected"),
    [
        ("that same year", "1917", "1917"),
        ("later that year", "2022-03-04", "2022"),
        ("later that day", "2022-03-04", "2022-03-04"),
        ("later that day", "2022-03", None),  # the day was never told
        ("that month", "2022-03-04", "2022-03"),
        ("the next day", "2022-02-28", "2022-03-01"),
        ("the following year", "2021", "2022"),
        ("two days later", "2022-03-04", "2022-03-06"),
        ("that same year", None, None),
        ("hours later", "2022-03-04", "2022-03-04"),
        ("a few minutes later", "2022-03-04", "2022-03-04"),
        ("hours later", "2022-03", None),  # the day was never told
        ("hours later", None, None),
    ],
)
def test_extract_dates_phrases_pointing_back_use_the_previous_date(
    expr: str, previous: str | None, expected: str | None
) -> None:
    assert resolve_date(expr, FRIDAY, previous) == expected


def test_extract_dates_this_day_in_a_year_is_an_anniversary() -> None:
    assert resolve_date("on this day in 1991", "2022-08-24") == "1991-08-24"
    assert resolve_date("this day back in 1944", "2022-08-24") == "1944-08-24"
    assert resolve_date("this day in 1991", None) == "1991"  # the year is stated


def test_extract_dates_possessive_day() -> None:
    assert resolve_date("Thursday's", FRIDAY) == "2024-06-06"


def test_extract_dates_day_offset_reads_day_measures() -> None:
    assert day_offset("a day") == 1
    assert day_offset("the day") == 1
    assert day_offset("two days") == 2
    assert day_offset("a week") == 7
    assert day_offset("days") is None
    assert day_offset("two hours") is None


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("in May and June", ["2024-05", "2024-06"]),
        ("in 2020 and 2021", ["2020", "2021"]),
        ("on 3, 5 and 9 May", ["2024-05-03", "2024-05-05", "2024-05-09"]),
        ("in March and April 2022", ["2022-03", "2022-04"]),
        ("between 3 and 5 May", []),  # a range, not a list
        ("from May to July", []),
        ("in May and June last year", []),  # a relative item is not completed
        ("since May and June", []),
        ("in May", []),
    ],
)
def test_extract_dates_conjoined_dates_lists_each_date(expr: str, expected: list[str]) -> None:
    assert conjoined_dates(expr, "2024-06-15") == expected


def test_extract_dates_list_as_one_date_keeps_what_items_share() -> None:
    assert resolve_date("in May and June", "2024-06-15") == "2024"
    assert resolve_date("in March and April 2022", "2024-06-15") == "2022"
    assert resolve_date("in 2020 and 2021", "2024-06-15") is None


# --- weekdays of a named week, shifts in weeks and months, measures, spans

@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("on Monday last week", "2024-11-11"),  # published Wednesday 2024-11-20
        ("Tuesday of last week", "2024-11-12"),
        ("Monday this week", "2024-11-18"),
        ("Friday this week", None),  # after publication: not yet
    ],
)
def test_dates_weekday_of_last_or_this_week(expr: str, expected: str | None) -> None:
    assert resolve_date(expr, "2024-11-20") == expected


def test_dates_weekday_of_week_needs_a_day_precise_publication() -> None:
    assert resolve_date("Monday last week", "2024-11") is None


@pytest.mark.parametrize(
    ("expr", "previous", "expected"),
    [
        ("a week later", "2024-03-05", "2024-03-12"),
        ("ten months later", "2024-03-05", "2025-01"),
        ("two months earlier", "2024-03", "2024-01"),
        ("three years later", "2020", "2023"),
        ("a week later", "2024-03", None),  # too coarse for a day shift
    ],
)
def test_dates_anaphoric_shift_in_weeks_and_months(expr: str, previous: str, expected: str | None) -> None:
    assert resolve_date(expr, None, previous) == expected


def test_dates_measure_offset_units() -> None:
    assert measure_offset("a week") == ("day", 7)
    assert measure_offset("ten months") == ("month", 10)
    assert measure_offset("two years") == ("year", 2)
    assert measure_offset("several months") is None
    assert day_offset("ten months") is None and day_offset("two days") == 2


def test_dates_shift_date_keeps_the_precision_of_the_unit() -> None:
    assert shift_date("2024-07-06", "month", -10) == "2023-09"
    assert shift_date("2024-07", "day", 1) is None


def test_dates_within_days_keeps_what_the_span_shares() -> None:
    assert within_days("2024-03-15", 3) == "2024-03"
    assert within_days("2024-03-31", 2) == "2024"
    assert within_days("2024-12-31", 2) is None
    assert within_days("2024-03", 3) == "2024-03"
    assert within_days("2024-03-15", 1) == "2024-03-15"


def test_dates_is_month_name() -> None:
    assert is_month_name("March") and is_month_name("Sept.")
    assert not is_month_name("Marsh")


@pytest.mark.parametrize(
    ("expr", "previous", "expected"),
    [
        ("on 16 March", "2014-02-27", "2014-03-16"),  # the story of 2014 goes on
        ("on the night of February 27", "2014-02-20", "2014-02-27"),
        ("on 16 March", "2014-05-02", "2024-03-16"),  # before the date told: not that story
        ("on 16 March", "2014", "2024-03-16"),  # a year alone sets no story's calendar
        ("on 16 March 2024", "2014-02-27", "2024-03-16"),  # a written year wins
        ("on Monday", "2014-02-27", "2024-06-03"),  # weekdays are the publication's
        ("on 16 March", None, "2024-03-16"),
    ],
)
def test_dates_day_month_continues_the_year_of_the_date_told_before(
    expr: str, previous: str | None, expected: str
) -> None:
    assert resolve_date(expr, FRIDAY, previous) == expected


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("next month", "2023-07-27", "2023-08"),
        ("Next month", "2023-12-02", "2024-01"),
        ("in August", "2023-07-27", "2023-08"),
        ("in June", "2023-07-27", "2024-06"),
        ("in July", "2023-07-27", "2023-07"),
        ("next week", "2023-07-08", "2023-07"),
        ("next week", "2023-07-27", None),  # 31 July - 6 August
        ("this week", "2023-07-27", "2023-07"),
        ("on Friday", "2023-07-27", None),
        ("tomorrow", "2023-07-31", "2023-08-01"),
        ("on 12 July", "2023-07-27", "2024-07-12"),
        ("next year's", "2023-02-26", "2024"),
        ("later this year", "2023-02-26", "2023"),
        ("next month", "2023", None),
        ("on Friday", "2023-07", None),
        ("in the spring", "2023-07-27", None),
        ("2024-05-01", "2023-07-27", None),
    ],
)
def test_dates_resolve_ahead_reads_scheduled_dates_forward(expr, published, expected) -> None:
    assert resolve_ahead(expr, published) == expected


def test_dates_decades_ago_counts_whole_years() -> None:
    assert resolve_date("two decades ago", "2023-03-17") == "2003"
    assert resolve_date("3 decades ago", "2023") == "1993"
