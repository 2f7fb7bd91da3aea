"""Events: trigger words in parsed sentences -> :class:`~factmap.model.Event` records.

``find_events(sdoc, doc, mentions)`` reads one parsed document. The triggers (verbs
and nouns per event type, exclusions, the words for hypotheticals) live in
``factmap/vocab/events.yaml``; nothing here knows any actor's name.

For every sentence:

1. **Trigger.** A token whose lemma and part of speech fit a rule of the vocabulary
   ("raided", "incursion", "blew up", "press conference", "killed in a car bombing").
   A verb must be a predicate (not an adjective or compound modifier), a noun must not
   be a compound modifier ("attack helicopter") nor lie inside a name. Exclusions
   remove "heart attack", "formed an opinion", "signed up", "met the deadline";
   formation needs an organization as the thing made.
2. **Hypotheticals and futures emit no event**: a trigger (or the verb that governs a
   noun trigger) with a modal ("would hold elections", "will attack"), under an
   irrealis verb ("plans to attack", "threatened to raid"), under an irrealis noun
   ("plans for an attack") or modifier ("upcoming elections"), or in an if/unless
   clause. Reported speech and denials are kept (claimant/negated are set elsewhere).
3. **Frame.** The *anchors* are the trigger and, for a noun trigger, the verb that
   governs it ("launched a raid", "the meeting took place"). Participants are
   person/organization/group mentions that are the trigger's subject, agent, object or
   the object of "with/against/between/by" (nouns also: possessor, compound, "of"),
   the subject of a light verb governing a noun trigger ("X launched a raid"), and
   names coordinated with them or named as their members ("fighters of X").
   The place is the first location mention governed by "in/near/at/into/on/..." that
   attaches to an anchor, an argument of it, or is the object of the trigger verb.
   The date is the first DATE entity attached to an anchor or its object (with its
   preposition: "in March"), resolved by :func:`factmap.extract.dates.resolve_date`
   against ``doc.published``; never the publication date itself.
4. **Evidence** is the whole sentence: ``quote == doc.text[start:end]``.

``confidence`` says how complete the reading is, not whether the source is right:
0.6 for a verb trigger (0.45 for a noun trigger), +0.2 with at least one participant,
+0.1 with a date, +0.05 with a place. So "X raided Y on Monday" scores 0.9 (0.95 with
a place), "the raid" alone 0.45.

**One event per happening.** Two readings in one document are merged when they have
the same type, compatible dates (equal, or one a prefix of the other: "2023" and
"2023-05-22") and places (same name, or one missing), and either share a participant
name or, when a side has none, come from the same sentence or share a date or place.
The merged event keeps the first sentence as evidence, the more specific date, the
first place, the union of participants and the higher confidence.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from factmap.errors import ConfigError, FactmapError
from factmap.extract.dates import resolve_date
from factmap.model import EVENT_TYPES, Document, Event, Mention

ACTOR_TYPES = frozenset({"person", "organization", "group"})
PLACE_TYPES = frozenset({"location"})

_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "dative", "attr", "oprd")
_CLIMB = ("compound", "conj", "appos", "flat", "nmod")


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One line of ``events.yaml``'s ``triggers``: when a token starts an event."""

    name: str  # "" -> "<pos>:<lemma>" of the matched token
    type: str
    pos: str
    lemmas: frozenset[str]
    texts: frozenset[str] = frozenset()
    child_deps: frozenset[str] = frozenset()
    child_lemmas: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    prep_lemmas: frozenset[str] = frozenset()
    needs_org_object: bool = False
    exclude_modifiers: frozenset[str] = frozenset()
    exclude_objects: frozenset[str] = frozenset()
    exclude_particles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EventVocab:
    """The event vocabulary: trigger rules and the word lists the checks use."""

    rules: tuple[TriggerRule, ...]
    org_nouns: frozenset[str]
    light_verbs: frozenset[str]
    participant_preps: frozenset[str]
    noun_participant_preps: frozenset[str]
    member_nouns: frozenset[str]
    place_preps: frozenset[str]
    modals: frozenset[str]
    irrealis_verbs: frozenset[str]
    irrealis_nouns: frozenset[str]
    irrealis_modifiers: frozenset[str]
    conditional_marks: frozenset[str]


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


