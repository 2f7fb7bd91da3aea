"""Quality of the whole pipeline on the sample corpus, against hand-written gold labels.

Run: ``.venv/bin/python -m benchmarks.quality [--split dev|heldout|all] [--json FILE] [--verbose]``

``examples/corpus`` is ingested into a fresh in-memory store; the JSON export and the
cleaned texts are compared with ``examples/gold/<doc id>.yaml`` (one file per document:
``furniture``, ``mentions``, ``relations``, ``events``). Reported per split and overall:

* cleaning: gold furniture lines still present in the cleaned texts (target 0);
* mentions: recall of gold mentions, type accuracy of the found ones, precision;
* relations: P/R/F1 of (subject, predicate, object) facts with subject/object mapped
  to gold canonical names, per document and over the corpus (deduplicated);
  negated claims apart;
* events: type P/R/F1 (same type, overlapping evidence), date / place accuracy and
  participant P/R over matched events.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.common import (
    SCORE_HEADERS,
    Fact,
    Scores,
    fact,
    format_table,
    per_predicate,
    score_sets,
    scores_row,
)
from factmap.errors import ConfigError
from factmap.ingest.clean import normalize_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
GOLD = ROOT / "examples" / "gold"
#: labelled corpora: name -> (corpus folder, gold folder)
DATASETS = {
    "sample": (CORPUS, GOLD),
    "dev2": (ROOT / "benchmarks" / "data" / "dev2" / "corpus", ROOT / "benchmarks" / "data" / "dev2" / "gold"),
    # written in session 2 by an engineer who saw neither the code nor the other corpora;
    # its heldout half is for measuring only
    "dev3": (ROOT / "benchmarks" / "data" / "dev3" / "corpus", ROOT / "benchmarks" / "data" / "dev3" / "gold"),
    # two more independent writers, for tuning only (all dev): people and structure; events and places
    "dev4": (ROOT / "benchmarks" / "data" / "dev4" / "corpus", ROOT / "benchmarks" / "data" / "dev4" / "gold"),
    "dev5": (ROOT / "benchmarks" / "data" / "dev5" / "corpus", ROOT / "benchmarks" / "data" / "dev5" / "gold"),
}
SPLITS = ("dev", "heldout")

_WORD = re.compile(r"\w+", re.UNICODE)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class GoldMention:
    text: str
    type: str
    entity: str


@dataclass(frozen=True, slots=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    quote: str = ""
    negated: bool = False


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    quote: str
    date: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()


@dataclass(slots=True)
class GoldDoc:
    """The gold labels of one document."""

    doc: str
    split: str = "dev"
    published: str | None = None
    copies_of: str | None = None
    furniture: list[str] = field(default_factory=list)
    mentions: list[GoldMention] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PredMention:
    doc: str
    start: int
    end: int
    text: str
    type: str
    entity: str


@dataclass(frozen=True, slots=True)
class PredClaim:
    doc: str
    start: int
    end: int
    quote: str
    subject: str
    predicate: str
    object: str
    negated: bool = False


@dataclass(frozen=True, slots=True)
class PredEvent:
    id: str
    doc: str
    start: int
    end: int
    quote: str
    type: str
    date: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()


def _str(value: Any) -> str | None:
    """YAML scalars (dates, years parsed as int) as strings; None stays None."""
    return None if value is None else str(value)


def parse_gold(data: Mapping[str, Any], source: str = "gold") -> GoldDoc:
    """One gold YAML document as a GoldDoc; ConfigError names the missing field."""
    try:
        return GoldDoc(
            doc=str(data["doc"]),
            split=str(data.get("split") or "dev"),
            published=_str(data.get("published")),
            copies_of=_str(data.get("copies_of")),
            furniture=[str(x) for x in data.get("furniture") or []],
            mentions=[GoldMention(str(m["text"]), str(m["type"]), str(m.get("entity") or m["text"]))
                      for m in data.get("mentions") or []],
            relations=[
                GoldRelation(str(r["subject"]), str(r["predicate"]), str(r["object"]),
                             str(r.get("quote") or ""), bool(r.get("negated", False)))
                for r in data.get("relations") or []
            ],
            events=[
                GoldEvent(str(e["type"]), str(e.get("quote") or ""), _str(e.get("date")), _str(e.get("place")),
                          tuple(str(p) for p in e.get("participants") or ()))
                for e in data.get("events") or []
            ],
        )
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{source}: gold labels lack or misuse the field {exc}; see benchmarks/README.md") from exc


def load_gold(gold_dir: Path = GOLD, problems: list[str] | None = None) -> dict[str, GoldDoc]:
    """Every ``<doc id>.yaml`` in ``gold_dir``, by document id.

    A file that cannot be read is skipped and described in ``problems`` (when given,
    else ConfigError is raised), so one broken file does not stop the benchmark.
    """
    files = sorted(gold_dir.glob("*.yaml"))
    if not files:
        raise ConfigError(f"no gold files in {gold_dir}; write one <doc id>.yaml per document (see benchmarks/README.md)")
    out = {}
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            g = parse_gold(data, str(path))
        except (yaml.YAMLError, ConfigError) as exc:
            message = f"{path.name}: not valid gold YAML, fix it ({' '.join(str(exc).split())})"
            if problems is None:
                raise ConfigError(message) from exc
            problems.append(message)
            continue
        out[g.doc] = g
    return out


def export_predictions(
    export: Mapping[str, Any],
) -> tuple[list[PredMention], list[PredClaim], list[PredEvent]]:
    """Mentions (typed by their entity), claims and events of a SPEC.md JSON export."""
    mentions = [
        PredMention(m["doc"], m["start"], m["end"], m["text"], e["type"], e["id"])
        for e in export["entities"] for m in e["mentions"]
    ]
    claims = [
        PredClaim(c["doc"], c["start"], c["end"], c["quote"], c["subject"], c["predicate"], c["object"],
                  bool(c.get("negated", False)))
        for c in export["claims"]
    ]
    events = [
        PredEvent(v["id"], v["doc"], v["start"], v["end"], v["quote"], v["type"], v.get("date"), v.get("place"),
                  tuple(v.get("participants") or ()))
        for v in export["events"]
    ]
    return mentions, claims, events


# --------------------------------------------------------------------------- helpers


def furniture_left(text: str, lines: Iterable[str]) -> list[str]:
    """The furniture lines (stripped) that still occur in ``text``."""
    return [line for line in lines if line.strip() and line.strip() in text]


def locate(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """Span of ``needle`` in ``text`` from ``start``: exact, else with any whitespace between
    words; a needle copied from the raw article is read as ingest cleans text (straight
    quotes, "-" for dashes)."""
    needle = normalize_text(needle).strip()
    if not needle:
        return None
    i = text.find(needle, start)
    if i >= 0:
        return i, i + len(needle)
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    m = re.compile(pattern).search(text, start)
    return (m.start(), m.end()) if m else None


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of ``needle`` in ``text`` as a whole word sequence (not inside a longer word),
    the needle read as ingest cleans text."""
    needle = normalize_text(needle)
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in needle.split()) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)] if needle.strip() else []


