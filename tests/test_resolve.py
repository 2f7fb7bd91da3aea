from __future__ import annotations

from dataclasses import replace

from nomenklatura.judgement import Judgement

from factmap.model import KnownActor
from factmap.pipeline import save_extraction
from factmap.resolve import name_key, resolve
from factmap.resolve.names import is_acronym, is_generic, name_signature
from factmap.store import Store
from tests.helpers import make_doc, make_extraction, mention


def add(store: Store, doc_id: str, text: str, names, links=()):
    d = make_doc(doc_id, text)
    save_extraction(store, d, make_extraction(d, names, links=links))


def entity_of(store: Store, text: str) -> int:
    return next(m["entity_id"] for m in store.mentions() if m["text"] == text)


def test_resolve_names_key_folds_variants():
    assert name_key("the Northern Legion's") == name_key("NORTHERN LEGION") == "northern legion"
    assert name_key('"Kastus  Kalinouski"') == "kastus kalinouski"
    assert name_key("Zoë Müller") == "zoe muller"
    assert name_key("Сибирский батальон") == "сибирский батальон"
    assert name_key("Northern Legion") != name_key("Northern Region")


def test_resolve_names_signature_orders_and_folds():
    sig = name_signature
    assert sig(name_key("National Guard of Georgia")) == sig(name_key("Georgian National Guard"))
    assert sig(name_key("Freedom of Kaldor Legion")) == sig(name_key("Legion of Free Kaldor"))
    assert sig(name_key("Eastern Volunteers Corps")) == sig(name_key("Eastern Volunteer Corps"))
    assert sig(name_key("Georgian Legion")) != sig(name_key("Georgian National Legion"))
    assert is_generic(name_key("the Legion")) and is_generic(name_key("Ministry of Defence"))
    assert not is_generic(name_key("Russian Ministry of Defence"))
    assert is_acronym("RDK") and not is_acronym("Legion") and not is_acronym("NEW YORK")


def test_resolve_joins_stated_acronym_and_explains_it():
    store = Store()
    add(store, "d1", "The Coastal Volunteer Corps (CVC) attacked. CVC fighters withdrew.",
        [("Coastal Volunteer Corps", "organization"), ("CVC", "organization")],
        links=[("Coastal Volunteer Corps", "CVC", "acronym")])
    add(store, "d2", "Later, CVC said it would continue.", [("CVC", "organization")])
    stats = resolve(store)
    assert stats.merged_by_links == 1
    ents = store.entities()
    assert len(ents) == 1
    assert ents[0]["name"] == "Coastal Volunteer Corps" and ents[0]["aliases"] == ["CVC"]
    why = {r["name"]: r for r in store.merge_reasons(ents[0]["id"])}
    assert why["cvc"]["reason"] == "a source states it (acronym): with 'coastal volunteer corps'"
    assert why["cvc"]["evidence"][0]["doc"] == "d1"


def test_resolve_merges_word_order_synonym_and_misspelling_variants():
    store = Store()
    add(store, "d1", "The Freedom of Kaldor Legion fought.", [("Freedom of Kaldor Legion", "organization")])
    add(store, "d2", "The Legion of Free Kaldor fought.", [("Legion of Free Kaldor", "organization")])
    add(store, "d3", "The Kalinousky Regiment held.", [("Kalinousky Regiment", "organization")])
    add(store, "d4", "The Kalinouski Regiment held.", [("Kalinouski Regiment", "organization")])
    resolve(store)
    assert entity_of(store, "Freedom of Kaldor Legion") == entity_of(store, "Legion of Free Kaldor")
    assert entity_of(store, "Kalinousky Regiment") == entity_of(store, "Kalinouski Regiment")
    why = {r["name"]: r for r in store.merge_reasons(entity_of(store, "Kalinouski Regiment"))}
    assert any("spelling variant" in r["reason"] for r in why.values())


def test_resolve_never_merges_lookalike_actors():
    store = Store()
    add(store, "d1", "The Azov Regiment fought near the Sea of Azov.",
        [("Azov Regiment", "organization"), ("Sea of Azov", "location")])
    add(store, "d2", "The Georgian Legion and the Georgian National Legion met.",
        [("Georgian Legion", "organization"), ("Georgian National Legion", "organization")])
    add(store, "d3", "The Kalinouski Regiment paraded on Kalinouski Square.",
        [("Kalinouski Regiment", "organization"), ("Kalinouski Square", "location")])
    add(store, "d4", "Ivan Kovac and his daughter Anna Kovac spoke.",
        [("Ivan Kovac", "person"), ("Anna Kovac", "person")])
    resolve(store)
    assert len(store.entities()) == 8
    queue = store.review_queue()
    assert {(q["a"], q["b"]) for q in queue} >= {("georgian legion", "georgian national legion")}


