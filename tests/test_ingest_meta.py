"""Metadata read from text: dates (strict, never invented), publisher, title, language."""

from __future__ import annotations

import pytest

from factmap.ingest import detect_language, prepare
from factmap.ingest.meta import (
    date_in_name,
    first_title_line,
    host_publisher,
    iso_date,
    numeric_order,
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


# --- more date-line shapes, only from metadata lines -------------------------------

HEAD = "Partisans claim strike on rail depot"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["*Profile · Published 3 October 2022 · 11 min read*"], "2022-10-03"),
        (["Maria Roe · 4 min read·Oct 3, 2022"], "2022-10-03"),
        (["3 October 2022, 6:10pm | Updated 7:55pm"], "2022-10-03"),
        (["3 October 2022 · 12 min read"], "2022-10-03"),
        (["Monday 3 October 2022 · Last updated 21:05 (local time)"], "2022-10-03"),
        (["LIVE BLOG | Monday, 3 October 2022, 09:30"], "2022-10-03"),
        (["Published Monday 3 October 2022 | 2 min read"], "2022-10-03"),
        (["Oct 3, 2022 · 4:05 PM GMT"], "2022-10-03"),
        (["By Maria Roe, senior correspondent", "3 October 2022"], "2022-10-03"),
        (["Written by Maria Roe", "Опубликовано: 3 октября 2022"], "2022-10-03"),
    ],
)
def test_meta_date_line_shapes_are_read_and_removed(lines, expected):
    fmt = "markdown" if lines[0].startswith("*") else "text"
    doc = _doc("\n".join([HEAD, *lines, "", BODY]), fmt=fmt)
    assert doc.published == expected
    assert doc.text == f"{HEAD}\n\n{BODY}"
    assert doc.title == HEAD


def test_meta_place_date_line_gives_date_and_stays():
    text = f"Tbilisi, 3 October 2022\n\n{HEAD}\n\n{BODY}"
    doc = _doc(text)
    assert doc.published == "2022-10-03"
    assert doc.text == text
    assert doc.title == HEAD


def test_meta_bare_date_in_the_body_is_not_the_publication_date():
    paragraphs = [HEAD, *(f"Paragraph {n} says the group is active." for n in range(14))]
    text = "\n\n".join([*paragraphs[:10], "3 October 2022", *paragraphs[10:]])
    doc = _doc(text)
    assert doc.published is None
    assert "3 October 2022" in doc.text


def test_meta_sentence_with_a_date_is_not_the_publication_date():
    text = f"{HEAD}\n\nOn 3 October 2022 the group set fire to a signal box.\n\n{BODY}"
    doc = _doc(text)
    assert doc.published is None
    assert doc.text == text
    dated = _doc(f"{HEAD}\n\n3 October 2022: the group set fire to a signal box.\n\n{BODY}")
    assert dated.published is None


def test_meta_published_cue_counts_anywhere():
    paragraphs = [HEAD, *(f"Paragraph {n} says the group is active." for n in range(12))]
    text = "\n\n".join([*paragraphs[:6], "Posted: 3 October 2022", *paragraphs[6:]])
    assert _doc(text).published == "2022-10-03"


def test_meta_dateline_year_from_the_same_month_stated_in_the_text():
    text = (
        f"{HEAD}\nTBILISI, Oct 3 (Caucasus Wire) - {BODY}\n"
        "The group first appeared in October 2022, officials said."
    )
    assert _doc(text).published == "2022-10-03"


def test_meta_dateline_year_ambiguous_or_absent_gives_no_date():
    two = (
        f"{HEAD}\nTBILISI, Oct 3 (Caucasus Wire) - {BODY}\n"
        "It was formed in October 2021 and renamed in October 2022."
    )
    assert _doc(two).published is None
    other_month = f"{HEAD}\nTBILISI, Oct 3 (Caucasus Wire) - {BODY}\nIt was formed in May 2021."
    assert _doc(other_month).published is None


def test_meta_kicker_masthead_and_breadcrumb_are_not_the_title():
    text = (
        "THE HARBOUR TIMES\nNews | Caucasus\nANALYSIS\n\n"
        f"{HEAD}\n\n8 October 2022 · 6 min read\n\n{BODY}"
    )
    doc = _doc(text)
    assert doc.title == HEAD
    assert doc.text == f"{HEAD}\n\n{BODY}"
    assert doc.published == "2022-10-08"


