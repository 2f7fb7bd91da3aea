from __future__ import annotations

from dataclasses import replace

import pytest

from factmap.analyze.conflicts import conflicts, format_quantity, intervals_overlap, number_interval
from factmap.analyze.facts import facts
from factmap.model import Quantity
from factmap.pipeline import save_extraction
from factmap.resolve import resolve
from factmap.store import Store
from tests.helpers import make_doc, make_extraction

LEGION, COUNCIL, ARMY, RUIZ, VOSS = "Northern Legion", "Lake Council", "Lake Army", "Ana Ruiz", "Piet Voss"
TYPES = {LEGION: "organization", COUNCIL: "organization", ARMY: "organization", RUIZ: "person", VOSS: "person",
         "Alderton": "location", "Brookfield": "location", "Westshire": "location", "Free Charter": "agreement",
         "Hill Union": "organization", "River Front": "organization"}


def _doc(doc_id, text, publisher, claims=(), events=(), negated=(), claimant=None, fix=None, published=None):
    """(document, extraction): a mention for every known name in ``text``; ``negated``
    lists indexes of claims to negate; ``claimant`` names who said every claim."""
    d = make_doc(doc_id, text, publisher=publisher, published=published)
    ext = make_extraction(d, [(n, t) for n, t in TYPES.items() if n in text], claims=claims, events=events)
    by_text = {m.text: m for m in ext.mentions}
    for i in negated:
        ext.claims[i] = replace(ext.claims[i], negated=True)
    if claimant:
        ext.claims = [replace(c, claimant=by_text[claimant].id) for c in ext.claims]
    if fix:
        fix(ext, by_text)
    return d, ext


def _store(*docs) -> Store:
    s = Store()
    for d, ext in docs:
        save_extraction(s, d, ext)
    resolve(s)
    return s


def _quotes(k):
    return [[e["quote"] for e in side["evidence"]] for side in k["sides"]]


def _check_offsets(store, k):
    for side in k["sides"]:
        for e in side["evidence"]:
            assert store.document(e["doc"])["text"][e["start"] : e["end"]] == e["quote"]


BACKED = "The Northern Legion is backed by the Lake Council."
DENIED = "The Lake Council denied that it backs the Northern Legion."
SUPPORTS = [(COUNCIL, "supports", LEGION)]


def test_analyze_conflicts_negation_reported_once_with_both_sides():
    s = _store(
        _doc("a", BACKED, "Alpha", SUPPORTS),
        _doc("b", "Officials said " + BACKED, "Beta", SUPPORTS),
        _doc("c", DENIED, "Gamma", SUPPORTS, negated=[0], claimant=COUNCIL),
    )
    (k,) = conflicts(s)
    assert k["kind"] == "negation" and k["subject_name"] == COUNCIL
    assert [side["documents"] for side in k["sides"]] == [["a", "b"], ["c"]]
    assert _quotes(k)[1] == [DENIED]
    assert k["between_claimants"] is False  # the positive side is the outlets' own reporting
    _check_offsets(s, k)
    (f,) = facts(s)
    assert f["disputed"] is True and f["conflicts"] == [k["id"]]


def test_analyze_conflicts_between_claimants_says_who_says_what():
    s = _store(
        _doc("a", "Piet Voss said the Northern Legion is backed by the Lake Council.", "Alpha", SUPPORTS, claimant=VOSS),
        _doc("c", DENIED, "Gamma", SUPPORTS, negated=[0], claimant=COUNCIL),
    )
    (k,) = conflicts(s)
    assert k["between_claimants"] is True
    assert k["summary"].count(" says ") == 2 and "Piet Voss says" in k["summary"] and "Lake Council says" in k["summary"]


