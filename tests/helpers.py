"""Small builders shared by tests: documents and extractions made by hand."""

from __future__ import annotations

import hashlib
import re

from factmap.model import Claim, Document, Event, Extraction, Mention, NameLink, Sentence


def make_doc(doc_id: str, text: str, **kw) -> Document:
    return Document(
        id=doc_id, source=f"{doc_id}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, **kw
    )


def mention(doc: Document, name: str, type: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``name`` in ``doc`` as a Mention."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(name, start + 1)
    return Mention(doc.id, start, start + len(name), name, type, rule="test", confidence=0.9)


def sentence_of(doc: Document, m: Mention) -> tuple[int, int]:
    start = doc.text.rfind(". ", 0, m.start)
    start = 0 if start < 0 else start + 2
    end = doc.text.find(".", m.end)
    return start, (len(doc.text) if end < 0 else end + 1)


def make_extraction(doc: Document, names: list[tuple[str, str]], claims=(), events=(), links=()) -> Extraction:
    """An Extraction with a mention per (name, type) pair (first occurrence each),
    claims given as (subject, predicate, object) names, links as (a, b, kind)."""
    ments = {}
    for name, typ in names:
        ments[name] = mention(doc, name, typ)
    ext = Extraction(doc=doc.id, sentences=[Sentence(doc.id, 0, len(doc.text))], mentions=list(ments.values()))
    for s, p, o in claims:
        a, b = ments[s], ments[o]
        start, end = min(sentence_of(doc, a)[0], sentence_of(doc, b)[0]), max(sentence_of(doc, a)[1], sentence_of(doc, b)[1])
        ext.claims.append(Claim(doc.id, start, end, doc.text[start:end], p, a.id, b.id, 0.9, "test"))
    for i, (typ, date, place, parts) in enumerate(events):
        start, end = sentence_of(doc, ments[parts[0]])
        ext.events.append(
            Event(f"event:{i}", doc.id, start, end, doc.text[start:end], typ, 0.8, "test", date=date,
                  place=ments[place].id if place else None, participants=tuple(ments[p].id for p in parts))
        )
    for a, b, kind in links:
        ma, mb = ments[a], ments[b]
        ext.links.append(NameLink(doc.id, ma.id, mb.id, kind, ma.start, mb.end, doc.text[ma.start:mb.end]))
    return ext


def all_mentions(text: str, doc_id: str, specs: list[tuple[str, str]]) -> list[Mention]:
    """A Mention for every occurrence of each (string, type) in ``text``."""
    out = []
    for name, etype in specs:
        for m in re.finditer(re.escape(name), text):
            out.append(Mention(doc_id, m.start(), m.end(), name, etype, rule="test"))
    return out


def claims_for(nlp, text: str, specs: list[tuple[str, str]]) -> tuple[list[Claim], dict[str, str]]:
    """find_claims on ``text`` with a mention at every occurrence of each (name, type),
    and the mention texts by id; every quote is checked against the text."""
    from factmap.extract.relations import find_claims

    doc = Document(id="t", source="test", sha256="0", text=text)
    mentions = all_mentions(text, "t", specs)
    claims = find_claims(nlp(text), doc, mentions, [])
    for c in claims:
        assert c.quote == text[c.start : c.end]
    return claims, {m.id: m.text for m in mentions}


def claim_triples(nlp, text: str, specs: list[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """The (subject, predicate, object) names of :func:`claims_for`."""
    claims, names = claims_for(nlp, text, specs)
    return {(names[c.subject], c.predicate, names[c.object]) for c in claims}
