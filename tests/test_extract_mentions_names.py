"""Tests for factmap.extract.mentions: name boundaries that relation rules depend on --
particles inside personal names, a name glued to the person after it, lowercase state
institutions owned by a place. Actors and places are invented (or generic)."""

from __future__ import annotations

import pytest

from factmap.extract.mentions import find_mentions


def _found(nlp, text: str) -> dict[str, str]:
    """Mention text -> type for ``text``; every mention's offsets must give its text."""
    mentions, _ = find_mentions(nlp(text), "d")
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return {m.text: m.type for m in mentions}


@pytest.mark.slow
def test_mentions_names_particles_kept_inside_person(nlp):
    found = _found(nlp, "The board thanked Margarete von der Hollen for her report on Tuesday.")
    assert found.get("Margarete von der Hollen") == "person"
    assert "Hollen" not in found and "Margarete von der" not in found


@pytest.mark.slow
def test_mentions_names_hyphen_particle_kept_inside_person(nlp):
    found = _found(nlp, "Rebels said they had ousted Karim al-Fadhani from the capital.")
    assert found.get("Karim al-Fadhani") == "person"


@pytest.mark.slow
def test_mentions_names_acronym_split_from_person_after_role(nlp):
    text = "The director of KSB Aleksander Vornikov said the attack had been prepared abroad."
    found = _found(nlp, text)
    assert found.get("KSB") == "organization"
    assert found.get("Aleksander Vornikov") == "person"
    assert "KSB Aleksander Vornikov" not in found


@pytest.mark.slow
def test_mentions_names_person_split_from_long_org_after_role(nlp):
    text = "The deputy head of the Zembian Ministry of Foreign Affairs Oleh Marchenko said that."
    found = _found(nlp, text)
    assert found.get("Zembian Ministry of Foreign Affairs") == "organization"
    assert found.get("Oleh Marchenko") == "person"


@pytest.mark.slow
def test_mentions_names_no_split_of_org_ending_in_common_words(nlp):
    text = (
        "Jana Kowal, director of the Institute of Regional Security and Economic Development, "
        "said the talks would fail."
    )
    found = _found(nlp, text)
    assert found.get("Institute of Regional Security and Economic Development") == "organization"
    assert "Economic Development" not in found


@pytest.mark.slow
def test_mentions_names_place_split_from_person_after_role(nlp):
    found = _found(nlp, "An adviser to the mayor of the occupied Kharkiv Petro Hnatenko said that.")
    assert found.get("Kharkiv") == "location"
    assert found.get("Petro Hnatenko") == "person"


@pytest.mark.slow
def test_mentions_names_possessive_org_split_from_person(nlp):
    found = _found(nlp, "Morning Herald' Anders Holmqvist reported that the bridge was closed.")
    assert found.get("Anders Holmqvist") == "person"
    assert "Morning Herald' Anders Holmqvist" not in found


@pytest.mark.slow
def test_mentions_names_possessive_place_institution_is_org_and_place_stays(nlp):
    text = "Russia's foreign ministry spokeswoman Irina Zolotova said on Friday that talks failed."
    found = _found(nlp, text)
    assert found.get("foreign ministry") == "organization"
    assert found.get("Russia") == "location"
    assert found.get("Irina Zolotova") == "person"


@pytest.mark.slow
def test_mentions_names_possessive_one_word_institution_stays_unnamed(nlp):
    found = _found(nlp, "Ukraine's army said it had repelled the attack near the river.")
    assert found.get("Ukraine") == "location"
    assert "army" not in found


@pytest.mark.slow
def test_mentions_names_institution_of_place_includes_place(nlp):
    text = "The commander of the armed forces of Ukraine General Taras Hlushko visited the front."
    found = _found(nlp, text)
    assert found.get("armed forces of Ukraine") == "organization"
    assert found.get("Taras Hlushko") == "person"
    assert "General Taras Hlushko" not in found


@pytest.mark.slow
def test_mentions_names_of_person_is_not_an_institution_place(nlp):
    text = "They fight the government of Alexander Lukashenko, who allowed troops across the border."
    found = _found(nlp, text)
    assert found.get("Alexander Lukashenko") == "person"
    assert not any(name.startswith("government") for name in found)


@pytest.mark.slow
def test_mentions_names_place_with_police(nlp):
    found = _found(nlp, "Ivan Sorokin, chief of the Mariupol patrol police, said the city was shelled.")
    assert found.get("Mariupol patrol police") == "organization"
    assert found.get("Ivan Sorokin") == "person"


@pytest.mark.slow
def test_mentions_names_person_glued_to_demonym_institution(nlp):
    text = "The head of the Ukrainian military intelligence Kyrylo Bohdanov said that."
    found = _found(nlp, text)
    assert found.get("Ukrainian military intelligence") == "organization"
    assert found.get("Kyrylo Bohdanov") == "person"


@pytest.mark.slow
def test_mentions_names_person_split_after_in_the_body(nlp):
    text = "The leader of the Green Party in the Grand Assembly Hakon Lindqvist said that."
    found = _found(nlp, text)
    assert found.get("Hakon Lindqvist") == "person"
    assert found.get("Grand Assembly") == "organization"


