"""Article metadata read from the text itself: dates, publisher, title, language.

Nothing is guessed: a date is returned only when a strict parser accepts a complete
day-month-year (or an ISO value, whose precision is kept); a dateline without a year
("KYIV, May 23 (Wire) -") gets one only when the page states its year elsewhere.
Pure metadata lines (bylines, "Published: ...", "4 min read") are removed from the
text after being read; wire datelines are content and stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from urllib.parse import urlsplit

from factmap.ingest.clean import furniture_vocab, is_title_like

_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
)
# Date-shaped substrings a strict parser is then asked about.
_DATE_SHAPES = re.compile(
    r"(?P<dmy>\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}\.?,?\s+\d{4})"
    r"|(?P<mdy>[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<dotted>\d{1,2}\.\d{1,2}\.\d{4})"
)
_NO_YEAR = re.compile(
    r"(?P<md>[^\W\d_]{3,9}\.?\s+\d{1,2})(?:st|nd|rd|th)?$|(?P<dm>\d{1,2}\s+[^\W\d_]{3,9}\.?)$"
)
# What may follow a date on a pure date line: a weekday, a time and a zone.
_TIME_TAIL = re.compile(
    r"^[\s,·•|-]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?\s*$",
    re.IGNORECASE,
)
_WEEKDAY_HEAD = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'-]*|and|&|de|da|van|von|al|el|bin|ibn|la|le|du)$")


@dataclass(slots=True)
class TextMeta:
    """What the text says about itself."""

    published: str | None = None
    publisher: str | None = None
    years: set[int] = field(default_factory=set)


def detect_language(text: str) -> str:
    """Return ``"ru"`` when most letters of ``text`` are Cyrillic, else ``"en"``."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return "ru" if cyrillic * 2 > len(letters) else "en"


def iso_date(value: str | None) -> str | None:
    """An ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, precision kept) from
    an ISO value or a written date with day, month and year; else ``None``."""
    if not value:
        return None
    value = value.strip()
    match = _ISO.fullmatch(value)
    if match:
        year, month, day = match["y"], match["m"], match["d"]
        return _checked(int(year), int(month) if month else None, int(day) if day else None)
    return parse_date(value)


def parse_date(value: str, year: int | None = None) -> str | None:
    """Parse one written date strictly into ``YYYY-MM-DD``.

    Accepts "May 23, 2023", "23 May 2023", "Jun 2, 2023", "Tue 23 May 2023",
    "23.05.2023", "2023-05-23" (English or Russian month names). A date without a
    year ("May 23") is completed only with the ``year`` given, never guessed.
    """
    text = _WEEKDAY_HEAD.sub("", value.strip()).strip(" ,.")
    if not text:
        return None
    match = _DATE_SHAPES.fullmatch(text)
    if match is None and year is not None and _NO_YEAR.fullmatch(text):
        text, match = f"{text} {year}", _DATE_SHAPES.fullmatch(f"{text} {year}")
    if match is None:
        return None
    if match["iso"]:
        return iso_date(text)
    if match["dotted"]:
        day, month, yr = (int(part) for part in text.split("."))
        return _checked(yr, month, day)
    return _dateparser(text)


def find_date(text: str, year: int | None = None) -> tuple[str | None, str]:
    """Find the first date at the start of ``text``; return it and the rest of the text."""
    body = _WEEKDAY_HEAD.sub("", text.strip())
    for match in _DATE_SHAPES.finditer(body):
        if body[: match.start()].strip(" ,·•|-"):
            break
        parsed = parse_date(match.group(0))
        if parsed:
            return parsed, body[match.end() :]
    if year is not None:
        short = re.match(r"([^\W\d_]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]{3,9}\.?)\b", body)
        if short:
            parsed = parse_date(short.group(1), year=year)
            if parsed:
                return parsed, body[short.end() :]
    return None, text


