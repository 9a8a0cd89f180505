# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""FastAPI app for iTwin Reality Analysis v2: one route per operation.

Parameters keep their wire names, request bodies are validated strictly by the client's own
models, and every error (401, 422, 501, ...) has the shape the spec documents. Handlers call
the ``Service`` you pass to ``create_app`` (``implementation.Implementation`` by default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, FastAPI, Path, Request
from fastapi.responses import JSONResponse
from reality_analysis.models import (
    ErrorResponse,
    JobResponse,
)
from starlette.responses import Response

from ._runtime._app import SpecFacts, answer, build_app, register
from ._runtime._contract import ResponseContract
from ._runtime._errors import ErrorTable
from ._runtime._handlers import ErrorHandlers, guarded
from ._runtime._routing import QueryRoute
from .errors import ERRORS, VALIDATION_STATUS
from .interface import Service
from .security import SECURITY_SCHEMES, require

__all__ = ["create_app", "router"]

FACTS = SpecFacts(
    title="iTwin Reality Analysis",
    version="v2",  # FastAPI requires one
    # Operations whose spec documents no VALIDATION_STATUS response: FastAPI's 422 is removed.
    undocumented_validation=frozenset([]),
    operation_security={
        "cancelJob": [{"bentleyOAuth2": ["itwin-platform"]}],
    },
    security_schemes=SECURITY_SCHEMES,
)


class ApplicationVndBentleyItwinPlatformV2JsonResponse(JSONResponse):
    media_type = "application/vnd.bentley.itwin-platform.v2+json"


# Routes match a key's real path and the query string it declares (see `_runtime/_routing.py`).
router = APIRouter(route_class=QueryRoute)


def _register(method: str, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
    register(router, method, path, endpoint, **options)


def _service(request: Request) -> Service:
    return cast(Service, request.app.state.service)


_CANCEL_JOB_RESPONSES = ResponseContract(
    "cancelJob",
    {
        200: JobResponse,
        401: ErrorResponse,
        404: ErrorResponse,
        422: ErrorResponse,
        429: ErrorResponse,
    },
)


async def cancel_job_route(
    http_request: Request,
    *,
    id: Annotated[
        str,
        Path(alias="id", description="Job id"),
    ],
) -> Response:
    result = await guarded(
        _service(http_request).cancel_job(
            id=id,
        )
    )
    return answer(
        result,
        200,
        "application/vnd.bentley.itwin-platform.v2+json",
        _CANCEL_JOB_RESPONSES,
        http_request,
    )


_register(
    "DELETE",
    "/reality-analysis/jobs/{id}",
    cancel_job_route,
    operation_id="cancelJob",
    summary="Cancel a job.",
    description="Requires Authorization header with valid Bearer token for scope itwin-platform.\n\nSetting `Accept: application/vnd.bentley.itwin-platform.v2+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.",
    status_code=200,
    response_model=JobResponse,
    response_class=ApplicationVndBentleyItwinPlatformV2JsonResponse,
    response_description="OK",
    responses={
        401: {
            "description": "This response indicates that request lacks valid authentication credentials. Access token might not been provided, issued by the wrong issuer, does not have required scopes or request headers were malformed.",
            "model": ErrorResponse,
        },
        404: {
            "description": "This response indicates that the specified job was not found.",
            "model": ErrorResponse,
        },
        422: {
            "description": "The 422 (Unprocessable Entity) status code indicates that the request cannot be processed by the server due to a client error (e.g. malformed request syntax)",
            "model": ErrorResponse,
        },
        429: {
            "description": "This response indicates that the client sent more requests than allowed by this API for the current tier of the client.",
            "model": ErrorResponse,
        },
    },
    dependencies=[Depends(require([["bentleyOAuth2"]]))],
)


handlers = ErrorHandlers(ERRORS, VALIDATION_STATUS, router)
"""Every error answered in the shape the spec documents (see `_runtime/_handlers.py`)."""


def create_app(
    service: Service | None = None,
    *,
    check_responses: bool | None = None,
    errors: ErrorTable | None = None,
) -> FastAPI:
    """The app serving `service` (default: ``implementation.Implementation()``).

    Every response body is checked against the spec (a body it refuses is answered 500 and
    logged) unless `check_responses` is False, or None and ``SPECGEN_CHECK_RESPONSES=0``.
    Errors are written in the spec's shapes (`errors`: another table of them, as the mock's).
    """
    if service is None:
        from .implementation import Implementation

        service = Implementation()
    return build_app(
        service, router, handlers, FACTS, check_responses=check_responses, errors=errors
    )
