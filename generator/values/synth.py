"""Data made up from a schema: the smallest believable value that validates.

Deterministic for a given `random.Random`: ids and names come from the generator, so a seeded
mock answers the same way every run. Only required properties are filled (fewer chances to
break a constraint); enums take their first value, numbers their lower bound.
"""

from __future__ import annotations

import random
import re
import uuid
from typing import Any

from generator.openapi import only_annotates
from generator.values.regex_example import example_for
from generator.values.schema import Schemas

_MAX_DEPTH = 12
_EPOCH_MS = 1_718_000_000_000  # a fixed instant (June 2024) so synthesized times are stable


class SynthesisError(ValueError):
    """No value could be made that satisfies the schema."""


def synthesize(schemas: Schemas, schema: Any, rng: random.Random, name: str = "") -> Any:
    """A value valid against `schema`; raises SynthesisError if none could be made."""
    value = _value(schemas, schema, rng, name, 0)
    problems = schemas.errors(value, schema)
    if problems:
        raise SynthesisError(f"could not synthesize a valid value: {problems[0]}")
    return value


def random_id(rng: random.Random) -> str:
    """A GUID drawn from `rng` (so seeded runs repeat)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _value(schemas: Schemas, schema: Any, rng: random.Random, name: str, depth: int) -> Any:
    resolved = schemas.resolve(schema)
    if depth > _MAX_DEPTH:
        return None
    if "const" in resolved:
        return resolved["const"]
    if "default" in resolved and resolved["default"] is not None:
        return resolved["default"]
    enum = resolved.get("enum")
    if isinstance(enum, list) and enum:
        return next((v for v in enum if v is not None), enum[0])
    wrapped = _wrapped(resolved)
    if wrapped is not None:  # `allOf: [{$ref: Status}]` plus a description: a Status
        return _value(schemas, wrapped, rng, name, depth + 1)
    for key in ("oneOf", "anyOf"):
        options = resolved.get(key)
        if isinstance(options, list) and options and all(map(_only_requires, options)):
            # `anyOf: [{required: [a]}, {required: [b]}]` beside properties: one of the
            # alternatives' names must be present, the object is the schema itself.
            narrowed = {k: v for k, v in resolved.items() if k != key}
            extra = [n for n in options[0].get("required", ()) if isinstance(n, str)]
            narrowed["required"] = [*schemas.required(resolved), *extra]
            return _value(schemas, narrowed, rng, name, depth + 1)
        if isinstance(options, list) and options:
            for option in options:
                candidate = _value(schemas, option, rng, name, depth + 1)
                if schemas.is_valid(candidate, option):
                    return candidate
            return _value(schemas, options[0], rng, name, depth + 1)
    kind = schemas.primitive_type(resolved)
    if kind == "object" or (kind is None and resolved.get("allOf")):
        return _object(schemas, resolved, rng, depth)
    if kind == "array":
        return _array(schemas, resolved, rng, name, depth)
    if kind == "string":
        return _string(schemas, resolved, rng, name)
    if kind == "integer":
        return int(_number(resolved, integer=True, name=name))
    if kind == "number":
        return _number(resolved, integer=False, name=name)
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    return {} if resolved.get("allOf") else "value"


def _wrapped(schema: dict[str, Any]) -> Any | None:
    """The one `allOf` member of a schema that only annotates it, else None."""
    members = schema.get("allOf")
    if not isinstance(members, list) or len(members) != 1:
        return None
    return members[0] if only_annotates(k for k in schema if k != "allOf") else None


def _only_requires(option: Any) -> bool:
    return isinstance(option, dict) and set(option) == {"required"}


def _object(schemas: Schemas, schema: dict[str, Any], rng: random.Random, depth: int) -> Any:
    parts = [p for p in schema.get("allOf") or () if schemas.primitive_type(p) != "object"]
    if parts and not schemas.properties(schema):
        # allOf of non-objects (a described wrapper around a primitive or enum).
        return _value(schemas, parts[0], rng, "", depth + 1)
    props = schemas.properties(schema)
    result: dict[str, Any] = {}
    for prop in schemas.required(schema):
        result[prop] = _value(schemas, props.get(prop, {}), rng, prop, depth + 1)
    minimum = schema.get("minProperties")
    if isinstance(minimum, int) and len(result) < minimum:
        for prop in props:
            if len(result) >= minimum:
                break
            result.setdefault(prop, _value(schemas, props[prop], rng, prop, depth + 1))
    return result


def _array(
    schemas: Schemas, schema: dict[str, Any], rng: random.Random, name: str, depth: int
) -> list[Any]:
    minimum = schema.get("minItems")
    count: int = minimum if isinstance(minimum, int) else 1
    maximum = schema.get("maxItems")
    if isinstance(maximum, int):
        count = min(count, maximum)
    items = schema.get("items", {})
    values = [_value(schemas, items, rng, name, depth + 1) for _ in range(count)]
    if schema.get("uniqueItems") and len({repr(v) for v in values}) < len(values):
        return values[:1]
    return values


def _string(schemas: Schemas, schema: dict[str, Any], rng: random.Random, name: str) -> str:
    fmt = schemas.format(schema)
    lowered = name.lower()
    if fmt == "date-time" or lowered.endswith("datetime"):
        candidate = "2024-06-10T06:13:20Z"
    elif fmt == "date":
        candidate = "2024-06-10"
    elif fmt == "uuid" or lowered == "id" or lowered.endswith("id"):
        candidate = random_id(rng)
    elif fmt == "email" or "email" in lowered:
        candidate = "user@example.com"
    elif fmt in ("uri", "url") or lowered in ("href", "url", "uri"):
        candidate = "https://example.com/resource"
    elif fmt == "byte":
        candidate = "AA=="
    else:
        candidate = f"{name or 'value'}"
    return _fit_string(candidate, schema)


def _fit_string(candidate: str, schema: dict[str, Any]) -> str:
    min_length = schema.get("minLength")
    minimum: int = min_length if isinstance(min_length, int) else 0
    max_length = schema.get("maxLength")
    maximum: int | None = max_length if isinstance(max_length, int) else None
    pattern = schema.get("pattern") if isinstance(schema.get("pattern"), str) else None
    candidates = [candidate, "value", "abc", "x", "1", "a1"]
    if pattern:
        made = example_for(pattern, minimum, maximum)
        candidates += [made] if made is not None else []
        candidates += _pattern_guesses(pattern)
    for text in candidates:
        if len(text) < minimum:
            text = text + "x" * (minimum - len(text))
        if maximum is not None:
            text = text[:maximum]
        if pattern is None or re.search(pattern, text):
            return text
    return candidate


def _pattern_guesses(pattern: str) -> list[str]:
    """Strings for a few pattern shapes: a literal prefix followed by `.+` / `.*`."""
    prefix = re.match(r"\^([A-Za-z0-9:_\-/]*)", pattern)
    if prefix:
        return [prefix.group(1) + "value", prefix.group(1) + "1"]
    return []


def _number(schema: dict[str, Any], *, integer: bool, name: str) -> float:
    lowered = name.lower()
    low = schema.get("minimum")
    high = schema.get("maximum")
    if isinstance(schema.get("exclusiveMinimum"), int | float) and not isinstance(
        schema.get("exclusiveMinimum"), bool
    ):
        low = schema["exclusiveMinimum"] + (1 if integer else 0.5)
    elif schema.get("exclusiveMinimum") is True and isinstance(low, int | float):
        low = low + (1 if integer else 0.5)
    if isinstance(low, int | float):
        value: float = low
    elif lowered.endswith("at") or lowered.endswith("time"):
        value = _EPOCH_MS  # epoch-millisecond fields (createdAt) read better as a real instant
    else:
        value = 1 if integer else 1.0
    if isinstance(high, int | float) and value > high:
        value = high
    multiple = schema.get("multipleOf")
    if isinstance(multiple, int | float) and multiple > 0:
        value = multiple * max(1, round(value / multiple))
    return int(value) if integer else float(value)
