"""The stateful mock on responses that carry more than the resources (Slack's
`{"ok": true, "files": [...], "response_metadata": {...}}`): the stored resources are placed
inside the stateless answer, so the required properties around them are still there (the
client refused 6 of Slack's stateful lists). A resource schema nothing can be synthesized for
(Anthropic's user profiles) is built from the request; a failure inside the mock is a 500 in
the spec's shape that leaves the connection usable."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.engine import MockEngine
from generator.mock.server import MockOptions, RenderedServer, mock_service, render_server
from tests.stubs.stub_helpers import operation
from tests.wire.wire_helpers import serve

FILE = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "size": {"type": "integer"},
    },
}
# GitHub's resources have integer ids, and the ones it creates are not required in them.
RUNNER = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "busy": {"type": "boolean"},
    },
}
# An enum reached through a description-only `allOf`, as Anthropic's user profiles have it:
# the synthesizer cannot make a valid profile.
PROFILE = {
    "type": "object",
    "required": ["id", "relationship"],
    "properties": {
        "id": {"type": "string"},
        "relationship": {
            "description": "How the entity relates to the platform.",
            "allOf": [{"$ref": "#/components/schemas/Relationship"}],
        },
        "name": {"type": "string"},
    },
}


def _json(schema: Any) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


def _body(schema: Any) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _document() -> dict[str, Any]:
    listed = {
        "type": "object",
        "required": ["ok", "files", "response_metadata"],
        "properties": {
            "ok": {"type": "boolean", "enum": [True]},
            "files": {"type": "array", "items": {"$ref": "#/components/schemas/File"}},
            "response_metadata": {
                "type": "object",
                "required": ["next_cursor"],
                "properties": {"next_cursor": {"type": "string"}},
            },
        },
    }
    one = {
        "type": "object",
        "required": ["ok", "file"],
        "properties": {
            "ok": {"type": "boolean", "enum": [True]},
            "file": {"$ref": "#/components/schemas/File"},
        },
    }
    profile = {"$ref": "#/components/schemas/Profile"}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Files", "version": "1"},
        "paths": {
            "/files": {
                "get": {"operationId": "listFiles", "responses": {"200": _json(listed)}},
                "post": {
                    "operationId": "createFile",
                    "requestBody": _body({"$ref": "#/components/schemas/File"}),
                    "responses": {"200": _json(one)},
                },
            },
            "/files/{file_id}": {
                "get": {
                    "operationId": "getFile",
                    "parameters": [
                        {
                            "name": "file_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": _json(one)},
                }
            },
            "/runners": {
                "post": {
                    "operationId": "createRunner",
                    "requestBody": _body(
                        {"type": "object", "properties": {"name": {"type": "string"}}}
                    ),
                    "responses": {"201": _json({"$ref": "#/components/schemas/Runner"})},
                }
            },
            "/runners/{runner_id}": {
                "get": {
                    "operationId": "getRunner",
                    "parameters": [
                        {
                            "name": "runner_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {"200": _json({"$ref": "#/components/schemas/Runner"})},
                }
            },
            "/notes": {
                "post": {
                    "operationId": "createNote",
                    "requestBody": {"content": {"application/json": {"schema": FILE}}},
                    "responses": {"201": _json(FILE)},
                }
            },
            "/profiles": {
                "post": {
                    "operationId": "createProfile",
                    "requestBody": _body(profile),
                    "responses": {"200": _json(profile)},
                }
            },
        },
        "components": {
            "schemas": {
                "File": FILE,
                "Profile": PROFILE,
                "Runner": RUNNER,
                "Relationship": {"type": "string", "enum": ["external", "resold", "internal"]},
            }
        },
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> RenderedServer:
    folder = tmp_path_factory.mktemp("stateful-envelopes")
    spec = folder / "files.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    return render_server(spec, "stateful_files", folder)


def test_stored_resources_sit_inside_the_full_answer(server: RenderedServer) -> None:
    from generator.mock.server import mock_app

    package = importlib.import_module("stateful_files")
    stored = ({"id": "f1", "name": "report.pdf", "size": 3}, {"id": "f2", "name": "a.png"})
    options = MockOptions(stateful=True, seed=3, data=stored)
    with serve(mock_app(server, options)) as url:
        with package.Client(base_url=url, max_retries=0) as client:
            listed = operation(client, server, "listFiles")()
    assert listed.ok is True and listed.response_metadata is not None
    assert [f.name for f in listed.files] == ["report.pdf", "a.png"]


def test_a_resource_nothing_can_be_synthesized_for_is_built_from_the_request(
    server: RenderedServer,
) -> None:
    from generator.mock.server import mock_app

    with serve(mock_app(server, MockOptions(stateful=True))) as url, httpx.Client() as http:
        made = http.post(f"{url}/profiles", json={"id": "p1", "relationship": "external"})
        after = http.get(f"{url}/files")
    assert made.status_code == 200 and made.json()["relationship"] == "external"
    assert after.status_code == 200


def test_a_create_without_a_body_makes_a_resource(server: RenderedServer) -> None:
    """Spotify's create-playlist body is optional: sent without one, the mock crashed."""
    from generator.mock.server import mock_app

    with serve(mock_app(server, MockOptions(stateful=True))) as url:
        made = httpx.post(f"{url}/notes")
    assert made.status_code == 201 and set(made.json()) >= {"id", "name"}


def test_integer_ids_are_numbered(server: RenderedServer) -> None:
    from generator.mock.server import mock_app

    with serve(mock_app(server, MockOptions(stateful=True))) as url, httpx.Client() as http:
        first = http.post(f"{url}/runners", json={"name": "a"})
        second = http.post(f"{url}/runners", json={"name": "b"})
        got = http.get(f"{url}/runners/{second.json()['id']}")
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json()["id"] == first.json()["id"] + 1
    assert got.status_code == 200 and got.json()["name"] == "b"


def test_a_failure_in_the_mock_is_a_500_and_the_connection_survives(
    server: RenderedServer,
) -> None:
    class Broken(MockEngine):
        def call(self, operation_id: str, arguments: Any) -> Any:
            if operation_id == "listFiles":
                raise RuntimeError("boom")
            return super().call(operation_id, arguments)

    engine = Broken(server.api, stateful=True)
    app = server.package.create_app(mock_service(server, MockOptions(), engine))
    with serve(app) as url, httpx.Client(base_url=url) as http:
        failed = http.get("/files")
        next_call = http.get("/files/f1")
    assert failed.status_code == 500 and "boom" in failed.text
    # Answered on the same connection (a 404: `{"ok", "file"}` is read as the file's get,
    # and no file f1 was created).
    assert next_call.status_code == 404
