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
        "The opposition will hold an election one day. The upcoming elections worry Moscow. "
        "The group plans to attack Belgorod."
    )
    assert events(text, [("Moscow", "location"), ("Belgorod", "location")]) == []


@pytest.mark.slow
def test_extract_events_future_with_a_month_is_scheduled_forward(events) -> None:
    # a scheduled event keeps a date the text fixes from the publication, read forward
    found = events("The opposition will hold an election in May.", [])
    assert [(e.type, e.date, e.rule) for e in found] == [("election", "2025-05", "noun:election+scheduled")]


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
    # the evidence is the telling with a date, a place and most participants
    assert event.quote.startswith("Fighters of the Russian Volunteer Corps and the Freedom")
    assert event.date == "2024-06-04"
    assert event.place == mid(text, "Kozinka", 1)
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


# ---------------------------------------------------------------- evidence helpers (no spaCy)


def test_extract_events_evidence_bounds_cut_at_line_breaks() -> None:
    from factmap.extract.events import evidence_bounds

    text = "Rebels raid Kalma\n\nKALMA, May 2 - The Front raided Kalma.  \nNext line."
    at = text.index("raided")
    start, end = evidence_bounds(text, 0, len(text), at)
    assert text[start:end] == "KALMA, May 2 - The Front raided Kalma."
    wrapped = "The Front raided\nKalma on Monday."
    assert evidence_bounds(wrapped, 0, len(wrapped), 4, split_lines=False) == (0, len(wrapped))


def test_extract_events_headline_is_a_whole_title_line() -> None:
    from factmap.extract.events import is_headline

    text = "Rebels raid border town\n\nThe Front raided Kalma on Monday.\n"
    assert is_headline(text, 0, len("Rebels raid border town"))
    body = text.index("The Front")
    assert not is_headline(text, body, text.index("\n", body))


def test_extract_events_hard_wrapped_text_keeps_single_newlines() -> None:
    from factmap.extract.events import hard_wrapped

    line = "The Northern Front said on Monday that its fighters had crossed the"
    assert hard_wrapped("\n".join([line] * 6))
    assert not hard_wrapped("Title\n\n" + line * 3)


# ---------------------------------------------------------------- headline, evidence choice


@pytest.mark.slow
def test_extract_events_headline_is_never_the_evidence(events) -> None:
    text = (
        "Rebels raid border town of Kalma\n\n"
        "The Northern Front raided the border town of Kalma on Tuesday, the group said. "
        "Officials said the raid had caught the garrison asleep."
    )
    names = [("Northern Front", "organization"), ("Kalma", "location", 1)]
    (event,) = events(text, names)
    assert event.type == "raid"
    assert event.quote == "The Northern Front raided the border town of Kalma on Tuesday, the group said."
    assert event.date == "2024-06-04"


@pytest.mark.slow
def test_extract_events_headline_alone_is_no_event(events) -> None:
    text = "Militia storms army post\n\nOfficials in Gao gave no details on Friday."
    assert events(text, [("Gao", "location")]) == []


# ---------------------------------------------------------------- participants


@pytest.mark.slow
def test_extract_events_speaker_of_a_self_report_takes_part(events) -> None:
    text = "The Karen Brigade and the Chin Defence Force said they had crossed the border into Sagaing."
    names = [
        ("Karen Brigade", "organization"),
        ("Chin Defence Force", "organization"),
        ("Sagaing", "location"),
    ]
    (event,) = events(text, names)
    assert event.type == "raid"
    assert set(event.participants) == {mid(text, "Karen Brigade"), mid(text, "Chin Defence Force")}
    assert event.place == mid(text, "Sagaing")


@pytest.mark.slow
def test_extract_events_crossing_needs_an_armed_doer(events) -> None:
    text = "Thousands of refugees crossed the border into Poland on Monday."
    assert events(text, [("Poland", "location")]) == []


