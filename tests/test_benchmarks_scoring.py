"""Scoring helpers of the quality benchmarks, on tiny hand-made inputs (no spaCy)."""

from __future__ import annotations

import pytest

from benchmarks.common import Scores, fact, format_table, per_predicate, prf, score_sets
from benchmarks.quality import (
    EntityNames,
    GoldDoc,
    GoldEvent,
    GoldMention,
    PredClaim,
    PredEvent,
    PredMention,
    claim_fact,
    furniture_left,
    gold_spans,
    head_word,
    locate,
    match_events,
    match_mentions,
    mention_names,
    occurrences,
    parse_gold,
    score_document,
    summarize,
)
from benchmarks.redocred import build_doc, gold_facts, mention_span, predicted_facts, token_offsets
from factmap.model import Claim, mention_id


def test_benchmarks_prf_arithmetic():
    s = prf(2, 4, 5)
    assert s.precision == 0.5
    assert s.recall == 0.4
    assert s.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert Scores(0, 0, 3).precision is None and Scores(0, 0, 3).recall == 0.0
    assert Scores(0, 2, 2).f1 == 0.0
    assert (prf(1, 2, 3) + prf(2, 2, 2)).as_dict() == {
        "tp": 3, "n_pred": 4, "n_gold": 5, "precision": 0.75, "recall": 0.6, "f1": 0.6667,
    }
    with pytest.raises(ValueError):
        prf(3, 2, 5)


def test_benchmarks_symmetric_predicates_are_order_free():
    assert fact("B", "allied_with", "A") == fact("A", "allied_with", "B")
    assert fact("B", "rival_of", "A") == ("A", "rival_of", "B")
    assert fact("B", "leader_of", "A") == ("B", "leader_of", "A")
    pred = {fact("Y", "allied_with", "X"), fact("P", "leader_of", "Q")}
    gold = {fact("X", "allied_with", "Y"), fact("Q", "leader_of", "P")}
    s = score_sets(pred, gold)
    assert (s.tp, s.n_pred, s.n_gold) == (1, 2, 2)
    by = per_predicate(pred, gold)
    assert by["allied_with"].f1 == 1.0 and by["leader_of"].tp == 0


def test_benchmarks_format_table_aligns_columns():
    out = format_table(["", "P"], [["a", 0.5], ["longer", None]])
    lines = out.splitlines()
    assert lines[2] == "a       0.500"
    assert lines[3] == "longer      -"


def test_benchmarks_furniture_and_locate():
    text = "Skip to main content\n\nThe Legion  said\nit would."
    assert furniture_left(text, ["Skip to main content", "Share this", "  "]) == ["Skip to main content"]
    assert locate(text, "The Legion said it") == (22, 41)
    assert text[22:41] == "The Legion  said\nit"
    assert locate(text, "absent words") is None


def test_benchmarks_gold_copied_from_raw_text_is_read_as_ingest_cleans_it():
    text = "The Legion's commander - a former officer - said \"no\"."  # cleaned: straight quotes, "-"
    assert locate(text, "Legion\u2019s commander \u2013 a former officer") == (4, 41)
    assert locate(text, "said \u201cno\u201d") == (44, 53)
    assert occurrences(text, "Legion\u2019s") == [(4, 12)]


def test_benchmarks_gold_spans_count_occurrences_in_order():
    text = "Legion met RDK. The Legion, not the Legionnaires, left."
    gold = [GoldMention("Legion", "organization", "L"), GoldMention("RDK", "organization", "R"),
            GoldMention("Legion", "organization", "L"), GoldMention("Legion", "organization", "L")]
    spans = gold_spans(text, gold)
    assert spans[0] == (0, 6) and spans[1] == (11, 14)
    assert text[spans[2][0]:spans[2][1]] == "Legion" and spans[2][0] == 20
    assert spans[3] is None  # "Legionnaires" is not an occurrence
    assert head_word("Russian Volunteer Corps") == "corps"
    assert head_word("Ukraine's") == "ukraine"


def _pm(doc, text, full, occurrence=0, etype="organization", entity="E1"):
    start = -1
    for _ in range(occurrence + 1):
        start = full.index(text, start + 1)
    return PredMention(doc, start, start + len(text), text, etype, entity)


def test_benchmarks_match_mentions_text_then_head_overlap():
    text = "The Russian Volunteer Corps and Kozinka. Corps fighters left Kozinka."
    gold = [GoldMention("Russian Volunteer Corps", "organization", "RVC"),
            GoldMention("Kozinka", "location", "Kozinka"),
            GoldMention("Kozinka", "location", "Kozinka")]
    pred = [_pm("d", "The Russian Volunteer Corps", text),  # same head, overlapping
            _pm("d", "Kozinka", text, 0, "organization"),  # found, wrong type
            _pm("d", "Corps", text, 1)]  # matches no gold text
    m = match_mentions(text, gold, pred)
    assert m.pairs == {0: 0, 1: 1}
    assert (m.n_gold, m.n_pred, m.type_ok, m.pred_ok) == (3, 3, 1, 2)


