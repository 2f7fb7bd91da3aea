"""Relation claims read from the dependency parse of each sentence.

``find_claims(sdoc, doc, mentions, events)`` walks every sentence's parse and
applies the frames of ``factmap/vocab/relations.yaml``:

* verb frames: a trigger verb ("leads", "founded", "is backed by", "split from")
  whose logical subject/object (active, passive, participle or relative clause,
  with coordinated arguments expanded) are mentions;
* nominal frames: a role noun or adjective ("the head of Y", "Y's leader",
  "a spokesman for Y", "a village in Y", "active in Y") and the actor it is
  apposed to, predicated of or compounded with;
* attachments: "Kozinka in the Belgorod region" (place in place);
* responsibility: "X claimed (responsibility for) the bombing ..." against the
  events whose evidence overlaps the claimed noun phrase (or, failing that, the
  sentence).

Arguments are mention ids; a referring expression ("the group", "its", "he")
counts when ``coref.resolve_references`` resolved it, and a plural one ("they", "both",
"the two sides") stands for each of the coordinated names
``coref.resolve_plural_references`` found, one claim per member. "A and B fight side by
side" pairs the agents, also when the tagger reads the verb as a noun. Noun phrases also stand for
an actor through the parse: "X says it/they ..." (the reported clause's pronoun
subject is the speaker), "its fighters", "the command of X", "donations from X"
(``proxy_nouns``), "a commander who uses the call-sign X" (``naming``), "describes
himself as ...", "A, B and C, which fought together" (a plural relative clause
covers the whole list). A few parse errors of the small model are caught at token
level: a clause head tagged as a noun ("A and B fight under C", "which arms and
trains it"), a participle that is really the main verb ("the Pahonia Regiment,
split from X"), "who" hung on a place ("a deputy from Lima who founded X").
Responsibility also comes from "X said they had crossed ..." (an event told by the
reported clause, 0.75), "claimed the bombing" pointing back to an earlier event
that uses the same noun, "X was behind the car bomb" (the claimant is whoever says
so), and denials ("X denied any involvement", "has nothing to do with E") kept as
negated claims.

More noun phrases stand for an actor: "the village of X" (a place noun "of" a named
place), "a group calling itself X" / "the directorate, known as X" (``calling``),
"the Putin regime" (a proxy noun compounded with a name; not "a unit of X", which is
one of X's units), "X said their men ..." (``clause_possessives``). Frames are shared
by the first term of a comparison ("Like X, Y serves under Z", ``comparison_preps``)
and by co-agents of signing ("signed it together with representatives of X",
``co_agents``). People of a unit somewhere locate the unit ("their men were inside Z",
"footage showing its fighters in Z", ``presence``), and so do a body's unnamed members
("X, an association of exiles based in Z", "a coalition of associations in Z",
``collectives``). Place chains locate each step ("entered the village of A in the B
district of C", "around A and B in the C district", "the outskirts of A in B") and the
actor only at the innermost place (``_drop_containers``); designations and bans ("declared
X a terrorist organisation", "banned X") set the designating body against X; a body
founded by people leaving another split from it ("left X and formed Y", "set up by men
who broke away from X", ``splinters``); "A, B and C, which together call
themselves X" makes each a member of X and allies of each other. Titles coordinated
with a role noun share its holder and possessor ("X, Y's founder and chief"); a title
apposed to what cannot hold it still finds its holder after the body ("..., the head of
the X Commission Ana Lind said"); "the Senate foreign relations committee" is not the
Senate (``_topic_noun``); "X has a presence in Y", "the X deployment in Y" place X;
"X at the Y Institute" and "an adviser to Y" make members; "US-supplied rockets" name
no backer (``product_participles``); an infinitive of purpose takes the main subject
("sent troops to fight Y"). A title is not shared by a coordinated name with a title of
its own ("the head of X, A, and Chilean leader B"), nor taken by the object of a speech
verb's preposition ("wrote on Twitter the head of X"), nor by a titled person after a
spokesman ("the spokesman for U.N. Secretary-General A"); "the U.N. director of X" and "a
district chair for X" are posts inside X (member_of); a medium spoken to somewhere ("told
the BBC in Y") and an occasion ("the Donors' Conference in Y") are placed nowhere; a
participle right after a speech verb's addressee is not the speaker's act. Countries are
places, not actors: they sign, found and back nothing. Subject/object types must
fit the predicate (``types`` in the vocabulary) or no claim is made. The evidence
is always the sentence stating the fact.

``confidence`` is the rule's reliability, not a probability calibrated on data:

* 0.9  a direct verb or apposition/role-noun frame with both arguments named in
  the sentence ("X leads Y", "X, the head of Y", "Y, founded by X");
* 0.75 a looser frame ("operates under", "a unit of", "active in", "ally of"),
  or any frame whose argument was reached through a reference (capped at 0.75);
* 0.6  nominal membership and "link" forms ("a fighter with Y", "no link to Y",
  "place in place"), where the parse decides more than the words.

``rule`` is the frame name (``verb_lead``, ``noun_member`` ...), with ``+coref``
when a reference was used and ``+former`` when the text marks the relation as
past ("formerly", "former commander"); ``valid_from``/``valid_to`` come from
"since <date>" / "until <date>" in the clause. Negated statements are kept with
``negated=True``; questions and hypotheticals ("would join", "plans to join",
"if X leads Y") yield nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from spacy.tokens import Doc, Span, Token

from factmap.errors import InputError
from factmap.extract.attribution import (
    claimant_of,
    clause_path,
    contrastive,
    discredited,
    hearsay,
    is_negated,
)
from factmap.extract.coref import (
    coordinated_groups,
    load_vocab,
    resolve_plural_references,
    resolve_references,
    token_antecedents,
)
from factmap.extract.mentions import place_population
from factmap.model import SYMMETRIC_PREDICATES, Claim, Document, Event, Mention
from factmap.places import is_country

_COPULAS = ("be", "become", "remain")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MAX_DEPTH = 6
_DASHES = ("-", "\u2013", "\u2014")


@dataclass(frozen=True, slots=True)
class Arg:
    """An argument of a frame: a mention id, and whether a reference led to it."""

    mention: str
    coref: bool = False


class _Context:
    """What the frames need to know about mentions in one parsed document."""

    def __init__(
        self,
        sdoc: Doc,
        mentions: list[Mention],
        refs: dict[tuple[int, int], str],
        plural: dict[tuple[int, int], tuple[str, ...]] | None = None,
    ):
        self.index = token_antecedents(sdoc, mentions, refs)
        self.plural: dict[int, tuple[str, ...]] = {}
        for (start, end), members in (plural or {}).items():
            span = sdoc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                self.plural.update({t.i: members for t in span})
        self.types = {m.id: m.type for m in mentions}
        self.texts = {m.id: m.text for m in mentions}
        vocab = load_vocab()
        self.generic_heads = set(vocab["generic_heads"])
        self.transparent = set(vocab["transparent_nouns"])
        self.proxies = {k: set(v) for k, v in vocab["proxy_nouns"].items()}
        self.reflexives = set(vocab["reflexives"])
        self.clause_pronouns = set(vocab["clause_pronouns"])
        self.as_verbs = set(vocab["as_verbs"])
        self.light_verbs = set(vocab["light_verbs"])
        self.organization_heads = set(vocab["coref"]["definite_heads"]["organization"])
        self.directions = set(vocab.get("directions", ()))
        self.compound_titles = {tuple(t.split()) for t in vocab.get("compound_titles", ())}
        naming = vocab["naming"]
        self.naming_verbs = set(naming["verbs"])
        self.naming_nouns = set(naming["nouns"])
        self.calling_verbs = set(vocab.get("calling", {}).get("verbs", ()))
        self.clause_possessives = set(vocab.get("clause_possessives", ()))
        self.collectives = set(vocab.get("collectives", ()))
        self.speech_verbs = set(vocab["attribution"]["speech_verbs"])

    # -- noun phrases -------------------------------------------------------------
    def resolve(self, token: Token, depth: int = 0, conj: bool = True) -> list[Arg]:
        """The actors a noun-phrase head stands for (coordinated ones included)."""
        if depth > _MAX_DEPTH:
            return []
        found = self._resolve_one(token, depth)
        if conj:
            for child in token.children:
                if child.dep_ == "conj":
                    found += self.resolve(child, depth + 1)
        return _unique(found)

    def _resolve_one(self, token: Token, depth: int) -> list[Arg]:
        if token.lower_ in self.clause_pronouns and token.dep_ in ("nsubj", "nsubjpass"):
            found = self.matrix_subject(token, depth)
            if found:
                return found
        if (  # "X said their men were ...": the subject's possessive pronoun
            token.lower_ in self.clause_possessives
            and token.dep_ == "poss"
            and token.head.dep_ in ("nsubj", "nsubjpass")
        ):
            # a resolved pronoun stays its antecedent's unless a speech verb reports the
            # clause ("Its commander, X, was accused ...; his wife fought ...": not hers)
            found = self.matrix_subject(token.head, depth, speech_only=token.i in self.index)
            if found:
                return found
        hit = self.index.get(token.i)
        if hit is not None:
            return [Arg(hit[0], hit[1])]
        if token.i in self.plural:  # "A and B ... They ...", "the two groups": each of them
            return [Arg(m, True) for m in self.plural[token.i]]
        if token.tag_ in ("WDT", "WP") and token.head.dep_ in ("relcl", "acl"):
            return self.antecedent(token.head, depth)
        if token.tag_ == "WP$":  # "X, whose commander is Y": the clause's antecedent
            clause = token.head
            while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.i >= token.i - 1:
                clause = clause.head
            return self.antecedent(clause, depth) if clause.dep_ == "relcl" else []
        if (  # "the directorate under which X operates"
            token.tag_ == "WDT"
            and token.dep_ == "pobj"
            and token.head.head.dep_ in ("relcl", "acl")
        ):
            return self.antecedent(token.head.head, depth)
        if token.lower_ in self.reflexives and token.head.pos_ in ("VERB", "AUX"):
            return self.agents(token.head, depth + 1)  # "describes himself as"
        if token.pos_ not in ("NOUN", "PROPN", "PRON"):
            return []
        for child in token.children:
            if child.dep_ == "appos":
                found = self.resolve(child, depth + 1)
                if found:
                    return found
        found = self.named_by(token) or self.called(token) or self.proxy_of(token, depth)
        if found:
            return found
        if token.dep_ == "appos" and token.pos_ != "PROPN":  # an unknown name is no one else
            return self.resolve(token.head, depth + 1, conj=False)
        if token.dep_ == "attr" and token.head.lemma_ in _COPULAS:
            return [a for s in subjects_of(token.head) for a in self.resolve(s, depth + 1)]
        if token.lemma_.lower() in self.generic_heads:
            for child in token.children:
                if child.dep_ in ("compound", "amod") and child.i in self.index:
                    return self.resolve(child, depth + 1, conj=False)
                if child.dep_ == "nmod" and child.i in self.index:  # "the A and B regions"
                    return self.resolve(child, depth + 1)
            found = self.place_named(token)
            if found:
                return found
        if token.lemma_.lower() in self.organization_heads:
            return self.named_modifier(token)
        return []

    def place_named(self, token: Token) -> list[Arg]:
        """ "the village of Tyotkino" -> Tyotkino (a place noun "of" a named place)."""
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                hit = self.index.get(pobj.i)
                if pobj.dep_ == "pobj" and hit and not hit[1] and self.types.get(hit[0]) == "location":
                    return [Arg(hit[0])]
        return []

    def called(self, token: Token) -> list[Arg]:
        """ "a group calling itself X", "the directorate, known as X", "a town called X",
        "a company, which they call X" -> X."""
        for acl in token.children:
            if acl.dep_ not in ("acl", "relcl") or acl.lemma_.lower() not in self.calling_verbs:
                continue
            if acl.dep_ == "relcl" and not any(
                c.dep_ == "dobj" and c.tag_ == "WDT" for c in acl.children
            ):
                continue  # "the unit, which called for talks": not a name given to it
            names = [c for c in acl.children if c.dep_ == "oprd"] + [
                p
                for c in acl.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            for name in names:
                hit = self.index.get(name.i)
                if hit is not None and not hit[1]:
                    return [Arg(hit[0])]
        return []

    def named_modifier(self, token: Token) -> list[Arg]:
        """ "the mercenary Wagner group" -> the one organization named before the head noun."""
        named = {
            self.index[t.i][0]
            for child in token.lefts
            if child.dep_ in ("compound", "amod", "nmod")
            for t in child.subtree
            if t.i in self.index and not self.index[t.i][1]
        }
        if len(named) != 1:
            return []
        (found,) = named
        last = max(
            t.i for child in token.lefts for t in child.subtree if self.index.get(t.i) == (found, False)
        )
        if any(_topic_noun(t) for t in token.doc[last + 1 : token.i]):
            return []  # "the Senate foreign relations committee": a body of the Senate's
        return [Arg(found)] if self.types.get(found) == "organization" else []

    def antecedent(self, clause: Token, depth: int) -> list[Arg]:
        """What a relative clause is about: its head noun, or the whole coordination
        "A, B and C, which fought together" when the clause's verb is plural."""
        head = clause.head
        who = any(c.lower_ in ("who", "whom") and c.i < clause.i for c in clause.children)
        if who and head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN"):
            found = self.resolve(head, depth + 1, conj=False)
            if found and all(self.type_of(a) != "person" for a in found):
                head = head.head.head  # "a deputy from St Petersburg who ...": the deputy
        if head.dep_ in ("conj", "appos") and _plural_clause(clause):
            while head.dep_ == "conj":
                head = head.head
            found = self.resolve(head, depth + 1)
            if head.dep_ == "appos" and any(c.dep_ == "conj" for c in head.children):
                found = self.resolve(head.head, depth + 1, conj=False) + found  # "A, B and C"
            return _unique(found)
        return self.resolve(head, depth + 1, conj=False)

    def matrix_subject(self, pronoun: Token, depth: int, speech_only: bool = False) -> list[Arg]:
        """ "X says it/they ...": a subject pronoun of a reported clause is the speaker
        (``speech_only``: only when the reporting verb is a speech verb)."""
        verb = pronoun.head
        reported = False
        while verb.dep_ in ("ccomp", "conj", "xcomp", "parataxis") and depth <= _MAX_DEPTH:
            reported = reported or verb.dep_ in ("ccomp", "parataxis")
            verb, depth = verb.head, depth + 1
            if not reported or verb.pos_ not in ("VERB", "AUX"):
                continue
            if speech_only and verb.lemma_.lower() not in self.speech_verbs:
                continue
            found = [a for a in self.agents(verb, depth) if a.mention]
            if found:
                return [Arg(a.mention, True) for a in found]
        return []

    def proxy_of(self, token: Token, depth: int) -> list[Arg]:
        """ "its fighters", "the Legion's units", "the command of X" -> the actor behind them."""
        preps = self.proxies.get(token.lemma_.lower())
        if preps is None:
            return []
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            return []  # "a unit of X" is one of X's units, not X
        for child in token.children:
            if child.dep_ == "poss":
                return self.resolve(child, depth + 1)
        found = self.prep_objects(token, preps)
        if not found:  # "the Putin regime", "the Legion fighters"
            named = [c for c in token.children if c.dep_ == "compound" and c.i in self.index]
            if len(named) == 1 and not self.index[named[0].i][1]:
                found = [Arg(self.index[named[0].i][0])]
        return found

    def named_by(self, token: Token) -> list[Arg]:
        """ "a commander who uses the call-sign X" -> X (the relative clause names the noun)."""
        holders = [token] + [
            p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        if token.dep_ == "pobj" and token.head.head.pos_ in ("NOUN", "PROPN"):
            holders = holders[1:]  # the clause may name the governing noun instead
        for holder in holders:
            for rel in holder.children:
                if rel.dep_ != "relcl" or rel.lemma_.lower() not in self.naming_verbs:
                    continue
                if holder is not token and not any(c.lower_ == "who" for c in rel.children):
                    continue  # "a spokesman for the unit who uses ...": "who" is the spokesman
                words = {t.lemma_.lower() for t in rel.subtree}
                if not words & self.naming_nouns:
                    continue
                for t in rel.subtree:
                    hit = self.index.get(t.i)
                    if hit is not None and not hit[1] and self.types.get(hit[0]) == "person":
                        return [Arg(hit[0])]
        return []

    def type_of(self, arg: Arg) -> str | None:
        return self.types.get(arg.mention)

    # -- verbs --------------------------------------------------------------------
    def agents(self, verb: Token, depth: int = 0) -> list[Arg]:
        """The logical subject of ``verb``."""
        if depth > _MAX_DEPTH:
            return []
        if is_passive(verb):
            return [
                a
                for c in verb.children
                if c.dep_ == "agent"
                for p in c.children
                if p.dep_ == "pobj"
                for a in self.resolve(p)
            ] or self.hyphen_agent(verb)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl")]
        if not subjects and verb.dep_ == "relcl":  # "which arms ...": "which" parsed as det
            if any(c.tag_ in ("WDT", "WP") and c.i < verb.i for c in verb.children):
                return self.antecedent(verb, depth)
        if subjects:
            out: list[Arg] = []
            for s in subjects:
                out += self.resolve(s)
                if not out and s.lemma_.lower() in self.transparent:
                    out += [
                        a
                        for p in s.children
                        if p.dep_ == "prep"
                        for o in p.children
                        if o.dep_ == "pobj"
                        for a in self.resolve(o)
                    ]
            return out
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return self.resolve(verb.head, depth + 1, conj=False)
        if _subject_gerund(verb):  # "X formed Y by signing Z"
            return self.agents(verb.head.head, depth + 1)
        if verb.dep_ == "conj" and verb.head.dep_ == "relcl":  # "which arms and trains it"
            return self.agents(verb.head, depth + 1)
        if verb.dep_ == "conj" and is_passive(verb.head) and not is_passive(verb):
            # "X was set up in 2022 and fought at Z": the active conjunct's subject is
            # the passive head's patient, not its agent
            return [
                a for c in verb.head.children if c.dep_ == "nsubjpass" for a in self.resolve(c)
            ]
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            if verb.dep_ == "advcl" and verb.tag_ != "VBG" and not _purpose_infinitive(verb):
                return []
            if self.addressee_participle(verb):
                return []  # "X told Fox News supporting Y": not X's act
            return self.agents(verb.head, depth + 1)
        if (
            verb.dep_ in ("acl", "relcl")
            and verb.tag_ == "VB"
            and verb.head.dep_ in ("dobj", "attr")
        ):
            return self.agents(verb.head.head, depth + 1)
        return []

    def addressee_participle(self, verb: Token) -> bool:
        """True when the participle ``verb`` follows, with no comma, the object of the
        speech verb it hangs on ("told reporters supporting Y", "told Fox News backing
        Y"): it describes the addressee or is garbled, never the speaker's act."""
        head = verb.head
        if verb.tag_ != "VBG" or head.lemma_.lower() not in self.speech_verbs:
            return False
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i]
        return any(o.right_edge.i == verb.i - 1 for o in objects)

    def hyphen_agent(self, verb: Token) -> list[Arg]:
        """ "the Kremlin-backed militia": the name hyphened to a participle is its agent."""
        if verb.dep_ not in ("amod", "acl", "compound") or verb.i < 2:
            return []
        if verb.doc[verb.i - 1].text not in _DASHES:
            return []
        if verb.lemma_.lower() in load_vocab().get("product_participles", ()):
            return []  # "US-supplied rockets", "Iranian-made drones": things, not actors
        before = verb.doc[verb.i - 2]
        hit = self.index.get(before.i)
        if hit is None or hit[1] or before.head.i != verb.i:
            return []
        return [Arg(hit[0])]

    def patients(self, verb: Token, depth: int = 0) -> list[Arg]:
        """The logical object of ``verb``."""
        if depth > _MAX_DEPTH:
            return []
        if is_passive(verb):
            subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if subjects:
                return [a for s in subjects for a in self.resolve(s)]
            if verb.dep_ in ("acl", "amod"):
                return self.resolve(verb.head, conj=False)
            if verb.dep_ == "conj" and _misread_participle(verb.head):
                return [a for s in subjects_of(verb.head) for a in self.resolve(s)]
            if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
                return self.patients(verb.head, depth + 1)
            return []
        found = [a for c in verb.children if c.dep_ == "dobj" for a in self.resolve(c)]
        if not found:  # "X funds and trains Y": the object is shared with the next verb
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and not subjects_of(conj):
                    found += [a for c in conj.children if c.dep_ == "dobj" for a in self.resolve(c)]
        return found

    def prep_objects(self, word: Token, preps: Iterable[str]) -> list[Arg]:
        """Actors in "<word> <prep> X" for the given prepositions ("out_of": "of" after
        the particle "out", wherever the parse hung it)."""
        wanted = {p for p in preps if "_" not in p}
        out: list[Arg] = []
        for pair in (p.split("_", 1) for p in preps if "_" in p):
            particles = [c for c in word.children if c.lower_ == pair[0] and c.dep_ in ("prep", "prt", "advmod")]
            for particle in particles:  # "grew out of X": "of" on "out" or on the verb
                out += self.prep_objects(particle, [pair[1]]) + self.prep_objects(word, [pair[1]])
        for child in word.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ in wanted:
                # "near X and Y", "around X and in Y": a coordinated preposition of the frame
                again = [c for c in child.children if c.dep_ == "conj" and c.lower_ in wanted]
                for pobj in [*child.children, *(p for c in again for p in c.children)]:
                    if pobj.dep_ == "pobj":
                        out += self.resolve(pobj)
                    elif pobj.dep_ == "pcomp" and pobj.lemma_.lower() in self.calling_verbs:
                        # "against what they called the Putin regime"
                        out += [a for c in pobj.children if c.dep_ == "oprd" for a in self.resolve(c)]
            elif child.dep_ in ("advmod", "prt") and child.i == word.i + 1:
                out += self.prep_objects(child, wanted)  # "broke away from X"
        return out


