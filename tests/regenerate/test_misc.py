"""Smaller contracts: progress display, hook manifest, plan building, path safety."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.regenerate.job import unsafe_path_reason
from generator.regenerate.pipeline import generate
from generator.regenerate.plan import Flags, PlanError, adhoc_plan, discover_specs
from generator.regenerate.progress import Reporter
from tests.regenerate.conftest import Project
from tests.regenerate.fakes import spec_text

WORKTREE = Path(__file__).resolve().parents[2]


def test_interactive_progress_keeps_the_status_lines(project: Project) -> None:
    lines: list[str] = []
    reporter = Reporter(out=lines.append, err=lines.append, interactive=True)

    generate(project.plan(), jobs=1, toolchain=project.toolchain, reporter=reporter)

    assert lines == ["alpha: regenerated (new target)", "beta: regenerated (new target)"]


def test_pre_commit_hook_runs_the_check() -> None:
    hooks = yaml.safe_load((WORKTREE / ".pre-commit-hooks.yaml").read_text())

    (hook,) = [h for h in hooks if h["id"] == "specgen-check"]
    assert hook["entry"] == "specgen generate --check"
    assert hook["pass_filenames"] is False


def test_specs_folder_holds_one_target_per_document(project: Project) -> None:
    project.write("specs/_shared.yaml", "x: 1\n")
    project.write("specs/.hidden.yaml", "x: 1\n")
    project.write("specs/notes.md", "x\n")

    names = [p.name for p in discover_specs(project.root / "specs")]

    assert names == ["alpha.yaml", "beta.yaml"]


def test_two_specs_with_one_stem_are_refused(project: Project) -> None:
    project.write("specs/alpha.json", '{"openapi": "3.0.3"}')

    with pytest.raises(PlanError, match="would both generate target 'alpha'"):
        project.plan()


def test_missing_template_folder_is_refused(project: Project) -> None:
    with pytest.raises(PlanError, match="templates folder not found"):
        project.plan(Flags(templates=(project.root / "nope",)))


def test_adhoc_plan_validates_its_arguments(project: Project, tmp_path: Path) -> None:
    spec = project.write("loose/one.yaml", spec_text("One", ["x"]))
    with pytest.raises(PlanError, match="spec not found"):
        adhoc_plan([tmp_path / "missing.yaml"], Flags(out=tmp_path / "o"), tmp_path)
    with pytest.raises(PlanError, match="either SPEC arguments or --specs"):
        adhoc_plan([spec], Flags(out=tmp_path / "o", specs=tmp_path), tmp_path)
    plan = adhoc_plan([spec], Flags(out=tmp_path / "o"), tmp_path)
    assert [t.name for t in plan.targets] == ["one"]
    assert plan.report and not plan.prune


@pytest.mark.parametrize(
    "path", ["", "/etc/passwd", "../up.py", "a/../../b", "a//b", "a\\b", "./a", ".specgen-tmp-x/a"]
)
def test_unsafe_rendered_paths_are_refused(path: str) -> None:
    assert unsafe_path_reason(path) is not None


def test_ordinary_rendered_paths_are_accepted() -> None:
    assert unsafe_path_reason("client/src/pkg/_client.py") is None
    assert unsafe_path_reason(".gitignore") is None


def test_installed_tool_versions_match_importlib_metadata() -> None:
    from importlib import metadata

    from generator.regenerate.fingerprint import installed_versions

    found = installed_versions(["ruff", "datamodel-code-generator", "no-such-dist"])

    assert found == {
        "ruff": metadata.version("ruff"),
        "datamodel-code-generator": metadata.version("datamodel-code-generator"),
    }


def test_the_typescript_compiler_is_pinned_exactly_and_alike_everywhere() -> None:
    # An open range (`>=5.5`) lets a new compiler release break a build nobody changed: the
    # project's own dev dependency, its lock and every generated client-ts pin one version.
    import json
    import re

    root = Path(__file__).resolve().parents[2]
    project = json.loads((root / "package.json").read_text())["devDependencies"]["typescript"]
    lock = json.loads((root / "package-lock.json").read_text())
    locked = lock["packages"]["node_modules/typescript"]["version"]
    template = (root / "templates/client-ts/package.json.jinja").read_text()
    generated = sorted(root.glob("generated/*/client-ts/package.json"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", project), project
    assert locked == project
    assert f'"typescript": "{project}"' in template
    assert generated, "no generated client-ts package to compare"
    for path in generated:
        pinned = json.loads(path.read_text())["devDependencies"]["typescript"]
        assert pinned == project, path


def test_the_output_lock_leaves_no_file_and_still_serialises_runs(tmp_path: Path) -> None:
    # The lock file goes when a run ends; a run that was waiting on the removed file must
    # notice and lock a fresh one, or two runs would write the folder at once.
    import threading
    import time

    from generator.regenerate.writer import output_lock

    out = tmp_path / "out"
    inside: list[str] = []
    overlap: list[bool] = []

    def run(name: str) -> None:
        with output_lock(out):
            overlap.append(bool(inside))
            inside.append(name)
            assert list(out.glob(".specgen-tmp-lock"))  # held while the run works
            time.sleep(0.05)
            inside.remove(name)

    threads = [threading.Thread(target=run, args=(f"run{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert overlap == [False] * 4
    assert not list(out.iterdir())  # nothing left behind
    try:
        with output_lock(out):
            raise RuntimeError("a failed run")
    except RuntimeError:
        pass
    assert not list(out.iterdir())
