"""The web workspace in a real browser: Playwright driving Debian's Chromium, headless.

A store is built by the real pipeline (spaCy included) from a few small articles
written here, one of them full of markup payloads; ``factmap serve``'s app runs under
uvicorn on a free 127.0.0.1 port. The flows are those of a new user: search with a
typo, open a profile, expand a relation, click a quote, land on the highlighted
evidence; every page route; payloads that must stay text; a review decision that
survives a server restart. Every page is screenshotted into
``test-artifacts/screenshots/`` (1280x800). Any console error or page error fails a
test, except the 404 of a deliberate negative step.

``make test`` installs Chromium (``apt-get install chromium``) and the Playwright
package (its driver, not its browsers: ``playwright install`` is never run); without
them the module is skipped.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.request import urlopen

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 15_000

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make test does: apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is missing: make test installs it from requirements.lock"
)
expect = sync_api.expect

PWN = "window.__pwned=1"
PAYLOAD_TITLE = f"Payload <script>{PWN}</script> report"
PAYLOAD_TEXT = (
    f'The Harbor Front posted <script>{PWN}</script> and <img src=x onerror="{PWN}"> on its channel, '
    f'with <a href="javascript:{PWN}">a link</a> and javascript:{PWN} in Port Sol.\n\n'
    "Ana Ruiz leads the Harbor Front, the group's statement said on 3 June 2023. "
    "The Harbor Front fought the Port Brigade near Port Sol."
)
ARTICLES = {
    "a1.txt": (
        "Harbor Front commander meets allies in Port Sol\n\n"
        "Ana Ruiz, the commander of the Harbor Front, met leaders of the Port Brigade in Port Sol on 12 May 2023. "
        "The Harbor Front is allied with the Port Brigade, Ruiz told reporters.\n\n"
        "The Georgian Legion also sent a delegation to the meeting.\n"
    ),
    "a2.txt": (
        "Harbor Front raids border post\n\n"
        "The Harbor Front raided a border post near Port Sol on 20 May 2023, according to its spokesman Leo Marsh. "
        "Ana Ruiz leads the Harbor Front, which operates in Freedonia.\n\n"
        "The Georgian National Legion said it was not involved.\n"
    ),
    "a3.html": (
        f"<html><head><title>{PAYLOAD_TITLE}</title></head><body><article><h1>{PAYLOAD_TITLE}</h1>"
        f'<p>Port Sol residents saw <img src=x onerror="{PWN}"> <a href="javascript:{PWN}">this link</a>.</p>'
        "<p>The Harbor Front said on 4 June 2023 that the Port Brigade had left Port Sol.</p></article></body></html>"
    ),
    "payload.jsonl": json.dumps(
        {"id": "payload", "title": PAYLOAD_TITLE, "text": PAYLOAD_TEXT, "url": f"javascript:{PWN}",
         "publisher": f'<img src=x onerror="{PWN}">', "published": "2023-06-03"}
    ) + "\n",
}
#: What each page shows once rendered (for this module's articles).
CONTENT = {
    "search": "ol.results li", "entity": "details.relation-details", "network": "#graph canvas",
    "timeline": ".page-timeline .event", "map": "svg circle.marker", "doc": "mark#quote",
    "conflicts": ".page-conflicts", "review": "article.review-item", "documents": "table tbody tr",
}


# -- the store and the server ---------------------------------------------------------------
def _small_gazetteer() -> Any:
    """Port Sol in Freedonia: the map shows a marker without loading the world gazetteer."""
    from factmap.analyze.geo import Gazetteer

    cities = [{"geonameid": 1, "name": "Port Sol", "latitude": 44.6, "longitude": 33.5, "countrycode": "FD",
               "population": 9000, "admin1code": "01", "alternatenames": []}]
    return Gazetteer(cities, [{"iso": "FD", "name": "Freedonia"}])


@pytest.fixture(scope="module")
def built_store(nlp, tmp_path_factory) -> Path:
    """A store ingested from ARTICLES by the real pipeline (never written to by tests)."""
    from factmap.pipeline import ingest
    from factmap.store import Store

    folder = tmp_path_factory.mktemp("articles")
    for name, body in ARTICLES.items():
        (folder / name).write_text(body, encoding="utf-8")
    path = tmp_path_factory.mktemp("store") / "browser.db"
    with Store(path) as store:
        summary = ingest([folder], store)
    assert not summary.failed, summary.failed
    return path


def copy_store(src: Path, dst: Path) -> Path:
    """A consistent copy of a SQLite store (WAL included), for tests that write."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``create_app`` under uvicorn in a background thread on 127.0.0.1 (``gazetteer``:
    the test one by default; None loads the offline world gazetteer)."""

    def __init__(self, store_path: Path, gazetteer: Any = "test") -> None:
        import uvicorn

        from factmap.web.app import create_app

        gaz = _small_gazetteer() if gazetteer == "test" else gazetteer
        app = create_app(str(store_path), host="127.0.0.1", gazetteer=gaz)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, name="factmap-test-server", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def api(self, path: str) -> Any:
        with urlopen(self.url + path, timeout=10) as resp:  # noqa: S310 (loopback test server)
            return json.load(resp)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(15)
        assert not self.thread.is_alive(), "the test server did not stop"


@pytest.fixture(scope="module")
def server(built_store) -> Iterator[LiveServer]:
    """One read-only server for the browsing tests of this module."""
    live = LiveServer(built_store)
    yield live
    live.stop()


# -- the browser --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per module (Debian's, not a Playwright download)."""
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page with every console error, page error and dialog recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.set_default_timeout(TIMEOUT_MS)
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> None:
        """Go to ``url`` and wait until the view has rendered (no loading line left)."""
        self.page.goto(url)
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_selector("#view > .page, #view > .error", state="attached")
        expect(self.page.locator("#view .loading")).to_have_count(0)
        if self.page.locator("#graph").count():
            self.page.wait_for_selector("#graph canvas", state="attached")
            self.page.wait_for_timeout(300)  # the network layout settles

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.page.evaluate("typeof window.__pwned") == "undefined"

    def shot(self, name: str, folder: Path = SHOTS) -> Path:
        """A 1280x800 screenshot of the viewport as ``folder/name.png``."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def page(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport=VIEWPORT)
    watched = Watched(context.new_page())
    yield watched
    context.close()


def page_routes(server: LiveServer, entity: str | None = None) -> dict[str, str]:
    """A route for each page of the workspace: the profile of ``entity`` (default: the
    most documented organization) and the evidence of its first relation's first claim."""
    if entity is None:
        entity = str(server.api("/api/search?type=organization&limit=1")["results"][0]["id"])
    relations = server.api(f"/api/entities/{entity}")["relations"]
    claim = next(iter(relations.values()))[0]["claims"][0]
    return {
        "search": "#/search",
        "entity": f"#/entity/{entity}",
        "network": "#/network",
        "timeline": "#/timeline",
        "map": "#/map",
        "doc": f"#/doc/{claim['doc']}?start={claim['start']}&end={claim['end']}",
        "conflicts": "#/conflicts",
        "review": "#/review",
        "documents": "#/documents",
    }


