"""Candidate pairs of names that may name one actor, found by blocking, scored by rules.

Blocking keeps the work near-linear: names are only compared within blocks that share
a distinctive word (not a generic word such as "Legion"), its first letters, or — the
rest of the name being equal — a one-letter deletion of it (so every one-letter
misspelling meets its original); a block grown too large is skipped (its names still
meet in their other, smaller blocks). The rules, from strongest to weakest:

``same_words``    the same words in another order or form (plural, synonym, demonym:
                  "National Guard of Georgia" = "Georgian National Guard") — merged;
``spelling``      one distinctive word differs by one or two letters ("Kalinousky" /
                  "Kalinouski"), same type, same head word — merged;
``person``        same given name, surname spelled one or two letters apart — merged;
``contains``      one name's words are all in the other ("Georgian Legion" /
                  "Georgian National Legion") — never merged, sent to review;
``similar``       high rapidfuzz token-sort ratio — sent to review.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from factmap.resolve.names import name_signature, name_tokens, name_vocab

__all__ = ["Candidate", "NameNode", "candidates", "MAX_BLOCK"]

#: Blocks larger than this are skipped (their names meet in other blocks).
MAX_BLOCK = 400
AUTO_SAME_WORDS = 0.95
AUTO_SPELLING = 0.9
REVIEW_SIMILAR = 88.0

_NUMERIC = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class NameNode:
    """One resolution key with what comparison needs to know about it."""

    key: str
    type: str
    mentions: int

    @property
    def scoped(self) -> bool:
        return "@" in self.key or self.key.startswith("mention:")


@dataclass(frozen=True, slots=True)
class Candidate:
    a: str
    b: str
    score: float
    rule: str
    reason: str
    auto: bool


def _max_edits(x: str, y: str) -> int:
    n = min(len(x), len(y))
    return 2 if n >= 8 else 1 if n >= 5 else 0


def _close_words(x: str, y: str) -> bool:
    if _NUMERIC.search(x) or _NUMERIC.search(y):
        return False
    limit = _max_edits(x, y)
    return limit > 0 and Levenshtein.distance(x, y, score_cutoff=limit) <= limit


def _compare(a: NameNode, b: NameNode) -> Candidate | None:
    if a.type != b.type:
        return None
    generic = name_vocab().generic
    ta, tb = name_tokens(a.key, a.type), name_tokens(b.key, b.type)
    if not ta or not tb:
        return None
    if a.type == "person":
        if len(ta) == len(tb) >= 2 and ta[:-1] == tb[:-1] and _close_words(ta[-1], tb[-1]):
            return Candidate(a.key, b.key, AUTO_SPELLING, "person",
                             f"same given name, surname spelled '{ta[-1]}' / '{tb[-1]}'", True)
        return None
    sa, sb = set(name_signature(a.key, a.type)), set(name_signature(b.key, b.type))
    same_head = ta[-1] == tb[-1] or a.type in ("location", "group")
    only_a, only_b = sa - sb, sb - sa
    if same_head and len(only_a) == 1 and len(only_b) == 1:
        x, y = next(iter(only_a)), next(iter(only_b))
        if not (x in generic and y in generic) and _close_words(x, y):
            return Candidate(a.key, b.key, AUTO_SPELLING, "spelling",
                             f"spelling variant: '{x}' / '{y}'", True)
    if same_head and (sa < sb or sb < sa) and min(len(sa), len(sb)) >= 2:
        small, big = (sa, sb) if len(sa) < len(sb) else (sb, sa)
        return Candidate(a.key, b.key, round(len(small) / len(big), 3), "contains",
                         "one name's words are all in the other", False)
    ratio = fuzz.token_sort_ratio(" ".join(ta), " ".join(tb))
    if ratio >= REVIEW_SIMILAR:
        return Candidate(a.key, b.key, round(ratio / 100, 3), "similar", f"similar names ({ratio:.0f}/100)", False)
    return None


def _block_keys(node: NameNode) -> Iterable[str]:
    """Blocks a name belongs to: each distinctive word (for "contains"/"similar" pairs),
    its first four letters (two-letter misspellings further on in the word), and —
    with the rest of the name fixed — each one-letter deletion of a distinctive word,
    so that names one edit apart always share a block (symmetric-deletion blocking)."""
    generic = name_vocab().generic
    tokens = name_tokens(node.key, node.type)
    for i, tok in enumerate(tokens):
        if len(tok) < 4 or tok in generic:
            continue
        yield f"{node.type}:w:{tok}"
        yield f"{node.type}:p:{tok[:4]}"
        if len(tok) >= 5:
            rest = " ".join(sorted(tokens[:i] + tokens[i + 1 :]))
            yield f"{node.type}:d:{rest}:{tok}"
            for j in range(len(tok)):
                yield f"{node.type}:d:{rest}:{tok[:j]}{tok[j + 1:]}"


def candidates(nodes: Sequence[NameNode]) -> tuple[list[Candidate], int]:
    """Candidate pairs among ``nodes`` (document-scoped keys are left out), and the
    number of blocks skipped for being too large."""
    live = [n for n in nodes if not n.scoped]
    out: list[Candidate] = []
    by_sig: dict[tuple[str, tuple[str, ...]], list[NameNode]] = defaultdict(list)
    for n in live:
        sig = name_signature(n.key, n.type)
        if sig:
            by_sig[(n.type, sig)].append(n)
    for group in by_sig.values():
        if len(group) > 1:
            group = sorted(group, key=lambda n: (-n.mentions, n.key))
            for other in group[1:]:
                out.append(Candidate(group[0].key, other.key, AUTO_SAME_WORDS, "same_words",
                                     "the same words in another order or form", True))
    blocks: dict[str, list[NameNode]] = defaultdict(list)
    for n in live:
        for bk in _block_keys(n):
            blocks[bk].append(n)
    seen: set[tuple[str, str]] = set()
    skipped = 0
    for members in blocks.values():
        if len(members) < 2:
            continue
        if len(members) > MAX_BLOCK:
            skipped += 1
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (a.key, b.key) if a.key < b.key else (b.key, a.key)
                if pair in seen:
                    continue
                seen.add(pair)
                if name_signature(a.key, a.type) == name_signature(b.key, b.type):
                    continue  # already paired by same_words
                cand = _compare(a, b)
                if cand is not None:
                    out.append(cand)
    return out, skipped
