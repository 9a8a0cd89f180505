"""A request body with a required `date-time` (GitHub's dependency snapshot `scanned`): the stubs
validate bodies strictly, and strict mode refused every RFC 3339 string the models' datetime
type reads (it sits behind a validator taking naive values as UTC), so every valid request was
a 422. Dates and times written as text are now read as JSON has them; the rest stays strict."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest
import yaml

from generator.mock.server import MockOptions, mock_app, render_server
from tests.wire.wire_helpers import serve

SNAPSHOT = {
    "type": "object",
    "required": ["scanned", "version"],
    "properties": {
        "scanned": {"type": "string", "format": "date-time"},
        "day": {"type": "string", "format": "date"},
        "version": {"type": "integer"},
    },
}


def _document() -> dict[str, Any]:
    body = {"$ref": "#/components/schemas/Snapshot"}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Snapshots", "version": "1"},
        "paths": {
            "/snapshots": {
                "post": {
                    "operationId": "createSnapshot",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": body}},
                    },
                    "responses": {
                        "201": {
                            "description": "made",
                            "content": {"application/json": {"schema": body}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Snapshot": SNAPSHOT}},
    }


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("datetime-bodies")
    spec = folder / "snapshots.yaml"
    spec.write_text(yaml.safe_dump(_document(), sort_keys=False))
    server = render_server(spec, "datetime_bodies", folder)
    with serve(mock_app(server, MockOptions())) as served:
        yield served


def test_the_client_s_datetime_is_accepted(url: str) -> None:
    package = importlib.import_module("datetime_bodies")
    with package.Client(base_url=url, max_retries=0) as client:
        made = client.create_snapshot(
            body={"scanned": "2020-06-13T14:52:50-05:00", "day": "2020-06-13", "version": 1}
        )
    assert made is not None


def test_everything_else_stays_strict(url: str) -> None:
    def post(body: dict[str, Any]) -> httpx.Response:
        return httpx.post(f"{url}/snapshots", json=body)

    assert post({"scanned": "2020-06-13T14:52:50Z", "version": 1}).status_code == 201
    not_a_date = post({"scanned": "soon", "version": 1})
    text_number = post({"scanned": "2020-06-13T14:52:50Z", "version": "1"})
    both = post({"scanned": "2020-06-13T14:52:50Z", "version": "1", "day": "2020-06-13"})
    assert not_a_date.status_code == 422 and "scanned" in not_a_date.text
    assert text_number.status_code == 422 and "version" in text_number.text
    assert both.status_code == 422 and "version" in both.text and "scanned" not in both.text
