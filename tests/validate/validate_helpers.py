"""Assertion helpers shared by the validate tests."""

from __future__ import annotations

import textwrap

from generator.diagnostics import Diagnostic


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle` in (dedented) text."""
    lines = textwrap.dedent(text).splitlines()
    hits = [number for number, line in enumerate(lines, 1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not in the test spec"
    return hits[occurrence - 1]


def only(diagnostics: list[Diagnostic], rule: str) -> Diagnostic:
    found = [d for d in diagnostics if d.rule == rule]
    assert len(found) == 1, f"expected one {rule}, got: {[d.format() for d in diagnostics]}"
    return found[0]


def rules(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.rule for d in diagnostics]
