"""Path placeholders that are not Python identifiers (`{enterprise-team}` in GitHub's spec,
`{user.name}`): Starlette reads only identifiers between braces and took the rest literally,
so every such route answered 404. The server renames them; the values still arrive."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.server import MockOptions, mock_app, render_server
from tests.wire.wire_helpers import serve


def _path(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def _document() -> dict[str, Any]:
    ok = {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Teams", "version": "1"},
        "paths": {
            "/teams/{enterprise-team}/members/{user.name}": {
                "parameters": [_path("enterprise-team"), _path("user.name")],
                "get": {"operationId": "getMember", "responses": {"200": ok}},
                "delete": {
                    "operationId": "removeMember",
                    "responses": {"204": {"description": "gone"}},
                },
            },
            "/teams/{enterprise_team}/size": {
                "get": {
                    "operationId": "getSize",
                    "parameters": [_path("enterprise_team")],
                    "responses": {"200": ok},
                }
            },
        },
    }


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("placeholders")
    spec = folder / "teams.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    return render_server(spec, "placeholder_teams", folder)


def test_values_of_renamed_placeholders_reach_the_handler(rendered: Any) -> None:
    server = rendered.package

    class Echo(server.Service):  # type: ignore[name-defined,misc]
        async def get_member(self, **arguments: Any) -> Any:
            return arguments

        async def get_size(self, **arguments: Any) -> Any:
            return arguments

    client_package = importlib.import_module("placeholder_teams")
    with serve(server.create_app(Echo())) as url:
        with client_package.Client(base_url=url, max_retries=0) as client:
            member = client.get_member(enterprise_team="core", user_name="ada.l")
            size = client.get_size(enterprise_team="core")
        wrong = httpx.put(f"{url}/teams/core/members/ada")
    assert member == {"enterprise_team": "core", "user_name": "ada.l"}
    assert size == {"enterprise_team": "core"}
    assert wrong.status_code == 405 and wrong.headers["allow"] == "DELETE, GET"


def test_the_mock_serves_them(rendered: Any) -> None:
    with serve(mock_app(rendered, MockOptions())) as url, httpx.Client(base_url=url) as http:
        got = http.get("/teams/core/members/ada")
        removed = http.delete("/teams/core/members/ada")
    assert got.status_code == 200 and removed.status_code == 204
