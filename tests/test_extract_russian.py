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
