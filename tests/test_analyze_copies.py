from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factmap.analyze.copies import (
    copy_group_listing,
    find_copy_groups,
    jaccard,
    shingles,
    signature,
    update_copy_groups,
)
from factmap.errors import StoreError
from factmap.model import Extraction
from factmap.store import Store
from tests.helpers import make_doc

# A wire story and three sites that carried it with small edits, written for the test.
WIRE = """Volunteer fighters claim raid on border town; defence ministry says attack repelled

LAKESIDE, April 9 (Northwire) - Fighters of the Coastal Volunteer Corps said on Tuesday they had crossed the border overnight and entered the town of Marinovka, a day after the group announced what it called a new phase of its campaign against the government in the capital.

In a video statement, the corps' commander Tomas Berger said his men had taken control of two checkpoints on the edge of the town and had captured several soldiers. The claims could not be independently verified.

The defence ministry said its forces had repelled the attack with artillery and air strikes and had killed more than 40 of the attackers. It said the remaining fighters had been driven back across the border by Tuesday morning.

Regional governor Anna Petrova said three civilians had been wounded by shelling and that residents of two villages near the border were being moved to temporary shelters further inland.

The Coastal Volunteer Corps, formed last year by exiles opposed to the government, has carried out several raids into the region since the spring. Officials in the neighbouring country, where the group is believed to be based, denied any role in the incursion and said the fighters acted on their own.

Analysts said the raid was likely meant to stretch the army's forces along the border ahead of a wider offensive expected in the summer.
"""

_BODY = WIRE.split("\n\n", 1)[1]
_LAST = _BODY[_BODY.rindex("\nAnalysts said") :]  # the wire's last paragraph

# The wire story with another headline, an ad line and a link block.
COPY_A = "Border town raided as volunteer corps crosses frontier\n\nAdvertisement\n\n" + _BODY + (
    "\nRead more: our coverage of the border war\n"
)

# The same wire story with its own headline, one paragraph rewritten and the last one cut.
COPY_B = "Exiled fighters storm Marinovka; army claims dozens killed\n\n" + _BODY.replace(_LAST, "").replace(
    "The defence ministry said its forces had repelled the attack with artillery and air strikes and had killed "
    "more than 40 of the attackers. It said the remaining fighters had been driven back across the border by "
    "Tuesday morning.",
    "According to the defence ministry, more than 40 attackers were killed by artillery and air strikes, and the "
    "rest of the fighters were pushed back across the border by Tuesday morning.",
)

# The same wire story lightly edited, its last paragraph cut and a link line added.
_EDITS = {
    "crossed the border overnight": "crossed the frontier overnight",
    "a day after": "one day after",
    "had taken control of two": "had seized two",
    "had been wounded": "were wounded",
    " and said the fighters acted on their own.": ".",
}
COPY_C = "Volunteer corps says it entered Marinovka\n\n" + _BODY.replace(_LAST, "")
for _old, _new in _EDITS.items():
    COPY_C = COPY_C.replace(_old, _new)
COPY_C += "\nRelated: Who are the exiles fighting their own army?\n"

# Two reports of the same raid written independently by two outlets (shared names,
# one shared short quote).
OWN_1 = """Marinovka residents flee as exile fighters cross the border

Residents of Marinovka spent Tuesday night in basements as gunfire echoed near the town's checkpoints, after the Coastal Volunteer Corps announced it had crossed into the region. Tomas Berger, who commands the exile group, posted a video from what he said was the edge of the town. "We have come home," he said. The army responded with artillery, and the defence ministry later claimed that dozens of attackers were dead. Anna Petrova, the regional governor, told reporters that three people were hurt and that buses were taking families from nearby villages to shelters. Neither side's account could be confirmed. The corps has staged several incursions since spring and says it wants to topple the government.
"""

