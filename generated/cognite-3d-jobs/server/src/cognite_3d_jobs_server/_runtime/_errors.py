# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Error answers in the shape the spec documents for each operation and status."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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


def default_code(status: int) -> str:
    """The code an error of `status` gets when the spec shows none."""
    return DEFAULT_CODES.get(status, "Error" if status < 500 else "ServerError")


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


# Unstructured fallback for an API that documents no error schema.
PLAIN_SHAPE = ErrorShape(base={}, code_key="code", message_key="message")


@dataclass(frozen=True)
class ErrorTable:
    """Which shape, media type and code each operation's error statuses use."""

    # operation id → status → (shape, media type, the code the spec shows for that status)
    operations: Mapping[str, Mapping[int, tuple[ErrorShape, str, str]]] = field(
        default_factory=dict
    )
    default_shape: ErrorShape = PLAIN_SHAPE
    default_media_type: str = "application/json"

    def lookup(self, operation_id: str | None, status: int) -> tuple[ErrorShape, str, str]:
        """(shape, media type, default code) for a status: the operation's own documentation,
        else the shape another operation documents for that status, else the API's usual one."""
        documented = self.operations.get(operation_id or "", {})
        if status in documented:
            return documented[status]
        code = default_code(status)
        for uses in self.operations.values():
            if status in uses:
                return uses[status][0], uses[status][1], code
        return self.default_shape, self.default_media_type, code

    def media_type(self, operation_id: str | None, status: int) -> str:
        return self.lookup(operation_id, status)[1]

    def body(self, operation_id: str | None, error: ApiError) -> dict[str, Any]:
        """The JSON body for `error` raised by `operation_id` (None outside any operation)."""
        shape, _, spec_code = self.lookup(operation_id, error.status)
        body: dict[str, Any] = copy.deepcopy(dict(shape.base))
        node = body
        for key in shape.path:
            child = node.get(key)
            if isinstance(child, list) and child and isinstance(child[0], dict):
                node = child[0]  # `{"errors": [{"message": ...}]}`: the first error
                continue
            if not isinstance(child, dict):
                child = node[key] = {}
            node = child
        if shape.code_key is not None:
            node[shape.code_key] = (
                error.status if shape.code_is_integer else error.code or spec_code
            )
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
