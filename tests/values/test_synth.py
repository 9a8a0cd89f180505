"""Values made up from a schema (what the mock answers and what `vendor_check` and
`diff --prove` send): each must validate against its schema."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from generator.values.regex_example import example_for
from generator.values.schema import Schemas
from generator.values.synth import synthesize

REF = "#/components/schemas/"


@pytest.mark.parametrize(
    "pattern",
    [
        r"^AC[0-9a-fA-F]{32}$",  # Twilio account Sids
        r"^[a-z]{2}-[A-Z]{2}$",
        r"^\d{3}-\d{4}$",
        r"^(foo|bar)+$",
        r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$",
        r"^sha256:[a-f0-9]{64}$",
        r"^v\d+(\.\d+)*$",
        r"^(a)\1$",
        r"(?=.*\d)[a-z]+\d",
    ],
)
def test_a_pattern_gets_a_string_it_matches(pattern: str) -> None:
    made = example_for(pattern)
    assert made is not None and re.search(pattern, made)


def test_lengths_are_honoured_or_nothing_is_made() -> None:
    longer = example_for(r"^[a-z]+$", min_length=10)
    assert longer is not None and len(longer) >= 10
    assert example_for(r"^[a-z]{5}$", max_length=3) is None
    assert example_for(r"(unclosed") is None


def _made(schema: Any, components: dict[str, Any] | None = None) -> Any:
    schemas = Schemas({"openapi": "3.0.3", "components": {"schemas": components or {}}})
    value = synthesize(schemas, schema, random.Random(1), "sid")
    assert schemas.is_valid(value, schema)
    return value


def test_a_patterned_id_parameter_is_synthesized() -> None:
    # A name ending in "id" used to get a GUID, which the pattern refuses.
    value = _made({"type": "string", "pattern": "^AC[0-9a-fA-F]{32}$", "minLength": 34})
    assert value.startswith("AC") and len(value) == 34


def test_an_enum_behind_a_described_all_of_gives_one_of_its_values() -> None:
    components = {"Role": {"type": "string", "enum": ["admin", "member"]}}
    wrapped = {"allOf": [{"$ref": REF + "Role"}], "description": "The user's role."}
    assert _made(wrapped, components) == "admin"


def test_an_any_of_of_required_lists_makes_the_object_with_one_alternative() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
        "anyOf": [{"required": ["a"]}, {"required": ["b"]}],
    }
    assert _made(schema) == {"a": "a"}


# -- the full fill (the mock's answers, `--prove`'s witnesses) -----------------------------------

ASANA_LIKE = {
    "UserCompact": {
        "type": "object",
        "properties": {
            "gid": {"type": "string", "readOnly": True, "example": "12345"},
            "resource_type": {"type": "string", "readOnly": True, "example": "user"},
            "name": {"type": "string", "example": "Greg Sanchez"},
        },
    },
    "Task": {
        "allOf": [
            {"$ref": REF + "UserCompact"},
            {
                "type": "object",
                "properties": {
                    "parent": {"$ref": REF + "Task"},
                    "assignee": {"$ref": REF + "UserCompact"},
                    "secret": {"type": "string", "writeOnly": True},
                    "due_on": {"type": "string", "format": "date", "nullable": True},
                    "priority": {"type": "integer", "minimum": 3, "default": 5},
                    "status": {"type": "string", "enum": ["open", "done"]},
                    "tags": {"type": "array", "items": {"$ref": REF + "UserCompact"}},
                    "contact": {"type": "string", "format": "email"},
                    "code": {"type": "string", "pattern": "^T-[0-9]{4}$"},
                },
            },
        ],
    },
}


def _full(schema: Any, direction: str | None = None, components: Any = None) -> Any:
    schemas = Schemas({"openapi": "3.0.3", "components": {"schemas": components or ASANA_LIKE}})
    value = synthesize(schemas, schema, random.Random(1), full=True, direction=direction)
    assert schemas.is_valid(value, schema, direction)
    return value


def test_the_lean_fill_of_a_schema_that_requires_nothing_is_empty() -> None:
    schemas = Schemas({"openapi": "3.0.3", "components": {"schemas": ASANA_LIKE}})
    assert synthesize(schemas, {"$ref": REF + "Task"}, random.Random(1)) == {}


def test_the_full_fill_takes_examples_defaults_enums_formats_and_patterns() -> None:
    task = _full({"$ref": REF + "Task"})
    assert task["gid"] == "12345" and task["name"] == "Greg Sanchez"
    assert task["priority"] == 5 and task["status"] == "open"
    assert task["due_on"] == "2024-06-10" and task["contact"] == "user@example.com"
    assert re.fullmatch(r"T-[0-9]{4}", task["code"])
    assert task["assignee"] == {"gid": "12345", "resource_type": "user", "name": "Greg Sanchez"}
    assert task["tags"] == [task["assignee"]]
    assert "parent" not in task  # a Task inside a Task: one level is enough


def test_a_request_leaves_out_read_only_and_a_response_write_only_properties() -> None:
    request = _full({"$ref": REF + "Task"}, "request")
    assert "gid" not in request and "resource_type" not in request and "secret" in request
    assert request["assignee"] == {"name": "Greg Sanchez"}
    response = _full({"$ref": REF + "Task"}, "response")
    assert "secret" not in response and response["gid"] == "12345"


def test_a_required_read_only_property_is_not_asked_of_a_request() -> None:
    components = {
        "Item": {
            "type": "object",
            "required": ["id", "name"],
            "properties": {"id": {"type": "integer", "readOnly": True}, "name": {"type": "string"}},
        }
    }
    assert _full({"$ref": REF + "Item"}, "request", components) == {"name": "name"}
    assert _full({"$ref": REF + "Item"}, "response", components) == {"id": 1, "name": "name"}


def test_an_optional_property_that_cannot_be_made_valid_is_dropped_alone() -> None:
    schema = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "example": "kept"},
            "impossible": {"type": "string", "minLength": 5, "maxLength": 2},
            "wrong_example": {"type": "integer", "maximum": 3, "example": 10},
            "note": {"type": "string"},
        },
    }
    assert _full(schema, components={}) == {"name": "kept", "wrong_example": 1, "note": "note"}


def test_a_rule_across_properties_drops_one_optional_property_not_the_value() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}},
        "not": {"required": ["a", "b"]},
    }
    value = _full(schema, components={})
    assert "c" in value and not {"a", "b"} <= set(value)


def test_an_object_example_seeds_the_fill_and_one_of_stays_one() -> None:
    components = {
        "Cat": {
            "type": "object",
            "required": ["kind"],
            "properties": {
                "kind": {"type": "string", "enum": ["cat"]},
                "lives": {"type": "integer"},
            },
        },
        "Dog": {
            "type": "object",
            "required": ["kind"],
            "properties": {
                "kind": {"type": "string", "enum": ["dog"]},
                "barks": {"type": "boolean"},
            },
        },
        "Owner": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
            "example": {"name": "Ada"},
        },
    }
    pet = _full({"oneOf": [{"$ref": REF + "Cat"}, {"$ref": REF + "Dog"}]}, components=components)
    assert pet == {"kind": "cat", "lives": 1}
    assert _full({"$ref": REF + "Owner"}, components=components) == {"name": "Ada", "age": 1}


@pytest.mark.parametrize("full", [False, True])
def test_a_schema_with_only_additional_properties_gets_an_object(full: bool) -> None:
    # Slack's `shares: {private: {additionalProperties: false}}`: JSON Schema would take a
    # string there, but the models read an object, so a mock answering "value" was refused.
    schemas = Schemas({"openapi": "3.0.3", "components": {"schemas": {}}})
    shares = {
        "type": "object",
        "properties": {"private": {"additionalProperties": False}},
        "required": ["private"],
    }
    value = synthesize(schemas, shares, random.Random(0), full=full)
    assert value == {"private": {}}
