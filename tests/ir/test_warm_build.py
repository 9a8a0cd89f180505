"""Warm IR builds (`generator.ir.warm`): after any edit, a build with the memory of the run
before gives exactly what a fresh build gives (the `Api`, its schemas, the diagnostics with
their lines and columns), while unchanged units are really replayed."""

from __future__ import annotations

import copy
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.incremental import Store
from generator.ir.build import build_api
from generator.ir.held import mutable_parts
from generator.load import SpecSet, load_document
from tests.render.helpers import write_spec
from tests.robustness.support import minimal

REF = "#/components/schemas/"
SPECS = Path(__file__).resolve().parents[2] / "specs"
Edit = Callable[[dict[str, Any]], None]


def document() -> dict[str, Any]:
    schemas = {
        "User": {
            "type": "object",
            "properties": {
                "id": {"type": "integer", "default": 1},
                "address": {"type": "object", "properties": {"city": {"type": "string"}}},
            },
        },
        "Owner": {"type": "object", "properties": {"user": {"$ref": REF + "User"}}},
        "Pet": {
            "type": "object",
            "properties": {
                "status": {"type": "string", "enum": ["a", "b"]},
                "tag": {"type": "string", "pattern": "(?<x"},  # a warning, with a position
                "owner": {"$ref": REF + "Owner"},
            },
        },
        "Foo": {"type": "object", "properties": {"bar_baz": {"type": "string"}}},
        "FooBar": {"type": "object", "properties": {"baz": {"type": "string", "enum": ["x"]}}},
        "Level": {"type": "string", "enum": ["low", "high"]},
        # Sanitising reads Level: the default is dropped while Level has no such value.
        "Config": {
            "type": "object",
            "properties": {"level": {"allOf": [{"$ref": REF + "Level"}], "default": "top"}},
        },
        "Page": {"type": "array", "items": {"$ref": REF + "Pet"}},
    }
    paths = {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "parameters": [{"$ref": "#/components/parameters/limit"}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": REF + "Page"}}},
                    }
                },
            },
            "post": {
                "operationId": "addPet",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"name": {"type": "string"}},
                            }
                        }
                    }
                },
                "responses": {"201": {"$ref": "#/components/responses/Created"}},
            },
        },
        "/owners/{id}": {
            "get": {
                "operationId": "getOwner",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": REF + "Owner"}}},
                    }
                },
            }
        },
    }
    doc = minimal(paths, schemas)
    doc["components"]["parameters"] = {
        "limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}
    }
    doc["components"]["responses"] = {
        "Created": {
            "description": "created",
            "content": {"application/json": {"schema": {"$ref": REF + "Pet"}}},
        }
    }
    return doc


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]


def add_property_to_user(doc: dict[str, Any]) -> None:
    _schemas(doc)["User"]["properties"]["email"] = {"type": "string"}


def add_component_taking_an_inline_name(doc: dict[str, Any]) -> None:
    # Pet's inline enum was PetStatus: it is now PetStatus2, though Pet is unchanged.
    _schemas(doc)["PetStatus"] = {"type": "string"}


def remove_component(doc: dict[str, Any]) -> None:
    del _schemas(doc)["Foo"]


def rename_component(doc: dict[str, Any]) -> None:
    schemas = _schemas(doc)
    schemas["Person"] = schemas.pop("User")
    schemas["Owner"]["properties"]["user"] = {"$ref": REF + "Person"}


def inline_enum_takes_a_later_name(doc: dict[str, Any]) -> None:
    # Foo (earlier) now claims FooBarBaz, which FooBar's unchanged enum had.
    _schemas(doc)["Foo"]["properties"]["bar_baz"] = {"type": "string", "enum": ["q"]}


def change_shared_parameter(doc: dict[str, Any]) -> None:
    doc["components"]["parameters"]["limit"]["schema"] = {"type": "string"}


def change_shared_response(doc: dict[str, Any]) -> None:
    created = doc["components"]["responses"]["Created"]
    created["content"]["application/json"]["schema"] = {"$ref": REF + "Owner"}


def change_inline_response(doc: dict[str, Any]) -> None:
    response = doc["paths"]["/owners/{id}"]["get"]["responses"]["200"]
    response["content"]["application/json"]["schema"] = {
        "type": "object",
        "properties": {"n": {"type": "integer"}},
    }


def move_warning_down(doc: dict[str, Any]) -> None:
    # More lines before Pet: its pattern warning moves (same pointer, new line).
    _schemas(doc)["User"]["properties"].update(
        {f"extra{i}": {"type": "string", "description": "x"} for i in range(5)}
    )


def widen_level(doc: dict[str, Any]) -> None:
    # Config is unchanged, but its default now fits Level: it is no longer dropped.
    _schemas(doc)["Level"]["enum"].append("top")


def page_becomes_object(doc: dict[str, Any]) -> None:
    # listPets is unchanged, but the class its response names is no longer a list.
    _schemas(doc)["Page"] = {"type": "object", "properties": {"items": {"$ref": REF + "Pet"}}}


def integer_default_becomes_float(doc: dict[str, Any]) -> None:
    # 1 == 1.0 in Python, not in the generated code.
    _schemas(doc)["User"]["properties"]["id"]["default"] = 1.0


