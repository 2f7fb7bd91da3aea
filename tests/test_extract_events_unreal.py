"""find_events on what news writes without telling a happening: desires and dispositions
("a desire for X to invade", "open to meeting"), alternatives ("whether by ... or attack"),
figures of speech ("the battle for freedom", "bombed <a person>", "war fighting"), generic
statements ("one country has invaded another", "invaders shell and bomb cities", "the
cities that have been bombed", "during the fighting in <country>") and negated reports."""

from __future__ import annotations

import pytest

from factmap.extract.events import load_event_vocab

FRIDAY = "2024-06-07"


def test_extract_events_vocab_lists_for_unreal_forms() -> None:
    vocab = load_event_vocab()
    assert {"open", "ready"} <= vocab.irrealis_adjectives
    assert "whether" in vocab.conditional_marks and "desire" in vocab.irrealis_nouns
    assert "one" in vocab.generic_determiners and "a" not in vocab.generic_determiners
    assert "from" in vocab.member_preps
    bomb = next(r for r in vocab.rules if "bomb" in r.lemmas and r.pos == "verb")
    assert "person" in bomb.exclude_object_types


@pytest.mark.slow
def test_extract_events_desire_for_a_country_to_invade_is_no_event(events) -> None:
    text = "There is an obvious desire for Valdoria to invade the northern part of Ostmark."
    assert events(text, [("Valdoria", "location"), ("Ostmark", "location")]) == []


@pytest.mark.slow
def test_extract_events_open_to_meeting_is_no_event(events) -> None:
    text = 'A ministry spokesman said, "We remain open to meeting again with the Harrow Front.'
    assert events(text, [("Harrow Front", "organization")]) == []


@pytest.mark.slow
def test_extract_events_ready_to_attack_is_no_event_but_attacked_is(events) -> None:
    text = "The Harrow Front is ready to attack Brennick. The Harrow Front attacked Tolsk on Monday."
    found = events(text, [("Harrow Front", "organization"), ("Brennick", "location"),
                          ("Tolsk", "location")])
    assert [(e.type, e.date) for e in found] == [("attack", "2024-06-03")]


@pytest.mark.slow
def test_extract_events_whether_alternatives_are_no_event(events) -> None:
    text = ("We will not take part in this war, whether by sending soldiers to fight in Ostmark "
            "or attack Valdorian forces, the president said.")
    found = events(text, [("Ostmark", "location")])
    assert [e for e in found if e.type == "attack"] == []


@pytest.mark.slow
def test_extract_events_battle_for_an_ideal_is_no_event(events) -> None:
    text = "Ostmark's battle for freedom and security today is a noble one."
    assert events(text, [("Ostmark", "location")]) == []


@pytest.mark.slow
def test_extract_events_battle_for_a_town_is_a_battle(events) -> None:
    text = "The battle for Tolsk began on Monday."
    found = events(text, [("Tolsk", "location")])
    assert [(e.type, e.date) for e in found] == [("battle", "2024-06-03")]


@pytest.mark.slow
def test_extract_events_attack_on_democracy_is_no_event(events) -> None:
    text = "Mira Santos called the new law an attack on democracy on Tuesday."
    found = events(text, [("Mira Santos", "person")])
    assert [e for e in found if e.type == "attack"] == []


@pytest.mark.slow
def test_extract_events_war_fighting_is_no_battle(events) -> None:
    text = "The base is an important element in Valdorian war fighting and deterrence."
    assert events(text, [("Valdorian", "group")]) == []


@pytest.mark.slow
def test_extract_events_bombing_a_person_is_a_figure_of_speech(events) -> None:
    text = "To make his point, he bombed Anna Weiss, the envoy, who was visiting Tolsk."
    found = events(text, [("Anna Weiss", "person"), ("Tolsk", "location")])
    assert [e for e in found if e.type == "attack"] == []


@pytest.mark.slow
def test_extract_events_bombing_a_town_is_an_attack(events) -> None:
    text = "The Harrow Front bombed Tolsk on Monday."
    found = events(text, [("Harrow Front", "organization"), ("Tolsk", "location")])
    assert [(e.type, e.date) for e in found] == [("attack", "2024-06-03")]


