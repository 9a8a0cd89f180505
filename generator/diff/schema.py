"""Structural comparison of two schemas: facts only, no judgement.

Schemas are compared after resolving `$ref`s and merging `allOf`, so moving a schema into a
component, renaming a component or splitting it into `allOf` parts changes nothing as long as
the resolved shape is the same. Results are memoised per (base location, revision location)
pair, which makes a shared component cost one comparison however many operations use it,
and a pair already being compared further up the stack counts as equal, which ends cycles.

Each fact (`SchemaDelta`) carries the location of the changed schema, not the route taken to
it, so a change in a shared component has one identity and is reported once per operation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.diff.facts import SchemaDelta
from generator.diff.keywords import KEYWORDS, KeywordComparer, compare_format
from generator.diff.nodes import Node, Side
from generator.diff.unchanged import Unchanged

# Sibling keywords of `$ref` that never change what a value may be.
_ANNOTATIONS = frozenset(
    {"$ref", "description", "summary", "title", "example", "examples", "$comment", "externalDocs"}
)
MAX_DEPTH = 300
_KEYWORD = {"one-of": "oneOf", "any-of": "anyOf"}


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


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _show(value: float | None) -> str:
    if value is None:
        return "none"
    return str(int(value)) if value == int(value) else str(value)


def _bound(raw: dict[str, Any], key: str, exclusive_key: str) -> tuple[float, bool] | None:
    # OpenAPI 3.0 marks exclusivity with a boolean beside the bound; 3.1 gives the bound itself.
    exclusive = raw.get(exclusive_key)
    exclusive_value = _number(exclusive)
    if exclusive_value is not None:
        return (exclusive_value, True)
    value = _number(raw.get(key))
    return None if value is None else (value, exclusive is True)


class SchemaComparer:
    """Compares schemas of one base and one revision spec set; holds the memo for one run."""

    def __init__(self, base: Side, revision: Side, unchanged: Unchanged | None = None) -> None:
        self.base = base
        self.revision = revision
        self.unchanged = unchanged or Unchanged(base, revision)
        self._memo: dict[tuple[str, str], tuple[SchemaDelta, ...]] = {}
        self._active: set[tuple[str, str]] = set()
        self._shapes: dict[tuple[int, str], Shape] = {}
        self._building: set[tuple[int, str]] = set()
        self._keywords = KeywordComparer(self)

    # Shapes

    def shape(self, side: Side, node: Node) -> Shape:
        if _has_meaningful_siblings(side, node):
            return self._sibling_shape(side, node)
        node = side.deref(node)
        key = (id(side), side.location(node))
        cached = self._shapes.get(key)
        if cached is not None:
            return cached
        if key in self._building:
            return Shape(node)  # an allOf that includes itself adds nothing more
        self._building.add(key)
        try:
            shape = self._build_shape(side, node)
        finally:
            self._building.discard(key)
        self._shapes[key] = shape
        return shape

    def _build_shape(self, side: Side, node: Node) -> Shape:
        raw = node.value if isinstance(node.value, dict) else {}
        shape = _own_shape(node, raw)
        members = [node.child("allOf", i) for i in range(len(_list(raw.get("allOf"))))]
        for member in members:
            _merge_into(shape, self.shape(side, member))
        return shape

    def _sibling_shape(self, side: Side, node: Node) -> Shape:
        # OpenAPI 3.1 applies keywords beside `$ref` too, exactly like `allOf: [$ref, rest]`.
        siblings = {k: v for k, v in node.value.items() if k != "$ref"}
        shape = _own_shape(node, siblings)
        _merge_into(
            shape, self.shape(side, Node({"$ref": node.value["$ref"]}, node.document, node.pointer))
        )
        return shape

    # Comparison

    def _unchanged(self, base: Node, revision: Node) -> bool:
        return (
            base.document is self.base.spec.root
            and revision.document is self.revision.spec.root
            and self.unchanged.same(base.value, revision.value)
        )

    def compare(self, base: Node, revision: Node, depth: int = 0) -> tuple[SchemaDelta, ...]:
        if self._unchanged(base, revision):
            return ()
        old = self.shape(self.base, base)
        new = self.shape(self.revision, revision)
        key = (self.base.location(old.node), self.revision.location(new.node))
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        if key in self._active or depth > MAX_DEPTH:
            return ()
        self._active.add(key)
        try:
            result = _dedupe(self._compare_shapes(old, new, depth))
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    def _compare_shapes(self, old: Shape, new: Shape, depth: int) -> Iterable[SchemaDelta]:
        here = self.revision.location(new.node)
        wrapped = self._keywords.wrapped(old, new, here, depth)
        if wrapped is not None:
            yield from wrapped
            return
        yield from _compare_values(old, new, here)
        yield from self._keywords.compare(old, new, here, depth)
        yield from self._compare_properties(old, new, depth)
        yield from self._compare_items(old, new, depth)
        yield from self._compare_additional(old, new, here, depth)
        yield from self._compare_alternatives("one-of", old.one_of, new.one_of, here, depth)
        yield from self._compare_alternatives("any-of", old.any_of, new.any_of, here, depth)

    def _compare_properties(self, old: Shape, new: Shape, depth: int) -> Iterable[SchemaDelta]:
        for name, old_node in old.properties.items():
            segment = "." + name
            if name not in new.properties:
                old_prop = self.shape(self.base, old_node)
                kind = "required" if name in old.required else "optional"
                where = self.base.location(old_prop.node)
                yield SchemaDelta(
                    f"{kind}-property-removed",
                    where,
                    segment,
                    read_only=old_prop.read_only,
                    write_only=old_prop.write_only,
                )
                continue
            new_node = new.properties[name]
            became = (name in old.required) != (name in new.required)
            if not became and self._unchanged(old_node, new_node):
                continue
            old_prop = self.shape(self.base, old_node)
            new_prop = self.shape(self.revision, new_node)
            where = self.revision.location(new_prop.node)
            if became:
                kind = "became-required" if name in new.required else "became-optional"
                yield SchemaDelta(
                    kind,
                    where,
                    segment,
                    read_only=new_prop.read_only,
                    write_only=new_prop.write_only,
                )
            for flag, attribute in (("read-only", "read_only"), ("write-only", "write_only")):
                was, now = getattr(old_prop, attribute), getattr(new_prop, attribute)
                if was != now:
                    yield SchemaDelta(f"became-{'' if now else 'not-'}{flag}", where, segment)
            for delta in self.compare(old_node, new_node, depth + 1):
                yield delta.lifted(
                    segment,
                    old_prop.read_only or new_prop.read_only,
                    old_prop.write_only or new_prop.write_only,
                )
        for name, new_node in new.properties.items():
            if name not in old.properties:
                new_prop = self.shape(self.revision, new_node)
                kind = "required" if name in new.required else "optional"
                yield SchemaDelta(
                    f"{kind}-property-added",
                    self.revision.location(new_prop.node),
                    "." + name,
                    read_only=new_prop.read_only,
                    write_only=new_prop.write_only,
                )

    def _compare_items(self, old: Shape, new: Shape, depth: int) -> Iterable[SchemaDelta]:
        if old.items is None and new.items is None:
            return
        old_items = old.items or old.node.child("items")
        new_items = new.items or new.node.child("items")
        for delta in self.compare(old_items, new_items, depth + 1):
            yield delta.lifted("[]", False, False)

    def _compare_additional(
        self, old: Shape, new: Shape, here: str, depth: int
    ) -> Iterable[SchemaDelta]:
        was_closed, now_closed = old.additional is False, new.additional is False
        if was_closed != now_closed:
            kind = "narrowed" if now_closed else "widened"
            yield SchemaDelta(f"additional-properties-{kind}", here)
        if isinstance(old.additional, Node) and isinstance(new.additional, Node):
            for delta in self.compare(old.additional, new.additional, depth + 1):
                yield delta.lifted(".*", False, False)

    def _compare_alternatives(
        self, kind: str, old: list[Node], new: list[Node], here: str, depth: int
    ) -> Iterable[SchemaDelta]:
        if not old and not new:
            return
        pairs, removed, added = self._match(old, new, depth)
        for old_index, new_index in pairs:
            segment = f".{_KEYWORD[kind]}[{new_index}]"
            for delta in self.compare(old[old_index], new[new_index], depth + 1):
                yield delta.lifted(segment, False, False)
        for index in removed:
            node = self.base.deref(old[index])
            label = _label(old[index], index)
            yield SchemaDelta(f"{kind}-removed", self.base.location(node), "", (("value", label),))
        for index in added:
            node = self.revision.deref(new[index])
            label = _label(new[index], index)
            yield SchemaDelta(
                f"{kind}-added", self.revision.location(node), "", (("value", label),)
            )

    def _match(
        self, old: list[Node], new: list[Node], depth: int
    ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
        """Pair alternatives: identical ones first (catches reordering and renamed components),
        then ones with the same name, then the rest by position."""
        free_old = list(range(len(old)))
        free_new = list(range(len(new)))
        pairs: list[tuple[int, int]] = []

        def take(matches: Any) -> None:
            for i in list(free_old):
                for j in free_new:
                    if matches(i, j):
                        pairs.append((i, j))
                        free_old.remove(i)
                        free_new.remove(j)
                        break

        take(lambda i, j: not self.compare(old[i], new[j], depth + 1))
        take(lambda i, j: _name(old[i]) is not None and _name(old[i]) == _name(new[j]))
        while free_old and free_new:
            pairs.append((free_old.pop(0), free_new.pop(0)))
        return sorted(pairs, key=lambda pair: pair[1]), free_old, free_new


def _has_meaningful_siblings(side: Side, node: Node) -> bool:
    raw = node.value
    return (
        isinstance(raw, dict)
        and "$ref" in raw
        and len(raw) > 1
        and side.version.startswith("3.1")
        and any(key not in _ANNOTATIONS for key in raw)
    )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _name(node: Node) -> str | None:
    ref = node.get("$ref")
    if isinstance(ref, str):
        return ref.rsplit("/", 1)[-1]
    title = node.get("title")
    return title if isinstance(title, str) else None


def _label(node: Node, index: int) -> str:
    return _name(node) or f"#{index}"


def _own_shape(node: Node, raw: dict[str, Any]) -> Shape:
    declared = raw.get("type")
    types = set(declared) if isinstance(declared, list) else {declared} if declared else set()
    types = {t for t in types if isinstance(t, str)}
    nullable = raw.get("nullable") is True or "null" in types
    is_const = "const" in raw and "enum" not in raw
    if "enum" in raw or "const" in raw:
        values = _list(raw.get("enum")) if "enum" in raw else [raw.get("const")]
        enum: tuple[str, ...] | None = tuple(canonical(v) for v in values if v is not None)
        nullable = nullable or None in values
    else:
        enum = None
    limits = {key: float(raw[key]) for key in LIMITS if _number(raw.get(key)) is not None}
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
        maximum=_bound(raw, "maximum", "exclusiveMaximum"),
        minimum=_bound(raw, "minimum", "exclusiveMinimum"),
        limits=limits,
        multiple_of=_positive(raw.get("multipleOf")),
        unique_items=raw.get("uniqueItems") is True,
        # An empty pattern matches everything: it is no pattern.
        pattern=raw.get("pattern")
        if isinstance(raw.get("pattern"), str) and raw["pattern"]
        else None,
        default=canonical(raw["default"]) if "default" in raw else None,
        read_only=raw.get("readOnly") is True,
        write_only=raw.get("writeOnly") is True,
        deprecated=raw.get("deprecated") is True,
        properties={name: node.child("properties", name) for name in _mapping(raw, "properties")},
        required=frozenset(r for r in _list(raw.get("required")) if isinstance(r, str)),
        items=node.child("items") if isinstance(raw.get("items"), dict) else None,
        additional=(
            node.child("additionalProperties")
            if isinstance(additional, dict)
            else additional
            if isinstance(additional, bool)
            else None
        ),
        one_of=[node.child("oneOf", i) for i in range(len(_list(raw.get("oneOf"))))],
        any_of=[node.child("anyOf", i) for i in range(len(_list(raw.get("anyOf"))))],
        discriminator=(
            discriminator.get("propertyName")
            if isinstance(discriminator.get("propertyName"), str)
            else None
        ),
        mapping=frozenset(str(k) for k in mapping) if isinstance(mapping, dict) else frozenset(),
        keywords={key: node.child(key) for key in KEYWORDS if key in raw},
    )


def _mapping(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key)
    return value if isinstance(value, dict) else {}


def _merge_into(shape: Shape, member: Shape) -> None:
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


def _types(types: frozenset[str]) -> str:
    return "/".join(sorted(types)) if types else "any"


def _widens(old: frozenset[str], new: frozenset[str]) -> bool:
    """True when every value of the old types is still valid under the new ones."""
    if not new:
        return True
    if not old:
        return False
    covered = set(new) | ({"integer"} if "number" in new else set())
    return old <= covered


def _compare_values(old: Shape, new: Shape, here: str) -> Iterable[SchemaDelta]:
    if old.types != new.types:
        change = {"old": _types(old.types), "new": _types(new.types)}
        if _widens(old.types, new.types):
            kind = "type-generalized"
        elif _widens(new.types, old.types):
            kind = "type-narrowed"
        else:
            kind = "type-changed"
        yield SchemaDelta(kind, here, details=tuple(change.items()))
    if old.nullable != new.nullable:
        yield SchemaDelta("became-nullable" if new.nullable else "became-not-nullable", here)
    yield from compare_format(old.format, new.format, here)
    yield from _compare_enum(old, new, here)
    yield from _compare_bounds(old, new, here)
    for key, (kind, upper) in LIMITS.items():
        yield from _compare_limit(kind, old.limits.get(key), new.limits.get(key), here, upper)
    yield from _compare_multiple_of(old.multiple_of, new.multiple_of, here)
    if old.unique_items != new.unique_items:
        yield SchemaDelta("became-unique" if new.unique_items else "became-not-unique", here)
    if old.pattern != new.pattern:
        if old.pattern is None:
            yield SchemaDelta("pattern-added", here, details=(("new", new.pattern or ""),))
        elif new.pattern is None:
            yield SchemaDelta("pattern-removed", here, details=(("old", old.pattern),))
        else:
            yield _delta("pattern-changed", here, old.pattern, new.pattern)
    if old.default != new.default:
        if old.default is None:
            yield SchemaDelta("default-value-added", here, details=(("new", new.default or ""),))
        elif new.default is None:
            yield SchemaDelta("default-value-removed", here, details=(("old", old.default),))
        else:
            yield _delta("default-value-changed", here, old.default, new.default)
    if new.deprecated and not old.deprecated:
        yield SchemaDelta("deprecated", here)
    yield from _compare_discriminator(old, new, here)


def _delta(kind: str, here: str, old: str, new: str) -> SchemaDelta:
    return SchemaDelta(kind, here, details=(("old", old), ("new", new)))


def _compare_enum(old: Shape, new: Shape, here: str) -> Iterable[SchemaDelta]:
    if old.enum is None and new.enum is None:
        return
    # A `const` is one value: changing it swaps every value for another, not a list edit.
    if old.const and new.const and old.enum != new.enum:
        yield _delta("const-changed", here, ", ".join(old.enum or ()), ", ".join(new.enum or ()))
        return
    if old.enum is None and new.const:
        yield SchemaDelta("const-added", here, details=(("new", ", ".join(new.enum or ())),))
        return
    if old.const and new.enum is None:
        yield SchemaDelta("const-removed", here, details=(("old", ", ".join(old.enum or ())),))
        return
    if old.enum is None:
        yield SchemaDelta("became-enum", here, details=(("new", ", ".join(new.enum or ())),))
        return
    if new.enum is None:
        yield SchemaDelta("became-not-enum", here)
        return
    kept = set(new.enum)
    for value in old.enum:
        if value not in kept:
            yield SchemaDelta("enum-value-removed", here, details=(("value", value),))
    before = set(old.enum)
    for value in new.enum:
        if value not in before:
            yield SchemaDelta("enum-value-added", here, details=(("value", value),))


def _show_bound(bound: tuple[float, bool] | None) -> str:
    if bound is None:
        return "none"
    return f"{_show(bound[0])}{' (exclusive)' if bound[1] else ''}"


def _compare_bounds(old: Shape, new: Shape, here: str) -> Iterable[SchemaDelta]:
    if old.maximum != new.maximum:
        # A missing maximum is +infinity; an exclusive bound sits just below the same value.
        def reach(bound: tuple[float, bool] | None) -> tuple[float, int]:
            return (float("inf"), 1) if bound is None else (bound[0], 0 if bound[1] else 1)

        kind = "max-increased" if reach(new.maximum) > reach(old.maximum) else "max-decreased"
        yield _delta(kind, here, _show_bound(old.maximum), _show_bound(new.maximum))
    if old.minimum != new.minimum:

        def floor(bound: tuple[float, bool] | None) -> tuple[float, int]:
            return (float("-inf"), 0) if bound is None else (bound[0], 1 if bound[1] else 0)

        kind = "min-increased" if floor(new.minimum) > floor(old.minimum) else "min-decreased"
        yield _delta(kind, here, _show_bound(old.minimum), _show_bound(new.minimum))


def _compare_limit(
    kind: str, old: float | None, new: float | None, here: str, upper: bool
) -> Iterable[SchemaDelta]:
    if old == new:
        return
    missing = float("inf") if upper else 0.0
    before = missing if old is None else old
    after = missing if new is None else new
    if before == after:
        return
    direction = "increased" if after > before else "decreased"
    yield _delta(f"{kind}-{direction}", here, _show(old), _show(new))


def _compare_multiple_of(old: float | None, new: float | None, here: str) -> Iterable[SchemaDelta]:
    """Every multiple of 10 is one of 5: 10 → 5 accepts more values, 5 → 10 fewer, and
    5 → 3 neither more nor fewer, just others."""
    if old == new:
        return
    if old is None:
        yield SchemaDelta("multiple-of-added", here, details=(("new", _show(new)),))
    elif new is None:
        yield SchemaDelta("multiple-of-removed", here, details=(("old", _show(old)),))
    elif _divides(new, old):
        yield _delta("multiple-of-widened", here, _show(old), _show(new))
    elif _divides(old, new):
        yield _delta("multiple-of-narrowed", here, _show(old), _show(new))
    else:
        yield _delta("multiple-of-changed", here, _show(old), _show(new))


def _divides(divisor: float, value: float) -> bool:
    quotient = value / divisor
    return abs(quotient - round(quotient)) < 1e-9


def _positive(value: Any) -> float | None:
    number = _number(value)
    return number if number is not None and number > 0 else None


def _compare_discriminator(old: Shape, new: Shape, here: str) -> Iterable[SchemaDelta]:
    if old.discriminator == new.discriminator:
        if old.discriminator is not None:
            for value in sorted(old.mapping - new.mapping):
                yield SchemaDelta(
                    "discriminator-mapping-removed", here, details=(("value", value),)
                )
            for value in sorted(new.mapping - old.mapping):
                yield SchemaDelta("discriminator-mapping-added", here, details=(("value", value),))
        return
    if old.discriminator is None:
        yield SchemaDelta("discriminator-added", here, details=(("new", new.discriminator or ""),))
    elif new.discriminator is None:
        yield SchemaDelta("discriminator-removed", here, details=(("old", old.discriminator),))
    else:
        yield _delta("discriminator-property-changed", here, old.discriminator, new.discriminator)


def _dedupe(deltas: Iterable[SchemaDelta]) -> tuple[SchemaDelta, ...]:
    """One delta per identity; of the routes reaching it, keep the shortest (then first)."""
    best: dict[tuple[object, ...], SchemaDelta] = {}
    for delta in deltas:
        key = (delta.kind, delta.location, delta.details, delta.read_only, delta.write_only)
        kept = best.get(key)
        if kept is None or (len(delta.path), delta.path) < (len(kept.path), kept.path):
            best[key] = delta
    return tuple(best.values())
