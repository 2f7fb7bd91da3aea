"""Extract: cleaned Document -> sentences, mentions, name links, claims, events.

``extract_documents`` runs the spaCy pipeline over a batch (``nlp.pipe``) and the
rule components over each parsed document; a document whose extraction fails is
yielded with its exception so the caller can report it and go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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


def extract_documents(
    docs: Iterable[Document], nlp: Language | None = None, batch_size: int | None = None
) -> Iterator[tuple[Document, Extraction | Exception]]:
    """Parse and extract a stream of documents, in order; failures are yielded, not raised."""
    from factmap.extract.nlp import load_nlp

    nlp = nlp or load_nlp()
    english: list[Document] = []

    def flush() -> Iterator[tuple[Document, Extraction | Exception]]:
        pairs = ((d.text, d) for d in english)
        try:
            parsed = list(nlp.pipe(pairs, as_tuples=True, batch_size=batch_size or settings.BATCH_SIZE))
        except Exception:  # one document broke the batch: parse one at a time
            parsed = []
            for d in english:
                try:
                    parsed.append((nlp(d.text), d))
                except Exception as exc:  # noqa: BLE001 - reported per document
                    yield d, exc
        for sdoc, d in parsed:
            try:
                yield d, extract_document(sdoc, d)
            except Exception as exc:  # noqa: BLE001 - reported per document
                yield d, exc
        english.clear()

    for doc in docs:
        if doc.lang == "ru":
            try:
                yield doc, _extract_russian(doc)
            except Exception as exc:  # noqa: BLE001
                yield doc, exc
            continue
        english.append(doc)
        if len(english) >= (batch_size or settings.BATCH_SIZE):
            yield from flush()
    if english:
        yield from flush()
