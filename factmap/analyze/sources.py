"""Sources: who published a document, and how many independent sources say a thing.

A document's source is its publisher when known, else its URL's host, else the
document itself (``"unknown:<id>"``: a document whose source is unknown is its own
source). :func:`source_name` turns each into a comparable key:

* a name is NFKC-normalised and case-folded, punctuation dropped; a leading "the" and
  trailing edition words ("UK", "International", "Online": ``edition_words`` in
  ``factmap/vocab/sources.yaml``) are dropped; the words are joined without spaces.
  "The Guardian" → ``guardian``; "Reuters UK" → ``reuters``; "Kyiv Post" → ``kyivpost``.
* a host (or a publisher that is a domain name) keeps its registrable label: the
  top-level domain and a second-level public suffix ("co.uk", "com.ua") are dropped,
  and so are sub-domains; a leading "the" is dropped when at least four letters remain.
  "www.reuters.com", "uk.reuters.com" → ``reuters``; "news.bbc.co.uk" → ``bbc``;
  "theguardian.com" → ``guardian``.

So "Reuters", "reuters.com" and "Reuters UK" are one source. Names that differ in any
other word stay apart ("Fox News" and "Fox Business" are two sources): merging two
outlets by mistake would hide a real second confirmation.

:func:`independent_sources` counts the distinct sources behind a set of documents with
copies collapsed: every member of a copy group counts as the source of the group's
first document (the wire that carried the story first), so a copy group counts once
however many publishers carried it, and two documents of one publisher count once.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import yaml

__all__ = ["independent_source_keys", "independent_sources", "normalise_host", "normalise_name", "source_name"]

_WORD = re.compile(r"[^\W_]+")
_HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@cache
def _vocab() -> dict[str, frozenset[str]]:
    path = importlib.resources.files("factmap.vocab") / "sources.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: frozenset(str(w).casefold() for w in data.get(k) or ()) for k in (
        "leading_words", "edition_words", "second_level_labels")}


def normalise_host(host: str) -> str:
    """The registrable label of a host name: ``uk.reuters.com`` → ``reuters``."""
    labels = [lab for lab in host.casefold().strip(".").split(".") if lab]
    if len(labels) < 2 or all(lab.isdigit() for lab in labels):
        return "".join(labels)
    tld = labels.pop()
    if len(tld) == 2 and len(labels) >= 2 and labels[-1] in _vocab()["second_level_labels"]:
        labels.pop()
    label = labels[-1]
    if label.startswith("the") and len(label) >= 7:
        label = label[3:]
    return label


def normalise_name(name: str) -> str:
    """A publisher's name as a source key (see the module docstring); may be ``""``."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    bare = text.removeprefix("https://").removeprefix("http://").split("/")[0]
    if _HOST.match(bare):
        return normalise_host(bare)
    words = _WORD.findall(text)
    vocab = _vocab()
    if len(words) > 1 and words[0] in vocab["leading_words"]:
        words = words[1:]
    while len(words) > 1 and words[-1] in vocab["edition_words"]:
        words.pop()
    return "".join(words)


def _host(url: str | None, need_scheme: bool) -> str | None:
    """The host of ``url``; a value without ``http(s)://`` only when ``need_scheme`` is false."""
    value = (url or "").strip()
    if re.match(r"^(https?:)?//", value, re.I):
        return urlsplit(value).hostname or None
    if need_scheme or not re.match(r"^[\w-]+(\.[\w-]+)+(/|$)", value):
        return None
    return urlsplit(f"//{value}").hostname or None


def source_name(doc: Mapping[str, Any]) -> str:
    """The source key of a document record (``id``, ``publisher``, ``url``, ``source``).

    The publisher if known, else the host of ``url`` (or of ``source`` when that is a
    URL) without ``www.``, else ``"unknown:" + id``; normalised so that
    "Reuters", "reuters.com" and "Reuters UK" are equal.
    """
    publisher = doc.get("publisher")
    if publisher and (key := normalise_name(str(publisher))):
        return key
    for field, need_scheme in (("url", False), ("source", True)):
        host = _host(doc.get(field), need_scheme)
        if host and (key := normalise_host(host)):
            return key
    return f"unknown:{doc.get('id')}"


def independent_source_keys(
    doc_ids: Iterable[str],
    docs: Mapping[str, Mapping[str, Any]],
    copies: Mapping[str, tuple[str, float]],
) -> set[str]:
    """The distinct sources behind ``doc_ids``, copies collapsed.

    ``docs`` maps document id to its record, ``copies`` maps a document id to its
    ``(copy group id, similarity)`` (``store.copy_groups()``). A document in a copy
    group counts as the source of the group's document (``"copy:<group>"`` when that
    document is not in ``docs``); a document missing from ``docs`` is its own source.
    """
    keys: set[str] = set()
    for doc_id in doc_ids:
        origin = copies[doc_id][0] if doc_id in copies else doc_id
        if origin in docs:
            keys.add(source_name({"id": origin, **docs[origin]}))
        elif origin != doc_id:
            keys.add(f"copy:{origin}")
        else:
            keys.add(f"unknown:{doc_id}")
    return keys


def independent_sources(
    doc_ids: Iterable[str],
    docs: Mapping[str, Mapping[str, Any]],
    copies: Mapping[str, tuple[str, float]],
) -> int:
    """How many independent sources ``doc_ids`` amount to (see :func:`independent_source_keys`)."""
    return len(independent_source_keys(doc_ids, docs, copies))
