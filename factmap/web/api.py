"""The JSON API under ``/api``: thin handlers over the library and the analysis cache.

Every page of the web workspace reads its data here, and so can other tools; the
OpenAPI schema is served at ``/openapi.json``. Ids are those of SPEC.md: entities
``E<n>``, claims ``C<n>``, events ``V<n>``, facts ``F…``, merged events ``M…``. Errors
are JSON ``{"error": "..."}`` with a message that says what to do.
"""

from __future__ import annotations

import gc
import re
import threading
from dataclasses import asdict, dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, Field

from factmap import settings
from factmap.errors import NotFoundError
from factmap.model import ENTITY_TYPES, EVENT_TYPES, PREDICATES
from factmap.store import Store
from factmap.web import queries
from factmap.web.cache import MAX_RELATIONS_PER_PREDICATE, AnalysisCache, Snapshot

__all__ = ["WebState", "router"]

Record = dict[str, Any]

router = APIRouter(prefix="/api")

_ENTITY_ID = re.compile(r"^E(\d{1,12})$")
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass
class WebState:
    """What the handlers share: the store, its analysis cache, the gazetteer for maps
    (None: the full offline one) and whether writes need the token."""

    store: Store
    cache: AnalysisCache
    token_required: bool = False
    gazetteer: Any = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    geo_lock: threading.Lock = field(default_factory=threading.Lock)

    def geo(self) -> Any:
        """The gazetteer, loaded on first use (once, whichever thread asks first)."""
        with self.geo_lock:
            if self.gazetteer is None:
                from factmap.analyze.geo import Gazetteer

                self.gazetteer = Gazetteer.default()
                gc.freeze()  # millions of long-lived gazetteer objects: keep them out of every GC pass
            return self.gazetteer


def _state(request: Request) -> WebState:
    return request.app.state.factmap  # type: ignore[no-any-return]


def entity_number(entity_id: str) -> int:
    """``"E12"`` -> 12; NotFoundError for anything else."""
    m = _ENTITY_ID.match(entity_id)
    if not m:
        raise NotFoundError(f"{entity_id!r} is not an entity id; entity ids look like E12 (search with /api/search?q=NAME)")
    return int(m.group(1))


def _known(snap: Snapshot, entity_id: str) -> str:
    entity_number(entity_id)
    if entity_id not in snap.entities:
        raise NotFoundError(f"no entity {entity_id} in the store; search names with /api/search?q=NAME")
    return entity_id


