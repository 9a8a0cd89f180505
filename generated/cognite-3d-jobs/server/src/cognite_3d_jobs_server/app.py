# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""FastAPI app for Cognite Data Fusion 3D jobs v1: one route per operation.

Parameters keep their wire names, request bodies are validated strictly by the client's own
models, and every error (401, 422, 501, ...) has the shape the spec documents. Handlers call
the ``Service`` you pass to ``create_app`` (``implementation.Implementation`` by default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, cast

from cognite_3d_jobs.models import (
    ErrorResponse,
    JobCreateList,
    JobList,
)
from fastapi import APIRouter, Body, Depends, FastAPI, Header, Request
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter
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
    title="Cognite Data Fusion 3D jobs",
    version="v1",  # FastAPI requires one
    # Operations whose spec documents no VALIDATION_STATUS response: FastAPI's 422 is removed.
    undocumented_validation=frozenset([]),
    operation_security={
        "createJobs": [{"oidcBearer": []}],
    },
    security_schemes=SECURITY_SCHEMES,
)


class ApplicationJsonResponse(JSONResponse):
    media_type = "application/json"


# Routes match a key's real path and the query string it declares (see `_runtime/_routing.py`).
router = APIRouter(route_class=QueryRoute)


def _register(method: str, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
    register(router, method, path, endpoint, **options)


def _service(request: Request) -> Service:
    return cast(Service, request.app.state.service)


_CREATE_JOBS_BODY: TypeAdapter[JobCreateList] = TypeAdapter(JobCreateList)


_CREATE_JOBS_RESPONSES = ResponseContract(
    "createJobs",
    {
        201: JobList,
        400: ErrorResponse,
        401: ErrorResponse,
        403: ErrorResponse,
        422: ErrorResponse,
        429: ErrorResponse,
        500: ErrorResponse,
    },
)


async def create_jobs_route(
    http_request: Request,
    *,
    _media: Annotated[None, Depends(media_type_check(["application/json"]))],
    cdf_version: Annotated[
        str | None,
        Header(
            alias="cdf-version",
            description="Optional API version pin, for example `20230101-beta`.",
        ),
    ] = None,
    body: Annotated[
        JobCreateList,
        Body(
            media_type="application/json",
            description="The job with a given source. Currently supports only one job to be created at the time.",
        ),
    ],
) -> Response:
    body = strict_body(_CREATE_JOBS_BODY, await http_request.body())
    result = await guarded(
        _service(http_request).create_jobs(
            cdf_version=cdf_version,
            body=body,
        )
    )
    return answer(
        result,
        201,
        "application/json",
        _CREATE_JOBS_RESPONSES,
        http_request,
    )


_register(
    "POST",
    "/3d/jobs",
    create_jobs_route,
    operation_id="createJobs",
    summary="Create a job using 3D source data",
    status_code=201,
    response_model=JobList,
    response_class=ApplicationJsonResponse,
    response_description="A list of the created jobs",
    responses={
        400: {"description": "Bad request.", "model": ErrorResponse},
        401: {
            "description": "Unauthorized: missing or invalid access token.",
            "model": ErrorResponse,
        },
        403: {
            "description": "Forbidden: the token lacks the required capabilities.",
            "model": ErrorResponse,
        },
        422: {"description": "Unprocessable entity.", "model": ErrorResponse},
        429: {"description": "Too many requests.", "model": ErrorResponse},
        500: {"description": "Internal server error.", "model": ErrorResponse},
    },
    dependencies=[Depends(require([["oidcBearer"]]))],
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