def is_passive(verb: Token) -> bool:
    """A passive verb or a past participle modifying a noun ("led by X", "subordinated to")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.dep_ in ("acl", "amod"):
        return is_passive(verb.head)  # "a group founded in 2019 and based in X"
    return verb.dep_ in ("acl", "amod") and verb.tag_ in ("VBN", "VBD")


def _misread_participle(verb: Token) -> bool:
    """ "X, founded in 2019, is led by Y" parsed with "founded" as the main verb and X as
    its subject: a past participle right after "X," with no object, whose passive or
    finite conjunct carries the clause (X is that conjunct's subject)."""
    if verb.tag_ not in ("VBD", "VBN") or is_passive(verb) or verb.i < 2:
        return False
    if verb.doc[verb.i - 1].text != "," or any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    return bool(subjects) and any(
        c.dep_ == "conj" and any(a.dep_ in ("aux", "auxpass") for a in c.children)
        for c in verb.children
    )


def _subject_gerund(verb: Token) -> bool:
    """A gerund after a preposition of ``gerund_preps`` on an active verb ("formed Y by
    signing Z", "after meeting Z"), whose agent is that verb's subject."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.dep_ != "prep":
        return False
    if verb.head.lower_ not in load_vocab().get("gerund_preps", ()):
        return False
    main = verb.head.head
    return main.pos_ in ("VERB", "AUX") and not is_passive(main)


def _purpose_infinitive(verb: Token) -> bool:
    """ "X sent troops to Z to fight Y": an infinitive adjunct of purpose, whose agent is
    the main verb's subject (not "if ... to", not a clause with its own subject)."""
    if verb.tag_ != "VB" or subjects_of(verb):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ == "mark" for c in verb.children
    )


