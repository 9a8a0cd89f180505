"""Typed models: the hoisted schemas (see `schemas`) turned into `ModelClass` and `TypeExpr`.

Every hoisted schema becomes one named type: an object class, a string enum, or an alias of
another type (a list, a map, a union, a constrained string). Type expressions refer to them by
name (`ModelRef`), so recursion needs nothing special here; the renderers order declarations.

`allOf` becomes inheritance when it is one object reference plus inline additions that do not
redeclare any inherited property differently; otherwise every member's properties are
flattened into one class, so no class ever holds two declarations of one field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator import naming
from generator.diagnostics import Level
from generator.ir.class_cache import (
    Cached,
    ClassCache,
    Reads,
    Record,
    WatchedSchemas,
    schema_admits_null,
)
from generator.ir.context import BuildContext
from generator.ir.types import (
    ANY_TYPE,
    NO_CONSTRAINTS,
    AnyType,
    Constraints,
    EnumMember,
    Field,
    ListOf,
    LiteralOf,
    MapOf,
    ModelClass,
    ModelKind,
    ModelRef,
    Nullable,
    NullType,
    Primitive,
    PrimitiveKind,
    Scalar,
    TypeExpr,
    UnionOf,
    nullable,
    referenced_models,
    union,
)
from generator.openapi import SCALAR_CHECKS, SCHEMA_PREFIX, only_annotates

_SCALAR_TYPES: dict[str, PrimitiveKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}
# JSON Schema keyword → Constraints field, per kind of value.
_STRING_KEYWORDS = {"minLength": "min_length", "maxLength": "max_length", "pattern": "pattern"}
_NUMBER_KEYWORDS = {
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "exclusive_minimum",
    "exclusiveMaximum": "exclusive_maximum",
    "multipleOf": "multiple_of",
}
_ARRAY_KEYWORDS = {"minItems": "min_items", "maxItems": "max_items"}
_MAX_DEPTH = 48


@dataclass
class ClassBuilder:
    """Reads hoisted schemas (class name → schema with `$ref`s to class names)."""

    ctx: BuildContext
    schemas: Mapping[str, dict[str, Any]]
    origins: dict[str, str]
    _classes: dict[str, ModelClass] = field(default_factory=dict)
    _building: set[str] = field(default_factory=set)
    # (class, property) whose default the models leave to the server
    _dropped_defaults: list[tuple[str, str]] = field(default_factory=list)
    # What each class was built from, for the cache between runs (see `class_cache`).
    reads: Reads = field(default_factory=Reads)
    _depends_on: dict[str, frozenset[str]] = field(default_factory=dict)
    _shapes: dict[str, frozenset[str]] = field(default_factory=dict)
    _order_dependent: set[str] = field(default_factory=set)
    _cache: ClassCache | None = None

    def __post_init__(self) -> None:
        # Reads of a class's kind, enum nullability or default go to `_plain` and are noted
        # as shape reads: a class referring to another depends on no more (see `shape_of`).
        self._plain = self.schemas
        self.schemas = WatchedSchemas(self.schemas, self.reads)

    # -- kinds ---------------------------------------------------------------------------------

    def kind(self, name: str) -> ModelKind:
        self.reads.note_shape(name)
        return kind_of(self._plain.get(name, {}))

    def exists(self, name: str) -> bool:
        self.reads.note_shape(name)
        return name in self._plain

    def named_default(self, name: str) -> tuple[bool, Any]:
        """Whether the class `name` has a default, and which."""
        self.reads.note_shape(name)
        schema = self._plain.get(name, {})
        return "default" in schema, schema.get("default")

    def through_aliases(self, expr: TypeExpr) -> TypeExpr:
        """`expr` with named aliases followed (`Page` = `JobList` = the class `JobList`): what a
        caller gets. Stops at anything that is not a reference to an alias."""
        for _ in range(_MAX_DEPTH):
            if not isinstance(expr, ModelRef) or self.kind(expr.name) != "alias":
                break
            expr = self.type_of(self.schemas.get(expr.name, {}))
        return expr

    def is_nullable_class(self, name: str) -> bool:
        """Whether the class `name` was hoisted from (or named) a schema that admits `null`
        itself (Hetzner's inline `status: {type: object, nullable: true, ...}`): a field
        referring to it may be null, so it is no `NoNull` field."""
        self.reads.note_shape(name)
        return schema_admits_null(self._plain.get(name, {}))

    def is_nullable_enum(self, name: str) -> bool:
        self.reads.note_shape(name)
        schema = self._plain.get(name, {})
        return kind_of(schema) == "enum" and None in schema.get("enum", ())

    # -- types ---------------------------------------------------------------------------------

    def type_of(self, schema: Any, depth: int = 0) -> TypeExpr:
        """The type of a value that `schema` (hoisted: nested classes are `$ref`s) describes."""
        if not isinstance(schema, dict) or not schema or depth > _MAX_DEPTH:
            return ANY_TYPE
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = _class_of(ref)
            if name is None or not self.exists(name):
                return ANY_TYPE
            target: TypeExpr = ModelRef(name)
            if self.is_nullable_enum(name) or self.is_nullable_class(name):
                return nullable(target)
            return target
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
            return _literal([schema["const"]])
        values = schema.get("enum")
        if isinstance(values, list) and values:
            return _literal(values)
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
                constraints=_constraints(schema, _ARRAY_KEYWORDS),
            )
        if types == "object" or (types is None and "additionalProperties" in schema):
            extra = schema.get("additionalProperties")
            value = self.type_of(extra, depth + 1) if isinstance(extra, dict) else ANY_TYPE
            return MapOf(value)
        if isinstance(types, str) and types in _SCALAR_TYPES:
            kind = _SCALAR_TYPES[types]
            fmt = schema.get("format")
            keywords = _STRING_KEYWORDS if kind == "string" else _NUMBER_KEYWORDS
            return Primitive(
                kind,
                fmt if isinstance(fmt, str) else None,
                _constraints(schema, keywords) if kind != "boolean" else NO_CONSTRAINTS,
                _excluded(self._negated(schema.get("not"))),
            )
        return ANY_TYPE

    def _negated(self, negated: Any) -> Any:
        """The schema a `not` holds: the class's own schema when the hoister moved it into
        one (`not: {enum: [cat]}` becomes an enum class), read as a dependency of this one."""
        if not isinstance(negated, dict) or not isinstance(negated.get("$ref"), str):
            return negated
        name = _class_of(negated["$ref"])
        if name is None:
            return None
        self.reads.note(name)
        return self._plain.get(name)

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
            name = _class_of(ref) if isinstance(ref, str) else None
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
        self._collect(self.schemas.get(name, {}), properties, set(), set())
        tag = properties.get(prop)
        target = _class_of(tag["$ref"]) if isinstance(tag, dict) and "$ref" in tag else None
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

    # -- classes -------------------------------------------------------------------------------

    def classes(self, cache: ClassCache | None = None) -> tuple[ModelClass, ...]:
        """Every model, in the order of the hoisted schemas. With a `cache`, a class whose
        schemas are all unchanged since an earlier run is taken from it."""
        self._cache = cache
        try:
            return tuple(self.model_class(name) for name in list(self.schemas))
        finally:
            self._cache = None

    def model_class(self, name: str) -> ModelClass:
        model = self._classes.get(name)
        if model is None:
            model = self._cached_class(name) or self._recorded_build(name)
        # Whoever asks (a class being built) depends on what this class was built from.
        self.reads.note_all(
            self._depends_on.get(name, frozenset()) | {name},
            self._shapes.get(name, frozenset()),
            name in self._order_dependent,
        )
        return model

    def _cached_class(self, name: str) -> ModelClass | None:
        found = self._cache.lookup(name) if self._cache is not None else None
        if found is None:
            return None
        self._classes[name] = found.model
        self._depends_on[name] = found.depends_on
        self._shapes[name] = found.shapes
        self._dropped_defaults += found.dropped_defaults
        if self._cache is not None:
            self._cache.store(name, found)
        return found.model

    def _recorded_build(self, name: str) -> ModelClass:
        record = Record()
        self.reads.stack.append(record)
        self._building.add(name)
        dropped_before = len(self._dropped_defaults)
        try:
            model = self._build_class(name)
        finally:
            self._building.discard(name)
            self.reads.stack.pop()
        self._classes[name] = model
        self._depends_on[name] = frozenset(record.names)
        self._shapes[name] = frozenset(record.shapes)
        if record.tainted:
            self._order_dependent.add(name)
        elif self._cache is not None:
            dropped = self._dropped_defaults[dropped_before:]
            mine = tuple(entry for entry in dropped if entry[0] == name)
            cached = Cached(model, self._depends_on[name], self._shapes[name], mine)
            self._cache.store(name, cached)
        return model

    def _in_progress(self, name: str) -> bool:
        """Whether `name` is being built (a cycle): what the caller then does depends on the
        order of the builds, so no class built meanwhile may be cached."""
        if name in self._building:
            self.reads.taint()
            return True
        return False

    def _build_class(self, name: str) -> ModelClass:
        schema = self.schemas.get(name, {})
        pointer = self.origins.get(name, SCHEMA_PREFIX + name)
        description = str(schema.get("description") or "")
        deprecated = schema.get("deprecated") is True
        kind = kind_of(schema)
        if kind == "enum":
            return ModelClass(
                name,
                "enum",
                pointer,
                description,
                members=_members(schema["enum"]),
                deprecated=deprecated,
            )
        if kind == "alias":
            root = self.type_of(schema)
            return ModelClass(
                name,
                "alias",
                pointer,
                description,
                root=root,
                deprecated=deprecated,
                references=frozenset(referenced_models(root)),
            )
        bases, properties, required = self._object_parts(name, schema)
        taken = set(naming.MODEL_FIELD_RESERVED)
        inherited: set[str] = set()
        for base in bases:
            taken.update(f.python_name for f in self.all_fields(base))
            inherited.update(f.wire_name for f in self.all_fields(base))
        # A required name no property declares (an `allOf` member adding `required: [x]`):
        # the value must be present, of any type.
        for wire in sorted(required - properties.keys() - inherited):
            properties[wire] = {}
        fields = tuple(
            self._field(name, wire, sub, wire in required, taken)
            for wire, sub in properties.items()
        )
        extra_schema = schema.get("additionalProperties")
        refs = set(bases)
        for f in fields:
            refs.update(referenced_models(f.type))
        return ModelClass(
            name,
            "object",
            pointer,
            description,
            fields=fields,
            bases=bases,
            extra="forbid" if extra_schema is False else "allow",
            extra_type=self.type_of(extra_schema) if isinstance(extra_schema, dict) else None,
            deprecated=deprecated,
            references=frozenset(refs),
        )

    def all_fields(self, name: str) -> tuple[Field, ...]:
        """The fields of an object class including inherited ones (base fields first)."""
        if self._in_progress(name) or self.kind(name) != "object":
            return ()
        model = self.model_class(name)
        inherited: dict[str, Field] = {}
        for base in model.bases:
            for f in self.all_fields(base):
                inherited[f.wire_name] = f
        for f in model.fields:
            inherited[f.wire_name] = f
        return tuple(inherited.values())

    def _object_parts(
        self, name: str, schema: dict[str, Any]
    ) -> tuple[tuple[str, ...], dict[str, Any], set[str]]:
        """(bases, own properties by wire name, required wire names) of an object class."""
        members = [m for m in schema.get("allOf") or () if isinstance(m, dict)]
        base = self._single_base(name, schema, members)
        properties: dict[str, Any] = {}
        required: set[str] = set()
        sources = [m for m in members if m is not base] + [schema]
        for source in sources:
            self._collect(source, properties, required, set())
        if base is None:
            return (), properties, required
        base_name = _class_of(base["$ref"]) or ""
        inherited = {f.wire_name: f for f in self.all_fields(base_name)}
        own = {k: v for k, v in properties.items() if k not in inherited}
        # A required-only member (`allOf: [Base, {required: [id]}]`) tightens inherited fields:
        # flattening says that; inheritance could not.
        if any(w in inherited and not inherited[w].required for w in required):
            return self._flattened(schema, members)
        return (base_name,), own, required

    def _single_base(
        self, name: str, schema: dict[str, Any], members: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """The one `allOf` member to inherit from, when inheriting keeps every field single."""
        refs = [m for m in members if isinstance(m.get("$ref"), str)]
        if len(refs) != 1:
            return None
        target = _class_of(refs[0]["$ref"])
        if target is None or target == name or self.kind(target) != "object":
            return None
        if self._in_progress(target) or self._inherits(target, name):
            return None
        inherited = {f.wire_name: f for f in self.all_fields(target)}
        properties: dict[str, Any] = {}
        for source in [m for m in members if m is not refs[0]] + [schema]:
            self._collect(source, properties, set(), set())
        for wire, sub in properties.items():
            if wire in inherited and self.type_of(sub) != inherited[wire].type:
                return None
        return refs[0]

    def _inherits(self, name: str, ancestor: str) -> bool:
        seen: set[str] = set()
        stack = [name]
        while stack:
            current = stack.pop()
            if current == ancestor:
                return True
            if current in seen or self._in_progress(current):
                continue
            seen.add(current)
            stack.extend(self.model_class(current).bases if self.kind(current) == "object" else ())
        return False

    def _flattened(
        self, schema: dict[str, Any], members: list[dict[str, Any]]
    ) -> tuple[tuple[str, ...], dict[str, Any], set[str]]:
        properties: dict[str, Any] = {}
        required: set[str] = set()
        for source in [*members, schema]:
            self._collect(source, properties, required, set())
        return (), properties, required

    def _collect(
        self, schema: dict[str, Any], properties: dict[str, Any], required: set[str], seen: set[str]
    ) -> None:
        """Gather the properties and required names `schema` declares, through `$ref`s to
        object schemas and nested `allOf`s (later declarations of a name win)."""
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = _class_of(ref)
            if target is None or target in seen or target not in self.schemas:
                return
            self._collect(self.schemas[target], properties, required, seen | {target})
            return
        for member in schema.get("allOf") or ():
            if isinstance(member, dict):
                self._collect(member, properties, required, seen)
        own = schema.get("properties")
        if isinstance(own, dict):
            for wire, sub in own.items():
                properties[str(wire)] = sub
        names = schema.get("required")
        if isinstance(names, list):
            required.update(str(n) for n in names if isinstance(n, str))

    def _field(self, owner: str, wire: str, schema: Any, required: bool, taken: set[str]) -> Field:
        sub = schema if isinstance(schema, dict) else {}
        has_default = "default" in sub
        default = sub.get("default")
        target = _class_of(sub["$ref"]) if isinstance(sub.get("$ref"), str) else None
        if not has_default and target is not None:
            # A named enum's default applies wherever it is referenced (JSON Schema keeps
            # the annotation on the referenced schema).
            has_default, default = self.named_default(target)
        expr = self.type_of(sub)
        if has_default and not _default_is_plain(default):
            has_default = False  # objects as defaults: left to the server
            self._dropped_defaults.append((owner, wire))
        elif has_default:
            # A default the type does not admit (a bare string for a datetime, a value no enum
            # member has) is left to the server: written, it would contradict the annotation.
            has_default = self._default_fits(expr, default, required)
        return Field(
            wire_name=wire,
            python_name=naming.field_name(wire, taken),
            type=expr,
            required=required,
            description=str(sub.get("description") or ""),
            has_default=has_default,
            default=default,
            read_only=sub.get("readOnly") is True,
            write_only=sub.get("writeOnly") is True,
            deprecated=sub.get("deprecated") is True,
        )

    def _default_fits(self, expr: TypeExpr, value: Any, required: bool) -> bool:
        if value is None:
            return isinstance(expr, Nullable | AnyType) or not required
        if isinstance(expr, Nullable):
            expr = expr.inner
        if isinstance(expr, ModelRef):
            schema = self.schemas.get(expr.name, {})
            kind = self.kind(expr.name)
            if kind == "enum":
                return isinstance(value, str) and value in schema.get("enum", ())
            return kind == "alias" and _fits(self.type_of(schema), value)
        return _fits(expr, value)

    def warn_dropped_defaults(self) -> None:
        """An info finding for each object default the models leave to the server."""
        order = {name: index for index, name in enumerate(self.schemas)}
        # Sorted: classes from the cache and built ones add theirs in different orders.
        for name, wire in sorted(self._dropped_defaults, key=lambda d: (order.get(d[0], 0), d)):
            self.ctx.warn(
                "default-dropped",
                f"the default of {name}.{wire} is an object or list of objects; not applied"
                " by the models",
                self._classes[name].pointer,
                level=Level.INFO,
            )


def kind_of(schema: dict[str, Any]) -> ModelKind:
    values = schema.get("enum")
    if (
        isinstance(values, list)
        and any(isinstance(v, str) for v in values)
        and all(isinstance(v, str) or v is None for v in values)
        and schema.get("type") in ("string", None, ["string", "null"], ["null", "string"])
    ):
        return "enum"
    if schema.get("properties") or len(essential_members(schema.get("allOf"))) > 1:
        return "object"
    if schema.get("type") == "object" and not _is_map(schema):
        return "object"
    return "alias"


def essential_members(all_of: Any) -> list[Any]:
    """The members of an `allOf` that shape the value (not only annotate it)."""
    if not isinstance(all_of, list):
        return []
    return [m for m in all_of if not (isinstance(m, dict) and only_annotates(m))]


def _is_map(schema: dict[str, Any]) -> bool:
    extra = schema.get("additionalProperties")
    return isinstance(extra, dict) and bool(extra) or "oneOf" in schema or "anyOf" in schema


def _class_of(ref: str) -> str | None:
    if ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :]
    return None


def _literal(values: list[Any]) -> TypeExpr:
    scalars = [v for v in values if isinstance(v, str | int | float | bool) or v is None]
    if len(scalars) != len(values):
        return ANY_TYPE
    kept = tuple(dict.fromkeys((type(v).__name__, v) for v in scalars if v is not None))
    literal: TypeExpr = LiteralOf(tuple(v for _, v in kept)) if kept else NullType()
    return nullable(literal) if None in scalars and kept else literal


def _members(values: list[Any]) -> tuple[EnumMember, ...]:
    taken: set[str] = set()
    return tuple(
        EnumMember(naming.unique(naming.constant(v, fallback="FIELD"), taken), v)
        for v in dict.fromkeys(v for v in values if isinstance(v, str))
    )


def _excluded(negated: Any) -> tuple[Scalar, ...]:
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


def _constraints(schema: dict[str, Any], keywords: dict[str, str]) -> Constraints:
    found: dict[str, Any] = {}
    for keyword, name in keywords.items():
        value = schema.get(keyword)
        if name == "pattern":
            if isinstance(value, str):
                found[name] = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found[name] = value
    return Constraints(**found) if found else NO_CONSTRAINTS


def _fits(expr: TypeExpr, value: Any) -> bool:
    """Whether `value` is of type `expr` as every language would write it (a string is no
    datetime, UUID or bytes; a discriminated union or a map takes no literal)."""
    if isinstance(expr, AnyType):
        return True
    if isinstance(expr, Nullable):
        return value is None or _fits(expr.inner, value)
    if isinstance(expr, Primitive):
        if expr.kind == "string" and expr.format not in (None, "byte", "password", "email"):
            return False
        return SCALAR_CHECKS[expr.kind](value)
    if isinstance(expr, LiteralOf):
        return value in expr.values
    if isinstance(expr, ListOf):
        return isinstance(value, list) and all(_fits(expr.item, v) for v in value)
    if isinstance(expr, UnionOf):
        return expr.discriminator is None and any(_fits(o, value) for o in expr.options)
    return False


def _default_is_plain(value: Any) -> bool:
    """Scalars and lists of scalars: defaults every language writes as a literal."""
    if isinstance(value, list):
        return all(not isinstance(v, dict | list) for v in value)
    return not isinstance(value, dict)


__all__ = ["ClassBuilder"]