def head_word(name: str) -> str:
    """The head of an English name: its last word, lower-cased ("Russian Volunteer Corps" -> "corps")."""
    words = _WORD.findall(name.replace("'s", ""))
    return words[-1].lower() if words else ""


def gold_spans(text: str, gold: Sequence[GoldMention]) -> list[tuple[int, int] | None]:
    """Where each gold mention is: the k-th gold mention with a text is its k-th occurrence."""
    seen: Counter[str] = Counter()
    out: list[tuple[int, int] | None] = []
    cache: dict[str, list[tuple[int, int]]] = {}
    for g in gold:
        spans = cache.setdefault(g.text, occurrences(text, g.text))
        k = seen[g.text]
        seen[g.text] += 1
        out.append(spans[k] if k < len(spans) else None)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass(slots=True)
class MentionMatch:
    """Gold-to-predicted mention pairs of one document (indices into the two lists)."""

    pairs: dict[int, int]  # gold index -> predicted index
    n_gold: int
    n_pred: int
    type_ok: int
    pred_ok: int  # predicted mentions matching some gold mention (text or pairing)


def match_mentions(text: str, gold: Sequence[GoldMention], pred: Sequence[PredMention]) -> MentionMatch:
    """Pair gold mentions with predicted ones of one document.

    First by equal text, in order (the same span preferred); then a gold mention still
    unpaired takes an unpaired predicted mention overlapping its located occurrence with
    the same head word ("the Russian Volunteer Corps" vs "Russian Volunteer Corps").
    """
    spans = gold_spans(text, gold)
    order = sorted(range(len(pred)), key=lambda i: (pred[i].start, pred[i].end))
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        same = [i for i in order if i not in used and pred[i].text == g.text]
        if not same:
            continue
        exact = [i for i in same if spans[gi] == (pred[i].start, pred[i].end)]
        pick = (exact or same)[0]
        pairs[gi] = pick
        used.add(pick)
    for gi, g in enumerate(gold):
        span = spans[gi]
        if gi in pairs or span is None:
            continue
        for i in order:
            p = pred[i]
            if i not in used and _overlap(span, (p.start, p.end)) and head_word(p.text) == head_word(g.text):
                pairs[gi] = i
                used.add(i)
                break
    gold_texts = {g.text.casefold() for g in gold}
    pred_ok = sum(1 for i, p in enumerate(pred) if i in used or p.text.casefold() in gold_texts)
    type_ok = sum(1 for gi, pi in pairs.items() if pred[pi].type == gold[gi].type)
    return MentionMatch(pairs, len(gold), len(pred), type_ok, pred_ok)


