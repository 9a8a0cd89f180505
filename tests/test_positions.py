"""Positions in JSON documents: the fast lookup for indented JSON (a `str.find`/regex pass per
object on the path) must name exactly the line and column the full scan names, whatever the
writer's layout, and fall back to the scan wherever its layout assumption does not hold."""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.diagnostics import pointer_join
from generator.positions import JsonIndex

DATA: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Jobs", "version": "1"},
    "paths": {
        "/jobs/{id}": {
            "get": {
                "parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "ok"}, "404": {}},
            }
        },
        "/tricky": {'x-quote "}\n{': {"a": "line\nbreak", "b": ["{", "}"]}, "é/~": 1},
    },
    "components": {
        "schemas": {
            "Job": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Empty": {},
            "List": {"type": "array", "items": {"$ref": "#/components/schemas/Job"}},
        }
    },
}


def _pointers(value: Any, where: str = "#") -> list[str]:
    found = [where]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _pointers(child, pointer_join(where, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _pointers(child, f"{where}/{index}")
    return found


def _tokens(pointer: str) -> list[str]:
    from generator.load import pointer_tokens

    return pointer_tokens(pointer)


LAYOUTS = {
    "indent 2": json.dumps(DATA, indent=2),
    "indent 4, non-ASCII kept": json.dumps(DATA, indent=4, ensure_ascii=False),
    "tabs": json.dumps(DATA, indent="\t"),
    "CRLF": json.dumps(DATA, indent=2).replace("\n", "\r\n"),
    "one line": json.dumps(DATA),
    # Hand-written: some objects on one line, a brace on its own line, uneven indents.
    "mixed": json.dumps(DATA, indent=2)
    .replace('"info": {\n    "title": "Jobs",\n    "version": "1"\n  }', '"info": {"title": "Jobs", "version": "1"}')
    .replace('"components": {', '"components":\n  {')
    .replace('\n      "Empty"', '\n     "Empty"'),
}  # fmt: skip


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_pointer_is_located_where_the_scan_locates_it(layout: str) -> None:
    text = LAYOUTS[layout]
    assert json.loads(text) == DATA
    fast, scan = JsonIndex(text, DATA), JsonIndex(text)
    pointers = [*_pointers(DATA), "#/paths/~1jobs~1{id}/get/nope", "#/components/schemas/Job/9"]
    for pointer in pointers:
        assert fast.locate(_tokens(pointer)) == scan.locate(_tokens(pointer)), pointer


def test_the_entry_is_located_at_its_key() -> None:
    text = json.dumps(DATA, indent=2)
    index = JsonIndex(text, DATA)
    offset = index.locate(_tokens("#/components/schemas/List/items"))
    assert offset is not None
    line, col = index.line_col(offset)
    assert text.splitlines()[line - 1][col - 1 :].startswith('"items": {')


def test_a_value_changed_after_loading_is_not_trusted_to_the_layout() -> None:
    """The loaded data may differ from the text (an overlay edits it in place): the fast way
    then finds a different value and the scan answers."""
    text = json.dumps(DATA, indent=2)
    edited = json.loads(text)
    edited["components"]["schemas"]["Job"]["type"] = "string"
    assert JsonIndex(text, edited).locate(_tokens("#/components/schemas/Job/type")) == JsonIndex(
        text
    ).locate(_tokens("#/components/schemas/Job/type"))


def test_duplicate_keys_name_the_first_as_the_scan_does() -> None:
    text = '{\n  "a": {\n    "b": 1\n  },\n  "a": {\n    "b": 2\n  }\n}'
    data = json.loads(text)
    assert JsonIndex(text, data).locate(["a", "b"]) == JsonIndex(text).locate(["a", "b"])


def test_lines_and_columns_are_counted_across_chunks() -> None:
    lines = [" " * (index % 7) + f'"line {index}"' for index in range(40_000)]  # ~0.5 MB
    text = "\n".join(lines)
    index = JsonIndex(text)
    for number in (1, 2, 4_000, 17_321, 40_000):
        offset = sum(len(line) + 1 for line in lines[: number - 1]) + (number - 1) % 7
        assert index.line_col(offset) == (number, (number - 1) % 7 + 1)


def test_a_column_far_along_one_long_line() -> None:
    text = "\n" + "x" * 300_000 + "\n" + "y" * 200_000
    index = JsonIndex(text)
    assert index.line_col(0) == (1, 1)
    assert index.line_col(1) == (2, 1)
    assert index.line_col(250_000) == (2, 250_000)
    assert index.line_col(300_002 + 150_000) == (3, 150_001)


# -- carrying an index over an edit (a long-lived process after each save) --------------------


def _edited(change: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(DATA))
    schemas = data["components"]["schemas"]
    if change == "property added":
        schemas["Job"]["properties"]["name"] = {"type": "string"}
    elif change == "path removed":
        del data["paths"]["/jobs/{id}"]
    elif change == "array item inserted":
        data["paths"]["/jobs/{id}"]["get"]["parameters"].insert(0, {"name": "q", "in": "query"})
    elif change == "first line":
        data = {"swagger": "x", **data}
    elif change == "object flattened":  # an object's end moves: its old keys are not its own
        schemas["Job"] = {"type": "object"}
        schemas["Job2"] = {"properties": {"id": {"type": "string"}}}
    elif change == "last key":
        data["x-end"] = {"a": [1, {"b": 2}]}
    return data


@pytest.mark.parametrize(
    "change",
    ["none", "property added", "path removed", "array item inserted", "first line",
     "object flattened", "last key"],
)  # fmt: skip
@pytest.mark.parametrize("layout", ["indent 2", "tabs", "CRLF", "mixed"])
def test_an_index_carried_over_an_edit_locates_as_a_fresh_one(change: str, layout: str) -> None:
    old_text = LAYOUTS[layout]
    new_data = _edited(change)
    new_text = {
        "indent 2": json.dumps(new_data, indent=2),
        "tabs": json.dumps(new_data, indent="\t"),
        "CRLF": json.dumps(new_data, indent=2).replace("\n", "\r\n"),
        "mixed": json.dumps(new_data, indent=2).replace('"components": {', '"components":\n  {'),
    }[layout]
    earlier = JsonIndex(old_text, DATA)
    for pointer in _pointers(DATA):  # what the last run looked up, it carries
        earlier.locate(_tokens(pointer))
    carried, fresh = JsonIndex(new_text, new_data), JsonIndex(new_text)
    carried.carry(earlier.detached())
    if change == "none" or layout == "indent 2":
        assert carried._keys, "nothing was carried"
    for pointer in [*_pointers(new_data), *_pointers(DATA)]:
        tokens = _tokens(pointer)
        assert carried.locate(tokens) == fresh.locate(tokens), pointer


def test_documents_carry_positions_from_run_to_run(tmp_path: Any) -> None:
    from generator.load import load_document
    from generator.positions import carry_positions, keep_positions

    kept: dict[str, Any] = {}
    path = tmp_path / "spec.json"
    texts = [json.dumps(DATA, indent=2), json.dumps(_edited("property added"), indent=2)]
    for text in texts:
        path.write_text(text)
        document = load_document(path)
        carry_positions([document], kept)
        located = [document.locate(p) for p in _pointers(document.data)]
        keep_positions([document], kept)
        fresh = load_document(path)
        assert located == [fresh.locate(p) for p in _pointers(fresh.data)]
    assert kept[str(path)].text == texts[-1]
