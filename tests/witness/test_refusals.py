"""The refusal generator: every value it yields is refused by the schema, one edit away from
the valid value, with the reason and place a report needs."""

from __future__ import annotations

from typing import Any

import pytest

from generator.values.schema import Schemas
from generator.witness.refusals import Refusal, refusals

DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "components": {
        "schemas": {
            "State": {"type": "string", "enum": ["queued", "active"]},
            "Job": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "state"],
                "properties": {
                    "id": {"type": "string", "format": "uuid", "readOnly": True},
                    "name": {"type": "string", "minLength": 3, "maxLength": 8},
                    "state": {"$ref": "#/components/schemas/State"},
                    "priority": {"type": "integer", "minimum": 1, "maximum": 5},
                    "tags": {"type": "array", "maxItems": 2, "items": {"type": "string"}},
                    "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                    "note": {"type": "string", "nullable": True},
                },
            },
        }
    },
}
JOB = {"$ref": "#/components/schemas/Job"}
VALID = {"id": "not checked", "name": "abcd", "state": "queued", "priority": 3, "tags": ["x"],
         "code": "ABC", "note": "n"}  # fmt: skip


@pytest.fixture
def found() -> list[Refusal]:
    schemas = Schemas(DOCUMENT)
    valid = {k: v for k, v in VALID.items() if k != "id"}
    assert schemas.is_valid(valid, JOB)
    return list(refusals(schemas, JOB, valid))


def by_kind(found: list[Refusal], kind: str) -> dict[tuple[str | int, ...], Refusal]:
    return {r.place: r for r in found if r.kind == kind}


def test_every_refusal_is_refused_by_the_validator(found: list[Refusal]) -> None:
    schemas = Schemas(DOCUMENT)
    assert len(found) > 10
    for refusal in found:
        assert not schemas.is_valid(refusal.value, JOB), refusal.reason


def test_each_kind_is_offered_at_its_place(found: list[Refusal]) -> None:
    assert by_kind(found, "enum")[("state",)].value["state"] == "specgen-not-in-enum"
    assert by_kind(found, "bound")[("priority",)].value["priority"] in (0, 6)
    bounds = {r.value["priority"] for r in found if r.kind == "bound"}
    assert bounds == {0, 6}
    lengths = {r.value["name"] for r in found if r.kind == "length"}
    assert lengths == {"aa", "a" * 9}
    assert by_kind(found, "items")[("tags",)].value["tags"] == ["x", "x", "x"]
    assert by_kind(found, "pattern")[("code",)].value["code"] == ""
    assert by_kind(found, "wrong-type")[("priority",)].value["priority"] == "not-a-number"
    assert by_kind(found, "wrong-type")[("tags", 0)].value["tags"] == [12345]


def test_required_missing_and_additional_property(found: list[Refusal]) -> None:
    required = by_kind(found, "required")
    assert set(required) == {("name",), ("state",)}
    assert "name" not in required[("name",)].value
    added = by_kind(found, "additional")[("specgenUnexpected",)]
    assert added.value["specgenUnexpected"] == 1
    assert "no other property" in added.reason


def test_null_only_where_not_nullable(found: list[Refusal]) -> None:
    nulls = by_kind(found, "null")
    assert ("name",) in nulls and ("note",) not in nulls
    assert nulls[("name",)].value["name"] is None
    assert nulls[("name",)].reason.startswith("`name`: null")


def test_read_only_properties_are_left_alone_unless_asked() -> None:
    schemas = Schemas(DOCUMENT)
    valid = {**VALID, "id": "0b9c1f4e-8d2a-4c55-9e1a-2f7d8c6b5a43"}
    assert not any(r.place == ("id",) for r in refusals(schemas, JOB, valid))
    formats = [r for r in refusals(schemas, JOB, valid, read_only=True) if r.kind == "format"]
    assert [r.value["id"] for r in formats] == ["not-a-uuid"]


def test_the_valid_value_is_not_changed_and_pointer_names_the_place() -> None:
    schemas = Schemas(DOCUMENT)
    valid = {k: v for k, v in VALID.items() if k != "id"}
    before = repr(valid)
    found = list(refusals(schemas, JOB, valid))
    assert repr(valid) == before
    assert {r.pointer for r in found if r.kind == "wrong-type"} >= {"/tags/0", "/name", ""}


def test_scalar_schemas_3_1_exclusive_bounds_and_integer_enums() -> None:
    schemas = Schemas({"openapi": "3.1.0"})
    schema = {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 10}
    values = {r.value for r in refusals(schemas, schema, 5) if r.kind == "bound"}
    assert values == {0, 10}
    assert [r.value for r in refusals(schemas, {"enum": [1, 2]}, 1) if r.kind == "enum"] == [3]
    # 3.1 spells nullable as a type list: no null refusal then.
    nullable = {"type": ["string", "null"]}
    assert not [r for r in refusals(schemas, nullable, "x") if r.kind == "null"]


def test_a_schema_that_accepts_everything_has_no_refusal() -> None:
    assert list(refusals(Schemas({"openapi": "3.0.3"}), {}, {"a": 1})) == []
