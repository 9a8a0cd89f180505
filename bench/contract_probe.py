"""Probe a server with broken copies of every request body example (opt-in for big specs).

    .venv/bin/python bench/contract_probe.py SPEC [SPEC...] [--target mock|stubs|both]

For each operation with a JSON request body, every example value of the body (the media
type's `example` and `examples`, else one synthesized from the schema) is broken one place
at a time, at any depth: the value there is replaced by `null`, and by a value of another
JSON type. A copy the spec's own schema refuses (validated with the OpenAPI validator of
`generator.values`) must be refused by the server with a 4xx; anything else (2xx, 501 from a
stub whose implementation was reached, 5xx) is a leak and is listed. Path, query and header
parameters are synthesized from their schemas so that only the body is wrong.

A `nullable: true` beside a composition without `type` (GitHub's `milestone: {oneOf: [string,
integer], nullable: true}`, described as "use `null` to remove the milestone") is read as
allowing null, as the models and schemathesis read it; OpenAPI 3.0.3's letter (`nullable`
modifies only `type`) would refuse it, which is not what the author meant.

Targets: `mock` is `specgen mock` (the generated server with the mock engine behind it),
`stubs` the generated server package with its default implementation (every operation
501): a broken body that reaches the implementation answers 501, not 4xx. The curated specs
run in `tests/stubs/test_contract_probe.py`; GitHub's (`@octokit/openapi` from npm) here.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.ir.model import Api, Operation  # noqa: E402
from generator.values.schema import Schemas  # noqa: E402
from generator.values.synth import SynthesisError, synthesize  # noqa: E402

_PLACEHOLDER = re.compile(r"\{([^}]+)\}")
_TOKEN = "probe-token"


@dataclass(frozen=True)
class Probe:
    """One broken body for one operation."""

    operation: Operation
    path: str  # the request path, parameters filled
    query: dict[str, str]
    headers: dict[str, str]
    where: str  # JSON pointer of the broken place
    kind: str  # "null" or "mistyped"
    body: Any


@dataclass
class Tally:
    sent: int = 0
    refused: int = 0
    leaks: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # operations without a usable example


def examples(document: dict[str, Any], op: Operation) -> list[Any]:
    """The example values the spec gives for the operation's JSON request body."""
    item = document.get("paths", {}).get(op.path, {})
    operation = item.get(op.method.lower(), {}) if isinstance(item, dict) else {}
    body = operation.get("requestBody", {}) if isinstance(operation, dict) else {}
    body = _resolve(document, body)
    media = (body.get("content") or {}).get(op.body.media_type if op.body else "", {})
    found: list[Any] = []
    if isinstance(media, dict):
        if "example" in media:
            found.append(media["example"])
        for example in (media.get("examples") or {}).values():
            example = _resolve(document, example)
            if isinstance(example, dict) and "value" in example:
                found.append(example["value"])
    return found


def _resolve(document: dict[str, Any], node: Any) -> Any:
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 16:
        seen += 1
        target: Any = document
        for part in node["$ref"].lstrip("#/").split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node = target
    return node if isinstance(node, dict) else {}


def places(value: Any, pointer: str = "") -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(JSON pointer, key path) of every place inside `value`, the root excluded."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{pointer}/{key}"
            yield here, (key,)
            for inner, keys in places(item, here):
                yield inner, (key, *keys)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            here = f"{pointer}/{index}"
            yield here, (index,)
            for inner, keys in places(item, here):
                yield inner, (index, *keys)


def _mistyped(value: Any) -> Any:
    if isinstance(value, bool):
        return "true"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return 12345
    return "not-an-object" if isinstance(value, dict) else "not-an-array"


def _replaced(value: Any, keys: tuple[Any, ...], new: Any) -> Any:
    broken = copy.deepcopy(value)
    node = broken
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = new
    return broken


def _parameters(
    op: Operation, schemas: Schemas, rng: random.Random
) -> tuple[str, dict[str, str], dict[str, str]] | None:
    values: dict[str, Any] = {}
    for param in op.parameters:
        if param.location == "path" or param.required:
            try:
                values[param.wire_name] = synthesize(
                    schemas, param.schema or {}, rng, param.wire_name
                )
            except SynthesisError:
                return None
    path = op.path.partition("?")[0]
    for name in _PLACEHOLDER.findall(path):
        path = path.replace("{" + name + "}", str(values.get(name, "1")))
    query = {
        p.wire_name: _text(values[p.wire_name])
        for p in op.parameters
        if p.location == "query" and p.wire_name in values
    }
    headers = {
        p.wire_name: _text(values[p.wire_name])
        for p in op.parameters
        if p.location == "header" and p.wire_name in values
    }
    return path, query, headers


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_text(v) for v in value)
    return value if isinstance(value, str) else json.dumps(value)


