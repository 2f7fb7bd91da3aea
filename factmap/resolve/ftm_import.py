"""Known actors from FollowTheMoney entity lines (an OpenSanctions or Aleph export).

``factmap actors import people.ftm.json`` reads one FtM entity per line (a JSON array
of entities is accepted too). Schemata and alias properties come from
``factmap/vocab/ftm.yaml``: ``Person`` -> person; ``Organization``, ``LegalEntity``,
``Company``, ``PublicBody`` -> organization; other schemata (sanctions, addresses,
relations) are skipped. The first ``name`` is the actor's name; the other names and
``alias``/``previousName``/``weakAlias``/``abbreviation`` are its aliases; its
``wikidataId`` values and the entity ``id`` are its external ids. Each entity is read
with ``followthemoney`` (``model.get_proxy``), so values are cleaned as FtM cleans them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from followthemoney import model

from factmap.errors import InputError
from factmap.model import KnownActor

__all__ = ["actor_from_entity", "is_ftm_file", "read_ftm_actors"]

_SUFFIXES = (".ftm.json", ".ftm.jsonl", ".jsonl", ".ndjson")


@cache
def _vocab() -> dict[str, Any]:
    return yaml.safe_load((resources.files("factmap.vocab") / "ftm.yaml").read_text("utf-8"))


def is_ftm_file(path: Path) -> bool:
    """True for ``.jsonl``/``.ftm.json`` files, and for ``.json`` files whose first
    record has a ``schema`` and ``properties`` (an FtM entity)."""
    name = path.name.lower()
    if name.endswith(_SUFFIXES):
        return True
    if not name.endswith(".json"):
        return False
    try:
        with path.open(encoding="utf-8") as fh:
            head = fh.read(4096).lstrip().lstrip("[").lstrip()
    except (OSError, UnicodeDecodeError):
        return False
    first = head.splitlines()[0] if head else ""
    try:
        rec = json.loads(first.rstrip().rstrip(","))
    except json.JSONDecodeError:
        return '"schema"' in head and '"properties"' in head
    return isinstance(rec, dict) and "schema" in rec and "properties" in rec


def actor_from_entity(data: dict[str, Any], source: str = "") -> KnownActor | None:
    """The known actor an FtM entity dict describes, or None when its schema is not a
    person or organization (or it has no name)."""
    typ = _vocab()["import_schemata"].get(data.get("schema"))
    if typ is None:
        return None
    proxy = model.get_proxy(data, cleaned=False)
    names = proxy.get("name")
    if not names:
        return None
    aliases = list(names[1:])
    for prop in _vocab()["import_alias_properties"]:
        if proxy.schema.get(prop) is not None:
            aliases.extend(proxy.get(prop))
    aliases = [a for a in dict.fromkeys(aliases) if a != names[0]]
    ids = [*proxy.get("wikidataId"), *([proxy.id] if proxy.id else [])]
    return KnownActor(names[0], typ, tuple(aliases), tuple(dict.fromkeys(ids)), source)


def _records(path: Path, raw: str) -> Iterator[tuple[int, dict[str, Any]]]:
    text = raw.strip()
    if text.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON: {exc}") from exc
        for i, item in enumerate(items, 1):
            yield i, item
        return
    for i, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield i, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{i}", f"not a JSON entity line ({exc.msg}); FtM files have one entity per line") from exc


def read_ftm_actors(path: Path) -> list[KnownActor]:
    """Known actors (people and organizations) from an FtM entity file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the FtM file ({exc})") from exc
    actors = []
    for i, rec in _records(path, raw):
        if not isinstance(rec, dict) or "schema" not in rec:
            raise InputError(f"{path}:{i}", "expected an FtM entity: {\"id\", \"schema\", \"properties\"}")
        if model.get(rec["schema"]) is None:
            raise InputError(f"{path}:{i}", f"unknown FtM schema {rec['schema']!r}")
        actor = actor_from_entity(rec, path.name)
        if actor is not None:
            actors.append(actor)
    return actors
