"""--package-name and --package-version: the names and version a team publishes under."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli

SPEC = Path(__file__).resolve().parents[2] / "specs" / "cognite-3d-jobs.yaml"


def test_the_client_is_named_and_versioned_as_asked(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["generate", str(SPEC), "--out", str(out), "--artefacts", "client,models"]
    done = CliRunner().invoke(
        cli, [*args, "--package-name", "acme_jobs", "--package-version", "2.3.0"]
    )
    assert done.exit_code == 0, done.output
    project = tomllib.loads((out / "cognite-3d-jobs" / "client" / "pyproject.toml").read_text())
    assert project["project"]["name"] == "acme-jobs" and project["project"]["version"] == "2.3.0"
    assert (out / "cognite-3d-jobs" / "client" / "src" / "acme_jobs" / "models.py").is_file()
    # A changed version is a changed option: the target is rendered again.
    again = CliRunner().invoke(
        cli, [*args, "--package-name", "acme_jobs", "--package-version", "2.4.0"]
    )
    assert "regenerated" in again.output


def test_a_package_name_that_cannot_be_imported_is_refused(tmp_path: Path) -> None:
    done = CliRunner().invoke(
        cli, ["generate", str(SPEC), "--out", str(tmp_path), "--package-name", "acme-jobs"]
    )
    assert done.exit_code == 2 and "not a Python import name" in done.output
