"""HTML pages: the declared charset, the main text (trafilatura) and page metadata."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from factmap.errors import NoArticleError
from factmap.ingest.clean import normalize_text
from factmap.ingest.meta import iso_date

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """The main text of a page (paragraphs separated by blank lines) and its metadata."""

    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    lang: str | None = None  # the language tag the page declares, e.g. "en-GB"


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` / ``http-equiv`` (first 4 KB)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def extract_html(html: str, source: str) -> HtmlPage:
    """Main article text and metadata of an HTML page.

    Raises NoArticleError when trafilatura finds no article text in the page.
    """
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        output_format="txt",
    )
    if not text or not text.strip():
        raise NoArticleError(
            source,
            "no article text found in this HTML page (navigation or an index page?); "
            "save the article page itself, or give its text in a .txt/.jsonl record",
        )
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    meta = html_metadata(html)
    return HtmlPage(text="\n\n".join(paragraphs), **meta)


def html_metadata(html: str) -> dict[str, str | None]:
    """``title``, ``publisher``, ``published`` and ``lang`` as the page's markup states them.

    Title: ``og:title``, ``<title>`` (without a "| Site" suffix), ``<h1>``. Publisher:
    ``og:site_name``, a ``publisher`` meta, JSON-LD ``publisher.name``. Published:
    ``article:published_time``, JSON-LD ``datePublished``, other date metas,
    ``<time datetime>`` (or its text), a full date alone in an element whose class
    names a date or byline. Language: ``<html lang>``, a ``content-language`` meta,
    ``og:locale`` ("en_GB" becomes "en-GB").
    """
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return {"title": None, "publisher": None, "published": None, "lang": None}
    metas = _metas(tree)
    ld = _json_ld(tree)
    publisher = _first(
        metas.get("og:site_name"),
        metas.get("publisher"),
        metas.get("article:publisher") if not _is_url(metas.get("article:publisher")) else None,
        _ld_name(ld.get("publisher")),
        metas.get("application-name"),
    )
    title = _first(
        metas.get("og:title"),
        metas.get("twitter:title"),
        _strip_site(_text(tree.find(".//title")), publisher),
        _text(tree.find(".//h1")),
    )
    dates = [
        metas.get("article:published_time"),
        ld.get("datePublished"),
        metas.get("datepublished"),
        metas.get("pubdate"),
        metas.get("publishdate"),
        metas.get("publish-date"),
        metas.get("date"),
        metas.get("dc.date.issued"),
        metas.get("dc.date"),
        metas.get("sailthru.date"),
        *(t.get("datetime") for t in tree.iter("time")),
        *(t.text_content() for t in tree.iter("time")),
        *_dated_elements(tree),
    ]
    published = next((d for d in (iso_date(v) for v in dates if isinstance(v, str)) if d), None)
    return {"title": title, "publisher": publisher, "published": published, "lang": _lang(tree, metas)}


def _lang(tree: Any, metas: dict[str, str]) -> str | None:
    """The page's declared language tag ("en-GB"), or None."""
    http_equiv = next(
        (m.get("content") for m in tree.iter("meta") if (m.get("http-equiv") or "").lower() == "content-language"),
        None,
    )
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        http_equiv,
        metas.get("content-language"),
        metas.get("og:locale"),
    ):
        if value and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", value.strip()):
            return value.strip().replace("_", "-")
    return None


#: class/id words of page elements that hold an article's date or byline line
_DATE_CLASS = re.compile(r"date|time|meta|byline|publish|posted|dateline", re.IGNORECASE)


def _dated_elements(tree: Any) -> list[str]:
    """Short texts of elements whose class or id names a date or byline ("<p
    class="meta">13 March 2024</p>"): boilerplate that text extraction drops."""
    found: list[str] = []
    for el in tree.iter("p", "span", "div", "li"):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _DATE_CLASS.search(marks):
            continue
        text = " ".join(el.text_content().split())
        if 6 <= len(text) <= 60:
            found.append(text)
    return found


def _metas(tree: Any) -> dict[str, str]:
    """``<meta>`` values by lower-cased property/name/itemprop (first one wins)."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        value = meta.get("content")
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), value.strip())
    return found


def _json_ld(tree: Any) -> dict[str, Any]:
    """The first JSON-LD object that has a ``datePublished`` or ``publisher``."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _ld_items(data):
            if "datePublished" in item or "publisher" in item:
                return item
    return {}


def _ld_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [i for d in data for i in _ld_items(d)]
    if isinstance(data, dict):
        return [data, *_ld_items(data.get("@graph", []))]
    return []


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def _text(element: Any) -> str | None:
    return element.text_content() if element is not None else None


def _strip_site(title: str | None, site: str | None) -> str | None:
    """``"Headline | Site"`` -> ``"Headline"`` when the suffix is the site's name."""
    if not title or not site:
        return title
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(sep)
        if head and tail.strip().lower() == site.strip().lower():
            return head
    return title


def _is_url(value: str | None) -> bool:
    return bool(value) and "://" in (value or "")


def _first(*values: str | None) -> str | None:
    for value in values:
        if value:
            cleaned = normalize_text(value).replace("\n", " ").strip()
            if cleaned:
                return cleaned
    return None