def test_benchmarks_entity_to_gold_mapping_prefers_claim_span():
    text = "Legion fighters and the RDK. The Legion leads. RDK said so."
    gold = [GoldMention("Legion", "organization", "Freedom of Russia Legion"),
            GoldMention("RDK", "organization", "Russian Volunteer Corps"),
            GoldMention("Legion", "organization", "Freedom of Russia Legion"),
            GoldMention("RDK", "organization", "Russian Volunteer Corps")]
    # a wrongly merged entity E1 holds both names; E2 names nothing in the gold labels
    pred = [_pm("d", "Legion", text, 0), _pm("d", "RDK", text, 0), _pm("d", "Legion", text, 1),
            _pm("d", "RDK", text, 1), PredMention("d", 0, 3, "Leg", "person", "E2")]
    names = mention_names(gold, pred, match_mentions(text, gold, pred))
    assert names[("d", pred[1].start, pred[1].end)] == "Russian Volunteer Corps"
    en = EntityNames(pred, names)
    second = text.index("The Legion")
    assert en.name("E1", "d", second, second + len("The Legion leads.")) == "Freedom of Russia Legion"
    third = text.index("RDK said")
    assert en.name("E1", "d", third, len(text)) == "Russian Volunteer Corps"
    assert en.name("E2", "d") is None
    claim = PredClaim("d", second, second + 17, "The Legion leads.", "E1", "allied_with", "E2")
    assert claim_fact(claim, en) == ("?E2", "allied_with", "Freedom of Russia Legion")
    ev_claim = PredClaim("d", second, second + 17, "The Legion leads.", "E1", "claimed_responsibility", "V3")
    assert claim_fact(ev_claim, en, {"V3": "event:0"})[2] == "event:0"


def test_benchmarks_match_events_by_type_and_overlap():
    text = "Intro. The Legion raided Kozinka on Monday. Then a meeting took place."
    gold = [GoldEvent("raid", "The Legion raided Kozinka on Monday.", "2023-05-22", "Kozinka", ("L",)),
            GoldEvent("meeting", "a meeting took place")]
    start = text.index("The Legion")
    pred = [PredEvent("V1", "d", start, start + 20, text[start:start + 20], "raid", "2023-05-22"),
            PredEvent("V2", "d", start, start + 20, text[start:start + 20], "attack"),
            PredEvent("V3", "d", 0, 6, "Intro.", "meeting")]
    assert match_events(text, gold, pred) == {0: 0}


def test_benchmarks_score_document_counts_relations_and_events():
    text = "Ivan leads the Corps. The Corps raided Kozinka."
    g = parse_gold({
        "doc": "d", "split": "heldout", "published": "2023-05-23", "furniture": ["Share this"],
        "mentions": [{"text": "Ivan", "type": "person", "entity": "Ivan Petrov"},
                     {"text": "Corps", "type": "organization", "entity": "Volunteer Corps"},
                     {"text": "Corps", "type": "organization", "entity": "Volunteer Corps"},
                     {"text": "Kozinka", "type": "location", "entity": "Kozinka"}],
        "relations": [{"subject": "Ivan Petrov", "predicate": "leader_of", "object": "Volunteer Corps",
                       "quote": "Ivan leads the Corps."},
                      {"subject": "Volunteer Corps", "predicate": "claimed_responsibility", "object": "event:0"}],
        "events": [{"type": "raid", "date": None, "place": "Kozinka", "participants": ["Volunteer Corps"],
                    "quote": "The Corps raided Kozinka."}],
    }, "test")
    assert isinstance(g, GoldDoc) and g.published == "2023-05-23"
    pm = [_pm("d", "Ivan", text, 0, "person", "E1"), _pm("d", "Corps", text, 0, entity="E2"),
          _pm("d", "Corps", text, 1, entity="E2"), _pm("d", "Kozinka", text, 0, "location", "E3")]
    en = EntityNames(pm, mention_names(g.mentions, pm, match_mentions(text, g.mentions, pm)))
    claims = [PredClaim("d", 0, 21, text[0:21], "E1", "leader_of", "E2"),
              PredClaim("d", 0, 21, text[0:21], "E2", "leader_of", "E1"),
              PredClaim("d", 22, 47, text[22:47], "E1", "opposes", "E3", negated=True)]
    events = [PredEvent("V1", "d", 22, 47, text[22:47], "raid", None, "E3", ("E2", "E1"))]
    res = score_document(g, text, pm, claims, events, en)
    assert set(res.pred_facts) == {("Ivan Petrov", "leader_of", "Volunteer Corps"),
                                   ("Volunteer Corps", "leader_of", "Ivan Petrov")}
    assert res.pred_negated == {("Ivan Petrov", "opposes", "Kozinka")}
    assert (res.events.tp, res.events.n_pred, res.events.n_gold) == (1, 1, 1)
    assert res.places == (1, 1) and res.dates == (0, 0)
    assert (res.participants.tp, res.participants.n_pred, res.participants.n_gold) == (1, 2, 1)
    s = summarize([res])
    assert s["relations"]["per_document"]["tp"] == 1
    assert s["relations"]["per_document"]["n_gold"] == 2
    assert s["relations"]["by_predicate"]["leader_of"]["precision"] == 0.5
    assert s["mentions"]["recall"] == 1.0
    assert s["cleaning"]["furniture_lines_left"] == 0