OWN_2 = """Analysis: why the Coastal Volunteer Corps keeps crossing the border

The overnight incursion into Marinovka was the group's fourth this year. Its commander, Tomas Berger, a former army captain, has built a force of a few hundred exiles who see the raids as political theatre as much as military operations. "We have come home," Berger said in his latest video, a line his fighters repeat on social media. Governor Anna Petrova has asked the capital for more troops, while the defence ministry insists each raid is crushed within hours. Military experts say the attacks tie down units that would otherwise be sent to the front, and that the neighbouring government, which denies backing the corps, tolerates its training camps.
"""


def test_copies_shingles_normalise_case_and_punctuation():
    assert shingles("The Raid, began; on MONDAY near town!") == shingles("the raid began on monday near town")
    assert shingles("one two three four five six") == {"one two three four five", "two three four five six"}
    assert shingles("too short") == {"too short"}
    assert shingles("  ...  ") == set()


def test_copies_signature_is_compact_and_deterministic():
    sig = signature(WIRE)
    assert isinstance(sig, bytes) and len(sig) <= 600
    assert sig == signature(WIRE)
    assert jaccard(sig, signature(WIRE.upper())) == 1.0
    assert jaccard(sig, signature(OWN_2)) < 0.1


def test_copies_wire_story_copied_by_three_sites_is_one_group():
    sigs = {"wire": signature(WIRE), "a": signature(COPY_A), "b": signature(COPY_B), "c": signature(COPY_C)}
    published = {"wire": "2024-04-09", "a": "2024-04-09", "b": "2024-04-10", "c": "2024-04-09"}
    rows = find_copy_groups(sigs, published=published)
    assert {d for d, _g, _s in rows} == {"wire", "a", "b", "c"}
    assert {g for _d, g, _s in rows} == {"a"}  # earliest date, then id: "a" < "c" < "wire"
    sims = {d: s for d, _g, s in rows}
    assert sims["a"] == 1.0
    assert all(0.3 <= s < 1.0 for d, s in sims.items() if d != "a")


def test_copies_independent_reports_of_one_raid_are_not_grouped():
    sigs = {"wire": signature(WIRE), "own1": signature(OWN_1), "own2": signature(OWN_2)}
    assert find_copy_groups(sigs) == []
    assert max(jaccard(sigs["own1"], sigs["own2"]), jaccard(sigs["wire"], sigs["own1"])) < 0.1


def test_copies_group_id_prefers_dated_then_earliest_then_id():
    sigs = {"z": signature(WIRE), "y": signature(COPY_A), "x": signature(COPY_C)}
    rows = find_copy_groups(sigs, published={"z": "2024-04-08", "y": "2024-04-09", "x": None})
    assert {g for _d, g, _s in rows} == {"z"}
    rows = find_copy_groups(sigs)  # no dates: the smallest id
    assert {g for _d, g, _s in rows} == {"x"}
    assert rows[0] == ("x", "x", 1.0)


def test_copies_two_groups_and_singletons_stay_apart():
    other = OWN_2 + "\nThis analysis was first published in our weekly newsletter."
    sigs = {
        "w1": signature(WIRE), "w2": signature(COPY_A),
        "o1": signature(OWN_2), "o2": signature(other),
        "lone": signature(OWN_1), "empty1": signature(""), "empty2": signature(""),
    }
    rows = find_copy_groups(sigs)
    groups: dict[str, set[str]] = {}
    for d, g, _s in rows:
        groups.setdefault(g, set()).add(d)
    assert sorted(map(sorted, groups.values())) == [["o1", "o2"], ["w1", "w2"]]


def test_copies_threshold_is_checked_and_strict_threshold_splits_rewrites():
    sigs = {"wire": signature(WIRE), "b": signature(COPY_B)}
    assert find_copy_groups(sigs, threshold=0.99) == []
    with pytest.raises(ValueError):
        find_copy_groups(sigs, threshold=0)


def test_copies_unknown_signature_format_says_how_to_fix():
    with pytest.raises(StoreError, match="ingest --force"):
        find_copy_groups({"a": b"not a signature", "b": signature(WIRE)})


