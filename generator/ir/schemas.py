"""Schemas: every named or inline schema the models need, hoisted to a named class.

The hoister copies each schema with its `$ref`s renamed to class names and its nested inline
objects and enums given classes of their own, so every renderer (Python models, TypeScript
interfaces, the mock) names a shape the same way. The copies, keyed by class name, also form
the schema document the mock validates and synthesizes with.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pydantic_core

from generator import naming
from generator.diagnostics import Level, SpecError, pointer_join
from generator.ir.classes import ClassBuilder, essential_members
from generator.ir.context import BuildContext
from generator.ir.model import TypeRef
from generator.ir.types import ModelRef, TypeExpr
from generator.ir.warm import WarmIR
from generator.ir.warm_log import UnitLog, frozen
from generator.load import Document, RefError
from generator.openapi import COMPOSITIONS, SCALAR_CHECKS, SCHEMA_PREFIX, VALUE_CHECKS, escape
from generator.printers.python import SignatureTypes

PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
STRING_FORMATS = {"binary": "bytes"}
# String formats the models give a non-str type.
TYPED_STRING_FORMATS = frozenset(
    {
        "date-time",
        "date",
        "time",
        "duration",
        "uuid",
        "uuid1",
        "uuid3",
        "uuid4",
        "uuid5",
        "uri",
        "ipv4",
        "ipv6",
        "ipv4-network",
        "ipv6-network",
        "binary",
        "byte",
        "decimal",
        "hostname",
    }
)
# Formats whose pydantic type would change the wire or the dependencies of a generated client:
# EmailStr needs email-validator, ULID needs python-ulid, and SecretStr serialises as "*****".
# Their values stay plain strings.
# Keywords `transform` copies untouched whatever their value (the `else` branch there), checked
# first: the loop runs for every key of every schema (GitHub's: 55,000 schemas).
_PASSED_THROUGH = frozenset(
    {
        "type", "description", "required", "title", "example", "examples", "default",
        "readOnly", "writeOnly", "deprecated", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems",
        "uniqueItems", "const",
    }
)  # fmt: skip
PLAIN_STRING_FORMATS = frozenset({"email", "idn-email", "ulid", "password"})


@dataclass
class SchemaHoister:
    """Mutable state of the schema part of one build."""

    ctx: BuildContext
    class_names: set[str] = field(default_factory=set)
    # (document path, pointer) of a named schema → its class name
    named: dict[tuple[str, str], str] = field(default_factory=dict)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    # classes `sanitise_schemas` has seen: final from then on
    sanitised: set[str] = field(default_factory=set)
    classes: ClassBuilder = field(init=False)
    signatures: SignatureTypes = field(init=False)
    # A long-lived process's replay of the previous run (see `warm`), and the log of the
    # unit being built fresh for it.
    warm: WarmIR | None = None
    log: UnitLog | None = None
    # set when sanitising a class reads another class (see `enum_values`)
    _read_other: bool = False

    def __post_init__(self) -> None:
        # Both read `schemas` live: it grows while operations hoist their inline schemas.
        self.classes = ClassBuilder(self.ctx, self.schemas, self.origins)
        self.signatures = SignatureTypes(self.classes.kind, self._alias_root)

    def components(self) -> dict[str, Any]:
        components = self.ctx.root.data.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        return schemas if isinstance(schemas, dict) else {}

    def name_components(self) -> None:
        for key in self.components():
            self.claim(str(key), (str(self.ctx.root.path), SCHEMA_PREFIX + escape(str(key))))

    def claim(self, hint: str, key: tuple[str, str]) -> str:
        if key not in self.named:
            self.named[key] = naming.unique(naming.class_name(hint), self.class_names)
        return self.named[key]

    def transform_components(self) -> None:
        warm = self.warm
        for key, schema in self.components().items():
            pointer = SCHEMA_PREFIX + escape(str(key))
            class_name = self.named[(str(self.ctx.root.path), pointer)]
            if class_name in self.schemas:
                continue
            if warm is None:
                self.define(class_name, schema, self.ctx.root, pointer)
                continue
            raw = frozen(schema)
            if not warm.replay_component(pointer, raw, class_name):
                with warm.recording("components", pointer, raw):
                    self.define(class_name, schema, self.ctx.root, pointer)

    def define(self, class_name: str, schema: Any, document: Document, pointer: str) -> None:
        if self.log is not None:
            self.log.defines.append(class_name)
        self.schemas[class_name] = {}  # reserve first: recursive schemas refer back to it
        self.origins[class_name] = pointer
        self.schemas[class_name] = self.transform(schema, document, pointer, class_name, top=True)

    def named_ref(self, ref: str, document: Document, pointer: str, hint: str) -> dict[str, Any]:
        """Rewrite one schema `$ref` to point at a class in the models document."""
        try:
            resolved = self.ctx.spec.resolve(ref, document)
        except RefError as exc:
            if exc.rule == "ref-remote" or exc.rule == "ref-escape":
                raise SpecError(self.ctx.ref_error(exc, document, pointer)) from None
            if self.log is not None:
                self.log.replayable = False
            self.ctx.warn(exc.rule, f"{exc}; typed as Any", pointer, document)
            return {}
        key = (str(resolved.document.path), resolved.pointer)
        if self.log is not None:
            if key in self.named and document is self.ctx.root:
                self.log.hits.append((ref, self.named[key]))
            else:  # a class defined here, or a $ref of another document: not replayed
                self.log.replayable = False
        if key not in self.named:
            is_component = resolved.pointer.startswith(SCHEMA_PREFIX)
            base = resolved.pointer.rsplit("/", 1)[1] if is_component else hint
            class_name = self.claim(base.replace("~1", "/").replace("~0", "~"), key)
            self.define(class_name, resolved.value, resolved.document, resolved.pointer)
        return {"$ref": SCHEMA_PREFIX + self.named[key]}

    def transform(
        self, schema: Any, document: Document, pointer: str, hint: str, *, top: bool = False
    ) -> dict[str, Any]:
        """Copy a schema with refs renamed and nested inline objects/enums hoisted to classes."""
        if schema is True or schema == {}:
            return {}
        if not isinstance(schema, dict):
            self.ctx.warn(
                "schema-invalid", "schema is not an object; typed as Any", pointer, document
            )
            return {}
        if isinstance(schema.get("$ref"), str):
            target = self.named_ref(schema["$ref"], document, pointer, hint)
            siblings = {
                k: v for k, v in schema.items() if k not in ("$ref", "description", "summary")
            }
            if self.ctx.is_31 and siblings:
                wrapped = self.transform(siblings, document, pointer, hint, top=True)
                return {"allOf": [target, wrapped]} if target else wrapped
            return target
        if not top and _deserves_class(schema):
            base = naming.class_name(hint)
            class_name = naming.unique(base, self.class_names)
            if self.log is not None:
                self.log.claims.append((base, class_name))
            self.define(class_name, schema, document, pointer)
            return {"$ref": SCHEMA_PREFIX + class_name}
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _PASSED_THROUGH:  # most keys: copied, no pointer needed
                out[key] = value
                continue
            child = pointer_join(pointer, key)
            if key == "properties" and isinstance(value, dict):
                out[key] = {
                    name: self.transform(
                        sub,
                        document,
                        pointer_join(child, name),
                        hint + naming.pascal(str(name)),
                    )
                    for name, sub in value.items()
                }
            elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
                suffix = {"items": "Item", "additionalProperties": "Value", "not": "Not"}[key]
                out[key] = self.transform(value, document, child, hint + suffix)
            elif key in COMPOSITIONS and isinstance(value, list):
                # An inline `allOf` member is part of this class, not a class of its own (what
                # it nests is named after this class); a `oneOf`/`anyOf` member is named by
                # what tells it apart (`naming`).
                suffixes = naming.member_suffixes(value) if key != "allOf" else [""] * len(value)
                out[key] = [
                    self.transform(
                        sub,
                        document,
                        pointer_join(child, i),
                        hint + suffixes[i],
                        top=key == "allOf",
                    )
                    for i, sub in enumerate(value)
                ]
            elif key == "discriminator" and isinstance(value, dict):
                out[key] = self.discriminator(value, document, child, hint)
            elif key == "pattern" and isinstance(value, str):
                pattern = self.pattern(value, document, child)
                if pattern is not None:
                    out[key] = pattern
            elif key == "format" and value in PLAIN_STRING_FORMATS:
                continue
            elif key == "nullable" and value is not True:
                # `nullable: false` is the default; stated explicitly, the model generator
                # types an optional field as non-optional with a None default.
                continue
            elif key == "enum":
                values = self.enum(value, schema.get("type"), document, child)
                if values is not None:
                    out[key] = values
            elif key.startswith("x-"):
                continue
            else:
                # Other keywords (type, required, prefixItems, ...) pass through untouched.
                out[key] = value
        return out

    def discriminator(
        self, value: dict[str, Any], document: Document, pointer: str, hint: str
    ) -> dict[str, Any]:
        mapping = value.get("mapping")
        if not isinstance(mapping, dict):
            return dict(value)
        renamed = {}
        for tag, ref in mapping.items():
            if isinstance(ref, str) and ("#" in ref or "/" in ref):
                renamed[tag] = self.named_ref(
                    ref, document, pointer, hint + naming.pascal(str(tag))
                ).get("$ref", ref)
            else:
                renamed[tag] = ref
        return {**value, "mapping": renamed}

    def enum(
        self, values: Any, declared: Any, document: Document, pointer: str
    ) -> list[Any] | None:
        """Enum values that fit the declared type (the models generator trusts both)."""
        if not isinstance(values, list) or not values:
            self.ctx.warn(
                "enum-invalid", "enum is not a non-empty list; ignored", pointer, document
            )
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
            self.ctx.warn(
                "enum-type-mismatch",
                "enum values of a string schema are not all strings; written as strings",
                pointer,
                document,
            )
            return list(dict.fromkeys(v if v is None else _as_text(v) for v in kept))
        self.ctx.warn(
            "enum-type-mismatch",
            f"enum values do not match type {declared!r}; enum ignored",
            pointer,
            document,
        )
        return None

    def pattern(self, value: str, document: Document, pointer: str) -> str | None:
        """The pattern when the models can enforce it, else None (dropped, with a warning)."""
        problem = _pattern_problem(value)
        if problem is None:
            return value
        self.ctx.warn(
            "pattern-unsupported",
            f"pattern {value!r} is not enforced by the models: {problem}",
            pointer,
            document,
        )
        return None

    # -- what the model generator cannot express ---------------------------------------------

    def sanitise_schemas(self) -> None:
        """Replace what would break the models with something permissive, each with a warning.
        Each schema is seen once: a later call (after operations hoisted more) sees the new."""
        fresh = [name for name in self.schemas if name not in self.sanitised]
        self.sanitised.update(fresh)
        warm = self.warm
        # A replayed class whose sanitising read only itself is not sanitised again: its
        # warnings are replayed, in the same place among the others.
        done = {}
        if warm is not None:
            done = {n: r for n in fresh if (r := warm.sanitise_done(n)) is not None}
        before = {n: frozen(self.schemas[n]) for n in fresh if n not in done} if warm else {}
        # aliases read the class they name (before `ref-cycle` empties them)
        aliases = {n for n in fresh if _single_ref(self.schemas[n]) is not None} if warm else set()
        for class_name in fresh:
            if class_name in done:
                continue
            if self.alias_target(class_name) is None:
                self.warn_origin(
                    "ref-cycle",
                    f"schema {class_name!r} is only a reference back to itself; typed as Any",
                    class_name,
                )
                self.schemas[class_name] = {}
        for class_name in fresh:
            record = done.get(class_name)
            if record is not None and warm is not None:
                warm.replay_sanitised(record)
                continue
            start = len(self.ctx.diagnostics)
            self._read_other = class_name in aliases
            self.sanitise(class_name)
            if warm is not None:
                warm.sanitised(
                    class_name,
                    before[class_name],
                    self.ctx.diagnostics[start:],
                    not self._read_other,
                )

    def sanitise(self, class_name: str) -> None:
        """Drop the defaults of one class the models cannot apply, each with a finding."""
        schema = self.schemas[class_name]
        if "default" in schema and "enum" not in schema:
            # The model generator copies a named schema's default onto every field that
            # refers to it, as a bare value the field's class type does not accept.
            schema.pop("default")
            self.warn_origin(
                "default-dropped",
                f"the default of named schema {class_name!r} is not applied by the models",
                class_name,
                Level.INFO,
            )
        for where, node in _walk_schema(schema):
            if node.get("format") in TYPED_STRING_FORMATS and "default" in node:
                # The model generator writes such a default as a bare string, which its
                # field type (datetime, UUID, AnyUrl, ...) does not accept.
                node.pop("default")
                self.warn_origin(
                    "default-dropped",
                    f"default at {_where(where)} of {class_name!r} is not applied by the "
                    f"models (format {node['format']!r})",
                    class_name,
                    Level.INFO,
                )
            if "default" in node and not self.default_fits(node):
                node.pop("default")
                self.warn_origin(
                    "default-invalid",
                    f"default at {_where(where)} of {class_name!r} is not one of its enum "
                    "values; dropped",
                    class_name,
                )
            if "default" in node and not _default_fits_type(node):
                # Written as is, it would contradict the field's annotation (a `str`
                # field defaulting to False): mypy and the reader both trip on it.
                # The validator reports the broken default (default-invalid); this
                # only says what the models do about it.
                node.pop("default")
                self.warn_origin(
                    "default-dropped",
                    f"default at {_where(where)} of {class_name!r} is not of type "
                    f"{node['type']!r}; not applied by the models",
                    class_name,
                    Level.INFO,
                )

    def alias_target(self, class_name: str) -> str | None:
        """The schema a pure `$ref` alias chain ends at, or None when the chain is a cycle."""
        seen = {class_name}
        current = class_name
        while True:
            target = _single_ref(self.schemas.get(current, {}))
            if target is None:
                return current
            if target in seen:
                return None
            seen.add(target)
            current = target

    def enum_values(self, node: dict[str, Any]) -> list[Any] | None:
        target = _single_ref(node)
        if target is not None:
            self._read_other = True
            resolved = self.alias_target(target)
            node = self.schemas.get(resolved, {}) if resolved else {}
        values = node.get("enum")
        return values if isinstance(values, list) else None

    def default_fits(self, node: dict[str, Any]) -> bool:
        values = self.enum_values(node)
        return values is None or node["default"] in values

    def warn_origin(
        self, rule: str, message: str, class_name: str, level: Level = Level.WARNING
    ) -> None:
        pointer = self.origins.get(class_name, SCHEMA_PREFIX + class_name)
        self.ctx.warn(rule, message, pointer, level=level)

    # -- types -------------------------------------------------------------------------------

    def annotate(self, schema: dict[str, Any]) -> TypeRef:
        """The type of a hoisted schema, with its spelling in client and server signatures."""
        expr = self.classes.type_of(schema)
        target = self.classes.through_aliases(expr)
        is_model = isinstance(target, ModelRef) and self.classes.kind(target.name) == "object"
        return TypeRef(
            self.signatures.signature(expr), self.signatures.classes(expr), is_model, expr
        )

    def _alias_root(self, name: str) -> TypeExpr:
        # Through the class builder's view of the schemas, which notes what a unit reads.
        return self.classes.type_of(self.classes.schemas.get(name, {}))


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


def _default_fits_type(node: dict[str, Any]) -> bool:
    declared, value = node.get("type"), node["default"]
    if not isinstance(declared, str) or value is None:
        return True
    check = VALUE_CHECKS.get(declared)
    return check is None or check(value)


def _single_ref(schema: dict[str, Any]) -> str | None:
    """The class a schema only refers to (`$ref`, or an `allOf` of one `$ref`), if so."""
    ref = schema.get("$ref")
    if ref is None:
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], dict):
            ref = all_of[0].get("$ref") if len(all_of[0]) == 1 else None
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :]
    return None


def _walk_schema(schema: dict[str, Any]) -> Iterable[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every sub-schema of a transformed schema with its path from it, as tokens (iteratively;
    a pointer is only written for a warning: see `_where`)."""
    stack: list[tuple[tuple[str | int, ...], dict[str, Any]]] = [((), schema)]
    while stack:
        where, node = stack.pop()
        yield where, node
        for key, value in node.items():
            if key in ("properties", "patternProperties") and isinstance(value, dict):
                stack.extend(
                    ((*where, key, name), sub)
                    for name, sub in value.items()
                    if isinstance(sub, dict)
                )
            elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
                stack.append(((*where, key), value))
            elif key in (*COMPOSITIONS, "prefixItems") and isinstance(value, list):
                stack.extend(
                    ((*where, key, i), sub) for i, sub in enumerate(value) if isinstance(sub, dict)
                )


def _where(tokens: tuple[str | int, ...]) -> str:
    """A sub-schema's pointer relative to its class, as warnings show it."""
    return pointer_join("", *tokens) if tokens else "/"


def _deserves_class(schema: dict[str, Any]) -> bool:
    """Inline schemas hoisted to named classes: objects (with properties, or an `allOf` of
    several members) and string enums, so every renderer names them the same way."""
    return (
        bool(schema.get("properties"))
        or len(essential_members(schema.get("allOf"))) > 1
        or (
            isinstance(schema.get("enum"), list)
            and schema.get("type") in ("string", None)
            and bool(schema["enum"])
            and all(isinstance(v, str) for v in schema["enum"])
        )
    )
