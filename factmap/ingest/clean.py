"""Text cleaning: Unicode normalisation, Markdown stripping, page furniture removal.

Furniture is recognised by general rules read from ``factmap/vocab/furniture.yaml``:
whole-line patterns (navigation, captions and photo credits, pitches, share residue,
ads, reading time, separators, tags, cookie and copyright lines), link blocks (a
"Most read"/"Related" heading and the headline-like lines under it), runs of three
or more headline-like lines, lines in capitals below the headline (links to other
stories), and lines made only of share/follow words. Real
content is protected: the first title line is always kept, sentences (ending in
. ! ? or a quote) are never taken for headlines, and a list introduced by a line
ending in ":" is kept.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from functools import lru_cache
from typing import Any

import yaml

from factmap.errors import ConfigError

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys(
            "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
            "\u2008\u2009\u200a\u205f\u3000\t\x0b\x0c",
            " ",
        ),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", None),
        **dict.fromkeys("\u2028\u2029\x85", "\n"),
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SPACES = re.compile(r" {2,}")
_BLANKS = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"""[.!?;:,](?:["')\]]*)$|["']$""")
_WORD = re.compile(r"[\w'-]+")
_BULLET = re.compile(r"(?:[-*+•▪►–]|\d{1,2}[.)])\s+")


def normalize_text(text: str) -> str:
    """NFC, straight quotes, "-" for dashes, plain spaces, no zero-width characters,
    ``\\n`` line ends, single spaces, stripped lines and at most one blank line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text.translate(_TRANSLATE))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_LINKDEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^(\S.*)\n(?:=+|-+)[ \t]*$", re.MULTILINE)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(
    r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w])"
)
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)[*+][ \t]+", re.MULTILINE)
_MD_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown article: headings, emphasis, links, images and code
    marks removed, their words kept (``[text](url)`` -> ``text``)."""
    text = _MD_LINKDEF.sub("", _MD_IMAGE.sub("", text))
    text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_SETEXT.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EM.sub(lambda m: m.group(1) or m.group(2), text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub(r"\1- ", text)
    return _MD_TAG.sub("", text)


def markdown_title(text: str) -> str | None:
    """The text of the first ``# heading`` of a Markdown article, if any."""
    match = re.search(r"^[ \t]{0,3}#[ \t]+(.*?)[ \t]*#*[ \t]*$", text, re.MULTILINE)
    if not match:
        return None
    title = normalize_text(strip_markdown(match.group(1)))
    return title or None


@lru_cache(maxsize=1)
def furniture_vocab() -> dict[str, Any]:
    """The furniture vocabulary (``factmap/vocab/furniture.yaml``), loaded once."""
    path = importlib.resources.files("factmap.vocab") / "furniture.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"cannot read {path}: {exc}; restore factmap/vocab/furniture.yaml from the repository"
        ) from exc
    if not isinstance(data, dict) or "line_patterns" not in data:
        raise ConfigError(f"{path} has no 'line_patterns': restore it from the repository")
    return data


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], ...], ...]:
    vocab = furniture_vocab()
    return tuple(
        tuple(re.compile(p, re.IGNORECASE) for p in vocab.get(key, ()))
        for key in (
            "line_patterns",
            "caption_credit_patterns",
            "link_block_headings",
            "section_labels",
        )
    )


@lru_cache(maxsize=1)
def _breadcrumb_rule() -> tuple[re.Pattern[str], int, int]:
    rule = furniture_vocab().get("breadcrumb") or {}
    return (
        re.compile(rule.get("separators", r"\s*[|·•»›]\s*|\s+[>/]\s+")),
        int(rule.get("max_part_words", 3)),
        int(rule.get("max_words", 20)),
    )


def is_title_like(line: str, *, allow_question: bool = False) -> bool:
    """A short line that reads like a headline: not a sentence, not quoted speech."""
    line = line.strip()
    words = _WORD.findall(line)
    if not words or len(words) > int(furniture_vocab().get("title_max_words", 20)):
        return False
    if line[:1] in "\"'" and line[-1:] in "\"'":
        return False  # quoted speech
    if line.endswith("?"):
        return allow_question
    return not _SENTENCE_END.search(line)


def has_sentence(text: str) -> bool:
    """Whether ``text`` holds at least one sentence (4+ words, not headline-like)."""
    return any(
        len(_WORD.findall(line)) >= 4 and not is_title_like(line) for line in text.split("\n")
    )


