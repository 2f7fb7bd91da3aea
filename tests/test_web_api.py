"""The web API over a store built from hand-made extractions (no spaCy)."""

from __future__ import annotations

import threading
import warnings

import pytest
from sqlalchemy import insert, text

from factmap.analyze.geo import Gazetteer
from factmap.model import Claim
from factmap.pipeline import save_extraction
from factmap.resolve import resolve
from factmap.store import Store
from factmap.store import schema as t
from factmap.web.cache import in_window
from factmap.web.security import CSP
from tests.helpers import make_doc, make_extraction

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from factmap.web.app import create_app  # noqa: E402

PAYLOAD = 'Harbor Front said <script>alert(1)</script> and <img src=x onerror="alert(2)"> in Port Sol.'

DOCS = {
    "d1": (
        "Ana Ruiz leads the Harbor Front. The Harbor Front raided Port Sol in May. "
        "The Georgian Legion and the Georgian National Legion met.",
        dict(publisher="Wire", published="2023-05-02"),
        [("Ana Ruiz", "person"), ("Harbor Front", "organization"), ("Port Sol", "location"),
         ("Georgian Legion", "organization"), ("Georgian National Legion", "organization")],
        [("Ana Ruiz", "leader_of", "Harbor Front")],
        [("raid", "2023-05", "Port Sol", ["Harbor Front"])],
    ),
    "d2": (
        "Ana Ruiz, who leads the Harbor Front, spoke in Freedonia. The Harbor Front is allied with the Port Brigade.",
        dict(publisher="Daily Sun", published="2024-02-10"),
        [("Ana Ruiz", "person"), ("Harbor Front", "organization"), ("Freedonia", "location"),
         ("Port Brigade", "organization")],
        [("Ana Ruiz", "leader_of", "Harbor Front"), ("Harbor Front", "allied_with", "Port Brigade")],
        [],
    ),
    "d3": (
        PAYLOAD + " The Georgian Legion fought there.",
        dict(publisher="Evil Blog", published="2024-03-01", title='<b onmouseover="x()">title</b>'),
        [("Harbor Front", "organization"), ("Port Sol", "location"), ("Georgian Legion", "organization")],
        [],
        [],
    ),
}


def small_gazetteer() -> Gazetteer:
    """Port Sol exists twice; the one in Freedonia (FD) is the smaller."""
    cities = [
        {"geonameid": 1, "name": "Port Sol", "latitude": 10.5, "longitude": 20.25, "countrycode": "FD",
         "population": 900, "admin1code": "07", "alternatenames": []},
        {"geonameid": 2, "name": "Port Sol", "latitude": -33.0, "longitude": -70.0, "countrycode": "XL",
         "population": 90000, "admin1code": "01", "alternatenames": []},
    ]
    return Gazetteer(cities, [{"iso": "FD", "name": "Freedonia"}, {"iso": "XL", "name": "Xland"}])


def build_store(path: str) -> Store:
    store = Store(path)
    for doc_id, (body, meta, names, claims, events) in DOCS.items():
        doc = make_doc(doc_id, body, **meta)
        save_extraction(store, doc, make_extraction(doc, names, claims=claims, events=events))
    d4 = make_doc("d4", "The Port Brigade is not allied with the Harbor Front.", publisher="Other", published="2024-04")
    ext = make_extraction(d4, [("Port Brigade", "organization"), ("Harbor Front", "organization")])
    pb, hf = ext.mentions  # a denial of d2's alliance: a conflict
    ext.claims.append(Claim("d4", 0, len(d4.text), d4.text, "allied_with", pb.id, hf.id, 0.8, "test", negated=True))
    save_extraction(store, d4, ext)
    resolve(store)
    return store


@pytest.fixture()
def db(tmp_path) -> str:
    path = str(tmp_path / "web.db")
    build_store(path).close()
    return path


@pytest.fixture()
def client(db) -> TestClient:
    return TestClient(create_app(db, gazetteer=small_gazetteer(), settle=0))


def eid(client: TestClient, name: str) -> str:
    hits = client.get("/api/search", params={"q": name}).json()["results"]
    hit = next(h for h in hits if h["name"] == name)
    return hit["id"]


def doc_text(client: TestClient, doc: str) -> str:
    return client.get(f"/api/documents/{doc}").json()["text"]


# -- reading ------------------------------------------------------------------------------
def test_web_api_stats_and_session(client):
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 4 and stats["claims"] >= 4 and stats["events"] == 1
    assert stats["facts"] >= 2 and stats["conflicts"] >= 1 and stats["review_queue"] >= 1
    assert stats["revision"] == stats["analyses_revision"] > 0
    assert client.get("/api/session").json() == {"write_token_required": False}