def _rule(raw: dict[str, Any]) -> TriggerRule:
    """Build one trigger rule from its YAML mapping (ConfigError if malformed)."""
    if raw.get("type") not in EVENT_TYPES or raw.get("pos") not in ("verb", "noun"):
        raise ConfigError(
            f"events.yaml: trigger {raw!r} needs 'type' in {EVENT_TYPES} and 'pos' verb|noun; "
            "fix the entry in factmap/vocab/events.yaml"
        )
    lemmas = _words(raw, "lemmas")
    child = raw.get("needs_child") or {}
    prep = raw.get("needs_prep") or {}
    return TriggerRule(
        name=raw.get("name") or "",
        type=raw["type"],
        pos=raw["pos"],
        lemmas=lemmas,
        texts=_words(raw, "texts"),
        child_deps=_words(child, "deps"),
        child_lemmas=_words(child, "lemmas"),
        preps=_words(prep, "preps"),
        prep_lemmas=_words(prep, "lemmas"),
        needs_org_object=bool(raw.get("needs_org_object")),
        exclude_modifiers=_words(raw, "exclude_modifiers"),
        exclude_objects=_words(raw, "exclude_objects"),
        exclude_particles=_words(raw, "exclude_particles"),
    )


@lru_cache(maxsize=1)
def load_event_vocab() -> EventVocab:
    """Read ``factmap/vocab/events.yaml`` (cached)."""
    path = importlib.resources.files("factmap.vocab") / "events.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"cannot read factmap/vocab/events.yaml ({exc}); reinstall factmap"
        ) from exc
    return EventVocab(
        rules=tuple(_rule(raw) for raw in data.get("triggers") or ()),
        **{
            key: _words(data, key)
            for key in (
                "org_nouns",
                "light_verbs",
                "participant_preps",
                "noun_participant_preps",
                "member_nouns",
                "place_preps",
                "modals",
                "irrealis_verbs",
                "irrealis_nouns",
                "irrealis_modifiers",
                "conditional_marks",
            )
        },  # fmt: skip
    )


# --------------------------------------------------------------------------- triggers


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _pos(token: Token) -> str | None:
    """verb | noun; a lower-case PROPN ("a congress") is a tagger slip for a noun."""
    if token.pos_ == "PROPN" and token.is_lower:
        return "noun"
    return {"VERB": "verb", "NOUN": "noun"}.get(token.pos_)


def _objects(token: Token) -> list[Token]:
    """Direct objects of a verb, or the objects of a noun's "of"."""
    if token.pos_ == "VERB":
        return [c for c in token.children if c.dep_ in ("dobj", "dative")]
    return [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _made_things(token: Token) -> list[Token]:
    """What a formation trigger makes: objects, passive subjects, the noun a relcl modifies."""
    made = _objects(token)
    if token.pos_ == "VERB":
        made += [c for c in token.children if c.dep_ == "nsubjpass"]
        if token.dep_ == "acl":
            made.append(token.head)
        antecedent = _antecedent(token)
        if antecedent is not None:
            made.append(antecedent)
    return made


def _is_org(token: Token, vocab: EventVocab, actor_tokens: set[int] | frozenset[int]) -> bool:
    return token.i in actor_tokens or _lemma(token) in vocab.org_nouns


def match_trigger(
    token: Token, vocab: EventVocab, actor_tokens: set[int] | frozenset[int] = frozenset()
) -> tuple[TriggerRule, Token | None] | None:
    """The first rule that fits ``token``, with the word it consumed ("bombing" in
    "killed in a car bombing"), or None. ``actor_tokens`` are indices of tokens inside
    organization/group mentions (formation needs one as the thing made)."""
    pos = _pos(token)
    if pos is None or token.dep_ in ("compound", "amod") or (token.is_upper and len(token) > 1):
        return None
    lemma = _lemma(token)
    for rule in vocab.rules:
        if rule.pos != pos or lemma not in rule.lemmas:
            continue
        if rule.texts and token.lower_ not in rule.texts:
            continue
        if _excluded(token, rule):
            continue
        if rule.child_deps and not any(
            c.dep_ in rule.child_deps and _lemma(c) in rule.child_lemmas for c in token.children
        ):
            continue
        consumed = None
        if rule.preps:
            consumed = next(
                (
                    g
                    for c in token.children
                    if c.dep_ in ("prep", "agent") and c.lower_ in rule.preps
                    for g in c.children
                    if g.dep_ == "pobj" and _lemma(g) in rule.prep_lemmas
                ),
                None,
            )
            if consumed is None:
                continue
        if rule.needs_org_object and not any(
            _is_org(t, vocab, actor_tokens) for t in _made_things(token)
        ):
            continue
        return rule, consumed
    return None


def _excluded(token: Token, rule: TriggerRule) -> bool:
    for child in token.children:
        lemma = _lemma(child)
        if child.dep_ in ("compound", "amod", "nmod") and lemma in rule.exclude_modifiers:
            return True
        if child.dep_ in ("dobj", "nsubjpass") and lemma in rule.exclude_objects:
            return True
        if child.dep_ == "prt" and lemma in rule.exclude_particles:
            return True
    return False


def is_irrealis(token: Token, vocab: EventVocab) -> bool:
    """True when the trigger names a hypothetical or future happening (see module doc)."""
    if any(
        _lemma(c) in vocab.irrealis_modifiers
        for c in token.children
        if c.dep_ in ("amod", "compound")
    ):
        return True
    current, came_by = token, ""
    for _ in range(8):
        lemma = _lemma(current)
        if current is token or current.pos_ in ("VERB", "AUX"):
            if any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in vocab.modals for c in current.children
            ):
                return True
            if any(
                c.dep_ == "mark" and c.lower_ in vocab.conditional_marks for c in current.children
            ):
                return True
        if current is not token:
            if current.pos_ == "VERB" and lemma in vocab.irrealis_verbs:
                return True
            if current.pos_ == "NOUN" and lemma in vocab.irrealis_nouns and came_by in (
                "prep", "acl", "xcomp", "relcl", "compound",
            ):  # fmt: skip
                return True
        if current.head is current or not _climbs(current, vocab):
            return False
        came_by, current = current.dep_, current.head
    return False


