"""In-document reference rules (factmap.extract.coref)."""

from __future__ import annotations

import pytest

from factmap.extract.coref import (
    paragraph_starts,
    parenthesised_aliases,
    resolve_references,
    token_antecedents,
)
from tests.helpers import all_mentions as make_mentions

PER, ORG, LOC = "person", "organization", "location"




def resolved(nlp, text: str, specs) -> dict[str, str]:
    """Referring expression text -> antecedent mention text."""
    mentions = make_mentions(text, "t", specs)
    names = {m.id: m.text for m in mentions}
    refs = resolve_references(nlp(text), mentions)
    for (start, end), target in refs.items():
        assert target in names and 0 <= start < end <= len(text)
    return {text[s:e]: names[t] for (s, e), t in refs.items()}


def test_coref_paragraph_starts_split_on_blank_lines():
    text = "One.\nStill one.\n\nTwo.\n  \nThree."
    starts = paragraph_starts(text)
    assert [text[s:].split("\n")[0] for s in starts] == ["One.", "Two.", "Three."]


@pytest.mark.slow
def test_coref_definite_np_needs_matching_head(nlp):
    text = "The Kalinouski Regiment was formed in 2022. The regiment operates in Bakhmut."
    assert resolved(nlp, text, [("Kalinouski Regiment", ORG), ("Bakhmut", LOC)]) == {
        "The regiment": "Kalinouski Regiment"
    }
    text = "The Azure Front was formed in 2014. The regiment operates in Bakhmut."
    assert resolved(nlp, text, [("Azure Front", ORG), ("Bakhmut", LOC)]) == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "reference"),
    [
        ("United Exile Cabinet", "the cabinet"),
        ("Gorno Fano Command", "the command"),
        ("Coastal Unity Faction", "the faction"),
    ],
)
def test_coref_cabinets_commands_and_factions_are_definite_heads(nlp, name, reference):
    text = f"The {name} met in Vilnius. Ivo Lat, {reference}'s deputy head, spoke."
    found = resolved(nlp, text, [(name, ORG), ("Vilnius", LOC), ("Ivo Lat", PER)])
    assert found == {reference: name}


@pytest.mark.slow
def test_coref_generic_group_takes_any_organization(nlp):
    text = "The Azure Front was formed in 2014. The group operates in Bakhmut."
    assert resolved(nlp, text, [("Azure Front", ORG), ("Bakhmut", LOC)]) == {
        "The group": "Azure Front"
    }


@pytest.mark.slow
def test_coref_stays_inside_the_paragraph(nlp):
    text = "The Azure Front was formed in 2014.\n\nThe group operates in Bakhmut."
    assert resolved(nlp, text, [("Azure Front", ORG), ("Bakhmut", LOC)]) == {}


@pytest.mark.slow
def test_coref_two_candidates_are_ambiguous(nlp):
    text = "The Azure Front and the Sun Battalion met in Tuzla. The group operates in Bakhmut."
    specs = [("Azure Front", ORG), ("Sun Battalion", ORG), ("Bakhmut", LOC), ("Tuzla", LOC)]
    assert resolved(nlp, text, specs) == {}


@pytest.mark.slow
def test_coref_chain_through_resolved_reference(nlp):
    text = "The Azure Front was formed in 2014. The group operates in Bakhmut. Its leader is Omar Haddad."
    specs = [("Azure Front", ORG), ("Bakhmut", LOC), ("Omar Haddad", PER)]
    assert resolved(nlp, text, specs) == {"The group": "Azure Front", "Its": "Azure Front"}


@pytest.mark.slow
def test_coref_possessive_key_excludes_the_ending(nlp):
    text = "The Northern Brigade was formed in May. The group's leader, Ivan Petrov, spoke."
    assert resolved(nlp, text, [("Northern Brigade", ORG), ("Ivan Petrov", PER)]) == {
        "The group": "Northern Brigade"
    }


@pytest.mark.slow
def test_coref_sentence_initial_pronoun_looks_back_one_sentence(nlp):
    text = "Lia Moreno arrived on Monday. He leads the Delta Council."
    assert resolved(nlp, text, [("Lia Moreno", PER), ("Delta Council", ORG)]) == {
        "He": "Lia Moreno"
    }
    text = "Lia Moreno arrived on Monday. It rained. She leads the Delta Council."
    assert resolved(nlp, text, [("Lia Moreno", PER), ("Delta Council", ORG)]) == {}


