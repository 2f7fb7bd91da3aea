"""Relation forms of news reporting (factmap.extract.relations): countries that are
no actors (no backer, signatory or founder), places of a collective's members, "X's regions of A and B", actors'
prepositions, the scope of a negation over adjunct phrases; containment between places
of different rank, deputies and heads of a field ("X's head of communications") as members, titles coordinated with another name, venues
and occasions that are not bodies."""

from __future__ import annotations

import pytest

from factmap.extract.coref import load_vocab
from factmap.extract.relations import is_country, smaller_place
from tests.helpers import claim_triples as triples
from tests.helpers import claims_for

PER, ORG, LOC, AGR = "person", "organization", "location", "agreement"


# -- fast tests -----------------------------------------------------------------------
@pytest.mark.parametrize(("predicate", "role"), [("supports", "subject"), ("signatory_of", "subject"), ("founded_by", "object")])
def test_relations_forms_vocab_places_are_no_actors(predicate, role):
    assert "location" not in load_vocab()["types"]["predicates"][predicate][role]


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
def test_relations_forms_country_backs_no_actor(nlp, text):
    specs = [("Northern Front", ORG), ("Valdoria", LOC)]
    assert ("Valdoria", "supports", "Northern Front") not in triples(nlp, text, specs)


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


# -- containment, deputies, coordinated titles, venues: fast tests ---------------------
@pytest.mark.parametrize("name", ["Germany", "the United States", "Europe", "Brazil"])
def test_relations_forms_is_country_knows_countries_and_continents(name):
    assert is_country(name)


@pytest.mark.parametrize("name", ["Valdoria", "Hamburg", "Kessel province"])
def test_relations_forms_is_country_rejects_other_places(name):
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
def test_relations_forms_smaller_place_ranks_containment(inner, outer, expected):
    assert smaller_place(inner, outer) is expected


def test_relations_forms_vocab_deputy_modifiers_make_members():
    frame = next(f for f in load_vocab()["nominals"] if f["name"] == "noun_leader")
    assert frame["deputy"]["predicate"] == "member_of"
    assert {"deputy", "vice", "assistant"} <= set(frame["deputy"]["modifiers"])


# -- containment, deputies, coordinated titles, venues: with the English pipeline ------
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The sudden defeat of Germany in Brazil would surprise many fans.",
        "The ambitions of Germany in Brazil were set out by the minister.",
        "Rebels backed by Germany in southern Brazil held the bridge.",
    ],
)
def test_relations_forms_country_is_never_located_in_a_place(nlp, text):
    specs = [("Germany", LOC), ("Brazil", LOC)]
    assert not {t for t in triples(nlp, text, specs) if t[1] == "located_in"}


@pytest.mark.slow
def test_relations_forms_town_in_a_country_still_located(nlp):
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
def test_relations_forms_deputy_is_a_member_not_a_leader(nlp, text):
    specs = [("Kessel Security Council", ORG), ("Kessel Ministry", ORG), ("Ivan Petrov", PER)]
    found = triples(nlp, text, specs)
    assert not {t for t in found if t[1] == "leader_of"}
    assert {t for t in found if t[1] == "member_of" and t[0] == "Ivan Petrov"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Kessel Ministry's head of communications, Ivan Petrov, spoke on Monday.",
        "Ivan Petrov, the Kessel Ministry's head of public relations, spoke on Monday.",
    ],
)
def test_relations_forms_head_of_a_field_in_a_body_is_a_member(nlp, text):
    specs = [("Kessel Security Council", ORG), ("Kessel Ministry", ORG), ("Ivan Petrov", PER)]
    found = triples(nlp, text, specs)
    assert not {t for t in found if t[1] == "leader_of"}
    assert {t for t in found if t[1] == "member_of" and t[0] == "Ivan Petrov"}


@pytest.mark.slow
def test_relations_forms_head_without_deputy_still_leads(nlp):
    text = "The report was handed over by the head of the Kessel Ministry Ivan Petrov."
    specs = [("Kessel Ministry", ORG), ("Ivan Petrov", PER)]
    assert ("Ivan Petrov", "leader_of", "Kessel Ministry") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_title_coordinated_with_a_name_is_not_its(nlp):
    text = (
        "Lund repeated the warning expressed by Anna Berg and Chairman of the "
        "Harbour Council Gen. Tomas Vik last week."
    )
    specs = [("Lund", PER), ("Anna Berg", PER), ("Harbour Council", ORG), ("Tomas Vik", PER)]
    assert ("Anna Berg", "member_of", "Harbour Council") not in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_person_of_organization_still_attached(nlp):
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
def test_relations_forms_venue_or_occasion_does_not_operate(nlp, text, venue):
    specs = [(venue, ORG), ("Hamburg", LOC)]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_institute_in_a_town_still_operates(nlp):
    text = "Researchers at the Forest Institute in Hamburg published the study."
    specs = [("Forest Institute", ORG), ("Hamburg", LOC)]
    assert ("Forest Institute", "operates_in", "Hamburg") in triples(nlp, text, specs)


