"""Pure helpers of benchmarks.resolution_context (no torch, no splink, no spaCy)."""

from __future__ import annotations

import pytest

from benchmarks.resolution_context import (
    PairSignal,
    auc,
    best_thresholds,
    cooccurrence_similarity,
    cosine,
    embed_groups,
    mask_spans,
    mean_vector,
    settle,
    sweep,
)


def test_benchmarks_context_cooccurrence_is_jaccard() -> None:
    assert cooccurrence_similarity({1, 2, 3}, {2, 3, 4}) == pytest.approx(2 / 4)
    assert cooccurrence_similarity({1, 2}, {1, 2}) == 1.0
    assert cooccurrence_similarity({1}, {2}) == 0.0


def test_benchmarks_context_cooccurrence_without_context_is_zero() -> None:
    assert cooccurrence_similarity(set(), set()) == 0.0
    assert cooccurrence_similarity(set(), {1}) == 0.0


def test_benchmarks_context_cosine_and_mean() -> None:
    assert cosine([1.0, 0.0], [2.0, 0.0]) == pytest.approx(1.0)
    assert cosine([1.0, 0.0], [0.0, 3.0]) == pytest.approx(0.0)
    assert cosine([], []) == 0.0
    assert mean_vector([[1.0, 2.0], [3.0, 4.0]]) == [2.0, 3.0]
    assert mean_vector([]) == []


def test_benchmarks_context_mask_spans_uses_document_offsets() -> None:
    doc = "Intro. The Georgian Legion fought near Kherson with the Legion."
    start = doc.index("The")
    sentence = doc[start:]
    spans = [(doc.index("Georgian"), doc.index(" fought")), (doc.rindex("Legion"), doc.rindex("Legion") + 6)]
    assert mask_spans(sentence, start, spans, "X") == "The X fought near Kherson with the X."
    assert mask_spans(sentence, start, [(0, 5)], "X") == sentence  # outside the sentence: ignored


def test_benchmarks_context_embed_groups_encodes_each_text_once() -> None:
    calls: list[list[str]] = []

    def encode(texts: list[str]) -> list[list[float]]:
        calls.append(texts)
        return [[float(len(t)), 1.0] for t in texts]

    out = embed_groups({"a": ["xx", "xxxx"], "b": ["xx"]}, encode)
    assert calls == [["xx", "xxxx"]]
    assert out == {"a": [3.0, 1.0], "b": [2.0, 1.0]}


def test_benchmarks_context_auc_counts_ties_half() -> None:
    perfect = [PairSignal(0.9, True), PairSignal(0.8, True), PairSignal(0.1, False)]
    assert auc(perfect) == 1.0
    assert auc([PairSignal(0.5, True), PairSignal(0.5, False)]) == 0.5
    assert auc([PairSignal(0.2, True), PairSignal(0.7, False)]) == 0.0
    assert auc([PairSignal(0.2, True)]) is None


def test_benchmarks_context_sweep_precision_recall() -> None:
    scored = [PairSignal(0.9, True), PairSignal(0.6, False), PairSignal(0.5, True), PairSignal(0.1, False)]
    rows = {r["threshold"]: r for r in sweep(scored, [0.5, 0.8, 0.95])}
    assert (rows[0.5]["tp"], rows[0.5]["fp"]) == (2, 1)
    assert rows[0.5]["precision"] == pytest.approx(2 / 3) and rows[0.5]["recall"] == 1.0
    assert rows[0.8]["precision"] == 1.0 and rows[0.8]["recall"] == 0.5
    assert rows[0.95]["precision"] is None


def test_benchmarks_context_settle_counts_each_outcome() -> None:
    scored = [PairSignal(0.9, True), PairSignal(0.8, False), PairSignal(0.5, True),
              PairSignal(0.1, False), PairSignal(0.05, True)]
    s = settle(scored, lo=0.1, hi=0.8)
    assert (s.same_right, s.same_wrong, s.diff_right, s.diff_wrong, s.left) == (1, 1, 1, 1, 1)
    assert s.settled == 4 and s.precision == 0.5
    assert settle(scored, None, None).left == 5


def test_benchmarks_context_best_thresholds_need_two_pairs_and_target() -> None:
    scored = [PairSignal(0.9, True), PairSignal(0.85, True), PairSignal(0.6, False),
              PairSignal(0.2, False), PairSignal(0.1, False)]
    lo, hi = best_thresholds(scored, target=0.95)
    assert hi == 0.85  # 0.6 would let a false pair in
    assert lo == 0.6  # everything at or below 0.6 is different
    assert settle(scored, lo, hi).precision == 1.0
    # one pair is never enough to set a threshold
    assert best_thresholds([PairSignal(0.9, True), PairSignal(0.1, False)]) == (None, None)


def test_benchmarks_context_best_thresholds_never_decide_every_pair() -> None:
    scored = [PairSignal(0.1, True), PairSignal(0.2, True), PairSignal(0.3, True)]
    lo, hi = best_thresholds(scored)
    assert hi == 0.2  # 0.1 would merge all three whatever the signal says
    assert lo is None
