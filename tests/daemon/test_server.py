"""`specgen generate` handed to a real generation server, as a user's shell runs it: separate
processes, a Unix socket, the server started by the first run and reused by the next."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.regenerate.test_command import tree

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "specs" / "cognite-3d-jobs.yaml"
STARTED = "started a generation server"


class Shell:
    """Runs `specgen` in `home` with a private server folder (short: socket paths are
    limited to about 100 bytes)."""

    def __init__(self, home: Path, sockets: Path) -> None:
        self.home = home
        self.env = {
            **os.environ,
            "SPECGEN_DAEMON": "1",
            "SPECGEN_DAEMON_DIR": str(sockets),
            "SPECGEN_DAEMON_IDLE": "120",  # a server a failed test leaves behind goes away
            "PYTHONPATH": str(REPO),
        }
        self.env.pop("CI", None)
        self.sockets = sockets

    def run(
        self, *args: str, cwd: Path | None = None, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=cwd or self.home,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )

    def servers(self) -> list[int]:
        """Process ids of the servers answering in this shell's folder."""
        import json

        listed = self.run("daemon", "status", "--json").stdout.splitlines()
        return [json.loads(line)["pid"] for line in listed]


@pytest.fixture
def shell(tmp_path: Path) -> Iterator[Shell]:
    sockets = Path(tempfile.mkdtemp(prefix="sg-"))
    found = Shell(tmp_path, sockets)
    shutil.copy(SPEC, tmp_path / "jobs.yaml")
    yield found
    pids = found.servers()
    found.run("daemon", "stop")
    for pid in pids:
        _wait_gone(pid)
    shutil.rmtree(sockets, ignore_errors=True)


def _wait_gone(pid: int, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _add_property(spec: Path) -> None:
    document = yaml.safe_load(spec.read_text())
    schema = next(s for s in document["components"]["schemas"].values() if "properties" in s)
    schema["properties"]["addedByTest"] = {"type": "string", "description": "New field."}
    spec.write_text(yaml.safe_dump(document, sort_keys=False))


def test_the_first_run_starts_a_server_and_the_next_reuse_it(shell: Shell) -> None:
    first = shell.run("generate", "jobs.yaml", "--out", "out")
    second = shell.run("generate", "jobs.yaml", "--out", "out")

    assert first.returncode == 0, first.stderr
    assert STARTED in first.stderr
    assert "jobs: regenerated (new target)" in first.stdout
    assert second.returncode == 0
    assert STARTED not in second.stderr
    assert second.stdout == "jobs: up to date\n"
    assert len(shell.servers()) == 1


def test_output_after_an_edit_is_what_a_run_in_place_writes(shell: Shell) -> None:
    assert shell.run("generate", "jobs.yaml", "--out", "served").returncode == 0
    assert shell.run("generate", "jobs.yaml", "--out", "in-place", "--no-daemon").returncode == 0
    _add_property(shell.home / "jobs.yaml")

    served = shell.run("generate", "jobs.yaml", "--out", "served")
    in_place = shell.run("generate", "jobs.yaml", "--out", "in-place", "--no-daemon")

    assert served.returncode == in_place.returncode == 0
    assert served.stdout == "jobs: regenerated (spec changed)\n"
    assert b"addedByTest" in b"".join(tree(shell.home / "served").values())
    assert tree(shell.home / "served") == tree(shell.home / "in-place")


def test_errors_and_exit_codes_come_back_as_in_place(shell: Shell) -> None:
    spec = shell.home / "jobs.yaml"
    spec.write_text(spec.read_text().replace("#/components/schemas/", "#/components/schemas/X", 1))

    served = shell.run("generate", "jobs.yaml", "--out", "out")
    in_place = shell.run("generate", "jobs.yaml", "--out", "out", "--no-daemon")

    assert served.returncode == in_place.returncode == 1
    assert "error[" in served.stderr
    assert served.stderr.replace(_started_line(served.stderr), "") == in_place.stderr
    assert not (shell.home / "out" / "jobs").exists()  # nothing half-written


def _started_line(stderr: str) -> str:
    return next((line + "\n" for line in stderr.splitlines() if STARTED in line), "")


def test_the_callers_folder_and_relative_paths_are_used(shell: Shell) -> None:
    work = shell.home / "sub" / "dir"
    work.mkdir(parents=True)
    assert shell.run("generate", "jobs.yaml", "--out", "first").returncode == 0  # from home

    result = shell.run("generate", "../../jobs.yaml", "--out", "../out", cwd=work)

    assert result.returncode == 0, result.stderr
    assert (shell.home / "sub" / "out" / "jobs").is_dir()
    assert not (shell.home / "out" / "jobs").exists()  # nothing half-written


def test_a_killed_server_is_replaced(shell: Shell) -> None:
    assert shell.run("generate", "jobs.yaml", "--out", "out").returncode == 0
    [pid] = shell.servers()
    os.kill(pid, signal.SIGKILL)
    assert _wait_gone(pid)  # its socket file stays behind

    result = shell.run("generate", "jobs.yaml", "--out", "out")

    assert result.returncode == 0, result.stderr
    assert STARTED in result.stderr
    assert shell.servers() not in ([], [pid])


def test_an_idle_server_stops_and_removes_its_socket(shell: Shell) -> None:
    result = shell.run("generate", "jobs.yaml", "--out", "out", SPECGEN_DAEMON_IDLE="1")
    assert result.returncode == 0, result.stderr
    assert list(shell.sockets.glob("*.sock"))

    deadline = time.monotonic() + 20
    while list(shell.sockets.glob("*.sock")) and time.monotonic() < deadline:
        time.sleep(0.1)

    assert not list(shell.sockets.glob("*.sock"))


def test_a_server_past_its_memory_limit_stops_after_the_run(shell: Shell) -> None:
    first = shell.run("generate", "jobs.yaml", "--out", "out", SPECGEN_DAEMON_MAX_MB="1")
    assert first.returncode == 0, first.stderr

    second = shell.run("generate", "jobs.yaml", "--out", "out")

    assert second.returncode == 0, second.stderr
    assert STARTED in second.stderr  # the first server stopped after its run


def test_in_ci_no_server_is_started(shell: Shell) -> None:
    env = {k: v for k, v in shell.env.items() if k != "SPECGEN_DAEMON"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "jobs.yaml", "--out", "out"],
        cwd=shell.home,
        env={**env, "CI": "true"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert STARTED not in result.stderr
    assert not list(shell.sockets.glob("*.sock"))


def test_stop_ends_the_server(shell: Shell) -> None:
    assert shell.run("generate", "jobs.yaml", "--out", "out").returncode == 0
    [pid] = shell.servers()

    result = shell.run("daemon", "stop")

    assert result.stdout == "stopped 1 generation server\n"
    assert _wait_gone(pid)
    assert shell.run("daemon", "status").stdout == "no generation server is running\n"
