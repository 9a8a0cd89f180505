"""Keywords the hoister copies only when the models can honour them: enum values that fit the
declared type (deduplicated as JSON, not as Python, compares them), and patterns that both
pydantic and Python's `re` compile. What is dropped or rewritten gets a warning.

Split from the hoister (`schemas`): these look at one keyword's value, never at other classes.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import pydantic_core

from generator.ir.context import BuildContext
from generator.load import Document
from generator.openapi import SCALAR_CHECKS


def kept_enum(
    ctx: BuildContext, values: Any, declared: Any, document: Document, pointer: str
) -> list[Any] | None:
    """Enum values that fit the declared type (the models generator trusts both)."""
    if not isinstance(values, list) or not values:
        ctx.warn("enum-invalid", "enum is not a non-empty list; ignored", pointer, document)
        return None
    if all(type(v) is str for v in values):  # the common case: strings dedupe as they are
        kept = list(dict.fromkeys(values))
    else:  # 1 and True are equal in Python, not in JSON: compare JSON texts
        kept = [json.loads(v) for v in dict.fromkeys(json_key(v) for v in values)]
    if not isinstance(declared, str):
        return kept
    fits = SCALAR_CHECKS.get(declared)
    if fits is None or all(v is None or fits(v) for v in kept):
        return kept
    if declared == "string" and all(not isinstance(v, dict | list) for v in kept):
        ctx.warn(
            "enum-type-mismatch",
            "enum values of a string schema are not all strings; written as strings",
            pointer,
            document,
        )
        return list(dict.fromkeys(v if v is None else _as_text(v) for v in kept))
    ctx.warn(
        "enum-type-mismatch",
        f"enum values do not match type {declared!r}; enum ignored",
        pointer,
        document,
    )
    return None


def enforced_pattern(ctx: BuildContext, value: str, document: Document, pointer: str) -> str | None:
    """The pattern when the models can enforce it, else None (dropped, with a warning)."""
    problem = _pattern_problem(value)
    if problem is None:
        return value
    ctx.warn(
        "pattern-unsupported",
        f"pattern {value!r} is not enforced by the models: {problem}",
        pointer,
        document,
    )
    return None


@functools.lru_cache(maxsize=4096)
def _pattern_problem(pattern: str) -> str | None:
    """Why pydantic (Rust regex, Python `re` as a fallback) cannot compile `pattern`, if so.

    pydantic compiles patterns when a model class is created, so a pattern it refuses would
    make the generated models fail at import time.
    """
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"not a Python regex ({exc})"
    try:
        pydantic_core.SchemaValidator(pydantic_core.core_schema.str_schema(pattern=pattern))
    except pydantic_core.SchemaError as exc:
        return str(exc).splitlines()[-1].strip()[:200]
    return None


def json_key(value: Any) -> str:
    """A canonical JSON text of a value: equal values (and only they) give equal keys."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _as_text(value: Any) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)