# -- recall forms -------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Chile, Peru and Bolivia formed the Harbour Alliance by signing the Lesno Charter in 2023.",
        "The tests would breach the Lesno Charter, which Peru signed. Bolivia launched the Harbour Alliance.",
    ],
)
def test_relations_forms_countries_neither_sign_nor_found(nlp, text):
    specs = [("Chile", LOC), ("Peru", LOC), ("Bolivia", LOC), ("Harbour Alliance", ORG), ("Lesno Charter", AGR)]
    found = triples(nlp, text, specs)
    assert not {t for t in found if t[1] in ("signatory_of", "founded_by")}


@pytest.mark.slow
def test_relations_forms_a_town_does_not_sign(nlp):
    text = "Hamburg signed the Lesno Charter on Monday."
    specs = [("Hamburg", LOC), ("Lesno Charter", AGR)]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_gerund_after_a_preposition_shares_the_subject(nlp):
    text = "Tomas Vik praised the volunteers after joining the Northern Front."
    specs = [("Tomas Vik", PER), ("Northern Front", ORG)]
    assert ("Tomas Vik", "member_of", "Northern Front") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_gerund_after_of_is_the_objects(nlp):
    text = "The Harbour Ministry accused Tomas Vik of joining the Northern Front."
    specs = [("Harbour Ministry", ORG), ("Tomas Vik", PER), ("Northern Front", ORG)]
    assert ("Harbour Ministry", "member_of", "Northern Front") not in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_as_did_shares_the_agent(nlp):
    text = "Anna Berg signed the Lesno Charter, as did the chess champion Tomas Vik."
    specs = [("Anna Berg", PER), ("Lesno Charter", AGR), ("Tomas Vik", PER)]
    found = triples(nlp, text, specs)
    assert ("Tomas Vik", "signatory_of", "Lesno Charter") in found
    assert ("Anna Berg", "signatory_of", "Lesno Charter") in found


@pytest.mark.slow
def test_relations_forms_announcing_a_declaration_together(nlp):
    text = "Tomas Vik announced the Lesno Declaration together with fighters of the Northern Front."
    specs = [("Tomas Vik", PER), ("Lesno Declaration", AGR), ("Northern Front", ORG)]
    assert triples(nlp, text, specs) >= {
        ("Tomas Vik", "signatory_of", "Lesno Declaration"),
        ("Northern Front", "signatory_of", "Lesno Declaration"),
    }


@pytest.mark.slow
def test_relations_forms_owner_of_instructors_is_there(nlp):
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
def test_relations_forms_leaving_a_place_means_it_is_there(nlp, text):
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
def test_relations_forms_leaving_done_or_urged_is_not_presence(nlp, text):
    specs = [("Harbour Ministry", ORG), ("Kessia", LOC)]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_grew_out_of_is_a_split(nlp):
    text = "The Northern Front grew out of the Kessel Brigade militias a decade ago."
    specs = [("Northern Front", ORG), ("Kessel Brigade", ORG)]
    assert ("Northern Front", "split_from", "Kessel Brigade") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_capital_of_a_region(nlp):
    text = "The rebels have cut the roads to Lesno, capital of North Kessia."
    specs = [("Lesno", LOC), ("North Kessia", LOC)]
    assert ("Lesno", "located_in", "North Kessia") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_researcher_at_an_office_of_a_body(nlp):
    text = "Anna Berg, a researcher at the Harbour Institute's Lesno office, spoke on Friday."
    specs = [("Anna Berg", PER), ("Harbour Institute", ORG), ("Lesno", LOC)]
    assert ("Anna Berg", "member_of", "Harbour Institute") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_unknown_name_in_apposition_is_no_one_else(nlp):
    text = "Guests: Anna Berg, director of the Harbour Institute; Piotr Wozniak, a researcher at the Institute."
    specs = [("Anna Berg", PER), ("Harbour Institute", ORG)]
    found = triples(nlp, text, specs)
    assert ("Anna Berg", "leader_of", "Harbour Institute") in found
    assert ("Anna Berg", "member_of", "Harbour Institute") not in found