@pytest.mark.slow
def test_mentions_names_person_given_name_model_typed_as_place(nlp):
    text = "One of the directors of the Zembian Ministry Alexei Poliszczuk said that."
    found = _found(nlp, text)
    assert found.get("Alexei Poliszczuk") == "person"


def test_mentions_names_trim_drops_trailing_connector():
    import spacy

    from factmap.extract.mentions import _trim

    blank = spacy.blank("en")
    assert _trim(blank("the Northern Faculty of"), 0, 4) == (1, 3)
    assert _trim(blank("Faculty of and"), 0, 3) == (0, 1)
    assert _trim(blank("of"), 0, 1) == (0, 1)


# ---------------------------------------------------------------- round 2: types by what a name names


def _all(nlp, text: str) -> list[tuple[str, str]]:
    """(text, type) of every mention of ``text``, in order."""
    mentions, _ = find_mentions(nlp(text), "d")
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.type) for m in mentions]


@pytest.mark.slow
def test_mentions_names_no_person_split_from_org_without_clear_front(nlp):
    found = _found(nlp, "Dr Hanna Lind, director of the Northern Civic Lab, said the talks had failed.")
    assert found.get("Northern Civic Lab") == "organization"
    assert "Civic Lab" not in found


@pytest.mark.slow
def test_mentions_names_lab_is_an_organization_head(nlp):
    found = _found(nlp, "The Northern Policy Lab works in partnership with the Amber Democracy Fund.")
    assert found.get("Northern Policy Lab") == "organization"


@pytest.mark.slow
def test_mentions_names_title_dropped_before_one_word_person(nlp):
    found = _found(nlp, '"It is not," said Dr Lind.')
    assert found.get("Lind") == "person"
    assert "Dr Lind" not in found


@pytest.mark.slow
def test_mentions_names_parliament_noun_is_an_organization_head(nlp):
    text = "Oleg Marvin, a former member of Russia's State Duma who speaks for the group, said so."
    assert _found(nlp, text).get("State Duma") == "organization"


@pytest.mark.slow
def test_mentions_names_large_place_of_two_words_is_a_location(nlp):
    found = _found(nlp, "The rebels surrounded El Fasher and shelled El Obeid.")
    assert found.get("El Fasher") == "location"
    assert found.get("El Obeid") == "location"


@pytest.mark.slow
def test_mentions_names_venue_after_at_is_a_location(nlp):
    found = _found(nlp, "The minister gave a speech at Harwell House in Leeds on Monday.")
    assert found.get("Harwell House") == "location"


@pytest.mark.slow
def test_mentions_names_the_house_that_speaks_stays_an_organization(nlp):
    assert _found(nlp, "The White House said it would respond.").get("White House") == "organization"


@pytest.mark.slow
def test_mentions_names_bare_meeting_noun_is_no_actor(nlp):
    found = _found(nlp, "During the Teleconference in Washington, the ministers agreed to new sanctions.")
    assert "Teleconference" not in found
    assert found.get("Washington") == "location"


@pytest.mark.slow
def test_mentions_names_federation_the_model_calls_a_place_is_a_location(nlp):
    found = _found(nlp, "They crossed into the Kursk region of the Russian Federation. The Chess Federation met.")
    assert found.get("Russian Federation") == "location"
    assert found.get("Chess Federation") == "organization"


@pytest.mark.slow
def test_mentions_names_callsign_after_comma(nlp):
    found = _found(nlp, "He asks to be identified only by his call sign, Bear.")
    assert found.get("Bear") == "person"


@pytest.mark.slow
def test_mentions_names_name_modifying_a_noun_is_not_a_small_town(nlp):
    text = "The mercenary group Ashford announced it was leaving. A column of Ashford fighters was ambushed."
    assert [t for n, t in _all(nlp, text) if n == "Ashford"] == ["organization", "organization"]


def test_mentions_names_alias_of_a_person_takes_the_person_type():
    from factmap.extract.mentions import _PRIO_MODEL, _alias_types, _Cand

    person = _Cand(0, 10, "person", "ner:PERSON", _PRIO_MODEL)
    alias = _Cand(30, 36, "location", "ner:GPE", _PRIO_MODEL)
    other = _Cand(50, 56, "location", "ner:GPE", _PRIO_MODEL)
    out = _alias_types([person, alias, other], [(person, alias, "alias", 36)])
    assert [c.type for c in out] == ["person", "person", "location"]
    assert out[1].rule == "rule:retype"


@pytest.mark.slow
def test_mentions_names_known_place_listed_with_places_is_a_location(nlp):
    found = _found(nlp, "The brigade fought in Sumy, Kherson and Bakhmut.")
    assert found.get("Kherson") == "location"


@pytest.mark.slow
def test_mentions_names_place_after_capitalised_preposition(nlp):
    found = _found(nlp, "Near Kyiv at the very start, then Lysychansk, then Bakhmut.")
    assert found.get("Kyiv") == "location"
