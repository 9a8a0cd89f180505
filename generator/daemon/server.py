"""The server side: run `specgen` commands for clients, keeping per-unit caches in memory.

One request at a time, in the order they connect. A run happens in the client's folder, with
its environment, umask and output streams (frames sent back as they are written), and with a
`Toolchain` that keeps a `Store` and a validation worker from run to run — exactly what
`specgen watch` keeps between saves. There is one such toolchain per working folder (the
validation worker names files relative to the folder it started in); the least recently
used is dropped beyond `_FOLDERS`.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import socket
import sys
import tempfile
import time
import traceback
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from generator.daemon import protocol

if TYPE_CHECKING:
    from generator.regenerate.job import Toolchain

_FOLDERS = 4  # working folders whose caches are kept at once
BUSY_SECONDS = 10.0  # how long `status` waits for a server in the middle of a run


class _Relay(io.TextIOBase):
    """A text stream whose writes go to the client as frames. Never a terminal (no progress
    bar, no colour), and a client that went away (Ctrl-C) only stops the frames."""

    # What click checks before writing text to a stream as it is.
    encoding = "utf-8"
    errors = "strict"

    def __init__(self, connection: socket.socket, name: str) -> None:
        self._connection = connection
        self._name = name
        self.gone = False

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # click probes a stream with b"" to tell binary ones
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text and not self.gone:
            try:
                protocol.send(self._connection, {self._name: text})
            except OSError:
                self.gone = True
        return len(text)


@dataclass
class State:
    """What the server keeps between requests."""

    started: float = field(default_factory=time.time)
    max_rss_mb: float = 2048.0
    runs: int = 0
    stopping: bool = False
    toolchains: OrderedDict[str, Toolchain] = field(default_factory=OrderedDict)

    def toolchain(self, folder: str) -> Toolchain:
        found = self.toolchains.pop(folder, None)
        if found is None:
            from generator.incremental import Store
            from generator.regenerate.background import Server
            from generator.regenerate.job import Toolchain

            found = Toolchain(memory=Store(), server=Server())
        self.toolchains[folder] = found  # most recently used last
        while len(self.toolchains) > _FOLDERS:
            _, dropped = self.toolchains.popitem(last=False)
            _close(dropped)
        return found

    def close(self) -> None:
        for toolchain in self.toolchains.values():
            _close(toolchain)
        self.toolchains.clear()


def _close(toolchain: Toolchain) -> None:
    if toolchain.server is not None:
        toolchain.server.close()


class _Endpoint:
    """The socket a server listens at and the lock that makes it the only one there. Given up
    *before* the last answer is sent, so a client that reads that answer and runs again finds
    no half-closed server and can start the next one."""

    def __init__(self, path: Path, lock: IO[str], idle_seconds: float) -> None:
        self.path = path
        self._lock: IO[str] | None = lock
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # a socket left by a server that crashed
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mask = os.umask(0o177)  # only this user may connect
        try:
            self.listener.bind(str(path))
        finally:
            os.umask(mask)
        self._bound = path.stat().st_ino
        self.listener.listen(16)
        self.listener.settimeout(idle_seconds)

    def close(self) -> None:
        if self._lock is None:
            return
        self.listener.close()
        with contextlib.suppress(OSError):
            if self.path.stat().st_ino == self._bound:  # not a newer server's
                self.path.unlink()
        self._lock.close()  # releases the lock
        self._lock = None


def serve(path: Path, idle_seconds: float, max_rss_mb: float) -> None:
    """Serve at `path` until `idle_seconds` pass without a request, a client says stop, or
    a run leaves it holding more than `max_rss_mb` (caches are kept per spec, so a server
    serving many specs grows; the next `generate` starts a fresh one). Returns at once when
    another server already holds this path's lock."""
    lock = open(path.with_suffix(".lock"), "a")  # noqa: SIM115 (closed by the endpoint)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        return
    endpoint = _Endpoint(path, lock, idle_seconds)
    state = State(max_rss_mb=max_rss_mb)
    try:
        while not state.stopping:
            try:
                connection, _ = endpoint.listener.accept()
            except TimeoutError:
                break
            connection.settimeout(None)
            with connection:
                _answer(connection, state, endpoint, idle_seconds)
    finally:
        endpoint.close()
        state.close()


def _answer(
    connection: socket.socket, state: State, endpoint: _Endpoint, idle_seconds: float
) -> None:
    request = next(protocol.messages(connection), None)
    if request is None:
        return
    try:
        if request.get("kind") == "run":
            code = _run(request, connection, state)
            if _rss_mb(os.getpid()) > state.max_rss_mb:
                state.stopping = True
                endpoint.close()
            protocol.send(connection, {"exit": code})
        elif request.get("kind") == "status":
            protocol.send(connection, _status(state, idle_seconds))
        elif request.get("kind") == "stop":
            state.stopping = True
            endpoint.close()
            protocol.send(connection, {"stopping": os.getpid()})
    except OSError:  # the client went away; the run itself has completed
        pass


def _run(request: dict[str, Any], connection: socket.socket, state: State) -> int:
    argv = [str(arg) for arg in request.get("argv", [])]
    folder = str(request.get("cwd") or "/")
    environ = {str(k): str(v) for k, v in dict(request.get("env") or {}).items()}
    umask = int(request.get("umask", 0o022))
    state.runs += 1
    out, err = _Relay(connection, "out"), _Relay(connection, "err")
    try:
        with _as_client(folder, environ, umask, out, err):
            return _command(argv, state.toolchain(folder), err)
    except OSError as exc:  # the folder is gone, say
        err.write(f"error: {exc}\n")
        return 1


def _command(argv: list[str], toolchain: Toolchain, err: _Relay) -> int:
    from generator.cli import cli

    try:
        cli.main(args=argv, prog_name="specgen", obj=toolchain, standalone_mode=True)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        err.write(f"{exc.code}\n")
        return 1
    except Exception:  # a bug: reported as in-process, and the server carries on
        traceback.print_exc(file=err)
        return 1
    return 0


@contextlib.contextmanager
def _as_client(
    folder: str, environ: Mapping[str, str], umask: int, out: _Relay, err: _Relay
) -> Iterator[None]:
    """The process-wide state a command reads, set to the client's for the run."""
    saved_folder, saved_environ = os.getcwd(), dict(os.environ)
    saved_streams = sys.stdout, sys.stderr
    os.chdir(folder)
    os.environ.clear()
    os.environ.update(environ)
    saved_umask = os.umask(umask)
    tempfile.tempdir = None  # computed again from this environment's TMPDIR
    sys.stdout, sys.stderr = out, err
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved_streams
        os.umask(saved_umask)
        os.environ.clear()
        os.environ.update(saved_environ)
        tempfile.tempdir = None
        os.chdir(saved_folder)


def _status(state: State, idle_seconds: float) -> dict[str, Any]:
    workers = [
        process.pid
        for toolchain in state.toolchains.values()
        if toolchain.server is not None and (process := toolchain.server.process) is not None
    ]
    return {
        "pid": os.getpid(),
        "started": state.started,
        "runs": state.runs,
        "idle_seconds": idle_seconds,
        "folders": list(state.toolchains),
        "rss_mb": _rss_mb(os.getpid()),
        "workers_rss_mb": sum(_rss_mb(pid) for pid in workers),
    }


def _rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux; 0 where /proc is not there)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def status_of(path: Path) -> dict[str, Any] | None:
    """The status a server at `path` reports, or None when none answers there."""
    return protocol.ask(str(path), {"kind": "status"}, BUSY_SECONDS)
