"""Tests for factmap.extract.russian (natasha NER for Russian text)."""

from __future__ import annotations

import pytest

pytest.importorskip("natasha")

from factmap.extract.russian import _balance_quotes, find_mentions_ru  # noqa: E402


def test_russian_balance_quotes_closes_open_quote():
    text = "Легион «Свобода России» воюет."
    assert _balance_quotes(text, 0, 22) == 23
    assert _balance_quotes(text, 0, 6) == 6


@pytest.mark.slow
def test_russian_find_mentions_types_and_offsets():
    text = (
        "Легион «Свобода России» и Русский добровольческий корпус под командованием "
        "Дениса Капустина вошли в Белгородскую область."
    )
    mentions = find_mentions_ru(text, "ru1")
    pairs = [(m.text, m.type) for m in mentions]
    assert ("Легион «Свобода России»", "organization") in pairs
    assert ("Русский добровольческий корпус", "organization") in pairs
    assert ("Дениса Капустина", "person") in pairs
    assert ("Белгородскую область", "location") in pairs
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.rule.startswith("ner:natasha:")


def test_russian_organization_and_genitive_place_merge():
    from factmap.extract.russian import _merge_genitive

    text = "Министерство обороны Израиля заявило"
    spans = [(0, 20, "organization", "ner:natasha:ORG"), (21, 28, "location", "ner:natasha:LOC")]
    assert _merge_genitive(text, spans) == [(0, 28, "organization", "rule:ru:genitive")]
    apart = [(0, 20, "organization", "x"), (22, 28, "location", "y")]
    assert _merge_genitive("Министерство обороны, Израиль", apart) == apart


def test_russian_acronym_spelled_by_initials_and_reused():
    from factmap.extract.russian import _acronym_spans, _strip_acronyms

    text = "Силы быстрого реагирования (СБР) атаковали город. Позже СБР отступили."
    spans = {(text[a:b], t) for a, b, t, _ in _acronym_spans(text)}
    assert ("Силы быстрого реагирования", "organization") in spans
    assert sum(1 for s in _acronym_spans(text) if text[s[0] : s[1]] == "СБР") == 2
    assert _acronym_spans("Он сказал (СБР) нет.") == []  # initials do not spell it
    end = text.index(")") + 1
    assert _strip_acronyms(text, [(0, end, "organization", "n")]) == [(0, 26, "organization", "n")]


def test_russian_callsign_and_its_inflected_quoted_forms_are_persons():
    from factmap.extract.russian import _callsign_spans

    text = "Командир с позывным «Гром» сообщил о бое. По словам «Грома», отряд отошёл."
    names = [text[a:b] for a, b, t, _ in _callsign_spans(text) if t == "person"]
    assert names == ["Гром", "Грома"]


def test_russian_dictionary_form_is_one_key_for_every_case_ending():
    from factmap.extract.russian import dictionary_form

    assert dictionary_form("России") == dictionary_form("Россия") == "россия"
    assert dictionary_form("Сибирского батальона") == dictionary_form("Сибирский батальон")
    assert dictionary_form("ГУР") == "гур"