def _topic_noun(token: Token) -> bool:
    """A common noun between a name and an organization noun that says what the body
    deals with ("foreign relations", "human rights", "armed services"): plural, or
    itself modified; the name is then a parent body, not the body's own name."""
    if token.pos_ != "NOUN":
        return False
    return token.tag_ == "NNS" or any(c.dep_ in ("amod", "compound") for c in token.children)


def _plural_clause(verb: Token) -> bool:
    """A clause whose verb needs a plural subject ("have fought", "fought together")."""
    if verb.tag_ == "VBP" or any(c.dep_ == "advmod" and c.lower_ == "together" for c in verb.children):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("are", "were", "have") for c in verb.children)


def is_verbal(token: Token) -> bool:
    """A verb, or a verb the small model tagged as a noun ("The A and the B fight under
    C", "which arms and trains it"): a clause head with a subject or a relative word."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    if token.pos_ != "NOUN" or token.dep_ not in ("ROOT", "relcl", "ccomp"):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") or (c.tag_ in ("WDT", "WP") and c.i < token.i)
        for c in token.children
    )


def subjects_of(verb: Token) -> list[Token]:
    """The subject tokens of a (copular) verb."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _unique(args: list[Arg]) -> list[Arg]:
    seen: dict[str, Arg] = {}
    for a in args:
        if a.mention not in seen or (seen[a.mention].coref and not a.coref):
            seen[a.mention] = a
    return list(seen.values())


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _reciprocal(token: Token, role: str = "each_other") -> bool:
    """ "each other" / "one another" as the object of a preposition, or "together"."""
    if role == "together":
        return any(c.dep_ == "advmod" and c.lower_ == "together" for c in token.children)
    if role == "side_by_side":
        return _side_by_side(token)
    if role == "mutual":  # "A and B cooperate", "the two cooperate": no other party named
        return not any(
            c.dep_ in ("dobj", "dative", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "with")
            for c in token.children
        )
    for prep in token.children:
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.lower_ in ("other", "another"):
                if any(d.lower_ in ("each", "one") for d in pobj.children):
                    return True
    return False


def _side_by_side(token: Token) -> bool:
    """ "fight side by side": the words right after ``token``."""
    after = [t.lower_ for t in token.doc[token.i + 1 : token.i + 4]]
    return after == ["side", "by", "side"]


def _misread_reciprocal(ctx: _Context, frame: dict[str, Any], tok: Token) -> list[_Found]:
    """ "the A and the B fight side by side" read as a noun phrase "the B fight": the
    names coordinated right before the would-be verb are its agents."""
    if "side_by_side" not in _as_list(frame["object"]) or not _side_by_side(tok):
        return []
    groups = [g for g in coordinated_groups(tok.sent, ctx.index) if g.last == tok.i - 1]
    if not groups:
        return []
    agents = [Arg(m) for m in groups[-1].members]
    return [f for a, b in combinations(agents, 2) for f in _pairs(ctx, frame, tok, [a], [b])]


# -- argument roles ----------------------------------------------------------------
def _verb_role(ctx: _Context, verb: Token, role: str) -> list[Arg]:
    if role == "agent":
        return ctx.agents(verb)
    if role == "patient":
        return ctx.patients(verb)
    if role == "passive_patient":  # "X was stationed in Z", but not "X fought Y in Z"
        return ctx.patients(verb) if is_passive(verb) else []
    if role.startswith("prep:"):
        return ctx.prep_objects(verb, role[5:].split(","))
    if role == "side_with":  # "fought side by side with X": "with" hangs on either "side"
        if not _side_by_side(verb):
            return []
        return ctx.prep_objects(verb.doc[verb.i + 3], ["with"]) or ctx.prep_objects(verb, ["with"])
    if role == "together_with":  # "crossed into Z together with X": X, not "met with X"
        return _together_with(ctx, verb)
    if role == "reflexive_name":  # "which together call themselves X"
        if not any(c.dep_ == "dobj" and c.lower_ in ctx.reflexives for c in verb.children):
            return []
        return [
            a
            for c in verb.children
            if c.dep_ in ("oprd", "dobj") and c.lower_ not in ctx.reflexives
            for a in ctx.resolve(c)
        ]
    return []


def _together_with(ctx: _Context, verb: Token) -> list[Arg]:
    """Objects of "with" marked as a joint act by one of the ``co_agents`` adverbs on the
    verb or on the preposition ("together with X", "jointly with X")."""
    adverbs = set(load_vocab().get("co_agents", {}).get("adverbs", ()))
    out: list[Arg] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        if any(c.dep_ == "advmod" and c.lower_ in adverbs for c in (*verb.children, *prep.children)):
            out += [a for p in prep.children if p.dep_ == "pobj" for a in ctx.resolve(p)]
    return out


def noun_anchor(ctx: _Context, word: Token) -> list[Arg]:
    """What a role noun/adjective describes: "X, the head of Y" -> X."""
    hit = ctx.index.get(word.i)
    if hit is not None and hit[1] and ctx.types.get(hit[0]) == "person":
        return [Arg(hit[0], True)]  # "The Pentagon chief added": a description of X
    named = ctx.named_by(word)  # "a spokesman who uses the call-sign X"
    if named:
        return named
    if _coordinated_role(word):  # "X, Y's founder and chief": the first title's holder
        return noun_anchor(ctx, word.head)
    for child in word.children:
        if child.dep_ == "appos":
            found = _untitled_conjuncts(ctx, child)
            if found:
                return found
    head = word.head
    if word.dep_ == "appos" and _inverted_speaker(ctx, head):
        return []  # "..., wrote on Twitter the head of X": the title is the verb's subject
    if word.dep_ == "appos" or (word.dep_ in ("compound", "amod") and head.i in ctx.index):
        return ctx.resolve(head, conj=False)
    if _conj_for_appos(word):  # '"Zaporizhzhia", a city in Y': the quote broke the parse
        return ctx.resolve(head, conj=False)
    if word.dep_ in ("attr", "acomp") and head.lemma_ in _COPULAS:
        found = [a for s in subjects_of(head) for a in ctx.resolve(s)]
        return found or ctx.agents(head)  # "X denied being a member of Y"
    if word.dep_ == "nsubj" and head.lemma_ in _COPULAS:  # "Its leader is X"
        return [a for c in head.children if c.dep_ == "attr" for a in ctx.resolve(c)]
    if word.dep_ == "oprd":
        return ctx.patients(head) if is_passive(head) else ctx.agents(head)
    if word.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        if is_passive(verb):
            return ctx.patients(verb)
        if verb.lemma_.lower() in ctx.as_verbs:  # "describes X as the head of Y"
            found = [a for c in verb.children if c.dep_ == "dobj" for a in ctx.resolve(c)]
            if found:
                return found
        return ctx.agents(verb)
    if word.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in ctx.light_verbs:
        return ctx.agents(head)  # "X voiced support for Y", "X became its leader"
    if word.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NUM", "PRON"):
        return noun_anchor(ctx, head.head)  # "X is one of the members of Y"
    if word.dep_ in ("acl", "amod"):  # "X, an association of exiles based in Y"
        collective = collective_of(ctx, head)
        if collective is not None:
            return ctx.resolve(collective, conj=False)
    return []


def _conj_for_appos(word: Token) -> bool:
    """A noun with an indefinite article that the parser coordinated with a name right
    after a comma, with no "and"/"or" between them ('"X", a city in Y'): an apposition."""
    head = word.head
    if word.dep_ != "conj" or head.i >= word.i or head.pos_ != "PROPN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in word.children):
        return False
    between = word.doc[head.i + 1 : word.left_edge.i]
    return any(t.text == "," for t in between) and all(t.is_punct for t in between)


def _untitled_conjuncts(ctx: _Context, token: Token) -> list[Arg]:
    """The actors of a name apposed to a title, and of the names coordinated with it
    that carry no title of their own ("the head of X, A, and Brazilian leader B": A only)."""
    found = ctx.resolve(token, conj=False)
    for child in token.children:
        if child.dep_ == "conj" and not _own_title(child):
            found += _untitled_conjuncts(ctx, child)
    return _unique(found)