def _csv(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


DateFrom = Annotated[str | None, Query(alias="from", pattern=_DATE, description="ISO date YYYY, YYYY-MM or YYYY-MM-DD")]
DateTo = Annotated[str | None, Query(alias="to", pattern=_DATE, description="ISO date YYYY, YYYY-MM or YYYY-MM-DD")]


# -- overview -----------------------------------------------------------------------------
@router.get("/stats", summary="Counts of the store and its analyses")
def stats(request: Request) -> Record:
    """Documents, entities, mentions, claims, events, facts, conflicts, review queue and
    the store revision the analyses were computed for."""
    st = _state(request)
    snap = st.cache.get()
    count = st.store.count
    return {
        "documents": count("documents"), "entities": count("entities"), "mentions": count("mentions"),
        "claims": count("claims"), "events": count("events"), "facts": len(snap.facts),
        "conflicts": len(snap.conflicts), "review_queue": count("review_queue"),
        "revision": st.store.revision(), "analyses_revision": snap.revision, "analyses_updating": st.cache.building,
    }


@router.get("/session", summary="Whether writes need a token")
def session(request: Request) -> Record:
    """``write_token_required`` is true when the server listens beyond loopback: review
    actions then need ``Authorization: Bearer <token>``."""
    return {"write_token_required": _state(request).token_required}


# -- entities -----------------------------------------------------------------------------
@router.get("/search", summary="Find entities by name or alias (typo-tolerant)")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    type: Annotated[str | None, Query(description=f"one of {', '.join(ENTITY_TYPES)}")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Record:
    """Entities whose names or aliases are like ``q``, best first; ``match`` is the name
    that matched. An empty ``q`` lists the most documented entities."""
    return {"results": _state(request).cache.get().search(q, type=type or None, limit=limit)}


def _relations(snap: Snapshot, entity_id: str) -> tuple[dict[str, list[Record]], dict[str, int]]:
    groups: dict[str, list[Record]] = {}
    for fid in snap.relations_by_entity.get(entity_id, ()):
        rel = snap.relations[fid]
        groups.setdefault(rel["predicate"], []).append(rel)
    totals = {p: len(v) for p, v in groups.items()}
    for p, rels in groups.items():
        rels.sort(key=lambda r: (-r["independent_sources"], -r["n_claims"], r["subject_name"] or "", r["object_name"] or ""))
        groups[p] = rels[:MAX_RELATIONS_PER_PREDICATE]
    order = {p: i for i, p in enumerate(PREDICATES)}
    return dict(sorted(groups.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))), totals


@router.get("/entities/{entity_id}", summary="An entity's profile")
def entity(
    request: Request,
    entity_id: str,
    mentions_limit: Annotated[int, Query(ge=0, le=5000)] = 200,
    mentions_offset: Annotated[int, Query(ge=0)] = 0,
) -> Record:
    """Type, aliases with the documents using each, why names were merged, relations
    grouped by predicate (with independent sources and dispute marks), events,
    conflicts and mentions (a page of them: ``mentions_total`` counts all)."""
    st = _state(request)
    snap = st.cache.get()
    n = entity_number(entity_id)
    ent = st.store.entity(n)
    total, mentions = queries.mention_page(st.store, n, limit=mentions_limit, offset=mentions_offset)
    relations, rel_totals = _relations(snap, entity_id)
    return {
        "id": entity_id, "name": ent["name"], "type": ent["type"], "aliases": ent["aliases"],
        "external_ids": ent["external_ids"], "n_documents": ent["n_documents"], "n_mentions": ent["n_mentions"],
        "names": queries.entity_names(st.store, n),
        "merge_reasons": st.store.merge_reasons(n),
        "relations": relations, "relations_total": rel_totals,
        "events": snap.events_by_entity.get(entity_id, []),
        "merged_events": [snap.event_view(m) for m in snap.merged_by_entity.get(entity_id, [])],
        "conflicts": snap.conflicts_by_entity.get(entity_id, []),
        "mentions": mentions, "mentions_total": total,
    }


@router.get("/entities/{entity_id}/neighbourhood", summary="The graph around an entity")
def neighbourhood(
    request: Request,
    entity_id: str,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    min_sources: Annotated[int, Query(ge=1)] = 1,
    limit: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> Record:
    """The entity, the actors within ``depth`` relations and the relations among them
    (same shape as ``/api/graph``)."""
    snap = _state(request).cache.get()
    return snap.neighbourhood(_known(snap, entity_id), depth=depth, min_sources=min_sources, limit=limit)


@router.get("/graph", summary="Actors and relations, filtered")
def graph(
    request: Request,
    types: Annotated[str | None, Query(description="entity types, comma-separated")] = None,
    predicates: Annotated[str | None, Query(description="predicates, comma-separated")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    min_sources: Annotated[int, Query(ge=1)] = 1,
    limit: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> Record:
    """Nodes (entities) and edges (facts between two entities) passing the filters; over
    ``limit`` nodes, the best connected are kept and ``truncated`` is true."""
    return _state(request).cache.get().graph(
        _csv(types), _csv(predicates), date_from, date_to, min_sources=min_sources, limit=limit
    )


# -- facts, events, places ----------------------------------------------------------------
@router.get("/facts/{fact_id}", summary="A fact with every supporting claim")
def fact(request: Request, fact_id: str) -> Record:
    """The fact record (``factmap facts``) and ``evidence``: each supporting claim with
    its quote, offsets, publisher and date."""
    snap = _state(request).cache.get()
    rec = snap.fact_by_id.get(fact_id)
    if rec is None:
        raise NotFoundError(f"no fact {fact_id!r}; facts are listed in entity profiles (relations)")
    evidence = []
    for cid in rec["claims"]:
        c = snap.claims.get(cid)
        if c is not None:
            doc = snap.docs.get(c["doc"], {})
            evidence.append(
                {k: c[k] for k in ("id", "doc", "start", "end", "quote", "confidence", "negated", "claimant",
                                   "claimant_name", "valid_from", "valid_to")}
                | {"publisher": doc.get("publisher"), "published": doc.get("published"), "title": doc.get("title")}
            )
    return rec | {"evidence": evidence}


@router.get("/events", summary="Events on a timeline")
def events(
    request: Request,
    entity: str | None = None,
    type: Annotated[str | None, Query(description=f"one of {', '.join(EVENT_TYPES)}")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Record:
    """Merged events (one happening told by several documents) in timeline order;
    ``from``/``to`` compare ISO prefixes (an event dated 2023 is kept by from=2023-05)."""
    snap = _state(request).cache.get()
    ent = _known(snap, entity) if entity else None
    return {"events": snap.timeline(ent, type or None, date_from, date_to)}


@router.get("/map", summary="Events placed on a map")
def events_map(
    request: Request,
    entity: str | None = None,
    type: str | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Record:
    """Merged events whose place the offline gazetteer locates (disambiguated by the
    places their documents name); ``ungeocoded`` counts events with a place it could
    not put on the map, ``unplaced`` those without a place."""
    st = _state(request)
    snap = st.cache.get()
    ent = _known(snap, entity) if entity else None
    gaz = st.geo()
    out, ungeocoded, unplaced = [], 0, 0
    for m in snap.timeline(ent, type or None, date_from, date_to):
        if not m["place"]:
            unplaced += 1
            continue
        place = snap.geocoded(m | {"place": m["place"]["id"]}, gaz)
        if place is None or place.latitude is None:
            ungeocoded += 1
            continue
        q = m["quotes"][0] if m["quotes"] else {}
        out.append(
            {
                "id": m["id"], "type": m["type"], "date": m["date"],
                "place": {"id": m["place"]["id"], "name": m["place"]["name"], "lat": place.latitude,
                          "lon": place.longitude, "country": place.country, "admin1": place.admin1,
                          "precision": place.precision, "gazetteer_name": place.name},
                "participants": m["participants"], "quote": q.get("quote"), "doc": q.get("doc"),
                "start": q.get("start"), "end": q.get("end"), "documents": m["documents"],
                "independent_sources": m["independent_sources"],
            }
        )
    return {"events": out, "ungeocoded": ungeocoded, "unplaced": unplaced}


# -- documents ----------------------------------------------------------------------------
@router.get("/documents", summary="Documents, in id order")
def documents(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Record:
    st = _state(request)
    snap = st.cache.get()
    rows = queries.document_page(st.store, limit=limit, offset=offset)
    for r in rows:
        r["copy_group"] = snap.copies.get(r["id"], (None, 0.0))[0]
    return {"documents": rows, "total": st.store.count("documents")}


@router.get("/documents/{doc_id}", summary="One document with its text")
def document(request: Request, doc_id: str) -> Record:
    """The cleaned text (raw: insert it as text, never as HTML), its metadata, its copy
    group and the entity mentions in it."""
    st = _state(request)
    snap = st.cache.get()
    doc = st.store.document(doc_id)
    group = None
    if doc_id in snap.copies:
        gid = snap.copies[doc_id][0]
        members = {d: v for d, v in snap.copies.items() if v[0] == gid}
        from factmap.analyze.copies import copy_group_listing

        listing = copy_group_listing(queries.documents_by_ids(st.store, list(members)), members)
        group = {"id": gid, "members": listing[0]["members"] if listing else []}
    mentions = [
        {"start": m["start"], "end": m["end"], "text": m["text"], "type": m["type"],
         "entity": f"E{m['entity_id']}" if m["entity_id"] is not None else None,
         "entity_name": snap.name(f"E{m['entity_id']}") if m["entity_id"] is not None else None}
        for m in st.store.mentions(doc_id=doc_id)
    ]
    return {
        "id": doc["id"], "title": doc["title"], "source": doc["source"], "url": doc["url"],
        "publisher": doc["publisher"], "published": doc["published"], "sha256": doc["sha256"],
        "lang": doc["lang"], "text": doc["text"], "copy_group": group, "mentions": mentions,
    }


@router.get("/conflicts", summary="Contradictions between sources")
def conflict_list(request: Request, entity: str | None = None) -> Record:
    """Every conflict (``factmap conflicts``), or those about ``entity``."""
    snap = _state(request).cache.get()
    if entity:
        return {"conflicts": snap.conflicts_by_entity.get(_known(snap, entity), [])}
    return {"conflicts": snap.conflicts}


# -- review -------------------------------------------------------------------------------
@router.get("/review", summary="Uncertain merges waiting for a decision")
def review(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 50) -> Record:
    """The review queue (``factmap review``), the decisions that move most mentions first."""
    from factmap.resolve.review import review_items

    return {"items": review_items(_state(request).store, limit=limit)}


class Decision(BaseModel):
    """A reviewer's answer about two names (keys as the review queue gives them)."""

    a: str = Field(min_length=1, max_length=500)
    b: str = Field(min_length=1, max_length=500)
    judgement: Literal["positive", "negative", "unsure"]
    user: str | None = Field(default=None, max_length=100, description="who decides (default: FACTMAP_USER)")


class Split(BaseModel):
    """Mentions (``DOC:START-END``) to take out of an entity."""

    entity: str = Field(min_length=1, max_length=500)
    mentions: list[str] = Field(min_length=1, max_length=500)
    user: str | None = Field(default=None, max_length=100)


def _after_write(st: WebState, stats: Any) -> Record:
    st.cache.refresh()
    return {"ok": True, "stats": asdict(stats)}


@router.post("/review/decide", summary="Merge, keep apart or mark unsure (as 'factmap merge/distinct/unsure')")
def review_decide(request: Request, body: Annotated[Decision, Body()]) -> Record:
    """Records the same judgement as the CLI, re-resolves and returns the new counts."""
    from nomenklatura.judgement import Judgement

    from factmap.resolve.review import decide

    st = _state(request)
    with st.write_lock:
        stats = decide(st.store, body.a, body.b, Judgement(body.judgement), user=body.user or settings.USER)
        return _after_write(st, stats)


@router.post("/review/split", summary="Take mentions out of an entity (as 'factmap split')")
def review_split(request: Request, body: Annotated[Split, Body()]) -> Record:
    """Each mention becomes an entity of its own; recorded like the CLI's split."""
    from factmap.resolve.review import split

    st = _state(request)
    with st.write_lock:
        stats = split(st.store, body.entity, list(body.mentions), user=body.user or settings.USER)
        return _after_write(st, stats)
