"""Date expressions -> ISO dates that keep only the precision the text supports.

``resolve_date(expr, published)`` turns one date phrase of an article into
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; relative phrases are anchored on the
article's publication date. It returns None rather than guess.

The rules, in the order they are tried (after dropping a leading preposition such
as "on", "in", "since" and a leading "the" / "early" / "mid-" / "late"):

* ISO ``2023-05-22`` / ``2023-05`` and a bare year ``2022`` (1800-2099) are absolute.
* Written dates (``May 22, 2023``, ``22 May 2023``, ``the 22nd of May``, ``March 2023``,
  ``Tuesday, May 21``) are parsed with dateparser, precision from its ``period``.
  Without a year they are the most recent such day/month on or before publication
  (``in March`` published 2024-06-07 -> ``2024-03``; ``last March`` is the most recent
  March strictly before the publication month), except that a day and month at most
  45 days after publication is the coming one ("the vote on 17 March" published 12
  March -> that year's 17 March). A bare month name with no
  preposition, qualifier, day or year ("May") is rejected: it is as often a name.
  Purely numeric dates other than ISO (``5.9.2023``) are rejected as ambiguous.
* A month with a relative year ("August last year", "12 May this year", "October 27
  last year") takes the
  year from publication; "the early hours of Monday", "early on Tuesday morning",
  "the night of 12 March 2024" are read as the day they name.
* ``today``, ``yesterday``, ``last night``, ... -> a day.
* "Monday last week" / "Tuesday of this week" -> that day of the Monday-Sunday week named
  (never after publication).
* Weekdays: "Monday", "on Monday", "this Monday" -> the most recent Monday on or
  before publication (never after); "last Monday" -> the most recent one strictly
  before publication. Needs a day-precise publication date.
* ``N days ago`` -> day; ``N weeks ago`` -> month, only when the +-3 day window around
  it stays in one month; ``N months ago`` -> month; ``N years ago`` -> year; ``N decades
  ago`` -> the year N*10 years back (as news writes it: "two decades ago" in 2023 -> 2003).
* ``last week`` / ``this week`` -> the month, only if that Monday-Sunday week (up to
  publication for "this week") lies in one month, else None.
  ``last/this month`` -> month; ``last/this year`` -> year.
* "last weekend" = the most recent Saturday-Sunday that ended before publication;
  "this weekend" / "(over) the weekend" = the most recent one that began on or before
  it -> the month, when both days lie in one month.
* Seasons (northern-hemisphere meteorological: spring Mar-May, summer Jun-Aug,
  autumn/fall Sep-Nov) -> year only. "last spring" = the most recent spring that has
  fully ended before the publication month (in June 2024: 2024; in April 2024: 2023);
  "spring", "in the summer" = the most recent one that has begun on or before the
  publication month; "this spring" = the publication year's, None while it has not
  begun (it points forward: "this fall" in August). "winter" without a year is None
  (it spans two years); "spring of 2022" / "winter 2022" -> the stated year.
* Anything pointing forward ("next Tuesday", "in three months") is None: factmap
  records what happened. Only for an event the text itself tells as scheduled ("will
  host a summit next month") does :func:`resolve_ahead` read such phrases forward.
  Durations ("for three months", "over the past year"), ages ("25 years old", "aged
  25") and everything else are None.
* A relative phrase with no (or a too coarse) publication date is None: never invented.
* "since 2014", "ever since May" give a start, not the date of what is told: None.
* Ranges ("between 3 and 5 May", "3-5 May", "June 5-6", "2014-15") keep what both ends
  share: "2024-05", "2024-06", None (two years share nothing the text fixes).
* "on this day in 1991" is the publication's month and day in that year.
* Phrases that point back to a date the text named before ("that same year", "later that
  day", "the next day", "two days later", "hours later") are read against ``previous`` (the last date
  resolved before them, ISO), keeping only what it supports; None without it.
  "a week later" shifts by 7 days, "ten months later" by months (month precision).
  :func:`measure_offset` reads "a day" / "two weeks" / "ten months" of "ten months after
  ..." for callers that shift a date told elsewhere in the sentence (:func:`shift_date`);
  :func:`within_days` keeps what the days of a multi-day event share.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_ABBR = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH_ABBR["sept"] = 9
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}

_REJECT = re.compile(
    r"\b(?:old|aged?|ages)\b|year-old|\bfor\b|\bwithin\b|\b(?:over|during|in) the (?:past|last|next)\b"
    r"|\bnext\b|\bcoming\b|\bfrom now\b|\blater\b|\btomorrow\b"
)
_LEAD_PREP = re.compile(r"^(?:on|in|at|of|since|from|by|until|till|as of|around|about|during)\s+")
_LEAD_MOD = re.compile(
    r"^(?:the\s+)?(?:(?:early|late|mid)(?:\s+|-)|(?:end|beginning|start|middle) of\s+)"
)
# "the early hours of Monday", "the night of 12 March": the day is what counts.
_PART_OF_DAY = re.compile(
    r"^(?:the\s+)?(?:(?:early|small|wee|late)\s+)?(?:hours|morning|afternoon|evening|night)\s+of\s+"
)
# "August last year", "12 May this year": the year is stated relative to publication.
_RELATIVE_YEAR = re.compile(r"^(.*\S)\s+(?:of\s+)?(last|this)\s+year$")
_WEEKEND = re.compile(r"^(?:(last|this|past)\s+)?weekend$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_WEEKDAY = re.compile(
    r"^(?:(last|this|past)\s+)?("
    + "|".join(_WEEKDAYS)
    + r")(?:\s+(?:morning|afternoon|evening|night))?$"
)
_SEASON = re.compile(
    r"^(?:(last|this|past)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?$"
)
_AGO = re.compile(
    r"^(\d{1,3}|" + "|".join(_NUMBERS) + r")\s+(day|week|month|year|decade)s?\s+ago$"
)
_PERIOD = re.compile(r"^(last|past|previous|this|earlier this)\s+(week|month|year)$")
_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "yesterday": 1, "last night": 1, "yesterday morning": 1,
    "yesterday afternoon": 1, "yesterday evening": 1, "day before yesterday": 2,
}  # fmt: skip
_DAY_NUMBER = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
_POSSESSIVE = re.compile(r"(?:'s|’s|s')$")
_SINCE = re.compile(r"^(?:ever\s+)?since\b")
# "on this day in 1991", "this day back in 1944": an anniversary of the publication day
_THIS_DAY = re.compile(r"^(?:on\s+)?(?:this|the same) day,?\s+(?:back\s+)?in\s+(1[89]\d\d|20\d\d)$")
# ranges: "between 3 and 5 May", "3-5 May", "June 5 to 6", "2014-15"
_RANGE_SPLIT = re.compile(r"\s*(?:–|—|-|\band\b|\bto\b|\buntil\b|\btill\b)\s*")
_RANGE_LEAD = re.compile(r"^(?:between|from|(?:in|on|during)\s+(?:the\s+)?(?:period\s+)?)\s*")
# phrases pointing back at a date told before: unit -> ("same" | days to add)
_ANAPHORA = re.compile(
    r"^(?:(?:later|earlier)\s+)?(?:on|in|at|during|by)?\s*(?:that|the same|that same)\s+"
    r"(day|night|morning|afternoon|evening|month|year)$"
)
_ANAPHORIC_SHIFT = re.compile(
    r"^(?:on\s+)?(?:the\s+)?(?:(next|following|previous)\s+(day|month|year)"
    r"|(" + "|".join(_NUMBERS) + r"|\d{1,2})\s+(day|week|month|year)s?\s+(later|earlier|before))$"
)
# "hours later", "a few minutes later": the same day as the date told before
_HOURS_LATER = re.compile(r"^(?:(?:a few|several|some)\s+)?(?:hours|minutes)\s+later$")
# "Monday last week", "on Tuesday of last week": that weekday of the week named
_WEEKDAY_OF_WEEK = re.compile(
    r"^(" + "|".join(_WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:of\s+)?(last|this)\s+week$"
)
_NOT_ANAPHORIC = "not anaphoric"

Anchor = tuple[int, int | None, int | None]


def resolve_date(expr: str, published: str | None, previous: str | None = None) -> str | None:
    """A date expression -> ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or None.

    Keeps only the precision the text supports; relative expressions are anchored
    on ``published`` (ISO, any precision, may be None), phrases pointing back ("that
    same year", "later that day") on ``previous``, the last date the text named
    before them (ISO, may be None). See the module docstring for the rules. Never
    raises on odd input: returns None.
    """
    squeezed = " ".join(expr.split()).lower().strip(" .,;:'\"()")
    squeezed = _POSSESSIVE.sub("", squeezed)
    if _SINCE.match(squeezed):
        return None  # a start, not the date of what is told
    if match := _THIS_DAY.match(squeezed):
        return _this_day(match.group(1), published)
    back = _anaphoric(squeezed, previous)
    if back is not _NOT_ANAPHORIC:
        return back
    if _REJECT.search(squeezed):
        return None
    found = _resolve(squeezed, published)
    if found is None and _RANGE_SPLIT.search(squeezed):
        return _range(squeezed, published)
    return _narrative_year(squeezed, found, previous)


def _narrative_year(text: str, found: str | None, previous: str | None) -> str | None:
    """A day and month without a year, told right after a dated day or month of another
    year, continues that year's story when it falls on or after it in that year ("On 20
    February 2014 ... On the night of 27 February ... a vote was held on 16 March": all
    2014). ``found`` is the publication-anchored reading, kept otherwise."""
    if found is None or previous is None or len(found) != 10 or len(previous) < 7:
        return found
    if found[:4] == previous[:4]:
        return found
    words = [w for w in re.split(r"[\s,]+", text) if w]
    if any(_YEAR.match(w) for w in words) or not any(_month_number(w) for w in words):
        return found  # a written year, or no month name ("on Monday" is the publication's)
    if any(w in ("last", "this", "next") for w in words):
        return found
    if found[5:] < previous[5:]:
        return found
    try:
        return _iso_day(date(int(previous[:4]), int(found[5:7]), int(found[8:10])))
    except ValueError:  # 29 February
        return found


def _resolve(expr: str, published: str | None) -> str | None:
    """One date phrase (no range, no anaphora) -> ISO or None."""
    text, qualified = _normalise(expr)
    if not text:
        return None
    anchor = _anchor(published)
    stated = _year_stated_relative(text, anchor)
    if stated is None:
        return None
    text = stated
    found = _absolute(text) or _written(text, anchor, qualified) or _season(text, anchor)
    if found is not None or anchor is None:
        return found
    for relative in (_day_word, _weekday, _weekday_of_week, _ago, _period, _weekend):
        found = relative(text, anchor)
        if found is not None:
            return found
    return None


def _normalise(expr: str) -> tuple[str, bool]:
    """Lower-case, squeeze spaces, drop a leading preposition/modifier.

    The flag says whether something qualified the phrase (a preposition, a modifier
    or last/this), which a bare month name needs to count as a date.
    """
    text = " ".join(expr.split()).lower().strip(" .,;:'\"()")
    if len(text) > 60:
        return "", False
    qualified = False
    for pattern in (_LEAD_PREP, _LEAD_MOD, _PART_OF_DAY, _LEAD_PREP):  # "early on Monday"
        stripped = pattern.sub("", text, count=1)
        qualified = qualified or stripped != text
        text = stripped
    if text.startswith("the "):
        text = text[4:]
    if text.startswith("over the ") or text.startswith("at the "):  # "over the weekend"
        text = text.split(" ", 2)[2]
    return text, qualified


def _year_stated_relative(text: str, anchor: Anchor | None) -> str | None:
    """ "august last year" -> "august 2022" (published 2023); None if it cannot be anchored."""
    match = _RELATIVE_YEAR.match(text)
    if not match or not any(_month_number(w) for w in match.group(1).split()):
        return text  # "earlier this year" is handled by the period rules
    if anchor is None:
        return None
    rest, which = match.groups()
    return f"{rest} {anchor[0] - 1 if which == 'last' else anchor[0]}"


def _anchor(published: str | None) -> Anchor | None:
    """The publication date as (year, month or None, day or None), None if unusable."""
    if not published:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def _iso_day(value: date) -> str:
    return value.isoformat()


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _absolute(text: str) -> str | None:
    """ISO day, ISO month or a bare year."""
    if match := _ISO_DAY.match(text):
        try:
            return _iso_day(date(*(int(g) for g in match.groups())))
        except ValueError:
            return None
    if match := _ISO_MONTH.match(text):
        year, month = (int(g) for g in match.groups())
        return _iso_month(year, month) if 1 <= month <= 12 else None
    if match := _YEAR.match(text):
        return match.group(1)
    return None


def _month_number(word: str) -> int | None:
    word = word.rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBR.get(word)


def is_month_name(word: str) -> bool:
    """A month's name or abbreviation ("March", "Sept.")."""
    return _month_number(word.lower()) is not None


