"""Path keys carrying a query string (`/v1/messages?beta=true` beside `/v1/messages`, as in
Anthropic's spec): two operations on one real path and method, told apart by the query. The
server and the mock serve the real path and dispatch on the query the key declares; the
generated client sends that query. Driven end to end over loopback."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.server import MockOptions, mock_app, render_server
from tests.wire.wire_helpers import serve


def _json(schema: dict[str, Any], example: Any | None = None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"description": "ok", "content": {"application/json": media}}


def _message(kind: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "enum": [kind]}, "id": {"type": "string"}},
    }


def _document() -> dict[str, Any]:
    plain = {"$ref": "#/components/schemas/Message"}
    beta = {"$ref": "#/components/schemas/BetaMessage"}
    body = {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}},
                }
            }
        },
    }
    item_id = [{"name": "item_id", "in": "path", "required": True, "schema": {"type": "string"}}]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Keys", "version": "1"},
        "paths": {
            "/v1/messages": {
                "post": {
                    "operationId": "createMessage",
                    "requestBody": body,
                    "responses": {"200": _json(plain, {"kind": "plain", "id": "p"})},
                },
                "get": {
                    "operationId": "listMessages",
                    "responses": {"200": _json({"type": "array", "items": plain})},
                },
            },
            "/v1/messages?beta=true": {
                "post": {
                    "operationId": "betaCreateMessage",
                    "requestBody": body,
                    "responses": {
                        "200": _json(beta, {"kind": "beta", "id": "b"}),
                        "404": _json(beta, {"kind": "beta", "id": "missing"}),
                    },
                }
            },
            "/v1/messages/{item_id}?beta=true": {
                "get": {
                    "operationId": "betaGetMessage",
                    "parameters": item_id,
                    "responses": {"200": _json(beta, {"kind": "beta", "id": "one"})},
                }
            },
            "/v1/messages/{item_id}": {
                "get": {
                    "operationId": "getMessage",
                    "parameters": item_id,
                    "responses": {"200": _json(plain, {"kind": "plain", "id": "one"})},
                }
            },
        },
        "components": {"schemas": {"Message": _message("plain"), "BetaMessage": _message("beta")}},
    }


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("query-keys")
    spec = folder / "keys.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    server = render_server(spec, "query_keys", folder)
    with serve(mock_app(server, MockOptions())) as url:
        yield importlib.import_module("query_keys"), url


def test_the_client_reaches_each_operation_of_a_shared_path(served: Any) -> None:
    package, url = served
    with package.Client(base_url=url, max_retries=0) as client:
        created = client.create_message(body={"text": "hi"})
        beta_created = client.beta_create_message(body={"text": "hi"})
        got = client.get_message(item_id="one")
        beta_got = client.beta_get_message(item_id="one")
        listed = client.list_messages()
    assert (created.kind, beta_created.kind) == ("plain", "beta")
    assert (got.kind, beta_got.kind) == ("plain", "beta")
    assert [type(m).__name__ for m in listed] == ["Message"] * len(listed)


def test_the_server_dispatches_on_the_declared_query(served: Any) -> None:
    _, url = served
    with httpx.Client(base_url=url) as http:
        plain = http.post("/v1/messages", json={"text": "hi"})
        beta = http.post("/v1/messages", params={"beta": "true", "x": "1"}, json={"text": "hi"})
        other = http.post("/v1/messages", params={"beta": "false"}, json={"text": "hi"})
        beta_item = http.get("/v1/messages/7", params={"beta": "true"})
    assert plain.json()["kind"] == "plain" and other.json()["kind"] == "plain"
    assert beta.json()["kind"] == "beta"
    assert beta_item.json()["kind"] == "beta"


def test_prefer_and_validation_follow_the_query(served: Any) -> None:
    _, url = served
    with httpx.Client(base_url=url) as http:
        preferred = http.post(
            "/v1/messages?beta=true", json={"text": "hi"}, headers={"Prefer": "code=404"}
        )
        refused = http.post("/v1/messages", json={"text": "hi"}, headers={"Prefer": "code=404"})
        invalid = http.post("/v1/messages?beta=true", json={"text": None})
    assert preferred.status_code == 404 and preferred.json()["id"] == "missing"
    # The plain operation declares no 404: the mock says so rather than answering the beta one.
    assert refused.status_code == 400 and "createMessage" in refused.text
    assert invalid.status_code == 422


def test_openapi_lists_both_keys_and_405_names_every_method(served: Any) -> None:
    _, url = served
    with httpx.Client(base_url=url) as http:
        paths = http.get("/openapi.json").json()["paths"]
        wrong = http.delete("/v1/messages?beta=true")
    assert set(paths["/v1/messages"]) == {"get", "post"}
    assert set(paths["/v1/messages?beta=true"]) == {"post"}
    assert wrong.status_code == 405 and wrong.headers["allow"] == "GET, POST"
