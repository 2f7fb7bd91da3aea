from __future__ import annotations

from dataclasses import replace

from factmap.analyze.facts import dates_compatible, fact_id, facts, merged_events, most_precise_date
from factmap.model import Claim
from factmap.pipeline import save_extraction
from factmap.resolve import resolve
from factmap.store import Store
from tests.helpers import make_doc, make_extraction

NAMES = [("Northern Legion", "organization"), ("Lake Council", "organization"), ("Ana Ruiz", "person")]


def _store(*docs) -> Store:
    """A store from (doc id, text, publisher, published, extraction kwargs) tuples."""
    s = Store()
    for doc_id, text, publisher, published, kw in docs:
        d = make_doc(doc_id, text, publisher=publisher, published=published)
        names = [n for n in kw.pop("names", NAMES) if n[0] in text]
        fixes = kw.pop("_fix", ())
        ext = make_extraction(d, names, **kw)
        for fix in fixes:
            fix(ext)
        save_extraction(s, d, ext)
    resolve(s)
    return s


LED = "Ana Ruiz leads the Northern Legion."
SUPPORT = {"claims": [("Ana Ruiz", "leader_of", "Northern Legion")]}


def test_analyze_facts_groups_claims_and_counts_publishers_once():
    s = _store(
        ("a", LED, "Alpha News", "2024-01-02", dict(SUPPORT)),
        ("b", "Reports say " + LED, "Beta Times", "2024-01-05", dict(SUPPORT)),
        ("c", "Again: " + LED, "Alpha News", "2024-01-09", dict(SUPPORT)),
    )
    (f,) = facts(s)
    assert (f["subject_name"], f["predicate"], f["object_name"]) == ("Ana Ruiz", "leader_of", "Northern Legion")
    assert f["documents"] == ["a", "b", "c"]
    assert len(f["claims"]) == 3
    assert f["independent_sources"] == 2
    assert (f["first_seen"], f["last_seen"]) == ("2024-01-02", "2024-01-09")
    assert f["single_source"] is False and f["disputed"] is False
    assert f["id"] == fact_id((f["subject"], f["predicate"], f["object"]))
    st = f["strongest"]
    text = s.document(st["doc"])["text"]
    assert text[st["start"] : st["end"]] == st["quote"]


def test_analyze_facts_copies_count_as_one_source():
    s = _store(
        ("a", LED, "Alpha News", "2024-01-02", dict(SUPPORT)),
        ("b", LED + " More.", "Beta Times", "2024-01-03", dict(SUPPORT)),
    )
    assert facts(s)[0]["independent_sources"] == 2
    s.set_copy_groups([("a", "a", 1.0), ("b", "a", 0.8)])
    (f,) = facts(s)
    assert f["independent_sources"] == 1 and f["single_source"] is True
    assert facts(s, min_sources=2) == []


def test_analyze_facts_symmetric_predicates_are_order_free_and_negations_excluded():
    text = "The Northern Legion works with the Lake Council."
    s = _store(
        ("a", text, "Alpha", None, {"claims": [("Northern Legion", "allied_with", "Lake Council")]}),
        ("b", text, "Beta", None, {"claims": [("Lake Council", "allied_with", "Northern Legion")]}),
        ("c", "Ana Ruiz does not lead the Northern Legion.", "Gamma", None, {
            "claims": [("Ana Ruiz", "leader_of", "Northern Legion")],
            "_fix": [lambda e: e.claims.__setitem__(0, replace(e.claims[0], negated=True))],
        }),
    )
    fs = facts(s)
    assert [(f["predicate"], f["independent_sources"]) for f in fs] == [("allied_with", 2)]


def test_analyze_facts_claimants_validity_and_entity_filter():
    text = "Ana Ruiz said the Northern Legion leads the Lake Council since 2022."

    def attribute(e):
        ruiz = next(m for m in e.mentions if m.text == "Ana Ruiz")
        e.claims[0] = replace(e.claims[0], claimant=ruiz.id, valid_from="2022")

    s = _store(
        ("a", text, "Alpha", "2024-02-01", {"claims": [("Northern Legion", "leader_of", "Lake Council")], "_fix": [attribute]}),
        ("b", "The Northern Legion leads the Lake Council.", "Beta", "2024-02-03",
         {"claims": [("Northern Legion", "leader_of", "Lake Council")]}),
    )
    (f,) = facts(s)
    assert f["unattributed"] is True
    assert f["claimant_names"] == ["Ana Ruiz"] and f["claimants"][-1] is None
    assert f["valid_from"] == "2022" and f["valid_to"] is None
    ruiz = next(e for e in s.entities() if e["name"] == "Ana Ruiz")["id"]
    assert facts(s, entity=ruiz) == []
    legion = next(e for e in s.entities() if e["name"] == "Northern Legion")["id"]
    assert len(facts(s, entity=legion)) == 1


