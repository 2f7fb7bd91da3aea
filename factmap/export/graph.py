"""Network exports for Gephi, Cytoscape and networkx: ``--format gexf`` and ``--format graphml``.

The graph is a directed multigraph (:func:`build_graph`):

- one node per entity (id ``E12``): ``label`` (name), ``type``, ``aliases`` and
  ``external_ids`` (joined with ``"; "``), ``mentions`` and ``documents`` (counts);
- one node per event (id ``V3``): ``type`` ``event``, ``event_type``, ``date``,
  ``quote``, ``doc``;
- one edge per fact (subject, predicate, object; see
  :func:`factmap.export.tables.fact_records`), keyed by the fact id: ``predicate``,
  ``label``, ``claims`` (count), ``independent_sources``, ``documents`` (count),
  ``disputed``, ``negated``, ``valid_from``/``valid_to``, ``first_seen``/``last_seen``
  and the strongest ``quote``;
- one ``participant`` edge from each participant to its event, and a ``place`` edge
  from the event to its place.

Time: in GEXF each fact edge has ``start``/``end`` (GEXF's dynamic mode, so Gephi's
timeline works) from ``valid_from``/``valid_to``, else from the first/last publication
date of its documents; an event node spans its date. Dates are widened to whole days
because GEXF wants ``YYYY-MM-DD``: ``2023`` starts at ``2023-01-01`` and ends at
``2023-12-31``, ``2023-05`` ends at ``2023-05-31``. GraphML has no time model: the same
values are plain attributes. Attributes without a value are left out (neither format
has a null).
"""

from __future__ import annotations

import calendar
from pathlib import Path
from typing import IO, Any

import networkx as nx

from factmap.errors import ConfigError
from factmap.export.json import build_export
from factmap.export.tables import fact_records
from factmap.store import Store

__all__ = ["build_graph", "day_bounds", "write_graph"]


def day_bounds(date: str | None) -> tuple[str | None, str | None]:
    """The first and last day an ISO date of any precision covers
    (``2023`` -> ``2023-01-01``, ``2023-12-31``); (None, None) when it is not a date."""
    if not date:
        return None, None
    parts = date.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        month = int(parts[1])
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        day = int(parts[2])
        calendar.weekday(year, month, day)  # raises on an impossible date
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return iso, iso
    except (ValueError, IndexError):
        return None, None


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes writable to GEXF and GraphML: no None, lists joined."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        out[k] = "; ".join(str(x) for x in v if x is not None) if isinstance(v, (list, tuple)) else v
    return out


def build_graph(store: Store, dynamic: bool = True) -> nx.MultiDiGraph:
    """The store as a networkx multigraph (see the module docstring); ``dynamic`` adds
    ``start``/``end`` day bounds to fact edges and event nodes."""
    data = build_export(store)
    g = nx.MultiDiGraph(name="factmap")
    for e in data["entities"]:
        docs = {m["doc"] for m in e["mentions"]}
        g.add_node(e["id"], **_clean({
            "label": e["name"], "type": e["type"], "aliases": e["aliases"],
            "external_ids": e.get("external_ids") or [], "mentions": len(e["mentions"]), "documents": len(docs),
        }))
    for ev in data["events"]:
        start, end = day_bounds(ev["date"]) if dynamic else (None, None)
        g.add_node(ev["id"], **_clean({
            "label": f"{ev['type'].replace('_', ' ')} {ev['date'] or ''}".strip(), "type": "event",
            "event_type": ev["type"], "date": ev["date"], "quote": ev["quote"], "doc": ev["doc"],
            "negated": ev["negated"], "mentions": 1, "documents": 1, "start": start, "end": end,
        }))
        for p in ev["participants"]:
            if p:
                g.add_edge(p, ev["id"], key=f"{ev['id']}-{p}", **_clean({
                    "predicate": "participant", "label": "participant", "claims": 1, "independent_sources": 1,
                    "documents": 1, "disputed": False, "negated": ev["negated"], "start": start, "end": end,
                }))
        if ev["place"]:
            g.add_edge(ev["id"], ev["place"], key=f"{ev['id']}-place", **_clean({
                "predicate": "place", "label": "place", "claims": 1, "independent_sources": 1, "documents": 1,
                "disputed": False, "negated": ev["negated"], "start": start, "end": end,
            }))
    for f in fact_records(store):
        start = day_bounds(f["valid_from"] or f["first_seen"])[0] if dynamic else None
        end = day_bounds(f["valid_to"] or f["last_seen"])[1] if dynamic else None
        if start and end and end < start:
            end = None
        g.add_edge(f["subject"], f["object"], key=f["id"], **_clean({
            "predicate": f["predicate"], "label": f["predicate"], "fact": f["id"], "claims": len(f["claims"]),
            "independent_sources": f["independent_sources"], "documents": len(f["documents"]),
            "disputed": f["disputed"], "negated": f["negated"], "valid_from": f["valid_from"],
            "valid_to": f["valid_to"], "first_seen": f["first_seen"], "last_seen": f["last_seen"],
            "quote": f["strongest"]["quote"], "doc": f["strongest"]["doc"], "start": start, "end": end,
        }))
    return g


def write_graph(store: Store, out: IO[bytes] | Path, fmt: str = "gexf") -> nx.MultiDiGraph:
    """Write the graph as ``gexf`` (dynamic, for Gephi) or ``graphml``; return it."""
    if fmt == "gexf":
        g = build_graph(store, dynamic=True)
        nx.write_gexf(g, out)
    elif fmt == "graphml":
        g = build_graph(store, dynamic=True)
        nx.write_graphml(g, out)
    else:
        raise ConfigError(f"graph format {fmt!r} is not gexf or graphml")
    return g
