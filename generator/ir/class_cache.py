"""Model classes kept between runs, each reused while every schema it was built from is
unchanged (issue #12: a one-line edit of a big spec should not rebuild thousands of classes).

Building one class reads its own hoisted schema and some others: an `allOf` parent's fields,
whether a referenced schema is an enum, a discriminator option's tag. `Reads` records, for
each class being built, every schema name it looked at (a class built inside another's build
counts for both). The cache entry of a class holds the content fingerprint of each of those
schemas; it is reused only when all of them still match. A schema of which the build read
only what a referring type reads (its `Shape`: see `type_reader`) is checked by its shape
alone (`shape_key`), so adding a property to a class referred to everywhere rebuilds only it.
A class whose build met a cycle guard depends on the order classes were built in, so it is
never cached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.incremental import Stage
from generator.ir.schema_facts import shape_of
from generator.ir.types import ModelClass
from generator.ir.warm_log import frozen

Schemas = Mapping[str, dict[str, Any]]


@dataclass
class Record:
    names: set[str] = field(default_factory=set)
    # classes of which only the shape was read (see `schema_facts.Shape`)
    shapes: set[str] = field(default_factory=set)
    tainted: bool = False


@dataclass
class Reads:
    """The records of the class builds in progress, innermost last."""

    stack: list[Record] = field(default_factory=list)

    def note(self, name: str) -> None:
        for record in self.stack:
            record.names.add(name)

    def note_shape(self, name: str) -> None:
        for record in self.stack:
            record.shapes.add(name)

    def note_all(self, names: frozenset[str], shapes: frozenset[str], tainted: bool) -> None:
        for record in self.stack:
            record.names.update(names)
            record.shapes.update(shapes)
            record.tainted = record.tainted or tainted

    def taint(self) -> None:
        for record in self.stack:
            record.tainted = True


class WatchedSchemas(Mapping[str, dict[str, Any]]):
    """The hoisted schemas, noting each name a class build reads (iteration is not a read:
    it lists classes, it does not look into them)."""

    def __init__(self, schemas: Schemas, reads: Reads) -> None:
        self._schemas = schemas
        self._reads = reads

    def __getitem__(self, name: str) -> dict[str, Any]:
        self._reads.note(name)
        return self._schemas[name]

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            self._reads.note(name)
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


@dataclass(frozen=True)
class Cached:
    model: ModelClass
    depends_on: frozenset[str]
    shapes: frozenset[str]
    dropped_defaults: tuple[tuple[str, str], ...]
    entry: Any = None  # the store's entry it came from


class ClassCache:
    """Cache entries of model classes, checked against the schemas of this run.

    `fingerprint(name)`: what the class's schema is this run (its exact bytes and origin; see
    `generator.ir.warm`), and `shape(name)` its `shape_key`, compared with what each entry
    noted when it was made."""

    def __init__(
        self, store: Stage, fingerprint: Callable[[str], Any], shape: Callable[[str], Any]
    ) -> None:
        self._store = store
        self.fingerprint = fingerprint
        self.shape = shape

    def lookup(self, name: str) -> Cached | None:
        entry = self._store.get(name)
        if not isinstance(entry, tuple) or len(entry) != 4:
            return None
        model, prints, shapes, dropped = entry
        if any(self.fingerprint(dep) != value for dep, value in prints):
            return None
        if any(self.shape(dep) != value for dep, value in shapes):
            return None
        return Cached(
            model,
            frozenset(dep for dep, _ in prints),
            frozenset(dep for dep, _ in shapes),
            dropped,
            entry,
        )

    def store(self, name: str, cached: Cached) -> None:
        if cached.entry is not None:  # found valid: kept as it is
            self._store.put(name, cached.entry)
            return
        deps = sorted(cached.depends_on | {name})
        prints = tuple((dep, self.fingerprint(dep)) for dep in deps)
        shapes = tuple((dep, self.shape(dep)) for dep in sorted(cached.shapes - cached.depends_on))
        self._store.put(name, (cached.model, prints, shapes, cached.dropped_defaults))

    def save(self) -> None:
        self._store.save()
