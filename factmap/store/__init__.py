"""The store: the only module that talks to the database.

SQLite by default (one file; ``FACTMAP_DB`` or ``--db``), through SQLAlchemy Core so
another database URL works too. The schema is created and migrated on open. Every
document is written in one transaction together with everything extracted from it, so
an interrupted ingest leaves no half-written document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from factmap.errors import NotFoundError, StoreError
from factmap.model import Cluster, Document, Extraction, KnownActor
from factmap.store import schema as t
from factmap.store.judgements import JudgementLog

__all__ = ["Store", "open_store"]


def _url(target: str) -> str:
    if "://" in target:
        return target
    if target == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(target).expanduser()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store:
    """A factmap store. Open with :func:`open_store` (or ``Store(path)``)."""

    def __init__(self, target: str | Path = ":memory:") -> None:
        self.target = str(target)
        url = _url(self.target)
        try:
            if url.startswith("sqlite"):
                if url != "sqlite://":
                    parent = Path(url.removeprefix("sqlite:///")).parent
                    if not parent.exists():
                        raise StoreError(
                            f"cannot create the store {self.target}: folder {parent} does not exist"
                        )
                    self.engine: Engine = create_engine(url)
                else:
                    from sqlalchemy.pool import StaticPool

                    self.engine = create_engine(
                        url, poolclass=StaticPool, connect_args={"check_same_thread": False}
                    )
                event.listen(self.engine, "connect", _sqlite_pragmas)
            else:
                self.engine = create_engine(url)
            self._migrate()
        except DBAPIError as exc:
            raise StoreError(
                f"cannot open the store {self.target}: {exc.orig}. "
                "Check the path (--db / FACTMAP_DB) and that the file is a factmap store."
            ) from exc

    # -- schema -------------------------------------------------------------------
    def _migrate(self) -> None:
        with self.engine.begin() as conn:
            insp_tables = set(conn.dialect.get_table_names(conn))
            if "meta" not in insp_tables:
                if insp_tables - {"meta"}:
                    raise StoreError(
                        f"{self.target} is a database but not a factmap store; "
                        "choose another file with --db"
                    )
                t.metadata.create_all(conn)
                conn.execute(insert(t.meta).values(key="schema_version", value=str(t.SCHEMA_VERSION)))
                return
            row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).first()
            version = int(row[0]) if row else 0
            if version > t.SCHEMA_VERSION:
                raise StoreError(
                    f"{self.target} was written by a newer factmap (schema {version}); upgrade factmap"
                )
            for migration in t.MIGRATIONS[version:]:
                migration(conn)
            if version < t.SCHEMA_VERSION:
                conn.execute(
                    update(t.meta)
                    .where(t.meta.c.key == "schema_version")
                    .values(value=str(t.SCHEMA_VERSION))
                )

    def close(self) -> None:
        self.engine.dispose()

    # -- revision -------------------------------------------------------------------------
    @staticmethod
    def _bump(conn: Connection) -> None:
        """Count a change, so readers can cache what they computed from the store."""
        res = conn.execute(
            text("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
        )
        if res.rowcount == 0:
            conn.execute(insert(t.meta).values(key="revision", value="1"))

    def revision(self) -> int:
        """A number that grows with every change to documents, entities or decisions."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "revision")).first()
        return int(row[0]) if row else 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def connect(self) -> Connection:
        return self.engine.connect()

    # -- documents ----------------------------------------------------------------
    def document_version(self, doc_id: str) -> tuple[str, str] | None:
        """(sha256, source) of the stored document ``doc_id``, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.documents.c.sha256, t.documents.c.source).where(t.documents.c.id == doc_id)
            ).first()
        return (row[0], row[1]) if row else None

    def save_document(self, doc: Document, ext: Extraction, keys: Mapping[str, str]) -> None:
        """Write ``doc`` and its extraction in one transaction, replacing an older version.

        ``keys`` maps each mention id to its normalised name key.
        """
        try:
            with self.engine.begin() as conn:
                self._delete_document(conn, doc.id)
                self._insert_document(conn, doc, ext, keys)
                self._bump(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not save document {doc.id}: {exc}") from exc

    def delete_document(self, doc_id: str) -> bool:
        with self.engine.begin() as conn:
            self._bump(conn)
            return self._delete_document(conn, doc_id)

    @staticmethod
    def _delete_document(conn: Connection, doc_id: str) -> bool:
        ev_ids = select(t.events.c.id).where(t.events.c.doc_id == doc_id)
        conn.execute(delete(t.claims).where(t.claims.c.doc_id == doc_id))
        conn.execute(delete(t.quantities).where(t.quantities.c.doc_id == doc_id))
        conn.execute(delete(t.doc_signatures).where(t.doc_signatures.c.doc_id == doc_id))
        conn.execute(delete(t.copy_groups).where(t.copy_groups.c.doc_id == doc_id))
        conn.execute(delete(t.event_participants).where(t.event_participants.c.event_id.in_(ev_ids)))
        for table in (t.events, t.name_links, t.mentions, t.sentences):
            conn.execute(delete(table).where(table.c.doc_id == doc_id))
        return conn.execute(delete(t.documents).where(t.documents.c.id == doc_id)).rowcount > 0

    @staticmethod
    def _insert_document(conn: Connection, doc: Document, ext: Extraction, keys: Mapping[str, str]) -> None:
        row = asdict(doc)
        row["ingested_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        conn.execute(insert(t.documents).values(**row))
        if ext.sentences:
            conn.execute(
                insert(t.sentences),
                [{"doc_id": doc.id, "idx": i, "start": s.start, "end": s.end} for i, s in enumerate(ext.sentences)],
            )
        if ext.mentions:
            conn.execute(
                insert(t.mentions),
                [
                    {
                        "id": m.id, "doc_id": doc.id, "start": m.start, "end": m.end, "text": m.text,
                        "type": m.type, "rule": m.rule, "confidence": m.confidence,
                        "norm": keys.get(m.id, m.text.casefold()),
                    }
                    for m in ext.mentions
                ],
            )
        if ext.links:
            conn.execute(
                insert(t.name_links),
                [
                    {"doc_id": doc.id, "a": lk.a, "b": lk.b, "kind": lk.kind, "start": lk.start,
                     "end": lk.end, "quote": lk.quote}
                    for lk in ext.links
                ],
            )
        event_ids: dict[str, int] = {}
        for ev in ext.events:
            res = conn.execute(
                insert(t.events).values(
                    doc_id=doc.id, key=ev.key, start=ev.start, end=ev.end, quote=ev.quote,
                    type=ev.type, date=ev.date, place=ev.place, confidence=ev.confidence,
                    rule=ev.rule, claimant=ev.claimant, negated=ev.negated,
                )
            )
            eid = _new_id(res)
            event_ids[ev.key] = eid
            parts = list(dict.fromkeys(ev.participants))
            if parts:
                conn.execute(
                    insert(t.event_participants), [{"event_id": eid, "mention_id": p} for p in parts]
                )
        if ext.quantities:
            qrows = []
            for q in ext.quantities:
                subj_event = event_ids.get(q.subject) if q.subject.startswith("event:") else None
                if q.subject.startswith("event:") and subj_event is None:
                    continue
                qrows.append(
                    {
                        "doc_id": doc.id, "start": q.start, "end": q.end, "quote": q.quote,
                        "subject": None if subj_event is not None else q.subject, "subject_event": subj_event,
                        "attribute": q.attribute, "low": q.low, "high": q.high, "approx": q.approx,
                        "confidence": q.confidence, "rule": q.rule, "claimant": q.claimant, "negated": q.negated,
                    }
                )
            if qrows:
                conn.execute(insert(t.quantities), qrows)
        if ext.claims:
            rows = []
            for c in ext.claims:
                obj_event = event_ids.get(c.object) if c.object.startswith("event:") else None
                if c.object.startswith("event:") and obj_event is None:
                    continue  # a claim about an event that was not kept
                rows.append(
                    {
                        "doc_id": doc.id, "start": c.start, "end": c.end, "quote": c.quote,
                        "predicate": c.predicate, "subject": c.subject,
                        "object": None if obj_event is not None else c.object,
                        "object_event": obj_event, "confidence": c.confidence, "rule": c.rule,
                        "claimant": c.claimant, "negated": c.negated,
                        "valid_from": c.valid_from, "valid_to": c.valid_to,
                    }
                )
            if rows:
                conn.execute(insert(t.claims), rows)

    # -- copies -------------------------------------------------------------------------
    def save_signature(self, doc_id: str, minhash: bytes) -> None:
        """Store a document's MinHash signature (see ``factmap.analyze.copies``)."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.doc_signatures).where(t.doc_signatures.c.doc_id == doc_id))
            conn.execute(insert(t.doc_signatures).values(doc_id=doc_id, minhash=minhash))

    def signatures(self) -> dict[str, bytes]:
        with self.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(select(t.doc_signatures.c.doc_id, t.doc_signatures.c.minhash))}

    def set_copy_groups(self, rows: Iterable[tuple[str, str, float]]) -> None:
        """Replace the copy groups: (doc id, group id, similarity) for documents that have copies."""
        records = [{"doc_id": d, "group_id": g, "similarity": s} for d, g, s in rows]
        with self.engine.begin() as conn:
            conn.execute(delete(t.copy_groups))
            if records:
                conn.execute(insert(t.copy_groups), records)
            self._bump(conn)

    def copy_groups(self) -> dict[str, tuple[str, float]]:
        """doc id -> (group id, similarity) for every document in a copy group."""
        with self.engine.connect() as conn:
            return {
                r[0]: (r[1], r[2])
                for r in conn.execute(select(t.copy_groups.c.doc_id, t.copy_groups.c.group_id, t.copy_groups.c.similarity))
            }

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Documents (without text), with their mention counts, newest id order."""
        n_mentions = (
            select(func.count()).where(t.mentions.c.doc_id == t.documents.c.id).scalar_subquery()
        )
        q = (
            select(
                t.documents.c.id, t.documents.c.title, t.documents.c.source, t.documents.c.url,
                t.documents.c.publisher, t.documents.c.published, t.documents.c.sha256,
                t.documents.c.lang, n_mentions.label("mentions"),
            )
            .order_by(t.documents.c.id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def document(self, doc_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).first()
        if row is None:
            raise NotFoundError(f"no document {doc_id!r} in the store; list them with 'factmap documents'")
        return dict(row._mapping)

    def document_texts(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(set(ids))
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                q = select(t.documents.c.id, t.documents.c.text).where(t.documents.c.id.in_(ids[i : i + 500]))
                out.update({r[0]: r[1] for r in conn.execute(q)})
        return out

    def unresolved_mentions(self) -> int:
        """How many mentions no entity holds yet (after an interrupted run)."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).where(t.mentions.c.entity_id.is_(None))).scalar_one())

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.metadata.tables[table])).scalar_one())

    # -- resolution support ---------------------------------------------------------
    _EFFECTIVE_KEY = (
        "CASE WHEN {m}.id IN (SELECT mention_id FROM mention_overrides) "
        "THEN 'mention:' || {m}.id ELSE {m}.norm END"
    )

    def key_stats(self) -> list[tuple[str, str, int, float]]:
        """(key, type, mentions, summed confidence) for every resolution key and type.

        A mention a reviewer split off has its own key ``mention:<id>``.
        """
        key = self._EFFECTIVE_KEY.format(m="m")
        q = text(f"SELECT {key} AS k, m.type, COUNT(*), SUM(m.confidence) FROM mentions m GROUP BY k, m.type")
        with self.engine.connect() as conn:
            return [(r[0], r[1], int(r[2]), float(r[3])) for r in conn.execute(q)]

    def linked_keys(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        """(key a, key b, kind, evidence) for every name link a document states or implies."""
        ka, kb = self._EFFECTIVE_KEY.format(m="ma"), self._EFFECTIVE_KEY.format(m="mb")
        q = text(
            f"SELECT {ka}, {kb}, l.kind, l.doc_id, l.start, l.\"end\", l.quote FROM name_links l "
            "JOIN mentions ma ON ma.id = l.a JOIN mentions mb ON mb.id = l.b ORDER BY l.id"
        )
        with self.engine.connect() as conn:
            return [
                (r[0], r[1], r[2], {"doc": r[3], "start": r[4], "end": r[5], "quote": r[6]})
                for r in conn.execute(q)
            ]

    def key_examples(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """One example mention (doc, start, end, text) for each plain key."""
        keys = [k for k in set(keys) if not k.startswith("mention:")]
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                q = (
                    select(t.mentions.c.norm, t.mentions.c.doc_id, t.mentions.c.start, t.mentions.c.end, t.mentions.c.text)
                    .where(t.mentions.c.norm.in_(keys[i : i + 500]))
                    .order_by(t.mentions.c.doc_id, t.mentions.c.start)
                )
                for r in conn.execute(q):
                    out.setdefault(r[0], {"doc": r[1], "start": r[2], "end": r[3], "text": r[4]})
        return out

    def entity_keys(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(select(t.entity_keys.c.norm, t.entity_keys.c.entity_id))}

    def keys_of_entity(self, entity_id: int) -> list[str]:
        """The entity's keys, the most used first."""
        key = self._EFFECTIVE_KEY.format(m="m")
        q = text(
            f"SELECT {key} AS k, COUNT(*) AS n FROM mentions m WHERE m.entity_id = :e GROUP BY k ORDER BY n DESC, k"
        )
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(q, {"e": entity_id})]

    def apply_resolution(self, clusters: list[Cluster]) -> None:
        """Store clusters of keys as entities, reusing existing entity ids.

        Entity ids are kept stable: a cluster takes the id most of its keys had before.
        Then every mention's ``entity_id`` and each entity's name, type and counts are
        refreshed (a cluster's ``name``/``type``, from a reviewer or a known actor, win).
        """
        old = self.entity_keys()
        with self.engine.begin() as conn:
            conn.execute(delete(t.entity_keys))
            used: set[int] = set()
            key_rows = []
            fixed: dict[int, Cluster] = {}
            for cl in clusters:
                votes: dict[int, int] = {}
                for k in cl.keys:
                    if k in old and old[k] not in used:
                        votes[old[k]] = votes.get(old[k], 0) + 1
                if votes:
                    eid = max(votes, key=lambda e: (votes[e], -e))
                else:
                    eid = _new_id(conn.execute(
                        insert(t.entities).values(type=cl.type or "organization", name=cl.name or cl.keys[0])
                    ))
                used.add(eid)
                conn.execute(
                    update(t.entities).where(t.entities.c.id == eid).values(external_ids=json.dumps(list(cl.external_ids)))
                )
                if cl.name or cl.type:
                    fixed[eid] = cl
                for k in cl.keys:
                    why = cl.reasons.get(k)
                    key_rows.append(
                        {
                            "norm": k, "entity_id": eid,
                            "reason": why.reason if why else "same normalised name",
                            "score": why.score if why else None,
                            "evidence": json.dumps([dict(e) for e in why.evidence]) if why and why.evidence else None,
                        }
                    )
            for i in range(0, len(key_rows), 5000):
                conn.execute(insert(t.entity_keys), key_rows[i : i + 5000])
            key = self._EFFECTIVE_KEY.format(m="mentions")
            conn.execute(
                text(f"UPDATE mentions SET entity_id = (SELECT entity_id FROM entity_keys k WHERE k.norm = {key})")
            )
            conn.execute(
                delete(t.entities).where(t.entities.c.id.not_in(select(t.entity_keys.c.entity_id)))
            )
            self._refresh_entities(conn, fixed)
            self._bump(conn)

    @staticmethod
    def _refresh_entities(conn: Connection, fixed: Mapping[int, Cluster] | None = None) -> None:
        """Recompute each entity's type (confidence-weighted majority), name and counts."""
        fixed = fixed or {}
        rows = conn.execute(
            text(
                "SELECT entity_id, type, text, COUNT(*), SUM(confidence) "
                "FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id, type, text"
            )
        ).all()
        per: dict[int, dict[str, Any]] = {}
        for eid, typ, txt, n, conf in rows:
            e = per.setdefault(eid, {"types": {}, "names": {}})
            e["types"][typ] = e["types"].get(typ, 0.0) + conf
            e["names"][txt] = e["names"].get(txt, 0) + n
        docs: dict[int, int] = dict(
            conn.execute(
                text("SELECT entity_id, COUNT(DISTINCT doc_id) FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id")
            ).all()
        )
        updates = []
        for eid, e in per.items():
            typ = max(e["types"], key=lambda k: (e["types"][k], k))
            name = max(e["names"], key=lambda s: (_name_quality(s), e["names"][s], len(s), s))
            cl = fixed.get(eid)
            updates.append(
                {
                    "eid": eid, "type": (cl.type if cl and cl.type else typ),
                    "name": (cl.name if cl and cl.name else name),
                    "nm": sum(e["names"].values()), "nd": docs.get(eid, 0),
                }
            )
        if updates:
            conn.execute(
                text("UPDATE entities SET type=:type, name=:name, n_mentions=:nm, n_documents=:nd WHERE id=:eid"),
                updates,
            )

    # -- review, judgements and known actors ----------------------------------------------
    def judgements(self) -> JudgementLog:
        """The human judgements (nomenklatura's resolver table); close it after use."""
        return JudgementLog(self.engine)

    def log_review(self, action: str, args: Mapping[str, Any], user: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(t.review_log).values(action=action, args=json.dumps(dict(args), ensure_ascii=False), user=user, created_at=_now()))

    def review_log(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.review_log).order_by(t.review_log.c.id)).all()
        return [{**dict(r._mapping), "args": json.loads(r.args)} for r in rows]

    def split_mention(self, mention_id: str, user: str) -> None:
        with self.engine.begin() as conn:
            if conn.execute(select(t.mentions.c.id).where(t.mentions.c.id == mention_id)).first() is None:
                raise NotFoundError(f"no mention {mention_id!r}; 'factmap show NAME' lists an entity's mentions as DOC:START")
            conn.execute(delete(t.mention_overrides).where(t.mention_overrides.c.mention_id == mention_id))
            conn.execute(insert(t.mention_overrides).values(mention_id=mention_id, user=user, created_at=_now()))

    def label_key(self, key: str, name: str, user: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(t.entity_labels).where(t.entity_labels.c.key == key))
            conn.execute(insert(t.entity_labels).values(key=key, name=name, user=user, created_at=_now()))

    def key_labels(self) -> dict[str, tuple[str, str]]:
        """key -> (display name, created_at) chosen by reviewers."""
        with self.engine.connect() as conn:
            return {r[0]: (r[1], r[2]) for r in conn.execute(select(t.entity_labels.c.key, t.entity_labels.c.name, t.entity_labels.c.created_at))}

    def add_known_actors(self, actors: Iterable[KnownActor]) -> int:
        rows = [
            {"name": a.name, "type": a.type, "aliases": json.dumps(list(a.aliases), ensure_ascii=False),
             "external_ids": json.dumps(list(a.external_ids)), "source": a.source, "imported_at": _now()}
            for a in actors
        ]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(t.known_actors), rows)
        return len(rows)

    def known_actors(self) -> list[KnownActor]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.known_actors).order_by(t.known_actors.c.id)).all()
        return [
            KnownActor(r.name, r.type, tuple(json.loads(r.aliases)), tuple(json.loads(r.external_ids)), r.source)
            for r in rows
        ]

    def set_review_queue(self, rows: list[dict[str, Any]]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(t.review_queue))
            if rows:
                conn.execute(insert(t.review_queue), rows)

    def review_queue(self, limit: int | None = None) -> list[dict[str, Any]]:
        q = select(t.review_queue).order_by(t.review_queue.c.impact.desc(), t.review_queue.c.score.desc(), t.review_queue.c.a).limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    # -- reading entities -----------------------------------------------------------
    def entities(self, type: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Entities by number of documents, then mentions; each with its aliases."""
        q = select(t.entities).order_by(
            t.entities.c.n_documents.desc(), t.entities.c.n_mentions.desc(), t.entities.c.name
        )
        if type:
            q = q.where(t.entities.c.type == type)
        q = q.limit(limit)
        with self.engine.connect() as conn:
            ents = [dict(r._mapping) for r in conn.execute(q)]
            self._add_aliases(conn, ents)
        return ents

    def entity(self, entity_id: int) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).first()
            if row is None:
                raise NotFoundError(f"no entity E{entity_id} in the store")
            ent = dict(row._mapping)
            self._add_aliases(conn, [ent])
        return ent

    @staticmethod
    def _add_aliases(conn: Connection, ents: list[dict[str, Any]]) -> None:
        if not ents:
            return
        by_id = {e["id"]: e for e in ents}
        for e in ents:
            e["aliases"] = []
            e["external_ids"] = json.loads(e.get("external_ids") or "[]")
        ids = list(by_id)
        for i in range(0, len(ids), 500):
            q = (
                select(t.mentions.c.entity_id, t.mentions.c.text, func.count())
                .where(t.mentions.c.entity_id.in_(ids[i : i + 500]))
                .group_by(t.mentions.c.entity_id, t.mentions.c.text)
                .order_by(func.count().desc(), t.mentions.c.text)
            )
            for eid, txt, _n in conn.execute(q):
                e = by_id[eid]
                seen = {e["name"].casefold()} | {a.casefold() for a in e["aliases"]}
                if txt.casefold() not in seen:
                    e["aliases"].append(txt)

    def merge_reasons(self, entity_id: int) -> list[dict[str, Any]]:
        """Why each key belongs to the entity: reason, score and evidence."""
        q = select(t.entity_keys.c.norm, t.entity_keys.c.reason, t.entity_keys.c.score, t.entity_keys.c.evidence).where(
            t.entity_keys.c.entity_id == entity_id
        )
        with self.engine.connect() as conn:
            return [
                {"name": r[0], "reason": r[1], "score": r[2], "evidence": json.loads(r[3]) if r[3] else []}
                for r in conn.execute(q.order_by(t.entity_keys.c.norm))
            ]

    def entity_names(self) -> list[tuple[int, str]]:
        """(entity id, surface name) for every distinct name used for an entity: the lookup table."""
        q = select(t.mentions.c.entity_id, t.mentions.c.text).where(t.mentions.c.entity_id.is_not(None)).distinct()
        with self.engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(q)]

    def mentions(self, entity_id: int | None = None, doc_id: str | None = None) -> list[dict[str, Any]]:
        q = select(t.mentions).order_by(t.mentions.c.doc_id, t.mentions.c.start)
        if entity_id is not None:
            q = q.where(t.mentions.c.entity_id == entity_id)
        if doc_id is not None:
            q = q.where(t.mentions.c.doc_id == doc_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def iter_rows(self, table: str, order_by: str = "id") -> Iterator[dict[str, Any]]:
        """Every row of ``table`` (streamed), for exports."""
        tab = t.metadata.tables[table]
        with self.engine.connect() as conn:
            for r in conn.execution_options(stream_results=True).execute(
                select(tab).order_by(*[tab.c[c] for c in order_by.split(",")])
            ):
                yield dict(r._mapping)

    def mention_entities(self) -> dict[str, int]:
        """mention id -> entity id for every resolved mention."""
        with self.engine.connect() as conn:
            return {
                r[0]: r[1]
                for r in conn.execute(select(t.mentions.c.id, t.mentions.c.entity_id).where(t.mentions.c.entity_id.is_not(None)))
            }


def _new_id(result: Any) -> int:
    """The primary key of the row an INSERT just created."""
    key = result.inserted_primary_key
    if key is None:
        raise StoreError("the database did not return the new row's id; re-run the command")
    return int(key[0])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _name_quality(name: str) -> int:
    """Prefer a full multi-word name over an acronym or a lower-case form as display name."""
    words = name.split()
    return (len(words) > 1) + (not name.isupper()) + (name[:1].isupper())


def open_store(target: str | Path | None = None) -> Store:
    """Open (creating and migrating) the store at ``target`` or ``settings.DB``."""
    from factmap import settings

    return Store(target or settings.DB)
