"""A spec that changed since it was committed gets a CHANGELOG.md entry in its client package,
with a suggested semantic-version bump printed and written to the report (real git, real
renderer)."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.regenerate.changelog import bumped, suggest_bump

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pets", "version": "1.4.2"},
    "paths": {
        "/pets/{id}": {
            "get": {
                "operationId": "getPet",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "the pet",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["id", "name"],
                                    "properties": {
                                        "id": {"type": "string"},
                                        "name": {"type": "string"},
                                    },
                                }
                            }
                        },
                    }
                },
            }
        }
    },
}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _generate(*args: str) -> Result:
    arguments = ["generate", "pets.yaml", "--out", "out", "--artefacts", "client", *args]
    return CliRunner().invoke(cli, arguments, catch_exceptions=False)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.com")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "pets.yaml").write_text(yaml.safe_dump(SPEC))
    _git(tmp_path, "add", "pets.yaml")
    _git(tmp_path, "commit", "-q", "-m", "v1")
    assert _generate().exit_code == 0  # a new target: nothing to compare with yet
    assert not (tmp_path / "out" / "pets" / "client" / "CHANGELOG.md").exists()
    return tmp_path


def _edit(repo: Path, change: Any) -> None:
    spec = copy.deepcopy(SPEC)
    change(spec)
    (repo / "pets.yaml").write_text(yaml.safe_dump(spec))


def _drop_name(spec: dict[str, Any]) -> None:
    schema = spec["paths"]["/pets/{id}"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]
    schema["required"] = ["id"]
    del schema["properties"]["name"]


def test_breaking_change_gets_an_entry_and_a_major_bump(repo: Path) -> None:
    _edit(repo, _drop_name)
    result = _generate()
    assert result.exit_code == 0, result.output
    assert (
        "changelog: 1 breaking, 0 warning, 0 info; suggested major bump: 1.4.2 → 2.0.0"
        in result.output
    )
    changelog = (repo / "out" / "pets" / "client" / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 2.0.0 (")
    assert "### Breaking" in changelog and "`GET /pets/{id}`" in changelog
    assert (
        "required response 200 property `name` removed (`response-required-property-removed`)"
        in changelog
    )
    # The changelog is not rendered output: a check of the tree does not call it stale.
    assert _generate("--check").exit_code == 0
    report = json.loads((repo / "out" / "specgen-report.json").read_text())
    assert report["targets"]["pets"]["changelog"] == {
        "bump": "major",
        "previous": "1.4.2",
        "suggested": "2.0.0",
        "version": "2.0.0",
        "summary": {"breaking": 1, "warning": 0, "info": 0},
    }


def test_prove_changelog_backs_each_change_with_its_proof(repo: Path) -> None:
    # The old client calls the new spec's mock, directed to answer without `name`: it breaks.
    _edit(repo, _drop_name)
    result = _generate("--prove-changelog", "--no-daemon")
    assert result.exit_code == 0, result.output
    changelog = (repo / "out" / "pets" / "client" / "CHANGELOG.md").read_text()
    line = next(li for li in changelog.splitlines() if "response-required-property-removed" in li)
    assert "proof: **broke** with `name` left out" in line
    assert "APIResponseValidationError" in line


def test_regenerating_before_committing_replaces_the_entry(repo: Path) -> None:
    _edit(repo, _drop_name)
    assert _generate().exit_code == 0

    def drop_and_add(spec: dict[str, Any]) -> None:
        _drop_name(spec)
        spec["paths"]["/pets"] = {
            "get": {"operationId": "listPets", "responses": {"204": {"description": "none"}}}
        }

    _edit(repo, drop_and_add)
    result = _generate("--package-version", "3.0.0")
    assert result.exit_code == 0, result.output
    changelog = (repo / "out" / "pets" / "client" / "CHANGELOG.md").read_text()
    assert changelog.count("\n## ") == 1  # the same base: one entry, recomputed
    assert (
        "## 3.0.0 (" in changelog and "`GET /pets`" in changelog and "endpoint added" in changelog
    )
    # Once committed, the next change is a new entry above the old one.
    _git(repo, "commit", "-qam", "v2")
    _edit(repo, lambda spec: spec["paths"].pop("/pets/{id}"))
    assert _generate().exit_code == 0
    changelog = (repo / "out" / "pets" / "client" / "CHANGELOG.md").read_text()
    assert changelog.count("\n## ") == 2
    assert changelog.index("api-removed-without-deprecation") < changelog.index("## 3.0.0")


def test_bump_rules() -> None:
    assert bumped("1.4.2", "major") == "2.0.0"
    assert bumped("1.4.2", "minor") == "1.5.0"
    assert bumped("1.4.2", "patch") == "1.4.3"
    assert bumped("0.3.1", "major") == "0.4.0"  # before 1.0.0 the minor number breaks
    assert bumped("2", "minor") == "2.1.0"
    assert suggest_bump(()) == "patch"


def test_config_names_the_version_in_project_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.specgen]\nspecs = "specs"\noutput = "generated"\nartefacts = ["client"]\n\n'
        '[tool.specgen.targets.pets]\npackage-version = "9.9.9"\n'
    )
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "pets.yaml").write_text(yaml.safe_dump(SPEC))
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.com")
    _git(tmp_path, "config", "user.name", "t")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "v1")
    assert CliRunner().invoke(cli, ["generate"], catch_exceptions=False).exit_code == 0
    _edit_at(tmp_path / "specs" / "pets.yaml", _drop_name)
    result = CliRunner().invoke(cli, ["generate"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    changelog = (tmp_path / "generated" / "pets" / "client" / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 9.9.9 (")
    assert "suggested major bump: 1.4.2 → 2.0.0" in result.output


def test_a_bad_package_version_in_the_config_names_the_place(tmp_path: Path) -> None:
    from generator.config import parse_config
    from generator.diagnostics import SpecError

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.specgen]\n\n[tool.specgen.targets.pets]\npackage-version = 3\n")
    with pytest.raises(SpecError) as raised:
        parse_config(pyproject)
    text = raised.value.diagnostic.format()
    assert "pyproject.toml:4:1" in text and "package-version" in text


def _edit_at(path: Path, change: Any) -> None:
    spec = copy.deepcopy(SPEC)
    change(spec)
    path.write_text(yaml.safe_dump(spec))
