"""Identifiers from any spelling: words, snake_case, PascalCase and UPPER_CASE names, guarded
against keywords and reserved names, made unique within their scope."""

from __future__ import annotations

import functools
import keyword
import re
import unicodedata

from generator.naming.reserved import MODEL_CLASS_RESERVED, MODEL_FIELD_RESERVED

_WORD_SPLIT = re.compile(r"[^0-9a-zA-Z]+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def words(name: str) -> list[str]:
    """Split any spelling (camelCase, kebab-case, `$filter`, `meta/root`, `3MX`) into words."""
    return list(_words(name))


@functools.lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    # Large specs ask for the same names thousands of times (GitHub: ~100,000 calls).
    pieces: list[str] = []
    for chunk in _WORD_SPLIT.split(_ascii(name)):
        pieces.extend(p for p in _CAMEL_BOUNDARY.split(chunk) if p)
    return tuple(pieces)


def _guard(name: str, fallback: str, reserved: frozenset[str] = frozenset()) -> str:
    if not name:
        name = fallback
    if name[0].isdigit():
        is_class_name = fallback[:1].isupper() and not fallback.isupper()
        name = f"{fallback}{name}" if is_class_name else f"{fallback}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        name += "_"
    return name


# Cached: big specs ask for the same few thousand names tens of thousands of times (GitHub's
# IR build: ~100,000 calls, 0.45 s uncached).
@functools.lru_cache(maxsize=65536)
def snake(name: str, *, fallback: str = "value", reserved: frozenset[str] = frozenset()) -> str:
    """A snake_case identifier: `continuationToken` → `continuation_token`, `$top` → `top`."""
    return _guard("_".join(w.lower() for w in words(name)), fallback, reserved)


@functools.lru_cache(maxsize=65536)
def pascal(name: str, *, fallback: str = "Model") -> str:
    """A PascalCase class name: `job-response` → `JobResponse`, `3MX` → `Model3MX`."""
    joined = "".join(w[:1].upper() + w[1:] for w in words(name))
    return _guard(joined, fallback)


def class_name(name: str) -> str:
    """A model class name that no import of `models.py` or `_client.py` shadows."""
    candidate = pascal(name)
    if candidate.endswith("_"):  # a keyword (`True_`): the model generator would rename it
        return candidate[:-1] + "Model"
    return candidate + "Model" if candidate in MODEL_CLASS_RESERVED else candidate


@functools.lru_cache(maxsize=65536)
def constant(name: str, *, fallback: str = "VALUE") -> str:
    """An UPPER_CASE constant or enum member name."""
    return _guard("_".join(w.upper() for w in words(name)), fallback)


def field_name(wire_name: str, taken: set[str]) -> str:
    """The Python name of a model field: snake_case, never pydantic's own attributes (nor a
    `model_` prefix, pydantic's namespace), unique in its class; records the choice."""
    name = snake(wire_name, fallback="field", reserved=MODEL_FIELD_RESERVED)
    if name.startswith("model_") or wire_name.startswith("_"):
        # pydantic owns `model_*` and treats `_x` as private: `_links` → `field_links`
        name = "field_" + name
    return unique(name, taken)


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


def is_identifier(name: str) -> bool:
    """A valid Python identifier that is no keyword (soft keywords included)."""
    return (
        name.isidentifier()
        and name.isascii()
        and not keyword.iskeyword(name)
        and not keyword.issoftkeyword(name)
    )
