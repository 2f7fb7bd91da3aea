"""The ``factmap`` command: a thin layer over the library.

Library errors (``FactmapError``) become one clear line on stderr and exit code 1;
every listing command takes ``--format json``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from factmap import __version__, settings
from factmap.errors import FactmapError
from factmap.model import ENTITY_TYPES, PREDICATES

F = TypeVar("F", bound=Callable[..., Any])

FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="Output as a readable table or as JSON.",
)


def _store(ctx: click.Context):
    from factmap.store import open_store

    if "store" not in ctx.obj:
        ctx.obj["store"] = ctx.with_resource(open_store(ctx.obj["db"]))
    return ctx.obj["store"]


def _friendly(func: F) -> F:
    """Turn library errors into a one-line message and exit code 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FactmapError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def _json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


def _short(text: str | None, width: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", default=settings.DB, show_default=True, envvar="FACTMAP_DB",
    help="The store: a SQLite file path (or database URL). Also FACTMAP_DB.",
)
@click.version_option(__version__, prog_name="factmap")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """factmap: a sourced map of actors, names, relations and events from news articles."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--force", is_flag=True, help="Re-extract documents even when their content is unchanged.")
@click.option(
    "--processes", type=click.IntRange(1, 64), default=settings.PROCESSES, show_default=True,
    envvar="FACTMAP_PROCESSES", help="Worker processes for parsing (batches of documents). Also FACTMAP_PROCESSES.",
)
@FORMAT
@click.pass_context
@_friendly
def ingest(ctx: click.Context, paths: tuple[Path, ...], quiet: bool, force: bool, processes: int, fmt: str) -> None:
    """Ingest article files and folders (.txt, .md, .html, .htm, .jsonl).

    Identical files are skipped, changed files replace their older version, and a file
    that cannot be read is reported while the rest of the batch goes in.
    """
    from factmap.pipeline import ingest as run_ingest

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.ClickException(f"no such file or folder: {', '.join(missing)}")
    store = _store(ctx)
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="ingest", file=sys.stderr)
    summary = run_ingest(paths, store, on_document=(lambda _id: bar.update(1)) if bar else None, force=force, n_process=processes)
    if bar:
        bar.close()
    if fmt == "json":
        _json(
            {
                "added": summary.added, "replaced": summary.replaced, "unchanged": summary.unchanged,
                "failed": [{"source": f.source, "reason": f.reason} for f in summary.failed],
                "entities": summary.entities, "mentions": summary.mentions,
                "seconds": round(summary.seconds, 2),
            }
        )
    else:
        click.echo(
            f"documents: {len(summary.added)} added, {len(summary.replaced)} replaced, "
            f"{len(summary.unchanged)} unchanged, {len(summary.failed)} failed"
        )
        for f in summary.failed:
            click.echo(f"  failed: {f.source}: {f.reason}")
        click.echo(f"store: {summary.entities} entities, {summary.mentions} mentions ({summary.seconds:.1f} s)")
    if summary.failed and not (summary.added or summary.replaced or summary.unchanged):
        ctx.exit(1)


@cli.command()
@click.option("--limit", type=int, default=None, help="Show at most N documents.")
@click.option("--copies", "only_copies", is_flag=True, help="List only the copy groups (syndicated / near-copied articles) with their members and similarity.")
@FORMAT
@click.pass_context
@_friendly
def documents(ctx: click.Context, limit: int | None, only_copies: bool, fmt: str) -> None:
    """List the stored documents, each with its source and copy group.

    Documents in one copy group are near-copies of the group's first document (the
    same wire story on several sites) and count as one source.
    """
    from factmap.analyze.copies import copy_group_listing
    from factmap.analyze.sources import source_name

    store = _store(ctx)
    docs = store.documents(limit=limit)
    copies = store.copy_groups()
    if only_copies:
        groups = copy_group_listing(store.documents(), copies)[:limit]
        if fmt == "json":
            _json(groups)
            return
        for g in groups:
            click.echo(f"copy group {g['group']} ({len(g['members'])} documents)")
            for m in g["members"]:
                click.echo(
                    f"  {m['id']:<32} {m['similarity']:.2f}  {m['published'] or '-':<10}  "
                    f"{_short(m['source_name'], 20):<20}  {_short(m['title'], 50)}"
                )
        click.echo(f"({len(groups)} copy groups)")
        return
    for d in docs:
        d["source_name"] = source_name(d)
        d["copy_group"] = copies[d["id"]][0] if d["id"] in copies else None
    if fmt == "json":
        _json(docs)
        return
    for d in docs:
        group = f"copy of {d['copy_group']}" if d["copy_group"] and d["copy_group"] != d["id"] else (
            "first of a copy group" if d["copy_group"] else "")
        click.echo(
            f"{d['id']:<32} {d['published'] or '-':<10}  {_short(d['source_name'], 20):<20}  "
            f"{d['mentions']:>4} mentions  {_short(d['title'], 50):<50}  {group}"
        )
    click.echo(f"({len(docs)} documents)")


@cli.command()
@click.option("--type", "type_", type=click.Choice(ENTITY_TYPES), help="Only entities of this type.")
@click.option("--limit", type=int, default=None, help="Show at most N entities.")
@FORMAT
@click.pass_context
@_friendly
def entities(ctx: click.Context, type_: str | None, limit: int | None, fmt: str) -> None:
    """List entities: name, type, aliases, number of documents and mentions."""
    ents = _store(ctx).entities(type=type_, limit=limit)
    if fmt == "json":
        _json(
            [
                {"id": f"E{e['id']}", "name": e["name"], "type": e["type"], "aliases": e["aliases"],
                 "documents": e["n_documents"], "mentions": e["n_mentions"],
                 "external_ids": e["external_ids"]}
                for e in ents
            ]
        )
        return
    click.echo(f"{'id':<7} {'name':<36} {'type':<12} {'docs':>4} {'ment':>5}  aliases")
    for e in ents:
        click.echo(
            f"E{e['id']:<6} {_short(e['name'], 36):<36} {e['type']:<12} {e['n_documents']:>4} "
            f"{e['n_mentions']:>5}  {_short('; '.join(e['aliases']), 60)}"
        )


@cli.command()
@click.argument("name")
@click.option("--type", "type_", type=click.Choice(ENTITY_TYPES), help="Only look among this type.")
@FORMAT
@click.pass_context
@_friendly
def show(ctx: click.Context, name: str, type_: str | None, fmt: str) -> None:
    """Show an entity: aliases with their documents, relations, events and mentions.

    NAME may be misspelled or an alias; an id such as E12 works too.
    """
    from factmap.analyze.facts import claim_marks
    from factmap.analyze.query import entity_profile, find_entity

    store = _store(ctx)
    ent = find_entity(store, name, type=type_)
    prof = entity_profile(store, ent["id"])
    marks, prof["conflicts"] = claim_marks(store, ent["id"])
    for claims_ in prof["relations"].values():
        for c in claims_:
            c.update(marks.get(c["id"], {"single_source": False, "disputed": False}))
    if fmt == "json":
        _json(prof)
        return
    click.echo(f"{prof['name']}  ({prof['type']}, {prof['id']}; {prof['n_documents']} documents, {prof['n_mentions']} mentions)")
    click.echo("names:")
    for n in prof["names"]:
        click.echo(f"  {n['name']}  — {', '.join(n['documents'])}")
    reasons = [r for r in prof["merge_reasons"] if r["reason"] != "same normalised name"]
    if reasons:
        click.echo("why these names are one entity:")
        for r in reasons:
            score = f" (score {r['score']})" if r.get("score") is not None else ""
            ev = "; ".join(f"\"{e.get('quote') or e.get('text')}\" in {e['doc']}" for e in r.get("evidence") or [])
            click.echo(f"  {r['name']}: {r['reason']}{score}" + (f" — {ev}" if ev else ""))
    if prof["relations"]:
        click.echo("relations:")
        for pred, claims in prof["relations"].items():
            click.echo(f"  {pred}:")
            for c in claims:
                neg = "NOT " if c["negated"] else ""
                by = f" (according to {c['claimant_name']})" if c.get("claimant_name") else ""
                mark = (
                    "  (disputed: see factmap conflicts)" if c["disputed"]
                    else "  (single source)" if c["single_source"] else ""
                )
                click.echo(
                    f"    {neg}{c['subject_name']} → {c['object_name']}  [{c['doc']}, {c['confidence']}]{by}{mark}"
                )
                click.echo(f"      \"{_short(c['quote'], 160)}\"")
    if prof["events"]:
        click.echo("events:")
        for v in prof["events"]:
            click.echo(f"  {v['date'] or 'undated':<10} {v['type']:<16} {_short(v['quote'], 100)}  [{v['doc']}]")
    if prof["conflicts"]:
        click.echo("conflicts:")
        for k in prof["conflicts"]:
            _echo_conflict(k, indent="  ")
    click.echo("mentions:")
    for m in prof["mentions"]:
        click.echo(f"  {m['doc']}:{m['start']}  {_short(m['snippet'], 140)}")


@cli.command()
@click.option("--entity", help="Only claims about this entity (name, alias or id).")
@click.option("--predicate", type=click.Choice(PREDICATES), help="Only this predicate.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, help="Only claims at least this confident.")
@FORMAT
@click.pass_context
@_friendly
def claims(ctx: click.Context, entity: str | None, predicate: str | None, min_confidence: float | None, fmt: str) -> None:
    """List relation claims, each with its quote and document."""
    from factmap.analyze.query import claim_records, find_entity

    store = _store(ctx)
    ent = find_entity(store, entity)["id"] if entity else None
    recs = claim_records(store, entity=ent, predicate=predicate, min_confidence=min_confidence)
    if fmt == "json":
        _json(recs)
        return
    for c in recs:
        neg = "NOT " if c["negated"] else ""
        by = f"  (according to {c['claimant_name']})" if c.get("claimant_name") else ""
        click.echo(f"{c['id']:<6} {neg}{c['subject_name']} —{c['predicate']}→ {c['object_name']}  [{c['doc']}, {c['confidence']}]{by}")
        click.echo(f"       \"{_short(c['quote'], 160)}\"")
    click.echo(f"({len(recs)} claims)")


@cli.command()
@click.option("--entity", help="Only events this entity takes part in (or where it happened).")
@click.option("--from", "date_from", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@FORMAT
@click.pass_context
@_friendly
def events(ctx: click.Context, entity: str | None, date_from: str | None, date_to: str | None, fmt: str) -> None:
    """List events as a timeline (undated events last)."""
    from factmap.analyze.query import event_records, find_entity

    store = _store(ctx)
    ent = find_entity(store, entity)["id"] if entity else None
    recs = event_records(store, entity=ent, date_from=date_from, date_to=date_to)
    if fmt == "json":
        _json(recs)
        return
    for v in recs:
        who = ", ".join(n for n in v["participant_names"] if n)
        where = f" in {v['place_name']}" if v["place_name"] else ""
        click.echo(f"{v['date'] or 'undated':<10} {v['type']:<16} {who}{where}  [{v['doc']}]")
        click.echo(f"           \"{_short(v['quote'], 150)}\"")
    click.echo(f"({len(recs)} events)")


@cli.command()
@click.option("--entity", help="Only facts about this entity (name, alias or id).")
@click.option("--min-sources", type=click.IntRange(1), default=None, help="Only facts that at least N independent sources state.")
@FORMAT
@click.pass_context
@_friendly
def facts(ctx: click.Context, entity: str | None, min_sources: int | None, fmt: str) -> None:
    """List facts: claims of several documents merged, with their independent sources.

    Copies of one story count as one source; "disputed" facts have a conflict
    (see 'factmap conflicts').
    """
    from factmap.analyze.facts import facts as find_facts
    from factmap.analyze.query import find_entity

    store = _store(ctx)
    ent = find_entity(store, entity)["id"] if entity else None
    recs = find_facts(store, entity=ent, min_sources=min_sources)
    if fmt == "json":
        _json(recs)
        return
    for f in recs:
        flags = "  DISPUTED" if f["disputed"] else ""
        seen = f"{f['first_seen'] or '?'}..{f['last_seen'] or '?'}"
        click.echo(
            f"{f['id']:<12} {f['subject_name']} —{f['predicate']}→ {f['object_name']}  "
            f"[{f['independent_sources']} source(s), {len(f['documents'])} doc(s), {seen}]{flags}"
        )
        by = [n for n in f["claimant_names"] if n] + (["unattributed"] if f["unattributed"] else [])
        click.echo(f"             according to: {', '.join(by)}; documents: {', '.join(f['documents'])}")
        click.echo(f"             \"{_short(f['strongest']['quote'], 150)}\"")
    click.echo(f"({len(recs)} facts)")


def _echo_conflict(k: dict[str, Any], indent: str = "") -> None:
    between = "  (between claimants)" if k["between_claimants"] else ""
    click.echo(f"{indent}{k['id']} {k['kind']}: {_short(k['summary'], 200)}{between}")
    for side in k["sides"]:
        click.echo(f"{indent}  {side['value']}:")
        for e in side["evidence"]:
            click.echo(f"{indent}    [{e['doc']}, {e['publisher']}, {e['published'] or 'undated'}] \"{_short(e['quote'], 150)}\"")


@cli.command()
@click.option("--entity", help="Only conflicts about this entity (name, alias or id).")
@FORMAT
@click.pass_context
@_friendly
def conflicts(ctx: click.Context, entity: str | None, fmt: str) -> None:
    """List contradictions between sources (negations, dates, places, numbers, members,
    status), each with both sides' quotes."""
    from factmap.analyze.conflicts import conflicts as find_conflicts
    from factmap.analyze.query import find_entity

    store = _store(ctx)
    ent = find_entity(store, entity)["id"] if entity else None
    recs = find_conflicts(store, entity=ent)
    if fmt == "json":
        _json(recs)
        return
    for k in recs:
        _echo_conflict(k)
    click.echo(f"({len(recs)} conflicts)")


