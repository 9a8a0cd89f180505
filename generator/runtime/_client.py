"""The request machinery behind generated ``Client`` and ``AsyncClient`` classes.

A generated client subclasses ``SyncAPIClient`` (or ``AsyncAPIClient``) and has one method per
operation (on itself, or on its resources: see ``_resource``), each a thin call to
``_request`` or ``_request_page`` declaring the path template,
parameters and the response type per status. Everything else lives here: URL and body encoding,
auth, retries with backoff, error mapping, response parsing and pagination.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar, Generic, Literal, Self, TypeVar, overload

import httpx
import pydantic
from pydantic import BaseModel

from ._auth import (
    AsyncTokenProvider,
    RenewableToken,
    TokenProvider,
    auth_headers,
    resolve_token,
    resolve_token_async,
)
from ._encoding import encode_form, to_jsonable
from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    make_status_error,
)
from ._pagination import AsyncPage, NextPage, Pagination, SyncPage, lookup_path
from ._params import fill_path, header_value, query_string
from ._resource import drop_resources
from ._response import (
    AdapterCache,
    APIResponse,
    ByMedia,
    ResponseTypes,
    declared_type,
    parse_lenient,
    parse_response,
    raw_requested,
)
from ._retry import (
    DEFAULT_MAX_RETRIES,
    is_retryable,
    retry_after_from_headers,
    retry_delay,
)
from ._security import (
    AppliedAuth,
    AuthScheme,
    Security,
    apply_credentials,
    check_credentials,
    choose_alternative,
    resolve_async,
    resolve_sync,
)
from ._streaming import (
    AsyncStream,
    AsyncStreamedResponse,
    EventStream,
    Stream,
    StreamedResponse,
    streaming_requested,
)
from ._types import (
    DEFAULT_OPTIONS,
    NOT_GIVEN,
    NotGiven,
    PreparedRequest,
    RequestOptions,
    Timeout,
)

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0

_HttpClientT = TypeVar("_HttpClientT", httpx.Client, httpx.AsyncClient)
_TokenT = TypeVar("_TokenT", TokenProvider, AsyncTokenProvider)

_URL_CACHE_SIZE = 256


@dataclasses.dataclass(frozen=True)
class _AttemptPolicy:
    timeout: Timeout
    max_retries: int
    idempotent: bool
    timeouts: Mapping[str, float | None]
    """``timeout`` as httpx carries it in ``Request.extensions`` (converted once, not per send)."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _normalise_base_url(base_url: str | httpx.URL) -> httpx.URL:
    url = httpx.URL(base_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"base_url must be an absolute http(s) URL, got {str(base_url)!r}")
    return url


def _merge_headers(*layers: Mapping[str, object] | None) -> dict[str, str]:
    # Case-insensitive merge (the later layer's spelling wins); a None value in a later layer
    # removes the header. Plain dicts: this runs on every call.
    merged: dict[str, tuple[str, str]] = {}
    for layer in layers:
        for key, value in (layer or {}).items():
            if value is None:
                merged.pop(key.lower(), None)
            elif not isinstance(value, NotGiven):
                text = value if isinstance(value, str) else header_value(key, value)
                if text is not None:
                    merged[key.lower()] = (key, text)
    return dict(merged.values())


