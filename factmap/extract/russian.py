"""Mentions in Russian text with natasha's news NER (optional dependency).

``find_mentions_ru(text, doc_id)`` maps natasha's PER/ORG/LOC spans to person /
organization / location mentions (``rule="ner:natasha:<LABEL>"``, confidence 0.75).
A span that opens a « or " quote without closing it is widened over the closing quote
(«Свобода России»), so quotes stay balanced. Needs ``pip install natasha`` (with
``setuptools<81``); the model ships inside the package, nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from factmap.errors import ModelError
from factmap.extract.mentions import _vocab
from factmap.model import Mention

__all__ = ["find_mentions_ru"]

CONF_NATASHA = 0.75
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
    out: list[Mention] = []
    for span in ndoc.spans:
        etype = labels.get(span.type)
        if etype is None:
            continue
        end = _balance_quotes(text, span.start, span.stop)
        out.append(
            Mention(
                doc=doc_id,
                start=span.start,
                end=end,
                text=text[span.start : end],
                type=etype,
                rule=f"ner:natasha:{span.type}",
                confidence=CONF_NATASHA,
            )
        )
    return out