@pytest.mark.slow
def test_extract_events_generic_statement_is_no_event(events) -> None:
    text = "One country has invaded another one. A state that attacks its neighbours loses."
    assert events(text, []) == []


@pytest.mark.slow
def test_extract_events_indefinite_doer_of_a_dated_past_happening_is_kept(events) -> None:
    text = "A group of fighters attacked a checkpoint on Monday."
    found = events(text, [])
    assert [(e.type, e.date) for e in found] == [("attack", "2024-06-03")]


@pytest.mark.slow
def test_extract_events_reported_negation_is_no_event(events) -> None:
    text = "The spokeswoman said that Valdoria was not attacked by Ostmark on Monday."
    found = events(text, [("Valdoria", "location"), ("Ostmark", "location")])
    assert found == []


@pytest.mark.slow
def test_extract_events_delegates_from_an_organization_take_part(events) -> None:
    text = "Delegates from the Free Workers Party walked out on Thursday."
    found = events(text, [("Free Workers Party", "organization")])
    assert len(found) == 1 and found[0].date == "2024-06-06"
    assert len(found[0].participants) == 1


@pytest.mark.slow
def test_extract_events_habitual_attendance_is_no_event_but_a_dated_one_is(events) -> None:
    names = [("Valdoria", "location"), ("Harrow Alliance", "organization")]
    text = "It was the first revision since 2010, when Valdoria still attended Harrow Alliance summits."
    assert [e for e in events(text, names) if e.type == "meeting"] == []
    text = "Valdoria attended a Harrow Alliance summit in Tolsk in 2010."
    names.append(("Tolsk", "location"))
    assert [(e.type, e.date) for e in events(text, names)] == [("meeting", "2010")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Ostmark president had earlier said that negotiations with the Harrow Alliance were impossible.",
        "Discussing a ceasefire with Valdoria at this point meets a familiar response.",
        "He faces a renewed battle to drive Valdorian tanks off Ostmark in the spring.",
        "The second attack on Ostmark when Valdoria joins the war based on allied agreements.",
        "The Harrow Alliance repairs weapons damaged in combat in Ostmark.",
        'Maro Kest said: "We do not see the active creation of new units on the territory of Valdoria."',
        "Since then, negotiations between Ostmark and the Harrow Alliance have not brought a breakthrough.",
        "Valdoria accused Ostmark of putting pressure on its neighbours in an attempt to derail the summit.",
        "The adviser Maro Kest recommended the president of Valdoria to sign a settlement.",
    ],
)
def test_extract_events_unreal_generic_and_denied_forms_are_no_event(events, text) -> None:
    names = [(n, t) for n, t in (("Ostmark", "location"), ("Valdoria", "location"),
                                 ("Maro Kest", "person"), ("Harrow Alliance", "organization"))
             if n in text]
    assert [(e.type, e.quote) for e in events(text, names, "2023-02-09")] == []


def test_extract_events_vocab_lists_for_habits_and_prospects() -> None:
    vocab = load_event_vocab()
    assert "still" in vocab.habitual_adverbs and "face" in vocab.prospect_verbs
    assert "in" in vocab.bare_noun_preps and "impossible" in vocab.irrealis_adjectives
    meet = next(r for r in vocab.rules if r.lemmas == frozenset({"meet"}))
    assert "response" in meet.exclude_objects and "criticism" in meet.exclude_prep_objects


# --- hypotheticals and futures told through a purpose, a decision, a time clause


@pytest.mark.slow
def test_extract_events_pretext_to_invade_is_no_event(events) -> None:
    text = 'An official said that Valdoria could stage a pretext to invade Ostmark "at any moment".'
    assert events(text, [("Valdoria", "location"), ("Ostmark", "location")]) == []


@pytest.mark.slow
def test_extract_events_decided_to_invade_is_no_event(events) -> None:
    text = "I am convinced that Marek Dall has already decided to invade Ostmark."
    assert events(text, [("Marek Dall", "person"), ("Ostmark", "location")]) == []


