"""ACLED-style event table: ``factmap export --format events-csv``.

One row per event of the JSON export, in the column layout of ACLED's public exports
(:data:`COLUMNS`), followed by factmap's own columns (``factmap_type``, ``doc``,
``start``, ``end``, ``quote``, ``negated``) so every row keeps its evidence.

- ``event_id_cnty`` is the export's event id (``V3``); ``event_date`` the date as the
  source gives it (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: never padded), with
  ``time_precision`` 1 (day), 2 (month) or 3 (year) as ACLED does.
- ``event_type``/``sub_event_type``/``disorder_type`` from SPEC's event type, refined
  by words of the quote; the mapping and its reasons are in
  ``factmap/vocab/acled.yaml`` (battle and raid -> Battles / Armed clash; attack ->
  Armed clash, or Explosions/Remote violence when drones, shelling or explosives are
  named, or Violence against civilians when civilians are; sabotage -> Strategic
  developments / Looting/property destruction, or a remote explosive; assassination ->
  Violence against civilians / Attack; agreement_signed -> Strategic developments /
  Agreement; meeting, press_conference, formation, election, other -> Strategic
  developments / Other).
- ``actor1``: the actor that claimed responsibility for the event, else its first
  participant (organizations and groups before people); ``actor2``: a participant the
  store's facts say ``actor1`` opposes or is a rival of; the other participants are
  ``assoc_actor_1`` (joined with ``"; "``). factmap does not know sides otherwise.
- ``country``, ``admin1``, ``location``, ``latitude``, ``longitude``, ``geo_precision``
  from the offline gazetteer (:mod:`factmap.analyze.geo`), with the other places the
  document names as context. ``admin1`` is filled only when the document names the
  region.
- ``source`` is the document's publisher (else its id), ``source_scale`` is left empty
  (factmap does not know an outlet's scale); ``notes`` is the quote; ``fatalities`` is
  the number of dead the document states for the event (``killed`` quantities), empty
  when none is stated.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import IO, Any

import yaml

from factmap.analyze.geo import Gazetteer, context_of, geocode
from factmap.export.json import build_export
from factmap.export.tables import fact_records
from factmap.store import Store

__all__ = ["COLUMNS", "acled_type", "event_rows", "vocab", "write_events_csv"]

Record = dict[str, Any]

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities",
)
EXTRA_COLUMNS: tuple[str, ...] = ("factmap_type", "doc", "start", "end", "quote", "negated")


@cache
def vocab() -> dict[str, Any]:
    """The event type mapping (``factmap/vocab/acled.yaml``)."""
    return yaml.safe_load((resources.files("factmap.vocab") / "acled.yaml").read_text("utf-8"))


def _has_word(text: str, words: Iterable[str]) -> bool:
    low = text.casefold()
    return any(re.search(r"\b" + re.escape(w.casefold()), low) for w in words)


def acled_type(event_type: str, quote: str = "") -> tuple[str, str, str]:
    """``(disorder_type, event_type, sub_event_type)`` for a SPEC event type, refined by
    the words of its quote."""
    rule = vocab()["types"].get(event_type) or vocab()["types"]["other"]
    kind, sub = rule["event_type"], rule["sub_event_type"]
    for ref in rule.get("refine") or ():
        if _has_word(quote, ref["words"]):
            kind, sub = ref["event_type"], ref["sub_event_type"]
            break
    return vocab()["disorder_types"].get(kind, ""), kind, sub


def _time_precision(date: str | None) -> int | None:
    return None if not date else {10: 1, 7: 2, 4: 3}.get(len(date))


def _actors(ev: Record, types: dict[str, str], claimed: dict[str, list[str]], against: set[tuple[str, str]]) -> tuple[str | None, str | None, list[str]]:
    """actor1, actor2 and the other participants (ids)."""
    parts = [p for p in ev["participants"] if p and types.get(p) not in ("location", "agreement")]
    order = {"organization": 0, "group": 0, "person": 1}
    parts.sort(key=lambda p: order.get(types.get(p, ""), 2))
    first = (claimed.get(ev["id"]) or []) + parts
    actor1 = first[0] if first else None
    actor2 = next((p for p in parts if p != actor1 and (actor1, p) in against), None)
    rest = [p for p in dict.fromkeys(first) if p not in (actor1, actor2)]
    return actor1, actor2, rest


def _fatalities(store: Store, attrs: set[str]) -> dict[str, float]:
    """Event id -> the largest stated death toll (one document's number, not a sum
    across readings of one sentence)."""
    out: dict[str, float] = {}
    for q in store.iter_rows("quantities"):
        if q["subject_event"] is None or q["attribute"] not in attrs or q["negated"]:
            continue
        value = q["low"] if q["low"] is not None else q["high"]
        if value is not None:
            key = f"V{q['subject_event']}"
            out[key] = max(out.get(key, 0.0), float(value))
    return out


def event_rows(store: Store, gazetteer: Gazetteer | None = None) -> list[Record]:
    """One ACLED-layout row (plus factmap's evidence columns) per event."""
    data = build_export(store)
    names = {e["id"]: e["name"] for e in data["entities"]}
    types = {e["id"]: e["type"] for e in data["entities"]}
    docs = {d["id"]: d for d in data["documents"]}
    doc_places: dict[str, list[str]] = {}
    for e in data["entities"]:
        if e["type"] == "location":
            for m in e["mentions"]:
                doc_places.setdefault(m["doc"], []).append(e["name"])
    claimed: dict[str, list[str]] = {}
    against: set[tuple[str, str]] = set()
    for f in fact_records(store):
        if f["negated"]:
            continue
        if f["predicate"] == "claimed_responsibility":
            claimed.setdefault(f["object"], []).append(f["subject"])
        elif f["predicate"] in ("opposes", "rival_of"):
            against |= {(f["subject"], f["object"]), (f["object"], f["subject"])}
    deaths = _fatalities(store, set(vocab().get("fatality_attributes") or ()))
    gaz = None
    rows = []
    for ev in data["events"]:
        disorder, kind, sub = acled_type(ev["type"], ev["quote"])
        a1, a2, rest = _actors(ev, types, claimed, against)
        place = None
        if ev["place"]:
            gaz = gaz or gazetteer or Gazetteer.default()
            context = context_of([n for n in doc_places.get(ev["doc"], []) if n != names.get(ev["place"])], gaz)
            place = geocode(names.get(ev["place"], ""), context, gaz)
        doc = docs.get(ev["doc"], {})
        fatal = deaths.get(ev["id"])
        rows.append({
            "event_id_cnty": ev["id"], "event_date": ev["date"] or "",
            "year": (ev["date"] or "")[:4], "time_precision": _time_precision(ev["date"]),
            "disorder_type": disorder, "event_type": kind, "sub_event_type": sub,
            "actor1": names.get(a1 or "", ""), "assoc_actor_1": "; ".join(names.get(p, p) for p in rest),
            "actor2": names.get(a2 or "", ""), "assoc_actor_2": "",
            "country": place.country if place else "", "admin1": (place.admin1 or "") if place else "",
            "location": names.get(ev["place"] or "", ""),
            "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
            "geo_precision": place.precision if place else None,
            "source": doc.get("publisher") or ev["doc"], "source_scale": "",
            "notes": ev["quote"], "fatalities": int(fatal) if fatal is not None else None,
            "factmap_type": ev["type"], "doc": ev["doc"], "start": ev["start"], "end": ev["end"],
            "quote": ev["quote"], "negated": ev["negated"],
        })
    return rows


def write_events_csv(store: Store, out: IO[str], gazetteer: Gazetteer | None = None) -> int:
    """Write the ACLED-layout CSV; return the number of rows."""
    rows = event_rows(store, gazetteer)
    writer = csv.DictWriter(out, fieldnames=[*COLUMNS, *EXTRA_COLUMNS], lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: "" if v is None else v for k, v in r.items()})
    return len(rows)
