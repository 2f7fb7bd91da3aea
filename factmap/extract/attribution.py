"""Who says so, and is it said to be untrue: reported speech and negation.

``attribute(sent, mentions, refs)`` returns ``(claimant, negated)`` for a sentence or
clause:

* claimant: the named (or, through ``refs``, referred-to) subject of a speech verb
  ("the ministry said that ...", "X told reporters ...", "the group claimed ...",
  "..., the governor said", "Kyiv denied any involvement": a place may stand for
  its government) or the object of "according to"; None when the text
  states the fact in its own voice or the speaker is not a known mention;
* negated: a negation cue governs the clause (a contrastive "not" after a comma and
  before a preposition, "an enemy of X, not of Y", negates only its own phrase): "not", "never", "no"/"nothing"
  ("has nothing to do with", "no link"), or a negating verb ("denied",
  "rejected", "distanced itself from"). Cues are read on the path from the
  clause's trigger word up to the sentence root, stopping at noun modifiers, so
  "X said Y does not lead Z" is negated and "X, the head of Z, did not come" is not;
  and at a noun in a verb's adjunct phrase ("X does not know ..., following his
  revolt against Y": the revolt is asserted).

``discredited(token)`` is True when the reporter calls the statement holding ``token``
false ("makes false charges that ...", "falsely claims that ...", "baseless allegations
that ..."), and ``hearsay(token)`` when ``token`` is the content of a statement noun
("statements saying that ...", "the claim that ..."): neither is a fact in the
reporter's own voice.

Vocabulary: the ``attribution`` section of ``factmap/vocab/relations.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from factmap.extract.coref import load_vocab, token_antecedents
from factmap.model import Mention

# Speakers: actors, and places standing for their governments ("Kyiv denied ...").
_ACTOR_TYPES = ("organization", "person", "group", "location")


def path_to_root(token: Token, limit: Span | None = None) -> list[Token]:
    """``token`` and its heads up to the root of its sentence (or of ``limit``)."""
    path = [token]
    while path[-1].head.i != path[-1].i:
        head = path[-1].head
        if limit is not None and not (limit.start <= head.i < limit.end):
            break
        path.append(head)
    return path


_COPULAS = ("be", "become", "remain")
_MODIFIER_DEPS = ("appos", "relcl", "acl", "compound", "poss", "amod", "nmod")
# A role noun that is the subject of a clause ("Its leader, X, denied ...") is
# not what that clause asserts or negates.
_BOUNDARY_DEPS = (*_MODIFIER_DEPS, "nsubj", "nsubjpass")


def clause_path(token: Token) -> list[Token]:
    """``token`` and the heads whose clause asserts it.

    The climb stops at a noun modifier (apposition, relative clause, participle)
    or a subject: in "X, the head of Y, did not attend" and "Y's leader, X, denied
    the report", the negation belongs to another statement.
    """
    path = [token]
    while path[-1].head.i != path[-1].i and path[-1].dep_ not in _BOUNDARY_DEPS:
        path.append(path[-1].head)
    return path


def _negation_scope(path: list[Token], scope_preps: set[str]) -> list[Token]:
    """Cut ``path`` where a noun is the object of an adjunct preposition of a verb:
    in "X does not know ..., following his revolt against Y" the revolt is not what
    "not" denies. A copula stays in scope ("X is not in the leadership of Y"), and
    so do prepositions in ``scope_preps`` ("X did not serve as head of Y")."""
    for i, tok in enumerate(path[:-2]):
        prep, verb = path[i + 1], path[i + 2]
        if (
            tok.dep_ in ("pobj", "dobj")  # "following his revolt": a participle as preposition
            and prep.dep_ == "prep"
            and prep.lower_ not in scope_preps
            and verb.pos_ in ("VERB", "AUX")
        ):
            return path[: i + 3] if verb.lemma_.lower() in _COPULAS else path[: i + 2]
    return path


def contrastive(neg: Token) -> bool:
    """A "not" that sets one phrase against another ("an enemy of X, not of Y"): after a
    comma, right before a preposition. It negates only the phrase it introduces."""
    doc = neg.doc
    if neg.i == 0 or neg.i + 1 >= len(doc) or doc[neg.i - 1].text != ",":
        return False
    return doc[neg.i + 1].pos_ == "ADP"


def is_negated(token: Token) -> bool:
    """Whether a negation cue governs ``token`` (see the module docstring)."""
    vocab = load_vocab()["attribution"]
    words = {w.lower() for w in vocab["negation_words"]}
    verbs = set(vocab["negation_verbs"])
    path = _negation_scope(clause_path(token), set(vocab.get("scope_preps", ())))
    if path[-1].dep_ in _MODIFIER_DEPS and path[-1].head.lower_ in words:
        return True  # "has nothing to do with"
    for tok in path:
        if tok.lemma_.lower() in verbs:
            return True
        for child in tok.children:
            if child.dep_ == "neg" and not contrastive(child):
                return True
            if child.dep_ in ("det", "dobj", "advmod", "nsubj") and child.lower_ in words:
                return True
    return False


def _content_holders(token: Token) -> list[Token]:
    """The statement nouns and speech verbs whose reported content holds ``token``:
    "statements saying that X attacks Y" (statement, say), "the claim that X leads Y"
    (claim), "X falsely claims Y leads Z" (claim)."""
    vocab = load_vocab()["attribution"]
    nouns = set(vocab.get("report_nouns", ()))
    speech = set(vocab["speech_verbs"])
    path = path_to_root(token)
    holders = []
    for below, tok in zip(path, path[1:], strict=False):
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in nouns and below.dep_ in ("acl", "ccomp"):
            holders.append(tok)
        elif tok.pos_ == "VERB" and lemma in speech and below.dep_ in ("ccomp", "xcomp"):
            holders.append(tok)
            if tok.dep_ == "acl" and tok.head.lemma_.lower() in nouns:  # "statements saying"
                holders.append(tok.head)
    return holders


def hearsay(token: Token) -> bool:
    """Whether ``token`` is the content of a statement noun ("statements saying that X
    attacks Y", "the allegation that X funds Y"): what someone said, not the reporter's
    own statement."""
    nouns = set(load_vocab()["attribution"].get("report_nouns", ()))
    return any(h.pos_ == "NOUN" and h.lemma_.lower() in nouns for h in _content_holders(token))


def discredited(token: Token) -> bool:
    """Whether the reporter calls the statement holding ``token`` false: an accusation
    noun ("charges that ...", "allegations that ..."), or a statement qualified by one
    of ``falsity_words`` ("false claims that ...", "falsely said that ...")."""
    vocab = load_vocab()["attribution"]
    accusations = set(vocab.get("accusation_nouns", ()))
    falsity = set(vocab.get("falsity_words", ()))
    for holder in _content_holders(token):
        if holder.pos_ == "NOUN" and holder.lemma_.lower() in accusations:
            return True
        if any(c.dep_ in ("amod", "advmod") and c.lower_ in falsity for c in holder.children):
            return True
    return False


def _speaker(verb: Token, index: dict[int, tuple[str, bool]], types: dict[str, str]) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj",):
            found = index.get(child.i)
            if found is not None and types.get(found[0]) in _ACTOR_TYPES:
                return found[0]
    return None


def _according_to(
    sent: Span, index: dict[int, tuple[str, bool]], types: dict[str, str]
) -> str | None:
    words = set(load_vocab()["attribution"]["according"])
    for tok in sent:
        if tok.lower_ not in words:
            continue
        for prep in tok.children:
            if prep.lower_ != "to":
                continue
            for pobj in prep.children:
                found = index.get(pobj.i)
                if pobj.dep_ == "pobj" and found and types.get(found[0]) in _ACTOR_TYPES:
                    return found[0]
    return None


def claimant_of(
    sent: Span,
    trigger: Token,
    index: dict[int, tuple[str, bool]],
    types: dict[str, str],
) -> str | None:
    """The speaker whose statement contains ``trigger``, or None (see module docstring)."""
    speech = set(load_vocab()["attribution"]["speech_verbs"])
    path = path_to_root(trigger, sent)
    for below, tok in zip(path, path[1:], strict=False):
        if tok.lemma_.lower() in speech and below.dep_ in ("ccomp", "parataxis", "xcomp"):
            who = _speaker(tok, index, types)
            if who is not None:
                return who
    if path[0].lemma_.lower() in speech:  # "X claimed/denied ...": X says so
        who = _speaker(path[0], index, types)
        if who is not None:
            return who
    root = path[-1]
    for child in root.children:
        if (
            child.dep_ in ("parataxis", "ccomp")
            and child.lemma_.lower() in speech
            and child.i > trigger.i
            and not any(c.dep_ in ("ccomp",) for c in child.children)
        ):
            who = _speaker(child, index, types)
            if who is not None:
                return who
    return _according_to(sent, index, types)


def attribute(
    sent: Span,
    mentions: list[Mention],
    refs: dict,
    trigger: Token | None = None,
) -> tuple[str | None, bool]:
    """(claimant mention id or None, negated) for a sentence or clause.

    ``trigger`` is the word that states the fact (a verb or role noun); without it the
    clause's root is used. ``refs`` is ``coref.resolve_references``' output, so a
    speaker named earlier ("the group said") is found through its reference.
    """
    word = trigger if trigger is not None else sent.root
    index = token_antecedents(sent.doc, mentions, refs)
    types = {m.id: m.type for m in mentions}
    return claimant_of(sent, word, index, types), is_negated(word)
