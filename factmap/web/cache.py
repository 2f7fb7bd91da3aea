"""The expensive analyses behind the web pages, computed once per store revision.

Facts, conflicts, merged events, claim and event records and the graph are whole-store
computations (seconds on a large store). :class:`AnalysisCache` keeps one
:class:`Snapshot` of them, built at startup, and rebuilds it only when
``store.revision()`` changes:

- a write made through the web API rebuilds it at once (:meth:`AnalysisCache.refresh`),
  so the answer to the next request shows the decision;
- a change made by another process (an ingest running on the same store) is noticed
  on the next request, which is served from the previous snapshot while a background
  thread rebuilds once the revision has stopped moving for ``settle`` seconds. Readers
  never wait for an ingest.

A snapshot also answers the questions that only need it: name search (rapidfuzz over
every name and alias), the graph with its filters, an entity's neighbourhood, events
in a time window and geocoded event places.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process, utils

from factmap.analyze import facts as _facts_module
from factmap.analyze.conflicts import conflicts
from factmap.analyze.facts import Sources, claims_by_fact, fact_id
from factmap.analyze.query import event_records
from factmap.resolve.names import name_key
from factmap.store import Store
from factmap.store import schema as t

__all__ = ["AnalysisCache", "Snapshot", "build_snapshot", "in_window"]

log = logging.getLogger(__name__)

Record = dict[str, Any]

#: Lowest rapidfuzz WRatio for a search hit.
SEARCH_CUTOFF = 60.0
#: Most supporting claims listed per relation in a profile (``n_claims`` has the count).
MAX_CLAIMS_PER_RELATION = 20
#: Most relations listed per predicate in a profile (``relations_total`` has the count).
MAX_RELATIONS_PER_PREDICATE = 200


def in_window(first: str | None, last: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Does the span ``first``..``last`` (ISO dates of any precision) meet the window?

    Dates compare as ISO prefixes, as ``factmap events --from/--to`` do: an event dated
    ``2023`` may fall inside ``--from 2023-05``. Without a window everything passes; with
    one, a span without any date does not.
    """
    if not date_from and not date_to:
        return True
    first, last = first or last, last or first
    if first is None or last is None:
        return False
    if date_from and last < date_from[: len(last)]:
        return False
    return not (date_to and first[: len(date_to)] > date_to)


def _eid(n: int) -> str:
    return f"E{n}"


