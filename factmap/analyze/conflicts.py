"""Contradictions between sources, each with both sides' evidence.

Kinds (vocabulary and tolerances in ``factmap/vocab/conflicts.yaml``):

- ``negation``: a negated claim against positive claims of the same (subject, predicate,
  object) — "Kyiv denies supporting X" vs "X is backed by Kyiv".
- ``status``: the same for ``status.predicates`` (``part_of``: "is not part of the
  army" vs "is part of the army"), and status statements found with the vocabulary
  ("integrated into" vs "acts independently") about one organization.
- ``members``: the same for membership / signatory predicates, and an exclusive list
  ("only A and B signed") against another source naming a further member.
- ``date``: one merged event (:func:`factmap.analyze.facts.merged_events`) — or one
  organization's founding — told with dates neither of which is a prefix of the other.
- ``place``: one merged event told with places that are not one place, not contained in
  each other (``located_in`` or names), and not both named by either side's document.
- ``number``: quantities of one subject and attribute whose ranges do not overlap once
  widened by the tolerance (``approx``: ±25 %, plain numbers ±5 %), or a denied number
  against a stated one.

Not a conflict: two statements that agree (a date and its prefix, numbers within the
tolerance, one place under two names), and a change over time — a claim marked past
(rule ``+former``) or ended (``valid_to``) against a present denial. When the sides
have different claimants the conflict has ``between_claimants: true`` and its summary
reads "X says …; Y says …": a dispute between parties, not an error of the sources.
Each conflict is reported once, with every supporting quote grouped on its side.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from factmap.analyze.facts import (
    Sources,
    claims_by_fact,
    dates_prefix_compatible,
    doc_entities,
    evidence,
    fact_id,
    place_containment,
    places_related,
    vocab,
)
from factmap.analyze.query import eid
from factmap.store import Store

__all__ = ["conflicts", "number_interval", "intervals_overlap", "format_quantity"]

Record = dict[str, Any]


def conflicts(
    store: Store,
    entity: int | None = None,
    *,
    _sources: Sources | None = None,
    _groups: tuple[dict[tuple[str, str, str], list[Record]], dict[str, Record]] | None = None,
) -> list[Record]:
    """Every contradiction in the store (kinds in the module docstring), or those about
    ``entity`` (as subject, object, participant or place). Each record: ``id``, ``kind``,
    ``subject`` (entity id), ``subject_name``, ``summary``, ``sides`` (each with
    ``value``, ``claimant``, ``claimants`` and ``evidence``: doc, start, end, quote,
    publisher, published), ``between_claimants``, ``entities``, ``facts`` (ids of the
    facts it disputes) and ``event`` (a merged event id, for dates and places)."""
    sources = _sources or Sources(store)
    groups, merged = _groups or claims_by_fact(store, sources)
    ents = {f"E{e['id']}": e for e in store.iter_rows("entities")}
    names = {k: e["name"] for k, e in ents.items()}
    for m in merged.values():
        names[m["id"]] = f"{m['type']} {m['date'] or 'undated'}"
    out: list[Record] = []
    out += _claim_conflicts(groups, ents, names, sources)
    out += _exclusive_lists(groups, names, sources)
    out += _event_conflicts(store, merged, names, sources, {k: e["type"] for k, e in ents.items()})
    out += _number_conflicts(store, merged, names, sources)
    out = _merge_status(out, _status_statements(store, names, sources), names)
    seen: dict[str, Record] = {}
    for k in out:
        seen.setdefault(k["id"], k)
    result = list(seen.values())
    if entity is not None:
        want = f"E{entity}"
        result = [k for k in result if want in k["entities"]]
    result.sort(key=lambda k: (k["subject_name"] or "", k["kind"], k["id"]))
    return result


# -- building a conflict ----------------------------------------------------------------
def _side(value: str, recs: Iterable[Record], sources: Sources, names: dict[str, str]) -> Record:
    evs: list[Record] = []
    seen: set[tuple[str, int, int]] = set()
    for r in sorted(recs, key=lambda r: (r["doc"], r["start"])):
        key = (r["doc"], r["start"], r["end"])
        if key not in seen:
            seen.add(key)
            ev = evidence(r, sources)
            ev["claimant_name"] = ev["claimant_name"] or (names.get(ev["claimant"]) if ev["claimant"] else None)
            evs.append(ev)
    claimants = [c for c, _ in Counter(e["claimant"] for e in evs if e["claimant"]).most_common()]
    return {
        "value": value, "claimant": claimants[0] if claimants else None,
        "claimant_name": names.get(claimants[0]) if claimants else None,
        "claimants": claimants, "documents": list(dict.fromkeys(e["doc"] for e in evs)), "evidence": evs,
    }


def _who(side: Record) -> str:
    if side["claimant_name"]:
        return str(side["claimant_name"])
    pubs = list(dict.fromkeys(e["publisher"] for e in side["evidence"]))
    return ", ".join(pubs[:3]) + (" and others" if len(pubs) > 3 else "")


def _conflict(kind: str, anchor: str, subject: str | None, sides: list[Record], names: dict[str, str],
              entities: Iterable[str | None] = (), facts: Iterable[str] = (), event: str | None = None,
              topic: str = "") -> Record:
    claimant_sets = [set(s["claimants"]) for s in sides]
    between = all(claimant_sets) and all(
        not (a & b) for i, a in enumerate(claimant_sets) for b in claimant_sets[i + 1 :]
    )
    summary = (f"{topic}: " if topic else "") + "; ".join(
        f"{_who(s)} {'says' if s['claimant_name'] else 'reports'} {s['value']}" for s in sides
    )
    return {
        "id": "K" + hashlib.sha1(f"{kind}|{anchor}".encode()).hexdigest()[:10],
        "kind": kind, "subject": subject, "subject_name": names.get(subject or ""),
        "summary": summary, "sides": sides, "between_claimants": bool(between),
        "entities": list(dict.fromkeys(e for e in (subject, *entities) if e)),
        "facts": list(facts), "event": event,
    }


# -- negation, status and membership from claims ----------------------------------------
def _past(c: Record) -> bool:
    return "+former" in (c.get("rule") or "") or bool(c.get("valid_to"))


def _opposed(pos: Record, neg: Record) -> bool:
    """Do a positive and a negated claim of one fact contradict each other? Not when one
    describes the past (a change over time) or both are one span of one document."""
    if _past(pos) or _past(neg):
        return False
    if pos.get("valid_from") and neg.get("valid_from") and not dates_prefix_compatible(pos["valid_from"], neg["valid_from"]):
        return False
    return not (pos["doc"] == neg["doc"] and pos["start"] < neg["end"] and neg["start"] < pos["end"])


def _claim_kind(key: tuple[str, str, str], ents: dict[str, Record]) -> str:
    v = vocab()
    if key[1] in v["status"]["predicates"]:
        return "status"
    if key[1] in v["members"]["predicates"]:
        return "members" if key[1] == "signatory_of" or ents.get(key[0], {}).get("type") != "person" else "negation"
    return "negation"


def _claim_conflicts(groups: dict[tuple[str, str, str], list[Record]], ents: dict[str, Record],
                     names: dict[str, str], sources: Sources) -> list[Record]:
    out = []
    for key, claims in groups.items():
        pos = [c for c in claims if not c["negated"]]
        neg = [c for c in claims if c["negated"]]
        pos_side = [p for p in pos if any(_opposed(p, n) for n in neg)]
        neg_side = [n for n in neg if any(_opposed(p, n) for p in pos)]
        if not pos_side or not neg_side:
            continue
        s, p, o = key
        stmt = f"{names.get(s, s)} {p} {names.get(o, o)}"
        sides = [_side(f"that {stmt}", pos_side, sources, names), _side(f"that it is not so ({stmt})", neg_side, sources, names)]
        out.append(_conflict(_claim_kind(key, ents), "|".join(key), s, sides, names, entities=(o,),
                             facts=(fact_id(key),), topic=stmt))
    return out


def _exclusive_lists(groups: dict[tuple[str, str, str], list[Record]], names: dict[str, str],
                     sources: Sources) -> list[Record]:
    """An exclusive member list ("only A and B signed") in one document against another
    document naming a further member of the same coalition or agreement."""
    v = vocab()["members"]
    marker = re.compile(r"\b(?:" + "|".join(map(re.escape, v["exclusive_markers"])) + r")\b", re.I)
    by_obj: dict[tuple[str, str], list[Record]] = {}
    for (_s, p, o), claims in groups.items():
        if p in v["predicates"]:
            by_obj.setdefault((p, o), []).extend(c for c in claims if not c["negated"] and not _past(c))
    out = []
    for (p, o), claims in by_obj.items():
        for doc in sorted({c["doc"] for c in claims if marker.search(c["quote"])}):
            listed = [c for c in claims if c["doc"] == doc]
            members = {c["subject"] for c in listed}
            extra = [c for c in claims if c["doc"] != doc and c["subject"] not in members]
            if not extra:
                continue
            only = ", ".join(sorted(names.get(m, m) for m in members))
            more = ", ".join(sorted({str(names.get(c["subject"], c["subject"])) for c in extra}))
            sides = [_side(f"that only {only} ({p})", listed, sources, names),
                     _side(f"that {more} also ({p})", extra, sources, names)]
            facts = [fact_id((c["subject"], p, o)) for c in extra]
            out.append(_conflict("members", f"{p}|{o}|{doc}", o, sides, names,
                                 entities={c["subject"] for c in listed + extra}, facts=facts,
                                 topic=f"who {p} {names.get(o, o)}"))
    return out


# -- dates and places of merged events --------------------------------------------------
def _maximal_dates(dates: Iterable[str]) -> list[str]:
    ds = set(dates)
    return sorted(d for d in ds if not any(o != d and o.startswith(d) for o in ds))


def _event_subject(m: Record, types: dict[str, str]) -> str | None:
    """Whom a dispute about an event is about: the founded organization for a founding,
    else the first participant, else the place."""
    if m["type"] in vocab()["events"]["founding_types"]:
        allowed = set(vocab()["events"]["founding_participant_types"])
        founded = [p for p in m["participants"] if types.get(p) in allowed]
        if founded:
            return founded[0]
    return m["participants"][0] if m["participants"] else m["place"]


def _event_conflicts(store: Store, merged: dict[str, Record], names: dict[str, str], sources: Sources,
                     types: dict[str, str]) -> list[Record]:
    out = []
    doc_ents: dict[str, set[str]] | None = None
    within: dict[str, set[str]] | None = None
    for m in merged.values():
        members = m["members"]
        topic = f"{m['type']} ({', '.join(n for n in m['participant_names'] if n) or 'unnamed participants'})"
        dates = _maximal_dates(e["date"] for e in members if e["date"])
        if len(dates) > 1 and len({e["doc"] for e in members if e["date"] in dates}) > 1:
            sides = [_side(f"on {d}", [e for e in members if e["date"] == d], sources, names) for d in dates]
            out.append(_conflict("date", m["id"], _event_subject(m, types), sides, names, entities=m["participants"] + m["places"],
                                 event=m["id"], topic=f"date of {topic}"))
        if len(m["places"]) > 1:
            if doc_ents is None:
                doc_ents, within = doc_entities(store), place_containment(store)
            groups = _place_groups(members, names, within or {}, doc_ents)
            if len(groups) > 1:
                sides = [_side("in " + " / ".join(names.get(p, p) for p in g),
                               [e for e in members if e["place"] in g], sources, names) for g in groups]
                out.append(_conflict("place", m["id"], _event_subject(m, types), sides, names,
                                     entities=m["participants"] + m["places"], event=m["id"], topic=f"place of {topic}"))
    return out


def _place_groups(members: list[Record], names: dict[str, str], within: dict[str, set[str]],
                  doc_ents: dict[str, set[str]]) -> list[list[str]]:
    """Places of one event in groups that agree: one place, contained in each other, or
    both named by a document telling the event (a raid into two regions)."""
    places = list(dict.fromkeys(e["place"] for e in members if e["place"]))
    docs_of = {p: {e["doc"] for e in members if e["place"] == p} for p in places}
    parent = {p: p for p in places}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, a in enumerate(places):
        for b in places[i + 1 :]:
            co_named = any(b in doc_ents.get(d, set()) for d in docs_of[a]) or any(
                a in doc_ents.get(d, set()) for d in docs_of[b]
            )
            if co_named or places_related(a, b, names, within):
                parent[find(b)] = find(a)
    groups: dict[str, list[str]] = {}
    for p in places:
        groups.setdefault(find(p), []).append(p)
    return list(groups.values())


# -- numbers ----------------------------------------------------------------------------
def number_interval(low: float | None, high: float | None, approx: bool) -> tuple[float, float]:
    """The range a stated quantity allows, widened by the vocabulary's tolerance."""
    v = vocab()["numbers"]
    tol = v["approx_tolerance"] if approx else v["exact_tolerance"]
    lo = -math.inf if low is None else low * (1 - tol)
    hi = math.inf if high is None else high * (1 + tol)
    return lo, hi


