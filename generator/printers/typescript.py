"""TypeScript spellings of `TypeExpr` and `ModelClass`.

The TypeScript client describes JSON as it is on the wire: properties keep their wire names,
formats stay the JSON type (`date-time` is a `string`, `int64` a `number`), enums are
string-literal unions, objects are interfaces. Nothing is converted at run time, so the types
are the whole contract.

Only built-in type syntax is printed (`T[]`, `{ [key: string]: T }`, never `Array` or
`Record`), so a model named `Record` or `Array` cannot shadow what the printer relies on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.ir.types import (
    AnyType,
    Field,
    ListOf,
    LiteralOf,
    MapOf,
    ModelClass,
    ModelRef,
    Nullable,
    NullType,
    Primitive,
    TypeExpr,
    UnionOf,
    referenced_models,
)

_PRIMITIVES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
# Deeper than any real schema; stops a malformed IR from recursing without end.
_MAX_DEPTH = 64


def ts_string(value: str) -> str:
    """A TypeScript string literal (JSON's escapes are valid TypeScript)."""
    return json.dumps(value, ensure_ascii=False)


def property_key(name: str) -> str:
    """A property name as written in an interface or object literal."""
    return name if _IDENTIFIER.match(name) else ts_string(name)


def doc_comment(text: str, indent: str = "", tags: tuple[str, ...] = ()) -> str:
    """A `/** ... */` block (empty when there is nothing to say); `*/` in text is defused."""
    lines = [line.rstrip() for line in text.strip().replace("*/", "*\\/").splitlines()]
    lines += list(tags)
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return ""
    if len(lines) == 1:
        return f"{indent}/** {lines[0]} */\n"
    body = "".join(f"{indent} *{' ' if line else ''}{line}\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */\n"


def _literal(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    return ts_string(str(value))


@dataclass(frozen=True)
class TypeScriptTypes:
    """Prints type expressions; `ref` spells a model name (e.g. with a namespace prefix)."""

    ref: Callable[[str], str] = str

    def print(self, expr: TypeExpr) -> str:
        return self._print(expr, 0)

    def _print(self, expr: TypeExpr, depth: int) -> str:
        if depth > _MAX_DEPTH:
            return "unknown"
        if isinstance(expr, ModelRef):
            return self.ref(expr.name)
        if isinstance(expr, Primitive):
            return _PRIMITIVES[expr.kind]
        if isinstance(expr, ListOf):
            item = self._print(expr.item, depth + 1)
            return f"({item})[]" if _needs_parens(item) else f"{item}[]"
        if isinstance(expr, MapOf):
            return f"{{ [key: string]: {self._print(expr.value, depth + 1)} }}"
        if isinstance(expr, Nullable):
            inner = self._print(expr.inner, depth + 1)
            return inner if inner == "unknown" else _join([inner, "null"])
        if isinstance(expr, UnionOf):
            return _join([self._print(o, depth + 1) for o in expr.options])
        if isinstance(expr, LiteralOf):
            return _join([_literal(v) for v in expr.values]) if expr.values else "never"
        if isinstance(expr, NullType):
            return "null"
        assert isinstance(expr, AnyType)
        return "unknown"


def _join(parts: list[str]) -> str:
    unique = list(dict.fromkeys(parts))
    if "unknown" in unique:
        return "unknown"
    return " | ".join(unique)


def _needs_parens(text: str) -> bool:
    """Whether `text` must be parenthesised before `[]` (a top-level union)."""
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "|" and depth == 0 and index > 0:
            return True
        elif char == '"':
            return True  # a literal union; a lone literal is harmless in parens too
    return False


@dataclass(frozen=True)
class ModelPrinter:
    """`models.ts`: one declaration per `ModelClass`, in the IR's order (TypeScript resolves
    type names lazily, so no forward declarations are needed)."""

    classes: Mapping[str, ModelClass]
    types: TypeScriptTypes = TypeScriptTypes()

    def declaration(self, model: ModelClass) -> str:
        tags = ("@deprecated",) if model.deprecated else ()
        head = doc_comment(model.description, tags=tags)
        if model.kind == "enum":
            values = [ts_string(m.value) for m in model.members] or ["never"]
            return f"{head}export type {model.name} = {' | '.join(values)};\n"
        if model.kind == "alias":
            return f"{head}export type {model.name} = {self.types.print(model.root)};\n"
        return head + self._interface(model)

    def _interface(self, model: ModelClass) -> str:
        own = {f.wire_name for f in model.fields}
        extends: list[str] = []
        copied: dict[str, Field] = {}
        extra_types = [model.extra_type] if model.extra_type is not None else []
        inherited_types: list[str] = []
        for base in model.bases:
            if base not in self.classes or self.classes[base].kind != "object":
                continue  # the IR only bases objects on objects; anything else is not extended
            fields, base_extra = self._inherited(base)
            # `extends` is an error when the child redeclares a field with another type (or
            # optional where the base requires it), or when a base's index signature does not
            # fit the child's fields. Then the base's fields are copied in instead: TypeScript
            # is structural, so the interface means the same, and no global helper type (Omit)
            # is needed that a model of that name could shadow.
            if base_extra or any(self._clashes(f, fields) for f in model.fields):
                for name, field in fields.items():
                    if name not in own:
                        copied.setdefault(name, field)
                extra_types += base_extra
            else:
                extends.append(base)
                inherited_types += [self._field_type(f) for f in fields.values()]
        head = f"export interface {model.name}"
        if extends:
            head += f" extends {', '.join(extends)}"
        fields_out = [*model.fields, *copied.values()]
        body = [self._field(f) for f in fields_out]
        if extra_types:
            # Every declared property must fit the index signature: widen it by their types.
            parts = [self.types.print(t) for t in extra_types]
            parts += [self._field_type(f) for f in fields_out] + inherited_types
            if any(not f.required for f in fields_out) or inherited_types:
                parts.append("undefined")
            body.append(f"  [key: string]: {_join(parts)};\n")
        if not body:
            return f"{head} {{}}\n"
        return f"{head} {{\n{''.join(body)}}}\n"

    def _clashes(self, field: Field, inherited: Mapping[str, Field]) -> bool:
        """Whether redeclaring `field` over the inherited one of its name breaks `extends`:
        another type, or optional where the base requires it."""
        base = inherited.get(field.wire_name)
        if base is None:
            return False
        different = self._field_type(base) != self._field_type(field)
        return different or (base.required and not field.required)

    def _field_type(self, field: Field) -> str:
        return self.types.print(field.type)

    def _field(self, field: Field) -> str:
        tags: list[str] = []
        if field.read_only:
            tags.append("Set by the server: sent back in responses, ignored in requests.")
        if field.write_only:
            tags.append("Only sent in requests; responses leave it out.")
        if field.has_default:
            tags.append(f"@defaultValue {json.dumps(field.default, ensure_ascii=False)}")
        if field.deprecated:
            tags.append("@deprecated")
        optional = "" if field.required else "?"
        doc = doc_comment(field.description, "  ", tuple(tags))
        return f"{doc}  {property_key(field.wire_name)}{optional}: {self._field_type(field)};\n"

    def _inherited(self, base: str) -> tuple[dict[str, Field], list[TypeExpr]]:
        """Every field `base` declares or inherits (the nearest declaration of a name wins),
        and the types of the index signatures along its chain."""
        fields: dict[str, Field] = {}
        extra: list[TypeExpr] = []
        stack, seen = [base], set()
        while stack:
            name = stack.pop(0)
            if name in seen or name not in self.classes:
                continue
            seen.add(name)
            current = self.classes[name]
            for f in current.fields:
                fields.setdefault(f.wire_name, f)
            if current.extra_type is not None:
                extra.append(current.extra_type)
            stack.extend(current.bases)
        return fields, extra


@dataclass(frozen=True)
class Variants:
    """The one-way types of an API: for each model that reaches a `readOnly` property (itself,
    a base, or a model its fields name, at any depth) the name of its request variant, which
    leaves those properties out (`JobInput`); for each that reaches a `writeOnly` one, the
    name of its response variant (`AccountOutput`). Request bodies are typed with the first,
    responses with the second; a model that reaches neither is its own variant."""

    request: Mapping[str, str]
    response: Mapping[str, str]

    def request_types(self, prefix: str = "") -> TypeScriptTypes:
        return TypeScriptTypes(ref=lambda name: prefix + self.request.get(name, name))

    def response_types(self, prefix: str = "") -> TypeScriptTypes:
        return TypeScriptTypes(ref=lambda name: prefix + self.response.get(name, name))


NO_VARIANTS = Variants({}, {})


def one_way_variants(classes: tuple[ModelClass, ...]) -> Variants:
    """The `Variants` of `classes`, named `<Model>Input` / `<Model>Output` (unique among
    the models' names)."""
    by_name = {c.name: c for c in classes}
    taken = set(by_name)

    def reaching(marked: Callable[[Field], bool], suffix: str) -> dict[str, str]:
        needs = {
            c.name
            for c in classes
            if c.kind == "object" and any(marked(f) for f in _all_fields(c, by_name))
        }
        changed = True
        while changed:  # a model naming a model that needs a variant needs one too
            changed = False
            for c in classes:
                if c.name in needs or c.kind == "enum":
                    continue
                named = set(c.bases) | {r for r in c.references}
                if c.kind == "object":
                    named |= {n for f in c.fields for n in referenced_models(f.type)}
                else:
                    named |= set(referenced_models(c.root))
                if named & needs:
                    needs.add(c.name)
                    changed = True
        names: dict[str, str] = {}
        for c in classes:
            if c.name in needs:
                names[c.name] = unique_name(c.name + suffix, taken)
        return names

    return Variants(
        reaching(lambda f: f.read_only, "Input"), reaching(lambda f: f.write_only, "Output")
    )


def unique_name(name: str, taken: set[str]) -> str:
    candidate, counter = name, 2
    while candidate in taken:
        candidate, counter = f"{name}{counter}", counter + 1
    taken.add(candidate)
    return candidate


def _all_fields(model: ModelClass, by_name: Mapping[str, ModelClass]) -> list[Field]:
    """Every field of `model`, its own first, then its bases' (the nearest declaration wins)."""
    fields: dict[str, Field] = {}
    stack, seen = [model.name], set()
    while stack:
        name = stack.pop(0)
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        current = by_name[name]
        for f in current.fields:
            fields.setdefault(f.wire_name, f)
        stack.extend(current.bases)
    return list(fields.values())


def _variant(
    model: ModelClass,
    name: str,
    direction: str,
    by_name: Mapping[str, ModelClass],
    types: TypeScriptTypes,
) -> str:
    """The request (`direction` "request": read-only properties left out) or response
    ("response": write-only ones left out) variant of `model`, its inherited fields copied in
    (so nothing refers back to the two-way interface) and its model names the variants'."""
    drop = "read_only" if direction == "request" else "write_only"
    sent = "requests" if direction == "request" else "responses"
    head = doc_comment(
        f"`{model.name}` as {sent} carry it"
        + (
            ": without its read-only properties."
            if drop == "read_only"
            else ": without its write-only properties."
        )
    )
    if model.kind == "alias":
        return f"{head}export type {name} = {types.print(model.root)};\n"
    printer = ModelPrinter(by_name, types)
    kept = [f for f in _all_fields(model, by_name) if not getattr(f, drop)]
    body = [printer._field(f) for f in kept]
    extra = [model.extra_type] if model.extra_type is not None else []
    for base in model.bases:
        extra += printer._inherited(base)[1]
    if extra:
        parts = [types.print(t) for t in extra] + [printer._field_type(f) for f in kept]
        if any(not f.required for f in kept):
            parts.append("undefined")
        body.append(f"  [key: string]: {_join(parts)};\n")
    if not body:
        return f"{head}export interface {name} {{}}\n"
    return f"{head}export interface {name} {{\n{''.join(body)}}}\n"


def print_models(classes: tuple[ModelClass, ...], variants: Variants = NO_VARIANTS) -> str:
    """The declarations of every model, then of their one-way variants, separated by blank
    lines."""
    by_name = {c.name: c for c in classes}
    printer = ModelPrinter(by_name)
    declarations = [printer.declaration(c) for c in classes]
    for direction, names, types in (
        ("request", variants.request, variants.request_types()),
        ("response", variants.response, variants.response_types()),
    ):
        declarations += [
            _variant(by_name[model], name, direction, by_name, types)
            for model, name in names.items()
        ]
    return "\n".join(declarations)
