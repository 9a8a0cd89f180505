"""`specgen generate` is forgiving, `--strict` and `specgen validate` are not: end to end with
the real renderer on the committed excerpt of OpenAI's spec."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"

pytest.importorskip("generator.render")


@pytest.fixture
def spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copy(FIXTURES / "openai-excerpt.yaml", tmp_path / "openai.yaml"))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_generate_repairs_reports_and_renders(spec: Path) -> None:
    code, output = run("generate", "openai.yaml", "--out", "out", "--artefacts", "client")
    assert code == 0, output
    assert "openai.yaml:73:15: warning[repair-exclusive-bound]" in output
    assert "openai.yaml:40:7: warning[repair-recursive-ref]" in output
    report = json.loads(Path("out/specgen-report.json").read_text())
    rules = [d["rule"] for d in report["targets"]["openai"]["diagnostics"]]
    assert rules.count("repair-exclusive-bound") == 1 and "repair-recursive-ref" in rules
    located = next(
        d for d in report["targets"]["openai"]["diagnostics"] if d["rule"] == "repair-recursive-ref"
    )
    assert (located["file"], located["line"], located["col"]) == ("openai.yaml", 40, 7)
    sources = "\n".join(p.read_text() for p in Path("out").rglob("*.py"))
    assert "def search_vector_store" in sources


def test_strict_refuses_as_validate_does(spec: Path) -> None:
    code, output = run("generate", "openai.yaml", "--out", "out", "--strict")
    assert code == 1
    assert "error[structure]" in output and "repair-" not in output
    assert not list(Path("out").rglob("*.py"))
    code, output = run("validate", "openai.yaml")
    assert code == 1 and output.count("error[structure]") == 2


def test_a_large_spec_validated_alongside_rendering_is_repaired_when_it_needs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Large specs are validated in another process while rendering (see
    # tests/regenerate/test_background_validation.py); when that finds errors, the repair
    # pass runs and the target is rendered again, instead of refusing it.
    from generator.regenerate import background

    monkeypatch.chdir(tmp_path)
    started: list[Path] = []
    real_start = background.start

    def start(spec: Path, **flags: bool) -> background.BackgroundValidation:
        started.append(spec)
        return real_start(spec, **flags)

    monkeypatch.setattr(background, "start", start)
    padding = "x" * (background.BACKGROUND_FROM_BYTES + 1)
    text = (FIXTURES / "opc-title-const.yaml").read_text()
    text = text.replace("info: {title: baseline, version: 0.1.0}",
                        f"info: {{title: baseline, version: 0.1.0, description: {padding}}}")  # fmt: skip
    Path("big.yaml").write_text(text)
    code, output = run("generate", "big.yaml", "--out", "out", "--jobs", "2", "--no-cache")
    assert code == 0, output[-2000:]
    assert started, "the large spec was validated in its own process"
    assert output.count("warning[repair-unknown-field]") == 1
    assert output.count("warning[repair-const-to-enum]") == 1
    assert Path("out/big/client").is_dir()


def test_a_path_parameter_no_template_uses_is_skipped_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Connexion's own test spec was refused whole over one shared parameter like this one.
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "connexion-shared-path-param.yaml", "api.yaml")
    code, output = run("generate", "api.yaml", "--out", "out", "--artefacts", "client")
    assert code == 0, output
    assert "api.yaml:15:9: warning[skip-parameter]" in output
    assert "path parameter 'name' (#/components/parameters/Name) not in the path" in output
    text = "\n".join(p.read_text() for p in Path("out").rglob("*.py"))
    assert "/add_operation_on_http_methods_only" in text and "/greeting/{name}" in text
    code, output = run("validate", "api.yaml")
    assert code == 1 and "error[path-param-unused]" in output  # validate stays strict
