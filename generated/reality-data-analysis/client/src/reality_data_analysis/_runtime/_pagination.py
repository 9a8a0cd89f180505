# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Paged responses: the pagination style of each operation and lazily fetched page objects.

Two styles are supported, declared per operation by the spec:

* ``next-link``: the response holds the URL of the next page (absolute or relative), which is
  requested as-is with GET, query string included;
* ``cursor``: the response holds an opaque cursor, sent back in ``cursor_param`` together with
  the original request's parameters (in the query string, or in the JSON body for APIs that
  page with POST).

Paging stops when the next link or cursor is missing, null or empty.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

import httpx

from ._encoding import encode_scalar
from ._errors import PaginationError
from ._types import PreparedRequest

__all__ = [
    "AsyncPage",
    "AsyncPager",
    "Pagination",
    "SyncPage",
    "lookup_path",
    "next_page_request",
]

ItemT = TypeVar("ItemT")


@dataclass(frozen=True)
class Pagination:
    """How an operation pages.

    ``items`` and ``next`` are dotted paths into the JSON response body, e.g. ``"items"`` and
    ``"_links.next.href"`` (next-link) or ``"nextCursor"`` (cursor).
    """

    style: Literal["next-link", "cursor"]
    items: str
    next: str
    cursor_param: str | None = None
    cursor_in: Literal["query", "body"] = "query"

    def __post_init__(self) -> None:
        if self.style not in ("next-link", "cursor"):
            raise ValueError(f"unknown pagination style {self.style!r}")
        if self.style == "cursor" and not self.cursor_param:
            raise ValueError("cursor pagination needs cursor_param (where to send the cursor)")
        if not self.items or not self.next:
            raise ValueError("pagination needs both an items path and a next path")


def lookup_path(body: object, dotted: str) -> object:
    """The value at ``a.b.c`` in nested JSON objects, or ``None`` if any step is missing."""
    current = body
    for key in dotted.split("."):
        if not isinstance(current, Mapping) or key not in current:
            return None
        current = current[key]
    return current


def _same_origin(a: httpx.URL, b: httpx.URL) -> bool:
    return (a.scheme, a.host, a.port) == (b.scheme, b.host, b.port)


def next_page_request(
    pagination: Pagination,
    body: object,
    current: PreparedRequest,
    response_url: httpx.URL,
) -> PreparedRequest | None:
    """The request for the page after ``body``, or ``None`` on the last page."""
    marker = lookup_path(body, pagination.next)
    if marker is None or marker == "":
        return None
    if pagination.style == "next-link":
        if not isinstance(marker, str):
            raise PaginationError(
                f"next link at {pagination.next!r} is {type(marker).__name__}, expected a URL"
            )
        # httpx.URL percent-encodes characters the server left raw (e.g. spaces in $filter)
        # and keeps existing escapes, so the server receives the parameters it wrote.
        url = response_url.join(marker)
        if url == current.url:
            raise PaginationError(f"next link {marker!r} points back at the page just read")
        return dataclasses.replace(
            current,
            method="GET",
            url=url,
            json_body=None,
            content=None,
            send_auth=current.send_auth and _same_origin(url, current.url),
        )
    assert pagination.cursor_param is not None  # checked in Pagination.__post_init__
    cursor = encode_scalar(marker)
    if pagination.cursor_in == "body":
        if not isinstance(current.json_body, Mapping):
            raise PaginationError(
                f"cursor pagination in the body needs a JSON object body, "
                f"got {type(current.json_body).__name__}"
            )
        if current.json_body.get(pagination.cursor_param) == cursor:
            raise PaginationError(f"cursor {cursor!r} repeats the page just read")
        return dataclasses.replace(
            current, json_body={**current.json_body, pagination.cursor_param: cursor}
        )
    if current.url.params.get(pagination.cursor_param) == cursor:
        raise PaginationError(f"cursor {cursor!r} repeats the page just read")
    return dataclasses.replace(
        current, url=current.url.copy_set_param(pagination.cursor_param, cursor)
    )


