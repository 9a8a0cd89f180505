"""`specgen release`: the artefacts install and type-check where a consuming team uses them,
and a version lower than the contract changes demand is refused (real git, real renderer,
real builds)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest

from generator.diff.report import Change
from generator.diff.rules import Direction, Severity
from generator.release.version import check_version, version_key
from tests.release.project import (
    NAME,
    PACKAGE,
    ROOT,
    commit,
    git,
    make_project,
    specgen,
    write_spec,
)

pytestmark = pytest.mark.xdist_group("release")
TSC = ROOT / "node_modules" / ".bin" / "tsc"
needs_npm = pytest.mark.skipif(
    shutil.which("npm") is None or not TSC.exists(), reason="npm or typescript missing"
)


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project released once (1.0.0): its dist/ holds every artefact."""
    repo = make_project(tmp_path_factory.mktemp("released") / "project")
    specgen(repo, "release", check=True)
    return repo


def test_first_release_builds_every_artefact_and_tags(released: Path) -> None:
    dist = sorted(p.name for p in (released / "dist" / NAME).iterdir())
    assert dist == [
        "CHANGELOG.md",
        f"{NAME}-1.0.0.tgz",
        f"{PACKAGE}-1.0.0-py3-none-any.whl",
        f"{PACKAGE}-1.0.0.tar.gz",
        f"{PACKAGE}_server-1.0.0-py3-none-any.whl",
        f"{PACKAGE}_server-1.0.0.tar.gz",
    ]
    assert git(released, "tag", "--list").split() == [f"{NAME}-v1.0.0"]
    history = json.loads((released / "releases" / NAME / "history.json").read_text())
    assert [r["version"] for r in history["releases"]] == ["1.0.0"]
    assert "First release." in (released / "releases" / NAME / "CHANGELOG.md").read_text()
    # The generated tree is left as generated (the npm build ran in a copy).
    assert specgen(released, "generate", "--check").returncode == 0


