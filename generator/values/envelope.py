"""The spec's error envelope: where an error's code, message and details go in a response body.

Read from each error response's schema (and its example, for the code the service uses), so a
generated server answers 401, 404, 422, 501, ... in the shape its own spec documents: Bentley
`{"error": {"code": "...", "message": "...", "details": [...]}}`, Cognite
`{"error": {"code": 422, "message": "..."}}`, or a flat `{"code", "message"}`.
"""

from __future__ import annotations

import copy
import json
import random
from collections import Counter
from typing import Any

from generator.ir.model import Api, Envelopes, ErrorShape, ErrorUse, Operation, Response
from generator.server_runtime._errors import default_code
from generator.values.schema import Schemas
from generator.values.synth import SynthesisError, synthesize

_MESSAGE_KEYS = ("message", "detail", "description", "title")
# Fields that hold the message when they are strings (`{"error": "Not found"}`, OAuth's
# `error_description`); an `error` object is an envelope to look inside instead.
_STRING_MESSAGE_KEYS = ("error_description", "errorMessage", "error_message", "msg", "error")
_DETAIL_KEYS = ("code", "message", "target")


def analyse(api: Api, *, full: bool = False) -> Envelopes:
    """Every error envelope the API documents, and which operation status uses which. Each
    shape's base body has the required properties (`full`: every documented one, as the
    mock answers)."""
    schemas = Schemas(api.models_document)
    examples: dict[str, list[Any]] = {}
    for op in api.operations:
        for response in op.responses:
            if response.schema is not None:
                key = json.dumps(response.schema, sort_keys=True)
                examples.setdefault(key, []).extend(value for _, value in response.examples)
    shapes: dict[str, ErrorShape] = {}
    by_schema: dict[str, str] = {}
    uses_per_schema: Counter[str] = Counter()
    operations = []
    for op in api.operations:
        uses = []
        for response in op.responses:
            status = response.status_code
            if status is None or status < 400 or response.schema is None:
                continue
            key = json.dumps(response.schema, sort_keys=True)
            if key not in by_schema:
                name = f"SHAPE_{len(shapes) + 1}"
                shape = _shape(schemas, response.schema, name, examples.get(key, []), full)
                if shape is None:
                    continue
                shapes[shape.name] = shape
                by_schema[key] = shape.name
            name = by_schema[key]
            uses_per_schema[name] += 1
            code = _example_code(shapes[name], response) or default_code(status)
            uses.append(ErrorUse(status, name, response.media_type or "application/json", code))
        operations.append((op.operation_id, tuple(uses)))
    default = uses_per_schema.most_common(1)[0][0] if uses_per_schema else None
    return Envelopes(
        shapes=tuple(shapes.values()),
        operations=tuple(operations),
        default_shape=default,
        default_media_type=_default_media(api),
        validation_status=_validation_status(api.operations),
    )


def _default_media(api: Api) -> str:
    media = Counter(
        r.media_type
        for op in api.operations
        for r in op.responses
        if r.media_type and (r.status_code or 0) >= 400
    )
    return media.most_common(1)[0][0] if media else "application/json"


def _validation_status(operations: tuple[Operation, ...]) -> int:
    statuses = {r.status for op in operations for r in op.responses}
    return 400 if "400" in statuses and "422" not in statuses else 422


