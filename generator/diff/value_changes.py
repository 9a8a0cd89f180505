"""One schema's own value keywords compared: type, enum, bounds, lengths, multipleOf,
discriminator. Facts only (`SchemaDelta`); `generator.diff.rules` judges them."""

from __future__ import annotations

from collections.abc import Iterable

from generator.diff.facts import SchemaDelta
from generator.diff.keywords import compare_format
from generator.diff.shape import LIMITS, Shape, show, types_text, widens


def compare_values(old: Shape, new: Shape, here: str) -> Iterable[SchemaDelta]:
    if old.types != new.types:
        change = {"old": types_text(old.types), "new": types_text(new.types)}
        if widens(old.types, new.types):
            kind = "type-generalized"
        elif widens(new.types, old.types):
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
    return f"{show(bound[0])}{' (exclusive)' if bound[1] else ''}"


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
    yield _delta(f"{kind}-{direction}", here, show(old), show(new))


def _compare_multiple_of(old: float | None, new: float | None, here: str) -> Iterable[SchemaDelta]:
    """Every multiple of 10 is one of 5: 10 → 5 accepts more values, 5 → 10 fewer, and
    5 → 3 neither more nor fewer, just others."""
    if old == new:
        return
    if old is None:
        yield SchemaDelta("multiple-of-added", here, details=(("new", show(new)),))
    elif new is None:
        yield SchemaDelta("multiple-of-removed", here, details=(("old", show(old)),))
    elif _divides(new, old):
        yield _delta("multiple-of-widened", here, show(old), show(new))
    elif _divides(old, new):
        yield _delta("multiple-of-narrowed", here, show(old), show(new))
    else:
        yield _delta("multiple-of-changed", here, show(old), show(new))


def _divides(divisor: float, value: float) -> bool:
    quotient = value / divisor
    return abs(quotient - round(quotient)) < 1e-9


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