@pytest.mark.slow
def test_relations_forms_units_entering_the_regions_of_a_country(nlp):
    text = "The Northern Front said that they had entered the Kessel and Lesno regions of Valdoria in March."
    specs = [("Northern Front", ORG), ("Kessel", LOC), ("Lesno", LOC), ("Valdoria", LOC)]
    found = {t for t in triples(nlp, text, specs) if t[1] == "operates_in"}
    assert found == {("Northern Front", "operates_in", "Kessel"), ("Northern Front", "operates_in", "Lesno")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Lion Brigade, a mainly rural group whose military commander is Ivo Marn, took the town.",
        "The Lion Brigade, whose commander-in-chief is Ivo Marn, fights mostly in the north.",
        "It serves under the Lion Brigade, whose chief Ivo Marn has praised the fighters.",
    ],
)
def test_relations_forms_whose_role_noun_is_the_antecedent_s(nlp, text):
    specs = [("Lion Brigade", ORG), ("Ivo Marn", PER)]
    assert ("Ivo Marn", "leader_of", "Lion Brigade") in triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Lion Brigade fought next to the Eagle Legion near Tarma.",
        "The Lion Brigade, which fights beside the Eagle Legion, took the town.",
        "In March the Lion Brigade fought side by side with the Eagle Legion.",
    ],
)
def test_relations_forms_fighting_beside_another_unit_is_an_alliance(nlp, text):
    specs = [("Lion Brigade", ORG), ("Eagle Legion", ORG), ("Tarma", LOC)]
    assert ("Lion Brigade", "allied_with", "Eagle Legion") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_coordinated_actors_that_cooperate_are_allies(nlp):
    text = "The Lion Brigade and the Eagle Legion cooperate closely."
    specs = [("Lion Brigade", ORG), ("Eagle Legion", ORG)]
    assert triples(nlp, text, specs) == {("Lion Brigade", "allied_with", "Eagle Legion")}


@pytest.mark.slow
def test_relations_forms_working_in_the_same_place_is_no_alliance(nlp):
    text = "The Lion Brigade and the Eagle Legion work in the same towns."
    specs = [("Lion Brigade", ORG), ("Eagle Legion", ORG)]
    assert triples(nlp, text, specs) == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Petrov is an enemy of Ivanov, not of Kuznetsov.",
        '"Petrov does not love Valdoria, he is an enemy of Ivanov, not of Kuznetsov," said Lind.',
    ],
)
def test_relations_forms_contrastive_not_negates_only_its_own_phrase(nlp, text):
    specs = [("Petrov", PER), ("Ivanov", PER), ("Kuznetsov", PER), ("Valdoria", LOC), ("Lind", PER)]
    claims, names = claims_for(nlp, text, specs)
    found = {(names[c.subject], c.predicate, names[c.object], c.negated) for c in claims}
    assert ("Petrov", "opposes", "Ivanov", False) in found
    assert ("Petrov", "opposes", "Kuznetsov", True) in found


# -- place chains, designations, splinters, "the two" ------------------------------------
@pytest.mark.slow
def test_relations_forms_place_chain_after_a_verb_locates_each_step(nlp):
    text = (
        "The Vanguard Brigade said its fighters had entered the village of Zelenivka "
        "in the Orlovo district of Kessel region."
    )
    specs = [
        ("Vanguard Brigade", ORG),
        ("Zelenivka", LOC),
        ("Orlovo district", LOC),
        ("Kessel region", LOC),
    ]
    found = triples(nlp, text, specs)
    assert ("Zelenivka", "located_in", "Orlovo district") in found
    assert ("Orlovo district", "located_in", "Kessel region") in found
    assert ("Vanguard Brigade", "operates_in", "Zelenivka") in found
    assert ("Vanguard Brigade", "operates_in", "Orlovo district") not in found
    assert ("Vanguard Brigade", "operates_in", "Kessel region") not in found


@pytest.mark.slow
def test_relations_forms_coordinated_places_before_their_district(nlp):
    text = "The Vanguard Brigade was fighting around Berestove and Pisky in the Varno district."
    specs = [("Vanguard Brigade", ORG), ("Berestove", LOC), ("Pisky", LOC), ("Varno district", LOC)]
    found = triples(nlp, text, specs)
    assert ("Berestove", "located_in", "Varno district") in found
    assert ("Pisky", "located_in", "Varno district") in found
    assert ("Vanguard Brigade", "operates_in", "Berestove") in found
    assert ("Vanguard Brigade", "operates_in", "Varno district") not in found


