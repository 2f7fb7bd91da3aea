from __future__ import annotations

import io
import json

from factmap.export.json import build_export, write_json
from factmap.export.validate import export_problems
from factmap.resolve import name_key, resolve
from factmap.store import Store
from tests.helpers import make_doc, make_extraction


def _store() -> Store:
    s = Store()
    d = make_doc("000_abc", "The Northern Legion, led by Ana Ruiz, raided Villa Sol.", published="2024-06-07")
    ext = make_extraction(
        d,
        [("Northern Legion", "organization"), ("Ana Ruiz", "person"), ("Villa Sol", "location")],
        claims=[("Ana Ruiz", "leader_of", "Northern Legion")],
        events=[("raid", "2024-06-04", "Villa Sol", ["Northern Legion"])],
    )
    s.save_document(d, ext, {m.id: name_key(m.text) for m in ext.mentions})
    resolve(s)
    return s


def test_export_json_follows_spec():
    s = _store()
    data = build_export(s)
    texts = s.document_texts(["000_abc"])
    assert export_problems(data, texts) == []
    doc = data["documents"][0]
    assert doc["id"] == "000_abc" and doc["published"] == "2024-06-07" and len(doc["sha256"]) == 64
    names = {e["id"]: e["name"] for e in data["entities"]}
    c = data["claims"][0]
    assert (names[c["subject"]], c["predicate"], names[c["object"]]) == ("Ana Ruiz", "leader_of", "Northern Legion")
    assert c["quote"] == texts["000_abc"][c["start"] : c["end"]]
    v = data["events"][0]
    assert v["type"] == "raid" and v["date"] == "2024-06-04" and names[v["place"]] == "Villa Sol"
    assert [names[p] for p in v["participants"]] == ["Northern Legion"]


def test_export_json_write_is_valid_json():
    buf = io.StringIO()
    write_json(_store(), buf)
    assert set(json.loads(buf.getvalue())) == {"documents", "entities", "claims", "events"}


def test_export_validate_catches_broken_quote_and_reference():
    s = _store()
    data = build_export(s)
    data["claims"][0]["quote"] = "not the text"
    data["events"][0]["participants"] = ["E999"]
    probs = export_problems(data, s.document_texts(["000_abc"]))
    assert any("quote is not the text" in p for p in probs)
    assert any("unknown entity E999" in p for p in probs)
    data["entities"][0]["type"] = "weapon"
    assert any("weapon" in p for p in export_problems(data))
