"""Denials of responsibility and statements that are no facts (factmap.extract.relations):
"X denied carrying out the attack", "X has no part in the incursions", "X never claimed
the Tarma operation", "X is not responsible for E" are negated ``claimed_responsibility`` claims on the event the
text denies, found by the name or the word that tells it. Claiming a victory is no
responsibility; what the reporter calls a false charge, or what statements of an
unknown speaker say, is no claim."""

from __future__ import annotations

import pytest

from factmap.extract.coref import load_vocab
from factmap.extract.relations import find_claims
from factmap.model import Claim, Document, Event
from tests.helpers import all_mentions as make_mentions
from tests.helpers import claim_triples as triples

ORG, LOC = "organization", "location"


def event_on(text: str, quote: str, key: str, kind: str = "attack") -> Event:
    start = text.index(quote)
    return Event(key, "t", start, start + len(quote), quote, kind, 0.8, "test")


def responsibility(nlp, text: str, specs, events) -> set[tuple[str, str, bool]]:
    doc = Document(id="t", source="test", sha256="0", text=text)
    mentions = make_mentions(text, "t", specs)
    claims: list[Claim] = find_claims(nlp(text), doc, mentions, list(events))
    names = {m.id: m.text for m in mentions}
    return {
        (names[c.subject], c.object, c.negated)
        for c in claims
        if c.predicate == "claimed_responsibility"
    }


# -- fast tests -----------------------------------------------------------------------
def test_relations_denials_vocab_acts_and_adjectives():
    spec = load_vocab()["responsibility"]
    assert {"carry", "target"} <= set(spec["denied_acts"])
    assert "incursion" in spec["act_nouns"] and "election" not in spec["act_nouns"]
    assert "responsible" in spec["responsible"]


# -- with the English pipeline -------------------------------------------------------------
TWO_ATTACKS = (
    "Saboteurs blew up a rail bridge near Tarma on Monday. "
    "On Tuesday an arson attack destroyed a depot in Lesno. "
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "denial",
    [
        "The Defence Directorate denied carrying out the Tarma attack.",  # a gerund of an act
        "The Defence Directorate never claimed the Tarma operation.",
    ],
)
def test_relations_denials_name_the_event_by_its_place(nlp, denial):
    text = TWO_ATTACKS + denial
    events = [
        event_on(text, "Saboteurs blew up a rail bridge near Tarma on Monday.", "event:0", "sabotage"),
        event_on(text, "On Tuesday an arson attack destroyed a depot in Lesno.", "event:1"),
    ]
    specs = [("Defence Directorate", ORG), ("Tarma", LOC), ("Lesno", LOC)]
    assert responsibility(nlp, text, specs, events) == {("Defence Directorate", "event:0", True)}


@pytest.mark.slow
def test_relations_denials_no_part_in_is_negated_and_said_by_the_speaker(nlp):
    text = "Officials said the Northern Front attacked a depot in Lesno. Valdoria has said it has no part in the attack."
    events = [event_on(text, "Officials said the Northern Front attacked a depot in Lesno.", "event:0")]
    specs = [("Northern Front", ORG), ("Lesno", LOC), ("Valdoria", LOC)]
    assert responsibility(nlp, text, specs, events) == {("Valdoria", "event:0", True)}


@pytest.mark.slow
def test_relations_denials_not_responsible_for_the_attack(nlp):
    text = TWO_ATTACKS + "Valdoria says it is not responsible for the attack."
    events = [event_on(text, "On Tuesday an arson attack destroyed a depot in Lesno.", "event:0")]
    specs = [("Valdoria", LOC), ("Lesno", LOC), ("Tarma", LOC)]
    assert responsibility(nlp, text, specs, events) == {("Valdoria", "event:0", True)}


@pytest.mark.slow
def test_relations_denials_targeting_civilians_is_the_sentence_act(nlp):
    text = "The Northern Front said drones had struck a convoy near Lesno; Valdoria denied targeting civilians."
    events = [event_on(text, text, "event:0")]
    specs = [("Northern Front", ORG), ("Lesno", LOC), ("Valdoria", LOC)]
    assert ("Valdoria", "event:0", True) in responsibility(nlp, text, specs, events)


@pytest.mark.slow
def test_relations_denials_role_in_a_vote_denies_no_attack(nlp):
    text = TWO_ATTACKS + "The Defence Directorate denied any role in the elections."
    events = [event_on(text, "On Tuesday an arson attack destroyed a depot in Lesno.", "event:0")]
    specs = [("Defence Directorate", ORG), ("Lesno", LOC), ("Tarma", LOC)]
    assert responsibility(nlp, text, specs, events) == set()


@pytest.mark.slow
def test_relations_denials_unnamed_incursions_are_the_last_raid(nlp):
    text = (
        "Fighters of the Northern Front crossed into Lesno on Monday. "
        "Officials said the attack was repelled. "
        "Valdoria insists it has nothing to do with the incursions."
    )
    events = [
        event_on(text, "Fighters of the Northern Front crossed into Lesno on Monday.", "event:0", "raid"),
        event_on(text, "Officials said the attack was repelled.", "event:1"),
    ]
    specs = [("Northern Front", ORG), ("Lesno", LOC), ("Valdoria", LOC)]
    assert responsibility(nlp, text, specs, events) == {("Valdoria", "event:0", True)}


# -- statements the reporter calls false, and statements of unknown speakers ----------
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Moscow makes false charges that the Volta Brigade attacked the Kessel Guard.",
        "The ministry repeated its baseless claim that the Volta Brigade is led by Ivan Petrov.",
        "The ministry falsely said that the Volta Brigade is led by Ivan Petrov.",
        "He spreads statements saying that the Volta Brigade attacked the Kessel Guard.",
    ],
)
def test_relations_denials_content_of_false_or_unowned_statements_is_no_fact(nlp, text):
    specs = [
        ("Moscow", "location"),
        ("ministry", "organization"),
        ("Volta Brigade", "organization"),
        ("Kessel Guard", "organization"),
        ("Ivan Petrov", "person"),
    ]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_denials_reported_speech_keeps_its_claim(nlp):
    text = "The ministry said that the Volta Brigade is led by Ivan Petrov."
    specs = [
        ("ministry", "organization"),
        ("Volta Brigade", "organization"),
        ("Ivan Petrov", "person"),
    ]
    assert ("Ivan Petrov", "leader_of", "Volta Brigade") in triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        (
            "Mr Kessel claimed victory in the disputed elections in 2020.",
            "the disputed elections",
            "election",
        ),
        (
            "The Azure Front claimed victory after the attack on the bridge.",
            "the attack on the bridge",
            "attack",
        ),
    ],
)
def test_relations_denials_claiming_victory_is_no_responsibility(nlp, text, quote, kind):
    event = event_on(text, quote, "event:0", kind)
    doc = Document(id="t", source="test", sha256="0", text=text)
    mentions = make_mentions(text, "t", [("Kessel", "person"), ("Azure Front", ORG)])
    claims = find_claims(nlp(text), doc, mentions, [event])
    assert not [c for c in claims if c.predicate == "claimed_responsibility"]
