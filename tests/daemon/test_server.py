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

    def servers(self, cwd: Path | None = None, everyone: bool = False) -> list[int]:
        """Process ids of the servers of the project at `cwd` (default: home), or of every
        server in this shell's socket folder."""
        import json

        args = ("daemon", "status", "--json", *(["--all"] if everyone else []))
        listed = self.run(*args, cwd=cwd).stdout.splitlines()
        return [json.loads(line)["pid"] for line in listed]


@pytest.fixture
def shell(tmp_path: Path) -> Iterator[Shell]:
    sockets = Path(tempfile.mkdtemp(prefix="sg-"))
    found = Shell(tmp_path, sockets)
    shutil.copy(SPEC, tmp_path / "jobs.yaml")
    yield found
    pids = found.servers(everyone=True)
    found.run("daemon", "stop", "--all")  # this test's own socket folder: only its servers
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
    # A `$ref` to nothing inside a component (the whole document needs it: generation stops;
    # one inside an operation would only skip that operation).
    head, _, tail = spec.read_text().rpartition("#/components/schemas/")
    spec.write_text(head + "#/components/schemas/X" + tail)

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

    assert result.stdout == f"stopped 1 generation server for {shell.home.resolve()}\n"
    assert _wait_gone(pid)
    status = shell.run("daemon", "status").stdout
    assert status == f"no generation server is running for {shell.home.resolve()}\n"


def _serve_elsewhere(shell: Shell, project: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """A second server, as another project's copy of specgen would start (another socket),
    that has run a `generate` in `project`."""
    from generator.daemon import protocol

    socket_path = shell.sockets / "other-project-code.sock"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "daemon", "serve", "--socket", str(socket_path)],
        cwd=shell.sockets, env=shell.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while (connection := protocol.connect(str(socket_path))) is None:
        assert time.monotonic() < deadline and process.poll() is None, "no second server"
        time.sleep(0.05)
    request = {"kind": "run", "argv": ["generate", "jobs.yaml", "--out", "out"],
               "cwd": str(project), "env": shell.env, "umask": 0o022}  # fmt: skip
    with connection:
        protocol.send(connection, request)
        assert [m for m in protocol.messages(connection) if "exit" in m] == [{"exit": 0}]
    return process, socket_path


def test_stop_and_status_act_on_this_projects_server_unless_all(shell: Shell) -> None:
    other = shell.home / "other-project"
    other.mkdir()
    (other / "pyproject.toml").write_text('[project]\nname = "other"\n')
    shutil.copy(shell.home / "jobs.yaml", other / "jobs.yaml")
    project = shell.home / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    shutil.copy(shell.home / "jobs.yaml", project / "jobs.yaml")
    (project / "sub").mkdir()
    assert shell.run("generate", "jobs.yaml", "--out", "out", cwd=project).returncode == 0
    [mine] = shell.servers(cwd=project)
    theirs, _ = _serve_elsewhere(shell, other)
    try:
        assert shell.servers(cwd=project / "sub") == [mine]  # the project, from a subfolder
        assert shell.servers(cwd=other) == [theirs.pid]
        assert sorted(shell.servers(everyone=True)) == sorted([mine, theirs.pid])
        status = shell.run("daemon", "status", cwd=project).stdout
        assert f"pid {mine} (this specgen)" in status
        assert "exits after 2 min without a request" in status  # SPECGEN_DAEMON_IDLE=120
        assert "1 generation server of other projects: --all to include them" in status

        stopped = shell.run("daemon", "stop", cwd=project / "sub")

        assert stopped.stdout == (
            f"stopped 1 generation server for {project.resolve()} (1 generation server of "
            "other projects: --all to include them)\n"
        )
        assert _wait_gone(mine)
        assert theirs.poll() is None  # the other project's server is left alone
        assert shell.run("daemon", "stop", "--all", cwd=project).stdout == (
            "stopped 1 generation server\n"
        )
        assert theirs.wait(timeout=30) == 0
    finally:
        if theirs.poll() is None:
            theirs.kill()
            theirs.wait()


def test_the_start_up_hint_says_how_long_it_idles_and_how_to_opt_out_for_good(
    shell: Shell,
) -> None:
    first = shell.run("generate", "jobs.yaml", "--out", "out", SPECGEN_DAEMON_IDLE="900")
    line = _started_line(first.stderr)
    assert "It exits by itself after 15 minutes without a request" in line
    assert "export SPECGEN_DAEMON=0" in line and "`daemon = false` under [tool.specgen]" in line
    shell.run("daemon", "stop", "--all")


def test_daemon_false_in_the_project_config_never_starts_one(shell: Shell) -> None:
    (shell.home / "pyproject.toml").write_text("[tool.specgen]\ndaemon = false\n")
    env = {k: v for k, v in shell.env.items() if k != "SPECGEN_DAEMON"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "jobs.yaml", "--out", "out"],
        cwd=shell.home, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert STARTED not in result.stderr
    assert not list(shell.sockets.glob("*.sock"))
    (shell.home / "pyproject.toml").write_text('[tool.specgen]\ndaemon = "no"\n')
    refused = shell.run("generate", "--no-daemon")
    assert refused.returncode == 2
    assert "tool.specgen.daemon: must be true or false" in refused.stderr