USER = click.option(
    "--user", default=settings.USER, show_default=True, envvar="FACTMAP_USER",
    help="Who makes this decision (kept with it). Also FACTMAP_USER.",
)


def _resolved(stats: Any) -> None:
    click.echo(f"re-resolved: {stats.entities} entities; {stats.review_queue} pairs waiting for review")


@cli.command()
@click.option("--limit", type=int, default=20, show_default=True, help="Show at most N pairs.")
@FORMAT
@click.pass_context
@_friendly
def review(ctx: click.Context, limit: int, fmt: str) -> None:
    """List uncertain name pairs, those whose decision moves the most mentions first.

    Answer each with 'factmap merge A B', 'factmap distinct A B' or 'factmap unsure A B'.
    """
    from factmap.resolve.review import review_items

    items = review_items(_store(ctx), limit=limit)
    if fmt == "json":
        _json(items)
        return
    if not items:
        click.echo("nothing to review")
        return
    for i, q in enumerate(items, 1):
        click.echo(f"{i:>3}. {q['a_name']!r} ({q['a']})  vs  {q['b_name']!r} ({q['b']})")
        click.echo(f"     {q['reason']}; score {q['score']}; {q['impact']} mentions affected")
        for side in ("a", "b"):
            ex = q[f"{side}_example"]
            if ex:
                click.echo(f"     {side}: \"{ex['text']}\" in {ex['doc']}:{ex['start']}")
        click.echo(f"     factmap merge \"{q['a']}\" \"{q['b']}\"   |   factmap distinct \"{q['a']}\" \"{q['b']}\"")


