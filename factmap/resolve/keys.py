"""Resolution keys of one document's mentions, and the links its own text implies.

A mention's key is its normalised name (:func:`name_key`), shared across documents —
except for names that can only be understood inside their article:

- a generic name ("the Legion", "the Ministry of Defence") gets a document-scoped key
  and is linked to a full name of the same document that contains its words ("Freedom
  of Russia Legion"): the only one named before it, or the nearest one if it was named
  (in full or short) at least twice as often as any other so far; with none before it,
  the only one the article names at all; otherwise it stays on its own. The key names its referent (``legion@DOC>freedom of russia legion``), so
  two legions of one article never share a key;
- a one-word person name ("Kovac", "Ms. Kovac") gets a document-scoped key and is
  linked to the one full person name of the document ending (or starting) with that
  word; if two people of the document share it (a father and a daughter), to neither;
- an acronym ("FRL") is linked to a full name of the same document whose initials it
  spells, when exactly one does.

A generic name that a place owns in the text ("Ukraine's Main Directorate of
Intelligence", "Russia's Defence Ministry") is no longer generic: its key takes the place
("ukraine main directorate of intelligence"), shared across documents.

Call-signs keep their own global key: they are linked to a real name only where a
source states it (a ``callsign`` NameLink from extraction).
"""

from __future__ import annotations

from collections.abc import Sequence

from factmap.model import Mention, NameLink
from factmap.resolve.names import is_acronym, is_generic, name_key, name_signature, name_tokens

__all__ = ["document_keys", "scoped_key"]


def scoped_key(key: str, doc_id: str) -> str:
    return f"{key}@{doc_id}"


def _initials(tokens: Sequence[str]) -> str:
    return "".join(t[0] for t in tokens if t)


def _local_link(doc: str, short: Mention, full: Mention, kind: str) -> NameLink:
    return NameLink(doc, short.id, full.id, kind, short.start, short.end, short.text)


def _referent(m: Mention, cands: Sequence[Mention], group: dict[str, tuple[str, ...]], weight: dict[tuple[str, ...], int]) -> Mention | None:
    """The full name a generic name refers to. Among the full names named before it: the
    only one, or the nearest one if the article has named it (in full or short) at least
    twice as often as any other so far. With none before it: the only one the article
    names at all. Otherwise none (no guess). Names with the same words in another order
    or form ("Free Russia Legion", "Legion of Free Russia") count as one."""
    before = [f for f in cands if f.end <= m.start]
    if not before:
        return cands[0] if len({group[f.id] for f in cands}) == 1 else None
    named = {group[f.id] for f in before}
    if len(named) == 1:
        return before[-1]
    nearest = group[before[-1].id]
    if all(weight.get(nearest, 0) >= 2 * weight.get(k, 0) for k in named if k != nearest):
        return before[-1]
    return None


_POSSESSIVE_GAP = ("'s ", "' ", " ")


def _possessor(m: Mention, places: Sequence[Mention], text: str | None) -> Mention | None:
    """The place a generic name belongs to when the text says so right before it:
    "Ukraine's Main Directorate of Intelligence", "Russia's Defence Ministry"."""
    if text is None:
        return None
    for p in places:
        gap = text[p.end : m.start]
        if p.end <= m.start and gap in _POSSESSIVE_GAP:
            return p
    return None


def document_keys(
    doc_id: str, mentions: Sequence[Mention], links: Sequence[NameLink] = (), text: str | None = None
) -> tuple[dict[str, str], list[NameLink]]:
    """Keys for each mention id, and the in-document links (kinds ``short``,
    ``surname``, ``initialism``) for the names that only make sense in this document.

    ``text`` (the document's text) lets a generic name owned by a place ("Ukraine's
    Ministry of Defence") take the place into its key."""
    ordered = sorted(mentions, key=lambda m: m.start)
    places = [m for m in ordered if m.type == "location"]
    stated = {lk.a for lk in links} | {lk.b for lk in links}
    keys: dict[str, str] = {}
    new_links: list[NameLink] = []
    base = {m.id: name_key(m.norm or m.text) or m.text.casefold() for m in ordered}

    full_people = [
        m for m in ordered if m.type == "person" and len(name_tokens(base[m.id], "person")) >= 2
    ]
    full_names = [
        m for m in ordered
        if m.type != "person" and not is_generic(base[m.id], m.type) and not is_acronym(m.text)
    ]

    full_ids = {m.id for m in full_names}
    group = {m.id: name_signature(base[m.id], m.type) for m in full_names}
    weight: dict[tuple[str, ...], int] = {}  # how often each full name was named so far (in full or short)
    for m in ordered:
        key = base[m.id]
        keys[m.id] = key
        if m.id in full_ids:
            weight[group[m.id]] = weight.get(group[m.id], 0) + 1
        if m.type == "person":
            toks = name_tokens(key, "person")
            if len(toks) == 1 and m.rule != "rule:callsign" and m.id not in stated:
                keys[m.id] = scoped_key(key, doc_id)
                word = toks[0]
                owners = {
                    base[f.id]: f for f in full_people
                    if word in (name_tokens(base[f.id], "person")[-1], name_tokens(base[f.id], "person")[0])
                }
                if len(owners) == 1:
                    new_links.append(_local_link(doc_id, m, next(iter(owners.values())), "surname"))
            elif len(toks) >= 2 and len(toks[0]) == 1:  # "I. Petrov": initial + surname
                keys[m.id] = scoped_key(key, doc_id)
                owners = {
                    base[f.id]: f for f in full_people
                    if f.id != m.id
                    and name_tokens(base[f.id], "person")[-1] == toks[-1]
                    and name_tokens(base[f.id], "person")[0].startswith(toks[0])
                    and len(name_tokens(base[f.id], "person")[0]) > 1
                }
                if len(owners) == 1:
                    new_links.append(_local_link(doc_id, m, next(iter(owners.values())), "surname"))
        elif is_generic(key, m.type) and (owner := _possessor(m, places, text)) is not None:
            keys[m.id] = name_key(f"{owner.norm or owner.text} {m.norm or m.text}")
        elif is_generic(key, m.type) and m.id not in stated:
            keys[m.id] = scoped_key(key, doc_id)
            words = set(name_tokens(key, m.type))
            cands = [
                f for f in full_names
                if f.type == m.type and words <= set(name_tokens(base[f.id], f.type))
            ]
            target = _referent(m, cands, group, weight)
            if target is not None:
                weight[group[target.id]] = weight.get(group[target.id], 0) + 1
                # one key per referent: "the Legion" may mean two legions in one article
                keys[m.id] = f"{scoped_key(key, doc_id)}>{base[target.id]}"
                new_links.append(_local_link(doc_id, m, target, "short"))
        elif is_acronym(m.text) and m.id not in stated:
            letters = m.text.casefold()
            owners = {}
            for f in full_names:
                if f.type != m.type:
                    continue
                all_words = base[f.id].split()
                content = name_tokens(base[f.id], f.type)
                if letters in (_initials(all_words), _initials(content)):
                    owners[base[f.id]] = f
            if len(owners) == 1:
                new_links.append(_local_link(doc_id, m, next(iter(owners.values())), "initialism"))
    return keys, new_links