@pytest.mark.slow
def test_relations_forms_capital_of_a_named_state(nlp):
    text = "Rebels kept up their assault on Tarsk, the capital of North Kessel state, on Monday."
    found = triples(nlp, text, [("Tarsk", LOC), ("North Kessel", LOC)])
    assert found == {("Tarsk", "located_in", "North Kessel")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Supreme Court designated the Vanguard Brigade a terrorist organisation last year.",
        "Members of the Vanguard Brigade, which the Supreme Court declared a terrorist "
        "organisation in 2023, were tried in absentia.",
        "The Supreme Court listed the Vanguard Brigade as an extremist group.",
        "The Supreme Court banned the Vanguard Brigade in 2021.",
    ],
)
def test_relations_forms_designation_or_ban_opposes_the_body(nlp, text):
    specs = [("Supreme Court", ORG), ("Vanguard Brigade", ORG)]
    assert ("Supreme Court", "opposes", "Vanguard Brigade") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_declaring_without_a_designation_is_nothing(nlp):
    text = "The Supreme Court declared the Vanguard Brigade the winner of the tender."
    specs = [("Supreme Court", ORG), ("Vanguard Brigade", ORG)]
    assert triples(nlp, text, specs) == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "A group of about forty men left the Storm Regiment in the autumn and formed a "
        "separate detachment, the Tarn Company.",
        "The Tarn Company was set up by men who broke away from the Storm Regiment after "
        "quarrels in 2022.",
        "Last spring a group of fighters left the Storm Regiment in a dispute over command "
        "and set up their own company, which they call the Tarn Company.",
    ],
)
def test_relations_forms_body_founded_by_people_leaving_another_split_from_it(nlp, text):
    specs = [("Storm Regiment", ORG), ("Tarn Company", ORG)]
    assert ("Tarn Company", "split_from", "Storm Regiment") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_leaving_and_joining_is_no_split(nlp):
    text = "Omar Vesk left the Green Party and joined the Blue Party."
    specs = [("Omar Vesk", PER), ("Green Party", ORG), ("Blue Party", ORG)]
    assert not any(p == "split_from" for _, p, _ in triples(nlp, text, specs))


@pytest.mark.slow
def test_relations_forms_bare_the_two_stands_for_a_coordinated_pair(nlp):
    text = (
        "The Storm Regiment and the Tarn Company were both formed in 2022. "
        "Analysts say the two cooperate closely."
    )
    specs = [("Storm Regiment", ORG), ("Tarn Company", ORG)]
    assert ("Storm Regiment", "allied_with", "Tarn Company") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_plural_pronoun_after_the_two_units(nlp):
    text = (
        "The Storm Regiment and the Tarn Company were both formed in 2022. The two units "
        "cooperate, and in March they fought side by side with the Vale Battalion."
    )
    specs = [("Storm Regiment", ORG), ("Tarn Company", ORG), ("Vale Battalion", ORG)]
    found = triples(nlp, text, specs)
    assert ("Storm Regiment", "allied_with", "Vale Battalion") in found
    assert ("Tarn Company", "allied_with", "Vale Battalion") in found


@pytest.mark.slow
def test_relations_forms_possessive_of_a_subject_not_reported_keeps_its_antecedent(nlp):
    text = (
        "The oldest is the Vale Battalion, set up in 1994. Its commander, Omar Vesk, was "
        "once accused by Kessel of plotting a coup; his late wife Ana Rusk fought "
        "alongside him until 2017."
    )
    specs = [("Vale Battalion", ORG), ("Omar Vesk", PER), ("Kessel", LOC), ("Ana Rusk", PER)]
    found = triples(nlp, text, specs)
    assert ("Omar Vesk", "leader_of", "Vale Battalion") in found
    assert not any(p == "leader_of" and o == "Ana Rusk" for _, p, o in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "He posted a video from what he said was the outskirts of Tyrnavo in Kessel region.",
        "The fighters returned ten days later, that time near Tyrnavo in the Kessel region.",
        "The army repelled new attempts to break through near Tyrnavo, in Kessel region, on Friday.",
    ],
)
def test_relations_forms_place_right_after_a_place_locates_it(nlp, text):
    specs = [("Tyrnavo", LOC), ("Kessel region", LOC)]
    assert ("Tyrnavo", "located_in", "Kessel region") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_place_after_a_comma_needs_a_place_noun(nlp):
    text = "The army repelled attacks near Tyrnavo, in a show of strength, in Kessel."
    assert triples(nlp, text, [("Tyrnavo", LOC), ("Kessel", LOC)]) == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "outer"),
    [
        ("Rebels took the town of Varsk, the centre of the Orlovo district.", "Orlovo district"),
        ("Varsk, a town in the Orlovo department, was shelled.", "Orlovo department"),
    ],
)
def test_relations_forms_district_centres_and_departments(nlp, text, outer):
    assert ("Varsk", "located_in", outer) in triples(nlp, text, [("Varsk", LOC), (outer, LOC)])


