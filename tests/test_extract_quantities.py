"""Numbers stated about actors and events (factmap.extract.quantities)."""

from __future__ import annotations

import hashlib

import pytest

from factmap.extract.quantities import find_quantities, parse_number
from factmap.model import Document, Event, Mention, Quantity

ORG, LOC, PER = "organization", "location", "person"


def make_document(text: str) -> Document:
    return Document(
        id="q", source="q.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text
    )


def mention_of(doc: Document, name: str, etype: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``name`` in ``doc`` as a Mention."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(name, start + 1)
    return Mention(doc.id, start, start + len(name), name, etype, rule="test")


def event_on(doc: Document, sentence: str, etype: str, rule: str, key: str = "event:0") -> Event:
    """An event whose evidence is the sentence starting with ``sentence``."""
    start = doc.text.index(sentence)
    end = doc.text.index(".", start) + 1
    return Event(key, doc.id, start, end, doc.text[start:end], etype, 0.8, rule)


def quantities(
    nlp, text: str, names: list[tuple[str, str]], events: list[tuple[str, str, str]] = ()
) -> tuple[list[Quantity], dict[str, str]]:
    """find_quantities on ``text``; also a map mention id -> name for readable asserts."""
    doc = make_document(text)
    mentions = [mention_of(doc, name, etype) for name, etype in names]
    evs = [event_on(doc, s, t, r, f"event:{i}") for i, (s, t, r) in enumerate(events)]
    found = find_quantities(nlp(text), doc, mentions, evs)
    return found, {m.id: m.text for m in mentions}


def one(nlp, text, names, events=()) -> tuple[Quantity, dict[str, str]]:
    found, ids = quantities(nlp, text, names, events)
    assert len(found) == 1, found
    return found[0], ids


# --------------------------------------------------------------------- parse_number

NUMBERS = [
    ("200", (200, 200, False)),
    ("1,500", (1500, 1500, False)),
    ("a hundred", (100, 100, False)),
    ("two dozen", (24, 24, False)),
    ("one hundred and fifty", (150, 150, False)),
    ("twenty-five", (25, 25, False)),
    ("1.5 million", (1_500_000, 1_500_000, False)),
    ("several dozen", (24, 99, True)),
    ("a few hundred", (200, 999, True)),
    ("hundreds", (200, 999, True)),
    ("thousands", (2000, None, True)),
    ("tens of thousands", (20_000, None, True)),
    ("about 200", (200, 200, True)),
    ("some 1,500", (1500, 1500, True)),
    ("around 300", (300, 300, True)),
    ("roughly 40", (40, 40, True)),
    ("nearly 300", (300, 300, True)),
    ("almost 300", (300, 300, True)),
    ("more than 50", (50, None, False)),
    ("over 50", (50, None, False)),
    ("at least 50", (50, None, False)),
    ("up to 300", (None, 300, False)),
    ("fewer than a hundred", (None, 100, False)),
    ("less than 100", (None, 100, False)),
    ("no more than a few hundred", (None, 999, True)),
    ("between 200 and 300", (200, 300, False)),
    ("200-300", (200, 300, False)),
    ("only 30", (30, 30, False)),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_quantities_parse_number_forms(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "a", "the", "fighters", "a 300", "several fighters", "300 to 200"]
)
def test_quantities_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


# --------------------------------------------------------------------- sizes

SIZES = [
    ("The Sun Battalion has about 200 fighters.", 200, 200, True, "size:have"),
    ("The Sun Battalion has some 1,500 members.", 1500, 1500, True, "size:have"),
    ("The Sun Battalion is a unit of several dozen volunteers.", 24, 99, True, "size:unit-of"),
    ("The Sun Battalion numbers around 300 men.", 300, 300, True, "size:number"),
    ("The Sun Battalion has fewer than a hundred fighters.", None, 100, False, "size:have"),
    ("The Sun Battalion has up to 300 fighters.", None, 300, False, "size:have"),
    ("The Sun Battalion has thousands of fighters.", 2000, None, True, "size:have"),
    ("The Sun Battalion, a force of 300 men, crossed the river.", 300, 300, False, "size:unit-of"),
    ("The Sun Battalion is made up of 300 volunteers.", 300, 300, False, "size:consist"),
    ("The Sun Battalion's strength is about 300 fighters.", 300, 300, True, "size:strength"),
    (
        "Analysts put the Sun Battalion's strength at several dozen fighters.",
        24,
        99,
        True,
        "size:strength",
    ),
    ("The Sun Battalion is a 300-strong unit.", 300, 300, False, "size:strong"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,low,high,approx,rule", SIZES)
def test_quantities_size_of_a_unit(nlp, text, low, high, approx, rule):
    q, ids = one(nlp, text, [("Sun Battalion", ORG)])
    assert (ids[q.subject], q.attribute) == ("Sun Battalion", "members")
    assert (q.low, q.high, q.approx, q.rule) == (low, high, approx, rule)
    assert (q.claimant, q.negated) == (None, False)


@pytest.mark.slow
def test_quantities_size_through_a_reference(nlp):
    text = "The Sun Battalion crossed the river. Its fighters number about 300."
    q, ids = one(nlp, text, [("Sun Battalion", ORG)])
    assert (ids[q.subject], q.attribute, q.low, q.high, q.approx) == (
        "Sun Battalion",
        "members",
        300,
        300,
        True,
    )
    assert q.confidence == 0.7  # reached through "Its", not named in the sentence


@pytest.mark.slow
def test_quantities_size_claimed_by_the_unit_itself(nlp):
    q, ids = one(
        nlp, "The Sun Battalion says it has more than 1,000 fighters.", [("Sun Battalion", ORG)]
    )
    assert (ids[q.subject], q.low, q.high, ids[q.claimant]) == (
        "Sun Battalion",
        1000,
        None,
        "Sun Battalion",
    )


# --------------------------------------------------------------------- casualties


@pytest.mark.slow
def test_quantities_actor_losses(nlp):
    q, ids = one(nlp, "The Sun Battalion lost two fighters.", [("Sun Battalion", ORG)])
    assert (ids[q.subject], q.attribute, q.low, q.high, q.approx) == (
        "Sun Battalion",
        "lost",
        2,
        2,
        False,
    )


@pytest.mark.slow
def test_quantities_owner_carries_to_a_conjoined_count(nlp):
    text = "He said the Sun Battalion had lost two fighters and that about ten had been wounded."
    found, ids = quantities(nlp, text, [("Sun Battalion", ORG)])
    got = [(ids[q.subject], q.attribute, q.low, q.high, q.approx) for q in found]
    assert got == [
        ("Sun Battalion", "lost", 2, 2, False),
        ("Sun Battalion", "wounded", 10, 10, True),
    ]


@pytest.mark.slow
def test_quantities_partitive_owner(nlp):
    text = "The Sun Battalion crossed the river. Seventy of its fighters were killed."
    q, ids = one(nlp, text, [("Sun Battalion", ORG)])
    assert (ids[q.subject], q.attribute, q.low) == ("Sun Battalion", "killed", 70)


@pytest.mark.slow
def test_quantities_suffered_casualties(nlp):
    q, ids = one(nlp, "The Sun Battalion suffered 200 casualties.", [("Sun Battalion", ORG)])
    assert (ids[q.subject], q.attribute, q.low, q.rule) == (
        "Sun Battalion",
        "lost",
        200,
        "casualty-noun:casualty",
    )


RAID = "The Sun Battalion raided Kozinka on Monday."


@pytest.mark.slow
@pytest.mark.parametrize(
    "second,attribute,low,high",
    [
        ("More than 50 were killed.", "killed", 50, None),
        ("Two fighters were lost.", "lost", 2, 2),
        ("The raid left 50 dead and 20 wounded.", "killed", 50, 50),
    ],
)
def test_quantities_casualties_of_an_event(nlp, second, attribute, low, high):
    text = f"{RAID} {second}"
    found, _ = quantities(
        nlp, text, [("Sun Battalion", ORG), ("Kozinka", LOC)], [(RAID, "raid", "verb:raid")]
    )
    assert found, "no quantity"
    q = found[0]
    assert (q.subject, q.attribute, q.low, q.high) == ("event:0", attribute, low, high)
    assert q.confidence == 0.5  # the event is told in an earlier sentence


@pytest.mark.slow
def test_quantities_event_in_the_same_sentence_and_its_claimant(nlp):
    text = "Moscow said 70 attackers were killed in the raid on Kozinka."
    q, ids = one(
        nlp, text, [("Moscow", LOC), ("Kozinka", LOC)], [("Moscow said", "raid", "noun:raid")]
    )
    assert (q.subject, q.attribute, q.low, q.high, q.approx) == ("event:0", "killed", 70, 70, False)
    assert (ids[q.claimant], q.negated, q.confidence) == ("Moscow", False, 0.6)


@pytest.mark.slow
def test_quantities_claimant_by_count(nlp):
    text = f"{RAID} 70 attackers were killed by Moscow's count."
    found, ids = quantities(
        nlp,
        text,
        [("Sun Battalion", ORG), ("Kozinka", LOC), ("Moscow", LOC)],
        [(RAID, "raid", "verb:raid")],
    )
    assert [(q.subject, q.low, ids.get(q.claimant)) for q in found] == [("event:0", 70, "Moscow")]


@pytest.mark.slow
def test_quantities_denial_is_negated_and_attributed(nlp):
    q, ids = one(
        nlp, "The Sun Battalion denied losing more than two fighters.", [("Sun Battalion", ORG)]
    )
    assert (ids[q.subject], q.attribute, q.low, q.high) == ("Sun Battalion", "lost", 2, None)
    assert (ids[q.claimant], q.negated) == ("Sun Battalion", True)


@pytest.mark.slow
def test_quantities_competing_claimants_in_one_sentence(nlp):
    text = (
        "The Sun Battalion said it had lost two fighters, while Moscow claimed that "
        "more than 70 were killed in the raid."
    )
    found, ids = quantities(
        nlp, text, [("Sun Battalion", ORG), ("Moscow", LOC)], [("The Sun", "raid", "noun:raid")]
    )
    got = [(ids.get(q.subject, q.subject), q.attribute, q.low, ids.get(q.claimant)) for q in found]
    assert got == [
        ("Sun Battalion", "lost", 2, "Sun Battalion"),
        ("event:0", "killed", 70, "Moscow"),
    ]


# --------------------------------------------------------------------- negatives

NOT_COUNTS = [
    "The Sun Battalion's 45-year-old commander was killed a kilometre from the border.",
    "The Sun Battalion published a 40-page study.",
    "The Sun Battalion fought for two days in 2022.",
    "The Sun Battalion was founded in 2014 and has 30 percent of its budget from donors.",
    "The Sun Battalion read Pushkin's 1,500 poems.",
    "The Sun Battalion lost three tanks and two villages.",
    "The Sun Battalion has 12 vehicles.",
    "The Sun Battalion raised $300,000 last year.",
    "Up to 300 fighters of the Sun Battalion took part in the parade.",
    "Two volunteers who serve in the Sun Battalion attended the ceremony.",
    "The Sun Battalion has 2 million followers online.",
    "The Sun Battalion had five commanders since 2022.",
    "The Sun Battalion's 300 fighters crossed the river.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", NOT_COUNTS)
def test_quantities_no_count_of_people(nlp, text):
    found, _ = quantities(nlp, text, [("Sun Battalion", ORG)])
    assert found == []


@pytest.mark.slow
def test_quantities_no_subject_no_quantity(nlp):
    found, _ = quantities(nlp, "More than 50 were killed.", [])
    assert found == []


# --------------------------------------------------------------------- evidence


@pytest.mark.slow
def test_quantities_evidence_is_the_sentence(nlp):
    text = "Reports differ.\n\nThe Sun Battalion has about 200 fighters. The Azure Front has 90 members."
    found, ids = quantities(nlp, text, [("Sun Battalion", ORG), ("Azure Front", ORG)])
    assert [(ids[q.subject], q.low) for q in found] == [("Sun Battalion", 200), ("Azure Front", 90)]
    for q in found:
        assert text[q.start : q.end] == q.quote
        assert q.quote.startswith("The ") and q.quote.endswith(".")
        assert q.doc == "q"
