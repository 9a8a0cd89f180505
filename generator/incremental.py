"""The one incremental layer: what a stage remembers between runs, and when it may reuse it.

Three pieces (see docs/incremental.md for the diagram and a worked example):

- a `Store` holds entries by (stage, key) with two generations: the last run's entries and
  this run's. A run that consults a stage keeps only the entries it used, so a stage holds
  what the spec needs now and never grows without bound. Entries are stamped with one
  `code_stamp` (`generator.sources`: specgen's sources, the interpreter, the installed
  packages): other code, no
  reuse. A long-lived process (watch, the generation server) keeps its `Store` in memory; a
  stage may also be written to disk (an atomic pickle), read back by the next process.
- a `Trace` records the reads (kind, key) -> fingerprint a unit makes while it is computed.
  Traces nest: a read inside an inner unit counts for the outer one too. A unit that did
  something the trace cannot record calls `untracked()` and is then never reused.
- `Run.memo(stage, key, compute)` reuses an entry while every recorded read still has its
  fingerprint, re-checked through the function registered for its kind (`Run.register`).
  Early cut-off lives here only: a recomputed unit whose output equals the old one hands
  back the old object, so what was computed from it (compared by identity first) still hits.

With `SPECGEN_VERIFY_INCREMENTAL=1` every hit is recomputed and compared with what was kept;
a difference raises `StaleEntry` naming the stage, the key and the first read that differs.

"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from generator.sources import code_stamp

T = TypeVar("T")
VERIFY = "SPECGEN_VERIFY_INCREMENTAL"
FORMAT = 2  # bumped when what a stage's file holds changes shape: older files are ignored
ABSENT: Any = type("Absent", (), {"__repr__": lambda self: "<absent>"})()  # a missing read

_COMPUTE: Any = object()  # `Run.read` without a fingerprint: the registered function's
Read = tuple[str, Hashable]  # (kind, key)
Fingerprint = Callable[[Any], Any]  # a key of its kind -> its fingerprint now
Same = Callable[[Any, Any], bool]


class StaleEntry(AssertionError):
    """A kept entry differs from a fresh computation (only raised in verify mode)."""


def same(old: Any, new: Any) -> bool:
    """The default equality: identity first (unchanged IR objects are the very same), then
    `exact`."""
    return old is new or exact(old, new)


_SCALARS = frozenset({str, int, float, bool, bytes, type(None)})


def exact(old: Any, new: Any) -> bool:
    """`old == new` that also tells `1`, `1.0` and `True` apart, at any depth of tuples,
    lists, dicts and dataclasses: Python's `==` calls them equal, but the generated code
    prints them differently (`Literal[1]` / `Literal[True]`, `= 1` / `= 1.0`), so an output
    kept on `==` after such an edit would be stale. Identical items are not looked into."""
    if old is new:
        return True
    kind = type(old)
    if kind is not type(new):
        return False
    if kind in _SCALARS:
        return bool(old == new)
    if kind is tuple or kind is list:
        return len(old) == len(new) and all(
            a is b or exact(a, b) for a, b in zip(old, new, strict=True)
        )
    if kind is dict:
        return len(old) == len(new) and all(
            k1 == k2 and type(k1) is type(k2) and (v1 is v2 or exact(v1, v2))
            for (k1, v1), (k2, v2) in zip(old.items(), new.items(), strict=True)
        )
    names = getattr(kind, "__dataclass_fields__", None)  # the class's own table of fields
    if names is None:
        return bool(old == new)
    for name in names:
        a, b = getattr(old, name), getattr(new, name)
        if a is not b and not exact(a, b):
            return False
    return True


class Entry(NamedTuple):
    """What one unit computed: its output, the reads it made (None: untracked, never reused)
    and the explicit inputs it was computed from (compared as they are). A named tuple: a
    stage on disk of thousands of entries unpickles quicker than dataclasses."""

    output: Any
    reads: tuple[tuple[str, Hashable, Any], ...] | None
    inputs: Any = None


@dataclass
class Trace:
    """The reads of the unit being computed; `outer`: the unit that asked for this one."""

    outer: Trace | None = None
    reads: dict[Read, Any] = field(default_factory=dict)
    tracked: bool = True

    def read(self, kind: str, key: Hashable, fingerprint: Any) -> None:
        """Note that the unit read `key` of `kind` and saw `fingerprint`, here and in every
        outer unit (the first read of a key counts: inputs do not change during a run)."""
        trace: Trace | None = self
        while trace is not None:
            trace.reads.setdefault((kind, key), fingerprint)
            trace = trace.outer

    def untracked(self) -> None:
        """The unit read something no fingerprint describes: never reuse it (nor its outers)."""
        trace: Trace | None = self
        while trace is not None:
            trace.tracked = False
            trace = trace.outer

    def replay(self, entry: Entry) -> None:
        """A reused inner unit's reads count for this one as if it had computed it."""
        if entry.reads is None:
            self.untracked()
            return
        for kind, key, print_ in entry.reads:
            self.read(kind, key, print_)

    def frozen(self) -> tuple[tuple[str, Hashable, Any], ...] | None:
        return tuple((k, key, p) for (k, key), p in self.reads.items()) if self.tracked else None


