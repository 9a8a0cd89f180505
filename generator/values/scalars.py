"""Strings and numbers made up for one schema: names-aware (an `email` gets an address, a
`created_at` a real instant), fitted to formats, lengths, patterns and bounds.

Used by the synthesizer (`synth.py`) for every leaf it cannot take from the spec itself.
"""

from __future__ import annotations

import random
import re
import uuid
from typing import Any

from generator.values.regex_example import example_for
from generator.values.schema import Schemas

EPOCH_MS = 1_718_000_000_000  # a fixed instant (June 2024) so synthesized times are stable

# Format → a value of that format (names decide first for the ones below that have no format).
_FORMATS = {
    "date-time": "2024-06-10T06:13:20Z",
    "date": "2024-06-10",
    "time": "06:13:20Z",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "iri": "https://example.com/resource",
    "uri-reference": "/resource",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "AA==",
    "duration": "PT1H",
    "binary": "",
}


def random_id(rng: random.Random) -> str:
    """A GUID drawn from `rng` (so seeded runs repeat)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def string(schemas: Schemas, schema: dict[str, Any], rng: random.Random, name: str) -> str:
    fmt = schemas.format(schema)
    lowered = name.lower()
    if fmt == "date-time" or lowered.endswith("datetime"):
        candidate = _FORMATS["date-time"]
    elif fmt == "uuid" or (not fmt and (lowered == "id" or lowered.endswith("id"))):
        candidate = random_id(rng)
    elif fmt in _FORMATS:
        candidate = _FORMATS[fmt]
    elif "email" in lowered:
        candidate = _FORMATS["email"]
    elif lowered in ("href", "url", "uri") or lowered.endswith("_url"):
        candidate = _FORMATS["uri"]
    else:
        candidate = f"{name or 'value'}"
    return fit_string(candidate, schema)


def fit_string(candidate: str, schema: dict[str, Any]) -> str:
    """`candidate`, or the first simple string, made to fit the lengths and pattern."""
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
        if pattern is None or _matches(pattern, text):
            return text
    return candidate


def _matches(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:  # a pattern Python cannot read (ECMA-only syntax): the validator decides
        return True


def _pattern_guesses(pattern: str) -> list[str]:
    """Strings for a few pattern shapes: a literal prefix followed by `.+` / `.*`."""
    prefix = re.match(r"\^([A-Za-z0-9:_\-/]*)", pattern)
    if prefix:
        return [prefix.group(1) + "value", prefix.group(1) + "1"]
    return []


def number(schema: dict[str, Any], *, integer: bool, name: str) -> float:
    lowered = name.lower()
    low = schema.get("minimum")
    high = schema.get("maximum")
    exclusive_low = schema.get("exclusiveMinimum")
    if isinstance(exclusive_low, int | float) and not isinstance(exclusive_low, bool):
        low = exclusive_low + (1 if integer else 0.5)
    elif exclusive_low is True and isinstance(low, int | float):
        low = low + (1 if integer else 0.5)
    if isinstance(low, int | float):
        value: float = low
    elif lowered.endswith("at") or lowered.endswith("time"):
        value = EPOCH_MS  # epoch-millisecond fields (createdAt) read better as a real instant
    else:
        value = 1 if integer else 1.0
    if isinstance(high, int | float) and value > high:
        value = high
    exclusive_high = schema.get("exclusiveMaximum")
    if isinstance(exclusive_high, int | float) and not isinstance(exclusive_high, bool):
        if value >= exclusive_high:
            value = exclusive_high - (1 if integer else 0.5)
    multiple = schema.get("multipleOf")
    if isinstance(multiple, int | float) and multiple > 0:
        value = multiple * max(1, round(value / multiple))
    return int(value) if integer else float(value)
