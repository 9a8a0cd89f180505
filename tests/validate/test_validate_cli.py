"""`specgen validate` as a user runs it: output lines, JSON, folders and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

CLEAN = 'openapi: 3.0.3\ninfo: {title: x, version: "1"}\npaths: {}\n'
WARNS = "openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n"
BROKEN = CLEAN.replace(
    "paths: {}", "paths:\n  /a:\n    get: {responses: {default: {description: x}}, nope: 1}"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(cli, ["validate", *args])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_clean_spec_exits_0_silently(folder):
    write(folder / "api.yaml", CLEAN)
    result = invoke("api.yaml")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_errors_exit_1_with_compiler_style_lines(folder):
    write(folder / "api.yaml", BROKEN)
    result = invoke("api.yaml")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("api.yaml:5:5: error[structure] #/paths/~1a/get: ")
    assert "'nope' was unexpected" in first
    assert result.stderr.strip() == "1 error(s), 0 warning(s)"


def test_warnings_exit_0_unless_strict(folder):
    write(folder / "api.yaml", WARNS)
    relaxed = invoke("api.yaml")
    assert relaxed.exit_code == 0
    assert "warning[info-version-missing]" in relaxed.stdout
    strict = invoke("--strict", "api.yaml")
    assert strict.exit_code == 1
    assert (
        "api.yaml:2:1: error[info-version-missing] #/info: info.version is missing" in strict.stdout
    )


def test_json_output_shape(folder):
    write(folder / "api.yaml", BROKEN)
    result = invoke("--format", "json", "api.yaml")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert findings[0] == {
        "rule": "structure",
        "level": "error",
        "message": findings[0]["message"],
        "file": "api.yaml",
        "pointer": "#/paths/~1a/get",
        "line": 5,
        "col": 5,
    }


def test_json_output_of_a_clean_run_is_an_empty_list(folder):
    write(folder / "api.yaml", CLEAN)
    result = invoke("--format", "json", "api.yaml")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_default_path_is_specs_and_fragments_are_skipped(folder):
    write(
        folder / "specs" / "api.yaml",
        CLEAN.replace(
            "paths: {}", "paths: {}\ncomponents: {schemas: {Job: {$ref: 'parts/job.yaml'}}}"
        ),
    )
    write(
        folder / "specs" / "parts" / "job.yaml",
        "type: object\nrequired: [id]\nproperties: {idd: {}}\n",
    )
    write(
        folder / "specs" / "nested" / "other.json",
        json.dumps({"openapi": "3.0.3", "info": {"title": "x"}, "paths": {}}),
    )
    write(folder / "specs" / "notes.txt", "not a spec")
    result = invoke()
    assert result.exit_code == 0  # warnings only
    lines = result.stdout.splitlines()
    assert lines[0].startswith("specs/nested/other.json:1:")
    assert "warning[info-version-missing]" in lines[0]
    assert lines[1].startswith("specs/parts/job.yaml:2:12: warning[required-missing-property]")
    assert len(lines) == 2  # job.yaml is checked once, through the root that uses it


def test_an_explicit_file_that_is_not_openapi_is_an_error(folder):
    write(folder / "job.yaml", "type: object\n")
    result = invoke("job.yaml")
    assert result.exit_code == 1
    assert "error[not-openapi]" in result.stdout


def test_broken_files_in_a_folder_are_reported(folder):
    write(folder / "specs" / "bad.yaml", "openapi: [unclosed\n")
    result = invoke("specs")
    assert result.exit_code == 2  # a file that is not YAML at all: a load error
    assert result.stdout.startswith("specs/bad.yaml:")
    assert "error[syntax]" in result.stdout


def test_missing_path_is_a_usage_error(folder):
    assert invoke("nope.yaml").exit_code == 2


def test_no_specs_folder_is_a_usage_error(folder):
    assert invoke().exit_code == 2


def test_bad_option_is_a_usage_error(folder):
    write(folder / "api.yaml", CLEAN)
    assert invoke("--format", "xml", "api.yaml").exit_code == 2
    assert invoke("--frobnicate", "api.yaml").exit_code == 2


def test_an_unfetched_remote_ref_is_a_warning_and_the_flag_silences_it(folder):
    # A remote $ref is legal OpenAPI; specgen does not fetch it, so it cannot check it.
    write(
        folder / "api.yaml",
        CLEAN.replace(
            "paths: {}", "paths: {}\ncomponents: {schemas: {A: {$ref: 'https://x.test/a.yaml'}}}"
        ),
    )
    result = invoke("api.yaml")
    assert "api.yaml:4:28: warning[ref-remote]" in result.stdout
    assert "not fetched" in result.stdout
    assert result.exit_code == 0
    assert invoke("--strict", "api.yaml").exit_code == 1
    silent = invoke("--allow-remote", "api.yaml")
    assert silent.exit_code == 0 and "ref-remote" not in silent.stdout


def test_an_internal_failure_is_one_line_naming_the_file(folder, monkeypatch):
    def explode(spec, *, strict=False):
        raise KeyError("boom")

    monkeypatch.setattr("generator.validate.command.validate_spec", explode)
    write(folder / "api.yaml", CLEAN)
    write(folder / "other.yaml", CLEAN)
    result = invoke("api.yaml", "other.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["api.yaml", "other.yaml"]
    assert "error[internal-error]" in lines[0] and "KeyError" in lines[0]