class Stage:
    """One stage's entries in a `Store`: the last run's (`old`) and this run's (`used`)."""

    def __init__(self, name: str, file: Path | None, stamp: str) -> None:
        self.name = name
        self.file = file
        self.stamp = stamp
        self.old: dict[Hashable, Entry] = _read(file, stamp)
        self.used: dict[Hashable, Entry] = {}
        self.changed = False
        self.scope: Any = None
        self.hits = 0
        self.misses = 0

    def lookup(self, key: Hashable) -> Entry | None:
        found = self.used.get(key)
        return found if found is not None else self.old.get(key)

    def keep(self, key: Hashable, entry: Entry) -> None:
        if self.old.get(key) is not entry:
            self.changed = True
        self.used[key] = entry

    def commit(self) -> None:
        """This run's entries become the next run's (on disk atomically; a failure only
        loses them): an entry this run did not use is gone."""
        changed = self.changed or len(self.used) != len(self.old)
        self.old, self.used, self.changed = self.used, {}, False
        if self.file is not None and changed:
            _write(self.file, (FORMAT, self.stamp, self.old))


class Store:
    """Entries by (stage, key) that outlive one run: in memory for a long-lived process, or
    per stage on disk (`folder`). `stores`: what stages not yet computed through `Run.memo`
    keep between runs (the warm IR, the validation walk's replay, the output views)."""

    def __init__(self, stamp: str | None = None) -> None:
        """`stamp`: the code's (`code_stamp()` by default), what every stage is made by."""
        self.stamp = stamp or code_stamp()
        self._stages: dict[str, Stage] = {}
        self._parts: dict[str, Store] = {}
        self.stores: dict[str, Any] = {}

    def part(self, key: str) -> Store:
        """The store of one target (`key`: its spec), so that a process serving several
        specs in turn gives each its own entries instead of letting them take turns."""
        found = self._parts.get(key)
        if found is None:
            found = self._parts[key] = Store(self.stamp)
        return found

    def stage(self, name: str, folder: Path | None = None) -> Stage:
        """The entries of stage `name`, read from `folder` (if given) the first time, and
        written back there at each commit (a file of other code is an empty stage)."""
        found = self._stages.get(name)
        if found is None:
            file = folder / "units" / f"{name}.pickle" if folder is not None else None
            found = self._stages[name] = Stage(name, file, self.stamp)
        elif folder is not None and found.file is None:
            found.file = folder / "units" / f"{name}.pickle"
        return found

    def drop(self, keep: Callable[[str], bool]) -> None:
        """Forget the stages `keep` refuses (one no run consults any more)."""
        for name in [n for n in self._stages if not keep(n)]:
            del self._stages[name]

    def stage_names(self) -> Iterator[str]:
        return iter(list(self._stages))


