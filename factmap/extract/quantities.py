"""Numbers stated about actors and events: a unit's size, casualties and losses.

``find_quantities(sdoc, doc, mentions, events)`` reads one parsed document and returns
:class:`~factmap.model.Quantity` records. Every word list (people nouns, size verbs,
casualty verbs and nouns, number words, qualifiers) lives in
``factmap/vocab/quantities.yaml``; nothing here knows any actor's name.

For every sentence:

1. **Number phrase.** A number (digits, number words, "dozen", "hundreds",
   "several") with the qualifiers and fillers right before it ("about", "more
   than", "up to", "only") is read by :func:`parse_number` into ``(low, high,
   approx)``. Numbers the NER tags as a date, time, percentage, money, distance or
   ordinal are skipped.
2. **What is counted.** The noun the number modifies ("200 fighters"), or the
   noun after "of" ("thousands of fighters", "70 of its fighters"). That noun must
   count people (``people_nouns``, or a plural nationality such as "Ukrainians") or
   be a casualty noun ("200 casualties", "50 dead"); "1,500 poems", "a 40-page
   study", "two days", "a kilometre" count nothing. A bare number ("more than 50 were
   killed") is read only in a casualty frame or after the verb "number".
3. **Frame and attribute.**
   *Size* (``members``): the counted noun counts members (``member_nouns``: "300
   fighters", not "five commanders" or "2 million followers") and is the object of a
   size verb ("X has /
   numbers / counts 300 fighters"), of "consist of / be made up of", the "of" of a
   unit noun ("X is a unit of several dozen volunteers", "X, a force of 300 men"),
   the "at"/"of" of a size noun ("the unit's strength at several dozen fighters",
   "its strength is estimated at 300"), the predicate of "its strength is ...",
   or "a 300-strong unit". Counts of people that merely took part in something
   ("300 fighters of X crossed the border") are no size.
   *Casualties* (``killed``, ``wounded``, ``captured``, ``lost``): the counted
   people are the object or passive subject of a casualty verb ("killed more than 70
   attackers", "two fighters were lost"), the subject of "die", followed by a
   casualty adjective ("50 dead", "ten wounded"), or a casualty noun ("suffered 200
   casualties").
4. **Subject.** For a size: the actor the sentence says has the people — the subject
   of the size verb, the possessor or "of X" of the size noun or counted noun, the
   name the unit noun is in apposition to or predicated of. For casualties: the
   actor owning the counted people ("two of its fighters", "RDK fighters", "fighters
   of X"), the subject of "lose/suffer", the owner found for an earlier casualty
   count of the same sentence ("X lost two fighters and ten were wounded"), a
   violent event (``violent_event_types``) told in the same sentence (the one whose
   trigger is nearest), for "lost" the speaker ("the groups said they had lost two
   men"), else a violent event of the previous ``event_window_sentences`` sentences
   of the document. Names are found directly or through
   :func:`factmap.extract.coref.resolve_references` ("its", "the unit"). No subject,
   no quantity.
5. **Who says so.** ``claimant``/``negated`` come from
   :func:`factmap.extract.attribution.attribute` at the frame's verb; when it names
   nobody, a place that is the subject of a speech verb speaks for its government
   ("Moscow said ...") and "by X's count / according to X's estimate" names X.
6. **Evidence** is the whole sentence: ``quote == doc.text[start:end]``.

Bounds: "more than 50" is ``low=50, high=None`` (the bound is kept as written, i.e.
exclusive); "fewer than 100" is ``low=None, high=100`` (also exclusive); "up to 300"
and "at least 50" are inclusive bounds of the same shape; "about/some/around/roughly
200" and "nearly/almost 300" keep ``low == high`` with ``approx=True``; vague counts
are approximate ranges ("several dozen" 24-99, "a few hundred" and "hundreds"
200-999, "thousands" 2000-open).

``confidence`` says how direct the reading is, not whether the source is right: 0.8
when the subject is named in the sentence, 0.7 when reached through a reference
("its", "the unit"), 0.6 for an event told in the same sentence, 0.5 for an event of
an earlier sentence or a speaker taken as the losing side; 0.1 less for a vague
number ("several dozen", "thousands").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from factmap.errors import ConfigError
from factmap.extract.attribution import attribute, claimant_of
from factmap.extract.coref import load_vocab as coref_vocab
from factmap.extract.coref import resolve_references, token_antecedents
from factmap.model import Document, Event, Mention, Quantity

__all__ = ["find_quantities", "load_vocab", "parse_number"]

#: Mention types that can own fighters (size) or lose them (casualties).
SIZE_OWNER_TYPES = frozenset({"organization", "group"})
CASUALTY_OWNER_TYPES = frozenset({"organization", "group", "location"})

#: NER labels of numbers that never count people.
_NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
_CONFIDENCE = {"name": 0.8, "reference": 0.7, "event": 0.6, "far": 0.5}
_VAGUE_PENALTY = 0.1

Bounds = tuple[float | None, float | None, bool]


@lru_cache(maxsize=1)
def load_vocab() -> dict[str, Any]:
    """The quantity vocabulary (``factmap/vocab/quantities.yaml``)."""
    path = resources.files("factmap.vocab") / "quantities.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"cannot read {path}: {exc}; restore factmap/vocab/quantities.yaml "
            f"from the repository or fix its YAML syntax"
        ) from exc
    needed = ("people_nouns", "size_verbs", "casualty_verbs", "units", "scales", "qualifiers")
    if not isinstance(data, dict) or any(k not in data for k in needed):
        raise ConfigError(
            f"{path} lacks one of the sections {', '.join(needed)}; restore it from the repository"
        )
    return data


# --------------------------------------------------------------------------- numbers

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "twenty-five", "several-dozen"
    return text.split()


def _strip_prefix(words: list[str], phrases: list[str]) -> tuple[list[str], str | None]:
    """``words`` without the longest leading phrase of ``phrases`` (and that phrase)."""
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        parts = phrase.split()
        if words[: len(parts)] == parts:
            return words[len(parts) :], phrase
    return words, None


def _exact(words: list[str], vocab: dict[str, Any]) -> float | None:
    """ "1,500", "a hundred", "two dozen", "one hundred and fifty", "1.5 million"."""
    units: dict[str, int] = vocab["units"]
    scales: dict[str, int] = vocab["scales"]
    total = current = 0.0
    seen_value = False
    for i, word in enumerate(words):
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
            seen_value = True
        elif word in scales:
            scale = scales[word]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
            seen_value = True
        elif word in ("a", "an"):
            if i != 0 or len(words) < 2 or words[1] not in scales:
                return None  # "a hundred", "a dozen"; never "a 300"
        elif word in units:
            seen_value = True
            current += units[word]
        elif word == "and" and 0 < i < len(words) - 1:
            continue
        else:
            return None
    return total + current if seen_value else None


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _scale_above(scale: float, scales: dict[str, int]) -> float:
    bigger = sorted(v for v in scales.values() if v > scale)
    return (bigger[0] if bigger else scale * 10) - 1


def _core(words: list[str], vocab: dict[str, Any]) -> Bounds | None:
    """The bounds of a number without qualifiers."""
    if not words:
        return None
    scales: dict[str, int] = vocab["scales"]
    vague: dict[str, list[int]] = vocab["vague"]
    plural: dict[str, list[int | None]] = vocab["plural_scales"]
    if words[0] in ("a", "an") and len(words) > 1 and words[1] in vague:
        words = words[1:]  # "a few hundred", "a handful of"
    if words[-1] == "of":
        words = words[:-1]
    if len(words) == 1 and words[0] in plural:
        low, high = plural[words[0]]
        return (_float(low), _float(high), True)
    if len(words) == 3 and words[0] in plural and words[1] == "of" and words[2] in plural:
        low = plural[words[0]][0]
        inner = plural[words[2]][0]
        if low is not None and inner is not None:
            unit = next((v for k, v in scales.items() if words[2].startswith(k)), 1)
            return float(low) * unit, None, True  # "tens of thousands"
    if words[0] in vague:
        low, high = vague[words[0]]
        if len(words) == 1:
            return float(low), float(high), True
        if len(words) == 2 and words[1] in scales:
            scale = scales[words[1]]
            return 2.0 * scale, float(_scale_above(scale, scales)), True
        return None
    value = _exact(words, vocab)
    return None if value is None else (value, value, False)


def _range(words: list[str], vocab: dict[str, Any]) -> Bounds | None:
    """ "between 200 and 300", "200 to 300", "200-300", "two or three"."""
    if words and words[0] == "between" and "and" in words:
        cut = words.index("and")
        left, right = words[1:cut], words[cut + 1 :]
    elif len(words) == 1 and re.match(r"^[\d,.]+-[\d,.]+$", words[0]):
        left, right = words[0].split("-", 1)[:1], words[0].split("-", 1)[1:]
    else:
        for sep in ("to", "or", "-"):
            if sep in words[1:-1]:
                cut = words.index(sep, 1)
                left, right = words[:cut], words[cut + 1 :]
                break
        else:
            return None
    lo, hi = _core(left, vocab), _core(right, vocab)
    if lo is None or hi is None or lo[0] is None or hi[1] is None:
        return None
    if hi[1] < lo[0]:
        return None
    return lo[0], hi[1], lo[2] or hi[2]


def parse_number(text: str) -> Bounds | None:
    """``(low, high, approx)`` for a number phrase, or None when it is no number.

    "200" -> (200, 200, False); "about 200" -> (200, 200, True); "more than 50" ->
    (50, None, False); "up to 300" / "fewer than a hundred" -> (None, 300|100, False);
    "several dozen" -> (24, 99, True); "a few hundred" / "hundreds" -> (200, 999,
    True); "thousands" -> (2000, None, True); "between 200 and 300" -> (200, 300,
    False). See the module docstring for what the bounds mean.
    """
    vocab = load_vocab()
    quals: dict[str, list[str]] = vocab["qualifiers"]
    fillers: list[str] = vocab.get("fillers", [])
    words = _words(text)
    words, _ = _strip_prefix(words, fillers)
    kind = None
    for name in ("lower", "upper", "nearly", "approx"):
        rest, found = _strip_prefix(words, quals[name])
        if found is not None:
            kind, words = name, rest
            break
    words, _ = _strip_prefix(words, fillers)
    bounds = _range(words, vocab) or _core(words, vocab)
    if bounds is None:
        return None
    low, high, approx = bounds
    if kind in ("approx", "nearly"):
        return low, high, True
    if kind == "lower":
        return low, None, approx
    if kind == "upper":
        return None, high, approx
    return low, high, approx


def _is_vague(text: str) -> bool:
    vocab = load_vocab()
    words = set(_words(text))
    return bool(words & (set(vocab["vague"]) | set(vocab["plural_scales"])))


# --------------------------------------------------------------------------- phrases


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A number phrase in a sentence: its tokens, bounds and the noun it counts."""

    first: Token
    last: Token  # last number word
    bounds: Bounds
    head: Token  # the noun phrase's head in the clause (counted noun or number)
    counted: Token | None  # the noun that says what is counted