def _written(text: str, anchor: Anchor | None, qualified: bool) -> str | None:
    """Dates written with a month name, parsed by dateparser after a token whitelist."""
    last = text.startswith("last ")
    if last or text.startswith("this "):
        text, qualified = text[5:], True
    words = [w for w in re.split(r"[\s,]+", text) if w and w != "of"]
    months = [w for w in words if _month_number(w)]
    if len(months) != 1:
        return None
    has_year = any(_YEAR.match(w) for w in words)
    has_day = any(_DAY_NUMBER.match(w) for w in words)
    for word in words:
        if not (_month_number(word) or _YEAR.match(word) or _DAY_NUMBER.match(word)):
            if word.rstrip(".") not in _WEEKDAYS:
                return None
    if not (has_year or has_day or qualified):
        return None  # "May" alone may be a name
    if not has_year and (anchor is None or anchor[1] is None or (has_day and anchor[2] is None)):
        return None
    base = datetime(anchor[0], anchor[1] or 12, anchor[2] or 28) if anchor else None
    data = _parser(base).get_date_data(" ".join(words))
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    if not has_year and last and base and (found.year, found.month) == (base.year, base.month):
        found = found.replace(year=found.year - 1)
    elif not has_year and has_day and not last and base:
        found = _nearest_year(found, base.date())
    if data.period == "year":
        return f"{found.year:04d}"
    if data.period == "month" or not has_day:
        return _iso_month(found.year, found.month)
    return _iso_day(found)


