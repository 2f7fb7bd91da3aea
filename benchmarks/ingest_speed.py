"""Ingest throughput: the whole ``factmap.pipeline.ingest`` against bare spaCy, same run.

Run: ``.venv/bin/python -m benchmarks.ingest_speed [--docs 300] [--json FILE] [--profile FILE] [--processes N]``

The articles are the first ``--docs`` files (sorted by name) of
``../shared/benchmarks/ukraine_war_news_sample/ukraine_war_articles.tar.gz``, extracted
to a temporary folder (never into the project). Steps, all in one process:

1. warm-up: the spaCy pipeline is loaded and three articles are ingested into a
   throwaway store, so that per-process setup (vocabularies, gazetteers) is timed apart;
2. baseline: the cleaned texts of the same articles (``read_inputs`` + ``prepare``)
   parsed by the bare pipeline, ``load_nlp().pipe(texts)``;
3. factmap: ``ingest([folder], store)`` into a fresh file store in the temporary
   folder (wall and process CPU time), reported as documents/s, words/s and the ratio
   factmap time / bare spaCy time (~1 would mean factmap costs no more than parsing);
4. stage breakdown: a second ingest into another fresh store with timing wrappers put
   around the pipeline's stage functions from outside (no timing code in the pipeline):
   read+clean, spaCy parse, mentions, events, claims, quantities, resolution keys,
   copy signatures, store writes, resolution, copy groups. ``--profile FILE`` runs this
   pass under cProfile instead and writes the stats (read them with ``pstats``);
5. with ``--processes N``: bare spaCy with ``n_process=N`` and ``ingest(..., n_process=N)``
   into a third store (CPU time then includes the finished worker processes).

Words are whitespace-separated tokens of the cleaned texts. Numbers are wall times on
whatever else the machine is doing: compare the ratio, measured in the same run.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

__all__ = ["SAMPLE", "extract_sample", "main", "stage_timers"]

SAMPLE = (
    Path(__file__).resolve().parents[1].parent
    / "shared" / "benchmarks" / "ukraine_war_news_sample" / "ukraine_war_articles.tar.gz"
)

#: Stage -> (module, attribute) of the function whose time is counted as that stage.
#: Nested stages (mentions inside parse+extract, keys inside store writes) are
#: subtracted from their parent when the breakdown is printed.
_STAGES: dict[str, tuple[str, str]] = {
    "read+clean": ("factmap.pipeline", "prepare"),
    "mentions": ("factmap.extract.mentions", "find_mentions"),
    "events": ("factmap.extract.events", "find_events"),
    "claims": ("factmap.extract.relations", "find_claims"),
    "quantities": ("factmap.extract.quantities", "find_quantities"),
    "resolution keys": ("factmap.pipeline", "document_keys"),
    "copy signatures": ("factmap.pipeline", "signature"),
    "save (keys+signature+store writes)": ("factmap.pipeline", "save_extraction"),
    "resolution": ("factmap.pipeline", "resolve"),
    "copy groups": ("factmap.pipeline", "update_copy_groups"),
}


def extract_sample(folder: Path, n: int) -> Path:
    """Extract the first ``n`` articles (by name) of the sample into ``folder``/articles."""
    if not SAMPLE.exists():
        sys.exit(f"benchmark data not found: {SAMPLE} (the shared benchmarks folder)")
    out = folder / "articles"
    out.mkdir()
    with tarfile.open(SAMPLE) as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name)
        for m in members[:n]:
            src = tar.extractfile(m)
            assert src is not None
            (out / Path(m.name).name).write_bytes(src.read())
    return out


def _timed(fn: Callable[..., Any], acc: dict[str, float], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[name] += time.perf_counter() - t0

    return wrapper


def _timed_iter(fn: Callable[..., Iterator[Any]], acc: dict[str, float], name: str) -> Callable[..., Iterator[Any]]:
    """Time each step of a generator; a call made while one is running (spaCy's
    ``pipe(as_tuples=True)`` calls ``self.pipe`` again) is not counted twice."""
    depth = [0]

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = iter(fn(*args, **kwargs))
        while True:
            outer = depth[0] == 0
            depth[0] += 1
            t0 = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                depth[0] -= 1
                if outer:
                    acc[name] += time.perf_counter() - t0
            yield item

    return wrapper


@contextmanager
def stage_timers() -> Iterator[dict[str, float]]:
    """Wrap the pipeline's stage functions with timers for the duration of the block.

    Yields the accumulator (stage -> seconds); ``spaCy parse`` times the pipeline's
    ``nlp.pipe`` and ``nlp(...)`` calls.
    """
    import importlib

    from factmap.extract.nlp import load_nlp

    acc: dict[str, float] = defaultdict(float)
    with ExitStack() as stack:
        for stage, (mod_name, attr) in _STAGES.items():
            mod = importlib.import_module(mod_name)
            if not hasattr(mod, attr):
                continue  # the pipeline was reorganised: the stage is not timed
            orig = getattr(mod, attr)
            setattr(mod, attr, _timed(orig, acc, stage))
            stack.callback(setattr, mod, attr, orig)
        nlp = load_nlp()
        cls = type(nlp)
        nlp.pipe = _timed_iter(cls.pipe.__get__(nlp), acc, "spaCy parse")  # type: ignore[method-assign]
        stack.callback(delattr, nlp, "pipe")
        yield acc


def _breakdown(acc: dict[str, float], total: float) -> list[tuple[str, float]]:
    """Exclusive seconds per stage, in pipeline order, with what no wrapper covered."""
    save = acc.get("save (keys+signature+store writes)", 0.0)
    rows = [
        ("read+clean", acc.get("read+clean", 0.0)),
        ("spaCy parse", acc.get("spaCy parse", 0.0)),
        ("mentions", acc.get("mentions", 0.0)),
        ("events", acc.get("events", 0.0)),
        ("claims", acc.get("claims", 0.0)),
        ("quantities", acc.get("quantities", 0.0)),
        ("resolution keys", acc.get("resolution keys", 0.0)),
        ("copy signatures", acc.get("copy signatures", 0.0)),
        ("store writes", max(0.0, save - acc.get("resolution keys", 0.0) - acc.get("copy signatures", 0.0))),
        ("resolution", acc.get("resolution", 0.0)),
        ("copy groups", acc.get("copy groups", 0.0)),
    ]
    rows.append(("other (reading files, sentences, loop)", max(0.0, total - sum(s for _n, s in rows))))
    return rows


def _cleaned_texts(folder: Path) -> list[str]:
    from factmap.ingest import prepare, read_inputs
    from factmap.model import IngestFailure

    texts = []
    for rec in read_inputs([folder]):
        if isinstance(rec, IngestFailure):
            continue
        try:
            texts.append(prepare(rec).text)
        except Exception:  # noqa: BLE001 - the ingest reports it too
            continue
    return texts


def _clock() -> tuple[float, float]:
    """Wall time, and CPU time of this process and its finished children (the workers)."""
    t = os.times()
    return time.perf_counter(), t.user + t.system + t.children_user + t.children_system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="articles to ingest (max 447)")
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    parser.add_argument("--profile", type=Path, help="run the breakdown pass under cProfile, stats to FILE")
    parser.add_argument("--processes", type=int, default=0,
                        help="also time ingest(..., n_process=N) and bare spaCy with n_process=N")
    args = parser.parse_args(argv)

    from factmap.extract.nlp import load_nlp
    from factmap.pipeline import ingest
    from factmap.store import Store

    with tempfile.TemporaryDirectory(prefix="factmap-speed-") as tmp:
        tmpdir = Path(tmp)
        folder = extract_sample(tmpdir, args.docs)

        w0, _ = _clock()
        nlp = load_nlp()
        load_s = time.perf_counter() - w0
        warm = tmpdir / "warm"
        warm.mkdir()
        for p in sorted(folder.iterdir())[:3]:
            (warm / p.name).write_bytes(p.read_bytes())
        w0, _ = _clock()
        ingest([warm], Store(":memory:"))
        warm_s = time.perf_counter() - w0

        texts = _cleaned_texts(folder)
        words = sum(len(t.split()) for t in texts)

        w0, c0 = _clock()
        for _ in nlp.pipe(texts):
            pass
        w1, c1 = _clock()
        spacy_wall, spacy_cpu = w1 - w0, c1 - c0

        store = Store(tmpdir / "speed.db")
        w0, c0 = _clock()
        summary = ingest([folder], store)
        w1, c1 = _clock()
        fm_wall, fm_cpu = w1 - w0, c1 - c0
        counts = {t: store.count(t) for t in ("documents", "mentions", "entities", "claims", "events")}
        store.close()

        parallel: dict[str, Any] = {}
        if args.processes > 1:
            w0, c0 = _clock()
            for _ in nlp.pipe(texts, n_process=args.processes):
                pass
            w1, c1 = _clock()
            parallel["spacy"] = {"wall_s": round(w1 - w0, 2), "cpu_s": round(c1 - c0, 2)}
            store3 = Store(tmpdir / "speed-parallel.db")
            w0, c0 = _clock()
            ingest([folder], store3, n_process=args.processes)
            w1, c1 = _clock()
            store3.close()
            parallel["factmap"] = {"wall_s": round(w1 - w0, 2), "cpu_s": round(c1 - c0, 2)}
            for r in parallel.values():
                r["docs_per_s"], r["words_per_s"] = round(len(texts) / r["wall_s"], 2), round(words / r["wall_s"])
            parallel["speedup_vs_1_process"] = round(fm_wall / parallel["factmap"]["wall_s"], 2)
            parallel["ratio_wall_vs_bare_spacy_1_process"] = round(parallel["factmap"]["wall_s"] / spacy_wall, 2)

        store2 = Store(tmpdir / "speed-stages.db")
        with stage_timers() as acc:
            w0, _ = _clock()
            if args.profile:
                prof = cProfile.Profile()
                prof.runcall(ingest, [folder], store2)
                prof.dump_stats(str(args.profile))
            else:
                ingest([folder], store2)
            stages_total = time.perf_counter() - w0
        store2.close()
        breakdown = _breakdown(acc, stages_total)

    n_docs = len(summary.added) + len(summary.replaced)
    result = {
        "documents": n_docs,
        "failed": len(summary.failed),
        "words": words,
        "model_load_s": round(load_s, 2),
        "warmup_ingest_3_docs_s": round(warm_s, 2),
        "spacy": {"wall_s": round(spacy_wall, 2), "cpu_s": round(spacy_cpu, 2),
                  "docs_per_s": round(len(texts) / spacy_wall, 2), "words_per_s": round(words / spacy_wall)},
        "factmap": {"wall_s": round(fm_wall, 2), "cpu_s": round(fm_cpu, 2),
                    "docs_per_s": round(n_docs / fm_wall, 2), "words_per_s": round(words / fm_wall)},
        "ratio_wall": round(fm_wall / spacy_wall, 2),
        "ratio_cpu": round(fm_cpu / spacy_cpu, 2),
        "counts": counts,
        "stages_total_s": round(stages_total, 2),
        "stages_s": {name: round(s, 2) for name, s in breakdown},
        "processes": args.processes or 1,
        "parallel": parallel,
    }
    print(f"{n_docs} documents ({len(summary.failed)} failed), {words:,} words; "
          f"model load {load_s:.1f} s, warm-up ingest of 3 documents {warm_s:.1f} s")
    print(f"{'':16}{'wall s':>9}{'cpu s':>9}{'docs/s':>9}{'words/s':>10}")
    for label, key in (("bare spaCy", "spacy"), ("factmap ingest", "factmap")):
        r = result[key]
        print(f"{label:16}{r['wall_s']:>9.2f}{r['cpu_s']:>9.2f}{r['docs_per_s']:>9.2f}{r['words_per_s']:>10,}")
    if parallel:
        for label, key in ((f"spaCy {args.processes} proc", "spacy"), (f"factmap {args.processes} proc", "factmap")):
            r = parallel[key]
            print(f"{label:16}{r['wall_s']:>9.2f}{r['cpu_s']:>9.2f}{r['docs_per_s']:>9.2f}{r['words_per_s']:>10,}")
    print(f"ratio factmap / bare spaCy: {result['ratio_wall']:.2f} (wall), {result['ratio_cpu']:.2f} (cpu)")
    if parallel:
        print(f"factmap with {args.processes} processes: {parallel['speedup_vs_1_process']:.2f}x faster than 1 "
              f"process; {parallel['ratio_wall_vs_bare_spacy_1_process']:.2f} x the time of bare spaCy in 1 process")
    print("store: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"\nstage breakdown (second ingest with timers, {stages_total:.1f} s"
          + (", under cProfile" if args.profile else "") + "):")
    for name, s in breakdown:
        print(f"  {name:40}{s:>8.2f} s {100 * s / stages_total:>6.1f}%")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
