"""FollowTheMoney export: ``factmap export --format ftm`` writes entity JSON lines that
Aleph, OpenSanctions' tools and ``ftm`` load, each built and validated with the
``followthemoney`` library.

Mapping (data in ``factmap/vocab/ftm.yaml``):

=====================  ====================================================================
factmap                FollowTheMoney
=====================  ====================================================================
document               ``Article``: title, publisher, publishedAt, sourceUrl (when the
                       document has a URL), fileName, language, bodyText (the cleaned
                       text all offsets refer to)
person                 ``Person``
organization           ``Organization``
group                  ``Organization`` with ``classification: group`` (FtM has no
                       schema for a loose collective)
location               ``Address`` (``full`` = the name; latitude/longitude/country when a
                       gazetteer is given)
agreement              ``Contract`` (title = name, ``classification: agreement``): FtM's
                       schema for an agreement between parties
entity names           ``name``; other names in ``alias``
external ids           ``wikidataId`` when they look like a Wikidata QID (``Q42``), else
                       ``idNumber`` (Person/Organization) or ``notes``
mentions               one ``Documentation`` per (document, entity): document = the
                       Article, entity, role ``mentioned``, ``namesMentioned`` = the
                       names used, ``summary`` = the mention offsets and texts; entities
                       also list the Articles in ``proof``
leader_of              ``Directorship`` (director, organization, role ``leader``)
member_of              ``Membership`` (member, organization, role ``member``)
spokesperson_of        ``Membership`` (role ``spokesperson``)
other predicates       ``UnknownLink`` (subject, object, role = the predicate); also any
                       fact whose ends do not fit the schema above (a location
                       "member" of something), and facts only ever stated as negated
                       (``status: denied``)
claimed_responsibility ``UnknownLink`` from the actor to the ``Event``
event                  ``Event``: name "<type> <place> <date>", date, ``involved`` (person,
                       organization, group participants), ``addressEntity``/``location``
                       (the place), summary = quote, ``recordId`` = the export's event id;
                       plus a ``Documentation`` from its Article
=====================  ====================================================================

Every relation entity is one *fact* (all claims of one subject, predicate, object; see
:func:`factmap.export.tables.fact_records`): ``startDate``/``endDate`` from
``valid_from``/``valid_to``; ``summary`` = the strongest quote; ``description`` = every
piece of evidence as ``[C7] DOC:START-END (publisher, date): "quote"``; ``proof`` =
the Articles; ``publisher``/``sourceUrl`` of those documents; ``recordId`` = the fact
id; ``status`` = ``stated``, ``disputed`` or ``denied``.

Entity ids are readable and stable within one store: ``factmap-e12`` (entity E12),
``factmap-v3`` (event V3), ``factmap-doc-<document id>``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import IO, Any

import yaml
from followthemoney import model
from followthemoney.proxy import EntityProxy

from factmap.analyze.geo import Gazetteer, context_of, geocode
from factmap.errors import FactmapError
from factmap.export.json import build_export
from factmap.export.tables import fact_records
from factmap.store import Store

__all__ = ["entity_id", "ftm_entities", "vocab", "write_ftm"]

Record = dict[str, Any]
_QID = re.compile(r"^Q[1-9]\d*$")
_SAFE = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$")  # FtM's entity id rule


@cache
def vocab() -> dict[str, Any]:
    """The FtM mapping (``factmap/vocab/ftm.yaml``)."""
    return yaml.safe_load((resources.files("factmap.vocab") / "ftm.yaml").read_text("utf-8"))


def entity_id(kind: str, ref: str) -> str:
    """The FtM id of a factmap record: ``factmap-e12``, ``factmap-doc-2024-abc``. A
    document id FtM would reject (``000_abc``: only letters, digits, ``.`` and ``-``)
    is spelled with ``-`` and given a short hash so that ids stay distinct."""
    if kind != "doc":
        return f"factmap-{ref.lower()}"
    if _SAFE.match(ref):
        return f"factmap-doc-{ref}"
    readable = re.sub(r"[^0-9a-zA-Z.-]+", "-", ref).strip(".-")
    digest = hashlib.sha1(ref.encode("utf-8")).hexdigest()[:8]
    return f"factmap-doc-{readable}-{digest}" if readable else f"factmap-doc-{digest}"


def _make(schema: str, id_: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = id_
    return proxy


def _article(doc: Record, text: str | None) -> EntityProxy:
    art = _make("Article", entity_id("doc", doc["id"]))
    art.add("title", doc.get("title") or doc["id"])
    art.add("name", doc.get("title") or doc["id"])
    art.add("fileName", doc.get("source"))
    art.add("publisher", doc.get("publisher"))
    art.add("publishedAt", doc.get("published"))
    url = doc.get("url") or (doc.get("source") if str(doc.get("source") or "").startswith("http") else None)
    art.add("sourceUrl", url)
    art.add("language", doc.get("lang"))
    if text is not None:
        art.add("bodyText", text)
    return art


def _external_ids(proxy: EntityProxy, ids: list[str]) -> None:
    for x in ids:
        if _QID.match(x):
            proxy.add("wikidataId", x)
        elif proxy.schema.get("idNumber") is not None:
            proxy.add("idNumber", x)
        else:
            proxy.add("notes", f"external id: {x}")


def _entity(ent: Record, docs: list[str], place: Any | None) -> EntityProxy:
    schema = vocab()["entity_schemata"].get(ent["type"], "Organization")
    proxy = _make(schema, entity_id("entity", ent["id"]))
    proxy.add("name", ent["name"])
    if schema == "Contract":
        proxy.add("title", ent["name"])
    if schema == "Address":
        proxy.add("full", ent["name"])
    proxy.add("alias", [a for a in ent.get("aliases") or [] if a != ent["name"]])
    proxy.add("classification", vocab().get("classification", {}).get(ent["type"]), quiet=True)
    _external_ids(proxy, list(ent.get("external_ids") or []))
    proxy.add("proof", [entity_id("doc", d) for d in docs])
    if place is not None:
        proxy.add("country", place.country_code.lower())
        if schema == "Address" and place.latitude is not None:
            proxy.add("latitude", str(place.latitude))
            proxy.add("longitude", str(place.longitude))
        if schema == "Address":
            proxy.add("region", place.admin1, quiet=True)
    return proxy


def _evidence_line(rec: Record, docs: dict[str, Record]) -> str:
    doc = docs.get(rec["doc"], {})
    src = ", ".join(str(x) for x in (doc.get("publisher"), doc.get("published")) if x)
    return f"[{rec['id']}] {rec['doc']}:{rec['start']}-{rec['end']}{f' ({src})' if src else ''}: \u201c{rec['quote']}\u201d"


def _add_sources(proxy: EntityProxy, doc_ids: list[str], docs: dict[str, Record]) -> None:
    for d in doc_ids:
        doc = docs.get(d, {})
        proxy.add("proof", entity_id("doc", d))
        proxy.add("publisher", doc.get("publisher"))
        if doc.get("url"):
            proxy.add("sourceUrl", doc["url"])


def _fits(schema: str, prop: str, ftm_schema: str | None) -> bool:
    """Can an entity of ``ftm_schema`` fill ``schema``'s ``prop``?"""
    edge = model.get(schema)
    p = edge.get(prop) if edge is not None else None
    target = model.get(ftm_schema) if ftm_schema else None
    return p is not None and p.range is not None and target is not None and target.is_a(p.range)


