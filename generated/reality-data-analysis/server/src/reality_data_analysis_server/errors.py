# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Errors in the shape iTwin Reality Data Analysis documents.

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
    base={"error": {}},
    path=["error"],
    code_key="code",
    code_is_integer=False,
    message_key="message",
    details_key=None,
    detail_keys=[],
    details_required=False,
)
SHAPE_2 = ErrorShape(
    base={"error": {"code": "code", "message": "message"}},
    path=["error"],
    code_key="code",
    code_is_integer=False,
    message_key="message",
    details_key="details",
    detail_keys=["code", "message"],
    details_required=False,
)
VALIDATION_STATUS = 422
"""The status invalid requests get: 422, or 400 when the spec documents only 400."""

ERRORS = ErrorTable(
    # operation id → status → (shape, media type, the code the spec shows for that status)
    operations={
        "patchJob": {
            401: (SHAPE_1, "application/vnd.bentley.itwin-platform.v1+json", "Unauthorized"),
            404: (SHAPE_2, "application/vnd.bentley.itwin-platform.v1+json", "JobNotFound"),
            422: (
                SHAPE_2,
                "application/vnd.bentley.itwin-platform.v1+json",
                "InvalidRealityDataAnalysisRequest",
            ),
            429: (SHAPE_1, "application/vnd.bentley.itwin-platform.v1+json", "TooManyRequests"),
        },
    },
    default_shape=SHAPE_1,
    default_media_type="application/vnd.bentley.itwin-platform.v1+json",
)


def error_media_type(operation_id: str | None, status: int) -> str:
    """The media type of an error answer of `operation_id` with `status`."""
    return ERRORS.media_type(operation_id, status)


def error_body(operation_id: str | None, error: ApiError) -> dict[str, Any]:
    """The JSON body for `error` raised by `operation_id` (None outside any operation)."""
    return ERRORS.body(operation_id, error)