@pytest.mark.slow
def test_relations_forms_active_verb_after_a_passive_takes_its_patient(nlp):
    text = "The Vale Regiment, made up of exiles, was set up in March 2022 and fought at Tarsk."
    found = triples(nlp, text, [("Vale Regiment", ORG), ("Tarsk", LOC)])
    assert ("Vale Regiment", "operates_in", "Tarsk") in found


@pytest.mark.slow
def test_relations_forms_passive_agent_does_not_act_in_the_next_conjunct(nlp):
    text = "The Vale Regiment was founded by Omar Vesk and leads the Storm Front."
    specs = [("Vale Regiment", ORG), ("Omar Vesk", PER), ("Storm Front", ORG)]
    found = triples(nlp, text, specs)
    assert ("Vale Regiment", "founded_by", "Omar Vesk") in found
    assert ("Omar Vesk", "leader_of", "Storm Front") not in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "inner", "outer"),
    [
        ("Clashes hit the Dorva territory of Upper Kessel province.", "Dorva", "Upper Kessel province"),
        (
            "Shells fell on the village of Orlik in the Varsk urban district of Kessel region.",
            "Varsk",
            "Kessel region",
        ),
    ],
)
def test_relations_forms_name_before_a_place_noun_of_a_larger_place(nlp, text, inner, outer):
    found = triples(nlp, text, [("Orlik", LOC), (inner, LOC), (outer, LOC)])
    assert (inner, "located_in", outer) in found


@pytest.mark.slow
def test_relations_forms_name_before_an_office_noun_is_no_place_chain(nlp):
    text = "The Dorva council of Kessel region met on Monday."
    assert triples(nlp, text, [("Dorva", LOC), ("Kessel region", LOC)]) == set()


@pytest.mark.slow
def test_relations_forms_participle_read_as_main_verb_keeps_its_subject(nlp):
    text = "The Lynx Battalion, founded the same year, is led by Ivo Marek."
    found = triples(nlp, text, [("Lynx Battalion", ORG), ("Ivo Marek", PER)])
    assert found == {("Ivo Marek", "leader_of", "Lynx Battalion")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Azure Front said its fighters crossed into Valka on Thursday together with the Red Brigade.",
        "The Azure Front and the Red Brigade said they had crossed the border together.",
    ],
)
def test_relations_forms_acting_together_makes_allies(nlp, text):
    found = triples(nlp, text, [("Azure Front", ORG), ("Red Brigade", ORG), ("Valka", LOC)])
    assert ("Azure Front", "allied_with", "Red Brigade") in found


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Azure Front met with the Red Brigade together with reporters.",
        "The Azure Front clashed with the Red Brigade.",
    ],
)
def test_relations_forms_with_alone_is_no_joint_act(nlp, text):
    found = triples(nlp, text, [("Azure Front", ORG), ("Red Brigade", ORG)])
    assert ("Azure Front", "allied_with", "Red Brigade") not in found


@pytest.mark.slow
def test_relations_forms_crossing_into_a_place_is_an_act_not_a_base(nlp):
    text = "The Azure Front said its fighters had crossed into the Valka region."
    assert triples(nlp, text, [("Azure Front", ORG), ("Valka region", LOC)]) == set()


# -- titles, affiliations and presence as general news writes them ------------------------
@pytest.mark.slow
def test_relations_forms_coordinated_titles_share_holder_and_possessor(nlp):
    text = "Ivan Korda, the Vesna Battalion's founder and chief, was seen in Brody on Thursday."
    specs = [("Ivan Korda", PER), ("Vesna Battalion", ORG), ("Brody", LOC)]
    found = triples(nlp, text, specs)
    assert ("Vesna Battalion", "founded_by", "Ivan Korda") in found
    assert ("Ivan Korda", "leader_of", "Vesna Battalion") in found