@pytest.mark.slow
def test_extract_events_resolved_reference_takes_part(events) -> None:
    text = "The Azawad Front is active in northern Mali. The group attacked an army post near Gao on Monday."
    names = [("Azawad Front", "organization"), ("Mali", "location"), ("Gao", "location")]
    (event,) = events(text, names)
    assert event.type == "attack"
    assert event.participants == (mid(text, "Azawad Front"),)
    assert (event.date, event.place) == ("2024-06-03", mid(text, "Gao"))


@pytest.mark.slow
def test_extract_events_company_of_a_noun_trigger_takes_part(events) -> None:
    text = "The Dakar City Council approved its budget on Tuesday night after a long meeting."
    (event,) = events(text, [("Dakar City Council", "organization")])
    assert (event.type, event.date) == ("meeting", "2024-06-04")
    assert event.participants == (mid(text, "Dakar City Council"),)


# ---------------------------------------------------------------- dates and places


@pytest.mark.slow
def test_extract_events_report_date_dates_an_undated_happening(events) -> None:
    text = "The Azawad Front said on Monday that fighting near Gao was continuing."
    (event,) = events(text, [("Azawad Front", "organization"), ("Gao", "location")])
    assert (event.type, event.date, event.place) == ("battle", "2024-06-03", mid(text, "Gao"))


@pytest.mark.slow
def test_extract_events_when_clause_dates_and_places(events) -> None:
    text = "The square received its new name last Tuesday, when Mayor Ruth Okafor unveiled a plaque."
    (event,) = events(text, [("Ruth Okafor", "person")])
    assert (event.type, event.date) == ("other", "2024-06-04")
    assert event.participants == (mid(text, "Ruth Okafor"),)
    text = "His fighters were again near Kalma, where the Front first crossed the border last May."
    (event,) = events(text, [("Kalma", "location"), ("Front", "organization")])
    assert (event.type, event.date, event.place) == ("raid", "2024-05", mid(text, "Kalma"))


@pytest.mark.slow
def test_extract_events_date_split_by_the_tagger_is_read_whole(events) -> None:
    text = "The Chin Defence Force says it was formed in the summer of 2021 by students."
    (event,) = events(text, [("Chin Defence Force", "organization")])
    assert (event.type, event.date) == ("formation", "2021")
    assert event.participants == (mid(text, "Chin Defence Force"),)


# ---------------------------------------------------------------- scheduled, hypothetical, bare


@pytest.mark.slow
def test_extract_events_scheduled_event_with_a_fixed_date_is_kept_lower(events) -> None:
    text = "Amina Diallo will hold a press conference in Dakar on 8 February 2024."
    names = [("Amina Diallo", "person"), ("Dakar", "location")]
    (event,) = events(text, names)
    assert (event.type, event.date, event.place) == ("press_conference", "2024-02-08", mid(text, "Dakar"))
    assert event.rule.endswith("+scheduled")
    (past,) = events(text.replace("will hold", "held"), names)
    assert event.confidence < past.confidence
    # a weekday cannot be placed forward; a hypothetical stays out
    assert events("Amina Diallo will hold a press conference on Friday.", names[:1]) == []
    assert events("The militia could attack Gao on 8 February 2024.", [("Gao", "location")]) == []


@pytest.mark.slow
def test_extract_events_bare_back_references_are_no_events(events) -> None:
    text = (
        "Officials said the fighting was an internal matter. Every attack had been thwarted. "
        '"We agree on this," she told reporters.'
    )
    assert events(text, []) == []


