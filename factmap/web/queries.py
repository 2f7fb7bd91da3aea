"""Read-only store queries the web layer needs and the store does not offer: pages of
documents and mentions (with snippets cut by the database, not by loading whole
articles), and the names of one entity with the documents using each.

SQLAlchemy Core over :mod:`factmap.store.schema` through ``store.engine``; nothing here
writes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from factmap.store import Store
from factmap.store import schema as t

__all__ = ["document_page", "documents_by_ids", "entity_names", "entity_name_lookup", "mention_page", "trim_snippet"]

Record = dict[str, Any]


def trim_snippet(left: str, right: str) -> tuple[str, str]:
    """Keep the context on the mention's own line: ``left`` after its last newline,
    ``right`` before its first."""
    return left.split("\n")[-1], right.split("\n")[0]


def mention_page(store: Store, entity_id: int, limit: int = 200, offset: int = 0, width: int = 60) -> tuple[int, list[Record]]:
    """(total, page) of the entity's mentions in document order, each
    ``{doc, start, end, text, type, rule, left, right, snippet}``; ``left``/``right`` are
    up to ``width`` characters of the mention's line either side (``snippet`` is
    ``left[text]right``, as ``factmap show`` prints it)."""
    m, d = t.mentions, t.documents
    lo = func.max(m.c.start - width, 0)
    q = (
        select(
            m.c.doc_id, m.c.start, m.c.end, m.c.text, m.c.type, m.c.rule,
            func.substr(d.c.text, lo + 1, m.c.start - lo).label("left"),
            func.substr(d.c.text, m.c.end + 1, width).label("right"),
        )
        .join(d, d.c.id == m.c.doc_id)
        .where(m.c.entity_id == entity_id)
        .order_by(m.c.doc_id, m.c.start)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).where(m.c.entity_id == entity_id)).scalar_one())
        rows = conn.execute(q).all()
    out = []
    for r in rows:
        left, right = trim_snippet(r.left or "", r.right or "")
        out.append(
            {"doc": r.doc_id, "start": r.start, "end": r.end, "text": r.text, "type": r.type, "rule": r.rule,
             "left": left, "right": right, "snippet": f"{left}[{r.text}]{right}"}
        )
    return total, out


def entity_names(store: Store, entity_id: int, max_documents: int = 50) -> list[Record]:
    """Every name used for the entity, most used first: ``{name, n_mentions,
    n_documents, documents}`` (at most ``max_documents`` document ids each)."""
    m = t.mentions
    q = (
        select(m.c.text, m.c.doc_id, func.count())
        .where(m.c.entity_id == entity_id)
        .group_by(m.c.text, m.c.doc_id)
        .order_by(m.c.text, m.c.doc_id)
    )
    per: dict[str, Record] = {}
    with store.engine.connect() as conn:
        for text, doc, n in conn.execute(q):
            rec = per.setdefault(text, {"name": text, "n_mentions": 0, "n_documents": 0, "documents": []})
            rec["n_mentions"] += int(n)
            rec["n_documents"] += 1
            if len(rec["documents"]) < max_documents:
                rec["documents"].append(doc)
    return sorted(per.values(), key=lambda r: (-r["n_mentions"], r["name"]))


def entity_name_lookup(store: Store) -> dict[int, str]:
    """Entity id -> display name, for labelling mentions."""
    with store.engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(t.entities.c.id, t.entities.c.name))}


def document_page(store: Store, limit: int = 50, offset: int = 0) -> list[Record]:
    """Documents (without text) in id order with their mention counts."""
    d, m = t.documents, t.mentions
    n_mentions = select(func.count()).where(m.c.doc_id == d.c.id).scalar_subquery()
    q = (
        select(d.c.id, d.c.title, d.c.source, d.c.url, d.c.publisher, d.c.published, n_mentions.label("n_mentions"))
        .order_by(d.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def documents_by_ids(store: Store, ids: list[str]) -> list[Record]:
    """Document records (without text) for ``ids``, in id order."""
    d = t.documents
    out: list[Record] = []
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            q = select(d.c.id, d.c.title, d.c.source, d.c.url, d.c.publisher, d.c.published).where(
                d.c.id.in_(ids[i : i + 500])
            )
            out.extend(dict(r._mapping) for r in conn.execute(q))
    return sorted(out, key=lambda r: r["id"])
