"""Node tools for the TypeScript tests: `tsc` from the project's own package.json (installed by
`make test` into node_modules), never a global install."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TSC = ROOT / "node_modules" / ".bin" / "tsc"
RUNTIME_TS = ROOT / "generator" / "runtime_ts"
NODE = shutil.which("node")

needs_node = pytest.mark.skipif(
    NODE is None or not TSC.exists(), reason="node or typescript missing: run `make test`"
)


def run(args: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a node tool; the assertion message carries its whole output."""
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def tsc(args: list[str], cwd: Path) -> None:
    result = run([str(TSC), *args], cwd)
    assert result.returncode == 0, f"tsc {' '.join(args)} failed:\n{result.stdout}{result.stderr}"


def compile_runtime(out: Path) -> Path:
    """The runtime compiled to ES modules in `out/runtime` (with a package.json saying so)."""
    tsc(
        [
            "-p",
            str(ROOT / "tests" / "ts" / "tsconfig.runtime.json"),
            "--outDir",
            str(out / "runtime"),
        ],
        ROOT,
    )
    (out / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    return out / "runtime"