@pytest.mark.slow
def test_extract_events_undated_founding_is_a_fact_not_an_event(events) -> None:
    names = [("Azawad Front", "organization"), ("Bilal Cherif", "person")]
    assert events("The Azawad Front was founded by Bilal Cherif.", names) == []
    (event,) = events("The Azawad Front was founded by Bilal Cherif in 2012.", names)
    assert (event.type, event.date) == ("formation", "2012")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Georgian fighters battling for Ukraine have grown in number.", [], []),
        ("The budget passed by nine votes to four.", [], []),
        ("The council voted to close the library on Monday.", [], ["other"]),
        (
            "Delegates of the Liberty Bloc walked out on Saturday and announced that they had "
            "split from the Alliance.",
            [("Liberty Bloc", "organization"), ("Alliance", "organization")],
            ["other"],
        ),
        (
            "The Ministry of Justice designated the Azawad Front a terrorist organisation in March 2023.",
            [("Ministry of Justice", "organization"), ("Azawad Front", "organization")],
            ["other"],
        ),
        (
            "Ruth Okafor, who died in a Lagos hospital in February, was buried on Monday.",
            [("Ruth Okafor", "person"), ("Lagos", "location")],
            ["other"],
        ),
    ],
)
def test_extract_events_other_happenings_and_near_misses(events, text, names, expected) -> None:
    assert [e.type for e in events(text, names)] == expected


# ---------------------------------------------------------------- classes found on real reporting


def test_extract_events_vocab_keeps_yaml_boolean_words() -> None:
    """YAML 1.1 reads a bare ``on`` as True: the place prepositions must still hold "on"."""
    vocab = load_event_vocab()
    assert "on" in vocab.place_preps and "true" not in vocab.place_preps
    assert vocab.target_place_preps["battle"] == frozenset({"for"})


def test_extract_events_vocab_rejects_boolean_words() -> None:
    from factmap.errors import ConfigError
    from factmap.extract.events import _words

    with pytest.raises(ConfigError, match="quote"):
        _words({"place_preps": ["in", True]}, "place_preps")


def test_extract_events_same_name_by_words() -> None:
    from factmap.extract.events import same_name

    assert same_name("Lu", "Lu Ping") and same_name("Ana Vell", "ana  vell")
    assert not same_name("Lu Ping", "Ana Vell") and not same_name("", "Lu")


@pytest.mark.slow
def test_extract_events_place_is_target_not_owner(events) -> None:
    text = "Sirens sounded during Varnia's massive attack on Ostrava last night."
    (event,) = events(text, [("Varnia", "location"), ("Ostrava", "location")])
    assert (event.type, event.place) == ("attack", mid(text, "Ostrava"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "type_", "place"),
    [
        ("The Marsh Brigade said repeated attacks against Dunmore had stopped.", "attack", "Dunmore"),
        ("Veterans of the Marsh Brigade recalled the battle for Dunmore.", "battle", "Dunmore"),
    ],
)
def test_extract_events_place_of_target_prepositions(events, text, type_, place) -> None:
    found = events(text, [("Marsh Brigade", "organization"), (place, "location")])
    assert [(e.type, e.place) for e in found] == [(type_, mid(text, place))]


@pytest.mark.slow
def test_extract_events_invasion_needs_its_own_date(events) -> None:
    names = [("Ostland", "location"), ("Varnia", "location"), ("Pine Legion", "organization")]
    background = "Since Ostland's invasion of Varnia, prices have doubled."
    assert events(background, names[:2]) == []
    shortly = "The Pine Legion was formed in March 2021, shortly after Ostland's invasion of Varnia."
    assert [e.type for e in events(shortly, names)] == ["formation"]
    dated = "Ostland's invasion of Varnia in 2019 displaced thousands."
    (event,) = events(dated, names[:2])
    assert (event.type, event.date, event.place) == ("attack", "2019", mid(dated, "Varnia"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "names", "type_", "who"),
    [
        (
            "Chancellor Ana Vell said she had a telephone conversation with President Jon Marek.",
            [("Ana Vell", "person"), ("Jon Marek", "person")],
            "meeting",
            ["Jon Marek"],
        ),
        (
            "Premier Lu Ping spoke in a call with President Jon Marek on 3 May 2021.",
            [("Lu Ping", "person"), ("Jon Marek", "person")],
            "meeting",
            ["Jon Marek"],
        ),
        (
            "Spokesman Ivo Brandt said during a regular call with journalists that the talks failed.",
            [("Ivo Brandt", "person")],
            "press_conference",
            ["Ivo Brandt"],
        ),
        (
            "Ivo Brandt told a news conference in Dunmore that the bridge would reopen.",
            [("Ivo Brandt", "person"), ("Dunmore", "location")],
            "press_conference",
            ["Ivo Brandt"],
        ),
    ],
)
def test_extract_events_calls_and_news_conferences(events, text, names, type_, who) -> None:
    found = [e for e in events(text, names) if e.type == type_]
    assert len(found) == 1
    assert all(mid(text, name) in found[0].participants for name in who)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Asked about his refusal to hold talks with Jon Marek, the minister declined to comment.",
        "Negotiations with Jon Marek would only lead to another war, she wrote.",
    ],
)
def test_extract_events_refused_or_hypothetical_talks(events, text) -> None:
    assert events(text, [("Jon Marek", "person")]) == []