def nullable_compositions(schema: Any) -> Any:
    """`schema` with each `nullable: true` that has no `type` beside it (beside a `oneOf`,
    `anyOf`, `allOf` or `$ref`) spelled as "that, or null", as the models read it."""
    if isinstance(schema, list):
        return [nullable_compositions(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copied = {key: nullable_compositions(value) for key, value in schema.items()}
    if copied.get("nullable") is True and "type" not in copied:
        rest = {key: value for key, value in copied.items() if key != "nullable"}
        return {"anyOf": [rest, {"enum": [None]}]}
    return copied


def probes(api: Api, document: dict[str, Any], tally: Tally, seed: int = 0) -> Iterator[Probe]:
    """Every broken body the spec refuses, for every operation with a JSON body example."""
    schemas = Schemas(nullable_compositions(api.models_document))
    rng = random.Random(seed)
    for op in api.operations:
        body = op.body
        if body is None or body.kind != "json" or not body.schema:
            continue
        body_schema = nullable_compositions(body.schema)
        values = [v for v in examples(document, op) if schemas.is_valid(v, body_schema)]
        if not values:
            try:
                values = [synthesize(schemas, body_schema, rng)]
            except SynthesisError:
                tally.skipped.append(op.operation_id)
                continue
            if not schemas.is_valid(values[0], body_schema):
                tally.skipped.append(op.operation_id)
                continue
        parameters = _parameters(op, schemas, rng)
        if parameters is None:
            tally.skipped.append(op.operation_id)
            continue
        path, query, headers = parameters
        for value in values:
            for where, keys in places(value):
                current: Any = value
                for key in keys:
                    current = current[key]
                for kind, new in (("null", None), ("mistyped", _mistyped(current))):
                    if current is None and kind == "null":
                        continue
                    broken = _replaced(value, keys, new)
                    if not schemas.is_valid(broken, body_schema):
                        yield Probe(op, path, query, headers, where, kind, broken)


def run(api: Api, document: dict[str, Any], url: str, limit: int | None = None) -> Tally:
    """Send every probe to the server at `url`; count the refusals and list the leaks."""
    tally = Tally()
    auth = {"Authorization": f"Bearer {_TOKEN}", "X-Api-Key": _TOKEN}
    with httpx.Client(base_url=url, timeout=30) as http:
        for probe in probes(api, document, tally):
            if limit is not None and tally.sent >= limit:
                break
            op = probe.operation
            media = op.body.media_type if op.body else "application/json"
            answer = http.request(
                op.method,
                probe.path,
                params=probe.query,
                headers={**auth, **probe.headers, "Content-Type": media},
                content=json.dumps(probe.body),
            )
            tally.sent += 1
            if 400 <= answer.status_code < 500:
                tally.refused += 1
            else:
                tally.leaks.append(
                    f"{op.operation_id} {probe.kind} at {probe.where or '/'}: {answer.status_code}"
                )
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="+", type=Path)
    parser.add_argument("--target", choices=("mock", "stubs", "both"), default="mock")
    parser.add_argument("--limit", type=int, default=None, help="probes per spec and target")
    args = parser.parse_args()
    import yaml

    from generator.mock.server import mock_app, render_server
    from tests.wire.wire_helpers import serve

    leaks = 0
    for spec in args.specs:
        text = spec.read_text()
        document = json.loads(text) if spec.suffix == ".json" else yaml.safe_load(text)
        name = re.sub(r"\W", "_", spec.stem).strip("_").lower() + "_probe"
        server = render_server(spec, name, Path(tempfile.mkdtemp(prefix="specgen-probe-")))
        targets = ("mock", "stubs") if args.target == "both" else (args.target,)
        for target in targets:
            package = server.package
            app = mock_app(server) if target == "mock" else package.create_app(package.Service())
            with serve(app) as url:
                tally = run(server.api, document, url, args.limit)
            leaks += len(tally.leaks)
            print(
                f"{spec.name} [{target}]: {tally.sent} broken bodies sent, {tally.refused} refused "
                f"with 4xx, {len(tally.leaks)} leaked; {len(tally.skipped)} operations skipped"
            )
            for leak in tally.leaks[:50]:
                print(f"  leak: {leak}")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
