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
from typing import NamedTuple
from urllib.parse import urlsplit

from factmap.ingest.clean import furniture_vocab, is_section_label, is_title_like

_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
)
# Date-shaped substrings a strict parser is then asked about.
_DATE_SHAPES = re.compile(
    r"(?P<dmy>\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}\.?,?\s+\d{4})"
    r"|(?P<mdy>[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<dotted>\d{1,2}\.\d{1,2}\.\d{4})"
    r"|(?P<numeric>\d{1,2}(?P<nsep>[/-])\d{1,2}(?P=nsep)\d{4})"
)
# A numeric date with slashes or hyphens ("07/06/2025"): day-month or month-day.
_NUMERIC = re.compile(r"(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/-])")
_NO_YEAR = re.compile(
    r"(?P<md>[^\W\d_]{3,9}\.?\s+\d{1,2})(?:st|nd|rd|th)?$|(?P<dm>\d{1,2}\s+[^\W\d_]{3,9}\.?)$"
)
# A clock time, with am/pm.
_TIME = r"\d{1,2}(?:[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|\s*(?:am|pm|a\.m\.|p\.m\.))"
# Separators between the parts of one metadata line ("Jane Doe · 5 min read · Jun 2, 2023").
# A date in a file name or record id: "2024-03-17_raid", "20220125T090000Z_GB_en_7d01",
# "raid-2024.03.17"; digits around it make it something else (an id, a number).
_NAME_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?=T\d{4,6}Z?|[^0-9]|$)"
)
# A spaced hyphen ("15 June 2024 - 9 min read") and a comma before a second cue
# ("Published 14 March 2024, last updated 18:05") separate parts too.
# A sentence stop before a second cue splits too ("Published 12 May 2024. Updated 13 May 2024.").
_PARTS = re.compile(
    r"\s*[|·•]\s*|\s+-\s+|[,.]\s*(?=(?:last\s+)?(?:updated|modified|published|posted)\b)",
    re.IGNORECASE,
)
# A month name followed by a year ("November 2023", "Nov. 2023").
_MONTH_YEAR = re.compile(r"(?P<month>[^\W\d_]{3,9})\.?,?\s+(?P<year>(?:19|20)\d\d)\b")
_WEEKDAY_HEAD = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+",
    re.IGNORECASE,
)
# Lower-case words inside an institution's name ("Institute for Eastern Studies").
_CONNECTORS = re.compile(r"\b(?:of|for|the|on|in|and)\b")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'-]*|and|&|de|da|van|von|al|el|bin|ibn|la|le|du)$")


@cache
def _time_tail() -> re.Pattern[str]:
    """What may follow a date on a pure date line: a time and a zone ("(Kyiv time)")."""
    zone = furniture_vocab()["metadata"].get("zone", r"\(?[A-Z]{2,5}\)?")
    return re.compile(
        rf"^[\s,·•|-]*(?:(?:at|в)\s+)?(?:{_TIME})?(?:\s*(?:{zone}))?\s*$", re.IGNORECASE
    )


def _is_time_tail(rest: str) -> bool:
    return bool(_time_tail().match(rest))


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


def date_in_name(name: str) -> str | None:
    """The date a file name or record id carries (``YYYY-MM-DD``), or ``None``.

    Archives and crawls name files by date ("2024-03-17_raid.txt",
    "20220125T090000Z_GB_en_7d01.txt"). It is the weakest source of a publication
    date: used only when the record, the page and the text give none.
    """
    match = _NAME_DATE.search(name)
    if match is None:
        return None
    return _checked(int(match["y"]), int(match["m"]), int(match["d"]))


