"""Reported speech and negation (factmap.extract.attribution)."""

from __future__ import annotations

import pytest

from factmap.extract.attribution import attribute
from factmap.extract.coref import resolve_references
from tests.helpers import all_mentions as make_mentions

PER, ORG = "person", "organization"




def attribute_last(nlp, text: str, specs, trigger: str | None = None) -> tuple[str | None, bool]:
    """attribute() on the last sentence; claimant returned as mention text."""
    mentions = make_mentions(text, "t", specs)
    sdoc = nlp(text)
    refs = resolve_references(sdoc, mentions)
    sent = list(sdoc.sents)[-1]
    word = next(t for t in sent if t.text == trigger) if trigger else None
    claimant, negated = attribute(sent, mentions, refs, trigger=word)
    names = {m.id: m.text for m in mentions}
    return (names[claimant] if claimant else None), negated


SPEECH = [
    ("The ministry said that the Sun Battalion operates near Bakhmut.", "operates", "ministry"),
    ("The Sun Battalion operates near Bakhmut, the ministry said.", "operates", "ministry"),
    ("According to the governor, the Sun Battalion operates near Bakhmut.", "operates", "governor"),
    (
        "Lia Moreno told reporters the Sun Battalion operates near Bakhmut.",
        "operates",
        "Lia Moreno",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,speaker", SPEECH)
def test_attribution_speaker_of_reported_speech(nlp, text, trigger, speaker):
    specs = [("ministry", ORG), ("governor", PER), ("Lia Moreno", PER), ("Sun Battalion", ORG)]
    assert attribute_last(nlp, text, specs, trigger) == (speaker, False)


@pytest.mark.slow
def test_attribution_own_voice_has_no_claimant(nlp):
    text = "The Sun Battalion operates near Bakhmut."
    assert attribute_last(nlp, text, [("Sun Battalion", ORG)]) == (None, False)


@pytest.mark.slow
def test_attribution_speaker_through_reference(nlp):
    text = (
        "The Azure Front issued a statement. The group claimed that the Sun Battalion was beaten."
    )
    claimant, _ = attribute_last(
        nlp, text, [("Azure Front", ORG), ("Sun Battalion", ORG)], "beaten"
    )
    assert claimant == "Azure Front"


@pytest.mark.slow
def test_attribution_speaker_inside_relative_clause_is_not_a_claimant(nlp):
    text = "Lia Moreno, who said little, leads the Delta Council."
    assert attribute_last(nlp, text, [("Lia Moreno", PER), ("Delta Council", ORG)], "leads") == (
        None,
        False,
    )


NEGATION = [
    ("Lia Moreno does not lead the Delta Council.", "lead", True),
    ("Lia Moreno never led the Delta Council.", "led", True),
    ("The government has denied that Lia Moreno leads the Delta Council.", "leads", True),
    ("The Delta Council rejected any link to the Sun Battalion.", "link", True),
    ("The Delta Council has no link to the Sun Battalion.", "link", True),
    ("The Delta Council has nothing to do with the Sun Battalion.", "do", True),
    ("Lia Moreno leads the Delta Council.", "leads", False),
    ("Lia Moreno, the head of the Delta Council, did not attend.", "head", False),
    # a contrastive "not" negates only the phrase it introduces
    ("Lia Moreno is a member of the Delta Council, not of the Sun Battalion.", "member", False),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,negated", NEGATION)
def test_attribution_negation_cues(nlp, text, trigger, negated):
    specs = [
        ("Lia Moreno", PER),
        ("Delta Council", ORG),
        ("Sun Battalion", ORG),
        ("government", ORG),
    ]
    assert attribute_last(nlp, text, specs, trigger)[1] is negated


@pytest.mark.slow
def test_attribution_denial_names_the_denier(nlp):
    text = "The government has denied that Lia Moreno leads the Delta Council."
    specs = [("Lia Moreno", PER), ("Delta Council", ORG), ("government", ORG)]
    assert attribute_last(nlp, text, specs, "leads") == ("government", True)


@pytest.mark.slow
def test_attribution_denial_by_a_role_noun_subject_does_not_negate_the_role(nlp):
    text = "The Delta Council met. Its leader, Lia Moreno, denied the report."
    specs = [("Lia Moreno", PER), ("Delta Council", ORG)]
    assert attribute_last(nlp, text, specs, "leader") == (None, False)


# -- denials as the corpus words them ------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        ("The Azure Front said it has no ties with the Sun Battalion.", "ties", ("Azure Front", True)),
        ("The ministry denied any involvement.", "denied", ("ministry", True)),
        ("The Sun Battalion is not part of the Azure Front.", "part", (None, True)),
        ("The Sun Battalion is part of the Azure Front, the ministry said.", "part", ("ministry", False)),
    ],
)
def test_attribution_denials_are_negated_with_their_speaker(nlp, text, trigger, expected):
    specs = [("Azure Front", ORG), ("Sun Battalion", ORG), ("ministry", ORG)]
    assert attribute_last(nlp, text, specs, trigger) == expected
