"""Tests for factmap.extract.nlp: the pipeline's own sentence-boundary components and
the lemmas it mends."""

from __future__ import annotations

import pytest


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


_LEAD = (
    "The army sent two brigades to Kessel and two destroyers to Ostrava.\n\n"
    "Heavy guns positioned near the border with Ostrava\n\n"
)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Jens Halden", "Marta Kovic"])
def test_nlp_paragraph_first_word_stays_in_its_sentence(nlp, name):
    # the parser alone makes the paragraph's first word a sentence ("Jens | Halden, ...")
    sentence = f"{name}, the alliance secretary general, explained that the plan was ready."
    assert _sentences(nlp, _LEAD + sentence)[-1] == sentence


@pytest.mark.slow
def test_nlp_paragraph_start_and_real_sentence_ends_are_kept(nlp):
    text = "Talks end\n\nThe talks ended. Jorvik Halden left Kessel. he said nothing more."
    found = _sentences(nlp, text)
    assert found[0] == "Talks end"
    assert "The talks ended." in found and "Jorvik Halden left Kessel." in found


def test_nlp_glue_rules_on_hand_built_tokens():
    import spacy
    from spacy.tokens import Doc

    from factmap.extract.nlp import _glued

    words = ["in", "Kessel", "was", "seen", "Jorvik", "Halden", ".", "Then"]
    spaces = [True, True, True, True, True, False, True, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    for tok, tag in zip(doc, ["IN", "NNP", "VBD", "VBN", "NNP", "NNP", ".", "RB"], strict=True):
        tok.tag_ = tag
    assert _glued(doc[1], doc[2])  # "Kessel | was": a lowercase word goes on
    assert _glued(doc[4], doc[5])  # "Jorvik | Halden": two proper nouns on one line
    assert not _glued(doc[6], doc[7])  # ". | Then": a sentence may start after a stop
    assert not _glued(doc[5], doc[6])  # punctuation is never glued here


@pytest.mark.slow
def test_nlp_e_final_verbs_keep_their_lemma(nlp):
    # spaCy's rules alone give "stag", "wag" and "hop"
    doc = nlp("The Harrow Front staged a raid and waged war, hoping to win.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["staged"], lemmas["waged"], lemmas["hoping"]) == ("stage", "wage", "hope")