def test_meta_markdown_title_is_the_first_heading_not_the_kicker():
    md = f"Explainer\n\n# {HEAD}\n\n_Published 8 October 2022_\n\n{BODY}\n"
    doc = _doc(md, fmt="markdown")
    assert doc.title == HEAD
    assert doc.published == "2022-10-08"
    assert doc.text == f"{HEAD}\n\n{BODY}"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("By Maria Roe, Tbilisi", False),
        ("By Maria Roe, staff writer", False),
        ("By Monday, the fighters had withdrawn", True),
        ("Posted on 3 Oct 2022 at 9:15 a.m.", False),
    ],
)
def test_meta_byline_and_posted_variants(line, kept):
    text = f"{HEAD}\n{line}\n{BODY}"
    assert (line in _doc(text).text) is kept


def test_meta_one_word_sentence_above_headline_is_kept():
    text = f"Yes.\n\n{HEAD}\n\n{BODY}"
    assert _doc(text).text == text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("20220125T090000Z_GB_en_7d015e6984", "2022-01-25"),
        ("2024-03-17_border_raid", "2024-03-17"),
        ("raid.2023.06.01", "2023-06-01"),
        ("report_20231105", "2023-11-05"),
        ("000_abc", None),
        ("id_120220125", None),  # digits before: part of a longer number
        ("20221399_x", None),  # no such month
        ("2024-02-30_x", None),  # no such day
        ("2024-0317", None),  # mixed separators
    ],
)
def test_meta_date_in_name(name, expected):
    assert date_in_name(name) == expected


def test_meta_file_name_date_is_the_last_resort():
    text = f"Legion claims raid\n{BODY}"
    named = SourceRecord(id="20230601T120000Z_UA_en_ab12", source="x.txt", content=text, format="text", sha256="h")
    assert prepare(named).published == "2023-06-01"
    stated = SourceRecord(
        id="20230601T120000Z_UA_en_ab12", source="x.txt", content=f"Legion claims raid\nKYIV, May 23, 2023 (Wire) - {BODY}",
        format="text", sha256="h",
    )
    assert prepare(stated).published == "2023-05-23"  # the text's own date wins
    given = SourceRecord(
        id="20230601_x", source="x.jsonl", content=text, format="text", sha256="h", published="2023-05-30"
    )
    assert prepare(given).published == "2023-05-30"


def test_meta_file_name_year_completes_a_dateline_without_year():
    record = SourceRecord(
        id="2023-05-24_wire", source="x.txt", content=f"Legion claims raid\nKYIV, May 23 (Wire) - {BODY}",
        format="text", sha256="h",
    )
    assert prepare(record).published == "2023-05-23"


# --- numeric dates, combined cue lines, reading-time tails, bylines (session 2) ---


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("25/03/2024", None, "2024-03-25"),  # a part above 12 fixes the order
        ("03/25/2024", None, "2024-03-25"),
        ("05/05/2024", None, "2024-05-05"),  # day = month reads the same
        ("07/06/2025", None, None),  # ambiguous: never guessed
        ("07/06/2025", "dmy", "2025-06-07"),
        ("07/06/2025", "mdy", "2025-07-06"),
        ("07-06-2025", "dmy", "2025-06-07"),
        ("13/13/2025", None, None),
    ],
)
def test_meta_numeric_date_read_only_when_order_known(value, order, expected):
    assert parse_date(value, order=order) == expected


def test_meta_numeric_order_from_page_dates_country_or_language():
    assert numeric_order("Filed 21/04/2024.\nPosted 03/04/2024") == "dmy"
    assert numeric_order("Filed 04/21/2024.") == "mdy"
    assert numeric_order("Filed 21/04/2024 and 04/21/2024.") is None  # the page contradicts itself
    assert numeric_order("Posted 03/04/2024") is None
    assert numeric_order("Posted 03/04/2024", url="https://www.example.co.uk/a") == "dmy"
    assert numeric_order("Posted 03/04/2024", url="https://news.example.us/a") == "mdy"
    assert numeric_order("Posted 03/04/2024", url="https://example.com/a") is None
    assert numeric_order("Posted 03/04/2024", lang="en-GB") == "dmy"  # the page's declared region
    assert numeric_order("Posted 03/04/2024", lang="en_US") == "mdy"
    assert numeric_order("Posted 03/04/2024", lang="en") is None
    assert numeric_order("Posted 03/04/2024", url="https://news.example.us/a", lang="en-GB") == "mdy"
    assert numeric_order("Опубликовано 03/04/2024. Ополченцы заявили о рейде.") == "dmy"


