"""Facts: what several documents state alike, with who says so and how independently.

A *fact* is every non-negated claim of one (subject, predicate, object) after
resolution (order-free for symmetric predicates), with its supporting documents, the
number of independent sources (distinct publishers, copies of one story counted once:
:mod:`factmap.analyze.sources`), its claimants, first/last publication dates, the
validity span the claims state and the strongest quote.

A *merged event* is the events of one happening told by several documents. The rule
(numbers in ``factmap/vocab/conflicts.yaml``, section ``events``):

- same type, and the type is not in ``unmerged_types`` (``other`` is never merged);
- linked: they share a participant, or (both dated) their places are the same place or
  one contains the other (``located_in`` claims, or one name inside the other:
  "Belgorod" / "Belgorod Oblast"); an undated event joins only through a participant;
- compatible dates with *every* event already merged (no chaining): equal, one a prefix
  of the other (``2023-05`` / ``2023-05-22``), or — from different documents — two days
  at most ``max_day_gap`` days apart (then the date is disputed: see conflicts);
- founding events (``founding_types``) are one happening per founded organization
  whatever their dates: they merge when they name the same organizations, so that
  different founding dates show up as a dispute.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from datetime import date as Date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from factmap.analyze.query import claim_records, event_records
from factmap.analyze.sources import independent_sources, source_name
from factmap.model import SYMMETRIC_PREDICATES
from factmap.resolve.names import name_key
from factmap.store import Store

__all__ = ["facts", "merged_events", "fact_id", "fact_key", "dates_compatible", "evidence", "vocab", "place_containment", "places_related",
           "claim_marks", "doc_entities"]

Record = dict[str, Any]


@cache
def vocab() -> dict[str, Any]:
    """The corroboration vocabulary (``factmap/vocab/conflicts.yaml``)."""
    path = resources.files("factmap.vocab") / "conflicts.yaml"
    return yaml.safe_load(path.read_text("utf-8"))


# -- sources ----------------------------------------------------------------------------
class Sources:
    """The store's documents and copy groups, to name and count sources."""

    def __init__(self, store: Store) -> None:
        self.docs: dict[str, Record] = {d["id"]: d for d in store.documents()}
        self.copies: dict[str, tuple[str, float]] = store.copy_groups()

    def name(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id) or {"id": doc_id}
        return source_name(doc)

    def count(self, doc_ids: Iterable[str]) -> int:
        return independent_sources(list(dict.fromkeys(doc_ids)), self.docs, self.copies)

    def published(self, doc_id: str) -> str | None:
        return (self.docs.get(doc_id) or {}).get("published")


def evidence(rec: Record, sources: Sources) -> Record:
    """One piece of evidence as shown in facts and conflicts."""
    return {
        "doc": rec["doc"], "start": rec["start"], "end": rec["end"], "quote": rec["quote"],
        "publisher": sources.name(rec["doc"]), "published": sources.published(rec["doc"]),
        "claimant": rec.get("claimant"), "claimant_name": rec.get("claimant_name"),
    }


