"""The build hook, called as hatchling calls it and in a real wheel build."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.regenerate.conftest import Project

pytest.importorskip("hatchling")

from generator.hatch_build import SpecgenBuildHook  # noqa: E402
from generator.regenerate.job import Toolchain  # noqa: E402
from tests.regenerate.fakes import FakeValidator, OperationRenderer  # noqa: E402

WORKTREE = Path(__file__).resolve().parents[2]


class FakeRenderingHook(SpecgenBuildHook):
    def toolchain(self) -> Toolchain:
        return Toolchain(render=OperationRenderer(), validate=FakeValidator())


def make_hook(project: Project, **config: object) -> FakeRenderingHook:
    return FakeRenderingHook(
        str(project.root), dict(config), None, None, str(project.root / "dist"), "wheel"
    )


def test_hook_generates_the_configured_specs(project: Project) -> None:
    make_hook(project).initialize("standard", {})

    assert (project.generated / "alpha/client/ops/get_item.py").is_file()
    assert (project.generated / "beta/client/ops/ping.py").is_file()


def test_hook_fails_the_build_on_invalid_specs(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.spec("beta", ["bad_op"])

    with pytest.raises(SystemExit) as stopped:
        make_hook(project).initialize("standard", {})

    assert stopped.value.code == 1
    assert "error[operation-id]" in capsys.readouterr().err


def test_hook_in_check_mode_refuses_stale_code_without_writing(project: Project) -> None:
    with pytest.raises(SystemExit):
        make_hook(project, check=True).initialize("standard", {})
    assert not project.generated.exists()

    make_hook(project).initialize("standard", {})
    make_hook(project, check=True).initialize("standard", {})  # fresh: passes


CONSUMER_HOOK = """
from generator.hatch_build import SpecgenBuildHook
from generator.regenerate.job import Toolchain
from tests.regenerate.fakes import FakeValidator, OperationRenderer


class FakeRenderingHook(SpecgenBuildHook):
    def toolchain(self):
        return Toolchain(render=OperationRenderer(), validate=FakeValidator())


def get_build_hook():
    return FakeRenderingHook
"""

CONSUMER_PYPROJECT = """
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "consumer"
version = "0.1.0"

[tool.hatch.build.hooks.custom]
path = "hatch_build.py"

[tool.hatch.build.targets.wheel.force-include]
"generated/alpha/client" = "alpha_client"

[tool.specgen]
specs = "specs"
output = "generated"
"""


def test_real_wheel_build_contains_freshly_generated_code(project: Project) -> None:
    (project.root / "pyproject.toml").write_text(CONSUMER_PYPROJECT)
    (project.root / "hatch_build.py").write_text(CONSUMER_HOOK)
    wheels = project.root / "wheels"
    env = {**os.environ, "PYTHONPATH": str(WORKTREE), "PIP_NO_INDEX": "1"}

    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["-w", str(wheels), str(project.root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = wheels.glob("consumer-0.1.0-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "alpha_client/ops/get_item.py" in names
    assert "alpha_client/__init__.py" in names
    assert (project.generated / ".specgen-manifest.json").is_file()