def test_benchmarks_summarize_dedups_facts_over_corpus():
    def doc(name, facts):
        from benchmarks.quality import DocResult

        r = DocResult(name, "dev")
        r.pred_facts = {f: "" for f in facts}
        r.gold_facts = {("A", "leader_of", "B"): ""}
        return r

    s = summarize([doc("d1", [("A", "leader_of", "B")]), doc("d2", [("A", "leader_of", "B"), ("C", "opposes", "D")])])
    assert s["relations"]["per_document"] == {"tp": 2, "n_pred": 3, "n_gold": 2,
                                              "precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert s["relations"]["corpus_dedup"]["n_pred"] == 2 and s["relations"]["corpus_dedup"]["n_gold"] == 1


def test_benchmarks_redocred_offsets_from_tokens():
    sents = [["Ivan", "Petrov", "leads", "Acme", "."], ["Acme", "is", "in", "Oslo", "."]]
    text, offsets = token_offsets(sents)
    assert text == "Ivan Petrov leads Acme . Acme is in Oslo ."
    assert text[slice(*mention_span(offsets, 0, [0, 2]))] == "Ivan Petrov"
    assert text[slice(*mention_span(offsets, 1, [3, 4]))] == "Oslo"
    assert offsets[1][0] == (25, 29)


def test_benchmarks_redocred_build_doc_and_mapping():
    raw = {
        "title": "t",
        "sents": [["Ivan", "Petrov", "chairs", "Acme", "in", "Oslo", ",", "Norway", "."], ["In", "1990", "."]],
        "vertexSet": [
            [{"name": "Ivan Petrov", "pos": [0, 2], "sent_id": 0, "type": "PER"}],
            [{"name": "Acme", "pos": [3, 4], "sent_id": 0, "type": "ORG"}],
            [{"name": "Oslo", "pos": [5, 6], "sent_id": 0, "type": "LOC"}],
            [{"name": "Norway", "pos": [7, 8], "sent_id": 0, "type": "LOC"}],
            [{"name": "1990", "pos": [1, 2], "sent_id": 1, "type": "TIME"}],
        ],
        "labels": [
            {"h": 1, "t": 0, "r": "P488", "evidence": [0]},  # chairperson -> leader_of reversed
            {"h": 2, "t": 3, "r": "P17", "evidence": [0]},  # country, LOC head -> located_in
            {"h": 1, "t": 3, "r": "P17", "evidence": [0]},  # country, ORG head -> not mapped
            {"h": 0, "t": 4, "r": "P569", "evidence": [1]},  # date of birth -> not mapped
        ],
    }
    rd = build_doc(raw, "x", "test")
    assert [m.text for m in rd.mentions] == ["Ivan Petrov", "Acme", "Oslo", "Norway"]
    assert all(rd.doc.text[m.start:m.end] == m.text for m in rd.mentions)
    assert rd.gold == {("0", "leader_of", "1"), ("2", "located_in", "3")}
    assert gold_facts(raw["labels"], ["ORG", "PER", "LOC", "LOC", "TIME"]) == {("2", "located_in", "3")}
    acme, ivan = rd.mentions[1], rd.mentions[0]

    def claim(pred, s, o, negated=False):
        return Claim("x", 0, 10, rd.doc.text[0:10], pred, s.id, o.id, 0.9, "r", negated=negated)

    facts, skipped = predicted_facts(
        [claim("leader_of", ivan, acme), claim("member_of", ivan, acme, negated=True),
         Claim("x", 0, 10, rd.doc.text[0:10], "claimed_responsibility", ivan.id, "event:0", 0.9, "r")],
        rd.vertex_of,
    )
    assert facts == {("0", "leader_of", "1")}
    assert skipped == {"negated": 1, "event": 1}
    assert rd.vertex_of[mention_id("x", acme.start, acme.end)] == 1
