"""Format generated Python once per target with ruff (pinned), so output is byte-stable.

With a cache folder, each file's formatted text is kept under the hash of its path and
unformatted text: a regeneration after a one-line spec edit formats only the files it changed.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

from generator.diagnostics import Diagnostic, Level, SpecError
from generator.render.memo import RenderMemo

LINE_LENGTH = "100"
# Bumped whenever the ruff invocation below changes what it writes.
_CACHE_VERSION = "ruff-0.17.5-1"
_CACHE_ENTRIES = 4096


@cache
def _ruff() -> list[str]:
    """The ruff binary itself when the ruff package can say where it is: `python -m ruff`
    only looks it up and runs it, after 30 ms of starting Python (twice a run)."""
    try:
        from ruff import find_ruff_bin  # type: ignore[import-untyped]

        return [os.fsdecode(find_ruff_bin())]
    except (ImportError, FileNotFoundError):
        return [sys.executable, "-m", "ruff"]


def format_python(
    files: dict[str, str], spec_display: str, cache_dir: Path | None = None
) -> dict[str, str]:
    """Return `files` with every `.py` entry fixed (imports, unused imports) and formatted."""
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    if not python:
        return files
    cache = _FormatCache(cache_dir / "format") if cache_dir is not None else None
    known = cache.lookup(python) if cache is not None else {}
    todo = {path: text for path, text in python.items() if path not in known}
    formatted = _run_ruff(todo, spec_display) if todo else {}
    if cache is not None:
        cache.store(todo, formatted)
    return {**files, **known, **formatted}


def final_bytes(
    files: dict[str, str],
    spec_display: str,
    cache_dir: Path | None = None,
    memo: RenderMemo | None = None,
    *,
    python: bool = True,
) -> dict[str, bytes]:
    """Each file's bytes as written: formatted first (`format_python`) when `python`.

    `memo` (a long-lived process): a file whose text is the one an earlier run turned into
    bytes gets those bytes again, the same object, without hashing or reading the format
    cache (a warm run after a one-line edit changes a few of GitHub's 1,800 files, and the
    unchanged texts are mostly the very objects the render memos kept); the writer then
    recognises what it wrote last time by identity."""
    memo = memo or RenderMemo(None, "formatted", ())
    done: dict[str, bytes] = {}
    todo: dict[str, str] = {}
    for path, text in files.items():
        kept = memo.get(path, (python, text))
        if kept is None:
            todo[path] = text
        else:
            done[path] = kept
    fresh = format_python(todo, spec_display, cache_dir) if python and todo else todo
    for path, text in fresh.items():
        done[path] = data = text.encode("utf-8")
        memo.put(path, (python, todo[path]), {}, data)
    return done


def _run_ruff(python: dict[str, str], spec_display: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="specgen-format-", dir=_scratch_parent()) as tmp:
        root = Path(tmp)
        for folder in sorted({posixpath.dirname(path) for path in python}):
            os.makedirs(os.path.join(tmp, folder), exist_ok=True)
            # A package marker lets ruff sort a package's own imports as first-party even when
            # only some of its files are formatted in this batch.
            open(os.path.join(tmp, folder, "__init__.py"), "a").close()  # noqa: SIM115
        for path, text in python.items():
            with open(os.path.join(tmp, path), "w", encoding="utf-8") as handle:
                handle.write(text)
        common = ["--isolated", "--line-length", LINE_LENGTH, "--target-version", "py311"]
        fix = [
            *_ruff(),
            "check",
            *common,
            "--select",
            "I,F401,UP",
            "--fix-only",
            "--exit-zero",
            "-q",
            ".",
        ]
        fmt = [*_ruff(), "format", *common, "-q", "."]
        for command in (fix, fmt):
            done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise SpecError(
                    Diagnostic(
                        "format-failed",
                        Level.ERROR,
                        "generated code does not parse: "
                        + (done.stderr.strip() or done.stdout.strip())[:500],
                        spec_display,
                    )
                )
        return {path: _read(os.path.join(tmp, path)) for path in python}


def _scratch_parent() -> str | None:
    """Where the formatter's copies go for the second they live: a RAM-backed folder when
    the system has one (writing GitHub's 1,774 files to a disk-backed temporary folder took
    0.1 to 1.4 s on the reference machine, in memory 0.05 s), unless TMPDIR chooses."""
    shm = "/dev/shm"
    if "TMPDIR" not in os.environ and os.path.isdir(shm) and os.access(shm, os.W_OK):
        return shm
    return None


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


class _FormatCache:
    """Formatted texts by the hash of (path, unformatted text); a miss is never an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _key(self, path: str, text: str) -> Path:
        digest = hashlib.sha256(f"{_CACHE_VERSION}\0{path}\0{text}".encode()).hexdigest()
        return self.folder / digest[:2] / f"{digest}.py"

    def lookup(self, python: dict[str, str]) -> dict[str, str]:
        found = {}
        for path, text in python.items():
            try:
                found[path] = _read(str(self._key(path, text)))
            except OSError:
                continue
        return found

    def store(self, sources: dict[str, str], formatted: dict[str, str]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder.parent / ".gitignore"
            if not ignore.exists():  # the cache is never committed
                ignore.write_text("*\n", encoding="utf-8")
            for path, text in sources.items():
                entry = self._key(path, text)
                entry.parent.mkdir(parents=True, exist_ok=True)
                partial = entry.with_suffix(f".{os.getpid()}.tmp")
                partial.write_text(formatted[path], encoding="utf-8")
                partial.replace(entry)  # atomic: a reader never sees half an entry
            self._prune()
        except OSError:
            return  # a read-only or full disk only costs the next run its speed

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*/*.py"), key=lambda p: p.stat().st_mtime)
        for stale in entries[: max(0, len(entries) - _CACHE_ENTRIES)]:
            stale.unlink(missing_ok=True)
