"""What `specgen watch` keeps between saves (generator/render/memo.py): files rendered by an
earlier run are reused only when everything they print is unchanged, so after any edit the
output is byte for byte what a fresh run renders, and an unrelated edit re-renders little."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.render import TargetOptions, prepare_target, render_target
from generator.render.memo import Recorded, RenderMemo
from generator.render.models import render_models
from generator.unitcache import Memory
from tests.render.helpers import write_spec
from tests.robustness.support import minimal

REF = "#/components/schemas/"

SCHEMAS: dict[str, Any] = {
    "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
    # Its module adds the runtime's WriteOnlyModel to its bases unless Base (another module)
    # has a write-only field already.
    "Child": {
        "allOf": [
            {"$ref": REF + "Base"},
            {"properties": {"extra": {"type": "integer", "writeOnly": True}}},
        ]
    },
    "Sibling": {"allOf": [{"$ref": REF + "Base"}, {"properties": {"more": {"type": "string"}}}]},
    "Holder": {
        "type": "object",
        "properties": {"child": {"$ref": REF + "Child"}, "sibling": {"$ref": REF + "Sibling"}},
    },
    # Uses Base too: Base has users in two modules, so it is a module of its own.
    "Lonely": {
        "type": "object",
        "properties": {"x": {"type": "integer"}, "base": {"$ref": REF + "Base"}},
    },
}


def _document() -> dict[str, Any]:
    document = minimal({}, copy.deepcopy(SCHEMAS))
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}}
    document["paths"] = {
        "/holders": {"get": {"operationId": "listHolders", "tags": ["holders"], "responses": ok}},
        "/lonely": {"get": {"operationId": "getLonely", "tags": ["lonely"], "responses": ok}},
    }
    document["paths"]["/holders"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ] = {"$ref": REF + "Holder"}
    document["paths"]["/lonely"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ] = {"$ref": REF + "Lonely"}
    return document


def _options(memory: Memory | None) -> TargetOptions:
    return TargetOptions(
        "memo", package="memo", layout="resources", split_models_from=1, memory=memory
    )


def _files(spec: Path, memory: Memory | None) -> dict[str, bytes]:
    return {f.path: f.content for f in render_target(spec, _options(memory)).files}


def _schema(name: str) -> Callable[[dict[str, Any]], None]:
    def edit(document: dict[str, Any]) -> None:
        document["components"]["schemas"][name]["properties"]["id"]["writeOnly"] = True

    return edit


EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    "a base class gains a write-only field (its subclass's module changes)": _schema("Base"),
    "a property changes type": lambda d: d["components"]["schemas"]["Lonely"]["properties"][
        "x"
    ].update(type="string"),
    "a class gains a property": lambda d: d["components"]["schemas"]["Holder"]["properties"].update(
        note={"type": "string", "description": "new"}
    ),
    "an operation's summary": lambda d: d["paths"]["/lonely"]["get"].update(summary="Get it."),
    "a class is renamed": lambda d: (
        d["components"]["schemas"].update(Solo=d["components"]["schemas"].pop("Lonely"))
        or d["paths"]["/lonely"]["get"]["responses"]["200"]["content"]["application/json"].update(
            schema={"$ref": REF + "Solo"}
        )
    ),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_after_an_edit_the_output_is_what_a_fresh_run_renders(tmp_path: Path, edit: str) -> None:
    memory = Memory()
    document = _document()
    spec = write_spec(tmp_path, document)
    assert _files(spec, memory) == _files(spec, None)
    EDITS[edit](document)
    write_spec(tmp_path, document)
    assert _files(spec, memory) == _files(spec, None)


def test_an_unchanged_module_is_reused_and_a_changed_one_rendered(tmp_path: Path) -> None:
    memory = Memory()
    document = _document()
    spec = write_spec(tmp_path, document)

    def hits() -> tuple[int, int]:
        ctx, _, _ = prepare_target(spec, _options(memory))
        memo = RenderMemo(memory, "models", ("scope",))
        files, _ = render_models(ctx, 1, memo)
        return memo.hits, len(files) - 1  # minus the package's __init__

    assert hits()[0] == 0
    reused, modules = hits()
    assert reused == modules >= 2
    EDITS["a property changes type"](document)  # only Lonely's module changes
    write_spec(tmp_path, document)
    assert hits() == (modules - 1, modules)


def test_a_recorded_table_notes_every_lookup_and_cannot_be_listed() -> None:
    table = Recorded({"a": 1, "b": 2})
    assert table.get("a") == 1 and "zz" not in table and table.get("b", 0) == 2
    assert table.reads.keys() == {"a", "zz", "b"}
    with pytest.raises(TypeError):
        list(table)
