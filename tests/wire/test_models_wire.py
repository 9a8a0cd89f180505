"""The runtime side of model flags, against a real server: read-only fields never leave in a
request body (at any depth), and a naive date-time in a response is read as UTC.

The models are written here as the model template emits them: ``readOnly`` as
``json_schema_extra={"readOnly": True}``, date-times as the runtime's ``AwareDatetime``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI, Request
from pydantic import Field, ValidationError

from generator.runtime import AwareDatetime, SpecModel, SyncAPIClient
from generator.runtime._model_base import lenient_parsing
from tests.wire.wire_helpers import serve


class Owner(SpecModel):
    id: str | None = Field(default=None, json_schema_extra={"readOnly": True})
    name: str


class Job(SpecModel):
    id: str | None = Field(default=None, json_schema_extra={"readOnly": True})
    name: str
    created: AwareDatetime | None = Field(
        default=None, alias="createdAt", json_schema_extra={"readOnly": True}
    )
    owners: list[Owner] = []


class Audited(Job):
    __read_only__ = frozenset({"revision"})
    revision: int | None = None


def _app() -> FastAPI:
    app = FastAPI()
    app.state.received = []

    @app.get("/jobs/1")
    def read() -> dict[str, Any]:
        # No offset on the timestamp: a server that means UTC and does not say so.
        return {
            "id": "1",
            "name": "first",
            "createdAt": "2026-01-02T03:04:05",
            "owners": [{"id": "o1", "name": "ann"}],
        }

    @app.put("/jobs/1")
    async def write(request: Request) -> dict[str, Any]:
        body = json.loads(await request.body())
        app.state.received.append(body)
        return {**body, "id": "1"}

    return app


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[FastAPI, str]]:
    app = _app()
    with serve(app) as url:
        yield app, url


def test_read_modify_write_sends_no_read_only_field(server: tuple[FastAPI, str]) -> None:
    app, url = server
    with SyncAPIClient(base_url=url) as client:
        job = client._request("GET", "/jobs/1", response_types={200: Job})
        assert job.created == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
        job.name = "renamed"
        client._request("PUT", "/jobs/1", json_body=job, response_types={200: Job})
        audited = Audited(name="a", revision=3, id="x")
        client._request("PUT", "/jobs/1", json_body=audited, response_types={200: Job})
    assert app.state.received == [
        {"name": "renamed", "owners": [{"name": "ann"}]},
        {"name": "a"},
    ]


def test_naive_datetimes_are_utc_in_responses_and_objects_but_strict_request_strings() -> None:
    with lenient_parsing():
        assert Job.model_validate({"name": "n", "createdAt": "2026-01-02T03:04:05"}).created == (
            datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
        )
    naive = datetime(2026, 1, 2, 3, 4, 5)
    assert Job(name="n", createdAt=naive).created == naive.replace(tzinfo=UTC)
    with pytest.raises(ValidationError, match="timezone"):
        Job.model_validate({"name": "n", "createdAt": "2026-01-02T03:04:05"})
