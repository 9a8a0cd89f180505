"""Facts of the OpenAPI format that every reader of a raw spec shares (a leaf module)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_PREFIX = "#/components/schemas/"
COMPOSITIONS = ("oneOf", "anyOf", "allOf")

# Whether a parsed value is of a JSON scalar type.
SCALAR_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}


# What a value of each JSON type is (a default is checked against all six; enum values only
# against the scalar ones).
VALUE_CHECKS: dict[str, Callable[[Any], bool]] = {
    **SCALAR_CHECKS,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def escape(token: str) -> str:
    """One JSON-pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")
