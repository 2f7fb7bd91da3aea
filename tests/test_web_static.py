"""Fast checks of the web workspace's static files (factmap/web/static/).

They keep the pages safe under the server's Content-Security-Policy
(``script-src 'self'; style-src 'self'``) and self-contained (no CDN):

- index.html has no inline script bodies, no ``on*=`` handler attributes, no
  ``style="..."`` attributes and no inline ``<style>`` elements;
- the app's JavaScript never parses HTML strings (``innerHTML``, ``outerHTML``,
  ``insertAdjacentHTML``, ``document.write``, ``eval``, ``new Function``);
- every asset referenced by index.html, by the JS imports and by the JS's
  ``/static/...`` URLs exists;
- every vendored file carries its licence, and nothing is loaded from another host.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

STATIC = Path(str(resources.files("factmap.web") / "static"))
APP_JS = sorted(p for p in STATIC.rglob("*.js") if "vendor" not in p.parts)
FORBIDDEN_JS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                "setAttribute(\"style\"", "setAttribute('style'")


class _Tags(HTMLParser):
    """Collects (tag, attrs, text inside) of an HTML file."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self.style_elements = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        self.style_elements += tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.script_text.append(data)


def _parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text("utf-8"))
    return parser


def _code(text: str) -> str:
    """JavaScript with // line comments and /* */ block comments removed (strings kept)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"(^|\s)//[^\n]*", r"\1", text)


def _static_path(url: str) -> Path:
    return STATIC / url.removeprefix("/static/")


def test_web_static_index_has_no_inline_script_or_handlers() -> None:
    page = _parse(STATIC / "index.html")
    assert page.script_text == [], "index.html must not contain inline script bodies (CSP script-src 'self')"
    assert page.style_elements == 0, "index.html must not contain <style> elements (CSP style-src 'self')"
    for tag, attrs in page.tags:
        handlers = [a for a in attrs if a.lower().startswith("on")]
        assert not handlers, f"<{tag}> has event handler attributes {handlers}"
        assert "style" not in attrs, f"<{tag}> has a style attribute"
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), f"script from outside /static/: {attrs}"


def test_web_static_index_checker_catches_inline_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<html><body><script>alert(1)</script><img src=x onerror="x()"></body></html>')
    page = _parse(bad)
    assert page.script_text == ["alert(1)"]
    assert any(k == "onerror" for _, attrs in page.tags for k in attrs)


@pytest.mark.parametrize("path", APP_JS, ids=lambda p: str(p.relative_to(STATIC)))
def test_web_static_js_never_parses_html(path: Path) -> None:
    code = _code(path.read_text("utf-8"))
    found = [word for word in FORBIDDEN_JS if word in code]
    assert not found, f"{path.name} uses {found}: build DOM nodes with el()/textContent instead"


def test_web_static_js_files_found() -> None:
    names = {p.relative_to(STATIC).as_posix() for p in APP_JS}
    assert {"app.js", "views/dom.js", "views/doc.js", "views/network.js", "views/map.js"} <= names


def test_web_static_index_assets_exist() -> None:
    page = _parse(STATIC / "index.html")
    urls = [a.get("src") or a.get("href") for t, a in page.tags if t in ("script", "link")]
    assert urls, "index.html references no assets"
    for url in urls:
        assert url and url.startswith("/static/"), f"asset outside /static/: {url}"
        assert _static_path(url).is_file(), f"index.html references missing {url}"


@pytest.mark.parametrize("path", APP_JS, ids=lambda p: str(p.relative_to(STATIC)))
def test_web_static_js_references_exist(path: Path) -> None:
    code = path.read_text("utf-8")
    for rel in re.findall(r"""^\s*import\s[^'"]*from\s+["']([^"']+)["']""", code, flags=re.M):
        assert (path.parent / rel).resolve().is_file(), f"{path.name} imports missing {rel}"
    for url in re.findall(r"""["'](/static/[^"'?#]+)["']""", code):
        assert _static_path(url).is_file(), f"{path.name} references missing {url}"


def test_web_static_nothing_loaded_from_other_hosts() -> None:
    for path in [STATIC / "index.html", STATIC / "style.css", *APP_JS]:
        code = _code(path.read_text("utf-8")) if path.suffix == ".js" else path.read_text("utf-8")
        assert not re.search(r"""(src|href|import|url\()\s*=?\s*["']?(https?:)?//""", code), f"{path.name} loads from another host"
        assert "@import" not in code


def test_web_static_vendored_files_carry_licence() -> None:
    vendor = STATIC / "vendor"
    readme = (vendor / "README.md").read_text("utf-8").splitlines()
    files = [p for p in vendor.iterdir() if p.is_file() and p.suffix not in (".LICENSE", ".md")]
    assert files, "nothing vendored"
    for p in files:
        lines = [line for line in readme if f"`{p.name}`" in line]
        assert lines, f"vendor/README.md must have a line for {p.name} (source and licence file)"
        licences = re.findall(r"`([^`]+\.LICENSE)`", lines[0])
        assert licences, f"vendor/README.md's line for {p.name} must name its licence file"
        for name in licences:
            assert (vendor / name).is_file(), f"{p.name}'s licence {name} is missing"
            assert len((vendor / name).read_text("utf-8")) > 200
    assert "Copyright" in (vendor / "cytoscape.min.js").read_text("utf-8")[:400], "cytoscape.min.js lost its header"


def test_web_static_country_outlines_are_geojson() -> None:
    data = json.loads((STATIC / "vendor" / "countries-110m.geojson").read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) > 150
    names = {f["properties"]["name"] for f in data["features"]}
    assert {"Ukraine", "Russia", "France"} <= names
    for f in data["features"]:
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_web_static_css_has_no_remote_fonts_or_expressions() -> None:
    css = (STATIC / "style.css").read_text("utf-8")
    assert "expression(" not in css and "javascript:" not in css
    assert "url(" not in css, "style.css should not load anything"
