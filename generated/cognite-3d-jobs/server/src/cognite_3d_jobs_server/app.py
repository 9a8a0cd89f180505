# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""FastAPI app for Cognite Data Fusion 3D jobs v1: one route per operation.

Parameters keep their wire names, request bodies are validated strictly by the client's own
models, and every error (401, 422, 501, ...) has the shape the spec documents. Handlers call
the ``Service`` you pass to ``create_app`` (``implementation.Implementation`` by default).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Annotated, Any, cast

from cognite_3d_jobs.models import (
    ErrorResponse,
    JobCreateList,
    JobList,
)
from fastapi import APIRouter, Body, Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ._runtime._handlers import ErrorHandlers, guarded, strict_body
from ._runtime._responses import respond
from ._runtime._routing import QueryRoute
from .errors import ERRORS, VALIDATION_STATUS, ApiError
from .interface import Reply, Service
from .security import SECURITY_SCHEMES, require

__all__ = ["create_app", "router"]

TITLE = "Cognite Data Fusion 3D jobs"
VERSION = "v1"  # FastAPI requires one
# Operations whose spec documents no VALIDATION_STATUS response: FastAPI's own 422 is removed.
_UNDOCUMENTED_VALIDATION: frozenset[str] = frozenset([])
_OPERATION_SECURITY: dict[str, list[dict[str, list[str]]]] = {
    "createJobs": [{"oidcBearer": []}],
}


class ApplicationJsonResponse(JSONResponse):
    media_type = "application/json"


# Routes match a key's real path and the query string it declares (see `_runtime/_routing.py`).
router = APIRouter(route_class=QueryRoute)


def _register(method: str, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
    """Add one operation's route. One FastAPI cannot serve (a parameter type it cannot read,
    ...) answers 501 instead, with a warning, so the rest of the server still starts."""
    try:
        router.add_api_route(path, endpoint, methods=[method], **options)
    except Exception as exc:  # noqa: BLE001 - whatever FastAPI refuses, the rest must start
        reason = f"{type(exc).__name__}: {exc}"
        warnings.warn(f"{method} {path} is not served ({reason}); it answers 501", stacklevel=2)

        async def unsupported(request: Request) -> Response:
            raise ApiError(501, f"{method} {path} is not supported by this server ({reason})")

        router.add_api_route(
            path, unsupported, methods=[method], operation_id=options.get("operation_id")
        )


def _service(request: Request) -> Service:
    return cast(Service, request.app.state.service)


def _respond(result: object, status: int, media_type: str) -> Response:
    """A handler's result as a response: the model (unset fields left out), a Reply, or None."""
    if isinstance(result, Response):
        return result
    if isinstance(result, Reply):
        return respond(result.body, result.status, result.headers, media_type)
    return respond(result, status, {}, media_type)


_CREATE_JOBS_BODY: TypeAdapter[JobCreateList] = TypeAdapter(JobCreateList)


async def create_jobs_route(
    http_request: Request,
    *,
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
    return _respond(result, 201, "application/json")


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


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated schema, with the spec's security and without undocumented 422s."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=TITLE, version=VERSION, routes=app.routes)
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            operation_id = operation.get("operationId")
            if operation_id in _UNDOCUMENTED_VALIDATION:
                operation.get("responses", {}).pop("422", None)
            if operation_id in _OPERATION_SECURITY:
                operation["security"] = _OPERATION_SECURITY[operation_id]
    if SECURITY_SCHEMES:
        schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    app.openapi_schema = schema
    return schema


def create_app(service: Service | None = None) -> FastAPI:
    """The app serving `service` (default: ``implementation.Implementation()``)."""
    if service is None:
        from .implementation import Implementation

        service = Implementation()
    app = FastAPI(title=TITLE, version=VERSION)
    app.state.service = service
    app.include_router(router)
    app.add_exception_handler(ApiError, handlers.on_api_error)
    app.add_exception_handler(RequestValidationError, handlers.on_validation_error)
    app.add_exception_handler(StarletteHTTPException, handlers.on_http_error)
    app.add_exception_handler(Exception, handlers.on_crash)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app
