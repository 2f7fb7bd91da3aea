"""Metadata read from text: dates (strict, never invented), publisher, title, language."""

from __future__ import annotations

import pytest

from factmap.ingest import detect_language, prepare
from factmap.ingest.meta import (
    first_title_line,
    host_publisher,
    iso_date,
    parse_date,
    read_text_metadata,
)
from factmap.model import SourceRecord

BODY = "The legion said its fighters had crossed the border on Monday."


def _doc(text: str, fmt: str = "text", **fields):
    return prepare(
        SourceRecord(id="d", source="d.txt", content=text, format=fmt, sha256="s", **fields)
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("May 23, 2023", "2023-05-23"),
        ("23 May 2023", "2023-05-23"),
        ("Jun 2, 2023", "2023-06-02"),
        ("Tue 23 May 2023", "2023-05-23"),
        ("23.05.2023", "2023-05-23"),
        ("2023-05-23", "2023-05-23"),
        ("23 мая 2023", "2023-05-23"),
        ("May 23", None),
        ("sometime in May", None),
        ("31 February 2023", None),
        ("Monday", None),
    ],
)
def test_meta_parse_date_is_strict(value, expected):
    assert parse_date(value) == expected


def test_meta_parse_date_completes_year_only_when_given():
    assert parse_date("May 23") is None
    assert parse_date("May 23", year=2023) == "2023-05-23"


def test_meta_iso_date_keeps_precision():
    assert iso_date("2023-05-23T10:00:00Z") == "2023-05-23"
    assert iso_date("2023-05") == "2023-05"
    assert iso_date("2023") == "2023"
    assert iso_date("2023-13-01") is None
    assert iso_date("") is None


def test_meta_reuters_dateline_gives_date_and_publisher_and_stays():
    text = f"Legion claims raid\nKYIV, May 23, 2023 (Reuters) - {BODY}"
    doc = _doc(text)
    assert (doc.published, doc.publisher) == ("2023-05-23", "Reuters")
    assert doc.text == text


def test_meta_dateline_without_year_gives_no_date():
    doc = _doc(f"Legion claims raid\nKYIV, May 23 (Wire) - {BODY}")
    assert doc.published is None
    assert doc.publisher == "Wire"


def test_meta_dateline_without_year_uses_year_stated_on_the_page():
    text = f"Legion claims raid\nKYIV, May 23 (Wire) - {BODY}\nCopyright © 2023 Wire"
    doc = _doc(text)
    assert doc.published == "2023-05-23"
    assert "Copyright" not in doc.text


def test_meta_dateline_without_year_and_conflicting_years_gives_no_date():
    text = f"Legion claims raid\nKYIV, May 23 (Wire) - {BODY}\n© 2023 Wire\n© 2024 Other"
    assert _doc(text).published is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 7 June 2024", "2024-06-07"),
        ("Updated 12 March 2024", "2024-03-12"),
        ("4 min read·Jun 2, 2023", "2023-06-02"),
        ("Posted on May 2, 2023 at 10:15 BST", "2023-05-02"),
        ("Tue 23 May 2023 14.00 BST", "2023-05-23"),
    ],
)
def test_meta_date_lines_are_read_and_removed(line, expected):
    doc = _doc(f"Legion claims raid\n{line}\n\n{BODY}")
    assert doc.published == expected
    assert doc.text == f"Legion claims raid\n\n{BODY}"


def test_meta_published_beats_updated():
    text, meta = read_text_metadata(f"Updated 12 March 2024\nPublished: 7 June 2023\n{BODY}")
    assert meta.published == "2023-06-07"
    assert text == BODY


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("By Jane Doe | The Kyiv Independent", "The Kyiv Independent"),
        ("Published by Meduza", "Meduza"),
        ("By Jane Doe and John Smith", None),
    ],
)
def test_meta_byline_publisher_and_removal(line, publisher):
    doc = _doc(f"Legion claims raid\n{line}\n{BODY}")
    assert doc.publisher == publisher
    assert doc.text == f"Legion claims raid\n{BODY}"


def test_meta_sentence_starting_with_by_is_kept():
    text = f"Legion claims raid\nBy then the fighters had withdrawn to the border.\n{BODY}"
    assert _doc(text).text == text


def test_meta_record_fields_win_and_url_host_is_last_resort():
    doc = _doc(
        f"Raid\nKYIV, May 23, 2023 (Reuters) - {BODY}",
        title="Given title",
        publisher="Given Outlet",
        published="2024-01-02",
        url="https://www.ex.org/a",
    )
    assert (doc.title, doc.publisher, doc.published, doc.url) == (
        "Given title",
        "Given Outlet",
        "2024-01-02",
        "https://www.ex.org/a",
    )
    bare = _doc(f"Raid\n{BODY}", url="https://www.ex.org/a")
    assert bare.publisher == "ex.org"
    assert _doc(f"Raid\n{BODY}").publisher is None


def test_meta_host_publisher():
    assert host_publisher("https://www.theguardian.com/world/2023") == "theguardian.com"
    assert host_publisher("meduza.io/en/feature") == "meduza.io"
    assert host_publisher(None) is None


def test_meta_title_from_first_line_only_when_headline():
    assert first_title_line("\nLegion claims raid\nBody text here.") == "Legion claims raid"
    assert first_title_line("The legion said it crossed the border.\nMore.") is None
    assert _doc(f"{BODY}\nSecond sentence.").title is None


def test_meta_markdown_heading_title():
    doc = _doc(f"Intro line.\n\n# The Legion's raid\n\n{BODY}", fmt="markdown")
    assert doc.title == "The Legion's raid"


def test_meta_detect_language():
    assert detect_language("Добровольцы заявили о рейде (FRL).") == "ru"
    assert detect_language("The Legion (Легион) said.") == "en"
    assert detect_language("1234") == "en"
    assert _doc(f"Легион\n{'Добровольцы заявили о рейде.'}").lang == "ru"