@pytest.mark.slow
def test_extract_events_hyphenated_sides_are_not_the_place(events) -> None:
    text = "Secret, informal Varnia-Ostland talks are already under way."
    (event,) = events(text, [("Varnia", "location"), ("Ostland", "location")])
    assert (event.type, event.place) == ("meeting", None)


@pytest.mark.slow
def test_extract_events_purpose_clause_shares_subject(events) -> None:
    text = (
        "Prime Minister Lu Ping made a surprise trip to Varnia to meet President Ana Vell, "
        "a day after Jon Marek met his counterpart Ivo Brandt in Dunmore."
    )
    names = [(n, "person") for n in ("Lu Ping", "Ana Vell", "Jon Marek", "Ivo Brandt")]
    found = events(text, [*names, ("Varnia", "location"), ("Dunmore", "location")])
    meetings = sorted(sorted(e.participants) for e in found if e.type == "meeting")
    assert sorted([mid(text, "Lu Ping"), mid(text, "Ana Vell")]) in meetings
    assert sorted([mid(text, "Jon Marek"), mid(text, "Ivo Brandt")]) in meetings


@pytest.mark.slow
def test_extract_events_president_of_country_takes_part(events) -> None:
    text = "He met there with the President of Varnia Ana Vell and Chancellor Jon Marek."
    names = [("Varnia", "location"), ("Ana Vell", "person"), ("Jon Marek", "person")]
    (event,) = events(text, names)
    assert mid(text, "Ana Vell") in event.participants


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "names", "who"),
    [
        ("Finance minister Ivo Brandt resigned on 4 July 2022.", [("Ivo Brandt", "person")], "Ivo Brandt"),
        (
            "The Varnian Senate has finally passed a package of farm aid worth $6bn.",
            [("Varnian Senate", "organization")],
            "Varnian Senate",
        ),
    ],
)
def test_extract_events_resignations_and_laws_are_other(events, text, names, who) -> None:
    (event,) = events(text, names)
    assert event.type == "other" and mid(text, who) in event.participants


@pytest.mark.slow
def test_extract_events_renamed_place_is_the_place(events) -> None:
    text = "The president flew to Dunmore, which was renamed Oldport for the day."
    found = events(text, [("Dunmore", "location"), ("Oldport", "location")])
    assert [(e.type, e.place) for e in found] == [("other", mid(text, "Dunmore"))]


@pytest.mark.slow
def test_extract_events_short_person_name_joins_its_event(events) -> None:
    text = (
        "Minister Lu Ping held five hours of talks with Jon Marek on Saturday. "
        "Lu exchanged views on trade during Saturday's talks, his ministry said."
    )
    names = [("Lu Ping", "person"), ("Jon Marek", "person"), ("Lu", "person", 1)]
    found = [e for e in events(text, names) if e.type == "meeting"]
    assert len(found) == 1 and found[0].date == "2024-06-01"