def _judge(ctx: click.Context, a: str, b: str, user: str, judgement: str) -> None:
    from nomenklatura.judgement import Judgement

    from factmap.resolve.review import decide

    stats = decide(_store(ctx), a, b, Judgement(judgement), user=user)
    click.echo(f"recorded: {a!r} and {b!r} — {judgement} (by {user})")
    _resolved(stats)


def _judgement_command(name: str, judgement: str, help_text: str) -> None:
    """Register one of the judgement commands (merge, distinct, unsure)."""

    @cli.command(name, help=help_text)
    @click.argument("a")
    @click.argument("b")
    @USER
    @click.pass_context
    @_friendly
    def command(ctx: click.Context, a: str, b: str, user: str) -> None:
        _judge(ctx, a, b, user, judgement)


_judgement_command("merge", "positive", "Record that names/entities A and B are one actor (a positive judgement).")
_judgement_command("distinct", "negative", "Record that A and B are different actors (a negative judgement): never merged.")
_judgement_command("unsure", "unsure", "Record that you cannot tell whether A and B are one actor (not asked again).")


@cli.command()
@click.argument("name")
@click.option("--mention", "mentions", multiple=True, required=True, help="DOC:START-END (or DOC:START) of a mention to take out; repeatable.")
@USER
@click.pass_context
@_friendly
def split(ctx: click.Context, name: str, mentions: tuple[str, ...], user: str) -> None:
    """Take mentions out of entity NAME (each becomes an entity of its own)."""
    from factmap.resolve.review import split as do_split

    stats = do_split(_store(ctx), name, list(mentions), user=user)
    click.echo(f"split {len(mentions)} mention(s) from {name!r}")
    _resolved(stats)


