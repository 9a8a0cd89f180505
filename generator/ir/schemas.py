"""Schemas: every named or inline schema the models need, hoisted to a named class.

The hoister copies each schema with its `$ref`s renamed to class names and its nested inline
objects and enums given classes of their own, so every renderer (Python models, TypeScript
interfaces, the mock) names a shape the same way. The copies, keyed by class name, also form
the schema document the mock validates and synthesizes with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator import naming
from generator.diagnostics import SpecError, pointer_join
from generator.ir.classes import ClassBuilder
from generator.ir.context import BuildContext
from generator.ir.hoisted import Hoisted
from generator.ir.keyword_checks import enforced_pattern, kept_enum
from generator.ir.model import TypeRef
from generator.ir.sanitise import Sanitiser
from generator.ir.schema_facts import essential_members
from generator.ir.types import ModelRef, TypeExpr
from generator.ir.warm import WarmIR
from generator.ir.warm_log import frozen
from generator.load import Document, RefError
from generator.openapi import COMPOSITIONS, SCHEMA_PREFIX, escape
from generator.printers.python import SignatureTypes

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
# Formats whose pydantic type would change the wire or the dependencies of a generated client:
# EmailStr needs email-validator, ULID needs python-ulid, and SecretStr serialises as "*****".
# Their values stay plain strings.
PLAIN_STRING_FORMATS = frozenset({"email", "idn-email", "ulid", "password"})


@dataclass
class SchemaHoister:
    """Hoists the schemas of one build into `hoisted`, replaying what it can with `warm`."""

    hoisted: Hoisted
    # A long-lived process's replay of the previous run (see `warm`), made over `hoisted`.
    warm: WarmIR | None = None
    classes: ClassBuilder = field(init=False)
    signatures: SignatureTypes = field(init=False)
    # `hoisted`'s, at hand (read for every schema transformed; never replaced, only filled).
    ctx: BuildContext = field(init=False)
    # class name → hoisted schema (sanitised once its unit is done)
    schemas: dict[str, dict[str, Any]] = field(init=False)
    origins: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        hoisted = self.hoisted
        self.ctx, self.schemas, self.origins = hoisted.ctx, hoisted.schemas, hoisted.origins
        # Both read the schemas live: they grow while operations hoist their inline schemas.
        self.classes = ClassBuilder(hoisted.schemas, hoisted.origins, hoisted.run, ctx=self.ctx)
        self.signatures = SignatureTypes(self.classes.kind, self._alias_root)

    # -- units -------------------------------------------------------------------------------

    def hoist_components(self) -> None:
        """Hoist every component schema, then sanitise them: they are final from then on.

        The components are one unit: each is named before any is transformed (a `$ref` to a
        later component finds its name), so only when all are hoisted can each be sanitised
        (sanitising follows `$ref`s)."""
        self.name_components()
        self.transform_components()
        self.finish_unit()

    def finish_unit(self) -> None:
        """Sanitise the classes hoisted since the last unit finished: they are final (what a
        class builder or a later unit reads of them, and what the warm replay fingerprints).
        Called after the components and after each path item (`OperationsBuilder`), so each
        class is sanitised once."""
        Sanitiser(self.hoisted, self.warm).run()

    def components(self) -> dict[str, Any]:
        components = self.ctx.root.data.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        return schemas if isinstance(schemas, dict) else {}

    def name_components(self) -> None:
        for key in self.components():
            self.claim(str(key), (str(self.ctx.root.path), SCHEMA_PREFIX + escape(str(key))))

    def claim(self, hint: str, key: tuple[str, str]) -> str:
        if key not in self.hoisted.named:
            self.hoisted.named[key] = naming.unique(
                naming.class_name(hint), self.hoisted.class_names
            )
        return self.hoisted.named[key]

    def transform_components(self) -> None:
        warm = self.warm
        for key, schema in self.components().items():
            pointer = SCHEMA_PREFIX + escape(str(key))
            class_name = self.hoisted.named[(str(self.ctx.root.path), pointer)]
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
        if self.hoisted.log is not None:
            self.hoisted.log.defines.append(class_name)
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
            if self.hoisted.log is not None:
                self.hoisted.log.replayable = False
            self.ctx.warn(exc.rule, f"{exc}; typed as Any", pointer, document)
            return {}
        key = (str(resolved.document.path), resolved.pointer)
        if self.hoisted.log is not None:
            if key in self.hoisted.named and document is self.ctx.root:
                self.hoisted.log.hits.append((ref, self.hoisted.named[key]))
            else:  # a class defined here, or a $ref of another document: not replayed
                self.hoisted.log.replayable = False
        if key not in self.hoisted.named:
            is_component = resolved.pointer.startswith(SCHEMA_PREFIX)
            base = resolved.pointer.rsplit("/", 1)[1] if is_component else hint
            class_name = self.claim(base.replace("~1", "/").replace("~0", "~"), key)
            self.define(class_name, resolved.value, resolved.document, resolved.pointer)
        return {"$ref": SCHEMA_PREFIX + self.hoisted.named[key]}

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
            class_name = naming.unique(base, self.hoisted.class_names)
            if self.hoisted.log is not None:
                self.hoisted.log.claims.append((base, class_name))
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
                pattern = enforced_pattern(self.ctx, value, document, child)
                if pattern is not None:
                    out[key] = pattern
            elif key == "format" and value in PLAIN_STRING_FORMATS:
                continue
            elif key == "nullable" and value is not True:
                # `nullable: false` is the default; stated explicitly, the model generator
                # types an optional field as non-optional with a None default.
                continue
            elif key == "enum":
                values = kept_enum(self.ctx, value, schema.get("type"), document, child)
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

    # -- what the model generator cannot express ---------------------------------------------

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