def _number_words(vocab: dict[str, Any]) -> set[str]:
    return set(vocab["scales"]) | set(vocab["vague"]) | set(vocab["plural_scales"])


def _is_core(tok: Token, vocab: dict[str, Any]) -> bool:
    if tok.ent_type_ in _NOT_COUNTS:
        return False
    if tok.lower_ in _number_words(vocab):
        return True
    return tok.tag_ == "CD" and (bool(_DIGITS.match(tok.text)) or tok.like_num)


def _prefix_words(vocab: dict[str, Any]) -> set[str]:
    phrases = [p for group in vocab["qualifiers"].values() for p in group]
    phrases += vocab.get("fillers", []) + ["between", "a", "an"]
    return {w for p in phrases for w in p.split()} | set(vocab["vague"])


def _phrase_at(sent: Span, i: int, vocab: dict[str, Any]) -> tuple[int, int, Bounds] | None:
    """Token range [start, end) and bounds of the number phrase around core token ``i``."""
    doc = sent.doc
    end = i + 1
    while end < sent.end:
        tok = doc[end]
        if _is_core(tok, vocab) or (
            tok.lower_ == "and" and end + 1 < sent.end and _is_core(doc[end + 1], vocab)
        ):
            end += 1
        elif (
            tok.lower_ in ("to", "or", "-") and end + 1 < sent.end and _is_core(doc[end + 1], vocab)
        ):
            end += 1
        else:
            break
    allowed = _prefix_words(vocab)
    start = i
    while start - 1 >= sent.start and i - (start - 1) <= 6:
        prev = doc[start - 1]
        if prev.lower_ in allowed or _is_core(prev, vocab):
            start -= 1
        else:
            break
    for first in range(start, i + 1):
        text = doc.text[doc[first].idx : doc[end - 1].idx + len(doc[end - 1].text)]
        bounds = parse_number(text)
        if bounds is not None:
            return first, end, bounds
    return None


