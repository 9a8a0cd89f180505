"""The commands as a user runs them: flags, exit codes, what is printed."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import cli
from generator.regenerate.job import Toolchain
from tests.regenerate.conftest import Project
from tests.regenerate.fakes import FakeValidator, OperationRenderer, spec_text

TOOLCHAIN = Toolchain(render=OperationRenderer(), validate=FakeValidator())


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), obj=TOOLCHAIN, catch_exceptions=False)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_generate_prints_a_line_per_target_and_exits_zero(project: Project) -> None:
    first = run("generate")
    second = run("generate")

    assert first.exit_code == 0
    assert first.stdout == "alpha: regenerated (new target)\nbeta: regenerated (new target)\n"
    assert second.stdout == "alpha: up to date\nbeta: up to date\n"


def test_generate_force_regenerates_everything(project: Project) -> None:
    run("generate")

    result = run("generate", "--force")

    assert result.stdout == "alpha: regenerated (forced)\nbeta: regenerated (forced)\n"


def test_generate_exits_one_when_a_target_fails_and_prints_diagnostics(project: Project) -> None:
    project.spec("beta", ["bad_one"])

    result = run("generate")

    assert result.exit_code == 1
    assert "alpha: regenerated (new target)" in result.stdout
    assert "beta: failed (new target)" in result.stdout
    assert "specs/beta.yaml:10:7: error[operation-id]" in result.stderr
    assert "Traceback" not in result.output


def test_check_on_a_stale_tree_exits_one_and_lists_the_files(project: Project) -> None:
    run("generate")
    project.spec("alpha", ["list_items", "create_item"])  # get_item removed, create_item added
    project.spec("beta", ["ping"], extra="")
    (project.generated / "beta/client/ops/ping.py").write_text("# edited by hand\n")
    before = tree(project.generated)

    result = run("generate", "--check")

    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "alpha: out of date" in lines
    assert "  added    generated/alpha/client/ops/create_item.py" in lines
    assert "  removed  generated/alpha/client/ops/get_item.py" in lines
    assert "  changed  generated/alpha/client/__init__.py" in lines
    assert "  changed  generated/beta/client/ops/ping.py" in lines
    assert "    --- a/generated/beta/client/ops/ping.py" in lines
    assert "    -# edited by hand" in lines
    assert lines[-1].startswith("4 file(s) differ")
    assert tree(project.generated) == before  # --check writes nothing


def test_check_ignores_a_manifest_that_claims_up_to_date(project: Project) -> None:
    run("generate")
    # Same fingerprints, but a generated file differs: the manifest's opinion is not trusted.
    (project.generated / "alpha/client/__init__.py").write_text("stale\n")

    assert run("generate", "--check").exit_code == 1


def test_check_exits_zero_when_identical(project: Project) -> None:
    run("generate")
    (project.generated / "alpha/stubs/impl.py").write_text("# implemented by hand\n")
    project.write("generated/alpha/EXTRA.md", "unknown, not colliding\n")

    result = run("generate", "--check")

    assert result.exit_code == 0, result.output
    assert result.stdout == "alpha: up to date\nbeta: up to date\n"


def test_check_on_an_empty_tree_lists_everything_as_added(project: Project) -> None:
    result = run("generate", "--check")

    assert result.exit_code == 1
    assert "  added    generated/beta/client/ops/ping.py" in result.stdout
    assert not project.generated.exists()


def test_check_reports_a_deleted_specs_leftovers(project: Project) -> None:
    run("generate")
    (project.root / "specs/beta.yaml").unlink()

    result = run("generate", "--check")

    assert result.exit_code == 1
    assert "beta: out of date (spec deleted)" in result.stdout
    assert "  removed  generated/beta/client/ops/ping.py" in result.stdout


def test_flags_override_configuration(project: Project) -> None:
    project.write("elsewhere/gamma.yaml", spec_text("Gamma", ["go"]))

    result = run("generate", "--specs", "elsewhere", "--out", "build/out", "--artefacts", "client")

    assert result.exit_code == 0, result.output
    assert result.stdout == "gamma: regenerated (new target)\n"
    assert (project.root / "build/out/gamma/client/ops/go.py").is_file()
    assert not (project.root / "build/out/gamma/stubs").exists()


def test_per_target_overrides_from_pyproject(project: Project) -> None:
    with open(project.root / "pyproject.toml", "a") as handle:
        handle.write('\n[tool.specgen.targets.beta]\nartefacts = ["stubs"]\npackage = "beta_api"\n')

    assert run("generate").exit_code == 0

    assert (project.generated / "alpha/client").is_dir()
    assert not (project.generated / "beta/client").exists()
    assert (project.generated / "beta/stubs/impl.py").is_file()


def test_unknown_artefact_is_a_usage_error(project: Project) -> None:
    result = run("generate", "--artefacts", "client,sdk")

    assert result.exit_code == 2
    assert "unknown artefact sdk" in result.output


def test_configuration_mistake_is_located_not_a_traceback(project: Project) -> None:
    with open(project.root / "pyproject.toml", "a") as handle:
        handle.write('artefact = ["client"]\n')

    result = run("generate")

    assert result.exit_code == 2  # a usage or configuration error
    assert result.stderr.startswith("pyproject.toml:8:1: error[config]: tool.specgen.artefact:")
    assert "unknown key; did you mean 'artefacts'?" in result.stderr


def test_missing_specs_folder_is_a_clear_error(project: Project) -> None:
    result = run("generate", "--specs", "nowhere")

    assert result.exit_code == 2  # a usage or configuration error
    assert "specs folder not found" in result.stderr


def test_adhoc_mode_renders_given_specs_with_its_own_manifest_and_report(
    project: Project, tmp_path: Path
) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    one = loose / "one.yaml"
    one.write_text(spec_text("One", ["first"]).replace("      summary: first summary\n", ""))
    (loose / "two.json").write_text(json.dumps({"swagger": "2.0", "info": {}, "paths": {}}))
    out = tmp_path / "adhoc-out"

    result = run("generate", str(one), str(loose / "two.json"), "--out", str(out))

    assert result.exit_code == 1  # two.json is Swagger 2.0
    assert "one: regenerated (new target)" in result.stdout
    assert "error[swagger-2]" in result.stderr
    assert (out / "one/client/ops/first.py").is_file()
    assert (out / ".specgen-manifest.json").is_file()
    assert not (project.generated).exists()  # the project configuration is not involved
    report = json.loads((out / "specgen-report.json").read_text())
    one_report = report["targets"]["one"]
    assert one_report["status"] == "regenerated"
    assert [d["rule"] for d in one_report["diagnostics"]] == ["fallback-docstring"]
    assert one_report["diagnostics"][0]["pointer"] == "#/paths/~1first/get"
    assert report["targets"]["two"]["status"] == "failed"
    assert report["targets"]["two"]["diagnostics"][0]["rule"] == "swagger-2"
    for written in ("specgen-report.json", ".specgen-manifest.json"):
        assert str(tmp_path) not in (out / written).read_text()  # no absolute paths

    again = run("generate", str(one), "--out", str(out))
    assert again.stdout == "one: up to date\n"
    report = json.loads((out / "specgen-report.json").read_text())
    assert [d["rule"] for d in report["targets"]["one"]["diagnostics"]] == ["fallback-docstring"]


def test_adhoc_mode_needs_out(project: Project) -> None:
    result = run("generate", "specs/alpha.yaml")

    assert result.exit_code == 2  # a usage or configuration error
    assert "needs --out DIR" in result.stderr


def test_check_with_force_is_refused(project: Project) -> None:
    assert run("generate", "--check", "--force").exit_code == 2


def test_parallel_jobs_flag(project: Project) -> None:
    result = run("generate", "--jobs", "2")

    assert result.exit_code == 0
    assert result.stdout == "alpha: regenerated (new target)\nbeta: regenerated (new target)\n"


def test_the_help_lists_every_artefact() -> None:
    # `client-ts` exists: a help text that hides it sends users to the docs for nothing.
    result = run("generate", "--help")
    text = " ".join(result.output.split())
    assert "What to generate: client, models, stubs, client-ts" in text
