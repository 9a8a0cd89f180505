"""A response declared `application/json` with an empty schema (what FastAPI declares for a
route returning `FileResponse` or `HTMLResponse`) is read by its Content-Type: text for
`text/*`, bytes for anything else, JSON only when it is JSON. Against a real FastAPI app on
loopback, its own OpenAPI document rendered into a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse

from tests.wire.wire_helpers import client_package, serve

PAYLOAD = bytes(range(256)) * 4


def _app(folder: Path) -> FastAPI:
    app = FastAPI(title="Files", version="1")
    download = folder / "data.bin"
    download.write_bytes(PAYLOAD)
    report = folder / "report.txt"
    report.write_text("line one\nline two\n")

    @app.get("/page", operation_id="page")
    def page() -> HTMLResponse:
        return HTMLResponse("<h1>Hello</h1>")

    @app.get("/download", operation_id="download")
    def file() -> FileResponse:
        return FileResponse(download)

    @app.get("/report", operation_id="report")
    def text_file() -> FileResponse:
        return FileResponse(report, media_type="text/plain")

    @app.get("/data", operation_id="data")
    def data() -> Any:
        return {"ok": True}

    return app


@pytest.fixture(scope="module")
def wired(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("any_body")
    app = _app(folder)
    document = app.openapi()
    assert document["paths"]["/download"]["get"]["responses"]["200"]["content"] == {
        "application/json": {"schema": {}}
    }
    with client_package(folder, document, "any_body_api") as package:
        with serve(app) as url, package.Client(base_url=url) as client:
            yield client


def test_an_html_route_reads_as_text(wired: Any) -> None:
    assert wired.page() == "<h1>Hello</h1>"


def test_a_file_route_reads_as_bytes(wired: Any) -> None:
    assert wired.download() == PAYLOAD


def test_a_text_file_reads_as_text(wired: Any) -> None:
    assert wired.report() == "line one\nline two\n"


def test_json_still_reads_as_json(wired: Any) -> None:
    assert wired.data() == {"ok": True}
