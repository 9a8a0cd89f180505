"""`generate openapi.yaml --out` names the package after `info.title`; `--package-name` wins."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from tests.wire.test_pages_wire import _detected_document

DOCUMENT = {
    "openapi": "3.0.3",
    "info": {"title": "Asana", "version": "1.0"},
    "paths": {
        "/ping": {"get": {"operationId": "ping", "responses": {"204": {"description": "ok"}}}}
    },
}


@pytest.mark.parametrize(
    ("file_name", "extra", "package"),
    [
        ("openapi.yaml", (), "asana"),
        ("Swagger.yaml", (), "asana"),
        ("acme.yaml", (), "acme"),
        ("openapi.yaml", ("--package-name", "my_asana"), "my_asana"),
    ],
)
def test_generic_file_names_give_way_to_the_title(
    tmp_path: Path, file_name: str, extra: tuple[str, ...], package: str
) -> None:
    (tmp_path / file_name).write_text(yaml.safe_dump(DOCUMENT))
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        arguments = ["generate", file_name, "--out", "out", "--artefacts", "client", "--no-cache"]
        result = CliRunner().invoke(cli, [*arguments, *extra], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    packages = [p.name for p in (tmp_path / "out").glob("*/client/src/*")]
    assert package in packages, packages


def test_the_generate_report_says_which_rule_found_each_paged_operation(tmp_path: Path) -> None:
    (tmp_path / "openapi.yaml").write_text(yaml.safe_dump(_detected_document(), sort_keys=False))
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        arguments = ["generate", "openapi.yaml", "--out", "out", "--artefacts", "client"]
        result = CliRunner().invoke(cli, [*arguments, "--no-cache"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "specgen-report.json").read_text())
    found = {
        d["pointer"]: d["message"]
        for d in report["targets"]["openapi"]["diagnostics"]
        if d["rule"] == "pagination-detected"
    }
    assert set(found) == {
        f"#/paths/~1{name}/get" for name in ("offset", "stripe", "github", "asana")
    }
    assert "(rule has-more)" in found["#/paths/~1stripe/get"]
    assert "info[pagination-detected]" in result.output


def test_strict_refuses_warnings_not_detection_findings(tmp_path: Path) -> None:
    (tmp_path / "openapi.yaml").write_text(yaml.safe_dump(_detected_document(), sort_keys=False))
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        arguments = ["generate", "openapi.yaml", "--out", "out", "--artefacts", "client"]
        result = CliRunner().invoke(cli, [*arguments, "--no-cache", "--strict"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "info[pagination-detected]" in result.output
