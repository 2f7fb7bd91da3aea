"""End to end: articles written for the test, through the real pipeline, then facts and
conflicts. A wire story carried by three more sites with small edits, and two outlets
that report on their own."""

from __future__ import annotations

import json

import pytest

from factmap.analyze.conflicts import conflicts
from factmap.analyze.facts import facts
from factmap.pipeline import ingest
from factmap.store import Store

WIRE = """Volunteer unit claims raid on border village

HARBOURTOWN, May 23 (Baltic Wire) - The Northern Legion, an armed unit of exiles fighting against the government of Valdoria, said its fighters had raided the border village of Alderton.

The raid began on Monday, May 22, 2023, when a column of armoured vehicles crossed the border near Alderton, the unit said in a statement. The Northern Legion, led by Pavel Ostrov, has fought in Valdoria for a year. The Northern Legion is backed by the Lake Council, according to officials in Harbourtown.

The Northern Legion was formed in 2022. It says it has about 200 fighters.

Valdoria's defence ministry said its forces had repelled the attack. None of the claims could be independently verified.
"""

COPY_EDITS = [
    [("Volunteer unit claims raid on border village", "Exile unit says it raided border village"),
     ("None of the claims could be independently verified.", "The claims could not be verified.")],
    [("Volunteer unit claims raid on border village", "Armed exiles claim raid near Alderton"),
     ("for a year", "for about a year")],
    [("Volunteer unit claims raid on border village", "Raid on Alderton claimed by Northern Legion"),
     ("Valdoria's defence ministry said its forces had repelled the attack.",
      "The defence ministry of Valdoria said the attack had been repelled.")],
]

FEATURE = """Across the line: a week with the Northern Legion

The raid began on Sunday, May 21, 2023, when the Northern Legion crossed into Valdoria near Alderton. The Northern Legion, led by Pavel Ostrov, has its base in a forest camp.

The Northern Legion was formed in August 2022. Its commanders say the unit has some 250 fighters, most of them exiles.
"""

DENIAL = """Lake Council denies links to armed exiles

The Lake Council denied that it backs the Northern Legion. The Northern Legion, led by Pavel Ostrov, is an armed group of exiles.

Officials in Valdoria say the Northern Legion has some 1,500 members.
"""


def _record(doc_id: str, publisher: str, host: str, published: str, text: str) -> str:
    return json.dumps({"id": doc_id, "publisher": publisher, "url": f"https://{host}/story/{doc_id}",
                       "published": published, "text": text})


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp) -> Store:
    copies = []
    for edits in COPY_EDITS:
        text = WIRE
        for old, new in edits:
            assert old in text
            text = text.replace(old, new)
        copies.append(text)
    lines = [
        _record("wire", "Baltic Wire", "balticwire.example", "2023-05-23", WIRE),
        _record("post", "Daily Post", "dailypost.example", "2023-05-23", copies[0]),
        _record("herald", "City Herald", "cityherald.example", "2023-05-24", copies[1]),
        _record("star", "Evening Star", "eveningstar.example", "2023-05-24", copies[2]),
        _record("feature", "Harbor Times", "harbortimes.example", "2023-06-02", FEATURE),
        _record("denial", "Mountain Gazette", "mountaingazette.example", "2023-06-05", DENIAL),
    ]
    path = tmp_path_factory.mktemp("corroboration") / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = Store(tmp_path_factory.mktemp("db") / "e2e.db")
    summary = ingest([path], s)
    assert not summary.failed and len(summary.added) == 6
    return s


def _fact(store, predicate, subject_name):
    found = [f for f in facts(store) if f["predicate"] == predicate and f["subject_name"] == subject_name]
    assert len(found) == 1, [(f["subject_name"], f["predicate"], f["object_name"]) for f in facts(store)]
    return found[0]


def _all_quotes(k):
    return [e["quote"] for side in k["sides"] for e in side["evidence"]]


@pytest.mark.slow
def test_corroboration_e2e_wire_copies_count_as_one_source(store):
    groups = store.copy_groups()
    assert {d for d in groups} == {"wire", "post", "herald", "star"}
    assert len({g for g, _ in groups.values()}) == 1
    backed = _fact(store, "supports", "Lake Council")
    assert backed["documents"] == ["herald", "post", "star", "wire"]
    assert backed["independent_sources"] == 1 and backed["single_source"] is True


@pytest.mark.slow
def test_corroboration_e2e_independent_outlets_count_separately(store):
    led = _fact(store, "leader_of", "Pavel Ostrov")
    assert {"feature", "denial"} <= set(led["documents"])
    # the wire group (one source) plus two independent outlets
    assert led["independent_sources"] == 3
    assert led["disputed"] is False
    assert led["first_seen"] == "2023-05-23" and led["last_seen"] == "2023-06-05"


@pytest.mark.slow
def test_corroboration_e2e_negation_reported_once_with_both_quotes(store):
    found = [k for k in conflicts(store) if k["kind"] == "negation"]
    assert len(found) == 1
    (k,) = found
    positive, negative = k["sides"]
    assert {e["doc"] for e in positive["evidence"]} == {"wire", "post", "herald", "star"}
    assert any("is backed by the Lake Council" in e["quote"] for e in positive["evidence"])
    assert [e["doc"] for e in negative["evidence"]] == ["denial"]
    assert "denied that it backs the Northern Legion" in negative["evidence"][0]["quote"]
    assert _fact(store, "supports", "Lake Council")["disputed"] is True


@pytest.mark.slow
def test_corroboration_e2e_date_disagreement_reported_once(store):
    found = [k for k in conflicts(store) if k["kind"] == "date"]
    assert len(found) == 1, [k["summary"] for k in found]
    quotes = _all_quotes(found[0])
    assert any("Sunday, May 21, 2023" in q for q in quotes)
    assert any("Monday, May 22, 2023" in q for q in quotes)
    # the founding: "in 2022" and "in August 2022" agree


@pytest.mark.slow
def test_corroboration_e2e_number_disagreement_and_agreement(store):
    if store.count("quantities") == 0:
        pytest.skip("quantity extraction is not part of the pipeline yet: no quantities stored")
    found = [k for k in conflicts(store) if k["kind"] == "number"]
    assert len(found) == 1, [k["summary"] for k in found]
    quotes = _all_quotes(found[0])
    assert any("1,500" in q for q in quotes)
    assert any("200" in q for q in quotes)  # about 200 and some 250 agree: one side


@pytest.mark.slow
def test_corroboration_e2e_evidence_offsets_match_the_text(store):
    texts = store.document_texts(d["id"] for d in store.documents())
    for k in conflicts(store):
        for side in k["sides"]:
            for e in side["evidence"]:
                assert texts[e["doc"]][e["start"] : e["end"]] == e["quote"]
    for f in facts(store):
        st = f["strongest"]
        assert texts[st["doc"]][st["start"] : st["end"]] == st["quote"]
