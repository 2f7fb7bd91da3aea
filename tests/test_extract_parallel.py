"""Batching and worker processes of ``factmap.extract.extract_documents``; the ingest
benchmark's time accounting."""

from __future__ import annotations

import multiprocessing

import pytest
import spacy

from factmap.extract import _batches, extract_documents
from factmap.model import Document, Extraction, Mention

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="worker processes need fork"
)


def _doc(i: int, text: str = "", lang: str = "en") -> Document:
    return Document(id=f"d{i:02d}", source=f"d{i:02d}.txt", sha256=str(i), text=text or f"Text {i}.", lang=lang)


def _outcome(pairs: list[tuple[Document, Extraction | Exception]]) -> list[tuple[str, object]]:
    """Comparable results: the extraction, or the exception's type and message."""
    return [
        (d.id, (type(r).__name__, str(r)) if isinstance(r, Exception) else r) for d, r in pairs
    ]


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_extract_batches_russian_alone_in_arrival_order():
    docs = [_doc(0), _doc(1, lang="ru"), _doc(2), _doc(3), _doc(4)]
    got = [[d.id for d in b] for b in _batches(docs, 2)]
    assert got == [["d01"], ["d00", "d02"], ["d03", "d04"]]


def test_extract_batches_empty_input_gives_no_batch():
    assert list(_batches([], 32)) == []


@needs_fork
def test_extract_parallel_same_results_and_order_as_serial(blank_nlp):
    # a blank pipeline has no parser or tagger: every English document fails the same
    # way in both modes, the Russian one is read by the Russian rules
    docs = [_doc(i, lang="ru" if i == 3 else "en", text="Москва. Киев." if i == 3 else "") for i in range(9)]
    serial = _outcome(list(extract_documents(docs, blank_nlp, batch_size=2)))
    parallel = _outcome(list(extract_documents(docs, blank_nlp, batch_size=2, n_process=2)))
    assert parallel == serial
    # the Russian document does not wait for the half-full English batch (d02)
    assert [d for d, _r in serial] == ["d00", "d01", "d03", "d02", "d04", "d05", "d06", "d07", "d08"]


@needs_fork
def test_extract_parallel_failure_stays_with_its_document(blank_nlp, monkeypatch):
    import factmap.extract as ex

    def fake(sdoc, doc):  # inherited by the forked workers
        if "BOOM" in doc.text:
            raise ValueError(f"cannot read {doc.id}")
        return Extraction(doc=doc.id, mentions=[Mention(doc.id, 0, 4, doc.text[:4], "organization", "rule:test")])

    monkeypatch.setattr(ex, "extract_document", fake)
    docs = [_doc(i, text="BOOM here." if i == 5 else f"Text {i}.") for i in range(7)]
    got = list(extract_documents(docs, blank_nlp, batch_size=2, n_process=2))
    assert [d.id for d, _r in got] == [d.id for d in docs]
    bad = [(d.id, str(r)) for d, r in got if isinstance(r, Exception)]
    assert bad == [("d05", "cannot read d05")]
    assert all(r.mentions[0].text == d.text[:4] for d, r in got if not isinstance(r, Exception))


def test_extract_parallel_one_batch_stays_in_process(blank_nlp, monkeypatch):
    import factmap.extract as ex

    monkeypatch.setattr(ex, "ProcessPoolExecutor", None)  # would fail if a pool were made
    docs = [_doc(i) for i in range(3)]
    got = list(extract_documents(docs, blank_nlp, batch_size=8, n_process=2))
    assert [d.id for d, _r in got] == ["d00", "d01", "d02"]


def test_benchmarks_ingest_speed_nested_pipe_counted_once(monkeypatch):
    import benchmarks.ingest_speed as bench

    clock = [0.0]
    monkeypatch.setattr(bench.time, "perf_counter", lambda: clock[0])
    acc: dict[str, float] = {"parse": 0.0}

    def pipe(nested: bool):  # like spaCy's pipe(as_tuples=True), which calls self.pipe again
        if nested:
            yield from timed(False)
            return
        for i in range(3):
            clock[0] += 1.0  # each document takes one second
            yield i

    timed = bench._timed_iter(pipe, acc, "parse")
    assert list(timed(True)) == [0, 1, 2]
    assert acc["parse"] == 3.0


def test_benchmarks_ingest_speed_breakdown_subtracts_nested_stages():
    from benchmarks.ingest_speed import _breakdown

    acc = {"save (keys+signature+store writes)": 5.0, "resolution keys": 1.0, "copy signatures": 0.5,
           "spaCy parse": 10.0, "mentions": 2.0}
    rows = dict(_breakdown(acc, 20.0))
    assert rows["store writes"] == pytest.approx(3.5)
    assert rows["other (reading files, sentences, loop)"] == pytest.approx(3.0)
    assert sum(rows.values()) == pytest.approx(20.0)
