"""Quality of entity resolution on the sample corpus, against the gold entity labels.

Run: ``.venv/bin/python -m benchmarks.resolution [--split dev|heldout|all] [--json FILE] [--verbose]``

``examples/corpus`` is ingested into a fresh in-memory store. Each gold mention of
``examples/gold/<doc id>.yaml`` is paired with a predicted mention by
``benchmarks.quality.match_mentions``; the *items* are the paired gold mentions, each
with a gold cluster (its ``entity``, the canonical name) and a predicted cluster (the id
of the exported entity holding the paired predicted mention). Gold mentions left
unpaired are counted (mention recall is extraction's job, not resolution's) and left
out. Reported per split and overall:

* pairwise precision / recall / F1 over all pairs of items (a pair is positive when
  both items share a gold entity, predicted positive when they share a predicted one);
* B-cubed precision / recall / F1 (per item, averaged);
* wrong merges of distinct organizations: predicted entities holding items of two or
  more gold entities whose gold type is ``organization`` (target 0);
* with ``--verbose``: those wrong merges, the largest false merges and the largest
  missed merges (a gold entity split over several predicted entities), with names.

The clustering helpers (:func:`pairwise`, :func:`bcubed`, :func:`wrong_merges`, ...)
take plain ``item -> label`` mappings and are tested on hand-made clusterings.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import Scores, f1
from benchmarks.quality import (
    CORPUS,
    DATASETS,
    GOLD,
    SPLITS,
    GoldDoc,
    PredMention,
    corpus_arguments,
    match_mentions,
    predict,
)
from factmap.errors import ConfigError

__all__ = [
    "BCubed",
    "Item",
    "Merge",
    "bcubed",
    "clusters",
    "evaluate",
    "false_merges",
    "main",
    "match_items",
    "missed_merges",
    "pairwise",
    "run",
    "summarize",
    "wrong_merges",
]

#: Gold type whose distinct entities must never end up in one predicted entity.
ORGANIZATION = "organization"


# --------------------------------------------------------------------------- clustering scores


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _contingency(
    gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]
) -> tuple[Counter[tuple[Any, Any]], Counter[Any], Counter[Any]]:
    """How many items share each (gold label, predicted label), and the sizes of the gold
    and of the predicted clusters; only items in both mappings."""
    table = Counter((gold[k], pred[k]) for k in gold if k in pred)
    g_sizes: Counter[Any] = Counter()
    p_sizes: Counter[Any] = Counter()
    for (g, p), n in table.items():
        g_sizes[g] += n
        p_sizes[p] += n
    return table, g_sizes, p_sizes


def pairwise(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> Scores:
    """Pairwise scores of a clustering: ``tp`` pairs in one gold and one predicted cluster,
    ``n_pred`` pairs in one predicted cluster, ``n_gold`` pairs in one gold cluster.

    Both mappings go from item to cluster label; only items in both count. Computed from
    cluster sizes (linear in the number of items), never by listing the pairs. An
    all-singleton prediction has no predicted pairs, so its precision is ``None``.
    """
    table, g_sizes, p_sizes = _contingency(gold, pred)
    return Scores(
        tp=sum(_pairs(n) for n in table.values()),
        n_pred=sum(_pairs(n) for n in p_sizes.values()),
        n_gold=sum(_pairs(n) for n in g_sizes.values()),
    )


@dataclass(frozen=True, slots=True)
class BCubed:
    """B-cubed precision and recall (means over items) and their F1; ``None`` when no items."""

    precision: float | None
    recall: float | None
    items: int

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict[str, Any]:
        return {"precision": _round(self.precision), "recall": _round(self.recall), "f1": _round(self.f1),
                "items": self.items}


def bcubed(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> BCubed:
    """B-cubed scores: per item, the share of its predicted cluster in its gold cluster
    (precision) and of its gold cluster in its predicted cluster (recall), averaged.

    Items in both mappings only; computed from the contingency table of cluster sizes.
    """
    table, g_sizes, p_sizes = _contingency(gold, pred)
    total = sum(table.values())
    if not total:
        return BCubed(None, None, 0)
    precision = sum(n * n / p_sizes[p] for (_, p), n in table.items()) / total
    recall = sum(n * n / g_sizes[g] for (g, _), n in table.items()) / total
    return BCubed(precision, recall, total)


def clusters(labels: Mapping[Hashable, Hashable]) -> dict[Any, list[Any]]:
    """Items grouped by label (items sorted within each group when they can be)."""
    out: dict[Any, list[Any]] = defaultdict(list)
    for item, label in labels.items():
        out[label].append(item)
    return {k: sorted(v, key=repr) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class Merge:
    """One cluster of one side holding several clusters of the other side.

    ``cluster`` is the label on the first side; ``parts`` gives, for each label on the
    other side, how many items of ``cluster`` it holds (largest first).
    """

    cluster: Any
    parts: tuple[tuple[Any, int], ...]

    @property
    def size(self) -> int:
        return sum(n for _, n in self.parts)


def _merges(outer: Mapping[Hashable, Hashable], inner: Mapping[Hashable, Hashable]) -> list[Merge]:
    """Clusters of ``outer`` that hold items of two or more ``inner`` clusters, largest first."""
    parts: dict[Any, Counter[Any]] = defaultdict(Counter)
    for item, label in outer.items():
        if item in inner:
            parts[label][inner[item]] += 1
    out = [
        Merge(label, tuple(sorted(c.items(), key=lambda kv: (-kv[1], repr(kv[0])))))
        for label, c in parts.items()
        if len(c) > 1
    ]
    return sorted(out, key=lambda m: (-m.size, -len(m.parts), repr(m.cluster)))


def false_merges(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> list[Merge]:
    """Predicted clusters holding items of several gold clusters (parts = gold labels), largest first."""
    return _merges(pred, gold)


def missed_merges(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> list[Merge]:
    """Gold clusters split over several predicted clusters (parts = predicted labels), largest first."""
    return _merges(gold, pred)


def wrong_merges(
    gold: Mapping[Hashable, Hashable],
    pred: Mapping[Hashable, Hashable],
    types: Mapping[Hashable, str],
    kind: str = ORGANIZATION,
) -> list[Merge]:
    """Predicted clusters holding items of two or more distinct gold entities of type ``kind``.

    ``types`` gives each item's gold type; only items of that type are counted in the
    parts, so an organization merged with a place it is named after is not counted here
    (it is a false merge all the same).
    """
    of_kind = {k: v for k, v in gold.items() if types.get(k) == kind}
    return _merges(pred, of_kind)


# --------------------------------------------------------------------------- items


@dataclass(frozen=True, slots=True)
class Item:
    """A gold mention paired with a predicted mention."""

    doc: str
    index: int  # position of the gold mention in its gold file
    gold_entity: str
    gold_type: str
    text: str  # the gold mention's text
    pred_entity: str
    pred_text: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc, self.index)


@dataclass(slots=True)
class DocItems:
    """The paired items of one document and how many gold mentions were not paired."""

    doc: str
    split: str
    items: list[Item] = field(default_factory=list)
    n_gold: int = 0
    missing: bool = False


def match_items(gold: GoldDoc, text: str | None, pred: Sequence[PredMention]) -> DocItems:
    """Pair the gold mentions of one document with its predicted mentions (quality's matcher)."""
    out = DocItems(gold.doc, gold.split, n_gold=len(gold.mentions))
    if text is None:
        out.missing = True
        return out
    match = match_mentions(text, gold.mentions, pred)
    for gi, pi in sorted(match.pairs.items()):
        g, p = gold.mentions[gi], pred[pi]
        out.items.append(Item(gold.doc, gi, g.entity, g.type, g.text, p.entity, p.text))
    return out


def evaluate(
    gold: Mapping[str, GoldDoc], texts: Mapping[str, str], mentions: Sequence[PredMention]
) -> list[DocItems]:
    """Paired items of every gold document (sorted by document id)."""
    by_doc: dict[str, list[PredMention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc].append(m)
    return [match_items(g, texts.get(d), by_doc.get(d, [])) for d, g in sorted(gold.items())]


# --------------------------------------------------------------------------- summaries


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _cell_texts(items: Sequence[Item]) -> dict[tuple[str, str], dict[str, Counter[str]]]:
    """For each (predicted entity, gold entity): the gold texts and the predicted texts of its items."""
    out: dict[tuple[str, str], dict[str, Counter[str]]] = defaultdict(lambda: {"gold": Counter(), "pred": Counter()})
    for it in items:
        cell = out[(it.pred_entity, it.gold_entity)]
        cell["gold"][it.text] += 1
        cell["pred"][it.pred_text] += 1
    return out


def _merge_json(m: Merge, texts: Mapping[tuple[str, str], dict[str, Counter[str]]], outer: str) -> dict[str, Any]:
    """A merge with, for each part, the texts its items have (gold texts for a predicted
    cluster's gold parts, predicted texts for a gold cluster's predicted parts)."""

    def cell(label: Any) -> dict[str, Counter[str]]:
        key = (m.cluster, label) if outer == "pred" else (label, m.cluster)
        return texts.get(key, {"gold": Counter(), "pred": Counter()})

    side = "gold" if outer == "pred" else "pred"
    out: dict[str, Any] = {
        "cluster": m.cluster,
        "size": m.size,
        "parts": [{"label": label, "items": n, "names": sorted(cell(label)[side])} for label, n in m.parts],
    }
    if outer == "pred":
        out["names"] = sorted({t for label, _ in m.parts for t in cell(label)["pred"]})
    return out


def summarize(docs: Sequence[DocItems], top: int = 10) -> dict[str, Any]:
    """All numbers of a set of documents (a split or the whole corpus) as a JSON-ready dict."""
    items = [it for d in docs for it in d.items]
    gold = {it.key: it.gold_entity for it in items}
    pred = {it.key: it.pred_entity for it in items}
    types = {it.key: it.gold_type for it in items}
    n_gold = sum(d.n_gold for d in docs)
    pw = pairwise(gold, pred)
    b3 = bcubed(gold, pred)
    wrong = wrong_merges(gold, pred, types)
    false = false_merges(gold, pred)
    missed = missed_merges(gold, pred)
    texts = _cell_texts(items)
    return {
        "documents": len(docs),
        "missing_documents": [d.doc for d in docs if d.missing],
        "mentions": {
            "gold": n_gold, "paired": len(items), "unpaired": n_gold - len(items),
            "recall": _round(len(items) / n_gold if n_gold else None),
        },
        "gold_entities": len(set(gold.values())),
        "predicted_entities": len(set(pred.values())),
        "pairwise": pw.as_dict(),
        "bcubed": b3.as_dict(),
        "wrong_org_merges": len(wrong),
        "wrong_org_merge_list": [_merge_json(m, texts, "pred") for m in wrong],
        "false_merges": len(false),
        "largest_false_merges": [_merge_json(m, texts, "pred") for m in false[:top]],
        "missed_merges": len(missed),
        "largest_missed_merges": [_merge_json(m, texts, "gold") for m in missed[:top]],
    }


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def report(name: str, s: dict[str, Any]) -> str:
    """One split's numbers as a readable block."""
    m, pw, b3 = s["mentions"], s["pairwise"], s["bcubed"]
    return "\n".join([
        f"== {name}: {s['documents']} documents"
        + (f" (missing from the store: {', '.join(s['missing_documents'])})" if s["missing_documents"] else ""),
        f"mentions paired {m['paired']} of {m['gold']} gold (recall {_fmt(m['recall'])}; "
        f"{m['unpaired']} unpaired, not scored); gold entities {s['gold_entities']}, "
        f"predicted entities {s['predicted_entities']}",
        f"pairwise  P {_fmt(pw['precision'])}  R {_fmt(pw['recall'])}  F1 {_fmt(pw['f1'])}  "
        f"(pairs: tp {pw['tp']}, predicted {pw['n_pred']}, gold {pw['n_gold']})",
        f"B-cubed   P {_fmt(b3['precision'])}  R {_fmt(b3['recall'])}  F1 {_fmt(b3['f1'])}",
        f"wrong merges of distinct organizations: {s['wrong_org_merges']} (target 0); "
        f"false merges {s['false_merges']}; missed merges {s['missed_merges']}",
    ])


def _parts_line(parts: list[dict[str, Any]]) -> str:
    return "; ".join(f"{p['label']} x{p['items']} {p['names']}" for p in parts)


def details(s: dict[str, Any]) -> str:
    """Wrong merges, largest false merges and largest missed merges, with their names."""
    lines = ["wrong merges of distinct organizations:"]
    lines += [f"  {w['cluster']} {w['names']}: {_parts_line(w['parts'])}" for w in s["wrong_org_merge_list"]] or ["  none"]
    lines.append("largest false merges (predicted entity: gold entities x items [gold texts]):")
    lines += [f"  {w['cluster']} {w['names']}: {_parts_line(w['parts'])}" for w in s["largest_false_merges"]] or ["  none"]
    lines.append("largest missed merges (gold entity: predicted entities x items [predicted texts]):")
    lines += [f"  {w['cluster']!r}: {_parts_line(w['parts'])}" for w in s["largest_missed_merges"]] or ["  none"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- running


def run(corpus: Path = CORPUS, gold_dir: Path = GOLD) -> tuple[list[DocItems], dict[str, Any]]:
    """Ingest ``corpus`` into a fresh in-memory store; paired items per gold document and run info."""
    gold, texts, (mentions, _, _), info = predict(corpus, gold_dir)
    return evaluate(gold, texts, mentions), info


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    args = corpus_arguments("resolution", __doc__, "list wrong, false and missed merges with names").parse_args(argv)
    try:
        docs, info = run(*DATASETS[args.dataset])
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    names = [*SPLITS, "overall"] if args.split == "all" else [args.split]
    out: dict[str, Any] = {"run": info}
    for name in names:
        out[name] = summarize(docs if name == "overall" else [d for d in docs if d.split == name])
    for problem in info["gold_problems"]:
        print(f"gold file skipped: {problem}")
    if info["failed"]:
        print("ingest failures: " + "; ".join(info["failed"]))
    if info["documents_without_gold"]:
        print("documents without gold labels (not scored): " + ", ".join(info["documents_without_gold"]))
    for name in names:
        print(report(name, out[name]))
        if args.verbose:
            print(details(out[name]))
        print()
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
