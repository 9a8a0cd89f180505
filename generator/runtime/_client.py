"""The request machinery behind generated ``Client`` and ``AsyncClient`` classes.

A generated client subclasses ``SyncAPIClient`` (or ``AsyncAPIClient``) and has one method per
operation (on itself, or on its resources: see ``_resource``), each a thin call to
``_request`` or ``_request_page`` declaring the path template, parameters and the response
type per status. Sending (attempts, retries, streaming) lives here; what sync and async share
(building requests, auth plans, retry decisions, parsing) in ``_base_client``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Literal, Self, overload

import httpx
from pydantic import BaseModel

from ._auth import (
    AsyncTokenProvider,
    TokenProvider,
    auth_headers,
    resolve_token,
    resolve_token_async,
)
from ._base_client import DEFAULT_TIMEOUT, _BaseAPIClient, _utcnow
from ._pages import read_page
from ._pagination import AsyncPage, Pagination, SyncPage
from ._response import APIResponse, ResponseTypes, declared_type
from ._retry import DEFAULT_MAX_RETRIES, AttemptPolicy
from ._security import AppliedAuth, Security, check_token_use, resolve_async, resolve_sync
from ._streaming import AsyncStream, AsyncStreamedResponse, EventStream, Stream, StreamedResponse
from ._types import DEFAULT_OPTIONS, PreparedRequest, RequestOptions, Timeout

__all__ = ["AsyncAPIClient", "SyncAPIClient"]


class SyncAPIClient(_BaseAPIClient[httpx.Client, TokenProvider]):
    """Base class of generated synchronous clients."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        token: TokenProvider | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] | None = None,
        now: Callable[[], datetime] = _utcnow,
        credentials: Mapping[str, object] | None = None,
    ) -> None:
        check_token_use(self.auth_schemes, token)  # a token no scheme takes is an error
        super().__init__(
            base_url=base_url,
            token=token,
            timeout=timeout,
            max_retries=max_retries,
            # Created up front so copies made by with_options() share one pool.
            http_client=http_client or httpx.Client(follow_redirects=True),
            owns_http_client=http_client is None,
            default_headers=default_headers,
            default_query=default_query,
            rng=rng,
            now=now,
            credentials=credentials,
        )
        self._sleep = sleep

    @property
    def http_client(self) -> httpx.Client:
        """The underlying ``httpx.Client`` (the one passed in, or one this client owns)."""
        return self._http_client

    def close(self) -> None:
        """Close the connection pool, unless it was passed in by the caller."""
        if self._owns_http_client:
            self._http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _auth_sync(self, request: PreparedRequest) -> AppliedAuth | None:
        if not request.send_auth:
            return None
        plan = self._auth_plan(request)
        if plan is None:
            return AppliedAuth(headers=auth_headers(resolve_token(self._token)))
        return self._applied(plan, [resolve_sync(v, s.argument) for s, v in plan])

    def _send(
        self, request: PreparedRequest, policy: AttemptPolicy, stream: bool = False
    ) -> httpx.Response:
        attempt = 0
        token_renewed = False
        while True:
            http_request = self._http_request(request, self._auth_sync(request), policy)
            try:
                if request.keep_redirects:
                    response = self.http_client.send(
                        http_request, stream=stream, follow_redirects=False
                    )
                else:
                    response = self.http_client.send(http_request, stream=stream)
            except httpx.RequestError as exc:
                delay = self._delay_after_failure(request, exc, http_request, attempt, policy)
            else:
                if response.is_success or (
                    request.keep_redirects and 300 <= response.status_code < 400
                ):
                    return response
                if stream:
                    response.read()  # the error body, for the exception
                # A cached token revoked or expired early: fetch a fresh one, once.
                renew = not token_renewed and self._invalidated_token_after(request, response)
                if not renew:
                    delay = self._delay_after_response(request, response, attempt, policy)
                response.close()
                if renew:
                    token_renewed = True
                    continue
            self._sleep(delay)
            attempt += 1

    @overload
    def _request(
        self,
        method: str,
        path_template: str,
        *,
        path_params: Mapping[str, object] | None = ...,
        query: Mapping[str, object] | None = ...,
        headers: Mapping[str, object] | None = ...,
        json_body: object = ...,
        body_type: Any = ...,
        content: bytes | str | None = ...,
        form: Mapping[str, object] | BaseModel | None = ...,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = ...,
        response_types: ResponseTypes = ...,
        idempotent: bool = ...,
        options: RequestOptions | None = ...,
        security: Security | None = ...,
        content_type: str | None = ...,
        keep_redirects: bool = ...,
        stream: bool = ...,
        raw: Literal[False] = ...,
    ) -> Any: ...

    @overload
    def _request(
        self,
        method: str,
        path_template: str,
        *,
        path_params: Mapping[str, object] | None = ...,
        query: Mapping[str, object] | None = ...,
        headers: Mapping[str, object] | None = ...,
        json_body: object = ...,
        body_type: Any = ...,
        content: bytes | str | None = ...,
        form: Mapping[str, object] | BaseModel | None = ...,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = ...,
        response_types: ResponseTypes = ...,
        idempotent: bool = ...,
        options: RequestOptions | None = ...,
        security: Security | None = ...,
        content_type: str | None = ...,
        keep_redirects: bool = ...,
        stream: bool = ...,
        raw: Literal[True],
    ) -> APIResponse[Any]: ...

    def _request(self, method: str, path_template: str, **arguments: Any) -> Any:
        """Send one operation and return its parsed body (or ``APIResponse`` when ``raw``).

        Non-2xx responses raise the matching ``APIStatusError`` subclass after retries.
        """
        call = self._plan(method, path_template, **arguments)
        response = self._send(call.request, call.policy, stream=call.stream or call.events)
        types = call.types
        if call.stream:
            return StreamedResponse[Any](response, lambda: self._parse(response, types))
        declared = declared_type(response, types) if call.events else None
        if isinstance(declared, EventStream) and not call.raw:
            return Stream[Any](response, declared.item_type, self._adapters)
        if call.events:
            response.read()
        if call.raw:
            return APIResponse[Any](response, lambda: self._parse(response, types))
        return self._parse(response, types)

    def _request_page(
        self,
        method: str,
        path_template: str,
        *,
        item_type: Any,
        pagination: Pagination,
        page_type: Any = None,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        json_body: object = None,
        body_type: Any = None,
        content: bytes | str | None = None,
        form: Mapping[str, object] | BaseModel | None = None,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None,
        content_type: str | None = None,
        idempotent: bool = False,
        options: RequestOptions | None = None,
        security: Security | None = None,
    ) -> SyncPage[Any]:
        """Send a paged operation; the returned page fetches the following ones lazily."""
        options = options or DEFAULT_OPTIONS
        first = self._prepare(
            method,
            path_template,
            path_params=path_params,
            query=query,
            headers=headers,
            json_body=json_body,
            body_type=body_type,
            content=content,
            form=form,
            files=files,
            options=options,
            security=security,
            content_type=content_type,
        )
        policy = self._policy(idempotent, options)

        def fetch(request: PreparedRequest) -> SyncPage[Any]:
            response = self._send(request, policy)
            page, items, next_request = read_page(
                response,
                request,
                self._adapters,
                pagination=pagination,
                item_type=item_type,
                page_type=page_type,
            )
            return SyncPage(
                page=page,
                items=items,
                http_response=response,
                next_request=next_request,
                fetch=fetch,
            )

        return fetch(first)


