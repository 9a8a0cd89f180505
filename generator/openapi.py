"""Facts of the OpenAPI format that every reader of a raw spec shares (a leaf module)."""

from __future__ import annotations

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_PREFIX = "#/components/schemas/"
COMPOSITIONS = ("oneOf", "anyOf", "allOf")


def escape(token: str) -> str:
    """One JSON-pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")
