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
@FORMAT
@click.pass_context
@_friendly
def ingest(ctx: click.Context, paths: tuple[Path, ...], quiet: bool, fmt: str) -> None:
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
    summary = run_ingest(paths, store, on_document=(lambda _id: bar.update(1)) if bar else None)
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
@FORMAT
@click.pass_context
@_friendly
def documents(ctx: click.Context, limit: int | None, fmt: str) -> None:
    """List the stored documents."""
    docs = _store(ctx).documents(limit=limit)
    if fmt == "json":
        _json(docs)
        return
    for d in docs:
        click.echo(
            f"{d['id']:<32} {d['published'] or '-':<10}  {_short(d['publisher'] or '-', 20):<20}  "
            f"{d['mentions']:>4} mentions  {_short(d['title'], 60)}"
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
    from factmap.analyze.query import entity_profile, find_entity

    store = _store(ctx)
    ent = find_entity(store, name, type=type_)
    prof = entity_profile(store, ent["id"])
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
            click.echo(f"  {r['name']}: {r['reason']}")
    if prof["relations"]:
        click.echo("relations:")
        for pred, claims in prof["relations"].items():
            click.echo(f"  {pred}:")
            for c in claims:
                neg = "NOT " if c["negated"] else ""
                by = f" (according to {c['claimant_name']})" if c.get("claimant_name") else ""
                click.echo(
                    f"    {neg}{c['subject_name']} → {c['object_name']}  [{c['doc']}, {c['confidence']}]{by}"
                )
                click.echo(f"      \"{_short(c['quote'], 160)}\"")
    if prof["events"]:
        click.echo("events:")
        for v in prof["events"]:
            click.echo(f"  {v['date'] or 'undated':<10} {v['type']:<16} {_short(v['quote'], 100)}  [{v['doc']}]")
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
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
@click.pass_context
@_friendly
def export(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Export the whole map (documents, entities, claims, events) as in SPEC.md."""
    from factmap.export.json import write_json

    store = _store(ctx)
    if output:
        tmp = output.with_name(output.name + ".part")
        with tmp.open("w", encoding="utf-8") as fh:
            write_json(store, fh)
        tmp.replace(output)
        click.echo(f"wrote {output}", err=True)
    else:
        write_json(store, sys.stdout)


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    main()