class AsyncAPIClient(_BaseAPIClient[httpx.AsyncClient, AsyncTokenProvider]):
    """Base class of generated asynchronous clients; same surface as ``SyncAPIClient``."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        token: AsyncTokenProvider | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: Callable[[], float] | None = None,
        now: Callable[[], datetime] = _utcnow,
        credentials: Mapping[str, object] | None = None,
    ) -> None:
        check_token_use(self.auth_schemes, token)  # a token no scheme takes is an error
        super().__init__(
            base_url=base_url,
            token=token,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client or httpx.AsyncClient(follow_redirects=True),
            owns_http_client=http_client is None,
            default_headers=default_headers,
            default_query=default_query,
            rng=rng,
            now=now,
            credentials=credentials,
        )
        self._sleep = sleep

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The underlying ``httpx.AsyncClient`` (the one passed in, or one this client owns)."""
        return self._http_client

    async def aclose(self) -> None:
        """Close the connection pool, unless it was passed in by the caller."""
        if self._owns_http_client:
            await self._http_client.aclose()

    async def close(self) -> None:
        """Alias of ``aclose()``."""
        await self.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _auth_async(self, request: PreparedRequest) -> AppliedAuth | None:
        if not request.send_auth:
            return None
        plan = self._auth_plan(request)
        if plan is None:
            return AppliedAuth(headers=auth_headers(await resolve_token_async(self._token)))
        return self._applied(plan, [await resolve_async(v, s.argument) for s, v in plan])

    async def _send(
        self, request: PreparedRequest, policy: AttemptPolicy, stream: bool = False
    ) -> httpx.Response:
        attempt = 0
        token_renewed = False
        while True:
            http_request = self._http_request(request, await self._auth_async(request), policy)
            try:
                if request.keep_redirects:
                    response = await self.http_client.send(
                        http_request, stream=stream, follow_redirects=False
                    )
                else:
                    response = await self.http_client.send(http_request, stream=stream)
            except httpx.RequestError as exc:
                delay = self._delay_after_failure(request, exc, http_request, attempt, policy)
            else:
                if response.is_success or (
                    request.keep_redirects and 300 <= response.status_code < 400
                ):
                    return response
                if stream:
                    await response.aread()  # the error body, for the exception
                # A cached token revoked or expired early: fetch a fresh one, once.
                renew = not token_renewed and self._invalidated_token_after(request, response)
                if not renew:
                    delay = self._delay_after_response(request, response, attempt, policy)
                await response.aclose()
                if renew:
                    token_renewed = True
                    continue
            await self._sleep(delay)
            attempt += 1

    @overload
    async def _request(
        self,
        method: str,
        path_template: str,
        *,
        path_params: Mapping[str, object] | None = ...,
        query: Mapping[str, object] | None = ...,
        headers: Mapping[str, object] | None = ...,
        json_body: object = ...,
        body_type: Any = ...,
        content: bytes | str | None = ...,
        form: Mapping[str, object] | BaseModel | None = ...,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = ...,
        response_types: ResponseTypes = ...,
        idempotent: bool = ...,
        options: RequestOptions | None = ...,
        security: Security | None = ...,
        content_type: str | None = ...,
        keep_redirects: bool = ...,
        stream: bool = ...,
        raw: Literal[False] = ...,
    ) -> Any: ...

    @overload
    async def _request(
        self,
        method: str,
        path_template: str,
        *,
        path_params: Mapping[str, object] | None = ...,
        query: Mapping[str, object] | None = ...,
        headers: Mapping[str, object] | None = ...,
        json_body: object = ...,
        body_type: Any = ...,
        content: bytes | str | None = ...,
        form: Mapping[str, object] | BaseModel | None = ...,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = ...,
        response_types: ResponseTypes = ...,
        idempotent: bool = ...,
        options: RequestOptions | None = ...,
        security: Security | None = ...,
        content_type: str | None = ...,
        keep_redirects: bool = ...,
        stream: bool = ...,
        raw: Literal[True],
    ) -> APIResponse[Any]: ...

    async def _request(self, method: str, path_template: str, **arguments: Any) -> Any:
        """Send one operation and return its parsed body (or ``APIResponse`` when ``raw``)."""
        call = self._plan(method, path_template, **arguments)
        response = await self._send(call.request, call.policy, stream=call.stream or call.events)
        types = call.types
        if call.stream:
            return AsyncStreamedResponse[Any](response, lambda: self._parse(response, types))
        declared = declared_type(response, types) if call.events else None
        if isinstance(declared, EventStream) and not call.raw:
            return AsyncStream[Any](response, declared.item_type, self._adapters)
        if call.events:
            await response.aread()
        if call.raw:
            return APIResponse[Any](response, lambda: self._parse(response, types))
        return self._parse(response, types)

    async def _request_page(
        self,
        method: str,
        path_template: str,
        *,
        item_type: Any,
        pagination: Pagination,
        page_type: Any = None,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        json_body: object = None,
        body_type: Any = None,
        content: bytes | str | None = None,
        form: Mapping[str, object] | BaseModel | None = None,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None,
        content_type: str | None = None,
        idempotent: bool = False,
        options: RequestOptions | None = None,
        security: Security | None = None,
    ) -> AsyncPage[Any]:
        """Send a paged operation; the returned page fetches the following ones lazily."""
        options = options or DEFAULT_OPTIONS
        first = self._prepare(
            method,
            path_template,
            path_params=path_params,
            query=query,
            headers=headers,
            json_body=json_body,
            body_type=body_type,
            content=content,
            form=form,
            files=files,
            options=options,
            security=security,
            content_type=content_type,
        )
        policy = self._policy(idempotent, options)

        async def fetch(request: PreparedRequest) -> AsyncPage[Any]:
            response = await self._send(request, policy)
            page, items, next_request = read_page(
                response,
                request,
                self._adapters,
                pagination=pagination,
                item_type=item_type,
                page_type=page_type,
            )
            return AsyncPage(
                page=page,
                items=items,
                http_response=response,
                next_request=next_request,
                fetch=fetch,
            )

        return await fetch(first)
