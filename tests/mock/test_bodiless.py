"""A 204 declared with a JSON body (Asana's `removeUser`): HTTP forbids the body, so the mock
and the stubs send none. Writing one anyway broke the kept-alive connection, and the client's
*next* call failed with "Server disconnected" (h11: too much data for declared
Content-Length). Every check here reuses one connection, as a client does."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.server import MockOptions, mock_app, render_server
from tests.wire.wire_helpers import serve

EMPTY = {
    "type": "object",
    "properties": {"data": {"type": "object", "properties": {"ok": {"type": "boolean"}}}},
}


def _document() -> dict[str, Any]:
    removed = {
        "description": "Returns an empty data record",
        "content": {"application/json": {"schema": EMPTY, "example": {"data": {"ok": True}}}},
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Teams", "version": "1"},
        "paths": {
            "/teams/{team}/removeUser": {
                "post": {
                    "operationId": "removeUser",
                    "parameters": [
                        {
                            "name": "team",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"204": removed},
                }
            },
            "/teams/by-external/{ref}": {
                "get": {
                    "operationId": "findTeam",
                    "parameters": [
                        {
                            "name": "ref",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"301": {"description": "Redirects to the team"}},
                }
            },
            "/teams": {
                "get": {
                    "operationId": "listTeams",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": EMPTY}},
                        },
                        "304": removed,
                    },
                }
            },
        },
    }


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("bodiless")
    spec = folder / "teams.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    server = render_server(spec, "bodiless_teams", folder)
    with serve(mock_app(server, MockOptions())) as url:
        yield importlib.import_module("bodiless_teams"), url


def test_a_204_with_a_declared_body_keeps_the_connection_usable(served: Any) -> None:
    package, url = served
    transport = httpx.HTTPTransport()  # one pool: the calls share a kept-alive connection
    with package.Client(
        base_url=url, max_retries=0, http_client=httpx.Client(transport=transport)
    ) as client:
        assert client.remove_user(team="a") is None
        assert client.remove_user(team="b") is None
        listed = client.list_teams()
    assert listed is not None


def test_prefer_a_bodiless_status_sends_no_body(served: Any) -> None:
    _, url = served
    with httpx.Client(base_url=url) as http:
        not_modified = http.get("/teams", headers={"Prefer": "code=304"})
        removed = http.post("/teams/a/removeUser", headers={"Prefer": "code=204"})
        after = http.get("/teams")
    assert (not_modified.status_code, not_modified.content) == (304, b"")
    assert (removed.status_code, removed.content) == (204, b"")
    assert after.status_code == 200


def test_a_reply_with_a_body_on_204_is_sent_without_it(tmp_path: Path, served: Any) -> None:
    """An implementation returning `Reply(204, body)` gets the same treatment."""
    server = importlib.import_module("bodiless_teams_server")

    class Implementation(server.Service):  # type: ignore[name-defined,misc]
        async def remove_user(self, **_: Any) -> Any:
            return server.Reply(204, {"data": {"ok": True}}, {"X-Removed": "yes"})

    with serve(server.create_app(Implementation())) as url, httpx.Client(base_url=url) as http:
        first = http.post("/teams/a/removeUser")
        second = http.post("/teams/b/removeUser")
    assert (first.status_code, first.content, first.headers["x-removed"]) == (204, b"", "yes")
    assert second.status_code == 204


def test_an_operation_that_only_redirects_answers_its_redirect(served: Any) -> None:
    # Discourse's topic lookup by external id declares only a 301: a 200 is no status it has.
    _, url = served
    with httpx.Client(base_url=url) as http:
        answer = http.get("/teams/by-external/abc")
    assert answer.status_code == 301 and answer.content == b""
