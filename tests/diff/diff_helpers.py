"""Small builders for spec pairs and a runner for `specgen diff` (JSON output, parsed)."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from generator.diff.command import diff

OP = "POST /things"


def api(paths: dict[str, Any] | None = None, **top: Any) -> dict[str, Any]:
    """A minimal valid OpenAPI 3.0 document."""
    doc: dict[str, Any] = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}}
    doc["paths"] = paths if paths is not None else {}
    doc.update(top)
    return doc


def ok(**extra: Any) -> dict[str, Any]:
    return {"responses": {"200": {"description": "ok"}}, **extra}


def one_op(
    operation: dict[str, Any], path: str = "/things", method: str = "post", **top: Any
) -> dict[str, Any]:
    return api({path: {method: operation}}, **top)


def in_context(context: str, schema: dict[str, Any]) -> dict[str, Any]:
    """An API whose single operation uses `schema` in one place: a query parameter, a request
    property, a response property or a response header."""
    schema = copy.deepcopy(schema)
    operation = ok()
    wrapper = {"type": "object", "properties": {"p": schema}}
    if context == "parameter":
        operation["parameters"] = [{"name": "q", "in": "query", "schema": schema}]
    elif context == "request":
        operation["requestBody"] = {"content": {"application/json": {"schema": wrapper}}}
    elif context == "response":
        operation["responses"]["200"]["content"] = {"application/json": {"schema": wrapper}}
    elif context == "header":
        operation["responses"]["200"]["headers"] = {"X-Rate": {"schema": schema}}
    elif context in ("callback-payload", "callback-reply"):
        call: dict[str, Any] = ok()
        media = {"application/json": {"schema": wrapper}}
        if context == "callback-payload":
            call["requestBody"] = {"content": media}
        else:
            call["responses"]["200"]["content"] = media
        operation["callbacks"] = {"done": {"{$request.body#/url}": {"post": call}}}
    else:
        raise ValueError(context)
    return one_op(operation)


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    data: Any
    stdout: str
    stderr: str

    @property
    def changes(self) -> list[dict[str, Any]]:
        return list(self.data.get("changes", [])) if isinstance(self.data, dict) else []

    def ids(self) -> list[str]:
        return [change["id"] for change in self.changes]

    def breaking(self) -> list[dict[str, Any]]:
        return [c for c in self.changes if c["level"] == "breaking"]


def write(path: Path, document: dict[str, Any]) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(document))
    else:
        path.write_text(yaml.safe_dump(document, sort_keys=False))
    return path


def run_cli(*args: str) -> Outcome:
    result = CliRunner().invoke(diff, list(args), catch_exceptions=False)
    data: Any = {}
    if "--format" in args and args[args.index("--format") + 1] == "json" and result.stdout:
        data = json.loads(result.stdout)
    return Outcome(result.exit_code, data, result.stdout, result.stderr)


def run_pair(tmp_path: Path, base: dict[str, Any], revision: dict[str, Any], *args: str) -> Outcome:
    base_file = write(tmp_path / "base.yaml", base)
    revision_file = write(tmp_path / "revision.yaml", revision)
    return run_cli(str(base_file), str(revision_file), "--format", "json", *args)