def test_analyze_conflicts_change_over_time_is_no_conflict():
    former = lambda ext, _m: ext.claims.__setitem__(0, replace(ext.claims[0], rule="test+former"))  # noqa: E731
    ended = lambda ext, _m: ext.claims.__setitem__(0, replace(ext.claims[0], valid_to="2022"))  # noqa: E731
    lead = [(RUIZ, "leader_of", LEGION)]
    s = _store(
        _doc("a", "Ana Ruiz, the former head of the Northern Legion, spoke.", "Alpha", lead, fix=former),
        _doc("b", "Ana Ruiz led the Northern Legion until 2022.", "Beta", lead, fix=ended),
        _doc("c", "Ana Ruiz no longer leads the Northern Legion.", "Gamma", lead, negated=[0]),
    )
    assert conflicts(s) == []


def test_analyze_conflicts_agreeing_statements_are_no_conflict():
    s = _store(_doc("a", BACKED, "Alpha", SUPPORTS), _doc("b", BACKED + " Indeed.", "Beta", SUPPORTS))
    assert conflicts(s) == []


def test_analyze_conflicts_part_of_negation_is_a_status_conflict():
    part = [(LEGION, "part_of", ARMY)]
    s = _store(
        _doc("a", "The Northern Legion is part of the Lake Army.", "Alpha", part),
        _doc("b", "The Northern Legion is not part of the Lake Army.", "Beta", part, negated=[0]),
    )
    (k,) = conflicts(s)
    assert k["kind"] == "status"


def test_analyze_conflicts_status_vocabulary_integrated_vs_independent():
    s = _store(
        _doc("a", "The Northern Legion was integrated into the Lake Army last year.", "Alpha"),
        _doc("b", "Fighters say the Northern Legion acts independently and keeps its own command.", "Beta"),
        _doc("c", "The River Front initially acted independently. The River Front was merged into the Lake Army.", "Gamma"),
    )
    (k,) = conflicts(s)
    assert k["kind"] == "status" and k["subject_name"] == LEGION
    assert [side["documents"] for side in k["sides"]] == [["a"], ["b"]]
    _check_offsets(s, k)


def test_analyze_conflicts_founding_dates_disagree_but_prefixes_agree():
    text = "The Northern Legion was formed by Ana Ruiz."
    form = lambda date: [("formation", date, None, [LEGION, RUIZ])]  # noqa: E731
    s = _store(
        _doc("a", text, "Alpha", events=form("2022")),
        _doc("b", text, "Beta", events=form("2022-08")),
        _doc("c", text, "Gamma", events=form("2023")),
    )
    (k,) = conflicts(s)
    assert k["kind"] == "date" and k["subject_name"] == LEGION
    assert [side["value"] for side in k["sides"]] == ["on 2022-08", "on 2023"]
    s2 = _store(_doc("a", text, "Alpha", events=form("2022")), _doc("b", text, "Beta", events=form("2022-08")))
    assert conflicts(s2) == []


def test_analyze_conflicts_event_day_disagreement_and_place():
    raid = lambda date, place: [("raid", date, place, [LEGION])]  # noqa: E731
    s = _store(
        _doc("a", "The Northern Legion raided Alderton.", "Alpha", events=raid("2023-05-22", "Alderton")),
        _doc("b", "The Northern Legion raided Alderton.", "Beta", events=raid("2023-05-21", "Alderton")),
        _doc("c", "The Northern Legion raided Brookfield.", "Gamma", events=raid("2023-05-22", "Brookfield")),
    )
    ks = {k["kind"]: k for k in conflicts(s)}
    assert set(ks) == {"date", "place"}
    assert [side["value"] for side in ks["date"]["sides"]] == ["on 2023-05-21", "on 2023-05-22"]
    assert [side["documents"] for side in ks["place"]["sides"]] == [["a", "b"], ["c"]]
    _check_offsets(s, ks["place"])


