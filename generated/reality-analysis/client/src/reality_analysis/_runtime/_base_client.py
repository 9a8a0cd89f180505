# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""What ``SyncAPIClient`` and ``AsyncAPIClient`` share: configuration, building requests,
auth plans, retry decisions, error mapping and response parsing (the pure parts of a call;
sending is in ``_client``, reading a page in ``_pages``, the retry rules in ``_retry``)."""

from __future__ import annotations

import copy
import dataclasses
import logging
import random
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cached_property
from typing import Any, ClassVar, Generic, Self, TypeVar

import httpx
import pydantic
from pydantic import BaseModel

from ._auth import (
    AsyncTokenProvider,
    RenewableToken,
    TokenProvider,
)
from ._encoding import encode_form, to_jsonable
from ._errors import RequestValidationError, connection_error, make_status_error
from ._params import fill_path, header_value, query_string
from ._response import AdapterCache, ResponseTypes, declared_type, parse_response, raw_requested
from ._retry import (
    AttemptPolicy,
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
)
from ._streaming import EventStream, Stream, has_event_stream, streaming_requested
from ._types import (
    DEFAULT_OPTIONS,
    NOT_GIVEN,
    NotGiven,
    PreparedRequest,
    RequestOptions,
    Timeout,
)

__all__ = ["DEFAULT_TIMEOUT"]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0

_HttpClientT = TypeVar("_HttpClientT", httpx.Client, httpx.AsyncClient)
_TokenT = TypeVar("_TokenT", TokenProvider, AsyncTokenProvider)

_URL_CACHE_SIZE = 256


@dataclasses.dataclass(frozen=True)
class _Call:
    """One operation call, planned: what to send, how to retry it, how to read the answer."""

    request: PreparedRequest
    policy: AttemptPolicy
    types: ResponseTypes
    events: bool  # a declared response is an event stream
    stream: bool  # the caller asked for the body unread
    raw: bool  # the caller asked for the APIResponse


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _normalise_base_url(base_url: str | httpx.URL) -> httpx.URL:
    url = httpx.URL(base_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"base_url must be an absolute http(s) URL, got {str(base_url)!r}")
    return url


def _forget_cached_properties(clone: object) -> None:
    """Drop the values a copy made by ``with_options`` took over from its original's cached
    properties (a generated client's resources): they were made for the original, so they
    would call it; the copy makes its own on first use."""
    cached = vars(clone)
    owner = type(clone)
    for name in [k for k in cached if isinstance(getattr(owner, k, None), cached_property)]:
        del cached[name]


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
        self._default_policies: dict[bool, AttemptPolicy] = {}

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
        _forget_cached_properties(clone)
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
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        json_body: object = None,
        body_type: Any = None,
        content: bytes | str | None = None,
        form: Mapping[str, object] | BaseModel | None = None,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None,
        options: RequestOptions = DEFAULT_OPTIONS,
        security: Security | None = None,
        content_type: str | None = None,
    ) -> PreparedRequest:
        if isinstance(json_body, NotGiven):
            json_body = None
        if body_type is not None and isinstance(json_body, Mapping):
            # A plain dict is checked against the request model before anything is sent.
            try:
                json_body = body_type.model_validate(json_body)
            except pydantic.ValidationError as exc:
                raise RequestValidationError(
                    f"the request body does not match {body_type.__name__}: {exc}",
                    errors=exc.errors(include_url=False),
                ) from exc
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
            raise RequestValidationError(f"a request has one body; got {' and '.join(bodies)}")
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

    def _plan(
        self,
        method: str,
        path_template: str,
        *,
        response_types: ResponseTypes | None = None,
        idempotent: bool = False,
        options: RequestOptions | None = None,
        keep_redirects: bool = False,
        stream: bool = False,
        raw: bool = False,
        **parts: Any,
    ) -> _Call:
        """Everything `_request` decides before sending, for the sync and the async client
        alike (`parts`: the request's parameters and body, as `_prepare` takes them)."""
        options = options or DEFAULT_OPTIONS
        request = self._prepare(method, path_template, options=options, **parts)
        if keep_redirects:
            request = dataclasses.replace(request, keep_redirects=True)
        types = response_types if response_types is not None else {}
        return _Call(
            request=request,
            policy=self._policy(idempotent, options),
            types=types,
            events=has_event_stream(types),
            stream=stream or streaming_requested(),
            raw=raw or raw_requested(),
        )

    def _policy(self, idempotent: bool, options: RequestOptions) -> AttemptPolicy:
        if options is DEFAULT_OPTIONS:
            # Most calls override nothing: reuse the policy while the client's settings hold.
            known = self._default_policies.get(idempotent)
            if known and known.timeout is self.timeout and known.max_retries == self.max_retries:
                return known
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        policy = AttemptPolicy(
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
        self, request: PreparedRequest, auth: AppliedAuth | None, policy: AttemptPolicy
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
        policy: AttemptPolicy,
    ) -> float:
        """Seconds to wait before retrying a transport failure; raises when it is not retried."""
        delay = self._delay_before_retry(request, exc, None, attempt, policy)
        if delay is None:
            raise connection_error(exc, http_request) from exc
        return delay

    def _delay_after_response(
        self,
        request: PreparedRequest,
        response: httpx.Response,
        attempt: int,
        policy: AttemptPolicy,
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
        policy: AttemptPolicy,
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

    # -- responses ----------------------------------------------------------------------------

    def _parse(self, response: httpx.Response, response_types: ResponseTypes) -> Any:
        declared = declared_type(response, response_types)
        if isinstance(declared, EventStream):
            # A raw or streamed response's events, once its body was read: iterate them.
            response.read()
            return Stream[Any](response, declared.item_type, self._adapters)
        return parse_response(response, response_types, self._adapters)
