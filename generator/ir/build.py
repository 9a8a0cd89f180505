"""Build the IR from a loaded spec.

Generation is forgiving: whatever cannot be expressed precisely becomes a typed fallback
(`Any`, `dict[str, Any]`, `bytes`) plus a warning with its location. No operation is dropped.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pydantic_core

from generator import naming
from generator.diagnostics import Diagnostic, Level, SpecError, pointer_join
from generator.ir.model import (
    ANY,
    Api,
    BodyKind,
    Header,
    Model,
    OAuthFlow,
    Operation,
    Pagination,
    Parameter,
    RequestBody,
    Response,
    SecurityRequirement,
    SecurityScheme,
    Server,
    ServerVariable,
    TypeRef,
)
from generator.load import Document, RefError, SpecSet

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
# OpenAPI says header parameters with these names are ignored: the client owns them.
IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
SCHEMA_PREFIX = "#/components/schemas/"
PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
STRING_FORMATS = {"binary": "bytes"}
COMPOSITIONS = ("oneOf", "anyOf", "allOf")
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
PATH_TEMPLATE = re.compile(r"\{([^{}]+)\}")
# Formats whose pydantic type would change the wire or the dependencies of a generated client:
# EmailStr needs email-validator, ULID needs python-ulid, and SecretStr serialises as "*****".
# Their values stay plain strings.
PLAIN_STRING_FORMATS = frozenset({"email", "idn-email", "ulid", "password"})


def is_json_media(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def body_kind(media_type: str) -> BodyKind:
    base = media_type.split(";")[0].strip().lower()
    if is_json_media(base):
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


@dataclass
class _Builder:
    """Mutable state of one build; the result is the frozen `Api`."""

    spec: SpecSet
    name: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    class_names: set[str] = field(default_factory=set)
    # (document path, pointer) of a named schema → its class name
    named: dict[tuple[str, str], str] = field(default_factory=dict)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)

    @property
    def root(self) -> Document:
        return self.spec.root

    @property
    def is_31(self) -> bool:
        return str(self.root.data.get("openapi", "")).startswith("3.1")

    # -- diagnostics ---------------------------------------------------------------------------

    def warn(
        self,
        rule: str,
        message: str,
        pointer: str,
        document: Document | None = None,
        level: Level = Level.WARNING,
    ) -> None:
        doc = document or self.root
        line, col = doc.locate(pointer)
        self.diagnostics.append(Diagnostic(rule, level, message, doc.display, pointer, line, col))

    # -- references ----------------------------------------------------------------------------

    def deref(self, node: Any, document: Document, pointer: str) -> tuple[Any, Document, str]:
        """Follow `$ref` chains (parameters, responses, bodies) to the object they name."""
        seen: set[tuple[str, str]] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            try:
                resolved = self.spec.resolve(ref, document)
            except RefError as exc:
                raise SpecError(self._ref_error(exc, document, pointer)) from None
            key = (str(resolved.document.path), resolved.pointer)
            if key in seen:
                raise SpecError(
                    self._ref_error(
                        RefError("ref-cycle", f"{ref!r} refers to itself"), document, pointer
                    )
                )
            seen.add(key)
            node, document, pointer = resolved.value, resolved.document, resolved.pointer
        return node, document, pointer

    def _ref_error(self, exc: RefError, document: Document, pointer: str) -> Diagnostic:
        line, col = document.locate(pointer)
        return Diagnostic(exc.rule, Level.ERROR, str(exc), document.display, pointer, line, col)

    # -- schemas -------------------------------------------------------------------------------

    def components(self) -> dict[str, Any]:
        components = self.root.data.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        return schemas if isinstance(schemas, dict) else {}

    def name_components(self) -> None:
        for key in self.components():
            self.claim(str(key), (str(self.root.path), SCHEMA_PREFIX + _escape(str(key))))

    def claim(self, hint: str, key: tuple[str, str]) -> str:
        if key not in self.named:
            self.named[key] = naming.unique(naming.class_name(hint), self.class_names)
        return self.named[key]

    def transform_components(self) -> None:
        for key, schema in self.components().items():
            pointer = SCHEMA_PREFIX + _escape(str(key))
            class_name = self.named[(str(self.root.path), pointer)]
            if class_name not in self.schemas:
                self.define(class_name, schema, self.root, pointer)

    def define(self, class_name: str, schema: Any, document: Document, pointer: str) -> None:
        self.schemas[class_name] = {}  # reserve first: recursive schemas refer back to it
        self.origins[class_name] = pointer
        self.schemas[class_name] = self.transform(schema, document, pointer, class_name, top=True)

    def named_ref(self, ref: str, document: Document, pointer: str, hint: str) -> dict[str, Any]:
        """Rewrite one schema `$ref` to point at a class in the models document."""
        try:
            resolved = self.spec.resolve(ref, document)
        except RefError as exc:
            if exc.rule == "ref-remote" or exc.rule == "ref-escape":
                raise SpecError(self._ref_error(exc, document, pointer)) from None
            self.warn(exc.rule, f"{exc}; typed as Any", pointer, document)
            return {}
        key = (str(resolved.document.path), resolved.pointer)
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
            self.warn("schema-invalid", "schema is not an object; typed as Any", pointer, document)
            return {}
        if isinstance(schema.get("$ref"), str):
            target = self.named_ref(schema["$ref"], document, pointer, hint)
            siblings = {
                k: v for k, v in schema.items() if k not in ("$ref", "description", "summary")
            }
            if self.is_31 and siblings:
                wrapped = self.transform(siblings, document, pointer, hint, top=True)
                return {"allOf": [target, wrapped]} if target else wrapped
            return target
        if not top and _deserves_class(schema):
            class_name = naming.unique(naming.class_name(hint), self.class_names)
            self.define(class_name, schema, document, pointer)
            return {"$ref": SCHEMA_PREFIX + class_name}
        out: dict[str, Any] = {}
        for key, value in schema.items():
            child = pointer_join(pointer, key)
            if key == "properties" and isinstance(value, dict):
                tag = _discriminator_property(schema)
                out[key] = {
                    name: self.transform(
                        _plain_tag(sub) if name == tag else sub,
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
                if key == "allOf":
                    parent = self.referenced_properties(value, document)
                else:
                    parent = _redeclarable(schema)
                out[key] = [
                    self.transform(
                        self.without_redeclared(sub, parent, document, pointer_join(child, i)),
                        document,
                        pointer_join(child, i),
                        f"{hint}Option{i + 1}",
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

    def referenced_properties(self, members: list[Any], document: Document) -> dict[str, Any]:
        """Properties the `$ref` members of an `allOf` declare (through their own `allOf`s),
        by name: the model generator makes those members base classes of the inline ones'
        class too, so an inline member typing one of them as another class clashes."""
        found: dict[str, Any] = {}
        for member in members:
            if isinstance(member, dict) and isinstance(member.get("$ref"), str):
                for name, sub in self.declared_properties(member, document, frozenset()).items():
                    found.setdefault(name, sub)
        return found

    def declared_properties(
        self, schema: dict[str, Any], document: Document, seen: frozenset[tuple[Path, str]]
    ) -> dict[str, Any]:
        ref = schema.get("$ref")
        if isinstance(ref, str):
            try:
                resolved = self.spec.resolve(ref, document)
            except RefError:
                return {}
            key = (resolved.document.path, resolved.pointer)
            if key in seen or not isinstance(resolved.value, dict):
                return {}
            return self.declared_properties(resolved.value, resolved.document, seen | {key})
        properties = schema.get("properties")
        found = dict(properties) if isinstance(properties, dict) else {}
        for member in schema.get("allOf") or ():
            if isinstance(member, dict):
                for name, sub in self.declared_properties(member, document, seen).items():
                    found.setdefault(name, sub)
        return found

    def without_redeclared(
        self, option: Any, parent: dict[str, Any], document: Document, pointer: str
    ) -> Any:
        """An inline `oneOf`/`anyOf` option (or `allOf` member) without the properties it types
        as another class than its parent (or a `$ref` member) does.

        The model generator makes each option a base class of the parent's variants, so an
        option that narrows a parent enum (`status: [completed]` under `status: [queued,
        in_progress, completed]`) gives one field two classes, which mypy rejects. The parent's
        declaration is kept; the option's other keywords (its `required`) still apply. A
        narrowing of an untyped property (a parent `{}` made a string) stays: it type-checks.
        """
        if not parent or not isinstance(option, dict) or "$ref" in option:
            return option
        properties = option.get("properties")
        if not isinstance(properties, dict):
            return option
        clashing = sorted(
            name
            for name, sub in properties.items()
            if name in parent and _clashes(sub, parent[name])
        )
        if not clashing:
            return option
        for name in clashing:
            self.warn(
                "option-property-merged",
                f"property {name!r} is declared by the parent too; the models type it as the"
                " parent does (the option's narrower schema is not enforced)",
                pointer_join(pointer, "properties", name),
                document,
                Level.INFO,
            )
        kept = {k: v for k, v in properties.items() if k not in clashing}
        rest = {k: v for k, v in option.items() if k != "properties"}
        return {**rest, "properties": kept} if kept else rest

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
            self.warn("enum-invalid", "enum is not a non-empty list; ignored", pointer, document)
            return None
        unique = list(dict.fromkeys(json_key(v) for v in values))
        kept = [json.loads(v) for v in unique]
        if not isinstance(declared, str):
            return kept
        fits = _TYPE_CHECKS.get(declared)
        if fits is None or all(v is None or fits(v) for v in kept):
            return kept
        if declared == "string" and all(not isinstance(v, dict | list) for v in kept):
            self.warn(
                "enum-type-mismatch",
                "enum values of a string schema are not all strings; written as strings",
                pointer,
                document,
            )
            return list(dict.fromkeys(v if v is None else _as_text(v) for v in kept))
        self.warn(
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
        self.warn(
            "pattern-unsupported",
            f"pattern {value!r} is not enforced by the models: {problem}",
            pointer,
            document,
        )
        return None

    # -- what the model generator cannot express ---------------------------------------------

    def sanitise_schemas(self) -> None:
        """Replace what would break the models with something permissive, each with a warning."""
        for class_name in list(self.schemas):
            if self.alias_target(class_name) is None:
                self.warn_origin(
                    "ref-cycle",
                    f"schema {class_name!r} is only a reference back to itself; typed as Any",
                    class_name,
                )
                self.schemas[class_name] = {}
        for class_name, schema in self.schemas.items():
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
                        f"default at {where or '/'} of {class_name!r} is not applied by the "
                        f"models (format {node['format']!r})",
                        class_name,
                        Level.INFO,
                    )
                if "default" in node and not self.default_fits(node):
                    node.pop("default")
                    self.warn_origin(
                        "default-invalid",
                        f"default at {where or '/'} of {class_name!r} is not one of its enum "
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
                        f"default at {where or '/'} of {class_name!r} is not of type "
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
        self.warn(rule, message, pointer, level=level)

    # -- annotations ---------------------------------------------------------------------------

    def annotate(self, schema: dict[str, Any], *, depth: int = 0) -> TypeRef:
        """The Python annotation for a transformed schema."""
        if depth > 32:
            return ANY
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
            class_name = ref[len(SCHEMA_PREFIX) :]
            target = self.schemas.get(class_name, {})
            if _is_class_schema(target) or not target:
                return TypeRef(class_name, (class_name,), is_model=_is_object_schema(target))
            return self.annotate(target, depth=depth + 1)
        nullable = schema.get("nullable") is True
        types = schema.get("type")
        if isinstance(types, list):
            nullable = nullable or "null" in types
            types = [t for t in types if t != "null"]
            types = types[0] if len(types) == 1 else None
        for key in ("oneOf", "anyOf"):
            members = schema.get(key)
            if isinstance(members, list) and members:
                parts = [self.annotate(m, depth=depth + 1) for m in members if isinstance(m, dict)]
                nullable = nullable or any(
                    isinstance(m, dict) and m.get("type") == "null" for m in members
                )
                parts = [p for p in parts if p.annotation != "None"]
                return _nullable(_union(parts), nullable)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], dict):
            return _nullable(self.annotate(all_of[0], depth=depth + 1), nullable)
        if types == "null":
            return TypeRef("None")
        if types == "array":
            items = schema.get("items")
            inner = self.annotate(items, depth=depth + 1) if isinstance(items, dict) else ANY
            return _nullable(TypeRef(f"list[{inner.annotation}]", inner.models), nullable)
        if types == "object" or (types is None and "properties" in schema):
            extra = schema.get("additionalProperties")
            inner = (
                self.annotate(extra, depth=depth + 1) if isinstance(extra, dict) and extra else ANY
            )
            return _nullable(TypeRef(f"dict[str, {inner.annotation}]", inner.models), nullable)
        if isinstance(types, str) and types in PRIMITIVES:
            base = STRING_FORMATS.get(str(schema.get("format")), PRIMITIVES[types])
            return _nullable(TypeRef(base), nullable)
        return ANY

    # -- document parts ------------------------------------------------------------------------

    def servers(self) -> tuple[Server, ...]:
        result = []
        for index, server in enumerate(self.root.data.get("servers") or ()):
            if not isinstance(server, dict) or not isinstance(server.get("url"), str):
                self.warn("server-invalid", "server without a url; skipped", f"#/servers/{index}")
                continue
            taken: set[str] = set()
            variables = tuple(
                ServerVariable(
                    name=str(var_name),
                    python_name=naming.unique(
                        naming.snake(str(var_name), reserved=naming.CONSTRUCTOR_RESERVED), taken
                    ),
                    default=str(var.get("default", "")),
                    enum=tuple(str(v) for v in var.get("enum") or ()),
                    description=str(var.get("description") or ""),
                )
                for var_name, var in (server.get("variables") or {}).items()
                if isinstance(var, dict)
            )
            result.append(Server(server["url"], str(server.get("description") or ""), variables))
        return tuple(result)

    def security_schemes(self) -> tuple[SecurityScheme, ...]:
        schemes = ((self.root.data.get("components") or {}).get("securitySchemes")) or {}
        result = []
        for scheme_name, raw in schemes.items():
            scheme, _, _ = self.deref(
                raw, self.root, f"#/components/securitySchemes/{_escape(scheme_name)}"
            )
            if not isinstance(scheme, dict):
                continue
            flows = tuple(
                OAuthFlow(
                    kind=str(kind),
                    token_url=str(flow.get("tokenUrl") or ""),
                    authorization_url=str(flow.get("authorizationUrl") or ""),
                    refresh_url=str(flow.get("refreshUrl") or ""),
                    scopes=tuple((str(k), str(v)) for k, v in (flow.get("scopes") or {}).items()),
                )
                for kind, flow in (scheme.get("flows") or {}).items()
                if isinstance(flow, dict)
            )
            result.append(
                SecurityScheme(
                    name=str(scheme_name),
                    kind=str(scheme.get("type", "")),
                    scheme=str(scheme.get("scheme") or ""),
                    bearer_format=str(scheme.get("bearerFormat") or ""),
                    location=str(scheme.get("in") or ""),
                    parameter_name=str(scheme.get("name") or ""),
                    description=str(scheme.get("description") or ""),
                    flows=flows,
                )
            )
        return tuple(result)

    def operations(self) -> tuple[Operation, ...]:
        paths = self.root.data.get("paths") or {}
        taken: set[str] = set()
        global_security = _security(self.root.data.get("security"))
        result = []
        for path, raw_item in paths.items():
            item_pointer = pointer_join("#/paths", path)
            item, item_doc, item_pointer = self.deref(raw_item, self.root, item_pointer)
            if not isinstance(item, dict):
                continue
            for method in METHODS:
                raw_op = item.get(method)
                if not isinstance(raw_op, dict):
                    continue
                op_pointer = pointer_join(item_pointer, method)
                result.append(
                    self.operation(
                        str(path),
                        method,
                        raw_op,
                        item,
                        item_doc,
                        op_pointer,
                        taken,
                        global_security,
                    )
                )
        return tuple(result)

    def operation(
        self,
        path: str,
        method: str,
        raw: dict[str, Any],
        item: dict[str, Any],
        document: Document,
        pointer: str,
        taken: set[str],
        global_security: tuple[SecurityRequirement, ...],
    ) -> Operation:
        operation_id = raw.get("operationId")
        if not isinstance(operation_id, str) or not naming.words(operation_id):
            operation_id = method + "_" + "_".join(naming.words(path))
        python_name = naming.unique(
            naming.snake(operation_id, fallback="call", reserved=naming.CLIENT_ATTRIBUTES), taken
        )
        hint = naming.pascal(operation_id)
        parameters = self.parameters(item, raw, document, pointer, hint)
        parameters += self.undeclared_path_parameters(path, parameters, document, pointer)
        body = self.request_body(
            raw.get("requestBody"), document, pointer_join(pointer, "requestBody"), hint
        )
        responses = self.responses(
            raw.get("responses"), document, pointer_join(pointer, "responses"), hint
        )
        security = _security(raw["security"]) if "security" in raw else global_security
        upper = method.upper()
        idempotent = raw.get("x-idempotent")
        op = Operation(
            operation_id=operation_id,
            python_name=python_name,
            method=upper,
            path=path,
            tags=tuple(str(t) for t in raw.get("tags") or () if isinstance(t, str)),
            summary=str(raw.get("summary") or ""),
            description=str(raw.get("description") or ""),
            deprecated=raw.get("deprecated") is True,
            parameters=parameters,
            body=body,
            responses=responses,
            security=security,
            idempotent=idempotent if isinstance(idempotent, bool) else upper in IDEMPOTENT_METHODS,
            pagination=None,
            accept=_accept(responses),
            pointer=pointer,
        )
        pagination = self.pagination(raw.get("x-pagination"), op, document, pointer)
        if pagination is None:
            return op
        return replace(op, pagination=pagination)

    def parameters(
        self, item: dict[str, Any], raw: dict[str, Any], document: Document, pointer: str, hint: str
    ) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], Document, str]] = {}
        for owner, owner_pointer in ((item, pointer.rsplit("/", 1)[0]), (raw, pointer)):
            for index, entry in enumerate(owner.get("parameters") or ()):
                param, doc, where = self.deref(
                    entry, document, pointer_join(owner_pointer, "parameters", index)
                )
                if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                    self.warn("parameter-invalid", "parameter without a name; skipped", where, doc)
                    continue
                merged[(param["name"], str(param.get("in")))] = (param, doc, where)
        taken: set[str] = set()
        result = []
        for (wire, location), (param, doc, where) in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                self.warn(
                    "parameter-invalid",
                    f"parameter {wire!r} has no valid 'in'; skipped",
                    where,
                    doc,
                )
                continue
            if location == "header" and wire.lower() in IGNORED_HEADERS:
                continue
            schema = param.get("schema")
            if schema is None and isinstance(param.get("content"), dict) and param["content"]:
                media = next(iter(param["content"].values()))
                schema = media.get("schema") if isinstance(media, dict) else None
            transformed = self.transform(
                schema or {}, doc, pointer_join(where, "schema"), hint + naming.pascal(wire)
            )
            type_ref = self.annotate(transformed)
            if location == "cookie":
                self.warn(
                    "parameter-cookie",
                    f"cookie parameter {wire!r} is sent as a Cookie header",
                    where,
                    doc,
                )
            default = transformed.get("default") if isinstance(transformed, dict) else None
            result.append(
                Parameter(
                    wire_name=wire,
                    python_name=naming.unique(
                        naming.snake(wire, fallback="param", reserved=naming.CLIENT_RESERVED), taken
                    ),
                    location=location,  # type: ignore[arg-type]
                    required=location == "path" or param.get("required") is True,
                    type=type_ref,
                    description=str(param.get("description") or ""),
                    deprecated=param.get("deprecated") is True,
                    default=default,
                    explode=param.get("explode", param.get("style", "form") == "form") is True,
                    style=str(param.get("style") or ""),
                    schema=transformed,
                )
            )
        return tuple(result)

    def undeclared_path_parameters(
        self, path: str, declared: tuple[Parameter, ...], document: Document, pointer: str
    ) -> tuple[Parameter, ...]:
        """A string parameter for each `{name}` of the path no parameter declares (a warning
        each): without it the URL could never be built."""
        known = {p.wire_name for p in declared if p.location == "path"}
        taken = {p.python_name for p in declared}
        missing = [n for n in dict.fromkeys(PATH_TEMPLATE.findall(path)) if n not in known]
        result = []
        for wire in missing:
            self.warn(
                "path-parameter-undeclared",
                f"path parameter {wire!r} is not declared; typed as str",
                pointer,
                document,
            )
            python_name = naming.snake(wire, fallback="param", reserved=naming.CLIENT_RESERVED)
            result.append(
                Parameter(
                    wire_name=wire,
                    python_name=naming.unique(python_name, taken),
                    location="path",
                    required=True,
                    type=TypeRef("str"),
                    schema={"type": "string"},
                )
            )
        return tuple(result)

    def request_body(
        self, raw: Any, document: Document, pointer: str, hint: str
    ) -> RequestBody | None:
        if raw is None:
            return None
        body, doc, where = self.deref(raw, document, pointer)
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict) or not content:
            return None
        media_type = _prefer_media(content)
        media = content[media_type] if isinstance(content[media_type], dict) else {}
        kind = body_kind(media_type)
        media_pointer = pointer_join(where, "content", media_type)
        schema = self.transform(
            media.get("schema") or {},
            doc,
            pointer_join(media_pointer, "schema"),
            hint + "Request",
            top=False,
        )
        if kind == "json":
            type_ref = self.annotate(schema)
        elif kind == "binary":
            type_ref = TypeRef("bytes")
        elif kind == "text":
            type_ref = TypeRef("str")
        else:
            type_ref = TypeRef("dict[str, Any]")
            self.warn(
                "body-fallback", f"{media_type} body typed as dict[str, Any]", media_pointer, doc
            )
        return RequestBody(
            media_type=media_type,
            kind=kind,
            type=type_ref,
            required=body.get("required") is True,
            description=str(body.get("description") or ""),
            schema=schema,
        )

    def responses(
        self, raw: Any, document: Document, pointer: str, hint: str
    ) -> tuple[Response, ...]:
        if not isinstance(raw, dict):
            return ()
        result = []
        first_success = True
        for status, entry in raw.items():
            status = str(status)
            response, doc, where = self.deref(entry, document, pointer_join(pointer, status))
            if not isinstance(response, dict):
                continue
            raw_content = response.get("content")
            content: dict[str, Any] = raw_content if isinstance(raw_content, dict) else {}
            media_type = _prefer_media(content) if content else None
            type_ref: TypeRef | None = None
            schema: dict[str, Any] | None = None
            examples: tuple[tuple[str, Any], ...] = ()
            if media_type is not None:
                media = content[media_type] if isinstance(content[media_type], dict) else {}
                success = status.startswith("2")
                name = hint + (
                    "Response"
                    if success and first_success
                    else f"Response{status}"
                    if success
                    else f"Error{status}"
                )
                schema = self.transform(
                    media.get("schema") or {},
                    doc,
                    pointer_join(where, "content", media_type, "schema"),
                    name,
                )
                kind = body_kind(media_type)
                type_ref = (
                    self.annotate(schema)
                    if kind == "json"
                    else TypeRef("bytes" if kind == "binary" else "str")
                )
                examples = _examples(media)
                first_success = first_success and not success
            raw_headers = response.get("headers")
            header_names: set[str] = set()
            headers = tuple(
                self.header(
                    str(name), value, doc, pointer_join(where, "headers", name), header_names
                )
                for name, value in (raw_headers if isinstance(raw_headers, dict) else {}).items()
                if str(name).lower() != "content-type"
            )
            result.append(
                Response(
                    status,
                    str(response.get("description") or ""),
                    media_type,
                    type_ref,
                    headers,
                    examples,
                    schema,
                )
            )
        return tuple(result)

    def header(
        self, name: str, raw: Any, document: Document, pointer: str, taken: set[str]
    ) -> Header:
        header, doc, where = self.deref(raw, document, pointer)
        schema = header.get("schema") if isinstance(header, dict) else None
        transformed = self.transform(
            schema or {}, doc, pointer_join(where, "schema"), naming.pascal(name)
        )
        return Header(
            wire_name=str(name),
            python_name=naming.unique(naming.snake(name, fallback="header"), taken),
            type=self.annotate(transformed),
            required=isinstance(header, dict) and header.get("required") is True,
            description=str(header.get("description") or "") if isinstance(header, dict) else "",
        )

    def pagination(
        self, raw: Any, op: Operation, document: Document, pointer: str
    ) -> Pagination | None:
        if raw is None:
            return None
        where = pointer_join(pointer, "x-pagination")
        success = op.success
        if (
            not isinstance(raw, dict)
            or success is None
            or success.type is None
            or not success.type.is_model
        ):
            self.warn(
                "pagination-invalid",
                "x-pagination needs a JSON object response; ignored",
                where,
                document,
            )
            return None
        style, items, next_path = raw.get("style"), raw.get("items"), raw.get("next")
        cursor = raw.get("cursor-param")
        page_schema = self.schemas.get(success.type.annotation, {})
        item_schema = (
            (page_schema.get("properties") or {}).get(items) if isinstance(items, str) else None
        )
        if (
            style not in ("next-link", "cursor")
            or not isinstance(next_path, str)
            or item_schema is None
        ):
            self.warn(
                "pagination-invalid",
                "x-pagination needs style, items (a response property) and next; ignored",
                where,
                document,
            )
            return None
        if style == "cursor" and not isinstance(cursor, str):
            self.warn(
                "pagination-invalid",
                "cursor pagination needs cursor-param; ignored",
                where,
                document,
            )
            return None
        list_type = self.annotate(item_schema)
        items_schema = item_schema.get("items") if isinstance(item_schema, dict) else None
        item_type = self.annotate(items_schema) if isinstance(items_schema, dict) else ANY
        if not list_type.annotation.startswith("list["):
            item_type = ANY
        return Pagination(
            style,
            str(items),
            next_path,
            cursor if isinstance(cursor, str) else None,
            item_type,
            success.type,
        )

    def build(self) -> Api:
        info = self.root.data.get("info") if isinstance(self.root.data.get("info"), dict) else {}
        self.name_components()
        self.transform_components()
        self.sanitise_schemas()
        operations = self.operations()
        self.sanitise_schemas()
        models = tuple(
            Model(name, self.origins.get(name, ""), str(schema.get("description") or ""))
            for name, schema in self.schemas.items()
        )
        document = {
            "openapi": str(self.root.data.get("openapi", "3.0.3")),
            "info": {
                "title": str(info.get("title") or self.name),
                "version": str(info.get("version") or "0"),
            },
            "paths": {},
            "components": {"schemas": dict(self.schemas)},
        }
        return Api(
            name=self.name,
            title=str(info.get("title") or self.name),
            version=str(info.get("version") or ""),
            description=str(info.get("description") or ""),
            openapi_version=str(self.root.data.get("openapi", "")),
            servers=self.servers(),
            security_schemes=self.security_schemes(),
            security=_security(self.root.data.get("security")),
            operations=operations,
            models=models,
            models_document=document,
        )


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


def _discriminator_property(schema: dict[str, Any]) -> str | None:
    discriminator = schema.get("discriminator")
    name = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
    return name if isinstance(name, str) else None


def _redeclarable(schema: dict[str, Any]) -> dict[str, Any]:
    """Parent properties an option may not declare again, by name (the discriminator's tag
    may: each variant narrows it to its own value on purpose)."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    tag = _discriminator_property(schema)
    return {name: sub for name, sub in properties.items() if name != tag}


