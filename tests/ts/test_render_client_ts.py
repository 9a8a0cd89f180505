"""generator/render/client_ts.py on inline specs: the names and types it decides, and that the
package it renders for awkward operations type-checks under --strict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.render import TargetOptions, render_target
from generator.render.client_ts import camel, npm_name, npm_version
from tests.render.helpers import write_spec
from tests.ts.node import ROOT, needs_node, tsc

pytestmark = pytest.mark.xdist_group("node")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("list_jobs", "listJobs"), ("$filter", "filter"), ("continuation_token", "continuationToken")]
    + [("x-request-id", "xRequestId"), ("3mx", "_3mx"), ("", "value"), ("from_", "from")],
)
def test_camel(name: str, expected: str) -> None:
    assert camel(name) == expected


def test_npm_names_and_versions() -> None:
    assert [npm_version(v) for v in ("v1", "2.3", "1.2.3", "2024-01-01", "beta")] == [
        "1.0.0",
        "2.3.0",
        "1.2.3",
        "0.0.0",
        "0.0.0",
    ]
    assert npm_name("Reality Modeling!") == "reality-modeling"


def _op(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {"204": {"description": "done"}}, **extra}


AWKWARD: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Awkward", "version": "v2"},
    "servers": [{"url": "/api/v3"}],
    "security": [{"key": []}],
    "components": {
        "securitySchemes": {"key": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Page": {"type": "object", "properties": {"next": {"type": "string"}}},
            "Client": {"type": "string", "enum": ["a", "b"]},
        },
    },
    "paths": {
        "/things/{thing-id}": {
            "parameters": [
                {"name": "thing-id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "get": _op(
                "then",
                security=[],
                parameters=[
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                ],
                responses={
                    "200": {
                        "description": "a thing",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Page"}}
                        },
                    }
                },
            ),
            "put": _op(
                "request",
                parameters=[{"name": "body", "in": "query", "schema": {"type": "integer"}}],
                requestBody={
                    "required": True,
                    "content": {"application/octet-stream": {"schema": {"type": "string"}}},
                },
            ),
            "post": _op(
                "upload",
                requestBody={
                    "content": {
                        "multipart/form-data": {
                            "schema": {"type": "object", "properties": {"f": {"type": "string"}}}
                        }
                    }
                },
                responses={
                    "200": {
                        "description": "a file",
                        "content": {"image/png": {"schema": {"type": "string"}}},
                    }
                },
            ),
        }
    },
}


def _render(tmp_path: Path) -> Path:
    spec = write_spec(tmp_path, AWKWARD, "awkward")
    result = render_target(spec, TargetOptions("awkward", frozenset({"client-ts"})))
    for file in result.files:
        target = tmp_path / "out" / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    assert not any(f.path.startswith("client/") for f in result.files)
    return tmp_path / "out" / "client-ts"


def test_awkward_names_are_decided_apart(tmp_path: Path) -> None:
    client = (_render(tmp_path) / "src" / "client.ts").read_text()
    assert "  thenOperation(args: {" in client  # a client with a `then` would look awaitable
    assert "  requestOperation(args: {" in client  # BaseClient.request stays reachable
    assert "    body2?: number | undefined;" in client  # the query parameter named body
    assert 'pathParams: { "thing-id": args.thingId }' in client
    assert 'headers: { "X-Trace": args.xTrace }' in client
    assert "cookies: { session: args.session }" in client
    assert "secured: false" in client  # `security: []` sends no token
    assert "    body: BodyInit;" in client
    assert "): APIPromise<M.Page> {" in client
    assert 'responseKind: "binary"' in client and "): APIPromise<Blob> {" in client


@needs_node
def test_awkward_package_type_checks(tmp_path: Path) -> None:
    package = _render(tmp_path)
    tsc(["-p", str(package / "tsconfig.json"), "--noEmit"], ROOT)
