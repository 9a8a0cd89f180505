"""Paging: next-link and cursor styles, sync and async, fetched lazily."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from generator.runtime import Pagination, PaginationError, SyncAPIClient
from generator.runtime._pagination import link_header_next, lookup_path
from tests.runtime.example_client import AsyncClient, Client, Job, JobPage, Run, RunPage
from tests.runtime.runtime_helpers import Script, Sleeps, json_response


def job(n: int) -> dict[str, Any]:
    return {"id": f"j{n}", "name": f"job {n}", "status": "done"}


def run(n: int) -> dict[str, Any]:
    return {"id": f"r{n}", "jobId": "j1", "exitCode": 0}


# Bentley-style: the next link repeats the caller's $filter without encoding its spaces.
NEXT_2 = (
    "https://jobs.example.com/v1/jobs?$filter=iTwinId eq 510cd1a7-7c3e-4a3b-9a1e-5b6e0f2c7d11"
    "&$top=2&continuationToken=Y29udGludWU+Lw=="
)
NEXT_3 = "/v1/jobs?$top=2&continuationToken=page%203"


def link_server(request: httpx.Request) -> httpx.Response:
    """Three pages of jobs, chosen by the continuation token the request carries."""
    token = request.url.params.get("continuationToken")
    if token is None:
        body = {"jobs": [job(1), job(2)], "_links": {"next": {"href": NEXT_2}}}
    elif token == "Y29udGludWU Lw==":
        body = {"jobs": [job(3), job(4)], "_links": {"next": {"href": NEXT_3}}}
    elif token == "page 3":
        body = {"jobs": [job(5)], "_links": {"next": None}}
    else:
        return json_response(400, {"error": {"code": "BadToken", "message": token}})
    return json_response(200, body)


def cursor_server(request: httpx.Request) -> httpx.Response:
    """Three pages of runs, chosen by the cursor query parameter."""
    bodies: dict[str | None, dict[str, Any]] = {
        None: {"items": [run(1), run(2)], "nextCursor": "c2"},
        "c2": {"items": [run(3)], "nextCursor": "c 3/+"},
        "c 3/+": {"items": [run(4)], "nextCursor": ""},
    }
    cursor = request.url.params.get("cursor")
    if cursor not in bodies:
        return json_response(400, {"error": {"code": "BadCursor", "message": str(cursor)}})
    return json_response(200, bodies[cursor])


def sync_client(script: Script) -> Client:
    return Client(http_client=script.sync_client(), token="tok", sleep=Sleeps())


def async_client(script: Script) -> AsyncClient:
    return AsyncClient(http_client=script.async_client(), token="tok", sleep=Sleeps().async_sleep)


def assert_next_link_requests(script: Script) -> None:
    first, second, third = script.requests[:3]
    assert first.url.params["$top"] == "2"
    # The server sees exactly the parameters it wrote into the link, spaces included.
    assert second.url.params["$filter"] == "iTwinId eq 510cd1a7-7c3e-4a3b-9a1e-5b6e0f2c7d11"
    assert second.url.params["$top"] == "2"
    assert b" " not in second.url.raw_path
    assert b"$filter=iTwinId%20eq%20510cd1a7" in second.url.raw_path
    assert b"continuationToken=Y29udGludWU+Lw==" in second.url.raw_path
    # A relative link resolves against the page it came from.
    assert str(third.url) == "https://jobs.example.com/v1/jobs?$top=2&continuationToken=page%203"
    assert third.url.params["continuationToken"] == "page 3"
    assert all(r.headers["authorization"] == "Bearer tok" for r in script.requests)


def test_next_link_three_pages_sync() -> None:
    script = Script([link_server])
    page = sync_client(script).list_jobs(top=2)
    assert len(script.requests) == 1  # nothing fetched before it is needed
    assert isinstance(page.page, JobPage)
    assert [j.id for j in page.items] == ["j1", "j2"]
    assert page.has_next_page()
    jobs = list(page)
    assert [j.id for j in jobs] == ["j1", "j2", "j3", "j4", "j5"]
    assert all(isinstance(j, Job) for j in jobs)
    assert_next_link_requests(script)


def test_iter_pages_and_next_page_sync() -> None:
    script = Script([link_server])
    first = sync_client(script).list_jobs(top=2)
    pages = list(first.iter_pages())
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert not pages[-1].has_next_page()
    with pytest.raises(PaginationError, match="no next page"):
        pages[-1].next_page()
    second = first.next_page()
    assert [j.id for j in second.items] == ["j3", "j4"]


async def test_next_link_three_pages_async() -> None:
    script = Script([link_server])
    page = await async_client(script).list_jobs(top=2)
    assert len(script.requests) == 1
    assert [j.id async for j in page] == ["j1", "j2", "j3", "j4", "j5"]
    assert_next_link_requests(script)
    sizes = [len(p.items) async for p in page.iter_pages()]
    assert sizes == [2, 2, 1]
    second = await page.next_page()
    assert [j.id for j in second.items] == ["j3", "j4"]


def assert_cursor_requests(script: Script) -> None:
    cursors = [r.url.params.get("cursor") for r in script.requests]
    assert cursors == [None, "c2", "c 3/+"]
    assert all(r.url.params["limit"] == "2" for r in script.requests)
    assert all(r.url.raw_path.startswith(b"/v1/jobs/j%201/runs?") for r in script.requests)


def test_cursor_three_pages_sync() -> None:
    script = Script([cursor_server])
    page = sync_client(script).list_runs(job_id="j 1", limit=2)
    assert isinstance(page.page, RunPage)
    assert page.page.next_cursor == "c2"
    runs = list(page)
    assert [r.id for r in runs] == ["r1", "r2", "r3", "r4"]
    assert all(isinstance(r, Run) for r in runs)
    assert_cursor_requests(script)


async def test_cursor_three_pages_async() -> None:
    script = Script([cursor_server])
    page = await async_client(script).list_runs(job_id="j 1", limit=2)
    assert [r.id async for r in page] == ["r1", "r2", "r3", "r4"]
    assert_cursor_requests(script)


def test_cursor_in_json_body_for_post_listing() -> None:
    script = Script(
        [
            json_response(200, {"items": [{"id": 1}], "nextCursor": "abc"}),
            json_response(200, {"items": [{"id": 2}]}),
        ]
    )
    client = SyncAPIClient(base_url="https://api.example.com", http_client=script.sync_client())
    pagination = Pagination(
        style="cursor", items="items", next="nextCursor", cursor_param="cursor", cursor_in="body"
    )
    page = client._request_page(
        "POST",
        "/assets/list",
        json_body={"filter": {"name": "pump"}, "limit": 1},
        item_type=dict[str, int],
        pagination=pagination,
    )
    assert [item["id"] for item in page] == [1, 2]
    assert [json.loads(r.content) for r in script.requests] == [
        {"filter": {"name": "pump"}, "limit": 1},
        {"filter": {"name": "pump"}, "limit": 1, "cursor": "abc"},
    ]
    assert page.page == {"items": [{"id": 1}], "nextCursor": "abc"}


def test_retries_apply_to_later_pages() -> None:
    script = Script(
        [
            json_response(200, {"items": [run(1)], "nextCursor": "c2"}),
            json_response(503, {}),
            json_response(200, {"items": [run(2)]}),
        ]
    )
    sleeps = Sleeps()
    client = Client(http_client=script.sync_client(), sleep=sleeps, rng=lambda: 0.0)
    assert [r.id for r in client.list_runs(job_id="j1")] == ["r1", "r2"]
    assert sleeps.delays == [0.5]


def test_next_link_to_another_origin_does_not_carry_the_token() -> None:
    script = Script(
        [
            json_response(
                200, {"jobs": [job(1)], "_links": {"next": {"href": "https://cdn.example.net/p2"}}}
            ),
            json_response(200, {"jobs": [job(2)]}),
        ]
    )
    assert [j.id for j in sync_client(script).list_jobs()] == ["j1", "j2"]
    assert script.requests[0].headers["authorization"] == "Bearer tok"
    assert "authorization" not in script.requests[1].headers


LINKS = Pagination(style="next-link", items="jobs", next="_links.next.href")


@pytest.mark.parametrize("marker", [None, "", "missing"])
def test_stops_when_next_is_missing_null_or_empty(marker: str | None) -> None:
    body: dict[str, Any] = {"jobs": [job(1)]}
    if marker != "missing":
        body["_links"] = {"next": {"href": marker}}
    script = Script([json_response(200, body)])
    client = SyncAPIClient(base_url="https://x", http_client=script.sync_client())
    page = client._request_page("GET", "/jobs", item_type=dict[str, Any], pagination=LINKS)
    assert not page.has_next_page()
    assert [j["id"] for j in page] == ["j1"]
    assert len(script.requests) == 1


def test_a_next_link_pointing_at_the_same_page_is_an_error_not_a_loop() -> None:
    same = "https://jobs.example.com/v1/jobs"
    script = Script([json_response(200, {"jobs": [job(1)], "_links": {"next": {"href": same}}})])
    with pytest.raises(PaginationError, match="points back"):
        list(sync_client(script).list_jobs())


def test_a_repeated_cursor_is_an_error_not_a_loop() -> None:
    script = Script([json_response(200, {"items": [run(1)], "nextCursor": "same"})])
    with pytest.raises(PaginationError, match="repeats"):
        list(sync_client(script).list_runs(job_id="j1"))
    assert len(script.requests) == 2


def test_missing_items_is_an_empty_page() -> None:
    script = Script([json_response(200, {"_links": {}})])
    client = SyncAPIClient(base_url="https://x", http_client=script.sync_client())
    page = client._request_page(
        "GET",
        "/things",
        item_type=int,
        pagination=Pagination(style="next-link", items="value", next="nextLink"),
    )
    assert page.items == []


def test_pagination_declaration_is_validated() -> None:
    with pytest.raises(ValueError, match="cursor_param"):
        Pagination(style="cursor", items="items", next="next")
    with pytest.raises(ValueError, match="style"):
        Pagination(style="seek", items="items", next="next")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="cursor_param"):
        Pagination(style="offset", items="items")
    with pytest.raises(ValueError, match="next path"):
        Pagination(style="has-more", items="data", cursor_param="starting_after")


def test_lookup_path() -> None:
    body = {"_links": {"next": {"href": "u"}}, "a": [1]}
    assert lookup_path(body, "_links.next.href") == "u"
    assert lookup_path(body, "_links.prev.href") is None
    assert lookup_path(body, "a.b") is None
    assert lookup_path(None, "a") is None


NUMBERS = [{"id": f"n{i}"} for i in range(5)]


def _numbers_client(handler: Any) -> tuple[SyncAPIClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        response: httpx.Response = handler(request)
        return response

    http = httpx.Client(transport=httpx.MockTransport(record))
    return SyncAPIClient(base_url="https://api.example.com", http_client=http), seen


def test_offset_pages_skip_what_was_read_and_stop_on_a_short_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", 0))
        limit = int(request.url.params.get("limit", 2))
        return json_response(200, {"data": NUMBERS[offset : offset + limit]})

    client, seen = _numbers_client(handler)
    pagination = Pagination(style="offset", items="data", cursor_param="offset", size_param="limit")
    page = client._request_page(
        "GET", "/n", query={"limit": 2}, item_type=dict[str, str], pagination=pagination
    )
    assert [n["id"] for n in page] == ["n0", "n1", "n2", "n3", "n4"]
    assert [r.url.params.get("offset") for r in seen] == [None, "2", "4"]


def test_offset_pages_without_a_size_stop_on_an_empty_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", 0))
        return json_response(200, {"data": NUMBERS[offset : offset + 3]})

    client, seen = _numbers_client(handler)
    pagination = Pagination(style="offset", items="data", cursor_param="offset", size_param="limit")
    assert len(list(client._request_page("GET", "/n", item_type=Any, pagination=pagination))) == 5
    assert [r.url.params.get("offset") for r in seen] == [None, "3", "5"]


def test_page_numbers_count_up_from_the_first_over_a_bare_array() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", 0))
        return json_response(200, NUMBERS[page * 2 : page * 2 + 2])

    client, seen = _numbers_client(handler)
    pagination = Pagination(style="page", items="", cursor_param="page", first_page=0)
    page = client._request_page(
        "GET", "/n", item_type=dict[str, str], page_type=list[dict[str, str]], pagination=pagination
    )
    assert page.items == NUMBERS[:2]
    assert [n["id"] for n in page] == ["n0", "n1", "n2", "n3", "n4"]
    assert [r.url.params.get("page") for r in seen] == [None, "1", "2", "3"]


def test_has_more_sends_the_last_items_id_and_stops_when_false() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("starting_after")
        start = next(i + 1 for i, n in enumerate(NUMBERS) if n["id"] == after) if after else 0
        chunk = NUMBERS[start : start + 2]
        return json_response(200, {"data": chunk, "has_more": start + 2 < len(NUMBERS)})

    client, seen = _numbers_client(handler)
    pagination = Pagination(
        style="has-more", items="data", next="has_more", cursor_param="starting_after"
    )
    page = client._request_page("GET", "/n", item_type=dict[str, str], pagination=pagination)
    assert [n["id"] for n in page] == ["n0", "n1", "n2", "n3", "n4"]
    assert [r.url.params.get("starting_after") for r in seen] == [None, "n1", "n3"]


def test_link_header_pages_follow_rel_next() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", 1))
        links = ['<https://api.example.com/n?page=1>; rel="first"']
        if page < 3:
            links.append(f'</n?page={page + 1}>; rel="next"')
        return httpx.Response(
            200, json=NUMBERS[(page - 1) * 2 : page * 2], headers={"Link": ", ".join(links)}
        )

    client, seen = _numbers_client(handler)
    pagination = Pagination(style="link-header", items="")
    page = client._request_page("GET", "/n", item_type=dict[str, str], pagination=pagination)
    assert [n["id"] for n in page] == ["n0", "n1", "n2", "n3", "n4"]
    assert [str(r.url) for r in seen][1:] == [
        "https://api.example.com/n?page=2",
        "https://api.example.com/n?page=3",
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            '<https://a/x?page=2>; rel="next", <https://a/x?page=9>; rel="last"',
            "https://a/x?page=2",
        ),
        ('<https://a/x?page=9>; rel="last", </x?page=2>; rel=next', "/x?page=2"),
        ('<https://a/x?page=1>; rel="prev first"', None),
        ("", None),
    ],
)
def test_link_header_next(header: str, expected: str | None) -> None:
    assert link_header_next(header) == expected


def test_a_paged_operation_with_a_form_body_sends_it_on_every_page() -> None:
    # Stripe declares an (empty) form body on its GET lists; once their paging was detected,
    # the generated call passed `content=` to `_request_page`, which took no body: a TypeError.
    script = Script([cursor_server])
    client = sync_client(script)
    page = client._request_page(
        "GET",
        "/jobs/{job_id}/runs",
        path_params={"job_id": "j 1"},
        query={"limit": 2},
        item_type=Run,
        page_type=RunPage,
        pagination=Pagination(
            style="cursor", items="items", next="nextCursor", cursor_param="cursor"
        ),
        content="expand=data",
        content_type="application/x-www-form-urlencoded",
    )
    assert [r.id for r in page] == ["r1", "r2", "r3", "r4"]
    assert all(r.content == b"expand=data" for r in script.requests)
    assert all(
        r.headers["content-type"] == "application/x-www-form-urlencoded" for r in script.requests
    )