def _clashes(mine: Any, theirs: Any) -> bool:
    """Whether two declarations of one property become incompatible fields of two base
    classes: both classes of their own, or both typed (then they differ at least in being
    required or nullable). An untyped declaration narrowed to a plain type stays compatible."""
    if _class_like(mine) and _class_like(theirs):
        return True
    return all(isinstance(s, dict) and isinstance(s.get("type"), str) for s in (mine, theirs))


def _class_like(schema: Any) -> bool:
    """Whether the models type this schema as a class of its own (a reference, or an inline
    object or enum that is hoisted)."""
    return isinstance(schema, dict) and ("$ref" in schema or _deserves_class(schema))


def _plain_tag(schema: Any) -> Any:
    """A discriminator property without its enum: subclasses narrow it to one `Literal` each,
    which type-checks against `str` but not against an enum class."""
    if isinstance(schema, dict) and "enum" in schema and "$ref" not in schema:
        return {k: v for k, v in schema.items() if k != "enum"}
    return schema


def json_key(value: Any) -> str:
    """A canonical JSON text of a value: equal values (and only they) give equal keys."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _as_text(value: Any) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}


# What a value of each JSON type is (a default is checked against all six; enum values only
# against the scalar ones, in _TYPE_CHECKS).
_VALUE_CHECKS: dict[str, Callable[[Any], bool]] = {
    **_TYPE_CHECKS,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _default_fits_type(node: dict[str, Any]) -> bool:
    declared, value = node.get("type"), node["default"]
    if not isinstance(declared, str) or value is None:
        return True
    check = _VALUE_CHECKS.get(declared)
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


def _walk_schema(schema: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    """Every sub-schema of a transformed schema with its relative pointer (iteratively)."""
    stack: list[tuple[str, dict[str, Any]]] = [("", schema)]
    while stack:
        where, node = stack.pop()
        yield where, node
        for key, value in node.items():
            if key in ("properties", "patternProperties") and isinstance(value, dict):
                stack.extend(
                    (pointer_join(where, key, name), sub)
                    for name, sub in value.items()
                    if isinstance(sub, dict)
                )
            elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
                stack.append((pointer_join(where, key), value))
            elif key in (*COMPOSITIONS, "prefixItems") and isinstance(value, list):
                stack.extend(
                    (pointer_join(where, key, i), sub)
                    for i, sub in enumerate(value)
                    if isinstance(sub, dict)
                )


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _deserves_class(schema: dict[str, Any]) -> bool:
    """Inline schemas hoisted to named classes, so both generators agree on their names."""
    return bool(schema.get("properties")) or (
        isinstance(schema.get("enum"), list)
        and schema.get("type") in ("string", None)
        and bool(schema["enum"])
        and all(isinstance(v, str) for v in schema["enum"])
    )


def _is_object_schema(schema: dict[str, Any]) -> bool:
    return (
        bool(schema.get("properties"))
        or schema.get("type") == "object"
        and not _is_map(schema)
        or any(key in schema for key in COMPOSITIONS)
    )


def _is_map(schema: dict[str, Any]) -> bool:
    return (
        schema.get("type") == "object"
        and not schema.get("properties")
        and "additionalProperties" in schema
    )


def _is_class_schema(schema: dict[str, Any]) -> bool:
    """Whether the model generator writes a class (not a root model) for this schema."""
    if isinstance(schema.get("enum"), list):
        return True
    return _is_object_schema(schema)


def _union(parts: list[TypeRef]) -> TypeRef:
    if not parts:
        return ANY
    annotations = list(dict.fromkeys(p.annotation for p in parts))
    if "Any" in annotations:
        return ANY
    models = tuple(dict.fromkeys(m for p in parts for m in p.models))
    if len(annotations) == 1:
        return parts[0]
    return TypeRef(" | ".join(annotations), models)


def _nullable(type_ref: TypeRef, nullable: bool) -> TypeRef:
    if (
        not nullable
        or type_ref.annotation in ("Any", "None")
        or type_ref.annotation.endswith("| None")
    ):
        return type_ref
    return TypeRef(f"{type_ref.annotation} | None", type_ref.models)


def _prefer_media(content: dict[str, Any]) -> str:
    media_types = [str(m) for m in content]
    return next((m for m in media_types if is_json_media(m) and m != "*/*"), media_types[0])


def _accept(responses: Iterable[Response]) -> str | None:
    media = [r.media_type for r in responses if r.is_success and r.media_type]
    unique = list(dict.fromkeys(m for m in media if m))
    return ", ".join(unique) if unique else None


def _examples(media: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    if "example" in media:
        return (("example", media["example"]),)
    examples = media.get("examples")
    if isinstance(examples, dict):
        return tuple(
            (str(name), value["value"])
            for name, value in examples.items()
            if isinstance(value, dict) and "value" in value
        )
    return ()


def _security(raw: Any) -> tuple[SecurityRequirement, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        SecurityRequirement(
            tuple(
                (str(name), tuple(str(s) for s in scopes or ())) for name, scopes in entry.items()
            )
        )
        for entry in raw
        if isinstance(entry, dict)
    )


def build_api(spec: SpecSet, name: str) -> tuple[Api, list[Diagnostic]]:
    """The IR of one spec plus the warnings about what could only be approximated."""
    if "swagger" in spec.root.data:
        raise SpecError(
            Diagnostic(
                "swagger-2",
                Level.ERROR,
                "Swagger 2.0 document: convert it to OpenAPI 3 first (e.g. with swagger2openapi)",
                spec.root.display,
                "#/swagger",
                *spec.root.locate("#/swagger"),
            )
        )
    builder = _Builder(spec, name)
    api = builder.build()
    return api, builder.diagnostics
