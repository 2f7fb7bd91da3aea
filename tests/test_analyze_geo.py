"""Offline geocoding with document context."""

from __future__ import annotations

import pytest

from factmap import places
from factmap.analyze.geo import Gazetteer, context_of, geocode, vocab
from tests.test_export_tables import small_gazetteer


def test_analyze_geo_prefers_the_country_the_document_names():
    gaz = small_gazetteer()
    alone = geocode("Villa Sol", gazetteer=gaz)
    assert alone is not None and alone.country_code == "CL"  # most populous without context
    placed = geocode("Villa Sol", ["Freedonia"], gaz)
    assert placed is not None and (placed.country, placed.latitude, placed.precision) == ("Freedonia", 10.5, 1)


def test_analyze_geo_regions_countries_and_unknown_names():
    gaz = small_gazetteer()
    region = geocode("Nordburg region", gazetteer=gaz)
    assert region is not None and region.precision == 3 and region.admin1 == "Nordburg region"
    assert region.name == "Nordburg region" and region.latitude == 11.0
    ctx = context_of(["Nordbourg Oblast"], gaz)
    town = geocode("the village of Villa Sol", ctx, gaz)
    assert town is not None and town.country_code == "PT" and town.admin1 == "Nordbourg Oblast"
    country = geocode("Freedonia", gazetteer=gaz)
    assert country is not None and country.precision == 3 and country.latitude is None
    assert geocode("Atlantis", gazetteer=gaz) is None


@pytest.mark.slow
def test_analyze_geo_real_gazetteer_finds_small_towns():
    gaz = Gazetteer.default()
    kozinka = geocode("Kozinka", ["Russia", "Belgorod region"], gaz)
    assert kozinka is not None and kozinka.country == "Russia" and kozinka.precision == 1
    assert kozinka.admin1 == "Belgorod region" and abs(kozinka.latitude - 50.46) < 0.1
    assert geocode("Warsaw", ["Poland"], gaz).country_code == "PL"
    assert geocode("the United States", gazetteer=gaz).country_code == "US"


def test_analyze_geo_country_index_is_the_shared_country_list():
    gaz = Gazetteer([], places.countries())  # what Gazetteer.default indexes, without cities
    for record in places.countries():
        assert gaz.country_code(record["name"]) == record["iso"]
        assert places.is_country(record["name"])
    for alias, iso in places.country_aliases().items():
        assert gaz.country_code(alias) == iso
        assert places.is_country(alias)
    assert gaz.country_code("the UK") == "GB" and gaz.country_code("Valdoria") is None
    assert vocab() is places.geo_vocab()