@dataclass
class Snapshot:
    """Everything the pages read that is costly to compute, for one store revision."""

    revision: int
    seconds: float = 0.0
    entities: dict[str, Record] = field(default_factory=dict)
    facts: list[Record] = field(default_factory=list)
    fact_by_id: dict[str, Record] = field(default_factory=dict)
    claims: dict[str, Record] = field(default_factory=dict)
    relations: dict[str, Record] = field(default_factory=dict)  # fact id -> profile entry
    relations_by_entity: dict[str, list[str]] = field(default_factory=dict)
    conflicts: list[Record] = field(default_factory=list)
    conflicts_by_entity: dict[str, list[Record]] = field(default_factory=dict)
    merged: list[Record] = field(default_factory=list)
    merged_by_entity: dict[str, list[Record]] = field(default_factory=dict)
    events: list[Record] = field(default_factory=list)
    events_by_entity: dict[str, list[Record]] = field(default_factory=dict)
    edges: list[Record] = field(default_factory=list)
    adjacency: dict[str, list[int]] = field(default_factory=dict)
    copies: dict[str, tuple[str, float]] = field(default_factory=dict)
    docs: dict[str, Record] = field(default_factory=dict)  # doc id -> title, publisher, published
    place_context: dict[str, list[str]] = field(default_factory=dict)  # doc -> place names
    _choices: list[str] = field(default_factory=list)
    _owners: list[str] = field(default_factory=list)
    _raw: list[str] = field(default_factory=list)
    _keys: dict[str, set[str]] = field(default_factory=dict)
    _geo: dict[tuple[str, tuple[str, ...]], Any] = field(default_factory=dict)
    _geo_lock: threading.Lock = field(default_factory=threading.Lock)

    # -- small lookups -------------------------------------------------------------------
    def ref(self, entity: str | None) -> Record | None:
        """``{id, name}`` of an entity (or a merged event) id."""
        if entity is None:
            return None
        ent = self.entities.get(entity)
        return {"id": entity, "name": ent["name"] if ent else None}

    def name(self, entity: str | None) -> str | None:
        ent = self.entities.get(entity or "")
        return ent["name"] if ent else None

    # -- search --------------------------------------------------------------------------
    def search(self, q: str, type: str | None = None, limit: int = 20) -> list[Record]:
        """Entities whose name or an alias is like ``q`` (typo-tolerant), best first; an
        empty ``q`` gives the most documented entities. Each hit has ``match``: the name
        or alias that matched."""
        pq = utils.default_process(q or "")
        allowed = (lambda e: self.entities[e]["type"] == type) if type else (lambda e: True)
        if not pq:
            ranked = sorted(
                (e for e in self.entities if allowed(e)),
                key=lambda e: (-self.entities[e]["n_documents"], -self.entities[e]["n_mentions"], self.entities[e]["name"]),
            )
            return [self._hit(e, None, None) for e in ranked[:limit]]
        best: dict[str, tuple[float, str]] = {}
        exact = self._keys.get(name_key(q), set())
        for e in exact:
            best[e] = (101.0, self.entities[e]["name"])
        if len(pq) < 3:  # one or two letters: prefixes of words only, fuzzy matching is noise
            hits = [(c, 95.0 if c.startswith(pq) else 90.0, i) for i, c in enumerate(self._choices)
                    if c.startswith(pq) or f" {pq}" in c]
        else:
            hits = process.extract(pq, self._choices, scorer=fuzz.WRatio, processor=None, limit=None,
                                   score_cutoff=SEARCH_CUTOFF)
        for _c, score, i in hits:
            e = self._owners[i]
            if allowed(e) and (e not in best or score > best[e][0]):
                best[e] = (float(score), self._raw[i])
        ranked = sorted(best, key=lambda e: (-round(best[e][0]), -self.entities[e]["n_documents"], self.entities[e]["name"]))
        return [self._hit(e, best[e][1], best[e][0]) for e in ranked if allowed(e)][:limit]

    def _hit(self, e: str, match: str | None, score: float | None) -> Record:
        ent = self.entities[e]
        return {
            "id": e, "name": ent["name"], "type": ent["type"], "aliases": ent["aliases"],
            "n_documents": ent["n_documents"], "n_mentions": ent["n_mentions"], "match": match,
            "score": None if score is None else round(min(score, 100.0), 1),
        }

    # -- graph ---------------------------------------------------------------------------
    def _node(self, e: str) -> Record:
        ent = self.entities[e]
        return {"id": e, "name": ent["name"], "type": ent["type"], "n_mentions": ent["n_mentions"],
                "n_documents": ent["n_documents"]}

    def _edge_ok(self, edge: Record, types: set[str] | None, predicates: set[str] | None,
                 date_from: str | None, date_to: str | None, min_sources: int) -> bool:
        if predicates and edge["predicate"] not in predicates:
            return False
        if edge["independent_sources"] < min_sources:
            return False
        if types and not (self.entities[edge["source"]]["type"] in types and self.entities[edge["target"]]["type"] in types):
            return False
        return in_window(edge["valid_from"] or edge["first_seen"], edge["valid_to"] or edge["last_seen"], date_from, date_to)

    def _graph(self, edges: list[Record], limit: int, keep: Iterable[str] = ()) -> Record:
        degree: dict[str, int] = {}
        for ed in edges:
            for end in (ed["source"], ed["target"]):
                degree[end] = degree.get(end, 0) + 1
        for k in keep:
            degree.setdefault(k, 0)
        nodes = list(degree)
        truncated = len(nodes) > limit
        if truncated:
            first = set(keep)
            nodes.sort(key=lambda e: (e not in first, -degree[e], -self.entities[e]["n_mentions"], e))
            nodes = nodes[:limit]
            kept = set(nodes)
            edges = [ed for ed in edges if ed["source"] in kept and ed["target"] in kept]
        return {"nodes": [self._node(e) for e in nodes], "edges": edges, "truncated": truncated}

    def graph(self, types: Iterable[str] = (), predicates: Iterable[str] = (), date_from: str | None = None,
              date_to: str | None = None, min_sources: int = 1, limit: int = 300) -> Record:
        """Actors and relations (facts between two entities) passing every filter; when
        more than ``limit`` actors remain, the best connected (then most mentioned) are
        kept and ``truncated`` is true. An edge's time span is its stated validity, else
        the publication dates of its sources."""
        ts, ps = set(types) or None, set(predicates) or None
        edges = [ed for ed in self.edges if self._edge_ok(ed, ts, ps, date_from, date_to, min_sources)]
        return self._graph(edges, limit)

    def neighbourhood(self, entity: str, depth: int = 1, min_sources: int = 1, limit: int = 300) -> Record:
        """The entity, the actors within ``depth`` relations of it and the relations among them."""
        seen = {entity}
        frontier = [entity]
        for _ in range(depth):
            nxt = []
            for e in frontier:
                for i in self.adjacency.get(e, ()):
                    ed = self.edges[i]
                    if ed["independent_sources"] < min_sources:
                        continue
                    other = ed["target"] if ed["source"] == e else ed["source"]
                    if other not in seen:
                        seen.add(other)
                        nxt.append(other)
            frontier = nxt
        idx = sorted({i for e in seen for i in self.adjacency.get(e, ())})
        edges = [self.edges[i] for i in idx if self.edges[i]["source"] in seen and self.edges[i]["target"] in seen
                 and self.edges[i]["independent_sources"] >= min_sources]
        return self._graph(edges, limit, keep=[entity])

    # -- events --------------------------------------------------------------------------
    def timeline(self, entity: str | None = None, type: str | None = None, date_from: str | None = None,
                 date_to: str | None = None) -> list[Record]:
        """Merged events in timeline order, filtered; participants and places as ``{id, name}``."""
        pool = self.merged_by_entity.get(entity, []) if entity else self.merged
        out = []
        for m in pool:
            if type and m["type"] != type:
                continue
            if not in_window(m["date"], m["date"], date_from, date_to):
                continue
            out.append(self.event_view(m))
        return out

    def event_view(self, m: Record) -> Record:
        rec = {k: v for k, v in m.items() if k not in ("members", "participants", "places", "participant_names", "place")}
        rec["participants"] = [self.ref(p) for p in m["participants"]]
        rec["places"] = [self.ref(p) for p in m["places"]]
        rec["place"] = self.ref(m["place"])
        return rec

    def geocoded(self, m: Record, gazetteer: Any) -> Any:
        """The geocoded place of merged event ``m`` (None when it has no place or the
        gazetteer does not know it), disambiguated by its documents' other place names."""
        from factmap.analyze.geo import context_of, geocode

        name = self.name(m["place"])
        if not name:
            return None
        ctx = tuple(sorted({n for d in m["documents"] for n in self.place_context.get(d, ())}))
        key = (name, ctx)
        with self._geo_lock:
            if key not in self._geo:
                self._geo[key] = geocode(name, context_of(ctx, gazetteer), gazetteer)
            return self._geo[key]