def test_resolve_generic_and_surname_mentions_follow_their_article():
    store = Store()
    add(store, "d1", "The Northern Kaldor Legion crossed. Ana Ruiz leads it. The Legion said Ruiz was safe.",
        [("Northern Kaldor Legion", "organization"), ("Ana Ruiz", "person"), ("Legion", "organization"), ("Ruiz", "person")])
    add(store, "d2", "The Southern Fen Legion crossed. The Legion withdrew.",
        [("Southern Fen Legion", "organization"), ("Legion", "organization")])
    resolve(store)
    ments = store.mentions()
    ent = {(m["doc_id"], m["text"]): m["entity_id"] for m in ments}
    assert ent[("d1", "Legion")] == ent[("d1", "Northern Kaldor Legion")]
    assert ent[("d2", "Legion")] == ent[("d2", "Southern Fen Legion")]
    assert ent[("d1", "Legion")] != ent[("d2", "Legion")]
    assert ent[("d1", "Ruiz")] == ent[("d1", "Ana Ruiz")]


def test_resolve_surname_shared_by_two_people_stays_apart():
    store = Store()
    add(store, "d1", "Ivan Kovac and Anna Kovac arrived. Kovac spoke first.",
        [("Ivan Kovac", "person"), ("Anna Kovac", "person")])
    d = make_doc("d9", "Ivan Kovac and Anna Kovac arrived. Kovac spoke first.")
    ext = make_extraction(d, [("Ivan Kovac", "person"), ("Anna Kovac", "person")])
    ext.mentions.append(replace(mention(d, "Kovac", "person", 2)))
    save_extraction(store, d, ext)
    resolve(store)
    ent = {(m["doc_id"], m["start"]): m["entity_id"] for m in store.mentions()}
    lone = ent[("d9", d.text.index("Kovac spoke"))]
    assert lone not in {ent[("d9", 0)], ent[("d9", d.text.index("Anna"))]}


def test_resolve_judgements_merge_split_and_are_transitive():
    store = Store()
    add(store, "d1", "Harbor Front met.", [("Harbor Front", "organization")])
    add(store, "d2", "Port Brigade met.", [("Port Brigade", "organization")])
    add(store, "d3", "Dock Brigade met.", [("Dock Brigade", "organization")])
    with store.judgements() as log:
        log.decide("harbor front", "port brigade", Judgement.POSITIVE, user="rev")
        log.decide("port brigade", "dock brigade", Judgement.NEGATIVE, user="rev")
        # A=B and B≠C: so A≠C, never asked again
        assert log.judgement("harbor front", "dock brigade") == Judgement.NEGATIVE
    stats = resolve(store)
    assert stats.merged_by_judgement >= 1  # via the canonical NK- id nomenklatura creates
    assert entity_of(store, "Harbor Front") == entity_of(store, "Port Brigade") != entity_of(store, "Dock Brigade")


def test_resolve_negative_judgement_beats_rules_and_links():
    store = Store()
    add(store, "d1", "The Kalinousky Regiment held.", [("Kalinousky Regiment", "organization")])
    add(store, "d2", "The Kalinouski Regiment held.", [("Kalinouski Regiment", "organization")])
    with store.judgements() as log:
        log.decide("kalinousky regiment", "kalinouski regiment", Judgement.NEGATIVE, user="rev")
    resolve(store)
    assert entity_of(store, "Kalinousky Regiment") != entity_of(store, "Kalinouski Regiment")
    assert store.review_queue() == []


def test_resolve_split_mention_and_rename_survive_reresolution():
    store = Store()
    add(store, "d1", "The Harbor Front met.", [("Harbor Front", "organization")])
    add(store, "d2", "The Harbor Front left.", [("Harbor Front", "organization")])
    resolve(store)
    m2 = next(m for m in store.mentions() if m["doc_id"] == "d2")
    store.split_mention(m2["id"], user="rev")
    store.label_key("harbor front", "Harbor Front (Kaldor)", user="rev")
    for _ in range(2):
        resolve(store)
        ents = {e["name"]: e for e in store.entities()}
        assert "Harbor Front (Kaldor)" in ents and ents["Harbor Front (Kaldor)"]["n_mentions"] == 1
        assert len(ents) == 2


