"""Mention extraction v1: names of actors in a document's cleaned text.

``find_mentions(sdoc, doc_id)`` reads a spaCy ``Doc`` of the cleaned text and returns
typed :class:`~factmap.model.Mention` objects plus the :class:`~factmap.model.NameLink`
objects a sentence states (acronyms, call-signs, aliases, former names).

Sources of mentions and the ``Mention.rule`` they record:

* ``ner:<LABEL>``   the statistical model (ORG, PERSON, GPE, LOC, FAC, LAW, NORP as a noun);
* ``rule:head``     capitalised words ending in a head noun from ``vocab/entities.yaml``
                    ("Russian Volunteer Corps", "Legion of Free Russia", "the Minsk
                    agreements", "the Kherson region"), the head deciding the type;
* ``rule:quoted``   a quoted name after a unit noun ('Regiment "Kastus Kalinouski"');
* ``rule:acronym``  an acronym defined in parentheses after a name, and its bare uses;
* ``rule:callsign`` a name introduced by a call-sign cue ("call-sign Bear");
* ``rule:alias``    a name introduced by an alias cue ("also known as X") that no other
                    source found;
* ``rule:phrase``   a lowercase agreement phrase ("a memorandum of understanding");
* ``rule:group``    a capitalised adjective + collective noun ("the Russian opposition");
* ``rule:retype``   a one-word model ORG joined by "and" to a people (NORP) -> group.

Confidence: model only 0.75; rule only 0.9; rule and model agree on span and type
0.95; rule re-types the model's exact span 0.85.

Overlaps are resolved greedily: precise rules (quoted, acronym definition, call-sign,
alias) first, then the other rules, then the model; within one level the longer span
wins. Spans never start with "the"/"a"/"an" or a quote and never end with a possessive
"'s". Every mention satisfies ``text[m.start:m.end] == m.text``. No actor names are
listed anywhere: the rules use only general vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from factmap.errors import ConfigError
from factmap.model import Mention, NameLink, mention_id

__all__ = ["find_mentions", "spacy_type"]

CONF_MODEL = 0.75
CONF_RULE = 0.9
CONF_AGREE = 0.95
CONF_RETYPED = 0.85

_PRIO_PRECISE = 3
_PRIO_RULE = 2
_PRIO_MODEL = 1

_DETERMINERS = frozenset({"the", "a", "an"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_QUOTES = "\"'“”„«»‘’`"
_NON_NAME_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "SYM"})
_ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_ACRONYM_RE = re.compile(r"\(\s*([A-ZА-ЯЁ][A-Za-zА-Яа-яЁё0-9&.\-]{1,11})\s*\)")
_CAP_RUN = r"[A-ZА-ЯЁ][\w'’\-]*(?:[ \t]+[A-ZА-ЯЁ][\w'’\-]*){0,3}"
_QUOTED_NAME = r"[\"“«„'‘]([^\"“”«»„'‘’\n]{1,60}?)[\"”»'’]"


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    type: str
    rule: str
    prio: int


# ---------------------------------------------------------------- vocabulary


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    """The parsed ``factmap/vocab/entities.yaml``."""
    path = resources.files("factmap.vocab") / "entities.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"cannot read the mention vocabulary {path}: {exc}; restore "
            f"factmap/vocab/entities.yaml from the repository"
        ) from exc
    if not isinstance(data, dict) or "heads" not in data:
        raise ConfigError(f"{path} has no 'heads' section: restore it from the repository")
    return data


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    """Lowercase head noun -> entity type."""
    return {w.lower(): t for t, words in _vocab()["heads"].items() for w in words}


@lru_cache(maxsize=1)
def _furniture_re() -> re.Pattern[str]:
    pats = _vocab().get("furniture") or []
    return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!)", re.IGNORECASE)


def _cue_regex(cues: list[str]) -> str:
    """An alternation of cue phrases, longest first, spaces/hyphens matched loosely."""
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        words = [re.escape(w) for w in re.split(r"[\s]+", cue.strip())]
        parts.append(r"\s+".join(words))
    return "(?:" + "|".join(parts) + ")"


def spacy_type(label: str) -> str | None:
    """Map a spaCy NER label to a SPEC entity type (``None`` for labels that are not actors).

    >>> spacy_type("GPE")
    'location'
    >>> spacy_type("DATE") is None
    True
    """
    return (_vocab().get("ner_labels") or {}).get(label)


# ---------------------------------------------------------------- token helpers


def _is_name_word(tok: Token) -> bool:
    """A token that can be part of a proper name: capitalised or an ordinal ("3rd")."""
    if _ORDINAL_RE.match(tok.text):
        return True
    if not tok.text[:1].isupper() or tok.is_space:
        return False
    if tok.like_num and not tok.is_sent_start:
        return True  # "Three Brotherhood Alliance"
    if tok.pos_ in _NON_NAME_POS or tok.is_stop:
        return False
    return not (tok.is_sent_start and tok.pos_ in {"VERB", "ADV"})


def _trim(sdoc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds without leading determiners/quotes/punctuation or trailing possessives."""
    while start < end and (
        sdoc[start].lower_ in _DETERMINERS
        or sdoc[start].is_punct
        or sdoc[start].is_space
        or sdoc[start].text in _QUOTES
    ):
        start += 1
    while end > start and (
        sdoc[end - 1].text in _POSSESSIVES
        or sdoc[end - 1].is_space
        or (sdoc[end - 1].is_punct and sdoc[end - 1].text not in {")", "."} | set(_QUOTES))
        or (sdoc[end - 1].text in _QUOTES and not _opens_quote(sdoc, start, end - 1))
    ):
        end -= 1
    if end > start and sdoc[end - 1].text == ")" and "(" not in sdoc[start:end].text:
        end -= 1
    return (start, end) if end > start else None


