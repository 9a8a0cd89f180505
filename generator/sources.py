"""What specgen's own code is, cheaply: each source file's path, size and modification time.

Any edit or reinstall changes one of them. Used where results must not outlive the code that
made them: the per-unit caches (`unitcache.code_salt`) and the generation server's address
(`daemon.address`, imported by every `specgen` start: standard library only).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # the `generator` package


def source_stamps(package: Path = PACKAGE) -> list[str]:
    """`relative/path.py:size:mtime_ns` of every Python source below `package`, sorted."""
    found = []
    pending = [str(package)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    where = os.path.relpath(entry.path, package)
                    found.append(f"{where}:{info.st_size}:{info.st_mtime_ns}")
    return sorted(found)
