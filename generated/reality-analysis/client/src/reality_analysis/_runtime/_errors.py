# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Exceptions raised by generated clients.

::

    APIError                          anything that went wrong talking to the API
    ├── APIConnectionError            no usable response (DNS, refused, reset, TLS, ...)
    │   └── APITimeoutError           the request timed out
    ├── APIResponseValidationError    a 2xx response did not match the declared schema
    ├── PaginationError               a paged response could not be followed
    ├── RequestValidationError        the call's arguments were refused before sending
    │                                 (also a ``ValueError``)
    └── APIStatusError                the server answered with a non-2xx status
        ├── BadRequestError               400
        ├── AuthenticationError           401
        │   └── OAuth2TokenError          the OAuth2 token endpoint refused or misbehaved
        ├── PermissionDeniedError         403
        ├── NotFoundError                 404
        ├── ConflictError                 409
        ├── UnprocessableEntityError      422
        ├── RateLimitError                429 (``retry_after`` in seconds)
        └── InternalServerError           >= 500

Any other 4xx raises a plain ``APIStatusError``. Status errors expose ``status_code``, ``code``,
``message``, ``details`` and ``target`` parsed (by ``_error_body``) from the common error
envelopes (Bentley ``{"error": {...}}``, Cognite ``{"error": {"code": 400, "missing": [...]}}``,
RFC 9457 / 7807 problem details, OAuth ``{"error": "...", "error_description": "..."}``, a list
of errors ``{"errors": [{"message": ...}]}`` (Asana, JSON:API, GraphQL), FastAPI's
``{"detail": [{"loc", "msg"}]}`` and flat ``{"code", "message"}``; any other declared error
schema is searched for a message field a few levels down), plus the raw ``body`` and the
``httpx.Response``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from ._error_body import ErrorDetail, decode_body, parse_error_body

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "OAuth2TokenError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "UnprocessableEntityError",
    "connection_error",
    "make_status_error",
    "status_error_class",
]


class APIError(Exception):
    """Base class of every error a generated client raises."""

    message: str
    request: httpx.Request | None
    body: object | None

    def __init__(
        self, message: str, *, request: httpx.Request | None = None, body: object | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIConnectionError(APIError):
    """The request never produced a usable HTTP response."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(APIError):
    """A successful response body did not validate against the type declared in the spec."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class PaginationError(APIError):
    """A paged response pointed at a next page that cannot be followed (e.g. the same page)."""


class RequestValidationError(APIError, ValueError):
    """The call's arguments were refused before anything was sent (a body that does not match
    its request model, a missing path parameter...). A ``ValueError`` too, so code written for
    the plain ``ValueError`` keeps working; ``errors`` lists pydantic's errors when it refused."""

    errors: tuple[Mapping[str, Any], ...]

    def __init__(self, message: str, *, errors: Sequence[Mapping[str, Any]] = ()) -> None:
        super().__init__(message)
        self.errors = tuple(errors)


class APIStatusError(APIError):
    """The server answered with a non-success status code."""

    response: httpx.Response
    status_code: int
    code: str | int | None
    details: tuple[ErrorDetail, ...]
    target: str | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object | None,
        code: str | int | None = None,
        details: Sequence[ErrorDetail] = (),
        target: str | None = None,
    ) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.code = code
        self.details = tuple(details)
        self.target = target

    def __str__(self) -> str:
        head = f"{self.status_code}"
        if self.code is not None:
            head += f" {self.code}"
        text = f"{head}: {self.message}"
        if self.target is not None:
            text += f" (target: {self.target})"
        for detail in self.details:
            if str(detail) not in (self.message, detail.target):  # said already
                text += f"\n  - {detail}"
        return text


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: missing, expired or invalid credentials."""


class OAuth2TokenError(AuthenticationError):
    """The OAuth2 token endpoint refused the client credentials or returned no token."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests. ``retry_after`` is the server's requested wait in seconds."""

    retry_after: float | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object | None,
        code: str | int | None = None,
        details: Sequence[ErrorDetail] = (),
        target: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(
            message, response=response, body=body, code=code, details=details, target=target
        )
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """Any 5xx status."""


_CLASS_BY_STATUS: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(
    response: httpx.Response,
    *,
    retry_after: float | None = None,
    error_class: type[APIStatusError] | None = None,
    prefix: str | None = None,
) -> APIStatusError:
    """The exception for a non-2xx ``response``, its fields parsed from the body.

    ``error_class`` overrides the class chosen by status; ``prefix`` is put before the
    server's message (e.g. to say which token endpoint failed).
    """
    body = decode_body(response)
    info = parse_error_body(body)
    message = info.message or _fallback_message(response)
    if prefix is not None:
        message = f"{prefix}: {message}"
    cls = error_class or status_error_class(response.status_code)
    fields: dict[str, Any] = {
        "response": response,
        "body": body,
        "code": info.code,
        "details": info.details,
        "target": info.target,
    }
    if issubclass(cls, RateLimitError):
        return cls(message, retry_after=retry_after, **fields)
    return cls(message, **fields)


def connection_error(exc: httpx.RequestError, request: httpx.Request) -> APIConnectionError:
    """The exception for a request that got no response: a timeout, or another transport
    failure."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{request.method} {request.url} timed out", request=request)
    return APIConnectionError(
        f"{request.method} {request.url} failed: {type(exc).__name__}: {exc}", request=request
    )


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class raised for ``status_code``."""
    if status_code >= 500:
        return InternalServerError
    return _CLASS_BY_STATUS.get(status_code, APIStatusError)


def _fallback_message(response: httpx.Response) -> str:
    return response.reason_phrase or f"HTTP {response.status_code}"
