"""The value objects every stage passes along.

Stages read and write these, never each other's internals:

    ingest:  SourceRecord -> Document
    extract: Document -> Extraction (sentences, mentions, name links, claims, events)
    resolve: mentions -> entities (a mention's ``entity`` is set, facts are never edited)
    store:   persists all of them; analyze / export / web read them back

Every fact carries its evidence: a document id and character offsets into that
document's cleaned ``text`` (``quote == text[start:end]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["organization", "person", "location", "agreement", "group"]
ENTITY_TYPES: tuple[str, ...] = ("organization", "person", "location", "agreement", "group")

PREDICATES: tuple[str, ...] = (
    "leader_of",
    "member_of",
    "part_of",
    "allied_with",
    "signatory_of",
    "founded_by",
    "operates_in",
    "spokesperson_of",
    "supports",
    "opposes",
    "rival_of",
    "split_from",
    "claimed_responsibility",
    "located_in",
)
SYMMETRIC_PREDICATES: frozenset[str] = frozenset({"allied_with", "rival_of"})

EVENT_TYPES: tuple[str, ...] = (
    "meeting",
    "agreement_signed",
    "press_conference",
    "raid",
    "attack",
    "battle",
    "sabotage",
    "formation",
    "election",
    "assassination",
    "other",
)

SourceFormat = Literal["text", "markdown", "html"]


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One article as read from a file or a JSONL line, before cleaning.

    ``content`` is decoded text (or HTML when ``format == "html"``); ``sha256`` is the
    hash of the raw bytes (or of the JSONL line), so identical input is recognised.
    """

    id: str
    source: str
    content: str
    format: SourceFormat
    sha256: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One cleaned article: all offsets of mentions, claims and events point into ``text``."""

    id: str
    source: str
    sha256: str
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date: YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: str
    start: int
    end: int


def mention_id(doc: str, start: int, end: int) -> str:
    """The stable id of a mention: survives re-ingest of the same text."""
    return f"{doc}:{start}-{end}"


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a document. ``rule`` says what found it (``ner:ORG``, ``rule:head``, ...)."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    rule: str = "ner"
    confidence: float = 0.8
    #: the name's dictionary form where the language inflects names ("России" -> "россия"),
    #: used instead of ``text`` to compare names; None when ``text`` is already that form
    norm: str | None = None

    @property
    def id(self) -> str:
        return mention_id(self.doc, self.start, self.end)


NameLinkKind = Literal["acronym", "callsign", "alias", "formerly", "transliteration"]


@dataclass(frozen=True, slots=True)
class NameLink:
    """A source states that two mentions name the same actor.

    ``a`` and ``b`` are mention ids; ``start``/``end`` delimit the words that say so.
    """

    doc: str
    a: str
    b: str
    kind: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Claim:
    """One piece of evidence for a relation between two mentioned actors.

    ``subject`` and ``object`` are mention ids (for ``claimed_responsibility`` the
    object is an event key ``event:<n>`` within the same extraction). ``claimant`` is
    the mention id of whoever the text says stated it.
    """

    doc: str
    start: int
    end: int
    quote: str
    predicate: str
    subject: str
    object: str
    confidence: float
    rule: str
    claimant: str | None = None
    negated: bool = False
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, told in one document.

    ``key`` is unique within its extraction (``event:0``); ``place`` and
    ``participants`` are mention ids; ``date`` keeps the precision the text supports.
    """

    key: str
    doc: str
    start: int
    end: int
    quote: str
    type: str
    confidence: float
    rule: str
    date: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    claimant: str | None = None
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number a document states about an actor or an event (a unit's size, casualties).

    ``subject`` is a mention id, or an event key ``event:<n>`` of the same extraction;
    ``attribute`` names what is counted (``members``, ``killed``, ...: see
    ``factmap/vocab/quantities.yaml``); ``low``/``high`` bound the value (equal when the
    text gives one number, ``high`` None for "more than 50", ``low`` None for "fewer
    than 100"); ``approx`` for "about", "some", "around".
    """

    doc: str
    start: int
    end: int
    quote: str
    subject: str
    attribute: str
    low: float | None
    high: float | None
    confidence: float
    rule: str
    approx: bool = False
    claimant: str | None = None
    negated: bool = False


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    doc: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    links: list[NameLink] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved actor: the mentions that name it, under one id."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    n_documents: int = 0
    n_mentions: int = 0
    external_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that was reported and skipped."""

    source: str
    reason: str


@dataclass(slots=True)
class IngestSummary:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    entities: int = 0
    mentions: int = 0
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class MergeReason:
    """Why a name joined its entity: the rule (or reviewer), a score and the evidence."""

    rule: str
    reason: str
    score: float | None = None
    evidence: tuple[dict[str, object], ...] = ()


@dataclass(slots=True)
class Cluster:
    """Resolution's output for one entity: its keys, why each joined, and overrides
    from known actors or reviewers (display name, type, external ids)."""

    keys: list[str]
    reasons: dict[str, MergeReason] = field(default_factory=dict)
    name: str | None = None
    type: str | None = None
    external_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor a user already knows (imported list): seeds resolution."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    external_ids: tuple[str, ...] = ()
    source: str = ""