def is_breadcrumb(line: str) -> bool:
    """A navigation line: two or more short parts between separators, no sentence.

    "SITE | News | World", "Home > World > Europe", "Главная / Новости / Война",
    "Local news · Culture". A headline with a kicker ("Analysis | Why the raid
    failed") has a long part and is not a breadcrumb.
    """
    separators, max_part, max_words = _breadcrumb_rule()
    line = line.strip()
    parts = [part.strip() for part in separators.split(line)]
    if len(parts) < 2 or not all(parts) or _SENTENCE_END.search(line):
        return False
    counts = [len(_WORD.findall(part)) for part in parts]
    return (
        all(1 <= n <= max_part for n in counts)
        and sum(counts) <= max_words
        and any(ch.isalpha() for ch in line)
    )


def is_section_label(line: str) -> bool:
    """A kicker or section label ("ANALYSIS", "Live updates", "PRESS RELEASE")."""
    line = line.strip().rstrip(":").strip()
    return bool(line) and any(p.fullmatch(line) for p in _compiled()[3])


def _is_bullet_headline(line: str) -> bool:
    """A bulleted or numbered line that reads like another story's headline."""
    match = _BULLET.match(line.strip())
    if not match:
        return False
    rest = line.strip()[match.end() :]
    return len(_WORD.findall(rest)) >= 2 and is_title_like(rest, allow_question=True)


def is_furniture_line(line: str) -> bool:
    """Whether one (stripped) line is page furniture on its own."""
    line = line.strip()
    if not line:
        return False
    patterns, credits, _, _ = _compiled()
    if any(p.fullmatch(line) for p in patterns):
        return True
    if any(p.search(line) for p in credits):
        return True
    if is_breadcrumb(line):
        return True
    words = _WORD.findall(line.lower())
    furniture_words = set(furniture_vocab().get("furniture_words", ()))
    return bool(words) and all(w in furniture_words or w.isdigit() for w in words)


def is_link_heading(line: str) -> bool:
    """Whether a line is a heading over a block of links ("Most read", "Related:")."""
    line = line.strip().rstrip(":>- ").strip()
    return bool(line) and any(p.fullmatch(line) for p in _compiled()[2])


def remove_furniture(text: str) -> str:
    """Drop page furniture lines from normalised text (one paragraph per line)."""
    lines = text.split("\n")
    keep = [not is_furniture_line(line) for line in lines]
    _drop_header_labels(lines, keep)
    _drop_link_blocks(lines, keep)
    _drop_bullet_runs(lines, keep)
    _drop_headline_runs(lines, keep)
    _drop_shouted_lines(lines, keep)
    kept = [line for line, k in zip(lines, keep, strict=True) if k]
    return _BLANKS.sub("\n\n", "\n".join(kept)).strip("\n")


def _content_indexes(lines: list[str], keep: list[bool]) -> list[int]:
    return [i for i, line in enumerate(lines) if keep[i] and line.strip()]


def is_header_line(line: str) -> bool:
    """A line that may stand above an article's first paragraph (not a sentence)."""
    return is_title_like(line, allow_question=True) or len(_WORD.findall(line)) < 4


def _drop_header_labels(lines: list[str], keep: list[bool]) -> None:
    """Kickers, section labels and mastheads above the headline go.

    The header is the lines before the first paragraph (at most ``header_lines``). A
    line there goes when it is a section label from the vocabulary ("Opinion",
    "PRESS RELEASE"), or -- when a longer headline follows in the header -- a single
    word ("Science"), a short line in capitals ("THE DAILY EXAMPLE") or the line right
    above the site's menu (the site's name: "Centre for Policy Studies").
    """
    vocab = furniture_vocab()
    masthead_words = int(vocab.get("masthead_max_words", 4))
    header = _content_indexes(lines, keep)[: int(vocab.get("header_lines", 8))]
    header = header[: next((n for n, i in enumerate(header) if not is_header_line(lines[i])), None)]
    for n, i in enumerate(header):
        line = lines[i].strip()
        if is_section_label(line):
            keep[i] = False
            continue
        words = _WORD.findall(line)
        later = [lines[j] for j in header[n + 1 :] if keep[j]]
        longer = any(
            is_title_like(other) and len(_WORD.findall(other)) > len(words) for other in later
        )
        shouting = line.upper() == line and any(ch.isalpha() for ch in line)
        short = len(words) == 1 or (shouting and len(words) <= masthead_words)
        if longer and is_title_like(line) and (short or _above_navigation(lines, i)):
            keep[i] = False
        elif is_title_like(line) and len(words) >= 2 and not shouting:
            return  # the headline: what follows it is not a kicker


