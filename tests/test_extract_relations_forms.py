"""Relation forms of news reporting (factmap.extract.relations): backers that are
countries, places of a collective's members, "X's regions of A and B", actors'
prepositions, and the scope of a negation over adjunct phrases."""

from __future__ import annotations

import pytest

from factmap.extract.coref import load_vocab
from factmap.extract.relations import find_claims
from factmap.model import Claim, Document
from tests.helpers import all_mentions as make_mentions

PER, ORG, LOC = "person", "organization", "location"


def claims_for(nlp, text: str, specs) -> tuple[list[Claim], dict[str, str]]:
    doc = Document(id="t", source="test", sha256="0", text=text)
    mentions = make_mentions(text, "t", specs)
    claims = find_claims(nlp(text), doc, mentions, [])
    return claims, {m.id: m.text for m in mentions}


def triples(nlp, text: str, specs) -> set[tuple[str, str, str]]:
    claims, names = claims_for(nlp, text, specs)
    return {(names[c.subject], c.predicate, names[c.object]) for c in claims}


# -- fast tests -----------------------------------------------------------------------
def test_relations_forms_vocab_lets_places_back_actors():
    types = load_vocab()["types"]["predicates"]["supports"]
    assert "location" in types["subject"]
    assert "location" not in types["object"]


def test_relations_forms_vocab_collective_frame_reads_members_only():
    frame = next(f for f in load_vocab()["nominals"] if f["name"] == "noun_collective_in")
    assert frame["prep_only"] and frame["through_of"]
    assert frame["predicate"] == "operates_in"


# -- with the English pipeline -------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Northern Front, backed by Valdoria, crossed the river.",
        "Valdoria supplied the Northern Front with rifles.",
    ],
)
def test_relations_forms_country_backs_an_actor(nlp, text):
    specs = [("Northern Front", ORG), ("Valdoria", LOC)]
    assert ("Valdoria", "supports", "Northern Front") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_moving_into_parts_of_a_place(nlp):
    text = "The Northern Front has moved into parts of Kessel province."
    specs = [("Northern Front", ORG), ("Kessel province", LOC)]
    assert triples(nlp, text, specs) == {("Northern Front", "operates_in", "Kessel province")}


@pytest.mark.slow
def test_relations_forms_parts_of_an_actor_are_not_the_actor(nlp):
    text = "Parts of the Blue Legion joined the Red Brigade."
    specs = [("Blue Legion", ORG), ("Red Brigade", ORG)]
    assert triples(nlp, text, specs) == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Brenn Relief Network, a small association of exiles based in Ostrava, held a vigil.",
        "The Brenn Relief Network is an association of Valdorian citizens living in Ostrava.",
    ],
)
def test_relations_forms_members_based_in_a_place_place_the_body(nlp, text):
    specs = [("Brenn Relief Network", ORG), ("Ostrava", LOC)]
    assert triples(nlp, text, specs) == {("Brenn Relief Network", "operates_in", "Ostrava")}


@pytest.mark.slow
def test_relations_forms_coalition_of_associations_in_places(nlp):
    text = "It joined the Brenn Relief Network, a coalition of nine associations in Kessel and Ostrava."
    specs = [("Brenn Relief Network", ORG), ("Kessel", LOC), ("Ostrava", LOC)]
    found = {t for t in triples(nlp, text, specs) if t[1] == "operates_in"}
    assert found == {
        ("Brenn Relief Network", "operates_in", "Kessel"),
        ("Brenn Relief Network", "operates_in", "Ostrava"),
    }


@pytest.mark.slow
def test_relations_forms_organisation_described_in_a_region_is_no_claim(nlp):
    text = "The Ostrava Pact, a military organisation in the North Sea, held talks."
    specs = [("Ostrava Pact", ORG), ("North Sea", LOC)]
    assert triples(nlp, text, specs) == set()


@pytest.mark.slow
def test_relations_forms_possessor_regions_of_names(nlp):
    text = "Shelling hit Valdoria's regions of Kessel and Brenn."
    specs = [("Valdoria", LOC), ("Kessel", LOC), ("Brenn", LOC)]
    assert triples(nlp, text, specs) == {
        ("Kessel", "located_in", "Valdoria"),
        ("Brenn", "located_in", "Valdoria"),
    }


@pytest.mark.slow
def test_relations_forms_country_with_an_actor_preposition_is_not_contained(nlp):
    text = "Officials feared Brenn would force its troops to fight with Valdoria in Ostrava."
    specs = [("Brenn", LOC), ("Valdoria", LOC), ("Ostrava", LOC)]
    assert not any(p == "located_in" for _, p, _ in triples(nlp, text, specs))


@pytest.mark.slow
def test_relations_forms_place_in_place_still_found(nlp):
    text = "Shelling hit Kozinka in the Kessel region."
    specs = [("Kozinka", LOC), ("Kessel region", LOC)]
    assert triples(nlp, text, specs) == {("Kozinka", "located_in", "Kessel region")}


@pytest.mark.slow
def test_relations_forms_negation_stays_out_of_an_adjunct_phrase(nlp):
    text = (
        "The government said it does not know where Ivo Marsh is, "
        "following his rebellion against President Tomas Berg."
    )
    claims, names = claims_for(nlp, text, [("Ivo Marsh", PER), ("Tomas Berg", PER)])
    found = {(names[c.subject], c.predicate, names[c.object], c.negated) for c in claims}
    assert ("Ivo Marsh", "opposes", "Tomas Berg", False) in found


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,subject,predicate,obj",
    [
        ("The Red Brigade is not part of the Blue Legion.", "Red Brigade", "part_of", "Blue Legion"),
        ("The Red Brigade does not fight under the Blue Legion.", "Red Brigade", "part_of", "Blue Legion"),
    ],
)
def test_relations_forms_negation_still_governs_its_clause(nlp, text, subject, predicate, obj):
    claims, names = claims_for(nlp, text, [(subject, ORG), (obj, ORG)])
    found = [c for c in claims if (names[c.subject], c.predicate, names[c.object]) == (subject, predicate, obj)]
    assert found and all(c.negated for c in found)
