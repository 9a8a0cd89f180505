"""Paged responses: the pagination style of each operation and lazily fetched page objects.

Six styles, declared per operation by the spec (`x-pagination`) or detected by the generator:

* ``next-link``: the response holds the URL of the next page (absolute or relative), which is
  requested as-is with GET, query string included;
* ``cursor``: the response holds an opaque cursor, sent back in ``cursor_param`` together with
  the original request's parameters (in the query string, or in the JSON body for APIs that
  page with POST);
* ``has-more``: a boolean at ``next`` says whether more items follow; the ``id_field`` of the
  page's last item is sent back in ``cursor_param`` (Stripe's ``has_more`` + ``starting_after``);
* ``offset``: ``cursor_param`` counts items to skip; the next page skips this page's items too;
* ``page``: ``cursor_param`` numbers pages (the first is ``first_page`` when not sent); ``next``,
  when given, is the body's page count (Linode's ``pages``), which ends the walk;
* ``link-header``: the ``Link`` response header's ``rel="next"`` URL (RFC 8288), as GitHub pages.

Paging stops when the next link or cursor is missing, null or empty, when ``has-more`` is false,
and, for ``offset`` and ``page``, on an empty page or one shorter than the ``size_param`` sent.
"""

from __future__ import annotations

import dataclasses
import re
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
    "link_header_next",
    "lookup_path",
    "next_page_request",
]

ItemT = TypeVar("ItemT")
Style = Literal["next-link", "cursor", "has-more", "offset", "page", "link-header"]
STYLES = ("next-link", "cursor", "has-more", "offset", "page", "link-header")
# The styles whose next page is named by a value at `next` in the body.
_MARKED = ("next-link", "cursor", "has-more")
# The styles that send a value of their own back in `cursor_param`.
_PARAMETERED = ("cursor", "has-more", "offset", "page")


@dataclass(frozen=True)
class Pagination:
    """How an operation pages.

    ``items`` and ``next`` are dotted paths into the JSON response body, e.g. ``"items"`` and
    ``"_links.next.href"`` (next-link) or ``"nextCursor"`` (cursor); ``items=""`` when the body
    is the list itself.
    """

    style: Style
    items: str
    next: str | None = None
    cursor_param: str | None = None
    cursor_in: Literal["query", "body"] = "query"
    size_param: str | None = None
    id_field: str = "id"
    first_page: int = 1

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown pagination style {self.style!r}")
        if self.style in _PARAMETERED and not self.cursor_param:
            raise ValueError(
                f"{self.style} pagination needs cursor_param (where to send the next value)"
            )
        if self.style in _MARKED and not self.next:
            raise ValueError(f"{self.style} pagination needs a next path")
        if not self.items and self.style in _MARKED:
            raise ValueError(f"{self.style} pagination needs an items path")


def lookup_path(body: object, dotted: str) -> object:
    """The value at ``a.b.c`` in nested JSON objects, or ``None`` if any step is missing;
    the body itself for ``""``."""
    current = body
    if not dotted:
        return current
    for key in dotted.split("."):
        if not isinstance(current, Mapping) or key not in current:
            return None
        current = current[key]
    return current


_LINK = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]+)*)")
_REL = re.compile(r"""rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))""", re.IGNORECASE)


def link_header_next(value: str | None) -> str | None:
    """The ``rel="next"`` target of a ``Link`` header (RFC 8288), or ``None``."""
    for match in _LINK.finditer(value or ""):
        rel = _REL.search(match.group(2))
        if rel and "next" in (rel.group(1) or rel.group(2) or "").lower().split():
            return match.group(1).strip()
    return None


def _items(pagination: Pagination, body: object) -> list[Any]:
    found = lookup_path(body, pagination.items)
    return found if isinstance(found, list) else []


def _sent(pagination: Pagination, current: PreparedRequest, name: str) -> object:
    """The value `current` sent for parameter `name` (query string or JSON body), or None."""
    if pagination.cursor_in == "body":
        return current.json_body.get(name) if isinstance(current.json_body, Mapping) else None
    return current.url.params.get(name)


def _as_int(value: object) -> int | None:
    try:
        return int(str(value)) if value is not None and value != "" else None
    except ValueError:
        return None


def _marker(
    pagination: Pagination, body: object, headers: httpx.Headers | None, current: PreparedRequest
) -> object:
    """What names the next page (a link, a cursor, a number), or None on the last page."""
    style = pagination.style
    if style == "link-header":
        return link_header_next(headers.get("link") if headers is not None else None)
    if style in ("next-link", "cursor"):
        assert pagination.next is not None
        marker = lookup_path(body, pagination.next)
        return None if marker == "" else marker
    items = _items(pagination, body)
    if not items:
        return None
    if style == "has-more":
        assert pagination.next is not None
        if lookup_path(body, pagination.next) is not True:
            return None
        last = items[-1]
        return last.get(pagination.id_field) if isinstance(last, Mapping) else None
    size = _as_int(_sent(pagination, current, pagination.size_param or ""))
    if size is not None and len(items) < size:
        return None  # a short page is the last one
    assert pagination.cursor_param is not None
    sent = _as_int(_sent(pagination, current, pagination.cursor_param))
    if style == "offset":
        return (sent or 0) + len(items)
    number = pagination.first_page if sent is None else sent
    pages = _as_int(lookup_path(body, pagination.next)) if pagination.next else None
    if pages is not None and number >= pagination.first_page + pages - 1:
        return None  # the body's page count says this page is the last
    return number + 1


def _same_origin(a: httpx.URL, b: httpx.URL) -> bool:
    return (a.scheme, a.host, a.port) == (b.scheme, b.host, b.port)


def next_page_request(
    pagination: Pagination,
    body: object,
    current: PreparedRequest,
    response_url: httpx.URL,
    headers: httpx.Headers | None = None,
) -> PreparedRequest | None:
    """The request for the page after ``body``, or ``None`` on the last page."""
    marker = _marker(pagination, body, headers, current)
    if marker is None:
        return None
    if pagination.style in ("next-link", "link-header"):
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
    cursor = marker if isinstance(marker, int) else encode_scalar(marker)
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
    text = str(cursor)
    if current.url.params.get(pagination.cursor_param) == text:
        raise PaginationError(f"cursor {text!r} repeats the page just read")
    return dataclasses.replace(
        current, url=current.url.copy_set_param(pagination.cursor_param, text)
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
        headers: httpx.Headers | None = None,
    ) -> None:
        self._pagination = pagination
        self._body = body
        self._current = current
        self._url = url
        self._headers = headers
        self._decoded: tuple[object] | None = None
        self._request: tuple[PreparedRequest | None] | None = None

    def _decoded_body(self) -> object:
        if self._pagination.style == "link-header":
            return None  # the next page is named by a header: the body need not be JSON
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
        body = self._decoded_body()
        return _marker(self._pagination, body, self._headers, self._current) is not None

    def request(self) -> PreparedRequest | None:
        if self._request is None:
            self._request = (
                next_page_request(
                    self._pagination,
                    self._decoded_body(),
                    self._current,
                    self._url,
                    self._headers,
                ),
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
