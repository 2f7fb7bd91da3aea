"""Reading files and folders: ids, formats, encodings, and one failure per bad input."""

from __future__ import annotations

import builtins
import hashlib
import json
import time
from pathlib import Path

import pytest

from factmap.ingest import prepare, read_inputs
from factmap.ingest.readers import decode_bytes
from factmap.model import IngestFailure, SourceRecord

ARTICLE = "Volunteers claim raid\n\nThe legion said its fighters crossed the border.\n"
RUSSIAN = "Добровольцы заявили о рейде. Легион сообщил, что бойцы пересекли границу."


def _records(paths):
    items = list(read_inputs(paths))
    return (
        [i for i in items if isinstance(i, SourceRecord)],
        [i for i in items if isinstance(i, IngestFailure)],
    )


def _good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "000_good.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_readers_ids_are_file_stems_and_sha256_of_raw_bytes(tmp_path):
    folder = _good_folder(tmp_path)
    records, failures = _records([folder])
    assert failures == []
    assert [r.id for r in records] == ["000_good"]
    assert records[0].source == str(folder / "000_good.txt")
    assert records[0].sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert records[0].format == "text"


def test_readers_folders_recursive_sorted_hidden_and_unsupported_skipped(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "b.md").write_text("# B\n\nText b.", encoding="utf-8")
    (folder / "a.txt").write_text("Text a.", encoding="utf-8")
    (folder / "sub" / "c.htm").write_text("<p>c</p>", encoding="utf-8")
    (folder / ".secret.txt").write_text("hidden", encoding="utf-8")
    (folder / ".hidden" / "d.txt").write_text("hidden", encoding="utf-8")
    (folder / "README").write_text("not an article", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    records, failures = _records([folder])
    assert failures == []
    assert [(r.id, r.format) for r in records] == [("a", "text"), ("b", "markdown"), ("c", "html")]


def test_readers_explicit_unsupported_file_is_one_failure(tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4")
    good = tmp_path / "ok.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    records, failures = _records([bad, good, tmp_path / "missing.txt"])
    assert [r.id for r in records] == ["ok"]
    assert [f.source for f in failures] == [str(bad), str(tmp_path / "missing.txt")]
    assert ".pdf" in failures[0].reason


def test_readers_jsonl_ids_sources_and_fields(tmp_path):
    lines = [
        {
            "id": "rec1",
            "url": "https://www.example.org/a",
            "title": "T",
            "publisher": "P",
            "published": "2023-05-23",
            "text": "Some text.",
        },
        {"url": "https://example.org/b", "html": "<p>Hi</p>"},
        {"text": "Only content."},
    ]
    raw = [json.dumps(line) for line in lines]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(raw[:2]) + "\n\n" + raw[2] + "\n", encoding="utf-8")
    records, failures = _records([path])
    assert failures == []
    first, second, third = records
    assert (first.id, first.source, first.title, first.publisher, first.published, first.url) == (
        "rec1",
        f"{path}:1",
        "T",
        "P",
        "2023-05-23",
        "https://www.example.org/a",
    )
    assert first.sha256 == hashlib.sha256(raw[0].encode()).hexdigest()
    assert second.id == "u" + hashlib.sha256(b"https://example.org/b").hexdigest()[:12]
    assert second.format == "html" and second.source == f"{path}:2"
    assert third.id == "c" + hashlib.sha256(b"Only content.").hexdigest()[:12]
    assert third.source == f"{path}:4"


def test_readers_reingest_same_bytes_gives_same_record(tmp_path):
    folder = _good_folder(tmp_path)
    assert list(read_inputs([folder])) == list(read_inputs([folder]))


# --- encodings -----------------------------------------------------------------


def test_readers_utf8_bom_is_removed(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    (record,), _ = _records([path])
    assert record.content == ARTICLE


def test_readers_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(RUSSIAN.encode("utf-16"))  # Python writes a BOM
    (record,), failures = _records([path])
    assert failures == [] and record.content == RUSSIAN
    assert prepare(record).lang == "ru"


def test_readers_cp1251_text(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    (record,), failures = _records([path])
    assert failures == [] and record.content == RUSSIAN


def test_readers_koi8r_html_with_meta_charset(tmp_path):
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f"<title>Рейд</title></head><body><article><p>{RUSSIAN}</p></article></body></html>"
    )
    path = tmp_path / "koi.html"
    path.write_bytes(html.encode("koi8-r"))
    (record,), failures = _records([path])
    assert failures == [] and RUSSIAN in record.content
    assert "Легион сообщил" in prepare(record).text


def test_readers_latin1_text_prefers_western_encoding():
    data = "Café in Zürich: a naïve résumé.".encode("latin-1")
    assert decode_bytes(data, "x.txt") == "Café in Zürich: a naïve résumé."


# --- bad inputs: one failure each, the rest of the folder still read -------------


def _bad_inputs(folder: Path) -> dict[str, Path]:
    bad = {
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "broken_utf8": folder / "broken.txt",
        "too_large": folder / "huge.txt",
    }
    bad["empty"].write_bytes(b"")
    bad["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20)
    bad["broken_utf8"].write_bytes("Легион заявил о рейде ".encode() + b"\xff\xfe\x80 more words")
    with open(bad["too_large"], "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return bad


@pytest.mark.parametrize("kind", ["empty", "binary", "broken_utf8", "too_large"])
def test_readers_bad_file_gives_one_failure_and_batch_continues(tmp_path, kind):
    folder = _good_folder(tmp_path)
    bad = _bad_inputs(tmp_path / "reports")
    records, failures = _records([folder])
    assert [r.id for r in records] == ["000_good"]
    assert sorted(f.source for f in failures) == sorted(str(p) for p in bad.values())
    failure = next(f for f in failures if f.source == str(bad[kind]))
    assert failure.reason  # says what is wrong
    expected = {"empty": "empty", "binary": "binary", "broken_utf8": "UTF-8", "too_large": "limit"}[
        kind
    ]
    assert expected in failure.reason


def test_readers_too_large_file_is_refused_without_reading(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        assert Path(file) != huge, "a too-large file must not be opened"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    started = time.perf_counter()
    (failure,) = list(read_inputs([huge]))
    assert time.perf_counter() - started < 1.0
    assert isinstance(failure, IngestFailure) and failure.source == str(huge)


def test_readers_unreadable_file_gives_one_failure(tmp_path, monkeypatch):
    folder = _good_folder(tmp_path)
    locked = folder / "001_locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    real_open = builtins.open

    def denying_open(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denying_open)
    records, failures = _records([folder])
    assert [r.id for r in records] == ["000_good"]
    assert [f.source for f in failures] == [str(locked)]
    assert "permission" in failures[0].reason


def test_readers_jsonl_bad_lines_fail_alone(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "a", "text": "First."}\n'
        "this is not json\n"
        '{"id": "c", "title": "No body"}\n'
        '{"id": "d", "text": "Fourth."}\n',
        encoding="utf-8",
    )
    records, failures = _records([path])
    assert [r.id for r in records] == ["a", "d"]
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:3"]
    assert "JSON" in failures[0].reason
    assert "neither 'text' nor 'html'" in failures[1].reason