def test_web_api_search_is_typo_tolerant_and_lists_top_entities(client):
    hits = client.get("/api/search", params={"q": "Harbr Frnt"}).json()["results"]
    assert hits[0]["name"] == "Harbor Front" and hits[0]["match"] == "Harbor Front"
    assert hits[0]["n_documents"] == 4 and hits[0]["type"] == "organization"
    people = client.get("/api/search", params={"q": "", "type": "person"}).json()["results"]
    assert [h["name"] for h in people] == ["Ana Ruiz"]
    top = client.get("/api/search", params={"limit": 2}).json()["results"]
    assert top[0]["name"] == "Harbor Front" and len(top) == 2
    assert client.get("/api/search", params={"q": "zzzzqqqq"}).json()["results"] == []


def test_web_api_profile_has_relations_events_and_mentions_with_evidence(client):
    hf = eid(client, "Harbor Front")
    prof = client.get(f"/api/entities/{hf}").json()
    assert prof["id"] == hf and prof["type"] == "organization" and prof["n_documents"] == 4
    assert {n["name"] for n in prof["names"]} == {"Harbor Front"}
    assert sorted(prof["names"][0]["documents"]) == ["d1", "d2", "d3", "d4"]
    lead = prof["relations"]["leader_of"][0]
    assert lead["subject_name"] == "Ana Ruiz" and lead["independent_sources"] == 2 and not lead["single_source"]
    assert len(lead["claims"]) == 2 and lead["fact_id"].startswith("F")
    allied = prof["relations"]["allied_with"][0]
    assert allied["disputed"] is True and any(c["negated"] for c in allied["claims"])
    for rel in (lead, allied):
        for c in rel["claims"]:
            assert doc_text(client, c["doc"])[c["start"] : c["end"]] == c["quote"]
    assert [e["type"] for e in prof["events"]] == ["raid"] and prof["events"][0]["merged_event"].startswith("M")
    assert prof["mentions_total"] == 4 and len(prof["mentions"]) == 4
    for m in prof["mentions"]:
        assert doc_text(client, m["doc"])[m["start"] : m["end"]] == m["text"] == "Harbor Front"
        assert m["snippet"] == f"{m['left']}[{m['text']}]{m['right']}"
    assert prof["conflicts"] and all(hf in k["entities"] for k in prof["conflicts"])
    page = client.get(f"/api/entities/{hf}", params={"mentions_limit": 1, "mentions_offset": 3}).json()
    assert [m["doc"] for m in page["mentions"]] == ["d4"] and page["mentions_total"] == 4


