"""Drive a real vendor spec through everything a user does with it (opt-in, never in CI).

    .venv/bin/python bench/vendor_check.py SPEC [SPEC...] [--mypy] [--limit N] [--stateful]

For each document: `specgen generate` it (forgiving: repairs are warnings), import the client
and server packages, optionally `mypy --strict` the client, start `specgen mock` (the
generated server with the mock behind it) on loopback, and call every operation through the
generated client with arguments synthesized from the spec, counting how each call ended:

- ok: the mock answered 2xx and the client parsed the answer into its types;
- refused: the mock answered 4xx (the synthesized request did not satisfy the spec, or the
  operation needs state the stateless mock does not have);
- parse-failed: the client could not parse its own mock's answer (APIResponseValidationError)
  -- the number that must be 0;
- error: anything else (the type of the exception is listed).

Package names are derived from the file name (`openai_api.yml` -> `openai_api`).
"""

from __future__ import annotations

import argparse
import importlib
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.diff.prove_calls import credentials  # noqa: E402
from generator.ir.model import Api, Operation  # noqa: E402
from generator.values.schema import Schemas  # noqa: E402
from generator.values.synth import SynthesisError, synthesize  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(command: list[str], cwd: Path | None = None) -> tuple[int, str, float]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    return done.returncode, (done.stdout + done.stderr)[-2000:], time.perf_counter() - start


def _arguments(op: Operation, schemas: Schemas, rng: random.Random) -> dict[str, Any] | None:
    """Keyword arguments for a call: required parameters and a required body, JSON, form,
    multipart (files as bytes), binary or text (None: cannot)."""
    found: dict[str, Any] = {}
    for param in op.parameters:
        if not param.required:
            continue
        try:
            found[param.python_name] = synthesize(schemas, param.schema or {}, rng, param.wire_name)
        except SynthesisError:
            return None
    if op.body is not None and op.body.required:
        if op.body.kind in ("binary", "text"):
            found["body"] = b"specgen" if op.body.kind == "binary" else "specgen"
            return found
        if op.body.kind not in ("json", "form", "multipart"):
            return None
        try:
            body = synthesize(schemas, op.body.schema or {}, rng)
        except SynthesisError:
            return None
        found["body"] = (
            _with_files(schemas, op.body.schema, body) if op.body.kind == "multipart" else body
        )
    return found


def _with_files(schemas: Schemas, schema: Any, body: Any) -> Any:
    """A synthesized multipart body whose file parts (binary strings) hold bytes, as a caller
    would pass them (synthesis writes text there)."""
    if not isinstance(body, dict):
        return body
    props = schemas.properties(schema)
    result = dict(body)
    for name, value in body.items():
        sub = schemas.resolve(props.get(name, {}))
        items = schemas.resolve(sub.get("items", {})) if isinstance(sub, dict) else {}
        if _is_file(sub):
            result[name] = b"specgen"
        elif isinstance(value, list) and _is_file(items):
            result[name] = [b"specgen" for _ in value]
    return result


def _is_file(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        schema.get("format") == "binary" or "contentMediaType" in schema
    )


def _call_all(api: Api, client: Any, package: Any, limit: int | None) -> Counter[str]:
    errors = package._runtime
    schemas = Schemas(api.models_document)
    rng = random.Random(1)
    outcome: Counter[str] = Counter()
    # How each operation is reached: a client method, or one on a resource (customers.create).
    calls = {id(m.operation): m.call for m in api.client.all_methods()}
    for op in api.operations[:limit]:
        arguments = _arguments(op, schemas, rng)
        if arguments is None:
            outcome["skipped (no valid argument synthesized)"] += 1
            continue
        method: Any = client
        for part in calls.get(id(op), op.python_name).split("."):
            method = getattr(method, part, None)
        if method is None:
            outcome["error: no method " + op.python_name] += 1
            continue
        try:
            result = method(**arguments)
            if hasattr(result, "__iter__") and hasattr(result, "has_next_page"):
                next(iter(result), None)  # a page: parse its first item
            outcome["ok"] += 1
        except errors.APIResponseValidationError as exc:
            outcome["parse-failed"] += 1
            if outcome["parse-failed"] <= 5:
                print(f"    parse-failed {op.python_name}: {str(exc)[:300]}", file=sys.stderr)
        except errors.APIStatusError as exc:
            kind = "refused" if exc.status_code < 500 else f"error: {exc.status_code}"
            outcome[kind] += 1
            if outcome[kind] <= 5:
                print(f"    {kind} {op.python_name}: {str(exc)[:300]}", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - counted by type, the point of this script
            outcome[f"error: {type(exc).__name__}"] += 1
            if sum(v for k, v in outcome.items() if k.startswith("error")) <= 5:
                print(f"    error {op.python_name}: {exc!r}"[:300], file=sys.stderr)
    return outcome


def check(spec: Path, mypy: bool, limit: int | None, stateful: bool = False) -> None:
    import uvicorn

    from generator.mock.server import MockOptions, mock_app, render_server

    name = spec.stem.replace("-", "_")
    out = Path(tempfile.mkdtemp(prefix="vendor-"))
    code, output, seconds = _run(
        [sys.executable, "-m", "generator", "generate", str(spec), "--out", str(out)], ROOT
    )
    warnings = output.count("warning[")
    print(f"{spec.name}: generate exit {code} in {seconds:.1f} s")
    if code != 0:
        print("  " + output[-600:])
        return
    src = out / name / "client" / "src"
    code, output, seconds = _run([sys.executable, "-c", f"import {name}"], src)
    print(f"  client import: {'ok' if code == 0 else output[-300:]} ({seconds:.1f} s)")
    if mypy:
        code, output, seconds = _run([sys.executable, "-m", "mypy", "--strict", name], src)
        print(f"  mypy --strict client: {output.strip().splitlines()[-1]} ({seconds:.0f} s)")
    start = time.perf_counter()
    server = render_server(spec, name, out / "mock")
    app = mock_app(server, MockOptions(stateful=stateful))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    while not uv.started:
        time.sleep(0.05)
    print(f"  mock serving in {time.perf_counter() - start:.1f} s (generate warnings: {warnings})")
    try:
        package = importlib.import_module(name)
        client = package.Client(
            base_url=f"http://127.0.0.1:{port}",
            max_retries=0,
            **credentials(package.Client),  # each scheme through its own argument
        )
        outcome = _call_all(server.api, client, package, limit)
        print(f"  calls ({len(server.api.operations)} operations): {dict(outcome.most_common())}")
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("specs", nargs="+", type=Path)
    parser.add_argument("--mypy", action="store_true", help="mypy --strict the client too")
    parser.add_argument("--limit", type=int, default=None, help="call at most N operations")
    parser.add_argument("--stateful", action="store_true", help="run the mock with --stateful")
    options = parser.parse_args()
    for spec in options.specs:
        check(spec.resolve(), options.mypy, options.limit, options.stateful)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