def mention_names(
    gold: Sequence[GoldMention], pred: Sequence[PredMention], match: MentionMatch
) -> dict[tuple[str, int, int], str]:
    """Gold canonical name of each predicted mention of one document, where one is known.

    A paired mention takes its gold mention's entity; an unpaired one the entity most
    often given to gold mentions with the same text (case-insensitive).
    """
    by_text: dict[str, Counter[str]] = {}
    for g in gold:
        by_text.setdefault(g.text.casefold(), Counter())[g.entity] += 1
    paired = {pi: gold[gi].entity for gi, pi in match.pairs.items()}
    out: dict[tuple[str, int, int], str] = {}
    for i, p in enumerate(pred):
        name = paired.get(i)
        if name is None and p.text.casefold() in by_text:
            name = _most_common(by_text[p.text.casefold()])
        if name is not None:
            out[(p.doc, p.start, p.end)] = name
    return out


def _most_common(c: Counter[str]) -> str | None:
    """The most frequent key (ties broken alphabetically), None when empty."""
    if not c:
        return None
    return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class EntityNames:
    """Gold canonical names of predicted entities, found through their mentions."""

    def __init__(self, pred: Iterable[PredMention], names: Mapping[tuple[str, int, int], str]):
        self._mentions: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
        self._global: dict[str, Counter[str]] = {}
        for m in pred:
            name = names.get((m.doc, m.start, m.end))
            if name is None:
                continue
            self._mentions.setdefault((m.entity, m.doc), []).append((m.start, m.end, name))
            self._global.setdefault(m.entity, Counter())[name] += 1

    def name(self, entity: str, doc: str, start: int = 0, end: int = 1 << 62) -> str | None:
        """The gold name of ``entity`` as used in ``doc`` between ``start`` and ``end``.

        Prefers the entity's mentions inside that span (the claim's sentence), then
        anywhere in the document, then anywhere in the corpus; None when it names
        nothing in the gold labels.
        """
        local = self._mentions.get((entity, doc), [])
        inside = Counter(n for s, e, n in local if s >= start and e <= end)
        return (
            _most_common(inside)
            or _most_common(Counter(n for _, _, n in local))
            or _most_common(self._global.get(entity, Counter()))
        )


def claim_fact(claim: PredClaim, names: EntityNames, event_names: Mapping[str, str] | None = None) -> Fact:
    """A predicted claim as a gold-name fact; unknown ends keep their export id (``?E12``)."""

    def end_name(ref: str) -> str:
        if ref.startswith("V"):
            return (event_names or {}).get(ref) or f"?{ref}"
        return names.name(ref, claim.doc, claim.start, claim.end) or f"?{ref}"

    return fact(end_name(claim.subject), claim.predicate, end_name(claim.object))


def gold_facts(relations: Iterable[GoldRelation], negated: bool = False) -> set[Fact]:
    """Gold relations (asserted, or negated ones) as canonical facts."""
    return {fact(r.subject, r.predicate, r.object) for r in relations if r.negated == negated}


