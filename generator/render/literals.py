"""The two escaping filters every template uses for text that comes from a spec.

A spec is input from outside: descriptions, defaults, enum values, paths and URLs must reach
generated code as inert literals, never as code. `py_literal` writes any JSON-like value as a
Python literal; `docstring` makes text safe inside a triple-quoted docstring.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

_RISKY_QUOTES = re.compile(r'"{3,}|"+$')
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ud800-\udfff]")


def py_literal(value: Any) -> str:
    """A Python expression that evaluates to `value` (JSON-like data only) and does nothing else."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return f'float("{value}")'
        return repr(value)
    if isinstance(value, str):
        # repr() escapes quotes, backslashes and control characters; surrogates need \\u.
        return repr(value).encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list | tuple):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{py_literal(str(k))}: {py_literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    return py_literal(str(value))


@lru_cache(maxsize=65536)
def _docstring(text: str) -> str:
    """Text safe between triple double quotes: no early close, no escapes, no stray controls."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body = "\n".join(line.rstrip() for line in lines).strip()
    body = body.replace("\\", "\\\\")
    body = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else " ", body)
    # Escape every quote of a run of three, and quotes that would touch the closing delimiter.
    return _RISKY_QUOTES.sub(lambda m: '\\"' * len(m.group()), body)


def docstring(text: Any) -> str:
    """Text safe between triple double quotes: no early close, no escapes, no stray controls."""
    return _docstring(str(text or ""))


def comment(text: Any) -> str:
    """One line of text for a `#` comment."""
    return " ".join(docstring(text).split())
