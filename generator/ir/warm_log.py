"""What one unit of the IR build (a component schema, a path item) did, for a later run to replay.

The hoister's naming is shared state: an inline class is named `naming.unique(base,
class_names)`, so its name depends on every unit before it. A unit's log lists each such
claim with its result, the schema `$ref`s it found already named, the `$ref`s it followed to
other raw values, the classes it defined and the hoisted schemas it read. A later run
replays the unit only when each of these gives the same answer again (see `warm`).

Values are compared as their marshal bytes (format 2: no references, so equal data gives
equal bytes): unlike `==`, they tell `1`, `1.0` and `True` apart, as the generated code does.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, Level
from generator.ir.held import mutable_parts
from generator.ir.model import Operation
from generator.load import Document


def frozen(value: Any) -> bytes | None:
    """The exact bytes of a JSON-like value, or None when it holds something marshal cannot
    write (a YAML date, a cycle): such a value is never taken as unchanged."""
    try:
        return marshal.dumps(value, 2)
    except (ValueError, RecursionError):
        return None


def same(old: bytes | None, new: bytes | None) -> bool:
    return old is not None and old == new


@dataclass
class UnitLog:
    """Filled while one unit is built fresh."""

    # naming.unique(base, class_names) → the name it gave, in order
    claims: list[tuple[str, str]] = field(default_factory=list)
    # a schema `$ref` (from the root document) → the class it already named
    hits: list[tuple[str, str]] = field(default_factory=list)
    # `$ref`s followed to parameters, responses, bodies, headers (each resolved from the root)
    refs: list[str] = field(default_factory=list)
    # classes defined, in the order they entered the hoisted schemas
    defines: list[str] = field(default_factory=list)
    # operation names: naming.unique(base, taken) → the name it gave
    op_names: list[tuple[str, str]] = field(default_factory=list)
    # what a path item built (saved with it)
    operations: tuple[Operation, ...] = ()
    # False once the unit did something a replay could not check (another document, a `$ref`
    # that defined a class or failed, a read of a class another path item hoisted)
    replayable: bool = True


Warning = tuple[str, Level, str, str]  # rule, level, message, pointer (re-located on replay)


def warnings_of(diagnostics: list[Diagnostic], document: Document) -> tuple[Warning, ...] | None:
    """The diagnostics as replayable warnings; None when one is not about `document`."""
    if any(d.file != document.display for d in diagnostics):
        return None
    return tuple((d.rule, d.level, d.message, d.pointer) for d in diagnostics)


def replay_warnings(
    warnings: tuple[Warning, ...], document: Document, out: list[Diagnostic]
) -> None:
    """The warnings again, at the line and column their pointer has in today's document."""
    for rule, level, message, pointer in warnings:
        out.append(
            Diagnostic(rule, level, message, document.display, pointer, *document.locate(pointer))
        )


@dataclass(frozen=True)
class SanitiseRecord:
    """What sanitising (`sanitise`) did to one class. `pre`: the class before it (kept only when
    sanitising read other classes, whose change can change the result: such a class is
    sanitised again from `pre`); `warnings`: what it reported (for a class that read only
    itself, replayed as they are)."""

    warnings: tuple[Warning, ...]
    pre: bytes | None
    self_contained: bool


@dataclass(frozen=True)
class ClassRecord:
    name: str
    origin: str
    schema: dict[str, Any]  # as the last run left it (sanitised); never mutated since: `post`
    post: bytes
    sanitise: SanitiseRecord


@dataclass(frozen=True)
class UnitRecord:
    raw: bytes
    claims: tuple[tuple[str, str], ...]
    hits: tuple[tuple[str, str], ...]
    refs: tuple[tuple[str, bytes], ...]
    classes: tuple[ClassRecord, ...]
    warnings: tuple[Warning, ...]
    # path items only
    op_names: tuple[tuple[str, str], ...] = ()
    # hoisted schemas read (other than the unit's own): name → fingerprint (None: absent)
    reads: tuple[tuple[str, bool, Any], ...] = ()  # (name, whole schema or shape, what)
    operations: tuple[Operation, ...] = ()
    operation_values: bytes = b""


def operation_values(operations: tuple[Operation, ...] | list[Operation]) -> bytes | None:
    """The bytes of the mutable values the operations hold (schemas, defaults, examples: every
    field that can hold one, see `held`): a replay reuses the operations only while these are
    what the build made."""
    return frozen(mutable_parts(tuple(operations)))