#: A day and month without a year that falls at most this many days after the
#: publication date is in the publication's year ("the vote on 17 March" in an article
#: of 12 March); further ahead it is taken as the past year's.
_AHEAD_DAYS = 45


def _nearest_year(found: date, base: date) -> date:
    """A day-month without a written year, which dateparser put in the past: moved to the
    publication's year when that is only a few days ahead of the publication."""
    try:
        ahead = found.replace(year=base.year)
    except ValueError:  # 29 February
        return found
    return ahead if 0 < (ahead - base).days <= _AHEAD_DAYS else found


@lru_cache(maxsize=64)
def _parser(base: datetime | None) -> DateDataParser:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _day(anchor: Anchor) -> date | None:
    year, month, day = anchor
    return date(year, month, day) if month and day else None


def _day_word(text: str, anchor: Anchor) -> str | None:
    """today, yesterday, last night ... (needs a day-precise publication date)."""
    back = _DAY_WORDS.get(text)
    base = _day(anchor)
    if back is None or base is None:
        return None
    return _iso_day(base - timedelta(days=back))


def _weekday(text: str, anchor: Anchor) -> str | None:
    """Monday / on Monday / this Monday (on or before publication), last Monday (before)."""
    match = _WEEKDAY.match(text)
    base = _day(anchor)
    if not match or base is None:
        return None
    back = (base.weekday() - _WEEKDAYS[match.group(2)]) % 7
    if match.group(1) in ("last", "past") and back == 0:
        back = 7
    return _iso_day(base - timedelta(days=back))


