# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Bearer tokens: static strings, callables (called on every request so tokens can refresh),
and OAuth2 client-credentials providers that fetch, cache and refresh a token."""

from __future__ import annotations

import asyncio
import inspect
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeAlias, runtime_checkable

import httpx

from ._errors import APIConnectionError, APITimeoutError, OAuth2TokenError, make_status_error

__all__ = [
    "AsyncOAuth2ClientCredentials",
    "AsyncTokenProvider",
    "OAuth2ClientCredentials",
    "RenewableToken",
    "TokenProvider",
    "auth_headers",
    "resolve_token",
    "resolve_token_async",
]

TokenProvider: TypeAlias = str | Callable[[], str]
"""A bearer token, or a zero-argument callable returning the current one."""

AsyncTokenProvider: TypeAlias = str | Callable[[], str] | Callable[[], Awaitable[str]]
"""Like ``TokenProvider``; the callable may also be ``async``."""

ClientAuthMethod: TypeAlias = Literal["client_secret_post", "client_secret_basic"]

DEFAULT_TOKEN_LIFETIME = 300.0
"""Seconds a token without ``expires_in`` is trusted for (RFC 6749 makes the field optional)."""


@runtime_checkable
class RenewableToken(Protocol):
    """A token provider that caches; on a 401 the client calls ``invalidate()`` and retries once
    with a freshly fetched token."""

    def invalidate(self) -> None: ...


def resolve_token(token: TokenProvider | None) -> str | None:
    """The current token; a callable is called once per call of this function."""
    if token is None or isinstance(token, str):
        return token
    value = token()
    return _check_token(value)


async def resolve_token_async(token: AsyncTokenProvider | None) -> str | None:
    """Like ``resolve_token``, awaiting the result of an async callable."""
    if token is None or isinstance(token, str):
        return token
    value: object = token()
    if inspect.isawaitable(value):
        value = await value
    return _check_token(value)


def _check_token(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError(f"token provider must return a non-empty str, got {value!r}")
    return value


def auth_headers(token: str | None) -> dict[str, str]:
    """``Authorization: Bearer <token>``; a token already starting with a scheme is kept."""
    if token is None:
        return {}
    if token.lower().startswith("bearer ") or token.lower().startswith("basic "):
        return {"Authorization": token}
    return {"Authorization": f"Bearer {token}"}


@dataclass(frozen=True)
class _CachedToken:
    access_token: str
    refresh_at: float


@dataclass(frozen=True, repr=False)  # the form data holds the client secret
class _TokenRequest:
    data: dict[str, str]
    auth: httpx.Auth


def _token_request(
    client_id: str, client_secret: str, scopes: tuple[str, ...], method: ClientAuthMethod
) -> _TokenRequest:
    data = {"grant_type": "client_credentials"}
    if scopes:
        data["scope"] = " ".join(scopes)
    if method == "client_secret_basic":
        return _TokenRequest(data=data, auth=httpx.BasicAuth(client_id, client_secret))
    data["client_id"] = client_id
    data["client_secret"] = client_secret
    # The base Auth is a no-op: it also stops a shared client's own auth from being applied.
    return _TokenRequest(data=data, auth=httpx.Auth())


def _read_token(
    response: httpx.Response, token_url: str, fetched_at: float, refresh_margin: float
) -> _CachedToken:
    prefix = f"OAuth2 token request to {token_url} failed with HTTP {response.status_code}"
    if not response.is_success:
        raise make_status_error(response, error_class=OAuth2TokenError, prefix=prefix)
    try:
        payload: Any = response.json()
    except ValueError:
        payload = None
    access_token = payload.get("access_token") if isinstance(payload, Mapping) else None
    if not isinstance(access_token, str) or not access_token:
        raise OAuth2TokenError(
            f"OAuth2 token endpoint {token_url} answered {response.status_code} "
            "without an access_token",
            response=response,
            body=payload if payload is not None else response.text,
        )
    lifetime = _lifetime(payload.get("expires_in"))
    # Refresh early, but never so early that a short-lived token is refetched on every call.
    margin = min(refresh_margin, lifetime / 2)
    return _CachedToken(access_token=access_token, refresh_at=fetched_at + lifetime - margin)


def _lifetime(expires_in: object) -> float:
    if isinstance(expires_in, bool):
        return DEFAULT_TOKEN_LIFETIME
    if isinstance(expires_in, int | float):
        return max(float(expires_in), 0.0)
    if isinstance(expires_in, str):
        try:
            return max(float(expires_in), 0.0)
        except ValueError:
            return DEFAULT_TOKEN_LIFETIME
    return DEFAULT_TOKEN_LIFETIME


def _transport_error(exc: httpx.TransportError, token_url: str) -> APIConnectionError:
    request = exc.request if _has_request(exc) else httpx.Request("POST", token_url)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"OAuth2 token request to {token_url} timed out", request=request)
    return APIConnectionError(f"OAuth2 token request to {token_url} failed: {exc}", request=request)


def _has_request(exc: httpx.TransportError) -> bool:
    try:
        exc.request  # noqa: B018 - the property raises when no request is attached
    except RuntimeError:
        return False
    return True


class _OAuth2Base:
    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: Iterable[str],
        *,
        clock: Callable[[], float],
        refresh_margin: float,
        auth_method: ClientAuthMethod,
    ) -> None:
        if refresh_margin < 0:
            raise ValueError(f"refresh_margin must be >= 0, got {refresh_margin}")
        self.token_url = token_url
        self.client_id = client_id
        self.scopes = tuple(scopes)
        self._request = _token_request(client_id, client_secret, self.scopes, auth_method)
        self._clock = clock
        self._refresh_margin = refresh_margin
        self._cached: _CachedToken | None = None

    def _fresh_cached_token(self) -> str | None:
        cached = self._cached
        if cached is not None and self._clock() < cached.refresh_at:
            return cached.access_token
        return None

    def invalidate(self) -> None:
        """Forget the cached token so the next call fetches a new one (e.g. after a 401)."""
        self._cached = None

    def __repr__(self) -> str:
        # Never show the secret.
        return f"{type(self).__name__}(token_url={self.token_url!r}, client_id={self.client_id!r})"


class OAuth2ClientCredentials(_OAuth2Base):
    """Token provider for the OAuth2 client-credentials grant; pass it as ``token=``.

    The token is fetched on first use, cached, and refetched ``refresh_margin`` seconds before
    ``expires_in`` runs out. Safe to share between threads.
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: Iterable[str] = (),
        *,
        clock: Callable[[], float] = time.monotonic,
        http_client: httpx.Client | None = None,
        refresh_margin: float = 60.0,
        auth_method: ClientAuthMethod = "client_secret_post",
        timeout: float = 30.0,
    ) -> None:
        super().__init__(
            token_url,
            client_id,
            client_secret,
            scopes,
            clock=clock,
            refresh_margin=refresh_margin,
            auth_method=auth_method,
        )
        self._http_client = http_client
        self._timeout = timeout
        self._lock = threading.Lock()

    def __call__(self) -> str:
        token = self._fresh_cached_token()
        if token is not None:
            return token
        with self._lock:
            # Another thread may have refreshed while this one waited for the lock.
            token = self._fresh_cached_token()
            if token is not None:
                return token
            fetched_at = self._clock()
            response = self._post()
            self._cached = _read_token(response, self.token_url, fetched_at, self._refresh_margin)
            return self._cached.access_token

    def _post(self) -> httpx.Response:
        request = self._request
        try:
            if self._http_client is not None:
                return self._http_client.post(
                    self.token_url, data=request.data, auth=request.auth, timeout=self._timeout
                )
            with httpx.Client(timeout=self._timeout) as client:
                return client.post(self.token_url, data=request.data, auth=request.auth)
        except httpx.TransportError as exc:
            raise _transport_error(exc, self.token_url) from exc


