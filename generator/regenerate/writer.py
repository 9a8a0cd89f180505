"""Put one target's rendered files on disk atomically, keeping what is not ours.

The new tree is assembled in a scratch folder beside the target folder and swapped in with two
renames, so an interrupted or failing run leaves the previous output as it was. Files whose
bytes did not change are hard-linked from the old tree, which keeps their mtimes (build tools
and editors notice nothing), and write-once and unknown files are carried over the same way.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.regenerate.fingerprint import sha256
from generator.regenerate.manifest import TargetRecord
from generator.regenerate.model import SCRATCH_PREFIX, OutputFile

if TYPE_CHECKING:
    from generator.incremental import Store


class WriteError(Exception):
    """The output could not be written; the previous output is intact."""


@dataclass(frozen=True)
class Collision:
    path: str  # relative to the target folder
    reason: str


@dataclass(frozen=True)
class WriteSummary:
    written: tuple[str, ...] = ()  # created or changed
    removed: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


# A file modified this soon after it was last looked at may keep the same mtime (a timestamp
# is the kernel's coarse clock, a tick behind, cut to the filesystem's resolution), so no view
# vouches for it: 0.5 s where mtimes have a fraction of a second (ext4, xfs, btrfs, APFS, NTFS:
# resolution 10 ms or finer), 3 s where one is a whole second (FAT keeps 2 s).
_RECENT_NS = 500_000_000
_RECENT_WHOLE_SECONDS_NS = 3_000_000_000


def _recent(mtime_ns: int, since_ns: int) -> bool:
    whole = mtime_ns % 1_000_000_000 == 0
    return mtime_ns >= since_ns - (_RECENT_WHOLE_SECONDS_NS if whole else _RECENT_NS)


@dataclass(frozen=True)
class _Seen:
    inode: int
    size: int
    mtime_ns: int
    content: bytes
    digest: str


class OutputView:
    """What a long-lived process (`specgen watch`, the generation server) knows of one target
    folder's generated files: for each file that held given bytes when last looked at, those
    bytes and what `lstat` said of it then. While a file's inode, size and mtime are
    unchanged it holds the same bytes, so a warm run neither reads nor hashes the 1,800 files
    it did not change; a user's edit changes the mtime (an editor's replacement also the
    inode), and a file whose mtime was recent when it was looked at is never vouched for
    (see `_recent`). An empty view (the default) vouches for nothing."""

    def __init__(self, seen: dict[str, _Seen] | None = None) -> None:
        self.seen = seen if seen is not None else {}

    def _match(self, path: str, disk: os.stat_result) -> _Seen | None:
        found = self.seen.get(path)
        if found is None or found.inode != disk.st_ino or found.size != disk.st_size:
            return None
        return found if found.mtime_ns == disk.st_mtime_ns else None

    def holds(self, path: str, disk: os.stat_result, content: bytes) -> bool:
        """Whether the file `lstat` describes as `disk` holds `content`, as far as known."""
        found = self._match(path, disk)
        return found is not None and (found.content is content or found.content == content)

    def digest(self, path: str, disk: os.stat_result) -> str | None:
        """The SHA-256 of the file `lstat` describes as `disk`, if known."""
        found = self._match(path, disk)
        return found.digest if found is not None else None

    def sha256(self, path: str, content: bytes) -> str:
        """`content`'s SHA-256, not computed again for bytes this view holds for `path`."""
        found = self.seen.get(path)
        if found is not None and found.content is content:
            return found.digest
        return sha256(content)

    def learn(self, since_ns: int, files: dict[str, tuple[os.stat_result, bytes]]) -> None:
        """From now on, know exactly `files`: they held these bytes when `lstat` (called
        after `since_ns`) described them."""
        seen: dict[str, _Seen] = {}
        for path, (disk, content) in files.items():
            if _recent(disk.st_mtime_ns, since_ns):
                continue
            kept = self._match(path, disk)
            if kept is not None and kept.content is content:
                seen[path] = kept  # the usual case: nothing about the file changed
            else:
                digest = self.sha256(path, content)
                seen[path] = _Seen(disk.st_ino, disk.st_size, disk.st_mtime_ns, content, digest)
        self.seen = seen


class OutputViews:
    """The `OutputView` of each target folder, kept in `memory` between runs (none without).
    `save` keeps the views of the `KEPT` folders used last (less those `forget` dropped): a
    generation server serving two specs in turn must not forget one folder's view while it
    writes the other (the next run there would read and hash all its files again)."""

    STORE = "output-views"
    KEPT = 8

    def __init__(self, memory: Store | None) -> None:
        self._memory = memory
        self._old = memory.stores.get(self.STORE, {}) if memory is not None else {}
        self._used: dict[str, OutputView] = {}

    def of(self, target_dir: Path) -> OutputView:
        key = str(target_dir.resolve())
        if key not in self._used:
            self._used[key] = OutputView(dict(self._old.get(key, {})))
        return self._used[key]

    def forget(self, target_dir: Path) -> None:
        """Drop the view of a folder whose target is no longer generated."""
        key = str(target_dir.resolve())
        self._old.pop(key, None)
        self._used.pop(key, None)

    def save(self) -> None:
        if self._memory is not None:
            kept = {k: v for k, v in self._old.items() if k not in self._used}
            kept.update((k, v.seen) for k, v in self._used.items())  # the latest last
            self._memory.stores[self.STORE] = dict(list(kept.items())[-self.KEPT :])


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if not path.is_dir() else None
    except OSError:
        return None


