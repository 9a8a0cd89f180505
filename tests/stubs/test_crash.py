"""An implementation that crashes answers 500 in the spec's error shape, and the kept-alive
connection survives for the client's next call (Starlette's crash handler answers and raises
again, and uvicorn then closes the connection)."""

from __future__ import annotations

import importlib
import logging
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.server import render_server
from tests.stubs.stub_helpers import operation
from tests.wire.wire_helpers import serve

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}


def _document() -> dict[str, Any]:
    def op(operation_id: str) -> dict[str, Any]:
        return {
            "operationId": operation_id,
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "default": {
                    "description": "error",
                    "content": {"application/json": {"schema": ERROR}},
                },
            },
        }

    return {
        "openapi": "3.0.3",
        "info": {"title": "Crash", "version": "1"},
        "paths": {"/boom": {"get": op("boom")}, "/fine": {"get": op("fine")}},
    }


def test_a_crash_is_a_500_and_the_connection_survives(
    tmp_path_factory: pytest.TempPathFactory, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path_factory.mktemp("crash")
    spec = folder / "crash.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    rendered = render_server(spec, "crash_stubs", folder)
    server = rendered.package

    class Implementation(server.Service):  # type: ignore[name-defined,misc]
        async def boom(self) -> Any:
            raise RuntimeError("a bug in the implementation")

        async def fine(self) -> Any:
            return {"ok": True}

    client_package = importlib.import_module("crash_stubs")
    with caplog.at_level(logging.ERROR, logger="specgen.server"):
        with serve(server.create_app(Implementation())) as url, httpx.Client(base_url=url) as http:
            crashed = http.get("/boom")
            after = http.get("/fine")
            with client_package.Client(base_url=url, max_retries=0) as client:
                with pytest.raises(client_package.InternalServerError):
                    operation(client, rendered, "boom")()
                assert operation(client, rendered, "fine")() == {"ok": True}
    assert crashed.status_code == 500
    assert "The server failed to handle the request." in crashed.text
    assert "a bug in the implementation" not in crashed.text  # internals stay in the log
    assert after.status_code == 200
    assert "a bug in the implementation" in caplog.text
