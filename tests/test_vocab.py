"""The vocabulary files load, and no word list holds a YAML boolean by accident
(a bare `on`, `no` or `yes` in a list is read as true/false, silently losing the word)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

FILES = sorted(p.name for p in resources.files("factmap.vocab").iterdir() if p.name.endswith(".yaml"))


def _booleans_in_lists(node, path="") -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                found.append(f"{path}/{key} (a key)")
            found += _booleans_in_lists(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, bool):
                found.append(f"{path}[{i}]")
            found += _booleans_in_lists(value, f"{path}[{i}]")
    return found


@pytest.mark.parametrize("name", FILES)
def test_vocab_file_loads_without_stray_booleans(name):
    data = yaml.safe_load((resources.files("factmap.vocab") / name).read_text("utf-8"))
    assert data, f"{name} is empty"
    assert _booleans_in_lists(data) == [], f"quote these words in {name}"


def test_vocab_guard_catches_a_bare_on():
    assert _booleans_in_lists(yaml.safe_load("words: [in, on, at]")) == ["/words[1]"]
