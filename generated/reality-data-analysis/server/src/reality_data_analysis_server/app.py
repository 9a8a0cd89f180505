# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""FastAPI app for iTwin Reality Data Analysis v1: one route per operation.

Parameters keep their wire names, request bodies are validated strictly by the client's own
models, and every error (401, 422, 501, ...) has the shape the spec documents. Handlers call
the ``Service`` you pass to ``create_app`` (``implementation.Implementation`` by default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, cast

from fastapi import APIRouter, Body, Depends, FastAPI, Path, Request
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter
from reality_data_analysis.models import (
    ErrorResponse,
    ErrorResponse2,
    JobPatch,
    JobResponse,
)
from starlette.responses import Response

from ._runtime._app import SpecFacts, answer, build_app, register
from ._runtime._contract import ResponseContract
from ._runtime._errors import ErrorTable
from ._runtime._handlers import ErrorHandlers, guarded, media_type_check, strict_body
from ._runtime._routing import QueryRoute
from .errors import ERRORS, VALIDATION_STATUS
from .interface import Service
from .security import SECURITY_SCHEMES, require

__all__ = ["create_app", "router"]

FACTS = SpecFacts(
    title="iTwin Reality Data Analysis",
    version="v1",  # FastAPI requires one
    # Operations whose spec documents no VALIDATION_STATUS response: FastAPI's 422 is removed.
    undocumented_validation=frozenset([]),
    operation_security={
        "patchJob": [{"bentleyOAuth2": ["realitydataanalysis:modify"]}],
    },
    security_schemes=SECURITY_SCHEMES,
)


class ApplicationVndBentleyItwinPlatformV1JsonResponse(JSONResponse):
    media_type = "application/vnd.bentley.itwin-platform.v1+json"


# Routes match a key's real path and the query string it declares (see `_runtime/_routing.py`).
router = APIRouter(route_class=QueryRoute)


def _register(method: str, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
    register(router, method, path, endpoint, **options)


def _service(request: Request) -> Service:
    return cast(Service, request.app.state.service)


_PATCH_JOB_BODY: TypeAdapter[JobPatch] = TypeAdapter(JobPatch)


_PATCH_JOB_RESPONSES = ResponseContract(
    "patchJob",
    {
        200: JobResponse,
        401: ErrorResponse,
        404: ErrorResponse2,
        422: ErrorResponse2,
        429: ErrorResponse,
    },
)


async def patch_job_route(
    http_request: Request,
    *,
    _media: Annotated[None, Depends(media_type_check(["application/json"]))],
    job_id: Annotated[
        str,
        Path(alias="jobId", description="Job id"),
    ],
    body: Annotated[
        JobPatch,
        Body(media_type="application/json", description="Job Patch"),
    ],
) -> Response:
    body = strict_body(_PATCH_JOB_BODY, await http_request.body())
    result = await guarded(
        _service(http_request).patch_job(
            job_id=job_id,
            body=body,
        )
    )
    return answer(
        result,
        200,
        "application/vnd.bentley.itwin-platform.v1+json",
        _PATCH_JOB_RESPONSES,
        http_request,
    )


_register(
    "PATCH",
    "/realitydataanalysis/jobs/{jobId}",
    patch_job_route,
    operation_id="patchJob",
    summary="Patch an existing job",
    description="Patch can be used for changing the job state (to active or cancelled), updating job type and settings or changing cost estimation parameters.\n\nRequires Authorization header with valid Bearer token for scope realitydataanalysis:modify.\n\nSetting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.",
    status_code=200,
    response_model=JobResponse,
    response_class=ApplicationVndBentleyItwinPlatformV1JsonResponse,
    response_description='OK (the page labels this response "Created")',
    responses={
        401: {
            "description": "This response indicates that request lacks valid authentication credentials. Access token might not been provided, issued by the wrong issuer, does not have required scopes or request headers were malformed.",
            "model": ErrorResponse,
        },
        404: {"description": "Not Found", "model": ErrorResponse2},
        422: {
            "description": "The 422 (Unprocessable Entity) status code indicates that the request cannot be processed by the server due to a client error (e.g. malformed request syntax).",
            "model": ErrorResponse2,
        },
        429: {
            "description": "This response indicates that the user has sent too many requests in a given amount of time.",
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
