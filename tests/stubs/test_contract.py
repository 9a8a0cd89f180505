"""The exact contract, on the wire between a generated client and its generated stubs served
on loopback: absent is not null, the server refuses what the spec refuses (at any depth,
inside compositions), read-only properties a client sends are dropped, a required property
has no default, and a response the spec refuses is a 500 with a located log line."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest
import yaml

from generator.mock.server import RenderedServer, render_server
from tests.wire.wire_helpers import serve

_PERSON = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "age": {"type": "integer", "format": "int32"},
        "born": {"type": "string", "format": "date-time"},
    },
}
_COMPANY = {
    "type": "object",
    "required": ["vat"],
    "properties": {"vat": {"type": "string"}, "country": {"type": "string"}},
}
_PET = {
    "type": "object",
    "required": ["id", "name", "kind"],
    "properties": {
        "id": {"type": "string", "readOnly": True},
        "name": {"type": "string"},
        "kind": {"type": "string", "enum": ["cat", "dog"], "default": "cat"},
        "tag": {"type": "string"},
        "note": {"type": "string", "nullable": True},
        "owner": {"oneOf": [{"$ref": "#/components/schemas/Person"}, _COMPANY]},
        "toys": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}},
        "labels": {"type": "array", "uniqueItems": True, "items": {"type": "string"}},
        # Inline objects become classes of their own; a nullable one stays nullable (Hetzner).
        "vet": {"type": "object", "nullable": True, "properties": {"name": {"type": "string"}}},
        "collar": {"type": "object", "properties": {"size": {"type": "integer"}}},
        "nickname": {"type": "string", "not": {"enum": ["admin", "root"]}},
    },
}


def _document() -> dict[str, Any]:
    ok = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Contract", "version": "1"},
        "paths": {
            "/pets": {
                "post": {
                    "operationId": "createPet",
                    "requestBody": {"required": True, **ok},
                    "responses": {"201": {"description": "created", **ok}},
                }
            },
            "/pets/{petId}": {
                "get": {
                    "operationId": "getPet",
                    "parameters": [
                        {
                            "name": "petId",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": {"description": "the pet", **ok}},
                }
            },
        },
        "components": {"schemas": {"Pet": _PET, "Person": _PERSON}},
    }


@dataclass
class Served:
    rendered: RenderedServer
    client: Any  # the generated client package
    received: list[Any]  # the bodies the implementation was handed
    replies: dict[str, Any]  # what getPet returns, by id


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, str]]:
    folder: Path = tmp_path_factory.mktemp("contract")
    spec = folder / "contract.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    rendered = render_server(spec, "contract_stubs", folder)
    state = Served(rendered, importlib.import_module("contract_stubs"), [], {})

    class Implementation(rendered.package.Service):  # type: ignore[name-defined,misc]
        async def create_pet(self, *, body: Any) -> Any:
            state.received.append(body)
            return body.model_copy(update={"id": "p1"})

        async def get_pet(self, *, pet_id: str) -> Any:
            return state.replies[pet_id]

    with serve(rendered.package.create_app(Implementation())) as url:
        yield state, url


def _post(url: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{url}/pets", json=body)


_VALID: dict[str, Any] = {"name": "Tom", "kind": "cat"}


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({**_VALID, "tag": None}, "tag"),
        ({**_VALID, "owner": {"name": "Ann", "age": None}}, "owner"),
        ({**_VALID, "owner": {"vat": None}}, "owner"),
        ({**_VALID, "toys": [{"name": None}]}, "toys"),
        ({**_VALID, "toys": [None]}, "toys"),
        ({**_VALID, "owner": {"name": "Ann", "shoe": 42}}, "owner"),  # additionalProperties
        ({**_VALID, "toys": [{"name": "ball", "age": 2**31}]}, "toys"),  # int32
        ({"name": "Tom"}, "kind"),  # required, even with a default
        ({**_VALID, "kind": None}, "kind"),
        ({**_VALID, "labels": ["old", "old"]}, "labels"),  # uniqueItems
        ({**_VALID, "collar": None}, "collar"),  # an inline object that is not nullable
        ({**_VALID, "nickname": "root"}, "nickname"),  # `not: {enum: [...]}`
    ],
)
def test_the_stubs_refuse_what_the_spec_refuses(
    served: tuple[Served, str], body: dict[str, Any], where: str
) -> None:
    state, url = served
    before = len(state.received)
    answer = _post(url, body)
    assert answer.status_code == 422, answer.text
    assert where in answer.json()["message"]
    assert len(state.received) == before  # the implementation never saw it


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        ("text/plain", 415),
        ("application/xml", 415),
        ("application/json; charset=utf-8", 201),  # parameters aside
        ("Application/JSON", 201),  # without case
    ],
)
def test_a_body_in_an_undeclared_media_type_is_refused(
    served: tuple[Served, str], content_type: str, status: int
) -> None:
    state, url = served
    before = len(state.received)
    answer = httpx.post(
        f"{url}/pets",
        content=b'{"name": "Tom", "kind": "cat"}',
        headers={"content-type": content_type},
    )
    assert answer.status_code == status, answer.text
    if status == 415:
        assert "application/json" in answer.json()["message"]
        assert len(state.received) == before  # the implementation never saw it


def test_an_inline_nullable_object_takes_null(served: tuple[Served, str]) -> None:
    state, url = served
    answer = _post(url, {**_VALID, "vet": None})
    assert answer.status_code == 201, answer.text
    assert state.received[-1].vet is None and "vet" in state.received[-1].model_fields_set
    assert answer.json()["vet"] is None  # and the response check lets it through


def test_absent_and_null_where_allowed_reach_the_implementation(served: tuple[Served, str]) -> None:
    state, url = served
    answer = _post(url, {**_VALID, "note": None, "owner": {"vat": "FR1"}})
    assert answer.status_code == 201, answer.text
    received = state.received[-1]
    assert received.note is None and "note" in received.model_fields_set
    assert "tag" not in received.model_fields_set
    assert answer.json() == {
        "id": "p1",
        "name": "Tom",
        "kind": "cat",
        "note": None,
        "owner": {"vat": "FR1"},
    }


def test_a_read_only_property_sent_is_dropped(served: tuple[Served, str]) -> None:
    state, url = served
    answer = _post(url, {**_VALID, "id": "client-chosen"})
    assert answer.status_code == 201, answer.text
    assert "id" not in state.received[-1].model_fields_set
    assert answer.json()["id"] == "p1"


def test_a_response_the_spec_refuses_is_a_located_500(
    served: tuple[Served, str], caplog: pytest.LogCaptureFixture
) -> None:
    state, url = served
    state.replies["bad"] = {"id": "bad", "name": "Tom", "kind": "cat", "tag": None}
    state.replies["good"] = {"id": "good", "name": "Tom", "kind": "cat", "note": None}
    with caplog.at_level(logging.ERROR, logger="specgen.server"):
        bad = httpx.get(f"{url}/pets/bad")
    assert bad.status_code == 500
    assert "tag" in bad.json()["message"]
    assert any("getPet" in r.getMessage() and "tag" in r.getMessage() for r in caplog.records)
    assert httpx.get(f"{url}/pets/good").status_code == 200


def test_the_response_check_can_be_turned_off(served: tuple[Served, str]) -> None:
    state, _ = served
    state.replies["bad"] = {"id": "bad", "name": "Tom", "kind": "cat", "tag": None}

    class Lax(state.rendered.package.Service):  # type: ignore[name-defined,misc]
        async def get_pet(self, *, pet_id: str) -> Any:
            return state.replies[pet_id]

    app = state.rendered.package.create_app(Lax(), check_responses=False)
    with serve(app) as url:
        assert httpx.get(f"{url}/pets/bad").status_code == 200


def test_the_client_sends_absent_as_nothing_and_null_only_where_allowed(
    served: tuple[Served, str],
) -> None:
    state, url = served
    models = state.client.models
    with pytest.raises(pydantic.ValidationError, match="tag"):
        models.Pet(name="Tom", kind="cat", tag=None)
    with pytest.raises(pydantic.ValidationError, match="kind"):
        models.Pet(name="Tom")  # required: the spec's default does not stand in
    with pytest.raises(pydantic.ValidationError, match="unique"):
        models.Pet(name="Tom", kind="cat", labels=["old", "old"])  # uniqueItems
    with pytest.raises(pydantic.ValidationError, match="rules out"):
        models.Pet(name="Tom", kind="cat", nickname="admin")  # not: {enum: [...]}
    assert models.Pet(name="Tom", kind="cat", nickname="Tommy").nickname == "Tommy"
    sent: list[bytes] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request.content)
        return httpx.Response(201, json={"id": "p1", "name": "Tom", "kind": "cat"})

    with state.client.Client(
        base_url=url, http_client=httpx.Client(transport=httpx.MockTransport(record))
    ) as client:
        pet = models.Pet(name="Tom", kind="cat", note=None)
        client.create_pet(body=pet)
        assert sent[-1] == b'{"name":"Tom","kind":"cat","note":null}'
        pet.tag = None  # set after validation: caught before anything is sent
        with pytest.raises(state.client.NullNotAllowedError, match="tag"):
            client.create_pet(body=pet)
        assert len(sent) == 1
        # A plain dict is validated against the request model first: the client's
        # RequestValidationError (an APIError and a ValueError), pydantic's error its cause.
        with pytest.raises(state.client.RequestValidationError, match="age") as refused:
            client.create_pet(
                body={"name": "Tom", "kind": "cat", "owner": {"name": "A", "age": None}}
            )
        assert isinstance(refused.value.__cause__, pydantic.ValidationError)
        assert len(sent) == 1


def test_the_client_reads_leniently_and_strictly_on_request(served: tuple[Served, str]) -> None:
    state, _ = served
    body = {
        "id": "p1",
        "name": "Tom",
        "kind": "lion",
        "tag": None,
        "owner": {"vat": "F", "country": None},
        "labels": ["old", "old"],
    }

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    transport = httpx.MockTransport(reply)
    with state.client.Client(
        base_url="http://api.test", http_client=httpx.Client(transport=transport)
    ) as client:
        pet = client.get_pet(pet_id="p1")
        assert pet.tag is None and pet.kind == "lion"
        assert pet.labels == ["old", "old"]  # a repeated item is read, not refused
        with state.client.strict_responses():
            with pytest.raises(state.client.APIResponseValidationError, match="tag"):
                client.get_pet(pet_id="p1")


def test_a_date_time_inside_a_union_member_is_read_as_json_has_it(
    served: tuple[Served, str],
) -> None:
    """Strict mode refused a date-time written as text behind the models' validator; inside a
    union, that made the matching member fail and the answer a 422 (or a 500 response)."""
    state, url = served
    owner = {"name": "Ann", "born": "2001-02-03T04:05:06Z"}
    answer = _post(url, {**_VALID, "owner": owner})
    assert answer.status_code == 201, answer.text
    assert answer.json()["owner"] == {"name": "Ann", "born": "2001-02-03T04:05:06Z"}
    state.replies["born"] = {"id": "b", "name": "Tom", "kind": "cat", "owner": owner}
    assert httpx.get(f"{url}/pets/born").status_code == 200
    naive = _post(url, {**_VALID, "owner": {"name": "Ann", "born": "2001-02-03T04:05:06"}})
    assert naive.status_code == 422, naive.text
