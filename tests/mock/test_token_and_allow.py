"""The mock over loopback: `--token` makes secured operations refuse any other credential,
and a 405 names every method the path serves."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from test_client_loopback import serve

from generator.mock.command import mock
from generator.mock.server import MockOptions, RenderedServer, mock_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


@pytest.fixture
def guarded(rendered: dict[str, RenderedServer]) -> Iterator[tuple[Any, str]]:
    app = mock_app(rendered["reality-modeling"], MockOptions(stateful=True, token="s3cret"))
    with serve(app) as url:
        yield importlib.import_module("reality_modeling"), url


def test_only_the_token_is_accepted(guarded: tuple[Any, str]) -> None:
    rm, url = guarded
    with rm.Client(token="s3cret", base_url=url) as client:
        assert isinstance(list(client.list_jobs()), list)
    with rm.Client(token="wrong", base_url=url) as client:
        with pytest.raises(rm.AuthenticationError, match="refused"):
            list(client.list_jobs())
    with rm.Client(base_url=url) as client:
        with pytest.raises(rm.AuthenticationError, match="No credentials"):
            list(client.list_jobs())


def test_prefer_still_answers_without_the_token(guarded: tuple[Any, str]) -> None:
    _, url = guarded
    response = httpx.get(f"{url}/contextcapture/jobs", headers={"Prefer": "code=401"})
    assert response.status_code == 401


def test_a_405_allows_every_method_of_the_path(rendered: dict[str, RenderedServer]) -> None:
    app = mock_app(rendered["reality-modeling"], MockOptions())
    with serve(app) as url:
        response = httpx.put(
            f"{url}/contextcapture/jobs", headers={"Authorization": "Bearer t"}, json={}
        )
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


def test_an_empty_token_is_refused_by_the_command() -> None:
    result = CliRunner().invoke(mock, ["specs/reality-modeling.yaml", "--token", ""])
    assert result.exit_code == 2 and "--token" in result.output


def test_a_null_the_schema_forbids_is_refused(rendered: dict[str, RenderedServer]) -> None:
    payload = json.loads((FIXTURES / "001/createJob-request.json").read_text())
    app = mock_app(rendered["reality-modeling"], MockOptions(stateful=True))
    with serve(app) as url:
        headers = {"Authorization": "Bearer t"}
        refused = httpx.post(
            f"{url}/contextcapture/jobs",
            headers=headers,
            json={**payload, "costEstimationParameters": None},
        )
        accepted = httpx.post(f"{url}/contextcapture/jobs", headers=headers, json=payload)
    assert refused.status_code == 422, refused.text
    assert "costEstimationParameters" in refused.text
    assert accepted.status_code == 201