# -- building ----------------------------------------------------------------------------
def _place_context(store: Store) -> dict[str, list[str]]:
    """Document id -> the names of the places it mentions (the geocoding context)."""
    m, e = t.mentions, t.entities
    from sqlalchemy import select

    q = select(m.c.doc_id, m.c.text).join(e, e.c.id == m.c.entity_id).where(e.c.type == "location").distinct()
    out: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for doc, text in conn.execute(q):
            out.setdefault(doc, []).append(text)
    return out


def _relation_entry(fid: str, key: tuple[str, str, str], claims: list[Record], fact: Record | None,
                    in_conflict: set[tuple[str, int, int]], names: dict[str, str]) -> Record:
    s, p, o = key
    claims = sorted(claims, key=lambda c: (c["negated"], -c["confidence"], c["doc"], c["start"]))
    shown = [
        {"id": c["id"], "doc": c["doc"], "start": c["start"], "end": c["end"], "quote": c["quote"],
         "confidence": c["confidence"], "negated": c["negated"], "claimant": c["claimant"],
         "claimant_name": c["claimant_name"], "valid_from": c["valid_from"], "valid_to": c["valid_to"],
         "disputed": (c["doc"], c["start"], c["end"]) in in_conflict}
        for c in claims[:MAX_CLAIMS_PER_RELATION]
    ]
    disputed = bool(fact and fact["disputed"]) or any((c["doc"], c["start"], c["end"]) in in_conflict for c in claims)
    n_src = fact["independent_sources"] if fact else 0
    return {
        "fact_id": fid, "subject": s, "subject_name": names.get(s), "object": o, "object_name": names.get(o),
        "predicate": p, "independent_sources": n_src, "single_source": n_src == 1, "disputed": disputed,
        "negated_only": fact is None, "n_claims": len(claims), "claims": shown,
        "first_seen": fact["first_seen"] if fact else None, "last_seen": fact["last_seen"] if fact else None,
        "valid_from": fact["valid_from"] if fact else None, "valid_to": fact["valid_to"] if fact else None,
    }


