from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.regenerate.watch import WatchSettings, run_once, watch_changes, watch_loop
from tests.regenerate.conftest import Project
from tests.regenerate.test_command import TOOLCHAIN

MODIFIED = 2  # watchfiles.Change.modified


def settings_for(project: Project) -> WatchSettings:
    return WatchSettings(
        make_plan=project.plan, toolchain=project.toolchain, jobs=1, reporter=project.reporter()
    )


def test_loop_regenerates_affected_targets_and_survives_invalid_specs(project: Project) -> None:
    settings = settings_for(project)
    run_once(settings, quiet=False)
    project.out.clear()
    beta = project.root / "specs/beta.yaml"

    def changes() -> Iterator[set[tuple[Any, str]]]:
        project.write("specs/beta.yaml", "openapi: 3.0.3\ninfo: [broken\n")
        yield {(MODIFIED, str(beta))}
        project.spec("beta", ["ping", "pong"])
        yield {(MODIFIED, str(beta))}
        project.write("specs/README.md", "notes\n")
        yield {(MODIFIED, str(project.root / "specs/README.md"))}
        yield {(MODIFIED, str(project.generated / "beta/client/__init__.py"))}

    runs = watch_loop(changes(), settings, project.generated)

    assert runs == 3  # our own output is not a change to react to
    assert project.out == [
        "beta: failed (spec changed)",
        "beta: regenerated (spec changed)",
        "no target affected by specs/README.md",
    ]
    assert project.err[0].startswith("  specs/beta.yaml:3:1: error[syntax]: invalid YAML")
    assert (project.generated / "beta/client/ops/pong.py").is_file()


def test_loop_reports_configuration_errors_and_keeps_going(project: Project) -> None:
    settings = settings_for(project)
    pyproject = project.root / "pyproject.toml"
    good = pyproject.read_text()

    def changes() -> Iterator[set[tuple[Any, str]]]:
        pyproject.write_text(good + "bogus = 1\n")
        yield {(MODIFIED, str(project.root / "specs/alpha.yaml"))}
        pyproject.write_text(good)
        yield {(MODIFIED, str(project.root / "specs/alpha.yaml"))}

    watch_loop(changes(), settings, project.generated)

    assert "error[config]" in project.err[0]
    assert project.out == ["alpha: regenerated (new target)", "beta: regenerated (new target)"]


def test_real_file_change_is_picked_up(project: Project) -> None:
    settings = settings_for(project)
    run_once(settings, quiet=True)
    plan = project.plan()
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_loop,
        args=(watch_changes(plan.watch_roots, plan.out_dir, stop), settings, plan.out_dir),
    )
    watcher.start()
    target = project.generated / "alpha/client/ops/create_item.py"
    try:
        # The watcher may not be listening yet when the first save happens: save again until
        # the output appears, for a bounded time.
        deadline = time.monotonic() + 30
        while not target.exists() and time.monotonic() < deadline:
            project.spec("alpha", ["list_items", "get_item", "create_item"])
            time.sleep(0.2)
    finally:
        stop.set()
        watcher.join(timeout=30)
    assert target.is_file()
    assert not watcher.is_alive()
    assert "alpha: regenerated (spec changed)" in project.out


def test_watch_command_runs_until_interrupted(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def changes(
        roots: Any, out_dir: Path, stop_event: Any = None, cache: Path | None = None
    ) -> Iterator[Any]:
        assert Path(project.root / "specs").resolve() in list(roots)
        assert cache is not None and cache.name == ".specgen-cache"  # not watched
        project.spec("beta", ["ping", "pong"])
        yield {(MODIFIED, str(project.root / "specs/beta.yaml"))}
        raise KeyboardInterrupt

    monkeypatch.setattr("generator.regenerate.watch.watch_changes", changes)

    result = CliRunner().invoke(cli, ["watch"], obj=TOOLCHAIN, catch_exceptions=False)

    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == ["alpha: regenerated (new target)", "beta: regenerated (new target)"]
    assert lines[2].startswith("watching specs") and lines[2].endswith("(Ctrl-C to stop)")
    assert lines[3:] == ["beta: regenerated (spec changed)", "stopped"]


def test_ctrl_c_stops_the_real_command_cleanly(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text('[tool.specgen]\nspecs = "specs"\n')
    (tmp_path / "specs").mkdir()
    worktree = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(worktree)}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "watch"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()  # blocks until the watcher announces itself
        assert first.startswith("watching specs"), first
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 0, err
    assert out.strip() == "stopped"
    assert "Traceback" not in err


def test_the_caches_a_run_writes_are_not_a_change_to_react_to(project: Project) -> None:
    """Each run writes the formatter's cache in the project: reacting to it would run again
    (and print "no target affected") after every save."""
    cache = project.root / ".specgen-cache"
    settings = WatchSettings(
        make_plan=project.plan,
        toolchain=replace(project.toolchain, cache=cache),
        jobs=1,
        reporter=project.reporter(),
    )
    run_once(settings, quiet=False)
    project.out.clear()

    def changes() -> Iterator[set[tuple[Any, str]]]:
        yield {(MODIFIED, str(cache / "format" / "ab" / "entry.py"))}
        yield {(MODIFIED, str(cache / "units" / "examples-1.pickle"))}

    assert watch_loop(changes(), settings, project.generated) == 0
    assert project.out == []
