"""The one authority for names that reach Python code.

Wire names (what goes over HTTP) are kept verbatim elsewhere; this module only decides the
Python side: identifiers that are valid, not reserved, and unique within their scope.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Iterable

_WORD_SPLIT = re.compile(r"[^0-9a-zA-Z]+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Names a generated client method reserves for its own keyword arguments.
CLIENT_RESERVED = frozenset(
    {"self", "body", "timeout", "extra_headers", "extra_query", "idempotent", "cls"}
)
# Names a generated model cannot use as a field without shadowing pydantic's API.
MODEL_RESERVED = frozenset(
    {"model_config", "model_fields", "model_computed_fields", "copy", "json"}
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def words(name: str) -> list[str]:
    """Split any spelling (camelCase, kebab-case, `$filter`, `meta/root`, `3MX`) into words."""
    pieces: list[str] = []
    for chunk in _WORD_SPLIT.split(_ascii(name)):
        pieces.extend(p for p in _CAMEL_BOUNDARY.split(chunk) if p)
    return pieces


def _guard(name: str, fallback: str, reserved: Iterable[str] = ()) -> str:
    if not name:
        name = fallback
    if name[0].isdigit():
        is_class_name = fallback[:1].isupper() and not fallback.isupper()
        name = f"{fallback}{name}" if is_class_name else f"{fallback}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        name += "_"
    return name


def snake(name: str, *, fallback: str = "value", reserved: Iterable[str] = ()) -> str:
    """A snake_case identifier: `continuationToken` → `continuation_token`, `$top` → `top`."""
    return _guard("_".join(w.lower() for w in words(name)), fallback, reserved)


def pascal(name: str, *, fallback: str = "Model") -> str:
    """A PascalCase class name: `job-response` → `JobResponse`, `3MX` → `Model3MX`."""
    joined = "".join(w[:1].upper() + w[1:] for w in words(name))
    return _guard(joined, fallback)


def constant(name: str, *, fallback: str = "VALUE") -> str:
    """An UPPER_CASE constant or enum member name."""
    return _guard("_".join(w.upper() for w in words(name)), fallback)


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name_2`, `name_3`… whichever is not yet taken; records the choice."""
    candidate, counter = name, 2
    while candidate in taken:
        separator = "" if name[:1].isupper() else "_"
        candidate = f"{name}{separator}{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def module_name(name: str) -> str:
    """A package/module name for a distribution name: `reality-modeling` → `reality_modeling`."""
    return snake(name, fallback="api")


def distribution_name(name: str) -> str:
    """A PEP 503 normalised distribution name."""
    return re.sub(r"[-_.]+", "-", "-".join(words(name)).lower()) or "api"
