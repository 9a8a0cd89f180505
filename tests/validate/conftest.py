"""Helpers: write a small spec to a temporary folder, validate it, find diagnostics."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.validate import validate_path

Check = Callable[..., list[Diagnostic]]


@pytest.fixture
def check(tmp_path: Path) -> Check:
    """check(text, name="spec.yaml", files={...}, strict=False, allow_remote=False)."""

    def run(
        text: str,
        name: str = "spec.yaml",
        files: dict[str, str] | None = None,
        strict: bool = False,
        allow_remote: bool = False,
    ) -> list[Diagnostic]:
        for other, content in (files or {}).items():
            target = tmp_path / other
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(content), encoding="utf-8")
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        _, diagnostics = validate_path(path, strict=strict, allow_remote=allow_remote)
        return diagnostics

    return run
