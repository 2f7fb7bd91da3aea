"""A small on-disk cache for derived data that is slow to build (gazetteer indexes).

``cached(name, version, build)`` returns ``build()``'s result, keeping a pickle of it in
``FACTMAP_CACHE_DIR`` (default ``~/.cache/factmap``) so later processes load it in a
fraction of the time. The ``version`` string (e.g. the data package's version) is part of
the file name, so a new version rebuilds. The cache is only ever written by factmap
itself in the user's own folder; if it cannot be read or written, the data is built in
memory as if there were no cache.
"""

from __future__ import annotations

import os
import pickle
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from factmap import settings

T = TypeVar("T")

__all__ = ["cached"]


def cached(name: str, version: str, build: Callable[[], T]) -> T:
    """``build()``, through a pickle cache named ``name``-``version``."""
    if not settings.CACHE_DIR:
        return build()
    safe = re.sub(r"[^\w.-]+", "_", f"{name}-{version}")
    path = Path(settings.CACHE_DIR).expanduser() / f"{safe}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - written by factmap itself, in the user's cache
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, IndexError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