def intervals_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def format_quantity(q: Record) -> str:
    """A stated quantity as words: "about 200", "more than 50", "50-70"."""
    def num(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"

    lo, hi = q["low"], q["high"]
    if lo is not None and hi is not None:
        value = num(lo) if lo == hi else f"{num(lo)}-{num(hi)}"
    elif lo is not None:
        value = f"more than {num(lo)}"
    elif hi is not None:
        value = f"fewer than {num(hi)}"
    else:
        value = "some"
    return ("about " if q.get("approx") and lo == hi else "") + value


def _number_conflicts(store: Store, merged: dict[str, Record], names: dict[str, str], sources: Sources) -> list[Record]:
    m2e = store.mention_entities()
    v2m = {v: mid for mid, m in merged.items() for v in m["events"]}
    groups: dict[tuple[str, str], list[Record]] = {}
    for q in store.iter_rows("quantities"):
        if q["subject_event"] is not None:
            subj = v2m.get(f"V{q['subject_event']}")
        else:
            subj = eid(m2e.get(q["subject"] or ""))
        if subj is None:
            continue
        claimant = eid(m2e.get(q["claimant"] or ""))
        rec = {"doc": q["doc_id"], "start": q["start"], "end": q["end"], "quote": q["quote"], "low": q["low"],
               "high": q["high"], "approx": bool(q["approx"]), "negated": bool(q["negated"]),
               "claimant": claimant, "claimant_name": names.get(claimant or ""),
               "range": number_interval(q["low"], q["high"], bool(q["approx"]))}
        groups.setdefault((subj, q["attribute"]), []).append(rec)
    out = []
    for (subj, attr), qs in groups.items():
        pos = [q for q in qs if not q["negated"]]
        comps = _overlap_components(pos)
        sides = [_side(" or ".join(dict.fromkeys(format_quantity(q) for q in c)) + f" {attr}", c, sources, names)
                 for c in comps]
        denied = [n for n in qs if n["negated"] and any(intervals_overlap(n["range"], p["range"]) for p in pos)]
        if denied:
            sides.append(_side("not " + " or ".join(dict.fromkeys(format_quantity(q) for q in denied)) + f" {attr}",
                               denied, sources, names))
        if len(sides) > 1:
            out.append(_conflict("number", f"{subj}|{attr}", subj, sides, names,
                                 topic=f"{attr} of {names.get(subj, subj)}"))
    return out


def _overlap_components(qs: list[Record]) -> list[list[Record]]:
    """Quantities in groups whose ranges overlap (connected components), by value."""
    qs = sorted(qs, key=lambda q: (q["range"][0], q["range"][1]))
    comps: list[list[Record]] = []
    for q in qs:
        for c in comps:
            if any(intervals_overlap(q["range"], o["range"]) for o in c):
                c.append(q)
                break
        else:
            comps.append([q])
    return comps


# -- status statements (vocabulary) -----------------------------------------------------
def _status_statements(store: Store, names: dict[str, str], sources: Sources) -> dict[str, dict[str, list[Record]]]:
    """entity id -> {"integrated"|"independent": [evidence records]} from the status
    vocabulary, sentence by sentence; statements marked past are left out."""
    v = vocab()["status"]
    patterns = {value: [re.compile(p, re.I) for p in v[value]] for value in ("integrated", "independent")}
    past = re.compile(r"\b(?:" + "|".join(map(re.escape, v["past_markers"])) + r")\b", re.I)
    m2e = store.mention_entities()
    types = {f"E{e['id']}": e["type"] for e in store.iter_rows("entities")}
    orgs: dict[str, list[tuple[int, int, str]]] = {}
    for mid, ent in m2e.items():
        key = f"E{ent}"
        if types.get(key) in ("organization", "group"):
            doc, span = mid.rsplit(":", 1)
            start, end = (int(x) for x in span.split("-"))
            orgs.setdefault(doc, []).append((start, end, key))
    for lst in orgs.values():
        lst.sort()
    sentences: dict[str, list[tuple[int, int]]] = {}
    for s in store.iter_rows("sentences", order_by="doc_id,idx"):
        sentences.setdefault(s["doc_id"], []).append((s["start"], s["end"]))
    texts = store.document_texts(sentences)
    out: dict[str, dict[str, list[Record]]] = {}
    for doc, spans in sentences.items():
        text = texts.get(doc, "")
        for start, end in spans:
            sent = text[start:end]
            for value, pats in patterns.items():
                for pat in pats:
                    for mt in pat.finditer(sent):
                        if past.search(sent, 0, mt.start()):
                            continue
                        subj = _status_subject(orgs.get(doc, []), start, start + mt.start())
                        if subj is None:
                            continue
                        rec = {"doc": doc, "start": start, "end": end, "quote": sent, "claimant": None}
                        out.setdefault(subj, {}).setdefault(value, []).append(evidence(rec, sources))
    return out


def _status_subject(orgs: list[tuple[int, int, str]], sent_start: int, phrase_start: int) -> str | None:
    """The organization a status phrase is about: the first one named in its sentence
    before the phrase, else the last one named before the sentence."""
    inside = [o for o in orgs if sent_start <= o[0] and o[1] <= phrase_start]
    if inside:
        return inside[0][2]
    before = [o for o in orgs if o[1] <= sent_start]
    return before[-1][2] if before else None


def _merge_status(found: list[Record], statements: dict[str, dict[str, list[Record]]], names: dict[str, str]) -> list[Record]:
    """Add a status conflict per organization with both status values, folding in the
    ``part_of`` negation conflicts of that organization (one conflict per subject)."""
    by_subject = {s: vals for s, vals in statements.items() if len(vals) == 2}
    if not by_subject:
        return found
    out = []
    folded: dict[str, list[Record]] = {}
    for k in found:
        if k["kind"] == "status" and k["subject"] in by_subject and k["event"] is None:
            folded.setdefault(k["subject"], []).append(k)
        else:
            out.append(k)
    for subj, vals in by_subject.items():
        sides = []
        for i, value in enumerate(("integrated", "independent")):
            recs = list(vals[value])
            side_evidence = [e for k in folded.get(subj, []) for e in k["sides"][i]["evidence"]]
            side = _side_from_evidence(f"that it is {value}", recs, side_evidence, names)
            sides.append(side)
        facts = [f for k in folded.get(subj, []) for f in k["facts"]]
        ents = [e for k in folded.get(subj, []) for e in k["entities"]]
        out.append(_conflict("status", f"status|{subj}", subj, sides, names, entities=ents, facts=facts,
                             topic=f"status of {names.get(subj, subj)}"))
    return out


def _side_from_evidence(value: str, recs: list[Record], extra: list[Record], names: dict[str, str]) -> Record:
    evs: dict[tuple[str, int, int], Record] = {}
    for e in extra:
        evs.setdefault((e["doc"], e["start"], e["end"]), e)
    for r in recs:
        # a vocabulary statement inside a claim's quote is the same evidence
        if not any(d == r["doc"] and s <= r["start"] < en or d == r["doc"] and r["start"] <= s < r["end"]
                   for d, s, en in evs):
            evs[(r["doc"], r["start"], r["end"])] = r
    side_ev = sorted(evs.values(), key=lambda e: (e["doc"], e["start"]))
    claimants: list[str] = [c for c, _ in Counter(e["claimant"] for e in side_ev if e.get("claimant")).most_common()]
    return {
        "value": value, "claimant": claimants[0] if claimants else None,
        "claimant_name": names.get(claimants[0]) if claimants else None, "claimants": claimants,
        "documents": list(dict.fromkeys(e["doc"] for e in side_ev)), "evidence": side_ev,
    }
