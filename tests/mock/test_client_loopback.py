"""The generated clients against the stateful mock over loopback (real uvicorn on 127.0.0.1,
port 0, in a thread): create, list with a filter across pages, patch, cancel, and the error
paths a client must handle (401, 404, 422, 429 with Retry-After)."""

from __future__ import annotations

import importlib
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import uvicorn

from generator.mock.command import bind
from generator.mock.faults import Faults
from generator.mock.server import MockOptions, RenderedServer, mock_app

RDA_JOB = "6f51448f-6377-4330-9ab0-f13fe994b3f1"  # the job in reality-data-analysis's example
QUEUED_JOB = {
    "id": "0b3c9a52-1d2e-4f8a-9c3b-5a6d7e8f9012",
    "state": "Queued",
    "type": "Objects2D",
    "userId": "3a8670f9-b69f-4a60-b958-f103d580755f",
    "iTwinId": "ce54f773-67db-4b4f-a98b-368329107429",
    "executionInfo": {"createdDateTime": "2025-08-05T14:04:56Z"},
    "specifications": {
        "inputs": {"photos": "40a8142e-3277-4c65-922f-e1f3759b904b"},
        "outputs": {"objects2D": "f4cc6131-a9c8-4833-8d2a-cd0a11b8b778"},
    },
}


@contextmanager
def serve(app: Any) -> Iterator[str]:
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(500):  # bounded wait for startup
        if server.started:
            break
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture
def modeling(rendered: dict[str, RenderedServer]) -> Iterator[tuple[Any, str]]:
    app = mock_app(rendered["reality-modeling"], MockOptions(stateful=True, seed=7))
    with serve(app) as url:
        yield importlib.import_module("reality_modeling"), url


def _job(workspace: str, index: int) -> dict[str, Any]:
    return {
        "type": "Full",
        "name": f"job {index}",
        "workspaceId": workspace,
        "inputs": [{"id": str(uuid.uuid4()), "description": "photos"}],
        "settings": {"quality": "Draft", "outputs": ["OBJ", "3MX"]},
    }


def test_create_then_list_with_filter_across_pages(modeling: tuple[Any, str]) -> None:
    rm, url = modeling
    workspace = f"ws-{uuid.uuid4()}"
    with rm.Client(token="t", base_url=url) as client:
        created = [client.create_job(body=_job(workspace, i)).job for i in range(5)]
        assert {job.state.value for job in created} == {"unsubmitted"}
        assert len({job.id for job in created}) == 5
        first = client.list_jobs(filter=f"workspaceId eq '{workspace}'", top=2)
        pages = list(first.iter_pages())
        assert [len(p.items) for p in pages] == [2, 2, 1]
        assert [job.id for job in first] == [job.id for job in created]
        assert pages[-1].page.field_links is None
        # GUIDs unquoted, `in`, `and`, datetimes, nested ids (inputId → inputs[].id)
        picked = (
            f"id in ({created[1].id}, {created[3].id}) and createdDateTime gt 2024-06-24T13:00:00Z"
        )
        assert [j.id for j in client.list_jobs(filter=picked)] == [created[1].id, created[3].id]
        by_input = client.list_jobs(filter=f"inputId eq '{created[2].inputs[0].id}'")
        assert [j.id for j in by_input] == [created[2].id]
        output_id = created[4].job_settings.outputs[0].id
        assert [j.id for j in client.list_jobs(filter=f"outputId eq {output_id}")] == [
            created[4].id
        ]


async def test_async_client_creates_and_pages(modeling: tuple[Any, str]) -> None:
    rm, url = modeling
    workspace = f"ws-{uuid.uuid4()}"
    async with rm.AsyncClient(token="t", base_url=url) as client:
        ids = [(await client.create_job(body=_job(workspace, i))).job.id for i in range(3)]
        page = await client.list_jobs(filter=f"workspaceId eq '{workspace}' or name eq 'x'", top=1)
        assert page.has_next_page()
        assert [job.id async for job in page] == ids


