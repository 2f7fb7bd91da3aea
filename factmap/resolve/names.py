"""Name normalisation: the key under which two surface forms count as the same name.

``name_key("the Freedom of Russia Legion's")`` and ``name_key("FREEDOM OF RUSSIA LEGION")``
are equal. The key folds case, Unicode compatibility forms and accents (Latin only:
Cyrillic letters are kept), drops a leading article, a trailing possessive,
quotation marks and punctuation, and collapses white space.
"""

from __future__ import annotations

import re
import unicodedata

_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def _strip_latin_accents(text: str) -> str:
    out = []
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
