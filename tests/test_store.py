from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from factmap.errors import NotFoundError, StoreError
from factmap.resolve import name_key, resolve
from factmap.store import Store
from factmap.store import schema as t
from tests.helpers import make_doc, make_extraction

TEXT = "The Northern Legion, led by Ana Ruiz, raided Villa Sol. Ana Ruiz spoke later."


def save(store: Store, doc, ext) -> None:
    store.save_document(doc, ext, {m.id: name_key(m.text) for m in ext.mentions})


def sample(store: Store, doc_id: str = "d1", text_: str = TEXT):
    doc = make_doc(doc_id, text_, published="2024-06-07")
    ext = make_extraction(
        doc,
        [("Northern Legion", "organization"), ("Ana Ruiz", "person"), ("Villa Sol", "location")],
        claims=[("Ana Ruiz", "leader_of", "Northern Legion")],
        events=[("raid", "2024-06-04", "Villa Sol", ["Northern Legion"])],
    )
    save(store, doc, ext)
    return doc, ext


def test_store_creates_schema_and_version(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    con = sqlite3.connect(path)
    assert con.execute("select value from meta where key='schema_version'").fetchone()[0] == str(t.SCHEMA_VERSION)
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_store_refuses_foreign_database(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("create table people (x)")
    con.commit()
    with pytest.raises(StoreError, match="not a factmap store"):
        Store(path)


def test_store_refuses_garbage_file(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(path)


def test_store_missing_folder_is_clear(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "x.db")


def _store_of_version(tmp_path, version: str):
    """A store file whose recorded schema version is ``version``."""
    path = tmp_path / "s.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("update meta set value=? where key='schema_version'", (version,))
    con.commit()
    con.close()
    return path


def test_store_migrates_old_version(tmp_path):
    s = Store(_store_of_version(tmp_path, "0"))  # v1 migration is create_all: idempotent on an existing schema
    with s.connect() as conn:
        assert conn.execute(text("select value from meta")).scalar() == str(t.SCHEMA_VERSION)


def test_store_refuses_newer_schema(tmp_path):
    path = _store_of_version(tmp_path, "999")
    with pytest.raises(StoreError, match="newer factmap"):
        Store(path)


def test_store_save_and_read_back():
    store = Store()
    doc, ext = sample(store)
    assert store.document_version("d1") == (doc.sha256, "d1.txt")
    assert store.count("mentions") == 3 and store.count("claims") == 1 and store.count("events") == 1
    assert store.document("d1")["text"] == TEXT
    with pytest.raises(NotFoundError):
        store.document("nope")


def test_store_replacing_a_document_removes_old_facts():
    store = Store()
    sample(store)
    doc2 = make_doc("d1", "Completely new text about Kara Town.")
    ext2 = make_extraction(doc2, [("Kara Town", "location")])
    save(store, doc2, ext2)
    assert store.count("documents") == 1
    assert [m["text"] for m in store.mentions()] == ["Kara Town"]
    assert store.count("claims") == 0 and store.count("events") == 0 and store.count("event_participants") == 0


def test_store_failed_save_leaves_nothing_half_written():
    store = Store()
    doc = make_doc("d1", TEXT)
    ext = make_extraction(doc, [("Northern Legion", "organization")])
    ext.mentions.append(ext.mentions[0])  # duplicate primary key: the insert fails mid-document
    with pytest.raises(StoreError):
        store.save_document(doc, ext, {})
    assert store.count("documents") == 0 and store.count("mentions") == 0


def test_store_resolution_keeps_entity_ids_stable():
    store = Store()
    sample(store)
    resolve(store)
    before = {m["text"]: m["entity_id"] for m in store.mentions()}
    sample(store, "d2", "Ana Ruiz said the Northern Legion's fighters left Villa Sol.")
    resolve(store)
    after = store.mentions()
    assert {m["text"]: m["entity_id"] for m in after if m["doc_id"] == "d1"} == before
    legion = [m for m in after if m["text"].startswith("Northern Legion")]
    assert len({m["entity_id"] for m in legion}) == 1
    ent = store.entity(legion[0]["entity_id"])
    assert ent["n_documents"] == 2 and ent["type"] == "organization"


def test_store_orphan_entities_removed_after_replacement():
    store = Store()
    sample(store)
    resolve(store)
    doc2 = make_doc("d1", "Completely new text about Kara Town.")
    save(store, doc2, make_extraction(doc2, [("Kara Town", "location")]))
    resolve(store)
    assert [e["name"] for e in store.entities()] == ["Kara Town"]


def test_store_revision_grows_with_every_change():
    store = Store()
    r0 = store.revision()
    sample(store)
    r1 = store.revision()
    resolve(store)
    r2 = store.revision()
    assert r0 < r1 < r2
    store.delete_document("d1")
    assert store.revision() > r2
