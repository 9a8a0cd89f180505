"""Rendered files a long-lived process (`specgen watch`) keeps between runs (issue #12: a
one-line edit of a big spec should not re-render thousands of model modules).

An entry is reused only when everything the file was rendered from is equal to this run's:
its own inputs (the IR values it prints, compared by value: the IR is frozen dataclasses) and
every entry it looked up in a shared table (`Recorded` notes those lookups), plus the
templates' files and the target's names (`scope`). Equality of unchanged IR values is cheap:
the model-class cache hands back the same objects, and tuples compare identical items by
identity first. Only the entries a run uses are kept for the next, so nothing accumulates.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from generator.unitcache import Memory
from generator.units import digest

V = TypeVar("V")
_ABSENT: Any = object()


class Recorded(Mapping[str, V], Generic[V]):
    """A read-only table that notes every key looked up (present or not) and what it held."""

    def __init__(self, table: Mapping[str, V]) -> None:
        self._table = table
        self.reads: dict[str, Any] = {}

    def __getitem__(self, key: str) -> V:
        value = self._table.get(key, _ABSENT)
        self.reads[key] = value
        if value is _ABSENT:
            raise KeyError(key)
        return value  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _ABSENT) is not _ABSENT

    def __iter__(self) -> Iterator[str]:
        raise TypeError("iterating would read every entry: look entries up by key")

    def __len__(self) -> int:
        return len(self._table)


@dataclass(frozen=True)
class _Entry:
    inputs: Any
    reads: tuple[tuple[str, Any], ...]
    output: Any


class RenderMemo:
    """Outputs of one kind (`stage`) by file path, for one target, between runs of a process.
    Without `memory` it keeps nothing and every lookup misses."""

    def __init__(self, memory: Memory | None, stage: str, scope: tuple[Any, ...]) -> None:
        self._name = f"render-{stage}"
        self._scope = scope
        old = memory.stores.get(self._name) if memory is not None else None
        fits = old is not None and old.get("scope") == scope
        self._old: dict[str, _Entry] = old["entries"] if fits and old is not None else {}
        self._used: dict[str, _Entry] = {}
        self._memory = memory
        self.hits = 0

    def get(self, path: str, inputs: Any, table: Mapping[str, Any]) -> Any | None:
        """The output kept for `path` if it was rendered from equal `inputs` and every entry
        of `table` it read is still equal, else None."""
        entry = self._old.get(path)
        if entry is None or entry.inputs != inputs:
            return None
        if any(table.get(key, _ABSENT) != value for key, value in entry.reads):
            return None
        self._used[path] = entry
        self.hits += 1
        return entry.output

    def put(self, path: str, inputs: Any, reads: Mapping[str, Any], output: Any) -> None:
        if self._memory is not None:
            self._used[path] = _Entry(inputs, tuple(reads.items()), output)

    def save(self) -> None:
        if self._memory is not None:
            self._memory.stores[self._name] = {"scope": self._scope, "entries": self._used}


def templates_fingerprint(folders: tuple[Path, ...]) -> str:
    """Every template file's path, size and modification time: an edited template (the
    user's or, in a checkout, a built-in one) invalidates what was rendered with it."""
    parts = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest("\n".join(parts))
