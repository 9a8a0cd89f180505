"""Values a schema refuses, each one edit away from a value it accepts.

`refusals(schemas, schema, valid)` walks a valid value beside its schema and, at every place,
offers the edits a server must turn away: a wrong type, a null where none is allowed, a value
outside the enum, past a bound or a length, a string the pattern or format does not match, a
required property removed, a property the schema forbids added. Every candidate is judged by
the one validator (`Schemas.is_valid`): only values it refuses are yielded, so a refusal is
never a guess. Each carries the reason and the place (the path into the value), which a caller
maps to the spec (`verify` names the schema that was violated).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.values.schema import Schemas

Place = tuple[str | int, ...]  # property names and array indexes, from the root of the value
_MAX_DEPTH = 8
_MAX_TEXT = 4096

# A value of another JSON type for each type; chosen so that lax servers do not coerce them
# into the declared type (pydantic takes "12" for an integer, but never "not-a-number").
_OTHER_TYPE: dict[str, Any] = {
    "string": 12345,
    "integer": "not-a-number",
    "number": "not-a-number",
    "boolean": "not-a-boolean",
    "array": "not-an-array",
    "object": ["not", "an", "object"],
}
_FORMAT_MISS: dict[str, str] = {
    "date-time": "not-a-date-time",
    "date": "not-a-date",
    "time": "not-a-time",
    "uuid": "not-a-uuid",
    "email": "not-an-email",
    "uri": "not a uri",
    "ipv4": "not-an-ipv4",
    "ipv6": "not-an-ipv6",
}
_PATTERN_MISSES = ("", " ", "!", "specgen: pattern miss ~", "0", "a" * 300)


@dataclass(frozen=True)
class Refusal:
    """One refused value: the whole value with one place edited."""

    value: Any
    kind: str  # wrong-type | null | enum | bound | length | items | pattern | format | required | additional
    reason: str  # for a person: "`state`: 'specgen-not-in-enum' is not one of the enum values"
    place: Place  # where the edit is, in the value (the object holding it, for `required`)

    @property
    def pointer(self) -> str:
        """The place as a JSON pointer into the value ("" for the root)."""
        return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in self.place)


def refusals(
    schemas: Schemas, schema: Any, valid: Any, *, read_only: bool = False
) -> Iterator[Refusal]:
    """Every refusal of `schema` one edit away from `valid` (itself valid), shallow places
    first at each level; `readOnly` properties are skipped unless `read_only` (a server
    ignores them in a request)."""
    seen: set[str] = set()
    for place, kind, reason, replacement in _edits(schemas, schema, valid, (), read_only, 0):
        candidate = _replaced(valid, place, replacement)
        key = repr((kind, place, candidate))
        if key in seen or schemas.is_valid(candidate, schema):
            continue
        seen.add(key)
        where = "/".join(str(p) for p in place) or "(root)"
        yield Refusal(candidate, kind, f"`{where}`: {reason}", place)


_REMOVE: Any = object()  # the replacement that deletes the place


def _edits(
    schemas: Schemas, schema: Any, value: Any, place: Place, read_only: bool, depth: int
) -> Iterator[tuple[Place, str, str, Any]]:
    if depth > _MAX_DEPTH:
        return
    resolved = schemas.resolve(schema)
    yield from _leaf_edits(schemas, resolved, value, place)
    if isinstance(value, dict):
        properties = schemas.properties(resolved)
        for name in schemas.required(resolved):
            if name in value:
                yield (place + (name,), "required", f"required property {name!r} left out",
                       _REMOVE)  # fmt: skip
        if _closed(schemas, resolved):
            extra = "specgenUnexpected"
            yield (place + (extra,), "additional",
                   f"property {extra!r} added where no other property is allowed", 1)  # fmt: skip
        for name, item in value.items():
            sub = properties.get(name)
            if sub is None or (schemas.resolve(sub).get("readOnly") is True and not read_only):
                continue
            yield from _edits(schemas, sub, item, place + (name,), read_only, depth + 1)
    elif isinstance(value, list) and value:
        items = resolved.get("items")
        if isinstance(items, dict):
            yield from _edits(schemas, items, value[0], place + (0,), read_only, depth + 1)


def _leaf_edits(
    schemas: Schemas, schema: dict[str, Any], value: Any, place: Place
) -> Iterator[tuple[Place, str, str, Any]]:
    kind = schemas.primitive_type(schema)
    if kind in _OTHER_TYPE:
        other = _OTHER_TYPE[kind]
        yield place, "wrong-type", f"{other!r} where the schema says {kind}", other
    if value is not None and not schemas.is_nullable(schema):
        yield place, "null", "null where the schema does not allow null", None
    enum = schemas.enum(schema)
    if enum:
        outside = _outside(enum)
        yield place, "enum", f"{outside!r} is not one of the enum values", outside
    yield from _bound_edits(schema, value, place)
    if isinstance(value, str):
        yield from _text_edits(schemas, schema, value, place)
    if isinstance(value, list):
        low, high = _count(schema.get("minItems")), _count(schema.get("maxItems"))
        if low is not None and low > 0 and value:
            yield place, "items", f"{low - 1} items where minItems is {low}", value[: low - 1]
        if high is not None and high < 1000 and value:
            more = value + [value[0]] * (high + 1 - len(value))
            yield place, "items", f"{high + 1} items where maxItems is {high}", more


def _bound_edits(
    schema: dict[str, Any], value: Any, place: Place
) -> Iterator[tuple[Place, str, str, Any]]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return
    step: int | float = 1 if isinstance(value, int) else 0.5
    for key, exclusive, direction in (("minimum", "exclusiveMinimum", -1),
                                      ("maximum", "exclusiveMaximum", 1)):  # fmt: skip
        bound: Any = schema.get(key)
        shut = schema.get(exclusive) is True
        if _number(schema.get(exclusive)):  # 3.1: the exclusive bound is the number
            bound, shut = schema[exclusive], True
        if not _number(bound):
            continue
        past = bound if shut else bound + direction * step
        word = "past the exclusive" if shut else "past the"
        yield place, "bound", f"{past!r}, {word} {key} {bound!r}", past


def _text_edits(
    schemas: Schemas, schema: dict[str, Any], value: str, place: Place
) -> Iterator[tuple[Place, str, str, Any]]:
    low, high = _count(schema.get("minLength")), _count(schema.get("maxLength"))
    if low is not None and 0 < low <= _MAX_TEXT:
        yield place, "length", f"{low - 1} characters where minLength is {low}", "a" * (low - 1)
    if high is not None and high < _MAX_TEXT:
        yield place, "length", f"{high + 1} characters where maxLength is {high}", "a" * (high + 1)
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        for miss in _PATTERN_MISSES:
            if not schemas.is_valid(miss, {"pattern": pattern, "type": "string"}):
                yield place, "pattern", f"{miss!r} does not match the pattern {pattern!r}", miss
                break
    fmt = schemas.format(schema)
    if fmt in _FORMAT_MISS:
        miss = _FORMAT_MISS[fmt]
        yield place, "format", f"{miss!r} is not a valid {fmt}", miss


def _closed(schemas: Schemas, schema: dict[str, Any]) -> bool:
    """Whether the object schema forbids properties it does not name."""
    return schema.get("additionalProperties") is False or (
        schema.get("unevaluatedProperties") is False
    )


def _outside(enum: tuple[Any, ...]) -> Any:
    numbers = [v for v in enum if _number(v)]
    if numbers and len(numbers) == len([v for v in enum if v is not None]):
        return max(numbers) + 1
    return "specgen-not-in-enum"


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _replaced(value: Any, place: Place, replacement: Any) -> Any:
    if not place:
        return value if replacement is _REMOVE else replacement
    result = copy.deepcopy(value)
    node = result
    for key in place[:-1]:
        node = node[key]
    if replacement is _REMOVE:
        del node[place[-1]]
    else:
        node[place[-1]] = replacement
    return result
