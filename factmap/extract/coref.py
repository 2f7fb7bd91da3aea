"""In-document reference: "the regiment", "its", "he" -> the mention they point back to.

No coreference package works offline, so these are small rules that prefer
silence to a wrong link (precision over recall):

* a definite noun phrase "the <head>" with no other modifier, whose head is one of
  ``coref.definite_heads`` in ``vocab/relations.yaml``, refers to the nearest
  preceding organization mention whose name contains that head ("the regiment" ->
  "Kalinouski Regiment"), anywhere earlier in the document; the generic heads of
  ``coref.any_organization`` ("the group", "the unit") accept any organization, but
  only in the same paragraph (or, in a person's apposed affiliation that opens a
  paragraph, "X, an analyst for the organisation", the previous one);
* "its" refers to an organization, "he/she/his/her/him" to a person, found in the
  same sentence before the pronoun or, when there is none there, in the previous
  sentence of the same paragraph;
* "it" (an organization or agreement) and "its" (an organization) follow the
  salient actor: the one compatible subject before the pronoun in its sentence
  (or, for a pronoun that is not itself a subject, the one compatible name there),
  else the compatible subject of the nearest of the previous sentences of the
  paragraph that has one, or the one compatible name of the previous sentence when
  that has no compatible subject ("X founded the Congress. It claims ...");
  expletive "it" ("it is unclear whether") is skipped;
* so does a capitalised short name "the Legion" that is not a mention itself, and
  "the <head>" of another type ("the declaration" -> an agreement);
* when the sentence holding the nearest candidates holds two different compatible
  names, the reference is ambiguous and left unresolved;
* a pronoun left unresolved in the first sentence of a paragraph that answers a
  question (the previous paragraph ends with "?") refers to the one compatible actor
  the question names ("Q: Who signed the declaration? A: X signed it").

* "the Corps and its leader X": a possessive pronoun on a noun coordinated with a name
  refers to that name;
* plural references ("they", "their", "them", "both", "the two groups", ``coref.plural``)
  stand for the names coordinated ("A and B", "A, B and C") in the nearest sentence of
  the paragraph (theirs or the previous one) holding a coordination, when that sentence
  holds only one, no plural noun stands between, and a stated count matches
  (:func:`resolve_plural_references`); a plural pronoun with no coordinated antecedent
  resolves to nothing.

Paragraphs are separated by blank lines. Resolved references become candidates
themselves, so "The Azure Front ... The group ... Its leader" chains to the name.

The map's keys are the character offsets of the referring expression without a
possessive ending: for "the group's leader" the key covers "the group".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from factmap.errors import ConfigError
from factmap.model import Mention

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@lru_cache(maxsize=1)
def load_vocab() -> dict[str, Any]:
    """The relation/coref/attribution vocabulary (``factmap/vocab/relations.yaml``)."""
    path = resources.files("factmap.vocab") / "relations.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"cannot read {path}: {exc}; restore factmap/vocab/relations.yaml "
            f"from the repository or fix its YAML syntax"
        ) from exc
    if not isinstance(data, dict) or "verbs" not in data or "coref" not in data:
        raise ConfigError(
            f"{path} lacks the 'verbs'/'coref' sections; restore it from the repository"
        )
    return data


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A possible antecedent: where it is, which mention it stands for."""

    start: int
    mention_id: str
    type: str
    name: str  # lower-cased name of the mention it stands for
    subject: bool = False  # the grammatical subject of its clause


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs (blocks separated by blank lines) begin."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def _apposed_affiliation(token: Token) -> bool:
    """ "Ana Lenz, an analyst for the organisation": ``token`` is the object of a
    preposition of a role noun apposed to a name."""
    prep = token.head
    role = prep.head
    return (
        token.dep_ == "pobj"
        and prep.dep_ == "prep"
        and role.dep_ == "appos"
        and role.pos_ == "NOUN"
        and role.head.pos_ == "PROPN"
    )