def _entity_id(server: LiveServer, name: str) -> str:
    results = server.api(f"/api/search?q={name.replace(' ', '+')}")["results"]
    match = [r for r in results if r["name"] == name]
    assert match, f"{name!r} not among {[r['name'] for r in results]}"
    return str(match[0]["id"])


# -- the flows ----------------------------------------------------------------------------
def test_web_browser_search_profile_relation_evidence(server, page):
    """Search with a typo -> profile -> expand a relation -> click a quote -> highlighted evidence."""
    p = page.page
    page.open(server.url + "/")
    p.fill("#q", "Harbr Frnt")
    p.press("#q", "Enter")
    p.wait_for_url("**/#/search?q=Harbr*")
    page.settle()
    hit = p.locator("ol.results a.result-name", has_text="Harbor Front").first
    expect(hit).to_be_visible()
    hit.click()
    p.wait_for_url("**/#/entity/E*")
    page.settle()
    expect(p.locator("h1")).to_contain_text("Harbor Front")
    relation = p.locator("details.relation-details").first
    relation.locator("summary").click()
    quote_link = relation.locator("a.claim-quote").first
    expect(quote_link).to_be_visible()
    quote = quote_link.inner_text().strip().removeprefix("“").removesuffix("”")
    assert quote
    quote_link.click()
    p.wait_for_url("**/#/doc/*start=*")
    page.settle()
    mark = p.locator("mark#quote")
    expect(mark).to_have_count(1)
    assert mark.text_content() == quote
    expect(mark).to_be_in_viewport()
    doc_id = p.evaluate("decodeURIComponent(location.hash.split('/')[2].split('?')[0])")
    start, end = p.evaluate("[...new URLSearchParams(location.hash.split('?')[1]).values()].map(Number)")
    assert server.api(f"/api/documents/{doc_id}")["text"][start:end] == quote
    page.assert_clean()


def test_web_browser_every_page_loads_without_errors(server, page):
    """Each route renders real content with no console error; screenshots of each page."""
    routes = page_routes(server, _entity_id(server, "Harbor Front"))
    assert sorted(routes) == sorted(CONTENT)
    for name, route in routes.items():
        page.open(f"{server.url}/{route}")
        expect(page.page.locator("#view .error")).to_have_count(0)
        expect(page.page.locator(CONTENT[name]).first).to_be_visible()
        page.shot(name)
        page.assert_clean()
    # a deliberate negative step: an unknown entity is a readable error, its 404 the only console error
    page.open(f"{server.url}/#/entity/E999999")
    expect(page.page.locator("#view .error")).to_contain_text("no entity")
    assert page.errors and all("404" in e for e in page.errors), page.errors