@pytest.mark.slow
def test_extract_events_talks_measured_in_hours_keep_their_subject(events) -> None:
    text = "Ana Vell discussed the harvest during five hours of talks with Jon Marek."
    (event,) = events(text, [("Ana Vell", "person"), ("Jon Marek", "person")])
    assert event.type == "meeting"
    assert {mid(text, "Ana Vell"), mid(text, "Jon Marek")} <= set(event.participants)


# ---------------------------------------------------------------- generalisation round (dev2)


@pytest.mark.slow
def test_extract_events_when_clause_tells_the_offensive(events) -> None:
    text = (
        "The offensive started on 4 April, when the Falcon Brigade and the Rivermen Front "
        "assaulted outposts north of Vardenport."
    )
    names = [("Falcon Brigade", "organization"), ("Rivermen Front", "organization"),
             ("Vardenport", "location")]
    found = events(text, names, published="2025-05-02")
    assert [e.type for e in found] == ["battle"]
    assert found[0].date == "2025-04-04"
    assert found[0].place == mid(text, "Vardenport")
    assert set(found[0].participants) == {mid(text, "Falcon Brigade"), mid(text, "Rivermen Front")}


@pytest.mark.slow
def test_extract_events_taking_a_place_is_a_battle(events) -> None:
    text = "Insurgents seized Korvala on Sunday after two days of street fighting."
    found = events(text, [("Korvala", "location")], published="2025-03-12")
    battle = [e for e in found if e.rule == "verb:took a place"]
    assert battle and battle[0].type == "battle" and battle[0].date == "2025-03-09"
    assert battle[0].place == mid(text, "Korvala")
    # "took part" has no place as object
    assert events("The Amber Guard took part in a parade.", [("Amber Guard", "organization")]) == []


@pytest.mark.slow
def test_extract_events_participle_clause_names_what_was_formed(events) -> None:
    text = "Created in the summer of 2021 by exiled officers, the Lowland Watch now guards the pass."
    found = events(text, [("Lowland Watch", "organization")])
    assert [(e.type, e.date) for e in found] == [("formation", "2021")]
    assert found[0].participants == (mid(text, "Lowland Watch"),)


@pytest.mark.slow
def test_extract_events_founded_it_refers_to_the_described_unit(events) -> None:
    text = "The Coastal Company, commanded by Ilse Marran ever since she formed it in 2017, holds the port."
    found = events(text, [("Coastal Company", "organization"), ("Ilse Marran", "person")])
    assert [(e.type, e.date) for e in found] == [("formation", "2017")]
    assert mid(text, "Coastal Company") in found[0].participants


@pytest.mark.slow
def test_extract_events_acronym_is_made_and_splits_away(events) -> None:
    text = "The KLF (in Latvian, LBF) was established by Toms Berzs in May 2019."
    found = events(text, [("Toms Berzs", "person")], published="2024-01-05")
    assert [(e.type, e.date) for e in found] == [("formation", "2019-05")]
    text = "ZPV broke away from the Green Column in 2011."
    found = events(text, [("Green Column", "organization")])
    assert [(e.type, e.date) for e in found] == [("other", "2011")]


@pytest.mark.slow
def test_extract_events_bomb_that_killed_is_an_assassination(events) -> None:
    text = "Police said the device that killed Oskar Lind outside Tarvel on 9 June was remotely detonated."
    found = events(text, [("Oskar Lind", "person"), ("Tarvel", "location")], published="2025-06-20")
    assert [(e.type, e.date) for e in found] == [("assassination", "2025-06-09")]
    assert found[0].place == mid(text, "Tarvel")
    assert found[0].participants == (mid(text, "Oskar Lind"),)


@pytest.mark.slow
def test_extract_events_a_missile_hit_is_an_attack(events) -> None:
    found = events("Three people died on Monday when a rocket struck a bus depot.", [])
    assert [(e.type, e.date) for e in found] == [("attack", "2024-06-03")]
    assert events("The striker hit the post twice on Monday.", []) == []


