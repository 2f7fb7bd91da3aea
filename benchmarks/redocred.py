"""Relation extraction on Re-DocRED with gold mentions: how our rules fare on Wikipedia.

Run: ``.venv/bin/python -m benchmarks.redocred [--split dev|test] [--limit N] [--json FILE]``

Each Re-DocRED document (token lists per sentence, entities as lists of mentions,
labels ``{h, t, r}`` with Wikidata property ids) becomes a factmap ``Document`` whose
text is the tokens joined by single spaces; every PER/ORG/LOC gold mention becomes a
``Mention`` at its character offsets. ``find_events`` and ``find_claims`` run on the
parse with these gold mentions; each claim maps through its mention ids to a pair of
entity (vertex) indices and is scored against the gold labels whose relation maps
onto a SPEC predicate (``RELATION_MAP``). Only those predicates are scored.

The data stay where they are (``../shared/benchmarks/re-docred``, next to the
repository); they are never copied into the project.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import (
    SCORE_HEADERS,
    Fact,
    Scores,
    format_table,
    per_predicate,
    score_sets,
    scores_row,
)
from factmap.errors import ConfigError
from factmap.model import Claim, Document, Event, Mention

DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "re-docred"

#: Re-DocRED entity types kept as gold mentions (TIME, NUM, MISC are skipped).
TYPE_MAP: dict[str, str] = {"PER": "person", "ORG": "organization", "LOC": "location"}


@dataclass(frozen=True, slots=True)
class RelationRule:
    """How one Wikidata property becomes a SPEC fact.

    ``h_types``/``t_types`` constrain the Re-DocRED types of the label's head and tail
    (before any reversal); ``reverse`` swaps them (the SPEC subject is the label's tail).
    """

    predicate: str
    h_types: frozenset[str]
    t_types: frozenset[str]
    reverse: bool = False


def _rule(predicate: str, h: str, t: str, reverse: bool = False) -> RelationRule:
    return RelationRule(predicate, frozenset(h.split()), frozenset(t.split()), reverse)


#: Wikidata property -> the SPEC facts it states (type-constrained). Properties not
#: listed (76 of 96: birth places, dates, genres, spouses ...) have no SPEC predicate.
RELATION_MAP: dict[str, tuple[RelationRule, ...]] = {
    # P463 member of: a person or organization belongs to an organization.
    "P463": (_rule("member_of", "PER ORG", "ORG"),),
    # P102 member of political party: a person in a party.
    "P102": (_rule("member_of", "PER", "ORG"),),
    # P54 member of sports team: a player in a club (membership, "serves in").
    "P54": (_rule("member_of", "PER", "ORG"),),
    # P361 part of: an organization in a larger one; a person in a band/group
    # (member_of); a place in a larger place (located_in).
    "P361": (
        _rule("part_of", "ORG", "ORG"),
        _rule("member_of", "PER", "ORG"),
        _rule("located_in", "LOC", "LOC"),
    ),
    # P527 has part: the inverse of P361.
    "P527": (
        _rule("part_of", "ORG", "ORG", reverse=True),
        _rule("member_of", "ORG", "PER", reverse=True),
        _rule("located_in", "LOC", "LOC", reverse=True),
    ),
    # P749 parent organization: the head is embedded in the tail.
    "P749": (_rule("part_of", "ORG", "ORG"),),
    # P355 subsidiary: the tail is embedded in the head.
    "P355": (_rule("part_of", "ORG", "ORG", reverse=True),),
    # P488 chairperson: the tail person chairs the head organization.
    "P488": (_rule("leader_of", "ORG", "PER", reverse=True),),
    # P112 founded by: the head organization was set up by the tail actor.
    "P112": (_rule("founded_by", "ORG", "PER ORG"),),
    # P131 located in the administrative territorial entity: place in place
    # (located_in); an organization based in a place is active there (operates_in).
    "P131": (_rule("located_in", "LOC", "LOC"), _rule("operates_in", "ORG", "LOC")),
    # P150 contains administrative territorial entity: the inverse of P131.
    "P150": (_rule("located_in", "LOC", "LOC", reverse=True),),
    # P17 country: a place lies in a country.
    "P17": (_rule("located_in", "LOC", "LOC"),),
    # P159 headquarters location: an organization operates where it is based (loose).
    "P159": (_rule("operates_in", "ORG", "LOC"),),
}

#: Published results on the Re-DocRED test set, over all 96 relations with gold
#: entities and a trained model (F1 / Ign-F1, percent).
PUBLISHED_SOTA: tuple[tuple[str, str, float, float], ...] = (
    ("DREEAM (RoBERTa-large, + distant data), Ma et al. EACL 2023", "test", 80.73, 79.66),
    ("KD-DocRE (RoBERTa-large, + distant data), Tan et al. EMNLP 2022", "test", 81.04, 80.32),
    ("KD-DocRE (RoBERTa-large), Tan et al. EMNLP 2022", "test", 78.35, 77.63),
    ("ATLOP (RoBERTa-large), as reported by Tan et al. EMNLP 2022", "test", 77.73, 76.94),
)


@dataclass(slots=True)
class RedocDoc:
    """One Re-DocRED document as factmap sees it."""

    doc: Document
    mentions: list[Mention]
    vertex_of: dict[str, int]  # mention id -> vertex (entity) index
    vertex_types: list[str]  # Re-DocRED type of each vertex (first mention's type)
    gold: set[Fact]  # (h index, predicate, t index) as strings


def token_offsets(sents: Sequence[Sequence[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The text (tokens joined by single spaces, sentences too) and each token's (start, end)."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for sent in sents:
        row = []
        for tok in sent:
            if parts:
                parts.append(" ")
                pos += 1
            row.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
        offsets.append(row)
    return "".join(parts), offsets


def mention_span(offsets: list[list[tuple[int, int]]], sent_id: int, pos: Sequence[int]) -> tuple[int, int]:
    """Character span of a mention given its sentence and token range ``[start, end)``."""
    row = offsets[sent_id]
    return row[pos[0]][0], row[pos[1] - 1][1]


def gold_facts(labels: Sequence[dict[str, Any]], vertex_types: Sequence[str]) -> set[Fact]:
    """The labels that map onto SPEC predicates, as (h, predicate, t) with vertex indices."""
    out: set[Fact] = set()
    for lab in labels:
        h, t = lab["h"], lab["t"]
        for rule in RELATION_MAP.get(lab["r"], ()):
            if vertex_types[h] in rule.h_types and vertex_types[t] in rule.t_types:
                s, o = (t, h) if rule.reverse else (h, t)
                out.add((str(s), rule.predicate, str(o)))
    return out


def build_doc(raw: dict[str, Any], doc_id: str, source: str) -> RedocDoc:
    """A Re-DocRED record as a Document, its PER/ORG/LOC gold mentions and gold facts."""
    text, offsets = token_offsets(raw["sents"])
    doc = Document(
        id=doc_id, source=source, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
        title=raw.get("title"),
    )
    mentions: dict[str, Mention] = {}
    vertex_of: dict[str, int] = {}
    vertex_types = [v[0]["type"] for v in raw["vertexSet"]]
    for vi, vertex in enumerate(raw["vertexSet"]):
        for m in vertex:
            etype = TYPE_MAP.get(m["type"])
            if etype is None:
                continue
            start, end = mention_span(offsets, m["sent_id"], m["pos"])
            mention = Mention(doc_id, start, end, text[start:end], etype, rule="gold", confidence=1.0)
            if mention.id not in mentions:  # the same span named twice: keep the first entity
                mentions[mention.id] = mention
                vertex_of[mention.id] = vi
    ordered = sorted(mentions.values(), key=lambda m: (m.start, m.end))
    return RedocDoc(doc, ordered, vertex_of, vertex_types, gold_facts(raw["labels"], vertex_types))


def predicted_facts(claims: Sequence[Claim], vertex_of: dict[str, int]) -> tuple[set[Fact], Counter[str]]:
    """Non-negated claims between two gold entities as (h, predicate, t) vertex facts.

    Also returns counts of what was left out: ``negated``, ``event`` (object not an
    entity), ``self`` (both ends the same entity).
    """
    out: set[Fact] = set()
    skipped: Counter[str] = Counter()
    for c in claims:
        if c.negated:
            skipped["negated"] += 1
            continue
        s, o = vertex_of.get(c.subject), vertex_of.get(c.object)
        if s is None or o is None:
            skipped["event"] += 1
            continue
        if s == o:
            skipped["self"] += 1
            continue
        out.add((str(s), c.predicate, str(o)))
    return out, skipped


def load_split(split: str, data_dir: Path = DATA_DIR) -> list[dict[str, Any]]:
    """The documents of ``dev`` or ``test``; ConfigError says where the files should be."""
    path = data_dir / f"{split}_revised.json"
    if not path.is_file():
        raise ConfigError(
            f"Re-DocRED file not found: {path}; put dev_revised.json and test_revised.json "
            f"(github.com/tonytan48/Re-DocRED, data/) in {data_dir}"
        )
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _find_events() -> Any:
    try:
        from factmap.extract.events import find_events
    except ImportError:
        return None
    return find_events


def run(split: str = "dev", limit: int | None = None, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Extract claims from ``limit`` documents of ``split`` and score them; all numbers as a dict."""
    from factmap.extract.nlp import load_nlp
    from factmap.extract.relations import find_claims

    t0 = time.perf_counter()
    raw = load_split(split, data_dir)[: limit if limit else None]
    rel_names = json.loads((data_dir / "rel_info.json").read_text(encoding="utf-8"))
    docs = [build_doc(r, f"redocred_{split}_{i:03d}", f"re-docred/{split}_revised.json#{i}") for i, r in enumerate(raw)]
    find_events = _find_events()
    nlp = load_nlp()
    pred_all: set[tuple[str, str, str, str]] = set()
    gold_all: set[tuple[str, str, str, str]] = set()
    skipped: Counter[str] = Counter()
    unscored: Counter[str] = Counter()
    n_claims = n_events = 0
    scored = {rule.predicate for rules in RELATION_MAP.values() for rule in rules}
    for rd, sdoc in zip(docs, nlp.pipe(d.doc.text for d in docs), strict=True):
        events: list[Event] = find_events(sdoc, rd.doc, rd.mentions) if find_events else []
        claims = find_claims(sdoc, rd.doc, rd.mentions, events)
        n_claims += len(claims)
        n_events += len(events)
        facts, skip = predicted_facts(claims, rd.vertex_of)
        skipped.update(skip)
        for f in facts:
            if f[1] in scored:
                pred_all.add((rd.doc.id, *f))
            else:
                unscored[f[1]] += 1
        gold_all.update((rd.doc.id, *f) for f in rd.gold)
    by_pred = per_predicate(
        ((f"{d}:{s}", p, f"{d}:{o}") for d, s, p, o in pred_all),
        ((f"{d}:{s}", p, f"{d}:{o}") for d, s, p, o in gold_all),
    )
    micro = score_sets(pred_all, gold_all)
    return {
        "split": split,
        "documents": len(docs),
        "mentions": sum(len(d.mentions) for d in docs),
        "claims": n_claims,
        "events": n_events,
        "events_available": find_events is not None,
        "seconds": round(time.perf_counter() - t0, 1),
        "gold_labels_all_relations": sum(len(r["labels"]) for r in raw),
        "by_predicate": {k: v.as_dict() for k, v in by_pred.items()},
        "micro": micro.as_dict(),
        "skipped_claims": dict(skipped),
        "unscored_predicates": dict(unscored),
        "relation_map": {
            pid: [f"{rule.predicate}{' (reversed)' if rule.reverse else ''}" for rule in rules]
            for pid, rules in RELATION_MAP.items()
        },
        "relation_names": {pid: rel_names.get(pid, "?") for pid in RELATION_MAP},
        "published_sota": [
            {"system": s, "split": sp, "f1": f1, "ign_f1": ign} for s, sp, f1, ign in PUBLISHED_SOTA
        ],
    }


def _scores(d: dict[str, Any]) -> Scores:
    return Scores(d["tp"], d["n_pred"], d["n_gold"])


def report(result: dict[str, Any]) -> str:
    """The result of :func:`run` as readable text."""
    rows = [scores_row(p, _scores(s)) for p, s in result["by_predicate"].items()]
    micro = _scores(result["micro"])
    rows.append(scores_row("micro (mapped)", micro))
    lines = [
        f"Re-DocRED {result['split']}: {result['documents']} documents, {result['mentions']} gold "
        f"PER/ORG/LOC mentions, {result['gold_labels_all_relations']} gold labels (all 96 relations), "
        f"{micro.n_gold} gold triples mapped onto SPEC predicates; {result['seconds']} s",
        f"claims extracted: {result['claims']}; events: {result['events']}"
        + ("" if result["events_available"] else " (factmap.extract.events not available)"),
        "",
        format_table(SCORE_HEADERS, rows),
        "",
        f"left out: {result['skipped_claims'] or 'nothing'}; "
        f"predicates with no Re-DocRED counterpart (not scored): {result['unscored_predicates'] or 'none'}",
        "",
        "Mapping: " + "; ".join(
            f"{pid} {result['relation_names'][pid]} -> {', '.join(v)}" for pid, v in result["relation_map"].items()
        ),
        "",
        "Published state of the art (Re-DocRED test, all 96 relations, trained models, gold entities):",
    ]
    for s in result["published_sota"]:
        lines.append(f"  {s['system']}: F1 {s['f1']:.2f}, Ign-F1 {s['ign_f1']:.2f}")
    lines.append(
        "  Not comparable one-to-one: ours is a rule-based extractor scored only on the "
        f"{len(result['by_predicate'])} SPEC predicates above (a subset of relations), with gold mentions."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.redocred", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents (default: all 500)")
    ap.add_argument("--json", dest="json_path", default=None, help="also write all numbers to this file")
    args = ap.parse_args(argv)
    try:
        result = run(args.split, args.limit)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report(result))
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
