"""Questions asked of the store: find an entity by name, list its claims and events.

The records returned here are the SPEC.md export records (ids ``E<n>``, ``C<n>``,
``V<n>``) plus display fields (``subject_name``, ...), so the CLI, the export and the
web layer share one shape.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process, utils

from factmap.errors import NotFoundError
from factmap.resolve.names import name_key
from factmap.store import Store

__all__ = ["claim_records", "entity_profile", "event_records", "find_entity", "eid"]


def eid(entity_id: int | None) -> str | None:
    return None if entity_id is None else f"E{entity_id}"


def find_entity(store: Store, name: str, type: str | None = None) -> dict[str, Any]:
    """The entity best matching ``name`` (an id like ``E12``, an exact name or alias, or a near spelling).

    Raises NotFoundError with the closest names when nothing matches well enough.
    """
    if name[:1] in "Ee" and name[1:].isdigit():
        return store.entity(int(name[1:]))
    names = store.entity_names()
    if type:
        allowed = {e["id"] for e in store.entities(type=type)}
        names = [(i, n) for i, n in names if i in allowed]
    if not names:
        raise NotFoundError("the store has no entities yet; ingest articles first with 'factmap ingest PATH'")
    key = name_key(name)
    exact = [i for i, n in names if name_key(n) == key]
    if exact:
        counts: dict[int, int] = {}
        for i in exact:
            counts[i] = counts.get(i, 0) + 1
        return store.entity(max(counts, key=lambda i: (counts[i], -i)))
    choices = [n for _, n in names]
    best = process.extract(name, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=5)
    if best and best[0][1] >= 85:
        return store.entity(names[best[0][2]][0])
    hint = ", ".join(dict.fromkeys(b[0] for b in best)) or "none"
    raise NotFoundError(f"no entity named {name!r}; closest names: {hint}")


def claim_records(
    store: Store,
    entity: int | None = None,
    predicate: str | None = None,
    min_confidence: float | None = None,
) -> list[dict[str, Any]]:
    """Claims as export records (subject/object/claimant as entity ids), filtered."""
    m2e = store.mention_entities()
    events = {r["id"]: r for r in store.iter_rows("events")}
    names = {e["id"]: e["name"] for e in store.iter_rows("entities")}
    out = []
    for c in store.iter_rows("claims"):
        subj = m2e.get(c["subject"])
        if c["object_event"] is not None:
            obj: str | None = f"V{c['object_event']}" if c["object_event"] in events else None
            obj_name = events[c["object_event"]]["type"] if obj else None
            obj_id = None
        else:
            obj_id = m2e.get(c["object"] or "")
            obj = eid(obj_id)
            obj_name = names.get(obj_id) if obj_id else None
        if subj is None or obj is None:
            continue
        if predicate and c["predicate"] != predicate:
            continue
        if min_confidence is not None and c["confidence"] < min_confidence:
            continue
        if entity is not None and entity not in (subj, obj_id):
            continue
        claimant = m2e.get(c["claimant"] or "")
        out.append(
            {
                "id": f"C{c['id']}", "subject": eid(subj), "predicate": c["predicate"], "object": obj,
                "doc": c["doc_id"], "start": c["start"], "end": c["end"], "quote": c["quote"],
                "confidence": round(c["confidence"], 3), "claimant": eid(claimant),
                "negated": bool(c["negated"]), "valid_from": c["valid_from"], "valid_to": c["valid_to"],
                "rule": c["rule"], "subject_name": names.get(subj), "object_name": obj_name,
                "claimant_name": names.get(claimant) if claimant else None,
            }
        )
    return out


def event_records(
    store: Store,
    entity: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Events as export records, in timeline order (undated last), filtered.

    ``date_from``/``date_to`` compare ISO prefixes, so ``--from 2023`` keeps 2023-05-22
    and an event dated only ``2023`` is kept by ``--from 2023-05`` (it may fall inside).
    """
    m2e = store.mention_entities()
    names = {e["id"]: e["name"] for e in store.iter_rows("entities")}
    parts: dict[int, list[str]] = {}
    for p in store.iter_rows("event_participants", order_by="event_id,mention_id"):
        parts.setdefault(p["event_id"], []).append(p["mention_id"])
    out = []
    for ev in store.iter_rows("events"):
        part_ids = list(dict.fromkeys(m2e[m] for m in parts.get(ev["id"], []) if m in m2e))
        place = m2e.get(ev["place"] or "")
        date = ev["date"]
        if entity is not None and entity not in part_ids and entity != place:
            continue
        if date_from and (not date or date < date_from[: len(date)]):
            continue
        if date_to and (not date or date[: len(date_to)] > date_to):
            continue
        out.append(
            {
                "id": f"V{ev['id']}", "type": ev["type"], "date": date, "place": eid(place),
                "participants": [eid(p) for p in part_ids], "doc": ev["doc_id"],
                "start": ev["start"], "end": ev["end"], "quote": ev["quote"],
                "confidence": round(ev["confidence"], 3), "claimant": eid(m2e.get(ev["claimant"] or "")),
                "negated": bool(ev["negated"]), "rule": ev["rule"],
                "place_name": names.get(place) if place else None,
                "participant_names": [names.get(p) for p in part_ids],
            }
        )
    out.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["doc"], e["start"]))
    return out


def entity_profile(store: Store, entity_id: int, snippet: int = 60) -> dict[str, Any]:
    """An entity with its aliases (and the documents using each), mentions with snippets,
    relations grouped by predicate and events."""
    ent = store.entity(entity_id)
    mentions = store.mentions(entity_id=entity_id)
    texts = store.document_texts(m["doc_id"] for m in mentions)
    alias_docs: dict[str, list[str]] = {}
    out_mentions = []
    for m in mentions:
        alias_docs.setdefault(m["text"], [])
        if m["doc_id"] not in alias_docs[m["text"]]:
            alias_docs[m["text"]].append(m["doc_id"])
        txt = texts.get(m["doc_id"], "")
        left = txt[max(0, m["start"] - snippet) : m["start"]].split("\n")[-1]
        right = txt[m["end"] : m["end"] + snippet].split("\n")[0]
        out_mentions.append(
            {"doc": m["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"],
             "type": m["type"], "rule": m["rule"], "snippet": f"{left}[{m['text']}]{right}"}
        )
    relations: dict[str, list[dict[str, Any]]] = {}
    for c in claim_records(store, entity=entity_id):
        relations.setdefault(c["predicate"], []).append(c)
    return {
        "id": eid(ent["id"]), "type": ent["type"], "name": ent["name"], "aliases": ent["aliases"],
        "external_ids": ent["external_ids"], "n_documents": ent["n_documents"],
        "n_mentions": ent["n_mentions"],
        "names": [{"name": n, "documents": d} for n, d in alias_docs.items()],
        "merge_reasons": store.merge_reasons(entity_id),
        "mentions": out_mentions, "relations": relations,
        "events": event_records(store, entity=entity_id),
    }
