"""Relation forms of news reporting, round 2 (factmap.extract.relations): containment
between places of different rank, deputies as members, titles coordinated with another
name, venues and occasions that are not bodies, and the forms of a third writer."""

from __future__ import annotations

import pytest

from factmap.extract.coref import load_vocab
from factmap.extract.relations import find_claims, is_country, smaller_place
from factmap.model import Claim, Document
from tests.helpers import all_mentions as make_mentions

PER, ORG, LOC, AGR = "person", "organization", "location", "agreement"


def claims_for(nlp, text: str, specs) -> tuple[list[Claim], dict[str, str]]:
    doc = Document(id="t", source="test", sha256="0", text=text)
    mentions = make_mentions(text, "t", specs)
    claims = find_claims(nlp(text), doc, mentions, [])
    return claims, {m.id: m.text for m in mentions}


def triples(nlp, text: str, specs) -> set[tuple[str, str, str]]:
    claims, names = claims_for(nlp, text, specs)
    return {(names[c.subject], c.predicate, names[c.object]) for c in claims}


# -- fast tests -----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Germany", "the United States", "Europe", "Brazil"])
def test_relations_round2_is_country_knows_countries_and_continents(name):
    assert is_country(name)


@pytest.mark.parametrize("name", ["Valdoria", "Hamburg", "Kessel province"])
def test_relations_round2_is_country_rejects_other_places(name):
    assert not is_country(name)


@pytest.mark.parametrize(
    ("inner", "outer", "expected"),
    [
        ("Germany", "Brazil", False),  # a country lies in no other place
        ("Germany", "Kessel province", False),
        ("Hamburg", "Germany", True),
        ("Kessel", "Valdoria", True),  # unknown places: the text decides
        ("Berlin", "Potsdam", False),  # a city is not inside a smaller town
        ("Potsdam", "Berlin", True),
    ],
)
def test_relations_round2_smaller_place_ranks_containment(inner, outer, expected):
    assert smaller_place(inner, outer) is expected


def test_relations_round2_vocab_deputy_modifiers_make_members():
    frame = next(f for f in load_vocab()["nominals"] if f["name"] == "noun_leader")
    assert frame["deputy"]["predicate"] == "member_of"
    assert {"deputy", "vice", "assistant"} <= set(frame["deputy"]["modifiers"])


# -- with the English pipeline -------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The sudden defeat of Germany in Brazil would surprise many fans.",
        "The ambitions of Germany in Brazil were set out by the minister.",
        "Rebels backed by Germany in southern Brazil held the bridge.",
    ],
)
def test_relations_round2_country_is_never_located_in_a_place(nlp, text):
    specs = [("Germany", LOC), ("Brazil", LOC)]
    assert not {t for t in triples(nlp, text, specs) if t[1] == "located_in"}


@pytest.mark.slow
def test_relations_round2_town_in_a_country_still_located(nlp):
    text = "Shelling hit the village of Lesno in eastern Germany on Monday."
    specs = [("Lesno", LOC), ("Germany", LOC)]
    assert ("Lesno", "located_in", "Germany") in triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Deputy Chairman of the Kessel Security Council Ivan Petrov made new threats.",
        "The report was handed over by the deputy head of the Kessel Ministry Ivan Petrov.",
        "The Kessel Ministry's deputy director Ivan Petrov runs the daily briefings.",
        "Ivan Petrov, the vice-president of the Kessel Ministry, spoke on Monday.",
    ],
)
def test_relations_round2_deputy_is_a_member_not_a_leader(nlp, text):
    specs = [("Kessel Security Council", ORG), ("Kessel Ministry", ORG), ("Ivan Petrov", PER)]
    found = triples(nlp, text, specs)
    assert not {t for t in found if t[1] == "leader_of"}
    assert {t for t in found if t[1] == "member_of" and t[0] == "Ivan Petrov"}


@pytest.mark.slow
def test_relations_round2_head_without_deputy_still_leads(nlp):
    text = "The report was handed over by the head of the Kessel Ministry Ivan Petrov."
    specs = [("Kessel Ministry", ORG), ("Ivan Petrov", PER)]
    assert ("Ivan Petrov", "leader_of", "Kessel Ministry") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_title_coordinated_with_a_name_is_not_its(nlp):
    text = (
        "Lund repeated the warning expressed by Anna Berg and Chairman of the "
        "Harbour Council Gen. Tomas Vik last week."
    )
    specs = [("Lund", PER), ("Anna Berg", PER), ("Harbour Council", ORG), ("Tomas Vik", PER)]
    assert ("Anna Berg", "member_of", "Harbour Council") not in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_person_of_organization_still_attached(nlp):
    text = "Dr Anna Berg of the Harbour Institute said the data were sound."
    specs = [("Anna Berg", PER), ("Harbour Institute", ORG)]
    assert ("Anna Berg", "member_of", "Harbour Institute") in triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("In a speech at Garden House in Hamburg, the minister renewed her call.", "Garden House"),
        ("During the Harbour Summit in Hamburg, delegates spoke of trade.", "Harbour Summit"),
    ],
)
def test_relations_round2_venue_or_occasion_does_not_operate(nlp, text, venue):
    specs = [(venue, ORG), ("Hamburg", LOC)]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_institute_in_a_town_still_operates(nlp):
    text = "Researchers at the Forest Institute in Hamburg published the study."
    specs = [("Forest Institute", ORG), ("Hamburg", LOC)]
    assert ("Forest Institute", "operates_in", "Hamburg") in triples(nlp, text, specs)