def test_web_browser_payload_article_renders_inert(server, page):
    """<script>, onerror= and javascript: in a title, text, publisher and URL stay text."""
    p = page.page
    page.open(f"{server.url}/#/doc/payload")
    expect(p.locator("h1")).to_have_text(PAYLOAD_TITLE)
    body = p.locator(".article-text")
    expect(body).to_contain_text(f"<script>{PWN}</script>")
    expect(body).to_contain_text(f'<img src=x onerror="{PWN}">')
    expect(p.locator(".doc-meta")).to_contain_text(f'<img src=x onerror="{PWN}">')
    assert p.locator("#view script, #view img, #view iframe, #view [onerror]").count() == 0
    assert p.locator("a[href^='javascript' i]").count() == 0
    page.shot("payload")
    for route in ("#/documents", "#/search?q=Payload", f"#/entity/{_entity_id(server, 'Harbor Front')}"):
        page.open(f"{server.url}/{route}")
        assert p.locator("#view script, #view img, #view [onerror], a[href^='javascript' i]").count() == 0
    page.open(f"{server.url}/#/documents")
    expect(p.locator("table")).to_contain_text(PAYLOAD_TITLE)
    p.locator("table a", has_text="Payload").first.click()
    page.settle()
    p.wait_for_timeout(200)
    page.assert_clean()


def test_web_browser_review_decision_survives_restart(built_store, browser, tmp_path):
    """Click "Same" on a queue item; after a restart on the same store the merge is still there."""
    path = copy_store(built_store, tmp_path / "review.db")
    live = LiveServer(path)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = Watched(context.new_page())
        items = live.api("/api/review")["items"]
        assert items, "the articles should leave an uncertain merge to review"
        item = items[0]
        pair = {item["a"], item["b"]}
        page.open(f"{live.url}/#/review")
        card = page.page.locator("article.review-item").first
        expect(card).to_contain_text(item["a_name"])
        card.locator("button.judge-positive").click()
        expect(card.locator(".status .ok")).to_contain_text("Saved")
        page.assert_clean()
        page.page.goto("about:blank")  # nothing of the old page may still call the stopped server
        live.stop()

        live = LiveServer(path)
        queue = live.api("/api/review")["items"]
        assert all({q["a"], q["b"]} != pair for q in queue)
        merged = live.api(f"/api/search?q={item['a_name'].replace(' ', '+')}")["results"][0]
        profile = live.api(f"/api/entities/{merged['id']}")
        names = {n["name"] for n in profile["names"]}
        assert {item["a_name"], item["b_name"]} <= names
        page.open(f"{live.url}/#/review")
        expect(page.page.locator("#view")).not_to_contain_text(f"{item['a_name']} ↔ {item['b_name']}")
        page.open(f"{live.url}/#/entity/{merged['id']}")
        names_panel = page.page.locator("ul.names")
        expect(names_panel).to_contain_text(item["a_name"])
        expect(names_panel).to_contain_text(item["b_name"])
        page.assert_clean()
    finally:
        context.close()
        live.stop()



# -- the README's screenshots ---------------------------------------------------------------
README_NAMES = {"entity": "profile", "doc": "evidence"}


def save_screenshots(store_path: Path, folder: Path, entity: str | None = None) -> list[Path]:
    """Serve ``store_path`` (world gazetteer) and save a 1280x800 screenshot of each page
    into ``folder``; raises AssertionError when a page shows an error or logs one."""
    live = LiveServer(store_path, gazetteer=None)
    out = []
    try:
        with sync_api.sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = Watched(b.new_context(viewport=VIEWPORT).new_page())
            routes = page_routes(live, entity)
            focus = routes["entity"].rsplit("/", 1)[1]
            routes["network"] = f"#/network?focus={focus}"  # legible at 1280x800, unlike the whole graph
            name = live.api(f"/api/entities/{focus}")["name"]
            del routes["search"]  # last: the search box keeps its query on the other pages
            routes["search"] = f"#/search?q={quote(name[:2] + name[3:])}"  # a typo: one letter dropped
            for page_name, route in routes.items():
                page.open(f"{live.url}/{route}")
                assert page.page.locator("#view .error").count() == 0, f"{page_name}: the page shows an error"
                if page_name == "network":  # select the focused actor: its neighbours in the side panel
                    page.page.evaluate("id => document.querySelector('.page-network').cy.$id(id).emit('tap')", focus)
                out.append(page.shot(README_NAMES.get(page_name, page_name), folder))
                page.assert_clean()
            b.close()
    finally:
        live.stop()
    return out


if __name__ == "__main__":  # python -m tests.test_web_browser STORE [FOLDER [ENTITY_ID]]
    import sys

    args = sys.argv[1:]
    if not args:
        sys.exit("usage: python -m tests.test_web_browser STORE [FOLDER [ENTITY_ID]]")
    shots = save_screenshots(Path(args[0]), Path(args[1] if len(args) > 1 else "docs/screenshots"),
                             args[2] if len(args) > 2 else None)
    print("\n".join(str(p) for p in shots))