@pytest.mark.slow
def test_relations_forms_founder_of_a_named_outfit(nlp):
    text = "The faction is led by Ivan Korda, the founder of the Vesna militia outfit."
    specs = [("Ivan Korda", PER), ("Vesna", ORG)]
    assert ("Vesna", "founded_by", "Ivan Korda") in triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Mark Dale, then chairman of the Senate foreign relations committee, voted for the bill.",
        "The head of the Ostrava human rights office, Lina Berg, said the figures were rising.",
    ],
)
def test_relations_forms_topic_committee_is_not_its_parent_body(nlp, text):
    specs = [("Mark Dale", PER), ("Lina Berg", PER), ("Senate", ORG), ("Ostrava", LOC)]
    assert {t for t in triples(nlp, text, specs) if t[1] == "leader_of"} == set()


@pytest.mark.slow
def test_relations_forms_title_apposed_to_a_group_keeps_its_holder(nlp):
    text = (
        "Sanctions against the Valdorian opposition, the head of the Nordic Commission "
        "Ana Lind announced on Monday."
    )
    specs = [("Valdorian opposition", "group"), ("Nordic Commission", ORG), ("Ana Lind", PER)]
    assert ("Ana Lind", "leader_of", "Nordic Commission") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_rival_of_a_person_opposes_them(nlp):
    text = "The main rival of Halvorsen, Anna Reyes, had to leave the country."
    specs = [("Halvorsen", PER), ("Anna Reyes", PER)]
    assert triples(nlp, text, specs) == {("Anna Reyes", "opposes", "Halvorsen")}


@pytest.mark.slow
def test_relations_forms_purpose_infinitive_takes_the_main_subject(nlp):
    text = "Dale sent troops back to Kessel to fight the Black Banner Front."
    specs = [("Dale", PER), ("Kessel", LOC), ("Black Banner Front", ORG)]
    assert ("Dale", "opposes", "Black Banner Front") in triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Velmar Group has had a presence in Kessel for several years.",
        "Analysts watched the Velmar Group deployment in Kessel.",
    ],
)
def test_relations_forms_presence_and_deployment_place_the_body(nlp, text):
    specs = [("Velmar Group", ORG), ("Kessel", LOC)]
    assert triples(nlp, text, specs) == {("Velmar Group", "operates_in", "Kessel")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"It will not last," said Jon Mayer at the Brenn Institute.', {("Jon Mayer", "member_of", "Brenn Institute")}),
        ("We met Jon Mayer at the Brenn Summit.", set()),
        ("Jon Mayer, an adviser to the Brenn Institute, said talks had stalled.", {("Jon Mayer", "member_of", "Brenn Institute")}),
        ("Jon Mayer, an adviser to Dale, said talks had stalled.", set()),
        ('"This is new," said Jon Mayer, an analyst for the Brenn Institute.', {("Jon Mayer", "member_of", "Brenn Institute")}),
    ],
)
def test_relations_forms_people_at_and_advising_institutions(nlp, text, expected):
    specs = [("Jon Mayer", PER), ("Brenn Institute", ORG), ("Brenn Summit", ORG), ("Dale", PER)]
    assert {t for t in triples(nlp, text, specs) if t[1] == "member_of"} == expected


@pytest.mark.slow
def test_relations_forms_possessor_place_with_compass_word(nlp):
    text = "Fighting continued in Valdoria's eastern Kessel region."
    specs = [("Valdoria", LOC), ("Kessel region", LOC)]
    assert triples(nlp, text, specs) == {("Kessel region", "located_in", "Valdoria")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The use of Nordcom-supplied rockets would mark an escalation.", set()),
        ("The Nordcom-backed Vostok Brigade attacked the town.", {("Nordcom", "supports", "Vostok Brigade")}),
    ],
)
def test_relations_forms_goods_named_by_origin_have_no_backer(nlp, text, expected):
    specs = [("Nordcom", ORG), ("Vostok Brigade", ORG), ("rockets", ORG)]
    assert {t for t in triples(nlp, text, specs) if t[1] == "supports"} == expected


# -- precision on general news: who holds a title, where a talk happened ------------------
@pytest.mark.slow
def test_relations_forms_title_after_a_speech_verb_is_its_inverted_subject(nlp):
    text = (
        '"We call on Valdoria to join the talks," wrote on Twitter the head of the Danish '
        "government, who said that he was informed by his ministers."
    )
    specs = [("Twitter", PER), ("Danish government", ORG), ("Valdoria", LOC)]
    assert not {t for t in triples(nlp, text, specs) if t[1] == "leader_of"}