def _own_title(token: Token) -> bool:
    """True when a role noun modifies ``token`` ("Brazilian leader Lula")."""
    _, nominals = _trigger_frames()
    return any(
        c.i < token.i and c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in nominals
        for c in token.subtree
    )


def _inverted_speaker(ctx: _Context, noun: Token) -> bool:
    """True when ``noun`` is the object of a preposition of a speech verb that has no
    subject ("wrote on Twitter the head of X", "said in Kyiv the leader of Y"): a title
    apposed to it is the inverted subject, not a description of ``noun``."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    verb = prep.head
    return verb.lemma_.lower() in ctx.speech_verbs and not subjects_of(verb)


def collective_of(ctx: _Context, noun: Token) -> Token | None:
    """ "an association of exiles" -> "association": the collective noun (``collectives``)
    an unnamed noun of its members hangs on through "of"; None otherwise."""
    prep = noun.head
    if noun.i in ctx.index or noun.dep_ != "pobj" or prep.lower_ != "of":
        return None
    return prep.head if prep.head.lemma_.lower() in ctx.collectives else None


def noun_other(ctx: _Context, word: Token, preps: Iterable[str]) -> list[Arg]:
    """The other side of a role noun: "Y's leader", "Y leader", "leader of Y"."""
    out = ctx.prep_objects(word, preps)
    if word.dep_ == "attr":  # "he is an enemy of X, not of Y": "not of Y" hung on "is"
        out += [
            a
            for neg in word.head.children
            if neg.dep_ == "neg" and neg.i > word.i and contrastive(neg)
            for a in ctx.prep_objects(neg, preps)
        ]
    if word.dep_ == "acomp" and not out:  # "X is active in Y": the prep hangs on "is"
        out = [a for a in ctx.prep_objects(word.head, preps)]
    holders = [word]
    if _title_lemma(ctx, word):  # "Ostrava Pact Secretary General": the first word's name
        holders += [c for c in word.children if c.dep_ == "compound" and c.i < word.i]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.i in ctx.index):
                out += ctx.resolve(child)
            elif child.dep_ == "npadvmod" and child.i in ctx.index and _dash_after(child):
                out += ctx.resolve(child)  # "the Riga-based Free Word Society"
    if not out and word.dep_ == "compound" and word.head.i in ctx.index:
        out = _name_before_title(ctx, word)
    if not out and _coordinated_role(word):  # "Y's founder and chief": Y's chief too
        out = [
            a
            for c in word.head.children
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and c.i in ctx.index)
            for a in ctx.resolve(c)
        ]
    return _unique(out)


def _coordinated_role(word: Token) -> bool:
    """A role noun coordinated with an earlier role noun ("founder and chief", "leader
    and spokesman"): it shares that noun's holder and possessor."""
    if word.dep_ != "conj" or word.head.i >= word.i or word.head.pos_ != "NOUN":
        return False
    _, nominals = _trigger_frames()
    return word.head.lemma_.lower() in nominals


def _dash_after(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in _DASHES


def _name_before_title(ctx: _Context, word: Token) -> list[Arg]:
    """ "Ostrava Pact Secretary-General Anna Reyes": a name right before the title, hung
    (like the title) on the holder's name."""
    i = word.i - 1
    while i >= 0 and word.i - i <= 3 and i not in ctx.index:
        tok = word.doc[i]
        if tok.dep_ != "compound" and tok.text not in _DASHES:
            return []
        i -= 1
    hit = ctx.index.get(i)
    if i < 0 or hit is None or hit[1] or word.doc[i].head.i != word.head.i:
        return []
    return [Arg(hit[0])]


def title_before_name(ctx: _Context, word: Token, preps: Iterable[str]) -> tuple[list[Arg], list[Arg]]:
    """(person, organization) of a role noun whose holder follows the organization:
    "the head of the Ostrava Council Marek Lindqvist" (the parse hangs the council on
    the name as a compound) and "a commander in the Vesna Battalion, Ivan Korda" (the
    name is in apposition to the unit, which cannot be a person)."""
    wanted = set(preps)
    for prep in word.children:
        if prep.dep_ != "prep" or prep.lower_ not in wanted:
            continue
        for pobj in _proxied(ctx, [p for p in prep.children if p.dep_ == "pobj"]):
            hit = ctx.index.get(pobj.i)
            if hit is None or hit[1]:
                continue
            kind = ctx.types.get(hit[0])
            if kind == "person":
                orgs = [
                    Arg(ctx.index[t.i][0])
                    for t in pobj.subtree
                    if t.i < pobj.i
                    and t.i in ctx.index
                    and ctx.index[t.i][0] != hit[0]
                    and not ctx.index[t.i][1]
                    and ctx.types.get(ctx.index[t.i][0]) == "organization"
                ]
                if orgs and _titled_between(ctx, pobj, hit[0]):
                    continue  # "the spokesman for U.N. Secretary-General A": A's own title
                if orgs:
                    return [Arg(hit[0])], _unique(orgs)
                people = [  # "the main rival of X, Y": the parse hangs Y on X
                    a
                    for c in pobj.children
                    if c.dep_ == "appos" and c.i > pobj.i
                    for a in ctx.resolve(c, conj=False)
                    if ctx.type_of(a) == "person" and not a.coref and a.mention != hit[0]
                ]
                if people:
                    return people, [Arg(hit[0])]
            elif kind == "organization":
                people = [
                    a
                    for c in pobj.children
                    if c.dep_ == "appos"
                    for a in ctx.resolve(c, conj=False)
                    if ctx.type_of(a) == "person" and not a.coref
                ]
                if not people:  # "the spokeswoman for the Ministry of X Maria Lind"
                    people = _name_after(ctx, pobj, hit[0])
                if people:
                    return people, [Arg(hit[0])]
    return [], []


def _titled_between(ctx: _Context, pobj: Token, person: str) -> bool:
    """True when a role noun stands between the organization and the person ``person``
    in ``pobj``'s phrase ("for U.N. Secretary-General Antonio Guterres"): the person
    holds that title, and the outer role noun is someone else's."""
    _, nominals = _trigger_frames()
    for tok in pobj.subtree:
        if tok.i >= pobj.i or ctx.index.get(tok.i, ("",))[0] == person:
            break
        if tok.i not in ctx.index and (tok.lemma_.lower() in nominals or _title_lemma(ctx, tok)):
            return True
    return False


def _proxied(ctx: _Context, nouns: list[Token]) -> list[Token]:
    """The nouns, and for an unnamed proxy noun ("the headquarters of X") the nouns its
    prepositions govern: where a title's holder may be attached."""
    out: list[Token] = []
    for noun in nouns:
        out.append(noun)
        preps = ctx.proxies.get(noun.lemma_.lower())
        if preps and noun.i not in ctx.index:
            out += [
                p
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in preps
                for p in c.children
                if p.dep_ == "pobj"
            ]
    return out


def _name_after(ctx: _Context, pobj: Token, org: str) -> list[Arg]:
    """A person named right after the organization ``org`` inside ``pobj``'s phrase:
    "the head of the Ostrava Council Marek Lindqvist" parsed with the name hung lower."""
    last = max(
        (t.i for t in pobj.subtree if ctx.index.get(t.i) == (org, False)), default=None
    )
    if last is None or last + 1 >= len(pobj.doc):
        return []
    after = pobj.doc[last + 1]
    hit = ctx.index.get(after.i)
    if hit is None or hit[1] or ctx.types.get(hit[0]) != "person":
        return []
    if not (pobj.left_edge.i <= after.i <= pobj.right_edge.i):
        return []
    return [Arg(hit[0])]


# -- claims ------------------------------------------------------------------------
@dataclass(slots=True)
class _Found:
    predicate: str
    subject: Arg
    object: Arg
    trigger: Token
    rule: str
    confidence: float


def _choose_predicate(
    ctx: _Context, predicates: Sequence[str], subject: Arg, obj: Arg
) -> str | None:
    constraints = load_vocab()["types"]["predicates"]
    for pred in predicates:
        allowed = constraints.get(pred)
        if allowed is None:
            continue
        if ctx.type_of(subject) not in allowed["subject"] or ctx.type_of(obj) not in allowed["object"]:
            continue
        if allowed.get("smaller") and not smaller_place(ctx.texts[subject.mention], ctx.texts[obj.mention]):
            continue  # "the defeat of Russia in Ukraine": a country is in no other place
        return pred
    return None


def smaller_place(inner: str, outer: str) -> bool:
    """Whether the place ``inner`` may lie inside ``outer``: never a country or continent,
    never a town more populous than the town it would lie in (by the gazetteer), and
    never a region ("the X Republic", "the Y region": ``region_heads``) inside a town."""
    if is_country(inner):
        return False
    if is_country(outer):
        return True
    pops = [place_population(re.sub(r"^[Tt]he\s+", "", n.strip())) for n in (inner, outer)]
    heads = load_vocab()["types"].get("region_heads", ())
    if pops[1] is not None and _names_with(inner, heads) and not _names_with(outer, heads):
        return False  # "the parliament of the X Republic in Karsk": the seat, not the region's place
    return pops[0] is None or pops[1] is None or pops[0] <= pops[1]


def _pairs(
    ctx: _Context,
    frame: dict[str, Any],
    trigger: Token,
    subjects: list[Arg],
    objects: list[Arg],
) -> list[_Found]:
    out: list[_Found] = []
    predicates = _as_list(frame["predicate"])
    for s in subjects:
        for o in objects:
            if s.mention == o.mention:
                continue
            pred = _choose_predicate(ctx, predicates, s, o)
            if pred is not None:
                out.append(_Found(pred, s, o, trigger, frame["name"], float(frame["confidence"])))
    return out


def _verb_frame(ctx: _Context, frame: dict[str, Any], verb: Token) -> list[_Found]:
    if frame.get("in_progress") and verb.tag_ not in ("VBG", "VBZ", "VBP"):
        return []  # "X had left Z", "urged citizens to leave Z": not (or not said) there now
    if frame.get("designation") and not designates(verb, frame["designation"]):
        return []  # "declared Y a terrorist organisation", not "declared Y the winner"
    if _talk_purpose(verb, frame.get("talk_purposes", ())):
        return []  # "X joins the Morning Show to discuss Y": a guest, not a member
    subjects: list[Arg] = []
    for role in _as_list(frame["subject"]):
        subjects = _verb_role(ctx, verb, role)
        if subjects:
            break
    if not subjects and _intransitive_participle(verb, frame):
        subjects = ctx.resolve(verb.head, conj=False)  # "the Pahonia Regiment, split from X"
    if not subjects:
        return []
    subjects = _unique(subjects + _compared(ctx, verb, subjects))
    if _as_list(frame["subject"])[0] == "agent" and not is_passive(verb):
        subjects = _unique(subjects + _shared_agents(ctx, verb))  # "..., as did B"
    if len(subjects) < int(frame.get("min_subjects", 1)):
        return []
    if frame.get("co_agents"):
        subjects = _unique(subjects + _co_agents(ctx, verb))
    out: list[_Found] = []
    for role in _as_list(frame["object"]):
        if role in ("each_other", "together", "side_by_side", "mutual"):
            if _reciprocal(verb, role) and len(subjects) > 1:
                return [
                    f
                    for a, b in combinations(subjects, 2)
                    for f in _pairs(ctx, frame, verb, [a], [b])
                ]
            continue
        objects = _verb_role(ctx, verb, role)
        if not objects and frame.get("through_pobj") and str(role).startswith("prep:"):
            objects = [  # "competes for attention with X"
                a
                for prep in verb.children
                if prep.dep_ == "prep"
                for pobj in prep.children
                if pobj.dep_ == "pobj" and pobj.i not in ctx.index
                for a in ctx.prep_objects(pobj, str(role)[5:].split(","))
            ]
        if objects:
            out = _pairs(ctx, frame, verb, subjects, objects)
            break
    if frame.get("coalition") and out and all(f.predicate != "signatory_of" for f in out):
        allies = {
            "name": frame["name"],
            "predicate": "allied_with",
            "confidence": frame["confidence"],
        }
        out += [
            f for a, b in combinations(subjects, 2) for f in _pairs(ctx, allies, verb, [a], [b])
        ]
    return out


def _talk_purpose(verb: Token, purposes: Iterable[str]) -> bool:
    """``verb`` has an infinitive of purpose whose verb is one of ``purposes``."""
    wanted = set(purposes)
    return bool(wanted) and any(
        c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in wanted and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def designates(verb: Token, words: Iterable[str]) -> bool:
    """Whether the verb's object or complement carries one of the designation ``words``:
    "designated X a terrorist organisation", "listed X as extremist", "added X to its list
    of terrorist organisations" (not a reported clause: "declared that ...")."""
    wanted = set(words)
    return any(
        t.lower_ in wanted or t.lemma_.lower() in wanted
        for child in verb.children
        if child.dep_ in ("dobj", "oprd", "prep", "attr", "acomp", "xcomp", "dative", "advmod")
        for t in child.subtree
    )


def _compared(ctx: _Context, verb: Token, subjects: list[Arg]) -> list[Arg]:
    """ "Like the Legion, it serves under X": the compared actor before the verb, when it
    is of the same type as a subject."""
    preps = set(load_vocab().get("comparison_preps", ()))
    kinds = {ctx.type_of(a) for a in subjects}
    return [
        a
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in preps and c.i < verb.i
        for p in c.children
        if p.dep_ == "pobj"
        for a in ctx.resolve(p)
        if ctx.type_of(a) in kinds
    ]


def _shared_agents(ctx: _Context, verb: Token) -> list[Arg]:
    """ "A signed it, as did B", "A joined, and so did B": B (``shared_agents``)."""
    spec = load_vocab().get("shared_agents") or {}
    out: list[Arg] = []
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "conj") or clause.lemma_.lower() not in spec.get("verbs", ()):
            continue
        if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in clause.children):
            continue  # "as did the talks" is fine; "as it did X" is another frame
        marked = any(
            (c.dep_ == "mark" and c.lower_ in spec.get("marks", ()))
            or (c.dep_ == "advmod" and c.lower_ in spec.get("adverbs", ()))
            for c in clause.children
        )
        if marked:
            out += [a for s in clause.children if s.dep_ == "nsubj" for a in ctx.resolve(s)]
    return out


def _co_agents(ctx: _Context, verb: Token) -> list[Arg]:
    """ "X signed it together with (representatives of) Y and of Z": Y and Z."""
    spec = load_vocab().get("co_agents", {})
    adverbs = set(spec.get("adverbs", ()))
    preps = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        paired = any(  # "together with": the adverb on the verb or on the preposition
            c.dep_ == "advmod" and c.lower_ in adverbs for c in (*verb.children, *prep.children)
        )
        if prep.lower_ in spec.get("free_preps", ()) or (paired and prep.lower_ in spec.get("preps", ())):
            preps.append(prep)
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    out: list[Arg] = []
    for prep in preps:
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            found = ctx.resolve(pobj)
            if not found and pobj.lemma_.lower() in ctx.transparent:
                found = ctx.prep_objects(pobj, ["of", "from"])
            out += found
    return out


def _between_frame(ctx: _Context, frame: dict[str, Any], word: Token) -> list[_Found]:
    """ "the rivalry between A and B": every pair of the coordinated actors."""
    sides = ctx.prep_objects(word, ["between"])
    return [f for a, b in combinations(sides, 2) for f in _pairs(ctx, frame, word, [a], [b])]


def _intransitive_participle(verb: Token, frame: dict[str, Any]) -> bool:
    """A participle modifying a noun, for a frame whose agent is that noun and whose
    object is a prepositional phrase: "a group split from X", "units fighting in Y"."""
    if verb.dep_ != "acl" or any(c.dep_ == "agent" for c in verb.children):
        return False
    objects = _as_list(frame["object"])
    return _as_list(frame["subject"])[0] == "agent" and all(
        str(o).startswith("prep:") for o in objects
    )


def _possessor_frame(ctx: _Context, frame: dict[str, Any], word: Token) -> list[_Found]:
    """ "the Legion's campaign against X", "his revolt against X": possessor -> object."""
    owners = [
        a
        for c in word.children
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.i in ctx.index)
        for a in ctx.resolve(c)
    ]
    if not owners and word.dep_ == "dobj" and word.head.lemma_.lower() in frame.get("agent_verbs", ()):
        owners = ctx.agents(word.head)  # "X launched an operation against Y"
    if not owners:
        return []
    return _pairs(ctx, frame, word, owners, ctx.prep_objects(word, frame["preps"]))


