"""Resolution benchmarks: clustering arithmetic, merge counters and the variant generator (no spaCy)."""

from __future__ import annotations

import random

import pytest
from rapidfuzz.distance import Levenshtein

from benchmarks.quality import GoldDoc, GoldMention, PredMention
from benchmarks.resolution import (
    bcubed,
    false_merges,
    match_items,
    missed_merges,
    pairwise,
    summarize,
    wrong_merges,
)
from benchmarks.resolution_scale import (
    VARIANT_KINDS,
    Base,
    SyntheticCorpus,
    acronym,
    base_pool,
    find_names,
    make_variant,
)

# gold: a a a b b c  (pairs: 3 + 1 = 4)
GOLD = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b", 6: "c"}


def test_benchmarks_resolution_pairwise_perfect():
    pred = {k: f"E{v}" for k, v in GOLD.items()}
    s = pairwise(GOLD, pred)
    assert (s.tp, s.n_pred, s.n_gold) == (4, 4, 4)
    assert s.precision == s.recall == s.f1 == 1.0


def test_benchmarks_resolution_pairwise_all_merged():
    s = pairwise(GOLD, {k: "E1" for k in GOLD})
    assert (s.tp, s.n_pred, s.n_gold) == (4, 15, 4)  # C(6,2) = 15 predicted pairs
    assert s.precision == pytest.approx(4 / 15)
    assert s.recall == 1.0
    assert s.f1 == pytest.approx(2 * (4 / 15) / (4 / 15 + 1))


def test_benchmarks_resolution_pairwise_all_split():
    s = pairwise(GOLD, {k: f"E{k}" for k in GOLD})
    assert (s.tp, s.n_pred, s.n_gold) == (0, 0, 4)
    assert s.precision is None  # nothing merged: precision undefined, not zero
    assert s.recall == 0.0


def test_benchmarks_resolution_pairwise_partial_and_missing_items():
    # predicted: {1,2} {3,4} {5,6}; item 7 has no prediction and is ignored
    pred = {1: "x", 2: "x", 3: "y", 4: "y", 5: "z", 6: "z"}
    s = pairwise({**GOLD, 7: "a"}, pred)
    assert (s.tp, s.n_pred, s.n_gold) == (1, 3, 4)


def test_benchmarks_resolution_bcubed_perfect_merged_split():
    perfect = bcubed(GOLD, {k: v.upper() for k, v in GOLD.items()})
    assert (perfect.precision, perfect.recall, perfect.f1, perfect.items) == (1.0, 1.0, 1.0, 6)
    merged = bcubed(GOLD, {k: "E" for k in GOLD})
    # precision per item = |gold cluster| / 6: (3*3 + 2*2 + 1*1) / 6 / 6
    assert merged.precision == pytest.approx(14 / 36)
    assert merged.recall == 1.0
    split = bcubed(GOLD, {k: k for k in GOLD})
    assert split.precision == 1.0
    # recall per item = 1 / |gold cluster|: (3 * 1/3 + 2 * 1/2 + 1) / 6
    assert split.recall == pytest.approx(3 / 6)
    assert bcubed({}, {}).precision is None


def test_benchmarks_resolution_bcubed_partial():
    pred = {1: "x", 2: "x", 3: "y", 4: "y", 5: "z", 6: "z"}
    b = bcubed(GOLD, pred)
    # precision: items 1,2 -> 1; 3,4 -> 1/2; 5,6 -> 1/2  => (2 + 1 + 1) / 6
    assert b.precision == pytest.approx(4 / 6)
    # recall: 1,2 -> 2/3; 3 -> 1/3; 4 -> 1/2; 5 -> 1/2; 6 -> 1  => (4/3 + 1/3 + 1/2 + 1/2 + 1) / 6
    assert b.recall == pytest.approx((4 / 3 + 1 / 3 + 1 / 2 + 1 / 2 + 1) / 6)


def test_benchmarks_resolution_wrong_merges_counts_distinct_organizations_only():
    gold = {1: "Legion", 2: "Legion", 3: "Corps", 4: "Kyiv", 5: "Battalion", 6: "Putin", 7: "Brigade"}
    types = {1: "organization", 2: "organization", 3: "organization", 4: "location",
             5: "organization", 6: "person", 7: "organization"}
    pred = {1: "E1", 2: "E1", 3: "E1",  # two organizations merged: wrong
            4: "E2", 5: "E2",  # an organization with a place: a false merge, not an org-org one
            6: "E3", 7: "E4"}
    wrong = wrong_merges(gold, pred, types)
    assert [w.cluster for w in wrong] == ["E1"]
    assert wrong[0].parts == (("Legion", 2), ("Corps", 1))
    assert wrong[0].size == 3
    assert [m.cluster for m in false_merges(gold, pred)] == ["E1", "E2"]
    assert wrong_merges(gold, {k: f"E{k}" for k in gold}, types) == []


def test_benchmarks_resolution_missed_merges_largest_first():
    pred = {1: "x", 2: "x", 3: "y", 4: "u", 5: "v", 6: "w"}
    missed = missed_merges(GOLD, pred)
    assert [(m.cluster, m.parts) for m in missed] == [("a", (("x", 2), ("y", 1))), ("b", (("u", 1), ("v", 1)))]