def _opens_quote(sdoc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end) hold an opening quote (so a closing one belongs to the span)."""
    return any(t.text in _QUOTES for t in sdoc[start:end])


def _char_cand(sdoc: Doc, start: int, end: int, etype: str, rule: str, prio: int) -> _Cand | None:
    """A candidate for the characters [start, end), expanded to whole tokens and trimmed."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    bounds = _trim(sdoc, span.start, span.end)
    if bounds is None:
        return None
    s, e = bounds
    return _Cand(sdoc[s].idx, sdoc[e - 1].idx + len(sdoc[e - 1]), etype, rule, prio)


def _tok_cand(sdoc: Doc, start: int, end: int, etype: str, rule: str, prio: int) -> _Cand | None:
    bounds = _trim(sdoc, start, end)
    if bounds is None:
        return None
    s, e = bounds
    return _Cand(sdoc[s].idx, sdoc[e - 1].idx + len(sdoc[e - 1]), etype, rule, prio)


# ---------------------------------------------------------------- model mentions


def _keep_model_span(span: Span) -> bool:
    """False for model entities that are furniture, pronouns, numbers or stray words."""
    text = span.text
    if "\n" in text or not any(c.isalpha() for c in text):
        return False
    if _furniture_re().fullmatch(text):
        return False
    if len(span) == 1:
        tok = span[0]
        if tok.is_lower or tok.pos_ in {"PRON", "VERB", "AUX", "DET", "ADP"} or tok.like_num:
            return False
        if tok.is_stop:
            return False
    if span.label_ == "NORP":
        root = span.root
        if root.pos_ not in {"NOUN", "PROPN"} or root.dep_ in {"amod", "compound", "nmod"}:
            return False
    return True


