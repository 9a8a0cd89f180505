"""Which files are a spec's inputs: every file its `$ref`s reach, found without walking a
document whose references are all local."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.regenerate.fingerprint import _may_name_files, collect_inputs


@pytest.mark.parametrize(
    ("text", "names_files"),
    [
        ('"$ref": "#/components/schemas/A"', False),
        ('"$ref":"other.yaml#/A"', True),
        ("$ref: '#/x'", False),
        ("$ref: other.yaml", True),
        ("'$ref': './x.json'", True),
        ('{$ref: "#/y"}', False),
        ("$ref:\n  common.yaml#/Error", True),
        ('$ref:\n  "#/c"', False),
        ("description: no references", False),
    ],
)
def test_references_that_may_name_files_are_recognised(text: str, names_files: bool) -> None:
    assert _may_name_files(text) is names_files


def test_inputs_are_the_files_references_reach(tmp_path: Path) -> None:
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "error.yaml").write_text(
        "Error:\n  type: object\n  properties:\n    detail: {$ref: 'text.yaml#/Text'}\n"
    )
    (tmp_path / "common" / "text.yaml").write_text("Text: {type: string}\n")
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    Error:\n      $ref: common/error.yaml#/Error\n"
    )
    _, inputs = collect_inputs(spec)
    assert sorted(inputs) == ["api.yaml", "common/error.yaml", "common/text.yaml"]
    local = tmp_path / "local.yaml"
    local.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {}\n"
    )
    assert sorted(collect_inputs(local)[1]) == ["local.yaml"]
