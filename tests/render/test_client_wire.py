"""Generated clients put the right things on the wire (checked with httpx.MockTransport)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from tests.render.helpers import imported, render_into, write_spec

SPECS = Path(__file__).resolve().parents[2] / "specs"
ACCEPT_V1 = "application/vnd.bentley.itwin-platform.v1+json"


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
PAGE_JOB = json.loads((FIXTURES / "003/listJobs-200.json").read_text())["jobs"][0]


def job(job_id: str, **extra: Any) -> dict[str, Any]:
    """The page's example job with another id (and any extra fields)."""
    return {**PAGE_JOB, "id": job_id, **extra}


@pytest.fixture(scope="module")
def modeling(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("modeling")
    render_into(SPECS / "reality-modeling.yaml", out, "rm_wire")
    with imported(out / "client" / "src", "rm_wire") as package:
        yield package


def test_list_jobs_sends_wire_names_and_iterates_every_page(modeling: Any) -> None:
    seen: list[httpx.Request] = []
    pages = {
        None: {
            "jobs": [job("1"), job("2")],
            "_links": {
                "next": {
                    "href": "https://api.bentley.com/contextcapture/jobs?$filter=state eq 'active'&continuationToken=p2"
                }
            },
        },
        "p2": {
            "jobs": [job("3")],
            "_links": {
                "next": {"href": "https://api.bentley.com/contextcapture/jobs?continuationToken=p3"}
            },
        },
        "p3": {
            "jobs": [job("4", state="paused-by-new-server", brandNewField=1)],
            "_links": {"next": None},
        },
    }

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = pages[request.url.params.get("continuationToken")]
        return httpx.Response(200, json=body, headers={"Content-Type": ACCEPT_V1})

    with modeling.Client(
        token="tok", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    ) as client:
        jobs = list(client.list_jobs(filter="state eq 'active'", top=2))
    assert [j.id for j in jobs] == ["1", "2", "3", "4"]
    first = seen[0]
    assert first.url.params["$filter"] == "state eq 'active'"
    assert first.url.params["$top"] == "2"
    assert first.headers["Accept"] == ACCEPT_V1
    assert first.headers["Authorization"] == "Bearer tok"
    assert seen[1].url.params["$filter"] == "state eq 'active'"  # spaces in the next link survive
    # A state and a field the spec does not know are kept, not rejected.
    assert jobs[3].state == "paused-by-new-server"
    assert jobs[3].model_extra == {"brandNewField": 1}


def test_create_job_accepts_a_dict_or_a_model_and_validates_models_strictly(modeling: Any) -> None:
    bodies: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        return httpx.Response(201, json={"job": job("9")})

    client = modeling.Client(
        token="t", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    payload = json.loads((FIXTURES / "001/createJob-request.json").read_text())
    created = client.create_job(body=payload)
    assert created.job.id == "9"
    model = modeling.models.JobCreation.model_validate(payload)
    client.create_job(body=model)
    assert bodies[0] == bodies[1] == payload
    # A request is checked before it is sent: a bad enum value or a missing field never leaves;
    # the error is an APIError (and a ValueError), pydantic's own is its __cause__.
    with pytest.raises(modeling.RequestValidationError, match="type") as caught:
        client.create_job(body={**payload, "type": "NotAType"})
    assert isinstance(caught.value, modeling.APIError)
    assert isinstance(caught.value.__cause__, ValidationError)
    with pytest.raises(modeling.RequestValidationError, match="workspaceId"):
        client.create_job(body={k: v for k, v in payload.items() if k != "workspaceId"})
    assert len(bodies) == 2


def test_post_is_not_retried_on_500_but_429_is(modeling: Any) -> None:
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return httpx.Response(500, json={"error": {"code": "InternalError", "message": "boom"}})

    client = modeling.Client(
        token="t", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    with pytest.raises(modeling.InternalServerError) as caught:
        client.create_job(body=json.loads((FIXTURES / "001/createJob-request.json").read_text()))
    assert calls["n"] == 1
    assert caught.value.code == "InternalError" and caught.value.message == "boom"


def body_spec() -> dict[str, Any]:
    def op(op_id: str, media: str, schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
        return {
            "post": {
                "operationId": op_id,
                "requestBody": {"required": required, "content": {media: {"schema": schema}}},
                "responses": {"204": {"description": "ok"}},
            }
        }

    obj = {"type": "object", "properties": {"name": {"type": "string"}, "n": {"type": "integer"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "bodies", "version": "1"},
        "servers": [{"url": "https://bodies.example"}],
        "paths": {
            "/form": op("sendForm", "application/x-www-form-urlencoded", obj),
            "/multipart": op(
                "upload",
                "multipart/form-data",
                {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}},
            ),
            "/binary": op(
                "sendBytes", "application/octet-stream", {"type": "string", "format": "binary"}
            ),
            "/text": op("sendText", "text/plain", {"type": "string"}),
            "/optional": op("maybeJson", "application/json", obj, required=False),
            "/cookie": {
                "get": {
                    "operationId": "withCookie",
                    "parameters": [
                        {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                        {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            },
        },
    }


def test_every_body_kind_and_cookie_reaches_the_wire(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, body_spec(), "bodies")
    render_into(spec, tmp_path / "out", "bodies_pkg")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(204)

    with imported(tmp_path / "out" / "client" / "src", "bodies_pkg") as package:
        client = package.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
        client.send_form(body={"name": "a b", "n": 2})
        client.upload(body={"file": b"\x00\x01"})
        client.send_bytes(body=b"\x00raw")
        client.send_text(body="hello")
        client.maybe_json()
        client.with_cookie(session="s 1", x_trace="t")
    form, multipart, raw, text, optional, cookie = seen
    assert form.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert form.content == b"name=a+b&n=2"
    assert multipart.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b"\x00\x01" in multipart.content
    assert raw.content == b"\x00raw" and raw.headers["Content-Type"] == "application/octet-stream"
    assert text.content == b"hello" and text.headers["Content-Type"] == "text/plain"
    assert optional.content == b""
    assert cookie.headers["Cookie"] == "session=s%201" and cookie.headers["X-Trace"] == "t"
