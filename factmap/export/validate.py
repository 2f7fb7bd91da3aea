"""Checking an export against SPEC.md: the JSON schema plus the rules a schema cannot say.

Used by the tests and by anyone who wants to check a file: every quote is the exact
text at its offsets, every reference points at a record that exists.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def export_problems(data: dict[str, Any], texts: dict[str, str] | None = None) -> list[str]:
    """Every way ``data`` breaks SPEC.md (empty when it conforms).

    ``texts`` (document id -> cleaned text), when given, lets quotes and mention texts
    be checked against their offsets.
    """
    import jsonschema

    schema = json.loads((resources.files("factmap.schema") / "export.schema.json").read_text("utf-8"))
    problems = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in jsonschema.Draft202012Validator(schema).iter_errors(data)
    ]
    if problems:
        return problems
    docs = {d["id"] for d in data["documents"]}
    ents = {e["id"] for e in data["entities"]}
    evs = {v["id"] for v in data["events"]}

    def span(kind: str, rec: dict[str, Any], quote: str) -> None:
        if rec["doc"] not in docs:
            problems.append(f"{kind} {rec.get('id', '')}: unknown document {rec['doc']}")
        elif texts is not None and texts[rec["doc"]][rec["start"] : rec["end"]] != quote:
            problems.append(f"{kind} {rec.get('id', '')}: quote is not the text at {rec['doc']}:{rec['start']}-{rec['end']}")

    for e in data["entities"]:
        for m in e["mentions"]:
            span(f"mention of {e['id']}", m, m["text"])
    for c in data["claims"]:
        span("claim", c, c["quote"])
        if c["subject"] not in ents:
            problems.append(f"claim {c['id']}: unknown subject {c['subject']}")
        if c["object"] not in ents | evs:
            problems.append(f"claim {c['id']}: unknown object {c['object']}")
    for v in data["events"]:
        span("event", v, v["quote"])
        for p in [*v["participants"], *([v["place"]] if v["place"] else [])]:
            if p not in ents:
                problems.append(f"event {v['id']}: unknown entity {p}")
    return problems