# -- recall forms -------------------------------------------------------------------------
@pytest.mark.slow
def test_relations_round2_countries_sign_and_found(nlp):
    text = "Chile, Peru and Bolivia formed the Harbour Alliance by signing the Lesno Charter in 2023."
    specs = [("Chile", LOC), ("Peru", LOC), ("Bolivia", LOC), ("Harbour Alliance", ORG), ("Lesno Charter", AGR)]
    found = triples(nlp, text, specs)
    assert ("Peru", "signatory_of", "Lesno Charter") in found
    assert ("Harbour Alliance", "founded_by", "Bolivia") in found


@pytest.mark.slow
def test_relations_round2_a_town_does_not_sign(nlp):
    text = "Hamburg signed the Lesno Charter on Monday."
    specs = [("Hamburg", LOC), ("Lesno Charter", AGR)]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_gerund_after_a_preposition_shares_the_subject(nlp):
    text = "Tomas Vik praised the volunteers after joining the Northern Front."
    specs = [("Tomas Vik", PER), ("Northern Front", ORG)]
    assert ("Tomas Vik", "member_of", "Northern Front") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_gerund_after_of_is_the_objects(nlp):
    text = "The Harbour Ministry accused Tomas Vik of joining the Northern Front."
    specs = [("Harbour Ministry", ORG), ("Tomas Vik", PER), ("Northern Front", ORG)]
    assert ("Harbour Ministry", "member_of", "Northern Front") not in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_as_did_shares_the_agent(nlp):
    text = "Anna Berg signed the Lesno Charter, as did the chess champion Tomas Vik."
    specs = [("Anna Berg", PER), ("Lesno Charter", AGR), ("Tomas Vik", PER)]
    found = triples(nlp, text, specs)
    assert ("Tomas Vik", "signatory_of", "Lesno Charter") in found
    assert ("Anna Berg", "signatory_of", "Lesno Charter") in found


@pytest.mark.slow
def test_relations_round2_announcing_a_declaration_together(nlp):
    text = "Tomas Vik announced the Lesno Declaration together with fighters of the Northern Front."
    specs = [("Tomas Vik", PER), ("Lesno Declaration", AGR), ("Northern Front", ORG)]
    assert triples(nlp, text, specs) >= {
        ("Tomas Vik", "signatory_of", "Lesno Declaration"),
        ("Northern Front", "signatory_of", "Lesno Declaration"),
    }


@pytest.mark.slow
def test_relations_round2_owner_of_instructors_is_there(nlp):
    text = "The Northern Front, which also has instructors in Kessia and Norland, left last year."
    specs = [("Northern Front", ORG), ("Kessia", LOC), ("Norland", LOC)]
    assert triples(nlp, text, specs) >= {
        ("Northern Front", "operates_in", "Kessia"),
        ("Northern Front", "operates_in", "Norland"),
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Northern Front announced that it was leaving Kessia after three years.",
        "The Northern Front is pulling out of Kessia this month.",
    ],
)
def test_relations_round2_leaving_a_place_means_it_is_there(nlp, text):
    specs = [("Northern Front", ORG), ("Kessia", LOC)]
    assert ("Northern Front", "operates_in", "Kessia") in triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Ministry issued an appeal to its citizens to leave Kessia.",
        "The Harbour Ministry said its staff had left Kessia in May.",
    ],
)
def test_relations_round2_leaving_done_or_urged_is_not_presence(nlp, text):
    specs = [("Harbour Ministry", ORG), ("Kessia", LOC)]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_grew_out_of_is_a_split(nlp):
    text = "The Northern Front grew out of the Kessel Brigade militias a decade ago."
    specs = [("Northern Front", ORG), ("Kessel Brigade", ORG)]
    assert ("Northern Front", "split_from", "Kessel Brigade") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_capital_of_a_region(nlp):
    text = "The rebels have cut the roads to Lesno, capital of North Kessia."
    specs = [("Lesno", LOC), ("North Kessia", LOC)]
    assert ("Lesno", "located_in", "North Kessia") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_researcher_at_an_office_of_a_body(nlp):
    text = "Anna Berg, a researcher at the Harbour Institute's Lesno office, spoke on Friday."
    specs = [("Anna Berg", PER), ("Harbour Institute", ORG), ("Lesno", LOC)]
    assert ("Anna Berg", "member_of", "Harbour Institute") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_round2_unknown_name_in_apposition_is_no_one_else(nlp):
    text = "Guests: Anna Berg, director of the Harbour Institute; Piotr Wozniak, a researcher at the Institute."
    specs = [("Anna Berg", PER), ("Harbour Institute", ORG)]
    found = triples(nlp, text, specs)
    assert ("Anna Berg", "leader_of", "Harbour Institute") in found
    assert ("Anna Berg", "member_of", "Harbour Institute") not in found


@pytest.mark.slow
def test_relations_round2_units_entering_the_regions_of_a_country(nlp):
    text = "The Northern Front said that they had entered the Kessel and Lesno regions of Valdoria in March."
    specs = [("Northern Front", ORG), ("Kessel", LOC), ("Lesno", LOC), ("Valdoria", LOC)]
    found = {t for t in triples(nlp, text, specs) if t[1] == "operates_in"}
    assert found == {("Northern Front", "operates_in", "Kessel"), ("Northern Front", "operates_in", "Lesno")}