@pytest.mark.slow
def test_coref_two_people_make_pronoun_ambiguous(nlp):
    text = "Omar Haddad met Ivan Petrov on Monday. He leads the Azure Front."
    specs = [("Omar Haddad", PER), ("Ivan Petrov", PER), ("Azure Front", ORG)]
    assert resolved(nlp, text, specs) == {}


@pytest.mark.slow
def test_coref_same_name_twice_is_not_ambiguous(nlp):
    text = "Omar Haddad spoke. Omar Haddad smiled. He leads the Azure Front."
    specs = [("Omar Haddad", PER), ("Azure Front", ORG)]
    mentions = make_mentions(text, "t", specs)
    refs = resolve_references(nlp(text), mentions)
    second = [m for m in mentions if m.text == "Omar Haddad"][1]
    assert list(refs.values()) == [second.id]


@pytest.mark.slow
def test_coref_names_are_not_references(nlp):
    # "Group" inside a name is not a referring expression
    text = "The Azure Front met the Wagner Group. The group operates in Mali."
    specs = [("Azure Front", ORG), ("Wagner Group", ORG), ("Mali", LOC)]
    assert resolved(nlp, text, specs) == {}


@pytest.mark.slow
def test_coref_token_antecedents_marks_references(nlp):
    text = "The Azure Front was formed in 2014. The group operates in Bakhmut."
    mentions = make_mentions(text, "t", [("Azure Front", ORG)])
    sdoc = nlp(text)
    index = token_antecedents(sdoc, mentions, resolve_references(sdoc, mentions))
    group = next(t for t in sdoc if t.text == "group")
    front = next(t for t in sdoc if t.text == "Front")
    assert index[group.i] == (mentions[0].id, True)
    assert index[front.i] == (mentions[0].id, False)


# -- "it"/"its" follow the salient actor -----------------------------------------------
@pytest.mark.slow
def test_coref_it_follows_the_previous_subject_not_the_nearest_name(nlp):
    text = (
        "The Sun Battalion was formed in 2019. "
        "It is embedded in the Northern Army, which arms and trains it."
    )
    found = resolved(nlp, text, [("Sun Battalion", ORG), ("Northern Army", ORG)])
    assert found == {"It": "Sun Battalion", "it": "Sun Battalion"}


@pytest.mark.slow
def test_coref_it_skips_a_comparison_and_an_expletive(nlp):
    text = "The Sun Battalion was formed in 2019. Like the Red Wolves, it operates near Gao."
    specs = [("Sun Battalion", ORG), ("Red Wolves", ORG), ("Gao", LOC)]
    assert resolved(nlp, text, specs) == {"it": "Sun Battalion"}
    text = "The Sun Battalion was formed in 2019. It is unclear whether the army pays it."
    found = resolved(nlp, text, [("Sun Battalion", ORG)])
    assert "It" not in found


@pytest.mark.slow
def test_coref_it_can_be_an_agreement_named_by_called(nlp):
    text = (
        "The document, called the Tuzla Charter, commits its signatories to free elections. "
        "It was signed by the Red Wolves."
    )
    found = resolved(nlp, text, [("Tuzla Charter", "agreement"), ("Red Wolves", ORG)])
    assert found.get("It") == "Tuzla Charter"


@pytest.mark.slow
def test_coref_two_subjects_make_it_ambiguous(nlp):
    text = "The Red Wolves and the Blue Hawks met in Gao. It operates near Tuzla."
    specs = [("Red Wolves", ORG), ("Blue Hawks", ORG), ("Gao", LOC), ("Tuzla", LOC)]
    assert resolved(nlp, text, specs) == {}


@pytest.mark.slow
def test_coref_specific_head_reaches_back_across_paragraphs(nlp):
    text = "The Sun Battalion was formed in 2019.\n\nThe battalion operates in Gao."
    assert resolved(nlp, text, [("Sun Battalion", ORG), ("Gao", LOC)]) == {
        "The battalion": "Sun Battalion"
    }


@pytest.mark.slow
def test_coref_description_refers_to_the_one_named_subject(nlp):
    text = "Lena Ort spoke in Kessel.\n\nThe Fennor Council spokeswoman said talks would resume."
    specs = [("Lena Ort", PER), ("Kessel", LOC), ("Fennor Council", ORG)]
    assert resolved(nlp, text, specs) == {"The Fennor Council spokeswoman": "Lena Ort"}


