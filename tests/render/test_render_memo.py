"""What `specgen watch` keeps between saves (generator/render/memo.py): files rendered by an
earlier run are reused only when everything they print is unchanged, and an unrelated edit
re-renders little. That the output after every kind of edit is byte for byte what a fresh
run renders is the edit corpus's job (tests/incremental/test_edit_corpus.py)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.incremental import ABSENT, Run, Store
from generator.render import TargetOptions, prepare_target, render_target
from generator.render.format import final_bytes
from generator.render.memo import Equal, Recorded, RenderMemo
from generator.render.models import render_models
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


def _options(memory: Store | None) -> TargetOptions:
    return TargetOptions(
        "memo", package="memo", layout="resources", split_models_from=1, memory=memory
    )


def _files(spec: Path, memory: Store | None) -> dict[str, bytes]:
    return {f.path: f.content for f in render_target(spec, _options(memory)).files}


def _retype_lonely_x(document: dict[str, Any]) -> None:
    document["components"]["schemas"]["Lonely"]["properties"]["x"]["type"] = "string"


def test_an_unchanged_module_is_reused_and_a_changed_one_rendered(tmp_path: Path) -> None:
    memory = Store()
    document = _document()
    spec = write_spec(tmp_path, document)

    def hits() -> tuple[int, int]:
        ctx, _, _ = prepare_target(spec, _options(memory))
        memo = RenderMemo(memory, "models", ("scope",))
        files, _ = render_models(ctx, 1, memo)
        return memo.hits, len(files) - 1  # minus the package's __init__

    assert hits()[0] == 0
    reused, modules = hits()
    # Every module, the layout and the package's __init__ (which prints only names).
    assert reused == modules + 2 and modules >= 2
    _retype_lonely_x(document)  # only Lonely's module changes
    write_spec(tmp_path, document)
    assert hits() == (modules + 1, modules)


def test_a_recorded_table_notes_every_lookup_and_cannot_be_listed() -> None:
    table = Recorded({"a": 1, "b": 2})
    assert table.get("a") == 1 and "zz" not in table and table.get("b", 0) == 2
    assert table.reads.keys() == {("class", "a"), ("class", "zz"), ("class", "b")}
    with pytest.raises(TypeError):
        list(table)
    # Inside a unit of a run, the lookups are the unit's reads.
    run = Run(Store())
    with run.tracing() as trace:
        assert Recorded({"a": 1}, run).get("zz") is None
    assert trace.reads == {("class", "zz"): ABSENT}


def test_a_kept_client_tree_holds_this_runs_operations(tmp_path: Path) -> None:
    """Equal operations may differ in what the IR's equality leaves out (schemas, examples):
    a tree kept from an earlier run is handed this run's operations."""
    memory = Store()
    document = _document()
    spec = write_spec(tmp_path, document)
    prepare_target(spec, _options(memory))
    # Holder gains a property: the operations stay equal.
    document["components"]["schemas"]["Holder"]["properties"]["note"] = {"type": "string"}
    write_spec(tmp_path, document)
    ctx, _, _ = prepare_target(spec, _options(memory))
    assert memory.stores[Equal.STORE]["pairs"]  # the tree was kept, not decided again
    now = {id(op) for op in ctx.api.operations}
    tree = ctx.api.client
    held = [m.operation for m in tree.methods]
    held += [m.operation for top in tree.resources for r in top.walk() for m in r.methods]
    assert held and all(id(op) in now for op in held)


def test_known_equal_objects_are_recognised_only_as_themselves() -> None:
    old, new, other = [1.5], [1.5], [2.5]
    equal = Equal({id(old): (old, new)})
    assert equal.same(old, new) and equal.same((old, "x"), (new, "x"))
    assert not equal.same(old, other) and not equal.same((old,), (other,))
    assert equal.same([7], [7])  # anything else compares by value


def test_a_formatted_text_seen_before_gets_the_same_bytes(tmp_path: Path) -> None:
    memory = Store()

    def formatted(texts: dict[str, str]) -> dict[str, bytes]:
        memo = RenderMemo(memory, "formatted", ())
        found = final_bytes(texts, "spec.yaml", memo=memo)
        memo.save()
        return found

    first = formatted({"a.py": "x  =  1\n", "b.py": "y=2\n", "c.md": "# c\n"})
    assert first == {"a.py": b"x = 1\n", "b.py": b"y = 2\n", "c.md": b"# c\n"}
    second = formatted({"a.py": "x  =  1\n", "b.py": "y=3\n", "c.md": "# c\n"})
    assert second["a.py"] is first["a.py"] and second["c.md"] is first["c.md"]
    assert second["b.py"] == b"y = 3\n"
