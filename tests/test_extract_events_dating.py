"""find_events dating forms of news reporting: coordinated verbs sharing a date, weekdays
of last week, month names before a noun, dates the parser took for a possessor, clauses
of another happening, "which X signed", multi-day events, measures in months, date
phrases spaCy leaves untagged ("the same day", "in the autumn"), "late on Saturday",
"hours later", "N weeks after ..." under a present-tense clause, a full date before a
noun, a participle on the subject of a dated clause, a multi-day event that began on a
day, a year modifying a noun ("its 2014 annexation") in a story of another year."""

from __future__ import annotations

import pytest

from factmap.extract.events import date_entities, load_event_vocab
from factmap.model import Event


def _dates(found: list[Event], type_: str) -> list[str | None]:
    return [e.date for e in found if e.type == type_]


@pytest.mark.slow
def test_extract_events_coordinated_verb_shares_the_first_verbs_date(events) -> None:
    text = ("A group of about thirty men left the brigade in the autumn and formed a separate "
            "detachment, the Iron Wolves, which now serves in the south.")
    found = events(text, [("Iron Wolves", "organization")], "2024-01-26")
    assert _dates(found, "formation") == ["2023"]


@pytest.mark.slow
def test_extract_events_coordinated_participles_share_the_date(events) -> None:
    text = ("The Harbour Declaration, adopted in late April 2023 and signed by Ana Kovac and "
            "Piet Mols among others, called for the withdrawal of all troops.")
    found = events(text, [("Ana Kovac", "person"), ("Piet Mols", "person")], "2024-05-20")
    assert _dates(found, "agreement_signed") == ["2023-04"]


@pytest.mark.slow
def test_extract_events_coordinated_verb_with_later_keeps_no_borrowed_date(events) -> None:
    text = "The Oak Legion was set up in 2019 and later signed the Harbour Declaration."
    found = events(text, [("Oak Legion", "organization")], "2024-05-20")
    assert "2019" not in _dates(found, "agreement_signed")


@pytest.mark.slow
def test_extract_events_weekday_of_last_week_dates_a_when_clause(events) -> None:
    text = "Two of my men were wounded near Dorvan on Monday last week, when an enemy drone hit our position."
    found = events(text, [("Dorvan", "location")], "2024-11-20")
    assert _dates(found, "attack") == ["2024-11-11"]


@pytest.mark.slow
def test_extract_events_month_name_before_the_noun_dates_it(events) -> None:
    text = "Tomas Berg said the unit had taken in 60 new recruits since the March raid into Velmor Oblast."
    found = events(text, [("Tomas Berg", "person"), ("Velmor Oblast", "location")], "2024-05-17")
    assert _dates(found, "raid") == ["2024-03"]


@pytest.mark.slow
def test_extract_events_date_taken_for_a_possessor_dates_the_verb(events) -> None:
    text = 'In October 2022 Arland\'s parliament, the Grand Assembly, voted to recognise Velmor as "occupied".'
    found = events(text, [("Grand Assembly", "organization"), ("Velmor", "location")], "2024-08-14")
    assert _dates(found, "other") == ["2022-10"]


@pytest.mark.slow
def test_extract_events_participle_of_another_happening_does_not_date_the_noun(events) -> None:
    text = ("The congress, co-founded in 2016 by the writer Ana Kovac, opened this morning at a "
            "hotel in Velmor with about 300 delegates.")
    found = events(text, [("Ana Kovac", "person"), ("Velmor", "location")], "2024-05-17")
    assert _dates(found, "meeting") == ["2024-05-17"]
    assert _dates(found, "formation") == ["2016"]


@pytest.mark.slow
def test_extract_events_relative_clause_object_dates_the_signing(events) -> None:
    text = "The Charter builds on the Harbour Declaration of April 2023, which several council members also signed."
    found = events(text, [], "2024-11-18")
    assert _dates(found, "agreement_signed") == ["2023-04"]


@pytest.mark.slow
def test_extract_events_multi_day_event_keeps_what_its_days_share(events) -> None:
    text = "Polls in Arland's three-day presidential vote opened yesterday and close tomorrow evening."
    found = events(text, [("Arland", "location")], "2024-03-16")
    assert _dates(found, "election") == ["2024-03"]


@pytest.mark.slow
def test_extract_events_months_after_a_clause_shift_its_date(events) -> None:
    text = ("Arland, Belmia and Corvia signed a treaty in Kessa on 6 July last year creating the "
            "Union of Lakes States, ten months after the three juntas first formed their "
            "Alliance of Lakes States.")
    names = [("Arland", "location"), ("Belmia", "location"), ("Corvia", "location"), ("Kessa", "location"),
             ("Union of Lakes States", "organization"), ("Alliance of Lakes States", "organization")]
    found = events(text, names, "2025-06-10")
    assert sorted(d or "" for d in _dates(found, "formation")) == ["2023-09", "2024-07-06"]