def test_analyze_conflicts_places_that_contain_each_other_agree():
    within = [("Alderton", "located_in", "Westshire")]
    raid = lambda place: [("raid", "2023-05-22", place, [LEGION])]  # noqa: E731
    s = _store(
        _doc("a", "The Northern Legion raided Alderton. Alderton is in Westshire.", "Alpha", within,
             events=raid("Alderton")),
        _doc("b", "The Northern Legion raided Westshire.", "Beta", events=raid("Westshire")),
    )
    assert conflicts(s) == []


def _quantities(*specs):
    """A fix adding Quantity rows (low, high, approx, attribute, negated) about the Legion."""
    def fix(ext, m):
        legion = m[LEGION]
        for low, high, approx, attr, neg in specs:
            ext.quantities.append(Quantity(ext.doc, legion.start, legion.end, legion.text, legion.id, attr,
                                           low, high, 0.8, "test", approx=approx, negated=neg))
    return fix


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((200, 200, True, "members", False), (1500, 1500, True, "members", False), 1),  # about 200 vs some 1,500
        ((200, 200, True, "members", False), (250, 250, True, "members", False), 0),  # about 200 vs some 250
        ((200, 200, True, "members", False), (1500, 1500, True, "killed", False), 0),  # other attribute
        ((50, None, False, "killed", False), (50, None, False, "killed", True), 1),  # more than 50 vs denial
        ((50, None, False, "killed", False), (70, 70, False, "killed", False), 0),  # more than 50 vs 70
    ],
)
def test_analyze_conflicts_numbers(first, second, expected):
    s = _store(
        _doc("a", "The Northern Legion has fighters.", "Alpha", fix=_quantities(first)),
        _doc("b", "The Northern Legion has many fighters.", "Beta", fix=_quantities(second)),
    )
    ks = conflicts(s)
    assert len(ks) == expected
    if ks:
        assert ks[0]["kind"] == "number" and len(ks[0]["sides"]) == 2
        _check_offsets(s, ks[0])


def test_analyze_number_helpers():
    assert intervals_overlap(number_interval(200, 200, True), number_interval(250, 250, True))
    assert not intervals_overlap(number_interval(200, 200, True), number_interval(1500, 1500, True))
    assert format_quantity({"low": 1500, "high": 1500, "approx": True}) == "about 1,500"
    assert format_quantity({"low": 50, "high": None, "approx": False}) == "more than 50"


def test_analyze_conflicts_members_denied_signatory_and_exclusive_list():
    signed = [("Hill Union", "signatory_of", "Free Charter"), ("River Front", "signatory_of", "Free Charter")]
    s = _store(
        _doc("a", "The Free Charter was signed by the Hill Union and the River Front.", "Alpha", signed),
        _doc("b", "The River Front did not sign the Free Charter.", "Beta",
             [("River Front", "signatory_of", "Free Charter")], negated=[0]),
    )
    (k,) = conflicts(s)
    assert k["kind"] == "members"
    assert [side["documents"] for side in k["sides"]] == [["a"], ["b"]]
    s2 = _store(
        _doc("a", "The Free Charter was signed by the Hill Union and the River Front.", "Alpha", signed),
        _doc("b", "Only the Hill Union signed the Free Charter.", "Beta", [("Hill Union", "signatory_of", "Free Charter")]),
    )
    (k2,) = conflicts(s2)
    assert k2["kind"] == "members" and k2["sides"][0]["documents"] == ["b"]
    assert "River Front" in k2["sides"][1]["value"]


def test_analyze_conflicts_entity_filter():
    s = _store(_doc("a", BACKED, "Alpha", SUPPORTS), _doc("c", DENIED, "Gamma", SUPPORTS, negated=[0]))
    legion = next(e for e in s.entities() if e["name"] == LEGION)["id"]
    assert len(conflicts(s, entity=legion)) == 1
    ruiz_less = _store(_doc("a", BACKED + " Ana Ruiz spoke.", "Alpha", SUPPORTS))
    ruiz = next(e for e in ruiz_less.entities() if e["name"] == RUIZ)["id"]
    assert conflicts(ruiz_less, entity=ruiz) == []
