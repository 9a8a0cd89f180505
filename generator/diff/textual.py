"""Type changes of values that travel as text: parameters and headers described by `schema`.

A query parameter declared `number` and one declared `string` look the same on the wire
(`?n=5`), so number → string only widens what the server accepts; a form- or simple-style
array accepts a single value as a one-element array, so a scalar → array whose items take
the old values widens too. The judgement compares the sets of texts each side accepts,
not the JSON types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from generator.diff.facts import SchemaDelta
from generator.diff.nodes import Node
from generator.diff.schema import SchemaComparer
from generator.diff.shape import Shape

TYPE_KINDS = frozenset({"type-changed", "type-generalized", "type-narrowed"})


def _accepts(old: frozenset[str], new: frozenset[str]) -> bool:
    """Whether every text of a scalar of `old` types is a text of `new` types."""
    if not new or "string" in new:
        return True  # any text is a string
    if not old:
        return False
    covered = set(new) | ({"integer"} if "number" in new else set())
    return old <= covered


def _text_widens(old: Shape, new: Shape, old_items: Shape | None, new_items: Shape | None) -> bool:
    if "object" in old.types or "object" in new.types:
        return False  # objects are spread over several names; the JSON rules apply
    if new.types == {"array"} and new_items is not None and "array" not in old.types:
        return _accepts(old.types, new_items.types)  # one value is a one-element array
    if old.types == {"array"} and new.types == {"array"}:
        if old_items is None or new_items is None:
            return new_items is None
        return _accepts(old_items.types, new_items.types)
    if "array" in old.types and "string" not in new.types:
        return False  # several values do not fit one scalar
    return _accepts(old.types - {"array"}, new.types)


def text_kind(
    old: Shape, new: Shape, old_items: Shape | None, new_items: Shape | None
) -> str | None:
    """The type-change kind judged on texts, or None when the texts are the same."""
    widens = _text_widens(old, new, old_items, new_items)
    narrows = _text_widens(new, old, new_items, old_items)
    if widens and narrows:
        return None
    if widens:
        return "type-generalized"
    if narrows:
        return "type-narrowed"
    return "type-changed"


def textual_deltas(
    comparer: SchemaComparer, old: Node, new: Node, deltas: Iterable[SchemaDelta], sent: bool
) -> list[SchemaDelta]:
    """Re-judge the top-level type change of a value sent as text (`sent`: by the client, a
    parameter; else received, a header). A change JSON cannot compare that the texts show
    harmless is `type-compatible` (oasdiff's id). For scalar ↔ array the item-level facts
    compare the scalar with the items (the values that really meet)."""

    def judged(delta: SchemaDelta, kind: str) -> SchemaDelta:
        harmless = kind == ("type-generalized" if sent else "type-narrowed")
        if delta.kind == "type-changed" and harmless:
            kind = "type-compatible"
        return replace(delta, kind=kind)

    deltas = list(deltas)
    if not any(delta.kind in TYPE_KINDS for delta in deltas):
        return deltas  # nothing to re-judge (the common case: keep it cheap)
    old_shape = comparer.shape(comparer.base, old)
    new_shape = comparer.shape(comparer.revision, new)
    old_items = comparer.shape(comparer.base, old_shape.items) if old_shape.items else None
    new_items = comparer.shape(comparer.revision, new_shape.items) if new_shape.items else None
    reshaped = ("array" in old_shape.types) != ("array" in new_shape.types)
    kept: list[SchemaDelta] = []
    for delta in deltas:
        if delta.path == "" and delta.kind in TYPE_KINDS:
            kind = text_kind(old_shape, new_shape, old_items, new_items)
            if kind is not None:
                kept.append(judged(delta, kind))
            elif reshaped:
                # Scalar ↔ array taking the same texts (`[integer, string]` → an exploded array
                # of strings: `?token=x` stays valid): harmless, but the generated type changes.
                kept.append(replace(delta, kind="type-compatible"))
        elif delta.path == "[]" and delta.kind in TYPE_KINDS and old_items and new_items:
            # The items of a delimited or exploded array are texts too.
            kind = text_kind(old_items, new_items, None, None)
            if kind is not None:
                kept.append(judged(delta, kind))
        elif not (reshaped and delta.path.startswith("[]")):
            kept.append(delta)
    if reshaped and (old_items is None) != (new_items is None):
        scalar, items = (old, new_shape.items) if new_items is not None else (old_shape.items, new)
        assert scalar is not None and items is not None
        for delta in comparer.compare(scalar, items):
            if delta.kind not in TYPE_KINDS:
                kept.append(delta.lifted("[]", False, False))
    return kept