def parse_date(value: str, year: int | None = None, order: str | None = None) -> str | None:
    """Parse one written date strictly into ``YYYY-MM-DD``.

    Accepts "May 23, 2023", "23 May 2023", "Jun 2, 2023", "Tue 23 May 2023",
    "23.05.2023", "2023-05-23" (English or Russian month names). A date without a
    year ("May 23") is completed only with the ``year`` given, never guessed. A
    numeric date with slashes ("07/06/2025") is read only when it is unambiguous (a
    part above 12, or day = month) or when ``order`` (``"dmy"``/``"mdy"``, see
    :func:`numeric_order`) says how the page writes dates.
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
    if match["numeric"]:
        first, second, yr = (int(part) for part in re.split(r"[/-]", text))
        order = _order_of(first, second) or order
        if order is None:
            return None
        return _checked(yr, first, second) if order == "mdy" else _checked(yr, second, first)
    return _dateparser(text)


def numeric_order(text: str, url: str | None = None, lang: str | None = None) -> str | None:
    """How a page writes numeric dates: ``"dmy"``, ``"mdy"`` or ``None`` (unknown).

    Fixed by the page's own numeric dates when one of them has a part above 12 (and
    none says the opposite), else by the publisher's country (the URL's country-code
    domain), the region of the page's declared language (``lang="en-GB"``) or a
    language that writes only day-month ("ru"), from ``furniture.yaml``
    (``metadata.numeric_dates``). Never guessed otherwise.
    """
    orders = {_order_of(int(m[1]), int(m[3])) for m in _NUMERIC.finditer(text)} - {None}
    if orders:
        return orders.pop() if len(orders) == 1 else None
    vocab = furniture_vocab()["metadata"].get("numeric_dates") or {}
    host = host_publisher(url) or ""
    region = lang.replace("_", "-").split("-") if lang else []
    for country in (
        host.rsplit(".", 1)[-1] if "." in host else "",
        region[1].lower() if len(region) > 1 and len(region[1]) == 2 else "",
    ):
        for order in ("dmy", "mdy"):
            if country and country in vocab.get(f"{order}_countries", ()):
                return order
    if detect_language(text) in vocab.get("dmy_languages", ()):
        return "dmy"
    return None


def _order_of(first: int, second: int) -> str | None:
    """The order a numeric date's two first parts fix by themselves, if any."""
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first or first == second:
        return "mdy"  # day = month reads the same either way
    return None


def find_date(
    text: str, year: int | None = None, order: str | None = None
) -> tuple[str | None, str]:
    """Find the first date at the start of ``text``; return it and the rest of the text.

    ``order`` reads an ambiguous numeric date (see :func:`parse_date`).
    """
    body = _WEEKDAY_HEAD.sub("", text.strip())
    for match in _DATE_SHAPES.finditer(body):
        if body[: match.start()].strip(" ,·•|-"):
            break
        parsed = parse_date(match.group(0), order=order)
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
    text: str,
    *,
    url: str | None = None,
    known_years: set[int] | None = None,
    lang: str | None = None,
) -> tuple[str, TextMeta]:
    """Read dates and publisher from ``text``; drop the lines that are pure metadata.

    ``text`` is normalised text (one paragraph per line). Returns the text without
    byline, date and reading-time lines, and what they said. A line with a cue
    ("Published", "Updated", a byline, a reading time) is read anywhere; a line that
    is only a date (with weekday, time, kicker, author or reading time around it)
    only near the top or bottom of the page, never in the body. Datelines opening a
    paragraph ("KYIV, May 23, 2023 (Reuters) - ...") and place-date lines
    ("Vilnius, 5 February 2024") are read but kept. ``lang`` is the page's declared
    language tag, which can fix how it writes numeric dates (see :func:`numeric_order`).
    """
    meta = TextMeta(years=year_hints(text, url) | (known_years or set()))
    order = numeric_order(text, url, lang)
    published: list[str] = []
    updated: list[str] = []
    kept: list[str] = []
    lines = text.split("\n")
    edge = _edge_lines(lines)
    for number, line in enumerate(lines):
        found = _metadata_line(line.strip(), near_edge=number in edge, order=order)
        if found is None or found.keep:
            kept.append(line)
        if found is None:
            continue
        (updated if found.kind == "updated" else published).extend(
            [found.when] if found.when else []
        )
        meta.publisher = meta.publisher or found.publisher
    meta.years |= {int(d[:4]) for d in published + updated}
    dated, agency = _dateline(kept, meta.years)
    meta.publisher = meta.publisher or agency
    meta.published = next(iter(published + ([dated] if dated else []) + updated), None)
    return "\n".join(kept), meta


def first_title_line(text: str) -> str | None:
    """The first line of ``text`` when it looks like a headline, else ``None``.

    A place-date line above the headline ("Vilnius, 5 February 2024") is skipped.
    """
    for line in text.split("\n"):
        line = line.strip()
        if not line or _place_date(line):
            continue
        return line if is_title_like(line) else None
    return None


class _Found(NamedTuple):
    """What one metadata line says; ``keep`` when the line is content too."""

    kind: str  # "published" | "updated"
    when: str | None = None
    publisher: str | None = None
    keep: bool = False


