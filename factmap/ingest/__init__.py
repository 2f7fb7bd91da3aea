"""Ingest: files on disk -> SourceRecord -> cleaned Document.

Public API:

- ``read_inputs(paths)`` walks files and folders and yields a ``SourceRecord`` per
  article, or an ``IngestFailure`` for an input that cannot be read (reported, skipped).
- ``prepare(record)`` cleans a record into a ``Document`` (HTML main text, Markdown
  stripped, Unicode normalisation, furniture removal, title/publisher/date), raising
  ``InputError`` if no article is left.
- ``detect_language(text)`` -> ``"ru"`` or ``"en"``.

Modules: ``readers`` (files, encodings, JSONL), ``html`` (trafilatura, page metadata),
``clean`` (normalisation, Markdown, furniture), ``meta`` (dates, bylines, datelines).
"""

from __future__ import annotations

from factmap.errors import NoArticleError
from factmap.ingest.clean import (
    has_sentence,
    markdown_title,
    normalize_text,
    remove_furniture,
    strip_markdown,
)
from factmap.ingest.html import HtmlPage, extract_html
from factmap.ingest.meta import (
    date_in_name,
    detect_language,
    first_title_line,
    host_publisher,
    iso_date,
    read_text_metadata,
)
from factmap.ingest.readers import read_inputs
from factmap.model import Document, SourceRecord

__all__ = ["detect_language", "prepare", "read_inputs"]


def prepare(record: SourceRecord) -> Document:
    """Clean one record into a ``Document`` whose ``text`` all offsets refer to.

    Metadata comes first from the record (JSONL fields), then the page markup (HTML),
    then the text itself (byline, dateline, "Published: ..."); the publisher last from
    the URL's host, the publication date last from a date in the file name or record
    id ("20240317_raid.txt"); nothing is guessed. Raises NoArticleError (or another
    InputError) when no article text is left.
    """
    page = HtmlPage(text="")
    md_title = None
    if record.format == "html":
        page = extract_html(record.content, record.source)
        body = page.text
    elif record.format == "markdown":
        md_title = markdown_title(record.content)
        body = strip_markdown(record.content)
    else:
        body = record.content
    given = iso_date(record.published) or page.published
    named = date_in_name(record.id)
    hint = given or named
    body, found = read_text_metadata(
        normalize_text(body),
        url=record.url,
        known_years={int(hint[:4])} if hint else set(),
        lang=page.lang,
    )
    body = remove_furniture(body)
    if record.format == "html" and not has_sentence(body):
        raise NoArticleError(
            record.source,
            "no article sentence in this HTML page (navigation or an index "
            "page?): save the article page itself, or give its text in a .txt/.jsonl record",
        )
    title = _clean(record.title) or page.title or md_title
    if record.format == "html" and title and first_title_line(body) is None:
        body = f"{title}\n\n{body}"  # the page's headline was outside the extracted text
    if not body.strip():
        raise NoArticleError(
            record.source, "nothing left after removing page furniture: is this an article?"
        )
    return Document(
        id=record.id,
        source=record.source,
        sha256=record.sha256,
        text=body,
        title=title or first_title_line(body),
        publisher=_clean(record.publisher)
        or page.publisher
        or found.publisher
        or host_publisher(record.url),
        published=given or found.published or named,
        url=record.url,
        lang=detect_language(body),
    )


def _clean(value: str | None) -> str | None:
    """A metadata string normalised to one line, or ``None`` when blank."""
    if not value:
        return None
    return normalize_text(value).replace("\n", " ") or None
