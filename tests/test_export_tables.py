"""Tables export (csv, parquet) and the fact records every export reads; also the
round trip of every export format from a store built by the real pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factmap.analyze.geo import Gazetteer
from factmap.export.json import build_export
from factmap.export.tables import TABLES, build_tables, event_ref, fact_records, write_tables
from factmap.model import Claim, KnownActor
from factmap.pipeline import save_extraction
from factmap.resolve import resolve
from factmap.store import Store
from tests.helpers import make_doc, make_extraction

TEXT_A = (
    "The Northern Legion (NL), led by Ana Ruiz, raided Villa Sol in Freedonia. "
    "The Southern Front fights the Northern Legion. Two civilians were killed."
)
TEXT_B = "Ana Ruiz is not a member of the Southern Front. The Northern Legion claimed the raid on Villa Sol."


def hand_store() -> Store:
    """Two documents: a leader, an opposing pair, a raid with a place, a negated claim,
    a claim with a validity span, a claimed responsibility and a known actor's QID."""
    s = Store()
    s.add_known_actors([KnownActor("Northern Legion", "organization", ("NL",), ("Q4242", "nl-001"), "test")])
    a = make_doc("000_a", TEXT_A, published="2024-06-07", publisher="Daily Bugle", url="https://bugle.example/a")
    ext_a = make_extraction(
        a,
        [("Northern Legion", "organization"), ("Ana Ruiz", "person"), ("Villa Sol", "location"),
         ("Freedonia", "location"), ("Southern Front", "organization"), ("NL", "organization")],
        claims=[("Ana Ruiz", "leader_of", "Northern Legion"), ("Southern Front", "opposes", "Northern Legion")],
        events=[("raid", "2024-06", "Villa Sol", ["Northern Legion", "Ana Ruiz"])],
        links=[("Northern Legion", "NL", "acronym")],
    )
    first = ext_a.claims[0]
    ext_a.claims[0] = Claim(first.doc, first.start, first.end, first.quote, first.predicate, first.subject,
                            first.object, first.confidence, first.rule, valid_from="2023-02")
    save_extraction(s, a, ext_a)
    b = make_doc("001_b", TEXT_B, published="2024-06-09", publisher="Evening Post")
    ext_b = make_extraction(
        b, [("Ana Ruiz", "person"), ("Southern Front", "organization"), ("Northern Legion", "organization"),
            ("Villa Sol", "location")],
        claims=[("Ana Ruiz", "member_of", "Southern Front")],
        events=[("raid", None, "Villa Sol", ["Northern Legion"])],
    )
    c = ext_b.claims[0]
    ext_b.claims[0] = Claim(c.doc, c.start, c.end, c.quote, c.predicate, c.subject, c.object, 0.9, "test", negated=True)
    legion = next(m for m in ext_b.mentions if m.text == "Northern Legion")
    start = TEXT_B.index("The Northern Legion claimed")
    ext_b.claims.append(Claim("001_b", start, len(TEXT_B), TEXT_B[start:], "claimed_responsibility",
                              legion.id, "event:0", 0.8, "test"))
    save_extraction(s, b, ext_b)
    resolve(s)
    return s


def small_gazetteer() -> Gazetteer:
    """A hand-made gazetteer: Villa Sol in Freedonia (FD) and a larger namesake elsewhere."""
    cities = [
        {"geonameid": 1, "name": "Villa Sol", "latitude": 10.5, "longitude": 20.25, "countrycode": "PT",
         "population": 900, "admin1code": "07", "alternatenames": []},
        {"geonameid": 2, "name": "Villa Sol", "latitude": -33.0, "longitude": -70.0, "countrycode": "CL",
         "population": 90000, "admin1code": "01", "alternatenames": []},
        {"geonameid": 3, "name": "Nordburg", "latitude": 11.0, "longitude": 21.0, "countrycode": "PT",
         "population": 50000, "admin1code": "07", "alternatenames": ["Nordbourg"]},
    ]
    countries = [{"iso": "PT", "name": "Freedonia"}, {"iso": "CL", "name": "Xland"}]
    return Gazetteer(cities, countries)


def _names(s: Store) -> dict[str, str]:
    return {e["id"]: e["name"] for e in build_export(s)["entities"]}


def test_export_tables_fact_records_group_claims_with_evidence():
    s = hand_store()
    names = _names(s)
    facts = {(names.get(f["subject"]), f["predicate"], names.get(f["object"], f["object"])): f for f in fact_records(s)}
    lead = facts[("Ana Ruiz", "leader_of", "Northern Legion")]
    assert lead["valid_from"] == "2023-02" and not lead["negated"] and lead["independent_sources"] == 1
    assert lead["strongest"]["quote"] == TEXT_A[lead["strongest"]["start"] : lead["strongest"]["end"]]
    member = facts[("Ana Ruiz", "member_of", "Southern Front")]
    assert member["negated"] and member["documents"] == ["001_b"]
    claimed = [f for f in fact_records(s) if f["predicate"] == "claimed_responsibility"]
    assert len(claimed) == 1 and claimed[0]["object"].startswith("V")
    assert event_ref("M12") == "V12" and event_ref("E3") == "E3"


