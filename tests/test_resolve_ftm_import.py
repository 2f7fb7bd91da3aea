"""Known actors from FollowTheMoney entity lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factmap.errors import InputError
from factmap.resolve.ftm_import import actor_from_entity, is_ftm_file, read_ftm_actors
from factmap.resolve.review import read_actors

LINES = [
    {"id": "Q111", "schema": "Person", "properties": {"name": ["Ana Ruiz"], "alias": ["Commander Sol"],
                                                     "weakAlias": ["Ana"], "wikidataId": ["Q111"]}},
    {"id": "nl-1", "schema": "Organization", "properties": {"name": ["Northern Legion"], "previousName": ["North Band"],
                                                          "abbreviation": ["NL"]}},
    {"id": "pb-1", "schema": "PublicBody", "properties": {"name": ["Ministry of Things"]}},
    {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["Q111"], "authority": ["Someone"]}},
]


def _write(tmp_path: Path, name: str, lines) -> Path:
    p = tmp_path / name
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return p


def test_resolve_ftm_import_reads_people_and_organizations(tmp_path):
    actors = read_ftm_actors(_write(tmp_path, "known.ftm.json", LINES))
    assert [(a.name, a.type) for a in actors] == [
        ("Ana Ruiz", "person"), ("Northern Legion", "organization"), ("Ministry of Things", "organization")]
    ana, legion = actors[0], actors[1]
    assert set(ana.aliases) == {"Commander Sol", "Ana"} and ana.external_ids == ("Q111",)
    assert set(legion.aliases) == {"North Band", "NL"} and legion.external_ids == ("nl-1",)
    assert ana.source == "known.ftm.json"


def test_resolve_ftm_import_dispatch_from_read_actors(tmp_path):
    assert is_ftm_file(tmp_path / "x.jsonl") and not is_ftm_file(tmp_path / "x.yaml")
    plain_json = _write(tmp_path, "people.json", LINES[:1])
    assert is_ftm_file(plain_json)
    assert [a.name for a in read_actors(plain_json)] == ["Ana Ruiz"]
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"name": "X Front", "type": "organization"}]), encoding="utf-8")
    assert not is_ftm_file(listed) and read_actors(listed)[0].name == "X Front"


def test_resolve_ftm_import_skips_unnamed_and_reports_bad_lines(tmp_path):
    assert actor_from_entity({"id": "a", "schema": "Person", "properties": {}}) is None
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:2"):
        read_ftm_actors(bad)
    with pytest.raises(InputError, match="unknown FtM schema"):
        read_ftm_actors(_write(tmp_path, "odd.jsonl", [{"id": "a", "schema": "Dragon", "properties": {}}]))
