"""Mentions in Russian text with natasha's news NER (optional dependency).

``find_mentions_ru(text, doc_id)`` maps natasha's PER/ORG/LOC spans to person /
organization / location mentions (``rule="ner:natasha:<LABEL>"``, confidence 0.75).
A span that opens a « or " quote without closing it is widened over the closing quote
(«Свобода России»), so quotes stay balanced. Needs ``pip install natasha`` (with
``setuptools<81``); the model ships inside the package, nothing is downloaded.

Rules on top of natasha (general Russian grammar and typography, no actor names):

* ``rule:ru:genitive``  an organization followed by a place in the genitive is one
  organization ("Министерство обороны России", "Вооружённых сил Украины");
* ``rule:ru:acronym``   the words whose initials spell a parenthesised acronym are an
  organization, the acronym and its bare uses too ("Главному управлению разведки (ГУР)");
* ``rule:ru:callsign``  a quoted name after a call-sign word ("с позывным «Тайга»") is a
  person, and so are its inflected quoted forms ("по словам «Тайги»").

Each mention carries ``norm``, its words in dictionary form (:func:`dictionary_form`), so
that resolution compares "России" and "Россия" as one name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from factmap.errors import ModelError
from factmap.extract.mentions import _vocab
from factmap.model import Mention

__all__ = ["find_mentions_ru"]

CONF_NATASHA = 0.75
CONF_RULE_RU = 0.85
_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}


@lru_cache(maxsize=1)
def _natasha() -> tuple[Any, Any]:
    """natasha's segmenter and NER tagger, loaded once."""
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError as exc:
        raise ModelError(
            "Russian mentions need natasha: run '.venv/bin/pip install natasha \"setuptools<81\"'"
        ) from exc
    return Segmenter(), NewsNERTagger(NewsEmbedding())


@lru_cache(maxsize=1)
def _morph() -> Any:
    """natasha's morphological dictionary (pymorphy2), loaded once."""
    from natasha import MorphVocab

    return MorphVocab()


_WORD = re.compile(r"[\w-]+")


def dictionary_form(name: str) -> str:
    """Each word of a Russian name in its dictionary form, lower case: the same for every
    case ending ("Сибирского батальона" and "Сибирский батальон" -> "сибирский батальон").
    Not a grammatical name (adjectives are not agreed), a comparison key only."""
    morph = _morph()
    words = []
    for w in _WORD.findall(name):
        if w.isupper() and len(w) > 1:  # an acronym: keep
            words.append(w.casefold())
            continue
        parses = morph.parse(w.casefold())
        words.append(parses[0].normal if parses else w.casefold())
    return " ".join(words)


def _balance_quotes(text: str, start: int, end: int) -> int:
    """``end`` widened over a closing quote when the span opens one and leaves it open."""
    span = text[start:end]
    for opening, closing in _PAIRS.items():
        if opening == closing:
            if span.count(opening) % 2 and text[end : end + 1] == closing:
                return end + 1
        elif span.count(opening) > span.count(closing) and text[end : end + 1] == closing:
            return end + 1
    return end


def find_mentions_ru(text: str, doc_id: str) -> list[Mention]:
    """Person, organization and location mentions in a Russian ``text``.

    Raises ModelError (with install advice) when natasha is not installed.
    """
    from natasha import Doc

    segmenter, tagger = _natasha()
    labels = _vocab().get("natasha_labels") or {}
    ndoc = Doc(text)
    ndoc.segment(segmenter)
    ndoc.tag_ner(tagger)
    spans: list[tuple[int, int, str, str]] = []
    for span in ndoc.spans:
        etype = labels.get(span.type)
        if etype is None:
            continue
        end = _balance_quotes(text, span.start, span.stop)
        spans.append((span.start, end, etype, f"ner:natasha:{span.type}"))
    spans = _merge_genitive(text, spans)
    spans = _strip_acronyms(text, spans)
    rules = _acronym_spans(text) + _callsign_spans(text)
    return [
        Mention(
            doc=doc_id,
            start=start,
            end=end,
            text=text[start:end],
            type=etype,
            rule=rule,
            confidence=CONF_NATASHA if rule.startswith("ner:") else CONF_RULE_RU,
            norm=dictionary_form(text[start:end]),
        )
        for start, end, etype, rule in _prefer_rules(rules, spans)
    ]


_Span = tuple[int, int, str, str]  # start, end, type, rule


def _merge_genitive(text: str, spans: list[_Span]) -> list[_Span]:
    """An organization directly followed by a place (the genitive of its country) becomes
    one organization: "Министерство обороны" + "России"."""
    out: list[_Span] = []
    for sp in sorted(spans):
        if out:
            prev = out[-1]
            if prev[2] == "organization" and sp[2] == "location" and text[prev[1] : sp[0]] == " ":
                out[-1] = (prev[0], sp[1], "organization", "rule:ru:genitive")
                continue
        out.append(sp)
    return out


def _strip_acronyms(text: str, spans: list[_Span]) -> list[_Span]:
    """Spans without a trailing parenthesised acronym ("корпусом (РДК)" -> "корпусом")."""
    out: list[_Span] = []
    for start, end, etype, rule in spans:
        m = re.search(r"\s*\([^()]{1,12}\)$", text[start:end])
        if m and m.start() > 0:
            end = start + m.start()
        out.append((start, end, etype, rule))
    return out


def _acronym_spans(text: str) -> list[_Span]:
    """Words whose initials spell the parenthesised acronym after them, the acronym, and
    the acronym's other uses: organizations."""
    out: list[_Span] = []
    found: set[str] = set()
    for m in re.finditer(r"\(([A-ZА-ЯЁ]{2,6})\)", text):
        acr = m.group(1)
        words = list(re.finditer(r"[\w-]+", text[max(0, m.start() - 120) : m.start()]))
        if len(words) < len(acr):
            continue
        last = words[-len(acr) :]
        if "".join(w.group()[0].upper() for w in last) != acr or not last[0].group()[0].isupper():
            continue
        base = max(0, m.start() - 120)
        out.append(
            (base + last[0].start(), base + last[-1].end(), "organization", "rule:ru:acronym")
        )
        found.add(acr)
    for acr in found:
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
            out.append((m.start(), m.end(), "organization", "rule:ru:acronym"))
    return out


def _callsign_spans(text: str) -> list[_Span]:
    """Quoted names after a call-sign word, and quoted forms of them with another ending."""
    stems = _vocab().get("callsign_stems_ru") or []
    if not stems:
        return []
    cue = "|".join(re.escape(s) for s in stems)
    out: list[_Span] = []
    names: set[str] = set()
    for m in re.finditer(rf"(?i:\b(?:{cue})\w*)\s+«([^«»\n]{{1,40}})»", text):
        out.append((m.start(1), m.end(1), "person", "rule:ru:callsign"))
        names.add(m.group(1))
    for name in names:
        stem = name[:-1] if len(name) >= 4 else name
        for m in re.finditer(rf"«({re.escape(stem)}\w{{0,3}})»", text):
            out.append((m.start(1), m.end(1), "person", "rule:ru:callsign"))
    return sorted(set(out))


def _prefer_rules(rules: list[_Span], spans: list[_Span]) -> list[_Span]:
    """Rule spans first, then natasha's spans that overlap none of them, by offset."""
    kept: list[_Span] = []
    for sp in sorted(set(rules), key=lambda s: (-(s[1] - s[0]), s[0])) + spans:
        if all(sp[1] <= k[0] or sp[0] >= k[1] for k in kept):
            kept.append(sp)
    return sorted(kept)
