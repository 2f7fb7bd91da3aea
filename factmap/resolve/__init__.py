"""Resolve: which mentions name the same actor.

v1 (this module): mentions with the same normalised name (:func:`name_key`) are one
entity, and names that a source states to be the same (an acronym defined in
parentheses, "better known by the call-sign ...", "also known as ...") are joined.
Resolution only assigns mentions to entities; it never edits a mention or a claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from factmap.resolve.names import name_key
from factmap.store import Store

__all__ = ["ResolveStats", "name_key", "resolve"]


@dataclass(frozen=True, slots=True)
class ResolveStats:
    names: int
    entities: int
    joined_by_links: int


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


def resolve(store: Store) -> ResolveStats:
    """Group the store's mentions into entities and record why each name joined."""
    stats = store.name_stats()
    uf = _UnionFind()
    for norm, *_ in stats:
        uf.find(norm)
    reasons: dict[str, str] = {}
    joined = 0
    for a, b, kind in store.linked_names():
        if a and b and uf.union(a, b):
            joined += 1
            reasons.setdefault(b, f"stated {kind} of '{a}'")
    groups: dict[str, list[str]] = {}
    for norm in sorted(uf.parent):
        groups.setdefault(uf.find(norm), []).append(norm)
    clusters = [(norms, {n: reasons[n] for n in norms if n in reasons}) for norms in groups.values()]
    store.apply_resolution(clusters)
    return ResolveStats(names=len(uf.parent), entities=len(clusters), joined_by_links=joined)