@pytest.mark.slow
def test_coref_description_needs_one_person_and_a_speech_verb(nlp):
    # another person named in between: ambiguous
    text = "Lena Ort spoke in Kessel. She met Ivo Tamm. The council spokeswoman said no."
    specs = [("Lena Ort", PER), ("Kessel", LOC), ("Ivo Tamm", PER)]
    assert "The council spokeswoman" not in resolved(nlp, text, specs)
    # the person was not what the sentence was about
    text = "Rebels attacked Lena Ort in Kessel. The council spokeswoman said no."
    specs = [("Lena Ort", PER), ("Kessel", LOC)]
    assert "The council spokeswoman" not in resolved(nlp, text, specs)
    # not the subject of a speech verb: a new person may be meant
    text = "Lena Ort spoke in Kessel. The council spokeswoman arrived later."
    assert "The council spokeswoman" not in resolved(nlp, text, [("Lena Ort", PER), ("Kessel", LOC)])


@pytest.mark.slow
@pytest.mark.parametrize("verb", ["emphasized", "underlined", "reiterated", "argued"])
def test_coref_description_with_other_speech_verbs(nlp, verb):
    text = f"Lena Ort spoke in Kessel on Monday. The head of the Fennor government {verb} that talks must go on."
    specs = [("Lena Ort", PER), ("Kessel", LOC), ("Fennor government", ORG)]
    assert resolved(nlp, text, specs).get("The head") == "Lena Ort"


@pytest.mark.slow
def test_coref_description_is_not_a_person_the_sentence_names(nlp):
    # "the head of X ... meeting with Y": Y is someone the head met, not the head
    text = "Lena Ort spoke in Kessel. The head of the Fennor Council reported on his meeting with Ort."
    specs = [("Lena Ort", PER), ("Kessel", LOC), ("Fennor Council", ORG), ("Ort", PER)]
    assert "The head" not in resolved(nlp, text, specs)
    text = "Lena Ort spoke in Kessel. The head of the Fennor Council reported on the meeting."
    assert resolved(nlp, text, specs[:3]) == {"The head": "Lena Ort"}


@pytest.mark.slow
def test_coref_answer_pronoun_takes_the_one_actor_of_the_question(nlp):
    text = "Q: Who funds the Vesna Brigade?\n\nA: Mostly donors abroad fund it."
    assert resolved(nlp, text, [("Vesna Brigade", ORG)]) == {"it": "Vesna Brigade"}
    # a question naming two actors leaves the answer's pronoun alone
    text = "Q: Does the Vesna Brigade trust the Kestrel Group?\n\nA: It does not."
    specs = [("Vesna Brigade", ORG), ("Kestrel Group", ORG)]
    assert "It" not in resolved(nlp, text, specs)
    # not after a statement: a pronoun with nothing before it in its paragraph stays open
    text = "The Vesna Brigade met.\n\nIt was late."
    assert "It" not in resolved(nlp, text, [("Vesna Brigade", ORG)])


@pytest.mark.slow
def test_coref_it_takes_the_one_name_of_a_previous_sentence_without_subject(nlp):
    text = "Marek Lind founded the Dorn Council in 2020. It claims to speak for the coast."
    specs = [("Marek Lind", PER), ("Dorn Council", ORG)]
    assert resolved(nlp, text, specs) == {"It": "Dorn Council"}
    # two organizations there: ambiguous
    text = "Marek Lind founded the Dorn Council and the Kestrel Group. It claims a lot."
    specs = [("Marek Lind", PER), ("Dorn Council", ORG), ("Kestrel Group", ORG)]
    assert "It" not in resolved(nlp, text, specs)


# -- "A and its leader", plural reference ---------------------------------------------
def plural(nlp, text: str, specs) -> dict[str, set[str]]:
    """Plural reference text -> the names it stands for."""
    from factmap.extract.coref import resolve_plural_references

    mentions = make_mentions(text, "t", specs)
    names = {m.id: m.text for m in mentions}
    sdoc = nlp(text)
    out = resolve_plural_references(sdoc, mentions, resolve_references(sdoc, mentions))
    return {text[s:e]: {names[m] for m in members} for (s, e), members in out.items()}


