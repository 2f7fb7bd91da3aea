"""Copies: syndicated and near-copied articles, found with MinHash/LSH.

The same wire story carried by several sites (with another headline, a reworded
sentence, different page furniture) must count as one source, not several. Each
document gets a MinHash :func:`signature` of its word shingles when it is saved;
:func:`find_copy_groups` finds the pairs whose estimated Jaccard similarity reaches a
threshold (``MinHashLSH`` gives the candidate pairs near-linearly, the signatures verify
them) and joins them into groups (connected components). :func:`update_copy_groups`
does this for a whole store.

Why these numbers. Shingles are ``SHINGLE_SIZE`` = 5 consecutive words of the normalised
text (NFKC, case-folded, punctuation dropped). On the sample corpus the syndicated copy
(001 of 000: new headline, one paragraph reworded, other furniture) scores 0.74, while
the most similar pair of independently written articles scores 0.035. A light rewrite
that changes one word in ten keeps about 0.6 of the 5-shingles (Jaccard ~0.4), so the
default ``THRESHOLD`` is 0.3: it also finds truncated copies (a site carrying a third of
the story) and stays well above independent reporting of one event, which shares only
names and short quotes. Very short texts (a few dozen words of a fixed template) can
reach it without being copies; news articles rarely do.

Signature bytes: ``b"FMH1"``, the number of distinct shingles (uint32), then
``NUM_PERM`` uint32 hash values, all little-endian (520 bytes).
"""

from __future__ import annotations

import re
import struct
import unicodedata
import zlib
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from sqlalchemy import select

from factmap.errors import StoreError
from factmap.store import schema as t

__all__ = [
    "NUM_PERM",
    "SHINGLE_SIZE",
    "THRESHOLD",
    "copy_group_listing",
    "find_copy_groups",
    "jaccard",
    "shingles",
    "signature",
    "update_copy_groups",
]

NUM_PERM = 128
SHINGLE_SIZE = 5
THRESHOLD = 0.3
#: LSH finds candidates somewhat below the threshold, so that pairs just above it are
#: not lost to the banding; the signatures then verify each candidate.
_LSH_SLACK = 0.8
_SEED = 1
_MAGIC = b"FMH1"
_HEADER = struct.Struct("<4sI")
_EMPTY = np.uint32(0xFFFFFFFF)
_WORD = re.compile(r"[^\W_]+")

_template: MinHash | None = None


def _words(text: str) -> list[str]:
    """The words of ``text``: NFKC-normalised, case-folded, punctuation dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """The distinct word ``size``-shingles of ``text`` (a shorter text is one shingle)."""
    words = _words(text)
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _new_minhash() -> MinHash:
    """An empty MinHash sharing one set of permutations (computing them is the slow part)."""
    global _template
    if _template is None:
        _template = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=zlib.crc32)
    return MinHash(
        seed=_SEED, hashfunc=zlib.crc32, permutations=_template.permutations, scheme="affine32",
        num_perm=NUM_PERM,
    )


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as compact bytes (see the module docstring).

    CRC-32 is the base hash: datasketch's ``affine32`` scheme mixes it before the
    permutations, and it is several times faster than SHA-1.
    """
    grams = shingles(text)
    mh = _new_minhash()
    mh.update_batch([g.encode("utf-8") for g in grams])
    values = np.asarray(mh.hashvalues, dtype="<u4")
    return _HEADER.pack(_MAGIC, len(grams)) + values.tobytes()


def _decode(doc_id: str, data: bytes) -> tuple[int, np.ndarray]:
    """(number of shingles, hash values) of a stored signature."""
    if len(data) != _HEADER.size + 4 * NUM_PERM or data[:4] != _MAGIC:
        raise StoreError(
            f"the copy signature of document {doc_id!r} has an unknown format; "
            "re-ingest it with 'factmap ingest --force' to recompute it"
        )
    _magic, n = _HEADER.unpack_from(data)
    return n, np.frombuffer(data, dtype="<u4", offset=_HEADER.size)


def jaccard(a: bytes, b: bytes) -> float:
    """The Jaccard similarity of two documents' shingles, estimated from their signatures."""
    (na, va), (nb, vb) = _decode("a", a), _decode("b", b)
    if not na or not nb:
        return 0.0
    return float(np.mean(va == vb))


