"""Model classes kept between runs, each reused while every schema it was built from is
unchanged (issue #12: a one-line edit of a big spec should not rebuild thousands of classes).

Building one class reads its own hoisted schema and some others: an `allOf` parent's fields,
whether a referenced schema is an enum, a discriminator option's tag. `Reads` records, for
each class being built, every schema name it looked at (a class built inside another's build
counts for both). The cache entry of a class holds the content fingerprint of each of those
schemas; it is reused only when all of them still match. A class whose build met a cycle
guard depends on the order classes were built in, so it is never cached.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.ir.types import ModelClass
from generator.unitcache import UnitCache, key_of
from generator.units import canonical, digest

Schemas = Mapping[str, dict[str, Any]]


@dataclass
class Record:
    names: set[str] = field(default_factory=set)
    tainted: bool = False


@dataclass
class Reads:
    """The records of the class builds in progress, innermost last."""

    stack: list[Record] = field(default_factory=list)

    def note(self, name: str) -> None:
        for record in self.stack:
            record.names.add(name)

    def note_all(self, names: frozenset[str], tainted: bool) -> None:
        for record in self.stack:
            record.names.update(names)
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


@dataclass(frozen=True)
class Cached:
    model: ModelClass
    depends_on: frozenset[str]
    dropped_defaults: tuple[tuple[str, str], ...]


class ClassCache:
    """Cache entries of model classes, checked against the schemas of this run."""

    def __init__(self, store: UnitCache, schemas: Schemas, origins: Mapping[str, str]) -> None:
        self._store = store
        self._schemas = schemas
        self._origins = origins
        self._prints: dict[str, str] = {}

    def fingerprint(self, name: str) -> str:
        found = self._prints.get(name)
        if found is None:
            schema = self._schemas.get(name)
            text = "-" if schema is None else canonical(schema)
            found = self._prints[name] = digest(f"{text}\x00{self._origins.get(name, '')}")
        return found

    def lookup(self, name: str) -> Cached | None:
        entry = self._store.get(key_of("class", name, self.fingerprint(name)))
        if not isinstance(entry, tuple) or len(entry) != 3:
            return None
        model, prints, dropped = entry
        if any(self.fingerprint(dep) != value for dep, value in prints):
            return None
        return Cached(model, frozenset(dep for dep, _ in prints), dropped)

    def store(self, name: str, cached: Cached) -> None:
        prints = tuple((dep, self.fingerprint(dep)) for dep in sorted(cached.depends_on))
        entry = (cached.model, prints, cached.dropped_defaults)
        self._store.put(key_of("class", name, self.fingerprint(name)), entry)

    def save(self) -> None:
        self._store.save()
