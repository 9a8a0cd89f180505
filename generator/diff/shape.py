"""The shape of one resolved schema (its own keywords, `allOf` members merged in), as the
structural diff compares it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from generator.diff.nodes import Node, as_list

# Keywords kept on the shape (as child nodes) for `keywords.KeywordComparer`.
KEYWORDS = (
    "contains",
    "minContains",
    "maxContains",
    "propertyNames",
    "dependentRequired",
    "dependentSchemas",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
    "if",
    "then",
    "else",
    "prefixItems",
    "patternProperties",
    "not",
)


@dataclass
class Shape:
    """A schema with `$ref`s followed and `allOf` merged; children stay unresolved nodes."""

    node: Node
    types: frozenset[str] = frozenset()
    nullable: bool = False
    format: str | None = None
    enum: tuple[str, ...] | None = None
    const: bool = False  # `enum` holds the one value of a `const`
    maximum: tuple[float, bool] | None = None
    minimum: tuple[float, bool] | None = None
    limits: dict[str, float] = field(default_factory=dict)
    multiple_of: float | None = None
    unique_items: bool = False
    pattern: str | None = None
    default: str | None = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    properties: dict[str, Node] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: Node | None = None
    additional: Node | bool | None = None
    one_of: list[Node] = field(default_factory=list)
    any_of: list[Node] = field(default_factory=list)
    discriminator: str | None = None
    mapping: frozenset[str] = frozenset()
    keywords: dict[str, Node] = field(default_factory=dict)  # see generator.diff.keywords


# Size limits: keyword → (kind, whether it bounds from above).
LIMITS: dict[str, tuple[str, bool]] = {
    "maxLength": ("max-length", True),
    "minLength": ("min-length", False),
    "maxItems": ("max-items", True),
    "minItems": ("min-items", False),
    "maxProperties": ("max-properties", True),
    "minProperties": ("min-properties", False),
}


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def show(value: float | None) -> str:
    if value is None:
        return "none"
    return str(int(value)) if value == int(value) else str(value)


def bound(raw: dict[str, Any], key: str, exclusive_key: str) -> tuple[float, bool] | None:
    # OpenAPI 3.0 marks exclusivity with a boolean beside the bound; 3.1 gives the bound itself.
    exclusive = raw.get(exclusive_key)
    exclusive_value = number(exclusive)
    if exclusive_value is not None:
        return (exclusive_value, True)
    value = number(raw.get(key))
    return None if value is None else (value, exclusive is True)


def own_shape(node: Node, raw: dict[str, Any]) -> Shape:
    declared = raw.get("type")
    types = set(declared) if isinstance(declared, list) else {declared} if declared else set()
    types = {t for t in types if isinstance(t, str)}
    nullable = raw.get("nullable") is True or "null" in types
    is_const = "const" in raw and "enum" not in raw
    if "enum" in raw or "const" in raw:
        values = as_list(raw.get("enum")) if "enum" in raw else [raw.get("const")]
        enum: tuple[str, ...] | None = tuple(canonical(v) for v in values if v is not None)
        nullable = nullable or None in values
    else:
        enum = None
    limits = {key: float(raw[key]) for key in LIMITS if number(raw.get(key)) is not None}
    additional = raw.get("additionalProperties")
    discriminator = raw.get("discriminator")
    discriminator = discriminator if isinstance(discriminator, dict) else {}
    mapping = discriminator.get("mapping")
    return Shape(
        node=node,
        types=frozenset(types - {"null"}),
        nullable=nullable,
        format=raw.get("format") if isinstance(raw.get("format"), str) else None,
        enum=enum,
        const=is_const,
        maximum=bound(raw, "maximum", "exclusiveMaximum"),
        minimum=bound(raw, "minimum", "exclusiveMinimum"),
        limits=limits,
        multiple_of=positive(raw.get("multipleOf")),
        unique_items=raw.get("uniqueItems") is True,
        # An empty pattern matches everything: it is no pattern.
        pattern=raw.get("pattern")
        if isinstance(raw.get("pattern"), str) and raw["pattern"]
        else None,
        default=canonical(raw["default"]) if "default" in raw else None,
        read_only=raw.get("readOnly") is True,
        write_only=raw.get("writeOnly") is True,
        deprecated=raw.get("deprecated") is True,
        properties={name: node.child("properties", name) for name in mapping_of(raw, "properties")},
        required=frozenset(r for r in as_list(raw.get("required")) if isinstance(r, str)),
        items=node.child("items") if isinstance(raw.get("items"), dict) else None,
        additional=(
            node.child("additionalProperties")
            if isinstance(additional, dict)
            else additional
            if isinstance(additional, bool)
            else None
        ),
        one_of=[node.child("oneOf", i) for i in range(len(as_list(raw.get("oneOf"))))],
        any_of=[node.child("anyOf", i) for i in range(len(as_list(raw.get("anyOf"))))],
        discriminator=(
            discriminator.get("propertyName")
            if isinstance(discriminator.get("propertyName"), str)
            else None
        ),
        mapping=frozenset(str(k) for k in mapping) if isinstance(mapping, dict) else frozenset(),
        keywords={key: node.child(key) for key in KEYWORDS if key in raw},
    )


def mapping_of(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key)
    return value if isinstance(value, dict) else {}


def merge_into(shape: Shape, member: Shape) -> None:
    """Fold one `allOf` member into the merged shape; the first declaration of a keyword wins,
    except that lists of requirements add up and any nullable part makes the whole nullable
    (the usual way to make a `$ref` nullable under OpenAPI 3.0)."""
    if member.types:
        shape.types = shape.types & member.types if shape.types else member.types
    shape.nullable = shape.nullable or member.nullable
    for name in (
        "format",
        "enum",
        "maximum",
        "minimum",
        "multiple_of",
        "pattern",
        "default",
        "items",
    ):
        if getattr(shape, name) is None:
            setattr(shape, name, getattr(member, name))
            if name == "enum":
                shape.const = member.const
    for key, value in member.limits.items():
        shape.limits.setdefault(key, value)
    for key, node in member.keywords.items():
        shape.keywords.setdefault(key, node)
    if shape.additional is None:
        shape.additional = member.additional
    if shape.discriminator is None:
        shape.discriminator, shape.mapping = member.discriminator, member.mapping
    shape.unique_items = shape.unique_items or member.unique_items
    shape.read_only = shape.read_only or member.read_only
    shape.write_only = shape.write_only or member.write_only
    shape.deprecated = shape.deprecated or member.deprecated
    for name, node in member.properties.items():
        shape.properties.setdefault(name, node)
    shape.required = shape.required | member.required
    shape.one_of = shape.one_of + member.one_of
    shape.any_of = shape.any_of + member.any_of


def types_text(types: frozenset[str]) -> str:
    return "/".join(sorted(types)) if types else "any"


def widens(old: frozenset[str], new: frozenset[str]) -> bool:
    """True when every value of the old types is still valid under the new ones."""
    if not new:
        return True
    if not old:
        return False
    covered = set(new) | ({"integer"} if "number" in new else set())
    return old <= covered


def positive(value: Any) -> float | None:
    found = number(value)
    return found if found is not None and found > 0 else None