def _earliest_key(published: Mapping[str, str | None]) -> Any:
    """Sort key: dated documents first, earliest date first, then by id."""

    def key(doc_id: str) -> tuple[bool, str, str]:
        date = published.get(doc_id)
        return (date is None, date or "", doc_id)

    return key


def find_copy_groups(
    signatures: Mapping[str, bytes],
    threshold: float = THRESHOLD,
    *,
    published: Mapping[str, str | None] | None = None,
) -> list[tuple[str, str, float]]:
    """Group near-copies: ``(doc id, group id, similarity)`` for each document that has one.

    Two documents are copies when the Jaccard similarity estimated from their
    signatures is at least ``threshold``; groups are the connected components of that
    relation. The group id is its earliest document (by ``published`` ISO date when
    given, undated last, then by id); ``similarity`` is each member's estimated Jaccard
    with that document (1.0 for itself). Rows are ordered by group, then similarity.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    decoded = {d: _decode(d, s) for d, s in signatures.items()}
    values = {d: v for d, (n, v) in decoded.items() if n}  # an empty text copies nothing
    lsh = MinHashLSH(threshold=max(0.05, threshold * _LSH_SLACK), num_perm=NUM_PERM)
    hashes = {
        d: LeanMinHash(seed=_SEED, hashvalues=v.astype(np.uint32), scheme="affine32")
        for d, v in values.items()
    }
    for d, mh in hashes.items():
        lsh.insert(d, mh, check_duplication=False)
    parent = {d: d for d in values}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for d, mh in hashes.items():
        for other in lsh.query(mh):
            if other <= d:
                continue
            if float(np.mean(values[d] == values[other])) >= threshold:
                parent[root(other)] = root(d)
    groups: dict[str, list[str]] = {}
    for d in values:
        groups.setdefault(root(d), []).append(d)
    key = _earliest_key(published or {})
    rows: list[tuple[str, str, float]] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        head = min(members, key=key)
        for d in members:
            sim = 1.0 if d == head else round(float(np.mean(values[d] == values[head])), 4)
            rows.append((d, head, sim))
    rows.sort(key=lambda r: (key(r[1]), -r[2], r[0]))
    return rows


def _missing_signatures(store: Any) -> list[str]:
    """Ids of stored documents without a signature (ingested before copies existed)."""
    q = select(t.documents.c.id).where(
        t.documents.c.id.not_in(select(t.doc_signatures.c.doc_id))
    )
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(q)]


def update_copy_groups(store: Any, threshold: float = THRESHOLD) -> int:
    """Recompute the store's copy groups from all signatures; return how many groups.

    Documents stored without a signature get one first.
    """
    missing = _missing_signatures(store)
    for doc_id, text in store.document_texts(missing).items():
        store.save_signature(doc_id, signature(text))
    published = {d["id"]: d["published"] for d in store.documents()}
    rows = find_copy_groups(store.signatures(), threshold, published=published)
    store.set_copy_groups(rows)
    return len({g for _d, g, _s in rows})


def copy_group_listing(
    docs: Iterable[Mapping[str, Any]], copies: Mapping[str, tuple[str, float]]
) -> list[dict[str, Any]]:
    """The copy groups for display: ``{"group", "members": [{"id", "similarity", ...}]}``.

    ``docs`` are document records (``store.documents()``), ``copies`` is
    ``store.copy_groups()``. Members keep the document's ``title``, ``publisher``,
    ``published`` and ``source_name``; the group's own document comes first.
    """
    from factmap.analyze.sources import source_name

    by_id = {d["id"]: d for d in docs}
    groups: dict[str, list[dict[str, Any]]] = {}
    for doc_id, (group, sim) in copies.items():
        d = by_id.get(doc_id, {"id": doc_id})
        groups.setdefault(group, []).append(
            {
                "id": doc_id, "similarity": sim, "title": d.get("title"),
                "publisher": d.get("publisher"), "published": d.get("published"),
                "source_name": source_name(d),
            }
        )
    out = []
    for group in sorted(groups):
        members = sorted(groups[group], key=lambda m: (m["id"] != group, -m["similarity"], m["id"]))
        out.append({"group": group, "members": members})
    return out