def _store_with(docs: dict[str, tuple[str, str | None, str | None]], path: str = ":memory:") -> Store:
    store = Store(path)
    for doc_id, (text, publisher, published) in docs.items():
        doc = make_doc(doc_id, text, publisher=publisher, published=published)
        store.save_document(doc, Extraction(doc=doc_id), {})
    return store


DOCS = {
    "wire": (WIRE, "Northwire", "2024-04-09"),
    "site_a": (COPY_A, "The Valley Courier", "2024-04-09"),
    "site_b": (COPY_B, "valleytimes.example", "2024-04-10"),
    "site_c": (COPY_C, None, "2024-04-09"),
    "own_1": (OWN_1, "Border Monitor", "2024-04-10"),
    "own_2": (OWN_2, "Eastern Review", "2024-04-12"),
}


def test_copies_update_copy_groups_fills_missing_signatures_and_saves_groups():
    store = _store_with(DOCS)
    assert store.signatures() == {}
    assert update_copy_groups(store) == 1
    assert set(store.signatures()) == set(DOCS)
    groups = store.copy_groups()
    assert set(groups) == {"wire", "site_a", "site_b", "site_c"}
    assert {g for g, _s in groups.values()} == {"site_a"}
    listing = copy_group_listing(store.documents(), groups)
    (group,) = listing
    assert group["group"] == "site_a"
    assert [m["id"] for m in group["members"]][0] == "site_a"
    assert {m["source_name"] for m in group["members"]} >= {"northwire", "valleycourier", "valleytimes"}


def test_copies_cli_documents_shows_source_and_copy_group(tmp_path):
    from factmap.cli import cli

    db = tmp_path / "t.db"
    store = _store_with(DOCS, str(db))
    update_copy_groups(store)
    store.close()
    runner = CliRunner()
    res = runner.invoke(cli, ["--db", str(db), "documents", "--format", "json"], obj={}, catch_exceptions=False)
    assert res.exit_code == 0
    docs = {d["id"]: d for d in json.loads(res.output)}
    assert docs["site_b"]["copy_group"] == "site_a" and docs["own_1"]["copy_group"] is None
    assert docs["site_b"]["source_name"] == "valleytimes"
    assert docs["site_c"]["source_name"] == "unknown:site_c"
    res = runner.invoke(cli, ["--db", str(db), "documents", "--copies", "--format", "json"], obj={}, catch_exceptions=False)
    (group,) = json.loads(res.output)
    assert len(group["members"]) == 4 and group["members"][0]["similarity"] == 1.0
    res = runner.invoke(cli, ["--db", str(db), "documents", "--copies"], obj={}, catch_exceptions=False)
    assert "copy group site_a (4 documents)" in res.output and "own_1" not in res.output


@pytest.mark.slow
def test_copies_sample_corpus_groups_only_the_syndicated_copy():
    from factmap.ingest import prepare, read_inputs
    from factmap.model import IngestFailure

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    sigs, published = {}, {}
    for rec in read_inputs([corpus]):
        if isinstance(rec, IngestFailure):
            continue
        doc = prepare(rec)
        sigs[doc.id], published[doc.id] = signature(doc.text), doc.published
    assert len(sigs) > 20
    rows = find_copy_groups(sigs, published=published)
    assert {(d, g) for d, g, _s in rows} == {
        ("000_wire_belgorod_raid", "000_wire_belgorod_raid"),
        ("001_syndicated_belgorod_raid", "000_wire_belgorod_raid"),
    }


@pytest.mark.slow
def test_copies_ingest_saves_signatures_and_groups_copies(tmp_path):
    from factmap.pipeline import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    for name, (text, _p, _d) in DOCS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    store = Store()
    summary = ingest([folder], store)
    assert len(summary.added) == len(DOCS)
    assert set(store.signatures()) == set(DOCS)
    groups = store.copy_groups()
    assert set(groups) == {"wire", "site_a", "site_b", "site_c"}
    assert len({g for g, _s in groups.values()}) == 1
