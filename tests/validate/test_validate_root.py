"""Multi-file specs whose shared parts sit beside the spec's folder: relative `$ref`s may reach
anywhere in the spec's git work tree or the current folder (whichever holds the spec and is
wider), nothing outside it; `--root` widens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

SPEC = """\
openapi: 3.1.0
info: {title: layout, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        default:
          description: error
          content:
            application/json:
              schema: {$ref: '../common/schemas/Error.yaml'}
"""
ERROR = "type: object\nproperties: {message: {type: string}}\n"


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "api" / "spec").mkdir(parents=True)
    (tmp_path / "api" / "common" / "schemas").mkdir(parents=True)
    (tmp_path / "api" / "spec" / "openapi.yaml").write_text(SPEC)
    (tmp_path / "api" / "common" / "schemas" / "Error.yaml").write_text(ERROR)
    (tmp_path / "secret.yaml").write_text("type: string\n")
    monkeypatch.chdir(tmp_path / "api")
    return tmp_path / "api"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_a_sibling_folder_in_the_current_folder_needs_no_root(layout: Path) -> None:
    code, output = run("validate", "spec/openapi.yaml")
    assert code == 0, output


def test_a_sibling_folder_in_the_specs_git_work_tree_needs_no_root(
    layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = layout.parent / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the current folder does not hold the spec
    spec = str(layout / "spec" / "openapi.yaml")
    code, output = run("validate", spec)
    assert code == 1 and "error[ref-escape]" in output
    assert f"leaves the spec's folder ({layout / 'spec'})" in output
    assert "pass --root DIR" in output
    (layout / ".git").mkdir()  # `git init` makes the layout a work tree
    code, output = run("validate", spec)
    assert code == 0, output


def test_outside_the_work_tree_and_the_current_folder_is_still_refused(layout: Path) -> None:
    (layout / ".git").mkdir()
    spec = layout / "spec" / "openapi.yaml"
    spec.write_text(SPEC.replace("../common/schemas/Error.yaml", "../../secret.yaml"))
    code, output = run("validate", "spec/openapi.yaml")
    assert code == 1
    assert "spec/openapi.yaml:12:24: error[ref-escape]" in output
    assert f"leaves the spec's git work tree ({layout})" in output


def test_with_root_the_layout_validates(layout: Path) -> None:
    code, output = run("validate", "spec/openapi.yaml", "--root", ".")
    assert code == 0, output


def test_root_still_refuses_what_lies_outside_it(layout: Path) -> None:
    spec = layout / "spec" / "openapi.yaml"
    spec.write_text(SPEC.replace("../common/schemas/Error.yaml", "../../secret.yaml"))
    code, output = run("validate", "spec/openapi.yaml", "--root", ".")
    assert code == 1
    assert "error[ref-escape]" in output and "leaves the --root folder" in output


def test_generate_takes_root_from_the_flag_and_from_the_config(
    layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("generator.render")
    # The spec reaches two levels up: past the current folder, inside what --root allows.
    (layout / "spec" / "v1").mkdir()
    spec = layout / "spec" / "v1" / "openapi.yaml"
    spec.write_text(SPEC.replace("../common/schemas/Error.yaml", "../../common/schemas/Error.yaml"))
    (layout / "spec" / "openapi.yaml").unlink()
    monkeypatch.chdir(layout / "spec")
    args = ("generate", "v1/openapi.yaml", "--out", "out", "--artefacts", "models")
    code, output = run(*args)
    assert code == 1 and "ref-escape" in output
    code, output = run(*args, "--root", "..")
    assert code == 0, output
    (layout / "spec" / "pyproject.toml").write_text(
        '[tool.specgen]\nspecs = "v1"\nroot = ".."\nartefacts = ["models"]\n'
    )
    code, output = run("generate")
    assert code == 0, output
    generated = layout / "spec" / "generated"
    assert "Error" in "".join(p.read_text() for p in generated.rglob("*.py"))


def test_config_root_and_overlays_are_checked_and_anchored(tmp_path: Path) -> None:
    from generator.config import parse_config
    from generator.diagnostics import SpecError

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.specgen]\nroot = ".."\n[tool.specgen.targets.api]\noverlays = ["fix.yaml"]\n'
    )
    config = parse_config(pyproject)
    assert config.spec_root == tmp_path.parent.resolve()
    assert config.targets["api"].overlays == (tmp_path / "fix.yaml",)

    pyproject.write_text("[tool.specgen]\nroot = 5\n")
    with pytest.raises(SpecError) as caught:
        parse_config(pyproject)
    assert (
        caught.value.diagnostic.line,
        "tool.specgen.root" in caught.value.diagnostic.message,
    ) == (
        2,
        True,
    )
    pyproject.write_text("[tool.specgen.targets.api]\noverlays = 3\n")
    with pytest.raises(SpecError) as caught:
        parse_config(pyproject)
    assert "overlays: must be a path or a list of paths" in caught.value.diagnostic.message
