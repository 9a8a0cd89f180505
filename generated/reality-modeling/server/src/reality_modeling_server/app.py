# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""FastAPI app for iTwin Reality Modeling (ContextCapture) v1: one route per operation.

Parameters keep their wire names, request bodies are validated strictly by the client's own
models, and every error (401, 422, 501, ...) has the shape the spec documents. Handlers call
the ``Service`` you pass to ``create_app`` (``implementation.Implementation`` by default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, cast

from fastapi import APIRouter, Body, Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter
from reality_modeling.models import (
    DetailedErrorResponse,
    ErrorResponse,
    JobCreation,
    JobResponse,
    Jobs,
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
    title="iTwin Reality Modeling (ContextCapture)",
    version="v1",  # FastAPI requires one
    # Operations whose spec documents no VALIDATION_STATUS response: FastAPI's 422 is removed.
    undocumented_validation=frozenset([]),
    operation_security={
        "listJobs": [{"bentleyOAuth2": ["itwin-platform"]}],
        "createJob": [{"bentleyOAuth2": ["itwin-platform"]}],
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


_LIST_JOBS_RESPONSES = ResponseContract(
    "listJobs",
    {
        200: Jobs,
        401: ErrorResponse,
        404: ErrorResponse,
        422: DetailedErrorResponse,
        429: ErrorResponse,
    },
)


async def list_jobs_route(
    http_request: Request,
    *,
    filter: Annotated[
        str | None,
        Query(
            alias="$filter",
            description="The $filter query option requests a specific set of jobs.\nThe given filter is evaluated for each job and only job where the filter evaluates to true are returned.\nProperties supported for filtering: id, iTwinId, name, email, type, state, createdDateTime, inputId, outputId.\nSupported operators: eq, lt, le, gt, ge, ne, in, and, or.\n",
        ),
    ] = None,
    continuation_token: Annotated[
        str | None,
        Query(
            alias="continuationToken",
            description="Parameter that enables continuing to the next page of the previous paged query. This must be passed exactly as it is in the response body's _links.next property.",
        ),
    ] = None,
    top: Annotated[
        int,
        Query(
            alias="$top",
            description="The number of reality modeling jobs to get in each page. Max 1000, but 100 is the default if this parameter is not included.",
            ge=1,
            le=1000,
        ),
    ] = 100,
) -> Response:
    result = await guarded(
        _service(http_request).list_jobs(
            filter=filter,
            continuation_token=continuation_token,
            top=top,
        )
    )
    return answer(
        result,
        200,
        "application/vnd.bentley.itwin-platform.v1+json",
        _LIST_JOBS_RESPONSES,
        http_request,
    )


_register(
    "GET",
    "/contextcapture/jobs",
    list_jobs_route,
    operation_id="listJobs",
    summary="Retrieve list of jobs matching provided filter.",
    description="The iTwinId in filter is optional. If it is not provided, this will return jobs created by the same user. However, if the iTwinId is provided and the user has access to it, this will return jobs associated with that specific iTwin.\n\nRequires Authorization header with valid Bearer token for scope itwin-platform.\n\nSetting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.",
    status_code=200,
    response_model=Jobs,
    response_class=ApplicationVndBentleyItwinPlatformV1JsonResponse,
    response_description="OK",
    responses={
        401: {
            "description": "This response indicates that request lacks valid authentication credentials. Access token might not been provided, issued by the wrong issuer, does not have required scopes or request headers were malformed.",
            "model": ErrorResponse,
        },
        404: {"description": "Not Found", "model": ErrorResponse},
        422: {
            "description": "The 422 (Unprocessable Entity) status code indicates that the request cannot be processed by the server due to a client error (e.g. malformed request syntax).",
            "model": DetailedErrorResponse,
        },
        429: {
            "description": "This response indicates that the client sent more requests than allowed by this API for the current tier of the client.",
            "model": ErrorResponse,
        },
    },
    dependencies=[Depends(require([["bentleyOAuth2"]]))],
)


_CREATE_JOB_BODY: TypeAdapter[JobCreation] = TypeAdapter(JobCreation)


_CREATE_JOB_RESPONSES = ResponseContract(
    "createJob",
    {
        201: JobResponse,
        401: ErrorResponse,
        422: DetailedErrorResponse,
        429: ErrorResponse,
    },
)


async def create_job_route(
    http_request: Request,
    *,
    _media: Annotated[None, Depends(media_type_check(["application/json"]))],
    body: Annotated[
        JobCreation,
        Body(media_type="application/json", description="Job Creation"),
    ],
) -> Response:
    body = strict_body(_CREATE_JOB_BODY, await http_request.body())
    result = await guarded(
        _service(http_request).create_job(
            body=body,
        )
    )
    return answer(
        result,
        201,
        "application/vnd.bentley.itwin-platform.v1+json",
        _CREATE_JOB_RESPONSES,
        http_request,
    )


_register(
    "POST",
    "/contextcapture/jobs",
    create_job_route,
    operation_id="createJob",
    summary="Create a new job",
    description="Requires Authorization header with valid Bearer token for scope itwin-platform.\n\nSetting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.",
    status_code=201,
    response_model=JobResponse,
    response_class=ApplicationVndBentleyItwinPlatformV1JsonResponse,
    response_description="Created",
    responses={
        401: {
            "description": "This response indicates that request lacks valid authentication credentials. Access token might not been provided, issued by the wrong issuer, does not have required scopes or request headers were malformed.",
            "model": ErrorResponse,
        },
        422: {
            "description": "The 422 (Unprocessable Entity) status code indicates that the request cannot be processed by the server due to a client error (e.g. malformed request syntax).",
            "model": DetailedErrorResponse,
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