def test_benchmarks_resolution_match_items_and_summary():
    text = "The Legion and the Corps met. Legion fighters and the Free Legion stayed."
    gold = GoldDoc("d1", split="dev", mentions=[
        GoldMention("Legion", "organization", "Legion A"),
        GoldMention("Corps", "organization", "Corps B"),
        GoldMention("Legion", "organization", "Legion A"),
        GoldMention("Free Legion", "organization", "Legion A"),
    ])
    pred = [
        PredMention("d1", 4, 10, "Legion", "organization", "E1"),
        PredMention("d1", 19, 24, "Corps", "organization", "E1"),  # wrongly merged with the Legion
        PredMention("d1", 30, 36, "Legion", "organization", "E1"),
    ]
    items = match_items(gold, text, pred)
    assert [(it.index, it.pred_entity) for it in items.items] == [(0, "E1"), (1, "E1"), (2, "E1")]
    s = summarize([items])
    assert s["mentions"] == {"gold": 4, "paired": 3, "unpaired": 1, "recall": 0.75}
    assert s["wrong_org_merges"] == 1
    assert s["wrong_org_merge_list"][0]["names"] == ["Corps", "Legion"]
    assert s["pairwise"]["tp"] == 1 and s["pairwise"]["n_pred"] == 3


# --------------------------------------------------------------------------- the synthetic corpus


ARTICLES = [
    "The Bank of Japan said on Monday that rates would hold. Analysts at Merrill Lynch agreed "
    "and the Bank of Japan declined further comment while International Monetary Fund staff met.",
    "Officials of the International Monetary Fund met in Washington. The Bank of Japan was "
    "absent, Merrill Lynch was not present at the meeting in New York on Tuesday afternoon.",
]


def test_benchmarks_resolution_find_names_drops_leading_function_words():
    names = find_names(ARTICLES)
    assert "Bank of Japan" in names and "International Monetary Fund" in names and "Merrill Lynch" in names
    assert not any(n.startswith("The ") for n in names)
    assert names[0] == "Bank of Japan"  # the most frequent first


def test_benchmarks_resolution_variants_each_kind():
    rng = random.Random(3)
    assert make_variant("Bank of Japan", "swap", rng) == "Japan Bank"
    assert make_variant("Northern Wolf Legion", "swap", rng) == "Legion of Northern Wolf"
    assert make_variant("Northern Wolf Legion", "number", rng) == "Northern Wolf Legions"
    assert make_variant("Sons of Liberty", "number", rng) == "Son of Liberty"
    assert make_variant("Northern Wolf Legion", "acronym", rng) == "NWL"
    assert acronym("Bank of Japan") == "BJ" and acronym("Legion") is None
    case = make_variant("Northern Wolf Legion", "case", rng)
    assert case != "Northern Wolf Legion" and case.casefold() == "northern wolf legion"
    for seed in range(20):
        typo = make_variant("Northern Wolf Legion", "misspell", random.Random(seed))
        assert typo is not None and typo != "Northern Wolf Legion"
        assert abs(len(typo) - len("Northern Wolf Legion")) <= 1
        assert Levenshtein.distance(typo, "Northern Wolf Legion") == 1
        assert typo[0] == "N" and len(typo.split()) == 3
    with pytest.raises(ValueError, match="unknown variant kind"):
        make_variant("X Y", "anagram", rng)


def _corpus(seed: int) -> SyntheticCorpus:
    pool = base_pool(find_names(ARTICLES, min_count=1), 40, random.Random(seed))
    return SyntheticCorpus(ARTICLES, pool, seed=seed, variant_rate=0.5, acronym_rate=0.5)


def test_benchmarks_resolution_generator_deterministic_with_seed():
    a = [(d.text, [m.id for m in e.mentions]) for d, e in _corpus(7).documents(30)]
    b = [(d.text, [m.id for m in e.mentions]) for d, e in _corpus(7).documents(30)]
    c = [(d.text, [m.id for m in e.mentions]) for d, e in _corpus(8).documents(30)]
    assert a == b
    assert a != c


def test_benchmarks_resolution_generator_offsets_links_and_every_kind():
    corpus = _corpus(7)
    docs = list(corpus.documents(60))
    for doc, ext in docs:
        assert 20 <= len(ext.mentions) <= 40 + 10  # acronym definitions add a mention
        for m in ext.mentions:
            assert doc.text[m.start : m.end] == m.text
            assert m.id in corpus.truth
        for lk in ext.links:
            assert lk.kind == "acronym" and doc.text[lk.start : lk.end] == lk.quote
            long = next(m for m in ext.mentions if m.id == lk.a)
            short = next(m for m in ext.mentions if m.id == lk.b)
            assert corpus.truth[long.id] == corpus.truth[short.id]
            assert lk.quote == f"{long.text} ({short.text})"
    assert set(corpus.counts) == {"plain", "acronym", *VARIANT_KINDS}
    assert all(corpus.counts[k] > 0 for k in VARIANT_KINDS)
    assert sum(len(e.links) for _, e in docs) > 0


def test_benchmarks_resolution_base_pool_unique_acronyms():
    assert acronym("Bank of Japan") == acronym("Bank of Jordan") == "BJ"
    built = base_pool(["Bank of Japan", "Bank of Jordan", "Merrill Lynch"], 3, random.Random(1))
    by_name = {b.name: b for b in built}
    assert by_name["Bank of Japan"].acronym is None and by_name["Bank of Jordan"].acronym is None
    assert len(built) == 3
    assert all(isinstance(b, Base) for b in built)
    unit = next(b for b in built if not b.name.startswith("Bank"))
    assert unit.type == "organization" and unit.acronym == acronym(unit.name)
