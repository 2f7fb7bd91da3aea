"""Network exports: GEXF (dynamic) and GraphML read back by networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from factmap.errors import ConfigError
from factmap.export.graph import build_graph, day_bounds, write_graph
from factmap.export.json import build_export
from factmap.export.tables import fact_records
from tests.test_export_tables import hand_store


def test_export_graph_day_bounds_widen_partial_dates():
    assert day_bounds("2023") == ("2023-01-01", "2023-12-31")
    assert day_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert day_bounds("2024-06-04") == ("2024-06-04", "2024-06-04")
    assert day_bounds("2024-02-30") == (None, None) and day_bounds(None) == (None, None)


def test_export_graph_has_every_entity_event_and_fact():
    s = hand_store()
    g = build_graph(s)
    data = build_export(s)
    assert {e["id"] for e in data["entities"]} | {v["id"] for v in data["events"]} == set(g.nodes)
    facts = {(f["subject"], f["predicate"], f["object"]) for f in fact_records(s)}
    assert facts <= {(u, d["predicate"], v) for u, v, d in g.edges(data=True)}
    legion = next(n for n, d in g.nodes(data=True) if d.get("label") == "Northern Legion")
    assert g.nodes[legion]["type"] == "organization" and g.nodes[legion]["mentions"] == 3
    assert "NL" in g.nodes[legion]["aliases"]
    lead = next(d for _, _, d in g.edges(data=True) if d["predicate"] == "leader_of")
    assert lead["start"] == "2023-02-01" and lead["end"] == "2024-06-07"
    assert lead["independent_sources"] == 1 and lead["disputed"] is False


def test_export_graph_gexf_is_dynamic_and_reads_back():
    s = hand_store()
    buf = io.BytesIO()
    write_graph(s, buf, "gexf")
    assert b'mode="dynamic"' in buf.getvalue() and b'timeformat="date"' in buf.getvalue()
    g = nx.read_gexf(io.BytesIO(buf.getvalue()))
    member = next(d for _, _, d in g.edges(data=True) if d["predicate"] == "member_of")
    assert member["negated"] is True and member["start"] == "2024-06-09"
    raid = next(d for n, d in g.nodes(data=True) if d.get("event_type") == "raid" and d.get("date"))
    assert raid["start"] == "2024-06-01" and raid["end"] == "2024-06-30"


def test_export_graph_graphml_reads_back_with_attributes():
    s = hand_store()
    buf = io.BytesIO()
    write_graph(s, buf, "graphml")
    g = nx.read_graphml(io.BytesIO(buf.getvalue()))
    assert len(g.nodes) == len(build_graph(s).nodes)
    preds = {d["predicate"] for _, _, d in g.edges(data=True)}
    assert {"leader_of", "opposes", "member_of", "claimed_responsibility", "participant", "place"} <= preds
    with pytest.raises(ConfigError):
        write_graph(s, io.BytesIO(), "dot")
