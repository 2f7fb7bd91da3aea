"""End-to-end: files on disk -> store -> JSON export (loads the spaCy pipeline)."""

from __future__ import annotations

import json
import os

import pytest

from factmap.export.json import build_export
from factmap.export.validate import export_problems
from factmap.pipeline import ingest
from factmap.store import Store

pytestmark = pytest.mark.slow

ARTICLE = """Volunteers raid border village

KYIV, June 7, 2024 - The Coastal Volunteer Corps (CVC) said on Friday its fighters had entered the village of Marinka. The Corps is led by Tomas Berger, a former officer.

Advertisement

Tomas Berger told reporters in Kyiv that the Coastal Volunteer Corps would continue operations.
"""

OTHER = """Council approves budget

The Riverside city council approved a new budget on Monday, Mayor Helen Ward said.
"""


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "001_raid.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "002_budget.txt").write_text(OTHER, encoding="utf-8")
    return d


def test_pipeline_ingest_to_export(corpus, nlp):
    store = Store()
    summary = ingest([corpus], store)
    assert sorted(summary.added) == ["001_raid", "002_budget"] and not summary.failed
    data = build_export(store)
    texts = store.document_texts(["001_raid", "002_budget"])
    assert export_problems(data, texts) == []
    assert "Advertisement" not in texts["001_raid"]
    by_name = {e["name"]: e for e in data["entities"]}
    assert by_name["Coastal Volunteer Corps"]["type"] == "organization"
    assert "CVC" in by_name["Coastal Volunteer Corps"]["aliases"]
    assert by_name["Tomas Berger"]["type"] == "person"
    assert by_name["Helen Ward"]["type"] == "person"


def test_pipeline_reingest_is_noop_and_change_replaces(corpus, nlp):
    store = Store()
    ingest([corpus], store)
    before = build_export(store)
    again = ingest([corpus], store)
    assert again.added == [] and sorted(again.unchanged) == ["001_raid", "002_budget"]
    assert build_export(store) == before
    (corpus / "002_budget.txt").write_text("Council rejects budget\n\nMayor Omar Diaz vetoed it.\n", encoding="utf-8")
    changed = ingest([corpus], store)
    assert changed.replaced == ["002_budget"]
    names = {e["name"] for e in build_export(store)["entities"]}
    assert "Omar Diaz" in names and "Helen Ward" not in names


def test_pipeline_bad_inputs_are_reported_and_the_rest_goes_in(tmp_path, nlp):
    d = tmp_path / "batch"
    d.mkdir()
    (d / "001_good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "002_empty.txt").write_bytes(b"")
    (d / "003_binary.txt").write_bytes(b"\x00\x01\x02\x03PNG\x00" * 200)
    (d / "004_big.txt").write_bytes(b"")
    with open(d / "004_big.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (d / "005_noarticle.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    (d / "006_feed.jsonl").write_text(
        json.dumps({"id": "feed-1", "title": "Good", "text": OTHER}) + "\n{not json\n", encoding="utf-8"
    )
    (d / "007_bad_utf8.txt").write_bytes(b"Caf\xc3(\xa9 \xff\xfe\xfd" * 3 + b"\x80\x81\x82" * 50)
    store = Store()
    summary = ingest([d], store)
    failed = {os.path.basename(f.source.split(":")[0]): f.reason for f in summary.failed}
    assert "001_good" in summary.added and "feed-1" in summary.added
    for name in ("002_empty.txt", "003_binary.txt", "004_big.txt", "005_noarticle.html", "006_feed.jsonl"):
        assert name in failed, (name, summary.failed)
    assert all(f.reason for f in summary.failed)


def test_pipeline_interrupted_ingest_leaves_store_consistent(corpus, nlp, monkeypatch):
    store = Store()
    real = store.save_document
    calls = {"n": 0}

    def crash_on_second(doc, ext, keys):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real(doc, ext, keys)

    monkeypatch.setattr(store, "save_document", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus], store)
    assert store.count("documents") == 1
    monkeypatch.setattr(store, "save_document", real)
    summary = ingest([corpus], store)
    assert len(summary.unchanged) == 1 and len(summary.added) == 1
    assert store.unresolved_mentions() == 0
    assert export_problems(build_export(store), store.document_texts(["001_raid", "002_budget"])) == []


def test_pipeline_headline_is_its_own_sentence(nlp):
    doc = nlp("Volunteers raid border village\n\nThe corps said it entered Marinka. It was led by Tom.")
    assert [s.text.strip() for s in doc.sents][0] == "Volunteers raid border village"
