"""Values to send in `--prove` calls: built from a spec's schemas, never made up by hand.

`full` fills every property a client may send (the mock's synthesizer fills only required
ones), and `variants` walks that value beside its schema, offering at each place the other
enum values and the values at the edge of each bound. A variant is only ever *used* after it
has been checked valid against the sending side's schema, so every call sends data the
sending client's spec allows.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Iterator
from typing import Any

from generator.values.schema import Schemas
from generator.values.synth import SynthesisError, synthesize

Path = tuple[str, ...]  # property names and "[]" for array items
_MAX_DEPTH = 8


def minimal(schemas: Schemas, schema: Any, rng: random.Random) -> Any:
    """The mock synthesizer's value (required properties only); None when none can be made."""
    try:
        return synthesize(schemas, schema, rng)
    except (SynthesisError, RecursionError):
        return None


def full(schemas: Schemas, schema: Any, rng: random.Random) -> Any:
    """A value with every writable property filled; the minimal one when that is not valid."""
    value = _full(schemas, schema, rng, 0)
    if value is not None and schemas.is_valid(value, schema):
        return value
    return minimal(schemas, schema, rng)


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


def variants(schemas: Schemas, schema: Any, value: Any) -> Iterator[tuple[Path, Any]]:
    """(place, whole value with that place changed) for each enum value and bound edge."""
    for path, replacement in _edits(schemas, schema, value, (), 0):
        yield path, _replaced(value, path, replacement)


def _edits(
    schemas: Schemas, schema: Any, value: Any, path: Path, depth: int
) -> Iterator[tuple[Path, Any]]:
    if depth > _MAX_DEPTH:
        return
    resolved = schemas.resolve(schema)
    for option in schemas.enum(resolved):
        if option != value:
            yield path, option
    yield from ((path, edge) for edge in _edges(resolved, value))
    if isinstance(value, dict):
        properties = schemas.properties(resolved)
        for name, item in value.items():
            if name in properties:
                yield from _edits(schemas, properties[name], item, (*path, name), depth + 1)
        for name, sub in properties.items():
            if name in value or schemas.resolve(sub).get("readOnly") is True:
                continue
            # A property the value left out: present it, with each of its enum values.
            options = schemas.enum(schemas.resolve(sub)) or (
                minimal(schemas, sub, random.Random(0)),
            )
            yield from (((*path, name), option) for option in options if option is not None)
    elif isinstance(value, list) and value and isinstance(resolved.get("items"), dict):
        yield from _edits(schemas, resolved["items"], value[0], (*path, "[]"), depth + 1)


def _edges(schema: dict[str, Any], value: Any) -> Iterator[Any]:
    """Values at the limits the schema sets: the ones a tightened bound turns away."""
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        integer = isinstance(value, int)
        for key, exclusive, step in (
            ("maximum", "exclusiveMaximum", -1),
            ("minimum", "exclusiveMinimum", 1),
        ):
            bound = schema.get(key)
            if isinstance(schema.get(exclusive), int | float) and not isinstance(
                schema.get(exclusive), bool
            ):
                bound, shut = schema[exclusive], True
            else:
                shut = schema.get(exclusive) is True
            if isinstance(bound, int | float) and not isinstance(bound, bool):
                edge = bound + step if shut and integer else bound
                yield int(edge) if integer else edge
    elif isinstance(value, str):
        for key in ("maxLength", "minLength"):
            size = schema.get(key)
            if isinstance(size, int) and not isinstance(size, bool) and 0 < size <= 4096:
                yield "a" * size
        yield "specgen prove: free text"  # no pattern or format: any text goes
    elif isinstance(value, list) and value:
        size = schema.get("maxItems")
        if isinstance(size, int) and not isinstance(size, bool) and 0 < size <= 64:
            yield [copy.deepcopy(value[0]) for _ in range(size)]


def _replaced(value: Any, path: Path, replacement: Any) -> Any:
    if not path:
        return copy.deepcopy(replacement)
    result = copy.deepcopy(value)
    target = result
    for token in path[:-1]:
        target = target[0] if token == "[]" else target[token]
    last = path[-1]
    if last == "[]":
        target[0] = copy.deepcopy(replacement)
    else:
        target[last] = copy.deepcopy(replacement)
    return result


_UNEXPECTED = re.compile(r"Additional properties are not allowed \((.*) (?:was|were) unexpected\)")


def repaired(schemas: Schemas, schema: Any, value: Any) -> Any:
    """An example with the properties its schema forbids taken out: a spec's example that
    still carries a field the revision dropped is otherwise the best data there is."""
    value = copy.deepcopy(value)
    for _ in range(16):
        changed = False
        for error in schemas.errors(value, schema):
            where, _, message = error.partition(": ")
            found = _UNEXPECTED.search(message)
            if found is None:
                continue
            target = value
            for token in [] if where == "(root)" else where.split("/"):
                target = target[int(token)] if isinstance(target, list) else target.get(token)
            for name in re.findall(r"'([^']*)'", found.group(1)):
                if isinstance(target, dict) and name in target:
                    del target[name]
                    changed = True
        if not changed:
            return value
    return value


def route(path: str) -> Path:
    """`.jobs[].state` → ("jobs", "[]", "state"), the form `variants` uses."""
    tokens: list[str] = []
    for part in path.lstrip(".").split("."):
        if not part:
            continue
        name = part
        while name.endswith("[]"):
            name = name[:-2]
        if name and not name.startswith(("oneOf[", "anyOf[", "(")):
            tokens.append(name)
        tokens.extend("[]" for _ in range((len(part) - len(name)) // 2))
    return tuple(tokens)
