"""What a model class's build reads of the hoisted schemas, for the one incremental layer
(`generator.incremental`): each model class is a `Run.memo` unit of stage `classes`, reused
while every read it recorded still has its fingerprint (issue #12: a one-line edit of a big
spec should not rebuild thousands of classes).

Two kinds of read, their fingerprint functions registered by the warm IR (`warm`):

- `class`: a whole hoisted schema (an `allOf` parent's fields, an alias followed, a
  discriminator option's tag), fingerprinted by its exact bytes and origin;
- `shape`: what a type referring to a class reads of it (its `Shape`: see `type_reader`),
  fingerprinted by `shape_key`, so adding a property to a class referred to everywhere
  rebuilds only it.

A build that met a cycle guard depends on the order classes were built in: it calls
`untracked()` and is never reused (nor is any class whose build asked for it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.incremental import Run
from generator.ir.schema_facts import shape_of
from generator.ir.warm_log import frozen

Schemas = Mapping[str, dict[str, Any]]


class WatchedSchemas(Mapping[str, dict[str, Any]]):
    """The hoisted schemas, recording each name a unit reads as a `class` read (iteration is
    not a read: it lists classes, it does not look into them)."""

    def __init__(self, schemas: Schemas, run: Run) -> None:
        self._schemas = schemas
        self._run = run

    def __getitem__(self, name: str) -> dict[str, Any]:
        self._run.read("class", name)
        return self._schemas[name]

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            self._run.read("class", name)
        return name in self._schemas

    def __iter__(self) -> Iterator[str]:
        return iter(self._schemas)

    def __len__(self) -> int:
        return len(self._schemas)


def shape_key(schema: dict[str, Any] | None) -> Any:
    """What a class that only refers to `schema` read of it (its `Shape`: every field, so
    nothing the class builder reads is left out), comparable across runs: the default as its
    marshal bytes, which tell 1 from 1.0 and True."""
    shape = shape_of(schema)
    if shape is None or not shape.has_default:
        return shape
    default = frozen(shape.default)
    return shape._replace(default=default if default is not None else object())
