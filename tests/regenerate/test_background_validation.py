"""A large spec is validated in a process of its own while it is rendered; the rendered files
are used only when the validator finds no error, and its findings read as in-process ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.regenerate import background
from tests.render.helpers import write_spec

PADDING = "x" * (background.BACKGROUND_FROM_BYTES + 1)  # a large spec: validated alongside


def document(job_ref: str = "#/components/schemas/Job", size: str = "") -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Large", "version": "1", "description": size},
        "paths": {
            "/jobs": {
                "get": {
                    "operationId": "listJobs",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": job_ref}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Job": {
                    "type": "object",
                    "required": ["id", "id"],  # a warning: generation goes on
                    "properties": {"id": {"type": "string"}},
                }
            }
        },
    }


def generate(spec: Path, out: Path, *extra: str) -> Result:
    arguments = ["generate", str(spec), "--out", str(out), "--no-cache", *extra]
    return CliRunner().invoke(cli, arguments, catch_exceptions=False)


def test_only_large_specs_are_worth_a_process(tmp_path: Path) -> None:
    small = write_spec(tmp_path, document(), "small")
    large = write_spec(tmp_path, document(size=PADDING), "large")
    assert not background.worth_a_process([small])
    assert background.worth_a_process([large])
    assert not background.worth_a_process([tmp_path / "gone.yaml"])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_large_valid_spec_is_generated_with_its_warnings_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.chdir(tmp_path)
    started: list[Path] = []
    real_start = background.start

    def start(spec: Path, **flags: bool) -> background.BackgroundValidation:
        started.append(spec)
        return real_start(spec, **flags)

    monkeypatch.setattr(background, "start", start)
    spec = write_spec(tmp_path, document(size=PADDING))
    done = generate(spec, tmp_path / "out", "--jobs", jobs)
    assert done.exit_code == 0, done.output
    assert len(started) == (1 if jobs == "2" else 0)  # --jobs 1: one process, in order
    assert done.output.count("warning[required-duplicate]") == 1
    assert (tmp_path / "out" / "spec" / "client").is_dir()


def test_a_large_invalid_spec_writes_nothing_and_names_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # A `$ref` to nothing in a component (the whole document needs it; one in an operation
    # would only skip that operation).
    broken = document(size=PADDING)
    broken["components"]["schemas"]["Job"]["properties"]["id"] = {"$ref": "#/components/schemas/Jb"}
    spec = write_spec(tmp_path, broken)
    done = generate(spec, tmp_path / "out", "--jobs", "2")
    assert done.exit_code == 1
    assert "spec.yaml:" in done.output and "error[ref-unresolved]" in done.output
    assert not (tmp_path / "out" / "spec").exists()


def test_a_validator_that_dies_is_an_error_not_a_silent_pass(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, document())
    running = background.start(spec, allow_remote=False, strict=False)
    running.process.kill()
    found = running.result()
    assert [d.rule for d in found] == ["internal-error"]
    assert "validation did not finish" in found[0].message


# -- the server `specgen watch` keeps: one warm worker for every save --------------------------


def _rules(found: list[Any]) -> list[tuple[str, str]]:
    return [(d.rule, d.pointer) for d in found]


def test_a_server_answers_save_after_save_with_one_process(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, document())
    alone = background.start(spec, allow_remote=False, strict=False).result()
    server = background.Server()
    try:
        first = background.start(spec, allow_remote=False, strict=False, server=server)
        assert _rules(first.result()) == _rules(alone) != []
        write_spec(tmp_path, document("#/components/schemas/Jb"))  # the user saves an error
        second = background.start(spec, allow_remote=False, strict=False, server=server)
        assert second.process is first.process
        assert "ref-unresolved" in [d.rule for d in second.result()]
    finally:
        server.close()
    assert first.process.poll() is not None  # closing the server ends its worker


def test_an_answer_nobody_waited_for_is_not_taken_for_the_next(tmp_path: Path) -> None:
    """A job that failed before reading its verdict leaves an answer in the pipe."""
    valid = write_spec(tmp_path, document(), "valid")
    broken = write_spec(tmp_path, document("#/components/schemas/Jb"), "broken")
    server = background.Server()
    try:
        background.start(broken, allow_remote=False, strict=False, server=server)
        later = background.start(valid, allow_remote=False, strict=False, server=server)
        assert "ref-unresolved" not in [d.rule for d in later.result()]
    finally:
        server.close()


def test_a_cancelled_or_dead_server_worker_is_replaced_on_the_next_save(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, document())
    server = background.Server()
    try:
        running = background.start(spec, allow_remote=False, strict=False, server=server)
        running.cancel()  # Ctrl-C while validating
        assert [d.rule for d in running.result()] == ["internal-error"]
        again = background.start(spec, allow_remote=False, strict=False, server=server)
        assert again.process is not running.process
        assert "required-duplicate" in [d.rule for d in again.result()]
    finally:
        server.close()


def test_a_large_json_specs_duplicate_keys_are_reported_by_the_validator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rendering process loads a large JSON spec without looking for keys written twice
    (its validator, in another process, does): the key is still found, and repaired, once."""
    monkeypatch.chdir(tmp_path)
    text = json.dumps(document(size=PADDING), indent=2)
    text = text.replace('"info": {', '"info": {\n    "title": "First",', 1)
    spec = tmp_path / "spec.json"
    spec.write_text(text)
    done = generate(spec, tmp_path / "out", "--jobs", "2")
    assert done.exit_code == 0, done.output
    assert done.output.count("warning[repair-duplicate-key] #/info: key 'title'") == 1