# -- dates ------------------------------------------------------------------------------
def _day(value: str) -> Date | None:
    try:
        return Date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def dates_prefix_compatible(a: str | None, b: str | None) -> bool:
    """True when one ISO date is a prefix of the other (or either is unknown)."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def dates_compatible(a: str | None, b: str | None, max_day_gap: int | None = None) -> bool:
    """Can two ISO dates describe one happening? Prefix-compatible, or two days at most
    ``max_day_gap`` days apart (default from the vocabulary)."""
    if dates_prefix_compatible(a, b):
        return True
    gap = vocab()["events"]["max_day_gap"] if max_day_gap is None else max_day_gap
    da, db = _day(a or ""), _day(b or "")
    return da is not None and db is not None and abs((da - db).days) <= gap


def most_precise_date(dates: Iterable[str | None]) -> str | None:
    """The most precise date, the most often stated among equally precise ones."""
    counts = Counter(d for d in dates if d)
    if not counts:
        return None
    return max(counts, key=lambda d: (len(d), counts[d], d))


# -- merged events ----------------------------------------------------------------------
def place_containment(store: Store) -> dict[str, set[str]]:
    """Location entity id -> every location the store's positive ``located_in`` claims
    put it in (transitively)."""
    up: dict[str, set[str]] = {}
    for c in claim_records(store, predicate="located_in"):
        if not c["negated"]:
            up.setdefault(c["subject"], set()).add(c["object"])
    closed: dict[str, set[str]] = {}
    for start in up:
        seen: set[str] = set()
        todo = list(up[start])
        while todo:
            p = todo.pop()
            if p not in seen:
                seen.add(p)
                todo.extend(up.get(p, ()))
        closed[start] = seen
    return closed


def places_related(a: str | None, b: str | None, names: dict[str, str], within: dict[str, set[str]]) -> bool:
    """True when two place entities are one place or one contains the other (by
    ``located_in`` claims, or one name's words inside the other's)."""
    if a is None or b is None:
        return False
    if a == b or a in within.get(b, ()) or b in within.get(a, ()):
        return True
    ka, kb = name_key(names.get(a, "")).split(), name_key(names.get(b, "")).split()
    if not ka or not kb:
        return False
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


class _Cluster:
    def __init__(self, ev: Record, n: int = 0) -> None:
        self.members: list[Record] = [ev]
        self.n = n  # creation order: ties go to the earlier cluster
        self.alive = True

    @property
    def type(self) -> str:
        return str(self.members[0]["type"])


def _founded(ev: Record, types: dict[str, str]) -> frozenset[str]:
    allowed = set(vocab()["events"]["founding_participant_types"])
    return frozenset(p for p in ev["participants"] if types.get(p or "") in allowed)


def _joins(ev: Record, cl: _Cluster, ctx: dict[str, Any]) -> bool:
    """May event ``ev`` join cluster ``cl`` (see the module docstring)?"""
    if ev["type"] != cl.type:
        return False
    if ev["type"] in ctx["founding"]:
        orgs = _founded(ev, ctx["types"])
        return bool(orgs) and all(_founded(m, ctx["types"]) == orgs for m in cl.members)
    for m in cl.members:
        if m["doc"] == ev["doc"] and not dates_prefix_compatible(m["date"], ev["date"]):
            return False
        if not dates_compatible(m["date"], ev["date"]):
            return False
    parts = set(ev["participants"])
    if any(parts & set(m["participants"]) for m in cl.members):
        return True
    if ev["date"] is None:
        return False
    return any(m["date"] is not None and _places_linked(ev, m, ctx) for m in cl.members)


class _Index:
    """Which clusters an event could join, without looking at every cluster: clusters are
    filed under (type, participant), (type, place) and (type, entity named in a member's
    document); an event can only join clusters sharing one of those (see ``_joins``)."""

    def __init__(self, ctx: dict[str, Any]) -> None:
        self.ctx = ctx
        self.by_key: dict[tuple[str, str], set[int]] = {}
        self.clusters: dict[int, _Cluster] = {}

    def _keys(self, ev: Record) -> Iterable[tuple[str, str]]:
        t = str(ev["type"])
        for p in ev["participants"]:
            if p:
                yield (t, "p:" + p)
        if ev["place"]:
            yield (t, "l:" + ev["place"])
            for word in name_key(self.ctx["names"].get(ev["place"], "")).split():
                yield (t, "w:" + word)
        for e in self.ctx["doc_entities"].get(ev["doc"], ()):
            yield (t, "d:" + e)
        if t in self.ctx["founding"]:
            yield (t, "f:" + ",".join(sorted(_founded(ev, self.ctx["types"]))))

    def add(self, cl: _Cluster, ev: Record) -> None:
        self.clusters[cl.n] = cl
        for k in self._keys(ev):
            self.by_key.setdefault(k, set()).add(cl.n)

    def candidates(self, ev: Record) -> list[_Cluster]:
        """Live clusters ``ev`` might join, oldest first."""
        t = str(ev["type"])
        found: set[int] = set()
        keys = [k for k in self._keys(ev) if not k[1].startswith("d:")]  # incl. place words
        if ev["place"]:
            # a member's document names this event's place; or related places
            keys.append((t, "d:" + ev["place"]))
            for other in self.ctx["related_places"].get(ev["place"], ()):
                keys.append((t, "l:" + other))
        for e in self.ctx["doc_entities"].get(ev["doc"], ()):
            keys.append((t, "l:" + e))  # a member's place is named in this event's document
        for k in keys:
            found |= self.by_key.get(k, set())
        return [self.clusters[n] for n in sorted(found) if self.clusters[n].alive]


def _merge_clusters(clusters: list[_Cluster], ctx: dict[str, Any], unmerged: set[str], index: _Index) -> list[_Cluster]:
    """Join clusters that the first pass kept apart (an event joins one cluster only) when
    every member of one may join the other: repeated until nothing changes."""
    queue = [c for c in clusters if c.type not in unmerged]
    while queue:
        a = queue.pop(0)
        if not a.alive:
            continue
        cands: dict[int, _Cluster] = {}
        for ev in a.members:
            for b in index.candidates(ev):
                if b is not a:
                    cands[b.n] = b
        for n in sorted(cands):
            b = cands[n]
            first, second = (a, b) if a.n < b.n else (b, a)
            if first.alive and second.alive and _clusters_join(first, second, ctx):
                first.members.extend(second.members)
                second.alive = False
                for ev in second.members:
                    index.add(first, ev)
                queue.append(first)
                break
    return [c for c in clusters if c.alive]


def _clusters_join(a: _Cluster, b: _Cluster, ctx: dict[str, Any]) -> bool:
    if a.type in ctx["founding"]:
        return all(_joins(ev, a, ctx) for ev in b.members)
    for x in b.members:
        for m in a.members:
            if not dates_compatible(m["date"], x["date"]):
                return False
            if m["doc"] == x["doc"] and not dates_prefix_compatible(m["date"], x["date"]):
                return False
    return any(_joins(x, a, ctx) for x in b.members)


def _places_linked(a: Record, b: Record, ctx: dict[str, Any]) -> bool:
    """Same place, one inside the other, or one event's place named in the other's document."""
    if places_related(a["place"], b["place"], ctx["names"], ctx["within"]):
        return True
    named = ctx["doc_entities"]
    return (a["place"] is not None and a["place"] in named.get(b["doc"], ())) or (
        b["place"] is not None and b["place"] in named.get(a["doc"], ())
    )


def _join_score(ev: Record, cl: _Cluster) -> tuple[int, int]:
    """Prefer the cluster stating the same date, then the one sharing most participants."""
    same_date = sum(1 for m in cl.members if ev["date"] and m["date"] == ev["date"])
    shared = max(len(set(ev["participants"]) & set(m["participants"])) for m in cl.members)
    return same_date, shared


def doc_entities(store: Store) -> dict[str, set[str]]:
    """Document id -> the entity ids (``E<n>``) it names."""
    out: dict[str, set[str]] = {}
    for mid, ent in store.mention_entities().items():
        out.setdefault(mid.rsplit(":", 1)[0], set()).add(f"E{ent}")
    return out


def merged_event_id(member_ids: Iterable[str]) -> str:
    """A merged event's id: ``M`` + the number of its first event (``V12`` -> ``M12``)."""
    return "M" + str(min(int(v[1:]) for v in member_ids))