@pytest.mark.slow
def test_coref_possessive_on_a_coordinated_noun_takes_the_first_conjunct(nlp):
    text = (
        "Speakers include Ana Ruiz, a researcher at the Lab's Lima office who studies "
        "the Vesna Brigade and its leader Omar Haddad."
    )
    specs = [("Ana Ruiz", PER), ("Lab", ORG), ("Lima", LOC), ("Vesna Brigade", ORG), ("Omar Haddad", PER)]
    assert resolved(nlp, text, specs)["its"] == "Vesna Brigade"


@pytest.mark.slow
def test_coref_plural_pronoun_takes_the_coordinated_names(nlp):
    specs = [("Azure Front", ORG), ("Vesna Brigade", ORG), ("Lima", LOC)]
    text = "The Azure Front and the Vesna Brigade met in Lima. They signed a truce."
    assert plural(nlp, text, specs) == {"They": {"Azure Front", "Vesna Brigade"}}
    text = "The Azure Front and the Vesna Brigade met in Lima. The two groups signed a truce."
    assert plural(nlp, text, specs) == {"The two groups": {"Azure Front", "Vesna Brigade"}}


@pytest.mark.slow
def test_coref_plural_reference_without_coordination_is_nothing(nlp):
    specs = [("Azure Front", ORG), ("Lima", LOC)]
    text = "The Azure Front met in Lima. They signed a truce."
    assert plural(nlp, text, specs) == {}
    specs = [("Azure Front", ORG), ("Vesna Brigade", ORG)]
    text = "The Azure Front and the Vesna Brigade met.\n\nThey signed a truce."
    assert plural(nlp, text, specs) == {}  # another paragraph


@pytest.mark.slow
def test_coref_plural_reference_needs_the_count_and_no_plural_noun_between(nlp):
    specs = [("Azure Front", ORG), ("Vesna Brigade", ORG)]
    text = "The Azure Front and the Vesna Brigade met. The three groups signed a truce."
    assert plural(nlp, text, specs) == {}
    text = "The Azure Front and the Vesna Brigade met government officials. They signed a truce."
    assert plural(nlp, text, specs) == {}


@pytest.mark.slow
def test_coref_parenthesised_abbreviation_is_not_a_second_actor(nlp):
    text = "The Storm Front (SF) is a different creature. Its commander built the unit in 2014."
    found = resolved(nlp, text, [("Storm Front", ORG), ("SF", ORG)])
    assert found.get("Its") in {"Storm Front", "SF"}


@pytest.mark.slow
def test_coref_abbreviation_merges_only_with_the_name_it_follows(nlp):
    text = "The Storm Front and the Tarn Company (TC) clashed. Its commander spoke."
    found = resolved(nlp, text, [("Storm Front", ORG), ("Tarn Company", ORG), ("TC", ORG)])
    assert "Its" not in found


def test_coref_parenthesised_aliases_need_adjacent_parentheses_and_one_type():
    text = "The Storm Front (SF) met Ana Rusk (AR) and the Tarn Company, (TC)."
    mentions = make_mentions(
        text, "t", [("Storm Front", ORG), ("SF", ORG), ("Ana Rusk", PER), ("AR", ORG), ("TC", ORG)]
    )
    by_id = {m.id: m.text for m in mentions}
    aliases = {by_id[k]: a.text for k, a in parenthesised_aliases(text, mentions).items()}
    assert aliases == {"SF": "Storm Front"}


@pytest.mark.slow
def test_coref_apposed_affiliation_reaches_the_previous_paragraph(nlp):
    text = (
        "The Harbour Institute published a study on Monday.\n\n"
        '"Costs will rise," said Ana Lenz, an analyst for the organisation.'
    )
    specs = [("Harbour Institute", ORG), ("Ana Lenz", PER)]
    assert resolved(nlp, text, specs) == {"the organisation": "Harbour Institute"}


@pytest.mark.slow
def test_coref_apposed_affiliation_with_two_bodies_before_stays_open(nlp):
    text = (
        "The Harbour Institute and the Kessel Forum published a study on Monday.\n\n"
        '"Costs will rise," said Ana Lenz, an analyst for the organisation.'
    )
    specs = [("Harbour Institute", ORG), ("Kessel Forum", ORG), ("Ana Lenz", PER)]
    assert resolved(nlp, text, specs) == {}