def _model_cands(sdoc: Doc) -> list[_Cand]:
    """Candidates from spaCy's entities, trimmed and filtered."""
    out: list[_Cand] = []
    for ent in sdoc.ents:
        etype = spacy_type(ent.label_)
        if etype is None:
            continue
        first = _extend_person(sdoc, ent.start) if ent.label_ == "PERSON" else ent.start
        bounds = _trim(sdoc, first, ent.end)
        if bounds is None:
            continue
        span = sdoc[bounds[0] : bounds[1]]
        span.label_ = ent.label_
        if not _keep_model_span(span):
            continue
        rule = f"ner:{ent.label_}"
        if ent.label_ == "ORG" and len(span) == 1 and _conjoined_with_norp(span[0]):
            etype, rule = "group", "rule:retype"
        out.append(_Cand(span.start_char, span.end_char, etype, rule, _PRIO_MODEL))
    return out


def _extend_person(sdoc: Doc, start: int) -> int:
    """Start of a PERSON entity widened over a given name the model left out ("Ilya Ponomarev")."""
    titles = {w.lower() for w in _vocab().get("person_titles") or []}
    while start > 0:
        tok = sdoc[start - 1]
        if tok.ent_iob_ != "O" or tok.pos_ != "PROPN" or not tok.is_title or tok.is_stop:
            break
        if tok.lower_ in titles or tok.lower_ in _heads():
            break
        if tok.whitespace_ != " ":
            break
        start -= 1
    return start


def _conjoined_with_norp(tok: Token) -> bool:
    """True when ``tok`` is joined by a conjunction to a people ("Belarusians and Chechens")."""
    others = list(tok.conjuncts)
    return bool(others) and all(
        o.ent_type_ == "NORP" and o.pos_ in {"NOUN", "PROPN"} for o in others
    )


# ---------------------------------------------------------------- rule: head nouns


def _left_edge(sdoc: Doc, head: int, sent_start: int) -> int:
    """First token of the capitalised modifiers before ``head`` (``head`` if none)."""
    connectors = set(_vocab().get("connectors") or [])
    first = head
    j = head - 1
    while j >= sent_start:
        tok = sdoc[j]
        if tok.whitespace_ == "\n":
            break
        if tok.text in _POSSESSIVES:
            if not _inner_possessive(sdoc, j, sent_start):
                break
            j -= 1
        elif _is_name_word(tok):
            first = j
            j -= 1
        elif (
            tok.text == "-"
            and not tok.whitespace_
            and j - 1 >= sent_start
            and not sdoc[j - 1].whitespace_
        ):
            j -= 1
        elif tok.lower_ in connectors and j - 1 >= sent_start and _is_name_word(sdoc[j - 1]):
            j -= 1
        else:
            break
    return first


def _inner_possessive(sdoc: Doc, i: int, sent_start: int) -> bool:
    """True when the "'s" at ``i`` is inside a name ("People's") rather than marking an
    owner that is a name of its own ("Sudan's Rapid Support Forces")."""
    if i - 1 < sent_start or not _is_name_word(sdoc[i - 1]):
        return False
    return sdoc[i].ent_iob_ == "I" or sdoc[i - 1].ent_type_ == ""


def _right_edge(sdoc: Doc, head: int, sent_end: int) -> int:
    """Last token of "of/for"-phrases after ``head`` ("Legion of Free Russia")."""
    connectors = set(_vocab().get("connectors") or [])
    last = head
    k = head + 1
    while k < sent_end and sdoc[k].lower_ in connectors:
        m = k + 1
        if m < sent_end and sdoc[m].lower_ == "the":
            m += 1
        n, found = m, None
        while n < sent_end:
            tok = sdoc[n]
            if _is_name_word(tok):
                found = n
            elif (
                tok.text in _POSSESSIVES
                and found == n - 1
                and n + 1 < sent_end
                and _is_name_word(sdoc[n + 1])
            ):
                pass
            elif tok.text == "-" and found == n - 1 and not tok.whitespace_:
                pass
            else:
                break
            n += 1
        if found is None:
            break
        last, k = found, found + 1
    return last