def _climbs(token: Token, vocab: EventVocab) -> bool:
    """Whether the irrealis check looks past ``token`` to its head."""
    dep = token.dep_
    if dep in ("dobj", "pobj", "prep", "xcomp", "conj", "attr", "acl", "ccomp", "agent"):
        return True
    if dep == "nsubjpass":  # "the congress will be held", "elections are scheduled"
        head = _lemma(token.head)
        return head in vocab.light_verbs or head in vocab.irrealis_verbs
    return False


# --------------------------------------------------------------------------- frames


@dataclass(slots=True)
class _Frame:
    trigger: Token
    anchors: list[Token]
    slots: set[int]  # token indices whose mentions are participants
    objects: set[int]  # objects of the anchors (dates/places may attach to them)


def _frame(trigger: Token, vocab: EventVocab) -> _Frame:
    """Anchors, participant slots and objects of one trigger."""
    anchors = [trigger]
    slots: set[int] = set()
    if trigger.pos_ == "VERB":
        slots |= _verb_slots(trigger, vocab.participant_preps)
        if not any(c.dep_ in _SUBJECTS and c.pos_ != "PRON" for c in trigger.children):
            if trigger.dep_ in ("conj", "xcomp") and trigger.head.pos_ in ("VERB", "AUX"):
                slots |= {c.i for c in trigger.head.children if c.dep_ in _SUBJECTS}
            antecedent = _antecedent(trigger)
            if antecedent is not None:
                slots.add(antecedent.i)
        if trigger.dep_ == "acl":  # "the Regiment, formed by volunteers"
            slots.add(trigger.head.i)
    else:
        slots |= {c.i for c in trigger.children if c.dep_ in ("poss", "compound")}
        slots |= _prep_objects(trigger, vocab.noun_participant_preps)
        verb = _governing_verb(trigger)
        if verb is not None:
            anchors.append(verb)
            if _lemma(verb) in vocab.light_verbs:
                slots |= _verb_slots(verb, vocab.participant_preps) - {trigger.i}
        # "the raid, which began on Monday near X": the relative clause dates and places it
        anchors += [c for c in trigger.children if c.dep_ == "relcl"]
    objects = {o.i for a in anchors for o in a.children if o.dep_ in _OBJECTS}
    objects |= {
        o.i for a in anchors for o in a.children if o.dep_ in _SUBJECTS and a is not trigger
    }
    return _Frame(trigger, anchors, slots, objects)


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause (or a clause reported inside one) is about:
    "the Legion, which says it was formed ..." -> Legion."""
    current = verb
    for _ in range(3):
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ not in ("ccomp", "xcomp", "conj") or current.head is current:
            return None
        current = current.head
    return None


def _verb_slots(verb: Token, preps: frozenset[str]) -> set[int]:
    slots = {c.i for c in verb.children if c.dep_ in _SUBJECTS + ("dobj", "dative")}
    return slots | _prep_objects(verb, preps | {"by"})


def _prep_objects(token: Token, preps: frozenset[str]) -> set[int]:
    return {
        g.i
        for c in token.children
        if c.dep_ in ("prep", "agent") and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    }


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger is subject/object of ("launched a raid", "took part in",
    "claimed responsibility for the raid")."""
    current = noun
    for _ in range(4):
        head = current.head
        if head is current:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head if current.dep_ in _SUBJECTS + _OBJECTS + ("prep", "pobj") else None
        if current.dep_ not in ("pobj", "prep"):
            return None
        current = head
    return None


