"""OpenAPI Overlay 1.0 documents applied to a spec: the specification's examples, the merge
rules, located errors, and the command line (`validate`/`generate --overlay`, config key)."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.diagnostics import SpecError
from generator.overlay import apply_overlays

FIXTURES = Path(__file__).parents[1] / "repair" / "fixtures"

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "tags": [{"name": "pets"}],
    "paths": {
        "/pets": {
            "get": {"operationId": "listPets", "x-internal": False,
                    "responses": {"200": {"description": "ok"}}},
            "post": {"operationId": "addPet", "x-internal": True,
                     "responses": {"201": {"description": "created"}}},
        },
        "/admin": {"get": {"responses": {"200": {"description": "ok"}}}},
    },
}  # fmt: skip


def overlay(tmp_path: Path, text: str, name: str = "fix.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def apply(tmp_path: Path, text: str) -> dict[str, object]:
    data = json.loads(json.dumps(SPEC))
    apply_overlays(data, [overlay(tmp_path, text)])
    return data


def test_update_remove_and_filters_as_in_the_specification(tmp_path: Path) -> None:
    # The shapes of the Overlay 1.0 specification's examples: a structured update, a
    # wildcard with a filter, and removal.
    data = apply(
        tmp_path,
        """\
        overlay: 1.0.0
        info: {title: Tidy the pets API, version: 1.0.0}
        actions:
          - target: $.info
            update: {description: "The pets API, as our clients see it"}
          - target: $.paths.*[?@['x-internal'] == true]
            remove: true
          - target: $.paths['/admin']
            remove: true
          - target: $.tags
            update: {name: admin}
        """,
    )
    assert data["info"] == {
        "title": "Pets",
        "version": "1",
        "description": "The pets API, as our clients see it",
    }
    assert list(data["paths"]) == ["/pets"]
    assert list(data["paths"]["/pets"]) == ["get"]
    assert data["tags"] == [{"name": "pets"}, {"name": "admin"}]


def test_objects_merge_arrays_concatenate_scalars_are_replaced(tmp_path: Path) -> None:
    data = apply(
        tmp_path,
        """\
        overlay: 1.0.0
        info: {title: t, version: "1"}
        actions:
          - target: $.paths['/pets'].get
            update:
              operationId: listAllPets
              tags: [pets]
              responses: {"200": {description: every pet}}
          - target: $.paths['/pets'].get
            update: {tags: [animals]}
        """,
    )
    get = data["paths"]["/pets"]["get"]
    assert get["operationId"] == "listAllPets"
    assert get["tags"] == ["pets", "animals"]
    assert get["responses"] == {"200": {"description": "every pet"}}


def test_an_object_meeting_a_scalar_is_an_error_at_the_overlay_line(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        apply(
            tmp_path,
            """\
            overlay: 1.0.0
            info: {title: t, version: "1"}
            actions:
              - target: $.info
                update:
                  title: {text: Pets}
            """,
        )
    found = caught.value.diagnostic
    assert (found.rule, found.file.endswith("fix.yaml"), found.line) == (
        "overlay-incompatible",
        True,
        5,
    )
    assert "`title`: cannot merge an object into a scalar" in found.message


def test_a_broken_overlay_names_every_mistake_and_changes_nothing(tmp_path: Path) -> None:
    data = json.loads(json.dumps(SPEC))
    path = overlay(
        tmp_path,
        """\
        overlay: 2.0.0
        info: {title: t}
        actions:
          - target: $.info
          - update: {x: 1}
          - target: $.paths[
            remove: true
        """,
    )
    with pytest.raises(SpecError) as caught:
        apply_overlays(data, [path])
    found = [(d.rule, d.line) for d in caught.value.diagnostics]
    assert found == [
        ("overlay-invalid", 1),
        ("overlay-invalid", 2),
        ("overlay-invalid", 4),
        ("overlay-invalid", 5),
    ]
    assert data == SPEC
    fixed = (
        path.read_text().replace("2.0.0", "1.0.0").replace("{title: t}", "{title: t, version: '1'}")
    )
    fixed = fixed.replace("  - target: $.info\n", "").replace("  - update: {x: 1}\n", "")
    path.write_text(fixed)
    with pytest.raises(SpecError) as caught:
        apply_overlays(data, [path])
    bad = caught.value.diagnostic
    assert (bad.rule, bad.line) == ("overlay-jsonpath", 4)
    assert "at column 9" in bad.message


def test_a_target_that_selects_nothing_is_a_warning(tmp_path: Path) -> None:
    data = json.loads(json.dumps(SPEC))
    path = overlay(
        tmp_path,
        """\
        overlay: 1.0.0
        info: {title: t, version: "1"}
        actions:
          - target: $.paths['/gone']
            remove: true
        """,
    )
    result = apply_overlays(data, [path])
    assert [(d.rule, d.level, d.line) for d in result.warnings] == [
        ("overlay-target-unmatched", "warning", 4)
    ]


FIX_OPENAI = """\
overlay: 1.0.0
info: {title: Fix the OpenAI excerpt, version: 1.0.0}
actions:
  - target: $.components.schemas.FineTuneDPOHyperparameters.properties.beta.oneOf[1]
    remove: true
  - target: $.components.schemas.FineTuneDPOHyperparameters.properties.beta.oneOf
    update: {type: number, exclusiveMinimum: 0, maximum: 2}
  - target: $.components.schemas.CompoundFilter
    remove: true
  - target: $.paths.*.post.requestBody.content['application/json'].schema.properties
    remove: true
  - target: $.paths.*.post
    update: {operationId: vectorSearch}
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_validate_with_an_overlay_checks_the_overlaid_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "openai-excerpt.yaml", "openai.yaml")
    overlay(tmp_path, FIX_OPENAI)
    assert run("validate", "openai.yaml")[0] == 1
    code, output = run("validate", "openai.yaml", "--overlay", "fix.yaml", "--strict")
    assert code == 0, output