def _is_people_pronoun(tok: Token, vocab: dict[str, Any]) -> bool:
    return tok.pos_ == "PRON" and tok.lower_ in set(vocab.get("people_pronouns", ()))


def _is_people(tok: Token, vocab: dict[str, Any]) -> bool:
    if _is_people_pronoun(tok, vocab):
        return True  # "killed more than 70 of them"
    words = set(vocab["people_nouns"])
    if tok.lemma_.lower() in words or tok.lower_ in words:
        return True
    return tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS")


def _casualty_noun(tok: Token, vocab: dict[str, Any]) -> str | None:
    nouns: dict[str, str] = vocab["casualty_nouns"]
    return nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)


def _read_phrase(sent: Span, i: int, vocab: dict[str, Any]) -> _Phrase | None:
    found = _phrase_at(sent, i, vocab)
    if found is None:
        return None
    start, end, bounds = found
    doc = sent.doc
    tokens = list(doc[start:end])
    last = tokens[-1]
    cores = [t for t in tokens if _is_core(t, vocab)] or tokens
    core_ids = {t.i for t in cores}
    root = next((t for t in cores if t.head.i not in core_ids or t.head.i == t.i), last)
    counted: Token | None = None
    head = root
    noun = root.head
    if (
        root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "advmod")
        and noun.i >= end
        and noun.pos_ in ("NOUN", "PROPN", "ADJ")
        and noun.lower_ != "strong"
    ):
        counted = head = noun
    else:
        for tok in tokens:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is not None:
                counted = pobj
                break
    if counted is not None and not (_is_people(counted, vocab) or _casualty_noun(counted, vocab)):
        return None
    return _Phrase(tokens[0], last, bounds, head, counted)