def _edge_lines(lines: list[str]) -> set[int]:
    """Indexes of the first and last non-empty lines, where bare dates are metadata."""
    vocab = furniture_vocab()["metadata"]
    content = [i for i, line in enumerate(lines) if line.strip()]
    head, tail = int(vocab.get("head_lines", 8)), int(vocab.get("tail_lines", 3))
    return set(content[:head]) | set(content[-tail:] if tail else [])


def _metadata_line(
    line: str, *, near_edge: bool = True, order: str | None = None
) -> _Found | None:
    """What ``line`` says when it is pure metadata (or a place-date line), else ``None``.

    A line without a cue word -- only a date, or a date between a kicker, an author
    and a reading time -- counts only ``near_edge`` (top or bottom of the page).
    ``order`` reads numeric dates ("07/06/2025"); when the page does not fix it, an
    ambiguous one leaves the date unknown but the line is still metadata.
    """
    if not line or len(line) > 160:
        return None
    for pattern in _meta_patterns("publisher"):
        match = pattern.fullmatch(line)
        if match and _looks_like_name(match["publisher"]):
            when = find_date(match["date"], order=order)[0] if match["date"] else None
            return _Found("published", when, match["publisher"].strip())
    byline = _byline(line, order)
    if byline is not None:
        return byline
    parts = [part for part in _PARTS.split(_strip_stop(line)) if part]
    read = [_part(part, order) for part in parts]
    if not any(r and r[0] != "time" for r in read):
        return _place_date(line, order) if near_edge else None
    if len(parts) > 1 and not all(r or _is_label(p) for r, p in zip(read, parts, strict=True)):
        return None
    if not near_edge and not any(r and r[0] not in ("date", "time") for r in read):
        return None  # a bare date in the body is not the publication date
    dates = [(kind, when) for kind, when in (r for r in read if r) if when]
    first = next((d for d in dates if d[0] != "updated"), None) or next(iter(dates), None)
    if first is None:
        return _Found("published")
    return _Found("updated" if first[0] == "updated" else "published", first[1])


def _strip_stop(line: str) -> str:
    """``line`` without one closing full stop after a digit ("Updated 12 May 2024.")."""
    return line[:-1] if len(line) > 1 and line.endswith(".") and line[-2].isdigit() else line


def _part(part: str, order: str | None = None) -> tuple[str, str | None] | None:
    """``(kind, date)`` when one part of a metadata line is a date, a dated cue
    ("Published 7 May 2023", "Updated 9:02am") or a reading time, else ``None``.

    A numeric date the page's ``order`` cannot read ("07/06/2025") is a date of
    unknown value: ``(kind, None)``.
    """
    for kind in ("published", "updated", "reading_time"):
        for pattern in _meta_patterns(kind):
            match = pattern.fullmatch(part)
            if match is None:
                continue
            if kind == "reading_time" and not match["date"].strip():
                return kind, None
            when, rest = find_date(match["date"], order=order)
            if when and _is_time_tail(rest):
                return kind, when
            if _unread_numeric(match["date"]) or (
                kind != "reading_time" and _is_time_tail(match["date"])
            ):
                return kind, None  # "Updated 9:02am": a time of the day only
    when, rest = find_date(part, order=order)
    if when and _is_time_tail(rest):
        return "date", when
    if _unread_numeric(part):
        return "date", None
    if any(ch.isdigit() for ch in part) and _is_time_tail(part):
        return "time", None  # "1:12 PM UTC" beside a date
    return None


def _unread_numeric(text: str) -> bool:
    """A numeric date (with only a time after it) whose day-month order is unknown."""
    match = _NUMERIC.match(text.strip())
    return match is not None and _is_time_tail(text.strip()[match.end() :])


def _byline(line: str, order: str | None) -> _Found | None:
    """A byline ("By Jane Doe", "Analysis by Jane Doe, staff reporter | Outlet",
    "By Jane Doe, 12 May 2023", "By Jane Doe - May 12, 2023") and what it says."""
    for pattern in _meta_patterns("byline"):
        match = pattern.fullmatch(line)
        if match is None or not (_looks_like_name(match["author"]) or _is_desk(match["author"])):
            continue
        if match["kicker"] and not is_section_label(match["kicker"]):
            continue
        if match["date"]:  # "by X on 12 May 2023": only a date may follow the name
            read = _part(match["date"], order)
            if not read or read[0] not in ("date", "published"):
                continue
        role = match["role"]
        if _is_role(role):
            return _byline_rest(match["rest"] or match["date"], order)
        read = _part(role, order) if role and not match["rest"] else None
        if read and read[0] in ("date", "published"):
            return _Found("published", read[1])  # "By Jane Doe, 12 May 2023"
    return None