def _weekday_of_week(text: str, anchor: Anchor) -> str | None:
    """ "Monday last week" -> the Monday of the Monday-Sunday week before publication's;
    "Tuesday this week" -> the Tuesday of publication's week, if not after publication."""
    match = _WEEKDAY_OF_WEEK.match(text)
    base = _day(anchor)
    if not match or base is None:
        return None
    monday = base - timedelta(days=base.weekday())
    if match.group(2) == "last":
        monday -= timedelta(days=7)
    found = monday + timedelta(days=_WEEKDAYS[match.group(1)])
    return _iso_day(found) if found <= base else None


def _ago(text: str, anchor: Anchor) -> str | None:
    """N days/weeks/months/years/decades ago."""
    match = _AGO.match(text)
    if not match:
        return None
    count = int(match.group(1)) if match.group(1).isdigit() else _NUMBERS[match.group(1)]
    unit = match.group(2)
    year, month, _ = anchor
    if unit in ("year", "decade"):  # "two decades ago": counted in whole years
        return f"{year - count * (10 if unit == 'decade' else 1):04d}"
    if unit == "month":
        if month is None:
            return None
        index = year * 12 + (month - 1) - count
        return _iso_month(index // 12, index % 12 + 1)
    base = _day(anchor)
    if base is None:
        return None
    if unit == "day":
        return _iso_day(base - timedelta(days=count))
    centre = base - timedelta(weeks=count)
    return _one_month(centre - timedelta(days=3), centre + timedelta(days=3))


def _one_month(first: date, last: date) -> str | None:
    """The month of a span, when the span lies in one month."""
    if (first.year, first.month) != (last.year, last.month):
        return None
    return _iso_month(first.year, first.month)


def _period(text: str, anchor: Anchor) -> str | None:
    """last/this week, month, year."""
    match = _PERIOD.match(text)
    if not match:
        return None
    previous = match.group(1) in ("last", "past", "previous")
    unit = match.group(2)
    year, month, _ = anchor
    if unit == "year":
        return f"{year - 1 if previous else year:04d}"
    if month is None:
        return None
    if unit == "month":
        index = year * 12 + (month - 1) - (1 if previous else 0)
        return _iso_month(index // 12, index % 12 + 1)
    base = _day(anchor)
    if base is None:
        return None
    monday = base - timedelta(days=base.weekday())
    if previous:
        return _one_month(monday - timedelta(days=7), monday - timedelta(days=1))
    return _one_month(monday, base)


def _weekend(text: str, anchor: Anchor) -> str | None:
    """last/this weekend, (over/at) the weekend -> the month, if that Saturday-Sunday lies in one.

    "last weekend" is the most recent weekend that ended before publication; "the
    weekend" / "this weekend" the most recent one that began on or before it.
    """
    match = _WEEKEND.match(text)
    base = _day(anchor)
    if not match or base is None:
        return None
    if match.group(1) in ("last", "past"):
        sunday = base - timedelta(days=(base.weekday() - 6) % 7 or 7)
    else:
        saturday = base - timedelta(days=(base.weekday() - 5) % 7)
        sunday = saturday + timedelta(days=1)
    return _one_month(sunday - timedelta(days=1), sunday)


def _season(text: str, anchor: Anchor | None) -> str | None:
    """Seasons -> a year (see the module docstring for the rule)."""
    match = _SEASON.match(text)
    if not match:
        return None
    qualifier, season, stated = match.groups()
    if stated:
        return stated
    if anchor is None:
        return None
    year, month, _ = anchor
    if season == "winter" or month is None:
        return None
    first, last = _SEASONS[season]
    if qualifier in ("last", "past"):
        return f"{year if month > last else year - 1:04d}"
    if qualifier == "this":
        return f"{year:04d}" if month >= first else None
    return f"{year if month >= first else year - 1:04d}"


def _range(text: str, published: str | None) -> str | None:
    """A range of two dates -> what both ends share ("between 3 and 5 May" -> the month).

    A bare day on the left takes the right end's month and year ("3-5 May"), a bare day
    on the right the left end's month ("June 5-6"), a two-digit year on the right the
    left end's century ("2014-15").
    """
    stripped = _RANGE_LEAD.sub("", text, count=1)
    led = stripped != text  # "in May and June": each end is as qualified as the whole
    text = stripped
    parts = _RANGE_SPLIT.split(text, maxsplit=1)
    if len(parts) != 2 or not all(parts):
        return None
    left_words = [w for w in re.split(r"[\s,]+", parts[0]) if w]
    right_words = [w for w in re.split(r"[\s,]+", parts[1]) if w]
    if not left_words or not right_words:
        return None
    if led:
        left_words, right_words = ["in", *left_words], ["in", *right_words]
        first_words, last_words = _range_ends(left_words[1:], right_words[1:])
        left_words, right_words = ["in", *first_words], ["in", *last_words]
    else:
        left_words, right_words = _range_ends(left_words, right_words)
    left, right = " ".join(left_words), " ".join(right_words)
    first, last = _resolve(left, published), _resolve(right, published)
    if first is None or last is None:
        return None
    if first > last:
        return None
    return _common(first, last)


def _range_ends(left_words: list[str], right_words: list[str]) -> tuple[list[str], list[str]]:
    """The two ends of a range or list, each completed from the other: a bare day takes
    the other end's month, a two-digit year the other end's century, a missing year the
    other end's year."""
    if len(left_words) == 1 and _DAY_NUMBER.match(left_words[0]):  # "3-5 May 2024"
        left_words += [w for w in right_words if not _DAY_NUMBER.match(w)]
    elif _DAY_NUMBER.match(right_words[0]) and any(_month_number(w) for w in left_words):
        # "June 5-6, 2024": the right end is a day of the left end's month
        right_words = [w for w in left_words if _month_number(w)] + right_words
    elif _YEAR.match(left_words[0]) and re.fullmatch(r"\d\d", right_words[0]):  # "2014-15"
        right_words[0] = left_words[0][:2] + right_words[0]
    years = [w for w in left_words + right_words if _YEAR.match(w)]
    if years and not any(_YEAR.match(w) for w in left_words):  # "between May and July 2022"
        left_words.append(years[-1])
    if years and not any(_YEAR.match(w) for w in right_words):
        right_words.append(years[0])
    return left_words, right_words


_LIST_SPLIT = re.compile(r"\s*(?:,\s*and\b|,|\band\b)\s*")


def conjoined_dates(expr: str, published: str | None) -> list[str]:
    """The dates of a list "in May and June", "in 2020 and 2021", "on 3, 5 and 9 May"
    (each resolved as :func:`resolve_date` would, a missing month or year taken from the
    last item), in order; [] when ``expr`` is not such a list or an item does not resolve.
    Ranges ("between 3 and 5 May") are not lists."""
    text = " ".join(expr.split()).lower().strip(" .,;:'\"()")
    if _SINCE.match(text) or re.match(r"^(?:between|from)\b", text) or re.search(r"–|—|\bto\b|\buntil\b|\btill\b", text):
        return []
    lead = re.match(r"^(?:in|on|during)\s+(?:the\s+)?", text)
    body = text[lead.end():] if lead else text
    items = [[w for w in re.split(r"[\s,]+", part) if w] for part in _LIST_SPLIT.split(body)]
    if len(items) < 2 or not all(items):
        return []
    words = [w for item in items for w in item]
    if not all(_month_number(w) or _YEAR.match(w) or _DAY_NUMBER.match(w) or w in _WEEKDAYS for w in words):
        return []  # "in May and June last year": a relative item is not completed here
    last = items[-1]
    completed = [_range_ends(item, last)[0] for item in items[:-1]] + [last]
    prefix = ["in"] if lead else []
    dates = [_resolve(" ".join(prefix + item), published) for item in completed]
    if any(d is None for d in dates) or len(set(dates)) != len(dates):
        return []
    return [d for d in dates if d is not None]


def _common(first: str, last: str) -> str | None:
    """The precision two ISO dates share: "2024-05-03"/"2024-05-05" -> "2024-05"."""
    a, b = first.split("-"), last.split("-")
    shared = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared.append(x)
    return "-".join(shared) or None


def _anaphoric(text: str, previous: str | None) -> str | None:
    """ "that same year", "later that day", "the next day", "two days later" against the
    date told before (``previous``); ``_NOT_ANAPHORIC`` for other phrases."""
    if _HOURS_LATER.match(text):
        return previous if previous is not None and len(previous) == 10 else None
    if match := _ANAPHORA.match(text):
        unit = match.group(1)
        if previous is None:
            return None
        size = {"year": 4, "month": 7}.get(unit, 10)
        return previous[:size] if len(previous) >= size else None
    if match := _ANAPHORIC_SHIFT.match(text):
        if previous is None:
            return None
        which, unit, count, unit2, direction = match.groups()
        if which:
            step = -1 if which == "previous" else 1
        else:
            unit = unit2
            number = int(count) if count.isdigit() else _NUMBERS[count]
            step = number if direction == "later" else -number
            if unit == "week":
                unit, step = "day", step * 7
        return _shift(previous, unit, step)
    return _NOT_ANAPHORIC


def _this_day(year: str, published: str | None) -> str | None:
    """ "on this day in 1991": the publication's month and day in that year."""
    anchor = _anchor(published)
    if anchor is None or anchor[1] is None or anchor[2] is None:
        return year  # the year is stated; the day is not known
    try:
        return _iso_day(date(int(year), anchor[1], anchor[2]))
    except ValueError:  # 29 February
        return year


def _shift(iso: str, unit: str, step: int) -> str | None:
    """``iso`` moved by ``step`` days/months/years, at the precision the unit needs."""
    try:
        if unit == "year":
            return f"{int(iso[:4]) + step:04d}"
        if unit == "month":
            if len(iso) < 7:
                return None
            index = int(iso[:4]) * 12 + int(iso[5:7]) - 1 + step
            return _iso_month(index // 12, index % 12 + 1)
        if len(iso) < 10:
            return None
        return _iso_day(date.fromisoformat(iso[:10]) + timedelta(days=step))
    except ValueError:
        return None


def measure_offset(expr: str) -> tuple[str, int] | None:
    """The shift a measure phrase names, as (unit, count): "a day" / "the day" -> ("day",
    1), "a week" -> ("day", 7), "ten months" -> ("month", 10), "two years" -> ("year", 2);
    None for anything else (hours, "days", "several months")."""
    match = re.match(
        r"^(the|" + "|".join(_NUMBERS) + r"|\d{1,2})\s+(day|week|month|year)s?$",
        " ".join(expr.split()).lower(),
    )
    if not match:
        return None
    word, unit = match.groups()
    count = 1 if word == "the" else int(word) if word.isdigit() else _NUMBERS[word]
    if unit == "week":
        return "day", count * 7
    return unit, count


def shift_date(iso: str, unit: str, step: int) -> str | None:
    """``iso`` moved by ``step`` days, months or years (``unit`` "day" / "month" / "year"),
    keeping only the precision the unit allows: a month shift of "2024-07-06" is
    "2023-09" for -10; a day shift needs a day; None when ``iso`` is too coarse."""
    return _shift(iso, unit, step)


def within_days(iso: str, days: int) -> str | None:
    """The precision an event lasting ``days`` days supports when the text fixes one of its
    days as ``iso`` (its start or its end): what the ``days - 1`` days either side share
    ("2024-03-15" for a three-day vote -> "2024-03"; "2024-03-31" -> "2024"). Coarser
    dates are returned as they are."""
    if len(iso) != 10 or days <= 1:
        return iso
    try:
        day = date.fromisoformat(iso)
        first, last = day - timedelta(days=days - 1), day + timedelta(days=days - 1)
    except (ValueError, OverflowError):
        return None
    return _common(first.isoformat(), last.isoformat())


def day_offset(expr: str) -> int | None:
    """The number of days a measure phrase names: "a day" / "the day" -> 1, "two days"
    -> 2, "a week" -> 7; None for anything else (hours, months, "days")."""
    found = measure_offset(expr)
    return found[1] if found is not None and found[0] == "day" else None


_AHEAD_PERIOD = re.compile(r"^(?:later\s+)?(next|this|coming)\s+(week|month|year)$")


def resolve_ahead(expr: str, published: str | None) -> str | None:
    """A date phrase of a *scheduled* event, read forward from ``published`` (ISO), or None.

    For what the text tells as still to come ("will host a summit next month", "ahead of
    a summit next week"): "next/this/coming week|month|year" (a week only when its days
    lie in one month), "tomorrow", a month without a year ("in August": the first on or
    after the publication month) and a day and month ("on 12 July": the first on or after
    the publication day). A weekday alone ("on Tuesday") is None: a story written days
    before it went out may mean the Tuesday behind the publication date. Absolute dates
    are left to :func:`resolve_date`; anything else, and any phrase without a precise
    enough publication date, is None.
    """
    anchor = _anchor(published)
    text, _ = _normalise(_POSSESSIVE.sub("", " ".join(expr.split()).lower().strip(" .,;:'\"()")))
    if anchor is None or not text:
        return None
    year, month, _day_of_month = anchor
    if match := _AHEAD_PERIOD.match(text):
        step = 0 if match.group(1) == "this" else 1
        unit = match.group(2)
        if unit == "year":
            return f"{year + step:04d}"
        if month is None:
            return None
        if unit == "month":
            return _shift(_iso_month(year, month), "month", step)
        base = _day(anchor)
        if base is None:
            return None
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        return _one_month(max(monday, base), monday + timedelta(days=6))
    if text == "tomorrow":
        base = _day(anchor)
        return _iso_day(base + timedelta(days=1)) if base else None
    return _month_ahead(text, anchor)


def _month_ahead(text: str, anchor: Anchor) -> str | None:
    """ "august" / "12 july" / "july 12" without a year: the first on or after publication."""
    words = [w for w in re.split(r"[\s,]+", text) if w and w != "of"]
    months = [m for m in (_month_number(w) for w in words) if m is not None]
    days = [int(re.sub(r"\D", "", w)) for w in words if _DAY_NUMBER.match(w)]
    if len(months) != 1 or len(words) != len(months) + len(days) or len(days) > 1:
        return None
    year, month, day = anchor
    if month is None:
        return None
    wanted = months[0]
    if not days:
        return _iso_month(year + (wanted < month), wanted)
    if day is None:
        return None
    ahead_year = year + ((wanted, days[0]) < (month, day))
    try:
        return _iso_day(date(ahead_year, wanted, days[0]))
    except ValueError:
        return None
