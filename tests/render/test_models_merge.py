"""Identical schemas share one generated class; every name the client imports still exists."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from generator.render.models import merge_identical
from tests.render.helpers import imported, render_into, write_spec

REF = "#/components/schemas/"


def test_identical_schemas_are_merged_into_the_first() -> None:
    state = {"type": "string", "enum": ["a", "b"]}
    kept, same_as = merge_identical({"A": state, "B": dict(state), "C": {"type": "integer"}})
    assert list(kept) == ["A", "C"]
    assert same_as == {"B": "A"}


def test_parents_become_identical_once_their_children_are_merged() -> None:
    schemas = {
        "JobState": {"type": "string", "enum": ["queued", "done"]},
        "TaskState": {"type": "string", "enum": ["queued", "done"]},
        "Job": {"type": "object", "properties": {"state": {"$ref": REF + "JobState"}}},
        "Task": {"type": "object", "properties": {"state": {"$ref": REF + "TaskState"}}},
        "Holder": {"type": "object", "properties": {"task": {"$ref": REF + "Task"}}},
    }
    kept, same_as = merge_identical(schemas)
    assert same_as == {"TaskState": "JobState", "Task": "Job"}
    assert kept["Holder"]["properties"]["task"] == {"$ref": REF + "Job"}
    assert "TaskState" not in str(kept)


def test_any_difference_keeps_schemas_apart() -> None:
    base: dict[str, Any] = {"type": "object", "required": ["a", "b"], "properties": {}}
    schemas = {
        "A": base,
        "B": {**base, "description": "other"},
        "C": {**base, "required": ["b", "a"]},
        # Recursive shapes that only mirror each other are not merged (conservative).
        "R1": {"type": "object", "properties": {"next": {"$ref": REF + "R1"}}},
        "R2": {"type": "object", "properties": {"next": {"$ref": REF + "R2"}}},
    }
    kept, same_as = merge_identical(schemas)
    assert same_as == {}
    assert list(kept) == list(schemas)


def _bound_name(node: ast.stmt) -> str | None:
    if isinstance(node, ast.ClassDef):
        return node.name
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    return None


def _operation(operation_id: str) -> dict[str, Any]:
    job = {
        "type": "object",
        "description": "A job.",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "state": {"type": "string", "enum": ["queued", "done"]},
        },
    }
    return {
        "operationId": operation_id,
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": job}}}
        },
    }


def test_clients_of_repeated_inline_shapes_import_and_parse(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        {
            "openapi": "3.0.3",
            "info": {"title": "Repeats", "version": "1"},
            "paths": {"/a": {"get": _operation("getA")}, "/b": {"get": _operation("getB")}},
        },
    )
    render_into(spec, tmp_path / "out", "repeats_pkg")
    source = (tmp_path / "out" / "client" / "src" / "repeats_pkg" / "models.py").read_text()
    assert source.count("class ") == 2  # one object, one enum, for two operations
    with imported(tmp_path / "out" / "client" / "src", "repeats_pkg") as package:
        models = package.models
        first, second = models.GetAResponse, models.GetBResponse
        assert first is second
        job = second.model_validate({"id": "j1", "state": "done"})
        assert job.state is models.GetBResponseState.DONE


def test_a_merged_name_the_generator_reuses_is_renamed_apart(tmp_path: Path) -> None:
    shape = {"type": "object", "properties": {"x": {"type": "string"}}}
    spec = write_spec(
        tmp_path,
        {
            "openapi": "3.0.3",
            "info": {"title": "Clash", "version": "1"},
            "paths": {},
            "components": {
                "schemas": {
                    "Check": shape,  # kept (the IR orders schemas by name)
                    "Conclusion": dict(shape),  # ...so this one is `Conclusion = Check`
                    "Run": {
                        "type": "object",
                        "properties": {
                            # The generator names its own class for this `Conclusion` too.
                            "conclusion": {"type": "string", "nullable": True, "enum": ["a", None]}
                        },
                    },
                }
            },
        },
    )
    render_into(spec, tmp_path / "out", "clash_pkg")
    source = (tmp_path / "out" / "client" / "src" / "clash_pkg" / "models.py").read_text()
    bound = [_bound_name(node) for node in ast.parse(source).body]
    named = [name for name in bound if name is not None]
    # Each name bound once: the alias does not overwrite (mypy: "Cannot assign to a type").
    assert sorted(named) == sorted(set(named))
    with imported(tmp_path / "out" / "client" / "src", "clash_pkg") as package:
        models = package.models
        assert models.Conclusion is models.Check
        run = models.Run.model_validate({"conclusion": "a"})
        assert run.conclusion is not None and run.conclusion.root.value == "a"
