"""The witness engine is a leaf package: the mock, the stubs, `--prove` and `verify` use it,
and it uses nothing of theirs (only the validator and synthesizer, and the IR's model)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "generator" / "witness"
ALLOWED = ("generator.witness", "generator.values", "generator.ir.model")


def test_the_witness_engine_imports_only_values_and_the_ir_model() -> None:
    offending = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.append(node.module)
            elif isinstance(node, ast.Import):
                modules.extend(alias.name for alias in node.names)
            for module in modules:
                if module.startswith("generator") and not module.startswith(ALLOWED):
                    offending.append(f"{path.name} imports {module}")
    assert offending == []
