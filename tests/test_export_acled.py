"""ACLED-layout event table."""

from __future__ import annotations

import csv
import io

from factmap.export.acled import COLUMNS, acled_type, event_rows, write_events_csv
from factmap.export.json import build_export
from tests.test_export_tables import hand_store, small_gazetteer


def test_export_acled_type_mapping_and_refinement():
    assert acled_type("battle") == ("Political violence", "Battles", "Armed clash")
    assert acled_type("attack", "A drone hit the depot.")[1:] == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_type("attack", "Gunmen shot two civilians.")[1:] == ("Violence against civilians", "Attack")
    assert acled_type("attack", "Fighters stormed the post.")[1] == "Battles"
    assert acled_type("agreement_signed")[1:] == ("Strategic developments", "Agreement")
    assert acled_type("sabotage", "Partisans blew up a rail bridge.")[2] == "Remote explosive/landmine/IED"
    assert acled_type("no_such_type")[1:] == ("Strategic developments", "Other")


def test_export_acled_rows_have_actors_places_and_dates():
    s = hand_store()
    rows = {r["event_id_cnty"]: r for r in event_rows(s, small_gazetteer())}
    assert set(rows) == {v["id"] for v in build_export(s)["events"]}
    dated = next(r for r in rows.values() if r["event_date"])
    assert dated["event_date"] == "2024-06" and dated["time_precision"] == 2 and dated["year"] == "2024"
    assert (dated["event_type"], dated["sub_event_type"]) == ("Battles", "Armed clash")
    assert dated["actor1"] == "Northern Legion" and dated["assoc_actor_1"] == "Ana Ruiz"
    # the document names Freedonia, so the small Villa Sol there wins over its bigger namesake
    assert (dated["country"], dated["latitude"], dated["geo_precision"]) == ("Freedonia", 10.5, 1)
    assert dated["source"] == "Daily Bugle" and dated["notes"] == dated["quote"]
    undated = next(r for r in rows.values() if not r["event_date"])
    assert undated["time_precision"] is None and undated["actor1"] == "Northern Legion"


def test_export_acled_csv_has_acled_columns():
    buf = io.StringIO()
    n = write_events_csv(hand_store(), buf, small_gazetteer())
    reader = csv.DictReader(io.StringIO(buf.getvalue()))
    assert tuple(reader.fieldnames or ())[: len(COLUMNS)] == COLUMNS
    rows = list(reader)
    assert len(rows) == n == 2
    assert all(r["fatalities"] == "" for r in rows)  # no death toll stated for these events
