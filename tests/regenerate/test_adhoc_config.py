"""`specgen generate SPEC --out DIR` and the pyproject.toml: method renames apply (through
`--config FILE` or the file found from the current folder up) or are refused with a clear
error, never silently dropped. The real renderer: the renamed method must be in the client."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

pytest.importorskip("generator.render")

SPEC = """\
openapi: 3.0.3
info: {title: Pets, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: ok}}
    post:
      operationId: createPet
      responses: {'201': {description: ok}}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "openapi.yaml").write_text(SPEC)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def client_code(out: Path) -> str:
    return "\n".join(p.read_text() for p in sorted((out / "openapi/client").rglob("*.py")))


ADHOC = ("generate", "openapi.yaml", "--out", "out", "--artefacts", "client", "--no-cache")


def test_the_discovered_pyprojects_table_for_the_specs_stem_applies(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "pyproject.toml").write_text(
        '[tool.specgen.targets.openapi]\npackage = "pets_api"\n'
        '[tool.specgen.targets.openapi.operations]\nlistPets = "all_pets"\n'
    )
    sub = folder / "work"
    sub.mkdir()
    monkeypatch.chdir(sub)  # found from the current folder upwards
    code, output = run("generate", "../openapi.yaml", "--out", "../out", "--artefacts", "client")
    assert code == 0, output
    text = client_code(folder / "out")
    assert "def all_pets(" in text and "def list_pets(" not in text
    assert (folder / "out/openapi/client/src/pets_api").is_dir()  # the table's package


def test_the_top_level_operations_map_applies_to_any_spec(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[tool.specgen.operations]\nlistPets = "all_pets"\n')
    code, output = run(*ADHOC)
    assert code == 0, output
    assert "def all_pets(" in client_code(folder / "out")


def test_config_file_is_used_and_renames_that_apply_to_nothing_are_refused(
    folder: Path,
) -> None:
    other = folder / "elsewhere"
    other.mkdir()
    (other / "specgen.toml").write_text(
        '[tool.specgen.targets.petstore.operations]\nlistPets = "all_pets"\n'
    )
    code, output = run(*ADHOC, "--config", "elsewhere/specgen.toml")
    assert code == 2
    assert (
        "elsewhere/specgen.toml renames methods in [tool.specgen.targets.petstore.operations]"
        in output
    )
    assert "[tool.specgen.targets.openapi] here" in output
    assert not (folder / "out").exists()
    (other / "specgen.toml").write_text(
        '[tool.specgen.targets.openapi.operations]\nlistPets = "all_pets"\n'
    )
    code, output = run(*ADHOC, "--config", "elsewhere/specgen.toml")
    assert code == 0, output
    assert "def all_pets(" in client_code(folder / "out")


def test_a_discovered_file_whose_renames_do_not_apply_says_so(folder: Path) -> None:
    (folder / "pyproject.toml").write_text(
        '[tool.specgen.targets.petstore.operations]\nlistPets = "all_pets"\n'
    )
    code, output = run(*ADHOC)
    assert code == 0, output
    assert "warning: pyproject.toml renames methods in [tool.specgen.targets.petstore" in output
    assert "the renames are not applied" in output
    assert "def list_pets(" in client_code(folder / "out")


def test_a_rename_of_an_unknown_operation_fails_the_target(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[tool.specgen.operations]\nlistPetz = "all_pets"\n')
    code, output = run(*ADHOC)
    assert code == 1
    assert "pyproject.toml:2:1: error[operation-name]" in output and "'listPetz'" in output


def test_the_top_level_map_in_a_project_of_several_specs_is_refused(folder: Path) -> None:
    specs = folder / "specs"
    specs.mkdir()
    (specs / "one.yaml").write_text(SPEC)
    (specs / "two.yaml").write_text(SPEC)
    (folder / "pyproject.toml").write_text(
        '[tool.specgen]\nartefacts = ["client"]\n[tool.specgen.operations]\nlistPets = "all"\n'
    )
    code, output = run("generate", "--no-cache")
    assert code == 2
    assert "[tool.specgen.operations] renames the methods of one spec" in output
    (specs / "two.yaml").unlink()
    code, output = run("generate", "--no-cache")
    assert code == 0, output
    assert "def all(" in "\n".join(p.read_text() for p in (folder / "generated").rglob("*.py"))
