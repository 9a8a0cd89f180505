"""The gaps round 2 closed, each as the situation a user meets: what specgen says now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diff_helpers import OP, api, ok, one_op, run_pair


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return one_op(ok(requestBody={"content": {"application/json": {"schema": schema}}}))


def _returns(schema: dict[str, Any]) -> dict[str, Any]:
    operation = ok()
    operation["responses"]["200"]["content"] = {"application/json": {"schema": schema}}
    return one_op(operation)


def _query(schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return one_op(ok(parameters=[{"name": "q", "in": "query", "schema": schema, **extra}]))


def _header(schema: dict[str, Any]) -> dict[str, Any]:
    operation = ok()
    operation["responses"]["200"]["headers"] = {"X-Count": {"schema": schema}}
    return one_op(operation)


def _found(tmp_path: Path, base: dict[str, Any], revision: dict[str, Any]) -> list[tuple[str, str]]:
    outcome = run_pair(tmp_path, base, revision, "--fail-on", "none")
    assert outcome.exit_code == 0, outcome.stderr
    return [(c["id"], c["level"]) for c in outcome.changes]


PET = {
    "type": "object",
    "required": ["name"],
    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
}


def test_body_wrapped_in_overlapping_one_of_is_breaking(tmp_path: Path) -> None:
    # {"name": "x"} matches both alternatives, and oneOf rejects a double match.
    wrapped = {"oneOf": [PET, {"type": "object", "properties": {"name": {"type": "string"}}}]}
    assert _found(tmp_path, _body(PET), _body(wrapped)) == [
        ("request-property-wrapped-in-one-of", "breaking")
    ]


def test_body_wrapped_in_tagged_one_of_keeping_the_old_shape_is_not(tmp_path: Path) -> None:
    other = {"type": "array", "items": {"type": "string"}}
    assert _found(tmp_path, _body(PET), _body({"oneOf": [PET, other]})) == [
        ("request-property-wrapped-in-one-of-original-preserved", "info")
    ]


def test_tagged_alternatives_do_not_overlap(tmp_path: Path) -> None:
    # Each alternative requires its own value of `kind` (through a referenced enum): no
    # value can match two of them, and the old shape lives on as the `cat` alternative.
    def pet(kind: str, **extra: Any) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["kind", "name"],
            "properties": {
                "kind": {"$ref": f"#/components/schemas/{kind}"},
                "name": {"type": "string"},
                **extra,
            },
        }

    kinds = {"Cat": {"type": "string", "enum": ["cat"]}, "Dog": {"type": "string", "enum": ["dog"]}}
    base = {**_body(pet("Cat")), "components": {"schemas": kinds}}
    tagged = {"oneOf": [pet("Cat"), pet("Dog", bark={"type": "boolean"})]}
    revision = {**_body(tagged), "components": {"schemas": kinds}}
    assert _found(tmp_path, base, revision) == [
        ("request-property-wrapped-in-one-of-original-preserved", "info")
    ]
    # Without the tags the two alternatives overlap: {"kind": "cat", "name": "x"} matches both.
    loose = {"oneOf": [pet("Cat"), {"type": "object", "properties": {"name": {"type": "string"}}}]}
    assert _found(tmp_path, base, {**_body(loose), "components": {"schemas": kinds}}) == [
        ("request-property-wrapped-in-one-of", "breaking")
    ]


def test_nullable_rewritten_as_one_of_with_null(tmp_path: Path) -> None:
    # `oneOf: [X, {type: null}]` is how 3.1 spells a nullable X: every old value matches once.
    nullable = {"oneOf": [PET, {"type": "null"}]}
    assert _found(tmp_path, _body(PET), _body(nullable)) == [
        ("request-property-wrapped-in-one-of-original-preserved", "info")
    ]
    # Already nullable before: the same values, so nothing to report either way.
    was_nullable = {**PET, "nullable": True}
    assert _found(tmp_path, _returns(was_nullable), _returns(nullable)) == []
    # Not nullable before: a response may now be null.
    assert _found(tmp_path, _returns(PET), _returns(nullable)) == [
        ("response-property-wrapped-in-one-of-original-preserved", "breaking")
    ]


def test_empty_pattern_to_a_real_one_is_a_pattern_added(tmp_path: Path) -> None:
    base = _body({"type": "object", "properties": {"a": {"type": "string", "pattern": ""}}})
    revision = _body({"type": "object", "properties": {"a": {"type": "string", "pattern": "^b"}}})
    assert _found(tmp_path, base, revision) == [("request-property-pattern-added", "breaking")]


def test_response_const_changed_is_breaking(tmp_path: Path) -> None:
    def kind(value: str) -> dict[str, Any]:
        return {"type": "object", "properties": {"kind": {"type": "string", "const": value}}}

    assert _found(tmp_path, _returns(kind("v1")), _returns(kind("v2"))) == [
        ("response-property-const-changed", "breaking")
    ]


def test_parameters_and_headers_are_judged_as_text(tmp_path: Path) -> None:
    number, string, integer = {"type": "number"}, {"type": "string"}, {"type": "integer"}
    array = {"type": "array", "items": {"type": "integer"}}
    assert _found(tmp_path, _query(number), _query(string)) == [
        ("request-parameter-type-compatible", "info")
    ]
    assert _found(tmp_path, _header(string), _header(integer)) == [
        ("response-header-type-compatible", "info")
    ]
    # `?q=5` is a one-element array under form/explode.
    assert _found(tmp_path, _query(integer), _query(array)) == [
        ("request-parameter-type-compatible", "info")
    ]
    # A widening JSON already sees keeps its id.
    assert _found(tmp_path, _query(integer), _query(number)) == [
        ("request-parameter-type-generalized", "info")
    ]
    assert _found(tmp_path, _query(string), _query(integer)) == [
        ("request-parameter-type-narrowed", "breaking")
    ]
    assert _found(tmp_path, _query(array), _query(integer)) == [
        ("request-parameter-type-narrowed", "breaking")
    ]
    # The items of an exploded array are texts as well.
    strings = {"type": "array", "items": {"type": "string"}}
    assert _found(tmp_path, _query(array), _query(strings)) == [
        ("request-parameter-type-compatible", "info")
    ]
    # `[integer, string]` → a form-exploded array of strings: `?token=x` stays valid.
    either = {"type": ["integer", "string"]}
    exploded = {"type": "array", "items": string}
    base31, revision31 = _query(either), _query(exploded)
    base31["openapi"] = revision31["openapi"] = "3.1.0"
    assert _found(tmp_path, base31, revision31) == [("request-parameter-type-compatible", "info")]
    # A JSON-encoded parameter is a document, not text: the JSON rules apply.
    json_number = {"content": {"application/json": {"schema": number}}}
    json_string = {"content": {"application/json": {"schema": string}}}
    base = one_op(ok(parameters=[{"name": "q", "in": "query", **json_number}]))
    revision = one_op(ok(parameters=[{"name": "q", "in": "query", **json_string}]))
    assert _found(tmp_path, base, revision) == [("request-parameter-type-changed", "breaking")]


def test_format_added_to_a_request_string_is_breaking(tmp_path: Path) -> None:
    def when(**extra: Any) -> dict[str, Any]:
        return {"type": "object", "properties": {"at": {"type": "string", **extra}}}

    assert _found(tmp_path, _body(when()), _body(when(format="date-time"))) == [
        ("request-property-format-added", "breaking")
    ]
    assert _found(tmp_path, _returns(when()), _returns(when(format="date-time"))) == [
        ("response-property-format-added", "info")
    ]


def test_invalid_sunset_is_reported_once_not_compared(tmp_path: Path) -> None:
    def sunset(value: str) -> dict[str, Any]:
        return one_op(ok(deprecated=True, **{"x-sunset": value}))

    assert _found(tmp_path, sunset("2027-01-01"), sunset("31/12/2027")) == [
        ("api-deprecated-sunset-parse", "breaking")
    ]
    assert _found(tmp_path, sunset("31/12/2027"), sunset("31/12/2027")) == []
    # Fixing it is an ordinary sunset being set.
    assert _found(tmp_path, sunset("31/12/2027"), sunset("2027-12-31")) == [
        ("api-sunset-date-added", "info")
    ]


def test_webhook_payload_is_judged_like_a_response(tmp_path: Path) -> None:
    def hook(schema: dict[str, Any]) -> dict[str, Any]:
        call = ok(requestBody={"content": {"application/json": {"schema": schema}}})
        return api(openapi="3.1.0", webhooks={"petAdded": {"post": call}})

    lean = {"type": "object", "properties": {"age": {"type": "integer"}}}
    outcome = run_pair(tmp_path, hook(PET), hook(lean), "--fail-on", "none")
    found = [(c["id"], c["level"], c["operation"], c["message"]) for c in outcome.changes]
    assert found == [
        (
            "response-required-property-removed",
            "breaking",
            "POST webhook:petAdded",
            "required payload property `name` removed",
        )
    ]


def test_conditional_added_reports_each_part(tmp_path: Path) -> None:
    conditional = {
        **PET,
        "if": {"required": ["age"]},
        "then": {"properties": {"age": {"minimum": 0}}},
        "else": {"required": ["name"]},
    }
    assert _found(tmp_path, _body(PET), _body(conditional)) == [
        ("request-property-else-added", "breaking"),
        ("request-property-if-added", "breaking"),
        ("request-property-then-added", "breaking"),
    ]


def test_change_inside_not_flips_direction(tmp_path: Path) -> None:
    def excluding(*values: str) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {"s": {"type": "string", "not": {"enum": list(values)}}},
        }

    assert _found(tmp_path, _body(excluding("a")), _body(excluding("a", "b"))) == [
        ("request-property-not-narrowed", "breaking")
    ]
    assert _found(tmp_path, _returns(excluding("a", "b")), _returns(excluding("a"))) == [
        ("response-property-not-widened", "breaking")
    ]
    assert OP == "POST /things"