def _facts(groups: dict[tuple[str, str, str], list[Record]], found: list[Record], sources: Sources,
           names: dict[str, str]) -> list[Record]:
    """:func:`factmap.analyze.facts.facts` over claim groups and conflicts already
    computed (that function would merge the store's events twice more)."""
    disputed: dict[str, list[str]] = {}
    for k in found:
        for f in k.get("facts", []):
            disputed.setdefault(f, []).append(k["id"])
    out = []
    for key, claims in groups.items():
        positive = [c for c in claims if not c["negated"]]
        if not positive:
            continue
        rec = _facts_module._fact_record(key, positive, sources, names)
        rec["conflicts"] = disputed.get(rec["id"], [])
        rec["disputed"] = bool(rec["conflicts"])
        out.append(rec)
    out.sort(key=lambda f: (-f["independent_sources"], f["subject_name"] or "", f["predicate"], f["object_name"] or ""))
    return out


def build_snapshot(store: Store, revision: int | None = None) -> Snapshot:
    """Compute every cached analysis of ``store`` (see the module docstring)."""
    t0 = time.perf_counter()
    snap = Snapshot(revision=store.revision() if revision is None else revision)
    for e in store.entities():
        snap.entities[_eid(e["id"])] = {
            "id": _eid(e["id"]), "name": e["name"], "type": e["type"], "aliases": e["aliases"],
            "external_ids": e["external_ids"], "n_documents": e["n_documents"], "n_mentions": e["n_mentions"],
        }
    names = {k: v["name"] for k, v in snap.entities.items()}
    # one event merge for everything (it dominates the build): facts and conflicts reuse it
    sources = Sources(store)
    groups, merged = claims_by_fact(store, sources)
    snap.merged = list(merged.values())
    v2m = {v: m["id"] for m in snap.merged for v in m["events"]}
    for m in snap.merged:
        names[m["id"]] = f"{m['type']} {m['date'] or 'undated'}"
        for e in dict.fromkeys([*m["participants"], *m["places"]]):
            snap.merged_by_entity.setdefault(e, []).append(m)
    snap.conflicts = conflicts(store, _sources=sources, _groups=(groups, merged))
    snap.facts = _facts(groups, snap.conflicts, sources, names)
    snap.fact_by_id = {f["id"]: f for f in snap.facts}
    in_conflict = {(ev["doc"], ev["start"], ev["end"]) for k in snap.conflicts for s in k["sides"] for ev in s["evidence"]}
    for k in snap.conflicts:
        for e in k["entities"]:
            snap.conflicts_by_entity.setdefault(e, []).append(k)
    for key, claims in groups.items():
        fid = fact_id(key)
        for c in claims:
            snap.claims[c["id"]] = c
        snap.relations[fid] = _relation_entry(fid, key, claims, snap.fact_by_id.get(fid), in_conflict, names)
        for end in dict.fromkeys((key[0], key[2])):
            snap.relations_by_entity.setdefault(end, []).append(fid)
    merged_of = v2m
    for ev in event_records(store):
        rec = ev | {"merged_event": merged_of.get(ev["id"])}
        snap.events.append(rec)
        for e in dict.fromkeys([*ev["participants"], ev["place"]]):
            if e:
                snap.events_by_entity.setdefault(e, []).append(rec)
    for f in snap.facts:
        if f["subject"] in snap.entities and f["object"] in snap.entities and f["subject"] != f["object"]:
            snap.adjacency.setdefault(f["subject"], []).append(len(snap.edges))
            snap.adjacency.setdefault(f["object"], []).append(len(snap.edges))
            snap.edges.append(
                {"id": f["id"], "source": f["subject"], "target": f["object"], "predicate": f["predicate"],
                 "independent_sources": f["independent_sources"], "disputed": f["disputed"],
                 "first_seen": f["first_seen"], "last_seen": f["last_seen"],
                 "valid_from": f["valid_from"], "valid_to": f["valid_to"]}
            )
    snap.copies = store.copy_groups()
    snap.docs = {
        d["id"]: {"title": d["title"], "publisher": d["publisher"], "published": d["published"], "source": d["source"]}
        for d in store.documents()
    }
    snap.place_context = _place_context(store)
    surface: dict[tuple[str, str], None] = {}
    for ent_id, text in store.entity_names():
        surface[(_eid(ent_id), text)] = None
    for owner, ent in snap.entities.items():
        surface[(owner, ent["name"])] = None
    for owner, text in surface:
        if owner not in snap.entities:
            continue
        processed = utils.default_process(text)
        if processed:
            snap._choices.append(processed)
            snap._owners.append(owner)
            snap._raw.append(text)
        snap._keys.setdefault(name_key(text), set()).add(owner)
    snap.seconds = time.perf_counter() - t0
    return snap


