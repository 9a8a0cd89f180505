from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import ARTEFACTS, TargetOverride, find_pyproject, load_config, parse_artefacts
from generator.diagnostics import SpecError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_defaults_without_any_pyproject(tmp_path: Path) -> None:
    assert not any((p / "pyproject.toml").exists() for p in (tmp_path, *tmp_path.parents))

    config = load_config(tmp_path)

    assert config.pyproject is None
    assert config.specs == tmp_path.resolve() / "specs"
    assert config.output == tmp_path.resolve() / "generated"
    assert config.artefacts == ARTEFACTS


def test_found_by_walking_up_and_paths_are_relative_to_it(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.specgen]\nspecs = "api"\noutput = "out/gen"\nartefacts = ["client"]\n'
        'templates = "tpl"\n',
    )
    deep = tmp_path / "src" / "pkg"
    deep.mkdir(parents=True)

    config = load_config(deep)

    root = tmp_path.resolve()
    assert config.root == root
    assert config.specs == root / "api"
    assert config.output == root / "out/gen"
    assert config.artefacts == frozenset({"client"})
    assert config.templates == (root / "tpl",)


def test_nearest_pyproject_with_a_specgen_table_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.specgen]\nspecs = "top-specs"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "sub"\n')

    assert find_pyproject(tmp_path / "sub") == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "sub").specs == tmp_path.resolve() / "top-specs"


def test_per_target_overrides(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        "[tool.specgen.targets.reality-modeling]\n"
        'artefacts = ["client", "models"]\npackage = "reality_modeling"\n',
    )

    config = load_config(tmp_path)

    assert config.targets == {
        "reality-modeling": TargetOverride(frozenset({"client", "models"}), "reality_modeling")
    }


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[tool.specgen]\nspecs = "s"\nartefact = []\n', 3, "tool.specgen.artefact: unknown key"),
        ('[tool.specgen]\nartefacts = ["sdk"]\n', 2, "unknown artefact sdk"),
        ("[tool.specgen]\nspecs = 3\n", 2, "tool.specgen.specs: must be a non-empty string"),
        (
            '[tool.specgen.targets.x]\npackage = "not-an-identifier"\n',
            2,
            "tool.specgen.targets.x.package: must be a Python import name",
        ),
        ("[tool.specgen.targets.x]\nartefacts = []\n", 2, "choose at least one"),
        ("[tool.specgen\n", None, "invalid TOML"),
    ],
)
def test_mistakes_are_located_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, line: int | None, message: str
) -> None:
    write(tmp_path / "pyproject.toml", text)
    monkeypatch.chdir(tmp_path)

    with pytest.raises(SpecError) as caught:
        load_config(tmp_path)

    diagnostic = caught.value.diagnostic
    assert diagnostic.file == "pyproject.toml"
    assert diagnostic.line == line
    assert message in diagnostic.message


def test_parse_artefacts_accepts_commas_and_repeats() -> None:
    assert parse_artefacts(["client,models", "stubs"]) == ARTEFACTS
    with pytest.raises(ValueError, match="unknown artefact sdk"):
        parse_artefacts("sdk")
