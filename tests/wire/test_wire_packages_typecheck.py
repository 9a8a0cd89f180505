"""The clients the wire tests generate (every scheme, style, body and response kind) pass
`mypy --strict` and `ruff check`, like the committed ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.render.helpers import render_into, write_spec
from tests.wire import (
    test_auth_wire,
    test_bodies_wire,
    test_pages_wire,
    test_params_wire,
    test_responses_wire,
)

MODULES = {
    "auth_wire": test_auth_wire,
    "bodies_wire": test_bodies_wire,
    "pages_wire": test_pages_wire,
    "params_wire": test_params_wire,
    "responses_wire": test_responses_wire,
}


@pytest.mark.xdist_group("mypy")
def test_wire_clients_pass_mypy_strict_and_ruff(tmp_path: Path) -> None:
    for package, module in MODULES.items():
        render_into(write_spec(tmp_path, module._document(), name=package), tmp_path, package)
    src = tmp_path / "client" / "src"
    packages = [arg for name in MODULES for arg in ("-p", name)]
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        cwd=src,
        capture_output=True,
        text=True,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    common = ["--isolated", "--line-length", "100", "--target-version", "py311"]
    rules = ["--select", "E,F,W,I,B,UP", "--ignore", "E501"]
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *common, *rules, str(src)],
        capture_output=True,
        text=True,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
