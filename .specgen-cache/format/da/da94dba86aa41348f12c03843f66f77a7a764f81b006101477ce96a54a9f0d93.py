# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Errors in the shape iTwin Reality Analysis documents.

Raise ``ApiError`` (or return a ``Reply``) from your implementation; the app turns it into a body
valid against the error schema the spec gives that operation and status.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ApiError",
    "ErrorDetail",
    "ErrorShape",
    "NotImplementedOperation",
    "VALIDATION_STATUS",
    "error_body",
    "error_media_type",
]


@dataclass(frozen=True)
class ErrorDetail:
    """One specific problem (a parameter, a body field) inside an error."""

    code: str
    message: str
    target: str | None = None


class ApiError(Exception):
    """An error answer: status, a code (the spec's code for that status when omitted), a message."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: Sequence[ErrorDetail] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.details = tuple(details)
        self.headers = dict(headers or {})


class NotImplementedOperation(ApiError):
    """Raised by every operation the implementation does not provide: answers 501."""

    def __init__(self, operation_id: str) -> None:
        super().__init__(501, f"Operation {operation_id!r} is not implemented by this server.")


@dataclass(frozen=True)
class ErrorShape:
    """Where code, message and details go in one error schema (read from the spec)."""

    base: Mapping[str, Any]
    path: Sequence[str] = ()
    code_key: str | None = None
    code_is_integer: bool = False
    message_key: str | None = None
    details_key: str | None = None
    detail_keys: Sequence[str] = ()
    details_required: bool = False


SHAPE_1 = ErrorShape(
    base={"error": {"code": "code", "message": "message"}},
    path=["error"],
    code_key="code",
    code_is_integer=False,
    message_key="message",
    details_key="details",
    detail_keys=["code", "message", "target"],
    details_required=False,
)
# Unstructured fallback for an API that documents no error schema.
PLAIN_SHAPE = ErrorShape(base={}, code_key="code", message_key="message")
DEFAULT_SHAPE = SHAPE_1
DEFAULT_MEDIA_TYPE = "application/vnd.bentley.itwin-platform.v2+json"
VALIDATION_STATUS = 422
"""The status invalid requests get: 422, or 400 when the spec documents only 400."""

# operation id → status → (shape, media type, the code the spec shows for that status)
OPERATION_ERRORS: dict[str, dict[int, tuple[ErrorShape, str, str]]] = {
    "cancelJob": {
        401: (SHAPE_1, "application/vnd.bentley.itwin-platform.v2+json", "HeaderNotFound"),
        404: (SHAPE_1, "application/vnd.bentley.itwin-platform.v2+json", "JobNotFound"),
        422: (
            SHAPE_1,
            "application/vnd.bentley.itwin-platform.v2+json",
            "InvalidRealityAnalysisRequest",
        ),
        429: (SHAPE_1, "application/vnd.bentley.itwin-platform.v2+json", "RateLimitExceeded"),
    },
}
DEFAULT_CODES: dict[int, str] = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    409: "Conflict",
    415: "UnsupportedMediaType",
    422: "InvalidRequest",
    429: "TooManyRequests",
    500: "InternalServerError",
    501: "NotImplemented",
    503: "ServiceUnavailable",
}


def _lookup(operation_id: str | None, status: int) -> tuple[ErrorShape, str, str]:
    """(shape, media type, default code) for a status: the operation's own documentation, else
    the shape another operation documents for that status, else the API's usual one."""
    documented = OPERATION_ERRORS.get(operation_id or "", {})
    if status in documented:
        return documented[status]
    code = DEFAULT_CODES.get(status, "Error" if status < 500 else "ServerError")
    for uses in OPERATION_ERRORS.values():
        if status in uses:
            return uses[status][0], uses[status][1], code
    return DEFAULT_SHAPE, DEFAULT_MEDIA_TYPE, code


def error_media_type(operation_id: str | None, status: int) -> str:
    return _lookup(operation_id, status)[1]


def error_body(operation_id: str | None, error: ApiError) -> dict[str, Any]:
    """The JSON body for `error` raised by `operation_id` (None outside any operation)."""
    shape, _, spec_code = _lookup(operation_id, error.status)
    body: dict[str, Any] = copy.deepcopy(dict(shape.base))
    node = body
    for key in shape.path:
        child = node.get(key)
        if not isinstance(child, dict):
            child = node[key] = {}
        node = child
    if shape.code_key is not None:
        node[shape.code_key] = error.status if shape.code_is_integer else error.code or spec_code
    if shape.message_key is not None:
        node[shape.message_key] = error.message
    if shape.details_key is not None:
        details = [_detail(d, shape.detail_keys) for d in error.details]
        if details or shape.details_required:
            node[shape.details_key] = details
        else:
            node.pop(shape.details_key, None)
    return body


def _detail(detail: ErrorDetail, keys: Sequence[str]) -> dict[str, Any]:
    values = {"code": detail.code, "message": detail.message, "target": detail.target}
    return {k: values[k] for k in keys if values[k] is not None}