def _head_cands(sdoc: Doc) -> list[_Cand]:
    """Names ending in a head noun, with capitalised modifiers and "of"-phrases."""
    heads = _heads()
    lower_ok = set(_vocab().get("lowercase_ok_types") or [])
    out: list[_Cand] = []
    for sent in sdoc.sents:
        for tok in sent:
            etype = heads.get(tok.lower_)
            if etype is None:
                continue
            capital = tok.text[:1].isupper()
            if not capital and etype not in lower_ok:
                continue
            first = _left_edge(sdoc, tok.i, sent.start)
            if capital:
                last = _right_edge(sdoc, tok.i, sent.end)
            else:
                last = tok.i
                if first == tok.i or sdoc[tok.i - 1].tag_ not in {"NNP", "NNPS"}:
                    continue
            if first == tok.i and last == tok.i:
                continue  # a bare head noun is not a name
            cand = _tok_cand(sdoc, first, last + 1, etype, "rule:head", _PRIO_RULE)
            if cand:
                out.append(cand)
    return out


# ---------------------------------------------------------------- rule: quoted names


def _quoted_cands(sdoc: Doc) -> list[_Cand]:
    """Quoted names after a unit noun, or quoted names ending in a head noun."""
    text = sdoc.text
    heads = _heads()
    nouns = {w.lower() for w in _vocab().get("quote_nouns") or []}
    out: list[_Cand] = []
    pattern = re.compile(r"(?<![\w])" + _QUOTED_NAME + r"(?![\w])")
    for m in pattern.finditer(text):
        inner = m.group(1)
        if not inner[:1].isupper() or len(inner.split()) > 6 or inner != inner.strip():
            continue
        window = max(0, m.start() - 40)
        before = re.search(r"([\w-]+)\s*$", text[window : m.start()])
        word = before.group(1) if before else ""
        low = word.lower()
        cand = None
        if before is not None and (low in nouns or heads.get(low) == "organization"):
            etype = heads.get(low, "organization")
            if etype == "location":
                etype = "organization"
            if word[:1].isupper():
                cand = _char_cand(
                    sdoc, window + before.start(1), m.end(), etype, "rule:quoted", _PRIO_PRECISE
                )
            else:
                cand = _char_cand(sdoc, m.start(1), m.end(1), etype, "rule:quoted", _PRIO_PRECISE)
        else:
            last = inner.split()[-1].lower()
            if last in heads:
                cand = _char_cand(
                    sdoc, m.start(1), m.end(1), heads[last], "rule:quoted", _PRIO_PRECISE
                )
        if cand:
            out.append(cand)
    return out


# ---------------------------------------------------------------- rule: phrases, groups


def _phrase_cands(sdoc: Doc) -> list[_Cand]:
    """Lowercase agreement phrases and "<Capitalised adjective> <collective noun>" groups."""
    out: list[_Cand] = []
    phrases = _vocab().get("agreement_phrases") or []
    if phrases:
        for m in re.finditer(r"\b" + _cue_regex(phrases) + r"\b", sdoc.text, re.IGNORECASE):
            cand = _char_cand(sdoc, m.start(), m.end(), "agreement", "rule:phrase", _PRIO_RULE)
            if cand:
                out.append(cand)
    group_nouns = {w.lower() for w in _vocab().get("group_nouns") or []}
    for tok in sdoc:
        if tok.lower_ not in group_nouns or tok.i == 0:
            continue
        first = tok.i
        j = tok.i - 1
        while (
            j >= 0
            and sdoc[j].text[:1].isupper()
            and sdoc[j].pos_ in {"ADJ", "PROPN"}
            and not sdoc[j].is_stop
        ):
            first = j
            j -= 1
        if first < tok.i:
            cand = _tok_cand(sdoc, first, tok.i + 1, "group", "rule:group", _PRIO_RULE)
            if cand:
                out.append(cand)
    return out


# ---------------------------------------------------------------- rule: call-signs


@lru_cache(maxsize=1)
def _callsign_re() -> re.Pattern[str]:
    cue = _cue_regex(_vocab().get("callsign_cues") or [])
    name = rf"(?:{_QUOTED_NAME}|({_CAP_RUN}))"
    return re.compile(rf"\b(?P<cue>(?i:{cue}))\s*(?:(?i:of|is|was)\s+|:\s*)?{name}")


