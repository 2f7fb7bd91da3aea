from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from factmap.cli import cli

ARTICLE = """Volunteers raid border village

KYIV, June 7, 2024 - The Coastal Volunteer Corps (CVC) said on Friday its fighters had entered the village of Marinka. The Corps is led by Tomas Berger, a former officer.
"""


def run(*args: str, db=None):
    runner = CliRunner()
    base = ["--db", str(db)] if db else []
    return runner.invoke(cli, [*base, *args], obj={}, catch_exceptions=False)


def test_cli_every_command_has_help():
    for name, cmd in cli.commands.items():
        subs = getattr(cmd, "commands", {})
        for args, c in [((name,), cmd)] + [((name, s), sc) for s, sc in subs.items()]:
            res = run(*args, "--help")
            assert res.exit_code == 0, args
            assert c.help and len(c.help) > 20, f"{args} needs a help text"


def test_cli_commands_documented_in_readme():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for name, cmd in cli.commands.items():
        subs = getattr(cmd, "commands", None)
        for full in [f"{name} {sub}" for sub in subs] if subs else [name]:
            assert f"factmap {full}" in readme, f"README does not document 'factmap {full}'"


def test_cli_listing_commands_take_format_json():
    for name, cmd in cli.commands.items():
        if name in {"documents", "entities", "show", "claims", "events", "ingest"}:
            assert any(isinstance(p, click.Option) and "--format" in p.opts for p in cmd.params), name


def test_cli_missing_path_is_one_clear_line(tmp_path):
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "ingest", str(tmp_path / "nope")], obj={})
    assert res.exit_code != 0
    assert "no such file or folder" in res.output and "Traceback" not in res.output


def test_cli_unknown_entity_is_one_clear_line(tmp_path):
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "show", "Nobody"], obj={})
    assert res.exit_code == 1
    assert res.output.strip().startswith("Error:") and "Traceback" not in res.output


def test_cli_bad_store_path_is_one_clear_line(tmp_path):
    res = CliRunner().invoke(cli, ["--db", str(tmp_path / "no" / "dir" / "s.db"), "documents"], obj={})
    assert res.exit_code == 1 and "does not exist" in res.output


@pytest.mark.slow
def test_cli_ingest_entities_show_export(tmp_path, nlp):
    (tmp_path / "001_raid.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "s.db"
    res = run("ingest", str(tmp_path / "001_raid.txt"), db=db)
    assert res.exit_code == 0 and "1 added" in res.output
    ents = json.loads(run("entities", "--format", "json", db=db).output)
    assert any(e["name"] == "Coastal Volunteer Corps" and "CVC" in e["aliases"] for e in ents)
    shown = json.loads(run("show", "Coastal Volunteer Corp", "--format", "json", db=db).output)
    assert shown["name"] == "Coastal Volunteer Corps"
    assert {n["name"] for n in shown["names"]} >= {"Coastal Volunteer Corps", "CVC"}
    out = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(out), db=db).exit_code == 0
    data = json.loads(out.read_text())
    assert data["documents"][0]["id"] == "001_raid"
    docs = json.loads(run("documents", "--format", "json", db=db).output)
    assert docs[0]["published"] == "2024-06-07"


REVIEW_DOCS = {
    "001_a.txt": "The Georgian Legion fought near Kherson on Monday. The Georgian National Legion (GNL) said it was not involved.\n",
    "002_b.txt": "Fighters of the Georgian Legion returned. Harbor Front and Port Brigade signed a memorandum in Batumi.\n",
}


def _graph(db) -> set:
    ents = json.loads(run("export", db=db).output)["entities"]
    return {(e["name"], e["type"], frozenset((m["doc"], m["start"]) for m in e["mentions"])) for e in ents}


@pytest.mark.slow
def test_cli_review_decisions_survive_full_reingest(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in REVIEW_DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    assert run("ingest", str(corpus), db=db).exit_code == 0
    queue = json.loads(run("review", "--format", "json", db=db).output)
    assert any({q["a"], q["b"]} == {"georgian legion", "georgian national legion"} for q in queue)
    assert run("distinct", "Georgian Legion", "Georgian National Legion", "--user", "ana", db=db).exit_code == 0
    assert run("merge", "Harbor Front", "Port Brigade", "--user", "ana", db=db).exit_code == 0
    assert run("rename", "Harbor Front", "Harbor Front Coalition", db=db).exit_code == 0
    assert run("alias", "add", "Georgian Legion", "Legion of Georgia", db=db).exit_code == 0
    before = _graph(db)
    assert any(name == "Harbor Front Coalition" for name, _, _ in before)
    log = json.loads(run("judgements", "--format", "json", db=db).output)
    assert [r["action"] for r in log] == ["negative", "positive", "rename", "alias"]
    assert log[0]["user"] == "ana"
    res = run("ingest", "--force", str(corpus), db=db)
    assert "2 replaced" in res.output
    assert _graph(db) == before
    queue = json.loads(run("review", "--format", "json", db=db).output)
    assert not any({q["a"], q["b"]} == {"georgian legion", "georgian national legion"} for q in queue)
