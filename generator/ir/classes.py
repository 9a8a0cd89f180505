"""Model classes: each hoisted schema (see `schemas`) turned into one `ModelClass`.

Every hoisted schema becomes one named type: an object class, a string enum, or an alias of
another type (a list, a map, a union, a constrained string). Types refer to classes by name
(`ModelRef`, see `type_reader`), so recursion needs nothing special here; the renderers order
declarations.

`allOf` becomes inheritance when it is one object reference plus inline additions that do not
redeclare any inherited property differently; otherwise every member's properties are
flattened into one class, so no class ever holds two declarations of one field.

Each class is a unit of the incremental layer (see `class_cache`), reused from an earlier run
while every schema its build read is unchanged; a build that met a cycle depends on the order
of builds and is never reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator import naming
from generator.diagnostics import Level
from generator.incremental import Entry
from generator.ir.context import BuildContext
from generator.ir.schema_facts import class_of, collect_properties, kind_of
from generator.ir.type_reader import TypeReader
from generator.ir.type_values import default_is_plain, enum_members, fits
from generator.ir.types import (
    AnyType,
    Field,
    ModelClass,
    ModelRef,
    Nullable,
    TypeExpr,
    referenced_models,
)
from generator.openapi import SCHEMA_PREFIX


@dataclass
class ClassBuilder(TypeReader):
    """Builds the model classes of the hoisted schemas, typing their fields as a `TypeReader`."""

    ctx: BuildContext = field(kw_only=True)
    # name -> what its build gave, (class, its dropped defaults), with the reads it made
    _built: dict[str, Entry] = field(default_factory=dict)
    _building: set[str] = field(default_factory=set)
    # (class, property) whose default the models leave to the server: of every class built,
    # and of the one being built
    _dropped_defaults: list[tuple[str, str]] = field(default_factory=list)
    _dropping: list[tuple[str, str]] = field(default_factory=list)
    _stage: str | None = None  # the `Run.memo` stage of the classes, while `classes` runs

    # -- classes -------------------------------------------------------------------------------

    def classes(self, stage: str | None = None) -> tuple[ModelClass, ...]:
        """Every model, in the order of the hoisted schemas. With a `stage` (and an active
        run), each class is a `Run.memo` unit of it: reused while what its build read is
        unchanged since an earlier run."""
        self._stage = stage
        if stage is not None and self.run.active:
            self._settle()
        try:
            return tuple(self.model_class(name) for name in list(self.schemas))
        finally:
            self._stage = None

    def _settle(self) -> None:
        """The classes built while hoisting (pagination reads their fields) keep what they
        read, now fingerprinted as final: what a class asking for them reads of them."""
        for name, found in list(self._built.items()):
            if found.reads is not None:
                with self.run.tracing() as trace:
                    for kind, key, _ in found.reads:
                        self.run.read(kind, key)
                self._built[name] = Entry(found.output, trace.frozen())

    def model_class(self, name: str) -> ModelClass:
        found = self._built.get(name)
        if found is None:
            found = self._built[name] = self._entry(name)
            self._dropped_defaults += found.output[1]
        elif self.run.trace is not None:
            # Whoever asks (a unit being computed) read what this class was built from.
            self.run.trace.replay(found)
        return found.output[0]  # type: ignore[no-any-return]

    def _entry(self, name: str) -> Entry:
        """The class `name` with the reads its build made (None: untracked)."""
        run = self.run
        if not run.active:
            return Entry(self._compute(name), None)
        table = run.stage(self._stage) if self._stage is not None else None
        if table is None:  # hoisting: schemas are not final yet, nothing is kept
            output, reads = run.traced(lambda: self._compute(name))
            return Entry(output, reads)
        run.memo(table.name, name, lambda: self._compute(name))
        return table.used[name]

    def _compute(self, name: str) -> tuple[ModelClass, tuple[tuple[str, str], ...]]:
        """The class `name` and the defaults it leaves to the server: a function of what it
        reads (classes it asks for are built, and recorded, on their own)."""
        outer, self._dropping = self._dropping, []
        self._building.add(name)
        try:
            model = self._build_class(name)
            return model, tuple(self._dropping)
        finally:
            self._building.discard(name)
            self._dropping = outer

    def _in_progress(self, name: str) -> bool:
        """Whether `name` is being built (a cycle): what the caller then does depends on the
        order of the builds, so no class built meanwhile may be reused."""
        if name in self._building:
            self.run.untracked()
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
                members=enum_members(schema["enum"]),
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
            collect_properties(self.schemas, source, properties, required, set())
        if base is None:
            return (), properties, required
        base_name = class_of(base["$ref"]) or ""
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
        target = class_of(refs[0]["$ref"])
        if target is None or target == name or self.kind(target) != "object":
            return None
        if self._in_progress(target) or self._inherits(target, name):
            return None
        inherited = {f.wire_name: f for f in self.all_fields(target)}
        properties: dict[str, Any] = {}
        for source in [m for m in members if m is not refs[0]] + [schema]:
            collect_properties(self.schemas, source, properties, set(), set())
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
            collect_properties(self.schemas, source, properties, required, set())
        return (), properties, required

    def _field(self, owner: str, wire: str, schema: Any, required: bool, taken: set[str]) -> Field:
        sub = schema if isinstance(schema, dict) else {}
        has_default = "default" in sub
        default = sub.get("default")
        target = class_of(sub["$ref"]) if isinstance(sub.get("$ref"), str) else None
        if not has_default and target is not None:
            # A named enum's default applies wherever it is referenced (JSON Schema keeps
            # the annotation on the referenced schema).
            has_default, default = self.named_default(target)
        expr = self.type_of(sub)
        if has_default and not default_is_plain(default):
            has_default = False  # objects as defaults: left to the server
            self._dropping.append((owner, wire))
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
            return kind == "alias" and fits(self.type_of(schema), value)
        return fits(expr, value)

    def warn_dropped_defaults(self) -> None:
        """An info finding for each object default the models leave to the server."""
        order = {name: index for index, name in enumerate(self.schemas)}
        # Sorted: classes from the cache and built ones add theirs in different orders.
        for name, wire in sorted(self._dropped_defaults, key=lambda d: (order.get(d[0], 0), d)):
            self.ctx.warn(
                "default-dropped",
                f"the default of {name}.{wire} is an object or list of objects; not applied"
                " by the models",
                self._built[name].output[0].pointer,
                level=Level.INFO,
            )


__all__ = ["ClassBuilder"]