@pytest.mark.slow
def test_relations_forms_spokesman_for_a_titled_person_is_not_that_person(nlp):
    text = "Anna Berg, the spokeswoman for U.N. Secretary-General Tomas Lindqvist, acknowledged those frustrations."
    specs = [("Anna Berg", PER), ("U.N.", ORG), ("Tomas Lindqvist", PER)]
    found = triples(nlp, text, specs)
    assert ("Tomas Lindqvist", "spokesperson_of", "U.N.") not in found
    assert ("Tomas Lindqvist", "leader_of", "U.N.") in found


@pytest.mark.slow
def test_relations_forms_coordinated_name_with_its_own_title_does_not_share_the_other(nlp):
    text = (
        "The President of the European Commission, Maria van der Holm, and Chilean leader "
        "Jorge Luis Ramos da Costa expressed their condemnation of the invasion of Kessel."
    )
    specs = [("European Commission", ORG), ("Maria van der Holm", PER), ("Jorge Luis Ramos da Costa", PER)]
    found = triples(nlp, text, specs)
    assert ("Maria van der Holm", "leader_of", "European Commission") in found
    assert ("Jorge Luis Ramos da Costa", "leader_of", "European Commission") not in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "specs", "member"),
    [
        (
            "Peter Quist, the U.N. director of the Global Policy Group, recently wrote that the war threatened the council.",
            [("Peter Quist", PER), ("U.N.", ORG), ("Global Policy Group", ORG)],
            ("Peter Quist", "member_of", "Global Policy Group"),
        ),
        (
            "Mark Dunn, who serves as a district chair for the Harlow Republican Committee, opposes the policy.",
            [("Mark Dunn", PER), ("Harlow Republican Committee", ORG)],
            ("Mark Dunn", "member_of", "Harlow Republican Committee"),
        ),
    ],
)
def test_relations_forms_post_of_an_area_or_sub_unit_is_membership(nlp, text, specs, member):
    found = triples(nlp, text, specs)
    assert member in found
    assert not {t for t in found if t[1] == "leader_of"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Speaking to the Daily Courier in Karsk on Wednesday, Prime Minister Jan Holm said the aid was needed now.",
        "Jan Holm told the Daily Courier in Karsk that the aid was needed now.",
    ],
)
def test_relations_forms_a_medium_spoken_to_somewhere_is_not_active_there(nlp, text):
    specs = [("Daily Courier", ORG), ("Karsk", LOC), ("Jan Holm", PER)]
    assert not {t for t in triples(nlp, text, specs) if t[1] == "operates_in"}


@pytest.mark.slow
def test_relations_forms_participle_after_the_addressee_is_not_the_speakers_act(nlp):
    text = "Holt told Fox Radio supporting Carter."
    specs = [("Holt", PER), ("Fox Radio", ORG), ("Carter", PER)]
    assert not {t for t in triples(nlp, text, specs) if t[1] == "supports"}


@pytest.mark.slow
def test_relations_forms_participle_after_a_comma_is_the_speakers_act(nlp):
    text = '"We must send them the tools they need today," Mark Holt told reporters, backing the Northern Front.'
    specs = [("Mark Holt", PER), ("Northern Front", ORG)]
    assert ("Mark Holt", "supports", "Northern Front") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_occasion_is_not_a_place_in_a_place(nlp):
    text = "During the International Donors' Conference for Kessel in Karsk on May 5, the president pledged more aid."
    specs = [("International Donors' Conference for Kessel", LOC), ("Karsk", LOC)]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_region_is_not_located_in_its_capital_city(nlp):
    text = "Soldiers began storming the parliament of the Kessel Republic in Potsdam, after which they hung flags."
    specs = [("Kessel Republic", LOC), ("Potsdam", LOC)]
    assert ("Kessel Republic", "located_in", "Potsdam") not in triples(nlp, text, specs)


@pytest.mark.parametrize(
    ("inner", "outer", "expected"),
    [("Kessel Republic", "Potsdam", False), ("Kessel region", "Potsdam", False), ("Kessel district", "Potsdam", True)],
)
def test_relations_forms_smaller_place_keeps_regions_out_of_towns(inner, outer, expected):
    assert smaller_place(inner, outer) is expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Most western firms such as Valdoria's Kessler Bank and Norland's Lumo stayed in the market.",
        "Lenders like Valdoria's Kessler Bank kept their branches open.",
    ],
)
def test_relations_forms_bodies_with_a_country_possessive_are_not_places(nlp, text):
    specs = [("Valdoria", LOC), ("Kessler Bank", LOC), ("Norland", LOC), ("Lumo", LOC)]
    assert not {t for t in triples(nlp, text, specs) if t[1] == "located_in"}