# --------------------------------------------------------------------------- frames


@dataclass(frozen=True, slots=True)
class _Frame:
    """What a phrase counts and where to look for whose it is."""

    attribute: str
    rule: str
    verb: Token  # where claimant and negation are read
    owners: tuple[Token, ...]  # noun phrases whose actor is the subject, in order
    subject_verb: Token | None = None  # lose/suffer: its subject owns the losses


def _clause_verb(tok: Token) -> Token:
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing through xcomp/conj ("denied losing")."""
    cur = verb
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head.i != cur.i:
            cur = cur.head
        else:
            return None
    return None


def _unit_holder(unit: Token) -> list[Token]:
    """ "X is a unit of ...", "X, a unit of ...", "the unit of ...": where X is."""
    out = [unit]
    if unit.dep_ == "appos":
        out.append(unit.head)
    if unit.dep_ == "attr" and unit.head.lemma_ == "be":
        subj = _subject(unit.head)
        if subj is not None:
            out.append(subj)
    return out


def _size_frame(ph: _Phrase, vocab: dict[str, Any]) -> _Frame | None:
    attr = vocab.get("size_attribute", "members")
    members = set(vocab.get("member_nouns", vocab["people_nouns"]))
    counted = ph.counted
    people = counted is not None and (
        counted.lemma_.lower() in members
        or counted.lower_ in members
        or _is_people_pronoun(counted, vocab)
    )
    head = ph.head
    size_verbs = set(vocab["size_verbs"])
    size_nouns = set(vocab["size_nouns"])
    gov = head.head
    if (
        head.dep_ == "pobj"
        and gov.dep_ == "prep"
        and gov.lower_ != "of"
        and gov.head.lemma_ in size_verbs
    ):
        gov = gov.head  # "numbers around 300 men"
    # "X has / numbers 300 fighters"; "its fighters number about 300"
    if (
        gov.lemma_.lower() in size_verbs
        and gov.pos_ in ("VERB", "AUX")
        and head.dep_ in ("dobj", "pobj", "npadvmod", "attr")
    ):
        if people or (ph.counted is None and gov.lemma_.lower() == "number"):
            subj = _subject(gov)
            return _Frame(
                attr, f"size:{gov.lemma_.lower()}", gov, (subj,) if subj is not None else ()
            )
        return None
    # "a 300-strong unit", "X is 300 strong"
    strong = ph.last.head
    if strong.lower_ == "strong" and ph.counted is None:
        noun = strong.head
        if strong.dep_ == "acomp":
            subj = _subject(noun)
            return _Frame(attr, "size:strong", noun, (subj,) if subj is not None else ())
        return _Frame(attr, "size:strong", _clause_verb(noun), tuple(_unit_holder(noun)))
    if head.dep_ == "pobj":
        prep = head.head
        owner = prep.head.head if prep.head.dep_ == "prt" else prep.head  # "made up of"
        # "consists of", "is made up of"
        if prep.lower_ == "of" and owner.lemma_.lower() in set(vocab["size_of_verbs"]) and people:
            verb = owner if owner.pos_ == "VERB" else owner.head
            if verb.lemma_.lower() == "make" and not any(c.lower_ == "up" for c in verb.children):
                return None
            subj = _subject(verb) if verb.dep_ != "acl" else verb.head
            return _Frame(attr, "size:consist", verb, (subj,) if subj is not None else ())
        # "the unit's strength at 300", "a strength of 300"; "strength is estimated at"
        if prep.lower_ in ("at", "of") and (people or ph.counted is None):
            noun = owner
            if noun.pos_ == "VERB":
                noun = next(
                    (
                        c
                        for c in noun.children
                        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in size_nouns
                    ),
                    noun,
                )
            if noun.lemma_.lower() in size_nouns:
                return _Frame(attr, "size:strength", _clause_verb(noun), tuple(_unit_holder(noun)))
        # "a unit of several dozen volunteers"
        if prep.lower_ == "of" and people and owner.lemma_.lower() in set(vocab["unit_nouns"]):
            return _Frame(attr, "size:unit-of", _clause_verb(owner), tuple(_unit_holder(owner)))
    # "its strength is about 300 fighters"
    if head.dep_ == "attr" and gov.lemma_ == "be":
        subj = _subject(gov)
        if (
            subj is not None
            and subj.lemma_.lower() in size_nouns
            and (people or ph.counted is None)
        ):
            return _Frame(attr, "size:strength", gov, (subj,))
    return None


def _casualty_frame(ph: _Phrase, vocab: dict[str, Any]) -> _Frame | None:
    verbs: dict[str, str] = vocab["casualty_verbs"]
    adjectives: dict[str, str] = vocab["casualty_adjectives"]
    owner_verbs = set(vocab["owner_subject_verbs"])
    subject_verbs = set(vocab["subject_casualty_verbs"])
    head, counted = ph.head, ph.counted
    owners = tuple(t for t in (counted, head) if t is not None)
    noun_attr = _casualty_noun(counted, vocab) if counted is not None else None
    if counted is not None and not _is_people(counted, vocab) and noun_attr is None:
        return None
    gov = head.head
    lemma = gov.lemma_.lower()
    if gov.pos_ in ("VERB", "AUX") and lemma in verbs and noun_attr is None:
        participle = gov.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass") for c in gov.children
        )
        passive_or_object = head.dep_ in ("dobj", "nsubjpass") or (
            head.dep_ == "nsubj" and (lemma in subject_verbs or participle)  # "20 wounded"
        )
        if passive_or_object:
            subj_verb = gov if lemma in owner_verbs and head.dep_ == "dobj" else None
            return _Frame(verbs[lemma], f"casualty:{lemma}", gov, owners, subj_verb)
    # "50 dead", "70 attackers killed by ...", "ten wounded"
    for child in head.children:
        word = child.lower_
        if child.i > head.i and child.dep_ in ("amod", "acl", "appos") and word in adjectives:
            return _Frame(adjectives[word], f"casualty:{word}", _clause_verb(head), owners)
    if noun_attr is not None:
        subj_verb = gov if head.dep_ == "dobj" and lemma in owner_verbs else None
        noun = counted.lemma_.lower() if counted is not None else ""
        return _Frame(noun_attr, f"casualty-noun:{noun}", _clause_verb(head), owners, subj_verb)
    return None


# --------------------------------------------------------------------------- subjects


@dataclass(slots=True)
class _Context:
    """What ``find_quantities`` knows about one document while reading it."""

    sdoc: Doc
    doc: Document
    mentions: list[Mention]
    refs: dict[tuple[int, int], str]
    index: dict[int, tuple[str, bool]]
    types: dict[str, str]
    events: list[Event]
    sent_starts: list[int]

    def actor(self, tok: Token, allowed: frozenset[str]) -> tuple[str, bool] | None:
        """(mention id, through a reference?) for a token naming an actor of ``allowed``."""
        found = self.index.get(tok.i)
        if found is not None and self.types.get(found[0]) in allowed:
            return found
        return None

    def sentence_index(self, offset: int) -> int:
        return max(bisect_right(self.sent_starts, offset) - 1, 0)


def _np_actor(ctx: _Context, tok: Token, allowed: frozenset[str]) -> tuple[str, bool] | None:
    """The actor a noun phrase names or belongs to: itself, a possessor, a compound
    name ("RDK fighters"), or "of X"."""
    direct = ctx.actor(tok, allowed)
    if direct is not None:
        return direct
    for child in tok.children:
        if child.dep_ in ("poss", "compound") and child.i < tok.i:
            found = ctx.actor(child, allowed)
            if found is not None:
                return found
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = ctx.actor(pobj, allowed) or (
                        _np_actor(ctx, pobj, allowed) if pobj.i != tok.i else None
                    )
                    if found is not None:
                        return found
    return None


def _trigger_token(sent: Span, event: Event) -> Token | None:
    lemma = event.rule.split(":", 1)[-1].split()[-1].lower() if event.rule else ""
    return next((t for t in sent if t.lemma_.lower() == lemma or t.lower_ == lemma), None)


def _event_here(ctx: _Context, sent: Span, anchor: Token, vocab: dict[str, Any]) -> str | None:
    violent = set(vocab["violent_event_types"])
    here = [
        e for e in ctx.events if e.type in violent and sent.start_char <= e.start < sent.end_char
    ]
    if not here:
        return None

    def distance(e: Event) -> int:
        trig = _trigger_token(sent, e)
        return abs(trig.i - anchor.i) if trig is not None else 10_000

    return min(here, key=distance).key


def _event_before(ctx: _Context, sent: Span, vocab: dict[str, Any]) -> str | None:
    violent = set(vocab["violent_event_types"])
    window = int(vocab.get("event_window_sentences", 2))
    s_i = ctx.sentence_index(sent.start_char)
    best: Event | None = None
    for e in ctx.events:
        e_i = ctx.sentence_index(e.start)
        if e.type in violent and 0 < s_i - e_i <= window and (best is None or e.start > best.start):
            best = e
    return best.key if best is not None else None


def _claimant(
    ctx: _Context, sent: Span, verb: Token, vocab: dict[str, Any]
) -> tuple[str | None, bool]:
    claimant, negated = attribute(sent, ctx.mentions, ctx.refs, trigger=verb)
    # the same rules, where a place that speaks stands for its government ("Moscow
    # said ..."): the nearest speaker may be a place when a farther one is an actor
    as_actor = {k: ("organization" if v == "location" else v) for k, v in ctx.types.items()}
    claimant = claimant_of(sent, verb, ctx.index, as_actor) or claimant
    if claimant is not None:
        return claimant, negated
    # "X said that A ... and had killed 70": a verb parsed as a conjunct of "said"
    speech = set(coref_vocab()["attribution"]["speech_verbs"])
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in speech:
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            for child in verb.head.children:
                if child.dep_ == "nsubj" and child.i in ctx.index:
                    return ctx.index[child.i][0], negated
    counts = set(vocab.get("count_nouns", ()))
    for tok in sent:
        if tok.lemma_.lower() in counts and tok.dep_ == "pobj" and tok.head.lower_ in ("by", "to"):
            for child in tok.children:
                if child.dep_ == "poss" and child.i in ctx.index:
                    return ctx.index[child.i][0], negated
    return None, negated


# --------------------------------------------------------------------------- main


def _confidence(kind: str, vague: bool) -> float:
    return round(_CONFIDENCE[kind] - (_VAGUE_PENALTY if vague else 0.0), 2)


def find_quantities(
    sdoc: Doc, doc: Document, mentions: list[Mention], events: list[Event]
) -> list[Quantity]:
    """Sizes of actors and casualties of events or actors stated in ``doc`` (parsed as ``sdoc``).

    See the module docstring for the rules, bounds and confidence.
    """
    vocab = load_vocab()
    refs = resolve_references(sdoc, mentions)
    sentences = list(sdoc.sents)
    ctx = _Context(
        sdoc=sdoc,
        doc=doc,
        mentions=mentions,
        refs=refs,
        index=token_antecedents(sdoc, mentions, refs),
        types={m.id: m.type for m in mentions},
        events=list(events),
        sent_starts=[s.start_char for s in sentences],
    )
    out: list[Quantity] = []
    for sent in sentences:
        out.extend(_sentence_quantities(ctx, sent, vocab))
    return out


def _sentence_quantities(ctx: _Context, sent: Span, vocab: dict[str, Any]) -> list[Quantity]:
    found: list[Quantity] = []
    used: set[int] = set()
    last_owner: tuple[str, bool, str | None] | None = None
    for tok in sent:
        if tok.i in used or not _is_core(tok, vocab):
            continue
        phrase = _read_phrase(sent, tok.i, vocab)
        if phrase is None:
            continue
        used.update(range(phrase.first.i, phrase.last.i + 1))
        frame = _size_frame(phrase, vocab)
        is_size = frame is not None
        if frame is None:
            frame = _casualty_frame(phrase, vocab)
        if frame is None:
            continue
        claimant, negated = _claimant(ctx, sent, frame.verb, vocab)
        subject, kind = _subject_of(ctx, sent, phrase, frame, is_size, claimant, last_owner, vocab)
        if subject is None:
            continue
        if not is_size and kind in ("name", "reference"):
            last_owner = (subject, kind == "reference", claimant)
        low, high, approx = phrase.bounds
        number_text = ctx.doc.text[phrase.first.idx : phrase.last.idx + len(phrase.last.text)]
        found.append(
            Quantity(
                doc=ctx.doc.id,
                start=sent.start_char,
                end=sent.end_char,
                quote=ctx.doc.text[sent.start_char : sent.end_char],
                subject=subject,
                attribute=frame.attribute,
                low=low,
                high=high,
                confidence=_confidence(kind, _is_vague(number_text)),
                rule=frame.rule,
                approx=approx,
                claimant=claimant,
                negated=negated,
            )
        )
    return found


def _subject_of(
    ctx: _Context,
    sent: Span,
    phrase: _Phrase,
    frame: _Frame,
    is_size: bool,
    claimant: str | None,
    last_owner: tuple[str, bool, str | None] | None,
    vocab: dict[str, Any],
) -> tuple[str | None, str]:
    """(subject, how it was found: name / reference / event / far)."""
    allowed = SIZE_OWNER_TYPES if is_size else CASUALTY_OWNER_TYPES
    for owner in frame.owners:
        found = _np_actor(ctx, owner, allowed)
        if found is not None:
            return found[0], "reference" if found[1] else "name"
    if is_size:
        return None, ""
    pronoun_subject = False
    if frame.subject_verb is not None:
        subj = _subject(frame.subject_verb)
        if subj is not None:
            found = _np_actor(ctx, subj, allowed)
            if found is not None:
                return found[0], "reference" if found[1] else "name"
            pronoun_subject = subj.pos_ == "PRON"
    if last_owner is not None and last_owner[2] == claimant:  # same speaker, same side
        return last_owner[0], "reference" if last_owner[1] else "name"
    event = _event_here(ctx, sent, frame.verb, vocab)
    if event is not None:
        return event, "event"
    if (
        frame.attribute == "lost"
        and claimant is not None
        and (pronoun_subject or frame.subject_verb is None)
    ):
        if ctx.types.get(claimant) in allowed:
            return claimant, "far"
    event = _event_before(ctx, sent, vocab)
    if event is not None:
        return event, "far"
    return None, ""