def test_invalid_requests_get_the_spec_error_shape(modeling: tuple[Any, str]) -> None:
    rm, url = modeling
    with rm.Client(token="t", base_url=url, max_retries=0) as client:
        with pytest.raises(rm.UnprocessableEntityError) as top:
            client.list_jobs(top=0)
        assert top.value.code == "InvalidRealityModelingRequest"
        assert [d.target for d in top.value.details] == ["$top"]
        with pytest.raises(rm.UnprocessableEntityError) as bad_filter:
            client.list_jobs(filter="colour eq 'red'")
        assert "colour" in bad_filter.value.message
        with pytest.raises(rm.UnprocessableEntityError) as bad_token:
            client.list_jobs(continuation_token="not-a-token")
        assert [d.target for d in bad_token.value.details] == ["continuationToken"]
    with rm.Client(base_url=url, max_retries=0) as anonymous:
        with pytest.raises(rm.AuthenticationError) as unauthorized:
            anonymous.list_jobs()
        assert unauthorized.value.code == "HeaderNotFound"


def test_patch_follows_the_job_lifecycle(rendered: dict[str, RenderedServer]) -> None:
    rda = importlib.import_module("reality_data_analysis")
    app = mock_app(rendered["reality-data-analysis"], MockOptions(stateful=True))
    with serve(app) as url, rda.Client(token="t", base_url=url, max_retries=0) as client:
        settings = {
            "type": "segmentation2D",
            "settings": {"inputs": [{"name": "photos", "realityDataId": "r1"}], "outputs": []},
        }
        changed = client.patch_job(job_id=RDA_JOB, body=settings).job
        assert changed.type.value == "segmentation2D"
        assert (
            client.patch_job(job_id=RDA_JOB, body={"state": "active"}).job.state.value == "active"
        )
        with pytest.raises(rda.UnprocessableEntityError) as resubmit:
            client.patch_job(job_id=RDA_JOB, body={"state": "active"})
        assert [d.code for d in resubmit.value.details] == ["InvalidChange"]
        with pytest.raises(rda.UnprocessableEntityError):
            client.patch_job(job_id=RDA_JOB, body={"costEstimationParameters": {"gigaPixels": 3}})
        cancelled = client.patch_job(job_id=RDA_JOB, body={"state": "cancelled"}).job
        assert cancelled.state.value == "cancelled"
        with pytest.raises(rda.NotFoundError) as missing:
            client.patch_job(job_id=str(uuid.uuid4()), body={"state": "active"})
        assert missing.value.code == "JobNotFound"


def test_cancel_moves_a_job_to_terminating(rendered: dict[str, RenderedServer]) -> None:
    ra = importlib.import_module("reality_analysis")
    options = MockOptions(stateful=True, data=(QUEUED_JOB,))
    app = mock_app(rendered["reality-analysis"], options)
    with serve(app) as url, ra.Client(token="t", base_url=url, max_retries=0) as client:
        job = client.cancel_job(id=QUEUED_JOB["id"]).job
        assert job.state.value == "TerminatingOnCancel"
        with pytest.raises(ra.UnprocessableEntityError) as again:
            client.cancel_job(id=QUEUED_JOB["id"])
        assert [d.code for d in again.value.details] == ["InvalidChange"]
        with pytest.raises(ra.NotFoundError) as missing:
            client.cancel_job(id="no-such-job")
        assert missing.value.code == "JobNotFound"


def test_rate_limit_answers_429_and_the_client_retries(
    rendered: dict[str, RenderedServer],
) -> None:
    rm = importlib.import_module("reality_modeling")
    options = MockOptions(stateful=True, faults=Faults(rate_limit=1))
    seen: list[int] = []
    hooks = {"response": [lambda response: seen.append(response.status_code)]}
    with serve(mock_app(rendered["reality-modeling"], options)) as url:
        with rm.Client(token="t", base_url=url, max_retries=0) as strict:
            strict.list_jobs()
            with pytest.raises(rm.RateLimitError) as limited:
                strict.list_jobs()
            assert limited.value.retry_after is not None and limited.value.retry_after >= 1
            assert limited.value.code == "RateLimitExceeded"
        with (
            httpx.Client(event_hooks=hooks) as http,
            rm.Client(token="t", base_url=url, http_client=http) as patient,
        ):
            assert list(patient.list_jobs())  # retried after Retry-After, then served
    assert seen[0] == 429 and seen[-1] == 200
