"""One base/revision pair per rule: each pair must produce exactly that rule, at that level,
on that operation. A final test fails when a rule in the table has no pair here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from diff_helpers import OP, api, in_context, ok, one_op, run_pair

from generator.diff.rules import RULES

B, W, I = "breaking", "warning", "info"  # noqa: E741

# Schema facts that mean the same in every place a value appears. The two levels are what a
# client sending the value (request) and a client receiving it (response) experiences.
STR: dict[str, Any] = {"type": "string"}
OBJ: dict[str, Any] = {"type": "object"}
ARR: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
JSON_TEXT: dict[str, Any] = {"type": "string", "contentMediaType": "application/json"}

VALUE_CASES: list[tuple[str, str, str, dict[str, Any], dict[str, Any]]] = [
    # Incomparable as JSON and as text (parameters and headers travel as text).
    ("type-changed", B, B, {"type": "integer"}, {"type": "boolean"}),
    ("type-generalized", I, B, {"type": "integer"}, {"type": "number"}),
    ("type-narrowed", B, I, {"type": "number"}, {"type": "integer"}),
    (
        "format-changed",
        B,
        B,
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
    ),
    (
        "enum-value-added",
        I,
        W,
        {"type": "string", "enum": ["a"]},
        {"type": "string", "enum": ["a", "b"]},
    ),
    (
        "enum-value-removed",
        B,
        I,
        {"type": "string", "enum": ["a", "b"]},
        {"type": "string", "enum": ["a"]},
    ),
    ("became-enum", B, I, {"type": "string"}, {"type": "string", "enum": ["a"]}),
    ("became-not-enum", I, W, {"type": "string", "enum": ["a"]}, {"type": "string"}),
    ("max-increased", I, B, {"type": "integer", "maximum": 10}, {"type": "integer", "maximum": 20}),
    ("max-decreased", B, I, {"type": "integer", "maximum": 10}, {"type": "integer", "maximum": 5}),
    ("min-increased", B, I, {"type": "integer", "minimum": 1}, {"type": "integer", "minimum": 2}),
    ("min-decreased", I, B, {"type": "integer", "minimum": 1}, {"type": "integer"}),
    ("max-length-increased", I, B, {"type": "string", "maxLength": 5}, {"type": "string"}),
    (
        "max-properties-increased",
        I,
        B,
        {"type": "object", "maxProperties": 2},
        {"type": "object", "maxProperties": 4},
    ),
    ("max-properties-decreased", B, I, {"type": "object"}, {"type": "object", "maxProperties": 4}),
    ("min-properties-increased", B, I, {"type": "object"}, {"type": "object", "minProperties": 1}),
    ("min-properties-decreased", I, B, {"type": "object", "minProperties": 1}, {"type": "object"}),
    ("multiple-of-added", B, I, {"type": "integer"}, {"type": "integer", "multipleOf": 5}),
    ("multiple-of-removed", I, B, {"type": "integer", "multipleOf": 5}, {"type": "integer"}),
    (
        "multiple-of-widened",
        I,
        B,
        {"type": "number", "multipleOf": 0.5},
        {"type": "number", "multipleOf": 0.25},
    ),
    (
        "multiple-of-narrowed",
        B,
        I,
        {"type": "integer", "multipleOf": 5},
        {"type": "integer", "multipleOf": 10},
    ),
    (
        "multiple-of-changed",
        B,
        B,
        {"type": "integer", "multipleOf": 5},
        {"type": "integer", "multipleOf": 3},
    ),
    (
        "became-unique",
        B,
        I,
        {"type": "array", "items": {"type": "string"}},
        {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
    ),
    (
        "became-not-unique",
        I,
        W,
        {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        {"type": "array", "items": {"type": "string"}, "uniqueItems": False},
    ),
    ("max-length-decreased", B, I, {"type": "string"}, {"type": "string", "maxLength": 5}),
    ("min-length-increased", B, I, {"type": "string"}, {"type": "string", "minLength": 2}),
    (
        "min-length-decreased",
        I,
        B,
        {"type": "string", "minLength": 2},
        {"type": "string", "minLength": 1},
    ),
    (
        "max-items-increased",
        I,
        B,
        {"type": "array", "items": {"type": "string"}, "maxItems": 1},
        {"type": "array", "items": {"type": "string"}, "maxItems": 3},
    ),
    (
        "max-items-decreased",
        B,
        I,
        {"type": "array", "items": {"type": "string"}, "maxItems": 3},
        {"type": "array", "items": {"type": "string"}, "maxItems": 1},
    ),
    (
        "min-items-increased",
        B,
        I,
        {"type": "array", "items": {"type": "string"}},
        {"type": "array", "items": {"type": "string"}, "minItems": 1},
    ),
    (
        "min-items-decreased",
        I,
        B,
        {"type": "array", "items": {"type": "string"}, "minItems": 2},
        {"type": "array", "items": {"type": "string"}, "minItems": 1},
    ),
    ("pattern-added", B, I, {"type": "string"}, {"type": "string", "pattern": "^a+$"}),
    (
        "pattern-changed",
        W,
        W,
        {"type": "string", "pattern": "^a+$"},
        {"type": "string", "pattern": "^b+$"},
    ),
    ("pattern-removed", I, B, {"type": "string", "pattern": "^a+$"}, {"type": "string"}),
    ("default-value-added", W, I, {"type": "integer"}, {"type": "integer", "default": 1}),
    (
        "default-value-changed",
        W,
        I,
        {"type": "integer", "default": 1},
        {"type": "integer", "default": 2},
    ),
    ("default-value-removed", W, I, {"type": "integer", "default": 1}, {"type": "integer"}),
    ("became-nullable", I, B, {"type": "string"}, {"type": "string", "nullable": True}),
    ("became-not-nullable", B, I, {"type": "string", "nullable": True}, {"type": "string"}),
    (
        "one-of-added",
        I,
        B,
        {"oneOf": [{"type": "string"}]},
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    ),
    (
        "one-of-removed",
        B,
        I,
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        {"oneOf": [{"type": "integer"}]},
    ),
    (
        "any-of-added",
        I,
        B,
        {"anyOf": [{"type": "string"}]},
        {"anyOf": [{"type": "string"}, {"type": "integer"}]},
    ),
    (
        "any-of-removed",
        B,
        I,
        {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        {"anyOf": [{"type": "string"}]},
    ),
    (
        "additional-properties-narrowed",
        B,
        I,
        {"type": "object"},
        {"type": "object", "additionalProperties": False},
    ),
    (
        "additional-properties-widened",
        I,
        I,
        {"type": "object", "additionalProperties": False},
        {"type": "object", "additionalProperties": True},
    ),
    (
        "discriminator-added",
        W,
        W,
        {"type": "object", "properties": {"kind": {"type": "string"}}},
        {
            "type": "object",
            "properties": {"kind": {"type": "string"}},
            "discriminator": {"propertyName": "kind"},
        },
    ),
    (
        "discriminator-removed",
        W,
        W,
        {
            "type": "object",
            "properties": {"kind": {"type": "string"}},
            "discriminator": {"propertyName": "kind"},
        },
        {"type": "object", "properties": {"kind": {"type": "string"}}},
    ),
    (
        "discriminator-property-changed",
        B,
        B,
        {
            "type": "object",
            "properties": {"kind": {"type": "string"}, "type": {"type": "string"}},
            "discriminator": {"propertyName": "kind"},
        },
        {
            "type": "object",
            "properties": {"kind": {"type": "string"}, "type": {"type": "string"}},
            "discriminator": {"propertyName": "type"},
        },
    ),
    (
        "discriminator-mapping-added",
        I,
        W,
        {"type": "object", "discriminator": {"propertyName": "k", "mapping": {"a": "#/a"}}},
        {
            "type": "object",
            "discriminator": {"propertyName": "k", "mapping": {"a": "#/a", "b": "#/b"}},
        },
    ),
    (
        "discriminator-mapping-removed",
        B,
        I,
        {
            "type": "object",
            "discriminator": {"propertyName": "k", "mapping": {"a": "#/a", "b": "#/b"}},
        },
        {"type": "object", "discriminator": {"propertyName": "k", "mapping": {"a": "#/a"}}},
    ),
    ("deprecated", I, I, {"type": "string"}, {"type": "string", "deprecated": True}),
    # Round 2: directional formats, const, oneOf wraps and the JSON Schema 2020-12 keywords.
    ("format-added", B, I, STR, {"type": "string", "format": "date-time"}),
    ("format-removed", I, B, {"type": "string", "format": "uuid"}, STR),
    (
        "format-widened",
        I,
        B,
        {"type": "integer", "format": "int32"},
        {"type": "integer", "format": "int64"},
    ),
    (
        "format-narrowed",
        B,
        I,
        {"type": "integer", "format": "int64"},
        {"type": "integer", "format": "int32"},
    ),
    ("const-added", B, I, STR, {"type": "string", "const": "a"}),
    ("const-removed", I, B, {"type": "string", "const": "a"}, STR),
    ("const-changed", B, B, {"type": "string", "const": "a"}, {"type": "string", "const": "b"}),
    (
        "wrapped-in-one-of",
        B,
        B,
        STR,
        {"oneOf": [STR, {"type": "string", "maxLength": 5}]},
    ),
    ("wrapped-in-one-of-original-preserved", I, B, STR, {"oneOf": [STR, {"type": "integer"}]}),
    ("contains-added", B, I, ARR, {**ARR, "contains": {"const": "a"}}),
    ("contains-removed", I, B, {**ARR, "contains": {"const": "a"}}, ARR),
    (
        "min-contains-increased",
        B,
        I,
        {**ARR, "contains": {"const": "a"}},
        {**ARR, "contains": {"const": "a"}, "minContains": 2},
    ),
    (
        "min-contains-decreased",
        I,
        B,
        {**ARR, "contains": {"const": "a"}, "minContains": 2},
        {**ARR, "contains": {"const": "a"}},
    ),
    (
        "max-contains-increased",
        I,
        B,
        {**ARR, "contains": {"const": "a"}, "maxContains": 2},
        {**ARR, "contains": {"const": "a"}},
    ),
    (
        "max-contains-decreased",
        B,
        I,
        {**ARR, "contains": {"const": "a"}},
        {**ARR, "contains": {"const": "a"}, "maxContains": 2},
    ),
    ("property-names-added", B, I, OBJ, {**OBJ, "propertyNames": {"pattern": "^a"}}),
    ("property-names-removed", I, B, {**OBJ, "propertyNames": {"pattern": "^a"}}, OBJ),
    ("dependent-required-added", B, I, OBJ, {**OBJ, "dependentRequired": {"a": ["b"]}}),
    ("dependent-required-removed", I, B, {**OBJ, "dependentRequired": {"a": ["b"]}}, OBJ),
    (
        "dependent-schema-added",
        B,
        I,
        OBJ,
        {**OBJ, "dependentSchemas": {"a": {"required": ["b"]}}},
    ),
    (
        "dependent-schema-removed",
        I,
        B,
        {**OBJ, "dependentSchemas": {"a": {"required": ["b"]}}},
        OBJ,
    ),
    ("pattern-property-added", B, I, OBJ, {**OBJ, "patternProperties": {"^x-": STR}}),
    ("pattern-property-removed", I, B, {**OBJ, "patternProperties": {"^x-": STR}}, OBJ),
    ("unevaluated-items-added", B, I, ARR, {**ARR, "unevaluatedItems": False}),
    ("unevaluated-items-removed", I, B, {**ARR, "unevaluatedItems": False}, ARR),
    ("unevaluated-properties-added", B, I, OBJ, {**OBJ, "unevaluatedProperties": False}),
    ("unevaluated-properties-removed", I, I, {**OBJ, "unevaluatedProperties": False}, OBJ),
    ("content-schema-added", B, I, JSON_TEXT, {**JSON_TEXT, "contentSchema": OBJ}),
    ("content-schema-removed", I, B, {**JSON_TEXT, "contentSchema": OBJ}, JSON_TEXT),
    (
        "content-media-type-changed",
        B,
        B,
        JSON_TEXT,
        {**JSON_TEXT, "contentMediaType": "application/xml"},
    ),
    ("content-encoding-changed", B, B, STR, {"type": "string", "contentEncoding": "base64"}),
    ("if-added", B, I, OBJ, {**OBJ, "if": {"required": ["a"]}}),
    ("if-removed", I, B, {**OBJ, "if": {"required": ["a"]}}, OBJ),
    (
        "if-changed",
        W,
        W,
        {**OBJ, "if": {"required": ["a"]}, "then": {"required": ["b"]}},
        {**OBJ, "if": {"required": ["c"]}, "then": {"required": ["b"]}},
    ),
    (
        "then-added",
        B,
        I,
        {**OBJ, "if": {"required": ["a"]}, "else": {"required": ["b"]}},
        {**OBJ, "if": {"required": ["a"]}, "else": {"required": ["b"]}, "then": OBJ},
    ),
    (
        "then-removed",
        I,
        B,
        {**OBJ, "if": {"required": ["a"]}, "then": OBJ, "else": {"required": ["b"]}},
        {**OBJ, "if": {"required": ["a"]}, "else": {"required": ["b"]}},
    ),
    (
        "else-added",
        B,
        I,
        {**OBJ, "if": {"required": ["a"]}, "then": {"required": ["b"]}},
        {**OBJ, "if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": OBJ},
    ),
    (
        "else-removed",
        I,
        B,
        {**OBJ, "if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": OBJ},
        {**OBJ, "if": {"required": ["a"]}, "then": {"required": ["b"]}},
    ),
    (
        "prefix-items-added",
        I,
        B,
        {"type": "array", "prefixItems": [STR]},
        {"type": "array", "prefixItems": [STR, STR]},
    ),
    (
        "prefix-items-removed",
        B,
        I,
        {"type": "array", "prefixItems": [STR, STR]},
        {"type": "array", "prefixItems": [STR]},
    ),
    ("not-added", B, I, STR, {**STR, "not": {"const": "x"}}),
    ("not-removed", I, B, {**STR, "not": {"const": "x"}}, STR),
    ("not-narrowed", B, I, {**STR, "not": {"enum": ["x"]}}, {**STR, "not": {"enum": ["x", "y"]}}),
    ("not-widened", I, B, {**STR, "not": {"enum": ["x", "y"]}}, {**STR, "not": {"enum": ["x"]}}),
]

CONTEXTS = {
    "parameter": ("request-parameter", "request"),
    "request": ("request-property", "request"),
    "response": ("response-property", "response"),
    "header": ("response-header", "response"),
    "callback-payload": ("callback-payload", "response"),
    "callback-reply": ("callback-reply", "request"),
}


def _value_params() -> list[Any]:
    params = []
    for kind, request_level, response_level, before, after in VALUE_CASES:
        for context, (prefix, direction) in CONTEXTS.items():
            level = request_level if direction == "request" else response_level
            rule = f"{prefix}-{kind}"
            params.append(
                pytest.param(
                    rule,
                    level,
                    in_context(context, before),
                    in_context(context, after),
                    OP,
                    (),
                    id=rule,
                )
            )
    return params


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


S = {"type": "string"}
RO = {"type": "string", "readOnly": True}
WO = {"type": "string", "writeOnly": True}

# Object structure: (rule, level, context, base property schema, revision property schema).
OBJECT_CASES: list[tuple[str, str, str, dict[str, Any], dict[str, Any]]] = [
    ("new-required-request-property", B, "request", _obj({}), _obj({"x": S}, ["x"])),
    ("new-optional-request-property", I, "request", _obj({}), _obj({"x": S})),
    ("request-property-removed", W, "request", _obj({"x": S}, ["x"]), _obj({})),
    ("request-optional-property-removed", W, "request", _obj({"x": S}), _obj({})),
    ("request-property-became-required", B, "request", _obj({"x": S}), _obj({"x": S}, ["x"])),
    ("request-property-became-optional", I, "request", _obj({"x": S}, ["x"]), _obj({"x": S})),
    ("request-property-became-read-only", W, "request", _obj({"x": S}), _obj({"x": RO})),
    ("request-property-became-not-read-only", I, "request", _obj({"x": RO}), _obj({"x": S})),
    ("response-required-property-added", I, "response", _obj({}), _obj({"x": S}, ["x"])),
    ("response-optional-property-added", I, "response", _obj({}), _obj({"x": S})),
    ("response-required-property-removed", B, "response", _obj({"x": S}, ["x"]), _obj({})),
    # Generated clients treat a missing optional field as absent, so this is not a break.
    ("response-optional-property-removed", I, "response", _obj({"x": S}), _obj({})),
    ("response-property-became-optional", B, "response", _obj({"x": S}, ["x"]), _obj({"x": S})),
    ("response-property-became-required", I, "response", _obj({"x": S}), _obj({"x": S}, ["x"])),
    ("response-property-became-write-only", W, "response", _obj({"x": S}), _obj({"x": WO})),
    ("response-property-became-not-write-only", I, "response", _obj({"x": WO}), _obj({"x": S})),
]


def _object_params() -> list[Any]:
    return [
        pytest.param(
            rule, level, in_context(context, before), in_context(context, after), OP, (), id=rule
        )
        for rule, level, context, before, after in OBJECT_CASES
    ]


def _param(**fields: Any) -> dict[str, Any]:
    return {"name": "q", "in": "query", "schema": {"type": "string"}, **fields}


def _body(required: bool = False, *media: str) -> dict[str, Any]:
    content = {m: {"schema": {"type": "object"}} for m in (media or ("application/json",))}
    return {"required": required, "content": content}


def _responses(
    *codes: str, media: tuple[str, ...] = (), headers: dict[str, Any] | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for code in codes:
        response: dict[str, Any] = {"description": "d"}
        if media:
            response["content"] = {m: {"schema": {"type": "object"}} for m in media}
        if headers is not None:
            response["headers"] = headers
        out[code] = response
    return out


def _header(required: bool = False) -> dict[str, Any]:
    return {"required": required, "schema": {"type": "integer"}}


SCHEMES = {
    "oauth": {
        "type": "oauth2",
        "flows": {
            "clientCredentials": {
                "tokenUrl": "https://auth.example.com/token",
                "scopes": {"read": "r", "write": "w"},
            }
        },
    },
    "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
    "basic": {"type": "http", "scheme": "basic"},
}


def _secured(security: list[Any] | None, schemes: dict[str, Any] | None = None) -> dict[str, Any]:
    operation = ok() if security is None else ok(security=security)
    return one_op(operation, components={"securitySchemes": schemes or SCHEMES})


def _scheme(which: str, /, **changes: Any) -> dict[str, Any]:
    return {**SCHEMES, which: {**SCHEMES[which], **changes}}


def _flow(**changes: Any) -> dict[str, Any]:
    flow = {**SCHEMES["oauth"]["flows"]["clientCredentials"], **changes}
    return _scheme("oauth", flows={"clientCredentials": flow})


def _servers(*servers: dict[str, Any]) -> dict[str, Any]:
    return one_op(ok(), servers=list(servers))


REGION = "https://{region}.example.com"


def _region(enum: list[str], default: str) -> dict[str, Any]:
    return {"url": REGION, "variables": {"region": {"enum": enum, "default": default}}}


TODAY = ("--today", "2026-06-01")
DEPRECATED = {"deprecated": True}

# (rule, level, base, revision, operation, extra CLI arguments)
EXPLICIT_CASES: list[
    tuple[str, str, dict[str, Any], dict[str, Any], str | None, tuple[str, ...]]
] = [
    ("endpoint-added", I, api(), one_op(ok()), OP, ()),
    ("api-removed-without-deprecation", B, one_op(ok()), api(), OP, ()),
    (
        "api-removed-before-sunset",
        B,
        one_op(ok(**DEPRECATED, **{"x-sunset": "2027-01-01"})),
        api(),
        OP,
        TODAY,
    ),
    (
        "deprecated-api-removed",
        I,
        one_op(ok(**DEPRECATED, **{"x-sunset": "2026-01-01"})),
        api(),
        OP,
        TODAY,
    ),
    ("endpoint-deprecated", I, one_op(ok()), one_op(ok(**DEPRECATED)), OP, ()),
    ("endpoint-reactivated", I, one_op(ok(**DEPRECATED)), one_op(ok()), OP, ()),
    (
        "api-sunset-date-added",
        I,
        one_op(ok(**DEPRECATED)),
        one_op(ok(**DEPRECATED, **{"x-sunset": "2027-01-01"})),
        OP,
        (),
    ),
    (
        "api-sunset-deleted",
        I,
        one_op(ok(**DEPRECATED, **{"x-sunset": "2027-01-01"})),
        one_op(ok(**DEPRECATED)),
        OP,
        (),
    ),
    (
        "api-sunset-date-changed-too-small",
        W,
        one_op(ok(**DEPRECATED, **{"x-sunset": "2027-01-01"})),
        one_op(ok(**DEPRECATED, **{"x-sunset": "2026-09-01"})),
        OP,
        (),
    ),
    (
        "api-sunset-date-changed",
        I,
        one_op(ok(**DEPRECATED, **{"x-sunset": "2027-01-01"})),
        one_op(ok(**DEPRECATED, **{"x-sunset": "2028-01-01"})),
        OP,
        (),
    ),
    ("api-operation-id-added", I, one_op(ok()), one_op(ok(operationId="make")), OP, ()),
    ("api-operation-id-removed", W, one_op(ok(operationId="make")), one_op(ok()), OP, ()),
    (
        "api-operation-id-changed",
        W,
        one_op(ok(operationId="make")),
        one_op(ok(operationId="create")),
        OP,
        (),
    ),
    ("api-tag-added", I, one_op(ok()), one_op(ok(tags=["jobs"])), OP, ()),
    ("api-tag-removed", I, one_op(ok(tags=["jobs"])), one_op(ok()), OP, ()),
    (
        "new-required-request-parameter",
        B,
        one_op(ok()),
        one_op(ok(parameters=[_param(required=True)])),
        OP,
        (),
    ),
    ("new-optional-request-parameter", I, one_op(ok()), one_op(ok(parameters=[_param()])), OP, ()),
    ("request-parameter-removed", W, one_op(ok(parameters=[_param()])), one_op(ok()), OP, ()),
    (
        "request-parameter-became-required",
        B,
        one_op(ok(parameters=[_param()])),
        one_op(ok(parameters=[_param(required=True)])),
        OP,
        (),
    ),
    (
        "request-parameter-became-optional",
        I,
        one_op(ok(parameters=[_param(required=True)])),
        one_op(ok(parameters=[_param()])),
        OP,
        (),
    ),
    (
        "request-parameter-style-changed",
        B,
        one_op(ok(parameters=[_param(style="form", explode=False)])),
        one_op(ok(parameters=[_param(style="pipeDelimited", explode=False)])),
        OP,
        (),
    ),
    (
        "request-parameter-explode-changed",
        B,
        one_op(ok(parameters=[_param()])),
        one_op(ok(parameters=[_param(explode=False)])),
        OP,
        (),
    ),
    (
        "request-parameter-deprecated",
        I,
        one_op(ok(parameters=[_param()])),
        one_op(ok(parameters=[_param(deprecated=True)])),
        OP,
        (),
    ),
    ("request-body-added-required", B, one_op(ok()), one_op(ok(requestBody=_body(True))), OP, ()),
    ("request-body-added-optional", I, one_op(ok()), one_op(ok(requestBody=_body())), OP, ()),
    ("request-body-removed", W, one_op(ok(requestBody=_body())), one_op(ok()), OP, ()),
    (
        "request-body-became-required",
        B,
        one_op(ok(requestBody=_body())),
        one_op(ok(requestBody=_body(True))),
        OP,
        (),
    ),
    (
        "request-body-became-optional",
        I,
        one_op(ok(requestBody=_body(True))),
        one_op(ok(requestBody=_body())),
        OP,
        (),
    ),
    (
        "request-body-media-type-added",
        I,
        one_op(ok(requestBody=_body(False, "application/json"))),
        one_op(ok(requestBody=_body(False, "application/json", "application/xml"))),
        OP,
        (),
    ),
    (
        "request-body-media-type-removed",
        B,
        one_op(ok(requestBody=_body(False, "application/json", "application/xml"))),
        one_op(ok(requestBody=_body(False, "application/json"))),
        OP,
        (),
    ),
    (
        "response-success-status-added",
        I,
        one_op({"responses": _responses("200")}),
        one_op({"responses": _responses("200", "201")}),
        OP,
        (),
    ),
    (
        "response-success-status-removed",
        B,
        one_op({"responses": _responses("200", "201")}),
        one_op({"responses": _responses("200")}),
        OP,
        (),
    ),
    (
        "response-non-success-status-added",
        I,
        one_op({"responses": _responses("200")}),
        one_op({"responses": _responses("200", "404")}),
        OP,
        (),
    ),
    (
        "response-non-success-status-removed",
        W,
        one_op({"responses": _responses("200", "default")}),
        one_op({"responses": _responses("200")}),
        OP,
        (),
    ),
    (
        "response-media-type-added",
        I,
        one_op({"responses": _responses("200", media=("application/json",))}),
        one_op({"responses": _responses("200", media=("application/json", "text/csv"))}),
        OP,
        (),
    ),
    (
        "response-media-type-removed",
        B,
        one_op({"responses": _responses("200", media=("application/json", "text/csv"))}),
        one_op({"responses": _responses("200", media=("application/json",))}),
        OP,
        (),
    ),
    (
        "response-header-added",
        I,
        one_op({"responses": _responses("200", headers={})}),
        one_op({"responses": _responses("200", headers={"X-Rate": _header()})}),
        OP,
        (),
    ),
    (
        "required-response-header-removed",
        B,
        one_op({"responses": _responses("200", headers={"X-Rate": _header(True)})}),
        one_op({"responses": _responses("200", headers={})}),
        OP,
        (),
    ),
    (
        "optional-response-header-removed",
        I,
        one_op({"responses": _responses("200", headers={"X-Rate": _header()})}),
        one_op({"responses": _responses("200", headers={})}),
        OP,
        (),
    ),
    (
        "response-header-became-optional",
        B,
        one_op({"responses": _responses("200", headers={"X-Rate": _header(True)})}),
        one_op({"responses": _responses("200", headers={"x-rate": _header()})}),
        OP,
        (),
    ),
    (
        "response-header-became-required",
        I,
        one_op({"responses": _responses("200", headers={"X-Rate": _header()})}),
        one_op({"responses": _responses("200", headers={"X-Rate": _header(True)})}),
        OP,
        (),
    ),
    ("api-security-added", B, _secured(None), _secured([{"oauth": ["read"]}]), OP, ()),
    ("api-security-removed", I, _secured([{"oauth": ["read"]}]), _secured([]), OP, ()),
    (
        "api-security-alternative-added",
        I,
        _secured([{"oauth": ["read"]}]),
        _secured([{"oauth": ["read"]}, {"key": []}]),
        OP,
        (),
    ),
    (
        "api-security-alternative-removed",
        B,
        _secured([{"oauth": ["read"]}, {"key": []}]),
        _secured([{"oauth": ["read"]}]),
        OP,
        (),
    ),
    (
        "api-security-scope-added",
        B,
        _secured([{"oauth": ["read"]}]),
        _secured([{"oauth": ["read", "write"]}]),
        OP,
        (),
    ),
    (
        "api-security-scope-removed",
        I,
        _secured([{"oauth": ["read", "write"]}]),
        _secured([{"oauth": ["read"]}]),
        OP,
        (),
    ),
    (
        "security-scheme-type-changed",
        B,
        _secured([{"basic": []}]),
        _secured([{"basic": []}], {**SCHEMES, "basic": SCHEMES["key"]}),
        OP,
        (),
    ),
    (
        "security-scheme-http-scheme-changed",
        B,
        _secured([{"basic": []}]),
        _secured([{"basic": []}], _scheme("basic", scheme="bearer")),
        OP,
        (),
    ),
    (
        "security-scheme-api-key-changed",
        B,
        _secured([{"key": []}]),
        _secured([{"key": []}], _scheme("key", **{"in": "query", "name": "key"})),
        OP,
        (),
    ),
    (
        "security-scheme-oauth-flow-added",
        I,
        _secured([{"oauth": []}]),
        _secured(
            [{"oauth": []}],
            _scheme(
                "oauth",
                flows={
                    **SCHEMES["oauth"]["flows"],
                    "implicit": {"authorizationUrl": "https://a", "scopes": {}},
                },
            ),
        ),
        OP,
        (),
    ),
    (
        "security-scheme-oauth-flow-removed",
        B,
        _secured(
            [{"oauth": []}],
            _scheme(
                "oauth",
                flows={
                    **SCHEMES["oauth"]["flows"],
                    "implicit": {"authorizationUrl": "https://a", "scopes": {}},
                },
            ),
        ),
        _secured([{"oauth": []}]),
        OP,
        (),
    ),
    (
        "security-scheme-oauth-url-changed",
        W,
        _secured([{"oauth": []}]),
        _secured([{"oauth": []}], _flow(tokenUrl="https://auth.example.com/v2/token")),
        OP,
        (),
    ),
    (
        "security-scheme-oauth-scope-added",
        I,
        _secured([{"oauth": []}]),
        _secured([{"oauth": []}], _flow(scopes={"read": "r", "write": "w", "admin": "a"})),
        OP,
        (),
    ),
    (
        "security-scheme-oauth-scope-removed",
        W,
        _secured([{"oauth": []}]),
        _secured([{"oauth": []}], _flow(scopes={"read": "r"})),
        OP,
        (),
    ),
    (
        "api-server-added",
        I,
        _servers({"url": "https://a.example.com"}),
        _servers({"url": "https://a.example.com"}, {"url": "https://b.example.com"}),
        None,
        (),
    ),
    (
        "api-server-removed",
        W,
        _servers({"url": "https://a.example.com"}, {"url": "https://b.example.com"}),
        _servers({"url": "https://a.example.com"}),
        None,
        (),
    ),
    (
        "api-server-variable-enum-value-added",
        I,
        _servers(_region(["eu"], "eu")),
        _servers(_region(["eu", "us"], "eu")),
        None,
        (),
    ),
    (
        "api-server-variable-enum-value-removed",
        B,
        _servers(_region(["eu", "us"], "eu")),
        _servers(_region(["eu"], "eu")),
        None,
        (),
    ),
    (
        "api-server-variable-default-changed",
        W,
        _servers(_region(["eu", "us"], "eu")),
        _servers(_region(["eu", "us"], "us")),
        None,
        (),
    ),
]


def _webhooks(**hooks: Any) -> dict[str, Any]:
    return api(openapi="3.1.0", webhooks=hooks)


def _callbacks(**calls: Any) -> dict[str, Any]:
    return one_op(ok(callbacks=calls))


_CALL = {"{$request.body#/url}": {"post": ok()}}

EXPLICIT_CASES += [
    (
        "api-deprecated-sunset-parse",
        B,
        one_op(ok(**DEPRECATED, **{"x-sunset": "2027-01-01"})),
        one_op(ok(**DEPRECATED, **{"x-sunset": "soon"})),
        OP,
        (),
    ),
    (
        "api-path-sunset-parse",
        B,
        one_op(ok(**DEPRECATED, **{"x-sunset": "soon"})),
        api(),
        OP,
        TODAY,
    ),
    (
        "request-parameter-type-compatible",
        I,
        one_op(ok(parameters=[_param(schema={"type": "number"})])),
        one_op(ok(parameters=[_param(schema={"type": "string"})])),
        OP,
        (),
    ),
    (
        "response-header-type-compatible",
        I,
        one_op(
            {"responses": _responses("200", headers={"X-Rate": {"schema": {"type": "string"}}})}
        ),
        one_op(
            {"responses": _responses("200", headers={"X-Rate": {"schema": {"type": "integer"}}})}
        ),
        OP,
        (),
    ),
    ("webhook-added", I, _webhooks(), _webhooks(done={"post": ok()}), "POST webhook:done", ()),
    ("webhook-removed", B, _webhooks(done={"post": ok()}), _webhooks(), "POST webhook:done", ()),
    ("callback-added", I, one_op(ok()), _callbacks(done=_CALL), OP, ()),
    ("callback-removed", B, _callbacks(done=_CALL), one_op(ok()), OP, ()),
]


def _explicit_params() -> list[Any]:
    return [pytest.param(*case, id=case[0]) for case in EXPLICIT_CASES]


ALL_PARAMS = _value_params() + _object_params() + _explicit_params()


@pytest.mark.parametrize(("rule", "level", "base", "revision", "operation", "args"), ALL_PARAMS)
def test_rule(
    tmp_path: Path,
    rule: str,
    level: str,
    base: dict[str, Any],
    revision: dict[str, Any],
    operation: str | None,
    args: tuple[str, ...],
) -> None:
    outcome = run_pair(tmp_path, base, revision, "--fail-on", "none", *args)
    assert outcome.exit_code == 0, outcome.stderr
    found = [(c["id"], c["level"], c["operation"]) for c in outcome.changes]
    assert found == [(rule, level, operation)]


def test_every_rule_has_a_pair() -> None:
    covered = {param.values[0] for param in ALL_PARAMS}
    assert covered == {rule.id for rule in RULES}


def test_rule_table_is_large_and_ids_are_stable_kebab_case() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids)) >= 80
    assert all(part.isalnum() for rule_id in ids for part in rule_id.split("-"))
    assert {"request-property-became-required", "response-property-became-optional"} <= set(ids)
