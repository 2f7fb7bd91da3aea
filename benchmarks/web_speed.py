"""Speed of the web API on a large synthetic store.

Run: ``.venv/bin/python -m benchmarks.web_speed [--docs 10000] [--requests 200] [--db FILE] [--json FILE]``

No NLP runs here. Each synthetic document is a few sentences made from generated names
(organizations, people, places: no real actor names), with its mentions, relation
claims ("A leads B", "A is allied with B", ...) and one event written as hand-made
:class:`~factmap.model.Extraction` objects and saved with
:func:`factmap.pipeline.save_extraction`; then :func:`factmap.resolve.resolve` runs
once. Names are drawn with Zipf-like weights, so a few actors appear in thousands of
documents (the slow profiles) and most in a handful. ``--db FILE`` keeps the store and
reuses it on the next run.

The server is the real thing: :func:`factmap.web.app.create_app` under uvicorn on
127.0.0.1 (a free port), queried with httpx over HTTP. After a warm-up, each kind of
request is timed ``--requests`` times, round robin over its targets:

- ``stats``: ``/api/stats``, the baseline (almost no work);
- ``profile``: ``/api/entities/{id}``, half the most mentioned actors, half random ones;
- ``search``: ``/api/search?q=…`` with names, misspelt names and prefixes;
- ``neighbourhood``: ``/api/entities/{id}/neighbourhood`` (depth 1) of the same actors.

Printed: p50/p95/max in milliseconds per kind, the p95 ratio against the baseline and
whether p95 is under the 200 ms target; also the store size, the build time and the
startup time (the analyses are computed before the server answers).
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from factmap.model import Claim, Document, Event, Extraction, Mention, Sentence

__all__ = ["build_store", "main", "percentile", "synthetic_document"]

TARGET_MS = 200.0

_ADJ = ["Northern", "Iron", "Red", "Free", "Steppe", "Black", "Silver", "Grey", "Western", "Eastern", "Border",
        "Mountain", "River", "White", "Golden", "Southern", "Coastal", "Forest", "Storm", "Winter"]
_NOUN = ["Wolf", "Falcon", "Bear", "Oak", "Shield", "Arrow", "Lion", "Star", "Hawk", "Spear", "Fox", "Eagle",
         "Raven", "Tiger", "Bridge", "Gate", "Tower", "Flame", "Stone", "Harbor"]
_KIND = ["Legion", "Brigade", "Battalion", "Corps", "Front", "Movement", "Council", "Party", "Alliance", "Regiment"]
_FIRST = ["Ana", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Galina", "Hugo", "Irina", "Jonas", "Kira", "Leon",
          "Maria", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei", "Tamara", "Viktor", "Yana", "Zoran"]
_LAST = ["Alvarez", "Borodin", "Costa", "Demir", "Egorov", "Fischer", "Gomez", "Horvat", "Ivanenko", "Jansen",
         "Kovacs", "Lindqvist", "Moreau", "Novak", "Orlov", "Petrenko", "Quinn", "Rossi", "Sokolov", "Tanaka"]
_PLACE_A = ["Nor", "Vel", "Kras", "Bel", "Mar", "Sol", "Dor", "Gar", "Lis", "Tor", "Zel", "Pol", "Ost", "Ber"]
_PLACE_B = ["ovka", "grad", "ino", "sk", "burg", "ovo", "itsa", "polye", "dorf", "mir"]
_PUBLISHERS = [f"{a} {b}" for a in ("Daily", "Morning", "Evening", "Weekly", "Global") for b in
               ("Herald", "Courier", "Post", "Wire", "Tribune", "Observer", "Times", "Gazette", "Ledger", "Monitor")]

_TEMPLATES = [  # (sentence, subject type, predicate, object type)
    ("{a} leads the {b}.", "person", "leader_of", "organization"),
    ("{a} is a member of the {b}.", "person", "member_of", "organization"),
    ("The {a} is allied with the {b}.", "organization", "allied_with", "organization"),
    ("The {a} operates in {b}.", "organization", "operates_in", "location"),
    ("The {a} is part of the {b}.", "organization", "part_of", "organization"),
    ("{a} speaks for the {b}.", "person", "spokesperson_of", "organization"),
    ("The {a} opposes the {b}.", "organization", "opposes", "organization"),
]


def _names(rng: random.Random) -> dict[str, list[str]]:
    orgs = [f"{a} {n} {k}" for a in _ADJ for n in _NOUN for k in _KIND]
    people = [f"{f} {last}" for f in _FIRST for last in _LAST]
    places = [f"{a}{b}" for a in _PLACE_A for b in _PLACE_B]
    for pool in (orgs, people, places):
        rng.shuffle(pool)
    return {"organization": orgs[:1500], "person": people[:440], "location": places[:140]}


def _zipf_pick(rng: random.Random, pool: list[str]) -> str:
    """A name with Zipf-like weights: index ~ 1/rank."""
    i = int(len(pool) ** rng.random()) - 1
    return pool[max(0, min(i, len(pool) - 1))]


def synthetic_document(i: int, rng: random.Random, names: dict[str, list[str]]) -> tuple[Document, Extraction]:
    """Document ``i``: 3-6 relation sentences and one event sentence, with evidence."""
    doc_id = f"syn{i:06d}"
    parts: list[str] = []
    mentions: list[Mention] = []
    claims: list[Claim] = []
    pos = 0

    def add(sentence: str, slots: list[tuple[str, str]]) -> tuple[int, int, list[Mention]]:
        nonlocal pos
        start = pos
        found = []
        cursor = 0
        for name, typ in slots:
            at = sentence.index(name, cursor)
            cursor = at + len(name)
            m = Mention(doc_id, start + at, start + at + len(name), name, typ, rule="synthetic", confidence=0.9)
            found.append(m)
        mentions.extend(found)
        parts.append(sentence)
        pos += len(sentence) + 1
        return start, start + len(sentence), found

    for _ in range(rng.randint(3, 6)):
        tpl, ta, pred, tb = rng.choice(_TEMPLATES)
        a, b = _zipf_pick(rng, names[ta]), _zipf_pick(rng, names[tb])
        if a == b:
            continue
        sentence = tpl.format(a=a, b=b)
        s, e, (ma, mb) = add(sentence, [(a, ta), (b, tb)])
        claims.append(Claim(doc_id, s, e, sentence, pred, ma.id, mb.id, 0.8, "synthetic"))
    org, place = _zipf_pick(rng, names["organization"]), _zipf_pick(rng, names["location"])
    date = f"{rng.randint(2022, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    kind = rng.choice(["raid", "attack", "meeting", "battle"])
    sentence = f"On {date} the {org} took part in a {kind} near {place}."
    s, e, (mo, mp) = add(sentence, [(org, "organization"), (place, "location")])
    event = Event("event:0", doc_id, s, e, sentence, kind, 0.8, "synthetic", date=date, place=mp.id,
                  participants=(mo.id,))
    text = " ".join(parts)
    doc = Document(doc_id, f"{doc_id}.txt", f"sha-{doc_id}", text, title=f"Report {i}",
                   publisher=rng.choice(_PUBLISHERS), published=date)
    ext = Extraction(doc_id, [Sentence(doc_id, 0, len(text))], mentions, [], claims, [event])
    return doc, ext


def build_store(path: Path, n_docs: int, seed: int = 7) -> float:
    """Write ``n_docs`` synthetic documents into a new store at ``path`` and resolve; seconds taken."""
    from factmap.pipeline import save_extraction
    from factmap.resolve import resolve
    from factmap.store import Store

    t0 = time.perf_counter()
    rng = random.Random(seed)
    names = _names(rng)
    store = Store(path)
    try:
        for i in range(n_docs):
            doc, ext = synthetic_document(i, rng, names)
            save_extraction(store, doc, ext)
            if (i + 1) % 1000 == 0:
                print(f"  {i + 1} documents", file=sys.stderr)
        resolve(store)
    finally:
        store.close()
    return time.perf_counter() - t0


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(q * len(ordered) + 0.5)) - 1))
    return ordered[k]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(app: Any) -> tuple[Any, threading.Thread, str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=server.run, daemon=True)
    th.start()
    while not server.started:
        time.sleep(0.05)
    return server, th, f"http://127.0.0.1:{port}"


def _time(client: Any, urls: list[str], n: int) -> list[float]:
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        r = client.get(urls[i % len(urls)])
        out.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            raise RuntimeError(f"{urls[i % len(urls)]} answered {r.status_code}: {r.text[:200]}")
    return out


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1 :]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the synthetic store")
    ap.add_argument("--requests", type=int, default=200, help="timed requests per kind")
    ap.add_argument("--db", type=Path, help="store file to build (or reuse when it exists)")
    ap.add_argument("--json", type=Path, help="also write the numbers as JSON")
    args = ap.parse_args(argv)

    import httpx

    from factmap.store import Store
    from factmap.web.app import create_app

    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "web_speed.db"
    build_s = 0.0
    if not path.exists():
        print(f"building a store of {args.docs} synthetic documents in {path}", file=sys.stderr)
        build_s = build_store(path, args.docs)
    with Store(path) as s:
        size = {k: s.count(k) for k in ("documents", "mentions", "claims", "events", "entities")}
        top = [f"E{e['id']}" for e in s.entities(limit=20)]
        every = [f"E{e['id']}" for e in s.entities()]
        names = [e["name"] for e in s.entities(limit=300)]
    t0 = time.perf_counter()
    app = create_app(str(path))
    startup_s = time.perf_counter() - t0
    app.state.factmap.geo()  # the gazetteer loads in the background at startup: not while timing
    server, th, base = _serve(app)
    rng = random.Random(11)
    targets = top[:10] + rng.sample(every, min(10, len(every)))
    queries = [rng.choice(names) for _ in range(10)] + [_typo(rng.choice(names), rng) for _ in range(10)]
    queries += [rng.choice(names)[:4] for _ in range(5)]
    kinds = {
        "stats": ["/api/stats"],
        "profile": [f"/api/entities/{e}" for e in targets],
        "search": [f"/api/search?q={httpx.QueryParams({'q': q})['q']}" for q in queries],
        "neighbourhood": [f"/api/entities/{e}/neighbourhood" for e in targets],
    }
    results: dict[str, dict[str, float]] = {}
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for urls in kinds.values():  # warm-up
                _time(client, urls, len(urls))
            for kind, urls in kinds.items():
                ms = _time(client, urls, args.requests)
                results[kind] = {"p50_ms": round(statistics.median(ms), 2), "p95_ms": round(percentile(ms, 0.95), 2),
                                 "max_ms": round(max(ms), 2)}
    finally:
        server.should_exit = True
        th.join(10)
        tmp.cleanup()
    base_p95 = results["stats"]["p95_ms"] or 1e-9
    for r in results.values():
        r["p95_vs_stats"] = round(r["p95_ms"] / base_p95, 1)
        r["under_target"] = r["p95_ms"] < TARGET_MS
    report = {"store": size, "build_seconds": round(build_s, 1), "startup_seconds": round(startup_s, 1),
              "snapshot_seconds": round(app.state.factmap.cache.get().seconds, 1),
              "requests_per_kind": args.requests, "target_p95_ms": TARGET_MS, "results": results}
    print(f"store: {size}; built in {build_s:.1f} s; server ready in {startup_s:.1f} s")
    print(f"{'request':<14}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'p95/stats':>11}  p95<200ms")
    for kind, r in results.items():
        print(f"{kind:<14}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}{r['max_ms']:>9.1f}{r['p95_vs_stats']:>11.1f}  "
              f"{'yes' if r['under_target'] else 'NO'}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0 if all(r["under_target"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