class _BaseAPIClient(Generic[_HttpClientT, _TokenT]):
    """Configuration and the pure parts of request handling, shared by sync and async."""

    user_agent: ClassVar[str] = "specgen-client"
    """Sent as ``User-Agent``; generated clients override it with their package and version."""

    default_base_url: ClassVar[str | None] = None
    """Used when no ``base_url`` is passed; generated clients set it from the spec's servers."""

    auth_schemes: ClassVar[Mapping[str, AuthScheme]] = {}
    """The spec's security schemes by name; generated clients set it."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None,
        token: _TokenT | None,
        timeout: Timeout,
        max_retries: int,
        http_client: _HttpClientT,
        owns_http_client: bool,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        rng: Callable[[], float] | None,
        now: Callable[[], datetime],
        credentials: Mapping[str, object] | None = None,
    ) -> None:
        if isinstance(token, str) and not token.strip():
            raise ValueError(
                "token is empty (an unset environment variable?); pass the token or leave it out"
            )
        self._credentials = {k: v for k, v in (credentials or {}).items() if v is not None}
        check_credentials(self.auth_schemes, self._credentials)
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        if base_url is None:
            base_url = self.default_base_url
        if base_url is None:
            raise ValueError(
                f"{type(self).__name__} needs a base_url (the spec declares no server)"
            )
        self.base_url = _normalise_base_url(base_url)
        self.timeout = timeout
        self.max_retries = max_retries
        self.default_headers: Mapping[str, str] = dict(default_headers or {})
        self.default_query: Mapping[str, object] = dict(default_query or {})
        self._token: _TokenT | None = token
        self._http_client: _HttpClientT = http_client
        self._owns_http_client = owns_http_client
        self._rng = rng if rng is not None else random.Random().random
        self._now = now
        self._adapters = AdapterCache()
        self._base_cache: tuple[httpx.URL, str, str] | None = None
        # Shared with copies from with_options(): keys are whole URLs, so nothing leaks across.
        self._urls: dict[str, httpx.URL] = {}
        self._default_policies: dict[bool, _AttemptPolicy] = {}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={str(self.base_url)!r}>"

    # -- copies -------------------------------------------------------------------------------

    def with_options(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        token: _TokenT | None | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
    ) -> Self:
        """A copy with some settings changed, sharing this client's connection pool.

        ``default_headers`` and ``default_query`` are merged into the current ones. Closing
        the copy never closes the shared pool; close the original.
        """
        clone = copy.copy(self)
        clone._owns_http_client = False
        clone._default_policies = {}  # the copy's own timeout and retries
        drop_resources(clone)
        if base_url is not None:
            clone.base_url = _normalise_base_url(base_url)
        if not isinstance(token, NotGiven):
            clone._token = token
        if not isinstance(timeout, NotGiven):
            clone.timeout = timeout
        if max_retries is not None:
            if max_retries < 0:
                raise ValueError(f"max_retries must be >= 0, got {max_retries}")
            clone.max_retries = max_retries
        if default_headers is not None:
            clone.default_headers = {**self.default_headers, **default_headers}
        if default_query is not None:
            clone.default_query = {**self.default_query, **default_query}
        return clone

    # -- building requests --------------------------------------------------------------------

    def _base_parts(self) -> tuple[str, str]:
        """base_url without its query, and its encoded query; recomputed when base_url changes."""
        cached = self._base_cache
        if cached is None or cached[0] is not self.base_url:
            prefix = str(self.base_url.copy_with(query=None, fragment=None)).rstrip("/")
            cached = (self.base_url, prefix, self.base_url.query.decode("ascii"))
            self._base_cache = cached
        return cached[1], cached[2]

    def _parsed_url(self, text: str) -> httpx.URL:
        """``httpx.URL(text)``, remembered: parsing is the costliest step of building a request
        (more than everything else in ``_prepare`` together), and most calls repeat a URL."""
        urls = self._urls
        url = urls.get(text)
        if url is None:
            url = httpx.URL(text)
            if len(urls) >= _URL_CACHE_SIZE:
                urls.clear()  # bounded, for APIs with an id in every path; refills at once
            urls[text] = url
        return url

    def _prepare(
        self,
        method: str,
        path_template: str,
        *,
        path_params: Mapping[str, object] | None,
        query: Mapping[str, object] | None,
        headers: Mapping[str, object] | None,
        json_body: object,
        body_type: Any,
        content: bytes | str | None,
        form: Mapping[str, object] | BaseModel | None,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None,
        options: RequestOptions,
        security: Security | None = None,
        content_type: str | None = None,
    ) -> PreparedRequest:
        if isinstance(json_body, NotGiven):
            json_body = None
        if body_type is not None and isinstance(json_body, Mapping):
            # A plain dict is checked against the request model before anything is sent.
            json_body = body_type.model_validate(json_body)
        bodies = [
            name
            for name, value in (
                ("json_body", json_body),
                ("content", content),
                ("form/files", form if form is not None else files),
            )
            if value is not None
        ]
        if len(bodies) > 1:
            raise ValueError(f"a request has one body; got {' and '.join(bodies)}")
        path = fill_path(path_template, path_params or {})
        if not path.startswith("/"):
            path = "/" + path
        path = path.split("#", 1)[0]
        prefix, base_query = self._base_parts()
        # A query in base_url (e.g. "?api-version=2") comes first, then the call's parameters.
        call_query = query_string(
            {**self.default_query, **(query or {}), **(options.extra_query or {})}
        )
        query_text = "&".join(part for part in (base_query, call_query) if part)
        # Concatenate rather than join (a relative path like "a:b" would parse as a scheme),
        # and parse the URL once: this runs on every call. A spec path may carry a query.
        joiner = "&" if "?" in path else "?"
        url = self._parsed_url(prefix + path + (joiner + query_text if query_text else ""))
        base_headers: dict[str, str] = {"Accept": "application/json", "User-Agent": self.user_agent}
        if json_body is not None:
            base_headers["Content-Type"] = content_type or "application/json"
        elif content is not None and content_type:
            base_headers["Content-Type"] = content_type
        merged = _merge_headers(base_headers, self.default_headers, headers, options.extra_headers)
        return PreparedRequest(
            method=method.upper(),
            url=url,
            headers=merged,
            json_body=to_jsonable(json_body) if json_body is not None else None,
            content=content.encode() if isinstance(content, str) else content,
            form=encode_form(form) if form is not None else None,
            files=files,
            security=security,
        )

    def _policy(self, idempotent: bool, options: RequestOptions) -> _AttemptPolicy:
        if options is DEFAULT_OPTIONS:
            # Most calls override nothing: reuse the policy while the client's settings hold.
            known = self._default_policies.get(idempotent)
            if known and known.timeout is self.timeout and known.max_retries == self.max_retries:
                return known
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        policy = _AttemptPolicy(
            timeout=timeout,
            max_retries=(
                self.max_retries
                if isinstance(options.max_retries, NotGiven)
                else options.max_retries
            ),
            idempotent=idempotent or options.idempotent,
            timeouts=httpx.Timeout(timeout).as_dict(),
        )
        if options is DEFAULT_OPTIONS:
            self._default_policies[idempotent] = policy
        return policy

    def _available_credentials(self) -> dict[str, object]:
        """Credentials by scheme name; bearer schemes without their own take ``token``."""
        available = dict(self._credentials)
        if self._token is not None:
            for name, scheme in self.auth_schemes.items():
                if scheme.kind == "bearer" and name not in available:
                    available[name] = self._token
        return available

    def _auth_plan(self, request: PreparedRequest) -> list[tuple[AuthScheme, object]] | None:
        """The schemes (with their unresolved credentials) this attempt sends; ``None`` for a
        request without declared security, which sends the bearer ``token`` if there is one."""
        if request.security is None:
            return None
        available = self._available_credentials()
        chosen = choose_alternative(request.security, available)
        if not chosen:
            return []
        return [(self.auth_schemes[name], available[name]) for name in chosen]

    @staticmethod
    def _applied(plan: list[tuple[AuthScheme, object]], values: list[object]) -> AppliedAuth:
        applied = AppliedAuth()
        apply_credentials([scheme for scheme, _ in plan], values, applied)
        return applied

    def _http_request(
        self, request: PreparedRequest, auth: AppliedAuth | None, policy: _AttemptPolicy
    ) -> httpx.Request:
        """One attempt's `httpx.Request` (auth is resolved per attempt, so tokens refresh)."""
        url = request.url
        if not request.send_auth or auth is None:
            headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
        else:
            # Explicit Authorization headers (extra_headers) win over the configured token.
            headers = _merge_headers(auth.headers, request.headers)
            if auth.cookies:
                cookie = "; ".join(auth.cookies)
                for key in [k for k in headers if k.lower() == "cookie"]:
                    cookie = headers.pop(key) + "; " + cookie
                headers["Cookie"] = cookie
            if auth.query:
                text = str(url)
                url = httpx.URL(text + ("&" if url.query else "?") + "&".join(auth.query))
        return self._http_client.build_request(
            request.method,
            url,
            headers=headers,
            json=request.json_body,
            content=request.content,
            data=request.form,
            files=request.files,
            # A copy: a request's extensions are its own (event hooks may change them).
            extensions={"timeout": dict(policy.timeouts)},
        )

    def _delay_after_failure(
        self,
        request: PreparedRequest,
        exc: httpx.RequestError,
        http_request: httpx.Request,
        attempt: int,
        policy: _AttemptPolicy,
    ) -> float:
        """Seconds to wait before retrying a transport failure; raises when it is not retried."""
        delay = self._delay_before_retry(request, exc, None, attempt, policy)
        if delay is None:
            raise self._transport_error(exc, http_request) from exc
        return delay

    def _delay_after_response(
        self,
        request: PreparedRequest,
        response: httpx.Response,
        attempt: int,
        policy: _AttemptPolicy,
    ) -> float:
        """Seconds to wait before retrying a non-2xx response; raises its error otherwise."""
        retry_after = retry_after_from_headers(response.headers, self._now())
        delay = self._delay_before_retry(
            request, response.status_code, retry_after, attempt, policy
        )
        if delay is None:
            raise make_status_error(response, retry_after=retry_after)
        return delay

    def _invalidated_token_after(self, request: PreparedRequest, response: httpx.Response) -> bool:
        """On a 401, drop a caching provider's token; True if a fresh token is worth a retry."""
        if response.status_code != 401 or not request.send_auth:
            return False
        plan = self._auth_plan(request)
        used = [self._token] if plan is None else [value for _, value in plan]
        renewable = [value for value in used if isinstance(value, RenewableToken)]
        for value in renewable:
            value.invalidate()
        return bool(renewable)

    # -- retries ------------------------------------------------------------------------------

    def _delay_before_retry(
        self,
        request: PreparedRequest,
        outcome: int | BaseException,
        retry_after: float | None,
        attempt: int,
        policy: _AttemptPolicy,
    ) -> float | None:
        """Seconds to wait before retrying, or ``None`` if this failure is final."""
        if attempt >= policy.max_retries:
            return None
        if not is_retryable(request.method, outcome, policy.idempotent):
            return None
        delay = retry_delay(attempt, retry_after, self._rng)
        if delay is not None:
            log.debug(
                "retrying %s %s after %s in %.2fs (retry %d of %d)",
                request.method,
                request.url,
                outcome,
                delay,
                attempt + 1,
                policy.max_retries,
            )
        return delay

    @staticmethod
    def _transport_error(exc: httpx.RequestError, request: httpx.Request) -> APIConnectionError:
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"{request.method} {request.url} timed out", request=request)
        return APIConnectionError(
            f"{request.method} {request.url} failed: {type(exc).__name__}: {exc}", request=request
        )

    # -- responses ----------------------------------------------------------------------------

    def _parse(self, response: httpx.Response, response_types: ResponseTypes) -> Any:
        declared = declared_type(response, response_types)
        if isinstance(declared, EventStream):
            # A raw or streamed response's events, once its body was read: iterate them.
            response.read()
            return Stream[Any](response, declared.item_type, self._adapters)
        return parse_response(response, response_types, self._adapters)

    def _read_page(
        self,
        response: httpx.Response,
        request: PreparedRequest,
        *,
        pagination: Pagination,
        item_type: Any,
        page_type: Any,
    ) -> tuple[Any, list[Any], NextPage]:
        if page_type is not None and response.content:
            # Straight from bytes into the page model, as other responses are parsed: decoding
            # to Python objects first and validating those costs about twice as much.
            try:
                page = parse_lenient(self._adapters.get(page_type), response.content, json=True)
            except pydantic.ValidationError:
                pass  # not JSON, or not the declared page: reported below, exactly as before
            else:
                following = NextPage(pagination, response.json, request, response.url)
                return page, _page_items(page, pagination.items), following
        try:
            body: Any = response.json() if response.content else None
        except ValueError as exc:
            raise APIResponseValidationError(
                f"{request.method} {request.url} returned a page that is not JSON",
                response=response,
                body=response.text,
            ) from exc
        try:
            if page_type is None:
                page = body
                raw_items = lookup_path(body, pagination.items) or []
                items: list[Any] = parse_lenient(self._adapters.get(list[item_type]), raw_items)
            else:
                page = parse_lenient(self._adapters.get(page_type), body)
                items = _page_items(page, pagination.items)
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(
                f"{request.method} {request.url} returned a page that does not match the "
                f"declared schema: {exc}",
                response=response,
                body=body,
            ) from exc
        return page, items, NextPage(pagination, lambda: body, request, response.url)


