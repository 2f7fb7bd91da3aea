"""Extract: cleaned Document -> sentences, mentions, name links, claims, events.

``extract_documents`` runs the spaCy pipeline over a batch (``nlp.pipe``) and the
rule components over each parsed document; a document whose extraction fails is
yielded with its exception so the caller can report it and go on. With
``n_process > 1`` whole batches (parse and rules) run in forked worker processes, and
results come back in the same order as in one process.
"""

from __future__ import annotations

import multiprocessing
import pickle
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from spacy.language import Language
from spacy.tokens import Doc

from factmap import settings
from factmap.model import Document, Extraction, Sentence

__all__ = ["extract_document", "extract_documents"]


def extract_document(sdoc: Doc, doc: Document) -> Extraction:
    """Everything factmap extracts from one English document parsed as ``sdoc``."""
    from factmap.extract.events import find_events
    from factmap.extract.mentions import find_mentions
    from factmap.extract.quantities import find_quantities
    from factmap.extract.relations import find_claims

    ext = Extraction(doc=doc.id)
    ext.sentences = [Sentence(doc.id, s.start_char, s.end_char) for s in sdoc.sents]
    ext.mentions, ext.links = find_mentions(sdoc, doc.id)
    ext.events = find_events(sdoc, doc, ext.mentions)
    ext.claims = find_claims(sdoc, doc, ext.mentions, ext.events)
    ext.quantities = find_quantities(sdoc, doc, ext.mentions, ext.events)
    return ext


_RU_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)


def _extract_russian(doc: Document) -> Extraction:
    """Russian text: sentences and names only (no relation rules for Russian yet)."""
    ext = Extraction(doc=doc.id)
    for m in _RU_SENT.finditer(doc.text):
        start, end = m.start(), m.end()
        while start < end and doc.text[start].isspace():
            start += 1
        if end > start:
            ext.sentences.append(Sentence(doc.id, start, end))
    try:
        from factmap.extract.russian import find_mentions_ru
    except ImportError:  # natasha not installed: names are not extracted from Russian text
        return ext
    ext.mentions = find_mentions_ru(doc.text, doc.id)
    return ext


Result = tuple[Document, Extraction | Exception]


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Units of work in the order their results are yielded: each Russian document on
    its own as it comes, English documents in batches of ``size`` (and the rest at the end)."""
    english: list[Document] = []
    for doc in docs:
        if doc.lang == "ru":
            yield [doc]
            continue
        english.append(doc)
        if len(english) >= size:
            yield english
            english = []
    if english:
        yield english


def _extract_batch(batch: list[Document], nlp: Language) -> Iterator[Result]:
    """Extract one unit of work from :func:`_batches`; failures are yielded per document."""
    if len(batch) == 1 and batch[0].lang == "ru":
        try:
            yield batch[0], _extract_russian(batch[0])
        except Exception as exc:  # noqa: BLE001 - reported per document
            yield batch[0], exc
        return
    pairs = ((d.text, d) for d in batch)
    try:
        parsed = list(nlp.pipe(pairs, as_tuples=True, batch_size=len(batch)))
    except Exception:  # one document broke the batch: parse one at a time
        parsed = []
        for d in batch:
            try:
                parsed.append((nlp(d.text), d))
            except Exception as exc:  # noqa: BLE001 - reported per document
                yield d, exc
    for sdoc, d in parsed:
        try:
            yield d, extract_document(sdoc, d)
        except Exception as exc:  # noqa: BLE001 - reported per document
            yield d, exc


_worker_nlp: Language | None = None


def _init_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _worker_extract(batch: list[Document]) -> list[Extraction | Exception]:
    """In a worker process: the results of one batch, exceptions made picklable."""
    assert _worker_nlp is not None, "worker started without a pipeline"
    out: list[Extraction | Exception] = []
    for _d, res in _extract_batch(batch, _worker_nlp):
        if isinstance(res, Exception):
            try:
                pickle.dumps(res)
            except Exception:  # noqa: BLE001 - an exception that cannot cross processes
                res = RuntimeError(f"{type(res).__name__}: {res}")
        out.append(res)
    return out


def _extract_parallel(batches: Iterator[list[Document]], nlp: Language, n_process: int) -> Iterator[Result]:
    """Batches in forked workers, at most ``n_process + 1`` in flight, yielded in order.

    The first batch is done here while the pool starts, so a small input (one batch)
    never forks. A batch whose worker died is redone in this process.
    """
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:
        yield from _extract_batch(first, nlp)
        return
    ctx = multiprocessing.get_context("fork")
    pending: deque[tuple[list[Document], Future[list[Extraction | Exception]]]] = deque()
    with ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init_worker, initargs=(nlp,)) as pool:
        todo: Iterator[list[Document]] = iter([second])

        def submit() -> bool:
            batch = next(todo, None) or next(batches, None)
            if batch is None:
                return False
            pending.append((batch, pool.submit(_worker_extract, batch)))
            return True

        for _ in range(n_process):
            submit()
        yield from _extract_batch(first, nlp)
        while pending:
            batch, fut = pending.popleft()
            submit()
            try:
                results = fut.result()
            except Exception:  # noqa: BLE001 - the worker died (out of memory?): redo it here
                yield from _extract_batch(batch, nlp)
                continue
            yield from zip(batch, results, strict=True)


def extract_documents(
    docs: Iterable[Document],
    nlp: Language | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[Result]:
    """Parse and extract a stream of documents; failures are yielded, not raised.

    Russian documents come as they arrive, English ones when their batch of
    ``batch_size`` is done (or at the end). ``n_process > 1`` extracts batches in that
    many forked worker processes (where the platform can fork; otherwise in this one),
    with the same results in the same order.
    """
    from factmap.extract.nlp import load_nlp

    nlp = nlp or load_nlp()
    batches = _batches(docs, batch_size or settings.BATCH_SIZE)
    if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _extract_parallel(batches, nlp, n_process)
        return
    for batch in batches:
        yield from _extract_batch(batch, nlp)
