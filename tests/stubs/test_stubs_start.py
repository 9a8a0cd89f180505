"""Stubs and the mock start on documents the client generator accepts, including the pieces
that once stopped them: no `info.version`, a 204 declared with a body, a path parameter with a
default, query parameters of types FastAPI cannot read (objects, unions, arrays of them) and
an array in a path."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated, Any

import httpx
import pytest
import yaml
from fastapi import Query

from generator.mock.server import MockOptions, mock_app, render_server
from tests.wire.wire_helpers import serve

OBJ = {"type": "object", "properties": {"gt": {"type": "integer"}, "lt": {"type": "integer"}}}


def _document() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Odd"},  # no version (Anthropic's spec had none)
        "paths": {
            "/things/{id}": {
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "default": "x"},
                    }
                ],
                "delete": {
                    "operationId": "deleteThing",
                    "responses": {
                        "204": {
                            "description": "gone",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        }
                    },
                },
            },
            "/sets/{ids}": {
                "get": {
                    "operationId": "getSet",
                    "parameters": [
                        {
                            "name": "ids",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "array", "items": {"type": "integer"}},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {}, "example": {"ok": True}}
                            },
                        }
                    },
                }
            },
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "parameters": [
                        {
                            "name": "created",
                            "in": "query",
                            "schema": {"anyOf": [OBJ, {"type": "integer"}]},
                        },
                        {"name": "range", "in": "query", "style": "deepObject", "schema": OBJ},
                        {"name": "pairs", "in": "query", "schema": {"type": "array", "items": OBJ}},
                        {
                            "name": "tags",
                            "in": "query",
                            "schema": {"type": "array", "items": {"type": "string"}},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Thing"},
                                    },
                                    "example": [{"id": "a"}],
                                }
                            },
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {"Thing": {"type": "object", "properties": {"id": {"type": "string"}}}}
        },
    }


def test_the_mock_starts_and_answers(tmp_path: Path) -> None:
    spec = tmp_path / "odd.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    server = render_server(spec, "odd_stubs", tmp_path)
    with serve(mock_app(server, MockOptions())) as url:
        listed = httpx.get(f"{url}/things", params={"created": "5", "tags": ["a", "b"]})
        deleted = httpx.delete(f"{url}/things/a")
        got = httpx.get(f"{url}/sets/1,2,3")
    assert listed.status_code == 200 and listed.json() == [{"id": "a"}]
    assert deleted.status_code == 204 and deleted.content == b""
    assert got.status_code == 200 and got.json() == {"ok": True}


def test_a_route_fastapi_refuses_answers_501_and_the_rest_still_starts(tmp_path: Path) -> None:
    spec = tmp_path / "odd.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    server = render_server(spec, "odd_stubs_501", tmp_path)
    app_module = importlib.import_module("odd_stubs_501_server.app")

    async def broken(x: Annotated[dict[str, object], Query()]) -> None: ...

    with pytest.warns(UserWarning, match="GET /broken is not served"):
        app_module._register("GET", "/broken", broken, operation_id="broken")
    with serve(mock_app(server, MockOptions())) as url:
        refused = httpx.get(f"{url}/broken")
        listed = httpx.get(f"{url}/things")
    assert refused.status_code == 501 and "not supported" in refused.text
    assert listed.status_code == 200
