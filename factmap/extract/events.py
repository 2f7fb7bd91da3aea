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
   formation needs an organization as the thing made. A ``needs_date`` rule ("invasion")
   is kept only with a date of the trigger itself: "since X's invasion of Y" is background.
2. **Hypotheticals emit no event; scheduled events need a fixed date.** A trigger (or
   the verb that governs a noun trigger) with a modal ("would hold elections", "could
   attack"), under an irrealis verb ("plans to attack", "threatened to raid"), under an
   irrealis noun ("plans for an attack", "his refusal to hold talks"), in an if/unless
   clause, or a noun subject of a modal verb ("talks would only lead to war") is
   hypothetical and dropped. A future ("will hold a press conference", "the scheduled vote": the
   ``future_*`` words) is kept only with a date the text fixes by itself ("on 8 February
   2024", never "on Friday"), with its confidence scaled by ``SCHEDULED_WEIGHT`` and
   ``+scheduled`` added to its rule; relative dates of a scheduled event are read
   forward (:func:`~factmap.extract.dates.resolve_ahead`: "will host a summit next
   month", "ahead of a summit next week"; a weekday alone is not). Reported speech and
   denials are kept. Also no event: a habit (``habitual_adverbs``: "still attended
   summits"), a prospect in the present (``prospect_verbs``: "faces a battle to ..."), a
   case put in a present when-clause ("the second attack, when X joins the war"), talks
   a copula calls impossible, a noun that a verb negated in the present governs ("we do
   not see the creation of ...", "talks have not brought ..."), a bare singular noun
   after ``bare_noun_preps`` ("damaged in combat"), what a kind of people do in the simple
   present ("invaders shell and bomb cities"), a kind of place "that has been bombed",
   "the fighting in <a country>" with no date or participant (the war as background),
   the content of what the reporter calls a false charge and the simple present of an
   unnamed statement ("statements saying that X attacks Y": ``attribution.hearsay``), a
   plural event noun listed among three or more nouns that name no event ("X's fake
   votes, genocide and subjugation": a list of grievances).
   A definite noun with no date or place
   of its own ("during the summit, X said") joins the last event of its type.
3. **Frame.** The *anchors* are the trigger, for a noun trigger the verb that governs it
   ("launched a raid", "the meeting took place"), relative clauses of a noun trigger,
   and a when-clause or the clause a when-clause hangs on ("began on Sunday, when a
   column crossed near X"). Participants are person/organization/group mentions (or
   references that ``coref.resolve_references`` resolves to one: "the group", "its
   fighters") that are the trigger's subject, agent, object or the object of
   "with/against/between/by" (nouns also: possessor, compound, "of", "the groups
   behind the raid"), the subject of a light verb governing a noun trigger ("X launched
   a raid", "X claimed the raid"), the subject of a verb whose "after/at/during" object
   the noun is ("X approved the budget after a meeting"), the speaker of a self-report
   ("X and Y said they had crossed the border"), and names coordinated with them, in
   apposition or named as their members ("fighters of X"). Some rules need a doer of a
   kind (``needs_subject``: "units crossed into X" is a raid, "refugees crossed" not).
   The place is the first location mention governed by "in/near/at/into/on/..." (plus the
   type's ``target_place_preps``: "attacks against X", "the battle for X") that attaches
   to an anchor, an argument of it, or is the object, "of"-object ("the invasion of X"),
   compound ("the Belgorod raid", not hyphenated sides: "US-Russia talks"), possessor
   ("Russia's election"; not for ``doer_possessor_types``: in "X's attack on Y" X did it)
   or the where-clause head ("near X, where it crossed") of the trigger, or the noun its
   clause describes ("X, which was renamed").
   The date is the first DATE/TIME entity attached to an anchor or its object, read
   whole ("in the summer" + "of 2022", "in the early hours of Monday") and resolved
   by :func:`factmap.extract.dates.resolve_date` against ``doc.published`` (never the
   publication date itself); an undated happening reported with a date ("X said on
   Monday that fighting was continuing") takes the report's date, and one told in a
   clause measured in days ("X said on Friday ..., a day after they crossed the
   border") that date shifted by the measure. A trigger with a date of its own that
   resolves to nothing ("last week's attack" in a week spanning two months) borrows
   no other date. Also read: possessive dates ("Sunday's vote"), ranges ("between 3
   and 5 May" -> the month), an adverbial date the parser hung on a preposition's
   object ("crossed into X two months ago"), the copula of "was the only member to
   vote", and phrases pointing back ("later that year", "the next day") against the
   last date told within three sentences (:func:`previous_dates`). What comes "ahead
   of" something, or in a participle clause of a future verb, is scheduled.
   A when-clause hanging on a noun trigger's verb or on its date ("the offensive began
   on 27 May, when X attacked Y west of Z") tells how that event happened: its doers
   are participants, its place the place, and a trigger inside it makes no event of its
   own. Other clues: a participle clause shares the main subject ("Formed in 2022, the
   Legion ..."), "it" in a clause inside a noun's modifier is that noun ("the Legion, led
   by X since he founded it"), a short all-capital name counts as an organization
   ("the RVC was founded"), what "came under shelling" is the target (place), "west of
   X" places it, and a verb the text itself negates ("it did not sign") is no event.
   Dating forms: a verb coordinated with the one before it shares its date ("left X in
   the autumn and formed Y"; not with "later", "then": ``sequence_adverbs``); a month name
   before the noun dates it ("the March raid"); "in October 2022 X's parliament voted"
   (the parser's possessor) dates the verb; "late on Saturday" the verb; a participle or
   relative clause whose verb triggers another event type ("the forum, co-founded in 2016,
   opened today") does not date the noun; "the X Declaration of April 2023, which Y
   signed" dates the signing; a noun lasting N days ("the three-day vote opened
   yesterday") keeps what its days share, unless it is the subject or object of a start
   verb ("a two-day summit began on 11 July": ``start_verbs``); "ten months after ..." shifts by months; date
   phrases spaCy leaves untagged ("the same day", "in the autumn": ``date_phrases``) count.
   "Hours later" / "later that day" take the day told before (:func:`previous_dates`);
   "three weeks after X took Y, residents say ..." under a present-tense main clause
   counts back from the publication ("three weeks ago", at the precision that allows).
   A full date before a noun dates it to the day even when spaCy tags the day and the
   year apart ("the February 24, 2022 invasion"); a later date that narrows the first
   wins ("One year ago, on 23 August 2021, ..."); a participle on a clause's subject
   ("leaders meeting in X agreed on Wednesday") and the purpose of a past trip ("visited
   X to meet Y": ``trip_verbs``) take their clause's date.
   A capture needs a place as object, also through a place noun ("took the town of X":
   ``place_nouns``); what a formation makes may be named in apposition ("the largest of
   them, X, was created in 2022"; "formed a new umbrella, X, in April" - the apposition's
   date counts).
   When the doer does not fit a rule's ``needs_subject``, the next rule for the same
   word is tried ("the country votes" is an election, "the deputy voted" other).
4. **Evidence** is the sentence, cut at line breaks (blank lines always, single
   newlines unless the text is hard-wrapped): spaCy may glue a headline and a dateline
   to the first sentence. ``quote == doc.text[start:end]``.

``confidence`` says how complete the reading is, not whether the source is right:
0.6 for a verb trigger (0.45 for a noun trigger), +0.2 with at least one participant,
+0.1 with a date, +0.05 with a place. So "X raided Y on Monday" scores 0.9 (0.95 with
a place), "the raid" alone 0.45.

**One event per happening.** Two readings in one document are merged when they have
the same type, compatible dates (equal, or one a prefix of the other: "2023" and
"2023-05-22") and places (same name, or one missing), and either share a participant
name (for persons also a shorter name of the same words: "Putin" / "Vladimir Putin") or, when a side has none, come from the same sentence or share a date or place.
A headline (a whole title-like line) never starts an event: it joins the first
telling it fits, or is dropped. The merged event's evidence is its most informative
reading (not a headline; with a date, a place, participants; the first among equals),
with the most specific date, the evidence's place (else the first), the union of
participants and the highest confidence. Dropped as no event of their own: groups of
bare back-references only (nouns or ``weak`` rules with no date, place or participant:
"the fighting was an internal matter", "she told reporters") and formations with
neither date nor place ("X was founded by Y" is a fact about X, not an event).
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from factmap.errors import ConfigError, FactmapError
from factmap.extract.attribution import discredited, hearsay
from factmap.extract.coref import resolve_references
from factmap.extract.dates import (
    conjoined_dates,
    is_month_name,
    measure_offset,
    resolve_ahead,
    resolve_date,
    shift_date,
    within_days,
)
from factmap.ingest.clean import is_title_like
from factmap.model import EVENT_TYPES, Document, Event, Mention
from factmap.places import is_country

ACTOR_TYPES = frozenset({"person", "organization", "group"})
PLACE_TYPES = frozenset({"location"})

_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "dative", "attr", "oprd")
_CLIMB = ("compound", "conj", "appos", "flat", "nmod")

#: A scheduled event ("will hold a press conference on 8 February 2024") is kept with
#: its confidence scaled by this: it was announced, it has not happened yet.
SCHEDULED_WEIGHT = 0.6

#: Event types that are no event without a date or a place ("founded by Y").
TIMELESS_TYPES = frozenset({"formation"})


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
    needs_place_object: bool = False
    exclude_modifiers: frozenset[str] = frozenset()
    exclude_objects: frozenset[str] = frozenset()
    exclude_particles: frozenset[str] = frozenset()
    exclude_preps: frozenset[str] = frozenset()
    exclude_counted: bool = False
    exclude_object_types: frozenset[str] = frozenset()
    exclude_prep_preps: frozenset[str] = frozenset()
    exclude_prep_objects: frozenset[str] = frozenset()
    subject_types: frozenset[str] = frozenset()
    subject_lemmas: frozenset[str] = frozenset()
    weak: bool = False
    needs_date: bool = False
    consumes_child: bool = False
    needs_past: bool = False
    object_types: frozenset[str] = frozenset()
    #: ``needs_person_after``: the trigger needs a named person after one of these
    #: prepositions ("X talked to Y"), who takes part
    person_preps: frozenset[str] = frozenset()


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
    irrealis_adjectives: frozenset[str] = frozenset()
    member_preps: frozenset[str] = frozenset({"of"})
    generic_determiners: frozenset[str] = frozenset()
    indefinite_articles: frozenset[str] = frozenset()
    future_modals: frozenset[str] = frozenset()
    future_verbs: frozenset[str] = frozenset()
    future_modifiers: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    self_pronouns: frozenset[str] = frozenset()
    noun_agent_preps: frozenset[str] = frozenset()
    company_preps: frozenset[str] = frozenset()
    when_words: frozenset[str] = frozenset()
    where_words: frozenset[str] = frozenset()
    target_place_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    doer_possessor_types: frozenset[str] = frozenset()
    target_subject_preps: frozenset[str] = frozenset()
    direction_words: frozenset[str] = frozenset()
    after_words: frozenset[str] = frozenset()
    before_words: frozenset[str] = frozenset()
    ahead_words: frozenset[str] = frozenset()
    sequence_verbs: frozenset[str] = frozenset()
    sequence_adverbs: frozenset[str] = frozenset()
    trip_verbs: frozenset[str] = frozenset()
    start_verbs: frozenset[str] = frozenset()
    date_phrases: tuple[str, ...] = ()
    place_nouns: frozenset[str] = frozenset()
    habitual_adverbs: frozenset[str] = frozenset()
    habitual_adjectives: frozenset[str] = frozenset()
    ruled_out_phrases: tuple[str, ...] = ()
    prospect_verbs: frozenset[str] = frozenset()
    bare_noun_preps: frozenset[str] = frozenset()
    temporal_marks: frozenset[str] = frozenset()
    series_counts: frozenset[str] = frozenset()
    campaign_days: int = 0


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    """A word list of the vocabulary, lower-cased (ConfigError for YAML's on/off/yes/no,
    which load as booleans: "on" would silently become "true")."""
    words = list(data.get(key) or ())
    if any(isinstance(w, bool) for w in words):
        raise ConfigError(
            f"events.yaml: the list {key!r} holds a boolean; quote words such as "
            '"on", "off", "yes", "no" in factmap/vocab/events.yaml'
        )
    return frozenset(str(w).lower() for w in words)


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
    subject = raw.get("needs_subject") or {}
    prize = raw.get("exclude_prep_objects") or {}
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
        needs_place_object=bool(raw.get("needs_place_object")),
        exclude_modifiers=_words(raw, "exclude_modifiers"),
        exclude_objects=_words(raw, "exclude_objects"),
        exclude_particles=_words(raw, "exclude_particles"),
        exclude_preps=_words(raw, "exclude_preps"),
        exclude_counted=bool(raw.get("exclude_counted")),
        exclude_object_types=_words(raw, "exclude_object_types"),
        exclude_prep_preps=_words(prize, "preps"),
        exclude_prep_objects=_words(prize, "lemmas"),
        subject_types=_words(subject, "types"),
        subject_lemmas=_words(subject, "lemmas"),
        weak=bool(raw.get("weak")),
        needs_date=bool(raw.get("needs_date")),
        consumes_child=bool(raw.get("consumes_child")),
        needs_past=bool(raw.get("needs_past")),
        object_types=_words(raw, "needs_object_types"),
        person_preps=_words(raw, "needs_person_after"),
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
    targets = data.get("target_place_preps") or {}
    if not isinstance(targets, dict) or not set(targets) <= set(EVENT_TYPES):
        raise ConfigError(
            "events.yaml: 'target_place_preps' must map event types to preposition lists; "
            "fix the entry in factmap/vocab/events.yaml"
        )
    phrases = data.get("date_phrases") or ()
    try:
        re.compile("|".join(str(p) for p in phrases))
    except re.error as exc:
        raise ConfigError(
            f"events.yaml: 'date_phrases' holds a bad regular expression ({exc}); fix it in "
            "factmap/vocab/events.yaml"
        ) from exc
    return EventVocab(
        rules=tuple(_rule(raw) for raw in data.get("triggers") or ()),
        date_phrases=tuple(str(p) for p in phrases),
        ruled_out_phrases=tuple(str(p).lower() for p in data.get("ruled_out_phrases") or ()),
        campaign_days=int(data.get("campaign_days") or 0),
        target_place_preps={type_: _words(targets, type_) for type_ in targets},
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
                "irrealis_adjectives",
                "member_preps",
                "generic_determiners",
                "indefinite_articles",
                "future_modals",
                "future_verbs",
                "future_modifiers",
                "reporting_verbs",
                "self_pronouns",
                "noun_agent_preps",
                "company_preps",
                "when_words",
                "where_words",
                "doer_possessor_types",
                "target_subject_preps",
                "direction_words",
                "after_words",
                "before_words",
                "ahead_words",
                "sequence_verbs",
                "sequence_adverbs",
                "trip_verbs",
                "start_verbs",
                "place_nouns",
                "habitual_adverbs",
                "habitual_adjectives",
                "prospect_verbs",
                "bare_noun_preps",
                "temporal_marks",
                "series_counts",
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
    if _is_gerund_noun(token):
        return "noun"
    return {"VERB": "verb", "NOUN": "noun"}.get(token.pos_)


def _is_gerund_noun(token: Token) -> bool:
    """A gerund used as a noun with no object of its own ("fighting near X was continuing")."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("nsubj", "nsubjpass", "pobj")
        and not any(c.dep_ in ("dobj", "nsubj", "aux") for c in token.children)
    )


def _objects(token: Token) -> list[Token]:
    """Direct objects of a verb, or the objects of a noun's "of"."""
    if token.pos_ == "VERB":
        return [c for c in token.children if c.dep_ in ("dobj", "dative")]
    return [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _made_things(token: Token, vocab: EventVocab) -> list[Token]:
    """What a formation trigger makes: objects, passive subjects, the noun a relcl modifies,
    the speaker of "X says it was formed"."""
    made = _objects(token)
    if token.pos_ == "VERB":
        made += [c for c in token.children if c.dep_ == "nsubjpass"]
        if token.dep_ == "acl":
            made.append(token.head)
        if _is_participle_clause(token):  # "Formed in 2022, the Legion is ..."
            made += [c for c in token.head.children if c.dep_ in _SUBJECTS]
        owner = _clause_owner(token)
        if owner is not None and any(o.lower_ == "it" for o in _objects(token)):
            made.append(owner)  # "the Legion, led by X since he founded it
        antecedent = _antecedent(token)
        own_object = any(
            c.dep_ == "dobj" and c.lower_ not in ("which", "that", "who", "whom") for c in token.children
        )
        if antecedent is not None and not own_object:  # "the army, which launched an invasion"
            made.append(antecedent)
        if not any(c.dep_ == "dobj" for c in token.children):
            # "X says it was formed"; in "X said they launched an operation" the
            # operation is what was launched, not X
            made += _speakers(token, vocab)
    return made


def _speakers(verb: Token, vocab: EventVocab) -> list[Token]:
    """Who reports a clause about themselves: "the Legion said it/they raided X" -> the
    Legion. Only when the clause's subject is missing or a self-referring pronoun."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not all(c.lower_ in vocab.self_pronouns for c in subjects):
        return []
    current = verb
    for _ in range(3):
        # "X said their men were inside Y, a day after they crossed the border"
        if current.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or current.head is current:
            return []
        current = current.head
        if current.pos_ == "VERB" and _lemma(current) in vocab.reporting_verbs:
            speaker = current
            if current.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in current.children):
                speaker = current.head  # "walked out and announced that they had split"
            return [c for c in speaker.children if c.dep_ in _SUBJECTS and c.pos_ != "PRON"]
    return []


def _reporting_verb(token: Token, vocab: EventVocab) -> Token | None:
    """The reporting verb whose clause holds ``token`` ("X said on Monday that ...")."""
    current = token
    for _ in range(6):
        if current.head is current:
            return None
        if current.dep_ == "ccomp" and _lemma(current.head) in vocab.reporting_verbs:
            return current.head
        if current.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "conj", "xcomp", "ccomp"):
            return None
        current = current.head
    return None


def _is_org(token: Token, vocab: EventVocab, actor_tokens: set[int] | frozenset[int]) -> bool:
    return token.i in actor_tokens or _lemma(token) in vocab.org_nouns or is_acronym(token)


def is_acronym(token: Token) -> bool:
    """An all-capital proper noun of 2-6 letters ("RVC", "HTS"): an organization's short
    name even when the mention finder missed it."""
    return token.pos_ == "PROPN" and token.is_upper and token.is_alpha and 2 <= len(token) <= 6


def match_trigger(
    token: Token,
    vocab: EventVocab,
    actor_tokens: set[int] | frozenset[int] = frozenset(),
    place_tokens: set[int] | frozenset[int] = frozenset(),
) -> tuple[TriggerRule, Token | None] | None:
    """The first rule that fits ``token``, with the word it consumed ("bombing" in
    "killed in a car bombing"), or None. ``actor_tokens`` are indices of tokens inside
    organization/group mentions (formation needs one as the thing made),
    ``place_tokens`` those inside location mentions ("took X" needs one as object)."""
    return next(match_triggers(token, vocab, actor_tokens, place_tokens), None)


def match_triggers(
    token: Token,
    vocab: EventVocab,
    actor_tokens: set[int] | frozenset[int] = frozenset(),
    place_tokens: set[int] | frozenset[int] = frozenset(),
) -> Iterator[tuple[TriggerRule, Token | None]]:
    """Every rule that fits ``token``, in vocabulary order (see :func:`match_trigger`): a
    later rule is the fallback when the doer does not fit an earlier one's
    ``needs_subject`` ("the country votes" is an election, "the deputy voted" not)."""
    pos = _pos(token)
    if pos is None or token.dep_ in ("compound", "amod") or (token.is_upper and len(token) > 1):
        return
    lemma = token.lower_ if _is_gerund_noun(token) else _lemma(token)
    for rule in vocab.rules:
        if rule.pos != pos or lemma not in rule.lemmas:
            continue
        if rule.texts and token.lower_ not in rule.texts:
            continue
        if _excluded(token, rule):
            continue
        wanted = [
            c for c in token.children if c.dep_ in rule.child_deps and _lemma(c) in rule.child_lemmas
        ]
        if rule.child_deps and not wanted:
            continue
        consumed = wanted[0] if rule.consumes_child else None
        if rule.preps:
            consumed = next(
                (
                    g
                    for c in _prep_children(token)
                    if c.lower_ in rule.preps
                    for g in c.children
                    # "an operation against what they called the regime": a clause object
                    # counts when the rule asks for no particular word
                    if (g.dep_ == "pobj" and (not rule.prep_lemmas or _lemma(g) in rule.prep_lemmas))
                    or (g.dep_ == "pcomp" and not rule.prep_lemmas)
                ),
                None,
            )
            if consumed is None:
                continue
        if rule.needs_place_object and not any(
            _is_place_object(o, vocab, place_tokens) for o in token.children if o.dep_ == "dobj"
        ):
            continue
        if rule.needs_org_object and not any(
            _is_org(t, vocab, actor_tokens)
            for made in _made_things(token, vocab)
            for t in (made, *_appositions(made))
        ):
            continue
        yield rule, consumed


def _is_place_object(obj: Token, vocab: EventVocab, place_tokens: set[int] | frozenset[int]) -> bool:
    """A location mention, or a place noun of one ("took the town of X", "overran part of
    X", "seized control of X": ``place_nouns``)."""
    if obj.i in place_tokens:
        return True
    return _lemma(obj) in vocab.place_nouns and any(
        g.i in place_tokens
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _appositions(token: Token) -> list[Token]:
    """Names in apposition to ``token`` ("the largest of them, the X Legion, was created",
    "formed a new umbrella, the X Coordination"): they name the same thing."""
    return [c for c in token.children if c.dep_ == "appos"]


def _prep_children(token: Token) -> list[Token]:
    """Prepositions of ``token`` (also a "to" parsed as dative: "shown to reporters"),
    also through a particle ("broke away from X")."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") or (child.dep_ == "dative" and child.pos_ == "ADP"):
            out.append(child)
        elif child.dep_ in ("prt", "advmod"):
            out += [c for c in child.children if c.dep_ == "prep"]
    return out


def _excluded(token: Token, rule: TriggerRule) -> bool:
    if (
        token.dep_ == "relcl"
        and _lemma(token.head) in rule.exclude_objects
        and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)
    ):  # "the aid package the president signed": the noun is the verb's object
        return True
    if _verb_read_as_noun(token):
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "a copy [of the play] signed by X"
        nouns = [token.head]
        if token.head.dep_ == "pobj" and token.head.head.lower_ == "of":
            nouns.append(token.head.head.head)
        if any(_lemma(n) in rule.exclude_objects for n in nouns):
            return True
    for child in token.children:
        lemma = _lemma(child)
        if child.dep_ in ("compound", "amod", "nmod") and lemma in rule.exclude_modifiers:
            return True
        if child.dep_ in ("dobj", "nsubjpass") and lemma in rule.exclude_objects:
            return True
        if child.dep_ == "nsubj" and lemma in rule.exclude_objects and not _objects(token):
            return True  # "the aid package the president signed", parsed as its subject
        if child.dep_ in ("prt", "advmod") and lemma in rule.exclude_particles:
            return True
        if child.dep_ == "prep" and lemma in rule.exclude_preps:
            return True
        if child.dep_ == "nummod" and rule.exclude_counted:
            return True
        if child.dep_ == "prep" and lemma in rule.exclude_prep_preps and any(
            _lemma(g) in rule.exclude_prep_objects
            for o in child.children
            if o.dep_ == "pobj"
            for g in (o, *o.conjuncts)
        ):  # "the battle for freedom", "an attack on democracy": a figure of speech
            return True
    return False


def _verb_read_as_noun(token: Token) -> bool:
    """A plural noun the parser made the root of a sentence without a verb, under a name
    and before "about" or "to" ("The IMF talks about burden sharing"): a verb in the third
    person, not the noun ("talks on a truce in X", a headline, stays a noun)."""
    return (
        token.dep_ == "ROOT"
        and token.tag_ == "NNS"
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)
        and any(c.dep_ == "prep" and c.lower_ in ("about", "to") for c in token.rights)
        and not any(t.pos_ in ("VERB", "AUX") and t.head is token for t in token.sent)
    )


FUTURE = "future"
HYPOTHETICAL = "hypothetical"


def is_irrealis(token: Token, vocab: EventVocab) -> bool:
    """True when the trigger names a hypothetical or future happening (see module doc)."""
    return irrealis_mode(token, vocab) is not None


def irrealis_mode(token: Token, vocab: EventVocab) -> str | None:
    """None for a real happening, ``"future"`` for a scheduled one ("will hold a press
    conference", "the scheduled vote"), ``"hypothetical"`` for anything less certain
    ("could attack", "threatened to raid", "if they strike"); hypothetical wins."""
    found: str | None = None
    for lemma, kind in _irrealis_words(token, vocab):
        future = {
            "modal": vocab.future_modals,
            "verb": vocab.future_verbs,
            "modifier": vocab.future_modifiers,
        }.get(kind, frozenset())
        if lemma not in future:
            return HYPOTHETICAL
        found = FUTURE
    return found


def _irrealis_words(token: Token, vocab: EventVocab) -> list[tuple[str, str]]:
    """The (word, kind) pairs that make ``token`` irrealis, from the trigger upwards."""
    out = [
        (_lemma(c), "modifier")
        for c in token.children
        if c.dep_ in ("amod", "compound") and _lemma(c) in vocab.irrealis_modifiers
    ]
    top = token
    for _ in range(3):  # "ahead of a council [of X] meeting": the parser may coordinate
        if top.dep_ not in ("conj", "compound", "appos"):
            break
        top = top.head
    prep = top.head if top.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and _lemma(prep.head) in vocab.ahead_words:
        out.append((_lemma(prep.head), "modifier"))  # "ahead of Thursday's summit"
    out += [  # "further meetings scheduled on Tuesday", "talks planned for May"
        (c.lower_, "modifier")
        for c in token.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in vocab.irrealis_modifiers
    ]
    if token.dep_ == "nsubj" and _pos(token) == "noun" and token.head.pos_ in ("VERB", "AUX"):
        # "negotiations would only lead to ...": the talks are as unreal as their verb
        out += [
            (c.lower_, "modal")
            for c in token.head.children
            if c.dep_ in ("aux", "auxpass") and c.lower_ in vocab.modals
        ]
        # "negotiations with X were impossible", "talks remain out of the question": the
        # copula's complement says they are not held
        if _lemma(token.head) in ("be", "remain"):
            out += [
                (_lemma(c), "adjective")
                for c in token.head.children
                if c.dep_ == "acomp" and _lemma(c) in vocab.irrealis_adjectives
            ]
            verb = token.head
            tail = token.doc[verb.i + 1 : verb.right_edge.i + 1].text.lower().lstrip(" \"'“‘")
            out += [(p, "ruled out") for p in vocab.ruled_out_phrases if tail.startswith(p)]
    out += _habitual_words(token, vocab)
    current, came_by = token, ""
    for _ in range(8):
        lemma = _lemma(current)
        if current is token or current.pos_ in ("VERB", "AUX"):
            out += [
                (c.lower_, "modal")
                for c in current.children
                if c.dep_ in ("aux", "auxpass") and c.lower_ in vocab.modals
            ]
        # "if they strike", "whether by sending troops or attacking": the parser may hang
        # the mark on a preposition
        out += [
            (c.lower_, "conditional")
            for c in current.children
            if c.dep_ == "mark" and c.lower_ in vocab.conditional_marks
        ]
        # "the second attack comes when X joins the war": a when-clause in the simple
        # present states a case, not a time
        out += [
            ("when", "conditional")
            for c in current.children
            if c.dep_ in ("advcl", "relcl") and c.tag_ in ("VBZ", "VBP")
            and any(w.dep_ == "advmod" and w.lower_ in vocab.when_words for w in c.children)
        ]  # fmt: skip
        if current is not token:
            if current.pos_ == "VERB" and lemma in vocab.irrealis_verbs:
                out.append((lemma, "verb"))
            if current.pos_ == "VERB" and lemma in vocab.prospect_verbs and _is_present(current):
                out.append((lemma, "prospect"))  # "he faces a battle to retake X"
            if current.pos_ == "NOUN" and lemma in vocab.irrealis_nouns and came_by in (
                "prep", "acl", "xcomp", "relcl", "compound", "advcl",
            ):  # fmt: skip
                out.append((lemma, "noun"))
            if current.pos_ == "ADJ" and lemma in vocab.irrealis_adjectives and came_by in (
                "prep", "xcomp",
            ):  # fmt: skip  # "open to meeting again", "ready to attack"
                out.append((lemma, "adjective"))
            if lemma == "be" and came_by == "xcomp":  # "it is possible to attack X"
                out += [
                    (_lemma(c), "adjective")
                    for c in current.children
                    if c.dep_ == "acomp" and _lemma(c) in vocab.irrealis_adjectives
                ]
        if current.head is current or not _climbs(current, vocab):
            break
        came_by, current = current.dep_, current.head
    return out


def _is_present(verb: Token) -> bool:
    """A verb in the simple present ("faces", "await"), or a present progressive."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


def _habitual_words(token: Token, vocab: EventVocab) -> list[tuple[str, str]]:
    """``habitual_adverbs`` on the trigger or the verb that governs a noun trigger ("Russia
    still attended summits", "the council regularly meets"): a habit, not a happening."""
    hosts = [token]
    if _pos(token) == "noun":
        verb = _governing_verb(token)
        if verb is not None and token.dep_ in _SUBJECTS + _OBJECTS:
            hosts.append(verb)
    return [
        (c.lower_, "habitual")
        for host in hosts
        for c in host.children
        if c.dep_ == "advmod" and c.lower_ in vocab.habitual_adverbs
    ] + [  # "frequent strikes on X" (plural: "a regular call with journalists" is one)
        (c.lower_, "habitual")
        for c in token.children
        if c.dep_ == "amod" and token.tag_ == "NNS" and c.lower_ in vocab.habitual_adjectives
    ]


def _climbs(token: Token, vocab: EventVocab) -> bool:
    """Whether the irrealis check looks past ``token`` to its head."""
    dep = token.dep_
    if dep in (
        "dobj", "pobj", "prep", "pcomp", "xcomp", "conj", "attr", "acl", "ccomp", "agent", "oprd",
    ):  # fmt: skip
        return True
    if dep in ("relcl", "acl") and _infinitive(token):
        return True  # "a pretext to invade X": what the noun is for has not happened
    if dep == "advcl" and _present_time_clause(token, vocab):
        return True  # "will continue on Wednesday, when X meets Y": the head's mood
    if dep == "advcl":  # "if X came to meet him": the purpose clause shares its head's mood,
        # as does a participle clause ("will travel to X, meeting Y on Thursday")
        return _is_participle_clause(token) or _has_to(token)
    if dep == "nsubjpass":  # "the congress will be held", "elections are scheduled"
        head = _lemma(token.head)
        return head in vocab.light_verbs or head in vocab.irrealis_verbs
    return False


def _has_to(verb: Token) -> bool:
    """Whether ``verb`` has the infinitive marker "to" ("to meet", "to vote against")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive(verb: Token) -> bool:
    """A to-infinitive in its base form ("to invade", "to meet")."""
    return verb.tag_ == "VB" and _has_to(verb)


def _present_time_clause(verb: Token, vocab: EventVocab) -> bool:
    """A clause of time in the simple present ("before X signs it", "when Y meets Z",
    ``temporal_marks``): English tells a time still ahead so; it is as real as its head."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in vocab.temporal_marks for c in verb.children
    )


def _series(token: Token, vocab: EventVocab) -> bool:
    """A counted series of happenings ("almost a dozen meetings", "dozens of sessions,
    meetings", "voted on numerous resolutions": ``series_counts``): no one happening. For a
    verb trigger, its plural objects are looked at."""
    nouns = [token]
    if token.pos_ == "VERB":
        nouns = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        nouns += [  # "voted on numerous resolutions" (not "set up with many fighters")
            g for c in token.children if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children if g.dep_ == "pobj"
        ]  # fmt: skip
    for noun in nouns:
        if noun.tag_ not in ("NNS", "NNPS"):
            continue
        if any(
            c.dep_ in ("nummod", "amod", "quantmod", "det") and _lemma(c) in vocab.series_counts
            for c in noun.children
        ):
            return True
        head = noun
        while head.dep_ == "conj" and head.head is not head:  # "sessions, meetings and ..."
            head = head.head
        prep = head.head if head.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "of" and (
            _lemma(prep.head) in vocab.series_counts or prep.head.lower_ in vocab.series_counts
        ):
            return True
    return False


def _campaign(token: Token, vocab: EventVocab) -> bool:
    """A noun trigger measured as lasting ``campaign_days`` or more ("our 114 days of
    attack", "after nine years of occupation"): a campaign, not one happening."""
    if not vocab.campaign_days or _pos(token) != "noun" or token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return False
    unit = prep.head
    count = next((c for c in unit.children if c.dep_ == "nummod"), None)
    if count is None:
        return False
    number = count.text.replace(",", "")
    found = (
        (_lemma(unit), int(number)) if number.isdigit() else measure_offset(f"{count.text} {unit.text}")
    )
    if found is None:
        return False
    per = {"day": 1, "week": 7, "month": 30, "year": 365}.get(found[0])
    return per is not None and found[1] * per >= vocab.campaign_days


# --------------------------------------------------------------------------- frames


@dataclass(slots=True)
class _Frame:
    trigger: Token
    anchors: list[Token]
    slots: set[int]  # token indices whose mentions are participants
    objects: set[int]  # objects of the anchors (dates/places may attach to them)
    doers: set[int] = field(default_factory=set)  # who does it (``needs_subject`` checks)
    #: when-clauses that tell how it happened ("began on Sunday, when X crossed near Y")
    whens: list[Token] = field(default_factory=list)
    targets: set[int] = field(default_factory=set)  # "X came under shelling": X was hit


def _frame(trigger: Token, vocab: EventVocab) -> _Frame:
    """Anchors, participant slots and objects of one trigger."""
    anchors = [trigger]
    slots: set[int] = set()
    doers: set[int] = set()
    targets: set[int] = set()
    foreign: set[int] = set()  # anchors whose objects belong to another happening
    if trigger.pos_ == "VERB":
        slots |= _verb_slots(trigger, vocab.participant_preps)
        doers |= {c.i for c in trigger.children if c.dep_ == "nsubj"}
        if not any(c.dep_ in _SUBJECTS and c.pos_ != "PRON" for c in trigger.children):
            if _shares_subject(trigger) and trigger.head.pos_ in ("VERB", "AUX"):
                doers |= {c.i for c in trigger.head.children if c.dep_ in _SUBJECTS}
            antecedent = _antecedent(trigger)
            if antecedent is not None:
                doers.add(antecedent.i)
            doers |= {t.i for t in _speakers(trigger, vocab)}
            if trigger.dep_ == "conj":
                doers |= {t.i for t in _speakers(trigger.head, vocab)}
            if trigger.dep_ == "pcomp" and trigger.tag_ == "VBG" and trigger.head.dep_ == "prep":
                host = trigger.head.head  # "Since invading X in 2022, Y has ...": Y invaded
                blamed = [c for c in host.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
                if host.pos_ in ("VERB", "AUX") and blamed and trigger.head.lower_ in ("of", "for"):
                    doers |= {c.i for c in blamed}  # "Y accused X of attacking Z": X
                elif host.pos_ in ("VERB", "AUX"):
                    doers |= {c.i for c in host.children if c.dep_ == "nsubj" and c.pos_ != "PRON"}
        if trigger.dep_ == "acl":  # "the Regiment, formed by volunteers"
            slots.add(trigger.head.i)
            if trigger.tag_ == "VBD":  # "X, the Y Regiment, split from Z": a main verb
                doers.add(trigger.head.i)  # the parser hung on the name before it
            if trigger.head.dep_ == "attr":  # "X is a group founded in 2019"
                slots |= {c.i for c in trigger.head.head.children if c.dep_ == "nsubj"}
        for i in list(doers):  # "Irina Volkova, a deputy who founded X"
            if trigger.doc[i].dep_ == "appos":
                doers.add(trigger.doc[i].head.i)
        slots |= doers
        owner = _clause_owner(trigger)
        if owner is not None and any(o.lower_ == "it" for o in _objects(trigger)):
            slots.add(owner.i)  # "the Legion, led by X since he founded it"
    else:
        slots |= {c.i for c in trigger.children if c.dep_ in ("poss", "compound")}
        slots |= _prep_objects(trigger, vocab.noun_participant_preps)
        if trigger.dep_ == "pobj" and trigger.head.lower_ in vocab.noun_agent_preps:
            slots.add(trigger.head.head.i)  # "the groups behind the raid"
        verb = _governing_verb(trigger)
        if verb is not None and _lemma(verb) in vocab.sequence_verbs and trigger.dep_ in _SUBJECTS:
            verb = None  # "the roundtable follows last month's raids": another happening
        company = _company_prep(trigger, vocab)
        if verb is not None and company is not None and company.lower_ in vocab.before_words:
            verb = None  # "X and Y declared before the invasion that ...": another happening
        if verb is not None:
            anchors.append(verb)
            if _lemma(verb) in vocab.light_verbs:
                slots |= _verb_slots(verb, vocab.participant_preps) - {trigger.i}
                slots |= {t.i for t in _speakers(verb, vocab)}
            elif _company_prep(trigger, vocab) is not None:
                # "the council approved the budget after a meeting": the council met
                slots |= {
                    c.i for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"
                }
                # "discussed the war in X during talks": X is not where the talks were
                foreign.add(verb.i)
        # "the raid, which began on Monday near X", "the capture, announced on 3 May":
        # the clause dates and places it
        anchors += [
            c for c in trigger.children
            if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and not _other_happening(c, trigger, vocab)
        ]  # fmt: skip
        if trigger.dep_ == "pobj" and trigger.head.lower_ in vocab.target_subject_preps:
            verb = trigger.head.head  # "X came under heavy shelling"
            targets = {c.i for c in verb.children if c.dep_ in _SUBJECTS}
    # a when-clause hanging on a noun's verb tells who did it ("the offensive began on
    # Sunday, when X attacked Y")
    hanging = _hanging_whens(anchors, vocab) if trigger.pos_ != "VERB" else []
    for clause in hanging:
        slots |= _verb_slots(clause, vocab.participant_preps)
    anchors += _when_clauses(anchors, vocab)
    objects = {o.i for a in anchors if a.i not in foreign for o in a.children if o.dep_ in _OBJECTS}
    objects |= {
        o.i for a in anchors for o in a.children if o.dep_ in _SUBJECTS and a is not trigger
    }
    # "formed a new umbrella, the X Coordination, in April": the apposition's date is the object's
    objects |= {c.i for o in list(objects) for c in _appositions(trigger.doc[o])}
    if trigger.pos_ == "VERB" and trigger.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.tag_ == "WDT" for c in trigger.children
    ):  # "the X Declaration of April 2023, which Y signed": what was signed is dated
        objects.add(trigger.head.i)
    slots |= targets
    return _Frame(trigger, anchors, slots, objects, doers, hanging, targets)


def _other_happening(clause: Token, noun: Token, vocab: EventVocab) -> bool:
    """A participle or relative clause of a noun trigger whose verb is a trigger of another
    event type ("the forum, co-founded in 2016 by X, opened today": the founding's date is
    not the forum's)."""
    return any(
        rule.pos == "verb" and rule.type != _noun_type(noun, vocab) and _lemma(clause) in rule.lemmas
        and not rule.child_deps and not rule.preps and not rule.subject_lemmas
        for rule in vocab.rules
    )


def _noun_type(noun: Token, vocab: EventVocab) -> str | None:
    """The event type of the first noun rule whose lemmas hold ``noun``'s lemma."""
    return next((r.type for r in vocab.rules if r.pos == "noun" and _lemma(noun) in r.lemmas), None)


def _company_prep(noun: Token, vocab: EventVocab) -> Token | None:
    """The "after/during/..." a noun trigger is the object of, directly or through a
    measure ("during five hours of talks"), or None."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "during [five hours] of talks"
    return prep if prep is not None and prep.lower_ in vocab.company_preps else None


def _shares_subject(verb: Token) -> bool:
    """A verb without its own subject that takes its head's: "met and agreed", "wants
    to meet", "made a trip to Kyiv to meet X" (an infinitive purpose clause)."""
    if verb.dep_ in ("conj", "xcomp"):
        return True
    return verb.dep_ == "advcl" and (
        _is_participle_clause(verb) or _has_to(verb)
    )


def _is_participle_clause(verb: Token) -> bool:
    """A participle clause without subject or conjunction: "Formed in 2022, the group ..."
    (its subject is the main clause's)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in _SUBJECTS + ("mark",) for c in verb.children)
    )


def _subject_participle(verb: Token) -> bool:
    """A present participle describing the subject of a clause: "leaders meeting in
    Brussels agreed ..." (the meeting happens in the clause's time)."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.dep_ in ("nsubj", "nsubjpass")
        and verb.head.head.pos_ in ("VERB", "AUX")
    )


def _when_clauses(anchors: list[Token], vocab: EventVocab) -> list[Token]:
    """Clauses that share the anchors' time: "began on Sunday, when a column crossed near X"
    (the when-clause places the event) and "renamed last Tuesday, when the mayor unveiled"
    (the main clause dates the event told in the when-clause)."""
    found: list[Token] = []
    for anchor in anchors:
        for clause in [c for c in anchor.children if c.dep_ in ("advcl", "relcl")] + [anchor]:
            if clause is anchor and anchor.dep_ not in ("advcl", "relcl"):
                continue
            if any(c.lower_ in vocab.when_words and c.dep_ == "advmod" for c in clause.children):
                other = clause if clause is not anchor else clause.head
                if other not in anchors and other not in found:
                    found.append(other)
    found += [c for c in _hanging_whens(anchors, vocab) if c not in found and c not in anchors]
    return found


def _hanging_whens(anchors: list[Token], vocab: EventVocab) -> list[Token]:
    """When-clauses that hang on an anchor, directly or on its date ("began on 27 May,
    when X attacked Y"): they tell how the anchors' event happened."""
    heads = list(anchors)
    heads += [g for a in anchors for c in a.children if c.dep_ == "prep" for g in c.children
              if g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")]  # fmt: skip
    return [
        clause
        for head in heads
        for clause in head.children
        if clause.dep_ in ("advcl", "relcl")
        and clause.pos_ == "VERB"
        and any(c.lower_ in vocab.when_words and c.dep_ == "advmod" for c in clause.children)
    ]


def _clause_owner(verb: Token) -> Token | None:
    """The noun a clause nested in a noun's modifier is about: "the Legion, led by X
    since he founded it" -> Legion (what "it" stands for)."""
    current = verb
    for _ in range(3):
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if current.dep_ not in ("advcl", "ccomp", "conj") or current.head is current:
            return None
        current = current.head
    return None


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
            # "the conflict sparked by X's invasion": the agent's participle
            return head if current.dep_ in _SUBJECTS + _OBJECTS + ("prep", "pobj", "agent") else None
        if current.dep_ not in ("pobj", "prep"):
            return None
        current = head
    return None


def _climb(token: Token, vocab: EventVocab) -> list[Token]:
    """A name's token and the tokens it stands for: heads of its compound/conj/appos
    chain, and the member noun of "fighters of X" / "delegates from X" / "X's fighters"."""
    path = [token]
    for _ in range(6):
        head = token.head
        if head is token:
            break
        if token.dep_ in _CLIMB and head.pos_ in ("NOUN", "PROPN", "PRON"):
            token = head
        elif token.dep_ == "appos" and head.pos_ == "ADJ":  # "the largest of them, X, was"
            token = head
        elif (
            token.dep_ == "pobj"
            and head.lower_ in vocab.member_preps
            and _lemma(head.head) in vocab.member_nouns
        ):
            token = head.head
        elif token.dep_ == "poss" and _lemma(head) in vocab.member_nouns:
            token = head
        else:
            break
        path.append(token)
    return path


@dataclass(frozen=True, slots=True)
class _Name:
    """A name (or a reference resolved to one) in the parse: which mention, where."""

    id: str
    type: str
    root: Token
    start: int
    end: int


def _persons_after(token: Token, preps: frozenset[str], names: list[_Name]) -> list[str]:
    """The person names that are objects of one of ``preps`` on ``token`` (coordinated
    objects too), unless the talk is an interview ("the BBC's X", "Speaking to X, Y
    said", "We spoke to her")."""
    objects = {
        o.i
        for c in _prep_children(token)
        if c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
        for o in (g, *g.conjuncts)
    }
    if token.tag_ == "VBG" and token.dep_ == "advcl":
        return []  # "Speaking to CNN's X, Y said": the setting of a statement, an interview
    if any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children):
        return []  # "We spoke to her about the raids": the outlet's interview
    return [
        n.id
        for n in names
        if n.type == "person"
        and n.root.i in objects
        and not any(c.dep_ == "poss" for c in n.root.children)  # "the BBC's X": a reporter
    ]


def _participants(frame: _Frame, names: list[_Name], vocab: EventVocab) -> list[str]:
    found: list[str] = []
    for name in names:
        if name.type in ACTOR_TYPES and name.id not in found:
            if any(t.i in frame.slots for t in _climb(name.root, vocab)):
                found.append(name.id)
    return found


def _subject_fits(frame: _Frame, rule: TriggerRule, names: list[_Name], vocab: EventVocab) -> bool:
    """``needs_subject``: the doer is a name of one of the types or a noun of the lemmas."""
    if not (rule.subject_types or rule.subject_lemmas):
        return True
    doc = frame.trigger.doc
    if any(_lemma(doc[i]) in rule.subject_lemmas for i in frame.doers):
        return True
    if "organization" in rule.subject_types and any(is_acronym(doc[i]) for i in frame.doers):
        return True  # "HTS broke away from X": a short name the mention finder missed
    return any(
        name.type in rule.subject_types and any(t.i in frame.doers for t in _climb(name.root, vocab))
        for name in names
    )


def _place(frame: _Frame, names: list[_Name], vocab: EventVocab, type_: str = "") -> str | None:
    """The first location mention that says where the event happened (module doc, step 3).

    ``type_`` adds the type's target prepositions ("attacks against X", "the battle for
    X") and, for attacks and the like, skips a location owning the trigger ("Iran's
    attack on Israel": Iran did it, Israel is where).
    """
    trigger = frame.trigger
    heads = {a.i for a in frame.anchors} | frame.slots | frame.objects
    heads |= {c.i for a in frame.anchors for c in a.children if c.dep_ == "npadvmod"}
    # "near Kozinka, where it crossed the border": the noun a where-clause modifies;
    # "Volgograd, which was renamed": the noun the trigger's clause describes
    wheres = {
        a.head.i
        for a in frame.anchors
        if a.dep_ == "relcl" and any(c.lower_ in vocab.where_words for c in a.children)
    }
    if trigger.pos_ == "VERB" and (
        trigger.dep_ == "acl"
        or (
            trigger.dep_ == "relcl"
            and any(c.dep_ in ("nsubjpass", "dobj") and c.tag_ == "WDT" for c in trigger.children)
        )
    ):  # "Volgograd, which was renamed", "the town shelled by": the place it happened to
        wheres.add(trigger.head.i)
    preps = vocab.place_preps | vocab.target_place_preps.get(type_, frozenset())
    own = {"dobj", "nsubjpass"} | ({"poss"} if type_ not in vocab.doer_possessor_types else set())
    text = trigger.doc.text
    for name in names:
        if name.type not in PLACE_TYPES:
            continue
        if _names_region_of_place(name.root, names, vocab):
            continue  # "the Donetsk town of Bakhmut": the town is where, not its region
        token = _climb(name.root, vocab)[-1]
        if token.i == trigger.i:  # "the Belgorod raid", but "US-Russia talks" name two sides
            if not _paired(text, name.start, name.end):
                return name.id
            continue
        if token.i in wheres or token.i in frame.targets:
            return name.id
        if token.dep_ in own and token.head.i == trigger.i:
            return name.id
        climbed = False
        for _ in range(4):
            if token.dep_ != "pobj":
                break
            prep = token.head
            if prep.lower_ in preps and prep.head.i in heads:
                return name.id
            if climbed and prep.head.i == trigger.i and prep.lower_ in vocab.participant_preps | {"to"}:
                return name.id  # "talked to X in Y", "talks with X in Y": the parse hangs "in Y" on X
            if prep.lower_ != "of" and prep.lower_ not in vocab.place_preps:
                break
            climbed = climbed or prep.lower_ in vocab.place_preps
            token = prep.head  # "the village of X", "at a congress in X"
            if prep.lower_ == "of" and token.lower_ in vocab.direction_words and token.head.i in heads:
                return name.id  # "attacked positions west of X"
            if prep.lower_ == "of" and token.i == trigger.i and _pos(trigger) == "noun":
                return name.id  # "the invasion of Finland", "the battle of X"
            if token.dep_ in ("dobj", "nsubjpass") and token.head.i == trigger.i:
                return name.id
    return None


def _names_region_of_place(root: Token, names: list[_Name], vocab: EventVocab) -> bool:
    """A location modifying a place noun that names its own place by "of" ("the Donetsk
    town of X": ``place_nouns``)."""
    noun = root.head
    if root.dep_ not in ("compound", "amod") or _lemma(noun) not in vocab.place_nouns:
        return False
    places = {n.root.i for n in names if n.type in PLACE_TYPES}
    return any(
        g.i in places
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _sides(frame: _Frame, names: list[_Name]) -> bool:
    """Whether hyphenated places name the trigger's sides ("US-Russia talks"): such a
    reading tells a happening even without a named participant."""
    text = frame.trigger.doc.text
    return any(
        name.type in PLACE_TYPES
        and name.root.head.i == frame.trigger.i
        and name.root.dep_ == "compound"
        and _paired(text, name.start, name.end)
        for name in names
    )


def _paired(text: str, start: int, end: int) -> bool:
    """A name hyphenated with another ("US-Russia talks", "Russia-Nato conflict")."""
    return (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-")


def _date_root(ent: Span) -> Token:
    """The noun a date entity belongs to: "Monday" in "the early hours of Monday" -> hours."""
    root = ent.root
    for _ in range(2):
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
            root = root.head.head
    return root


def _date_phrase(ent: Span) -> str:
    """A date entity as a phrase: its noun's subtree ("the summer of 2022", though spaCy
    may cut it in two) with the preposition that governs it ("in" + "March")."""
    root = _date_root(ent)
    doc = ent.doc
    start, end = min(root.left_edge.i, ent.start), ent.end
    for child in root.children:  # "the summer" + "of 2022"
        if child.lower_ == "of" and child.i >= ent.start:
            end = max(end, child.right_edge.i + 1)
    if end - start > 8:
        start, end = ent.start, ent.end
    if root.dep_ == "pobj" and root.head.i == start - 1:
        start -= 1
    written = _written_day_before(ent)
    if written is not None:  # "the February 24, 2022 invasion": spaCy tags two dates
        return doc[written : ent.end].text
    if len(ent) == 1 and is_month_name(ent.text) and root.dep_ in ("compound", "nmod", "amod"):
        return f"in {ent.text}"  # "the March raid": a month modifying a noun dates it
    if ent.text.lower() in ("this day", "the same day"):  # "this day back in 1991"
        tail = [t.lower_ for t in doc[end : end + 3]]
        skip = 1 if tail[:1] == ["back"] else 0
        if tail[skip : skip + 1] == ["in"] and end + skip + 1 < len(doc):
            year = doc[end + skip + 1]
            if year.ent_type_ == "DATE" and year.like_num:
                end = year.i + 1
    return doc[start:end].text


def _written_day_before(ent: Span) -> int | None:
    """The first token of "February 24" when ``ent`` is the year of "February 24, 2022"
    and spaCy tagged the day and the year apart; else None."""
    doc = ent.doc
    if len(ent) != 1 or not (ent.text.isdigit() and len(ent.text) == 4) or ent.start < 3:
        return None
    comma, day, month = doc[ent.start - 1], doc[ent.start - 2], doc[ent.start - 3]
    if comma.text != "," or not (day.text.isdigit() and len(day.text) <= 2):
        return None  # (spaCy may tag "the February 24" an EVENT)
    return month.i if is_month_name(month.text.rstrip(".")) else None


def _date(
    frame: _Frame,
    sent: Span,
    published: str | None,
    bounds: tuple[int, int],
    previous: dict[int, str] | None = None,
) -> str | None:
    """The first DATE (or day-naming TIME) entity inside ``bounds`` attached to the frame
    (or to the copula of "was the first X to <trigger>")."""
    heads = {a.i for a in frame.anchors} | frame.objects | _copula_hosts(frame.trigger)
    return _date_at(heads, sent, published, bounds, previous)


def _copula_hosts(trigger: Token) -> set[int]:
    """ "who in 2014 was the only member to vote against": an infinitive trigger that
    describes the attribute of a copula happens when the copula's clause says."""
    if trigger.pos_ != "VERB" or trigger.dep_ not in ("relcl", "acl"):
        return set()
    if not _has_to(trigger):
        return set()
    noun = trigger.head
    if noun.dep_ == "attr" and noun.head.pos_ in ("AUX", "VERB") and _lemma(noun.head) in (
        "be", "become", "remain",
    ):  # fmt: skip
        return {noun.head.i}
    return set()


def _date_at(
    heads: set[int],
    sent: Span,
    published: str | None,
    bounds: tuple[int, int],
    previous: dict[int, str] | None = None,
) -> str | None:
    """The first date entity attached to ``heads`` that resolves (see :func:`_attached_dates`),
    or a later one that narrows it ("One year ago, on 23 August 2021" -> 2021-08-23)."""
    found: str | None = None
    for ent, root in _attached_dates(heads, sent, bounds):
        before = (previous or {}).get(ent.start)
        resolved = resolve_date(_date_phrase(ent), published, before)
        if resolved is None and root is not ent.root:  # "the uprising of 1863"
            resolved = resolve_date(ent.text, published, before)
        if resolved is None:
            continue
        if found is None:
            found = resolved
        elif resolved.startswith(found) and len(resolved) > len(found):
            found = resolved
    return found


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE) if phrases else None


def date_entities(sent: Span, vocab: EventVocab | None = None) -> list[Span]:
    """The DATE/TIME entities of ``sent``, plus the date phrases of the vocabulary
    (``date_phrases``: "the same day", "in the autumn", "a week later") that spaCy did not
    tag, in text order."""
    vocab = vocab or load_event_vocab()
    ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    taken = {t.i for e in ents for t in e}
    pattern = _phrase_pattern(vocab.date_phrases)
    if pattern is not None:
        for match in pattern.finditer(sent.text):
            span = sent.doc.char_span(
                sent.start_char + match.start(), sent.start_char + match.end(),
                label="DATE", alignment_mode="contract",
            )  # fmt: skip
            if span is None or not len(span) or any(t.i in taken for t in span):
                continue
            ents.append(span)
            taken |= {t.i for t in span}
    return sorted(ents, key=lambda e: e.start)


def _attachment(ent: Span) -> tuple[Token, Token] | None:
    """(the token a date entity is attached to, the date's noun), or None."""
    root = _date_root(ent)
    doc = ent.doc
    last = doc[ent.end - 1]
    if (
        len(ent) > 1
        and last.text.isdigit()
        and len(last.text) == 4
        and last.dep_ in ("nummod", "compound")
        and last.head.i == ent.end
        and last.head.pos_ == "NOUN"
    ):  # "the March 3, 2021 invasion": the parser hung the day elsewhere, the year on the noun
        return last.head, last
    if root.dep_ == "poss" and ent.start > 0 and (ent.end == len(doc) or doc[ent.end].tag_ != "POS"):
        prep = doc[ent.start - 1]  # "In [October 2022] [X's parliament] voted": the parser
        if prep.dep_ == "prep" and root.head.dep_ == "pobj" and root.head.head.i == prep.i:
            return prep.head, root  # took the date for the possessor of the next noun
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        host = root.head.head
        if host.dep_ == "advmod" and host.pos_ == "ADV" and host.head.pos_ in ("VERB", "AUX"):
            host = host.head  # "signed late on Saturday": the adverb only narrows the time
        return host, root
    if root.dep_ in ("npadvmod", "tmod", "advmod", "nmod", "appos", "poss"):
        return root.head, root  # "poss": "last week's attack", "Sunday's vote"
    if root.dep_ == "prep" and root.i == ent.start:  # "between 3 and 5 May"
        return root.head, root
    if root.dep_ in ("nummod", "compound") and root.head.pos_ == "NOUN":
        return root.head, root  # "the 2021 coup", "the March incursion"
    if root is not ent.root:  # "the uprising of 1863": the date's noun is an anchor
        return root, root
    return None


def _attached_dates(heads: set[int], sent: Span, bounds: tuple[int, int]) -> list[tuple[Span, Token]]:
    """DATE/TIME entities inside ``bounds`` attached to one of ``heads``, with their noun."""
    found = []
    for ent in date_entities(sent):
        if not (bounds[0] <= ent.start_char and ent.end_char <= bounds[1]):
            continue
        hit = _attachment(ent)
        if hit is None:
            continue
        attached, root = hit
        if root.dep_ in ("npadvmod", "tmod", "advmod"):
            attached = _adverbial_host(attached, heads)
        if attached.i in heads or root.i in heads:  # "on Tuesday, when X unveiled ..."
            found.append((ent, root))
    return found


def _adverbial_host(noun: Token, heads: set[int]) -> Token:
    """An adverbial date ("two months ago", "last year") the parser hung on the object of
    a preposition ("crossed into the regions two months ago") dates the verb that
    governs the preposition: a noun is not "ago"."""
    current = noun
    if noun.dep_ == "amod" and noun.pos_ == "VERB" and noun.head.dep_ in _SUBJECTS + _OBJECTS:
        # "this week sweeping changes were agreed": a date does not qualify a participle
        # modifier; it dates the clause of the noun it modifies
        verb = noun.head.head
        return verb if verb.i in heads else noun
    for _ in range(2):
        if current.dep_ != "pobj" or current.head.dep_ != "prep":
            break
        current = current.head.head
        if current.i in heads:
            return current
    return noun


def _shifted_date(
    frame: _Frame,
    sent: Span,
    published: str | None,
    bounds: tuple[int, int],
    vocab: EventVocab,
    previous: dict[int, str] | None = None,
) -> str | None:
    """ "X said on Friday they were inside Y, a day after they crossed the border": a
    trigger in an after/before clause measured in days, weeks, months or years is dated
    from the date of the clause it hangs on (that clause's date, its reporting verb's, or
    for a participle or coordinated clause its head's), shifted by the measure at the
    precision the measure allows ("ten months after" -> a month)."""
    for anchor in frame.anchors:
        found = _measured_clause(anchor, vocab)
        if found is None:
            continue
        ref, unit, step = found
        date = _date_at({ref.i}, sent, published, bounds, previous)
        reporter = _reporting_verb(ref, vocab) if ref.dep_ == "ccomp" else None
        if date is None and reporter is not None:
            date = _date_at({reporter.i}, sent, published, bounds, previous)
        if date is None and (_is_participle_clause(ref) or _shares_time(ref, vocab)
                             or (ref.dep_ in ("acl", "xcomp") and ref.tag_ == "VBG")):
            date = _date_at({ref.head.i}, sent, published, bounds, previous)  # fmt: skip
        if date is None and step < 0 and _told_now(ref):
            # "three weeks after the rebels took X, residents say ...": three weeks ago
            count, name = -step, unit
            if unit == "day" and count % 7 == 0:
                count, name = count // 7, "week"
            return resolve_date(f"{count} {name}s ago", published)
        if date is None:
            return None
        return shift_date(date, unit, step)
    return None


def _told_now(verb: Token) -> bool:
    """A main clause in the present ("residents say", "the villages are quieter", "the
    front has barely moved"): it speaks at the publication's time."""
    if verb.dep_ != "ROOT":
        return False
    if verb.tag_ in ("VBP", "VBZ"):
        return True
    return any(c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _measured_clause(anchor: Token, vocab: EventVocab) -> tuple[Token, str, int] | None:
    """(the clause an after/before phrase hangs on, unit, signed count) for "a day after
    they crossed" (advcl with a measure and a mark), "a day after launching a raid" (pcomp)
    and "two days after the raid" (pobj); None otherwise."""
    sign = {w: -1 for w in vocab.after_words} | {w: 1 for w in vocab.before_words}
    if anchor.dep_ == "advcl":  # "..., a day after they crossed"
        mark = next((c for c in anchor.children if c.dep_ in ("mark", "prep") and c.lower_ in sign), None)
        measure = next((c for c in anchor.children if c.dep_ == "npadvmod"), None)
        if measure is None and mark is not None:  # "taking place a day after they attended"
            measure = next(
                (c for c in anchor.head.children
                 if c.dep_ == "npadvmod" and c.right_edge.i == mark.i - 1),
                None,
            )  # fmt: skip
        if mark is not None and measure is not None:
            found = _measure(measure)
            return (anchor.head, found[0], sign[mark.lower_] * found[1]) if found else None
        return None
    if anchor.dep_ in ("pcomp", "pobj") and anchor.head.lower_ in sign:
        prep = anchor.head  # "a day after launching", "two days after the raid"
        measure = prep.head
        if measure.dep_ == "npadvmod" and prep.dep_ == "prep":
            found = _measure(measure)
            if found:
                return measure.head, found[0], sign[prep.lower_] * found[1]
    return None


def _measure(measure: Token) -> tuple[str, int] | None:
    """The shift a measure noun and its modifiers name ("a day" -> ("day", 1), "ten
    months" -> ("month", 10))."""
    words = [c for c in measure.children if c.dep_ in ("det", "nummod") and c.i < measure.i]
    return measure_offset(" ".join([*(w.text for w in words), measure.text]))


def previous_dates(sdoc: Doc, published: str | None, reach: int = 5) -> dict[int, str]:
    """For each DATE entity (by its first token), the last date resolved before it within
    ``reach`` sentences: what "that same year", "later that day" point back to (a year
    told in passing as a noun's modifier is skipped: :func:`_year_as_modifier`)."""
    vocab = load_event_vocab()
    out: dict[int, str] = {}
    last: tuple[int, str] | None = None
    for here, sent in enumerate(sdoc.sents):
        for ent in date_entities(sent, vocab):
            if last is not None and here - last[0] <= reach:
                out[ent.start] = last[1]
            resolved = resolve_date(_date_phrase(ent), published, out.get(ent.start))
            if resolved is None:  # "the war of 1917": the date itself still counts
                resolved = resolve_date(ent.text, published, out.get(ent.start))
            if resolved is not None and not _year_as_modifier(ent, resolved):
                last = (here, resolved)
    return out


def _year_as_modifier(ent: Span, resolved: str) -> bool:
    """A bare year that modifies a noun ("its 2014 annexation of Crimea", "the 2016
    election"): it names a past happening in passing and does not move the story's time,
    so "On March 10" after it keeps the year told before."""
    root = ent.root
    return (
        len(resolved) == 4
        and root.dep_ in ("compound", "nmod", "amod", "nummod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.i >= ent.end
    )


# --------------------------------------------------------------------------- evidence


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` breaks its lines inside sentences (fixed-width plain text), so a
    single newline is not a boundary. Blank lines always are."""
    lines = [line for line in text.splitlines() if line.strip()]
    if any(len(line) > 100 for line in lines):
        return False
    return sum(50 <= len(line) <= 100 for line in lines) >= max(3, len(lines) // 2)


def evidence_bounds(text: str, start: int, end: int, at: int, split_lines: bool = True) -> tuple[int, int]:
    """The part of ``text[start:end]`` (a sentence) holding offset ``at``, cut at blank lines
    (and at single newlines when ``split_lines``), without surrounding whitespace.

    spaCy may join a headline, a dateline and the first sentence into one "sentence";
    the evidence is only the line the trigger is on.
    """
    breaker = re.compile(r"\n" if split_lines else r"\n[ \t\r\f\v]*\n")
    for match in breaker.finditer(text, start, end):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_headline(text: str, start: int, end: int) -> bool:
    """A whole line that reads like a title (no sentence ending): never an event's evidence."""
    whole_line = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
    return whole_line and is_title_like(text[start:end], allow_question=True)


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
    headline: bool = False
    weak: bool = False  # a noun (or a ``weak`` rule): a bare reading may be a back-reference
    rule_weak: bool = False  # a ``weak`` rule: participants alone do not anchor it
    #: told in an after/before clause of another happening ("a day after they attended a
    #: gathering"): sharing a sentence does not make it that happening
    sequenced: bool = False
    #: "the incursions in May and June": one happening per date of the list
    listed_dates: list[str] = field(default_factory=list)
    #: "during the summit, X said": a definite noun with no date or place of its own
    #: points back at the last event of its type told before
    back_reference: bool = False


def _confidence(is_verb: bool, participants: bool, date: bool, place: bool) -> float:
    score = (0.6 if is_verb else 0.45) + 0.2 * participants + 0.1 * date + 0.05 * place
    return round(score, 2)


def _names(sdoc: Doc, mentions: list[Mention], doc_id: str) -> list[_Name]:
    """The document's mentions and the references resolved to them, in text order."""
    own = [m for m in mentions if m.doc == doc_id]
    by_id = {m.id: m for m in own}
    spans = [(m.start, m.end, m.id, m.type) for m in own]
    for (start, end), target in resolve_references(sdoc, own).items():
        if target in by_id:
            spans.append((start, end, target, by_id[target].type))
    names = []
    for start, end, mention_id, type_ in sorted(spans):
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            names.append(_Name(mention_id, type_, span.root, start, end))
    return names


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
    names = _names(sdoc, mentions, doc.id)
    own = [m for m in mentions if m.doc == doc.id]
    inside: set[int] = set()
    actor_tokens: set[int] = set()
    place_tokens: set[int] = set()
    for m in own:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        inside |= {t.i for t in span}
        if m.type in ("organization", "group"):
            actor_tokens |= {t.i for t in span}
        elif m.type in PLACE_TYPES:
            place_tokens |= {t.i for t in span}
    # "It was founded in 2022": a pronoun resolved to an organization is one too
    actor_tokens |= {n.root.i for n in names if n.type in ("organization", "group")}
    split_lines = not hard_wrapped(doc.text)
    previous = previous_dates(sdoc, doc.published)
    candidates: list[_Candidate] = []
    for sent in sdoc.sents:
        matches = []
        for token in sent:
            if token.i in inside:
                continue
            fits = list(match_triggers(token, vocab, actor_tokens, place_tokens))
            if fits:
                matches.append((token, fits))
        consumed = {c.i for _, fits in matches if fits[0][1] is not None for c in [fits[0][1]]}
        readings: dict[int, _Candidate | None] = {}
        for token, fits in matches:
            if token.i in consumed:
                continue
            readings[token.i] = next(
                (c for rule, _ in fits
                 if (c := _reading(token, rule, sent, doc, names, vocab, split_lines, previous))
                 is not None),
                None,
            )  # fmt: skip
        told = _told_by_other(
            [token for token, _ in matches if readings.get(token.i) is not None], vocab
        )
        candidates += [
            one
            for i, c in readings.items()
            if c is not None and i not in told
            for one in split_listed_dates(c)
        ]
    texts = {m.id: m.text for m in own}
    persons = frozenset(m.id for m in own if m.type == "person")
    merged = merge_candidates(candidates, texts, persons)
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


def _report_heads(reporter: Token) -> set[int]:
    """A reporting verb and the medium it names ("said in a statement on Tuesday": the
    date hangs on the statement)."""
    return {reporter.i} | {
        g.i
        for c in reporter.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ == "NOUN"
    }


def split_listed_dates(cand: _Candidate) -> list[_Candidate]:
    """One reading per date of its date list ("the incursions in May and June" tells two
    incursions), else the reading itself."""
    if len(cand.listed_dates) < 2:
        return [cand]
    return [replace(cand, date=date, listed_dates=[]) for date in cand.listed_dates]


def _listed_dates(
    token: Token, frame: _Frame, sent: Span, published: str | None, bounds: tuple[int, int]
) -> list[str]:
    """The dates of a date list attached to a plural noun trigger ("incursions in May and
    June", "the 2020 and 2021 coups"), or []."""
    if token.tag_ not in ("NNS", "NNPS"):
        return []
    heads = {a.i for a in frame.anchors} | frame.objects
    for ent, _ in _attached_dates(heads, sent, bounds):
        dates = conjoined_dates(_date_phrase(ent), published)
        if len(dates) >= 2:
            return dates
    return []


def _shares_time(verb: Token, vocab: EventVocab) -> bool:
    """A verb coordinated with the verb before it ("left X in May and formed Y"), with no
    subject of its own and no adverb that moves it in time ("and later joined Y")."""
    return (
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
        and not any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in vocab.sequence_adverbs
                    for c in verb.children)
    )  # fmt: skip


_LASTING = re.compile(r"^(?:a\s+|the\s+)?(\w+)\s*-?\s*days?(?:\s+long)?$", re.IGNORECASE)


def _trip_purpose(verb: Token, vocab: EventVocab) -> bool:
    """ "visited the border to meet troops", "flew to X to sign the deal": an infinitive
    of purpose on a past trip verb (``trip_verbs``)."""
    return (
        verb.dep_ in ("advcl", "xcomp")
        and _has_to(verb)
        and verb.head.tag_ == "VBD"
        and _lemma(verb.head) in vocab.trip_verbs
    )


def _lasting_days(token: Token, sent: Span, bounds: tuple[int, int]) -> int | None:
    """How many days a noun trigger lasts by its own modifier ("a two-day raid", "the
    three-day vote"), or None."""
    for ent in date_entities(sent):
        if not (bounds[0] <= ent.start_char and ent.end_char <= bounds[1]):
            continue
        hit = _attachment(ent)
        if hit is None or hit[0].i != token.i or hit[1].dep_ not in ("nmod", "amod", "compound", "nummod"):
            continue
        match = _LASTING.match(ent.text)
        found = measure_offset(f"{match.group(1)} days") if match else None
        if found is not None and found[1] > 1:
            return found[1]
    return None


def _started(token: Token, vocab: EventVocab) -> bool:
    """A noun trigger that a start verb has as subject or object ("a two-day summit began
    on Tuesday, July 11", "launched a three-day raid on Monday", ``start_verbs``): the date
    told is the first day, which dates the event."""
    return token.dep_ in ("nsubj", "nsubjpass", "dobj") and _lemma(token.head) in vocab.start_verbs


def _negated(token: Token, vocab: EventVocab) -> bool:
    """A verb trigger negated in its own clause ("it did not sign", "X said Y was not
    attacked"): reported or not, the text tells no happening. A denial of a happening
    someone else reports ("X denied that it attacked Y") is kept: the event is told, its
    doer disputed."""
    return token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children)


def _generic(frame: _Frame, vocab: EventVocab) -> bool:
    """The doer is a generic noun phrase ("one country", "any army", "no one"; "a state"
    only with a verb in the simple present: "a state that attacks its neighbours"): with
    no name, place or date, the sentence states a kind of thing, not a happening ("a
    group of fighters left it" is a particular group)."""
    trigger = frame.trigger
    present = trigger.tag_ in ("VBZ", "VBP") or (
        trigger.dep_ == "conj" and trigger.tag_ == "VB" and trigger.head.tag_ in ("VBZ", "VBP")
    )  # "shell and bomb": the second verb is tagged a bare form
    passive = [c.i for c in trigger.children if c.dep_ == "nsubjpass"]  # "every attack was"
    if (
        trigger.dep_ == "relcl"
        and passive
        and trigger.head.tag_ == "NNS"
        and not any(c.dep_ in ("nummod", "poss") for c in trigger.head.children)
    ):
        return True  # "visit the cities that have been bombed": a kind of city
    doers = list(frame.doers)
    if not doers and trigger.dep_ == "conj":  # "invaders shell and bomb cities"
        doers = [c.i for c in trigger.head.children if c.dep_ == "nsubj"]
    for i in [*doers, *passive]:
        doer = trigger.doc[i]
        if doer.pos_ == "PROPN":
            return False
        if present and doer.tag_ == "NNS" and not any(
            c.dep_ in ("det", "nummod", "poss") for c in doer.children
        ):
            return True  # "invaders shell cities": what such people do
        dets = {doer.lower_} | {
            c.lower_ for c in doer.children if c.dep_ in ("det", "nummod", "amod")
        }
        if dets & vocab.generic_determiners or (present and dets & vocab.indefinite_articles):
            return True
    return False


def _whole_war(noun: Token, place: str | None, names: list[_Name]) -> bool:
    """ "the fighting in Ukraine", "the duration of the fighting in X": a definite battle
    noun whose only detail is a country is the war as a whole, not one battle."""
    if noun.pos_ != "NOUN" or place is None:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    text = noun.doc.text
    return any(n.id == place and is_country(text[n.start : n.end]) for n in names)


def _catalogue(token: Token, vocab: EventVocab) -> bool:
    """ "in response to X's fake votes, genocide, war crimes and subjugation": a plural
    noun trigger listed among three or more nouns none of which names an event is one
    item of a list of grievances, not a happening."""
    if _pos(token) != "noun" or token.tag_ != "NNS":
        return False
    links = ("conj", "appos")  # the parser hangs a list's second noun as an apposition
    head = token
    while head.dep_ in links:
        head = head.head
    items: list[Token] = []
    todo = [head]
    while todo:
        item = todo.pop()
        items.append(item)
        todo.extend(c for c in item.children if c.dep_ in links)
    if len(items) < 3 or any(_pos(i) != "noun" for i in items):
        return False
    lemmas = {lemma for r in vocab.rules if r.pos == "noun" for lemma in r.lemmas}
    return not any(i.lemma_.lower() in lemmas for i in items if i.i != token.i)


def _own_date_hosts(noun: Token, vocab: EventVocab) -> set[int]:
    """Where a date of the trigger itself may hang: the trigger, the light verb whose
    object it is ("in March 2022 he commanded the occupation of X") and the participle
    whose agent it is ("the conflict sparked by X's invasion on 24 February": the parser
    hangs the date on "sparked")."""
    hosts = {noun.i}
    if noun.dep_ == "dobj" and _lemma(noun.head) in vocab.light_verbs:
        hosts.add(noun.head.i)
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.tag_ == "VBN":
        hosts.add(noun.head.head.i)
    return hosts


def _date_ahead(frame: _Frame, sent: Span, published: str | None, bounds: tuple[int, int]) -> str | None:
    """The date of a scheduled event read forward from publication ("will host a summit
    next month", "ahead of a summit next week": :func:`~factmap.extract.dates.resolve_ahead`)."""
    heads = {a.i for a in frame.anchors} | frame.objects
    for ent, _ in _attached_dates(heads, sent, bounds):
        resolved = resolve_ahead(_date_phrase(ent), published) or resolve_ahead(ent.text, published)
        if resolved is not None:
            return resolved
    return None


def _denied_now(token: Token, vocab: EventVocab) -> bool:
    """A noun trigger that is the subject or object of a verb negated in the present ("we
    do not see the creation of X", "talks have not brought a breakthrough"), or of a
    negated light verb in any tense ("votes were not held", "did not launch an attack"):
    the text states what is not the case, it tells no happening."""
    if _pos(token) != "noun" or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "neg" for c in verb.children):
        return False
    if _lemma(verb) in vocab.light_verbs:
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes)


def _bare_noun(token: Token, vocab: EventVocab) -> bool:
    """A singular noun trigger with no word of its own, the object of ``bare_noun_preps``
    ("damaged in combat", "killed in battle"): it names a kind of situation."""
    return (
        _pos(token) == "noun"
        and token.tag_ == "NN"
        and token.dep_ == "pobj"
        and token.head.lower_ in vocab.bare_noun_preps
        and not any(True for _ in token.children)
    )


def _told_as_past(trigger: Token) -> bool:
    """The trigger's clause is in a past tense ("was held", "attacked", "had met"); for a
    noun, the verb that governs it."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing_verb(trigger)
    if verb is None:
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes:  # the tagger's VBN for a main verb ("the unit fought next to X")
        return verb.dep_ in ("ROOT", "conj", "ccomp")
    return any(c.tag_ == "VBD" for c in auxes)


def _after(date: str, published: str | None) -> bool:
    """``date`` lies wholly after the publication date (compared at the shorter precision)."""
    if not published:
        return False
    size = min(len(date), len(published))
    return date[:size] > published[:size]


def _figurative_object(token: Token, rule: TriggerRule, names: list[_Name]) -> bool:
    """``exclude_object_types``: the direct object is a name of one of those types ("he
    bombed <a person>" is a figure of speech; a strike hits places and forces)."""
    if not rule.exclude_object_types:
        return False
    objects = {c.i for c in token.children if c.dep_ == "dobj"}
    return any(n.type in rule.exclude_object_types and n.root.i in objects for n in names)


def _object_fits(token: Token, rule: TriggerRule, names: list[_Name], vocab: EventVocab) -> bool:
    """``needs_object_types``: who the verb acts on (object or passive subject) is a name of
    one of those types ("X was killed in a car bombing" names whom; "one person was killed
    in explosions" does not)."""
    if not rule.object_types:
        return True
    objects = {c.i for c in token.children if c.dep_ in ("dobj", "nsubjpass")}
    return any(
        n.type in rule.object_types and any(t.i in objects for t in _climb(n.root, vocab))
        for n in names
    )


def _definite(token: Token) -> bool:
    """A plain noun trigger with a definite article and nothing else that tells which
    ("the summit", "the talks"; not "the 2019 summit", "the talks in X"): a back-reference."""
    if _pos(token) != "noun":
        return False
    kids = list(token.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and all(
        c.dep_ in ("det", "punct") for c in kids
    )


def _told_by_other(triggers: list[Token], vocab: EventVocab) -> set[int]:
    """Triggers in a when-clause that tells how another trigger's event happened ("the
    offensive began on 27 May, when X attacked Y": one battle, not also an attack)."""
    indices = {t.i for t in triggers}
    told: set[int] = set()
    for token in triggers:
        if _pos(token) != "noun":
            continue
        frame = _frame(token, vocab)
        told |= {c.i for c in frame.whens if c.i in indices and c.i != token.i}
    return told


def _reading(
    token: Token,
    rule: TriggerRule,
    sent: Span,
    doc: Document,
    names: list[_Name],
    vocab: EventVocab,
    split_lines: bool,
    previous: dict[int, str] | None = None,
) -> _Candidate | None:
    """One trigger's reading, or None (hypothetical, a future without a fixed date, a
    doer of the wrong kind). ``previous`` maps date entities to the date told before
    them (:func:`previous_dates`)."""
    mode = irrealis_mode(token, vocab)
    if mode == HYPOTHETICAL or _negated(token, vocab) or _denied_now(token, vocab):
        return None
    if discredited(token) or (hearsay(token) and token.tag_ in ("VBZ", "VBP")):
        return None  # "false charges that X attacked Y", "statements saying X attacks Y"
    if _bare_noun(token, vocab):
        return None  # "weapons damaged in combat": a kind of situation, no happening
    if _series(token, vocab) or _campaign(token, vocab):
        return None  # "a dozen meetings since January", "114 days of attack": no one happening
    start, end = evidence_bounds(doc.text, sent.start_char, sent.end_char, token.idx, split_lines)
    here = [n for n in names if start <= n.start and n.end <= end]
    frame = _frame(token, vocab)
    if not _subject_fits(frame, rule, here, vocab) or _figurative_object(token, rule, here):
        return None
    if not _object_fits(token, rule, here, vocab):
        return None  # "one person was killed in explosions": no one named was assassinated
    if rule.needs_past and not _told_as_past(token):
        return None  # "fought near X" tells a battle; "is fighting near X" a state of war
    participants = _participants(frame, here, vocab)
    if rule.person_preps:  # "X talked to Y": only with a named person, not "to reporters"
        met = _persons_after(token, rule.person_preps, here)
        if not met:
            return None
        participants += [m for m in met if m not in participants]
    place = _place(frame, here, vocab, rule.type)
    # a scheduled event keeps only a date the text fixes by itself ("on 8 February 2024")
    if mode == FUTURE:
        date = _date(frame, sent, None, (start, end)) or _date_ahead(frame, sent, doc.published, (start, end))
    else:
        date = _date(frame, sent, doc.published, (start, end), previous)
    if mode == FUTURE and date is None:
        return None
    if not (participants or place or date) and _generic(frame, vocab):
        return None  # "one country has invaded another": no one named, nowhere, never
    if not (participants or date) and rule.type == "battle" and _whole_war(token, place, here):
        return None  # "equipment captured during the fighting in X": the war as background
    if not (participants or date) and _catalogue(token, vocab):
        return None  # "X's fake votes, genocide and subjugation": a list of grievances
    if rule.needs_date:  # "since Russia's invasion" is background; "formed in 2022, after
        # the invasion" dates the forming: only a date of the trigger itself counts;
        # "it is a rebellion of separatists" names a kind, it tells no happening
        if token.dep_ == "attr":
            return None
        date = _date_at(_own_date_hosts(token, vocab), sent, doc.published, (start, end), previous)
        if date is None:
            return None
    # a date of its own that says too little ("last week", "on the 12th") is no reason
    # to borrow another clause's date
    borrow = date is None and mode is None and not any(
        measure_offset(ent.text) is None  # "two days (after)" measures, it does not date
        for ent, _ in _attached_dates({a.i for a in frame.anchors} | frame.objects, sent, (start, end))
    )
    if borrow:  # "..., a day after they crossed the border"
        date = _shifted_date(frame, sent, doc.published, (start, end), vocab, previous)
    if date is None and borrow and _is_participle_clause(token):
        # "Since May X has encircled Y, shelling its markets": the participle clause
        # happens in its main clause's time
        date = _date_at({token.head.i}, sent, doc.published, (start, end), previous)
    if date is None and borrow and _subject_participle(token):
        # "On Wednesday, EU leaders meeting in Brussels agreed ...": the participle
        # describing the subject happens when its clause does
        date = _date_at({token.head.head.i}, sent, doc.published, (start, end), previous)
    if date is None and borrow and _trip_purpose(token, vocab):
        # "In March 2023, X visited the border to meet troops": the purpose of a trip
        # told as done happens on the trip
        date = _date_at({token.head.i}, sent, doc.published, (start, end), previous)
    if date is None and borrow and _shares_time(token, vocab):
        # "left the regiment in the autumn and formed a detachment": a verb coordinated
        # with the one before it, without a subject or a "later" of its own, shares its time
        date = _date_at({token.head.i}, sent, doc.published, (start, end), previous)
    reporter = _reporting_verb(_governing_verb(token) or token, vocab)
    if date is None and borrow and reporter is not None:
        # "X said on Monday that fighting was continuing": told as news of that day
        date = _date_at(_report_heads(reporter), sent, doc.published, (start, end), previous)
    if date is not None and mode is None and _told_as_past(token) and _after(date, doc.published):
        # "a vote was held on 16 March" in an article of February: not this year's 16
        # March, and the text does not say which year's
        date = None
    lasting = _lasting_days(token, sent, (start, end))
    if date is not None and lasting and not _started(token, vocab):  # "the three-day vote opened yesterday": the day
        date = within_days(date, lasting)  # named is one of several
    confidence = _confidence(rule.pos == "verb", bool(participants), bool(date), bool(place))
    name = rule.name or f"{rule.pos}:{_lemma(token)}"
    if mode == FUTURE:
        confidence, name = round(confidence * SCHEDULED_WEIGHT, 2), name + "+scheduled"
    return _Candidate(
        start=start,
        end=end,
        type=rule.type,
        rule=name,
        confidence=confidence,
        date=date,
        place=place,
        participants=participants,
        headline=is_headline(doc.text, start, end),
        weak=(rule.pos == "noun" or rule.weak) and not _sides(frame, here),
        rule_weak=rule.weak,
        sequenced=any(_measured_clause(a, vocab) is not None for a in frame.anchors),
        listed_dates=_listed_dates(token, frame, sent, doc.published, (start, end)) if mode is None else [],
        back_reference=_definite(token) and not (date or place) and mode is None,
    )


# --------------------------------------------------------------------------- merging


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, one missing, or one a coarser prefix of the other ("2023" / "2023-05-22")."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def same_name(a: str, b: str) -> bool:
    """Two person names of one document that may name one person: equal, or the words of
    one are all words of the other ("Wang" / "Wang Yi", "Putin" / "Vladimir Putin")."""
    words_a, words_b = set(_norm(a).split()), set(_norm(b).split())
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def _same_happening(
    a: _Candidate, b: _Candidate, texts: dict[str, str], persons: frozenset[str] = frozenset()
) -> bool:
    """Same type, compatible date and place, and a shared name (or sentence/date/place)."""
    if a.type != b.type or not dates_compatible(a.date, b.date):
        return False
    place_a, place_b = _norm(texts.get(a.place or "")), _norm(texts.get(b.place or ""))
    if place_a and place_b and place_a != place_b:
        return False
    if a.headline or b.headline:  # a headline sums up the story: it joins its telling
        return True
    if a.participants and b.participants:
        return any(
            _norm(texts.get(x, x)) == _norm(texts.get(y, y))
            or ((x in persons or y in persons) and same_name(texts.get(x, x), texts.get(y, y)))
            for x in a.participants
            for y in b.participants
        )
    same_date = a.date is not None and a.date == b.date
    same_sentence = a.start == b.start and not (a.sequenced or b.sequenced)
    return same_sentence or same_date or bool(place_a and place_a == place_b) or _within(a, b)


def _within(a: _Candidate, b: _Candidate) -> bool:
    """Two unnamed readings whose dates nest at a month or finer, the later one (``b``)
    the vaguer ("Friday's missile attacks", then "the attacks last week"): one happening
    told twice. A later reading with a finer date tells something new."""
    if a.participants or b.participants or not (a.date and b.date):
        return False
    return 7 <= len(b.date) < len(a.date)


def _bare(group: list[_Candidate]) -> bool:
    """Back-references ("the incursion") with neither participants nor a date."""
    return not any(c.participants or c.date for c in group)


def _unanchored(group: list[_Candidate]) -> bool:
    """Readings that tell no happening of their own: only bare back-references ("the
    fighting was an internal matter", "every attack was thwarted", "she told
    reporters"), or a founding with neither date nor place ("X was founded by Y" is a
    fact about X, not an event)."""
    if any(c.date or c.place for c in group):
        return False
    if group[0].type in TIMELESS_TYPES:
        return True
    return all(c.weak and (c.rule_weak or not c.participants) for c in group)


def informativeness(c: _Candidate) -> tuple[int, int, int, int]:
    """How well a reading tells its event: a body sentence (not a headline) with a date,
    a place and participants beats a passing mention."""
    return (not c.headline, bool(c.date), bool(c.place), min(len(c.participants), 3))


def merge_candidates(
    candidates: list[_Candidate], texts: dict[str, str], persons: frozenset[str] = frozenset()
) -> list[_Candidate]:
    """Fold readings of one happening into one event (see the module docstring).

    ``texts`` gives each mention id its name; a name matches a longer or shorter name of the
    same words ("Putin" / "Vladimir Putin") when one of them is in ``persons`` (ids of person
    names).
    Body readings are grouped in text order, then headline readings join the first
    group they fit (a headline that fits none is dropped). Each group's evidence is its
    most informative reading (the first among equals); its date the most specific one,
    its place the evidence's (else the first), its participants the union, its
    confidence the highest.
    """
    groups: list[list[_Candidate]] = []
    ordered = sorted(candidates, key=lambda c: (c.headline, c.start))
    for cand in ordered:
        group = next((g for g in groups if any(_same_happening(m, cand, texts, persons) for m in g)), None)
        if group is None and cand.back_reference and not cand.headline and not cand.sequenced:
            # "during the summit, X said": the last event of its type told before
            group = next((g for g in reversed(groups) if g[0].type == cand.type), None)
        if group is None and not cand.headline and not cand.sequenced:
            # a bare back-reference joins its type's event
            group = next(
                (g for g in groups if g[0].type == cand.type and (_bare(g) or _bare([cand]))),
                None,
            )
        if group is not None:
            group.append(cand)
        elif not cand.headline:
            groups.append([cand])
    merged = [_fold(group) for group in groups if not _unanchored(group)]
    return sorted(merged, key=lambda c: c.start)


def _fold(group: list[_Candidate]) -> _Candidate:
    """One event from the readings of one happening."""
    best = max(group, key=lambda c: (informativeness(c), -c.start))
    event = _Candidate(
        start=best.start,
        end=best.end,
        type=best.type,
        rule=best.rule,
        confidence=max(c.confidence for c in group),
        date=best.date,
        place=best.place or next((c.place for c in group if c.place), None),
    )
    for cand in sorted(group, key=lambda c: c.start):
        if cand.date and (event.date is None or len(cand.date) > len(event.date)):
            if dates_compatible(cand.date, event.date):
                event.date = cand.date
        event.participants += [p for p in cand.participants if p not in event.participants]
    return event
