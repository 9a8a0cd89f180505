"""Responses are parsed leniently and requests strictly, whichever fast path a response takes:
small or large bodies, single responses or pages; plus the per-call shortcuts behaving like the
slow paths they replace (shared options, remembered URLs)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import httpx
import pydantic
import pytest
from pydantic import ConfigDict, Field

from generator.runtime import (
    APIResponseValidationError,
    OpenEnum,
    Pagination,
    RequestOptions,
    SpecModel,
    SyncAPIClient,
    merge_options,
)
from generator.runtime._response import GC_PAUSE_MIN_BYTES
from tests.runtime.runtime_helpers import Script, json_response


class State(OpenEnum):
    queued = "queued"
    done = "done"


class Task(SpecModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    state: State
    note: str = ""


class TaskPage(SpecModel):
    model_config = ConfigDict(extra="forbid")
    tasks: list[Task] | None = None
    next_link: str | None = Field(None, alias="nextLink")


PAGES = Pagination(style="next-link", items="tasks", next="nextLink")

# A state and a field this client's spec does not know yet, as a newer server sends them.
NEWER_TASK = {"id": "t1", "state": "paused", "owner": "ana"}


def big_page(*, next_link: str | None = None) -> dict[str, Any]:
    """A page large enough to be parsed with the garbage collector paused."""
    count = GC_PAUSE_MIN_BYTES // 40 + 1
    tasks = [{**NEWER_TASK, "id": f"t{n}"} for n in range(count)]
    return {"tasks": tasks, "nextLink": next_link}


def client_for(script: Script) -> SyncAPIClient:
    return SyncAPIClient(base_url="https://api.example.com/v1", http_client=script.sync_client())


@pytest.fixture
def gc_enabled() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def assert_newer_task_kept(task: Task) -> None:
    assert task.state == "paused" and isinstance(task.state, State)
    assert task.model_extra == {"owner": "ana"}


def assert_requests_still_strict() -> None:
    with pytest.raises(pydantic.ValidationError):
        Task(id="t1", state="paused")  # type: ignore[arg-type]
    with pytest.raises(pydantic.ValidationError):
        Task.model_validate({"id": "t1", "state": "done", "owner": "ana"})


@pytest.mark.parametrize("size", ["small", "large"])
def test_a_response_keeps_unknown_values_and_requests_stay_strict(
    size: str, gc_enabled: None
) -> None:
    body = big_page() if size == "large" else {"tasks": [NEWER_TASK]}
    script = Script([json_response(200, body)])
    page = client_for(script)._request("GET", "/tasks", response_types={200: TaskPage})
    assert isinstance(page, TaskPage) and page.tasks
    assert_newer_task_kept(page.tasks[0])
    assert_requests_still_strict()
    assert gc.isenabled()


def test_a_page_keeps_unknown_values_and_still_finds_the_next_one(gc_enabled: None) -> None:
    script = Script(
        [
            json_response(200, big_page(next_link="/v1/tasks?page=2")),
            json_response(200, {"tasks": [{"id": "last", "state": "done"}]}),
        ]
    )
    first = client_for(script)._request_page(
        "GET", "/tasks", item_type=Task, page_type=TaskPage, pagination=PAGES
    )
    assert_newer_task_kept(first.items[0])
    assert first.has_next_page()
    tasks = list(first)
    assert tasks[-1].id == "last" and tasks[-1].state is State.done
    assert str(script.requests[1].url) == "https://api.example.com/v1/tasks?page=2"
    assert_requests_still_strict()
    assert gc.isenabled()


def test_a_large_body_leaves_a_disabled_collector_disabled() -> None:
    script = Script([json_response(200, big_page())])
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        client_for(script)._request("GET", "/tasks", response_types={200: TaskPage})
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


def test_a_large_body_that_fails_validation_reenables_the_collector(gc_enabled: None) -> None:
    body = big_page()
    body["tasks"][-1] = {"id": "broken"}  # no state
    script = Script([json_response(200, body)])
    with pytest.raises(APIResponseValidationError, match="does not match the declared TaskPage"):
        client_for(script)._request("GET", "/tasks", response_types={200: TaskPage})
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (httpx.Response(200, content=b"<html>busy</html>"), "page that is not JSON"),
        (json_response(200, {"tasks": [{"id": "t1"}]}), "page that does not match"),
    ],
)
def test_a_bad_page_is_reported_as_before(reply: httpx.Response, message: str) -> None:
    client = client_for(Script([reply]))
    with pytest.raises(APIResponseValidationError, match=message) as raised:
        client._request_page("GET", "/tasks", item_type=Task, page_type=TaskPage, pagination=PAGES)
    assert raised.value.body in ("<html>busy</html>", {"tasks": [{"id": "t1"}]})


def test_options_without_per_call_keywords_are_used_as_given() -> None:
    options = RequestOptions(timeout=5.0, extra_headers={"X-A": "1"})
    assert merge_options(options) is options
    assert merge_options(None) == RequestOptions()
    merged = merge_options(options, timeout=1.0, extra_headers={"X-B": "2"}, extra_query={"q": 1})
    assert merged == RequestOptions(
        timeout=1.0, extra_headers={"X-A": "1", "X-B": "2"}, extra_query={"q": 1}
    )


def test_many_distinct_urls_each_reach_their_own_path() -> None:
    # More distinct URLs than the client remembers parsed: every request still goes where asked.
    script = Script([json_response(200, {})])
    client = client_for(script)
    ids = [f"id {n}/x" for n in range(300)] + ["id 0/x", "id 299/x"]
    for task_id in ids:
        client._request("GET", "/tasks/{id}", path_params={"id": task_id}, query={"n": task_id})
    paths = [request.url.raw_path for request in script.requests]
    assert paths[0] == b"/v1/tasks/id%200%2Fx?n=id%200/x"
    assert paths[-1] == b"/v1/tasks/id%20299%2Fx?n=id%20299/x"
    assert len(set(paths)) == 300 and paths[-2] == paths[0]


def test_timeouts_follow_the_client_settings_between_calls() -> None:
    script = Script([json_response(200, {})])
    client = client_for(script)
    client._request("GET", "/a")
    client.timeout = 5.0
    client._request("GET", "/a")
    quick = client.with_options(timeout=httpx.Timeout(1.0, connect=2.0))
    quick._request("GET", "/a")
    client._request("GET", "/a", options=RequestOptions(timeout=None))
    client._request("GET", "/a")
    timeouts = [request.extensions["timeout"] for request in script.requests]
    assert [t["read"] for t in timeouts] == [60.0, 5.0, 1.0, None, 5.0]
    assert timeouts[2]["connect"] == 2.0