def _ancestors(relative: str) -> list[str]:
    """The folders of a POSIX relative path, nearest first (`a/b/c` → `a/b`, `a`)."""
    parts = relative.split("/")
    return ["/".join(parts[:end]) for end in range(len(parts) - 1, 0, -1)]


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _is_file_or_link(path: str) -> bool:
    disk = _lstat(path)
    return disk is not None and (stat.S_ISREG(disk.st_mode) or stat.S_ISLNK(disk.st_mode))


def find_collisions(
    target_dir: Path, files: Sequence[OutputFile], record: TargetRecord | None
) -> list[Collision]:
    """Files on disk that writing `files` would overwrite although specgen did not write them."""
    ours = set(record.files) if record else set()
    produced = {f.path for f in files}
    found: dict[str, Collision] = {}
    folders = {a for item in files for a in _ancestors(item.path)}
    kinds = _kinds(target_dir, folders)
    for ancestor in sorted(folders):
        if kinds.get(ancestor) is False and ancestor not in ours and ancestor not in produced:
            found[ancestor] = Collision(ancestor, f"a file is where folder {ancestor}/ goes")
    for item in files:
        kind = kinds.get(item.path)
        if kind is None or (not kind and (item.write_once or item.path in ours)):
            continue
        if kind:
            found[item.path] = Collision(item.path, "a folder is in the way")
        elif _read(target_dir / item.path) != item.content:
            found[item.path] = Collision(item.path, "exists and was not written by specgen")
    return [found[path] for path in sorted(found)]


def _kinds(target_dir: Path, folders: set[str]) -> dict[str, bool]:
    """For each entry of `target_dir` and of its `folders` (relative POSIX paths), whether it
    is a folder (links are not followed): one listing per folder instead of a `stat` per file
    (a big target has thousands of files in a few dozen folders)."""
    kinds: dict[str, bool] = {}
    for folder in ("", *folders):
        try:
            with os.scandir(os.path.join(target_dir, folder)) as entries:
                for entry in entries:
                    relative = f"{folder}/{entry.name}" if folder else entry.name
                    kinds[relative] = entry.is_dir(follow_symlinks=False)
        except OSError:  # absent, or not a folder: nothing of it is in the way
            continue
    return kinds


def plan_changes(
    target_dir: Path, files: Sequence[OutputFile], record: TargetRecord | None
) -> WriteSummary:
    """What applying `files` would create, change and remove (nothing is touched)."""
    return _plan(target_dir, files, record, OutputView())[0]


def _plan(
    target_dir: Path, files: Sequence[OutputFile], record: TargetRecord | None, view: OutputView
) -> tuple[WriteSummary, dict[str, os.stat_result]]:
    """The summary, and the paths whose file on disk already holds the new bytes, with what
    `lstat` said of it (then hard-linked into the new tree, not read again). A file `view`
    vouches for is not read either."""
    written: list[str] = []
    same: dict[str, os.stat_result] = {}
    base = f"{target_dir}{os.sep}"
    for item in sorted(files, key=lambda f: f.path):
        disk = _lstat(base + item.path)
        if item.write_once:
            if disk is None:
                written.append(item.path)
        elif disk is None or not stat.S_ISREG(disk.st_mode):
            written.append(item.path)
        elif view.holds(item.path, disk, item.content) or _read_bytes(base + item.path) == (
            item.content
        ):
            same[item.path] = disk
        else:
            written.append(item.path)
    produced = {f.path for f in files}
    removed = []
    for path in sorted(record.files if record else {}):
        if path not in produced:
            disk = _lstat(base + path)
            if disk is not None and (stat.S_ISREG(disk.st_mode) or stat.S_ISLNK(disk.st_mode)):
                removed.append(path)
    return WriteSummary(tuple(written), tuple(removed)), same


def apply_output(
    target_dir: Path,
    files: Sequence[OutputFile],
    record: TargetRecord | None,
    view: OutputView | None = None,
) -> WriteSummary:
    """Make `target_dir` hold exactly `files` plus the write-once and unknown files it had.

    Callers check collisions first; anything still in the way here (only with --force) is
    replaced. Raises WriteError with the old tree untouched when anything fails. `view`: what
    a long-lived process knows of the files it wrote before (see `OutputView`), brought up to
    date here.
    """
    view = view if view is not None else OutputView()
    started = time.time_ns()
    summary, same = _plan(target_dir, files, record, view)
    known = {f.path: (same[f.path], f.content) for f in files if f.path in same}
    if not summary.changed:
        view.learn(started, known)
        return summary
    out_dir = target_dir.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    scratch = out_dir / f"{SCRATCH_PREFIX}new-{target_dir.name}"
    try:
        _remove(scratch)
        scratch.mkdir()
        _assemble(scratch, target_dir, files, record, same)
        _swap(scratch, target_dir)
    except OSError as exc:
        with contextlib.suppress(OSError):
            _remove(scratch)
        where = exc.filename or target_dir
        raise WriteError(f"cannot write {where}: {exc.strerror or exc}") from None
    # A hard link keeps the file's inode, size and mtime: what `_plan` saw is still true. (The
    # view's entries are facts about inodes, true whichever tree holds them: an interrupted
    # swap leaves none wrong.)
    view.learn(started, known)
    return summary


