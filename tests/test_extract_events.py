"""find_events: triggers per type, date/place/participants, merging, evidence."""

from __future__ import annotations

import pytest

from factmap.errors import FactmapError
from factmap.extract.events import dates_compatible, find_events, load_event_vocab
from factmap.model import EVENT_TYPES, Document, Event, Mention

DOC = "d1"
FRIDAY = "2024-06-07"

Name = tuple[str, str] | tuple[str, str, int]


def make_mentions(text: str, doc_id: str, names: list[Name]) -> list[Mention]:
    """Mentions of each (string, type[, occurrence]) in ``text`` (first occurrence by default)."""
    mentions = []
    for name in names:
        string, type_ = name[0], name[1]
        occurrence = name[2] if len(name) == 3 else 0
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(string, start + 1)
        mentions.append(Mention(doc_id, start, start + len(string), string, type_))
    return mentions


@pytest.fixture
def events(nlp):
    """Run find_events on a text with hand-made mentions; checks evidence every time."""

    def run(text: str, names: list[Name], published: str | None = FRIDAY) -> list[Event]:
        doc = Document(id=DOC, source="test", sha256="0", text=text, published=published)
        found = find_events(nlp(text), doc, make_mentions(text, DOC, names))
        for event in found:
            assert event.quote == text[event.start : event.end]
            assert event.doc == DOC and event.type in EVENT_TYPES
        return found

    return run


def mid(text: str, string: str, occurrence: int = 0) -> str:
    """The mention id of ``string``'s n-th occurrence."""
    m = make_mentions(text, DOC, [(string, "x", occurrence)])[0]
    return m.id


# ---------------------------------------------------------------- no spaCy needed


def test_extract_events_vocab_types_are_spec_types() -> None:
    vocab = load_event_vocab()
    assert vocab.rules
    assert {rule.type for rule in vocab.rules} <= set(EVENT_TYPES)
    assert "would" in vocab.modals and "in" in vocab.place_preps


def test_extract_events_dates_compatible_by_precision() -> None:
    assert dates_compatible("2023", "2023-05-22")
    assert dates_compatible(None, "2023-05")
    assert not dates_compatible("2023-05-21", "2023-05-22")
    assert not dates_compatible("2022", "2023-05")


# ---------------------------------------------------------------- one type at a time

POSITIVE = [
    (
        "raid",
        "Fighters of the Russian Volunteer Corps raided the village of Kozinka on Tuesday, the group said.",
        [("Russian Volunteer Corps", "organization"), ("Kozinka", "location")],
    ),
    (
        "attack",
        "Drones of the Siberian Battalion attacked an oil depot in Bryansk yesterday.",
        [("Siberian Battalion", "organization"), ("Bryansk", "location")],
    ),
    (
        "battle",
        "Heavy fighting broke out near Tetkino on May 22, 2023.",
        [("Tetkino", "location")],
    ),
    (
        "sabotage",
        "Partisans blew up a railway bridge near Kursk last Tuesday.",
        [("Kursk", "location")],
    ),
    (
        "meeting",
        "Ilya Ponomarev met with Denis Kapustin in Kyiv in March.",
        [("Ilya Ponomarev", "person"), ("Denis Kapustin", "person"), ("Kyiv", "location")],
    ),
    (
        "agreement_signed",
        "The Free Russia Coalition adopted a declaration in Warsaw on 22 May 2023.",
        [("Free Russia Coalition", "organization"), ("Warsaw", "location")],
    ),
    (
        "press_conference",
        "Ilya Ponomarev held a press conference in Kyiv on Friday.",
        [("Ilya Ponomarev", "person"), ("Kyiv", "location")],
    ),
    (
        "formation",
        "The Siberian Battalion was formed in 2023 by volunteers.",
        [("Siberian Battalion", "organization")],
    ),
    (
        "election",
        "The Congress of Deputies held an election in Warsaw in March 2024.",
        [("Congress of Deputies", "organization"), ("Warsaw", "location")],
    ),
    (
        "assassination",
        "Darya Dugina was killed in a car bombing near Moscow in August 2022.",
        [("Darya Dugina", "person"), ("Moscow", "location")],
    ),
]

