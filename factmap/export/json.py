"""The JSON export of SPEC.md: documents, entities (with every mention), claims, events.

Fields beyond SPEC.md (allowed there: "fields may be added") are ``url`` and ``lang`` on
documents; ``external_ids``, ``n_documents`` on entities; ``claimant``, ``negated``,
``valid_from``, ``valid_to``, ``rule`` on claims; ``confidence``, ``claimant``,
``negated``, ``rule`` on events.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factmap.analyze.query import claim_records, eid, event_records
from factmap.store import Store

__all__ = ["build_export", "write_json"]

_DISPLAY_ONLY = ("subject_name", "object_name", "claimant_name", "place_name", "participant_names")


def build_export(store: Store) -> dict[str, list[dict[str, Any]]]:
    """The whole store as the SPEC.md export document."""
    documents = [
        {k: d[k] for k in ("id", "title", "source", "publisher", "published", "sha256", "url", "lang")}
        for d in store.documents()
    ]
    mentions: dict[int, list[dict[str, Any]]] = {}
    for m in store.iter_rows("mentions", order_by="doc_id,start"):
        if m["entity_id"] is not None:
            mentions.setdefault(m["entity_id"], []).append(
                {"doc": m["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"]}
            )
    entities = [
        {
            "id": eid(e["id"]), "type": e["type"], "name": e["name"], "aliases": e["aliases"],
            "mentions": mentions.get(e["id"], []), "external_ids": e["external_ids"],
            "n_documents": e["n_documents"],
        }
        for e in sorted(store.entities(), key=lambda e: e["id"])
    ]

    def strip(rec: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in rec.items() if k not in _DISPLAY_ONLY}

    claims = [strip(c) for c in claim_records(store)]
    events = [strip(v) for v in event_records(store)]
    return {"documents": documents, "entities": entities, "claims": claims, "events": events}


def write_json(store: Store, out: IO[str]) -> None:
    json.dump(build_export(store), out, ensure_ascii=False, indent=1)
    out.write("\n")
