"""specgen's own worker processes: `python -m <module>` in a fresh interpreter that prints its
answer as JSON.

Not multiprocessing: that re-imports the caller's `__main__` (a user's script without a main
guard would run again) and, when it forks, can copy a lock another thread holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# The folder holding the `generator` package, so the child imports this very copy of it.
_ROOT = str(Path(__file__).resolve().parents[1])


class ChildFailed(Exception):
    """The child printed no JSON answer (it crashed or was killed); says how it ended."""


def start_module(
    module: str, *args: str, stdin: int = subprocess.DEVNULL, stderr: int = subprocess.PIPE
) -> subprocess.Popen[bytes]:
    """`stdin=subprocess.PIPE` for a child that reads its tasks from the parent; a long-lived
    one gets `stderr=subprocess.DEVNULL` (nobody reads that pipe until it ends)."""
    path = os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", module, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env={**os.environ, "PYTHONPATH": path},
    )


def json_answer(process: subprocess.Popen[bytes]) -> Any:
    """What the child printed, parsed (waits for it to end)."""
    out, err = process.communicate()
    try:
        return json.loads(out)
    except ValueError:
        last = (err.decode(errors="replace").strip().splitlines() or ["no output"])[-1]
        raise ChildFailed(f"exit {process.returncode}: {last}") from None


def stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the child if it still runs, and reap it."""
    if process.poll() is None:
        process.kill()
        process.communicate()