@pytest.mark.slow
def test_relations_forms_a_region_with_a_country_possessive_is_still_located(nlp):
    text = "Shelling hit Valdoria's Kessel region overnight."
    specs = [("Valdoria", LOC), ("Kessel region", LOC)]
    assert ("Kessel region", "located_in", "Valdoria") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_a_medium_read_via_an_organization_is_no_member(nlp):
    text = "Read the full piece via the Harbour Council's Kessel Watch here."
    specs = [("Harbour Council", ORG), ("Kessel Watch", PER)]
    assert not triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize("area", ["Europe", "the Middle East"])
def test_relations_forms_head_of_a_force_in_a_part_of_the_world_is_a_member(nlp, area):
    text = f"General Anna Berg, the chief commander of the Valdorian armed forces in {area}, testified on Monday."
    specs = [("Anna Berg", PER), ("Valdorian armed forces", ORG), (area.removeprefix("the "), LOC)]
    found = triples(nlp, text, specs)
    assert ("Anna Berg", "member_of", "Valdorian armed forces") in found
    assert ("Anna Berg", "leader_of", "Valdorian armed forces") not in found


@pytest.mark.slow
def test_relations_forms_head_of_a_unit_in_a_town_still_leads_it(nlp):
    text = "Ivan Petrov, the commander of the Volta Brigade in Kessel, said the town held."
    specs = [("Ivan Petrov", PER), ("Volta Brigade", ORG), ("Kessel", LOC)]
    assert ("Ivan Petrov", "leader_of", "Volta Brigade") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_place_after_a_joined_common_noun_is_not_containing(nlp):
    text = "The raids sparked panic among tourists in Tarnia and concern in Velmor that the bridge could be hit."
    specs = [("Tarnia", LOC), ("Velmor", LOC)]
    assert not any(p == "located_in" for _, p, _ in triples(nlp, text, specs))
    text = "Shelling hit Kozinka and Brody in the Kessel region."
    specs = [("Kozinka", LOC), ("Brody", LOC), ("Kessel region", LOC)]
    assert ("Brody", "located_in", "Kessel region") in triples(nlp, text, specs)


@pytest.mark.slow
def test_relations_forms_agent_of_a_passive_is_not_contained(nlp):
    text = "Training for the crews was provided by Arland in Kelvia."
    specs = [("Arland", LOC), ("Kelvia", LOC)]
    assert not any(p == "located_in" for _, p, _ in triples(nlp, text, specs))


@pytest.mark.slow
def test_relations_forms_no_place_lies_in_a_square(nlp):
    text = "Protesters met in Dorvan in Liberty Square on Sunday."
    specs = [("Dorvan", LOC), ("Liberty Square", LOC)]
    assert not any(p == "located_in" and s == "Dorvan" for s, p, _ in triples(nlp, text, specs))


@pytest.mark.slow
def test_relations_forms_guest_who_joins_a_show_to_talk_is_no_member(nlp):
    text = "Dr. Anna Berg, a history professor, joins the Kessel Morning Report to discuss the war."
    specs = [("Anna Berg", PER), ("Kessel Morning Report", ORG)]
    assert not triples(nlp, text, specs)
    joined = "Anna Berg joined the Kessel Legion to fight the invaders."
    assert ("Anna Berg", "member_of", "Kessel Legion") in triples(nlp, joined, [("Anna Berg", PER), ("Kessel Legion", ORG)])


@pytest.mark.slow
def test_relations_forms_quoted_name_keeps_its_apposition(nlp):
    # the closing quote makes the parser coordinate "a city" with the name
    text = 'The plant lies near "Kessel", a city and region in southern Valdoria.'
    specs = [("Kessel", LOC), ("Valdoria", LOC)]
    assert ("Kessel", "located_in", "Valdoria") in triples(nlp, text, specs)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "He introduced himself as Ivan Petrov, a colonel of the Kessel Guard.",
        "Ivan Petrov, a captain in the Kessel Guard, said the unit had advanced.",
    ],
)
def test_relations_forms_officer_of_a_rank_is_a_member(nlp, text):
    specs = [("Ivan Petrov", PER), ("Kessel Guard", ORG)]
    assert ("Ivan Petrov", "member_of", "Kessel Guard") in triples(nlp, text, specs)
