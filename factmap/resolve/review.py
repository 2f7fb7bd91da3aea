"""Reviewers' decisions: merge, keep apart, split a mention off, rename, add an alias,
import known actors. Each is recorded as data (a nomenklatura judgement, a mention
override, a label, a known actor) with who and when, logged, and the store is
re-resolved at once; every later ingest or re-resolution replays them.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import yaml
from nomenklatura.judgement import Judgement

from factmap import settings
from factmap.analyze.query import find_entity
from factmap.errors import InputError, NotFoundError
from factmap.model import ENTITY_TYPES, KnownActor, mention_id
from factmap.resolve import ResolveStats, resolve
from factmap.resolve.names import name_key
from factmap.store import Store

__all__ = [
    "add_alias", "decide", "import_actors", "key_for", "read_actors", "rename", "review_items", "split",
]


def key_for(store: Store, name: str) -> str:
    """The resolution key a reviewer means by ``name``: the key itself if the store uses
    it (as typed, or normalised), else the most used key of the entity ``name`` finds."""
    keys = store.entity_keys()
    for candidate in (name, name_key(name)):
        if candidate in keys:
            return candidate
    ent = find_entity(store, name)
    own = store.keys_of_entity(ent["id"])
    if not own:
        raise NotFoundError(f"entity {name!r} has no names to judge")
    return own[0]


def decide(store: Store, a: str, b: str, judgement: Judgement, user: str | None = None) -> ResolveStats:
    """Record that ``a`` and ``b`` are the same actor (positive), different (negative) or
    that the reviewer cannot tell (unsure); then re-resolve."""
    user = user or settings.USER
    ka, kb = key_for(store, a), key_for(store, b)
    if ka == kb:
        raise NotFoundError(f"{a!r} and {b!r} are the same name; nothing to decide")
    with store.judgements() as log:
        log.decide(ka, kb, judgement, user=user)
    store.log_review(judgement.value, {"a": a, "b": b, "key_a": ka, "key_b": kb}, user)
    return resolve(store)


def _parse_mention(store: Store, ref: str) -> str:
    """``DOC:START-END`` or ``DOC:START`` -> a stored mention id."""
    doc, _, span = ref.rpartition(":")
    if not doc or not span:
        raise NotFoundError(f"mention {ref!r} should look like DOC:START-END (as 'factmap show' prints)")
    start_s, _, end_s = span.partition("-")
    if not start_s.isdigit() or (end_s and not end_s.isdigit()):
        raise NotFoundError(f"mention {ref!r} should look like DOC:START-END (as 'factmap show' prints)")
    if end_s:
        return mention_id(doc, int(start_s), int(end_s))
    hits = [m["id"] for m in store.mentions(doc_id=doc) if m["start"] == int(start_s)]
    if not hits:
        raise NotFoundError(f"no mention starts at {ref!r}; 'factmap show NAME' lists mentions as DOC:START")
    return hits[0]


def split(store: Store, name: str, mention_refs: list[str], user: str | None = None) -> ResolveStats:
    """Take mentions out of the entity ``name``: each becomes its own entity."""
    user = user or settings.USER
    ent = find_entity(store, name)
    own = {m["id"] for m in store.mentions(entity_id=ent["id"])}
    for ref in mention_refs:
        mid = _parse_mention(store, ref)
        if mid not in own:
            raise NotFoundError(f"mention {ref} is not one of {ent['name']}'s mentions")
        store.split_mention(mid, user)
        store.log_review("split", {"entity": ent["name"], "mention": mid}, user)
    return resolve(store)


def rename(store: Store, name: str, new: str, user: str | None = None) -> ResolveStats:
    """Give the entity ``name`` the display name ``new`` (its mentions are unchanged)."""
    user = user or settings.USER
    ent = find_entity(store, name)
    key = store.keys_of_entity(ent["id"])[0]
    store.label_key(key, new, user)
    store.log_review("rename", {"entity": ent["name"], "key": key, "name": new}, user)
    return resolve(store)


def add_alias(store: Store, name: str, alias: str, user: str | None = None) -> ResolveStats:
    """State that ``alias`` is another name of the entity ``name`` (now and in later articles)."""
    user = user or settings.USER
    ent = find_entity(store, name)
    key, alias_key = store.keys_of_entity(ent["id"])[0], name_key(alias)
    if not alias_key:
        raise NotFoundError(f"alias {alias!r} has no letters to match")
    with store.judgements() as log:
        log.decide(key, alias_key, Judgement.POSITIVE, user=user)
    store.log_review("alias", {"entity": ent["name"], "key": key, "alias": alias}, user)
    return resolve(store)


def read_actors(path: Path) -> list[KnownActor]:
    """Known actors from YAML (a list, or ``{actors: [...]}``) or CSV (columns ``name``,
    ``type``, ``aliases`` and ``external_ids`` separated by ``;`` or ``|``), or from
    FollowTheMoney entity lines (``.jsonl``, ``.ftm.json``: :mod:`factmap.resolve.ftm_import`)."""
    from factmap.resolve.ftm_import import is_ftm_file, read_ftm_actors

    if is_ftm_file(path):
        return read_ftm_actors(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the known-actor file ({exc})") from exc
    rows: list[dict[str, Any]]
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        try:
            data = yaml.safe_load(raw) if path.suffix.lower() != ".json" else json.loads(raw)
        except (yaml.YAMLError, json.JSONDecodeError) as exc:
            raise InputError(str(path), f"not valid YAML/JSON: {exc}") from exc
        rows = data.get("actors", []) if isinstance(data, dict) else data
    elif path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(raw.splitlines()))
    else:
        raise InputError(str(path), "known actors must be a .yaml, .yml, .json or .csv file, or FtM entity lines (.jsonl, .ftm.json)")
    if not isinstance(rows, list):
        raise InputError(str(path), "expected a list of actors with name, type, aliases, external_ids")

    def as_list(value: Any) -> tuple[str, ...]:
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            return tuple(v.strip() for v in value.replace("|", ";").split(";") if v.strip())
        return tuple(str(v).strip() for v in value if str(v).strip())

    actors = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not str(row.get("name") or "").strip():
            raise InputError(f"{path}:{i}", "every actor needs a name")
        typ = str(row.get("type") or "organization").strip().lower()
        if typ not in ENTITY_TYPES:
            raise InputError(f"{path}:{i}", f"type {typ!r} is not one of {', '.join(ENTITY_TYPES)}")
        ids = as_list(row.get("external_ids") or row.get("ids") or row.get("wikidata"))
        actors.append(KnownActor(str(row["name"]).strip(), typ, as_list(row.get("aliases")), ids, path.name))
    return actors


def import_actors(store: Store, path: Path, user: str | None = None) -> tuple[int, ResolveStats]:
    """Import known actors from ``path`` and re-resolve."""
    actors = read_actors(path)
    n = store.add_known_actors(actors)
    store.log_review("actors_import", {"file": str(path), "actors": n}, user or settings.USER)
    return n, resolve(store)


def review_items(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """The review queue with, for each side, its entity's name and an example mention."""
    queue = store.review_queue(limit=limit)
    keys = store.entity_keys()
    examples = store.key_examples([q["a"] for q in queue] + [q["b"] for q in queue])
    names: dict[int, str] = {}
    out = []
    for q in queue:
        item = dict(q)
        for side in ("a", "b"):
            eid = keys.get(q[side])
            if eid is not None and eid not in names:
                names[eid] = store.entity(eid)["name"]
            item[f"{side}_entity"] = f"E{eid}" if eid is not None else None
            item[f"{side}_name"] = names.get(eid) if eid is not None else q[side]
            item[f"{side}_example"] = examples.get(q[side])
        out.append(item)
    return out
