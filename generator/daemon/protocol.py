"""The wire between a `specgen` client and a generation server: one JSON object per line.

The client sends one request (`{"kind": "run", "argv": [...], "cwd": ..., "env": {...},
"umask": ...}`, or `status`, or `stop`); a run is answered by `{"out": text}` and
`{"err": text}` frames as the command writes, then `{"exit": code}`.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any


def send(connection: socket.socket, message: dict[str, Any]) -> None:
    connection.sendall(json.dumps(message).encode() + b"\n")


def messages(connection: socket.socket) -> Iterator[dict[str, Any]]:
    """The messages received, until the other side closes (or sends a broken line)."""
    with connection.makefile("rb") as reader:
        for line in reader:
            try:
                message = json.loads(line)
            except ValueError:
                return
            if not isinstance(message, dict):
                return
            yield message


def connect(path: str, timeout: float | None = None) -> socket.socket | None:
    """A connection to the server listening at `path`, or None (no server there)."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.settimeout(timeout)
    try:
        connection.connect(path)
    except OSError:
        connection.close()
        return None
    connection.settimeout(None)
    return connection


def ask(path: str, message: dict[str, Any], timeout: float | None) -> dict[str, Any] | None:
    """One request and its one-line answer (`status`, `stop`); None when no server answers
    there within `timeout` seconds (None: however long; a server answers between runs)."""
    connection = connect(path)
    if connection is None:
        return None
    with connection:
        connection.settimeout(timeout)
        try:
            send(connection, message)
            return next(messages(connection), None)
        except OSError:
            return None
