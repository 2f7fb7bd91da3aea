"""Shared fixtures: one spaCy pipeline per test session, stores in tmp_path."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from factmap.extract.nlp import load_nlp

    return load_nlp()
