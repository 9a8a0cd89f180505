"""What a hoisted schema is, read without building anything: its kind of class, the class a
`$ref` names, whether it admits null, the properties it declares.

A leaf of the IR builder: the hoister (which decides what gets a class of its own), the class
builder (which types it), the sanitiser and the caches between runs (which key on it) all ask
these questions, and must get the same answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from generator.ir.types import ModelKind
from generator.openapi import SCHEMA_PREFIX, only_annotates


class Shape(NamedTuple):
    """All a type referring to a class reads of it (`TypeReader`'s shape reads go through
    `shape_of` and nothing else): its kind, whether it is an enum listing null, whether it
    admits null itself (a field referring to it may be null), and its default (which such a
    field takes). Adding a property to a class referred to everywhere changes none of it, so
    the classes referring to it are not rebuilt (see `class_cache`)."""

    kind: ModelKind
    nullable_enum: bool
    admits_null: bool
    has_default: bool
    default: Any


def shape_of(schema: Mapping[str, Any] | None) -> Shape | None:
    """The `Shape` of a hoisted schema; None when there is no such class."""
    if schema is None:
        return None
    kind = kind_of(schema)
    nullable_enum = kind == "enum" and None in schema.get("enum", ())
    types = schema.get("type")
    admits_null = schema.get("nullable") is True or (isinstance(types, list) and "null" in types)
    has_default = "default" in schema
    default = schema["default"] if has_default else None
    # Built as a plain tuple (NamedTuple's own constructor is Python code): this runs for
    # every `$ref` a type meets (GitHub's spec: ~38,000 times).
    return tuple.__new__(Shape, (kind, nullable_enum, admits_null, has_default, default))


def kind_of(schema: Mapping[str, Any]) -> ModelKind:
    """The kind of class a hoisted schema becomes: a string enum, an object, or an alias."""
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


def class_of(ref: str) -> str | None:
    """The class a hoisted `$ref` names (None: a `$ref` to anything else)."""
    if ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :]
    return None


def single_ref(schema: Mapping[str, Any]) -> str | None:
    """The class a schema only refers to (`$ref`, or an `allOf` of one `$ref`), if so."""
    ref = schema.get("$ref")
    if ref is None:
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], dict):
            ref = all_of[0].get("$ref") if len(all_of[0]) == 1 else None
    return class_of(ref) if isinstance(ref, str) else None


def collect_properties(
    schemas: Mapping[str, dict[str, Any]],
    schema: dict[str, Any],
    properties: dict[str, Any],
    required: set[str],
    seen: set[str],
) -> None:
    """Gather into `properties` and `required` what `schema` declares, through `$ref`s to
    other classes of `schemas` and nested `allOf`s (later declarations of a name win)."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target = class_of(ref)
        if target is None or target in seen or target not in schemas:
            return
        collect_properties(schemas, schemas[target], properties, required, seen | {target})
        return
    for member in schema.get("allOf") or ():
        if isinstance(member, dict):
            collect_properties(schemas, member, properties, required, seen)
    own = schema.get("properties")
    if isinstance(own, dict):
        for wire, sub in own.items():
            properties[str(wire)] = sub
    names = schema.get("required")
    if isinstance(names, list):
        required.update(str(n) for n in names if isinstance(n, str))


def _is_map(schema: Mapping[str, Any]) -> bool:
    extra = schema.get("additionalProperties")
    return isinstance(extra, dict) and bool(extra) or "oneOf" in schema or "anyOf" in schema
