"""The stages' import directions: one way from load to write, shared pieces in leaf packages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
# package -> packages of generator it must never import (at module level or inside functions)
FORBIDDEN = {
    "values": ("render", "mock", "diff", "regenerate", "validate", "repair", "overlay"),
    "printers": ("render", "mock", "diff", "regenerate", "validate"),
    "ir": ("render", "mock", "diff", "regenerate", "printers.typescript"),
    "render": ("mock", "diff", "regenerate"),
    "runtime": ("ir", "render", "mock", "diff", "regenerate", "validate", "load"),
    # the witness engine serves the mock, the proofs and verify: it imports none of them
    "witness": ("render", "mock", "diff", "verify", "regenerate", "validate", "repair"),
    # verify talks to a server over HTTP (targets read through regenerate's plan): it never
    # diffs, releases or builds sites
    "verify": ("diff", "release", "docsite"),
}


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_stage_never_imports_the_stages_after_it(package: str) -> None:
    offending = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for module in sorted(imported_modules(path))
        for banned in FORBIDDEN[package]
        if module == f"generator.{banned}" or module.startswith(f"generator.{banned}.")
    ]
    assert offending == []
