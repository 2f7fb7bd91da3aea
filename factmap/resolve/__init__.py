"""Resolve: which mentions name the same actor.

Nodes are resolution keys (a mention's normalised name, or a document-scoped key for
names that only make sense in their article: see :mod:`factmap.resolve.keys`). Edges
join keys, strongest first:

1. reviewers' positive judgements (``factmap merge``, ``factmap alias add``);
2. known actors (``factmap actors import``): a canonical name and its aliases;
3. links a source states ("X (RDK)", "also known as", "better known by the call-sign")
   and links implied within one article ("the Legion" → the Legion named earlier);
4. name rules over blocked candidate pairs (:mod:`factmap.resolve.match`).

Edges are applied greedily under cannot-link constraints: a reviewer's negative
judgement (``factmap distinct``) keeps two clusters apart whatever joins them, and name
rules never join clusters of different types. Uncertain pairs go to the review queue,
ranked by how many mentions a decision would move; pairs a reviewer already decided,
directly or transitively, are never queued again. Resolution only assigns mentions to
entities; it never edits a mention or a claim, and every run replays all judgements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from nomenklatura.judgement import Judgement

from factmap.model import Cluster, MergeReason
from factmap.resolve.match import Candidate, NameNode, candidates
from factmap.resolve.names import name_key
from factmap.store import Store

__all__ = ["ResolveStats", "name_key", "resolve"]

_STATED_KINDS = {"acronym", "alias", "callsign", "formerly", "transliteration"}


@dataclass(frozen=True, slots=True)
class ResolveStats:
    keys: int
    entities: int
    merged_by_judgement: int
    merged_by_known_actors: int
    merged_by_links: int
    merged_by_rules: int
    refused: int
    review_queue: int
    skipped_blocks: int


class _Clusters:
    """Union-find over keys with cannot-link sets and cluster types."""

    def __init__(self, types: dict[str, str]) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.forbidden: dict[str, set[str]] = defaultdict(set)
        self.type: dict[str, str | None] = {}
        self._types = types

    def add(self, key: str) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.members[key] = {key}
            self.type[key] = self._types.get(key)

    def find(self, key: str) -> str:
        self.add(key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def forbid(self, a: str, b: str) -> None:
        self.forbidden[self.find(a)].add(b)
        self.forbidden[self.find(b)].add(a)

    def blocked(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        return bool(self.forbidden[ra] & self.members[rb] or self.forbidden[rb] & self.members[ra])

    def union(self, a: str, b: str, same_type: bool) -> bool | None:
        """Join; True if joined, False if already together, None if refused."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.blocked(a, b):
            return None
        ta, tb = self.type[ra], self.type[rb]
        if same_type and ta and tb and ta != tb:
            return None
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.forbidden[ra] |= self.forbidden.pop(rb, set())
        self.type[ra] = ta or tb
        return True


def _majority_types(stats: list[tuple[str, str, int, float]]) -> tuple[dict[str, str], dict[str, int]]:
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    counts: dict[str, int] = defaultdict(int)
    for key, typ, n, conf in stats:
        weights[key][typ] = weights[key].get(typ, 0.0) + conf
        counts[key] += n
    return {k: max(w, key=lambda t: (w[t], t)) for k, w in weights.items()}, dict(counts)


def _join_lone_surnames(cl: _Clusters, types: dict[str, str], join: Callable[..., None]) -> None:
    """A surname an article uses alone ("Putin said") joins the one person of the whole
    store whose full name ends with it — and nobody if two people share it (a father and
    a daughter), or if the article itself has someone of that name."""
    people: dict[str, set[str]] = defaultdict(set)
    for key, typ in types.items():
        if typ == "person" and "@" not in key and not key.startswith("mention:"):
            toks = key.split()
            if len(toks) >= 2 and len(toks[-1]) > 1:
                people[toks[-1]].add(key)
    for key, typ in types.items():
        if typ != "person" or "@" not in key or ">" in key:
            continue
        word = key.split("@", 1)[0]
        if " " in word or len(cl.members[cl.find(key)]) > 1:
            continue  # not a lone surname, or the article already said who it is
        owners = {cl.find(k) for k in people.get(word, ())}
        if len(owners) == 1:
            target = next(iter(people[word]))
            join(key, target, MergeReason("surname", "the only person of that name in the store", 0.85), "rules", True)