def _paragraph_of(starts: list[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return index


def _definite_np(token: Token, heads: set[str]) -> Span | None:
    """``the <head>`` with no other modifier ("the regiment"), else None."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
        return None
    if token.lower_ not in heads and token.lemma_.lower() not in heads:
        return None
    dets = [c for c in token.children if c.dep_ == "det"]
    others = [
        c
        for c in token.children
        if c.dep_ in ("amod", "compound", "nummod", "poss", "nmod", "quantmod", "appos")
        or (c.dep_ == "prep" and c.i > token.i and c.lower_ == "of")
    ]
    if len(dets) != 1 or dets[0].lower_ != "the" or others or dets[0].i != token.i - 1:
        return None
    return token.doc[dets[0].i : token.i + 1]


def _pronoun_types(token: Token, pronouns: dict[str, list[str]]) -> set[str]:
    """The entity types a pronoun can stand for ("it" -> organization, agreement)."""
    if token.pos_ not in ("PRON", "DET"):
        return set()
    return {etype for etype, words in pronouns.items() if token.lower_ in words}


def _np_types(head: str, heads: dict[str, list[str]]) -> set[str]:
    return {etype for etype, words in heads.items() if head in words}


def _compatible_np(cand: _Candidate, head: str, types: set[str], any_org: set[str]) -> bool:
    if cand.type not in types:
        return False
    if head in any_org and cand.type == "organization":
        return True
    return re.search(rf"\b{re.escape(head)}", cand.name) is not None


def is_subject(token: Token) -> bool:
    """Whether a name is what its clause is about.

    The subject (or one of coordinated subjects), a name in apposition to it
    ("The oldest, the Legion, ..."), the
    possessor of the subject ("The Legion's fighters are ..."), or the predicate noun
    of "The first group is the Azure Front".
    """
    while token.dep_ == "conj" and token.head.i != token.i:  # "A and B met": both
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ in ("appos", "poss") and token.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ == "oprd" and token.head.dep_ == "acl":  # "The document, called X, ..."
        return token.head.head.dep_ in ("nsubj", "nsubjpass")
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in token.head.children)
    return False


def is_expletive(token: Token) -> bool:
    """ "It is unclear whether ...", "it rained": an "it" that refers to nothing."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_ in ("be", "seem", "remain", "appear"):
        has_clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children)
        has_pred = any(c.dep_ in ("acomp", "attr") for c in head.children)
        return has_clause and has_pred
    return head.lemma_ in ("rain", "snow", "matter", "take")


def _salient(
    preceding: list[_Candidate], sent_i: int, pronoun_is_subject: bool, sentence_index
) -> str | None:
    """The salient antecedent of "it"/"its" (see the module docstring)."""
    here = [c for c in preceding if sentence_index(c.start) == sent_i]
    if any(c.subject for c in here):
        return _pick([c for c in here if c.subject])
    if here and not pronoun_is_subject and not any(c.subject for c in here):
        chosen = _pick(here)
        if chosen is not None:
            return chosen
    for back in (1, 2, 3):
        there = [c for c in preceding if sentence_index(c.start) == sent_i - back]
        subjects = [c for c in there if c.subject]
        if subjects:
            return _pick(subjects)
        if back == 1 and len({c.mention_id for c in there}) == 1:
            return there[-1].mention_id  # "X founded the Congress. It claims ..."
    return None


def parenthesised_aliases(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Mention id -> the name it abbreviates, for a name in parentheses right after
    another of its type: "The Azure Front (AF) ... Its leader": "AF" is the Azure Front,
    not a second actor that would make "Its" ambiguous."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: dict[str, Mention] = {}
    for before, alias in pairwise(ordered):
        if (
            before.type == alias.type
            and text[before.end : alias.start].strip() == "("
            and text[alias.end : alias.end + 1] == ")"
        ):
            out[alias.id] = out.get(before.id, before)
    return out


def _pick(cands: list[_Candidate]) -> str | None:
    """The last candidate, unless candidates in its sentence name two different actors."""
    if not cands:
        return None
    names = {c.name for c in cands}
    ids = {c.mention_id for c in cands}
    if len(names) > 1 and len(ids) > 1:
        return None
    return cands[-1].mention_id


def description_np(token: Token, nouns: set[str], verbs: set[str]) -> Span | None:
    """ "The Pentagon chief (added)", "the founder of Tinkoff Bank (wrote)": a definite role
    description that is the subject of a speech verb, with no name of its own; else None."""
    if token.pos_ != "NOUN" or token.tag_ == "NNS" or token.lemma_.lower() not in nouns:
        return None
    if token.dep_ != "nsubj" or token.head.lemma_.lower() not in verbs:
        return None
    dets = [c for c in token.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the" or dets[0].i != token.left_edge.i:
        return None
    if any(c.dep_ in ("appos", "relcl", "acl") for c in token.children):
        return None
    return token.doc[dets[0].i : token.i + 1]


def _named_in(sent: Span, target: str, mentions: list[Mention]) -> bool:
    """Whether ``sent`` names the person ``target`` by their surname (a description
    and a name in one sentence are two people)."""
    names = {m.id: m.text for m in mentions}
    surname = _surname(names.get(target, "")).lower()
    return any(
        m.type == "person" and _surname(m.text).lower() == surname
        for m in mentions
        if sent.start_char <= m.start < sent.end_char
    )


def _surname(name: str) -> str:
    words = name.split()
    return words[-1] if words else name


def _described_person(
    cands: list[_Candidate], sent_i: int, start: int, sentence_index
) -> str | None:
    """The one person a description refers back to: the subject of the nearest of the
    three previous sentences naming a person, when no other person is named from
    there to the description."""
    people = [c for c in cands if c.type == "person" and c.start < start]
    for back in (1, 2, 3):
        there = [c for c in people if sentence_index(c.start) == sent_i - back]
        if not there:
            continue
        window = [c for c in people if sentence_index(c.start) >= sent_i - back]
        if len({_surname(c.name) for c in window}) != 1 or not any(c.subject for c in there):
            return None
        return [c for c in there if c.subject][-1].mention_id
    return None


def _answered(
    cands: list[_Candidate],
    types: set[str],
    start: int,
    para: int,
    starts: list[int],
    text: str,
    sentence_index,
) -> str | None:
    """ "Q: Who signed the declaration? / A: X signed it": a pronoun in the first sentence
    of an answer refers to the one compatible actor named in the question (the previous
    paragraph, when it ends with "?")."""
    if para == 0 or sentence_index(starts[para]) != sentence_index(start):
        return None
    if not text[starts[para - 1] : starts[para]].rstrip().endswith("?"):
        return None
    asked = [
        c
        for c in cands
        if starts[para - 1] <= c.start < starts[para] and c.type in types
    ]
    return _pick(sorted(asked, key=lambda c: c.start))


def _coordinated_owner(token: Token, cands: list[_Candidate], types: set[str]) -> str | None:
    """ "the Corps and its leader X": a possessive pronoun on a noun coordinated with a
    name refers to that name (when its type fits)."""
    if token.dep_ != "poss" or token.head.dep_ != "conj":
        return None
    first = token.head.head
    if first.i >= token.i:
        return None
    at = {c.start: c for c in cands}
    span = first.doc[first.left_edge.i : first.i + 1]
    found = {
        at[t.idx].mention_id
        for t in span
        if t.idx in at and at[t.idx].type in types
    }
    return next(iter(found)) if len(found) == 1 else None


def resolve_references(sdoc: Doc, mentions: list[Mention]) -> dict[tuple[int, int], str]:
    """(start_char, end_char) of a referring expression -> mention id of its antecedent.

    Only unambiguous references are returned (see the module docstring for the rules).
    """
    vocab = load_vocab()["coref"]
    np_heads: dict[str, list[str]] = vocab["definite_heads"]
    heads = {h for words in np_heads.values() for h in words}
    any_org = set(vocab["any_organization"])
    pronouns: dict[str, list[str]] = vocab["pronouns"]
    salient_words = set(vocab.get("salient_pronouns", ()))
    doc_types = set(vocab.get("document_scope", ()))
    starts = paragraph_starts(sdoc.text)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    by_id = {m.id: m for m in mentions}
    sentences = list(sdoc.sents)
    sent_of_char: list[int] = [s.start_char for s in sentences]

    def sentence_index(offset: int) -> int:
        return max(bisect_right(sent_of_char, offset) - 1, 0)

    aliases = parenthesised_aliases(sdoc.text, mentions)

    def candidate(m: Mention) -> _Candidate:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        subject = span is not None and is_subject(span.root)
        name = aliases.get(m.id, m).text.lower()
        return _Candidate(m.start, m.id, m.type, name, subject)

    cands: list[_Candidate] = [candidate(m) for m in mentions]
    refs: dict[tuple[int, int], str] = {}
    described = vocab.get("descriptions", {})
    role_nouns = set(described.get("nouns", ()))
    role_verbs = set(load_vocab()["attribution"]["speech_verbs"])
    person_chars = {i for m in mentions if m.type == "person" for i in range(m.start, m.end)}

    for token in sdoc:
        if token.idx in covered:
            continue
        role = description_np(token, role_nouns, role_verbs)
        if role is not None and not any(t.idx in person_chars for t in role):
            target = _described_person(
                cands, sentence_index(role.start_char), role.start_char, sentence_index
            )
            if target is not None and _named_in(role.sent, target, mentions):
                target = None  # "The head of X reported meeting Y": Y is someone else
            if target is not None:
                refs[(role.start_char, role.end_char)] = target
                cands.append(
                    _Candidate(role.start_char, target, "person", by_id[target].text.lower(), True)
                )
            continue
        span = _definite_np(token, heads)
        ptypes = set() if span is not None else _pronoun_types(token, pronouns)
        if span is None and not ptypes:
            continue
        if span is None and is_expletive(token):
            continue
        start = span.start_char if span is not None else token.idx
        end = span.end_char if span is not None else token.idx + len(token.text)
        para = _paragraph_of(starts, start)
        sent_i = sentence_index(start)
        head = token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()
        types = ptypes or _np_types(head, np_heads)
        whole_doc = span is not None and (
            token.pos_ == "PROPN" or bool(types & doc_types) or head not in any_org
        )
        preceding = sorted(
            (
                c
                for c in cands
                if c.start < start
                and (whole_doc or _paragraph_of(starts, c.start) == para)
                and (c.type in types if span is None else _compatible_np(c, head, types, any_org))
            ),
            key=lambda c: c.start,
        )
        target = None
        if span is None:
            target = _coordinated_owner(token, cands, types)
        if target is not None:
            pass
        elif span is None and token.lower_ in salient_words:
            target = _salient(preceding, sent_i, is_subject(token), sentence_index)
        else:
            if span is None:
                here = [c for c in preceding if sentence_index(c.start) == sent_i]
                before = [c for c in preceding if sentence_index(c.start) == sent_i - 1]
                chosen = here or before
            else:
                if not preceding and not whole_doc and para > 0 and _apposed_affiliation(token):
                    # "... said Ana Lenz, an analyst for the organisation" opening a
                    # paragraph: the body named in the previous paragraph
                    preceding = sorted(
                        (
                            c
                            for c in cands
                            if c.start < start
                            and _paragraph_of(starts, c.start) == para - 1
                            and _compatible_np(c, head, types, any_org)
                        ),
                        key=lambda c: c.start,
                    )
                if not preceding:
                    continue
                nearest_sent = sentence_index(preceding[-1].start)
                chosen = [c for c in preceding if sentence_index(c.start) == nearest_sent]
            target = _pick(chosen)
        if target is None and span is None:
            target = _answered(cands, types, start, para, starts, sdoc.text, sentence_index)
        if target is None:
            continue
        refs[(start, end)] = target
        antecedent = by_id.get(target)
        cands.append(
            _Candidate(
                start,
                target,
                antecedent.type if antecedent else next(iter(types)),
                antecedent.text.lower() if antecedent else "",
                is_subject(token),
            )
        )
    return refs


def token_antecedents(
    sdoc: Doc, mentions: list[Mention], refs: dict[tuple[int, int], str]
) -> dict[int, tuple[str, bool]]:
    """Token index -> (mention id, reached through a reference?) for named and referring tokens.

    A token inside several mentions gets the longest one; names win over references.
    """
    out: dict[int, tuple[str, bool]] = {}
    for (start, end), target in refs.items():
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                out[tok.i] = (target, True)
    for m in sorted(mentions, key=lambda m: m.end - m.start):
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if tok.is_punct and tok.i not in (span.start, span.end - 1):
                continue
            out[tok.i] = (m.id, False)
    return out


# -- plural reference ----------------------------------------------------------------
_JOINERS = (",", "and", "the")


@dataclass(frozen=True, slots=True)
class _Group:
    """Coordinated names ("A, B and C"): where they are and whom they name."""

    first: int  # token index of the first member
    last: int  # token index of the last member
    members: tuple[str, ...]


def coordinated_groups(sent: Span, index: dict[int, tuple[str, bool]]) -> list[_Group]:
    """Names joined by "and" (and commas) in ``sent``: "A and B", "A, the B and C".

    Read on the surface, not on the parse, which often breaks a coordination whose
    verb it mistakes for a noun ("the A and the B fight side by side").
    """
    groups: list[_Group] = []
    run: list[tuple[str, int, int]] = []  # (mention, first token, last token)
    joints: list[list[str]] = []  # separator words between consecutive members
    seps: list[str] = []

    def flush() -> None:
        ids = tuple(dict.fromkeys(m for m, _, _ in run))
        if len(ids) >= 2 and "and" in joints[-1]:
            groups.append(_Group(run[0][1], run[-1][2], ids))

    for tok in sent:
        hit = index.get(tok.i)
        if hit is not None:
            if run and not seps and run[-1][0] == hit[0]:
                run[-1] = (hit[0], run[-1][1], tok.i)
                continue
            if run and seps and (seps[0] in (",", "and")) and seps.count("the") <= 1:
                run.append((hit[0], tok.i, tok.i))
                joints.append(seps)
            else:
                if run:
                    flush()
                run, joints = [(hit[0], tok.i, tok.i)], []
            seps = []
        elif tok.text.lower() in _JOINERS and run:
            seps.append(tok.text.lower())
        else:
            if run:
                flush()
            run, joints, seps = [], [], []
    if run:
        flush()
    return groups


def _plural_np(token: Token, spec: dict[str, Any], org_heads: set[str]) -> tuple[Span, int | None] | None:
    """ "the two sides", "both groups", "the units": (span, count or None), else None."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ not in ("NNS", "NNPS"):
        return None
    lemma = token.lemma_.lower()
    if lemma not in spec["any_heads"] and lemma not in org_heads:
        return None
    counts: dict[str, int] = spec["counts"]
    dets = [c for c in token.children if c.dep_ in ("det", "predet") and c.i < token.i]
    nums = [c for c in token.children if c.dep_ == "nummod" and c.i < token.i]
    others = [
        c
        for c in token.children
        if c.dep_ not in ("det", "predet", "nummod", "case", "punct", "cc", "conj", "relcl", "acl")
        and (c.i < token.i or (c.dep_ == "prep" and c.lower_ == "of"))
    ]
    if others or len(dets) > 1 or len(nums) > 1 or not (dets or nums):
        return None
    if dets and dets[0].lower_ not in spec["determiners"]:
        return None
    if nums and nums[0].lower_ not in counts:
        return None
    count = counts.get(nums[0].lower_) if nums else counts.get(dets[0].lower_)
    left = min(c.i for c in dets + nums)
    return token.doc[left : token.i + 1], count


def _plural_pronoun(token: Token, spec: dict[str, Any]) -> int | None | bool:
    """A plural pronoun ("they", "their", "both" as a noun phrase): its count (2 for
    "both", None for any), or False when ``token`` is not one."""
    if _bare_count(token, spec) is not None:  # "the two cooperate"
        return _bare_count(token, spec)
    if token.lower_ not in spec["pronouns"] or token.pos_ not in ("PRON", "DET"):
        return False
    if token.lower_ == "both":  # "both say", not "both A and B" nor "both groups"
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return False
        if any(c.dep_ == "prep" for c in token.children):
            return False
        return 2
    return None


def _bare_count(token: Token, spec: dict[str, Any]) -> int | None:
    """ "the two" standing alone as a noun phrase ("analysts say the two cooperate"): its
    count, else None."""
    counts: dict[str, int] = spec["counts"]
    if token.pos_ != "NUM" or token.lower_ not in counts or token.lower_ == "both":
        return None
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return None
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    return counts[token.lower_] if dets == ["the"] and len(list(token.children)) == 1 else None


def _blocked(
    doc: Doc, start: int, end: int, index: dict[int, tuple[str, bool]], skip: frozenset[int] = frozenset()
) -> bool:
    """A plural common noun between a group and its reference: "they" may be its (not one
    that is itself a reference to the group, ``skip``: "the two units ..., they")."""
    return any(
        doc[i].tag_ in ("NNS", "NNPS")
        and doc[i].i not in index
        and i not in skip
        and doc[i].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr")
        for i in range(start, end)
    )


def resolve_plural_references(
    sdoc: Doc, mentions: list[Mention], refs: dict[tuple[int, int], str]
) -> dict[tuple[int, int], tuple[str, ...]]:
    """(start_char, end_char) of a plural reference -> the mention ids it stands for.

    "A and B ... They ...", "their", "them", "both", "the two groups": the coordinated
    names of the nearest sentence of the paragraph with a coordination (see
    ``coref.plural`` in the vocabulary); a reference with no such antecedent, or with
    two, is left out.
    """
    vocab = load_vocab()["coref"]
    spec = vocab.get("plural")
    if not spec:
        return {}
    org_heads = set(vocab["definite_heads"]["organization"])
    classes = [set(c) for c in spec["type_classes"]]
    index = token_antecedents(sdoc, mentions, refs)
    types = {m.id: m.type for m in mentions}
    names = {m.id: m.text.lower() for m in mentions}
    starts = paragraph_starts(sdoc.text)
    sentences = list(sdoc.sents)
    groups = [
        [
            g
            for g in coordinated_groups(s, index)
            if any({types.get(m) for m in g.members} <= c for c in classes)
        ]
        for s in sentences
    ]
    sent_of: dict[int, int] = {t.i: n for n, s in enumerate(sentences) for t in s}
    out: dict[tuple[int, int], tuple[str, ...]] = {}
    for token in sdoc:
        if token.i in index:
            continue
        np = _plural_np(token, spec, org_heads)
        count = _plural_pronoun(token, spec) if np is None else np[1]
        if count is False:
            continue
        span = np[0] if np is not None else token.doc[token.i : token.i + 1]
        n = sent_of[token.i]
        para = _paragraph_of(starts, span.start_char)
        found: list[_Group] = []
        for back in (0, 1):
            if n - back < 0 or _paragraph_of(starts, sentences[n - back].start_char) != para:
                break
            found = [g for g in groups[n - back] if g.last < span.start]
            if found:
                break
        if not found or len({g.members for g in found}) > 1:
            continue
        group = found[-1]
        same = frozenset(  # earlier references to this group ("the two units ..., they")
            t.i
            for (a, b), members in out.items()
            if members == group.members
            for t in sdoc.char_span(a, b) or ()
        )
        if _bare_count(token, spec) is None and _blocked(sdoc, group.last + 1, span.start, index, same):
            continue
        if count is not None and count != len(group.members):
            continue
        if np is not None:
            lemma = token.lemma_.lower()
            kinds = {types.get(m) for m in group.members}
            if not kinds <= {"organization", "group"}:
                continue
            if lemma not in spec["any_heads"] and not all(lemma in names[m] for m in group.members):
                continue
        out[(span.start_char, span.end_char)] = group.members
    return out