def merged_events(store: Store, entity: int | None = None) -> list[Record]:
    """Events of one happening across documents, merged (rule in the module docstring).

    Each record: ``id`` (``M<n>``), ``type``, ``date`` (the most precise), ``dates`` (all
    stated), ``place``/``places``, ``participants`` (union), ``events`` (``V`` ids),
    ``documents``, ``independent_sources``, ``first_seen``/``last_seen``, ``quotes``
    (evidence per event) and ``members`` (the event records). ``entity`` keeps the
    merged events it takes part in or where they happened.
    """
    sources = Sources(store)
    return _merged(store, sources, entity)


def _merged(store: Store, sources: Sources, entity: int | None = None) -> list[Record]:
    ents = list(store.iter_rows("entities"))
    ctx: dict[str, Any] = {
        "types": {f"E{e['id']}": e["type"] for e in ents},
        "names": {f"E{e['id']}": e["name"] for e in ents},
        "within": place_containment(store),
        "founding": set(vocab()["events"]["founding_types"]),
        "doc_entities": doc_entities(store),
    }
    related: dict[str, set[str]] = {}
    for inner, outers in ctx["within"].items():
        for outer in outers:
            related.setdefault(inner, set()).add(outer)
            related.setdefault(outer, set()).add(inner)
    ctx["related_places"] = related
    unmerged = set(vocab()["events"]["unmerged_types"])
    evs = [e for e in event_records(store) if not e["negated"]]
    evs.sort(key=lambda e: (-len(e["date"] or ""), e["doc"], e["start"]))
    clusters: list[_Cluster] = []
    index = _Index(ctx)
    for ev in evs:
        target = None
        if ev["type"] not in unmerged:
            fits = [c for c in index.candidates(ev) if _joins(ev, c, ctx)]
            target = max(fits, key=lambda c: _join_score(ev, c)) if fits else None
        if target is None:
            target = _Cluster(ev, len(clusters))
            clusters.append(target)
        else:
            target.members.append(ev)
        index.add(target, ev)
    clusters = _merge_clusters(clusters, ctx, unmerged, index)
    out = [_merged_record(c, sources, ctx["names"]) for c in clusters]
    if entity is not None:
        key = f"E{entity}"
        out = [m for m in out if key in m["participants"] or key in m["places"]]
    out.sort(key=lambda m: (m["date"] is None, m["date"] or "", m["id"]))
    return out


