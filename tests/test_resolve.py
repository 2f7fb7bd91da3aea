from __future__ import annotations

from factmap.resolve import name_key, resolve
from factmap.resolve.names import is_acronym
from factmap.store import Store
from tests.helpers import make_doc, make_extraction


def test_resolve_names_key_folds_variants():
    assert name_key("the Northern Legion's") == name_key("NORTHERN LEGION") == "northern legion"
    assert name_key('"Kastus  Kalinouski"') == "kastus kalinouski"
    assert name_key("Zoë Müller") == "zoe muller"
    assert name_key("Сибирский батальон") == "сибирский батальон"
    assert name_key("Northern Legion") != name_key("Northern Region")


def test_resolve_names_is_acronym():
    assert is_acronym("RDK") and is_acronym("GUR")
    assert not is_acronym("Legion") and not is_acronym("A") and not is_acronym("NEW YORK")


def test_resolve_joins_stated_acronym_and_explains_it():
    store = Store()
    d1 = make_doc("d1", "The Coastal Volunteer Corps (CVC) attacked. CVC fighters withdrew.")
    ext = make_extraction(
        d1, [("Coastal Volunteer Corps", "organization"), ("CVC", "organization")],
        links=[("Coastal Volunteer Corps", "CVC", "acronym")],
    )
    store.save_document(d1, ext, {m.id: name_key(m.text) for m in ext.mentions})
    d2 = make_doc("d2", "Later, CVC said it would continue.")
    ext2 = make_extraction(d2, [("CVC", "organization")])
    store.save_document(d2, ext2, {m.id: name_key(m.text) for m in ext2.mentions})
    stats = resolve(store)
    assert stats.joined_by_links == 1
    ents = store.entities()
    assert len(ents) == 1
    assert ents[0]["name"] == "Coastal Volunteer Corps" and ents[0]["aliases"] == ["CVC"]
    reasons = store.merge_reasons(ents[0]["id"])
    assert {"name": "cvc", "reason": "stated acronym of 'coastal volunteer corps'"} in reasons


def test_resolve_does_not_join_unlinked_lookalikes():
    store = Store()
    d1 = make_doc("d1", "The Azov Regiment fought near the Sea of Azov.")
    ext = make_extraction(d1, [("Azov Regiment", "organization"), ("Sea of Azov", "location")])
    store.save_document(d1, ext, {m.id: name_key(m.text) for m in ext.mentions})
    resolve(store)
    assert len(store.entities()) == 2


def test_resolve_entity_type_is_majority_vote():
    store = Store()
    text = "Harbor Front met. Harbor Front spoke. Harbor Front left."
    d = make_doc("d1", text)
    ext = make_extraction(d, [("Harbor Front", "organization")])
    from dataclasses import replace

    from tests.helpers import mention

    ext.mentions += [replace(mention(d, "Harbor Front", "organization", 1)), replace(mention(d, "Harbor Front", "person", 2), confidence=0.5)]
    store.save_document(d, ext, {m.id: name_key(m.text) for m in ext.mentions})
    resolve(store)
    assert store.entities()[0]["type"] == "organization"