@pytest.mark.slow
def test_extract_events_place_that_came_under_fire(events) -> None:
    text = "The mayor said Dravik had come under intense shelling overnight."
    found = events(text, [("Dravik", "location")])
    assert [e.type for e in found] == ["attack"]
    assert found[0].place == mid(text, "Dravik")


@pytest.mark.slow
def test_extract_events_a_nation_votes_is_an_election(events) -> None:
    found = events("Tensions rose in the week before Norland votes.", [("Norland", "location")])
    assert [e.type for e in found] == ["election"]


@pytest.mark.slow
def test_extract_events_unit_presented_and_mobilisation_are_other(events) -> None:
    text = "The Ninth Company was shown to reporters by the Defence Staff in October."
    names = [("Ninth Company", "organization"), ("Defence Staff", "organization")]
    found = events(text, names, published="2025-01-15")
    assert [(e.type, e.date) for e in found] == [("other", "2024-10")]
    found = events("Mobilization in Ostmark in the spring of 2023 hit rural areas hardest.",
                   [("Ostmark", "location")])
    assert [(e.type, e.date) for e in found] == [("other", "2023")]
    assert events("Mobilization hit rural areas hardest.", []) == []


@pytest.mark.slow
def test_extract_events_what_did_not_happen_is_no_event(events) -> None:
    text = "The Vega League did not sign the charter."
    assert events(text, [("Vega League", "organization")]) == []
    text = "Kara Voss offered to talk if Ruud Helm came to meet her in Lonsa."
    assert events(text, [("Kara Voss", "person"), ("Ruud Helm", "person"), ("Lonsa", "location")]) == []


@pytest.mark.slow
def test_extract_events_speakers_crossed_a_day_after(events) -> None:
    text = (
        "The Gray Wolves said on Friday that their fighters were still in Morva, "
        "two days after they crossed the frontier near Elsk."
    )
    names = [("Gray Wolves", "organization"), ("Morva", "location"), ("Elsk", "location")]
    found = events(text, names)
    raid = [e for e in found if e.type == "raid"]
    assert raid and raid[0].participants == (mid(text, "Gray Wolves"),)
    assert raid[0].place == mid(text, "Elsk")
    assert raid[0].date == "2024-06-05"  # two days before Friday 7 June, not Friday


# ---------------------------------------------------------------- dates told elsewhere


@pytest.mark.slow
def test_extract_events_a_day_after_counts_back_from_the_report(events) -> None:
    text = (
        "Two armed groups said on Tuesday they were still operating inside Lorsk region, "
        "a day after launching the most serious raid of the war."
    )
    (raid,) = [e for e in events(text, [("Lorsk", "location")]) if e.type == "raid"]
    assert raid.date == "2024-06-03"  # Tuesday 4 June minus one day


@pytest.mark.slow
def test_extract_events_a_day_after_is_another_happening(events) -> None:
    text = (
        "The envoys met on Saturday, a day after they attended a gathering of trade "
        "ministers on the island of Corsa."
    )
    found = events(text, [("Corsa", "location")])
    # two meetings, not one: the gathering was the day before Saturday 1 June
    assert sorted(e.date for e in found if e.type == "meeting") == ["2024-05-31", "2024-06-01"]


@pytest.mark.slow
def test_extract_events_adverbial_date_on_a_place_dates_the_verb(events) -> None:
    text = (
        "When three units of exiled volunteers crossed from Moldova into the Varna and "
        "Lorsk oblasts two months ago, most of the attention went to the larger one."
    )
    names = [("Moldova", "location"), ("Varna", "location"), ("Lorsk", "location")]
    (raid,) = [e for e in events(text, names) if e.type == "raid"]
    assert raid.date == "2024-04"


@pytest.mark.slow
def test_extract_events_only_member_to_vote_takes_the_copula_date(events) -> None:
    text = (
        "Its public face is Anton Greshov, the former deputy who in 2011 was the only "
        "member of the Varnian parliament to vote against the treaty."
    )
    found = events(text, [("Anton Greshov", "person")])
    assert [(e.type, e.date) for e in found] == [("other", "2011")]