def _callsign_cands(sdoc: Doc) -> list[tuple[_Cand, int]]:
    """Call-sign names (person) with the offset where their cue starts."""
    out: list[tuple[_Cand, int]] = []
    for m in _callsign_re().finditer(sdoc.text):
        start, name = _name_group(m)
        if not name[:1].isupper():
            continue
        end = start + len(name)
        cand = _char_cand(sdoc, start, end, "person", "rule:callsign", _PRIO_PRECISE)
        if cand:
            out.append((cand, m.start("cue")))
    return out


# ---------------------------------------------------------------- overlap resolution


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Keep non-overlapping candidates: higher priority first, then longer spans."""
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _confidence(c: _Cand, model: dict[tuple[int, int], _Cand]) -> float:
    if c.prio == _PRIO_MODEL:
        return CONF_RETYPED if c.rule == "rule:retype" else CONF_MODEL
    other = model.get((c.start, c.end))
    if other is None:
        return CONF_RULE
    return CONF_AGREE if other.type == c.type else CONF_RETYPED


# ---------------------------------------------------------------- acronyms, aliases


def _acronym_cands(
    sdoc: Doc, kept: list[_Cand]
) -> tuple[list[_Cand], list[tuple[_Cand, _Cand, int]]]:
    """Acronym definitions after a name, their bare uses, and (long, short, close) triples."""
    text = sdoc.text
    by_end = {c.end: c for c in kept}
    out: list[_Cand] = []
    defs: list[tuple[_Cand, _Cand, int]] = []
    seen: dict[str, str] = {}
    for m in _ACRONYM_RE.finditer(text):
        acr = m.group(1).rstrip(".")
        if sum(ch.isupper() for ch in acr) < 2:
            continue
        long_end = m.start()
        while long_end > 0 and text[long_end - 1].isspace():
            long_end -= 1
        long = by_end.get(long_end)
        if long is None or long.type == "person":
            continue
        short = _char_cand(
            sdoc, m.start(1), m.start(1) + len(acr), long.type, "rule:acronym", _PRIO_PRECISE
        )
        if short is None or text[short.start : short.end] != acr:
            continue
        out.append(short)
        defs.append((long, short, m.end()))
        seen.setdefault(acr, long.type)
    for acr, etype in seen.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
            if any(d[1].start == m.start() for d in defs):
                continue
            cand = _char_cand(sdoc, m.start(), m.end(), etype, "rule:acronym", _PRIO_RULE)
            if cand and text[cand.start : cand.end] == acr:
                out.append(cand)
    return out, defs


@lru_cache(maxsize=1)
def _alias_re() -> re.Pattern[str]:
    groups = []
    for kind, cues in (_vocab().get("alias_cues") or {}).items():
        groups.append(f"(?P<{kind}>(?i:{_cue_regex(cues)}))")
    name = rf"(?:(?i:the)\s+)?(?:{_QUOTED_NAME}|({_CAP_RUN}))"
    return re.compile(r"(?<![\w.])(?:" + "|".join(groups) + rf")(?![\w])\s*:?\s*{name}")


def _name_group(m: re.Match[str]) -> tuple[int, str]:
    """Start and text of the name a cue regex captured (its last two groups: quoted, bare)."""
    n = len(m.groups())
    group = n if m.group(n) is not None else n - 1
    return m.start(group), m.group(group).rstrip(".")


def _alias_matches(sdoc: Doc, kept: list[_Cand]) -> list[tuple[_Cand, _Cand, str, int]]:
    """(first name, other name, kind, evidence end) for every stated alias."""
    text = sdoc.text
    out: list[tuple[_Cand, _Cand, str, int]] = []
    for m in _alias_re().finditer(text):
        kind = next(
            k
            for k, v in m.groupdict().items()
            if v is not None and k in (_vocab().get("alias_cues") or {})
        )
        before = [c for c in kept if c.end <= m.start()]
        if not before:
            continue
        first = max(before, key=lambda c: c.end)
        if not re.fullmatch(r"[\s,(—–-]*", text[first.end : m.start()]):
            continue
        g_start, name = _name_group(m)
        if not name[:1].isupper():
            continue
        cand = _char_cand(
            sdoc, g_start, g_start + len(name), first.type, "rule:alias", _PRIO_PRECISE
        )
        if cand is None:
            continue
        existing = next((c for c in kept if c.start <= cand.start < c.end), None)
        if existing is not None and existing.start == cand.start:
            cand = existing
        end = max(cand.end, m.end() if m.end() - cand.end <= 1 else cand.end)
        if end < len(text) and text[end] == ")" and "(" in text[first.end : m.start()]:
            end += 1
        out.append((first, cand, kind, end))
    return out


# ---------------------------------------------------------------- orchestration


def _link(doc_id: str, text: str, a: _Cand, b: _Cand, kind: str, start: int, end: int) -> NameLink:
    return NameLink(
        doc=doc_id,
        a=mention_id(doc_id, a.start, a.end),
        b=mention_id(doc_id, b.start, b.end),
        kind=kind,
        start=start,
        end=end,
        quote=text[start:end],
    )


def _callsign_owner(sdoc: Doc, kept: list[_Cand], cue_start: int) -> _Cand | None:
    """The person the sentence ties a call-sign to, or None when it does not say so."""
    text = sdoc.text
    tie_words = {w.lower() for w in _vocab().get("callsign_tie_words") or []}
    sent = sdoc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
    sent_start = sent.sent.start_char if sent is not None else 0
    before = [c for c in kept if sent_start <= c.start and c.end <= cue_start]
    if not before:
        return None
    owner = max(before, key=lambda c: c.end)
    if owner.type != "person":
        return None
    gap = text[owner.end : cue_start]
    pieces = re.findall(r"[’']s|[\w]+|[^\s\w]", gap)
    if len(pieces) > 8 or not all(
        p.lower() in tie_words or p in {",", "(", "—", "–"} for p in pieces
    ):
        return None
    return owner


def find_mentions(sdoc: Doc, doc_id: str) -> tuple[list[Mention], list[NameLink]]:
    """Find the actor names in ``sdoc`` (a spaCy Doc of a document's cleaned text).

    Returns mentions sorted by offset (``sdoc.text[m.start:m.end] == m.text``) and the
    name links the text states (acronym, callsign, alias, formerly).
    """
    text = sdoc.text
    model = _model_cands(sdoc)
    callsigns = _callsign_cands(sdoc)
    base = model + _head_cands(sdoc) + _quoted_cands(sdoc) + _phrase_cands(sdoc)
    base += [c for c, _ in callsigns]
    first_pass = _resolve(base)
    acronyms, definitions = _acronym_cands(sdoc, first_pass)
    aliases = _alias_matches(sdoc, first_pass)
    alias_new = [b for _, b, _, _ in aliases if b not in first_pass]
    kept = _resolve(base + acronyms + alias_new)
    kept_set = set(kept)
    model_by_span = {(c.start, c.end): c for c in model}

    mentions = [
        Mention(
            doc=doc_id,
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            type=c.type,
            rule=c.rule,
            confidence=_confidence(c, model_by_span),
        )
        for c in kept
    ]

    links: list[NameLink] = []
    for long, short, close in definitions:
        if long in kept_set and short in kept_set:
            links.append(_link(doc_id, text, long, short, "acronym", long.start, close))
    for cand, cue_start in callsigns:
        if cand not in kept_set:
            continue
        owner = _callsign_owner(sdoc, kept, cue_start)
        if owner is not None:
            end = (
                cand.end + 1
                if text[cand.end : cand.end + 1] in {")", "'", '"', "’", "”"}
                else cand.end
            )
            links.append(_link(doc_id, text, owner, cand, "callsign", owner.start, end))
    for first, other, kind, end in aliases:
        if first in kept_set and other in kept_set and first != other:
            links.append(_link(doc_id, text, first, other, kind, first.start, end))
    return mentions, links
