"""Speed and quality of entity resolution at scale, on a synthetic corpus with known truth.

Run: ``.venv/bin/python -m benchmarks.resolution_scale [--sizes 1000,10000,50000] [--json FILE]``

No NLP runs here. Each synthetic document is built from real newswire text (Reuters-21578
bodies in ``../shared/benchmarks/reuters21578/``, read in place, never copied) with actor
names inserted programmatically as :class:`~factmap.model.Mention` objects:

* base names: capitalised multi-word sequences found in the real articles by a simple
  regex ("Bank of Japan", "International Monetary Fund"), plus generated unit names
  ("Northern Wolf Legion", "Iron Steppe Brigade"), shuffled and drawn per document with
  Zipf-like weights, so a few names recur across many documents;
* 20-40 mentions per document over 5-10 base names; after a name's first use a mention
  is, at ``variant_rate``, a variant of its base: a word-order swap ("Bank of Japan" /
  "Japan Bank"), plural/singular, a one-letter misspelling, or a case change; at a
  name's first use an acronym may be defined in parentheses ("Northern Wolf Legion
  (NWL)"), stated with a ``NameLink(kind="acronym")`` and reused later.

Every document is saved with :func:`factmap.pipeline.save_extraction` into a file store
in a temporary folder; then :func:`factmap.resolve.resolve` alone is timed. Reported per
size: seconds, mentions, seconds per 1k mentions, the ratio of time per mention against
the smallest size (near 1 for near-linear growth), and, since each mention's base name
is known, pairwise and B-cubed precision/recall of the resolution and the share of each
variant kind that joined its base's entity.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import format_table
from benchmarks.resolution import bcubed, pairwise
from factmap.errors import ConfigError
from factmap.model import Document, Extraction, Mention, NameLink, mention_id

__all__ = [
    "VARIANT_KINDS",
    "Base",
    "SyntheticCorpus",
    "acronym",
    "base_pool",
    "find_names",
    "load_articles",
    "main",
    "make_variant",
    "run_size",
    "unit_names",
]

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"
REUTERS = SHARED / "reuters21578" / "reuters21578_articles.jsonl.gz"

#: Variant kinds of a later mention; "acronym" is defined at a name's first use instead.
VARIANT_KINDS: tuple[str, ...] = ("swap", "number", "misspell", "case")
ALL_KINDS: tuple[str, ...] = ("plain", "acronym", *VARIANT_KINDS)

# Words for generated unit names (synthetic benchmark data, not a vocabulary of factmap).
_ADJECTIVES = (
    "Northern", "Southern", "Eastern", "Western", "Iron", "Free", "Black", "White", "Red", "Green",
    "Silver", "Golden", "Steel", "Storm", "Border", "Mountain", "River", "Forest", "Steppe", "Coastal",
    "Volunteer", "Patriotic", "National", "United", "Royal", "Grey", "Blue", "Crimson", "Lone", "Swift",
)
_NOUNS = (
    "Wolf", "Eagle", "Falcon", "Bear", "Lion", "Hawk", "Raven", "Tiger", "Fox", "Lynx",
    "Thunder", "Shield", "Sword", "Arrow", "Spear", "Star", "Dawn", "Frontier", "Liberty", "Freedom",
    "Guard", "Hammer", "Anchor", "Oak", "Pine", "Valley", "Ridge", "Harbour", "Meadow", "Summit",
)
_KINDS = ("Legion", "Brigade", "Corps", "Battalion")
# Leading words a capitalised run picks up at a sentence start; dropped from found names.
_LEADING = frozenset(
    "The A An In On At For But And Or If As By To Of It He She They We This That These Those "
    "Its His Her Their Our Mr Mrs Ms Dr Year Shr Net".split()
)
_JOINERS = ("of", "for", "and")
_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:(?:\s(?:of|for|and|the))?\s[A-Z][a-z]+)+\b")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


# --------------------------------------------------------------------------- real text and names


def load_articles(path: Path = REUTERS, min_chars: int = 300) -> list[str]:
    """Bodies of the Reuters-21578 articles (white space collapsed), at least ``min_chars`` long."""
    if not path.exists():
        raise ConfigError(
            f"{path} not found; the scale benchmark reads the shared Reuters-21578 JSONL "
            "(see ../shared/benchmarks/README.md); run it from a checkout next to ../shared"
        )
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            body = " ".join((json.loads(line).get("body") or "").split())
            if len(body) >= min_chars:
                out.append(body)
    return out


def _clean_name(run: str) -> str | None:
    """A found capitalised run without leading function words, or None when too short."""
    words = run.split()
    while words and words[0] in _LEADING:
        words = words[1:]
    while words and words[-1] in (*_JOINERS, "the"):
        words = words[:-1]
    if len(words) < 2 or sum(w[0].isupper() for w in words) < 2:
        return None
    return " ".join(words)


def find_names(texts: Sequence[str], min_count: int = 2) -> list[str]:
    """Capitalised multi-word names in ``texts`` seen at least ``min_count`` times, most frequent first."""
    counts: Counter[str] = Counter()
    for text in texts:
        for m in _NAME_RE.finditer(text):
            name = _clean_name(m.group())
            if name:
                counts[name] += 1
    return [n for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= min_count]


def unit_names() -> list[str]:
    """Every generated unit name "<Adjective> <Noun> <Legion|Brigade|Corps|Battalion>"."""
    return [f"{a} {n} {k}" for a in _ADJECTIVES for n in _NOUNS for k in _KINDS]


@dataclass(frozen=True, slots=True)
class Base:
    """A base name (one true actor) and the type its mentions get."""

    name: str
    type: str
    acronym: str | None  # set only when no other base of the pool has the same acronym


def acronym(name: str) -> str | None:
    """Capital initials of the words that are not joiners ("Bank of Japan" -> "BJ"); None under 2 letters."""
    letters = [w[0].upper() for w in name.split() if w.lower() not in (*_JOINERS, "the") and w[0].isalpha()]
    return "".join(letters) if len(letters) >= 2 else None


def base_pool(found: Sequence[str], size: int, rng: random.Random) -> list[Base]:
    """``size`` distinct base names: about two thirds found names, one third unit names, shuffled.

    Found names become organizations, people or places at random (fixed per name); unit
    names are organizations. Acronyms are kept only when unique in the pool (and not the
    initials of a name that is in the pool twice), so each stated acronym has one truth.
    """
    units = unit_names()
    rng.shuffle(units)
    n_units = min(len(units), size // 3)
    names = list(dict.fromkeys([*found[: size - n_units], *units[:n_units]]))
    seen: set[str] = set()
    unique = []
    for n in names:
        key = n.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(n)
    rng.shuffle(unique)
    unit_set = set(units)
    acr_counts = Counter(acronym(n) for n in unique)
    pool = []
    for n in unique:
        typ = "organization" if n in unit_set else rng.choices(("organization", "person", "location"), (3, 1, 1))[0]
        acr = acronym(n)
        pool.append(Base(n, typ, acr if acr and acr_counts[acr] == 1 and acr.casefold() not in seen else None))
    return pool


# --------------------------------------------------------------------------- variants


def _swap(name: str) -> str | None:
    """"X of Y" -> "Y X"; "Y X" (two or more words) -> "X of Y" with X the last word."""
    words = name.split()
    if " of " in name:
        x, y = name.split(" of ", 1)
        return f"{y} {x}"
    if len(words) >= 2 and not any(w in _JOINERS for w in words):
        return f"{words[-1]} of {' '.join(words[:-1])}"
    return None


def _number(name: str) -> str:
    """Plural <-> singular of the head word (the word before " of ", else the last word)."""
    words = name.split()
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    words[i] = w[:-1] if w.endswith("s") and len(w) > 3 else w + "s"
    return " ".join(words)


def _misspell(name: str, rng: random.Random) -> str | None:
    """One letter of a word of 5+ letters replaced, dropped or doubled (never the first letter)."""
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long:
        return None
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w))
    op = rng.randrange(3)
    if op == 0:
        new = rng.choice([c for c in _LETTERS if c != w[j].lower()])
        w = w[:j] + new + w[j + 1 :]
    elif op == 1:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def _case(name: str, rng: random.Random) -> str:
    """The name in upper case, lower case, or with only its first letter capitalised."""
    return rng.choice((name.upper(), name.lower(), name[:1] + name[1:].lower()))


def make_variant(name: str, kind: str, rng: random.Random) -> str | None:
    """A variant of ``name`` of one of :data:`VARIANT_KINDS` (or ``"acronym"``); None if it has none."""
    if kind == "swap":
        return _swap(name)
    if kind == "number":
        return _number(name)
    if kind == "misspell":
        return _misspell(name, rng)
    if kind == "case":
        return _case(name, rng)
    if kind == "acronym":
        return acronym(name)
    raise ValueError(f"unknown variant kind {kind!r}; use one of {', '.join(('acronym', *VARIANT_KINDS))}")


# --------------------------------------------------------------------------- documents


@dataclass(slots=True)
class SyntheticCorpus:
    """Generates documents with inserted mentions; ``truth`` maps mention id -> base index.

    Deterministic for a given ``seed``, pool and articles. ``kinds`` maps mention id ->
    variant kind ("plain", "acronym", "swap", ...), ``counts`` counts the kinds produced.
    """

    articles: Sequence[str]
    pool: Sequence[Base]
    seed: int = 13
    variant_rate: float = 0.3
    acronym_rate: float = 0.1
    mentions_per_doc: tuple[int, int] = (20, 40)
    names_per_doc: tuple[int, int] = (5, 10)
    zipf: float = 0.9
    truth: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def documents(self, n: int, prefix: str = "syn") -> Iterator[tuple[Document, Extraction]]:
        """``n`` documents with their extractions (mentions and acronym links only)."""
        rng = random.Random(self.seed)
        cum: list[float] = []
        total = 0.0
        for rank in range(len(self.pool)):
            total += 1.0 / (rank + 1) ** self.zipf
            cum.append(total)
        for i in range(n):
            yield self._document(f"{prefix}{i:06d}", self.articles[i % len(self.articles)], rng, cum)

    def _pick_bases(self, rng: random.Random, cum: list[float]) -> list[int]:
        k = rng.randint(*self.names_per_doc)
        chosen: dict[int, None] = {}
        while len(chosen) < min(k, len(self.pool)):
            chosen[min(bisect.bisect_left(cum, rng.random() * cum[-1]), len(cum) - 1)] = None
        return list(chosen)

    def _document(self, doc_id: str, article: str, rng: random.Random, cum: list[float]) -> tuple[Document, Extraction]:
        bases = self._pick_bases(rng, cum)
        n = rng.randint(*self.mentions_per_doc)
        order = bases + [rng.choice(bases) for _ in range(max(0, n - len(bases)))]
        rng.shuffle(order)
        words = article.split()
        pos = 0
        parts: list[str] = []
        length = 0
        mentions: list[Mention] = []
        links: list[tuple[int, int, int, int]] = []  # long start/end, short start/end
        defined: set[int] = set()
        seen: set[int] = set()

        def add(text: str, b: int, kind: str) -> tuple[int, int]:
            nonlocal length
            start = length
            parts.append(text)
            length += len(text)
            m = Mention(doc_id, start, start + len(text), text, self.pool[b].type, rule="synthetic", confidence=0.8)
            mentions.append(m)
            self.truth[m.id] = b
            self.kinds[m.id] = kind
            self.counts[kind] += 1
            return start, start + len(text)

        def add_text(text: str) -> None:
            nonlocal length
            parts.append(text)
            length += len(text)

        for b in order:
            base = self.pool[b]
            if b not in seen:
                seen.add(b)
                if base.acronym and rng.random() < self.acronym_rate:
                    long = add(base.name, b, "plain")
                    add_text(" (")
                    short = add(base.acronym, b, "acronym")
                    add_text(")")
                    links.append((*long, *short))
                    defined.add(b)
                else:
                    add(base.name, b, "plain")
            elif b in defined and rng.random() < 0.5:
                add(base.acronym or base.name, b, "acronym")
            elif rng.random() < self.variant_rate:
                kind = rng.choice(VARIANT_KINDS)
                variant = make_variant(base.name, kind, rng)
                add(variant or base.name, b, kind if variant and variant != base.name else "plain")
            else:
                add(base.name, b, "plain")
            chunk = " ".join(words[pos : pos + rng.randint(6, 12)]) or "said"
            pos = pos + 12 if pos + 12 < len(words) else 0
            add_text(f" {chunk}. ")
        text = "".join(parts)
        doc = Document(
            id=doc_id, source=f"synthetic:{doc_id}", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text
        )
        name_links = [
            NameLink(doc_id, mention_id(doc_id, ls, le), mention_id(doc_id, ss, se), "acronym", ls, se + 1,
                     text[ls : se + 1])
            for ls, le, ss, se in links
        ]
        return doc, Extraction(doc=doc_id, mentions=mentions, links=name_links)


# --------------------------------------------------------------------------- running


def _variant_recall(truth: dict[str, int], kinds: dict[str, str], pred: dict[str, str]) -> dict[str, float | None]:
    """Per kind: share of mentions whose predicted entity is their base's main entity.

    A base's main entity is the predicted entity most of its plain mentions have.
    """
    main: dict[int, Counter[str]] = {}
    for mid, b in truth.items():
        if kinds[mid] == "plain" and mid in pred:
            main.setdefault(b, Counter())[pred[mid]] += 1
    top = {b: c.most_common(1)[0][0] for b, c in main.items()}
    ok: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for mid, b in truth.items():
        kind = kinds[mid]
        n[kind] += 1
        ok[kind] += mid in pred and top.get(b) == pred[mid]
    return {k: (round(ok[k] / n[k], 4) if n[k] else None) for k in ALL_KINDS}


def run_size(n_docs: int, articles: Sequence[str], found: Sequence[str], seed: int, workdir: Path) -> dict[str, Any]:
    """Generate ``n_docs`` documents into a fresh file store, time ``resolve`` and score it."""
    from factmap.export.json import build_export
    from factmap.pipeline import save_extraction
    from factmap.resolve import resolve
    from factmap.store import Store

    rng = random.Random(seed)
    pool = base_pool(found, max(300, n_docs // 4), rng)
    corpus = SyntheticCorpus(articles, pool, seed=seed)
    path = workdir / f"scale_{n_docs}.db"
    store = Store(path)
    t0 = time.perf_counter()
    for doc, ext in corpus.documents(n_docs):
        save_extraction(store, doc, ext)
    t_gen = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    stats = resolve(store)
    t_res, c_res = time.perf_counter() - t0, time.process_time() - c0
    t0 = time.perf_counter()
    export = build_export(store)
    pred = {mention_id(m["doc"], m["start"], m["end"]): e["id"] for e in export["entities"] for m in e["mentions"]}
    t_exp = time.perf_counter() - t0
    store.close()
    gold = {mid: b for mid, b in corpus.truth.items()}
    pw = pairwise(gold, pred)
    b3 = bcubed(gold, pred)
    n_mentions = len(corpus.truth)
    return {
        "documents": n_docs,
        "mentions": n_mentions,
        "base_names": len(pool),
        "distinct_surface_names": len({m["text"] for e in export["entities"] for m in e["mentions"]}),
        "predicted_entities": len(export["entities"]),
        "resolved_mentions": len(pred),
        "resolve_stats": asdict(stats) if is_dataclass(stats) and not isinstance(stats, type) else repr(stats),
        "generate_and_save_seconds": round(t_gen, 2),
        "resolve_seconds": round(t_res, 3),
        "resolve_cpu_seconds": round(c_res, 3),
        "export_seconds": round(t_exp, 2),
        "seconds_per_1k_mentions": round(1000 * t_res / n_mentions, 4) if n_mentions else None,
        "cpu_seconds_per_1k_mentions": round(1000 * c_res / n_mentions, 4) if n_mentions else None,
        "db_megabytes": round(path.stat().st_size / 1e6, 1),
        "variant_counts": dict(sorted(corpus.counts.items())),
        "pairwise": pw.as_dict(),
        "bcubed": b3.as_dict(),
        "variant_recall": _variant_recall(corpus.truth, corpus.kinds, pred),
    }


def _ratio(r: dict[str, Any], base: dict[str, Any], key: str) -> float | None:
    """Time per mention of ``r`` over that of ``base`` (1.0 = linear growth)."""
    if not base[key] or not r["mentions"]:
        return None
    return round((r[key] / r["mentions"]) / (base[key] / base["mentions"]), 2)


def report(results: Sequence[dict[str, Any]]) -> str:
    """All sizes as two tables: speed, then quality."""
    speed = format_table(
        ("documents", "mentions", "entities", "resolve s", "s / 1k mentions", "ratio", "cpu s", "cpu ratio",
         "gen+save s", "export s"),
        [[r["documents"], r["mentions"], r["predicted_entities"], r["resolve_seconds"], r["seconds_per_1k_mentions"],
          r["time_per_mention_ratio"], r["resolve_cpu_seconds"], r["cpu_per_mention_ratio"],
          r["generate_and_save_seconds"], r["export_seconds"]] for r in results],
    )
    quality = format_table(
        ("documents", "pairwise P", "pairwise R", "pairwise F1", "B3 P", "B3 R",
         *(f"{k} ok" for k in ALL_KINDS)),
        [[r["documents"], r["pairwise"]["precision"], r["pairwise"]["recall"], r["pairwise"]["f1"],
          r["bcubed"]["precision"], r["bcubed"]["recall"], *(r["variant_recall"][k] for k in ALL_KINDS)]
         for r in results],
    )
    return f"speed of resolve(store) alone:\n{speed}\n\nquality against the known base names:\n{quality}"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.resolution_scale", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,50000", help="comma-separated document counts")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", dest="json_path", default=None, help="also write all numbers to this file")
    args = ap.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
        if not sizes or sizes[0] < 1:
            raise ValueError
    except ValueError:
        print("error: --sizes takes positive integers separated by commas, e.g. 1000,10000", file=sys.stderr)
        return 2
    try:
        articles = load_articles()
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    found = find_names(articles)
    print(f"{len(articles)} Reuters articles, {len(found)} capitalised names found (seen twice or more)")
    results = []
    with tempfile.TemporaryDirectory(prefix="factmap_scale_") as tmp:
        for n in sizes:
            r = run_size(n, articles, found, args.seed, Path(tmp))
            base = results[0] if results else r
            r["time_per_mention_ratio"] = _ratio(r, base, "resolve_seconds")
            r["cpu_per_mention_ratio"] = _ratio(r, base, "resolve_cpu_seconds")
            results.append(r)
            print(f"  {n} documents: {r['mentions']} mentions, resolve {r['resolve_seconds']} s "
                  f"(cpu {r['resolve_cpu_seconds']} s; generate+save {r['generate_and_save_seconds']} s)", flush=True)
    print(report(results))
    if args.json_path:
        out = {"seed": args.seed, "articles": len(articles), "found_names": len(found), "sizes": results}
        Path(args.json_path).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
