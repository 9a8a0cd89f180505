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