@cli.command()
@click.argument("name")
@click.argument("new")
@USER
@click.pass_context
@_friendly
def rename(ctx: click.Context, name: str, new: str, user: str) -> None:
    """Give entity NAME the display name NEW (the articles' words are unchanged)."""
    from factmap.resolve.review import rename as do_rename

    stats = do_rename(_store(ctx), name, new, user=user)
    click.echo(f"renamed {name!r} to {new!r}")
    _resolved(stats)


@cli.group()
def alias() -> None:
    """Manage the names of an entity."""


@alias.command("add")
@click.argument("name")
@click.argument("alias_name", metavar="ALIAS")
@USER
@click.pass_context
@_friendly
def alias_add(ctx: click.Context, name: str, alias_name: str, user: str) -> None:
    """Record that ALIAS is another name of entity NAME (also in later articles)."""
    from factmap.resolve.review import add_alias

    stats = add_alias(_store(ctx), name, alias_name, user=user)
    click.echo(f"{alias_name!r} is now an alias of {name!r}")
    _resolved(stats)


@cli.group()
def actors() -> None:
    """Known actors that seed resolution."""


@actors.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@USER
@click.pass_context
@_friendly
def actors_import(ctx: click.Context, file: Path, user: str) -> None:
    """Import known actors: YAML or CSV (name, type, aliases, external_ids such as Wikidata
    QIDs) or FollowTheMoney entity lines (.json/.jsonl, e.g. an OpenSanctions export)."""
    from factmap.resolve.review import import_actors

    n, stats = import_actors(_store(ctx), file, user=user)
    click.echo(f"imported {n} known actors from {file}")
    _resolved(stats)