def _nominal_frame(ctx: _Context, frame: dict[str, Any], word: Token) -> list[_Found]:
    deputy = frame.get("deputy")
    area = _area_modifiers(ctx, word, frame.get("preps", ())) if deputy else set()
    if deputy and (
        area  # "the U.N. director of the X Group": a post inside the group
        or _regional_branch(ctx, word, frame.get("preps", ()), deputy.get("regional_places", ()))
        or _deputy_title(word, deputy["modifiers"], deputy.get("lowercase_modifiers", ()))
        or _functional_post(ctx, word, frame.get("preps", ()))
    ):  # "the deputy head of Y", "a district chair for Y"
        frame = {**frame, **{k: deputy[k] for k in ("name", "predicate", "confidence") if k in deputy}}
    if frame["subject"] == "between":
        return _between_frame(ctx, frame, word)
    if frame["subject"] == "possessor":
        return _possessor_frame(ctx, frame, word)
    anchor = noun_anchor(ctx, word)
    if not anchor and frame["subject"] == "anchor":
        anchor, other = title_before_name(ctx, word, frame.get("preps", ()))
        return _pairs(ctx, frame, word, anchor, other)
    if not anchor:
        return []
    if frame.get("prep_only"):  # "a commander in X": not "X's commander", "X commander"
        holders = [word]
        if frame.get("through_of"):  # "a coalition of associations in X": the members' place
            holders = [
                p
                for c in word.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj" and p.i not in ctx.index
            ]
        other = [a for h in holders for a in ctx.prep_objects(h, frame["preps"]) if a not in anchor]
    else:
        other = [
            a
            for a in noun_other(ctx, word, frame.get("preps", ()))
            if a not in anchor and a.mention not in area
        ]
    if frame["subject"] != "anchor":
        return _pairs(ctx, frame, word, other, anchor) if other else []
    found = _pairs(ctx, frame, word, anchor, other) if other else []
    if not found and word.dep_ == "appos" and not frame.get("prep_only"):
        # "repression of the opposition, the head of the X Commission Ana Lind said": a
        # title apposed to what cannot hold it may still have its holder after the body
        anchor, other = title_before_name(ctx, word, frame.get("preps", ()))
        found = _pairs(ctx, frame, word, anchor, other)
    return found


