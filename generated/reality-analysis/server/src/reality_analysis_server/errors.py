# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Errors in the shape iTwin Reality Analysis documents.

Raise ``ApiError`` (or return a ``Reply``) from your implementation; the app turns it into a body
valid against the error schema the spec gives that operation and status.
"""

from __future__ import annotations

from typing import Any

from ._runtime._errors import (
    ApiError,
    ErrorDetail,
    ErrorShape,
    ErrorTable,
    NotImplementedOperation,
)

__all__ = [
    "ApiError",
    "ErrorDetail",
    "ErrorShape",
    "NotImplementedOperation",
    "VALIDATION_STATUS",
    "error_body",
    "error_media_type",
]

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
VALIDATION_STATUS = 422
"""The status invalid requests get: 422, or 400 when the spec documents only 400."""

ERRORS = ErrorTable(
    # operation id → status → (shape, media type, the code the spec shows for that status)
    operations={
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
    },
    default_shape=SHAPE_1,
    default_media_type="application/vnd.bentley.itwin-platform.v2+json",
)


def error_media_type(operation_id: str | None, status: int) -> str:
    """The media type of an error answer of `operation_id` with `status`."""
    return ERRORS.media_type(operation_id, status)


def error_body(operation_id: str | None, error: ApiError) -> dict[str, Any]:
    """The JSON body for `error` raised by `operation_id` (None outside any operation)."""
    return ERRORS.body(operation_id, error)