def _climb(token: Token, vocab: EventVocab) -> list[Token]:
    """A name's token and the tokens it stands for: heads of its compound/conj/appos
    chain, and the member noun of "fighters of X" / "X's fighters"."""
    path = [token]
    for _ in range(6):
        head = token.head
        if head is token:
            break
        if token.dep_ in _CLIMB and head.pos_ in ("NOUN", "PROPN", "PRON"):
            token = head
        elif (
            token.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in vocab.member_nouns
        ):
            token = head.head
        elif token.dep_ == "poss" and _lemma(head) in vocab.member_nouns:
            token = head
        else:
            break
        path.append(token)
    return path


def _participants(
    frame: _Frame, names: list[tuple[Mention, Token]], vocab: EventVocab
) -> list[str]:
    found = []
    for mention, root in names:
        if mention.type in ACTOR_TYPES and any(t.i in frame.slots for t in _climb(root, vocab)):
            found.append(mention.id)
    return found


def _place(frame: _Frame, names: list[tuple[Mention, Token]], vocab: EventVocab) -> str | None:
    heads = {a.i for a in frame.anchors} | frame.slots | frame.objects
    for mention, root in names:
        if mention.type not in PLACE_TYPES:
            continue
        token = _climb(root, vocab)[-1]
        if token.i == frame.trigger.i or (  # "the Belgorod raid"
            token.dep_ in ("dobj", "nsubjpass") and token.head.i == frame.trigger.i
        ):
            return mention.id
        for _ in range(4):
            if token.dep_ != "pobj":
                break
            prep = token.head
            if prep.lower_ in vocab.place_preps and prep.head.i in heads:
                return mention.id
            if prep.lower_ != "of" and prep.lower_ not in vocab.place_preps:
                break
            token = prep.head  # "the village of X", "at a congress in X"
            if token.dep_ in ("dobj", "nsubjpass") and token.head.i == frame.trigger.i:
                return mention.id
    return None