def test_resolve_known_actors_seed_names_and_external_ids():
    store = Store()
    add(store, "d1", "The Kaldor Free Army advanced.", [("Kaldor Free Army", "organization")])
    add(store, "d2", "KFA fighters advanced.", [("KFA", "organization")])
    store.add_known_actors([KnownActor("Kaldor Free Army", "organization", ("KFA",), ("Q123",), "test.yaml")])
    resolve(store)
    ent = store.entity(entity_of(store, "KFA"))
    assert ent["id"] == entity_of(store, "Kaldor Free Army")
    assert ent["external_ids"] == ["Q123"] and ent["name"] == "Kaldor Free Army"


def test_resolve_entity_type_is_majority_vote():
    store = Store()
    d = make_doc("d1", "Harbor Front met. Harbor Front spoke. Harbor Front left.")
    ext = make_extraction(d, [("Harbor Front", "organization")])
    ext.mentions += [mention(d, "Harbor Front", "organization", 1), replace(mention(d, "Harbor Front", "person", 2), confidence=0.5)]
    save_extraction(store, d, ext)
    resolve(store)
    assert store.entities()[0]["type"] == "organization"


def test_resolve_two_legions_in_one_article_never_chain():
    store = Store()
    text = ("The Kaldor Legion crossed. The Legion said it won. "
            "The Fen Legion also crossed. The Legion said it lost.")
    d = make_doc("d1", text)
    ext = make_extraction(d, [("Kaldor Legion", "organization"), ("Fen Legion", "organization")])
    ext.mentions += [mention(d, "Legion", "organization", 1), mention(d, "Legion", "organization", 3)]
    save_extraction(store, d, ext)
    resolve(store)
    ent = {m["start"]: m["entity_id"] for m in store.mentions()}
    kaldor, fen = ent[text.index("Kaldor")], ent[text.index("Fen")]
    assert kaldor != fen
    assert ent[text.index("The Legion said it won") + 4] == kaldor  # the only legion so far
    # the nearest legion is now Fen, but the article has named Kaldor more: no guess
    assert ent[text.index("The Legion said it lost") + 4] not in {kaldor, fen}


def test_resolve_generic_name_follows_the_article_s_main_actor():
    store = Store()
    text = ("The Kaldor Legion crossed. The Kaldor Legion won. The Fen Legion watched. "
            "The Kaldor Legion left. The Legion said it would return.")
    d = make_doc("d1", text)
    ext = make_extraction(d, [("Fen Legion", "organization")])
    ext.mentions += [mention(d, "Kaldor Legion", "organization", i) for i in range(3)]
    ext.mentions.append(mention(d, "Legion", "organization", 4))
    save_extraction(store, d, ext)
    resolve(store)
    ent = {m["start"]: m["entity_id"] for m in store.mentions()}
    assert ent[text.index("The Legion said") + 4] == ent[text.index("Kaldor")]


def test_resolve_generic_name_owned_by_a_place_is_shared_across_documents():
    store = Store()
    add(store, "d1", "Georgia's Defence Ministry said so.", [("Georgia", "location"), ("Defence Ministry", "organization")])
    add(store, "d2", "The Georgian Ministry of Defence denied it.", [("Georgian Ministry of Defence", "organization")])
    add(store, "d3", "Armenia's Defence Ministry disagreed.", [("Armenia", "location"), ("Defence Ministry", "organization")])
    add(store, "d4", "The Defence Ministry was silent.", [("Defence Ministry", "organization")])
    resolve(store)
    ent = {(m["doc_id"], m["text"]): m["entity_id"] for m in store.mentions()}
    assert ent[("d1", "Defence Ministry")] == ent[("d2", "Georgian Ministry of Defence")]
    assert ent[("d1", "Defence Ministry")] != ent[("d3", "Defence Ministry")]
    assert ent[("d4", "Defence Ministry")] not in {ent[("d1", "Defence Ministry")], ent[("d3", "Defence Ministry")]}


def test_resolve_lone_surname_joins_the_only_person_so_named():
    store = Store()
    add(store, "d1", "Ana Ruiz leads the front.", [("Ana Ruiz", "person")])
    add(store, "d2", "Ruiz said the front would hold.", [("Ruiz", "person")])
    add(store, "d3", "Ivan Kovac and Anna Kovac spoke.", [("Ivan Kovac", "person"), ("Anna Kovac", "person")])
    add(store, "d4", "Kovac refused to comment.", [("Kovac", "person")])
    resolve(store)
    ent = {(m["doc_id"], m["text"]): m["entity_id"] for m in store.mentions()}
    assert ent[("d2", "Ruiz")] == ent[("d1", "Ana Ruiz")]
    assert ent[("d4", "Kovac")] not in {ent[("d3", "Ivan Kovac")], ent[("d3", "Anna Kovac")]}
