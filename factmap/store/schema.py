"""The store's tables (SQLAlchemy Core) and its migrations.

Facts (documents, sentences, mentions, name links, claims, events) are written once per
document version and never edited by later stages; resolution only sets
``mentions.entity_id`` through the ``entity_keys`` map. ``SCHEMA_VERSION`` counts the
migrations in ``MIGRATIONS``; a store opened by a newer factmap is migrated in place.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)
from sqlalchemy.engine import Connection

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("publisher", Text),
    Column("published", String),
    Column("sha256", String, nullable=False),
    Column("lang", String, nullable=False, default="en"),
    Column("text", Text, nullable=False),
    Column("ingested_at", String, nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String, primary_key=True),  # "<doc>:<start>-<end>"
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("rule", String, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("norm", Text, nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id")),
    Index("ix_mentions_doc", "doc_id"),
    Index("ix_mentions_norm", "norm"),
    Index("ix_mentions_entity", "entity_id"),
)

name_links = Table(
    "name_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False),
    Column("a", String, nullable=False),
    Column("b", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Index("ix_links_doc", "doc_id"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("n_documents", Integer, nullable=False, default=0),
    Column("external_ids", Text, nullable=False, default="[]"),  # JSON list
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("norm", Text, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("reason", Text, nullable=False, default="same normalised name"),
    Column("score", Float),
    Column("evidence", Text),  # JSON: the mentions or the quote that justify the merge
    Index("ix_entity_keys_entity", "entity_id"),
)

known_actors = Table(
    "known_actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),  # JSON list
    Column("external_ids", Text, nullable=False, default="[]"),  # JSON list
    Column("source", Text, nullable=False),
    Column("imported_at", String, nullable=False),
)

mention_overrides = Table(
    "mention_overrides",
    metadata,
    Column("mention_id", String, primary_key=True),
    Column("user", String, nullable=False),
    Column("created_at", String, nullable=False),
)

entity_labels = Table(
    "entity_labels",
    metadata,
    Column("key", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("user", String, nullable=False),
    Column("created_at", String, nullable=False),
)

review_queue = Table(
    "review_queue",
    metadata,
    Column("a", Text, primary_key=True),
    Column("b", Text, primary_key=True),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("impact", Integer, nullable=False),
)

review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String, nullable=False),
    Column("args", Text, nullable=False),  # JSON
    Column("user", String, nullable=False),
    Column("created_at", String, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False),
    Column("key", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("date", String),
    Column("place", String),  # mention id
    Column("confidence", Float, nullable=False),
    Column("rule", String, nullable=False),
    Column("claimant", String),  # mention id
    Column("negated", Boolean, nullable=False, default=False),
    Index("ix_events_doc", "doc_id"),
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("mention_id", String, primary_key=True),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("predicate", String, nullable=False),
    Column("subject", String, nullable=False),  # mention id
    Column("object", String),  # mention id
    Column("object_event", Integer, ForeignKey("events.id")),
    Column("confidence", Float, nullable=False),
    Column("rule", String, nullable=False),
    Column("claimant", String),  # mention id
    Column("negated", Boolean, nullable=False, default=False),
    Column("valid_from", String),
    Column("valid_to", String),
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_predicate", "predicate"),
)


quantities = Table(
    "quantities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("subject", String),  # mention id
    Column("subject_event", Integer, ForeignKey("events.id")),
    Column("attribute", String, nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("approx", Boolean, nullable=False, default=False),
    Column("confidence", Float, nullable=False),
    Column("rule", String, nullable=False),
    Column("claimant", String),  # mention id
    Column("negated", Boolean, nullable=False, default=False),
    Index("ix_quantities_doc", "doc_id"),
)

doc_signatures = Table(
    "doc_signatures",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

copy_groups = Table(
    "copy_groups",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("group_id", String, nullable=False),  # the group's earliest document id
    Column("similarity", Float, nullable=False),  # estimated Jaccard with that document
    Index("ix_copy_groups_group", "group_id"),
)


def _v1(conn: Connection) -> None:
    metadata.create_all(conn)


def _v2(conn: Connection) -> None:
    """Review and known actors: new tables; merge score and evidence on entity_keys."""
    metadata.create_all(conn)  # creates only the missing tables
    cols = {c["name"] for c in inspect(conn).get_columns("entity_keys")}
    for name, sqltype in (("score", "FLOAT"), ("evidence", "TEXT")):
        if name not in cols:
            conn.execute(text(f"ALTER TABLE entity_keys ADD COLUMN {name} {sqltype}"))


def _v3(conn: Connection) -> None:
    """Corroboration: quantities, document signatures, copy groups (new tables)."""
    metadata.create_all(conn)


#: Ordered migrations; migration i brings a store from version i to i + 1. A new store
#: is created from ``metadata`` directly and stamped with the latest version.
MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3]
SCHEMA_VERSION = len(MIGRATIONS)
