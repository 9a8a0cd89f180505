"""The typed model IR: what each schema shape becomes, before any language prints it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.ir.model import Api
from generator.ir.types import (
    ANY_TYPE,
    Constraints,
    ListOf,
    LiteralOf,
    MapOf,
    ModelClass,
    ModelRef,
    Nullable,
    Primitive,
    UnionOf,
)
from tests.render.helpers import write_spec
from tests.robustness.support import build, minimal

REF = "#/components/schemas/"


def classes(
    tmp_path: Path, schemas: dict[str, Any], version: str = "3.0.3"
) -> dict[str, ModelClass]:
    document = minimal({}, schemas)
    document["openapi"] = version
    api: Api = build(write_spec(tmp_path, document))[0]
    return {m.name: m for m in api.model_classes}


def test_scalars_formats_and_constraints_are_typed_values(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "name": {"type": "string", "minLength": 1, "maxLength": 64},
            "size": {"type": "integer", "minimum": 0, "exclusiveMaximum": 10},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
            "meta": {"type": "object", "additionalProperties": {"type": "number"}},
            "anything": {},
            "level": {"type": "integer", "enum": [1, 2]},
            "note": {"type": "string", "nullable": True},
        },
    }
    model = classes(tmp_path, {"Thing": schema})["Thing"]
    fields = {f.wire_name: f for f in model.fields}
    assert model.kind == "object" and fields["id"].required and not fields["name"].required
    assert fields["id"].type == Primitive("string", "uuid")
    assert fields["name"].type == Primitive(
        "string", None, Constraints(min_length=1, max_length=64)
    )
    assert fields["size"].type == Primitive(
        "integer", None, Constraints(minimum=0, exclusive_maximum=10)
    )
    assert fields["tags"].type == ListOf(Primitive("string"), constraints=Constraints(max_items=3))
    assert fields["meta"].type == MapOf(Primitive("number"))
    assert fields["anything"].type == ANY_TYPE
    assert fields["level"].type == LiteralOf((1, 2))
    assert fields["note"].type == Nullable(Primitive("string"))


def test_31_type_lists_and_const(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "properties": {
            "either": {"type": ["string", "integer", "null"]},
            "kind": {"const": "fixed"},
        },
    }
    model = classes(tmp_path, {"Thing": schema}, "3.1.0")["Thing"]
    fields = {f.wire_name: f for f in model.fields}
    assert fields["either"].type == Nullable(UnionOf((Primitive("string"), Primitive("integer"))))
    assert fields["kind"].type == LiteralOf(("fixed",))


def test_enums_aliases_and_discriminated_unions(tmp_path: Path) -> None:
    schemas = {
        "Status": {"type": "string", "enum": ["on", "off", "on"]},
        "Ids": {"type": "array", "items": {"type": "string"}},
        "A": {"type": "object", "properties": {"t": {"type": "string", "enum": ["a"]}}},
        "B": {"type": "object", "properties": {"t": {"type": "string"}}},
        "AorB": {
            "oneOf": [{"$ref": REF + "A"}, {"$ref": REF + "B"}],
            "discriminator": {"propertyName": "t", "mapping": {"bee": REF + "B"}},
        },
    }
    found = classes(tmp_path, schemas)
    assert found["Status"].kind == "enum"
    assert [(m.name, m.value) for m in found["Status"].members] == [("ON", "on"), ("OFF", "off")]
    assert found["Ids"].kind == "alias" and found["Ids"].root == ListOf(Primitive("string"))
    union = found["AorB"].root
    # The mapping names B; A's tag comes from its single-value enum.
    assert union == UnionOf((ModelRef("A"), ModelRef("B")), "t", (("bee", "B"), ("a", "A")))


def test_allof_inherits_or_flattens(tmp_path: Path) -> None:
    schemas = {
        "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        "Child": {
            "allOf": [{"$ref": REF + "Base"}, {"properties": {"extra": {"type": "integer"}}}]
        },
        "Retyped": {"allOf": [{"$ref": REF + "Base"}, {"properties": {"id": {"type": "integer"}}}]},
        "Tightened": {
            "allOf": [
                {"$ref": REF + "Child"},
                {"required": ["extra"]},
            ]
        },
    }
    found = classes(tmp_path, schemas)
    assert found["Child"].bases == ("Base",)
    assert [f.wire_name for f in found["Child"].fields] == ["extra"]
    retyped = found["Retyped"]
    assert retyped.bases == () and [(f.wire_name, f.type) for f in retyped.fields] == [
        ("id", Primitive("integer"))
    ]
    tightened = {f.wire_name: f for f in found["Tightened"].fields}
    assert found["Tightened"].bases == () and tightened["extra"].required
    assert tightened["id"].required


def test_field_names_avoid_pydantic_and_keep_wire_names(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "properties": {
            "schema": {"type": "string"},
            "model_id": {"type": "string"},
            "_links": {"type": "string"},
            "fooBar": {"type": "string"},
            "foo_bar": {"type": "string"},
            "class": {"type": "string"},
        },
    }
    model = classes(tmp_path, {"Thing": schema})["Thing"]
    assert [(f.wire_name, f.python_name) for f in model.fields] == [
        ("schema", "schema_"),
        ("model_id", "field_model_id"),
        ("_links", "field_links"),
        ("fooBar", "foo_bar"),
        ("foo_bar", "foo_bar_2"),
        ("class", "class_"),
    ]


def test_allof_members_that_only_annotate_do_not_make_an_object(tmp_path: Path) -> None:
    schemas = {  # OpenAI's idiom for a nullable reference
        "Choice": {
            "oneOf": [{"type": "string", "enum": ["none", "auto"]}, {"$ref": REF + "Named"}]
        },
        "Named": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Run": {
            "type": "object",
            "properties": {"choice": {"allOf": [{"$ref": REF + "Choice"}, {"nullable": True}]}},
        },
    }
    found = classes(tmp_path, schemas)
    assert [f.type for f in found["Run"].fields] == [Nullable(ModelRef("Choice"))]
    assert found["Choice"].kind == "alias"


def test_items_without_a_type_constrain_only_arrays(tmp_path: Path) -> None:
    schemas = {  # Slack's objs_conversation: `items` and no `type`, documented as an object
        "Thing": {
            "type": "object",
            "properties": {
                "loose": {"items": {"type": "string"}},
                "list": {"type": "array", "items": {"type": "string"}},
            },
        }
    }
    fields = {f.wire_name: f.type for f in classes(tmp_path, schemas)["Thing"].fields}
    assert fields == {"loose": ANY_TYPE, "list": ListOf(Primitive("string"))}