def resolve(store: Store) -> ResolveStats:
    """Group the store's mentions into entities, record why each name joined, and
    refresh the review queue."""
    types, counts = _majority_types(store.key_stats())
    cl = _Clusters(types)
    for key in types:
        cl.add(key)
    reasons: dict[str, MergeReason] = {}
    tally: defaultdict[str, int] = defaultdict(int)

    def join(a: str, b: str, why: MergeReason, kind: str, same_type: bool) -> None:
        # the reason belongs to the side that joins: the smaller cluster's key
        ra, rb = cl.find(a), cl.find(b)
        joiner = a if len(cl.members[ra]) < len(cl.members[rb]) or b not in types else b
        other = b if joiner == a else a
        res = cl.union(a, b, same_type)
        if res:
            tally[kind] += 1
            if joiner in types:
                reasons.setdefault(joiner, replace(why, reason=f"{why.reason}: with '{other}'"))
        elif res is None:
            tally["refused"] += 1

    with store.judgements() as log:
        decisions = log.decisions()
        # negatives first: they constrain everything after
        for d in decisions:
            if d.judgement == Judgement.NEGATIVE.value:
                cl.forbid(d.a, d.b)
        for d in sorted(decisions, key=lambda d: d.created_at):
            if d.judgement == Judgement.POSITIVE.value:
                join(d.a, d.b, MergeReason("reviewer", f"merged by {d.user} on {d.created_at[:10]}"), "judgement", False)

        names: dict[str, str] = {}
        ext_ids: dict[str, tuple[str, ...]] = {}
        fixed_types: dict[str, str] = {}
        for actor in store.known_actors():
            head = name_key(actor.name)
            cl.add(head)
            names[head], ext_ids[head], fixed_types[head] = actor.name, actor.external_ids, actor.type
            for alias in actor.aliases:
                join(head, name_key(alias), MergeReason("known_actor", f"alias in the known-actor list {actor.source}"), "known", False)

        for a, b, kind, ev in store.linked_keys():
            rule = "stated" if kind in _STATED_KINDS else "document"
            what = f"a source states it ({kind})" if rule == "stated" else f"named so within its article ({kind})"
            join(a, b, MergeReason(rule, what, 1.0 if rule == "stated" else 0.97, (ev,)), "links", False)

        _join_lone_surnames(cl, types, join)

        nodes = [NameNode(k, types[k], counts.get(k, 0)) for k in types]
        cands, skipped = candidates(nodes)
        queue: list[Candidate] = []
        examples = store.key_examples([c.a for c in cands] + [c.b for c in cands])
        for c in sorted(cands, key=lambda c: (-c.score, c.a, c.b)):
            if not c.auto:
                queue.append(c)
                continue
            examples_of_pair = tuple(e for e in (examples.get(c.a), examples.get(c.b)) if e)
            join(c.a, c.b, MergeReason(c.rule, c.reason, c.score, examples_of_pair), "rules", True)

        review_rows = []
        for c in queue:
            if cl.find(c.a) == cl.find(c.b) or cl.blocked(c.a, c.b) or not log.undecided(c.a, c.b):
                continue
            impact = sum(counts.get(k, 0) for k in cl.members[cl.find(c.a)] | cl.members[cl.find(c.b)])
            review_rows.append({"a": c.a, "b": c.b, "score": c.score, "reason": f"{c.rule}: {c.reason}", "impact": impact})

    labels = store.key_labels()
    clusters: list[Cluster] = []
    for members in cl.members.values():
        keys = sorted(k for k in members if k in types)
        if not keys:
            continue  # a reviewer's or known actor's name that no article uses (yet)
        cluster = Cluster(keys, {k: reasons[k] for k in keys if k in reasons})
        for k in sorted(members):
            if k in names:
                cluster.name, cluster.type, cluster.external_ids = names[k], fixed_types[k], ext_ids[k]
        chosen = sorted((labels[k][1], labels[k][0]) for k in members if k in labels)
        if chosen:
            cluster.name = chosen[-1][1]
        clusters.append(cluster)
    store.apply_resolution(clusters)
    store.set_review_queue(review_rows)
    return ResolveStats(
        keys=len(types), entities=len(clusters), merged_by_judgement=tally["judgement"],
        merged_by_known_actors=tally["known"], merged_by_links=tally["links"],
        merged_by_rules=tally["rules"], refused=tally["refused"],
        review_queue=len(review_rows), skipped_blocks=skipped,
    )
