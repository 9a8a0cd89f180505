"""`Schemas` remembers its validation answers (a proof asks the same question thousands of
times): a remembered answer must be the answer the validator gives, for every value that
could be mistaken for another."""

from __future__ import annotations

from typing import Any

import pytest

from generator.values.schema import Schemas

REF = "#/components/schemas/"
DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "components": {
        "schemas": {
            "Stamp": {"type": "string", "readOnly": True},
            "Pet": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    "id": {"type": "integer"},
                    "stamp": {"$ref": f"{REF}Stamp"},
                    "name": {"type": "string", "maxLength": 5},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "nickname": {"type": "string", "nullable": True},
                },
                "additionalProperties": False,
            },
        }
    },
}
PET = {"$ref": f"{REF}Pet"}


def test_asked_twice_the_answer_is_the_same_and_errors_are_a_fresh_list() -> None:
    schemas = Schemas(DOCUMENT)
    value = {"id": 1, "name": "toolong"}
    first = schemas.errors(value, PET)
    assert first == ["name: 'toolong' is too long"]
    first.append("changed by the caller")
    assert schemas.errors(value, PET) == ["name: 'toolong' is too long"]
    assert not schemas.is_valid(value, PET)
    assert not schemas.is_valid(value, PET)


@pytest.mark.parametrize(
    ("remembered", "asked"),
    [
        ({"id": 1, "name": "Rex", "tags": ["a"]}, {"id": 1, "name": "Rex", "tags": ("a",)}),
        ({"id": 1, "name": "Rex"}, {"id": True, "name": "Rex"}),
        ({"id": 1, "name": "Rex"}, {"id": 1.5, "name": "Rex"}),
        ({"id": 1, "name": "Rex", "nickname": None}, {"id": 1, "name": "Rex", "nickname": 0}),
    ],
)
def test_a_value_that_reads_like_a_valid_one_is_still_refused(
    remembered: dict[str, Any], asked: dict[str, Any]
) -> None:
    """A tuple is not a JSON array, True not an integer, 1.5 not an integer: a value whose
    text resembles a remembered valid one gets its own answer."""
    schemas = Schemas(DOCUMENT)
    assert schemas.is_valid(remembered, PET)
    assert not schemas.is_valid(asked, PET)
    assert schemas.errors(asked, PET)


def test_the_direction_is_part_of_the_question() -> None:
    """A request need not carry a required readOnly property; the same value asked without
    a direction, or for a response, is refused, whichever question was asked first."""
    required = {**DOCUMENT["components"]["schemas"]["Pet"], "required": ["name", "stamp"]}
    document = {**DOCUMENT, "components": {"schemas": {**DOCUMENT["components"]["schemas"]}}}
    document["components"]["schemas"]["Pet"] = required
    schemas = Schemas(document)
    value = {"name": "Rex"}
    assert schemas.is_valid(value, PET, "request")
    assert not schemas.is_valid(value, PET)
    assert not schemas.is_valid(value, PET, "response")
    assert schemas.errors(value, PET, "request") == []
    assert schemas.errors(value, PET) == ["(root): 'stamp' is a required property"]