@pytest.mark.slow
def test_extract_events_same_day_untagged_points_back(events) -> None:
    text = ("On Saturday, the closing day, representatives of nine groups signed the Kessa Charter. "
            "The same day delegates elected Ana Kovac, a former deputy, as chair of the council.")
    found = events(text, [("Ana Kovac", "person")], "2024-11-18")
    assert _dates(found, "election") == ["2024-11-16"]


@pytest.mark.slow
def test_extract_events_late_on_a_weekday_dates_the_verb(events) -> None:
    text = ("The Northern Front and a group of allies signed a charter in Kessa late on Saturday "
            "that lays the groundwork for a rival government, organisers said.")
    found = events(text, [("Northern Front", "organization"), ("Kessa", "location")], "2025-02-24")
    assert _dates(found, "agreement_signed") == ["2025-02-22"]


@pytest.mark.slow
def test_extract_events_date_entities_add_untagged_phrases(nlp) -> None:
    sdoc = nlp("A group of about thirty men left the brigade in the autumn and formed a separate "
               "detachment. The same day delegates elected a new chair.")
    assert not [e for e in sdoc.ents if e.label_ == "DATE"]  # what spaCy leaves untagged
    texts = [e.text for sent in sdoc.sents for e in date_entities(sent, load_event_vocab())]
    assert texts == ["the autumn", "The same day"]


@pytest.mark.slow
def test_extract_events_fall_of_a_place_is_no_season(nlp) -> None:
    sdoc = nlp("After the capture, in the fall of Dorvan, the men left.")
    texts = [e.text for sent in sdoc.sents for e in date_entities(sent, load_event_vocab())]
    assert not any("fall" in t for t in texts)


@pytest.mark.slow
def test_extract_events_past_event_never_takes_a_date_after_publication(events) -> None:
    text = "A referendum was held in Ostmark on 16 March."
    found = events(text, [("Ostmark", "location")], "2022-02-21")
    assert _dates(found, "election") == [None]  # not 2022-03-16, and no year is told


@pytest.mark.slow
def test_extract_events_day_month_continues_an_earlier_years_story(events) -> None:
    text = ("On 20 February 2014, troops of Valdoria crossed into Ostmark. The parliament "
            "building was seized. Flags were raised over it. Trucks appeared in the streets. "
            "Then a referendum was held in Ostmark on 16 March.")
    found = events(text, [("Valdoria", "location"), ("Ostmark", "location")], "2022-02-21")
    assert _dates(found, "election") == ["2014-03-16"]


@pytest.mark.slow
def test_extract_events_hours_later_takes_the_day_told_before(events) -> None:
    text = ("On 3 May the Oak Legion crossed into the Tarn region. "
            "Hours later, its fighters attacked a police post in Molbo.")
    found = events(text, [("Oak Legion", "organization"), ("Tarn region", "location"), ("Molbo", "location")])
    assert _dates(found, "attack") == ["2024-05-03"]


@pytest.mark.slow
def test_extract_events_later_that_day_takes_the_day_told_before(events) -> None:
    text = "On 3 May the Oak Legion crossed into Tarn. Later that day it shelled Molbo."
    found = events(text, [("Oak Legion", "organization"), ("Tarn", "location"), ("Molbo", "location")])
    assert _dates(found, "attack") == ["2024-05-03"]


@pytest.mark.slow
def test_extract_events_weeks_after_under_a_present_clause_counts_back_from_publication(events) -> None:
    text = "Three weeks after the Oak Legion took the town of Varsk, residents say the front has barely moved."
    found = events(text, [("Oak Legion", "organization"), ("Varsk", "location")], published="2024-05-17")
    assert _dates(found, "battle") == ["2024-04"]


@pytest.mark.slow
def test_extract_events_weeks_after_under_a_past_clause_borrows_nothing(events) -> None:
    text = "Three weeks after the Oak Legion took the town of Varsk, residents said the front had not moved."
    found = events(text, [("Oak Legion", "organization"), ("Varsk", "location")], published="2024-05-17")
    assert _dates(found, "battle") == [None]


@pytest.mark.slow
def test_extract_events_date_on_the_participle_of_an_agent_dates_the_noun(events) -> None:
    text = ("Observers fear the war sparked by Valdoria's invasion on February 24, 2022 will not "
            "stop soon, and that its toll will grow.")
    found = events(text, [("Valdoria", "location")], "2023-02-26")
    assert _dates(found, "attack") == ["2022-02-24"]


@pytest.mark.slow
def test_extract_events_date_hung_on_a_participle_modifier_dates_the_clause(events) -> None:
    text = "At the Harrow summit in Tolsk this week sweeping changes to the alliance were agreed by leaders."
    found = events(text, [("Tolsk", "location")], "2024-06-07")
    assert _dates(found, "meeting") == ["2024-06"]