class NextPage:
    """Where the following page is: looked up, and its request built, on first use.

    The marker is read from the decoded JSON body, which a page parsed straight from bytes
    into its model never needed otherwise; callers that never go on (a single `list_jobs`
    call) pay neither for decoding the body again nor for parsing the next link.
    """

    def __init__(
        self,
        pagination: Pagination,
        body: Callable[[], object],
        current: PreparedRequest,
        url: httpx.URL,
    ) -> None:
        self._pagination = pagination
        self._body = body
        self._current = current
        self._url = url
        self._decoded: tuple[object] | None = None
        self._request: tuple[PreparedRequest | None] | None = None

    def _decoded_body(self) -> object:
        if self._decoded is None:
            try:
                self._decoded = (self._body(),)
            except ValueError as exc:
                raise PaginationError(
                    f"the page from {self._current.url} is not JSON, so it names no next page"
                ) from exc
        return self._decoded[0]

    @property
    def exists(self) -> bool:
        marker = lookup_path(self._decoded_body(), self._pagination.next)
        return marker is not None and marker != ""

    def request(self) -> PreparedRequest | None:
        if self._request is None:
            self._request = (
                next_page_request(self._pagination, self._decoded_body(), self._current, self._url),
            )
        return self._request[0]


def _has_next(following: NextPage | PreparedRequest | None) -> bool:
    return following.exists if isinstance(following, NextPage) else following is not None


def _next_request(following: NextPage | PreparedRequest | None) -> PreparedRequest:
    request = following.request() if isinstance(following, NextPage) else following
    if request is None:
        raise PaginationError("there is no next page; check has_next_page() first")
    return request


class SyncPage(Generic[ItemT]):
    """One page of results; iterating it yields every item of this and all following pages.

    Following pages are fetched while iterating, never up front; iterating twice fetches them
    twice (nothing is cached, so long listings do not pile up in memory).

    ``page`` is the whole parsed response (the declared page model, or the JSON body when no
    model is declared), ``items`` this page's items, ``http_response`` the raw response.
    """

    def __init__(
        self,
        *,
        page: Any,
        items: list[ItemT],
        http_response: httpx.Response,
        next_request: NextPage | PreparedRequest | None,
        fetch: Callable[[PreparedRequest], SyncPage[ItemT]],
    ) -> None:
        self.page = page
        self.items = items
        self.http_response = http_response
        self._next = next_request
        self._fetch = fetch

    def has_next_page(self) -> bool:
        return _has_next(self._next)

    def next_page(self) -> SyncPage[ItemT]:
        """Fetch the following page; raises ``PaginationError`` on the last page."""
        return self._fetch(_next_request(self._next))

    def iter_pages(self) -> Iterator[SyncPage[ItemT]]:
        """This page, then each following page, fetched only when reached."""
        page = self
        yield page
        while page.has_next_page():
            page = page.next_page()
            yield page

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            yield from page.items

    def __repr__(self) -> str:
        more = ", more" if self.has_next_page() else ""
        return f"<{type(self).__name__} {len(self.items)} items{more}>"


class AsyncPage(Generic[ItemT]):
    """Async counterpart of ``SyncPage``: ``async for item in page`` walks all pages."""

    def __init__(
        self,
        *,
        page: Any,
        items: list[ItemT],
        http_response: httpx.Response,
        next_request: NextPage | PreparedRequest | None,
        fetch: Callable[[PreparedRequest], Awaitable[AsyncPage[ItemT]]],
    ) -> None:
        self.page = page
        self.items = items
        self.http_response = http_response
        self._next = next_request
        self._fetch = fetch

    def has_next_page(self) -> bool:
        return _has_next(self._next)

    async def next_page(self) -> AsyncPage[ItemT]:
        """Fetch the following page; raises ``PaginationError`` on the last page."""
        return await self._fetch(_next_request(self._next))

    async def iter_pages(self) -> AsyncIterator[AsyncPage[ItemT]]:
        """This page, then each following page, fetched only when reached."""
        page = self
        yield page
        while page.has_next_page():
            page = await page.next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    def __repr__(self) -> str:
        more = ", more" if self.has_next_page() else ""
        return f"<{type(self).__name__} {len(self.items)} items{more}>"


class AsyncPager(Generic[ItemT]):
    """What an async paged operation returns: ``await`` it for the first ``AsyncPage``, or
    ``async for`` over it directly for every item of every page (as openai-python's pages)."""

    def __init__(self, first: Awaitable[AsyncPage[ItemT]]) -> None:
        self._first = first
        self._page: AsyncPage[ItemT] | None = None

    async def _first_page(self) -> AsyncPage[ItemT]:
        # A coroutine can be awaited once: the page is kept for a second await.
        if self._page is None:
            self._page = await self._first
        return self._page

    def __await__(self) -> Generator[Any, None, AsyncPage[ItemT]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        page = await self._first_page()
        async for item in page:
            yield item

    def __repr__(self) -> str:
        return f"<AsyncPager {'fetched' if self._page is not None else 'not awaited'}>"