def same_class_name_added_first(doc: dict[str, Any]) -> None:
    # `user` now takes the class name User: Owner's unchanged $ref to User names User2.
    doc["components"]["schemas"] = {"user": {"type": "string"}, **_schemas(doc)}


def user_becomes_nullable_enum(doc: dict[str, Any]) -> None:
    # Owner only refers to User: its field becomes optional, its schema unchanged.
    _schemas(doc)["User"] = {"type": "string", "enum": ["a", None], "nullable": True}


EDITS: list[Edit] = [
    add_property_to_user,
    add_component_taking_an_inline_name,
    inline_enum_takes_a_later_name,
    change_shared_parameter,
    change_shared_response,
    change_inline_response,
    move_warning_down,
    widen_level,
    page_becomes_object,
    integer_default_becomes_float,
    same_class_name_added_first,
    user_becomes_nullable_enum,
    remove_component,
    rename_component,
]


def snapshot(path: Path, memory: Store | None) -> tuple[Any, ...]:
    """Everything a build gives, compared strictly: `repr` tells 1 from 1.0 and True; the
    JSON values the IR holds (schemas, defaults, examples: every one `held` finds), as marshal
    bytes, which tell them apart too."""
    api, diagnostics = build_api(SpecSet(load_document(path)), "t", memory)
    return (
        api,
        repr(api),
        repr(api.model_classes),
        repr(api.envelopes),
        marshal.dumps(mutable_parts(api), 2),
        [(d.format(), d.line, d.col) for d in diagnostics],
    )


def test_the_base_document_warns_where_the_tests_expect(tmp_path: Path) -> None:
    rules = [d[0] for d in snapshot(write_spec(tmp_path, document()), None)[-1]]
    assert any("pattern-unsupported" in r for r in rules)
    assert any("default-invalid" in r for r in rules)


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_each_edit_warm_matches_a_fresh_build(tmp_path: Path, edit: Edit) -> None:
    doc = document()
    memory = Store()
    snapshot(write_spec(tmp_path, doc), memory)
    edit(doc)
    path = write_spec(tmp_path, doc)
    assert snapshot(path, memory) == snapshot(path, None)
    # and once more, replaying what the warm build recorded
    assert snapshot(path, memory) == snapshot(path, None)


def test_edits_in_a_row_and_back(tmp_path: Path) -> None:
    doc = document()
    memory = Store()
    history = [copy.deepcopy(doc)]
    for edit in EDITS:
        edit(doc)
        history.append(copy.deepcopy(doc))
        path = write_spec(tmp_path, doc)
        assert snapshot(path, memory) == snapshot(path, None), edit.__name__
    for earlier in reversed(history):
        path = write_spec(tmp_path, earlier)
        assert snapshot(path, memory) == snapshot(path, None)


def test_unchanged_units_are_replayed(tmp_path: Path) -> None:
    doc = document()
    memory = Store()
    first = build_api(SpecSet(load_document(write_spec(tmp_path, doc))), "t", memory)[0]
    add_property_to_user(doc)
    second = build_api(SpecSet(load_document(write_spec(tmp_path, doc))), "t", memory)[0]
    # Pet's schema object and getOwner's operation are the ones the first run made.
    assert (
        second.models_document["components"]["schemas"]["Pet"]
        is (first.models_document["components"]["schemas"]["Pet"])
    )
    before = {op.operation_id: op for op in first.operations}
    after = {op.operation_id: op for op in second.operations}
    assert after["addPet"] is before["addPet"]


def test_a_schema_changed_after_the_build_is_not_reused(tmp_path: Path) -> None:
    doc = document()
    memory = Store()
    path = write_spec(tmp_path, doc)
    first = build_api(SpecSet(load_document(path)), "t", memory)[0]
    first.models_document["components"]["schemas"]["Pet"]["properties"].clear()
    assert snapshot(path, memory) == snapshot(path, None)


@pytest.mark.parametrize(
    "spec", ["reality-analysis.yaml", "reality-data-analysis.yaml"], ids=lambda p: p[:-5]
)
def test_a_real_spec_warm_matches_a_fresh_build(tmp_path: Path, spec: str) -> None:
    doc = yaml.safe_load((SPECS / spec).read_text())
    memory = Store()
    path = write_spec(tmp_path, doc)
    assert snapshot(path, memory) == snapshot(path, None)
    schemas = _schemas(doc)
    first = next(k for k, v in schemas.items() if isinstance(v, dict) and v.get("properties"))
    # a property, then an inline enum (a class with a claimed name)
    schemas[first]["properties"]["addedByTest"] = {"type": "string"}
    path = write_spec(tmp_path, doc)
    assert snapshot(path, memory) == snapshot(path, None)
    schemas[first]["properties"]["addedKind"] = {"type": "string", "enum": ["a", "b"]}
    path = write_spec(tmp_path, doc)
    api = snapshot(path, memory)
    assert api == snapshot(path, None)
    claimed = next(m.name for m in api[0].model_classes if m.pointer.endswith("/addedKind"))
    # a component taking that name: the enum's name shifts, its schema unchanged
    schemas[claimed] = {"type": "integer"}
    path = write_spec(tmp_path, doc)
    assert snapshot(path, memory) == snapshot(path, None)
    del schemas[first]["properties"]["addedByTest"]
    schemas.pop(next(reversed(schemas)))
    path = write_spec(tmp_path, doc)
    assert snapshot(path, memory) == snapshot(path, None)
