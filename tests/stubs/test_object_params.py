"""Object-valued query parameters spread over several keys reach the handler as the typed value
the client sent: `deepObject` (`scope[type]=account`, Stripe's required `scope`), a union of an
object and a scalar (Stripe's `created`: `created=5` or `created[gt]=5`), and `form` objects,
exploded (`type=account&user=u`) or not (`scope=type,account`). Once they arrived as raw text
under their own name, so a required one was always "missing"."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.server import MockOptions, mock_app, render_server
from tests.stubs.stub_helpers import operation
from tests.wire.wire_helpers import serve

SCOPE = {
    "type": "object",
    "required": ["type"],
    "properties": {
        "type": {"type": "string", "enum": ["account", "user"]},
        "user": {"type": "string"},
    },
}
RANGE = {"type": "object", "properties": {"gt": {"type": "integer"}, "lt": {"type": "integer"}}}


def _query(name: str, schema: Any, **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema, **extra}


def _document() -> dict[str, Any]:
    ok = {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Objects", "version": "1"},
        "paths": {
            "/secrets": {
                "get": {
                    "operationId": "findSecret",
                    "parameters": [
                        _query(
                            "scope",
                            {"$ref": "#/components/schemas/Scope"},
                            required=True,
                            style="deepObject",
                        ),
                        _query(
                            "created", {"anyOf": [RANGE, {"type": "integer"}]}, style="deepObject"
                        ),
                        _query("limit", {"type": "integer"}),
                    ],
                    "responses": {"200": ok},
                }
            },
            "/forms": {
                "get": {
                    "operationId": "findForm",
                    "parameters": [
                        _query("spread", {"$ref": "#/components/schemas/Scope"}, required=True),
                        _query("packed", RANGE, explode=False),
                    ],
                    "responses": {"200": ok},
                }
            },
        },
        "components": {"schemas": {"Scope": SCOPE}},
    }


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("object-params")
    spec = folder / "objects.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    return render_server(spec, "object_params", folder)


def _echo(package: Any) -> Any:
    """The generated server with a service that answers what each handler received."""
    server = package.package

    def dump(value: Any) -> Any:
        return (
            value.model_dump(mode="json", exclude_unset=True)
            if hasattr(value, "model_dump")
            else value
        )

    class Echo(server.Service):  # type: ignore[name-defined,misc]
        async def find_secret(self, **arguments: Any) -> Any:
            return {k: [type(v).__name__, dump(v)] for k, v in arguments.items()}

        async def find_form(self, **arguments: Any) -> Any:
            return {k: [type(v).__name__, dump(v)] for k, v in arguments.items()}

    return server.create_app(Echo())


def test_the_client_s_objects_reach_the_handler_typed(package: Any) -> None:
    client_package = importlib.import_module("object_params")
    with serve(_echo(package)) as url, client_package.Client(base_url=url, max_retries=0) as client:
        secret = operation(client, package, "findSecret")(
            scope={"type": "user", "user": "u1"}, created={"gt": 5}
        )
        scalar = operation(client, package, "findSecret")(
            scope={"type": "account"}, created=7, limit=3
        )
        form = operation(client, package, "findForm")(
            spread={"type": "user", "user": "u2"}, packed={"gt": 1, "lt": 9}
        )
    assert secret["scope"] == ["Scope", {"type": "user", "user": "u1"}]
    assert secret["created"][1] == {"gt": 5} and secret["limit"] == ["NoneType", None]
    assert scalar["created"] == ["int", 7] and scalar["scope"][1] == {"type": "account"}
    assert form["spread"] == ["Scope", {"type": "user", "user": "u2"}]
    assert form["packed"][1] == {"gt": 1, "lt": 9}


def test_a_missing_or_invalid_object_is_the_spec_s_validation_error(package: Any) -> None:
    with serve(_echo(package)) as url, httpx.Client(base_url=url) as http:
        missing = http.get("/secrets")
        invalid = http.get("/secrets", params={"scope[type]": "robot"})
        absent_optional = http.get("/secrets", params={"scope[type]": "account"})
    assert missing.status_code == 422 and "scope" in missing.text
    assert invalid.status_code == 422 and "scope" in invalid.text
    assert absent_optional.status_code == 200
    assert absent_optional.json()["created"] == ["NoneType", None]


def test_the_mock_answers_a_required_deep_object(package: Any) -> None:
    client_package = importlib.import_module("object_params")
    with serve(mock_app(package, MockOptions())) as url:
        with client_package.Client(base_url=url, max_retries=0) as client:
            assert operation(client, package, "findSecret")(scope={"type": "account"}) is not None
