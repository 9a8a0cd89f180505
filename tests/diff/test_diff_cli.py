"""`specgen diff` as a user meets it: exit codes, ignore files, errors, git revisions."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from diff_helpers import api, in_context, ok, one_op, run_cli, run_pair, write

from generator.diagnostics import Diagnostic, Level

# One warning (response enum widened) and one info (new optional query parameter).
ENUM = {"type": "string", "enum": ["a"]}
WIDER = {"type": "string", "enum": ["a", "b"]}


def _warning_pair() -> tuple[dict[str, Any], dict[str, Any]]:
    return in_context("response", ENUM), in_context("response", WIDER)


def _breaking_pair() -> tuple[dict[str, Any], dict[str, Any]]:
    return one_op(ok()), api({"/other": {"get": ok()}})


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("breaking", 0), ("warning", 1), ("info", 1), ("none", 0)]
)
def test_exit_code_follows_fail_on(tmp_path: Path, fail_on: str, expected: int) -> None:
    outcome = run_pair(tmp_path, *_warning_pair(), "--fail-on", fail_on)
    assert outcome.exit_code == expected
    assert outcome.ids() == ["response-property-enum-value-added"]


def test_breaking_change_fails_by_default(tmp_path: Path) -> None:
    outcome = run_pair(tmp_path, *_breaking_pair())
    assert outcome.exit_code == 1
    assert outcome.data["summary"] == {"breaking": 1, "warning": 0, "info": 1}


def test_json_has_exactly_the_documented_shape(tmp_path: Path) -> None:
    outcome = run_pair(tmp_path, *_breaking_pair())
    assert list(outcome.data) == ["base", "revision", "changes", "summary"]
    assert outcome.data["base"] == str(tmp_path / "base.yaml")
    # Sorted by path, then method: deterministic whatever the documents' order.
    assert outcome.changes == [
        {
            "id": "endpoint-added",
            "level": "info",
            "direction": "none",
            "operation": "GET /other",
            "location": "#/paths/~1other/get",
            "message": "endpoint added",
        },
        {
            "id": "api-removed-without-deprecation",
            "level": "breaking",
            "direction": "none",
            "operation": "POST /things",
            "location": "#/paths/~1things/post",
            "message": "endpoint removed without being deprecated first",
        },
    ]


@pytest.mark.parametrize(
    ("lines", "remaining"),
    [
        ("api-removed-without-deprecation\n", ["endpoint-added"]),
        (
            "# accepted on 2026-11-01\napi-removed-without-deprecation POST /things  # ok\n",
            ["endpoint-added"],
        ),
        ("api-removed-without-deprecation post /things\n", ["endpoint-added"]),
        (
            "api-removed-without-deprecation GET /things\n",
            ["endpoint-added", "api-removed-without-deprecation"],
        ),
        ("\n# nothing\n", ["endpoint-added", "api-removed-without-deprecation"]),
    ],
)
def test_ignore_file_accepts_listed_changes(
    tmp_path: Path, lines: str, remaining: list[str]
) -> None:
    ignore = tmp_path / "accepted.txt"
    ignore.write_text(lines)
    outcome = run_pair(tmp_path, *_breaking_pair(), "--ignore", str(ignore))
    assert outcome.ids() == remaining
    assert outcome.exit_code == (1 if "api-removed-without-deprecation" in remaining else 0)


def test_ignore_matches_operations_whatever_the_path_parameter_names(tmp_path: Path) -> None:
    ignore = tmp_path / "accepted.txt"
    ignore.write_text("api-removed-without-deprecation DELETE /jobs/{jobId}\n")
    base = api({"/jobs/{id}": {"delete": ok()}})
    assert run_pair(tmp_path, base, api(), "--ignore", str(ignore)).exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("no-such-rule\n", "accepted.txt:1:1: error[ignore-file]: unknown rule id 'no-such-rule'"),
        (
            "api-removed-without-deprecaton\n",
            "unknown rule id 'api-removed-without-deprecaton'; did you mean"
            " 'api-removed-without-deprecation'?",
        ),
        (
            "# c\nendpoint-added FETCH /x\n",
            "accepted.txt:2:1: error[ignore-file]: unknown HTTP method",
        ),
        (
            "endpoint-added /x\n",
            "accepted.txt:1:1: error[ignore-file]: expected `rule-id [METHOD /path]`",
        ),
    ],
)
def test_bad_ignore_file_is_a_usage_error(tmp_path: Path, content: str, message: str) -> None:
    ignore = tmp_path / "accepted.txt"
    ignore.write_text(content)
    outcome = run_pair(tmp_path, *_breaking_pair(), "--ignore", str(ignore))
    assert outcome.exit_code == 2
    assert message in outcome.stderr


def test_invalid_yaml_exits_2_with_the_loader_diagnostic(tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml", api())
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.3\npaths: {\n  /x: [\n")
    outcome = run_cli(str(good), str(bad))
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith(f"{bad}:") and "error[syntax]" in outcome.stderr
    assert outcome.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    outcome = run_cli(str(write(tmp_path / "a.yaml", api())), str(tmp_path / "missing.yaml"))
    assert outcome.exit_code == 2
    assert "missing.yaml: error[unreadable]" in outcome.stderr


def test_unresolvable_ref_names_file_and_pointer(tmp_path: Path) -> None:
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}}
    broken = one_op({"responses": {"200": {"description": "ok", "content": content}}})
    fine = in_context("response", ENUM)
    outcome = run_pair(tmp_path, fine, broken)
    assert outcome.exit_code == 2
    assert "revision.yaml:" in outcome.stderr
    assert (
        "error[ref-unresolved] #/paths/~1things/post/responses/200/content/application~1json/schema"
        in outcome.stderr
    )


@pytest.mark.parametrize("args", [[], ["only-one.yaml"], ["a.yaml", "b.yaml", "--base", "HEAD"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run_cli(*args).exit_code == 2


def test_colour_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    base, revision = _breaking_pair()
    files = [str(write(tmp_path / "a.yaml", base)), str(write(tmp_path / "b.yaml", revision))]
    assert "\x1b[" not in run_cli(*files).stdout
    assert "\x1b[31m" in run_cli(*files, "--color").stdout


def test_validator_errors_exit_2_when_validation_is_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = types.ModuleType("generator.validate")
    problem = Diagnostic("missing-info", Level.ERROR, "info is required", "spec.yaml", "#", 1, 1)
    fake.validate_spec = lambda spec_set: [problem]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "generator.validate", fake)
    outcome = run_pair(tmp_path, *_warning_pair(), "--validate")
    assert outcome.exit_code == 2
    assert "spec.yaml:1:1: error[missing-info] #: info is required" in outcome.stderr
    assert run_pair(tmp_path, *_warning_pair()).exit_code == 0


# Git revisions


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose first commit holds specs/jobs.yaml (+ a shared file) and
    specs/old.yaml; the working tree then changes jobs, deletes old and adds new."""
    _git(tmp_path, "init", "-q", "-b", "main")
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "shared").mkdir()
    write(specs / "shared" / "kinds.yaml", {"Kind": ENUM})
    content = {"application/json": {"schema": {"$ref": "shared/kinds.yaml#/Kind"}}}
    jobs = one_op({"responses": {"200": {"description": "ok", "content": content}}})
    write(specs / "jobs.yaml", jobs)
    write(specs / "old.yaml", api({"/old": {"get": ok()}}))
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    write(specs / "shared" / "kinds.yaml", {"Kind": WIDER})
    (specs / "old.yaml").unlink()
    write(specs / "new.yaml", api({"/new": {"get": ok()}}))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_gitrev_path_reads_the_spec_and_its_references_from_git(repo: Path) -> None:
    outcome = run_cli("main:specs/jobs.yaml", "specs/jobs.yaml", "--format", "json")
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.data["base"] == "main:specs/jobs.yaml"
    assert [(c["id"], c["location"]) for c in outcome.changes] == [
        ("response-property-enum-value-added", "shared/kinds.yaml#/Kind")
    ]


def test_unknown_revision_exits_2(repo: Path) -> None:
    outcome = run_cli("nosuchrev:specs/jobs.yaml", "specs/jobs.yaml")
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("nosuchrev:specs/jobs.yaml: error[git]")


def test_base_compares_every_spec_in_the_folder(repo: Path) -> None:
    outcome = run_cli("--base", "main", "--format", "json")
    assert outcome.exit_code == 1, outcome.stderr  # old.yaml's operation disappeared
    reports = {(r["base"], r["revision"]): [c["id"] for c in r["changes"]] for r in outcome.data}
    assert reports == {
        ("main:specs/jobs.yaml", "specs/jobs.yaml"): ["response-property-enum-value-added"],
        ("main:specs/new.yaml", "specs/new.yaml"): ["endpoint-added"],
        ("main:specs/old.yaml", "specs/old.yaml"): ["api-removed-without-deprecation"],
    }
