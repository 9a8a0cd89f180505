"""A status the spec declares is judged by its own declaration, never by `default`'s."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import yaml

from generator.diff.prove_calls import serve
from generator.mock.server import render_server

_ERROR = {
    "type": "object",
    "required": ["ok", "error"],
    "properties": {"ok": {"type": "boolean", "enum": [False]}, "error": {"type": "string"}},
}

# Slack's shape (pins.list, users.identity): the 200 declares only `items`, which any object
# passes, and `default` an error envelope.
SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Pins", "version": "1"},
    "paths": {
        "/pins": {
            "get": {
                "operationId": "listPins",
                "responses": {
                    "200": {
                        "description": "pins",
                        "content": {"application/json": {"schema": {"items": {"type": "string"}}}},
                    },
                    "default": {
                        "description": "an error",
                        "content": {"application/json": {"schema": _ERROR}},
                    },
                },
            }
        }
    },
}


def test_a_declared_status_is_never_checked_against_default(tmp_path: Path) -> None:
    spec = tmp_path / "pins.yaml"
    spec.write_text(yaml.safe_dump(SPEC, sort_keys=False))
    rendered = render_server(spec, "declared_status_stubs", tmp_path)

    class Implementation(rendered.package.Service):  # type: ignore[name-defined,misc]
        async def list_pins(self) -> Any:
            return {"ok": True, "items": ["C2U86NC6H"]}

    with serve(rendered.package.create_app(Implementation())) as url:
        answer = httpx.get(f"{url}/pins")
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"ok": True, "items": ["C2U86NC6H"]}
