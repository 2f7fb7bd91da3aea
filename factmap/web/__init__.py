"""The web workspace: ``factmap serve`` serves a single-page app and its JSON API.

    app.py       create_app(): the ASGI application (FastAPI) over one store
    api.py       the JSON API under /api (thin handlers over the library)
    cache.py     whole-store analyses (facts, conflicts, events, graph) cached per revision
    queries.py   read-only store queries only the web needs (pages, snippets)
    security.py  headers, body limit, write token and host checks
    static/      the single-page app (index.html, scripts, styles, vendored libraries)
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str) -> object:
    if name == "create_app":  # imported lazily: FastAPI is needed only to serve
        from factmap.web.app import create_app

        return create_app
    raise AttributeError(name)