@pytest.mark.slow
def test_extract_events_later_that_year_points_back(events) -> None:
    text = (
        "The Kasimir Regiment was formed in March 2022. A smaller Veltan formation, the "
        "Orel Regiment, split from the Kasimir Regiment later that year after disputes "
        "among its commanders."
    )
    names = [("Kasimir Regiment", "organization"), ("Orel Regiment", "organization"),
             ("Kasimir Regiment", "organization", 1)]  # fmt: skip
    split = [e for e in events(text, names) if e.type == "other"]
    assert [(e.date, e.participants[:1]) for e in split] == [("2022", (mid(text, "Orel Regiment"),))]
    alone = "A smaller formation, the Orel Regiment, split from the Kasimir Regiment later that year."
    (undated,) = events(alone, [("Orel Regiment", "organization"), ("Kasimir Regiment", "organization")])
    assert undated.date is None  # nothing told before: never invented


@pytest.mark.slow
def test_extract_events_on_this_day_in_a_year(events) -> None:
    text = "On this day in 1944, partisans attacked the garrison in Dubki."
    (attack,) = events(text, [("Dubki", "location")], published="2022-08-24")
    assert attack.date == "1944-08-24"


@pytest.mark.slow
def test_extract_events_scheduled_participle_needs_a_fixed_date(events) -> None:
    assert events("They discussed the war, with further meetings scheduled on Tuesday.", []) == []
    (meeting,) = events("They discussed the war, with further meetings scheduled on 28 June 2024.", [])
    assert meeting.date == "2024-06-28" and meeting.rule.endswith("+scheduled")


@pytest.mark.slow
def test_extract_events_uprising_needs_its_own_date_and_a_telling(events) -> None:
    text = "The square honours Jan Rolek, the poet who led the uprising of 1863 against the empire."
    (uprising,) = events(text, [("Jan Rolek", "person")])
    assert (uprising.type, uprising.date) == ("other", "1863")
    assert events("It is a rebellion of separatists in 2014.", []) == []
    assert events("Since the revolution, the party has ruled.", []) == []


@pytest.mark.slow
def test_extract_events_pronoun_for_an_organization_is_formed(events) -> None:
    text = "The Free Corps is a unit of exiled volunteers. It was founded in August last year by Oleg Marin."
    names = [("Free Corps", "organization"), ("Oleg Marin", "person")]
    (formation,) = events(text, names)
    assert (formation.type, formation.date) == ("formation", "2023-08")
    assert mid(text, "Oleg Marin") in formation.participants


@pytest.mark.slow
def test_extract_events_possessive_date_is_the_events_own(events) -> None:
    text = "Last week's attack on Dubki killed three people, the governor said on Thursday."
    (attack,) = events(text, [("Dubki", "location")])
    assert attack.date is None  # 27 May - 2 June spans two months; never Thursday's date
    (vote,) = events("Sunday's vote in Lorsk was marred by fraud.", [("Lorsk", "location")])
    assert vote.date == "2024-06-02"


@pytest.mark.slow
def test_extract_events_range_keeps_its_month(events) -> None:
    text = "Rebels attacked the town of Dubki between 3 and 5 May, officials said."
    (attack,) = events(text, [("Dubki", "location")])
    assert attack.date == "2024-05"


@pytest.mark.slow
def test_extract_events_ahead_of_is_still_to_come(events) -> None:
    text = "The two leaders will discuss trade ahead of a summit of the Union on Thursday."
    assert [e for e in events(text, []) if e.type == "meeting"] == []  # not last Thursday
    text = "They will discuss trade ahead of a Supreme Council of the Union State meeting on Thursday."
    assert [e for e in events(text, []) if e.type == "meeting"] == []
    text = "The minister will travel to Lorsk, meeting the governor on Thursday."
    assert [e for e in events(text, [("Lorsk", "location")]) if e.type == "meeting"] == []