def test_wheel_installs_in_a_clean_venv_imports_and_passes_mypy_strict(
    released: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # httpx, pydantic and mypy come from the test venv, after the clean venv's own packages.
    (site / "shared.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    wheel = released / "dist" / NAME / f"{PACKAGE}-1.0.0-py3-none-any.whl"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
        + ["--no-index", "--no-deps", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    where = subprocess.run(
        [str(python), "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(site)
    (tmp_path / "use.py").write_text(
        f"from {PACKAGE} import Client\n"
        f"from {PACKAGE}.models import Pet\n\n\n"
        "def names(client: Client) -> list[str]:\n"
        "    pet: Pet = client.get_pet(pet_id='1')\n"
        "    return [pet.name] + [p.name for p in client.list_pets(limit=2)]\n"
    )
    typed = subprocess.run(
        [str(python), "-m", "mypy", "--strict", "--no-incremental", "use.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert typed.returncode == 0, typed.stdout + typed.stderr
    # A misuse is caught: the package's types are really read (py.typed), not Any.
    (tmp_path / "wrong.py").write_text(
        f"from {PACKAGE} import Client\n\n\n"
        "def count(client: Client) -> int:\n"
        "    return client.get_pet(pet_id='1').name\n"
    )
    wrong = subprocess.run(
        [str(python), "-m", "mypy", "--strict", "--no-incremental", "wrong.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert wrong.returncode == 1 and "Incompatible return value" in wrong.stdout


@needs_npm
def test_tarball_installs_into_an_empty_npm_project_and_type_checks(
    released: Path, tmp_path: Path
) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "package.json").write_text('{"name": "app", "private": true, "type": "module"}\n')
    tarball = released / "dist" / NAME / f"{NAME}-1.0.0.tgz"
    install = subprocess.run(
        [
            "npm",
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            str(tarball),
        ],
        cwd=app,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    assert (app / "node_modules" / NAME / "dist" / "index.d.ts").is_file()
    (app / "tsconfig.json").write_text(
        json.dumps(
            {
                "compilerOptions": {
                    "strict": True,
                    "noEmit": True,
                    "target": "ES2022",
                    "module": "NodeNext",
                    "moduleResolution": "NodeNext",
                    "lib": ["ES2022", "DOM"],
                    "types": [],
                },
                "files": ["main.ts"],
            }
        )
    )
    source = (
        f'import {{ Client }} from "{NAME}";\n'
        f'import type {{ Pet }} from "{NAME}/models";\n'
        'const client = new Client({ baseUrl: "http://127.0.0.1:1", token: "t" });\n'
        "export async function first(): Promise<string> {\n"
        '  const pet: Pet = await client.getPet({ petId: "1" });\n'
        "  return pet.name;\n"
        "}\n"
    )
    (app / "main.ts").write_text(source)
    checked = subprocess.run([str(TSC), "-p", "."], cwd=app, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (app / "main.ts").write_text(source.replace("petId", "pet_id"))
    wrong = subprocess.run([str(TSC), "-p", "."], cwd=app, capture_output=True, text=True)
    assert wrong.returncode != 0 and "pet_id" in wrong.stdout


def _remove_get_pet(spec: dict[str, Any]) -> None:
    del spec["paths"]["/pets/{petId}"]


def _with_version(version: str, change: Any = None) -> Any:
    def edit(spec: dict[str, Any]) -> None:
        spec["info"]["version"] = version
        if change is not None:
            change(spec)

    return edit


def test_a_breaking_change_needs_a_major_version(tmp_path: Path) -> None:
    repo = make_project(tmp_path / "project")
    specgen(repo, "release", "--no-tag", "--check", check=True)
    specgen(repo, "release", check=True)
    write_spec(repo, _with_version("1.1.0", _remove_get_pet))
    specgen(repo, "generate", check=True)
    commit(repo, "remove getPet")
    refused = specgen(repo, "release")
    assert refused.returncode == 1
    assert "1.1.0 is below 2.0.0" in refused.stdout
    assert "GET /pets/{petId}" in refused.stdout and "api-removed" in refused.stdout
    assert not (repo / "dist" / NAME / f"{PACKAGE}-1.1.0.tar.gz").exists()
    assert git(repo, "tag", "--list").split() == [f"{NAME}-v1.0.0"]

    # The override is recorded, with the proof when asked for.
    forced = specgen(repo, "release", "--allow-breaking", "--prove")
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert "proof: broke" in forced.stdout
    changelog = (repo / "releases" / NAME / "CHANGELOG.md").read_text()
    top = changelog.split("\n## ")[1]
    assert top.startswith("1.1.0") and "**Override:**" in top
    assert "proof: **broke**" in top and "api-removed" in top
    assert (repo / "dist" / NAME / f"{PACKAGE}-1.1.0-py3-none-any.whl").is_file()
    assert f"{NAME}-v1.1.0" in git(repo, "tag", "--list").split()

    # The same version again is refused; a major one goes through.
    again = specgen(repo, "release", "--check")
    assert again.returncode == 1 and "not above the last release 1.1.0" in again.stdout
    write_spec(repo, _with_version("2.0.0", _remove_get_pet))
    specgen(repo, "generate", check=True)
    commit(repo, "2.0.0")
    assert specgen(repo, "release", "--check").returncode == 0


def test_additive_change_needs_minor_and_stale_output_is_refused(tmp_path: Path) -> None:
    """Without git the last release is found in releases/<name>/ (the recorded snapshot)."""
    repo = make_project(tmp_path / "project", git_repo=False)
    specgen(repo, "release", "--no-tag", check=True)

    def add_delete(spec: dict[str, Any]) -> None:
        spec["paths"]["/pets/{petId}"]["delete"] = {
            "operationId": "deletePet",
            "parameters": [
                {"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"204": {"description": "gone"}},
        }

    write_spec(repo, _with_version("1.0.1", add_delete))
    stale = specgen(repo, "release", "--check")
    assert stale.returncode == 2 and "run `specgen generate` first" in stale.stderr
    specgen(repo, "generate", check=True)
    patch = specgen(repo, "release", "--check")
    assert patch.returncode == 1 and "needs a minor bump (≥ 1.1.0)" in patch.stdout
    write_spec(repo, _with_version("1.1.0", add_delete))
    specgen(repo, "generate", check=True)
    minor = specgen(repo, "release", check=True)
    assert "no git tag petstore-release-v1.1.0: not a git repository" in minor.stdout
    history = json.loads((repo / "releases" / NAME / "history.json").read_text())
    assert [r["version"] for r in history["releases"]] == ["1.1.0", "1.0.0"]
    assert history["releases"][0]["bump"] == "minor"


def test_unknown_target_is_a_usage_error(released: Path) -> None:
    done = specgen(released, "release", "nope")
    assert done.returncode == 2 and "unknown target(s) nope" in done.stderr


def _change(level: Severity, rule: str) -> Change:
    return Change(rule, level, Direction.NONE, "GET /x", "#/paths/~1x/get", "m")


def test_version_rules() -> None:
    assert version_key("1") == (1, 0, 0) and version_key("v2.1") == (2, 1, 0)
    breaking = (_change(Severity.BREAKING, "api-removed-without-deprecation"),)
    assert check_version("2.0.0", "1.4.2", breaking).allowed
    assert not check_version("1.5.0", "1.4.2", breaking).allowed
    # 0.y.z: the minor number carries breaking changes, as semver allows.
    assert check_version("0.3.0", "0.2.9", breaking).allowed
    assert check_version("1.4.3", "1.4.2", ()).allowed
    assert check_version("1.4.2", "1.4.2", ()).repeated
