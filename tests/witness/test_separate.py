"""The witness engine on its own: for each schema change kind, the value it finds separates
the two schemas (checked here again by the validator), sits at the changed place, and is the
value a reviewer would pick; where none exists it says why."""

from __future__ import annotations

from typing import Any

import pytest

from generator.values.schema import Schemas
from generator.witness.build import ABSENT, embed, value_at
from generator.witness.separate import NoWitness, View, Witness, separate

S: dict[str, Any] = {"type": "string"}
I: dict[str, Any] = {"type": "integer"}  # noqa: E741


def view(schema: dict[str, Any], version: str = "3.0.3") -> View:
    return View(Schemas({"openapi": version, "components": {"schemas": {}}}), schema)


def obj(prop: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": {"id": S, "v": prop}, "required": ["id"], **extra}


def witness(
    before: dict[str, Any], after: dict[str, Any], details: dict[str, str] | None = None
) -> Witness:
    accepts, refuses = view(obj(before)), view(obj(after))
    found = separate(accepts, refuses, ("v",), details)
    assert isinstance(found, Witness), found
    # The engine's own claim, checked again: one side allows the value, the other refuses it.
    assert accepts.schemas.is_valid(found.value, accepts.schema)
    assert not refuses.schemas.is_valid(found.value, refuses.schema)
    return found


@pytest.mark.parametrize(
    ("old", "new", "details", "piece"),
    [
        (S, I, {}, "value"),  # type
        (
            {**S, "enum": ["cat", "dog", "bird"]},
            {**S, "enum": ["cat", "dog"]},
            {"value": '"bird"'},
            "bird",
        ),
        ({**I, "maximum": 100}, {**I, "maximum": 50}, {"old": "100", "new": "50"}, 100),
        ({**I, "minimum": 0}, {**I, "minimum": 10}, {"old": "0", "new": "10"}, 0),
        ({**S, "maxLength": 20}, {**S, "maxLength": 5}, {}, "a" * 19),
        (S, {**S, "minLength": 8}, {}, "value"),
        (S, {**S, "pattern": "^[a-z]+$"}, {}, "specgen-witness"),
        (S, {**S, "format": "date"}, {}, "value"),
        (I, {**I, "multipleOf": 5}, {}, 1),
        ({**S, "nullable": True}, S, {}, None),
        ({"oneOf": [S, I]}, {"oneOf": [S]}, {}, 1),
        ({"anyOf": [S, I]}, {"anyOf": [S]}, {}, 1),
        (
            {"type": "array", "items": S},
            {"type": "array", "items": S, "maxItems": 1},
            {},
            ["value", "value"],
        ),
        (
            {"type": "array", "items": S},
            {"type": "array", "items": S, "uniqueItems": True},
            {},
            ["value", "value"],
        ),
        (S, {**S, "not": {"enum": ["cat"]}}, {}, "cat"),
    ],
)
def test_each_kind_has_a_directed_witness_at_its_place(
    old: dict[str, Any], new: dict[str, Any], details: dict[str, str], piece: Any
) -> None:
    found = witness(old, new, details)
    assert found.route == ("v",)
    assert found.piece == piece
    assert found.refusal.startswith("v: ")  # refused at the place, not elsewhere


def test_a_property_made_required_is_witnessed_by_leaving_it_out() -> None:
    accepts = view(obj({**S, "default": "x"}))
    refuses = view(obj({**S, "default": "x"}, required=["id", "v"]))
    found = separate(accepts, refuses, ("v",))
    assert isinstance(found, Witness)
    assert found.piece is ABSENT and "v" not in found.value
    assert found.show() == "`v` left out"
    assert "'v' is a required property" in found.refusal


def test_closing_an_object_is_witnessed_by_an_undeclared_property() -> None:
    found = separate(view(obj(S)), view(obj(S, additionalProperties=False)), ())
    assert isinstance(found, Witness)
    assert "specgenExtra" in found.value and "Additional properties" in found.refusal


def test_a_const_in_31_and_an_item_type() -> None:
    accepts = View(Schemas({"openapi": "3.1.0"}), obj(S))
    refuses = View(Schemas({"openapi": "3.1.0"}), obj({**S, "const": "k"}))
    found = separate(accepts, refuses, ("v",))
    assert isinstance(found, Witness) and found.piece != "k"
    items = witness({"type": "array", "items": S}, {"type": "array", "items": I})
    assert items.value["v"] == ["value"]


def test_a_refusal_elsewhere_is_not_a_witness_for_this_place() -> None:
    # The revision refuses a different property (`id` became an integer); nothing separates
    # the two at `v`, and the engine must not offer the `id` refusal as a witness for `v`.
    old = {"type": "object", "properties": {"id": S, "v": S}}
    new = {"type": "object", "properties": {"id": I, "v": S}}
    found = separate(view(old), view(new), ("v",))
    assert isinstance(found, NoWitness)
    assert "allows too" in found.reason


def test_no_witness_between_equal_patterns_says_why() -> None:
    pattern = {**S, "pattern": "^[a-z]+$"}
    found = separate(view(obj(pattern)), view(obj(pattern)), ("v",))
    assert isinstance(found, NoWitness) and "the refusing one allows too" in found.reason


def test_embed_builds_the_way_to_a_deep_place() -> None:
    schemas = Schemas({"openapi": "3.0.3"})
    schema = {
        "type": "object",
        "properties": {
            "jobs": {"type": "array", "items": {"type": "object", "properties": {"state": S}}}
        },
    }
    whole = embed(schemas, schema, {}, ("jobs", "[]", "state"), "done")
    assert whole == {"jobs": [{"state": "done"}]}
    assert value_at(whole, ("jobs", "[]", "state")) == "done"
    assert (
        value_at(
            embed(schemas, schema, whole, ("jobs", "[]", "state"), ABSENT), ("jobs", "[]", "state")
        )
        is ABSENT
    )
