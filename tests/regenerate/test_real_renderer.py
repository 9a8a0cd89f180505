"""End to end with the real renderer, once generator.render is present."""

from __future__ import annotations

import pytest

from generator.regenerate.job import Toolchain
from generator.regenerate.plan import Flags
from tests.regenerate.conftest import Project

pytest.importorskip("generator.render")


def test_real_renderer_generates_then_is_up_to_date(project: Project) -> None:
    project.toolchain = Toolchain()
    flags = Flags(artefacts=frozenset({"client", "models"}))

    first = project.generate(flags)
    assert not first.failed, project.err
    files = sorted(p for p in project.generated.rglob("*.py") if "alpha" in p.parts)
    assert files

    project.generate(flags)
    assert project.out == ["alpha: up to date", "beta: up to date"]
    assert project.check(flags).clean