class Run:
    """One run's use of a `Store`: fingerprint functions registered per kind of read, the
    current trace, and `memo`. `close()` commits the stages it consulted."""

    def __init__(self, store: Store | None, verify: bool | None = None, same: Same = same):
        """`store` None: nothing is kept and every lookup computes (a one-shot process)."""
        self.store = store
        self.verify = os.environ.get(VERIFY) == "1" if verify is None else verify
        self.same = same
        self._prints: dict[str, Fingerprint] = {}
        self._touched: dict[str, Stage] = {}
        self.trace: Trace | None = None

    @property
    def active(self) -> bool:
        return self.store is not None

    def register(self, kind: str, fingerprint: Fingerprint) -> None:
        """How this run fingerprints a read of `kind` (`ABSENT` for a key not there)."""
        self._prints[kind] = fingerprint

    def read(self, kind: str, key: Hashable, fingerprint: Any = _COMPUTE) -> None:
        """Note a read in the current unit (the fingerprint is computed when not given)."""
        if self.trace is not None and (kind, key) not in self.trace.reads:
            if fingerprint is _COMPUTE:
                fingerprint = self._prints[kind](key)
            self.trace.read(kind, key, fingerprint)

    def untracked(self) -> None:
        if self.trace is not None:
            self.trace.untracked()

    def stage(self, name: str, folder: Path | None = None, scope: Any = None) -> Stage | None:
        """Stage `name` of the store (None without one). `scope`: what every entry of the
        stage was computed under (the templates, the target's names): entries of another
        scope are dropped at once instead of each compared with it."""
        if self.store is None:
            return None
        found = self._touched.get(name)
        if found is None:
            found = self._touched[name] = self.store.stage(name, folder)
            found.hits = found.misses = 0  # counted per run
            if not self.same(found.scope, scope):
                found.old, found.scope = {}, scope
        return found

    def memo(
        self,
        stage: str,
        key: Hashable,
        compute: Callable[[], T],
        inputs: Any = None,
        *,
        folder: Path | None = None,
    ) -> T:
        """`compute()`, or the output kept under (`stage`, `key`) when it was computed from
        equal `inputs` and every read it recorded still has its fingerprint."""
        table = self.stage(stage, folder)
        if table is None:
            return compute()
        old = table.lookup(key)
        if old is not None and self.fresh(old, inputs):
            table.hits += 1
            if self.verify:
                self._verify(stage, key, old, compute)
            table.keep(key, old)
            if self.trace is not None:
                self.trace.replay(old)
            return old.output  # type: ignore[no-any-return]
        table.misses += 1
        output, reads = self.traced(compute)
        if old is not None and self.same(old.output, output):
            output = old.output  # early cut-off: dependants compare the old object by identity
        table.keep(key, Entry(output, reads, inputs))
        return output

    def traced(
        self, compute: Callable[[], T]
    ) -> tuple[T, tuple[tuple[str, Hashable, Any], ...] | None]:
        """`compute()` and the reads it made (nested in the current unit's trace)."""
        with self.tracing() as trace:
            output = compute()
        return output, trace.frozen()

    @contextmanager
    def tracing(self) -> Iterator[Trace]:
        trace = Trace(self.trace)
        self.trace = trace
        try:
            yield trace
        finally:
            self.trace = trace.outer

    def fresh(self, entry: Entry, inputs: Any = None) -> bool:
        """Whether `entry` may be reused: tracked, equal inputs, every read unchanged."""
        if entry.reads is None or not self.same(entry.inputs, inputs):
            return False
        prints, equal = self._prints, self.same
        for kind, key, print_ in entry.reads:
            fingerprint = prints.get(kind)
            if fingerprint is None:
                return False
            now = fingerprint(key)
            if print_ is not now and not equal(print_, now):
                return False
        return True

    def _verify(self, stage: str, key: Hashable, old: Entry, compute: Callable[[], Any]) -> None:
        output, reads = self.traced(compute)
        if self.same(old.output, output):
            return
        raise StaleEntry(
            f"stale incremental entry: stage {stage!r}, key {key!r}: the kept output differs "
            f"from a fresh computation; {first_difference(old.reads or (), reads or ())}"
        )

    def close(self) -> None:
        """Commit every stage this run consulted: what it did not use is gone."""
        for table in self._touched.values():
            table.commit()
        self._touched.clear()