@cli.command()
@FORMAT
@click.pass_context
@_friendly
def judgements(ctx: click.Context, fmt: str) -> None:
    """List every review decision (judgements, splits, renames, aliases, imports) with who and when."""
    log = _store(ctx).review_log()
    if fmt == "json":
        _json(log)
        return
    for r in log:
        args = ", ".join(f"{k}={v}" for k, v in r["args"].items() if not k.startswith("key_"))
        click.echo(f"{r['created_at']}  {r['user']:<12} {r['action']:<14} {args}")
    click.echo(f"({len(log)} decisions)")


@cli.command("resolve")
@FORMAT
@click.pass_context
@_friendly
def resolve_cmd(ctx: click.Context, fmt: str) -> None:
    """Re-run entity resolution over the whole store (replaying every decision)."""
    from dataclasses import asdict

    from factmap.resolve import resolve

    stats = resolve(_store(ctx))
    if fmt == "json":
        _json(asdict(stats))
    else:
        click.echo(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in asdict(stats).items()))


EXPORT_FORMATS = ["json", "ftm", "gexf", "graphml", "events-csv", "csv", "parquet"]


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True,
              help="json (SPEC.md), ftm (FollowTheMoney lines), gexf/graphml (networks), events-csv "
                   "(ACLED layout), csv/parquet (one table per record kind, into -o DIR).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to FILE (a directory for csv/parquet) instead of stdout.")
