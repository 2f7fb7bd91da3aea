"""Reading inputs: files and folders -> ``SourceRecord`` (or ``IngestFailure``).

One bad input never stops a batch: it becomes one ``IngestFailure`` naming the
file (and line, for JSONL) with a reason that says what to do.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from factmap import settings
from factmap.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    TooLargeError,
)
from factmap.ingest.html import declared_charset
from factmap.model import IngestFailure, SourceFormat, SourceRecord

#: File extensions read, and the format of their content.
FORMATS: dict[str, SourceFormat | None] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": None,  # one record per line; each says whether it holds text or html
}
#: Single-byte encodings tried (in this order of preference) when a file is not UTF-8.
FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_15")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CHAOS = 0.2


def read_inputs(paths: Sequence[str | Path]) -> Iterator[SourceRecord | IngestFailure]:
    """Yield a record per article found in ``paths`` (files or folders), in order.

    Folders are walked recursively in sorted order, skipping hidden files and files
    of unsupported types. A file named explicitly with an unsupported type, a missing
    path, or any file that cannot be read yields an ``IngestFailure`` instead.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_path(child)
        elif not path.exists():
            yield IngestFailure(str(path), "no such file or folder: check the path")
        elif path.suffix.lower() not in FORMATS:
            yield IngestFailure(
                str(path),
                f"unsupported file type {path.suffix or '(none)'!r}: "
                f"give {', '.join(sorted(FORMATS))} files",
            )
        else:
            yield from _read_path(path)


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> str:
    """Decode a text file: BOM (UTF-8/16/32), UTF-8, the page's declared charset,
    then the single-byte encoding charset-normalizer finds most plausible.

    Raises EmptyInputError, BinaryInputError or EncodingError (with what to do).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    source,
                    f"starts with a {codec} byte-order mark but is not {codec} "
                    f"({exc.reason} at byte {exc.start}): re-save it as UTF-8",
                ) from exc
            return _non_empty(text, source)
    if b"\x00" in data:
        raise BinaryInputError(
            source, "binary content (NUL bytes), not a text file: give .txt/.md/.html/.jsonl text"
        )
    try:
        return _non_empty(data.decode("utf-8"), source)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if html and (charset := declared_charset(data)):
        try:
            return _non_empty(data.decode(charset), source)
        except (LookupError, UnicodeDecodeError):
            pass
    if _looks_like_broken_utf8(data):
        raise EncodingError(
            source,
            f"invalid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) in a "
            "file that is otherwise UTF-8: the file is damaged; re-export it as UTF-8",
        )
    return _non_empty(_guess_single_byte(data, source, utf8_error), source)


def record_id(record: dict[str, Any], content: str) -> str:
    """A JSONL record's id: its ``id``, else a hash of its URL, else of its content."""
    if record.get("id") not in (None, ""):
        return str(record["id"])
    if record.get("url"):
        return "u" + hashlib.sha256(str(record["url"]).encode("utf-8")).hexdigest()[:12]
    return "c" + hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


def _walk(folder: Path) -> Iterator[Path]:
    """Supported, non-hidden files under ``folder``, recursively, in sorted order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS:
                yield Path(root) / name


def _read_path(path: Path) -> Iterator[SourceRecord | IngestFailure]:
    """Records of one supported file, or one failure naming it."""
    source = str(path)
    try:
        data = _read_bytes(path)
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(data, source)
            return
        fmt = FORMATS[path.suffix.lower()]
        assert fmt is not None
        text = decode_bytes(data, source, html=fmt == "html")
    except InputError as exc:
        yield IngestFailure(source, exc.reason)
        return
    yield SourceRecord(
        id=path.stem,
        source=source,
        content=text,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing empty and too-large files before reading them."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.MAX_FILE_BYTES:
            raise TooLargeError(
                source,
                f"{size:,} bytes is over the {settings.MAX_FILE_BYTES:,}-byte limit: "
                "split it, or raise FACTMAP_MAX_FILE_BYTES",
            )
        if size == 0:
            raise EmptyInputError(source, "empty file (0 bytes): nothing to ingest")
        with open(path, "rb") as handle:
            return handle.read(settings.MAX_FILE_BYTES + 1)
    except PermissionError as exc:
        raise InputError(
            source,
            f"cannot read the file (permission denied: {exc.strerror}): "
            "check its permissions (chmod u+r)",
        ) from exc
    except OSError as exc:
        raise InputError(
            source, f"cannot read the file ({exc.strerror or exc}): check the path"
        ) from exc


def _read_jsonl(data: bytes, source: str) -> Iterator[SourceRecord | IngestFailure]:
    """One record (or failure) per non-blank line of a JSONL file."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    seen = False
    for number, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.rstrip(b"\r")
        if not raw.strip():
            continue
        seen = True
        where = f"{source}:{number}"
        try:
            yield _jsonl_record(raw, where)
        except InputError as exc:
            yield IngestFailure(where, exc.reason)
    if not seen:
        yield IngestFailure(source, "no records (only blank lines): nothing to ingest")


def _jsonl_record(raw: bytes, where: str) -> SourceRecord:
    """One JSONL line -> SourceRecord; the sha256 is that of the raw line."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise EncodingError(where, "this line is not UTF-8: JSONL must be UTF-8") from exc
    except ValueError as exc:
        raise InputError(where, f"not valid JSON ({exc}): fix or remove this line") from exc
    if not isinstance(record, dict):
        raise InputError(where, 'a JSONL line must be an object {"text": ...} or {"html": ...}')
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        content, fmt = text, "text"
    elif isinstance(html, str) and html.strip():
        content, fmt = html, "html"
    else:
        raise EmptyInputError(where, "the record has neither 'text' nor 'html': add the article")
    return SourceRecord(
        id=record_id(record, content),
        source=where,
        content=content,
        format=fmt,  # type: ignore[arg-type]
        sha256=hashlib.sha256(raw).hexdigest(),
        title=_optional_str(record.get("title")),
        publisher=_optional_str(record.get("publisher")),
        published=_optional_str(record.get("published")),
        url=_optional_str(record.get("url")),
    )


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _non_empty(text: str, source: str) -> str:
    if not text.strip(" \t\r\n\ufeff\u00a0"):
        raise EmptyInputError(source, "no text (only whitespace): nothing to ingest")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\x0c")
    if controls > max(2, len(text) // 100):
        raise BinaryInputError(source, "binary content (control characters), not a text file")
    return text


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Mostly valid multi-byte UTF-8 with a few bad bytes: a damaged UTF-8 file."""
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for ch in decoded if ord(ch) > 127 and ch != "\ufffd")
    return good > 0 and good >= bad


def _guess_single_byte(data: bytes, source: str, utf8_error: UnicodeDecodeError) -> str:
    """Best single-byte decoding per charset-normalizer, preferring FALLBACK_ENCODINGS order."""
    from charset_normalizer import from_bytes

    matches = [
        m for m in from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)) if m.chaos <= _MAX_CHAOS
    ]
    if not matches:
        raise EncodingError(
            source,
            f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no "
            "known encoding explains it: re-save the file as UTF-8",
        )
    least = min(m.chaos for m in matches)
    candidates = [
        encoding
        for match in matches
        if match.chaos <= least + 0.01
        for encoding in match.could_be_from_charset
        if encoding in FALLBACK_ENCODINGS
    ]
    encoding = min(candidates, key=FALLBACK_ENCODINGS.index, default=matches[0].encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return str(matches[0])
