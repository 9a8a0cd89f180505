"""A `$ref` that leads nowhere stops `generate` only when the whole document needs it; one
that a single piece needs repairs or skips that piece with a warning. `validate` and
`--strict` stay strict. End to end through the command, on a small written spec and on an
excerpt of DigitalOcean's published spec (its discriminator mappings name unbundled files)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"

pytest.importorskip("generator.render")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def report_rules(out: Path, target: str) -> list[tuple[str, str]]:
    report = json.loads((out / "specgen-report.json").read_text())
    return [(d["rule"], d["pointer"]) for d in report["targets"][target]["diagnostics"]]


def sources(out: Path) -> str:
    return "\n".join(p.read_text() for p in sorted(out.rglob("*.py")))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_ref_one_piece_needs_repairs_or_skips_that_piece(folder: Path) -> None:
    shutil.copy(FIXTURES / "one-piece-refs.yaml", "api.yaml")
    code, output = run("generate", "api.yaml", "--out", "out", "--artefacts", "client")
    assert code == 0, output
    pets = "#/paths/~1pets/post"
    assert report_rules(folder / "out", "api") == [
        ("repair-discriminator-mapping",
         f"{pets}/requestBody/content/application~1json/schema/discriminator/mapping/dog"),
        ("skip-example", f"{pets}/requestBody/content/application~1json/examples/lost"),
        ("skip-example", f"{pets}/responses/200/content/application~1json/examples/gone"),
        ("skip-operation", "#/paths/~1pets~1{id}/get"),
    ]  # fmt: skip
    assert "api.yaml:20:19: warning[repair-discriminator-mapping]" in output
    assert "api.yaml:35:5: warning[skip-operation]" in output and "'Parrot'" in output
    code_text = sources(folder / "out")
    # The operation with the broken mapping and examples is kept (the oneOf still decides);
    # the one whose response schema is missing is left out; the others are untouched.
    assert "def create(" in code_text and "def list(" in code_text
    assert "/pets/{id}" not in code_text
    assert "class Cat" in code_text and "class Dog" in code_text


def test_validate_and_strict_still_refuse_each_of_them(folder: Path) -> None:
    shutil.copy(FIXTURES / "one-piece-refs.yaml", "api.yaml")
    code, output = run("validate", "api.yaml")
    assert code == 1 and output.count("error[ref-unresolved]") == 4
    code, output = run("generate", "api.yaml", "--out", "out", "--strict")
    assert code == 1 and output.count("error[ref-unresolved]") == 4
    assert not list((folder / "out").rglob("*.py"))


def test_a_ref_the_whole_document_needs_still_stops_generate(folder: Path) -> None:
    text = (FIXTURES / "one-piece-refs.yaml").read_text()
    # A component every operation reaches, with a `$ref` to nothing inside it.
    text = text.replace("properties: {kind: {type: string}, name: {type: string}}",
                        "properties: {kind: {type: string}, name: {$ref: '#/components/schemas/Name'}}")  # fmt: skip
    Path("api.yaml").write_text(text)
    code, output = run("generate", "api.yaml", "--out", "out", "--artefacts", "client")
    assert code == 1
    assert "error[ref-unresolved] #/components/schemas/Cat/properties/name/$ref" in output
    assert not list((folder / "out").rglob("*.py"))


def test_digitalocean_excerpt_generates_without_its_unbundled_mapping_files(folder: Path) -> None:
    shutil.copy(FIXTURES / "digitalocean-excerpt.json", "digitalocean.json")
    code, output = run("validate", "digitalocean.json")
    assert code == 1 and output.count("error[ref-unresolved]") == 6  # validate stays strict
    code, output = run(
        "generate", "digitalocean.json", "--out", "out", "--artefacts", "client,models"
    )
    assert code == 0, output[-3000:]
    rules = report_rules(folder / "out", "digitalocean")
    dropped = sorted(p.rsplit("/", 1)[-1] for r, p in rules if r == "repair-discriminator-mapping")
    assert dropped == ["assign", "assign", "attach", "detach", "unassign", "unassign"]
    assert not [r for r, _ in rules if r == "skip-operation"]  # every operation is kept
    code_text = sources(folder / "out")
    assert "/v2/volumes/actions" in code_text
    assert "/v2/reserved_ips/{reserved_ip}/actions" in code_text