def _merged_record(cl: _Cluster, sources: Sources, names: dict[str, str]) -> Record:
    ms = sorted(cl.members, key=lambda e: (e["doc"], e["start"]))
    docs = list(dict.fromkeys(e["doc"] for e in ms))
    published = sorted(p for p in (sources.published(d) for d in docs) if p)
    places = list(dict.fromkeys(e["place"] for e in ms if e["place"]))
    parts = list(dict.fromkeys(p for e in ms for p in e["participants"] if p))
    place = Counter(e["place"] for e in ms if e["place"]).most_common(1)
    return {
        "id": merged_event_id(e["id"] for e in ms), "type": cl.type,
        "date": most_precise_date(e["date"] for e in ms),
        "dates": sorted({e["date"] for e in ms if e["date"]}),
        "place": place[0][0] if place else None, "place_name": names.get(place[0][0]) if place else None,
        "places": places, "participants": parts, "participant_names": [names.get(p) for p in parts],
        "events": [e["id"] for e in ms], "documents": docs,
        "independent_sources": sources.count(docs),
        "first_seen": published[0] if published else None, "last_seen": published[-1] if published else None,
        "quotes": [evidence(e, sources) | {"event": e["id"], "date": e["date"], "place": e["place"]} for e in ms],
        "members": ms,
    }


# -- facts ------------------------------------------------------------------------------
def fact_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """The (subject, predicate, object) a claim supports; symmetric predicates sorted."""
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return subject, predicate, obj


def fact_id(key: tuple[str, str, str]) -> str:
    """A fact's stable id: ``F`` + a short hash of ``subject|predicate|object``."""
    return "F" + hashlib.sha1("|".join(key).encode()).hexdigest()[:10]


def claims_by_fact(store: Store, sources: Sources | None = None) -> tuple[dict[tuple[str, str, str], list[Record]], dict[str, Record]]:
    """Every claim record grouped by its fact key (negated ones too), with event objects
    replaced by their merged event; also the merged events by id."""
    sources = sources or Sources(store)
    merged = _merged(store, sources)
    v2m = {v: m["id"] for m in merged for v in m["events"]}
    groups: dict[tuple[str, str, str], list[Record]] = {}
    for c in claim_records(store):
        obj = v2m.get(c["object"], c["object"])
        if obj != c["object"]:
            c = c | {"object": obj}
        groups.setdefault(fact_key(c["subject"], c["predicate"], c["object"]), []).append(c)
    return groups, {m["id"]: m for m in merged}


def _valid_span(claims: list[Record]) -> tuple[str | None, str | None]:
    froms = [c["valid_from"] for c in claims if c["valid_from"]]
    tos = [c["valid_to"] for c in claims if c["valid_to"]]
    return (min(froms) if froms else None), (max(tos) if tos else None)


