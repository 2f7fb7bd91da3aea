"""Plural reference in relation frames: one claim per member of "A and B ... they"."""

from __future__ import annotations

import pytest

from tests.helpers import claim_triples as triples

PER, ORG, LOC, AGR = "person", "organization", "location", "agreement"


@pytest.mark.slow
def test_relations_plural_subject_yields_one_claim_per_member(nlp):
    text = "The Azure Front and the Vesna Brigade met in Lima. The two sides signed the Lima Accord."
    specs = [("Azure Front", ORG), ("Vesna Brigade", ORG), ("Lima", LOC), ("Lima Accord", AGR)]
    found = triples(nlp, text, specs)
    assert ("Azure Front", "signatory_of", "Lima Accord") in found
    assert ("Vesna Brigade", "signatory_of", "Lima Accord") in found


@pytest.mark.slow
def test_relations_both_say_they_coordinate_with(nlp):
    text = (
        "On the front the Azure Front and the Vesna Brigade hold the line, and both say "
        "they coordinate with the Red Directorate."
    )
    specs = [("Azure Front", ORG), ("Vesna Brigade", ORG), ("Red Directorate", ORG)]
    found = triples(nlp, text, specs)
    assert ("Azure Front", "allied_with", "Red Directorate") in found
    assert ("Vesna Brigade", "allied_with", "Red Directorate") in found


@pytest.mark.slow
def test_relations_plural_pronoun_with_one_organization_yields_nothing(nlp):
    text = "The Azure Front met in Lima. They signed the Lima Accord."
    specs = [("Azure Front", ORG), ("Lima", LOC), ("Lima Accord", AGR)]
    assert not any(p == "signatory_of" for _, p, _ in triples(nlp, text, specs))


@pytest.mark.slow
def test_relations_fight_side_by_side_makes_allies(nlp):
    specs = [("Azure Front", ORG), ("Vesna Brigade", ORG), ("Lima", LOC)]
    text = "The Azure Front and the Vesna Brigade fought side by side in Lima."
    assert ("Azure Front", "allied_with", "Vesna Brigade") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_side_by_side_after_a_coordination_read_as_a_noun_phrase(nlp):
    # the small model reads "the Vesna Brigade fight" as a noun phrase
    specs = [("Azure Front", ORG), ("Vesna Brigade", ORG)]
    text = "Yet on the ground the Azure Front and the Vesna Brigade fight side by side."
    assert ("Azure Front", "allied_with", "Vesna Brigade") in triples(nlp, text, specs)
    text = "Yet on the ground the Azure Front fights side by side."
    assert triples(nlp, text, [("Azure Front", ORG)]) == set()


def test_relations_coordinated_groups_read_on_the_surface():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from factmap.extract.coref import coordinated_groups

    words = "the A , the B and C met D , E".split()
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * (len(words) - 1))
    index = {1: ("a", False), 4: ("b", False), 6: ("c", False), 8: ("d", False), 10: ("e", False)}
    groups = coordinated_groups(doc[:], index)
    assert [g.members for g in groups] == [("a", "b", "c")]  # "D, E": no "and"
