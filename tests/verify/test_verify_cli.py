"""`specgen verify` on the command line: exit codes, formats, the safety rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.verify.command import is_loopback

from .helpers import PETS
from .pets_app import pets_app, served


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["verify", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_exit_0_on_a_conforming_server_1_on_findings() -> None:
    with served(pets_app()) as url:
        code, out, _ = invoke(str(PETS), "--base-url", url, "--format", "json")
    assert code == 0, out
    assert json.loads(out)["findings"] == []
    with served(pets_app("off-schema")) as url:
        code, out, _ = invoke(str(PETS), "--base-url", url)
    assert code == 1
    assert "shape GET /pets/{petId}" in out and "suggested spec fix" in out
    assert "p95 ms" in out  # the summary table


def test_junit_and_markdown_to_a_file(tmp_path: Path) -> None:
    report = tmp_path / "verify.xml"
    with served(pets_app("server-error")) as url:
        code, _, _ = invoke(str(PETS), "--base-url", url, "--format", "junit", "-o", str(report))
    assert code == 1
    text = report.read_text()
    assert '<testsuite name="server-error" tests="6" failures="1">' in text
    with served(pets_app("server-error")) as url:
        code, out, _ = invoke(str(PETS), "--base-url", url, "--format", "markdown")
    assert "### `GET /pets`: server-error" in out and "```sh\ncurl" in out


def test_a_token_from_the_environment_is_used_and_never_printed() -> None:
    with served(pets_app("off-schema")) as url:
        code, out, err = invoke(str(PETS), "--base-url", url, "--format", "json",
                                env={"SPECGEN_VERIFY_TOKEN": "env-secret-42"})  # fmt: skip
    assert code == 1
    assert "env-secret-42" not in out + err
    assert "Bearer ***" in out


def test_a_base_url_off_loopback_is_read_only_unless_allowed() -> None:
    assert is_loopback("http://127.0.0.1:8000") and is_loopback("http://[::1]:80/api")
    assert is_loopback("http://localhost:3000")
    assert not is_loopback("https://api.example.com") and not is_loopback("http://0.0.0.0:1")
    # 0.0.0.0 reaches this machine on Linux yet is not a loopback address: writes are off.
    with served(pets_app("accepts-invalid")) as url:
        elsewhere = url.replace("127.0.0.1", "0.0.0.0")
        code, out, err = invoke(str(PETS), "--base-url", elsewhere, "--format", "json")
        assert "is not loopback: only GET, HEAD and OPTIONS are sent" in err
        data = json.loads(out)
        assert code == 0 and data["summary"]["safe"] is True
        code, out, _ = invoke(str(PETS), "--base-url", elsewhere, "--allow-writes",
                              "--format", "json")  # fmt: skip
    assert code == 1 and set(json.loads(out)["summary"]["by_check"]) == {"negative"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-url", "ftp://x"], "is not an http(s) URL"),
        (["--base-url", "http://127.0.0.1:1", "--basic", "nocolon"], "expected user:password"),
        (["--base-url", "http://127.0.0.1:1", "--token", " "], "is empty"),
        (["--base-url", "http://127.0.0.1:1", "--format", "xml"], "Invalid value"),
        (["--base-url", "http://127.0.0.1:1", "--target", "nope"], "give SPEC or --target"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    code, _, err = invoke(str(PETS), *args)
    assert code == 2 and message in err


def test_a_broken_spec_exits_2_naming_file_and_place(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.3\npaths: [\n")
    code, _, err = invoke(str(broken), "--base-url", "http://127.0.0.1:1")
    assert code == 2 and "broken.yaml:" in err and "Traceback" not in err


def test_a_target_of_the_project_is_verified() -> None:
    # This repository's [tool.specgen] has four targets: one must be named.
    code, _, err = invoke("--base-url", "http://127.0.0.1:1")
    assert code == 2 and "cognite-3d-jobs" in err