@pytest.mark.slow
def test_extract_events_readying_an_offensive_is_no_event(events) -> None:
    text = "The new rockets suggest the Harrow Front is readying an offensive against Tolsk."
    assert events(text, [("Harrow Front", "organization"), ("Tolsk", "location")]) == []


@pytest.mark.slow
def test_extract_events_present_time_clause_under_an_expectation_is_no_event(events) -> None:
    text = ("The bill goes to the Senate, which is expected to pass it within days before "
            "President Marek Dall signs it.")
    assert events(text, [("Senate", "organization"), ("Marek Dall", "person")]) == []


@pytest.mark.slow
def test_extract_events_when_clause_under_a_future_takes_no_past_weekday(events) -> None:
    text = ("Talks about it will continue on Wednesday in Brennick, when Anna Koval meets "
            "the chancellor Piotr Lenz.")
    found = events(text, [("Brennick", "location"), ("Anna Koval", "person"), ("Piotr Lenz", "person")])
    assert all(e.date is None or e.date > "2024-06-07" for e in found)


@pytest.mark.slow
def test_extract_events_dismissed_suggestions_is_no_event(events) -> None:
    text = "Last month Marek Dall dismissed suggestions that Valdoria might attack Ostmark."
    assert events(text, [("Marek Dall", "person"), ("Valdoria", "location"), ("Ostmark", "location")]) == []


@pytest.mark.slow
def test_extract_events_dismissed_minister_is_still_an_event(events) -> None:
    text = "On Monday Marek Dall dismissed the defence minister Piotr Lenz."
    found = events(text, [("Marek Dall", "person"), ("Piotr Lenz", "person")])
    assert [e.type for e in found] == ["other"]


@pytest.mark.slow
def test_extract_events_meeting_a_definition_is_no_meeting(events) -> None:
    text = "The assembly says these acts meet the definition of the crime of aggression."
    assert events(text, []) == []


# --- series and campaigns: no one happening


@pytest.mark.slow
def test_extract_events_a_dozen_meetings_since_january_is_no_event(events) -> None:
    text = "The Harrow Council has convened almost a dozen meetings on Ostmark since late January."
    assert events(text, [("Harrow Council", "organization"), ("Ostmark", "location")]) == []


@pytest.mark.slow
def test_extract_events_dozens_of_sessions_and_numerous_votes_are_no_event(events) -> None:
    text = ("The Harrow Council has held dozens of sessions, meetings and working groups, and "
            "has voted on numerous resolutions.")
    assert events(text, [("Harrow Council", "organization")]) == []


@pytest.mark.slow
def test_extract_events_one_counted_meeting_is_still_an_event(events) -> None:
    text = "The Harrow Council held a meeting on Ostmark on Monday."
    found = events(text, [("Harrow Council", "organization"), ("Ostmark", "location")])
    assert [e.type for e in found] == ["meeting"]


@pytest.mark.slow
def test_extract_events_months_of_attack_is_a_campaign_not_an_event(events) -> None:
    text = '"After our 114 days of attack on Ostmark, they have achieved nothing," he said.'
    assert events(text, [("Ostmark", "location")]) == []


@pytest.mark.slow
def test_extract_events_continual_bombardment_is_no_event(events) -> None:
    text = "For 100 days, Valdoria has been continually bombarding Ostmark's towns."
    assert events(text, [("Valdoria", "location"), ("Ostmark", "location")]) == []


@pytest.mark.slow
def test_extract_events_what_a_kind_of_people_do_is_no_event(events) -> None:
    text = ("The governor said that Kelvian invaders shell and bomb Arland's cities, towns, and "
            "villages, and kill civilians.")
    assert events(text, [("Arland", "location")]) == []
    text = "The governor said that the invaders shelled Arland's villages on Monday."
    assert [e.type for e in events(text, [("Arland", "location")])] == ["attack"]


@pytest.mark.slow
def test_extract_events_a_kind_of_bombed_city_is_no_event(events) -> None:
    text = ("Few travellers would want to live with the danger, or tour the towns that have "
            "been bombed, or feel the fear.")
    assert events(text, []) == []


