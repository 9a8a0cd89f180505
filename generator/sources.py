"""What specgen's own code is, cheaply: each source file's path, size and modification time.

Any edit or reinstall changes one of them. `code_stamp` is the one stamp of code used where
results must not outlive the code that made them: every stage of the incremental layer
(`generator.incremental`) and the generation server's address (`daemon.address`, imported by
every `specgen` start: standard library only). The manifest's `generator_fingerprint` is
content-based instead: it is committed and compared on other machines.
"""

from __future__ import annotations

import hashlib
import os
import site
import sys
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


def code_stamp() -> str:
    """What the running code is: specgen's sources (size and modification time of each: any
    edit or reinstall changes one), the interpreter, and the installed packages (a
    site-packages folder changes when a tool such as jsonschema or ruff is installed or
    upgraded). A result of other code is never reused; a server of other code never used.
    Computed afresh at each call (a few ms): a `Store` keeps the stamp of the code that made
    it, the code its process runs."""
    parts = [sys.version, sys.executable, str(PACKAGE)]
    for where in site.getsitepackages():
        try:
            parts.append(f"{where}:{os.stat(where).st_mtime_ns}")
        except OSError:
            continue
    parts += source_stamps()
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