def _relation(fact: Record, schemata: dict[str, str], docs: dict[str, Record]) -> EntityProxy:
    rule = vocab()["relations"].get(fact["predicate"])
    s_ref, o_ref = entity_id("entity", fact["subject"]), entity_id("entity", fact["object"])
    subj_schema, obj_schema = schemata.get(fact["subject"]), schemata.get(fact["object"])
    if (
        rule and not fact["negated"]
        and _fits(rule["schema"], rule["subject"], subj_schema)
        and _fits(rule["schema"], rule["object"], obj_schema)
    ):
        proxy = _make(rule["schema"], f"factmap-{fact['id'].lower()}")
        proxy.add(rule["subject"], s_ref)
        proxy.add(rule["object"], o_ref)
        proxy.add("role", rule.get("role") or fact["predicate"])
        if rule["schema"] == "UnknownLink":
            proxy.add("role", fact["predicate"])
    else:
        proxy = _make("UnknownLink", f"factmap-{fact['id'].lower()}")
        proxy.add("subject", s_ref)
        proxy.add("object", o_ref)
        proxy.add("role", fact["predicate"])
    proxy.add("startDate", fact.get("valid_from"))
    proxy.add("endDate", fact.get("valid_to"))
    proxy.add("recordId", fact["id"])
    proxy.add("status", "denied" if fact["negated"] else "disputed" if fact["disputed"] else "stated")
    proxy.add("summary", fact["strongest"]["quote"])
    proxy.add("description", "\n".join(_evidence_line(c, docs) for c in fact["evidence"]))
    proxy.add("date", [docs.get(d, {}).get("published") for d in fact["documents"]], quiet=True)
    _add_sources(proxy, fact["documents"], docs)
    return proxy


