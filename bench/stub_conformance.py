"""schemathesis against the generated servers of specs (opt-in: needs the network-free `st`
of the dev environment and a few minutes).

    .venv/bin/python bench/stub_conformance.py SPEC [SPEC...] [--target mock|stubs|both]
        [--max-examples N]

`mock` serves `specgen mock SPEC` (the generated server with the mock engine behind it);
`stubs` serves the generated server package with a trivial implementation that answers each
operation with the first example its spec gives for the success response (else a value
synthesized from the schema). Each is run through `st run` with every default check but
`ignored_auth` (the Authorization header sent is any bearer token: the stubs check its form,
not its value). Exit status 1 when any run finds a failure.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.contract_probe import _resolve  # noqa: E402
from generator.ir.model import Api, Operation  # noqa: E402
from generator.values.schema import Schemas  # noqa: E402
from generator.values.synth import SynthesisError, synthesize  # noqa: E402

ST = Path(sys.executable).with_name("st")


def first_example(document: dict[str, Any], api: Api, op: Operation) -> tuple[int, Any]:
    """(status, body) of the operation's success response: its first example, else a value
    synthesized from its schema; (status, None) when it has no JSON body."""
    success = op.success
    status = success.status_code if success and success.status_code else 200
    if success is None or not success.media_type or "json" not in success.media_type:
        return status, None
    item = document.get("paths", {}).get(op.path, {})
    operation = item.get(op.method.lower(), {}) if isinstance(item, dict) else {}
    response = _resolve(document, (operation.get("responses") or {}).get(success.status, {}))
    media = (response.get("content") or {}).get(success.media_type, {})
    if isinstance(media, dict):
        if "example" in media:
            return status, media["example"]
        for example in (media.get("examples") or {}).values():
            example = _resolve(document, example)
            if "value" in example:
                return status, example["value"]
        schema = _resolve(document, media.get("schema", {}))
        if "example" in schema:
            return status, schema["example"]
    try:
        return status, synthesize(
            Schemas(api.models_document), success.schema or {}, random.Random(0)
        )
    except SynthesisError:
        return status, None


def example_service(package: Any, api: Api, document: dict[str, Any]) -> Any:
    """The generated `Service` with every operation answering its first example."""

    def method(status: int, body: Any) -> Any:
        async def call(self: Any, **arguments: Any) -> Any:
            return package.Reply(status, body)

        return call

    methods = {op.python_name: method(*first_example(document, api, op)) for op in api.operations}
    return type("ExampleService", (package.Service,), methods)()


def schemathesis(spec: Path, url: str, max_examples: int) -> tuple[int, str]:
    command = [str(ST), "run", str(spec), "--url", url, "--checks", "all"]
    command += ["--exclude-checks", "ignored_auth", "--max-examples", str(max_examples)]
    command += ["-H", "Authorization: Bearer conformance", "--seed", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    return done.returncode, done.stdout + done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="+", type=Path)
    parser.add_argument("--target", choices=("mock", "stubs", "both"), default="both")
    parser.add_argument("--max-examples", type=int, default=50)
    args = parser.parse_args()
    import yaml

    from generator.mock.server import mock_app, render_server
    from tests.wire.wire_helpers import serve

    failed = 0
    for spec in args.specs:
        text = spec.read_text()
        document = json.loads(text) if spec.suffix == ".json" else yaml.safe_load(text)
        name = re.sub(r"\W", "_", spec.stem).strip("_").lower() + "_conformance"
        server = render_server(spec, name, Path(tempfile.mkdtemp(prefix="specgen-st-")))
        targets = ("mock", "stubs") if args.target == "both" else (args.target,)
        for target in targets:
            package = server.package
            if target == "mock":
                app = mock_app(server)
            else:
                app = package.create_app(example_service(package, server.api, document))
            with serve(app) as url:
                code, output = schemathesis(spec, url, args.max_examples)
            summary = re.findall(r"(\d+ generated, .*)", output)
            failures = re.findall(r"❌ (.+)", output)
            print(f"{spec.name} [{target}]: exit {code}; {summary[-1] if summary else '?'}")
            for line in failures:
                print(f"  {line}")
            if code != 0:
                failed += 1
                print(output[-3000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
