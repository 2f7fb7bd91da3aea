from __future__ import annotations

import pytest
from nomenklatura.judgement import Judgement

from factmap.errors import InputError, NotFoundError
from factmap.pipeline import save_extraction
from factmap.resolve import resolve
from factmap.resolve.review import (
    add_alias,
    decide,
    import_actors,
    read_actors,
    rename,
    review_items,
    split,
)
from factmap.store import Store
from tests.helpers import make_doc, make_extraction


def graph(store: Store) -> set[tuple[str, str, frozenset[str]]]:
    """The resolved graph as (name, type, mention ids) per entity."""
    out = set()
    for e in store.entities():
        out.add((e["name"], e["type"], frozenset(m["id"] for m in store.mentions(entity_id=e["id"]))))
    return out


@pytest.fixture()
def store() -> Store:
    s = Store()
    docs = {
        "d1": ("The Georgian Legion and the Georgian National Legion met.", [("Georgian Legion", "organization"), ("Georgian National Legion", "organization")]),
        "d2": ("The Georgian Legion fought in Kherson.", [("Georgian Legion", "organization"), ("Kherson", "location")]),
        "d3": ("Harbor Front and Port Brigade signed.", [("Harbor Front", "organization"), ("Port Brigade", "organization")]),
    }
    for doc_id, (text, names) in docs.items():
        d = make_doc(doc_id, text)
        save_extraction(s, d, make_extraction(d, names))
    resolve(s)
    return s


def test_review_queue_lists_uncertain_pairs_with_names_and_examples(store):
    items = review_items(store)
    pair = next(i for i in items if {i["a"], i["b"]} == {"georgian legion", "georgian national legion"})
    assert pair["a_name"] in {"Georgian Legion", "Georgian National Legion"}
    assert pair["a_example"]["doc"] in {"d1", "d2"} and pair["impact"] == 3


def test_review_distinct_removes_the_pair_for_good(store):
    decide(store, "Georgian Legion", "Georgian National Legion", Judgement.NEGATIVE, user="rev")
    assert all({i["a"], i["b"]} != {"georgian legion", "georgian national legion"} for i in review_items(store))
    resolve(store)
    assert all({i["a"], i["b"]} != {"georgian legion", "georgian national legion"} for i in review_items(store))
    assert store.review_log()[-1]["action"] == "negative" and store.review_log()[-1]["user"] == "rev"


def test_review_merge_then_rename_alias_and_split(store):
    decide(store, "Harbor Front", "Port Brigade", Judgement.POSITIVE, user="rev")
    names = {e["name"] for e in store.entities()}
    assert ("Harbor Front" in names) != ("Port Brigade" in names)
    rename(store, "Harbor Front", "Harbor Front Coalition", user="rev")
    assert "Harbor Front Coalition" in {e["name"] for e in store.entities()}
    add_alias(store, "Harbor Front Coalition", "HFC", user="rev")
    d = make_doc("d4", "HFC fighters left.")
    save_extraction(store, d, make_extraction(d, [("HFC", "organization")]))
    resolve(store)
    hfc = next(m for m in store.mentions() if m["text"] == "HFC")
    pb = next(m for m in store.mentions() if m["text"] == "Port Brigade")
    assert hfc["entity_id"] == pb["entity_id"]
    split(store, "Harbor Front Coalition", [pb["id"]], user="rev")
    pb = next(m for m in store.mentions() if m["text"] == "Port Brigade")
    assert pb["entity_id"] != hfc["entity_id"]
    before = graph(store)
    resolve(store)
    assert graph(store) == before


def test_review_errors_say_what_to_do(store):
    with pytest.raises(NotFoundError, match="DOC:START"):
        split(store, "Georgian Legion", ["nonsense"])
    with pytest.raises(NotFoundError, match="closest names"):
        decide(store, "Nobody At All", "Georgian Legion", Judgement.POSITIVE)


def test_review_read_actors_yaml_and_csv(tmp_path):
    y = tmp_path / "actors.yaml"
    y.write_text("actors:\n  - name: Kaldor Free Army\n    type: organization\n    aliases: [KFA, Free Army of Kaldor]\n    external_ids: [Q42]\n")
    c = tmp_path / "actors.csv"
    c.write_text("name,type,aliases,external_ids\nAna Ruiz,person,Commander Ruiz;A. Ruiz,Q7\n")
    ya, ca = read_actors(y), read_actors(c)
    assert ya[0].aliases == ("KFA", "Free Army of Kaldor") and ya[0].external_ids == ("Q42",)
    assert ca[0].type == "person" and ca[0].aliases == ("Commander Ruiz", "A. Ruiz")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: X\n  type: weapon\n")
    with pytest.raises(InputError, match="weapon"):
        read_actors(bad)
    with pytest.raises(InputError, match="yaml"):
        read_actors(tmp_path / "actors.txt")


def test_review_import_actors_links_names(store, tmp_path):
    y = tmp_path / "actors.yaml"
    y.write_text("- name: Harbour Front Alliance\n  type: organization\n  aliases: [Harbor Front]\n  external_ids: [Q99]\n")
    n, _ = import_actors(store, y, user="rev")
    assert n == 1
    ent = next(e for e in store.entities() if e["name"] == "Harbour Front Alliance")
    assert ent["external_ids"] == ["Q99"]