@pytest.mark.skipif(pytest.importorskip("generator.render") is None, reason="needs the renderer")
def test_generate_applies_overlays_from_the_command_line_and_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("specs").mkdir()
    shutil.copy(FIXTURES / "openai-excerpt.yaml", "specs/openai.yaml")
    overlay(tmp_path, FIX_OPENAI)
    code, output = run("generate", "specs/openai.yaml", "--out", "adhoc", "--overlay", "fix.yaml",
                       "--strict", "--artefacts", "client")  # fmt: skip
    assert code == 0, output
    sources = "\n".join(p.read_text() for p in Path("adhoc").rglob("*.py"))
    assert "def vector_search" in sources and "def search_vector_store" not in sources

    Path("pyproject.toml").write_text(
        '[tool.specgen]\nartefacts = ["client"]\n'
        '[tool.specgen.targets.openai]\noverlays = ["fix.yaml"]\n'
    )
    code, output = run("generate", "--strict")
    assert code == 0, output
    sources = "\n".join(p.read_text() for p in Path("generated").rglob("*.py"))
    assert "def vector_search" in sources
    # The overlay is an input: editing it regenerates.
    Path("fix.yaml").write_text(FIX_OPENAI.replace("vectorSearch", "searchVectors"))
    code, output = run("generate", "--strict")
    assert code == 0 and "regenerated" in output, output
    sources = "\n".join(p.read_text() for p in Path("generated").rglob("*.py"))
    assert "def search_vectors" in sources


def test_an_overlay_error_stops_generation_naming_the_overlay_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "openai-excerpt.yaml", "openai.yaml")
    overlay(
        tmp_path, "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n"
    )
    code, output = run("generate", "openai.yaml", "--out", "out", "--overlay", "fix.yaml")
    assert code == 1
    assert not Path("out/openai").exists()
    assert "fix.yaml:4:5: error[overlay-invalid]" in output
    yaml.safe_load(Path("fix.yaml").read_text())  # the overlay itself is valid YAML
