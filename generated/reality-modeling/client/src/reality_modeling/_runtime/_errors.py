# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
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
``message``, ``details`` and ``target`` parsed from the common error envelopes (Bentley
``{"error": {...}}``, Cognite ``{"error": {"code": 400, "missing": [...]}}``, RFC 9457 / 7807
problem details, OAuth ``{"error": "...", "error_description": "..."}``, a list of errors
``{"errors": [{"message": ...}]}`` (Asana, JSON:API, GraphQL), FastAPI's
``{"detail": [{"loc", "msg"}]}`` and flat ``{"code", "message"}``; any other declared error
schema is searched for a message field a few levels down), plus the raw ``body`` and the
``httpx.Response``.
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
    "RequestValidationError",
    "UnprocessableEntityError",
    "connection_error",
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
    info = _parse_envelope(body)
    if info.message is None:
        # A declared error schema of its own: its message a few levels down.
        found = _find_message(body, _MAX_SEARCH_DEPTH)
        if found is not None:
            info = ErrorInfo(info.code, found, info.details, info.target)
    return info


def _parse_envelope(body: Mapping[str, Any]) -> ErrorInfo:
    error = body.get("error")
    if isinstance(error, Mapping):
        return _parse_error_object(error)
    if isinstance(error, str):
        # OAuth 2.0 (RFC 6749 section 5.2): {"error": "invalid_client", "error_description": ...}
        description = _as_text(body.get("error_description"))
        return ErrorInfo(code=error, message=description or _as_text(body.get("message")) or error)
    detail = body.get("detail")
    if isinstance(detail, list):
        # FastAPI / pydantic: {"detail": [{"loc": ["body", "name"], "msg": "...", "type": ...}]}
        details = _parse_details(detail)
        return ErrorInfo(message=_summary(details), details=details)
    if "title" in body or "detail" in body:
        # RFC 9457 (formerly 7807) problem details.
        return ErrorInfo(
            code=_as_code(body.get("code")) or _as_text(body.get("type")),
            message=_as_text(detail) or _as_text(body.get("title")),
            details=_parse_details(body.get("errors")),
            target=_as_text(body.get("instance")),
        )
    errors = body.get("errors")
    if isinstance(errors, list) and errors and not _as_text(body.get("message")):
        # Asana, JSON:API, GraphQL: {"errors": [{"message": ...}, ...]}
        details = _parse_details(errors)
        first = details[0]
        return ErrorInfo(
            code=_as_code(body.get("code")) or first.code,
            message=_summary(details),
            details=details,
            target=first.target,
        )
    return _parse_error_object(body)


# Keys that hold an error's human message, in the order they are preferred.
_MESSAGE_KEYS = (
    "message",
    "msg",
    "detail",
    "error_description",
    "errorMessage",
    "error_message",
    "description",
    "reason",
    "faultstring",
    "title",
)
_MAX_SEARCH_DEPTH = 3


def _find_message(node: object, depth: int) -> str | None:
    """The first message-like string in `node`, breadth first, at most `depth` levels down."""
    level: list[object] = [node]
    for _ in range(depth + 1):
        following: list[object] = []
        for item in level:
            if isinstance(item, Mapping):
                text = _message_at(item)
                if text is not None:
                    return text
                following.extend(v for v in item.values() if isinstance(v, Mapping | list))
            elif isinstance(item, list):
                following.extend(v for v in item[:1] if isinstance(v, Mapping | list))
        level = following
    return None


def _message_at(item: Mapping[str, Any]) -> str | None:
    """A message among an object's own string fields: a known key, else a key that says it
    is one (`errorText`, `failureReason`), never a code, id or type."""
    for key in _MESSAGE_KEYS:
        text = item.get(key)
        if isinstance(text, str) and text.strip():
            return text
    for key, text in item.items():
        name = str(key).lower()
        if (
            isinstance(text, str)
            and text.strip()
            and any(word in name for word in _MESSAGE_WORDS)
            and not any(word in name for word in _NOT_MESSAGE_WORDS)
        ):
            return text
    return None


_MESSAGE_WORDS = ("message", "description", "detail", "reason", "error", "text")
_NOT_MESSAGE_WORDS = ("code", "id", "type", "uri", "url", "link", "time", "date")


def _summary(details: Sequence[ErrorDetail]) -> str | None:
    """The first detail's message (with its target), and how many more there are."""
    if not details:
        return None
    first = details[0]
    text = first.message or str(first)
    if first.target and first.message:
        text = f"{first.target}: {first.message}"
    more = len(details) - 1
    return f"{text} (and {more} more)" if more else text


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
    if isinstance(raw, Mapping):
        # {"errors": {"email": ["is invalid"]}}: one detail per field and message
        return tuple(
            ErrorDetail(code=None, message=_as_text(m), target=str(field), raw=m)
            for field, messages in raw.items()
            for m in (messages if isinstance(messages, list) else [messages])
        )
    if not isinstance(raw, list):
        return ()
    details: list[ErrorDetail] = []
    for item in raw:
        if isinstance(item, Mapping):
            details.append(
                ErrorDetail(
                    code=_as_code(item.get("code")),
                    message=_as_text(item.get("message"))
                    or _as_text(item.get("msg"))
                    or _as_text(item.get("detail"))
                    or _as_text(item.get("title")),
                    target=_target(item),
                    raw=item,
                )
            )
        else:
            details.append(ErrorDetail(code=None, message=_as_text(item), target=None, raw=item))
    return tuple(details)


def _target(item: Mapping[str, Any]) -> str | None:
    """Where an error entry points: `target`, `field`, pydantic's `loc`, JSON:API's
    `source.pointer`, GraphQL's `path`."""
    for key in ("target", "field", "param", "parameter"):
        text = _as_text(item.get(key))
        if text:
            return text
    for key in ("loc", "path"):
        steps = item.get(key)
        if isinstance(steps, list) and steps:
            return ".".join(str(s) for s in steps)
    source = item.get("source")
    if isinstance(source, Mapping):
        return _as_text(source.get("pointer")) or _as_text(source.get("parameter"))
    return None


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
