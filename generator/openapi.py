"""Facts of the OpenAPI format that every reader of a raw spec shares (a leaf module)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


# Keywords that describe a value without constraining its shape: an `allOf` member made only
# of these annotates the other member instead of adding to it.
ANNOTATIONS = frozenset(
    {"nullable", "description", "title", "default", "example", "examples", "deprecated",
     "readOnly", "writeOnly", "summary", "externalDocs"}
)  # fmt: skip


def only_annotates(keys: Iterable[str]) -> bool:
    """Whether a schema with these keywords only annotates (extensions included)."""
    return all(k in ANNOTATIONS or k.startswith("x-") for k in keys)


def escape(token: str) -> str:
    """One JSON-pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")