def first_difference(
    old: Iterable[tuple[str, Hashable, Any]], new: Iterable[tuple[str, Hashable, Any]]
) -> str:
    """The first read whose fingerprint differs between two traces, or that only the fresh
    computation made (a dependency the kept entry did not record)."""
    before = {(kind, key): print_ for kind, key, print_ in old}
    for kind, key, print_ in new:
        seen = before.get((kind, key), ABSENT)
        if seen is ABSENT:
            return f"first differing read: ({kind!r}, {key!r}) was not recorded by the kept entry"
        if not same(seen, print_):
            return f"first differing read: ({kind!r}, {key!r}) {seen!r} -> {print_!r}"
    return "no recorded read differs: the unit reads something it does not record"


def stage_name(stage: str, spec: Path) -> str:
    """A stage's name for one spec (its entries' file, when kept on disk)."""
    where = spec.resolve().as_posix().encode("utf-8", "surrogateescape")
    return f"{stage}-{hashlib.blake2b(where, digest_size=16).hexdigest()}"


def files_fingerprint(
    folders: Iterable[Path], known: dict[str, tuple[int, int, str]] | None = None
) -> str:
    """Every file of `folders` by content (sha256), in search order (an override shadows by
    order): the templates' fingerprint, for the manifest and for the render stages alike.
    `known`: path -> (size, mtime, sha) from earlier calls of a long-lived process; a file
    whose size and modification time are unchanged is not read again (a cheap first check:
    an edit keeping both within one clock tick would be missed, which a one-shot run never
    risks, having no `known`)."""
    hasher = hashlib.sha256()
    for index, folder in enumerate(folders):
        hasher.update(f"folder {index}".encode() + b"\x00")
        for relative, digest in sorted(_file_digests(folder, known).items()):
            hasher.update(f"{relative}={digest}".encode("utf-8", "surrogateescape") + b"\x00")
    return hasher.hexdigest()


def _file_digests(folder: Path, known: dict[str, tuple[int, int, str]] | None) -> dict[str, str]:
    """POSIX relative path -> sha256 of each file below `folder` (hidden folders and compiled
    Python left out)."""
    found: dict[str, str] = {}
    for current, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(current, name)
            try:
                info = os.stat(path)
                seen = known.get(path) if known is not None else None
                if seen is not None and seen[:2] == (info.st_size, info.st_mtime_ns):
                    digest = seen[2]
                else:
                    with open(path, "rb") as source:
                        digest = hashlib.sha256(source.read()).hexdigest()
                    if known is not None:
                        known[path] = (info.st_size, info.st_mtime_ns, digest)
            except OSError:
                continue
            found[Path(path).relative_to(folder).as_posix()] = digest
    return found


def _read(file: Path | None, stamp: str) -> dict[Hashable, Entry]:
    """A stage's file; absent, corrupt, of another format or code: empty, never an error.
    The files are pickles written and read only by specgen, in a folder of the project."""
    if file is None:
        return {}
    try:
        with file.open("rb") as source:
            version, written_by, entries = pickle.load(source)
    except Exception:  # noqa: BLE001 - any unreadable store is an empty one
        return {}
    fits = version == FORMAT and written_by == stamp and isinstance(entries, dict)
    return entries if fits else {}


def _write(file: Path, data: Any) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        ignore = file.parent.parent / ".gitignore"
        if not ignore.exists():  # the cache is never committed
            ignore.write_text("*\n", encoding="utf-8")
        handle, scratch = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(scratch, file)
    except OSError:
        return
