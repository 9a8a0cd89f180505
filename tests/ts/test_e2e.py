"""The generated TypeScript clients, end to end: each scenario in tests/ts/e2e/*.e2e.ts is
compiled with its package under the package's strict tsconfig (so it also proves the types
fit real use) and run with `node --test` against `specgen mock --stateful` on loopback."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.ts.node import NODE, ROOT, needs_node, tsc

pytestmark = [needs_node, pytest.mark.xdist_group("node")]
E2E = ROOT / "tests" / "ts" / "e2e"
QUEUED_JOB = {
    "id": "0b3c9a52-1d2e-4f8a-9c3b-5a6d7e8f9012",
    "state": "Queued",
    "type": "Objects2D",
    "userId": "3a8670f9-b69f-4a60-b958-f103d580755f",
    "iTwinId": "ce54f773-67db-4b4f-a98b-368329107429",
    "executionInfo": {"createdDateTime": "2025-08-05T14:04:56Z"},
    "specifications": {
        "inputs": {"photos": "40a8142e-3277-4c65-922f-e1f3759b904b"},
        "outputs": {"objects2D": "f4cc6131-a9c8-4833-8d2a-cd0a11b8b778"},
    },
}


@contextmanager
def mock(spec: str, *options: str) -> Iterator[str]:
    """`specgen mock SPEC --stateful` on a free loopback port; yields its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "mock", f"specs/{spec}.yaml", "--port", "0"]
        + ["--stateful", *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once the socket listens
        assert " at http://127.0.0.1:" in line, line + (
            process.stderr.read() if process.stderr else ""
        )
        url = line.split(" at ")[1].strip()
        port = int(url.rsplit(":", 1)[1])
        for _ in range(200):  # uvicorn may take a moment after the socket is bound
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def compile_with_package(target: str, scenario: str, out: Path) -> Path:
    """The package's sources plus the scenario, built with the package's own tsconfig."""
    package = ROOT / "generated" / target / "client-ts"
    shutil.copytree(package / "src", out / "src")
    shutil.copy(package / "tsconfig.json", out / "tsconfig.json")
    shutil.copy(package / "package.json", out / "package.json")
    shutil.copy(E2E / scenario, out / "src" / "e2e.test.ts")
    shutil.copy(E2E / "node-shims.d.ts", out / "src" / "node-shims.d.ts")
    tsc(["-p", str(out / "tsconfig.json")], ROOT)
    return out / "dist" / "e2e.test.js"


def run_scenario(script: Path, url: str, **env: str) -> None:
    assert NODE is not None
    environment = {**os.environ, "MOCK_URL": url, **env}
    result = subprocess.run(
        [NODE, "--test", "--test-reporter=spec", str(script)],
        cwd=script.parent,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_create_filtered_paging_422_and_401(tmp_path: Path) -> None:
    script = compile_with_package("reality-modeling", "reality-modeling.e2e.ts", tmp_path)
    with mock("reality-modeling", "--seed", "7") as url:
        run_scenario(script, url)


def test_patch_lifecycle_and_404(tmp_path: Path) -> None:
    script = compile_with_package("reality-data-analysis", "reality-data-analysis.e2e.ts", tmp_path)
    with mock("reality-data-analysis") as url:
        run_scenario(script, url)


def test_cancel(tmp_path: Path) -> None:
    script = compile_with_package("reality-analysis", "reality-analysis.e2e.ts", tmp_path / "build")
    data = tmp_path / "jobs.json"
    data.write_text(json.dumps([QUEUED_JOB]), encoding="utf-8")
    with mock("reality-analysis", "--data", str(data)) as url:
        run_scenario(script, url, QUEUED_JOB=QUEUED_JOB["id"])


def test_rate_limit_429_with_retry_after(tmp_path: Path) -> None:
    script = compile_with_package("reality-modeling", "rate-limit.e2e.ts", tmp_path)
    with mock("reality-modeling", "--rate-limit", "1") as url:
        run_scenario(script, url)


def test_server_variables_and_header_parameters(tmp_path: Path) -> None:
    script = compile_with_package("cognite-3d-jobs", "cognite-3d-jobs.e2e.ts", tmp_path)
    with mock("cognite-3d-jobs") as url:
        run_scenario(script, url)


def test_every_scenario_is_run() -> None:
    assert {p.name for p in E2E.glob("*.e2e.ts")} == {
        "reality-modeling.e2e.ts",
        "reality-data-analysis.e2e.ts",
        "reality-analysis.e2e.ts",
        "rate-limit.e2e.ts",
        "cognite-3d-jobs.e2e.ts",
    }
