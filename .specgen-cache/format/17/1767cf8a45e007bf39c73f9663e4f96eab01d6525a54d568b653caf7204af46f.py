# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Exceptions raised by generated clients.

::

    APIError                          anything that went wrong talking to the API
    ├── APIConnectionError            no usable response (DNS, refused, reset, TLS, ...)
    │   └── APITimeoutError           the request timed out
    ├── APIResponseValidationError    a 2xx response did not match the declared schema
    ├── PaginationError               a paged response could not be followed
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
``message``, ``details`` and ``target`` parsed from the common error envelopes (Bentley
``{"error": {...}}``, Cognite ``{"error": {"code": 400, "missing": [...]}}``, RFC 7807 problem
details, OAuth ``{"error": "...", "error_description": "..."}`` and flat ``{"code", "message"}``),
plus the raw ``body`` and the ``httpx.Response``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ErrorDetail",
    "ErrorInfo",
    "InternalServerError",
    "NotFoundError",
    "OAuth2TokenError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "decode_body",
    "parse_error_body",
    "make_status_error",
    "status_error_class",
]


@dataclass(frozen=True)
class ErrorDetail:
    """One entry of an error's ``details`` (Bentley) or ``missing``/``duplicated`` (Cognite)."""

    code: str | int | None
    message: str | None
    target: str | None
    raw: object = None

    def __str__(self) -> str:
        parts = [str(p) for p in (self.code, self.target) if p is not None]
        head = "/".join(parts)
        if self.message is None:
            return head
        return f"{head}: {self.message}" if head else self.message


@dataclass(frozen=True)
class ErrorInfo:
    """What could be read out of an error response body."""

    code: str | int | None = None
    message: str | None = None
    details: tuple[ErrorDetail, ...] = ()
    target: str | None = None


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


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class raised for ``status_code``."""
    if status_code >= 500:
        return InternalServerError
    return _CLASS_BY_STATUS.get(status_code, APIStatusError)


def decode_body(response: httpx.Response) -> object | None:
    """The body as JSON if it parses, else as text; ``None`` when empty. Never raises."""
    content = response.content
    if not content:
        return None
    try:
        parsed: object = json.loads(content)
    except ValueError:
        pass
    else:
        return parsed
    try:
        return response.text
    except (LookupError, ValueError):
        return content.decode("utf-8", errors="replace")


def parse_error_body(body: object) -> ErrorInfo:
    """Read code/message/details/target from the error envelopes used by common APIs."""
    if isinstance(body, str):
        text = body.strip()
        return ErrorInfo(message=_truncate(text) if text else None)
    if not isinstance(body, Mapping):
        return ErrorInfo()
    error = body.get("error")
    if isinstance(error, Mapping):
        return _parse_error_object(error)
    if isinstance(error, str):
        # OAuth 2.0 (RFC 6749 section 5.2): {"error": "invalid_client", "error_description": ...}
        description = _as_text(body.get("error_description"))
        return ErrorInfo(code=error, message=description or _as_text(body.get("message")) or error)
    if "title" in body or "detail" in body:
        # RFC 7807 problem details.
        return ErrorInfo(
            code=_as_code(body.get("code")) or _as_text(body.get("type")),
            message=_as_text(body.get("detail")) or _as_text(body.get("title")),
            details=_parse_details(body.get("errors")),
            target=_as_text(body.get("instance")),
        )
    return _parse_error_object(body)


def _parse_error_object(error: Mapping[str, Any]) -> ErrorInfo:
    details = list(_parse_details(error.get("details")))
    # Cognite lists the offending identifiers instead of details.
    for key in ("missing", "duplicated"):
        items = error.get(key)
        if isinstance(items, list):
            details.extend(
                ErrorDetail(code=key, message=None, target=_describe_identifier(item), raw=item)
                for item in items
            )
    return ErrorInfo(
        code=_as_code(error.get("code")),
        message=_as_text(error.get("message")) or _as_text(error.get("detail")),
        details=tuple(details),
        target=_as_text(error.get("target")),
    )


def _parse_details(raw: object) -> tuple[ErrorDetail, ...]:
    if not isinstance(raw, list):
        return ()
    details: list[ErrorDetail] = []
    for item in raw:
        if isinstance(item, Mapping):
            details.append(
                ErrorDetail(
                    code=_as_code(item.get("code")),
                    message=_as_text(item.get("message")) or _as_text(item.get("detail")),
                    target=_as_text(item.get("target")),
                    raw=item,
                )
            )
        else:
            details.append(ErrorDetail(code=None, message=_as_text(item), target=None, raw=item))
    return tuple(details)


def _describe_identifier(item: object) -> str:
    if isinstance(item, Mapping):
        return ", ".join(f"{key}={value}" for key, value in item.items())
    return str(item)


def _as_code(value: object) -> str | int | None:
    # Cognite uses the numeric HTTP status as its code; keep it as the server sent it.
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str | int):
        return value
    return None


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    return str(value)


def _fallback_message(response: httpx.Response) -> str:
    return response.reason_phrase or f"HTTP {response.status_code}"


def _truncate(text: str, limit: int = 500) -> str:
    return text if len(text) <= limit else text[:limit] + "..."