def _assemble(
    scratch: Path,
    target_dir: Path,
    files: Sequence[OutputFile],
    record: TargetRecord | None,
    same: Collection[str],
) -> None:
    """`same`: the paths whose file on disk holds the new bytes (see `_plan`)."""
    produced = {f.path for f in files}
    produced_dirs = {a for f in files for a in _ancestors(f.path)}
    new = f"{scratch}{os.sep}"
    old = f"{target_dir}{os.sep}"
    for folder in sorted(produced_dirs):
        os.makedirs(new + folder, exist_ok=True)
    for item in sorted(files, key=lambda f: f.path):
        if item.path in same or (item.write_once and _is_file_or_link(old + item.path)):
            _carry(old + item.path, new + item.path)
        else:
            _write_file(new + item.path, item.content)
    if not target_dir.is_dir():
        return
    ours = set(record.files) if record else set()
    for relative, is_dir in _walk(target_dir):
        if relative in produced or relative in ours or relative in produced_dirs:
            continue
        if any(a in produced for a in _ancestors(relative)):
            continue  # forced: a generated file replaced the folder this lived in
        if is_dir:
            os.makedirs(new + relative, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(new + relative), exist_ok=True)
            _carry(old + relative, new + relative)


def _walk(folder: Path, below: str = "") -> Iterator[tuple[str, bool]]:
    """Files (and empty folders, flagged True) below `folder`, without following links, as
    POSIX paths relative to it."""
    with os.scandir(os.path.join(folder, below) if below else folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        relative = f"{below}/{entry.name}" if below else entry.name
        if not entry.is_dir(follow_symlinks=False):
            yield relative, False
        elif _empty(entry.path):
            yield relative, True
        else:
            yield from _walk(folder, relative)


def _empty(folder: str) -> bool:
    with os.scandir(folder) as found:
        return next(found, None) is None


def _write_file(path: str, content: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(content)


def _read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _carry(source: str, destination: str) -> None:
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)


def _swap(scratch: Path, target_dir: Path) -> None:
    if not target_dir.exists():
        os.rename(scratch, target_dir)
        return
    backup = target_dir.parent / f"{SCRATCH_PREFIX}old-{target_dir.name}"
    _remove(backup)
    os.rename(target_dir, backup)
    try:
        os.rename(scratch, target_dir)
    except OSError:
        os.rename(backup, target_dir)
        raise
    _remove(backup)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def remove_output(target_dir: Path, record: TargetRecord) -> tuple[str, ...]:
    """Delete the generated files of a target whose spec is gone; keep everything else."""
    removed: list[str] = []
    for relative in sorted(record.files):
        path = target_dir / relative
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(relative)
    folders = {a for r in removed for a in _ancestors(r)}
    for relative in sorted(folders, key=lambda p: p.count("/"), reverse=True):
        with contextlib.suppress(OSError):
            (target_dir / relative).rmdir()  # only succeeds when empty
    with contextlib.suppress(OSError):
        target_dir.rmdir()
    return tuple(removed)


def recover_scratch(out_dir: Path) -> None:
    """Undo what an interrupted run left: restore a swapped-out target, drop half-built ones."""
    if not out_dir.is_dir():
        return
    for entry in sorted(out_dir.iterdir()):
        name = entry.name
        if name.startswith(f"{SCRATCH_PREFIX}old-"):
            target = out_dir / name.removeprefix(f"{SCRATCH_PREFIX}old-")
            if target.exists():
                _remove(entry)
            else:
                os.rename(entry, target)
        elif name.startswith(f"{SCRATCH_PREFIX}new-"):
            _remove(entry)


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Serialise runs on one output folder (a watcher and a manual run, say).

    The lock file is removed when the run ends (also a failed one): an empty
    `.specgen-tmp-lock` left in a user's `out/` is clutter. Removing it while holding the lock
    is safe because a waiter that wins the lock checks that it still holds the file the path
    names, and starts over on a fresh file otherwise."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform; runs are not serialised
        yield
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{SCRATCH_PREFIX}lock"
    while True:
        handle = open(path, "a")  # noqa: SIM115 - closed below, on every path
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                current = os.stat(path)
            except FileNotFoundError:
                current = None
            mine = os.fstat(handle.fileno())
            if current is not None and (current.st_ino, current.st_dev) == (
                mine.st_ino,
                mine.st_dev,
            ):
                break
        except BaseException:
            handle.close()
            raise
        handle.close()  # the holder before us removed this file: lock the new one
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()
