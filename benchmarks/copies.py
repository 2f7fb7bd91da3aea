"""Speed (and a sanity check of quality) of copy detection on Reuters-21578.

Run: ``.venv/bin/python -m benchmarks.copies [--n 2000] [--baseline 300] [--json FILE]``

Reads the first ``--n`` Reuters-21578 articles with a body (title + body) from
``../shared/benchmarks/reuters21578/`` (read in place, never copied). Adds one planted
near-copy for every tenth article (headline replaced, one word in twenty replaced,
a furniture line added), then times:

* ``signature`` over all documents (documents per second);
* ``find_copy_groups`` over all signatures (documents per second);
* the baseline, measured in the same run: exact all-pairs Jaccard of the 5-shingle sets
  on a ``--baseline``-document subset, extrapolated quadratically to all documents.

The ratio printed is baseline time / (signature + grouping time) for the whole set.
Quality: the share of planted copies found in their original's group, and the number of
other groups (Reuters itself holds real near-duplicates: corrections, re-sent stories,
fixed-format announcements), with the exact Jaccard of the baseline subset's pairs
above the threshold against the pairs MinHash grouped.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import time
from pathlib import Path

from factmap.analyze.copies import THRESHOLD, find_copy_groups, shingles, signature

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "reuters21578" / "reuters21578_articles.jsonl.gz"


def load(n: int) -> dict[str, str]:
    """The first ``n`` articles with a body, ``{"r<newid>": title + body}``."""
    if not DATA.exists():
        raise SystemExit(f"Reuters-21578 not found at {DATA}")
    out: dict[str, str] = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("body"):
                out[f"r{rec['newid']}"] = f"{rec.get('title') or ''}\n\n{rec['body']}"
            if len(out) >= n:
                break
    return out


def plant_copy(text: str, rng: random.Random) -> str:
    """A light rewrite: new headline, one word in twenty replaced, a furniture line."""
    body = text.split("\n\n", 1)[-1].split()
    words = [w if rng.random() > 0.05 else f"word{rng.randint(0, 999)}" for w in body]
    return "A different headline for the same story\n\n" + " ".join(words) + "\n\nRead more on our site"


def exact_pairs(texts: dict[str, str], threshold: float) -> tuple[set[tuple[str, str]], float]:
    """Pairs with exact shingle Jaccard >= ``threshold`` (all pairs), and the seconds taken."""
    t0 = time.perf_counter()
    sets = {d: shingles(t) for d, t in texts.items()}
    pairs = set()
    for a, b in itertools.combinations(sorted(sets), 2):
        sa, sb = sets[a], sets[b]
        if sa and sb and len(sa & sb) / len(sa | sb) >= threshold:
            pairs.add((a, b))
    return pairs, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="documents in total (originals + planted copies)")
    ap.add_argument("--baseline", type=int, default=300, help="documents in the all-pairs baseline subset")
    ap.add_argument("--json", help="write the numbers to this file")
    args = ap.parse_args()

    rng = random.Random(7)
    n_orig = args.n - args.n // 11
    texts = load(n_orig)
    planted = {f"copy_of_{d}": d for d in list(texts)[::10]}
    texts.update({c: plant_copy(texts[d], rng) for c, d in planted.items()})
    n = len(texts)

    t0 = time.perf_counter()
    sigs = {d: signature(t) for d, t in texts.items()}
    t_sig = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows = find_copy_groups(sigs)
    t_group = time.perf_counter() - t0

    group_of = {d: g for d, g, _s in rows}
    hits = {c for c, d in planted.items() if c in group_of and group_of.get(d) == group_of[c]}
    found = len(hits)
    long_ones = {c for c, d in planted.items() if len(texts[d].split()) >= 100}
    other_groups = {g for d, g, _s in rows} - {group_of.get(d) for d in planted.values()}

    subset = dict(itertools.islice(texts.items(), args.baseline))
    exact, t_base = exact_pairs(subset, THRESHOLD)
    t_base_full = t_base * (n * (n - 1)) / (len(subset) * (len(subset) - 1))
    sub_rows = find_copy_groups({d: sigs[d] for d in subset})
    sub_groups: dict[str, set[str]] = {}
    for d, g, _s in sub_rows:
        sub_groups.setdefault(g, set()).add(d)
    lsh_pairs = {tuple(sorted(p)) for m in sub_groups.values() for p in itertools.combinations(m, 2)}

    result = {
        "documents": n,
        "planted_copies": len(planted),
        "signature_seconds": round(t_sig, 3),
        "signature_docs_per_second": round(n / t_sig, 1),
        "grouping_seconds": round(t_group, 3),
        "grouping_docs_per_second": round(n / t_group, 1),
        "baseline_subset": len(subset),
        "baseline_subset_seconds": round(t_base, 3),
        "baseline_extrapolated_seconds": round(t_base_full, 2),
        "baseline_docs_per_second": round(n / t_base_full, 1),
        "speedup_vs_baseline": round(t_base_full / (t_sig + t_group), 2),
        "planted_found": found,
        "planted_100_words": len(long_ones),
        "planted_100_words_found": len(hits & long_ones),
        "groups": len({g for _d, g, _s in rows}),
        "other_groups": len(other_groups),
        "subset_exact_pairs": len(exact),
        "subset_minhash_pairs": len(lsh_pairs),
        "subset_exact_pairs_found": len(exact & lsh_pairs),
    }
    print(f"documents: {n} ({len(planted)} planted near-copies), threshold {THRESHOLD}")
    print(f"signatures: {t_sig:.2f} s  ({result['signature_docs_per_second']} docs/s)")
    print(f"grouping:   {t_group:.2f} s  ({result['grouping_docs_per_second']} docs/s)")
    print(
        f"baseline (exact all-pairs Jaccard): {t_base:.2f} s on {len(subset)} docs, "
        f"{t_base_full:.1f} s extrapolated to {n} ({result['baseline_docs_per_second']} docs/s)"
    )
    print(f"speed-up of signatures + grouping over the baseline: x{result['speedup_vs_baseline']}")
    print(
        f"planted copies found with their original: {found} / {len(planted)} "
        f"(originals of 100+ words: {len(hits & long_ones)} / {len(long_ones)})"
    )
    print(f"copy groups: {result['groups']} ({len(other_groups)} among the Reuters articles themselves)")
    print(
        f"subset: {len(exact)} pairs with exact Jaccard >= {THRESHOLD}; MinHash grouped "
        f"{len(lsh_pairs)} pairs, {len(exact & lsh_pairs)} of the exact ones"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
