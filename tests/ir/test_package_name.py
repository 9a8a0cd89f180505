"""`generate openapi.yaml --out` names the package after `info.title`; `--package-name` wins."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli

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
