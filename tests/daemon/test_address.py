"""When `specgen` hands a command to a generation server, and where servers listen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
import pytest

from generator.daemon import address
from generator.daemon.server import _Relay


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["generate"], {}, True),
        (["generate", "spec.yaml", "--out", "x"], {}, True),
        (["generate", "--no-daemon"], {}, False),
        (["generate", "--no-cache"], {}, False),  # a server is a cache
        (["generate", "--help"], {}, False),
        (["validate", "specs/"], {}, False),
        (["watch"], {}, False),  # long-lived itself
        ([], {}, False),
        (["generate"], {"CI": "true"}, False),  # a CI job runs once
        (["generate"], {"CI": "false"}, True),
        (["generate"], {"CI": "true", "SPECGEN_DAEMON": "1"}, True),
        (["generate"], {"SPECGEN_DAEMON": "0"}, False),
        (["generate"], {"SPECGEN_DAEMON": "off"}, False),
    ],
)
def test_which_commands_a_server_runs(
    argv: list[str], environ: dict[str, str], expected: bool
) -> None:
    assert address.wanted(argv, environ) is expected


def test_a_folder_other_users_can_write_to_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)

    assert address.private_folder({address.FOLDER: str(shared)}) is None
    created = address.private_folder({address.FOLDER: str(tmp_path / "mine")})
    assert created is not None and created.stat().st_mode & 0o777 == 0o700


def test_the_socket_changes_with_the_code(tmp_path: Path) -> None:
    before = address.socket_path(tmp_path)
    source = Path(address.__file__)
    stat = source.stat()
    try:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert address.socket_path(tmp_path) != before
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert address.socket_path(tmp_path) == before


def test_click_writes_text_to_the_relay(monkeypatch: pytest.MonkeyPatch) -> None:
    class Connection:
        def __init__(self) -> None:
            self.sent = b""

        def sendall(self, data: bytes) -> None:
            self.sent += data

    connection = Connection()
    relay = _Relay(connection, "out")  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "stdout", relay)

    click.echo("a.yaml: up to date")  # click probes sys.stdout with b"" to tell binary ones

    assert connection.sent == b'{"out": "a.yaml: up to date\\n"}\n'
