"""Shared fixtures: one spaCy pipeline per test session, stores in tmp_path."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from factmap.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def events(nlp):
    """``events(text, [(name, type), ...], published="2024-06-07")``: find_events on
    ``text`` with a mention at the first occurrence of each name; every quote is checked."""
    from factmap.extract.events import find_events
    from factmap.model import Document, Mention

    def run(text: str, names: list[tuple[str, str]], published: str | None = "2024-06-07"):
        mentions = [Mention("d", text.index(n), text.index(n) + len(n), n, t) for n, t in names]
        doc = Document(id="d", source="test", sha256="0", text=text, published=published)
        found = find_events(nlp(text), doc, mentions)
        for event in found:
            assert event.quote == text[event.start : event.end]
        return found

    return run
