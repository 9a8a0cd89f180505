"""docs/ci.md's workflow, run as written (its `run:` steps, with bash) on a throwaway git
repository with two commits: no network, real git, real specgen."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.release.project import ROOT, commit, git, make_project, specgen, write_spec

pytestmark = pytest.mark.xdist_group("release")


def workflow() -> dict[str, Any]:
    text = (ROOT / "docs" / "ci.md").read_text()
    found = re.search(r"```yaml\n(name: contract\n.*?)```", text, re.S)
    assert found, "docs/ci.md has no workflow"
    loaded: dict[str, Any] = yaml.safe_load(found.group(1))
    return loaded


def run_steps(
    repo: Path, base: str, summary: Path
) -> list[tuple[str, subprocess.CompletedProcess[str]]]:
    """The job's `run:` steps in order, as Actions runs them (bash -e), until one fails."""
    job = workflow()["jobs"]["contract"]
    shim = repo.parent / "bin"
    shim.mkdir(exist_ok=True)
    (shim / "specgen").write_text(f'#!/bin/sh\nexec {sys.executable} -m generator "$@"\n')
    (shim / "specgen").chmod(0o755)
    environment = {
        **os.environ,
        **{k: str(v) for k, v in job["env"].items() if "${{" not in str(v)},
        "BASE": base,
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
    }
    done = []
    for step in job["steps"]:
        if "run" not in step or step.get("id") == "install":
            continue
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=repo,
            capture_output=True,
            text=True,
            env=environment,
        )
        done.append((step["name"], result))
        if result.returncode != 0:
            break
    return done


def _breaking_commit(repo: Path, version: str) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["info"]["version"] = version
        del spec["paths"]["/pets/{petId}"]

    write_spec(repo, edit)
    specgen(repo, "generate", check=True)
    commit(repo, f"remove getPet ({version})")


def test_the_workflow_fails_on_a_break_the_version_does_not_allow(tmp_path: Path) -> None:
    repo = make_project(tmp_path / "project")  # commit 1
    specgen(repo, "release", check=True)
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "feature")
    _breaking_commit(repo, "1.1.0")  # commit 2
    summary = tmp_path / "summary.md"
    steps = run_steps(repo, base, summary)
    names = [name for name, _ in steps]
    assert names == [
        "Generated code is up to date",
        "Contract changes (pull request summary)",
        "The version allows the changes",
    ]
    assert all(r.returncode == 0 for _, r in steps[:2]), steps[1][1].stderr
    gate = steps[2][1]
    assert gate.returncode == 1
    assert "1.1.0 is below 2.0.0" in gate.stdout and "GET /pets/{petId}" in gate.stdout
    assert "proof: broke" in gate.stdout
    report = summary.read_text()
    assert "GET /pets/{petId}" in report and "breaking" in report.lower()
    assert "broke" in report  # --prove's verdict is in the summary


def test_the_workflow_passes_when_the_major_version_is_raised(tmp_path: Path) -> None:
    repo = make_project(tmp_path / "project")
    specgen(repo, "release", check=True)
    base = git(repo, "rev-parse", "HEAD").strip()
    _breaking_commit(repo, "2.0.0")
    steps = run_steps(repo, base, tmp_path / "summary.md")
    assert [r.returncode for _, r in steps] == [0, 0, 0], [r.stdout + r.stderr for _, r in steps]
    assert "needs a major bump (≥ 2.0.0)" in steps[2][1].stdout
    # A stale generated/ stops the job at the first step.
    write_spec(repo, lambda spec: spec["info"].update(version="3.0.0"))
    commit(repo, "version only, not regenerated")
    steps = run_steps(repo, base, tmp_path / "summary.md")
    assert [name for name, _ in steps] == ["Generated code is up to date"]
    assert steps[0][1].returncode == 1


def test_the_pre_commit_hooks_run_the_same_commands() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["specgen-check"]["entry"] == "specgen generate --check"
    assert hooks["specgen-release-check"]["entry"] == "specgen release --check"