def _is_role(role: str | None) -> bool:
    """No role, a byline role ("staff reporter") or a place/outlet ("Kyiv")."""
    if not role or _looks_like_name(role):
        return True
    pattern = furniture_vocab()["metadata"].get("byline_role")
    if not pattern:
        return False
    # "senior fellow, Example Institute for Eastern Studies": a role, then its employer
    head, *employers = [piece.strip() for piece in role.split(",")]
    return re.fullmatch(pattern, head, re.IGNORECASE) is not None and all(
        _looks_like_name(_CONNECTORS.sub(" ", e)) for e in employers
    )


def _is_desk(author: str) -> bool:
    """A byline's desk instead of a person ("our correspondent in Sake")."""
    pattern = furniture_vocab()["metadata"].get("byline_desk")
    return bool(pattern) and re.fullmatch(pattern, author.strip(), re.IGNORECASE) is not None


def _is_label(part: str) -> bool:
    """A kicker, section or author name between the parts of a metadata line, a
    byline ("Analysis by Jane Doe") or an author with a role ("Jane Doe, senior
    fellow, Example Institute")."""
    if len(part.split()) <= 5 and (_looks_like_name(part) or is_section_label(part)):
        return True
    if any(p.fullmatch(part.strip()) for p in _meta_patterns("line_labels")):
        return True  # "Issue 212", "editorial office"
    if _byline(part, None) is not None:
        return True
    name, _, role = part.partition(",")
    return bool(role) and _looks_like_name(name) and _is_role(role)


def _place_date(line: str, order: str | None = None) -> _Found | None:
    """A place heading its own date line ("Vilnius, 5 February 2024"); kept as content."""
    match = re.fullmatch(furniture_vocab()["metadata"]["place_date"], line)
    if match is None:
        return None
    when, rest = find_date(match["date"], order=order)
    return _Found("published", when, keep=True) if when and _is_time_tail(rest) else None


def _byline_rest(rest: str | None, order: str | None = None) -> _Found:
    """Date and outlet from the parts after a byline ("By X | Outlet | May 2, 2023")."""
    when: str | None = None
    publisher: str | None = None
    for part in _PARTS.split(rest or ""):
        read = _part(part, order)
        if read:
            when = when or read[1]
        elif publisher is None and _looks_like_name(part):
            publisher = part.strip()
    return _Found("published", when, publisher)


def _dateline(lines: list[str], years: set[int]) -> tuple[str | None, str | None]:
    """Date and agency of a wire dateline opening one of the first paragraphs.

    A dateline without a year ("WARSAW, Nov 20 (Wire) -") takes the one year the
    page states for itself (copyright, dated URL, another date line) or, failing
    that, the one year the text gives the same month ("in November 2023").
    """
    vocab = furniture_vocab()["metadata"]
    patterns = [re.compile(vocab[key]) for key in ("dateline", "dateline_place") if vocab.get(key)]
    paragraphs = [line.strip() for line in lines if line.strip()][:6]
    for paragraph in paragraphs:
        match = next((m for m in (p.match(paragraph) for p in patterns) if m), None)
        if match and (match["date"] or match["agency"]):
            when = None
            if match["date"]:
                when = parse_date(match["date"])
                year = _single(years) or _single(_month_years(match["date"], "\n".join(lines)))
                when = when or parse_date(match["date"], year=year)
            return when, match["agency"].strip() if match["agency"] else None
    return None, None


def _month_years(day_month: str, text: str) -> set[int]:
    """Years the text writes after the month of ``day_month`` ("Nov 20" -> "November 2023")."""
    probe = parse_date(day_month, year=2000)
    if probe is None:
        return set()
    month = probe[5:7]
    years: set[int] = set()
    for found in _MONTH_YEAR.finditer(text):
        parsed = parse_date(f"1 {found['month']} {found['year']}")
        if parsed and parsed[5:7] == month:
            years.add(int(found["year"]))
    return years


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