@click.option("--geocode", is_flag=True, help="ftm: add coordinates and countries from the offline gazetteer (slower).")
@click.option("--no-text", is_flag=True, help="ftm: leave the documents' text out of the Article entities.")
@click.pass_context
@_friendly
def export(ctx: click.Context, fmt: str, output: Path | None, geocode: bool, no_text: bool) -> None:
    """Export the whole map: JSON as in SPEC.md, or for FtM/Aleph, Gephi, ACLED-style
    event tables, spreadsheets and pandas (see README, "Exports and imports")."""
    from factmap.errors import ConfigError

    store = _store(ctx)
    if fmt in ("csv", "parquet"):
        from factmap.export.tables import write_tables

        if output is None:
            raise ConfigError(f"--format {fmt} writes one file per table: give a directory with -o DIR")
        for path in write_tables(store, output, fmt):
            click.echo(f"wrote {path}", err=True)
        return

    def write(out_text: Any, out_bytes: Any) -> None:
        if fmt == "json":
            from factmap.export.json import write_json

            write_json(store, out_text)
        elif fmt == "ftm":
            from factmap.analyze.geo import Gazetteer
            from factmap.export.ftm import write_ftm

            write_ftm(store, out_text, Gazetteer.default() if geocode else None, include_text=not no_text)
        elif fmt == "events-csv":
            from factmap.export.acled import write_events_csv

            write_events_csv(store, out_text)
        else:
            from factmap.export.graph import write_graph

            write_graph(store, out_bytes, fmt)

    if output:
        if output.is_dir():
            raise ConfigError(f"{output} is a directory; give a file name with -o for --format {fmt}")
        tmp = output.with_name(output.name + ".part")
        binary = fmt in ("gexf", "graphml")
        if binary:
            with tmp.open("wb") as bfh:
                write(None, bfh)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                write(fh, None)
        tmp.replace(output)
        click.echo(f"wrote {output}", err=True)
    else:
        write(sys.stdout, sys.stdout.buffer)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Beyond loopback, review actions need the printed token.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", envvar="FACTMAP_TOKEN", default=None,
              help="Write token for review actions when listening beyond loopback (default: a new random one). "
                   "Also FACTMAP_TOKEN.")
@click.pass_context
@_friendly
def serve(ctx: click.Context, host: str, port: int, token: str | None) -> None:
    """Serve the web workspace (search, profiles, network, timeline, map, evidence,
    conflicts, review) and its JSON API over the store; Ctrl-C stops it."""
    try:
        import uvicorn

        from factmap.web.app import create_app
        from factmap.web.security import is_loopback, new_token
    except ImportError as exc:
        raise click.ClickException(f"the web workspace needs FastAPI and uvicorn ({exc}); pip install fastapi uvicorn") from exc
    loopback = is_loopback(host)
    if not loopback and not token:
        token = new_token()
    click.echo("preparing the analyses…", err=True)
    app = create_app(ctx.obj["db"], token=token, allow_writes_without_token=loopback, host=host)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"factmap workspace: http://{shown}:{port}/  (API: http://{shown}:{port}/openapi.json; Ctrl-C stops)")
    if not loopback:
        click.echo(f"listening beyond this machine: review actions need the write token {token}")
    uvicorn.run(app, host=host, port=port, log_level="warning", h11_max_incomplete_event_size=64 * 1024)


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    main()