def match_events(text: str, gold: Sequence[GoldEvent], pred: Sequence[PredEvent]) -> dict[int, int]:
    """Gold event index -> predicted event index: same type, overlapping evidence, one-to-one.

    The gold quote is located in the cleaned text; pairs are taken by largest overlap first.
    """
    cands = []
    for gi, g in enumerate(gold):
        span = locate(text, g.quote)
        if span is None:
            continue
        for pi, p in enumerate(pred):
            ov = _overlap(span, (p.start, p.end))
            if p.type == g.type and ov:
                cands.append((-ov, gi, pi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(cands):
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class DocResult:
    """Everything counted for one document (summed over splits later)."""

    doc: str
    split: str
    furniture_left: list[str] = field(default_factory=list)
    n_furniture: int = 0
    mentions: MentionMatch | None = None
    pred_facts: dict[Fact, str] = field(default_factory=dict)  # fact -> a quote stating it
    gold_facts: dict[Fact, str] = field(default_factory=dict)
    pred_negated: set[Fact] = field(default_factory=set)
    gold_negated: set[Fact] = field(default_factory=set)
    events: Scores = field(default_factory=lambda: Scores(0, 0, 0))
    dates: tuple[int, int] = (0, 0)  # (correct, matched with a gold date)
    places: tuple[int, int] = (0, 0)
    participants: Scores = field(default_factory=lambda: Scores(0, 0, 0))
    missing: bool = False


def score_document(
    gold: GoldDoc,
    text: str | None,
    mentions: Sequence[PredMention],
    claims: Sequence[PredClaim],
    events: Sequence[PredEvent],
    names: EntityNames,
) -> DocResult:
    """Score one document's predictions (all from that document) against its gold labels."""
    res = DocResult(gold.doc, gold.split)
    res.gold_facts = {}
    for r in gold.relations:
        if not r.negated:
            res.gold_facts.setdefault(fact(r.subject, r.predicate, r.object), r.quote)
    res.gold_negated = gold_facts(gold.relations, negated=True)
    if text is None:
        res.missing = True
        res.mentions = MentionMatch({}, len(gold.mentions), 0, 0, 0)
        res.events = Scores(0, 0, len(gold.events))
        return res
    res.furniture_left = furniture_left(text, gold.furniture)
    res.n_furniture = len(gold.furniture)
    res.mentions = match_mentions(text, gold.mentions, mentions)
    ev_pairs = match_events(text, gold.events, events)
    event_names = {events[pi].id: f"event:{gi}" for gi, pi in ev_pairs.items()}
    for c in claims:
        f = claim_fact(c, names, event_names)
        if c.negated:
            res.pred_negated.add(f)
        else:
            res.pred_facts.setdefault(f, c.quote)
    res.events = Scores(len(ev_pairs), len(events), len(gold.events))
    d_ok = d_n = p_ok = p_n = 0
    part = Scores(0, 0, 0)
    for gi, pi in ev_pairs.items():
        g, p = gold.events[gi], events[pi]
        if g.date is not None:
            d_n += 1
            d_ok += p.date == g.date
        if g.place is not None:
            p_n += 1
            p_ok += p.place is not None and names.name(p.place, p.doc, p.start, p.end) == g.place
        got = {names.name(e, p.doc, p.start, p.end) or f"?{e}" for e in p.participants}
        part = part + score_sets(got, g.participants)
    res.dates, res.places, res.participants = (d_ok, d_n), (p_ok, p_n), part
    return res


def _tagged(doc: str, facts: Iterable[Fact]) -> set[Fact]:
    """Facts made document-specific (so per-document sets can be pooled)."""
    return {(f"{doc}|{s}", p, f"{doc}|{o}") for s, p, o in facts}


def _rate(ok: int, n: int) -> float | None:
    return ok / n if n else None


def summarize(results: Sequence[DocResult]) -> dict[str, Any]:
    """All numbers of a set of documents (a split or the whole corpus) as a JSON-ready dict."""
    m_gold = sum(r.mentions.n_gold for r in results if r.mentions)
    m_found = sum(len(r.mentions.pairs) for r in results if r.mentions)
    m_type = sum(r.mentions.type_ok for r in results if r.mentions)
    m_pred = sum(r.mentions.n_pred for r in results if r.mentions)
    m_ok = sum(r.mentions.pred_ok for r in results if r.mentions)
    pred_doc = set().union(*(_tagged(r.doc, r.pred_facts) for r in results)) if results else set()
    gold_doc = set().union(*(_tagged(r.doc, r.gold_facts) for r in results)) if results else set()
    corpus_pred = {f for r in results for f in r.pred_facts}
    corpus_gold = {f for r in results for f in r.gold_facts}
    neg_pred = set().union(*(_tagged(r.doc, r.pred_negated) for r in results)) if results else set()
    neg_gold = set().union(*(_tagged(r.doc, r.gold_negated) for r in results)) if results else set()
    events = sum((r.events for r in results), Scores(0, 0, 0))
    parts = sum((r.participants for r in results), Scores(0, 0, 0))
    d_ok, d_n = (sum(r.dates[i] for r in results) for i in (0, 1))
    p_ok, p_n = (sum(r.places[i] for r in results) for i in (0, 1))
    return {
        "documents": len(results),
        "missing_documents": [r.doc for r in results if r.missing],
        "cleaning": {
            "furniture_lines_left": sum(len(r.furniture_left) for r in results),
            "furniture_gold_lines": sum(r.n_furniture for r in results),
            "left": {r.doc: r.furniture_left for r in results if r.furniture_left},
        },
        "mentions": {
            "gold": m_gold, "found": m_found, "recall": _round(_rate(m_found, m_gold)),
            "type_correct": m_type, "type_accuracy": _round(_rate(m_type, m_found)),
            "predicted": m_pred, "predicted_matching": m_ok, "precision": _round(_rate(m_ok, m_pred)),
        },
        "relations": {
            "per_document": score_sets(pred_doc, gold_doc).as_dict(),
            "by_predicate": {k: v.as_dict() for k, v in per_predicate(pred_doc, gold_doc).items()},
            "corpus_dedup": score_sets(corpus_pred, corpus_gold).as_dict(),
            "negated": score_sets(neg_pred, neg_gold).as_dict(),
        },
        "events": {
            "type": events.as_dict(),
            "date_accuracy": _round(_rate(d_ok, d_n)), "dates_correct": d_ok, "dates_gold": d_n,
            "place_accuracy": _round(_rate(p_ok, p_n)), "places_correct": p_ok, "places_gold": p_n,
            "participants": parts.as_dict(),
        },
    }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def evaluate(
    gold: Mapping[str, GoldDoc],
    texts: Mapping[str, str],
    mentions: Sequence[PredMention],
    claims: Sequence[PredClaim],
    events: Sequence[PredEvent],
) -> list[DocResult]:
    """Score every gold document against the predictions of the documents with those ids."""
    by_doc_m: dict[str, list[PredMention]] = {}
    for m in mentions:
        by_doc_m.setdefault(m.doc, []).append(m)
    names: dict[tuple[str, int, int], str] = {}
    for doc_id, g in gold.items():
        if doc_id in texts:
            pm = by_doc_m.get(doc_id, [])
            names.update(mention_names(g.mentions, pm, match_mentions(texts[doc_id], g.mentions, pm)))
    entity_names = EntityNames(mentions, names)
    out = []
    for doc_id, g in sorted(gold.items()):
        out.append(
            score_document(
                g, texts.get(doc_id), by_doc_m.get(doc_id, []),
                [c for c in claims if c.doc == doc_id], [v for v in events if v.doc == doc_id], entity_names,
            )
        )
    return out


# --------------------------------------------------------------------------- running


def predict(corpus: Path = CORPUS, gold_dir: Path = GOLD) -> tuple[dict[str, GoldDoc], dict[str, str], Any, dict[str, Any]]:
    """Ingest ``corpus`` into a fresh store: (gold, cleaned texts, predictions from the
    export as ``export_predictions`` gives them, run info). Shared by the benchmarks."""
    from factmap.export.json import build_export
    from factmap.pipeline import ingest
    from factmap.store import Store

    problems: list[str] = []
    gold = load_gold(gold_dir, problems)
    store = Store(":memory:")
    summary = ingest([corpus], store)
    export = build_export(store)
    doc_ids = [d["id"] for d in export["documents"]]
    texts = store.document_texts(doc_ids)
    info = {
        "ingest_seconds": round(summary.seconds, 1),
        "failed": [f"{f.source}: {f.reason}" for f in summary.failed],
        "documents_without_gold": sorted(set(doc_ids) - set(gold)),
        "gold_problems": problems,
    }
    return gold, texts, export_predictions(export), info


def run(corpus: Path = CORPUS, gold_dir: Path = GOLD) -> tuple[list[DocResult], dict[str, Any]]:
    """Ingest ``corpus`` into a fresh store and score it; per-document results and run info."""
    gold, texts, (mentions, claims, events), info = predict(corpus, gold_dir)
    return evaluate(gold, texts, mentions, claims, events), info


def report(name: str, s: dict[str, Any]) -> str:
    """One split's numbers as a readable block."""
    m, rel, ev = s["mentions"], s["relations"], s["events"]

    def sc(d: dict[str, Any]) -> Scores:
        return Scores(d["tp"], d["n_pred"], d["n_gold"])

    rows = [scores_row(p, sc(v)) for p, v in rel["by_predicate"].items()]
    rows.append(scores_row("micro (per document)", sc(rel["per_document"])))
    rows.append(scores_row("corpus (dedup s,p,o)", sc(rel["corpus_dedup"])))
    rows.append(scores_row("negated claims", sc(rel["negated"])))
    fmt = _fmt
    lines = [
        f"== {name}: {s['documents']} documents"
        + (f" (missing from the store: {', '.join(s['missing_documents'])})" if s["missing_documents"] else ""),
        f"cleaning: furniture lines left {s['cleaning']['furniture_lines_left']} of "
        f"{s['cleaning']['furniture_gold_lines']} (target 0)",
        f"mentions: recall {fmt(m['recall'])} ({m['found']}/{m['gold']}), type accuracy "
        f"{fmt(m['type_accuracy'])} ({m['type_correct']}/{m['found']}), precision {fmt(m['precision'])} "
        f"({m['predicted_matching']}/{m['predicted']})",
        "relations:",
        format_table(SCORE_HEADERS, rows),
        "events:",
        format_table(
            SCORE_HEADERS,
            [scores_row("type (overlapping evidence)", sc(ev["type"])),
             scores_row("participants (matched events)", sc(ev["participants"]))],
        ),
        f"  date accuracy {fmt(ev['date_accuracy'])} ({ev['dates_correct']}/{ev['dates_gold']}), "
        f"place accuracy {fmt(ev['place_accuracy'])} ({ev['places_correct']}/{ev['places_gold']})",
    ]
    return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def errors_report(results: Sequence[DocResult]) -> str:
    """False positive and false negative relation facts, with their quotes."""
    lines = []
    for r in results:
        fps = [(f, q) for f, q in r.pred_facts.items() if f not in r.gold_facts]
        fns = [(f, q) for f, q in r.gold_facts.items() if f not in r.pred_facts]
        for label, items in (("FP", fps), ("FN", fns)):
            for (s, p, o), q in sorted(items):
                lines.append(f"{r.doc} {label} {s} --{p}--> {o}\n    {' '.join(q.split())[:200]!r}")
        for f in sorted(r.furniture_left):
            lines.append(f"{r.doc} FURNITURE {f!r}")
    return "\n".join(lines) or "no errors"


def corpus_arguments(name: str, doc: str | None, verbose_help: str) -> argparse.ArgumentParser:
    """The command line shared by the benchmarks over the labelled corpora: --split,
    --json, --verbose and --set."""
    ap = argparse.ArgumentParser(prog=f"python -m benchmarks.{name}", description=(doc or "").split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--json", dest="json_path", default=None, help="also write all numbers to this file")
    ap.add_argument("--verbose", action="store_true", help=verbose_help)
    ap.add_argument("--set", dest="dataset", choices=sorted(DATASETS), default="sample",
                    help="which labelled corpus: the bundled sample (examples/) or dev2..dev5 (benchmarks/data/)")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    args = corpus_arguments("quality", __doc__, "list false positives/negatives with quotes").parse_args(argv)
    try:
        results, info = run(*DATASETS[args.dataset])
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    splits = SPLITS if args.split == "all" else (args.split,)
    out: dict[str, Any] = {"run": info}
    for name in splits:
        out[name] = summarize([r for r in results if r.split == name])
    if args.split == "all":
        out["overall"] = summarize(results)
    for problem in info["gold_problems"]:
        print(f"gold file skipped: {problem}")
    if info["failed"]:
        print("ingest failures: " + "; ".join(info["failed"]))
    if info["documents_without_gold"]:
        print("documents without gold labels (not scored): " + ", ".join(info["documents_without_gold"]))
    for name in [*splits, *(["overall"] if args.split == "all" else [])]:
        print(report(name, out[name]))
        print()
    if args.verbose:
        chosen = results if args.split == "all" else [r for r in results if r.split == args.split]
        print(errors_report(chosen))
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
