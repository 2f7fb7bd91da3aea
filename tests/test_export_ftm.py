"""FollowTheMoney export: entities re-read and validated by followthemoney."""

from __future__ import annotations

import io
import json

from followthemoney import model

from factmap.export.ftm import entity_id, ftm_entities, write_ftm
from factmap.export.json import build_export
from tests.test_export_tables import TEXT_A, hand_store, small_gazetteer


def _read(s, **kw):
    buf = io.StringIO()
    n = write_ftm(s, buf, **kw)
    lines = buf.getvalue().splitlines()
    assert n == len(lines)
    return [model.get_proxy(json.loads(line)) for line in lines]


def test_export_ftm_entity_ids_are_valid_ftm_ids():
    assert entity_id("entity", "E12") == "factmap-e12"
    assert entity_id("doc", "2024-abc") == "factmap-doc-2024-abc"
    odd = entity_id("doc", "000_abc")
    assert odd.startswith("factmap-doc-000-abc-") and odd != entity_id("doc", "000-abc")
    assert model.get_proxy({"id": "x", "schema": "Documentation", "properties": {"document": [odd]}}).get("document") == [odd]


def test_export_ftm_lines_validate_and_references_resolve():
    s = hand_store()
    proxies = _read(s)
    by_id = {p.id: p for p in proxies}
    assert len(by_id) == len(proxies)
    for p in proxies:
        p.schema.validate(p.to_dict())
        for prop, value in p.itervalues():
            if prop.type.name == "entity":
                assert value in by_id, f"{p.id}.{prop.name} -> {value} is missing"
    data = build_export(s)
    for e in data["entities"]:
        assert f"factmap-{e['id'].lower()}" in by_id
    for v in data["events"]:
        assert by_id[f"factmap-{v['id'].lower()}"].schema.name == "Event"


def test_export_ftm_maps_types_relations_and_evidence():
    s = hand_store()
    proxies = _read(s)
    by_name = {p.first("name"): p for p in proxies if p.schema.is_a("Thing")}
    legion, ana = by_name["Northern Legion"], by_name["Ana Ruiz"]
    assert legion.schema.name == "Organization" and ana.schema.name == "Person"
    assert by_name["Villa Sol"].schema.name == "Address"
    assert legion.get("wikidataId") == ["Q4242"] and "nl-001" in legion.get("idNumber")
    assert "NL" in legion.get("alias")
    lead = next(p for p in proxies if p.schema.name == "Directorship")
    assert lead.get("director") == [ana.id] and lead.get("organization") == [legion.id]
    assert lead.get("role") == ["leader"] and lead.get("startDate") == ["2023-02"]
    quote = lead.first("summary")
    assert quote and quote in TEXT_A
    assert "000_a:" in lead.first("description") and lead.get("publisher") == ["Daily Bugle"]
    assert lead.get("sourceUrl") == ["https://bugle.example/a"]
    article = next(p for p in proxies if p.schema.name == "Article" and p.first("publisher", quiet=True) == "Daily Bugle")
    assert lead.get("proof") == [article.id] and article.first("publishedAt") == "2024-06-07"
    assert article.first("bodyText") == TEXT_A
    # a fact only ever stated as negated is no Membership
    denied = [p for p in proxies if p.get("status", quiet=True) == ["denied"]]
    assert len(denied) == 1 and denied[0].schema.name == "UnknownLink" and denied[0].get("role") == ["member_of"]
    assert not any(p.schema.name == "Membership" for p in proxies)
    claim = next(p for p in proxies if p.get("role", quiet=True) == ["claimed_responsibility"])
    event = next(p for p in proxies if p.id == claim.first("object"))
    assert event.schema.name == "Event" and claim.get("subject") == [legion.id]
    docs = [p for p in proxies if p.schema.name == "Documentation" and p.first("entity") == legion.id]
    assert len(docs) == 2 and all(p.first("summary") for p in docs)


def test_export_ftm_events_and_geocoded_places():
    s = hand_store()
    proxies = list(ftm_entities(s, gazetteer=small_gazetteer(), include_text=False))
    place = next(p for p in proxies if p.first("name", quiet=True) == "Villa Sol")
    assert place.get("latitude") == ["10.5"] and place.get("country") == ["pt"]
    raid = next(p for p in proxies if p.schema.name == "Event" and p.first("date", quiet=True) == "2024-06")
    assert raid.get("addressEntity") == [place.id] and raid.get("location") == ["Villa Sol"]
    assert len(raid.get("involved")) == 2 and raid.get("country") == ["pt"]
    assert not any(p.get("bodyText", quiet=True) for p in proxies)
