"""A store of per-unit results between runs, keyed by content (see `generator.units`).

Each stage that caches (validation's value checks, the model IR) has one file per spec under
the cache folder. A run reads it once, looks entries up by key, and writes back only the
entries it used, so the file holds what the spec needs now and never grows without bound.
Keys are content fingerprints: an entry is either exactly right or never looked up. A file
that cannot be read (absent, corrupt, from another Python) is an empty cache, never an error.

The files are pickles: they are written and read only by specgen on this machine, in a folder
of the project (the same trust as the project's own files).
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from generator.sources import source_stamps
from generator.units import digest

# Bumped when what a stage stores changes shape; old files are then ignored.
FORMAT = 1


class Memory:
    """The entries a long-lived process (`specgen watch`, the generation server, their
    validation worker) keeps between its runs, so that they are not read back from disk each
    time; some stages are kept only here, because reading them from disk costs as much as
    computing them (see `generator.ir.class_cache`)."""

    def __init__(self) -> None:
        self.stores: dict[str, dict[str, Any]] = {}
        self._parts: dict[str, Memory] = {}

    def part(self, key: str) -> Memory:
        """The memory of one target (`key`: its spec). Some stages keep one store per kind
        (the render memos: the last run's files), so a process serving several specs in turn
        (two targets in one watch, one generation server for a folder's specs) gives each its
        own part; otherwise they would take turns and every run would miss."""
        found = self._parts.get(key)
        if found is None:
            found = self._parts[key] = Memory()
        return found


class UnitCache:
    """`stage`'s entries for one spec, in `folder` (`on_disk`) and/or in `memory`. `tools`:
    modules whose code decides the stage's results besides specgen's own (a new version of
    them empties the cache, like a new specgen)."""

    def __init__(
        self,
        folder: Path | None,
        stage: str,
        spec: Path,
        tools: tuple[str, ...] = (),
        *,
        memory: Memory | None = None,
        on_disk: bool = True,
    ) -> None:
        self.name = f"{stage}-{digest(spec.resolve().as_posix())}"
        self.file = folder / "units" / f"{self.name}.pickle" if folder and on_disk else None
        self.memory = memory
        self.salt = code_salt(tools)
        kept = memory.stores.get(self.name) if memory is not None else None
        self._old: dict[str, Any] = kept if kept is not None else self._read()
        self._used: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str, fresh: Callable[[Any], bool] | None = None) -> Any | None:
        """The entry under `key`; None (a miss) when there is none, or `fresh` says that
        what it was computed from has changed since."""
        if key in self._used:
            self.hits += 1
            return self._used[key]
        found = self._old.get(key)
        if found is None or (fresh is not None and not fresh(found)):
            self.misses += 1
            return None
        self.hits += 1
        self._used[key] = found
        return found

    def put(self, key: str, value: Any) -> None:
        self._used[key] = value

    def save(self) -> None:
        """Keep the entries this run used (on disk atomically); a failure only loses them."""
        if self.memory is not None:
            self.memory.stores[self.name] = self._used
        if self.file is None or self._used == self._old:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.file.parent.parent / ".gitignore"
            if not ignore.exists():  # the cache is never committed
                ignore.write_text("*\n", encoding="utf-8")
            handle, scratch = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                pickle.dump((FORMAT, self.salt, self._used), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(scratch, self.file)
        except OSError:
            return

    def _read(self) -> dict[str, Any]:
        if self.file is None:
            return {}
        try:
            with self.file.open("rb") as source:
                version, salt, entries = pickle.load(source)
        except Exception:  # noqa: BLE001 - any unreadable cache is an empty one
            return {}
        fits = version == FORMAT and salt == self.salt and isinstance(entries, dict)
        return entries if fits else {}


def key_of(*parts: str) -> str:
    return digest("\x00".join(parts))


@cache
def code_salt(tools: tuple[str, ...] = ()) -> str:
    """What the code that produced an entry was: specgen's sources (by size and modification
    time: any edit or reinstall changes it), the Python version, and the `tools`' files."""
    parts = [sys.version, *source_stamps()]
    for name in tools:
        module = sys.modules.get(name)
        where = getattr(module, "__file__", None)
        if where:
            stat = Path(where).stat()
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest("\n".join(parts))
