"""The typed, language-neutral model IR: what a schema *is*, decided once for every language.

`TypeExpr` is a small sum type (a union of frozen dataclasses) describing a value; `ModelClass`
describes a named type the models declare (an object class, an enum, or a named alias of some
other type). Each target language has one printer that turns a `TypeExpr` into source
(`generator.printers.python`, `generator.printers.typescript`); nothing downstream parses
annotation text.

Names (`ModelClass.name`, `Field.python_name`, `EnumMember.name`) are decided by
`generator.naming` when the IR is built, never by a renderer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

JsonValue = Any  # a value parsed from JSON/YAML: None, bool, int, float, str, list, dict
Scalar = str | int | float | bool | None
PrimitiveKind = Literal["string", "integer", "number", "boolean"]


@dataclass(frozen=True)
class Constraints:
    """Validation keywords a field's value must meet (None: not constrained)."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    multiple_of: float | None = None
    min_items: int | None = None
    max_items: int | None = None

    def items(self) -> Iterator[tuple[str, Any]]:
        """The constraints that are set, as (keyword in snake_case, value)."""
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if value is not None:
                yield name, value

    def __bool__(self) -> bool:
        # Asked for every field the printers see: one tuple comparison, not a field walk.
        return self != NO_CONSTRAINTS


NO_CONSTRAINTS = Constraints()


@dataclass(frozen=True)
class Primitive:
    """A JSON scalar; `format` refines it where a language has a better type (`date-time` →
    `datetime`, `binary` → `bytes`, `int64` stays an integer)."""

    kind: PrimitiveKind
    format: str | None = None
    # length, pattern and range keywords; they belong to the value, wherever it appears
    # (a field, a list item, a map value).
    constraints: Constraints = NO_CONSTRAINTS
    # `not: {enum: [...]}` / `not: {const: ...}`: values the scalar may not take.
    excluded: tuple[Scalar, ...] = ()


@dataclass(frozen=True)
class NullType:
    """JSON `null` (only inside a union; a nullable type is `Nullable`)."""


@dataclass(frozen=True)
class AnyType:
    """Any JSON value: the schema says nothing, or nothing more precise can be expressed."""


@dataclass(frozen=True)
class ListOf:
    item: TypeExpr
    unique: bool = False  # `uniqueItems`: still a list on the wire and in the models
    constraints: Constraints = NO_CONSTRAINTS  # min_items / max_items


@dataclass(frozen=True)
class MapOf:
    """A JSON object used as a dictionary: string keys, values of one type."""

    value: TypeExpr


@dataclass(frozen=True)
class UnionOf:
    """One of several types (`oneOf` / `anyOf`, or a `type` list).

    `discriminator` names the property whose value picks the option; `mapping` maps each tag
    value to the option's model name (only when every option is a `ModelRef`)."""

    options: tuple[TypeExpr, ...]
    discriminator: str | None = None
    mapping: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Nullable:
    """`inner` or null."""

    inner: TypeExpr


@dataclass(frozen=True)
class LiteralOf:
    """One of a fixed set of JSON scalars (`const`, or an enum that is not a named enum
    class: integers, mixed values)."""

    values: tuple[Scalar, ...]


@dataclass(frozen=True)
class ModelRef:
    """A named type the models declare: the `ModelClass` of that name."""

    name: str


TypeExpr = (
    Primitive | NullType | AnyType | ListOf | MapOf | UnionOf | Nullable | LiteralOf | ModelRef
)

ANY_TYPE = AnyType()


@dataclass(frozen=True)
class Field:
    """One property of an object model."""

    wire_name: str
    python_name: str  # decided by naming.py: snake_case, unique, never a keyword
    type: TypeExpr  # nullability included (`Nullable`)
    required: bool
    description: str = ""
    # The value used when the property is absent: only when `has_default` (None is a value).
    has_default: bool = False
    default: JsonValue = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False


@dataclass(frozen=True)
class EnumMember:
    name: str  # an identifier, UPPER_SNAKE, unique in its enum
    value: str
    description: str = ""