def test_web_api_unknown_ids_and_routes_are_json_404(client):
    for url in ("/api/entities/E99999", "/api/entities/harbor", "/api/facts/Fnope",
                "/api/documents/nope", "/api/entities/E99999/neighbourhood", "/api/nope", "/nope"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert r.headers["content-type"].startswith("application/json") and r.json()["error"], url
    bad = client.get("/api/graph", params={"from": "May 2023"})
    assert bad.status_code == 422 and "from" in bad.json()["error"]


def test_web_api_fact_lists_every_supporting_quote(client):
    hf = eid(client, "Harbor Front")
    fid = client.get(f"/api/entities/{hf}").json()["relations"]["leader_of"][0]["fact_id"]
    fact = client.get(f"/api/facts/{fid}").json()
    assert fact["id"] == fid and fact["predicate"] == "leader_of" and fact["independent_sources"] == 2
    assert {e["doc"] for e in fact["evidence"]} == {"d1", "d2"}
    assert {e["publisher"] for e in fact["evidence"]} == {"Wire", "Daily Sun"}
    for e in fact["evidence"]:
        assert doc_text(client, e["doc"])[e["start"] : e["end"]] == e["quote"]


def test_web_api_graph_filters_and_neighbourhood(client):
    g = client.get("/api/graph").json()
    names = {n["name"] for n in g["nodes"]}
    assert {"Ana Ruiz", "Harbor Front", "Port Brigade"} <= names and not g["truncated"]
    assert {e["predicate"] for e in g["edges"]} == {"leader_of", "allied_with"}
    orgs = client.get("/api/graph", params={"types": "organization"}).json()
    assert {e["predicate"] for e in orgs["edges"]} == {"allied_with"}
    leaders = client.get("/api/graph", params={"predicates": "leader_of", "min_sources": 2}).json()
    assert [(e["predicate"], e["independent_sources"]) for e in leaders["edges"]] == [("leader_of", 2)]
    assert client.get("/api/graph", params={"min_sources": 3}).json()["edges"] == []
    early = client.get("/api/graph", params={"to": "2023-12"}).json()
    assert {e["predicate"] for e in early["edges"]} == {"leader_of"}  # allied_with first seen 2024-02
    late = client.get("/api/graph", params={"from": "2024-01", "to": "2024"}).json()
    assert {e["predicate"] for e in late["edges"]} == {"leader_of", "allied_with"}
    one = client.get("/api/graph", params={"limit": 1}).json()
    assert one["truncated"] and [n["name"] for n in one["nodes"]] == ["Harbor Front"] and one["edges"] == []
    ana = eid(client, "Ana Ruiz")
    n1 = client.get(f"/api/entities/{ana}/neighbourhood").json()
    assert {n["name"] for n in n1["nodes"]} == {"Ana Ruiz", "Harbor Front"}
    n2 = client.get(f"/api/entities/{ana}/neighbourhood", params={"depth": 2}).json()
    assert {n["name"] for n in n2["nodes"]} == {"Ana Ruiz", "Harbor Front", "Port Brigade"}
    alone = client.get(f"/api/entities/{eid(client, 'Georgian Legion')}/neighbourhood").json()
    assert [n["name"] for n in alone["nodes"]] == ["Georgian Legion"] and alone["edges"] == []


def test_web_api_events_timeline_and_map(client):
    evs = client.get("/api/events").json()["events"]
    assert [(e["type"], e["date"]) for e in evs] == [("raid", "2023-05")]
    ev = evs[0]
    assert ev["participants"] == [{"id": eid(client, "Harbor Front"), "name": "Harbor Front"}]
    assert ev["places"] == [{"id": eid(client, "Port Sol"), "name": "Port Sol"}] and ev["independent_sources"] == 1
    q = ev["quotes"][0]
    assert doc_text(client, q["doc"])[q["start"] : q["end"]] == q["quote"]
    assert client.get("/api/events", params={"from": "2024"}).json()["events"] == []
    assert client.get("/api/events", params={"type": "battle"}).json()["events"] == []
    assert len(client.get("/api/events", params={"entity": eid(client, "Harbor Front")}).json()["events"]) == 1
    assert client.get("/api/events", params={"entity": eid(client, "Ana Ruiz")}).json()["events"] == []
    m = client.get("/api/map").json()
    assert m["ungeocoded"] == 0 and len(m["events"]) == 1
    place = m["events"][0]["place"]
    # d1 names no country: the most populous Port Sol (Xland) — context is what the documents say
    assert (place["name"], place["country"], place["precision"]) == ("Port Sol", "Xland", 1)
    assert m["events"][0]["doc"] == "d1"


def test_web_api_documents_return_raw_text_as_json(client):
    docs = client.get("/api/documents").json()["documents"]
    assert [d["id"] for d in docs] == ["d1", "d2", "d3", "d4"] and docs[0]["n_mentions"] == 5
    assert client.get("/api/documents", params={"limit": 1, "offset": 2}).json()["documents"][0]["id"] == "d3"
    r = client.get("/api/documents/d3")
    assert r.headers["content-type"] == "application/json"
    d3 = r.json()
    assert d3["text"].startswith(PAYLOAD) and d3["title"] == '<b onmouseover="x()">title</b>'
    assert d3["publisher"] == "Evil Blog" and d3["copy_group"] is None
    assert "<script>" in r.text  # JSON carries it as data; the page inserts it with textContent
    for m in d3["mentions"]:
        assert d3["text"][m["start"] : m["end"]] == m["text"] and m["entity"].startswith("E")


def test_web_api_conflicts_list_and_filter(client):
    ks = client.get("/api/conflicts").json()["conflicts"]
    assert any(k["kind"] == "negation" for k in ks)
    pb = eid(client, "Port Brigade")
    assert client.get("/api/conflicts", params={"entity": pb}).json()["conflicts"]
    assert client.get("/api/conflicts", params={"entity": eid(client, "Ana Ruiz")}).json()["conflicts"] == []


# -- safety -------------------------------------------------------------------------------
def test_web_api_security_headers_on_every_response(client):
    for url in ("/", "/api/stats", "/api/nope", "/openapi.json"):
        h = client.get(url).headers
        assert h["content-security-policy"] == CSP, url
        assert "script-src 'self';" in h["content-security-policy"] and "unsafe-inline" not in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff" and h["referrer-policy"] == "no-referrer"
        assert h["x-frame-options"] == "DENY" and "access-control-allow-origin" not in h
    assert client.get("/api/stats").headers["cache-control"] == "no-store"


def test_web_api_openapi_is_served_and_cdn_pages_are_off(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/stats", "/api/search", "/api/entities/{entity_id}", "/api/graph", "/api/map",
                 "/api/review/decide", "/api/review/split", "/api/documents/{doc_id}", "/api/session"):
        assert path in schema["paths"], path
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_web_api_body_limit_is_413(client):
    big = {"a": "x" * 70_000, "b": "y", "judgement": "positive"}
    r = client.post("/api/review/decide", json=big)
    assert r.status_code == 413 and "larger" in r.json()["error"]


def test_web_api_writes_must_be_json_from_this_origin_and_host(client):
    r = client.post("/api/review/decide", content=b"a=1&b=2", headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415
    r = client.post("/api/review/decide", json={"a": "x", "b": "y", "judgement": "positive"},
                    headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    assert client.get("/api/stats", headers={"host": "evil.example"}).status_code == 403
    bad = client.post("/api/review/decide", json={"a": "x", "b": "y", "judgement": "maybe"})
    assert bad.status_code == 422 and "judgement" in bad.json()["error"]


def test_web_api_token_is_required_beyond_loopback(db):
    app = create_app(db, token="s3cret", allow_writes_without_token=False, host="0.0.0.0", gazetteer=small_gazetteer())
    c = TestClient(app, base_url="http://192.168.1.20:8765")
    assert c.get("/api/session").json() == {"write_token_required": True}
    assert c.get("/api/stats").status_code == 200  # any Host when listening beyond loopback; reads are open
    body = {"a": "Georgian Legion", "b": "Georgian National Legion", "judgement": "negative"}
    assert c.post("/api/review/decide", json=body).status_code == 401
    assert c.post("/api/review/decide", json=body, headers={"authorization": "Bearer wrong"}).status_code == 401
    ok = c.post("/api/review/decide", json=body, headers={"authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["ok"] is True
    none = create_app(db, token=None, allow_writes_without_token=False, host="0.0.0.0", gazetteer=small_gazetteer())
    assert TestClient(none).post("/api/review/decide", json=body, headers={"authorization": "Bearer "}).status_code == 401


# -- review -------------------------------------------------------------------------------
def test_web_api_review_decision_writes_the_same_judgement_as_the_cli(tmp_path):
    from click.testing import CliRunner

    from factmap.cli import cli

    web_db, cli_db = str(tmp_path / "web.db"), str(tmp_path / "cli.db")
    build_store(web_db).close()
    build_store(cli_db).close()
    c = TestClient(create_app(web_db, gazetteer=small_gazetteer(), settle=0))
    items = c.get("/api/review").json()["items"]
    item = next(i for i in items if {i["a"], i["b"]} == {"georgian legion", "georgian national legion"})
    assert item["a_name"] and item["b_name"] and item["impact"] > 0
    r = c.post("/api/review/decide", json={"a": item["a"], "b": item["b"], "judgement": "positive", "user": "rev"})
    assert r.status_code == 200 and r.json()["ok"] and "entities" in r.json()["stats"]
    res = CliRunner().invoke(cli, ["--db", cli_db, "merge", item["a"], item["b"], "--user", "rev"], obj={})
    assert res.exit_code == 0, res.output

    def logged(path: str) -> tuple[list, list]:
        s = Store(path)
        try:
            log = [(x["action"], x["args"], x["user"]) for x in s.review_log()]
            with s.judgements() as j:
                nk = lambda k: "NK-*" if k.startswith("NK-") else k  # noqa: E731 (random cluster ids)
                dec = [(nk(d.a), nk(d.b), d.judgement, d.user) for d in j.decisions()]
            return log, dec
        finally:
            s.close()

    assert logged(web_db) == logged(cli_db) and logged(web_db)[0][-1][0] == "positive"
    # the answer already reflects the decision: one Georgian entity now, and the pair is gone
    hits = c.get("/api/search", params={"q": "Georgian National Legion"}).json()["results"]
    assert hits[0]["name"] in {"Georgian Legion", "Georgian National Legion"} and len(hits[0]["aliases"]) == 1
    assert all({i["a"], i["b"]} != {item["a"], item["b"]} for i in c.get("/api/review").json()["items"])
    # and it persists: a new server on the same store sees it
    again = TestClient(create_app(web_db, gazetteer=small_gazetteer()))
    assert again.get("/api/stats").json()["entities"] == c.get("/api/stats").json()["entities"]


def test_web_api_split_takes_a_mention_out(client):
    gl = eid(client, "Harbor Front")
    m = client.get(f"/api/entities/{gl}").json()["mentions"][2]
    r = client.post("/api/review/split", json={"entity": gl, "mentions": [f"{m['doc']}:{m['start']}-{m['end']}"]})
    assert r.status_code == 200 and r.json()["ok"]
    assert client.get(f"/api/entities/{gl}").json()["n_mentions"] == 3
    bad = client.post("/api/review/split", json={"entity": gl, "mentions": ["d9:0-1"]})
    assert bad.status_code == 404 and "mention" in bad.json()["error"]


# -- concurrency and the cache --------------------------------------------------------------
def test_web_api_reads_while_another_connection_writes(db, client):
    writer = Store(db)
    hf = eid(client, "Harbor Front")
    try:
        with writer.engine.begin() as conn:  # an open write transaction, as an ingest holds
            conn.execute(insert(t.documents).values(id="w1", source="w1.txt", sha256="x", text="W", lang="en",
                                                    ingested_at="2024-01-01"))
            conn.execute(text("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'"))
            done: dict[str, int] = {}

            def read() -> None:
                done["stats"] = client.get("/api/stats").status_code
                done["profile"] = client.get(f"/api/entities/{hf}").status_code

            th = threading.Thread(target=read)
            th.start()
            th.join(5)
            assert done == {"stats": 200, "profile": 200}  # not blocked by the writer
            assert client.get("/api/stats").json()["documents"] == 4  # uncommitted: not visible
    finally:
        writer.close()
    assert client.get("/api/stats").json()["documents"] == 5


def test_web_api_cache_follows_changes_made_elsewhere(db, client):
    app_cache = client.app.state.factmap.cache
    before = app_cache.get()
    other = Store(db)
    try:
        d = make_doc("d9", "The Sea Wolves raided Port Sol.", published="2024-05-01")
        save_extraction(other, d, make_extraction(d, [("Sea Wolves", "organization"), ("Port Sol", "location")],
                                                  events=[("raid", "2024-05-01", "Port Sol", ["Sea Wolves"])]))
        resolve(other)
    finally:
        other.close()
    assert client.get("/api/stats").json()["analyses_revision"] == before.revision  # answered at once, stale
    app_cache.wait()
    assert app_cache.get().revision > before.revision
    assert any(h["name"] == "Sea Wolves" for h in client.get("/api/search", params={"q": "sea wolves"}).json()["results"])
    assert len(client.get("/api/events").json()["events"]) == 2


def test_web_api_in_window_compares_iso_prefixes():
    assert in_window("2023", "2023", "2023-05", None)
    assert not in_window("2023-04-30", "2023-04-30", "2023-05", None)
    assert in_window("2024-06-15", "2024-06-15", None, "2024-06")
    assert not in_window("2024-07", "2024-08", None, "2024-06")
    assert in_window(None, None, None, None) and not in_window(None, None, "2023", None)


def test_web_api_serve_command_prints_address_and_token(db, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from factmap.cli import cli

    seen: dict[str, object] = {}
    monkeypatch.setattr(Gazetteer, "default", classmethod(lambda cls: small_gazetteer()))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    res = CliRunner().invoke(cli, ["--db", db, "serve", "--port", "8999"], obj={})
    assert res.exit_code == 0, res.output
    assert "http://127.0.0.1:8999/" in res.output and "token" not in res.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8999
    res = CliRunner().invoke(cli, ["--db", db, "serve", "--host", "0.0.0.0"], obj={})
    assert res.exit_code == 0 and "write token" in res.output
    token = res.output.rsplit("write token ", 1)[1].split()[0]
    c = TestClient(seen["app"], base_url="http://10.0.0.5:8765")
    assert c.get("/api/session").json() == {"write_token_required": True}
    body = {"a": "Georgian Legion", "b": "Georgian National Legion", "judgement": "unsure"}
    assert c.post("/api/review/decide", json=body).status_code == 401
    assert c.post("/api/review/decide", json=body, headers={"authorization": f"Bearer {token}"}).status_code == 200


def test_web_api_cached_analyses_equal_the_library_functions(db):
    from factmap.analyze.conflicts import conflicts
    from factmap.analyze.facts import facts, merged_events
    from factmap.web.cache import build_snapshot

    store = Store(db)
    try:
        snap = build_snapshot(store)
        assert snap.facts == facts(store) and snap.conflicts == conflicts(store)
        assert snap.merged == merged_events(store)
    finally:
        store.close()