def test_export_tables_build_has_every_record():
    s = hand_store()
    data = build_export(s)
    tables = build_tables(s)
    assert set(tables) == set(TABLES)
    assert {r["id"] for r in tables["entities"]} == {e["id"] for e in data["entities"]}
    assert {r["id"] for r in tables["claims"]} == {c["id"] for c in data["claims"]}
    assert {r["id"] for r in tables["events"]} == {v["id"] for v in data["events"]}
    assert sum(len(e["mentions"]) for e in data["entities"]) == len(tables["mentions"])
    legion = next(r for r in tables["entities"] if r["name"] == "Northern Legion")
    assert "Q4242" in legion["external_ids"]
    doc = next(r for r in tables["documents"] if r["id"] == "000_a")
    for m in tables["mentions"]:
        if m["doc"] == "000_a":
            assert doc["text"][m["start"] : m["end"]] == m["text"]


def test_export_tables_csv_read_back_by_pandas(tmp_path: Path):
    pd = pytest.importorskip("pandas")
    s = hand_store()
    written = write_tables(s, tmp_path / "out", "csv")
    assert [p.name for p in written] == [f"{t}.csv" for t in TABLES]
    for name, cols in TABLES.items():
        frame = pd.read_csv(tmp_path / "out" / f"{name}.csv")
        assert list(frame.columns) == list(cols)
    facts = pd.read_csv(tmp_path / "out" / "facts.csv")
    assert set(facts["predicate"]) == {"leader_of", "opposes", "member_of", "claimed_responsibility"}
    assert facts.loc[facts["predicate"] == "member_of", "negated"].item()


def test_export_tables_parquet_keeps_lists(tmp_path: Path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    s = hand_store()
    write_tables(s, tmp_path, "parquet")
    events = pd.read_parquet(tmp_path / "events.parquet")
    assert list(events.columns) == list(TABLES["events"])
    dated = events[events["date"] == "2024-06"].iloc[0]
    assert sorted(dated["participant_names"]) == ["Ana Ruiz", "Northern Legion"]


def test_export_tables_rejects_a_file_as_directory(tmp_path: Path):
    from factmap.errors import ConfigError

    f = tmp_path / "x"
    f.write_text("")
    with pytest.raises(ConfigError, match="directory"):
        write_tables(hand_store(), f, "csv")


ARTICLES = {
    "100_raid.txt": (
        "Volunteers cross into Belgorod region\n\nBy Jane Doe, 12 March 2024\n\n"
        "The Freedom of Russia Legion said on Tuesday that its fighters had entered the village of "
        "Kozinka in Russia's Belgorod region. The Russian Volunteer Corps, led by Denis Kapustin, took "
        "part in the raid, the legion said.\n\nIlya Ponomarev, a former Russian lawmaker, is the political "
        "representative of the legion.\n"
    ),
    "101_meet.txt": (
        "Russian opposition meets in Warsaw\n\n20 May 2023\n\nThe Siberian Battalion and the Freedom of "
        "Russia Legion signed a joint declaration in Warsaw, Poland, on 20 May 2023. Ilya Ponomarev "
        "chaired the meeting. The Siberian Battalion is part of the International Legion.\n"
    ),
}


@pytest.mark.slow
def test_export_tables_every_format_round_trips_from_the_pipeline(tmp_path: Path, nlp):
    import networkx as nx
    import pandas as pd
    from click.testing import CliRunner
    from followthemoney import model

    from factmap.cli import cli
    from factmap.pipeline import ingest

    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "f.db"
    with Store(db) as s:
        ingest([tmp_path], s)
        data = build_export(s)
        facts = fact_records(s)
    assert data["entities"] and data["events"] and facts
    run = CliRunner()
    outs = {}
    for fmt, out in [("ftm", "x.ftm.json"), ("gexf", "x.gexf"), ("graphml", "x.graphml"),
                     ("events-csv", "x.csv"), ("csv", "csvdir"), ("parquet", "pqdir")]:
        res = run.invoke(cli, ["--db", str(db), "export", "--format", fmt, "-o", str(tmp_path / out)], obj={})
        assert res.exit_code == 0, res.output
        outs[fmt] = tmp_path / out
    ents = {e["id"] for e in data["entities"]}
    events = {v["id"] for v in data["events"]}
    keys = {(f["subject"], f["predicate"], f["object"]) for f in facts}
    # FtM
    proxies = [model.get_proxy(json.loads(line)) for line in outs["ftm"].read_text().splitlines()]
    for p in proxies:
        p.schema.validate(p.to_dict())
    ids = {p.id for p in proxies}
    assert {f"factmap-{e.lower()}" for e in ents | events} <= ids
    assert sum(p.schema.name in ("Membership", "Directorship", "UnknownLink") for p in proxies) == len(keys)
    assert any(p.schema.name == "Documentation" and p.get("summary") for p in proxies)
    # networks
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        g = reader(outs[fmt])
        assert ents | events <= set(g.nodes)
        preds = {(u, d["predicate"], v) for u, v, d in g.edges(data=True)}
        assert keys <= preds
    # tables
    ev = pd.read_csv(outs["events-csv"])
    assert set(ev["event_id_cnty"]) == events
    for name, cols in TABLES.items():
        assert list(pd.read_csv(outs["csv"] / f"{name}.csv").columns) == list(cols)
        assert list(pd.read_parquet(outs["parquet"] / f"{name}.parquet").columns) == list(cols)
    assert set(pd.read_csv(outs["csv"] / "entities.csv")["id"]) == ents
    rows = list(csv.DictReader(io.StringIO(outs["events-csv"].read_text())))
    assert all(r["notes"] for r in rows)
