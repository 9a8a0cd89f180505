"""Whole values around a witness: a believable value for a schema, and the same value with one
place changed (set, or taken out).

A witness is small (one property's value, one item, one missing key); what goes on the wire is
a whole request body or response body that carries it. `embed` puts the small value at its
place inside a whole value, building the containers on the way from the schema when the whole
value did not have them, so the changed piece is always on the wire.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from typing import Any, Final

from generator.values.schema import Schemas
from generator.values.synth import SynthesisError, synthesize

Route = tuple[str, ...]  # property names and "[]" for array items


class _Absent:
    """The value at a place is left out (a missing property, an empty answer header)."""

    def __repr__(self) -> str:
        return "(absent)"


ABSENT: Final = _Absent()
_MAX_DEPTH = 8


def minimal(schemas: Schemas, schema: Any, rng: random.Random | None = None) -> Any:
    """The synthesizer's value (required properties only); None when none can be made."""
    if rng is None:  # the seeded value: the same every time, so made once per schema
        return _remembered(schemas, "minimal", schema, lambda: _minimal(schemas, schema))
    return _minimal(schemas, schema, rng)


def _minimal(schemas: Schemas, schema: Any, rng: random.Random | None = None) -> Any:
    try:
        return synthesize(schemas, schema, rng or random.Random(0))
    except (SynthesisError, RecursionError):
        return None


def full(schemas: Schemas, schema: Any, rng: random.Random | None = None) -> Any:
    """A value with every writable property filled; the minimal one when that is not valid."""
    if rng is None:
        return _remembered(schemas, "full", schema, lambda: _filled(schemas, schema))
    return _filled(schemas, schema, rng)


def _filled(schemas: Schemas, schema: Any, rng: random.Random | None = None) -> Any:
    rng = rng or random.Random(0)
    value = _full(schemas, schema, rng, 0)
    if value is not None and schemas.is_valid(value, schema):
        return value
    return _minimal(schemas, schema, rng)


def _remembered(schemas: Schemas, kind: str, schema: Any, make: Callable[[], Any]) -> Any:
    """`make()` once per schema and kind for this API (kept on its `Schemas`, like its
    validators): a proof asks for the same schema's values thousands of times. A copy each
    time, since callers build on what they get."""
    memo: dict[tuple[str, str], Any] = schemas.__dict__.setdefault("_witness_values", {})
    key = (kind, json.dumps(schema, sort_keys=True, default=str))
    if key not in memo:
        memo[key] = make()
    return copy.deepcopy(memo[key])


def _full(schemas: Schemas, schema: Any, rng: random.Random, depth: int) -> Any:
    resolved = schemas.resolve(schema)
    if depth > _MAX_DEPTH or "const" in resolved or "enum" in resolved:
        return minimal(schemas, schema, rng)
    kind = schemas.primitive_type(resolved)
    properties = schemas.properties(resolved)
    if properties and kind in ("object", None):
        value: dict[str, Any] = {}
        for name, sub in properties.items():
            if schemas.resolve(sub).get("readOnly") is True:
                continue  # a client never sends these
            item = _full(schemas, sub, rng, depth + 1)
            if item is not None:
                value[name] = item
        return value
    if kind == "array" and isinstance(resolved.get("items"), dict):
        item = _full(schemas, resolved["items"], rng, depth + 1)
        return [] if item is None else [item]
    return minimal(schemas, schema, rng)


def subschemas(schemas: Schemas, schema: Any, route: Route) -> list[Any]:
    """Every schema that may describe the value at `route` (through `allOf`, `oneOf`,
    `anyOf`, items and additional properties); empty when the route leads nowhere."""
    found = [schema]
    for token in route:
        following: list[Any] = []
        for current in found:
            following.extend(_children(schemas, current, token, 0))
        found = following
        if not found:
            break
    return found


def _children(schemas: Schemas, schema: Any, token: str, depth: int) -> list[Any]:
    resolved = schemas.resolve(schema)
    if depth > _MAX_DEPTH:
        return []
    found: list[Any] = []
    if token == "[]":
        for key in ("items", "prefixItems", "additionalItems"):
            value = resolved.get(key)
            if isinstance(value, dict):
                found.append(value)
            elif isinstance(value, list):
                found.extend(part for part in value if isinstance(part, dict))
    else:
        own = schemas.properties(resolved)
        if token in own:
            found.append(own[token])
        elif isinstance(resolved.get("additionalProperties"), dict):
            found.append(resolved["additionalProperties"])
    for key in ("oneOf", "anyOf", "allOf"):
        for option in resolved.get(key) or ():
            if key == "allOf" and token != "[]" and token in schemas.properties(resolved):
                continue  # already merged by `properties`
            found.extend(_children(schemas, option, token, depth + 1))
    return found


def embed(schemas: Schemas, schema: Any, whole: Any, route: Route, value: Any) -> Any:
    """`whole` with `value` (or ABSENT) at `route`; the containers on the way are built from
    the schema when `whole` lacks them. None when the route cannot be built."""
    if not route:
        return None if value is ABSENT else copy.deepcopy(value)
    result = copy.deepcopy(whole)
    token, rest = route[0], route[1:]
    inner = subschemas(schemas, schema, (token,))
    inner_schema = inner[0] if inner else {}
    if token == "[]":
        if not isinstance(result, list):
            result = []
        if value is ABSENT and not rest:
            return []
        current = result[0] if result else _container(schemas, inner_schema, rest)
        placed = embed(schemas, inner_schema, current, rest, value)
        if placed is None and (rest or value is not None):
            return None
        return [placed, *result[1:]] if result else [placed]
    if not isinstance(result, dict):
        result = {}
    if not rest:
        if value is ABSENT:
            result.pop(token, None)
        else:
            result[token] = copy.deepcopy(value)
        return result
    current = result.get(token)
    if current is None:
        current = _container(schemas, inner_schema, rest)
    placed = embed(schemas, inner_schema, current, rest, value)
    if placed is None:
        return None
    result[token] = placed
    return result


def _container(schemas: Schemas, schema: Any, rest: Route) -> Any:
    made = minimal(schemas, schema)
    if made is None or not isinstance(made, list | dict):
        return [] if rest and rest[0] == "[]" else {}
    return made


def value_at(whole: Any, route: Route) -> Any:
    """The value at `route` in `whole` (the first item for "[]"); ABSENT when there is none."""
    current = whole
    for token in route:
        if token == "[]":
            if not isinstance(current, list) or not current:
                return ABSENT
            current = current[0]
        elif isinstance(current, dict) and token in current:
            current = current[token]
        else:
            return ABSENT
    return current
