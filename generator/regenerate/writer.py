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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.regenerate.manifest import TargetRecord
from generator.regenerate.model import SCRATCH_PREFIX, OutputFile


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


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if not path.is_dir() else None
    except OSError:
        return None


def _ancestors(relative: str) -> list[str]:
    """The folders of a POSIX relative path, nearest first (`a/b/c` → `a/b`, `a`)."""
    parts = relative.split("/")
    return ["/".join(parts[:end]) for end in range(len(parts) - 1, 0, -1)]


def find_collisions(
    target_dir: Path, files: Sequence[OutputFile], record: TargetRecord | None
) -> list[Collision]:
    """Files on disk that writing `files` would overwrite although specgen did not write them."""
    ours = set(record.files) if record else set()
    produced = {f.path for f in files}
    found: dict[str, Collision] = {}
    # Each folder once (a big target has thousands of files in a few dozen folders).
    for ancestor in sorted({a for item in files for a in _ancestors(item.path)}):
        above = target_dir / ancestor
        if (above.is_file() or above.is_symlink()) and ancestor not in ours:
            if ancestor not in produced:
                found[ancestor] = Collision(ancestor, f"a file is where folder {ancestor}/ goes")
    for item in files:
        disk = target_dir / item.path
        if disk.is_dir() and not disk.is_symlink():
            found[item.path] = Collision(item.path, "a folder is in the way")
        elif item.write_once or item.path in ours or not (disk.exists() or disk.is_symlink()):
            continue
        elif _read(disk) != item.content:
            found[item.path] = Collision(item.path, "exists and was not written by specgen")
    return [found[path] for path in sorted(found)]


def plan_changes(
    target_dir: Path, files: Sequence[OutputFile], record: TargetRecord | None
) -> WriteSummary:
    """What applying `files` would create, change and remove (nothing is touched)."""
    return _plan(target_dir, files, record)[0]


def _plan(
    target_dir: Path, files: Sequence[OutputFile], record: TargetRecord | None
) -> tuple[WriteSummary, set[str]]:
    """The summary, and the paths whose file on disk already holds the new bytes (then
    hard-linked into the new tree, not read again)."""
    written: list[str] = []
    same: set[str] = set()
    for item in sorted(files, key=lambda f: f.path):
        disk = target_dir / item.path
        if item.write_once:
            if not (disk.exists() or disk.is_symlink()):
                written.append(item.path)
        elif disk.is_symlink() or _read(disk) != item.content:
            written.append(item.path)
        else:
            same.add(item.path)
    produced = {f.path for f in files}
    removed = sorted(
        path
        for path in (record.files if record else {})
        if path not in produced
        and ((target_dir / path).is_file() or (target_dir / path).is_symlink())
    )
    return WriteSummary(tuple(written), tuple(removed)), same


def apply_output(
    target_dir: Path, files: Sequence[OutputFile], record: TargetRecord | None
) -> WriteSummary:
    """Make `target_dir` hold exactly `files` plus the write-once and unknown files it had.

    Callers check collisions first; anything still in the way here (only with --force) is
    replaced. Raises WriteError with the old tree untouched when anything fails.
    """
    summary, same = _plan(target_dir, files, record)
    if not summary.changed:
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
    return summary


def _assemble(
    scratch: Path,
    target_dir: Path,
    files: Sequence[OutputFile],
    record: TargetRecord | None,
    same: set[str],
) -> None:
    """`same`: the paths whose file on disk holds the new bytes (see `_plan`)."""
    produced = {f.path for f in files}
    produced_dirs = {a for f in files for a in _ancestors(f.path)}
    for folder in sorted(produced_dirs):
        (scratch / folder).mkdir(parents=True, exist_ok=True)
    for item in sorted(files, key=lambda f: f.path):
        destination = scratch / item.path
        disk = target_dir / item.path
        if item.path in same or (item.write_once and (disk.is_file() or disk.is_symlink())):
            _carry(disk, destination)
        else:
            _write_file(destination, item.content)
    if not target_dir.is_dir():
        return
    ours = set(record.files) if record else set()
    for relative, is_dir in _walk(target_dir):
        if relative in produced or relative in ours or relative in produced_dirs:
            continue
        if any(a in produced for a in _ancestors(relative)):
            continue  # forced: a generated file replaced the folder this lived in
        destination = scratch / relative
        if is_dir:
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            _carry(target_dir / relative, destination)


def _walk(folder: Path) -> Iterator[tuple[str, bool]]:
    """Files (and empty folders, flagged True) below `folder`, without following links."""
    for current, dirs, files in os.walk(folder):
        base = Path(current)
        for name in sorted(files):
            yield (base / name).relative_to(folder).as_posix(), False
        for name in sorted(dirs):
            path = base / name
            if path.is_symlink():
                yield path.relative_to(folder).as_posix(), False
            elif not any(path.iterdir()):
                yield path.relative_to(folder).as_posix(), True


def _write_file(path: Path, content: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(content)


def _carry(source: Path, destination: Path) -> None:
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
    """Serialise runs on one output folder (a watcher and a manual run, say)."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform; runs are not serialised
        yield
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / f"{SCRATCH_PREFIX}lock", "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
