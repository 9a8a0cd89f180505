"""`specgen` as a program: it ends without Python's tear-down (`os._exit`), so these run it as
a real process and check that nothing it prints is lost and its exit status is the command's;
and a cold run imports only what it uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.regenerate import background
from tests.render.helpers import write_spec

ROOT = Path(__file__).resolve().parents[1]


def specgen(*args: str, cwd: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    # Unbuffered output would hide a process that ends before it flushes.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    env |= {"SPECGEN_DAEMON": "0", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "generator"]
    return subprocess.run(
        [*command, *([] if code else args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def schemas(count: int, *, duplicate_required: bool) -> dict[str, Any]:
    required = ["id", "id"] if duplicate_required else ["id"]
    return {
        f"Thing{n}": {
            "type": "object",
            "required": required,
            "properties": {"id": {"type": "string"}},
        }
        for n in range(count)
    }


def document(components: dict[str, Any], description: str = "") -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Things", "version": "1", "description": description},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing0"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": components},
    }


def test_every_line_a_command_prints_reaches_a_pipe_and_its_status_is_kept(tmp_path: Path) -> None:
    # 400 warnings to a pipe (block-buffered): lost if the process ended before flushing.
    spec = write_spec(tmp_path, document(schemas(400, duplicate_required=True)))
    done = specgen("validate", str(spec), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (done.stdout + done.stderr).count("warning[required-duplicate]") == 400
    broken = write_spec(tmp_path, {"openapi": "3.0.3", "info": {"title": "x"}}, "broken")
    refused = specgen("validate", str(broken), "--strict", cwd=tmp_path)
    assert refused.returncode == 1
    assert "broken.yaml" in refused.stdout + refused.stderr
    assert specgen("nosuch", cwd=tmp_path).returncode == 2  # click's usage error
    version = specgen("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("specgen")


@pytest.mark.parametrize("warnings", [0, 600])
def test_a_background_validators_answer_arrives_whole(tmp_path: Path, warnings: int) -> None:
    # The validation process of a large spec answers with one JSON text (here short, or well
    # past a pipe's 64 KB) and ends itself without tear-down: the answer must be complete.
    # `--strict` with no warnings: a lost answer is an error, not a quiet in-process redo.
    padding = "x" * (background.BACKGROUND_FROM_BYTES + 1)
    things = {**schemas(3, duplicate_required=False), **schemas(warnings, duplicate_required=True)}
    spec = write_spec(tmp_path, document(things, padding))
    strict = [] if warnings else ["--strict"]
    done = specgen("generate", str(spec), "--out", str(tmp_path / "out"), "--no-cache", *strict,
                   cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (done.stdout + done.stderr).count("warning[required-duplicate]") == warnings
    assert (tmp_path / "out" / "spec" / "server").is_dir()


IMPORTS = """
import sys
from generator.cli import cli
try:
    cli.main(sys.argv[1:], prog_name="specgen")
except SystemExit as exc:
    assert not exc.code, exc.code
print(sorted(m for m in ("fastapi", "starlette", "uvicorn") if m in sys.modules))
"""


def test_generating_stubs_does_not_import_the_web_framework(tmp_path: Path) -> None:
    # FastAPI's import is 0.2 s of a cold run; rendering the server needs none of it.
    spec = write_spec(tmp_path, document(schemas(3, duplicate_required=False)))
    arguments = ("generate", str(spec), "--out", str(tmp_path / "out"), "--no-cache")
    done = specgen(*arguments, "--artefacts", "client,models,stubs", cwd=tmp_path, code=IMPORTS)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "spec" / "server").is_dir()


def test_a_run_offered_to_a_generation_server_imports_no_click(tmp_path: Path) -> None:
    # The client side of a served run is start-up and a socket: click alone is 20 ms of it.
    probe = (
        "import sys\n"
        "from generator.daemon import client\n"
        "client.delegate = lambda argv: (print(sorted(m for m in sys.modules if m == 'click')), 0)[1]\n"
        "from generator import program\n"
        "program.main(['generate'])\n"
    )
    done = specgen(cwd=tmp_path, code=probe)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


OK_SPEC = "openapi: 3.0.3\ninfo: {title: Things, version: '1'}\npaths: {}\n"
BROKEN_YAML = "openapi: 3.0.3\ninfo: {title: x\n  bad: [\n"
# Read fine, but `paths` is a list: findings, not a load error (exit 1), and beyond repair
# for `generate` too.
INVALID_SPEC = "openapi: 3.0.3\ninfo: {title: Things, version: '1'}\npaths: [1, 2]\n"
BREAKING_SPEC = (
    "openapi: 3.0.3\ninfo: {title: Things, version: '1'}\npaths:\n  /a:\n    get:\n"
    "      responses: {'200': {description: ok}}\n"
)


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("validate", "ok.yaml"), 0, ""),
        (("validate", "invalid.yaml"), 1, "invalid.yaml"),
        (("validate", "missing.yaml"), 2, "missing.yaml"),
        (("validate", "broken.yaml"), 2, "broken.yaml:3:6: error[syntax]"),
        (("generate", "ok.yaml", "--out", "out"), 0, ""),
        (("generate", "invalid.yaml", "--out", "out"), 1, "invalid.yaml"),
        (("generate", "ok.yaml"), 2, "needs --out DIR"),
        (("generate", "missing.yaml", "--out", "out"), 2, "spec not found: missing.yaml"),
        (("generate", "broken.yaml", "--out", "out"), 2, "broken.yaml:3:6: error[syntax]"),
        (
            ("generate", "ok.yaml", "--out", "out", "--artefacts", "cleint"),
            2,
            "unknown artefact cleint; did you mean 'client'?",
        ),
        (("generate",), 2, "specs folder not found"),
        (("watch", "missing.yaml", "--out", "out"), 2, "spec not found: missing.yaml"),
        (("diff", "breaking.yaml", "ok.yaml"), 1, "breaking"),
        (("diff", "ok.yaml", "ok.yaml"), 0, ""),
        (("diff", "ok.yaml", "missing.yaml"), 2, "missing.yaml"),
        (("diff", "ok.yaml", "broken.yaml"), 2, "broken.yaml:3:6"),
        (("mock", "missing.yaml"), 2, "missing.yaml"),
        (("daemon", "status"), 0, ""),
        (("daemon", "frobnicate"), 2, "No such command"),
        (("frobnicate",), 2, "No such command"),
    ],
)
def test_every_command_exits_as_the_readme_says(
    tmp_path: Path, args: tuple[str, ...], code: int, says: str
) -> None:
    # README: 0 fine, 1 findings (errors, stale output, breaking changes), 2 usage or load
    # errors (a missing file, a missing --out, a file that is not YAML at all).
    for name, text in (("ok", OK_SPEC), ("broken", BROKEN_YAML), ("invalid", INVALID_SPEC),
                       ("breaking", BREAKING_SPEC)):  # fmt: skip
        (tmp_path / f"{name}.yaml").write_text(text)
    done = specgen(*args, cwd=tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == code, output
    assert says in output
    assert "Traceback" not in output
    # The output folder's lock is gone after every run, a failed one included.
    assert not list(tmp_path.rglob(".specgen-tmp-*")), list(tmp_path.rglob(".specgen-tmp-*"))
