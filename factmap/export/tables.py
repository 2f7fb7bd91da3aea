"""Flat tables for spreadsheets and pandas: ``factmap export --format csv|parquet -o DIR``.

One table per record kind, written as ``DIR/<table>.csv`` or ``DIR/<table>.parquet``:

==========  ===========================================================================
documents   id, title, source, url, publisher, published, lang, sha256, text
entities    id, type, name, aliases, external_ids, n_mentions, n_documents
mentions    id, entity, doc, start, end, text, type, rule, confidence
claims      id, subject, subject_name, predicate, object, object_name, doc, start, end,
            quote, confidence, claimant, claimant_name, negated, valid_from, valid_to, rule
facts       id, subject, subject_name, predicate, object, object_name, n_claims, claims,
            documents, independent_sources, claimants, first_seen, last_seen, valid_from,
            valid_to, disputed, negated, doc, start, end, quote
events      id, type, date, place, place_name, participants, participant_names, doc,
            start, end, quote, confidence, claimant, negated, rule
==========  ===========================================================================

List values (aliases, participants, documents, ...) are joined with ``"; "`` in CSV
and kept as lists in parquet. Offsets point into ``documents.text``.

:func:`fact_records` is the one place exports read facts from: every (subject,
predicate, object) of the store's claims (negated ones too, flagged ``negated`` when no
claim states it positively), enriched with ``independent_sources`` and ``disputed``
from :func:`factmap.analyze.facts.facts`; a fact only ever stated as negated counts its
sources the same way (:class:`factmap.analyze.facts.Sources`) and is disputed when one
document denies what another states.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factmap.analyze.facts import Sources, fact_key, facts
from factmap.analyze.query import claim_records, eid, event_records
from factmap.errors import ConfigError
from factmap.export.json import build_export
from factmap.store import Store

__all__ = ["TABLES", "build_tables", "event_ref", "fact_records", "write_tables"]

Record = dict[str, Any]

TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("id", "title", "source", "url", "publisher", "published", "lang", "sha256", "text"),
    "entities": ("id", "type", "name", "aliases", "external_ids", "n_mentions", "n_documents"),
    "mentions": ("id", "entity", "doc", "start", "end", "text", "type", "rule", "confidence"),
    "claims": (
        "id", "subject", "subject_name", "predicate", "object", "object_name", "doc", "start", "end",
        "quote", "confidence", "claimant", "claimant_name", "negated", "valid_from", "valid_to", "rule",
    ),
    "facts": (
        "id", "subject", "subject_name", "predicate", "object", "object_name", "n_claims", "claims",
        "documents", "independent_sources", "claimants", "first_seen", "last_seen", "valid_from",
        "valid_to", "disputed", "negated", "doc", "start", "end", "quote",
    ),
    "events": (
        "id", "type", "date", "place", "place_name", "participants", "participant_names", "doc",
        "start", "end", "quote", "confidence", "claimant", "negated", "rule",
    ),
}


def event_ref(ref: str | None) -> str | None:
    """A merged-event id of :mod:`factmap.analyze.facts` (``M12``) as the export's event
    id (``V12``: a merged event is numbered after its first event); others unchanged."""
    if ref and ref[:1] == "M" and ref[1:].isdigit():
        return "V" + ref[1:]
    return ref


def _analyzed_facts(store: Store) -> dict[tuple[str, str, str], Record]:
    """Facts from :func:`factmap.analyze.facts.facts`, by (subject, predicate, object)."""
    return {fact_key(f["subject"], f["predicate"], event_ref(f["object"]) or ""): f for f in facts(store)}


def fact_records(store: Store, claims: list[Record] | None = None) -> list[Record]:
    """Every (subject, predicate, object) the store's claims state, with its evidence.

    Each record: ``id``, ``subject``, ``predicate``, ``object`` (entity or event ids of
    the JSON export), names, ``claims`` (claim ids), ``documents``,
    ``independent_sources``, ``claimants``, ``first_seen``/``last_seen`` (publication
    dates), ``valid_from``/``valid_to``, ``disputed``, ``negated`` (no claim states it
    positively), ``strongest`` (the most confident positive claim record, else the
    most confident one) and ``evidence`` (all its claim records).
    """
    claims = claim_records(store) if claims is None else claims
    docs = {d["id"]: d for d in store.documents()}
    analyzed = _analyzed_facts(store)
    sources = Sources(store)
    groups: dict[tuple[str, str, str], list[Record]] = {}
    for c in claims:
        groups.setdefault(fact_key(c["subject"], c["predicate"], c["object"]), []).append(c)
    out = []
    for n, (key, group) in enumerate(sorted(groups.items()), 1):
        positive = [c for c in group if not c["negated"]]
        doc_ids = list(dict.fromkeys(c["doc"] for c in group))
        published = sorted(p for p in (docs.get(d, {}).get("published") for d in doc_ids) if p)
        froms = [c["valid_from"] for c in group if c.get("valid_from")]
        tos = [c["valid_to"] for c in group if c.get("valid_to")]
        pool = positive or group
        best = max(pool, key=lambda c: (c["confidence"], -len(c["quote"])))
        names = {c["subject"]: c.get("subject_name") for c in group} | {c["object"]: c.get("object_name") for c in group}
        fact = analyzed.get(key, {})
        out.append({
            "id": fact.get("id") or f"F{n}", "subject": key[0], "subject_name": names.get(key[0]),
            "predicate": key[1], "object": key[2], "object_name": names.get(key[2]),
            "claims": [c["id"] for c in group], "documents": doc_ids,
            "independent_sources": int(fact.get("independent_sources") or sources.count(doc_ids)),
            "claimants": sorted({c["claimant"] for c in group if c.get("claimant")}),
            "first_seen": published[0] if published else None, "last_seen": published[-1] if published else None,
            "valid_from": min(froms) if froms else None, "valid_to": max(tos) if tos else None,
            "disputed": bool(fact.get("disputed")) or (bool(positive) and len(positive) < len(group)),
            "negated": not positive, "strongest": best, "evidence": group,
        })
    return out


def _flat(value: Any, join: bool) -> Any:
    if isinstance(value, (list, tuple)):
        items = ["" if v is None else str(v) for v in value]
        return "; ".join(items) if join else items
    return value


def build_tables(store: Store, lists: bool = False) -> dict[str, list[Record]]:
    """The six tables as lists of rows (columns as in :data:`TABLES`); list values are
    joined with ``"; "`` unless ``lists``."""
    data = build_export(store)
    texts = store.document_texts(d["id"] for d in data["documents"])
    counts = {e["id"]: e for e in store.entities()}
    m2e = store.mention_entities()
    claims = claim_records(store)
    events = event_records(store)
    names = {e["id"]: e["name"] for e in data["entities"]}
    rows: dict[str, list[Record]] = {
        "documents": [d | {"text": texts.get(d["id"], "")} for d in data["documents"]],
        "entities": [
            e | {"n_mentions": counts.get(int(e["id"][1:]), {}).get("n_mentions", len(e["mentions"]))}
            for e in data["entities"]
        ],
        "mentions": [
            m | {"entity": eid(m2e.get(m["id"])), "start": m["start"], "end": m["end"]}
            for m in store.iter_rows("mentions", order_by="doc_id,start")
        ],
        "claims": claims,
        "facts": [
            f | {"n_claims": len(f["claims"]), "doc": f["strongest"]["doc"], "start": f["strongest"]["start"],
                 "end": f["strongest"]["end"], "quote": f["strongest"]["quote"],
                 "subject_name": f["subject_name"] or names.get(f["subject"]),
                 "object_name": f["object_name"] or names.get(f["object"])}
            for f in fact_records(store, claims)
        ],
        "events": events,
    }
    rows["mentions"] = [m | {"doc": m["doc_id"]} for m in rows["mentions"]]
    return {
        name: [{col: _flat(r.get(col), not lists) for col in TABLES[name]} for r in rows[name]]
        for name in TABLES
    }


def write_tables(store: Store, directory: Path, fmt: str = "csv") -> list[Path]:
    """Write the six tables into ``directory`` (created) as ``csv`` or ``parquet``;
    return the files written."""
    import pandas as pd

    if fmt not in ("csv", "parquet"):
        raise ConfigError(f"table format {fmt!r} is not csv or parquet")
    if directory.exists() and not directory.is_dir():
        raise ConfigError(f"{directory} is a file; give a directory for '-o' with --format {fmt}")
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in build_tables(store, lists=fmt == "parquet").items():
        frame = pd.DataFrame(rows, columns=list(TABLES[name]))
        path = directory / f"{name}.{fmt}"
        tmp = path.with_name(path.name + ".part")
        if fmt == "csv":
            frame.to_csv(tmp, index=False)
        else:
            frame.to_parquet(tmp, index=False)
        tmp.replace(path)
        written.append(path)
    return written