def is_navigation_bar(line: str) -> bool:
    """A site's menu: a breadcrumb-like line of at least ``navigation_min_parts`` parts
    that are not share buttons ("Home | Research | Commentary | Events")."""
    separators = _breadcrumb_rule()[0]
    parts = [part for part in separators.split(line.strip()) if part.strip()]
    furniture_words = set(furniture_vocab().get("furniture_words", ()))
    buttons = sum(all(w in furniture_words for w in _WORD.findall(p.lower())) for p in parts)
    minimum = int(furniture_vocab().get("navigation_min_parts", 3))
    return is_breadcrumb(line) and len(parts) >= minimum and buttons < len(parts) / 2


def _above_navigation(lines: list[str], i: int) -> bool:
    """Whether the next non-blank line after ``i`` is a site's menu: the line above a
    menu is the site's name (a masthead), not the article's headline."""
    nxt = next((line for line in lines[i + 1 :] if line.strip()), "")
    return is_navigation_bar(nxt)


def _drop_link_blocks(lines: list[str], keep: list[bool]) -> None:
    """A link heading and the headline-like lines right under it go.

    The heading counts even when a line pattern already dropped it ("Read more:").
    """
    in_block = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if is_link_heading(line):
            keep[i], in_block = False, True
        elif not keep[i]:
            continue
        elif in_block and (is_title_like(line, allow_question=True) or _is_bullet_headline(line)):
            keep[i] = False
        else:
            in_block = False


def _drop_bullet_runs(lines: list[str], keep: list[bool]) -> None:
    """Runs of >= 2 bulleted headline-like lines (links to other stories) go.

    A run the article introduces -- after a line ending in ":", under a short
    heading of its own ("Key facts") or after a bulleted item that is a sentence (the
    same list) -- is content and stays.
    """
    indexes = _content_indexes(lines, keep)
    run: list[int] = []
    for pos, i in enumerate([*indexes, -1]):
        if i >= 0 and _is_bullet_headline(lines[i]):
            run.append(i)
            continue
        if len(run) >= 2:
            before = indexes[pos - len(run) - 1] if pos - len(run) >= 1 else None
            previous = lines[before].strip() if before is not None else ""
            introduced = (
                previous.endswith(":")
                or bool(previous and is_title_like(previous) and not _BULLET.match(previous))
                or bool(_BULLET.match(previous))  # the list goes on from an item of content
            )
            if not introduced:
                for j in run:
                    keep[j] = False
        run = []


def _drop_headline_runs(lines: list[str], keep: list[bool]) -> None:
    """Runs of >= ``headline_run_min`` headline-like lines (other stories) go.

    The first content line (the article's own headline) is never part of a run, a
    run that follows a line ending in ":" (or goes on with the bullets of a list whose
    item before it is a sentence) is a list the article introduces, and lines
    with a comma ("Jane Doe, Honorary Consul") are signatures or captions, not links.
    """
    minimum = int(furniture_vocab().get("headline_run_min", 3))
    indexes = _content_indexes(lines, keep)[1:]
    run: list[int] = []
    introduced = False
    previous = ""
    for i in [*indexes, -1]:
        if i >= 0 and is_title_like(lines[i]) and ", " not in lines[i]:
            if not run:
                introduced = previous.rstrip().endswith(":") or bool(
                    _BULLET.match(previous.strip()) and _BULLET.match(lines[i].strip())
                )
            run.append(i)
        else:
            if len(run) >= minimum and not introduced:
                for j in run:
                    keep[j] = False
            run = []
        previous = lines[i] if i >= 0 else ""


def is_shouted(line: str) -> bool:
    """A line in capitals with at least ``shouted_min_words`` words ("POPE FRANCIS
    PREACHES ON FRAILTY AMID HEALTH CONCERNS"): a link to another story."""
    letters = [ch for ch in line if ch.isalpha()]
    minimum = int(furniture_vocab().get("shouted_min_words", 4))
    return (
        len(_WORD.findall(line)) >= minimum
        and len(letters) >= 12
        and all(ch.isupper() for ch in letters)
    )


def _drop_shouted_lines(lines: list[str], keep: list[bool]) -> None:
    """Lines in capitals after the first content line (the page's headline) go."""
    for i in _content_indexes(lines, keep)[1:]:
        if is_shouted(lines[i]):
            keep[i] = False