def host_publisher(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` (the last-resort publisher), or ``None``."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    host = host.removeprefix("www.")
    return host or None


def year_hints(text: str, url: str | None = None) -> set[int]:
    """Years the page states about itself (copyright line, dated URL path)."""
    years: set[int] = set()
    for pattern in _meta_patterns("year_hints"):
        for source in (text, url or ""):
            years.update(int(m["year"]) for m in pattern.finditer(source))
    return years


def read_text_metadata(
    text: str, *, url: str | None = None, known_years: set[int] | None = None
) -> tuple[str, TextMeta]:
    """Read dates and publisher from ``text``; drop the lines that are pure metadata.

    ``text`` is normalised text (one paragraph per line). Returns the text without
    byline, date and reading-time lines, and what they said. Datelines opening a
    paragraph ("KYIV, May 23, 2023 (Reuters) - ...") are read but kept.
    """
    meta = TextMeta(years=year_hints(text, url) | (known_years or set()))
    published: list[str] = []
    updated: list[str] = []
    kept: list[str] = []
    for line in text.split("\n"):
        found = _metadata_line(line.strip())
        if found is None:
            kept.append(line)
            continue
        kind, when, publisher = found
        (updated if kind == "updated" else published).extend([when] if when else [])
        meta.publisher = meta.publisher or publisher
    meta.years |= {int(d[:4]) for d in published + updated}
    dated, agency = _dateline(kept, _single(meta.years))
    meta.publisher = meta.publisher or agency
    meta.published = next(iter(published + ([dated] if dated else []) + updated), None)
    return "\n".join(kept), meta


def first_title_line(text: str) -> str | None:
    """The first line of ``text`` when it looks like a headline, else ``None``."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if is_title_like(line) else None
    return None


def _metadata_line(line: str) -> tuple[str, str | None, str | None] | None:
    """``(kind, date, publisher)`` when ``line`` is pure metadata, else ``None``."""
    if not line or len(line) > 160:
        return None
    for kind in ("published", "updated", "reading_time"):
        for pattern in _meta_patterns(kind):
            match = pattern.fullmatch(line)
            if match is None:
                continue
            when, rest = find_date(match["date"])
            if kind == "reading_time" and not match["date"].strip():
                return kind, None, None
            if when and _TIME_TAIL.match(rest):
                return kind, when, None
    for pattern in _meta_patterns("publisher"):
        match = pattern.fullmatch(line)
        if match and _looks_like_name(match["publisher"]):
            when = find_date(match["date"])[0] if match["date"] else None
            return "published", when, match["publisher"].strip()
    for pattern in _meta_patterns("byline"):
        match = pattern.fullmatch(line)
        if match and _looks_like_name(match["author"]):
            return _byline_rest(match["rest"])
    when, rest = find_date(line)
    if when and _TIME_TAIL.match(rest):
        return "published", when, None
    return None


def _byline_rest(rest: str | None) -> tuple[str, str | None, str | None]:
    """Date and outlet from the parts after a byline ("By X | Outlet | May 2, 2023")."""
    when: str | None = None
    publisher: str | None = None
    for part in re.split(r"\s*[|·•]\s*", rest or ""):
        parsed, tail = find_date(part)
        if parsed and _TIME_TAIL.match(tail):
            when = when or parsed
        elif publisher is None and _looks_like_name(part):
            publisher = part.strip()
    return "published", when, publisher


def _dateline(lines: list[str], year: int | None) -> tuple[str | None, str | None]:
    """Date and agency of a wire dateline opening one of the first paragraphs."""
    pattern = re.compile(furniture_vocab()["metadata"]["dateline"])
    paragraphs = [line.strip() for line in lines if line.strip()][:6]
    for paragraph in paragraphs:
        match = pattern.match(paragraph)
        if match and (match["date"] or match["agency"]):
            when = parse_date(match["date"], year=year) if match["date"] else None
            return when, match["agency"].strip() if match["agency"] else None
    return None, None


def _looks_like_name(value: str | None) -> bool:
    """A short capitalised name ("Jane Doe", "The Kyiv Independent"), not a sentence."""
    if not value:
        return False
    words = value.replace(",", " , ").split()
    if not 1 <= len(words) <= 8 or value.rstrip()[-1:] in ".!?:;":
        return False
    capitals = [w for w in words if w not in {",", "and", "&"}]
    return bool(capitals) and all(_NAME_WORD.match(w) or w[:1].isupper() for w in capitals)


def _single(years: set[int]) -> int | None:
    return next(iter(years)) if len(years) == 1 else None


def _checked(year: int, month: int | None, day: int | None) -> str | None:
    """ISO string for a real calendar date (precision kept), else ``None``."""
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _dateparser(text: str) -> str | None:
    """Strict dateparser call: day, month and year must all be present."""
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en", "ru"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None


@cache
def _meta_patterns(kind: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in furniture_vocab()["metadata"][kind])
