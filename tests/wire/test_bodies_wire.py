"""Request bodies on a real server: multipart with files in every accepted form (bytes, path,
file object, tuple), several files, encoding content types; URL-encoded forms with nested
values as Stripe reads them; and a content-type choice when an operation declares several.

The server parses with Starlette's form parser (python-multipart), as FastAPI apps do."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from fastapi import FastAPI, Request
from starlette.datastructures import UploadFile

from tests.wire.wire_helpers import client_package, serve, spec

UPLOAD = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary"},
        "attachments": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "meta": {"type": "object", "properties": {"owner": {"type": "string"}}},
        "note": {"type": "string"},
        "count": {"type": "integer"},
    },
}
CUSTOMER = {
    "type": "object",
    "properties": {
        "email": {"type": "string"},
        "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
        "items": {
            "type": "array",
            "items": {"type": "object", "properties": {"price": {"type": "string"}}},
        },
        "expand": {"type": "array", "items": {"type": "string"}},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}


def _op(operation_id: str, content: dict[str, Any]) -> dict[str, Any]:
    return {
        "post": {
            "operationId": operation_id,
            "requestBody": {"required": True, "content": content},
            "responses": {
                "200": {"description": "echo", "content": {"application/json": {"schema": {}}}}
            },
        }
    }


def _document() -> dict[str, Any]:
    upload_ref = {"$ref": "#/components/schemas/Upload"}
    customer_ref = {"$ref": "#/components/schemas/Customer"}
    return spec(
        {
            "/upload": _op(
                "upload",
                {
                    "multipart/form-data": {
                        "schema": upload_ref,
                        "encoding": {"file": {"contentType": "image/png"}},
                    }
                },
            ),
            "/customers": _op(
                "create_customer",
                {
                    "application/x-www-form-urlencoded": {
                        "schema": customer_ref,
                        "encoding": {"tags": {"style": "form", "explode": False}},
                    }
                },
            ),
            "/either": _op(
                "either",
                {
                    "application/json": {"schema": customer_ref},
                    "application/x-www-form-urlencoded": {"schema": customer_ref},
                    "text/plain": {"schema": {"type": "string"}},
                },
            ),
        },
        schemas={"Upload": UPLOAD, "Customer": CUSTOMER},
    )


def _app() -> FastAPI:
    app = FastAPI()

    @app.post("/upload")
    async def upload(request: Request) -> dict[str, Any]:
        form = await request.form()
        parts: list[dict[str, Any]] = []
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                data = await value.read()
                parts.append(
                    {
                        "name": name,
                        "filename": value.filename,
                        "type": value.content_type,
                        "data": data.decode("latin-1"),
                    }
                )
            else:
                parts.append({"name": name, "value": value})
        return {"parts": parts}

    @app.post("/customers")
    async def customers(request: Request) -> dict[str, Any]:
        body = (await request.body()).decode()
        return {"pairs": parse_qsl(body), "type": request.headers["content-type"]}

    @app.post("/either")
    async def either(request: Request) -> dict[str, Any]:
        body = (await request.body()).decode()
        return {"type": request.headers["content-type"], "body": body}

    return app


@pytest.fixture(scope="module")
def wired(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str, Path]]:
    folder: Path = tmp_path_factory.mktemp("bodies")
    with client_package(folder, _document(), "bodies_wire") as package, serve(_app()) as url:
        yield package, url, folder


def test_multipart_takes_files_as_bytes_paths_file_objects_and_tuples(
    wired: tuple[Any, str, Path],
) -> None:
    package, url, folder = wired
    report = folder / "report.csv"
    report.write_bytes(b"a,b\n")
    with package.Client(base_url=url) as client:
        echoed = client.upload(
            body={
                "file": b"\x89PNG",
                "attachments": [
                    report,
                    io.BytesIO(b"from a file object"),
                    ("notes.txt", b"hello", "text/plain"),
                ],
                "meta": {"owner": "ann"},
                "note": "first upload",
                "count": 3,
            }
        )
    parts = echoed["parts"]
    assert parts[0] == {"name": "file", "filename": "file", "type": "image/png", "data": "\x89PNG"}
    attachments = [p for p in parts if p["name"] == "attachments"]
    assert [(a["filename"], a["type"], a["data"]) for a in attachments] == [
        ("report.csv", "application/octet-stream", "a,b\n"),
        ("attachments", "application/octet-stream", "from a file object"),
        ("notes.txt", "text/plain", "hello"),
    ]
    fields = {p["name"]: p["value"] for p in parts if "value" in p}
    assert json.loads(fields["meta"]) == {"owner": "ann"}
    assert fields["note"] == "first upload" and fields["count"] == "3"


def test_a_multipart_model_with_bytes_is_sent_as_files(wired: tuple[Any, str, Path]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        echoed = client.upload(body=package.models.Upload(file=b"raw", note="n"))
    assert echoed["parts"][0]["filename"] == "file" and echoed["parts"][0]["data"] == "raw"
    assert echoed["parts"][1] == {"name": "note", "value": "n"}


def test_form_bodies_nest_like_stripe_and_honour_encoding(wired: tuple[Any, str, Path]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        echoed = client.create_customer(
            body={
                "email": "a+b@example.com",
                "metadata": {"plan": "pro", "seats": "3"},
                "items": [{"price": "p_1"}, {"price": "p_2"}],
                "expand": ["default_source", "invoice"],
                "tags": ["x", "y"],
            }
        )
    assert echoed["type"] == "application/x-www-form-urlencoded"
    assert echoed["pairs"] == [
        ["email", "a+b@example.com"],
        ["metadata[plan]", "pro"],
        ["metadata[seats]", "3"],
        ["items[0][price]", "p_1"],
        ["items[1][price]", "p_2"],
        ["expand", "default_source"],
        ["expand", "invoice"],
        ["tags", "x,y"],
    ]


def test_the_caller_chooses_among_declared_content_types(wired: tuple[Any, str, Path]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        as_json = client.either(body={"email": "e"})
        as_form = client.either(
            body={"email": "e", "metadata": {"k": "v"}},
            content_type="application/x-www-form-urlencoded",
        )
        as_text = client.either(body="plain words", content_type="text/plain")
    assert as_json == {"type": "application/json", "body": '{"email":"e"}'}
    assert as_form == {
        "type": "application/x-www-form-urlencoded",
        "body": "email=e&metadata[k]=v",
    }
    assert as_text == {"type": "text/plain", "body": "plain words"}


def test_a_model_with_file_fields_takes_paths_and_tuples(wired: tuple[Any, str, Path]) -> None:
    package, url, folder = wired
    runtime = package._runtime

    # As the model template is to emit a `format: binary` field of a request model.
    class Upload(runtime.SpecModel):
        file: runtime.File
        attachments: list[runtime.File] = []

    photo = folder / "photo.png"
    photo.write_bytes(b"\x89PNG")
    with pytest.raises(ValueError, match="a file is bytes, a path"):
        Upload(file=3)
    body = Upload(file=photo, attachments=[("a.txt", io.BytesIO(b"A"), "text/plain")])
    with package.Client(base_url=url) as client:
        parts = client.upload(body=body)["parts"]
    assert [(p["name"], p["filename"], p["type"], p["data"]) for p in parts] == [
        ("file", "photo.png", "image/png", "\x89PNG"),
        ("attachments", "a.txt", "text/plain", "A"),
    ]
