"""The request path: URL/query/body encoding, auth, retries, options, errors, raw responses."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from generator.runtime import (
    NOT_GIVEN,
    APIConnectionError,
    APIResponse,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncAPIClient,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RequestOptions,
    SyncAPIClient,
)
from tests.runtime.example_client import AsyncClient, Client, Job, JobCreate, JobStatus
from tests.runtime.runtime_helpers import FIXED_NOW, JOB, Script, Sleeps, json_response


def make_client(
    script: Script, sleeps: Sleeps | None = None, **kwargs: Any
) -> tuple[Client, Sleeps]:
    sleeps = sleeps or Sleeps()
    kwargs.setdefault("token", "tok")
    client = Client(
        http_client=script.sync_client(),
        sleep=sleeps,
        rng=lambda: 0.0,
        now=lambda: FIXED_NOW,
        **kwargs,
    )
    return client, sleeps


# -- encoding -------------------------------------------------------------------------------------


def test_get_builds_url_headers_and_parses_model() -> None:
    script = Script([json_response(200, JOB)])
    client, _ = make_client(script)
    job = client.get_job(job_id="team a/job#1")
    assert job == Job(id="j1", name="build", status=JobStatus.queued, tags=["a"])
    (request,) = script.requests
    assert request.method == "GET"
    assert request.url.raw_path == b"/v1/jobs/team%20a%2Fjob%231"
    assert request.url.host == "jobs.example.com"
    assert request.headers["authorization"] == "Bearer tok"
    assert request.headers["accept"] == "application/json"
    assert request.headers["user-agent"] == "jobs-client/1.0.0"


def test_json_body_drops_not_given_and_keeps_explicit_none() -> None:
    script = Script([json_response(201, JOB)])
    client, _ = make_client(script)
    client.create_job(
        name="build", description=None, run_at=datetime(2026, 5, 1, 8, 30, tzinfo=UTC)
    )
    (request,) = script.requests
    assert request.headers["content-type"] == "application/json"
    assert "idempotency-key" not in request.headers
    assert json.loads(request.content) == {
        "name": "build",
        "description": None,
        "runAt": "2026-05-01T08:30:00+00:00",
    }


def test_model_body_is_dumped_by_alias_with_only_set_fields() -> None:
    script = Script([json_response(200, JOB)])
    client, _ = make_client(script)
    client.update_job(job_id="j1", body=JobCreate(name="x", runAt=datetime(2026, 1, 2, tzinfo=UTC)))
    assert script.bodies() == [{"name": "x", "runAt": "2026-01-02T00:00:00Z"}]
    assert script.requests[0].method == "PUT"


def test_query_encoding() -> None:
    script = Script([json_response(200, {"jobs": []})])
    client, _ = make_client(script)
    client.list_jobs(
        status=JobStatus.done,
        tags=["a b", "c&d"],
        created_after=datetime(2026, 1, 1, tzinfo=UTC),
        top=5,
    )
    params = script.requests[0].url.params
    assert params.get_list("status") == ["done"]
    assert params.get_list("tag") == ["a b", "c&d"]
    assert params.get_list("createdAfter") == ["2026-01-01T00:00:00+00:00"]
    assert params.get_list("$top") == ["5"]


def test_query_drops_none_and_not_given_and_writes_bools_lowercase() -> None:
    script = Script([json_response(200, {})])
    client, _ = make_client(script)
    client._request(
        "GET",
        "/search",
        query={"a": None, "b": NOT_GIVEN, "c": True, "d": False, "e": [1, None, 2], "f": 0},
    )
    assert list(script.requests[0].url.params.multi_items()) == [
        ("c", "true"),
        ("d", "false"),
        ("e", "1"),
        ("e", "2"),
        ("f", "0"),
    ]


def test_missing_path_parameter_is_a_clear_error() -> None:
    client, _ = make_client(Script([json_response(200, {})]))
    with pytest.raises(ValueError, match="'job_id'"):
        client._request("GET", "/jobs/{job_id}", path_params={})


def test_delete_returns_none_for_204() -> None:
    script = Script([httpx.Response(204)])
    client, _ = make_client(script)
    client.delete_job(job_id="j1")
    assert script.requests[0].method == "DELETE"


@pytest.mark.parametrize(
    ("status", "response_types", "expected"),
    [
        (200, {200: Job}, Job(id="j1", name="build", status=JobStatus.queued, tags=["a"])),
        (202, {"2XX": Job}, Job(id="j1", name="build", status=JobStatus.queued, tags=["a"])),
        (201, {"201": dict[str, Any]}, JOB),
        (200, {"default": dict[str, Any]}, JOB),
        (200, {}, JOB),
        (200, {200: None}, None),
        (200, {200: bytes}, json.dumps(JOB).encode()),
    ],
)
def test_response_type_is_chosen_by_status(
    status: int, response_types: dict[int | str, Any], expected: object
) -> None:
    script = Script([httpx.Response(status, content=json.dumps(JOB).encode())])
    client, _ = make_client(script)
    assert client._request("GET", "/x", response_types=response_types) == expected


def test_body_not_matching_the_schema_raises_validation_error() -> None:
    script = Script([json_response(200, {"id": "j1"})])
    client, _ = make_client(script)
    with pytest.raises(APIResponseValidationError, match="does not match the declared Job"):
        client.get_job(job_id="j1")


def test_text_response_for_str_type() -> None:
    script = Script([httpx.Response(200, text="plain", headers={"content-type": "text/plain"})])
    client, _ = make_client(script)
    assert client._request("GET", "/x", response_types={200: str}) == "plain"


# -- retries --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "status", "expected_attempts"),
    [
        ("GET", 500, 3),
        ("GET", 503, 3),
        ("PUT", 502, 3),
        ("DELETE", 504, 3),
        ("GET", 408, 3),
        ("GET", 429, 3),
        ("POST", 429, 3),
        ("PATCH", 408, 3),
        ("POST", 500, 1),
        ("PATCH", 503, 1),
        ("GET", 404, 1),
        ("GET", 400, 1),
        ("POST", 409, 1),
    ],
)
def test_attempts_per_status_and_method(method: str, status: int, expected_attempts: int) -> None:
    script = Script([json_response(status, {"message": "nope"})])
    client, sleeps = make_client(script)
    with pytest.raises(APIStatusError) as caught:
        client._request(method, "/x")
    assert caught.value.status_code == status
    assert len(script.requests) == expected_attempts
    assert len(sleeps.delays) == expected_attempts - 1


def test_retry_then_success_uses_backoff_without_really_sleeping() -> None:
    script = Script([json_response(503, {}), json_response(502, {}), json_response(200, JOB)])
    client, sleeps = make_client(script)
    assert client.get_job(job_id="j1").id == "j1"
    assert sleeps.delays == [0.5, 1.0]


def test_post_not_retried_on_500_by_default_but_retried_when_opted_in() -> None:
    script = Script([json_response(500, {}), json_response(201, JOB)])
    client, _ = make_client(script)
    with pytest.raises(InternalServerError):
        client.create_job(name="x")
    assert len(script.requests) == 1

    script = Script([json_response(500, {}), json_response(201, JOB)])
    client, sleeps = make_client(script)
    job = client.create_job(name="x", options=RequestOptions(idempotent=True))
    assert job.id == "j1"
    assert len(script.requests) == 2
    assert script.bodies()[0] == script.bodies()[1] == {"name": "x"}
    assert sleeps.delays == [0.5]


def test_post_marked_idempotent_by_the_spec_is_retried() -> None:
    script = Script([json_response(503, {}), json_response(200, JOB)])
    client, _ = make_client(script)
    client.cancel_job(job_id="j1")
    assert [r.method for r in script.requests] == ["POST", "POST"]


def test_429_waits_for_retry_after() -> None:
    script = Script(
        [
            json_response(429, {}, headers={"Retry-After": "7"}),
            json_response(429, {}, headers={"Retry-After": "Thu, 01 Jan 2026 12:00:03 GMT"}),
            json_response(201, JOB),
        ]
    )
    client, sleeps = make_client(script)
    client.create_job(name="x")
    assert sleeps.delays == [7.0, 3.0]
    assert len(script.requests) == 3


def test_429_with_too_long_retry_after_is_raised_at_once() -> None:
    script = Script([json_response(429, {"message": "quota"}, headers={"Retry-After": "120"})])
    client, sleeps = make_client(script)
    with pytest.raises(RateLimitError) as caught:
        client.get_job(job_id="j1")
    assert caught.value.retry_after == 120.0
    assert caught.value.message == "quota"
    assert sleeps.delays == []
    assert len(script.requests) == 1


def test_max_retries_zero_and_per_call_override() -> None:
    script = Script([json_response(503, {})])
    client, _ = make_client(script, max_retries=0)
    with pytest.raises(InternalServerError):
        client.get_job(job_id="j1")
    assert len(script.requests) == 1
    with pytest.raises(InternalServerError):
        client.get_job(job_id="j1", options=RequestOptions(max_retries=4))
    assert len(script.requests) == 1 + 5


def test_connection_errors_are_retried_then_raised() -> None:
    refused = httpx.ConnectError("connection refused")
    script = Script([refused])
    client, sleeps = make_client(script)
    with pytest.raises(APIConnectionError, match="ConnectError") as caught:
        client.create_job(name="x")  # never reached the server: safe even for POST
    assert not isinstance(caught.value, APITimeoutError)
    assert len(script.requests) == 3
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_read_timeout_raises_timeout_error_and_post_is_not_replayed() -> None:
    script = Script([httpx.ReadTimeout("slow")])
    client, _ = make_client(script)
    with pytest.raises(APITimeoutError):
        client.get_job(job_id="j1")
    assert len(script.requests) == 3

    script = Script([httpx.ReadTimeout("slow")])
    client, _ = make_client(script)
    with pytest.raises(APITimeoutError):
        client.create_job(name="x")
    assert len(script.requests) == 1


def test_dropped_connection_then_success() -> None:
    script = Script([httpx.RemoteProtocolError("peer closed"), json_response(200, JOB)])
    client, _ = make_client(script)
    assert client.get_job(job_id="j1").id == "j1"


# -- auth -----------------------------------------------------------------------------------------


def test_token_callable_is_called_once_per_attempt() -> None:
    calls: list[int] = []

    def token() -> str:
        calls.append(1)
        return f"t{len(calls)}"

    script = Script([json_response(503, {}), json_response(503, {}), json_response(200, JOB)])
    client, _ = make_client(script, token=token)
    client.get_job(job_id="j1")
    assert len(calls) == 3
    assert [r.headers["authorization"] for r in script.requests] == [
        "Bearer t1",
        "Bearer t2",
        "Bearer t3",
    ]
    client.get_job(job_id="j1")
    assert len(calls) == 4


def test_no_token_sends_no_authorization_and_explicit_header_wins() -> None:
    script = Script([json_response(200, JOB)])
    client, _ = make_client(script, token=None)
    client.get_job(job_id="j1")
    assert "authorization" not in script.requests[0].headers

    client, _ = make_client(script, token="tok")
    client.get_job(job_id="j1", options=RequestOptions(extra_headers={"Authorization": "Basic x"}))
    assert script.requests[1].headers["authorization"] == "Basic x"


def test_token_already_carrying_a_scheme_is_sent_as_is() -> None:
    script = Script([json_response(200, JOB)])
    client, _ = make_client(script, token="Bearer eyJ.abc")
    client.get_job(job_id="j1")
    assert script.requests[0].headers["authorization"] == "Bearer eyJ.abc"


# -- options ---------------------------------------------------------------------------------------


def test_extra_headers_query_and_timeout_per_call() -> None:
    script = Script([json_response(200, JOB)])
    client, _ = make_client(script, default_headers={"X-Tenant": "t1", "X-Trace": "on"})
    client.get_job(
        job_id="j1",
        options=RequestOptions(
            extra_headers={"x-tenant": "t2", "X-Trace": None, "X-New": "1"},  # type: ignore[dict-item]
            extra_query={"api-version": "2024-01-01"},
            timeout=httpx.Timeout(3.0, connect=1.0),
        ),
    )
    client.get_job(job_id="j2", options=RequestOptions(timeout=None))
    client.get_job(job_id="j3")
    first, second, third = script.requests
    assert first.headers["x-tenant"] == "t2"
    assert "x-trace" not in first.headers
    assert first.headers["x-new"] == "1"
    assert first.url.params["api-version"] == "2024-01-01"
    assert first.extensions["timeout"] == {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0}
    assert second.extensions["timeout"] == {
        "connect": None,
        "read": None,
        "write": None,
        "pool": None,
    }
    assert third.extensions["timeout"]["read"] == 60.0
    assert third.headers["x-trace"] == "on"
    assert "api-version" not in third.url.params


def test_with_options_copies_settings_and_shares_the_pool() -> None:
    script = Script([json_response(503, {}), json_response(200, JOB)])
    client, sleeps = make_client(script, default_query={"tenant": "a"})
    patient = client.with_options(
        max_retries=5, timeout=5.0, default_headers={"X-Extra": "1"}, token="other"
    )
    assert isinstance(patient, Client)
    assert patient.http_client is client.http_client
    assert (patient.max_retries, patient.timeout) == (5, 5.0)
    assert (client.max_retries, client.timeout) == (2, 60.0)
    patient.get_job(job_id="j1")
    request = script.requests[-1]
    assert request.headers["x-extra"] == "1"
    assert request.headers["authorization"] == "Bearer other"
    assert request.url.params["tenant"] == "a"
    assert request.extensions["timeout"]["read"] == 5.0

    no_retry = client.with_options(max_retries=0, base_url="https://other.example.com/api/")
    script.replies = [json_response(503, {})]
    count = len(script.requests)
    with pytest.raises(InternalServerError):
        no_retry.get_job(job_id="j1")
    assert len(script.requests) == count + 1
    assert str(script.requests[-1].url) == "https://other.example.com/api/jobs/j1?tenant=a"
    assert "x-extra" not in script.requests[-1].headers


def test_closing_a_copy_or_a_borrowed_pool_leaves_it_open() -> None:
    script = Script([json_response(200, JOB)])
    borrowed = script.sync_client()
    with Client(http_client=borrowed) as client:
        with client.with_options(max_retries=0) as copy:
            copy.get_job(job_id="j1")
    assert not borrowed.is_closed

    owned = Client()
    copy = owned.with_options(timeout=1.0)
    pool = owned.http_client
    copy.close()
    assert not pool.is_closed
    owned.close()
    assert pool.is_closed


def test_base_url_is_required_without_a_default() -> None:
    with pytest.raises(ValueError, match="base_url"):
        SyncAPIClient()
    with pytest.raises(ValueError, match="absolute"):
        SyncAPIClient(base_url="jobs.example.com")
    with pytest.raises(ValueError, match="max_retries"):
        SyncAPIClient(base_url="https://x", max_retries=-1)


def test_base_url_path_and_trailing_slash() -> None:
    script = Script([json_response(200, JOB)])
    for base in ("https://api.example.com/v1/", "https://api.example.com/v1"):
        client = SyncAPIClient(base_url=base, http_client=script.sync_client())
        client._request("GET", "/jobs/{id}", path_params={"id": 7})
    assert [str(r.url) for r in script.requests] == ["https://api.example.com/v1/jobs/7"] * 2

    client = SyncAPIClient(
        base_url="https://api.example.com/v1?api-version=2", http_client=script.sync_client()
    )
    client._request("GET", "/jobs", query={"top": 1})
    assert str(script.requests[-1].url) == "https://api.example.com/v1/jobs?api-version=2&top=1"


# -- raw responses --------------------------------------------------------------------------------


def test_raw_response_exposes_status_headers_and_parse() -> None:
    script = Script([json_response(200, JOB, headers={"X-Request-Id": "r-1"})])
    client, _ = make_client(script)
    raw = client.with_raw_response.get_job(job_id="j1")
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "r-1"
    assert isinstance(raw.http_response, httpx.Response)
    job = raw.parse()
    assert job.name == "build"
    assert raw.parse() is job


def test_raw_response_still_raises_for_errors() -> None:
    script = Script([json_response(404, {"error": {"code": "JobNotFound", "message": "gone"}})])
    client, _ = make_client(script)
    with pytest.raises(NotFoundError) as caught:
        client.with_raw_response.get_job(job_id="j1")
    assert caught.value.code == "JobNotFound"


# -- async ----------------------------------------------------------------------------------------


def make_async_client(script: Script, sleeps: Sleeps, **kwargs: Any) -> AsyncClient:
    kwargs.setdefault("token", "tok")
    return AsyncClient(
        http_client=script.async_client(),
        sleep=sleeps.async_sleep,
        rng=lambda: 0.0,
        now=lambda: FIXED_NOW,
        **kwargs,
    )


async def test_async_request_with_retry_and_async_token() -> None:
    calls: list[int] = []

    async def token() -> str:
        calls.append(1)
        return "async-tok"

    script = Script([json_response(429, {}, headers={"Retry-After": "2"}), json_response(200, JOB)])
    sleeps = Sleeps()
    async with make_async_client(script, sleeps, token=token) as client:
        job = await client.get_job(job_id="a/b")
        raw = await client.with_raw_response.get_job(job_id="j1")
    assert job.id == "j1"
    assert raw.parse().id == "j1"
    assert sleeps.delays == [2.0]
    assert len(calls) == 3
    assert script.requests[0].url.raw_path == b"/v1/jobs/a%2Fb"
    assert script.requests[0].headers["authorization"] == "Bearer async-tok"


async def test_async_sync_token_callable_and_post_not_retried() -> None:
    script = Script([json_response(500, {"error": {"code": "Boom", "message": "x"}})])
    sleeps = Sleeps()
    client = make_async_client(script, sleeps, token=lambda: "sync-tok")
    with pytest.raises(InternalServerError) as caught:
        await client.create_job(name="x")
    assert caught.value.code == "Boom"
    assert len(script.requests) == 1
    assert script.requests[0].headers["authorization"] == "Bearer sync-tok"


async def test_async_timeout_error() -> None:
    script = Script([httpx.ConnectTimeout("slow")])
    sleeps = Sleeps()
    client = make_async_client(script, sleeps, max_retries=1)
    with pytest.raises(APITimeoutError):
        await client.get_job(job_id="j1")
    assert len(script.requests) == 2
    assert sleeps.delays == [0.5]


async def test_async_with_options_and_close() -> None:
    script = Script([json_response(200, JOB)])
    borrowed = script.async_client()
    client = AsyncAPIClient(base_url="https://x/api", http_client=borrowed)
    copy = client.with_options(default_headers={"X-A": "1"})
    await copy._request("GET", "/ping")
    await client.aclose()
    assert not borrowed.is_closed
    assert script.requests[0].headers["x-a"] == "1"
    await borrowed.aclose()


def test_request_options_validates_max_retries() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RequestOptions(max_retries=-1)


def test_form_and_multipart_bodies_survive_retries() -> None:
    script = Script([json_response(503, {}), json_response(200, {})])
    client, _ = make_client(script)
    client._request(
        "PUT",
        "/form",
        form={"name": "x y", "flags": [True, False], "skip": None, "n": 3},
    )
    first, second = script.requests
    assert first.headers["content-type"] == "application/x-www-form-urlencoded"
    assert first.content == second.content == b"name=x+y&flags=true&flags=false&n=3"

    script = Script([json_response(503, {}), json_response(200, {})])
    client, _ = make_client(script)
    client._request(
        "PUT",
        "/upload",
        form={"kind": "report"},
        files={"file": ("report.csv", b"a,b\n1,2\n", "text/csv")},
    )
    first, second = script.requests
    assert first.headers["content-type"].startswith("multipart/form-data; boundary=")
    for request in (first, second):
        assert b'name="kind"\r\n\r\nreport' in request.content
        assert b'filename="report.csv"' in request.content
        assert b"a,b\n1,2\n" in request.content


def test_two_bodies_are_rejected() -> None:
    client, _ = make_client(Script([json_response(200, {})]))
    with pytest.raises(ValueError, match="one body"):
        client._request("POST", "/x", json_body={"a": 1}, content=b"raw")


def test_raw_content_body_with_declared_content_type() -> None:
    script = Script([json_response(200, {})])
    client, _ = make_client(script)
    client._request(
        "PUT", "/blob", content="héllo", headers={"Content-Type": "text/plain; charset=utf-8"}
    )
    request = script.requests[0]
    assert request.content == "héllo".encode()
    assert request.headers["content-type"] == "text/plain; charset=utf-8"


def test_raw_response_for_paged_and_empty_operations() -> None:
    page_body = {"jobs": [JOB], "_links": {"next": {"href": "/v1/jobs?page=2"}}}
    script = Script([json_response(200, page_body), httpx.Response(204)])
    client, _ = make_client(script)
    raw_page = client.with_raw_response.list_jobs(status=JobStatus.running)
    assert raw_page.parse().jobs[0].id == "j1"
    assert raw_page.parse().links is not None
    assert script.requests[0].url.params["status"] == "running"
    raw_delete = client.with_raw_response.delete_job(job_id="j1")
    assert raw_delete.status_code == 204
    assert raw_delete.parse() is None
    assert "204" in repr(raw_delete)
