"""The client side: hand `specgen generate` to a generation server, starting one if needed.

`delegate` returns the command's exit code when a server ran it, or None when it must run in
this process instead (no server wanted, none could be started, or the server went away
before answering: the writer's output is whole or absent, so running again is safe).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from socket import socket

from generator.daemon import address, protocol

_START_SECONDS = 30.0  # a server binds its socket right after Python and click import


def delegate(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> int | None:
    if not address.wanted(argv, environ):
        return None
    base = address.private_folder(environ)
    if base is None:
        return None
    path = address.socket_path(base)
    connection = protocol.connect(str(path)) or _start(path, environ)
    if connection is None:
        return None
    request = {
        "kind": "run",
        "argv": list(argv),
        "cwd": os.getcwd(),
        "env": dict(environ),
        "umask": _umask(),
    }
    with connection:
        try:
            protocol.send(connection, request)
            return _relay(connection, path)
        except KeyboardInterrupt:
            sys.stderr.write(
                "interrupted; the generation server finishes the run it started (its output "
                "is written whole or not at all)\n"
            )
            return 130
        except OSError:
            _gone(path)
            return None


def _relay(connection: socket, path: Path) -> int | None:
    """Copy the server's output frames to this process's streams; the exit code it sends."""
    for message in protocol.messages(connection):
        if "out" in message:
            sys.stdout.write(str(message["out"]))
            sys.stdout.flush()
        elif "err" in message:
            sys.stderr.write(str(message["err"]))
            sys.stderr.flush()
        elif "exit" in message:
            code = message["exit"]
            return code if isinstance(code, int) else 1
    _gone(path)
    return None


def _gone(path: Path) -> None:
    sys.stderr.write(
        f"specgen: the generation server stopped before answering (its log: "
        f"{path.with_suffix('.log')}); generating in this process instead\n"
    )
    return None


def _start(path: Path, environ: Mapping[str, str]) -> socket | None:
    """Start a server for this code and connect to it; None if it does not come up."""
    import subprocess

    env = dict(environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [address.package_root(), environ.get("PYTHONPATH")])
    )
    env.pop("PYTHONSTARTUP", None)
    command = [sys.executable, "-m", "generator", "daemon", "serve", "--socket", str(path)]
    with open(path.with_suffix(".log"), "wb") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd=path.parent,
            env=env,
            start_new_session=True,  # Ctrl-C in this terminal is not for the server
        )
    sys.stderr.write(
        "specgen: started a generation server: a background process that keeps this "
        "project's caches in memory so later runs are faster. It exits by itself after "
        f"{address.idle_minutes(environ)} without a request; `specgen daemon stop` ends it "
        "now. To never start one: `export SPECGEN_DAEMON=0` (in your shell profile), or "
        "`daemon = false` under [tool.specgen] in pyproject.toml; --no-daemon for one run.\n"
    )
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        connection = protocol.connect(str(path))
        if connection is not None:
            return connection
        if process.poll() is not None:  # another client's server won the lock: use it
            return protocol.connect(str(path))
        time.sleep(0.02)
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
