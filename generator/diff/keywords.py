"""Structural comparison of the JSON Schema keywords beyond the OpenAPI 3.0 core: facts only.

`contains`/`minContains`/`maxContains`, `propertyNames`, `dependentRequired`,
`dependentSchemas`, `unevaluatedItems`/`unevaluatedProperties`, `contentMediaType`/
`contentEncoding`/`contentSchema`, `if`/`then`/`else`, `prefixItems`, `patternProperties`
and `not`; `format` with a direction; and a schema newly wrapped in a `oneOf`.

Sub-schemas are compared with the same `SchemaComparer` (memo, cycle guard), so a change
inside `then` or `contains` reports the same facts it would anywhere else. `not` is the one
place the direction flips: narrowing what `not` excludes widens what the schema accepts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from generator.diff.facts import SchemaDelta
from generator.diff.nodes import Node, Side
from generator.diff.shape import Shape


class SchemaComparer(Protocol):
    """What the keyword comparisons need of the run's `schema.SchemaComparer` (both sides, its
    shapes, and its memoised comparison for sub-schemas), declared here so this module needs
    nothing from that one."""

    base: Side
    revision: Side

    def shape(self, side: Side, node: Node) -> Shape: ...
    def compare(self, base: Node, revision: Node, depth: int = 0) -> tuple[SchemaDelta, ...]: ...


# Format pairs where every value of the first is a value of the second.
_FORMAT_WIDER = {
    ("int32", "int64"),
    ("float", "double"),
    ("email", "idn-email"),
    ("hostname", "idn-hostname"),
    ("uri", "uri-reference"),
    ("uri", "iri"),
    ("uri", "iri-reference"),
    ("uri-reference", "iri-reference"),
    ("iri", "iri-reference"),
}


def compare_format(old: str | None, new: str | None, here: str) -> Iterable[SchemaDelta]:
    """A format narrows the values a string or number may take; no format is the widest."""
    if old == new:
        return
    details = (("old", old or "none"), ("new", new or "none"))
    if old is None:
        kind = "format-added"
    elif new is None:
        kind = "format-removed"
    elif (old, new) in _FORMAT_WIDER:
        kind = "format-widened"
    elif (new, old) in _FORMAT_WIDER:
        kind = "format-narrowed"
    else:
        kind = "format-changed"
    yield SchemaDelta(kind, here, details=details)


def _value(shape: Shape, key: str) -> Any:
    node = shape.keywords.get(key)
    return None if node is None else node.value


def _schema(shape: Shape, key: str) -> Node | None:
    """A keyword's sub-schema; `true`/absent means no constraint, so both count as None."""
    node = shape.keywords.get(key)
    if node is None or node.value is True or node.value is None:
        return None
    return node


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _show(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


class KeywordComparer:
    """The keyword comparisons of one `SchemaComparer` run."""

    def __init__(self, comparer: SchemaComparer) -> None:
        self.comparer = comparer

    def compare(self, old: Shape, new: Shape, here: str, depth: int) -> Iterable[SchemaDelta]:
        yield from self._contains(old, new, here, depth)
        yield from self._schema_keyword("propertyNames", "property-names", old, new, here, depth)
        yield from self._dependent_required(old, new, here)
        yield from self._keyed("dependentSchemas", "dependent-schema", old, new, here, depth)
        yield from self._keyed("patternProperties", "pattern-property", old, new, here, depth)
        for key, kind in (
            ("unevaluatedItems", "unevaluated-items"),
            ("unevaluatedProperties", "unevaluated-properties"),
            ("contentSchema", "content-schema"),
        ):
            yield from self._schema_keyword(key, kind, old, new, here, depth)
        yield from self._condition(old, new, here, depth)
        for key, kind in (
            ("contentMediaType", "content-media-type"),
            ("contentEncoding", "content-encoding"),
        ):
            before, after = _value(old, key), _value(new, key)
            if before != after:
                details = (("old", str(before or "none")), ("new", str(after or "none")))
                yield SchemaDelta(f"{kind}-changed", here, details=details)
        yield from self._prefix_items(old, new, here, depth)
        yield from self._not(old, new, here, depth)

    # A sub-schema that constrains when present: adding it narrows, removing it widens.

    def _schema_keyword(
        self, key: str, kind: str, old: Shape, new: Shape, here: str, depth: int
    ) -> Iterable[SchemaDelta]:
        before, after = _schema(old, key), _schema(new, key)
        if before is None and after is None:
            return
        if before is None:
            yield SchemaDelta(f"{kind}-added", here)
        elif after is None:
            yield SchemaDelta(f"{kind}-removed", here)
        else:
            for delta in self.comparer.compare(before, after, depth + 1):
                yield delta.lifted(f"({key})", False, False)

    def _keyed(
        self, key: str, kind: str, old: Shape, new: Shape, here: str, depth: int
    ) -> Iterable[SchemaDelta]:
        before = old.keywords.get(key)
        after = new.keywords.get(key)
        old_map = before.value if before is not None and isinstance(before.value, dict) else {}
        new_map = after.value if after is not None and isinstance(after.value, dict) else {}
        for name in old_map:
            if name not in new_map:
                yield SchemaDelta(f"{kind}-removed", here, details=(("value", str(name)),))
        for name in new_map:
            if name not in old_map:
                yield SchemaDelta(f"{kind}-added", here, details=(("value", str(name)),))
            elif before is not None and after is not None:
                pair = (before.child(str(name)), after.child(str(name)))
                for delta in self.comparer.compare(*pair, depth + 1):
                    yield delta.lifted(f"({key} {name})", False, False)

    def _contains(self, old: Shape, new: Shape, here: str, depth: int) -> Iterable[SchemaDelta]:
        yield from self._schema_keyword("contains", "contains", old, new, here, depth)
        if _schema(old, "contains") is None or _schema(new, "contains") is None:
            return
        # minContains defaults to 1 and maxContains to no limit once `contains` is there.
        for key, kind, missing in (
            ("minContains", "min-contains", 1.0),
            ("maxContains", "max-contains", float("inf")),
        ):
            before = _number(_value(old, key))
            after = _number(_value(new, key))
            first = missing if before is None else before
            second = missing if after is None else after
            if first != second:
                direction = "increased" if second > first else "decreased"
                details = (
                    ("old", "none" if before is None else _show(before)),
                    ("new", "none" if after is None else _show(after)),
                )
                yield SchemaDelta(f"{kind}-{direction}", here, details=details)

    def _dependent_required(self, old: Shape, new: Shape, here: str) -> Iterable[SchemaDelta]:
        def pairs(shape: Shape) -> set[tuple[str, str]]:
            raw = _value(shape, "dependentRequired")
            found: set[tuple[str, str]] = set()
            if isinstance(raw, dict):
                for name, needed in raw.items():
                    if isinstance(needed, list):
                        found.update((str(name), str(other)) for other in needed)
            return found

        before, after = pairs(old), pairs(new)
        for name, other in sorted(before - after):
            details = (("value", f"{other} when {name} is present"),)
            yield SchemaDelta("dependent-required-removed", here, details=details)
        for name, other in sorted(after - before):
            details = (("value", f"{other} when {name} is present"),)
            yield SchemaDelta("dependent-required-added", here, details=details)

    def _condition(self, old: Shape, new: Shape, here: str, depth: int) -> Iterable[SchemaDelta]:
        """With `if` on both sides the branches are compared, and a changed `if` (which moves
        values between the branches) is a fact with no direction of its own."""
        before, after = _schema(old, "if"), _schema(new, "if")
        if before is None and after is None:
            return
        if before is None or after is None:
            # The conditional as a whole, then each branch that came or went with it (as
            # oasdiff reports it).
            change, shape = ("added", new) if before is None else ("removed", old)
            yield SchemaDelta(f"if-{change}", here)
            for key in ("then", "else"):
                if _schema(shape, key) is not None:
                    yield SchemaDelta(f"{key}-{change}", here)
            return
        old_if = self.comparer.base.deref(before).value
        new_if = self.comparer.revision.deref(after).value
        if old_if != new_if or self.comparer.compare(before, after, depth + 1):
            yield SchemaDelta("if-changed", here)
        for key in ("then", "else"):
            yield from self._schema_keyword(key, key, old, new, here, depth)

    def _prefix_items(self, old: Shape, new: Shape, here: str, depth: int) -> Iterable[SchemaDelta]:
        before, after = old.keywords.get("prefixItems"), new.keywords.get("prefixItems")
        old_count = (
            len(before.value) if before is not None and isinstance(before.value, list) else 0
        )
        new_count = len(after.value) if after is not None and isinstance(after.value, list) else 0
        for index in range(min(old_count, new_count)):
            assert before is not None and after is not None
            pair = (before.child(index), after.child(index))
            for delta in self.comparer.compare(*pair, depth + 1):
                yield delta.lifted(f"[{index}]", False, False)
        for index in range(new_count, old_count):
            yield SchemaDelta("prefix-items-removed", here, details=(("value", f"#{index}"),))
        for index in range(old_count, new_count):
            yield SchemaDelta("prefix-items-added", here, details=(("value", f"#{index}"),))

    def _not(self, old: Shape, new: Shape, here: str, depth: int) -> Iterable[SchemaDelta]:
        from generator.diff.rules import inner_effect  # the rule table judges the inner facts

        before, after = _schema(old, "not"), _schema(new, "not")
        if before is None and after is None:
            return
        if before is None:
            yield SchemaDelta("not-added", here)
            return
        if after is None:
            yield SchemaDelta("not-removed", here)
            return
        narrowed = widened = False
        for delta in self.comparer.compare(before, after, depth + 1):
            inner_narrows, inner_widens = inner_effect(delta.kind)
            # Excluding more accepts less, and the other way round.
            narrowed = narrowed or inner_widens
            widened = widened or inner_narrows
        if narrowed:
            yield SchemaDelta("not-narrowed", here)
        if widened:
            yield SchemaDelta("not-widened", here)

    # A schema newly wrapped in a oneOf

    def wrapped(self, old: Shape, new: Shape, here: str, depth: int) -> list[SchemaDelta] | None:
        """When `new` puts a `oneOf` where `old` had none, an old value must still match
        exactly one alternative. None when this is not such a wrap."""
        from generator.diff.rules import inner_effect

        if old.one_of or old.any_of or not new.one_of or new.properties:
            return None
        if not old.types and not old.properties:
            return None  # an unconstrained schema: the oneOf only narrows, reported as usual
        revision = self.comparer.revision
        shapes = [self.comparer.shape(revision, alt) for alt in new.one_of]
        tags = [self._tags(revision, alt) for alt in shapes]
        old_tags = self._tags(self.comparer.base, old)
        overlapping = [i for i, alt in enumerate(shapes) if _overlap(old, alt, old_tags, tags[i])]
        # With a discriminator the tag picks the alternative: no value matches two.
        ambiguous = [
            (i, j)
            for i in overlapping
            for j in overlapping
            if i < j
            and new.discriminator is None
            and _overlap(shapes[i], shapes[j], tags[i], tags[j])
        ]
        if ambiguous:
            i, j = ambiguous[0]
            reason = f"an old value can match both alternative #{i} and #{j}"
            return [SchemaDelta("wrapped-in-one-of", here, details=(("reason", reason),))]
        # `oneOf: [X, {type: null}]` is how 3.1 spells a nullable X: null goes to its own
        # alternative, so X need not accept it.
        null_apart = any(_null_only(alt) for alt in shapes)
        accepting: list[tuple[int, tuple[SchemaDelta, ...]]] = []
        for index in overlapping:
            if _null_only(shapes[index]):
                continue
            deltas = self.comparer.compare(old.node, new.one_of[index], depth + 1)
            deltas = tuple(
                d for d in deltas if not (null_apart and d.kind == "became-not-nullable")
            )
            if not any(inner_effect(d.kind)[0] and not d.read_only for d in deltas):
                accepting.append((index, deltas))
        if len(accepting) != 1:
            reason = "no alternative accepts every old value"
            return [SchemaDelta("wrapped-in-one-of", here, details=(("reason", reason),))]
        index, deltas = accepting[0]
        others = [alt for i, alt in enumerate(shapes) if i != index]
        if old.nullable and all(_null_only(alt) for alt in others):
            # A nullable schema respelled as `oneOf: [X, {type: null}]`: the same values.
            return [delta.lifted(f".oneOf[{index}]", False, False) for delta in deltas]
        kept = [
            SchemaDelta(
                "wrapped-in-one-of-original-preserved", here, details=(("value", f"#{index}"),)
            )
        ]
        kept.extend(delta.lifted(f".oneOf[{index}]", False, False) for delta in deltas)
        return kept

    def _tags(self, side: Side, shape: Shape) -> dict[str, frozenset[str]]:
        """The required properties restricted to an enum or const: what tells objects apart."""
        found: dict[str, frozenset[str]] = {}
        for name, node in shape.properties.items():
            if name in shape.required:
                values = self.comparer.shape(side, node).enum
                if values is not None:
                    found[name] = frozenset(values)
        return found


def _types_meet(first: frozenset[str], second: frozenset[str]) -> bool:
    if not first or not second:
        return True
    widen = {"number": {"integer"}}
    one = set(first).union(*(widen.get(t, set()) for t in first))
    two = set(second).union(*(widen.get(t, set()) for t in second))
    return bool(one & two)


def _null_only(shape: Shape) -> bool:
    declared = shape.node.get("type")
    return shape.nullable and not shape.types and declared in ("null", ["null"])


def _overlap(
    first: Shape,
    second: Shape,
    first_tags: dict[str, frozenset[str]],
    second_tags: dict[str, frozenset[str]],
) -> bool:
    """Whether some value may satisfy both shapes, judged on types, enums and the tags
    (required enum or const properties) both declare."""
    if _null_only(first) or _null_only(second):
        return first.nullable and second.nullable
    if not _types_meet(first.types, second.types):
        return False
    if (
        first.enum is not None
        and second.enum is not None
        and not set(first.enum) & set(second.enum)
    ):
        return False
    shared = first_tags.keys() & second_tags.keys()
    return all(first_tags[name] & second_tags[name] for name in shared)
