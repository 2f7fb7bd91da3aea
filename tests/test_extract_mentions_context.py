"""Tests for factmap.extract.mentions: types the words around a name state when the
model types it wrongly -- the common noun it modifies ("the Dergo militia"), "led by"
and "the late" before a person, "a member of" before and ", led by" after an
organization, a role noun or a person's possession around a name, "the capital of", "camp"
and "alias". Actors and places are invented."""

from __future__ import annotations

import pytest

from factmap.extract.mentions import _role_before_re, find_mentions


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


@pytest.mark.slow
def test_mentions_context_role_noun_apposition_makes_person(nlp):
    found = _found(nlp, "A spokesman for the committee, Marta Oleksenko, said the paper was weak.")
    assert found == [("Marta Oleksenko", "person")]


@pytest.mark.slow
def test_mentions_context_role_and_body_before_name_makes_person(nlp):
    found = _found(nlp, "The deputy head of the regional police Oleh Pyvko said the road was closed.")
    assert found == [("Oleh Pyvko", "person")]


def test_mentions_context_role_before_name_leaves_out_membership_roles():
    pattern = _role_before_re()
    assert pattern.search("The deputy head of the regional police ")
    assert pattern.search("A spokesman for the committee, ")
    assert not pattern.search("A member of the coalition ")


@pytest.mark.slow
def test_mentions_context_possessed_office_makes_person_and_surname_follows(nlp):
    found = _found(
        nlp,
        "What is its relationship with Olena Bilotserkivska's office in Riga? "
        "The cabinet, which Bilotserkivska set up in Riga, met.",
    )
    assert ("Olena Bilotserkivska", "person") in found
    assert ("Bilotserkivska", "person") in found


@pytest.mark.slow
def test_mentions_context_capital_of_apposition_makes_place(nlp):
    found = _found(nlp, "In early January they took Dorvanka, the capital of the Tessin region.")
    assert ("Dorvanka", "location") in found


@pytest.mark.slow
def test_mentions_context_camp_makes_place(nlp):
    assert ("Kalembo", "location") in _found(nlp, "Shells fell in the Kalembo camp near Rudo.")


@pytest.mark.slow
def test_mentions_context_alias_cue_gives_the_person_type(nlp):
    found = _found(nlp, "The rebels were led by Hernán Ruiz, alias Tormenta, who spoke.")
    assert ("Tormenta", "person") in found