class AsyncOAuth2ClientCredentials(_OAuth2Base):
    """Async counterpart of ``OAuth2ClientCredentials`` for ``AsyncAPIClient(token=...)``."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: Iterable[str] = (),
        *,
        clock: Callable[[], float] = time.monotonic,
        http_client: httpx.AsyncClient | None = None,
        refresh_margin: float = 60.0,
        auth_method: ClientAuthMethod = "client_secret_post",
        timeout: float = 30.0,
    ) -> None:
        super().__init__(
            token_url,
            client_id,
            client_secret,
            scopes,
            clock=clock,
            refresh_margin=refresh_margin,
            auth_method=auth_method,
        )
        self._http_client = http_client
        self._timeout = timeout
        self._lock = asyncio.Lock()

    async def __call__(self) -> str:
        token = self._fresh_cached_token()
        if token is not None:
            return token
        async with self._lock:
            token = self._fresh_cached_token()
            if token is not None:
                return token
            fetched_at = self._clock()
            response = await self._post()
            self._cached = _read_token(response, self.token_url, fetched_at, self._refresh_margin)
            return self._cached.access_token

    async def _post(self) -> httpx.Response:
        request = self._request
        try:
            if self._http_client is not None:
                return await self._http_client.post(
                    self.token_url, data=request.data, auth=request.auth, timeout=self._timeout
                )
            async with httpx.AsyncClient(timeout=self._timeout) as client:
                return await client.post(self.token_url, data=request.data, auth=request.auth)
        except httpx.TransportError as exc:
            raise _transport_error(exc, self.token_url) from exc
