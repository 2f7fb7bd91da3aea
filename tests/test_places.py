"""factmap.places: the one loader of country and continent names."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factmap import places


@pytest.mark.parametrize(
    "name",
    [
        "Germany",
        "the United States",
        "Europe",
        "Brazil",
        "the UK",
        "U.S.",
        "  the   united STATES ",
    ],
)
def test_places_is_country_knows_countries_continents_and_aliases(name):
    assert places.is_country(name)


@pytest.mark.parametrize("name", ["Valdoria", "Hamburg", "Kessel province", "the", ""])
def test_places_is_country_rejects_other_places(name):
    assert not places.is_country(name)


def test_places_country_names_are_keys_of_every_record_and_alias():
    names = places.country_names()
    assert {"germany", "united states", "europe", "uk", "u.s."} <= names
    assert len(names) >= len(places.countries()) > 200
    assert all(
        n == " ".join(n.split()) and n == n.casefold() and not n.startswith("the ") for n in names
    )


def test_places_aliases_name_countries_of_the_gazetteer():
    isos = {c["iso"] for c in places.countries()}
    aliases = places.country_aliases()
    assert aliases["the uk"] == "GB"
    assert set(aliases.values()) <= isos


def test_places_loaders_are_cached_and_read_the_geo_vocabulary():
    assert places.country_names() is places.country_names()
    assert places.countries() is places.countries()
    assert "region_words" in places.geo_vocab()
    assert {c["name"] for c in places.continents()} >= {"Europe", "Africa"}


def test_places_imports_no_stage():
    code = "import sys, factmap.places as p; p.is_country('Chile'); print(sorted(m for m in sys.modules if m.startswith('factmap.')))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['factmap.places', 'factmap.vocab']"
