"""The type (`TypeExpr`) of a value a hoisted schema describes, noting which schemas it read.

Hoisted schemas refer to each other by class name (`$ref: #/components/schemas/<Class>`), so
a type names those classes (`ModelRef`) and reads of them only what a referring type needs:
whether the class exists, its kind, whether it admits null, its default. Those are *shape*
reads; reading a class's whole schema (an alias followed, a discriminator tag looked up) is a
full read. Both are recorded in the current unit's trace (`Run.read`, kinds `shape` and
`class`), which is what the model classes are reused on between runs (see `class_cache`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.incremental import Run
from generator.ir.class_cache import WatchedSchemas
from generator.ir.schema_facts import (
    Shape,
    class_of,
    collect_properties,
    essential_members,
    kind_of,
    shape_of,
)
from generator.ir.type_values import (
    ARRAY_KEYWORDS,
    NUMBER_KEYWORDS,
    SCALAR_TYPES,
    STRING_KEYWORDS,
    constraints,
    excluded,
    literal,
)
from generator.ir.types import (
    ANY_TYPE,
    NO_CONSTRAINTS,
    ListOf,
    MapOf,
    ModelKind,
    ModelRef,
    NullType,
    Primitive,
    TypeExpr,
    UnionOf,
    nullable,
    union,
)
from generator.openapi import SCHEMA_PREFIX

MAX_DEPTH = 48


@dataclass
class TypeReader:
    """Types of hoisted schemas (class name → schema with `$ref`s to class names)."""

    schemas: Mapping[str, dict[str, Any]]
    # class name → the pointer it was hoisted from
    origins: dict[str, str]
    # Where what the unit being computed reads is recorded (see `class_cache`).
    run: Run = field(default_factory=lambda: Run(None))

    def __post_init__(self) -> None:
        # Whole schemas are read through `schemas`, which notes each as a full read. What a
        # type referring to a class reads of it is read through `_shape` (or `kind`: its
        # `kind_of`) alone: a shape read, of `Shape`'s fields and nothing else, so the cache
        # key (`shape_key`) covers it (`tests/ir/test_shape_reads.py` holds that).
        self._unwatched = self.schemas
        self.schemas = WatchedSchemas(self.schemas, self.run)

    # -- shape reads -----------------------------------------------------------------------------

    def _shape(self, name: str) -> Shape | None:
        self.run.read("shape", name)
        return shape_of(self._unwatched.get(name))

    def kind(self, name: str) -> ModelKind:
        # `Shape.kind` without the rest of the shape (asked ~18,000 times of GitHub's spec).
        self.run.read("shape", name)
        return kind_of(self._unwatched.get(name, {}))

    def exists(self, name: str) -> bool:
        return self._shape(name) is not None

    def named_default(self, name: str) -> tuple[bool, Any]:
        """Whether the class `name` has a default, and which."""
        shape = self._shape(name)
        return (shape.has_default, shape.default) if shape is not None else (False, None)

    def is_nullable_class(self, name: str) -> bool:
        """Whether the class `name` was hoisted from (or named) a schema that admits `null`
        itself (Hetzner's inline `status: {type: object, nullable: true, ...}`): a field
        referring to it may be null, so it is no `NoNull` field."""
        shape = self._shape(name)
        return shape is not None and shape.admits_null

    # -- types -----------------------------------------------------------------------------------

    def through_aliases(self, expr: TypeExpr) -> TypeExpr:
        """`expr` with named aliases followed (`Page` = `JobList` = the class `JobList`): what a
        caller gets. Stops at anything that is not a reference to an alias."""
        for _ in range(MAX_DEPTH):
            if not isinstance(expr, ModelRef) or self.kind(expr.name) != "alias":
                break
            expr = self.type_of(self.schemas.get(expr.name, {}))
        return expr

    def type_of(self, schema: Any, depth: int = 0) -> TypeExpr:
        """The type of a value that `schema` (hoisted: nested classes are `$ref`s) describes."""
        if not isinstance(schema, dict) or not schema or depth > MAX_DEPTH:
            return ANY_TYPE
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = class_of(ref)
            shape = self._shape(name) if name is not None else None
            if name is None or shape is None:
                return ANY_TYPE
            target: TypeExpr = ModelRef(name)
            return nullable(target) if shape.nullable_enum or shape.admits_null else target
        is_nullable = schema.get("nullable") is True
        types = schema.get("type")
        if isinstance(types, list):
            is_nullable = is_nullable or "null" in types
            kinds = [t for t in types if t != "null" and isinstance(t, str)]
            if len(kinds) > 1:
                options = [self.type_of({**schema, "type": t}, depth + 1) for t in kinds]
                result = union(options)
                return nullable(result) if is_nullable else result
            types = kinds[0] if kinds else ("null" if "null" in types else None)
        result = self._type_of(schema, types, depth)
        return nullable(result) if is_nullable else result

    def _type_of(self, schema: dict[str, Any], types: Any, depth: int) -> TypeExpr:
        if "const" in schema:
            return literal([schema["const"]])
        values = schema.get("enum")
        if isinstance(values, list) and values:
            return literal(values)
        for key in ("oneOf", "anyOf"):
            members = schema.get(key)
            if isinstance(members, list) and members:
                options = [self.type_of(m, depth + 1) for m in members]
                return self._discriminated(union(options), schema)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            # Several substantial members are hoisted to a class; here one remains, perhaps
            # with members that only annotate it (`allOf: [{$ref: X}, {nullable: true}]`).
            essential = essential_members(all_of)
            if len(essential) != 1:
                return ANY_TYPE
            inner = self.type_of(essential[0], depth + 1)
            annotated_null = any(isinstance(m, dict) and m.get("nullable") is True for m in all_of)
            return nullable(inner) if annotated_null else inner
        if types == "null":
            return NullType()
        if types is None and "items" in schema:
            # JSON Schema: `items` without `type` only constrains a value that is an array;
            # an object passes too (Slack's objs_conversation documents an object this way).
            return ANY_TYPE
        if types == "array":
            items = schema.get("items")
            return ListOf(
                self.type_of(items, depth + 1) if isinstance(items, dict) else ANY_TYPE,
                unique=schema.get("uniqueItems") is True,
                constraints=constraints(schema, ARRAY_KEYWORDS),
            )
        if types == "object" or (types is None and "additionalProperties" in schema):
            extra = schema.get("additionalProperties")
            value = self.type_of(extra, depth + 1) if isinstance(extra, dict) else ANY_TYPE
            return MapOf(value)
        if isinstance(types, str) and types in SCALAR_TYPES:
            kind = SCALAR_TYPES[types]
            fmt = schema.get("format")
            keywords = STRING_KEYWORDS if kind == "string" else NUMBER_KEYWORDS
            return Primitive(
                kind,
                fmt if isinstance(fmt, str) else None,
                constraints(schema, keywords) if kind != "boolean" else NO_CONSTRAINTS,
                excluded(self._negated(schema.get("not"))),
            )
        return ANY_TYPE

    def _negated(self, negated: Any) -> Any:
        """The schema a `not` holds: the class's own schema when the hoister moved it into
        one (`not: {enum: [cat]}` becomes an enum class), read as a dependency of this one."""
        if not isinstance(negated, dict) or not isinstance(negated.get("$ref"), str):
            return negated
        name = class_of(negated["$ref"])
        return self.schemas.get(name) if name is not None else None

    def _discriminated(self, result: TypeExpr, schema: dict[str, Any]) -> TypeExpr:
        """`result` with the discriminator of `schema`, when every option is a model class
        whose tag value is known (by the mapping, the option's own single-value tag, or its
        schema name)."""
        discriminator = schema.get("discriminator")
        prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        if not isinstance(result, UnionOf) or not isinstance(prop, str):
            return result
        if not all(
            isinstance(o, ModelRef) and self.kind(o.name) == "object" for o in result.options
        ):
            return result
        mapping: dict[str, str] = {}
        raw = discriminator.get("mapping") if isinstance(discriminator, dict) else None
        for tag, ref in (raw if isinstance(raw, dict) else {}).items():
            name = class_of(ref) if isinstance(ref, str) else None
            if name is not None:
                mapping.setdefault(str(tag), name)
        mapped = set(mapping.values())
        for option in result.options:
            assert isinstance(option, ModelRef)
            if option.name not in mapped:
                mapping.setdefault(self._implicit_tag(option.name, prop), option.name)
        names = {o.name for o in result.options if isinstance(o, ModelRef)}
        pairs = tuple((tag, name) for tag, name in mapping.items() if name in names)
        return UnionOf(result.options, prop, pairs)

    def _implicit_tag(self, name: str, prop: str) -> str:
        properties: dict[str, Any] = {}
        collect_properties(self.schemas, self.schemas.get(name, {}), properties, set(), set())
        tag = properties.get(prop)
        target = class_of(tag["$ref"]) if isinstance(tag, dict) and "$ref" in tag else None
        if target is not None:  # a single-value enum, hoisted to a class of its own
            tag = self.schemas.get(target)
        if isinstance(tag, dict):
            values = tag.get("enum")
            if "const" in tag and isinstance(tag["const"], str):
                return tag["const"]
            if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
                return values[0]
        pointer = self.origins.get(name, "")
        if pointer.startswith(SCHEMA_PREFIX) and "/" not in pointer[len(SCHEMA_PREFIX) :]:
            return pointer[len(SCHEMA_PREFIX) :].replace("~1", "/").replace("~0", "~")
        return name