class AnalysisCache:
    """One :class:`Snapshot` of ``store``, rebuilt when its revision changes (see the
    module docstring). ``settle``: seconds the revision must stay still before a
    background rebuild (an ingest bumps it once per document)."""

    def __init__(self, store: Store, settle: float = 1.0) -> None:
        self.store = store
        self.settle = settle
        self._snap: Snapshot | None = None
        self._build_lock = threading.Lock()
        self._bg_lock = threading.Lock()
        self._bg: threading.Thread | None = None

    def refresh(self) -> Snapshot:
        """Rebuild now if the store changed since the snapshot; return the current one."""
        with self._build_lock:
            rev = self.store.revision()
            if self._snap is None or self._snap.revision != rev:
                self._snap = build_snapshot(self.store, rev)
                log.info("analyses for revision %s built in %.2f s", rev, self._snap.seconds)
            return self._snap

    def get(self) -> Snapshot:
        """The snapshot to answer a request with: the current one, or the previous one
        while a background rebuild catches up with a change made elsewhere."""
        snap = self._snap
        if snap is None:
            return self.refresh()
        if self.store.revision() != snap.revision:
            self._rebuild_in_background()
        return snap

    @property
    def building(self) -> bool:
        return self._bg is not None and self._bg.is_alive()

    def _rebuild_in_background(self) -> None:
        with self._bg_lock:
            if self.building:
                return
            self._bg = threading.Thread(target=self._settle_and_refresh, name="factmap-cache", daemon=True)
            self._bg.start()

    def _settle_and_refresh(self) -> None:
        deadline = time.monotonic() + 30.0
        rev = self.store.revision()
        while self.settle > 0 and time.monotonic() < deadline:
            time.sleep(self.settle)
            now = self.store.revision()
            if now == rev:
                break
            rev = now
        try:
            self.refresh()
        except Exception:  # a failed rebuild keeps the previous snapshot; logged, retried on the next change
            log.exception("rebuilding the web analyses failed")

    def wait(self, timeout: float = 30.0) -> None:
        """Wait for a background rebuild to finish (tests, benchmarks)."""
        bg = self._bg
        if bg is not None:
            bg.join(timeout)