def test_meta_ambiguous_numeric_publication_line_removed_date_left_unknown():
    text = f"Brigade leaves the valley\nPublished on 07/06/2025 - 11:32\n{BODY}"
    cleaned, meta = read_text_metadata(text)
    assert meta.published is None
    assert "Published on" not in cleaned and BODY in cleaned


def test_meta_numeric_publication_line_read_with_the_page_order():
    text = f"Brigade leaves the valley\nPublished on 07/06/2025 - 11:32\n{BODY}\nUpdated on 14/06/2025"
    cleaned, meta = read_text_metadata(text)
    assert meta.published == "2025-06-07"
    cleaned, meta = read_text_metadata(
        f"Brigade leaves the valley\nPublished on 07/06/2025 - 11:32\n{BODY}", url="https://example.fr/x"
    )
    assert meta.published == "2025-06-07"


@pytest.mark.parametrize(
    "line",
    [
        "Published 14 March 2024, last updated 18:05 EET",
        "Published on 14 March 2024, updated at 16:12",
        "14 March 2024 - 9 min read",
        "Northern Gazette | 14 March 2024 | Analysis by Tomas Brandt",
        "Commentary | Ilse Varga, senior fellow, Institute for Lowland Studies | 14 March 2024",
        "By Tomas Brandt, 14 March 2024",
        "By Tomas Brandt on 14 March 2024",
        "By Tomas Brandt - March 14, 2024",
        "14.03.2024, 14:20 | Reading time 3 minutes",
        "14.03.2024 | 09:15 | editorial office | Reading time: 3 min",
        "By our correspondent in Sake | Thursday, 14 March 2024",
        "Issue 212 | Thursday, 14 March 2024",
        "Published 14 March 2024. Updated 14 March 2024.",
    ],
)
def test_meta_publication_line_shapes_read_and_removed(line):
    cleaned, meta = read_text_metadata(f"Brigade leaves the valley\n{line}\n{BODY}")
    assert meta.published == "2024-03-14"
    assert line not in cleaned and BODY in cleaned


def test_meta_updated_date_does_not_replace_the_published_one():
    _, meta = read_text_metadata(f"Brigade leaves the valley\nPublished 14 March 2024, updated 16 March 2024\n{BODY}")
    assert meta.published == "2024-03-14"


@pytest.mark.parametrize(
    "line",
    [
        "By Monday - the deadline set by the council - no fighters had left.",
        "By Friday on the eastern front the brigade had lost two villages",
        "Fighting by the river - 14 March 2024",
        "Kyiv - the brigade said on 14 March 2024 that it would withdraw",
    ],
)
def test_meta_sentences_like_bylines_are_kept(line):
    text = f"Brigade leaves the valley\n{BODY}\n{line}\n{BODY} Again.\n{BODY} Once more."
    cleaned, _ = read_text_metadata(text)
    assert line in cleaned


def test_meta_place_dateline_in_ordinary_case_needs_a_full_date():
    text = "Brigade leaves the valley\n\nTallinn, 14 March 2024 - The council said it would meet.\n"
    cleaned, meta = read_text_metadata(text)
    assert meta.published == "2024-03-14"
    assert "Tallinn, 14 March 2024 - The council said it would meet." in cleaned
    _, meta = read_text_metadata("Brigade leaves the valley\n\nTallinn, March 14 - The council met.\n")
    assert meta.published is None


@pytest.mark.parametrize(
    "line",
    ["By our own efforts the unit survived | 14 March 2024", "Issue of the day | 14 March 2024 | Kyiv"],
)
def test_meta_desk_and_issue_lookalikes_are_not_bylines(line):
    cleaned, meta = read_text_metadata(f"Brigade leaves the valley\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{line}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}")
    assert line in cleaned
