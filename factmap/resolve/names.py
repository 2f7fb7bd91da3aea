"""Name normalisation: the key under which two surface forms count as the same name.

``name_key("the Freedom of Russia Legion's")`` and ``name_key("FREEDOM OF RUSSIA LEGION")``
are equal. The key folds case, Unicode compatibility forms and accents (Latin only:
Cyrillic letters are kept), drops a leading article, a trailing possessive,
quotation marks and punctuation, and collapses white space.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def _strip_latin_accents(text: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn":
            # drop combining marks on Latin letters only (keep Cyrillic й/ё intact)
            if out and "LATIN" in unicodedata.name(out[-1], ""):
                continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def name_key(text: str) -> str:
    """The normalised key of a name (see module docstring). Empty for a name of punctuation only."""
    key = unicodedata.normalize("NFKC", text).strip()
    key = _POSSESSIVE.sub("", key.replace("\u2019", "'"))
    key = _strip_latin_accents(key).casefold()
    key = _ARTICLES.sub("", key)
    key = _NON_WORD.sub(" ", key)
    return _SPACES.sub(" ", key).strip()


def is_acronym(text: str) -> bool:
    """True for an all-capitals short name such as ``RDK`` or ``GUR`` (2-8 letters)."""
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and " " not in text.strip()


# -- comparing names ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NameVocab:
    stopwords: frozenset[str]
    synonyms: dict[str, str]
    honorifics: frozenset[str]
    generic: frozenset[str]
    demonyms: dict[str, str]


@lru_cache(maxsize=1)
def name_vocab() -> NameVocab:
    """The comparison vocabulary of ``factmap/vocab/names.yaml``."""
    data = yaml.safe_load((resources.files("factmap.vocab") / "names.yaml").read_text("utf-8"))
    synonyms = {w: group[0] for group in data["synonyms"] for w in group}
    return NameVocab(
        stopwords=frozenset(data["stopwords"]),
        synonyms=synonyms,
        honorifics=frozenset(data["honorifics"]),
        generic=frozenset(data["generic"]),
        demonyms=dict(data["demonyms"]),
    )


def _singular(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def name_tokens(key: str, type: str = "organization") -> list[str]:
    """The comparable words of a name key, in order: stopwords and honorifics dropped,
    plurals singular, synonyms and (for non-persons) demonyms folded to one form."""
    v = name_vocab()
    out = []
    for tok in key.split():
        if tok in v.stopwords:
            continue
        if type == "person":
            if tok in v.honorifics:
                continue
            out.append(tok)
            continue
        tok = v.synonyms.get(tok, tok)
        if tok not in v.demonyms:
            tok = _singular(tok)
            tok = v.synonyms.get(tok, tok)
        out.append(v.demonyms.get(tok, tok))
    return out


def name_signature(key: str, type: str = "organization") -> tuple[str, ...]:
    """Order-free form of a name: "National Guard of Georgia" and "Georgian National
    Guard" share the signature ``('georgia', 'guard', 'national')``."""
    return tuple(sorted(" ".join(name_tokens(key, type)).split()))


def is_generic(key: str, type: str = "organization") -> bool:
    """True when a name is made only of generic words ("the Legion", "Defence Ministry"),
    so it can only be understood within its document."""
    if type == "person":
        return False
    toks = name_tokens(key, type)
    generic = name_vocab().generic
    return all(t in generic or _singular(t) in generic for t in toks)