@pytest.mark.slow
def test_extract_events_fighting_in_a_whole_country_is_the_war_not_a_battle(events) -> None:
    text = "Equipment captured during the fighting in Ukraine was shown in Orsk on Wednesday."
    found = events(text, [("Ukraine", "location"), ("Orsk", "location")])
    assert "battle" not in [e.type for e in found]
    found = events("The fighting in Bakhmut killed dozens.", [("Bakhmut", "location")])
    assert [e.type for e in found] == ["battle"]


@pytest.mark.slow
def test_extract_events_what_a_copula_calls_possible_is_no_event(events) -> None:
    text = "Arlo Venn told the council it was possible to attack Kelvian units within a week."
    assert events(text, [("Arlo Venn", "person")]) == []
    text = "Arlo Venn said that his forces attacked Kelvian positions on Monday."
    assert [e.type for e in events(text, [("Arlo Venn", "person")])] == ["attack"]


@pytest.mark.slow
def test_extract_events_noun_of_a_negated_light_verb_is_no_event(events) -> None:
    text = "In 2014, votes were not taken in Orsk and Brava because the offensive was stopped."
    assert "election" not in [e.type for e in events(text, [("Orsk", "location"), ("Brava", "location")])]
    text = "The Oak Legion did not launch an attack on Orsk in May."
    assert events(text, [("Oak Legion", "organization"), ("Orsk", "location")]) == []
    text = "The Oak Legion launched an attack on Orsk in May."
    found = events(text, [("Oak Legion", "organization"), ("Orsk", "location")])
    assert [(e.type, e.date) for e in found] == [("attack", "2024-05")]


@pytest.mark.slow
def test_extract_events_content_of_a_false_charge_or_a_statement_is_no_event(events) -> None:
    text = "Kelvia makes false charges that the Oak Legion shelled Brava on Monday."
    assert events(text, [("Kelvia", "location"), ("Oak Legion", "organization"), ("Brava", "location")]) == []
    text = "He repeats statements saying that Arlanders attack Kelvians without any reason."
    assert events(text, [("Arlanders", "group"), ("Kelvians", "group")]) == []
    text = "Officials said that the Oak Legion shelled Brava on Monday."
    found = events(text, [("Oak Legion", "organization"), ("Brava", "location")])
    assert [(e.type, e.date) for e in found] == [("attack", "2024-06-03")]


@pytest.mark.slow
def test_extract_events_plural_noun_in_a_list_of_grievances_is_no_event(events) -> None:
    names = [("Kelvia", "location")]
    text = "Crowds marched in response to Kelvia's fake votes, repression, war crimes and censorship."
    assert events(text, names) == []
    text = "Crowds marched after Kelvia's rigged votes on 3 March 2024, repression and censorship."
    assert [(e.type, e.date) for e in events(text, names)] == [("election", "2024-03-03")]
    text = "Crowds marched after Kelvia's fake votes in Brava."
    assert [e.type for e in events(text, [*names, ("Brava", "location")])] == ["election"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ostmark is still hoping that the Harrow Front will hold talks in Brennick next week.",
        "The Harrow Front has tasked its units with capturing Brennick by the end of May.",
        "In 2011, the Harrow Front invited all parties to sign a new security treaty in Brennick.",
        "She told the Harrow Front to refrain from attacking Brennick.",
        "Talks with the Harrow Front remain out of the question, a minister said in Brennick.",
        "The parade was cancelled because of frequent Harrow Front strikes on Brennick.",
    ],
)
def test_extract_events_hoped_tasked_invited_refrained_ruled_out_or_habitual_is_no_event(events, text) -> None:
    assert events(text, [("Harrow Front", "organization"), ("Brennick", "location")]) == []


@pytest.mark.slow
def test_extract_events_copy_signed_or_verb_read_as_noun_is_no_event(events) -> None:
    text = "The cast gave him a copy of the play signed by all of them. The Harrow Front talks about peace."
    assert events(text, [("Harrow Front", "organization")]) == []
