"""Tests for factmap.extract.mentions: types the words around a name state when the
model types it wrongly -- the common noun it modifies ("the Dergo militia"), "led by"
and "the late" before a person, "a member of" before and ", led by" after an
organization. Actors and places are invented."""

from __future__ import annotations

import pytest

from factmap.extract.mentions import find_mentions


def _found(nlp, text: str) -> list[tuple[str, str]]:
    """(text, type) of every mention of ``text``, whose offsets must give its text."""
    mentions, _ = find_mentions(nlp(text), "d")
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.type) for m in mentions]


@pytest.mark.slow
def test_mentions_context_modified_noun_makes_organization_and_repeats_follow(nlp):
    found = _found(nlp, "The army killed 300 fighters of the Dergo militia. Dergo said the toll was false.")
    assert found == [("Dergo", "organization"), ("Dergo", "organization")]


@pytest.mark.slow
def test_mentions_context_modified_noun_makes_place(nlp):
    assert _found(nlp, "Rebels would protect the Tamboya coltan mines, residents said.") == [
        ("Tamboya", "location")
    ]


@pytest.mark.slow
def test_mentions_context_led_by_makes_person(nlp):
    assert ("Dorvil Amane", "person") in _found(
        nlp, "The group was led by Dorvil Amane, a former police officer."
    )


@pytest.mark.slow
def test_mentions_context_organization_cues_around_a_model_person(nlp):
    found = _found(
        nlp,
        "Casbo Nuri, led by Jean Pivert, operates near the coast and is not a member of Kalu Manzo.",
    )
    assert ("Casbo Nuri", "organization") in found
    assert ("Kalu Manzo", "organization") in found
    assert ("Jean Pivert", "person") in found


@pytest.mark.slow
def test_mentions_context_person_with_title_keeps_its_type(nlp):
    found = _found(nlp, "General Tomas Reval fighters held the bridge, said Colonel Anna Brisk.")
    assert ("Tomas Reval", "person") in found
    assert ("Anna Brisk", "person") in found