ModelKind = Literal["object", "enum", "alias"]
ExtraPolicy = Literal["allow", "forbid"]


@dataclass(frozen=True)
class ModelClass:
    """A named type of the models.

    - `object`: a class with `fields`, inheriting from the models named in `bases` (an `allOf`
      of one object reference; every other composition is flattened into `fields`).
      `extra` says whether undeclared properties are kept (`allow`) or refused (`forbid`,
      from `additionalProperties: false`); `extra_type` types the kept ones when the schema
      says how (`additionalProperties: {schema}`).
    - `enum`: a string enum with `members` (open: values a newer server sends are kept).
    - `alias`: a name for another type (`root`), e.g. a named union, list or constrained string.
    """

    name: str
    kind: ModelKind
    pointer: str  # where it came from, for messages: "#/components/schemas/Job"
    description: str = ""
    fields: tuple[Field, ...] = ()
    bases: tuple[str, ...] = ()
    members: tuple[EnumMember, ...] = ()
    root: TypeExpr = ANY_TYPE
    extra: ExtraPolicy = "allow"
    extra_type: TypeExpr | None = None
    deprecated: bool = False
    # Other model names this one needs declared first (its bases) or refers to; the renderer
    # orders classes by it and marks forward references where a cycle requires them.
    references: frozenset[str] = frozenset()


def walk(expr: TypeExpr) -> Iterator[TypeExpr]:
    """`expr` and every type nested in it, depth first."""
    stack: list[TypeExpr] = [expr]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, ListOf):
            stack.append(current.item)
        elif isinstance(current, MapOf):
            stack.append(current.value)
        elif isinstance(current, Nullable):
            stack.append(current.inner)
        elif isinstance(current, UnionOf):
            stack.extend(reversed(current.options))


def referenced_models(expr: TypeExpr) -> Iterator[str]:
    """Every model name a type expression mentions (depth first, repeats included)."""
    return (t.name for t in walk(expr) if isinstance(t, ModelRef))


def nullable(expr: TypeExpr) -> TypeExpr:
    """`expr` or null, without nesting (`Any` already admits null)."""
    if isinstance(expr, Nullable | AnyType | NullType):
        return expr
    return Nullable(expr)


def union(options: list[TypeExpr]) -> TypeExpr:
    """The union of `options`: flattened, without repeats, null folded into `Nullable`."""
    flat: list[TypeExpr] = []
    is_nullable = False
    for option in options:
        if isinstance(option, Nullable):
            is_nullable = True
            option = option.inner
        if isinstance(option, NullType):
            is_nullable = True
            continue
        if isinstance(option, UnionOf) and option.discriminator is None:
            flat.extend(option.options)
        else:
            flat.append(option)
    unique = list(dict.fromkeys(flat))
    if any(isinstance(o, AnyType) for o in unique):
        return ANY_TYPE
    if not unique:
        return NullType() if is_nullable else ANY_TYPE
    result: TypeExpr = unique[0] if len(unique) == 1 else UnionOf(tuple(unique))
    return nullable(result) if is_nullable else result


def admits_null(expr: TypeExpr, models: Mapping[str, ModelClass]) -> bool:
    """Whether a value of `expr` may be JSON `null`: a nullable type, `Any`, a union with a
    null option, a literal listing null, or a named alias of one of those (`models`: every
    model of the API by name). A model or alias that is not found, or an alias defined only
    through itself, counts as admitting null: the check exists to refuse what the spec
    refuses, never what it may allow."""
    seen: set[str] = set()
    pending = [expr]
    while pending:
        current = pending.pop()
        if isinstance(current, Nullable | AnyType | NullType):
            return True
        if isinstance(current, LiteralOf) and None in current.values:
            return True
        if isinstance(current, UnionOf):
            pending.extend(current.options)
        elif isinstance(current, ModelRef):
            target = models.get(current.name)
            if target is None or current.name in seen:
                return target is None or target.kind == "alias"
            seen.add(current.name)
            if target.kind == "alias":
                pending.append(target.root)
    return False