def test_analyze_dates_compatible_prefix_and_day_gap():
    assert dates_compatible("2023-05", "2023-05-22")
    assert dates_compatible("2023-05-21", "2023-05-22")
    assert not dates_compatible("2023-05-02", "2023-05-22")
    assert not dates_compatible("2022", "2023")
    assert most_precise_date(["2023", "2023-05-22", "2023-05-21", "2023-05-22"]) == "2023-05-22"


RAID = "The Northern Legion raided Alderton."


def test_analyze_merged_events_same_happening_across_documents():
    ev = lambda date: {"names": [("Northern Legion", "organization"), ("Alderton", "location")],  # noqa: E731
                       "events": [("raid", date, "Alderton", ["Northern Legion"])]}
    s = _store(
        ("a", RAID, "Alpha", "2023-05-23", ev("2023-05-22")),
        ("b", RAID, "Beta", "2023-05-24", ev("2023-05")),
        ("c", RAID, "Gamma", "2023-05-23", ev("2023-05-21")),
        ("d", RAID, "Delta", "2023-06-20", ev("2023-06-15")),
    )
    ms = merged_events(s)
    big = next(m for m in ms if len(m["events"]) > 1)
    assert big["documents"] == ["a", "b", "c"]
    assert big["independent_sources"] == 3
    assert big["dates"] == ["2023-05", "2023-05-21", "2023-05-22"]
    assert big["date"] in ("2023-05-21", "2023-05-22")
    assert big["place_name"] == "Alderton"
    assert [m["dates"] for m in ms if m is not big] == [["2023-06-15"]]
    for q in big["quotes"]:
        assert s.document(q["doc"])["text"][q["start"] : q["end"]] == q["quote"]


def test_analyze_merged_events_keeps_other_and_unlinked_events_apart():
    s = _store(
        ("a", RAID, "Alpha", None, {"names": [("Northern Legion", "organization"), ("Alderton", "location")],
                                    "events": [("other", "2023-05-22", None, ["Northern Legion"])]}),
        ("b", RAID, "Beta", None, {"names": [("Northern Legion", "organization"), ("Alderton", "location")],
                                   "events": [("other", "2023-05-22", None, ["Northern Legion"])]}),
        ("c", "The Lake Council raided Brookfield.", "Gamma", None,
         {"names": [("Lake Council", "organization"), ("Brookfield", "location")],
          "events": [("raid", "2023-05-22", "Brookfield", ["Lake Council"])]}),
        ("d", RAID, "Delta", None, {"names": [("Northern Legion", "organization"), ("Alderton", "location")],
                                    "events": [("raid", "2023-05-22", "Alderton", ["Northern Legion"])]}),
    )
    assert sorted(len(m["events"]) for m in merged_events(s)) == [1, 1, 1, 1]


def test_analyze_merged_events_founding_merges_whatever_the_date():
    text = "The Northern Legion was formed by Ana Ruiz."
    ev = lambda date: {"events": [("formation", date, None, ["Northern Legion", "Ana Ruiz"])]}  # noqa: E731
    s = _store(("a", text, "Alpha", None, ev("2022")), ("b", text, "Beta", None, ev("2023-04")))
    (m,) = merged_events(s)
    assert m["dates"] == ["2022", "2023-04"] and m["type"] == "formation"


def test_analyze_facts_claimed_responsibility_points_at_merged_event():
    text = "The Northern Legion claimed the raid on Alderton."
    names = [("Northern Legion", "organization"), ("Alderton", "location")]

    def claim_event(e):
        legion = next(m for m in e.mentions if m.text == "Northern Legion")
        e.claims.append(Claim(e.doc, 0, len(text), text, "claimed_responsibility", legion.id, "event:0", 0.9, "test"))

    kw = lambda: {"names": names, "events": [("raid", "2023-05-22", "Alderton", ["Northern Legion"])],  # noqa: E731
                  "_fix": [claim_event]}
    s = _store(("a", text, "Alpha", None, kw()), ("b", text, "Beta", None, kw()))
    (f,) = facts(s)
    assert f["predicate"] == "claimed_responsibility" and f["object"].startswith("M")
    assert f["independent_sources"] == 2
