"""Errors from a real server speak its own words; a body refused before sending is an APIError."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from tests.wire.wire_helpers import client_package, serve, spec

ERRORS = {
    "type": "object",
    "properties": {
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"message": {"type": "string"}, "help": {"type": "string"}},
            },
        }
    },
}
TASK = {
    "type": "object",
    "required": ["name"],
    "properties": {"gid": {"type": "string"}, "name": {"type": "string"}},
}


def _json(schema: dict[str, Any], description: str = "ok") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _document() -> dict[str, Any]:
    task = {"$ref": "#/components/schemas/Task"}
    errors = _json({"$ref": "#/components/schemas/Errors"}, "errors")
    return spec(
        {
            "/tasks/{task_gid}": {
                "get": {
                    "operationId": "getTask",
                    "parameters": [
                        {
                            "name": "task_gid",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": _json(task), "404": errors},
                }
            },
            "/tasks": {
                "post": {
                    "operationId": "createTask",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": task}},
                    },
                    "responses": {"201": _json(task), "400": errors},
                }
            },
        },
        schemas={"Task": TASK, "Errors": ERRORS},
    )


def _app() -> FastAPI:
    app = FastAPI()

    @app.get("/tasks/{task_gid}")
    def get_task(task_gid: str) -> JSONResponse:
        message = f"task: Not a recognized ID: {task_gid}"
        return JSONResponse({"errors": [{"message": message, "help": "see docs"}]}, 404)

    return app


@pytest.fixture(scope="module")
def wired(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    folder: Path = tmp_path_factory.mktemp("errors")
    with client_package(folder, _document(), "errors_wire") as package, serve(_app()) as url:
        yield package, url


def test_the_servers_message_is_the_errors_message(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url) as client, pytest.raises(package.NotFoundError) as caught:
        client.get_task(task_gid="42")
    error = caught.value
    assert error.message == "task: Not a recognized ID: 42"
    assert [d.message for d in error.details] == ["task: Not a recognized ID: 42"]
    assert error.body["errors"][0]["help"] == "see docs"
    assert error.response.status_code == 404
    assert str(error) == "404: task: Not a recognized ID: 42"


def test_a_body_refused_before_sending_is_caught_as_api_error(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url) as client:
        with pytest.raises(package.APIError) as caught:
            client.create_task(body={"gid": "1"})  # no name
        assert isinstance(caught.value, package.RequestValidationError)
        with pytest.raises(ValueError, match="name"):  # code written for ValueError still works
            client.create_task(body={"gid": "1"})
