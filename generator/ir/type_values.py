"""JSON Schema keywords and JSON values as parts of IR types: literals, enum members, the
constraints of a scalar or list, and whether a default fits a type.

Pure functions of their arguments, split from the class builder (`classes`, `type_reader`),
which decides *which* schema a type comes from; these decide what its keywords say.
"""

from __future__ import annotations

from typing import Any

from generator import naming
from generator.ir.types import (
    ANY_TYPE,
    NO_CONSTRAINTS,
    AnyType,
    Constraints,
    EnumMember,
    ListOf,
    LiteralOf,
    Nullable,
    NullType,
    Primitive,
    PrimitiveKind,
    Scalar,
    TypeExpr,
    UnionOf,
    nullable,
)
from generator.openapi import SCALAR_CHECKS, only_annotates

SCALAR_TYPES: dict[str, PrimitiveKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}
# JSON Schema keyword → Constraints field, per kind of value.
STRING_KEYWORDS = {"minLength": "min_length", "maxLength": "max_length", "pattern": "pattern"}
NUMBER_KEYWORDS = {
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "exclusive_minimum",
    "exclusiveMaximum": "exclusive_maximum",
    "multipleOf": "multiple_of",
}
ARRAY_KEYWORDS = {"minItems": "min_items", "maxItems": "max_items"}


def literal(values: list[Any]) -> TypeExpr:
    """The type of a `const` or of an enum that is no enum class (integers, mixed values)."""
    scalars = [v for v in values if isinstance(v, str | int | float | bool) or v is None]
    if len(scalars) != len(values):
        return ANY_TYPE
    kept = tuple(dict.fromkeys((type(v).__name__, v) for v in scalars if v is not None))
    found: TypeExpr = LiteralOf(tuple(v for _, v in kept)) if kept else NullType()
    return nullable(found) if None in scalars and kept else found


def enum_members(values: list[Any]) -> tuple[EnumMember, ...]:
    """The members of a string enum class, each named once (`naming.constant`)."""
    taken: set[str] = set()
    return tuple(
        EnumMember(naming.unique(naming.constant(v, fallback="FIELD"), taken), v)
        for v in dict.fromkeys(v for v in values if isinstance(v, str))
    )


def excluded(negated: Any) -> tuple[Scalar, ...]:
    """The scalars a `not` rules out when it is a plain `{enum: [...]}` or `{const: ...}`
    (the form real specs use); any other `not` is left to the spec (no model can say it)."""
    if not isinstance(negated, dict) or not only_annotates(
        set(negated) - {"enum", "const", "type"}
    ):
        return ()
    if "const" in negated and "enum" not in negated:
        values = [negated["const"]]
    elif isinstance(negated.get("enum"), list) and "const" not in negated:
        values = negated["enum"]
    else:
        return ()
    scalars = tuple(v for v in values if isinstance(v, str | int | float | bool) or v is None)
    return scalars if len(scalars) == len(values) else ()


def constraints(schema: dict[str, Any], keywords: dict[str, str]) -> Constraints:
    """The `keywords` (one of the tables above) `schema` sets, as `Constraints`."""
    found: dict[str, Any] = {}
    for keyword, name in keywords.items():
        value = schema.get(keyword)
        if name == "pattern":
            if isinstance(value, str):
                found[name] = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found[name] = value
    return Constraints(**found) if found else NO_CONSTRAINTS


def fits(expr: TypeExpr, value: Any) -> bool:
    """Whether `value` is of type `expr` as every language would write it (a string is no
    datetime, UUID or bytes; a discriminated union or a map takes no literal)."""
    if isinstance(expr, AnyType):
        return True
    if isinstance(expr, Nullable):
        return value is None or fits(expr.inner, value)
    if isinstance(expr, Primitive):
        if expr.kind == "string" and expr.format not in (None, "byte", "password", "email"):
            return False
        return SCALAR_CHECKS[expr.kind](value)
    if isinstance(expr, LiteralOf):
        return value in expr.values
    if isinstance(expr, ListOf):
        return isinstance(value, list) and all(fits(expr.item, v) for v in value)
    if isinstance(expr, UnionOf):
        return expr.discriminator is None and any(fits(o, value) for o in expr.options)
    return False


def default_is_plain(value: Any) -> bool:
    """Scalars and lists of scalars: defaults every language writes as a literal."""
    if isinstance(value, list):
        return all(not isinstance(v, dict | list) for v in value)
    return not isinstance(value, dict)