NEGATIVE = [
    ("raid", "The group threatened to raid Belgorod again.", [("Belgorod", "location")]),
    ("attack", "He suffered a heart attack in 2022.", []),
    ("battle", "Russian units fighting for Ukraine have grown.", [("Ukraine", "location")]),
    ("sabotage", "The wind blew the leaves into the river.", []),
    ("meeting", "Nikolai Ivanov met the deadline.", [("Nikolai Ivanov", "person")]),
    ("agreement_signed", "He signed up for the Legion in 2022.", [("Legion", "organization")]),
    ("press_conference", "Kapustin told his mother about the war.", [("Kapustin", "person")]),
    ("formation", "She formed an opinion on Monday.", []),
    ("election", "The coalition would hold elections next year.", []),
    ("assassination", "He was killed in action in 2023.", []),
]


@pytest.mark.slow
@pytest.mark.parametrize(("type_", "text", "names"), POSITIVE, ids=[p[0] for p in POSITIVE])
def test_extract_events_finds_each_type(events, type_, text, names) -> None:
    found = events(text, names)
    assert [e.type for e in found] == [type_]
    assert found[0].key == "event:0"
    assert found[0].quote == text


@pytest.mark.slow
@pytest.mark.parametrize(("type_", "text", "names"), NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_extract_events_skips_near_misses(events, type_, text, names) -> None:
    assert [e.type for e in events(text, names)] == []


# ---------------------------------------------------------------- date, place, participants


@pytest.mark.slow
def test_extract_events_date_place_participants_of_a_verb(events) -> None:
    text = "Fighters of the Russian Volunteer Corps raided the village of Kozinka on Tuesday, the group said."
    (event,) = events(text, [("Russian Volunteer Corps", "organization"), ("Kozinka", "location")])
    assert event.date == "2024-06-04"  # Tuesday before Friday 2024-06-07
    assert event.place == mid(text, "Kozinka")
    assert event.participants == (mid(text, "Russian Volunteer Corps"),)
    assert event.rule == "verb:raid"
    assert event.confidence == pytest.approx(0.95)


@pytest.mark.slow
def test_extract_events_noun_trigger_takes_subject_of_light_verb(events) -> None:
    text = "The Freedom of Russia Legion launched a cross-border raid into Belgorod region in March 2023."
    names = [("Freedom of Russia Legion", "organization"), ("Belgorod region", "location")]
    (event,) = events(text, names)
    assert (event.type, event.date) == ("raid", "2023-03")
    assert event.place == mid(text, "Belgorod region")
    assert event.participants == (mid(text, "Freedom of Russia Legion"),)
    assert event.rule == "noun:raid"
    assert event.confidence < 0.9


@pytest.mark.slow
def test_extract_events_coordinated_participants_not_every_name(events) -> None:
    text = (
        "The Legion and the Russian Volunteer Corps clashed with Russian troops near Shebekino, "
        "according to Ilya Ponomarev."
    )
    names = [
        ("Legion", "organization"),
        ("Russian Volunteer Corps", "organization"),
        ("Shebekino", "location"),
        ("Ilya Ponomarev", "person"),
    ]
    (event,) = events(text, names)
    assert event.type == "battle"
    assert set(event.participants) == {mid(text, "Legion"), mid(text, "Russian Volunteer Corps")}
    assert event.place == mid(text, "Shebekino")


@pytest.mark.slow
def test_extract_events_no_date_in_sentence_means_none(events) -> None:
    text = "The Russian Volunteer Corps raided Kozinka."
    (event,) = events(text, [("Russian Volunteer Corps", "organization")])
    assert event.date is None  # never the publication date


@pytest.mark.slow
def test_extract_events_relative_date_without_publication_is_none(events) -> None:
    text = "The Russian Volunteer Corps raided Kozinka on Tuesday."
    (event,) = events(text, [("Russian Volunteer Corps", "organization")], published=None)
    assert event.date is None
    (dated,) = events("The Russian Volunteer Corps raided Kozinka on 2 June 2024.", [], None)
    assert dated.date == "2024-06-02"


@pytest.mark.slow
def test_extract_events_report_date_is_not_event_date(events) -> None:
    text = "Ilya Ponomarev said on Monday that the Legion had raided Tetkino in May 2023."
    (event,) = events(text, [("Ilya Ponomarev", "person"), ("Legion", "organization")])
    assert event.type == "raid"
    assert event.date == "2023-05"
    assert event.participants == (mid(text, "Legion"),)


@pytest.mark.slow
def test_extract_events_future_and_hypothetical_emit_nothing(events) -> None:
    text = (
        "The opposition will hold an election in May. The upcoming elections worry Moscow. "
        "The group plans to attack Belgorod."
    )
    assert events(text, [("Moscow", "location"), ("Belgorod", "location")]) == []


@pytest.mark.slow
def test_extract_events_reported_and_denied_are_kept(events) -> None:
    text = "The Kremlin said that saboteurs derailed a train. The Legion denied that it attacked Kursk."
    assert [e.type for e in events(text, [("Legion", "organization")])] == ["sabotage", "attack"]


# ---------------------------------------------------------------- one event per happening


@pytest.mark.slow
def test_extract_events_same_raid_told_twice_is_one_event(events) -> None:
    text = (
        "The Russian Volunteer Corps raided Kozinka on Tuesday.\n\n"
        "Fighters of the Russian Volunteer Corps and the Freedom of Russia Legion raided "
        "the village of Kozinka in the Belgorod region on 4 June 2024, officials said."
    )
    names = [
        ("Russian Volunteer Corps", "organization", 0),
        ("Kozinka", "location", 0),
        ("Russian Volunteer Corps", "organization", 1),
        ("Freedom of Russia Legion", "organization"),
        ("Kozinka", "location", 1),
        ("Belgorod region", "location"),
    ]
    (event,) = events(text, names)
    assert event.quote == "The Russian Volunteer Corps raided Kozinka on Tuesday."
    assert event.date == "2024-06-04"
    assert event.place == mid(text, "Kozinka", 0)
    assert set(event.participants) == {
        mid(text, "Russian Volunteer Corps", 0),
        mid(text, "Russian Volunteer Corps", 1),
        mid(text, "Freedom of Russia Legion"),
    }


@pytest.mark.slow
def test_extract_events_merge_keeps_the_more_specific_date(events) -> None:
    text = (
        "The Russian Volunteer Corps raided Tetkino in 2023. "
        "The Russian Volunteer Corps raided Tetkino on 22 May 2023."
    )
    names = [
        ("Russian Volunteer Corps", "organization", 0),
        ("Russian Volunteer Corps", "organization", 1),
    ]
    (event,) = events(text, names)
    assert event.date == "2023-05-22"
    assert event.start == 0


@pytest.mark.slow
def test_extract_events_different_dates_stay_apart(events) -> None:
    text = (
        "The Russian Volunteer Corps raided Tetkino on 22 May 2023. "
        "The Russian Volunteer Corps raided Tetkino again on 1 June 2023."
    )
    names = [
        ("Russian Volunteer Corps", "organization", 0),
        ("Russian Volunteer Corps", "organization", 1),
    ]
    found = events(text, names)
    assert [e.date for e in found] == ["2023-05-22", "2023-06-01"]
    assert [e.key for e in found] == ["event:0", "event:1"]


# ---------------------------------------------------------------- evidence


@pytest.mark.slow
def test_extract_events_evidence_is_the_sentence_with_exact_offsets(events) -> None:
    text = (
        "  Kyiv, June 7.\n\nIlya Ponomarev met with Denis Kapustin in Kyiv in March.  \n"
        "Later, partisans blew up a railway bridge near Kursk. \u201cWe did it,\u201d they said."
    )
    names = [("Ilya Ponomarev", "person"), ("Denis Kapustin", "person"), ("Kursk", "location")]
    found = events(text, names)
    assert [e.type for e in found] == ["meeting", "sabotage"]
    assert found[0].quote == "Ilya Ponomarev met with Denis Kapustin in Kyiv in March."
    assert found[1].quote.startswith("Later, partisans blew up")
    for event in found:
        assert not event.quote[0].isspace() and not event.quote[-1].isspace()


@pytest.mark.slow
def test_extract_events_rejects_a_parse_of_other_text(nlp) -> None:
    doc = Document(id=DOC, source="t", sha256="0", text="The Legion raided Kozinka.")
    with pytest.raises(FactmapError, match="parse the cleaned text"):
        find_events(nlp("Something else."), doc, [])


@pytest.mark.slow
def test_extract_events_ignores_mentions_of_other_documents(events, nlp) -> None:
    text = "The Russian Volunteer Corps raided Kozinka on Tuesday."
    doc = Document(id=DOC, source="t", sha256="0", text=text, published=FRIDAY)
    other = make_mentions(text, "other", [("Russian Volunteer Corps", "organization")])
    (event,) = find_events(nlp(text), doc, other)
    assert event.participants == ()
