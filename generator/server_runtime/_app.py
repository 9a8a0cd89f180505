"""The fixed part of a generated server's `app.py`: registering routes (with a 501 fallback),
writing handler results, the OpenAPI document it serves, and assembling the FastAPI app.

`app.py` itself holds what comes from the spec (one route function per operation and the
spec's facts); everything here is the same for every spec and tested once, here.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ._contract import ResponseContract, checks_responses
from ._errors import ApiError, ErrorTable
from ._handlers import ErrorHandlers
from ._http import body_allowed
from ._responses import json_content, respond


@dataclass(frozen=True)
class Reply:
    """An answer other than the default: any documented status, a body, extra headers."""

    status: int
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)


def register(
    router: APIRouter, method: str, path: str, endpoint: Callable[..., Any], **options: Any
) -> None:
    """Add one operation's route. One FastAPI cannot serve (a parameter type it cannot read,
    ...) answers 501 instead, with a warning, so the rest of the server still starts."""
    try:
        router.add_api_route(path, endpoint, methods=[method], **options)
    except Exception as exc:  # noqa: BLE001 - whatever FastAPI refuses, the rest must start
        reason = f"{type(exc).__name__}: {exc}"
        warnings.warn(f"{method} {path} is not served ({reason}); it answers 501", stacklevel=3)

        async def unsupported(request: Request) -> Response:
            raise ApiError(501, f"{method} {path} is not supported by this server ({reason})")

        router.add_api_route(
            path, unsupported, methods=[method], operation_id=options.get("operation_id")
        )


def answer(
    result: object,
    status: int,
    media_type: str,
    contract: ResponseContract | None = None,
    request: Request | None = None,
) -> Response:
    """A handler's result as a response: the model (unset fields left out), a Reply, or None.
    With a `contract` (and the app's ``check_responses`` on) a JSON body the spec refuses for
    its status is answered 500 instead, and logged with the place of each problem."""
    if isinstance(result, Response):
        return result
    body, headers = (result.body, result.headers) if isinstance(result, Reply) else (result, {})
    if isinstance(result, Reply):
        status = result.status
    if (
        contract is not None
        and request is not None
        and getattr(request.app.state, "check_responses", True)
        and body is not None
        and body_allowed(status)
        and not (isinstance(body, bytes | str) and "json" not in media_type)
    ):
        contract.check(status, json_content(body))
    return respond(body, status, headers, media_type)


@dataclass(frozen=True)
class SpecFacts:
    """What the served OpenAPI document takes from the spec rather than from the routes."""

    title: str
    version: str
    # Operations whose spec documents no validation-error response: FastAPI's 422 is removed.
    undocumented_validation: frozenset[str] = frozenset()
    operation_security: Mapping[str, list[dict[str, list[str]]]] = field(default_factory=dict)
    security_schemes: Mapping[str, Any] = field(default_factory=dict)


def openapi_document(app: FastAPI, facts: SpecFacts) -> dict[str, Any]:
    """The generated schema, with the spec's security and without undocumented 422s."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=facts.title, version=facts.version, routes=app.routes)
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            operation_id = operation.get("operationId")
            if operation_id in facts.undocumented_validation:
                operation.get("responses", {}).pop("422", None)
            if operation_id in facts.operation_security:
                operation["security"] = facts.operation_security[operation_id]
    if facts.security_schemes:
        schema.setdefault("components", {})["securitySchemes"] = dict(facts.security_schemes)
    app.openapi_schema = schema
    return schema


def build_app(
    service: object,
    router: APIRouter,
    handlers: ErrorHandlers,
    facts: SpecFacts,
    *,
    check_responses: bool | None = None,
    errors: ErrorTable | None = None,
) -> FastAPI:
    """The app serving `service` on `router`, every error answered by `handlers` (in the
    shapes of `errors` when given: the mock's fully filled ones); responses are checked
    against the spec unless `check_responses` (default: the environment's
    ``SPECGEN_CHECK_RESPONSES``, on unless ``0``) says not to (see `_contract`)."""
    if errors is not None:
        handlers = replace(handlers, errors=errors)
    # The routes go on the app itself: FastAPI >= 0.165 serves an included router through a
    # lazy per-route context, walked with a scope save and restore for every candidate (and
    # a pydantic field per route built on the first request): on a spec of 1,000 operations
    # that is ~4 ms a request and 4 s before the first answer; the app's own routes match in
    # a plain loop. The routes are the router's, already built: nothing else changes.
    app = FastAPI(title=facts.title, version=facts.version, routes=list(router.routes))
    app.state.service = service
    app.state.check_responses = checks_responses(check_responses)
    app.add_exception_handler(ApiError, handlers.on_api_error)
    app.add_exception_handler(RequestValidationError, handlers.on_validation_error)
    app.add_exception_handler(StarletteHTTPException, handlers.on_http_error)
    app.add_exception_handler(Exception, handlers.on_crash)
    app.openapi = lambda: openapi_document(app, facts)  # type: ignore[method-assign]
    return app
