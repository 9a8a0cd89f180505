"""A string that matches a regular expression: made from the pattern's parse tree.

Vendor specs constrain ids with patterns (Twilio's `^AC[0-9a-fA-F]{32}$`, `^[a-z]{2}-[A-Z]{2}$`),
and a made-up value that misses the pattern gets every call refused. Python's own regex
parser reads the pattern; each construct contributes its simplest match (a literal, the first
member of a class, a repeat's minimum count, the first alternative). Lookarounds are skipped
and the result is checked against the pattern at the end, so a pattern this cannot satisfy
yields None, never a wrong value.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+: the regex parser behind `re` (not a public module)
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: patterns are not synthesized
    _sre = None

_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "0",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": "-",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
}
# The regex of each category, to test whether a character belongs to it.
_CATEGORY_CLASSES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
}
_NEGATED_SAMPLES = "a0_-xZ9 ."
_GROWTH = (0, 1, 4, 16, 64)  # extra repetitions tried, to reach a minLength
_MAX_TEXT = 4096


class _Unsupported(Exception):
    pass


def example_for(pattern: str, min_length: int = 0, max_length: int | None = None) -> str | None:
    """A string `re.search(pattern, ...)` accepts, within the lengths; None when none is
    found this way."""
    if _sre is None:
        return None
    try:
        parsed = _sre.parse(pattern)
        compiled = re.compile(pattern)
    except (re.error, OverflowError, RecursionError, ValueError):
        return None
    for extra in _GROWTH:
        try:
            text = _Emitter(extra).emit(parsed)
        except (_Unsupported, RecursionError):
            return None
        if len(text) > _MAX_TEXT:
            return None
        if max_length is not None and len(text) > max_length:
            return None
        if len(text) >= min_length and compiled.search(text):
            return text
    return None


class _Emitter:
    def __init__(self, extra: int) -> None:
        self.extra = extra
        self.groups: dict[int, str] = {}

    def emit(self, items: Any) -> str:
        return "".join(self._one(op, value) for op, value in items)

    def _one(self, op: Any, value: Any) -> str:
        name = str(op)
        if name == "LITERAL":
            return chr(value)
        if name == "NOT_LITERAL":
            return "a" if value != ord("a") else "b"
        if name == "ANY":
            return "a"
        if name == "IN":
            return self._member(value)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, inner = value
            count = low if high == low else min(high, low + self.extra)
            return "".join(self.emit(inner) for _ in range(count))
        if name == "SUBPATTERN":
            group, _, _, inner = value
            text = self.emit(inner)
            if group is not None:
                self.groups[group] = text
            return text
        if name == "ATOMIC_GROUP":
            return self.emit(value)
        if name == "BRANCH":
            return self.emit(value[1][0])
        if name == "GROUPREF":
            return self.groups.get(value, "")
        if name == "CATEGORY":
            return _CATEGORY_SAMPLES.get(str(value), "a")
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return ""  # anchors and lookarounds add no text; the final check decides
        raise _Unsupported(name)

    def _member(self, members: Any) -> str:
        if members and str(members[0][0]) == "NEGATE":
            excluded = _Set(members[1:])
            for sample in _NEGATED_SAMPLES:
                if not excluded.has(sample):
                    return sample
            raise _Unsupported("negated class")
        op, value = members[0]
        name = str(op)
        if name == "LITERAL":
            return chr(value)
        if name == "RANGE":
            return chr(value[0])
        if name == "CATEGORY":
            return _CATEGORY_SAMPLES.get(str(value), "a")
        raise _Unsupported(name)


class _Set:
    """The members of a character class, to pick a character outside it."""

    def __init__(self, members: Any) -> None:
        self.members = members

    def has(self, char: str) -> bool:
        code = ord(char)
        for op, value in self.members:
            name = str(op)
            if name == "LITERAL" and value == code:
                return True
            if name == "RANGE" and value[0] <= code <= value[1]:
                return True
            if name == "CATEGORY":
                sample_class = _CATEGORY_CLASSES.get(str(value))
                if sample_class and re.fullmatch(sample_class, char):
                    return True
        return False


__all__ = ["example_for"]
