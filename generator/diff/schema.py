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

from collections.abc import Iterable
from typing import Any

from generator.diff.facts import SchemaDelta
from generator.diff.keywords import KeywordComparer
from generator.diff.nodes import Node, Side, as_list
from generator.diff.shape import Shape, merge_into, own_shape
from generator.diff.unchanged import Unchanged
from generator.diff.value_changes import compare_values

# Sibling keywords of `$ref` that never change what a value may be.
_ANNOTATIONS = frozenset(
    {"$ref", "description", "summary", "title", "example", "examples", "$comment", "externalDocs"}
)
MAX_DEPTH = 300
_KEYWORD = {"one-of": "oneOf", "any-of": "anyOf"}


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
        shape = own_shape(node, raw)
        members = [node.child("allOf", i) for i in range(len(as_list(raw.get("allOf"))))]
        for member in members:
            merge_into(shape, self.shape(side, member))
        return shape

    def _sibling_shape(self, side: Side, node: Node) -> Shape:
        # OpenAPI 3.1 applies keywords beside `$ref` too, exactly like `allOf: [$ref, rest]`.
        siblings = {k: v for k, v in node.value.items() if k != "$ref"}
        shape = own_shape(node, siblings)
        merge_into(
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
        yield from compare_values(old, new, here)
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


def _name(node: Node) -> str | None:
    ref = node.get("$ref")
    if isinstance(ref, str):
        return ref.rsplit("/", 1)[-1]
    title = node.get("title")
    return title if isinstance(title, str) else None


def _label(node: Node, index: int) -> str:
    return _name(node) or f"#{index}"


def _dedupe(deltas: Iterable[SchemaDelta]) -> tuple[SchemaDelta, ...]:
    """One delta per identity; of the routes reaching it, keep the shortest (then first)."""
    best: dict[tuple[object, ...], SchemaDelta] = {}
    for delta in deltas:
        key = (delta.kind, delta.location, delta.details, delta.read_only, delta.write_only)
        kept = best.get(key)
        if kept is None or (len(delta.path), delta.path) < (len(kept.path), kept.path):
            best[key] = delta
    return tuple(best.values())