def _date_phrase(ent: Span) -> str:
    """A DATE entity with the preposition that governs it ("in" + "March")."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.i == ent.start - 1:
        return f"{root.head.text} {ent.text}"
    return ent.text


def _date(frame: _Frame, sent: Span, published: str | None) -> str | None:
    heads = {a.i for a in frame.anchors} | frame.objects
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        root = ent.root
        if root.dep_ == "pobj" and root.head.dep_ == "prep":
            attached = root.head.head
        elif root.dep_ in ("npadvmod", "tmod", "advmod", "nmod", "appos"):
            attached = root.head
        else:
            continue
        if attached.i in heads:
            resolved = resolve_date(_date_phrase(ent), published)
            if resolved is not None:
                return resolved
    return None


# --------------------------------------------------------------------------- assembly


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    type: str
    rule: str
    confidence: float
    date: str | None
    place: str | None
    participants: list[str] = field(default_factory=list)


def _confidence(is_verb: bool, participants: bool, date: bool, place: bool) -> float:
    score = (0.6 if is_verb else 0.45) + 0.2 * participants + 0.1 * date + 0.05 * place
    return round(score, 2)


def _sentence_bounds(sent: Span, text: str) -> tuple[int, int]:
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _mention_roots(sdoc: Doc, mentions: list[Mention], doc_id: str) -> list[tuple[Mention, Token]]:
    roots = []
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        if mention.doc != doc_id:
            continue
        span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            roots.append((mention, span.root))
    return roots


def find_events(sdoc: Doc, doc: Document, mentions: list[Mention]) -> list[Event]:
    """Events told in ``doc`` (parsed as ``sdoc``), merged so each happening is one event.

    ``mentions`` are the document's names (mentions of other documents are ignored);
    places and participants are mention ids from them. Keys are ``event:0``, ``event:1``
    in text order. Raises FactmapError if ``sdoc`` is not a parse of ``doc.text``.
    """
    if sdoc.text != doc.text:
        raise FactmapError(
            f"document {doc.id}: the spaCy Doc is not a parse of doc.text; parse the cleaned "
            "text itself (load_nlp()(doc.text)) so event offsets point into it"
        )
    vocab = load_event_vocab()
    names = _mention_roots(sdoc, mentions, doc.id)
    inside = {
        t.i for m, _ in names for t in sdoc.char_span(m.start, m.end, alignment_mode="expand")
    }
    actor_tokens = {
        t.i
        for m, _ in names
        if m.type in ("organization", "group")
        for t in sdoc.char_span(m.start, m.end, alignment_mode="expand")
    }
    candidates: list[_Candidate] = []
    rule_name = lambda rule, token: rule.name or f"{rule.pos}:{_lemma(token)}"  # noqa: E731
    for sent in sdoc.sents:
        matches = []
        for token in sent:
            if token.i in inside:
                continue
            found = match_trigger(token, vocab, actor_tokens)
            if found is not None:
                matches.append((token, *found))
        consumed = {c.i for _, _, c in matches if c is not None}
        in_sentence = [(m, r) for m, r in names if sent.start <= r.i < sent.end]
        start, end = _sentence_bounds(sent, doc.text)
        for token, rule, _ in matches:
            if token.i in consumed or is_irrealis(token, vocab):
                continue
            frame = _frame(token, vocab)
            participants = _participants(frame, in_sentence, vocab)
            place = _place(frame, in_sentence, vocab)
            date = _date(frame, sent, doc.published)
            candidates.append(
                _Candidate(
                    start=start,
                    end=end,
                    type=rule.type,
                    rule=rule_name(rule, token),
                    confidence=_confidence(
                        rule.pos == "verb", bool(participants), bool(date), bool(place)
                    ),
                    date=date,
                    place=place,
                    participants=participants,
                )
            )
    texts = {m.id: m.text for m in mentions}
    merged = merge_candidates(candidates, texts)
    return [
        Event(
            key=f"event:{n}",
            doc=doc.id,
            start=c.start,
            end=c.end,
            quote=doc.text[c.start : c.end],
            type=c.type,
            confidence=c.confidence,
            rule=c.rule,
            date=c.date,
            place=c.place,
            participants=tuple(c.participants),
        )
        for n, c in enumerate(merged)
    ]


# --------------------------------------------------------------------------- merging


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, one missing, or one a coarser prefix of the other ("2023" / "2023-05-22")."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _same_happening(a: _Candidate, b: _Candidate, texts: dict[str, str]) -> bool:
    """Same type, compatible date and place, and a shared name (or sentence/date/place)."""
    if a.type != b.type or not dates_compatible(a.date, b.date):
        return False
    place_a, place_b = _norm(texts.get(a.place or "")), _norm(texts.get(b.place or ""))
    if place_a and place_b and place_a != place_b:
        return False
    names_a = {_norm(texts.get(p, p)) for p in a.participants}
    names_b = {_norm(texts.get(p, p)) for p in b.participants}
    if names_a and names_b:
        return bool(names_a & names_b)
    same_date = a.date is not None and a.date == b.date
    return a.start == b.start or same_date or bool(place_a and place_a == place_b)


def _bare(c: _Candidate) -> bool:
    """A back-reference ("the incursion") with neither participants nor a date."""
    return not c.participants and c.date is None


def merge_candidates(candidates: list[_Candidate], texts: dict[str, str]) -> list[_Candidate]:
    """Fold readings of one happening into the first (see the module docstring)."""
    merged: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: c.start):
        into = next((m for m in merged if _same_happening(m, cand, texts)), None)
        if into is None:  # a bare back-reference joins the document's event of its type
            into = next(
                (m for m in merged if m.type == cand.type and (_bare(m) or _bare(cand))), None
            )
        if into is None:
            merged.append(cand)
            continue
        if cand.date and (into.date is None or len(cand.date) > len(into.date)):
            into.date = cand.date
        if cand.place and (into.place is None or cand.confidence > into.confidence):
            into.place = cand.place
        into.participants += [p for p in cand.participants if p not in into.participants]
        into.confidence = max(into.confidence, cand.confidence)
    return merged