def _fact_record(key: tuple[str, str, str], claims: list[Record], sources: Sources, names: dict[str, str]) -> Record:
    claims = sorted(claims, key=lambda c: (c["doc"], c["start"]))
    docs = list(dict.fromkeys(c["doc"] for c in claims))
    published = sorted(p for p in (sources.published(d) for d in docs) if p)
    named = list(dict.fromkeys(c["claimant"] for c in claims if c["claimant"]))
    unattributed = any(c["claimant"] is None for c in claims)
    best = max(claims, key=lambda c: (c["confidence"], -len(c["quote"]), c["claimant"] is None))
    n_src = sources.count(docs)
    valid_from, valid_to = _valid_span(claims)
    s, p, o = key
    return {
        "id": fact_id(key), "subject": s, "predicate": p, "object": o,
        "subject_name": names.get(s), "object_name": names.get(o),
        "documents": docs, "claims": [c["id"] for c in claims],
        "independent_sources": n_src, "sources": sorted({sources.name(d) for d in docs}),
        "claimants": named + ([None] if unattributed else []),
        "claimant_names": [names.get(c) for c in named], "unattributed": unattributed,
        "first_seen": published[0] if published else None, "last_seen": published[-1] if published else None,
        "valid_from": valid_from, "valid_to": valid_to,
        "former": any("+former" in (c["rule"] or "") for c in claims),
        "strongest": {"claim": best["id"], **evidence(best, sources), "confidence": best["confidence"]},
        "disputed": False, "conflicts": [], "single_source": n_src == 1,
    }


def facts(store: Store, entity: int | None = None, min_sources: int | None = None) -> list[Record]:
    """Facts: non-negated claims grouped by (subject, predicate, object), each with its
    documents, independent sources, claimants, dates, strongest quote and whether a
    conflict disputes it. ``entity`` keeps facts about that entity (subject or object);
    ``min_sources`` keeps facts with at least that many independent sources. Sorted by
    independent sources (most first), then subject, predicate, object."""
    from factmap.analyze.conflicts import conflicts as find_conflicts

    sources = Sources(store)
    groups, merged = claims_by_fact(store, sources)
    names = {f"E{e['id']}": e["name"] for e in store.iter_rows("entities")}
    for m in merged.values():
        names[m["id"]] = f"{m['type']} {m['date'] or 'undated'}"
    disputed: dict[str, list[str]] = {}
    for k in find_conflicts(store, _sources=sources, _groups=(groups, merged)):
        for f in k.get("facts", []):
            disputed.setdefault(f, []).append(k["id"])
    out = []
    want = None if entity is None else f"E{entity}"
    for key, claims in groups.items():
        positive = [c for c in claims if not c["negated"]]
        if not positive or (want is not None and want not in (key[0], key[2])):
            continue
        rec = _fact_record(key, positive, sources, names)
        if min_sources is not None and rec["independent_sources"] < min_sources:
            continue
        rec["conflicts"] = disputed.get(rec["id"], [])
        rec["disputed"] = bool(rec["conflicts"])
        out.append(rec)
    out.sort(key=lambda f: (-f["independent_sources"], f["subject_name"] or "", f["predicate"], f["object_name"] or ""))
    return out


def claim_marks(store: Store, entity: int) -> tuple[dict[str, Record], list[Record]]:
    """For ``factmap show``: claim id -> ``{"single_source", "disputed"}`` for every claim
    about ``entity``, and the entity's conflicts. A claim is disputed when its fact is, or
    when it is itself evidence of a conflict (a denial)."""
    from factmap.analyze.conflicts import conflicts as find_conflicts

    found = find_conflicts(store, entity=entity)
    in_conflict = {(e["doc"], e["start"], e["end"]) for k in found for s in k["sides"] for e in s["evidence"]}
    marks: dict[str, Record] = {}
    for f in facts(store, entity=entity):
        for c in f["claims"]:
            marks[c] = {"single_source": f["single_source"], "disputed": f["disputed"]}
    for c in claim_records(store, entity=entity):
        mark = marks.setdefault(c["id"], {"single_source": False, "disputed": False})
        if (c["doc"], c["start"], c["end"]) in in_conflict:
            mark["disputed"] = True
    return marks, found
