"""Hostile and broken inputs end in one clear finding, never a traceback or a hang."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from validate_helpers import only, rules

from generator.validate import validate_path


def run(path: Path) -> list[str]:
    spec, diagnostics = validate_path(path)
    return rules(diagnostics)


def test_binary_file(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert run(path) == ["unreadable"]


def test_not_utf8(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_bytes("openapi: 3.0.3\ntitle: caf\xe9\n".encode("latin-1"))
    assert run(path) == ["unreadable"]


def test_missing_file_through_the_api(tmp_path):
    assert run(tmp_path / "absent.yaml") == ["unreadable"]


def test_yaml_syntax_error_has_its_line(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.0.3\ninfo:\n  title: [unclosed\n  version: '1'\npaths: {}\n")
    _, diagnostics = validate_path(path)
    found = only(diagnostics, "syntax")
    assert found.line is not None and found.line >= 3


def test_json_syntax_error_has_its_line(tmp_path):
    path = tmp_path / "spec.json"
    path.write_text('{"openapi": "3.0.3",\n "info": {"title": "x",}\n}')
    _, diagnostics = validate_path(path)
    assert only(diagnostics, "syntax").line == 2


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_empty_document(tmp_path, text):
    path = tmp_path / "spec.yaml"
    path.write_text(text)
    assert run(path) == ["empty-document"]


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a string\n", "42\n"])
def test_non_mapping_document(tmp_path, text):
    path = tmp_path / "spec.yaml"
    path.write_text(text)
    assert run(path) == ["not-a-mapping"]


def test_alias_bomb(tmp_path):
    lines = ['a0: ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    lines[0] = lines[0].replace("a0:", "a0: &a0")
    lines = [lines[0]] + [
        line.replace(f"a{i}:", f"a{i}: &a{i}") for i, line in enumerate(lines) if i
    ]
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.0.3\n" + "\n".join(lines) + "\n")
    assert run(path) == ["alias-bomb"]


@pytest.mark.parametrize(
    "text",
    [
        "openapi: 3.0.3\nx: " + "[" * 20_000 + "]" * 20_000 + "\n",
        "openapi: 3.0.3\nx: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n",
        "openapi: 3.0.3\nx:\n" + "- " * 300_000 + "1\n",
        "openapi: 3.0.3\nx:\n"
        + "".join(" " * i + "a:\n" for i in range(1, 3000))
        + " " * 3000
        + "b\n",
    ],
    ids=["flow-sequences", "flow-mappings", "compact-block-sequences", "indented-mappings"],
)
def test_twenty_thousand_deep_yaml(tmp_path, text):
    path = tmp_path / "spec.yaml"
    path.write_text(text)
    assert run(path) == ["too-deep"]


def test_twenty_thousand_deep_json(tmp_path):
    path = tmp_path / "spec.json"
    path.write_text('{"openapi": "3.0.3", "x": ' + "[" * 20_000 + "]" * 20_000 + "}")
    assert run(path) == ["too-deep"]


def test_deep_but_legal_nesting_is_walked_without_recursion_errors(tmp_path):
    # 120 levels of nested object schemas, with an example as deep: legal, and checked.
    schema: dict[str, object] = {"type": "string"}
    example: object = 5
    for _ in range(120):
        schema = {"type": "object", "properties": {"x": schema}}
        example = {"x": example}
    schema["example"] = example
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "deep", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Deep": schema}},
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(doc, indent=1))
    assert set(run(path)) <= {"example-invalid"}


def test_self_referencing_alias(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.0.3\na: &x\n  b: *x\n")
    assert run(path) == ["recursive-alias"]


def test_complex_mapping_keys_are_refused_with_a_line(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.0.3\n? [a, b]\n: c\n")
    _, diagnostics = validate_path(path)
    assert only(diagnostics, "syntax").line == 2


def test_python_tags_are_refused(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.0.3\nx: !!python/object/apply:os.system ['true']\n")
    assert run(path) == ["syntax"]


def test_values_json_cannot_hold_do_not_crash(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\n"
        f"components:\n  schemas:\n    N: {{type: integer, example: {10**40}}}\n"
        "    M: {type: number, maximum: .nan}\n"
    )
    _, diagnostics = validate_path(path)
    # NaN is no JSON number: at most a structure error on it, and nothing on the big integer.
    assert [d.pointer for d in diagnostics] in ([], ["#/components/schemas/M/maximum"])


def test_a_folder_as_file_is_unreadable(tmp_path):
    folder = tmp_path / "spec.yaml"
    folder.mkdir()
    assert run(folder) == ["unreadable"]


def test_aliases_below_the_bomb_limit_are_walked_once(tmp_path):
    # Millions of schema positions, but only a few distinct objects: checked once each.
    lines = ["openapi: 3.0.3", "info: {title: x, version: '1'}", "paths: {}", "x-defs:"]
    leaf = ", ".join(f"p{i}: {{type: string, enum: [a, 1]}}" for i in range(9))
    lines.append(f"  a0: &a0 {{type: object, properties: {{{leaf}}}}}")
    for level in range(1, 6):
        inner = ", ".join(f"p{i}: *a{level - 1}" for i in range(9))
        lines.append(f"  a{level}: &a{level} {{type: object, properties: {{{inner}}}}}")
    lines.append("components: {schemas: {Big: *a5}}")
    path = tmp_path / "spec.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert run(path) == ["enum-type-mismatch"] * 9