@pytest.mark.slow
def test_extract_events_scheduled_event_is_dated_forward(events) -> None:
    text = "Next month Ostmark will host a Harrow summit in Tolsk."
    found = events(text, [("Ostmark", "location"), ("Tolsk", "location")], "2024-06-07")
    assert [(e.type, e.date, e.rule) for e in found] == [("meeting", "2024-07", "noun:summit+scheduled")]


@pytest.mark.slow
def test_extract_events_decades_ago_is_a_year(events) -> None:
    text = "Two decades ago, Valdoria invaded Kessa."
    found = events(text, [("Valdoria", "location"), ("Kessa", "location")], "2024-03-17")
    assert _dates(found, "attack") == ["2004"]


@pytest.mark.slow
def test_extract_events_vaguer_later_telling_joins_the_dated_event(events) -> None:
    text = ("It was a quiet weekend after Friday's missile attacks across the country. "
            "Despite the missile attacks last week, most homes kept their power.")
    found = events(text, [], "2024-06-10")
    assert [(e.type, e.date) for e in found] == [("attack", "2024-06-07")]


@pytest.mark.slow
def test_extract_events_finer_later_telling_stays_its_own_event(events) -> None:
    text = ("Missile attacks hit the country last week. "
            "On Friday, missile attacks struck the port.")
    found = events(text, [], "2024-06-10")
    assert [e.date for e in found] == ["2024-06", "2024-06-07"]


@pytest.mark.slow
def test_extract_events_full_date_before_the_noun_dates_it_to_the_day(events) -> None:
    text = "The March 3, 2021 invasion of Velmor Oblast began before dawn."
    found = events(text, [("Velmor Oblast", "location")], "2024-05-17")
    assert _dates(found, "attack") == ["2021-03-03"]


@pytest.mark.slow
def test_extract_events_participle_on_the_subject_takes_the_clauses_date(events) -> None:
    text = "On Monday, NATO leaders meeting in Orsk pledged to expand air defences."
    found = events(text, [("NATO", "organization"), ("Orsk", "location")], "2024-05-17")
    assert _dates(found, "meeting") == ["2024-05-13"]
    text = "Arland's ministers meeting in Dorvan said the border stays open."
    found = events(text, [("Arland", "location"), ("Dorvan", "location")], "2024-05-17")
    assert _dates(found, "meeting") == [None]


@pytest.mark.slow
def test_extract_events_full_date_in_a_before_phrase_dates_the_noun(events) -> None:
    text = "The day before the March 3, 2021 invasion, the council declared the region its own."
    found = events(text, [], "2024-05-17")
    assert _dates(found, "attack") == ["2021-03-03"]


@pytest.mark.slow
def test_extract_events_purpose_of_a_past_trip_takes_the_trips_date(events) -> None:
    text = "In March 2023, Ana Kovac visited the Dorvan border to meet Piet Mols."
    names = [("Ana Kovac", "person"), ("Dorvan", "location"), ("Piet Mols", "person")]
    assert _dates(events(text, names, "2024-05-17"), "meeting") == ["2023-03"]
    text = "In March 2023, Ana Kovac said she wanted to meet Piet Mols."
    names = [("Ana Kovac", "person"), ("Piet Mols", "person")]
    assert "2023-03" not in _dates(events(text, names, "2024-05-17"), "meeting")


@pytest.mark.slow
def test_extract_events_a_later_date_that_narrows_the_first_wins(events) -> None:
    text = "One year ago, on 12 May 2023, we gathered in Dorvan to establish the Oak Council."
    names = [("Dorvan", "location"), ("Oak Council", "organization")]
    assert _dates(events(text, names, "2024-05-12"), "formation") == ["2023-05-12"]


@pytest.mark.slow
def test_extract_events_multi_day_event_that_began_on_a_day_is_dated_to_it(events) -> None:
    text = "A two-day summit of Arland and Belmia began in Kessa on Friday, 8 March."
    found = events(text, [("Kessa", "location")], "2024-03-11")
    assert _dates(found, "meeting") == ["2024-03-08"]


@pytest.mark.slow
def test_extract_events_year_modifying_a_noun_does_not_move_the_story_year(events) -> None:
    text = (
        "Talks between Arland and Belmia began in Kessa on 28 February 2022. Belmia demanded "
        "that Arland recognise its 2014 annexation of Dorvan. On 10 March the two foreign "
        "ministers met in Tolsk."
    )
    found = events(text, [("Kessa", "location"), ("Tolsk", "location"), ("Dorvan", "location")], "2024-04-19")
    assert "2022-03-10" in _dates(found, "meeting")