def _event(ev: Record, schemata: dict[str, str], names: dict[str, str], docs: dict[str, Record], place: Any | None) -> EntityProxy:
    proxy = _make("Event", entity_id("event", ev["id"]))
    label = " ".join(x for x in (ev["type"].replace("_", " "), names.get(ev["place"] or ""), ev["date"]) if x)
    proxy.add("name", label)
    proxy.add("date", ev["date"])
    proxy.add("keywords", ev["type"])
    proxy.add("recordId", ev["id"])
    proxy.add("summary", ev["quote"])
    proxy.add("description", _evidence_line(ev, docs))
    for p in ev["participants"]:
        if p and _fits("Event", "involved", schemata.get(p)):
            proxy.add("involved", entity_id("entity", p))
        elif p and schemata.get(p) == "Address":
            proxy.add("addressEntity", entity_id("entity", p))
        elif p:
            proxy.add("namesMentioned", names.get(p))
    if ev["place"]:
        proxy.add("addressEntity", entity_id("entity", ev["place"]))
        proxy.add("location", names.get(ev["place"]))
    if place is not None:
        proxy.add("country", place.country_code.lower())
    _add_sources(proxy, [ev["doc"]], docs)
    return proxy


def _documentation(doc: str, target: str, role: str, summary: str, names: list[str], date: str | None) -> EntityProxy:
    proxy = _make("Documentation", f"{entity_id('doc', doc)}-{target}")
    proxy.add("document", entity_id("doc", doc))
    proxy.add("entity", target)
    proxy.add("role", role)
    proxy.add("summary", summary)
    proxy.add("namesMentioned", names)
    proxy.add("date", date)
    return proxy


def _places(data: Record, gazetteer: Gazetteer | None) -> dict[str, Any]:
    """Location entity id -> geocoded Place, using the place names of the documents
    that mention it as context."""
    if gazetteer is None:
        return {}
    doc_places: dict[str, list[str]] = {}
    for e in data["entities"]:
        if e["type"] == "location":
            for m in e["mentions"]:
                doc_places.setdefault(m["doc"], []).append(e["name"])
    out = {}
    for e in data["entities"]:
        if e["type"] != "location":
            continue
        ctx_names = [n for m in e["mentions"] for n in doc_places.get(m["doc"], []) if n != e["name"]]
        place = geocode(e["name"], context_of(ctx_names, gazetteer), gazetteer)
        if place is not None:
            out[e["id"]] = place
    return out


def ftm_entities(store: Store, gazetteer: Gazetteer | None = None, include_text: bool = True) -> Iterator[EntityProxy]:
    """The whole store as FtM entities: Articles, actors, Documentation of mentions,
    relations (one per fact), Events. ``gazetteer`` adds coordinates and countries to
    locations and events; ``include_text`` puts each document's text in ``bodyText``."""
    data = build_export(store)
    docs = {d["id"]: d for d in data["documents"]}
    texts = store.document_texts(docs) if include_text else {}
    places = _places(data, gazetteer)
    for d in data["documents"]:
        yield _article(d, texts.get(d["id"]) if include_text else None)
    schemata = {e["id"]: vocab()["entity_schemata"].get(e["type"], "Organization") for e in data["entities"]}
    names = {e["id"]: e["name"] for e in data["entities"]}
    for e in data["entities"]:
        by_doc: dict[str, list[Record]] = {}
        for m in e["mentions"]:
            by_doc.setdefault(m["doc"], []).append(m)
        yield _entity(e, list(by_doc), places.get(e["id"]))
        for doc, ms in by_doc.items():
            summary = "; ".join(f"{doc}:{m['start']}-{m['end']} \u201c{m['text']}\u201d" for m in ms)
            names_used = list(dict.fromkeys(m["text"] for m in ms))
            yield _documentation(doc, entity_id("entity", e["id"]), "mentioned", summary, names_used,
                                 docs.get(doc, {}).get("published"))
    for ev in data["events"]:
        schemata[ev["id"]] = "Event"
        yield _event(ev, schemata, names, docs, places.get(ev["place"] or ""))
        yield _documentation(ev["doc"], entity_id("event", ev["id"]), "event", ev["quote"],
                             [], docs.get(ev["doc"], {}).get("published"))
    for fact in fact_records(store):
        yield _relation(fact, schemata, docs)


def write_ftm(store: Store, out: IO[str], gazetteer: Gazetteer | None = None, include_text: bool = True) -> int:
    """Write the FtM entities as JSON lines, each validated against its schema; return
    how many were written."""
    n = 0
    for proxy in ftm_entities(store, gazetteer, include_text):
        data = proxy.to_dict()
        try:
            proxy.schema.validate(data)  # type: ignore[arg-type]
        except Exception as exc:  # followthemoney.exc.InvalidData
            raise FactmapError(
                f"FtM entity {proxy.id} ({proxy.schema.name}) does not validate: {exc}; "
                "please report this with the store that produced it"
            ) from exc
        out.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n
