"""writeOnly end to end: a generated client against a real FastAPI server on loopback that
echoes secrets back. The client sends them (a request keeps write-only fields) and never puts
them in the models it parses from responses, at any depth, sync and async, pages included;
a read-modify-write therefore sends no secret the user did not set."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request

from tests.wire.wire_helpers import client_package, serve, spec

REF = "#/components/schemas/"
SECRET = "s3cret-never-parsed"

SCHEMAS: dict[str, Any] = {
    "User": {
        "type": "object",
        "required": ["name", "password"],
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "name": {"type": "string"},
            "password": {"type": "string", "writeOnly": True},
            "apiKey": {"type": "string", "writeOnly": True},
            "friends": {"type": "array", "items": {"$ref": REF + "User"}},
            "devices": {"type": "object", "additionalProperties": {"$ref": REF + "Device"}},
        },
    },
    "Device": {
        "type": "object",
        "required": ["serial"],
        "properties": {
            "serial": {"type": "string"},
            "pin": {"type": "integer", "writeOnly": True},
        },
    },
    "UserList": {
        "type": "object",
        "properties": {"items": {"type": "array", "items": {"$ref": REF + "User"}}},
    },
}


def _json(schema: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": REF + schema}}}


PATHS: dict[str, Any] = {
    "/users": {
        "post": {
            "operationId": "createUser",
            "requestBody": {"required": True, "content": _json("User")},
            "responses": {"201": {"description": "created", "content": _json("User")}},
        },
        "get": {
            "operationId": "listUsers",
            "responses": {"200": {"description": "ok", "content": _json("UserList")}},
        },
    },
    "/users/{id}": {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "put": {
            "operationId": "replaceUser",
            "requestBody": {"required": True, "content": _json("User")},
            "responses": {"200": {"description": "ok", "content": _json("User")}},
        },
    },
}


def _echoing_server() -> FastAPI:
    """A careless server: it answers with everything it was sent, secrets included."""
    app = FastAPI()
    app.state.received = []

    def leaky(body: dict[str, Any]) -> dict[str, Any]:
        device = {"serial": "d1", "pin": 1234}
        friend = {"name": "bob", "password": SECRET, "devices": {"d1": device}}
        return {**body, "id": "u1", "apiKey": SECRET, "friends": [friend]}

    @app.post("/users", status_code=201)
    async def create(request: Request) -> dict[str, Any]:
        body = json.loads(await request.body())
        app.state.received.append(body)
        return leaky(body)

    @app.put("/users/{user_id}")
    async def replace(user_id: str, request: Request) -> dict[str, Any]:
        body = json.loads(await request.body())
        app.state.received.append(body)
        return leaky(body)

    @app.get("/users")
    def listing() -> dict[str, Any]:
        return {"items": [leaky({"name": "ann", "password": SECRET})]}

    return app


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, FastAPI, str]]:
    folder: Path = tmp_path_factory.mktemp("write_only")
    app = _echoing_server()
    with (
        client_package(folder, spec(PATHS, schemas=SCHEMAS), "write_only_api") as package,
        serve(app) as url,
    ):
        yield package, app, url


def _assert_clean(user: Any) -> None:
    assert user.password is None and user.api_key is None
    assert not {"password", "api_key"} & user.model_fields_set
    friend = user.friends[0]
    assert friend.name == "bob" and friend.password is None
    assert friend.devices["d1"].serial == "d1" and friend.devices["d1"].pin is None
    assert SECRET not in user.model_dump_json() and "1234" not in user.model_dump_json()


def test_secrets_are_sent_but_never_parsed_back(served: tuple[Any, FastAPI, str]) -> None:
    package, app, url = served
    app.state.received.clear()
    with package.Client(token="t", base_url=url) as client:
        user = client.create_user(body={"name": "ann", "password": SECRET})
        _assert_clean(user)
        assert user.id == "u1" and user.name == "ann"
        _assert_clean(client.list_users().items[0])
        # Read-modify-write: the parsed model is changed and sent back. No secret goes with it
        # (the server's echo was never kept), and no read-only id either.
        user.name = "ann2"
        client.replace_user(id="u1", body=user)
    assert app.state.received[0] == {"name": "ann", "password": SECRET}
    sent_back = app.state.received[1]
    assert sent_back["name"] == "ann2"
    assert "password" not in sent_back and "apiKey" not in sent_back and "id" not in sent_back
    assert SECRET not in json.dumps(sent_back)


def test_the_async_client_and_raw_responses_drop_them_too(
    served: tuple[Any, FastAPI, str],
) -> None:
    package, _, url = served

    async def run() -> None:
        async with package.AsyncClient(token="t", base_url=url) as client:
            _assert_clean(await client.create_user(body={"name": "ann", "password": SECRET}))

    asyncio.run(run())
    with package.Client(token="t", base_url=url) as client:
        raw = client.with_raw_response.create_user(body={"name": "ann", "password": SECRET})
        assert SECRET in raw.text  # the wire carried it; the model does not
        _assert_clean(raw.parse())
