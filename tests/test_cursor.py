"""The one `$ref` follower every stage shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cursor import Cursor, RefChainError, follow
from generator.load import SpecSet, load_document


def spec(tmp_path: Path, text: str) -> SpecSet:
    path = tmp_path / "api.yaml"
    path.write_text(text)
    return SpecSet(load_document(path))


BASE = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"


def test_a_chain_ends_at_the_first_value_with_its_place(tmp_path: Path) -> None:
    specs = spec(
        tmp_path, BASE + "    A: {$ref: '#/components/schemas/B'}\n    B: {type: string}\n"
    )
    start = Cursor({"$ref": "#/components/schemas/A"}, specs.root, "#/paths")
    found = follow(specs, start)
    assert found.value == {"type": "string"} and found.pointer == "#/components/schemas/B"
    assert follow(specs, Cursor(3, specs.root, "#")).value == 3  # not a reference: itself


def test_loops_bad_refs_and_missing_targets_say_which(tmp_path: Path) -> None:
    text = BASE + (
        "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n"
    )
    specs = spec(tmp_path, text)
    with pytest.raises(RefChainError) as loop:
        follow(specs, Cursor({"$ref": "#/components/schemas/A"}, specs.root, "#/x"))
    assert loop.value.rule == "ref-cycle"
    assert [p for _, p in loop.value.loop] == ["#/components/schemas/A", "#/components/schemas/B"]
    with pytest.raises(RefChainError) as missing:
        follow(specs, Cursor({"$ref": "#/components/schemas/Nope"}, specs.root, "#/y"))
    assert missing.value.rule == "ref-unresolved" and missing.value.cursor.pointer == "#/y"
    with pytest.raises(RefChainError) as not_text:
        follow(specs, Cursor({"$ref": 3}, specs.root, "#/z"))
    assert not_text.value.rule == "ref-unresolved"
