"""The model generator's output, kept by content hash across runs.

datamodel-code-generator is deterministic: the same schema document, options and version give
the same source. So a part whose document did not change (an edit elsewhere in a large spec, a
template change, a description of an operation) is read back instead of generated again. The
key covers everything the output depends on, so a hit is always right; a cache that cannot be
read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

# Enough for every part of a few large specs; older entries go first.
MAX_ENTRIES = 64
FOLDER = "models"


@dataclass(frozen=True)
class ModelCache:
    folder: Path  # the cache root, e.g. <project>/.specgen-cache

    def key(self, document: dict[str, Any], options: dict[str, Any]) -> str:
        digest = hashlib.sha256()
        for piece in (
            json.dumps(document, sort_keys=True, separators=(",", ":")),
            json.dumps(options, sort_keys=True, default=str),
            _generator_version(),
        ):
            digest.update(piece.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> str | None:
        path = self._entry(key)
        try:
            source = path.read_text(encoding="utf-8")
            os.utime(path)  # recently used: pruned last
        except OSError:
            return None
        return source

    def put(self, key: str, source: str) -> None:
        entries = self.folder / FOLDER
        try:
            entries.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():  # the cache never shows up in version control
                ignore.write_text("# Created by specgen: a cache, safe to delete.\n*\n")
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=entries, suffix=".tmp", delete=False
            ) as scratch:
                scratch.write(source)
            os.replace(scratch.name, self._entry(key))
            _prune(entries)
        except OSError:
            return

    def _entry(self, key: str) -> Path:
        return self.folder / FOLDER / f"{key}.py"


def _prune(entries: Path) -> None:
    found = []
    for path in entries.glob("*.py"):
        with contextlib.suppress(OSError):
            found.append((path.stat().st_mtime, path))
    found.sort(reverse=True)
    for _, path in found[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _generator_version() -> str:
    try:
        return version("datamodel-code-generator")
    except PackageNotFoundError:  # running from a source tree: no cache is safe to share
        return os.urandom(8).hex()
