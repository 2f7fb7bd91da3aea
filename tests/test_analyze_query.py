from __future__ import annotations

import pytest

from factmap.analyze.query import claim_records, entity_profile, event_records, find_entity
from factmap.errors import NotFoundError
from factmap.resolve import name_key, resolve
from factmap.store import Store
from tests.helpers import make_doc, make_extraction


@pytest.fixture()
def store() -> Store:
    s = Store()
    docs = [
        ("d1", "The Northern Legion, led by Ana Ruiz, raided Villa Sol on Tuesday.", "2024-06-04"),
        ("d2", "Ana Ruiz said the Northern Legion attacked Port Vell in March.", "2023-03"),
    ]
    for doc_id, text, date in docs:
        d = make_doc(doc_id, text)
        place = "Villa Sol" if "Villa" in text else "Port Vell"
        ext = make_extraction(
            d,
            [("Northern Legion", "organization"), ("Ana Ruiz", "person"), (place, "location")],
            claims=[("Ana Ruiz", "leader_of", "Northern Legion")] if doc_id == "d1" else [],
            events=[("raid" if doc_id == "d1" else "attack", date, place, ["Northern Legion"])],
        )
        s.save_document(d, ext, {m.id: name_key(m.text) for m in ext.mentions})
    resolve(s)
    return s


def test_analyze_find_entity_exact_alias_fuzzy_and_id(store):
    legion = find_entity(store, "northern legion")
    assert legion["name"] == "Northern Legion"
    assert find_entity(store, "Nothern Legion")["id"] == legion["id"]  # misspelt
    assert find_entity(store, f"E{legion['id']}")["id"] == legion["id"]
    with pytest.raises(NotFoundError, match="closest names"):
        find_entity(store, "Completely Different Thing")


def test_analyze_find_entity_empty_store_says_what_to_do():
    with pytest.raises(NotFoundError, match="factmap ingest"):
        find_entity(Store(), "anything")


def test_analyze_claim_records_filters(store):
    legion = find_entity(store, "Northern Legion")["id"]
    recs = claim_records(store, entity=legion)
    assert [(r["subject_name"], r["predicate"], r["object_name"]) for r in recs] == [
        ("Ana Ruiz", "leader_of", "Northern Legion")
    ]
    assert claim_records(store, predicate="member_of") == []
    assert claim_records(store, min_confidence=0.95) == []


def test_analyze_event_records_timeline_and_date_window(store):
    recs = event_records(store)
    assert [r["date"] for r in recs] == ["2023-03", "2024-06-04"]
    assert [r["date"] for r in event_records(store, date_from="2024")] == ["2024-06-04"]
    assert [r["date"] for r in event_records(store, date_to="2023-12-31")] == ["2023-03"]
    assert [r["date"] for r in event_records(store, date_from="2023-03-10", date_to="2023-03-20")] == ["2023-03"]
    villa = find_entity(store, "Villa Sol")["id"]
    assert [r["type"] for r in event_records(store, entity=villa)] == ["raid"]


def test_analyze_entity_profile_lists_names_documents_and_snippets(store):
    prof = entity_profile(store, find_entity(store, "Ana Ruiz")["id"])
    assert prof["names"] == [{"name": "Ana Ruiz", "documents": ["d1", "d2"]}]
    assert prof["mentions"][0]["snippet"].startswith("The Northern Legion, led by [Ana Ruiz]")
    assert list(prof["relations"]) == ["leader_of"]
