"""The main job: files -> documents -> extraction -> store -> entities.

:func:`ingest` is what ``factmap ingest`` runs. Each document is saved in its own
transaction; a bad input is reported in the summary and the rest of the batch goes in;
identical input is skipped; a changed input replaces its older version and everything
extracted from it. Resolution runs once at the end over the whole store.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from factmap.analyze.copies import signature, update_copy_groups
from factmap.errors import InputError
from factmap.extract import extract_documents
from factmap.ingest import prepare, read_inputs
from factmap.model import Document, Extraction, IngestFailure, IngestSummary
from factmap.resolve import resolve
from factmap.resolve.keys import document_keys
from factmap.store import Store

__all__ = ["ingest", "save_extraction"]

Progress = Callable[[str], None]


def save_extraction(store: Store, doc: Document, ext: Extraction) -> None:
    """Save one document with its extraction, the resolution keys of its mentions and
    the in-document name links those keys imply (see :mod:`factmap.resolve.keys`)."""
    keys, local_links = document_keys(doc.id, ext.mentions, ext.links, doc.text)
    ext.links.extend(local_links)
    store.save_document(doc, ext, keys)
    store.save_signature(doc.id, signature(doc.text))  # copies: near-duplicate detection


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    on_document: Progress | None = None,
    force: bool = False,
    n_process: int = 1,
) -> IngestSummary:
    """Ingest files and folders into ``store``; ``on_document(doc_id)`` is called per input.

    ``force`` re-extracts documents whose content is unchanged (after an upgrade of
    factmap's rules); they count as replaced. ``n_process > 1`` parses and extracts
    batches in that many worker processes (same results, in the same order); inputs of
    one batch (``FACTMAP_BATCH_SIZE`` documents) or fewer stay in this process.
    """
    t0 = time.perf_counter()
    summary = IngestSummary()
    replacing: set[str] = set()
    seen: dict[str, str] = {}

    def documents() -> Iterator[Document]:
        for rec in read_inputs(paths):
            if isinstance(rec, IngestFailure):
                summary.failed.append(rec)
                if on_document:
                    on_document(rec.source)
                continue
            if rec.id in seen:
                summary.failed.append(
                    IngestFailure(rec.source, f"document id {rec.id!r} is also used by {seen[rec.id]}; rename one of them")
                )
                continue
            seen[rec.id] = rec.source
            stored = store.document_version(rec.id)
            if stored and stored[0] == rec.sha256 and not force:
                summary.unchanged.append(rec.id)
                if on_document:
                    on_document(rec.id)
                continue
            try:
                doc = prepare(rec)
            except InputError as exc:
                summary.failed.append(IngestFailure(exc.source, exc.reason))
                if on_document:
                    on_document(rec.id)
                continue
            if stored:
                replacing.add(doc.id)
            yield doc

    for doc, ext in extract_documents(documents(), n_process=n_process):
        if isinstance(ext, Exception):
            summary.failed.append(IngestFailure(doc.source, f"extraction failed ({type(ext).__name__}: {ext})"))
        else:
            save_extraction(store, doc, ext)
            (summary.replaced if doc.id in replacing else summary.added).append(doc.id)
        if on_document:
            on_document(doc.id)

    if summary.added or summary.replaced or store.unresolved_mentions():
        resolve(store)
    if summary.added or summary.replaced:
        update_copy_groups(store)  # copies: regroup syndicated / near-copied articles
    summary.entities = store.count("entities")
    summary.mentions = store.count("mentions")
    summary.seconds = time.perf_counter() - t0
    return summary
