"""`Prefer: code=` / `example=` ask the mock for a declared response, as Prism does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import yaml
from mock_helpers import AUTH, SPECS_DIR

from generator.mock import prefer
from generator.mock.server import MockOptions, RenderedServer, mock_app

JOBS = "/contextcapture/jobs"


def example(status: str) -> Any:
    spec = yaml.safe_load((SPECS_DIR / "reality-modeling.yaml").read_text(encoding="utf-8"))
    content = spec["paths"][JOBS]["get"]["responses"][status]
    if "$ref" in content:  # a shared response under components
        content = spec["components"]["responses"][content["$ref"].rsplit("/", 1)[-1]]
    return next(iter(content["content"].values()))["example"]


@pytest.fixture()
async def client(rendered: dict[str, RenderedServer]) -> AsyncIterator[httpx.AsyncClient]:
    app = mock_app(rendered["reality-modeling"], MockOptions(seed=3))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as session:
        yield session


async def test_a_declared_error_is_answered_with_its_example_even_without_a_token(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.get(JOBS, headers={"Prefer": "code=404"})
    assert answer.status_code == 404
    assert answer.json() == example("404")
    assert answer.headers["content-type"].startswith("application/vnd.bentley.itwin-platform.v1")
    unauthorized = await client.get(JOBS, headers={"Prefer": "code=401"})
    assert unauthorized.json() == example("401")


async def test_an_undeclared_code_is_a_400_that_lists_the_declared_ones(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.get(JOBS, headers={**AUTH, "Prefer": "code=418"})
    assert answer.status_code == 400
    message = answer.json()["error"]["message"]
    assert "listJobs declares no such response" in message and "404" in message
    bad = await client.get(JOBS, headers={**AUTH, "Prefer": "code=abc"})
    assert bad.status_code == 400 and "not an HTTP status code" in bad.text


async def test_a_named_example_is_chosen_and_an_unknown_one_named(
    client: httpx.AsyncClient,
) -> None:
    chosen = await client.get(JOBS, headers={**AUTH, "Prefer": "code=422, example=example"})
    assert chosen.status_code == 422 and chosen.json() == example("422")
    unknown = await client.get(JOBS, headers={**AUTH, "Prefer": "example=nope"})
    assert unknown.status_code == 400 and "examples: example" in unknown.text


async def test_other_preferences_and_no_preference_reach_the_routes(
    client: httpx.AsyncClient,
) -> None:
    minimal = await client.get(JOBS, headers={**AUTH, "Prefer": "return=minimal"})
    assert minimal.status_code == 200
    assert (await client.get(JOBS)).status_code == 401  # the real route: no token
    assert (await client.get(JOBS, headers=AUTH)).status_code == 200


def test_preferences_parse_like_rfc_7240() -> None:
    assert prefer.parse_prefer('code=404, example="bad one"; dynamic=true') == {
        "code": "404",
        "example": "bad one",
        "dynamic": "true",
    }
    # A preference may be a bare token (RFC 7240 `respond-async`); `return=minimal` and a
    # bare `minimal` both ask for the lean answer.
    assert prefer.parse_prefer("respond-async") == {"respond-async": ""}
    assert prefer.wants_minimal(prefer.parse_prefer("return=minimal; code=200"))
    assert prefer.wants_minimal(prefer.parse_prefer("minimal"))
    assert not prefer.wants_minimal(prefer.parse_prefer("return=representation"))


def test_literal_paths_win_over_templates(rendered: dict[str, RenderedServer]) -> None:
    table = prefer.routes(rendered["reality-analysis"].api)
    operation = prefer.match(table, "delete", "/reality-analysis/jobs/42")
    assert operation is not None and operation.operation_id == "cancelJob"
    assert prefer.match(table, "GET", "/reality-analysis/jobs/42") is None
    assert prefer.match(table, "DELETE", "/reality-analysis/jobs/42/extra") is None
