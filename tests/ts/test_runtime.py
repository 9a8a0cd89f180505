"""The TypeScript runtime (generator/runtime_ts), type-checked under --strict and tested with
node's own test runner against real HTTP servers on 127.0.0.1 (tests/ts/runtime/*.test.mjs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ts.node import NODE, ROOT, compile_runtime, needs_node, run

pytestmark = [needs_node, pytest.mark.xdist_group("node")]
TESTS = ROOT / "tests" / "ts" / "runtime"


def test_runtime_passes_its_node_tests(tmp_path: Path) -> None:
    compile_runtime(tmp_path)
    for source in TESTS.glob("*.mjs"):
        shutil.copy(source, tmp_path / source.name)
    assert NODE is not None
    result = run([NODE, "--test", "--test-reporter=spec"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✖" not in result.stdout