def _shape(
    schemas: Schemas, schema: dict[str, Any], name: str, examples: list[Any], full: bool
) -> ErrorShape | None:
    if schemas.primitive_type(schema) != "object":
        return None
    try:
        base = synthesize(schemas, schema, random.Random(0), full=full, direction="response")
    except SynthesisError:
        return None
    path = _error_path(schemas, schema)
    if path is None:
        return ErrorShape(name, base, (), None, False, None, None, (), False)
    made = copy.deepcopy(base)
    target: Any = schema
    node: Any = base
    for key in path:
        is_array = schemas.primitive_type(schemas.properties(target).get(key, {})) == "array"
        target = _step(schemas, target, key)
        node = _place(node, key, is_array)
    if not schemas.is_valid(base, schema):  # the error's place breaks a rule of its own
        return ErrorShape(name, made, (), None, False, None, None, (), False)
    props = schemas.properties(target)
    code_key = "code" if "code" in props else None
    code_is_integer = code_key is not None and schemas.primitive_type(props["code"]) in (
        "integer",
        "number",
    )
    message_key = _message_key(schemas, props)
    details_key, detail_keys = _details(schemas, props)
    if details_key is None and schemas.resolve(target).get("additionalProperties") is not False:
        details_key, detail_keys = _example_details(examples, path)
    return ErrorShape(
        name=name,
        base=base,
        path=path,
        code_key=code_key,
        code_is_integer=code_is_integer,
        message_key=message_key,
        details_key=details_key,
        detail_keys=detail_keys,
        details_required=details_key is not None and details_key in schemas.required(target),
    )


def _error_path(schemas: Schemas, schema: dict[str, Any]) -> tuple[str, ...] | None:
    props = schemas.properties(schema)
    if "code" in props or _message_key(schemas, props) is not None:
        return ()
    for key in props:
        inner = schemas.properties(_step(schemas, schema, key))
        if "code" in inner or "message" in inner:
            return (key,)
    return None


def _message_key(schemas: Schemas, props: dict[str, Any]) -> str | None:
    found = next((k for k in _MESSAGE_KEYS if k in props), None)
    if found is not None:
        return found
    return next(
        (
            k
            for k in _STRING_MESSAGE_KEYS
            if k in props and schemas.primitive_type(props[k]) == "string"
        ),
        None,
    )


def _step(schemas: Schemas, schema: Any, key: str) -> Any:
    """The schema of property `key`; for an array of errors (Asana's `{"errors": [{...}]}`),
    the schema of its items: the error is written into the first one."""
    sub = schemas.properties(schema).get(key, {})
    if schemas.primitive_type(sub) == "array":
        return schemas.resolve(sub).get("items", {})
    return sub


def _place(node: dict[str, Any], key: str, is_array: bool) -> dict[str, Any]:
    """The object at `node[key]` (its first item for an array) in the base body, made when the
    base lacks it (nothing required it), so the server has a place to write the error."""
    child = node.get(key)
    if is_array:
        if not isinstance(child, list):
            child = node[key] = []
        if not child or not isinstance(child[0], dict):
            child[:] = [{}]
        first: dict[str, Any] = child[0]
        return first
    if not isinstance(child, dict):
        child = node[key] = {}
    return child


def _details(schemas: Schemas, props: dict[str, Any]) -> tuple[str | None, tuple[str, ...]]:
    details = props.get("details")
    if details is None or schemas.primitive_type(details) != "array":
        return None, ()
    item = schemas.resolve(schemas.resolve(details).get("items", {}))
    item_props = schemas.properties(item)
    if any(r not in _DETAIL_KEYS for r in schemas.required(item)):
        return None, ()
    keys = tuple(k for k in _DETAIL_KEYS if k in item_props)
    return ("details", keys) if "code" in keys and "message" in keys else (None, ())


def _example_details(
    examples: list[Any], path: tuple[str, ...]
) -> tuple[str | None, tuple[str, ...]]:
    """`details` as the examples show them, for a schema that does not declare it but allows
    extra properties (the spec's examples are the only account of the shape)."""
    for example in examples:
        node: Any = example
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        items = node.get("details") if isinstance(node, dict) else None
        if isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
            keys = tuple(k for k in _DETAIL_KEYS if all(k in item for item in items))
            if "code" in keys and "message" in keys:
                return "details", keys
    return None, ()


def _example_code(shape: ErrorShape, response: Response) -> str | None:
    """The code the spec's example for this status shows (string envelopes only)."""
    if shape.code_key is None or shape.code_is_integer:
        return None
    for _, example in response.examples:
        node: Any = example
        for key in shape.path:
            node = node.get(key) if isinstance(node, dict) else None
        code = node.get(shape.code_key) if isinstance(node, dict) else None
        if isinstance(code, str) and code:
            return code
    return None