def has_event_stream(types: ResponseTypes) -> bool:
    """Whether some status may answer with server-sent events (then the body is streamed)."""
    for declared in types.values():
        if isinstance(declared, EventStream):
            return True
        if isinstance(declared, ByMedia) and any(
            isinstance(t, EventStream) for t in declared.types.values()
        ):
            return True
    return False


def _page_items(page: Any, key: str) -> list[Any]:
    """The parsed items of a parsed page model: the field whose wire name is `key`."""
    fields: Mapping[str, Any] = getattr(type(page), "model_fields", {})
    for name, field in fields.items():
        if key in (name, field.alias):
            found: list[Any] = list(getattr(page, name) or [])
            return found
    value: Any = lookup_path(page.model_dump(by_alias=True) if fields else page, key)
    return list(value or [])


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
        self, request: PreparedRequest, policy: _AttemptPolicy, stream: bool = False
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

    def _request(
        self,
        method: str,
        path_template: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        json_body: object = None,
        body_type: Any = None,
        content: bytes | str | None = None,
        form: Mapping[str, object] | BaseModel | None = None,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None,
        response_types: ResponseTypes | None = None,
        idempotent: bool = False,
        options: RequestOptions | None = None,
        security: Security | None = None,
        content_type: str | None = None,
        keep_redirects: bool = False,
        stream: bool = False,
        raw: bool = False,
    ) -> Any:
        """Send one operation and return its parsed body (or ``APIResponse`` when ``raw``).

        Non-2xx responses raise the matching ``APIStatusError`` subclass after retries.
        """
        options = options or DEFAULT_OPTIONS
        request = self._prepare(
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
        if keep_redirects:
            request = dataclasses.replace(request, keep_redirects=True)
        stream = stream or streaming_requested()
        raw = raw or raw_requested()
        types = response_types if response_types is not None else {}
        events = has_event_stream(types)
        policy = self._policy(idempotent, options)
        response = self._send(request, policy, stream=stream or events)
        if stream:
            return StreamedResponse[Any](response, lambda: self._parse(response, types))
        declared = declared_type(response, types) if events else None
        if isinstance(declared, EventStream) and not raw:
            return Stream[Any](response, declared.item_type, self._adapters)
        if events:
            response.read()
        if raw:
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
            content=None,
            form=None,
            files=None,
            options=options,
            security=security,
        )
        policy = self._policy(idempotent, options)

        def fetch(request: PreparedRequest) -> SyncPage[Any]:
            response = self._send(request, policy)
            page, items, next_request = self._read_page(
                response, request, pagination=pagination, item_type=item_type, page_type=page_type
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
        self, request: PreparedRequest, policy: _AttemptPolicy, stream: bool = False
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

    async def _request(
        self,
        method: str,
        path_template: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        json_body: object = None,
        body_type: Any = None,
        content: bytes | str | None = None,
        form: Mapping[str, object] | BaseModel | None = None,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None,
        response_types: ResponseTypes | None = None,
        idempotent: bool = False,
        options: RequestOptions | None = None,
        security: Security | None = None,
        content_type: str | None = None,
        keep_redirects: bool = False,
        stream: bool = False,
        raw: bool = False,
    ) -> Any:
        """Send one operation and return its parsed body (or ``APIResponse`` when ``raw``)."""
        options = options or DEFAULT_OPTIONS
        request = self._prepare(
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
        if keep_redirects:
            request = dataclasses.replace(request, keep_redirects=True)
        stream = stream or streaming_requested()
        raw = raw or raw_requested()
        types = response_types if response_types is not None else {}
        events = has_event_stream(types)
        policy = self._policy(idempotent, options)
        response = await self._send(request, policy, stream=stream or events)
        if stream:
            return AsyncStreamedResponse[Any](response, lambda: self._parse(response, types))
        declared = declared_type(response, types) if events else None
        if isinstance(declared, EventStream) and not raw:
            return AsyncStream[Any](response, declared.item_type, self._adapters)
        if events:
            await response.aread()
        if raw:
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
            content=None,
            form=None,
            files=None,
            options=options,
            security=security,
        )
        policy = self._policy(idempotent, options)

        async def fetch(request: PreparedRequest) -> AsyncPage[Any]:
            response = await self._send(request, policy)
            page, items, next_request = self._read_page(
                response, request, pagination=pagination, item_type=item_type, page_type=page_type
            )
            return AsyncPage(
                page=page,
                items=items,
                http_response=response,
                next_request=next_request,
                fetch=fetch,
            )

        return await fetch(first)
