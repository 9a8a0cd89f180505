"""Values to try at one place: read from the two schemas that describe it, nearest the
change first.

Nothing here decides anything: a probe is only a candidate. The caller keeps the first one the
accepting side's validator passes and the refusing side's validator turns away. Probes come
from what the change itself names (the removed enum value, the old bound), then from the
keywords of both schemas (each bound and its neighbours, lengths, formats, patterns, each
`oneOf` alternative, each discriminator value), then from one value of every JSON type.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping
from typing import Any

from generator.values.regex_example import example_for
from generator.values.schema import Schemas
from generator.witness.build import ABSENT, full, minimal

_FORMAT_SAMPLES = {
    "date": "2024-06-10",
    "date-time": "2024-06-10T06:13:20Z",
    "time": "06:13:20Z",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "user@example.com",
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "AA==",
    "int32": 2_147_483_647,
    "int64": 9_007_199_254_740_993,
}
# One value of every JSON type, and text no format accepts.
_TYPE_SAMPLES: tuple[Any, ...] = (
    "specgen-witness",
    "not a date: specgen",
    "",
    0,
    1,
    -1,
    1.5,
    2_147_483_648,
    2**63,  # beyond int64
    True,
    None,
    [],
    {},
)
_MAX_TEXT = 4096


def hinted(details: Mapping[str, str]) -> Iterator[Any]:
    """The values a change names: the enum value it removed (as JSON, then as text), and its
    old and new values when they are JSON values (a bound, a length; not a type's name)."""
    for key in ("value", "old", "new"):
        text = details.get(key)
        if text is None:
            continue
        try:
            yield json.loads(text)
        except ValueError:
            if key == "value":
                yield text


def probes(
    accepts: Schemas,
    accepting: list[Any],
    refuses: Schemas,
    refusing: list[Any],
    details: Mapping[str, str],
    current: Any,
) -> Iterator[Any]:
    """Candidate values at one place, `ABSENT` among them (the place left out)."""
    yield from hinted(details)
    yield ABSENT
    for schemas, options in ((accepts, accepting), (refuses, refusing)):
        for schema in options:
            yield from _from_schema(schemas, schema, current, 0)
    yield from _TYPE_SAMPLES
    yield from _FORMAT_SAMPLES.values()


def _from_schema(schemas: Schemas, schema: Any, current: Any, depth: int) -> Iterator[Any]:
    resolved = schemas.resolve(schema)
    if depth > 3:
        return
    for option in schemas.enum(resolved):
        yield option
    if "const" in resolved:
        yield resolved["const"]
    for key in ("default", "example"):
        if key in resolved:
            yield resolved[key]
    yield from resolved.get("examples") or ()
    yield minimal(schemas, schema)
    yield full(schemas, schema)
    fmt = schemas.format(resolved)
    if fmt in _FORMAT_SAMPLES:
        yield _FORMAT_SAMPLES[fmt]
    yield from _numbers(resolved)
    yield from _texts(resolved)
    yield from _lists(schemas, resolved, current)
    yield from _objects(schemas, resolved, current)
    for key in ("oneOf", "anyOf", "allOf"):
        for option in resolved.get(key) or ():
            yield from _from_schema(schemas, option, current, depth + 1)
    discriminator = resolved.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
        yield from _discriminated(schemas, resolved, discriminator)
    if isinstance(resolved.get("not"), dict):
        yield from _from_schema(schemas, resolved["not"], current, depth + 1)


def _numbers(schema: dict[str, Any]) -> Iterator[Any]:
    integer = schema.get("type") == "integer" or (
        isinstance(schema.get("type"), list) and "integer" in schema["type"]
    )
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"):
        bound = schema.get(key)
        if isinstance(bound, bool) or not isinstance(bound, int | float):
            continue
        steps = (0, -1, 1, 2) if integer or isinstance(bound, int) else (0, -0.5, 0.5)
        for step in steps:
            yield bound + step
        if key == "multipleOf":
            yield bound * 3 + (1 if integer else bound / 2)


def _texts(schema: dict[str, Any]) -> Iterator[Any]:
    low, high = schema.get("minLength"), schema.get("maxLength")
    for size in (low, high):
        if isinstance(size, bool) or not isinstance(size, int) or size > _MAX_TEXT:
            continue
        for length in (size - 1, size, size + 1):
            if length >= 0:
                yield "a" * length
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        made = example_for(pattern, low if isinstance(low, int) else 0, high)
        if made is not None:
            yield made


def _lists(schemas: Schemas, schema: dict[str, Any], current: Any) -> Iterator[Any]:
    items = schema.get("items")
    item = (
        current[0]
        if isinstance(current, list) and current
        else minimal(schemas, items)
        if isinstance(items, dict)
        else None
    )
    if item is None:
        return
    yield [item, item]  # repeats (uniqueItems)
    for key in ("minItems", "maxItems", "minContains", "maxContains"):
        size = schema.get(key)
        if isinstance(size, bool) or not isinstance(size, int) or size > 256:
            continue
        for length in (size - 1, size, size + 1):
            if length >= 0:
                yield [item for _ in range(length)]
    if isinstance(items, dict):
        for value in _from_schema(schemas, items, item, 3):
            yield [value]


def _objects(schemas: Schemas, schema: dict[str, Any], current: Any) -> Iterator[Any]:
    base = current if isinstance(current, dict) else minimal(schemas, schema)
    if not isinstance(base, dict):
        return
    yield {**base, "specgenExtra": "specgen-witness"}  # an undeclared property
    for name in list(base):
        yield {key: value for key, value in base.items() if key != name}  # one left out
        yield {**base, name: None}
    properties = schemas.properties(schema)
    for name, sub in list(properties.items())[:12]:
        if name not in base:
            made = full(schemas, sub)
            if made is not None:
                yield {**base, name: made}
    for size in (schema.get("maxProperties"), schema.get("minProperties")):
        if isinstance(size, int) and not isinstance(size, bool) and size < 64:
            extra = {f"specgen{index}": "x" for index in range(size + 1)}
            yield {**base, **extra}
            yield dict(list(base.items())[: max(size - 1, 0)])


def _discriminated(
    schemas: Schemas, schema: dict[str, Any], discriminator: dict[str, Any]
) -> Iterator[Any]:
    """Each alternative with each discriminator value written into it."""
    name = str(discriminator["propertyName"])
    mapping = discriminator.get("mapping")
    values = list(mapping) if isinstance(mapping, dict) else []
    options = [*(schema.get("oneOf") or ()), *(schema.get("anyOf") or ())]
    for option in options:
        if isinstance(option, dict) and isinstance(option.get("$ref"), str):
            values.append(option["$ref"].rsplit("/", 1)[-1])
    rng = random.Random(0)
    for option in options or [schema]:
        made = full(schemas, option, rng)
        if not isinstance(made, dict):
            continue
        for value in values:
            yield {**made, name: value}
