"""Scoring helpers shared by the quality benchmarks: counts, P/R/F1, fact sets, tables.

Everything here is pure and small so that ``tests/test_benchmarks_scoring.py`` can
check the arithmetic on hand-made inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from factmap.model import SYMMETRIC_PREDICATES

__all__ = [
    "SCORE_HEADERS",
    "Fact",
    "Scores",
    "counts",
    "fact",
    "format_table",
    "per_predicate",
    "prf",
    "score_sets",
    "scores_json",
    "scores_row",
]

#: A relation fact: (subject, predicate, object), subject/object as canonical names or ids.
Fact = tuple[str, str, str]


def f1(p: float | None, r: float | None) -> float | None:
    """Harmonic mean of precision and recall; None when either is undefined."""
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True, slots=True)
class Scores:
    """True positives, predicted and gold counts, and the precision/recall/F1 they give.

    An empty denominator gives ``None`` (not 0): "nothing predicted" is not "all wrong".
    """

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float | None:
        return self.tp / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)

    def as_dict(self) -> dict[str, Any]:
        """Counts and rates (rounded to 4 places) for a JSON report."""
        out: dict[str, Any] = asdict(self)
        for name in ("precision", "recall", "f1"):
            value = getattr(self, name)
            out[name] = None if value is None else round(value, 4)
        return out


def prf(tp: int, n_pred: int, n_gold: int) -> Scores:
    """Scores from counts; raises ValueError when ``tp`` exceeds either count."""
    if tp < 0 or tp > n_pred or tp > n_gold:
        raise ValueError(f"tp={tp} must be between 0 and min(n_pred={n_pred}, n_gold={n_gold})")
    return Scores(tp, n_pred, n_gold)


def counts(items: Iterable[Scores]) -> Scores:
    """Micro sum of several scores (add up the counts, then divide)."""
    total = Scores(0, 0, 0)
    for s in items:
        total = total + s
    return total


def fact(subject: str, predicate: str, obj: str) -> Fact:
    """A fact in canonical form: symmetric predicates (allied_with, rival_of) are ordered."""
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate, obj)


def score_sets(pred: Iterable[Any], gold: Iterable[Any]) -> Scores:
    """Scores of a predicted set against a gold set (duplicates collapse)."""
    p, g = set(pred), set(gold)
    return Scores(len(p & g), len(p), len(g))


def per_predicate(pred: Iterable[Fact], gold: Iterable[Fact]) -> dict[str, Scores]:
    """Scores per predicate of two fact sets (predicates present on either side)."""
    p, g = set(pred), set(gold)
    names = sorted({f[1] for f in p | g})
    return {name: score_sets((f for f in p if f[1] == name), (f for f in g if f[1] == name)) for name in names}


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        parts = [v.ljust(widths[0]) if i == 0 else v.rjust(widths[i]) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def scores_row(label: str, s: Scores) -> list[Any]:
    """A table row: label, P, R, F1, tp, predicted, gold."""
    return [label, s.precision, s.recall, s.f1, s.tp, s.n_pred, s.n_gold]


SCORE_HEADERS = ("", "P", "R", "F1", "tp", "pred", "gold")


def scores_json(scores: Mapping[str, Scores]) -> dict[str, dict[str, Any]]:
    """A mapping of scores as JSON-ready dicts."""
    return {k: v.as_dict() for k, v in scores.items()}