def _regional_branch(
    ctx: _Context, word: Token, preps: Iterable[str], places: Iterable[str]
) -> bool:
    """ "the commander of the Valdorian forces in Europe": the role noun's body (or the
    role noun) is placed "in" one of ``places`` (a part of the world), so the post heads
    the body's branch there."""
    wanted = {p.lower() for p in places}
    bodies = [
        p
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for holder in [word, *bodies]:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in prep.children:
                hit = ctx.index.get(place.i)
                if place.dep_ == "pobj" and hit and ctx.texts[hit[0]].lower() in wanted:
                    return True
    return False


def _deputy_title(word: Token, modifiers: Iterable[str], lowercase: Iterable[str] = ()) -> bool:
    """ "deputy head", "Vice-President", "the RSF's deputy commander": the role noun is
    modified by one of ``modifiers`` (the word right before it, dashes skipped, or a
    compound/adjective modifier on its left), or by one of ``lowercase`` written in
    lower case ("a district chair", "the regional commander": a sub-unit's post)."""
    wanted = set(modifiers)
    units = set(lowercase)

    def fits(tok: Token) -> bool:
        return tok.lower_ in wanted or (tok.is_lower and tok.lower_ in units)

    i = word.i - 1
    while i >= 0 and word.doc[i].text in _DASHES:
        i -= 1
    if i >= 0 and i >= word.sent.start and fits(word.doc[i]):
        return True
    return any(c.dep_ in ("compound", "amod", "nmod") and fits(c) for c in word.lefts)


def _functional_post(ctx: _Context, word: Token, preps: Iterable[str]) -> bool:
    """ "the X Legion's head of communications", "Council Coordinator for Strategic
    Communications": the role noun's body is named before it (possessor or compound) and
    what follows one of ``preps`` is a field of work, not a body, so the holder runs a
    function inside the body rather than the body itself."""
    if not any(c.dep_ in ("poss", "compound", "nmod") and ctx.resolve(c) for c in word.lefts):
        return False
    fields = [
        p
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return bool(fields) and all(p.pos_ in ("NOUN", "PROPN") and not ctx.resolve(p) for p in fields)


def _area_modifiers(ctx: _Context, word: Token, preps: Iterable[str]) -> set[str]:
    """The named modifiers of a role noun that also has a named organization after one of
    ``preps`` ("the U.N. director of the X Group", "the Ukraine director of Y"): the
    modifier is the post's area, not a body the holder heads; empty otherwise."""
    named = {
        ctx.index[c.i][0]
        for c in word.lefts
        if c.dep_ in ("compound", "nmod") and c.i in ctx.index and not ctx.index[c.i][1]
    }
    if not named:
        return set()
    after = [a for a in ctx.prep_objects(word, preps) if a.mention not in named]
    return named if any(ctx.type_of(a) == "organization" for a in after) else set()


def _attachment_frames(ctx: _Context, sent: Span) -> list[_Found]:
    out: list[_Found] = []
    for frame in load_vocab().get("attachments", []):
        for tok in sent:
            hit = ctx.index.get(tok.i)
            if hit is None or hit[1] or ctx.types.get(hit[0]) != frame["anchor_type"]:
                continue
            if tok.head.i in ctx.index and ctx.index[tok.head.i][0] == hit[0]:
                continue  # not the mention's head token
            after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if after is not None and after.text in _DASHES:
                continue  # "Belarus guarded A, and Russia - in B": a gapped clause
            if frame.get("not_after_of") and tok.dep_ == "pobj" and tok.head.lower_ == "of":
                continue  # "critics of the Kremlin in Vilnius": the place is the critics'"
            if tok.dep_ == "pobj" and tok.head.lower_ in frame.get("not_after", ()):
                continue  # "to fight with Russia in Ukraine": a country as an actor there
            if _told_medium(tok, frame.get("not_told", ())):
                continue  # "Speaking to the BBC in Washington": where the talk was
            if _names_with(ctx.texts[hit[0]], frame.get("occasion_words", ())):
                continue  # "the Donors' Conference for X in Warsaw": an event, not a place
            if ctx.texts[hit[0]].split()[-1].lower() in frame.get("venue_heads", ()):
                continue  # "a speech at Mansion House in London": a building, not a body
            objects = ctx.prep_objects(tok, frame["preps"])
            if frame.get("adjacent"):  # "by A and Chairman of Y B": the title's, not A's
                objects = _adjacent_prep_objects(ctx, tok, hit[0], frame["preps"])
            if not objects and frame.get("of_when_named") and tok.lemma_.lower() in frame.get(
                "place_nouns", ()
            ):  # "the Shebekino district of the Belgorod region"
                objects = [a for a in ctx.prep_objects(tok, ["of"]) if ctx.type_of(a) == "location"]
            if not objects and frame.get("of_when_named"):  # "the Masisi territory of X"
                objects = _unnamed_head_places(ctx, tok, frame.get("place_nouns", ()), frame["preps"])
            holder = _place_noun_holder(tok, frame.get("place_nouns", ()))
            if not objects and holder is not None:  # "the village of Kozinka in the X district"
                objects = ctx.prep_objects(holder, frame["preps"])
            if not objects:  # "hit Kozinka in the X region", "near Tyotkino in Kursk Oblast"
                objects = _following_prep_objects(ctx, tok, frame["preps"], frame.get("place_nouns", ()))
            if not objects and frame.get("adjacent_place"):  # "the outskirts of A in B"
                objects = _place_right_after(ctx, tok, hit[0], frame["preps"])
            if not objects and frame.get("directed"):  # "near Brody in western Valdoria"
                objects = _directed_place_after(ctx, tok, hit[0], frame["preps"])
            if frame.get("object_not_heads"):  # "Prague, in the Old Town Square": no
                objects = [  # town lies inside a square
                    a
                    for a in objects
                    if ctx.texts[a.mention].split()[-1].lower() not in frame["object_not_heads"]
                ]
            if frame.get("object_words"):  # "X at the Y Institute", not "X at the Y summit"
                objects = [a for a in objects if _names_with(ctx.texts[a.mention], frame["object_words"])]
            out += _pairs(ctx, frame, tok, [Arg(hit[0])], objects)
    return out


def _told_medium(tok: Token, words: Iterable[str]) -> bool:
    """True when ``tok`` is whom a speaker talks to ("told the BBC", "speaking to the
    BBC", "in an interview with the BBC"): the talk verb or noun is one of ``words``."""
    wanted = set(words)
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in wanted:
        return True
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ in ("to", "with")
        and prep.head.lemma_.lower() in wanted
    )


def _names_with(name: str, words: Iterable[str]) -> bool:
    """Whether one of ``words`` is a word of ``name`` (case-insensitive)."""
    return bool(set(re.findall(r"[a-z]+", name.lower())) & set(words))


def _unnamed_head_places(
    ctx: _Context, tok: Token, place_nouns: Iterable[str], preps: Sequence[str]
) -> list[Arg]:
    """ "the Masisi territory of North Kivu", "the Shebekino urban district in the X
    region": a name compounded with a place noun that is not part of the name, and the
    place that noun is "of" (or in)."""
    head = tok.head
    if tok.dep_ not in ("compound", "nmod") or head.i in ctx.index or head.lemma_.lower() not in place_nouns:
        return []
    return [a for a in ctx.prep_objects(head, ["of", *preps]) if ctx.type_of(a) == "location"]


def _adjacent_prep_objects(ctx: _Context, tok: Token, mention: str, preps: Sequence[str]) -> list[Arg]:
    """Objects of the mention's prepositions that follow its last word (a comma between
    allowed): "Ana Lenz of the Institute", not "Ana and Chairman of the Institute Ben"."""
    last = max(t.i for t in tok.sent if ctx.index.get(t.i) == (mention, False))
    follow = last + 2 if last + 1 < len(tok.doc) and tok.doc[last + 1].text == "," else last + 1
    wanted = set(preps)
    return [
        a
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ in wanted and prep.i == follow
        for a in ctx.prep_objects(tok, [prep.lower_])
    ]


def _possessive_frames(ctx: _Context, sent: Span) -> list[_Found]:
    """ "Valdoria's Kessel region" (located_in), "the Courier's Tom Hale" (member_of):
    a named possessor of a name, by the types in ``possessives``."""
    out: list[_Found] = []
    frames = load_vocab().get("possessives", [])
    for tok in sent:
        hit = ctx.index.get(tok.i)
        if hit is None or hit[1]:
            continue
        if tok.head.i in ctx.index and ctx.index[tok.head.i][0] == hit[0]:
            continue  # not the mention's head token
        owners = [c for c in tok.children if c.dep_ == "poss" and c.i in ctx.index]
        holder = _generic_holder(ctx, tok)
        shared = [c for c in holder.children if c.dep_ == "poss" and c.i in ctx.index] if holder else []
        for owner in owners + shared:
            other = ctx.index[owner.i]
            if other[0] == hit[0] or other[1]:
                continue  # "its fighters" is a reference, not a named possessor
            between = tok.doc[owner.i + 1 : tok.i]
            if owner not in shared and any(  # "Valdoria's eastern Kessel region" is fine
                t.dep_ != "case" and ctx.index.get(t.i, ("",))[0] != hit[0] and t.lower_ not in ctx.directions
                for t in between
            ):
                continue  # "the Brigade's leader Ivan Petrov": the role noun says more
            for frame in frames:
                if (
                    ctx.types.get(hit[0]) == frame["anchor_type"]
                    and ctx.types.get(other[0]) == frame["other_type"]
                    and not _unfit_possessed(ctx, frame, tok, hit[0])
                ):
                    out += _pairs(ctx, frame, tok, [Arg(hit[0])], [Arg(other[0])])
    return out


def _unfit_possessed(ctx: _Context, frame: dict[str, Any], tok: Token, mention: str) -> bool:
    """A possessed name the frame cannot read: a body's name or an example of a kind of
    body ("firms such as Austria's Kessler Bank and France's Lumo": not places), or the
    object of a preposition in ``not_after`` ("via the Council's Ukraine Watch")."""
    if _names_with(ctx.texts[mention], frame.get("not_name_words", ())):
        return True
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in frame.get("not_after", ()):
        return True
    return _example_of(first, frame.get("not_example_of", ()))


def _example_of(tok: Token, nouns: Iterable[str]) -> bool:
    """ "firms such as X", "companies like X", "banks including X", "a firm, X": ``tok``
    is given as an example (or apposition) of a noun in ``nouns``."""
    wanted = set(nouns)
    if not wanted:
        return False
    if tok.dep_ == "appos":
        return tok.head.lemma_.lower() in wanted
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    holder = prep.head
    if prep.lower_ == "as" and holder.lower_ == "such":  # "firms such as X"
        holder = holder.head
    return prep.lower_ in ("as", "like", "including") and holder.lemma_.lower() in wanted


def _generic_holder(ctx: _Context, tok: Token) -> Token | None:
    """ "Russia's Belgorod and Kursk regions", "Russia's regions of Belgorod and Kursk":
    the unnamed generic head ("regions") the names are compounded with (or "of"), whose
    possessor they share."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    head = first.head
    if first.dep_ == "pobj" and head.lower_ == "of":  # "Valdoria's regions of A and B"
        head = head.head
    elif first.dep_ not in ("compound", "nmod", "amod"):
        return None
    if head.i in ctx.index:
        return None
    return head if head.lemma_.lower() in ctx.generic_heads else None


def _presence_frames(ctx: _Context, sent: Span) -> list[_Found]:
    """ "their men were still inside Z", "footage showing its fighters in Z": the unit
    the people belong to operates in Z (``presence`` in the vocabulary)."""
    spec = load_vocab().get("presence")
    if not spec:
        return []
    nouns, verbs, preps = set(spec["nouns"]), set(spec["verbs"]), list(spec["preps"])
    out: list[_Found] = []
    for tok in sent:
        if tok.lemma_.lower() not in nouns or tok.i in ctx.index or tok.pos_ != "NOUN":
            continue
        actors = ctx.proxy_of(tok, 0)
        owner = tok.dep_ == "dobj" and tok.head.lemma_.lower() in spec.get("owner_verbs", ())
        if not actors and owner:  # "X, which has instructors in Z"
            actors = ctx.agents(tok.head)
        if not actors:
            continue
        trigger, places = tok, ctx.prep_objects(tok, preps)
        if not places and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in verbs:
            trigger, places = tok.head, ctx.prep_objects(tok.head, preps)
        if not places and tok.dep_ == "dobj":  # "showed its fighters in Z"
            places = [
                a
                for prep in tok.head.children
                if prep.dep_ == "prep" and prep.lower_ in preps and prep.i == tok.right_edge.i + 1
                for p in prep.children
                if p.dep_ == "pobj"
                for a in ctx.resolve(p)
            ]
        out += _pairs(ctx, spec, trigger, actors, places)
    return out


def _place_noun_holder(tok: Token, place_nouns: Iterable[str]) -> Token | None:
    """ "the village of Kozinka" -> "village" (for a name that is the object of "of")."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in place_nouns:
        return prep.head
    return None


def _following_prep_objects(
    ctx: _Context, tok: Token, preps: Sequence[str], place_nouns: Iterable[str] = ()
) -> list[Arg]:
    """Objects of a preposition right after the phrase ending in ``tok`` that the parse
    hung on the verb: "hit Kozinka in the X region", "entered the village of A in the B
    district" (through a place noun), "around A and B in the C district" (a coordination)."""
    top = tok
    if place_nouns:  # places only: "the Ministry of X in Y" is not said of every name
        while top.dep_ == "conj" and top.head.i < top.i:
            top = top.head
        holder = _place_noun_holder(top, place_nouns)
        if holder is not None and holder.dep_ in ("dobj", "pobj"):
            top = holder
    if top.dep_ == "dobj":
        verb = top.head
    elif top.dep_ == "pobj" and top.head.head.pos_ in ("VERB", "AUX"):
        verb = top.head.head
    else:
        return []
    follow = top.right_edge.i + 1 if place_nouns else tok.i + 1
    out: list[Arg] = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i == follow:
            out += [a for p in prep.children if p.dep_ == "pobj" for a in ctx.resolve(p)]
    return out


def _place_right_after(ctx: _Context, tok: Token, mention: str, preps: Sequence[str]) -> list[Arg]:
    """ "the outskirts of A in B", "that time near A in the B district", "near A, in B
    region": a place named right after the mention (or after the coordination it heads),
    by a preposition the parse hung on a phrase holding the mention. After a comma, only a
    place whose name ends in a place noun (``generic_heads``: "B region", "B Oblast")."""
    last = max(t.i for t in tok.sent if ctx.index.get(t.i) == (mention, False))
    top = tok
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    conjuncts = [c for c in tok.children if c.dep_ == "conj"]
    if (top is not tok or conjuncts) and all(c.i in ctx.index for c in conjuncts):
        # "near A and B in C", not "panic in A and concern in C" (a common noun joined)
        last = max(last, top.right_edge.i)
    i = last + 1
    comma = i < len(tok.doc) and tok.doc[i].text == ","
    i += comma
    if i >= len(tok.doc) or tok.sent.end <= i:
        return []
    prep = tok.doc[i]
    if prep.dep_ != "prep" or prep.lower_ not in preps:
        return []
    if not any(a.i == prep.head.i for a in tok.ancestors):
        return []  # a preposition of another clause
    out = [a for p in prep.children if p.dep_ == "pobj" for a in ctx.resolve(p, conj=False)]
    if comma:  # "near A, in B region", not "near A, in a sign ..., in B"
        out = [a for a in out if ctx.texts[a.mention].split()[-1].lower() in ctx.generic_heads]
    return [a for a in out if not a.coref and ctx.type_of(a) == "location"]


def _directed_place_after(ctx: _Context, tok: Token, mention: str, preps: Sequence[str]) -> list[Arg]:
    """ "Brody in western Valdoria", "the Lesno region in the east of Valdoria": a place
    right after the mention, located by a compass word, wherever the parse hung the phrase."""
    last = max(t.i for t in tok.sent if ctx.index.get(t.i) == (mention, False))
    if last + 1 >= len(tok.doc):
        return []
    prep = tok.doc[last + 1]
    if prep.dep_ != "prep" or prep.lower_ not in preps:
        return []
    out: list[Arg] = []
    for pobj in (p for p in prep.children if p.dep_ == "pobj"):
        if pobj.i in ctx.index:
            if any(c.dep_ == "amod" and c.lower_ in ctx.directions for c in pobj.children):
                out += ctx.resolve(pobj, conj=False)
        elif pobj.lower_ in ctx.directions:
            out += ctx.resolve(pobj, conj=False)
    return [a for a in out if not a.coref and ctx.type_of(a) == "location"]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _responsibility(
    ctx: _Context, sent: Span, verb: Token, events: Sequence[Event]
) -> list[_Found]:
    """ "X claimed (responsibility for) E", "X said they had crossed ...", "X denied any role"."""
    spec = load_vocab()["responsibility"]
    lemma = verb.lemma_.lower()
    if not events:
        return []
    matches: list[Event] = []
    confidence = float(spec["confidence"])
    if lemma in spec.get("behind_verbs", ()):  # "X was behind the car bomb"
        behind = [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in spec["behind_preps"]
            for p in c.children
            if p.dep_ == "pobj"
        ]
        matches = _events_for(behind, sent, events) if behind else []
        responsible = [  # "X is (not) responsible for E"
            p
            for a in verb.children
            if a.dep_ == "acomp" and a.lemma_.lower() in spec.get("responsible", ())
            for c in a.children
            if c.dep_ == "prep" and c.lower_ in spec["preps"]
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if not matches and responsible:
            matches = _acts_named(responsible, sent, events, spec)
    elif verb.pos_ != "VERB":
        return []
    if not matches and lemma in spec["verbs"]:
        unclaimable = set(spec.get("unclaimable_types", ()))
        matches = [
            e for e in _claimed_events(verb, sent, events, spec) if e.type not in unclaimable
        ]
    trigger = verb
    if not matches and lemma in spec["denial_verbs"]:
        matches = _denied_events(verb, sent, events, spec)
        if matches and lemma == "have":  # "it has no part in E": the noun carries the "no"
            trigger = next(c for c in verb.children if c.dep_ == "dobj")
    if not matches and lemma in spec["report_verbs"]:
        matches = _reported_acts(ctx, verb, events, spec)
        confidence = float(spec["reported_confidence"])
    if not matches:
        return []
    actor_types = set(spec["subject_types"])
    return [
        _Found("claimed_responsibility", agent, Arg(event.key), trigger, spec["name"], confidence)
        for agent in ctx.agents(verb)
        if ctx.type_of(agent) in actor_types
        for event in matches
    ]


def _span_of(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def _claimed_events(
    verb: Token, sent: Span, events: Sequence[Event], spec: dict[str, Any]
) -> list[Event]:
    """The events named by the object of a claiming verb."""
    claimed: list[Token] = []
    for dobj in (c for c in verb.children if c.dep_ == "dobj"):
        if dobj.lemma_.lower() in spec["nouns"]:
            for holder in (dobj, verb):
                claimed += [
                    p
                    for c in holder.children
                    if c.dep_ == "prep" and c.lower_ in spec["preps"]
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
            if not claimed:
                claimed.append(dobj)
        elif verb.lemma_.lower() == "claim" and dobj.lemma_.lower() not in spec.get("not_acts", ()):
            claimed.append(dobj)  # "claimed the bombing", not "claimed victory"
    if not claimed:
        return []
    return _events_for(claimed, sent, events)


def _events_for(nouns: list[Token], sent: Span, events: Sequence[Event]) -> list[Event]:
    """Events whose evidence overlaps the noun phrases, else the sentence's only event,
    else the latest earlier event whose evidence uses the same noun ("the raid")."""
    spans = [_span_of(t) for t in nouns]
    matches = [e for e in events if any(_overlaps(e.start, e.end, s, t) for s, t in spans)]
    if matches:
        return matches
    in_sentence = [e for e in events if _overlaps(e.start, e.end, sent.start_char, sent.end_char)]
    if in_sentence:
        return in_sentence if len(in_sentence) == 1 else []
    return _latest_told(nouns, sent, events)


def _told_by(nouns: list[Token], quote: str) -> int:
    """How well an earlier event's evidence tells what the noun phrases name: 2 when it
    has the name the noun is compounded with ("the Tarma operation" -> "... near Tarma"),
    1 when it uses the noun's word ("the raid" -> "raided", "the incursions" ->
    "incursion"), else 0."""
    words = re.findall(r"\w+", quote.lower())
    best = 0
    for noun in (t for t in nouns if t.pos_ == "NOUN"):
        names = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names and all(n in words for n in names):
            return 2
        stem = noun.lemma_.lower()
        if any(w.startswith(stem) for w in words):
            best = 1
    return best


def _latest_told(nouns: list[Token], sent: Span, events: Sequence[Event]) -> list[Event]:
    """The latest event before ``sent`` that the noun phrases tell best (see _told_by)."""
    scored = [(_told_by(nouns, e.quote), e) for e in events if e.end <= sent.start_char]
    best = max((score for score, _ in scored), default=0)
    return [e for score, e in scored if score == best][-1:] if best else []


def _denied_events(
    verb: Token, sent: Span, events: Sequence[Event], spec: dict[str, Any]
) -> list[Event]:
    """ "X denied any involvement (in E)", "X denied carrying out E", "X has no part in
    E": E, or the latest earlier act of violence."""
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    nouns = [c for c in dobjs if c.lemma_.lower() in spec["involvement"]]
    if any(c.lower_ == "nothing" for c in dobjs):  # "has nothing to do with E"
        nouns = [t for c in dobjs for t in c.subtree if t.lemma_ == "do" and t.pos_ == "VERB"]
    acts = [] if nouns or verb.lemma_.lower() == "have" else _denied_acts(verb, spec)
    if not nouns and not acts:
        return []
    named = [  # "carrying out the Tarma attack", not "targeting civilians"
        c
        for a in acts
        for c in a.children
        if c.dep_ == "dobj" and c.lemma_.lower() in spec.get("act_nouns", {})
    ] + [p for n in nouns for c in n.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return _acts_named(named, sent, events, spec, any_act=bool(acts))


def _acts_named(
    named: list[Token], sent: Span, events: Sequence[Event], spec: dict[str, Any], any_act: bool = False
) -> list[Event]:
    """The events a denial is about: an earlier event the noun phrases tell ("denied
    the Tarma attack"), one they overlap; else, when they name an act of violence
    (``act_nouns``) or nothing, the sentence's one act or the latest earlier act ("any
    role in the elections" denies no act)."""
    if named:
        found = _latest_told(named, sent, events) or _events_for(named, sent, events)
        if found:
            return found
        if not any_act and not any(n.lemma_.lower() in spec.get("act_nouns", {}) for n in named):
            return []
    kinds = set(spec["act_types"])
    here = [e for e in events if _overlaps(e.start, e.end, sent.start_char, sent.end_char)]
    if len(here) == 1 and here[0].type in kinds:
        return here
    earlier = [e for e in events if e.end <= sent.start_char and e.type in kinds]
    named_kinds = {spec.get("act_nouns", {}).get(n.lemma_.lower()) for n in named} - {None}
    return [e for e in earlier if e.type in named_kinds][-1:] or earlier[-1:]


def _denied_acts(verb: Token, spec: dict[str, Any]) -> list[Token]:
    """ "denied carrying out the attack", "denied targeting civilians": the gerunds of one
    of ``denied_acts`` a denial verb governs."""
    wanted = set(spec.get("denied_acts", ()))
    return [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" and c.lemma_.lower() in wanted
    ]


def _reported_acts(
    ctx: _Context, verb: Token, events: Sequence[Event], spec: dict[str, Any]
) -> list[Event]:
    """ "X said they had crossed into Y": the event told by a clause the speakers are subject of."""
    acts = set(spec["act_verbs"])
    out: list[Event] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in acts:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if not subjects or not _speaker_subject(ctx, subjects[0]):
            continue
        start, end = _span_of(clause)
        out += [e for e in events if _overlaps(e.start, e.end, start, end)]
    return out


def _speaker_subject(ctx: _Context, subject: Token) -> bool:
    """The subject of a reported clause stands for the speakers: "they", "it", "we", or
    their people by a possessive pronoun ("X said its fighters had crossed ...",
    "their men", ``presence`` nouns and ``clause_possessives``)."""
    if subject.lower_ in ctx.clause_pronouns:
        return True
    nouns = set((load_vocab().get("presence") or {}).get("nouns", ()))
    return subject.lemma_.lower() in nouns and any(
        c.dep_ == "poss" and c.lower_ in ctx.clause_possessives for c in subject.children
    )


def _hypothetical(trigger: Token) -> bool:
    vocab = load_vocab()["hypothetical"]
    for tok in clause_path(trigger):
        if tok is not trigger and tok.lemma_.lower() in vocab["verbs"]:
            return True
        for child in tok.children:
            if child.dep_ == "mark" and child.lower_ in vocab["marks"]:
                return True
            if child.dep_ == "aux" and child.lower_ in vocab["modals"]:
                return True
    return False


def _date_of(prep: Token) -> str | None:
    """ "since March 2022" -> "2022-03"; "since 2014" -> "2014"."""
    words = [t.lower_ for p in prep.children if p.dep_ == "pobj" for t in p.subtree]
    text = " ".join(words)
    year = _YEAR.search(text)
    if year is None:
        return None
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    return f"{year.group(1)}-{month:02d}" if month else year.group(1)


def _validity(trigger: Token) -> tuple[str | None, str | None, bool]:
    vocab = load_vocab()["validity"]
    valid_from = valid_to = None
    former = False
    for tok in clause_path(trigger):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in vocab["from"] and valid_from is None:
                valid_from = _date_of(child)
            elif child.dep_ == "prep" and child.lower_ in vocab["to"] and valid_to is None:
                valid_to = _date_of(child)
            elif child.dep_ in ("amod", "advmod") and child.lower_.strip("-") in vocab["former"]:
                former = True
    return valid_from, valid_to, former


def _trigger_frames() -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    vocab = load_vocab()
    verbs: dict[str, list[dict]] = {}
    nominals: dict[str, list[dict]] = {}
    for frame in vocab["verbs"]:
        for lemma in frame["lemmas"]:
            verbs.setdefault(lemma, []).append(frame)
    for frame in vocab["nominals"]:
        for lemma in frame["lemmas"]:
            nominals.setdefault(lemma, []).append(frame)
    return verbs, nominals


def sentence_claims(ctx: _Context, sent: Span, events: Sequence[Event] = ()) -> list[_Found]:
    """Every frame that fires in one sentence (before negation and attribution)."""
    verbs, nominals = _trigger_frames()
    found: list[_Found] = []
    for tok in sent:
        lemma = _title_lemma(ctx, tok) or tok.lemma_.lower()
        if is_verbal(tok):
            for frame in verbs.get(lemma, []):
                found += _verb_frame(ctx, frame, tok)
            found += _responsibility(ctx, sent, tok, events)
        elif tok.pos_ == "NOUN":
            for frame in verbs.get(lemma, []):
                found += _misread_reciprocal(ctx, frame, tok)
        if tok.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") and lemma in nominals:
            hit = ctx.index.get(tok.i)
            if hit is not None and not hit[1]:
                continue  # part of a name ("Popular Front"), not a role noun
            for frame in nominals[lemma]:
                if tok.pos_ == "VERB" and tok.dep_ not in ("acl", "amod", "acomp"):
                    continue
                found += _nominal_frame(ctx, frame, tok)
    found += _attachment_frames(ctx, sent)
    found += _possessive_frames(ctx, sent)
    found += _presence_frames(ctx, sent)
    found += _splinter_frames(ctx, sent)
    return _drop_containers(found)


def _splinter_frames(ctx: _Context, sent: Span) -> list[_Found]:
    """ "men left X and formed Y", "Y was set up by men who broke away from X": a body
    founded by people leaving another split from it (``splinters`` in the vocabulary)."""
    spec = load_vocab().get("splinters")
    if not spec:
        return []
    found_verbs = set(spec["found_verbs"])
    out: list[_Found] = []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if lemma in spec["leave_verbs"]:
            old = ctx.patients(verb)
        elif lemma in spec["from_verbs"]:
            old = ctx.prep_objects(verb, ["from"])
        else:
            continue
        if not old:
            continue
        founding = [  # "left X and formed Y", "formed Y after leaving X"
            v
            for v in (*verb.children, verb.head)
            if v.i != verb.i
            and v.lemma_.lower() in found_verbs
            and (v.dep_ == "conj" or verb.dep_ in ("conj", "advcl", "pcomp"))
            and not is_passive(v)
        ]
        new = [a for v in founding for a in ctx.patients(v)]
        holder = verb.head  # "set up by men who broke away from X"
        if verb.dep_ == "relcl" and holder.dep_ == "pobj" and holder.head.dep_ == "agent":
            founder = holder.head.head
            if founder.lemma_.lower() in found_verbs:
                new += ctx.patients(founder)
                founding.append(founder)
        if new:
            out += _pairs(ctx, spec, founding[0], new, old)
    return out


def _drop_containers(found: list[_Found]) -> list[_Found]:
    """ "fighting around A in the B district", "entered the village of A in the B district
    of C": the actor is at A; B and C only locate A, so the actor's ``operates_in`` them
    is dropped (when the sentence places the actor at A and A, directly or through a
    chain, in B)."""
    inside: dict[str, set[str]] = {}
    for f in found:
        if f.predicate == "located_in":
            inside.setdefault(f.subject.mention, set()).add(f.object.mention)
    if not inside:
        return found

    def containers(place: str) -> set[str]:
        seen: set[str] = set()
        todo = [place]
        while todo:
            for outer in inside.get(todo.pop(), ()):
                if outer not in seen:
                    seen.add(outer)
                    todo.append(outer)
        return seen

    located = {(f.subject.mention, f.object.mention) for f in found if f.predicate == "operates_in"}
    drop = {(actor, outer) for actor, place in located for outer in containers(place) - {place}}
    return [f for f in found if f.predicate != "operates_in" or (f.subject.mention, f.object.mention) not in drop]


def _title_lemma(ctx: _Context, tok: Token) -> str | None:
    """ "Secretary General", "Secretary-General" -> "secretary-general" (``compound_titles``)."""
    words = [tok.lower_]
    i = tok.i - 1
    while i >= 0 and len(words) < 4:
        prev = tok.doc[i]
        if prev.text not in _DASHES:
            words.insert(0, prev.lower_)
            if tuple(words) in ctx.compound_titles:
                return "-".join(words)
        i -= 1
    return None


def _is_question(sent: Span) -> bool:
    return sent.text.rstrip().endswith("?")


def find_claims(
    sdoc: Doc, doc: Document, mentions: list[Mention], events: Sequence[Event] = ()
) -> list[Claim]:
    """Relation claims stated in ``doc``, each with its sentence as evidence.

    ``sdoc`` is the spaCy parse of ``doc.text``; ``mentions`` its named actors;
    ``events`` the document's events (targets of ``claimed_responsibility``).
    """
    if sdoc.text != doc.text:
        raise InputError(
            doc.id,
            "the parsed text differs from the document text; parse doc.text itself "
            "(load_nlp()(doc.text)) so that claim offsets point into the document",
        )
    refs = resolve_references(sdoc, mentions)
    ctx = _Context(sdoc, mentions, refs, resolve_plural_references(sdoc, mentions, refs))
    claims: dict[tuple[str, str, str, int], Claim] = {}
    for sent in sdoc.sents:
        if _is_question(sent):
            continue
        text = sent.text.rstrip()
        start, end = sent.start_char, sent.start_char + len(text)
        if not text:
            continue
        for f in sentence_claims(ctx, sent, events):
            named = ctx.index.get(f.trigger.i, ("", True))[1] is False
            if not named and _hypothetical(f.trigger):
                continue  # a name's attachment ("We asked X of Y") is presupposed
            if discredited(f.trigger):
                continue  # "makes false charges that X attacks Y": not a fact
            claim = _to_claim(ctx, doc, sent, start, end, f)
            if claim.claimant is None and hearsay(f.trigger):
                continue  # "statements saying that X attacks Y": whose, unknown
            key = (claim.predicate, claim.subject, claim.object, claim.start)
            if key not in claims or claims[key].confidence < claim.confidence:
                claims[key] = claim
    return sorted(claims.values(), key=lambda c: (c.start, c.predicate, c.subject, c.object))


def _to_claim(ctx: _Context, doc: Document, sent: Span, start: int, end: int, f: _Found) -> Claim:
    subject, obj = f.subject, f.object
    if f.predicate in SYMMETRIC_PREDICATES and _order(obj.mention) < _order(subject.mention):
        subject, obj = obj, subject
    via_coref = subject.coref or obj.coref
    confidence = min(f.confidence, 0.75) if via_coref else f.confidence
    valid_from, valid_to, former = _validity(f.trigger)
    rule = f.rule + ("+coref" if via_coref else "") + ("+former" if former else "")
    return Claim(
        doc=doc.id,
        start=start,
        end=end,
        quote=doc.text[start:end],
        predicate=f.predicate,
        subject=subject.mention,
        object=obj.mention,
        confidence=confidence,
        rule=rule,
        claimant=claimant_of(sent, f.trigger, ctx.index, ctx.types),
        negated=is_negated(f.trigger) or _contrasted(ctx, sent, obj.mention),
        valid_from=valid_from,
        valid_to=valid_to,
    )


def _contrasted(ctx: _Context, sent: Span, mention: str) -> bool:
    """ "an enemy of X, not of Y": Y is the object of a preposition a contrastive "not"
    introduces (see ``attribution.contrastive``)."""
    for tok in sent:
        if ctx.index.get(tok.i, ("",))[0] != mention or tok.dep_ not in ("pobj", "conj"):
            continue
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        prep = tok.head
        if tok.dep_ == "pobj" and prep.i > 0 and prep.doc[prep.i - 1].dep_ == "neg":
            return contrastive(prep.doc[prep.i - 1])
    return False


def _order(mention: str) -> tuple[int, str]:
    """Sort key of a mention id (``doc:start-end``): by start offset."""
    tail = mention.rsplit(":", 1)[-1]
    head = tail.split("-", 1)[0]
    return (int(head), mention) if head.isdigit() else (1 << 30, mention)
