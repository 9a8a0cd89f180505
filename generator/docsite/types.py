"""Types as the reference site prints them: a run of text pieces, the model names linked.

A `TypeExpr` of the IR becomes a tuple of `Piece`s (`list[` `Job` `]`), so the templates print
and link them without knowing the IR's type classes; constraints become short phrases
(`1 ≤ length ≤ 64`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.ir.types import (
    AnyType,
    Constraints,
    ListOf,
    LiteralOf,
    MapOf,
    ModelRef,
    Nullable,
    NullType,
    Primitive,
    TypeExpr,
    UnionOf,
)


@dataclass(frozen=True)
class Piece:
    text: str
    model: str = ""  # the model the text names ("" for punctuation and primitives)


def pieces(expr: TypeExpr) -> tuple[Piece, ...]:
    if isinstance(expr, ModelRef):
        return (Piece(expr.name, expr.name),)
    if isinstance(expr, Primitive):
        return (Piece(f"{expr.kind}<{expr.format}>" if expr.format else expr.kind),)
    if isinstance(expr, ListOf):
        return (Piece("array["), *pieces(expr.item), Piece("]"))
    if isinstance(expr, MapOf):
        return (Piece("map[string, "), *pieces(expr.value), Piece("]"))
    if isinstance(expr, Nullable):
        return (*pieces(expr.inner), Piece(" | null"))
    if isinstance(expr, UnionOf):
        found: list[Piece] = []
        for index, option in enumerate(expr.options):
            if index:
                found.append(Piece(" | "))
            found += pieces(option)
        return tuple(found)
    if isinstance(expr, LiteralOf):
        return (Piece(" | ".join(json.dumps(v) for v in expr.values)),)
    if isinstance(expr, NullType):
        return (Piece("null"),)
    assert isinstance(expr, AnyType)
    return (Piece("any"),)


_PHRASES = {
    "pattern": "pattern {}",
    "multiple_of": "multiple of {}",
}


def constraint_phrases(expr: TypeExpr) -> tuple[str, ...]:
    """What a value of `expr` must meet beyond its type, in words."""
    while isinstance(expr, Nullable):
        expr = expr.inner
    if isinstance(expr, Primitive | ListOf):
        return _phrases(expr.constraints)
    return ()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _range(low: float | None, high: float | None, what: str, strict: tuple[bool, bool]) -> str:
    left = f"{_number(low)} {'<' if strict[0] else '≤'} " if low is not None else ""
    right = f" {'<' if strict[1] else '≤'} {_number(high)}" if high is not None else ""
    return f"{left}{what}{right}"


def _phrases(found: Constraints) -> tuple[str, ...]:
    phrases = []
    if found.min_length is not None or found.max_length is not None:
        phrases.append(_range(found.min_length, found.max_length, "length", (False, False)))
    if found.min_items is not None or found.max_items is not None:
        phrases.append(_range(found.min_items, found.max_items, "items", (False, False)))
    low = found.exclusive_minimum if found.exclusive_minimum is not None else found.minimum
    high = found.exclusive_maximum if found.exclusive_maximum is not None else found.maximum
    if low is not None or high is not None:
        strict = (found.exclusive_minimum is not None, found.exclusive_maximum is not None)
        phrases.append(_range(low, high, "value", strict))
    for key in ("pattern", "multiple_of"):
        value = getattr(found, key)
        if value is not None:
            phrases.append(_PHRASES[key].format(value))
    return tuple(phrases)
