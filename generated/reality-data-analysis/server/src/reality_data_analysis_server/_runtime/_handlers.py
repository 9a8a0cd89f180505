# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""How the server answers what goes wrong: every error in the shape the spec documents.

`ErrorHandlers` turns an `ApiError` raised by an implementation, FastAPI's validation errors,
Starlette's HTTP errors (404, 405 with a complete `Allow`, a body that does not parse) and
crashes into bodies valid against the error schema of the operation and status.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import TypeAdapter
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match

from ._contract import strict_errors, unset_read_only
from ._errors import ApiError, ErrorDetail, ErrorTable
from ._http import media_type_declared

T = TypeVar("T")
_LOG = logging.getLogger("specgen.server")
_CRASHED = "The server failed to handle the request."


async def guarded(call: Awaitable[T]) -> T:
    """`call` (an implementation's operation), with an unexpected exception turned into the
    500 every crash answers. Left to Starlette's crash handler, it would be answered and then
    raised again, and uvicorn closes the kept-alive connection: the client's next call fails
    too. Logged with its traceback under `specgen.server`."""
    try:
        return await call
    except (ApiError, StarletteHTTPException, RequestValidationError):
        raise
    except Exception:  # noqa: BLE001 - any crash answers 500; the log keeps the traceback
        _LOG.exception("an operation failed")
        raise ApiError(500, _CRASHED) from None


def media_type_check(declared: Sequence[str]) -> Callable[[Request], Awaitable[None]]:
    """A dependency refusing (415) a body whose Content-Type the operation does not declare:
    a server that parsed it anyway would accept what its spec refuses. A dependency, so it
    runs before FastAPI reads the body (which would answer 422 for the wrong reason)."""

    async def check(request: Request) -> None:
        content_type = request.headers.get("content-type")
        if not media_type_declared(content_type, declared):
            accepted = " or ".join(declared)
            message = f"Content-Type {content_type!r} is not accepted here: send {accepted}."
            raise ApiError(415, message)

    return check


def strict_body(adapter: TypeAdapter[Any], raw: bytes) -> Any:
    """The body validated in strict mode from its JSON text: no coercion, wire names only,
    no null where the spec allows none; read-only properties a client sent are then dropped
    (see `_contract`). Dates and times written as text are parsed as JSON has them."""
    value, errors = strict_errors(adapter, raw)
    if errors:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors])
    return unset_read_only(value)


@dataclass(frozen=True)
class ErrorHandlers:
    errors: ErrorTable
    validation_status: int  # 422, or 400 when the spec documents only 400
    router: APIRouter

    def response(self, request: Request, error: ApiError) -> JSONResponse:
        """`error` in the shape the spec documents for the request's operation and status."""
        operation_id = _operation_id(request)
        return JSONResponse(
            self.errors.body(operation_id, error),
            status_code=error.status,
            headers=error.headers or None,
            media_type=self.errors.media_type(operation_id, error.status),
        )

    async def on_api_error(self, request: Request, exc: Exception) -> Response:
        return self.response(request, cast(ApiError, exc))

    async def on_validation_error(self, request: Request, exc: Exception) -> Response:
        errors = cast(RequestValidationError, exc).errors()
        details = [_detail(dict(e)) for e in errors]
        first = details[0] if details else None
        message = f"{first.target}: {first.message}" if first else "The request is invalid."
        return self.response(request, ApiError(self.validation_status, message, details=details))

    async def on_http_error(self, request: Request, exc: Exception) -> Response:
        http = cast(StarletteHTTPException, exc)
        headers = dict(http.headers or {})
        if http.status_code == 405:
            headers["Allow"] = self._allowed_methods(request) or headers.get("Allow", "")
        if http.status_code == 400 and _operation_id(request) is not None:
            # FastAPI's "error parsing the body": an invalid request like any other.
            detail = ErrorDetail("InvalidRequestBody", str(http.detail), "body")
            error = ApiError(
                self.validation_status, str(http.detail), details=[detail], headers=headers
            )
            return self.response(request, error)
        return self.response(request, ApiError(http.status_code, str(http.detail), headers=headers))

    async def on_crash(self, request: Request, exc: Exception) -> Response:
        return self.response(request, ApiError(500, _CRASHED))

    def _allowed_methods(self, request: Request) -> str:
        """Every method some route serves at the request's path (each route has one method,
        so Starlette's own `Allow` names only the first route that matched the path)."""
        methods: set[str] = set()
        for route in self.router.routes:
            if isinstance(route, APIRoute) and route.matches(request.scope)[0] != Match.NONE:
                methods |= route.methods or set()
        return ", ".join(sorted(methods))


def _operation_id(request: Request) -> str | None:
    route = request.scope.get("route")
    operation_id = getattr(route, "operation_id", None)
    return operation_id if isinstance(operation_id, str) else None


def _target(loc: tuple[Any, ...]) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc[1:]).lstrip(".")
    return path or str(loc[0])


def _detail(error: dict[str, Any]) -> ErrorDetail:
    loc = tuple(error.get("loc", ()))
    in_body = bool(loc) and loc[0] == "body"
    kind = str(error.get("type", ""))
    if kind == "missing":
        code = "MissingRequiredProperty" if in_body else "MissingRequiredParameter"
    elif kind == "extra_forbidden":
        code = "UnknownProperty"
    elif kind == "null_refused":
        code = "NullNotAllowed" if in_body else "InvalidParameter"
    elif kind.startswith("json"):
        code = "InvalidRequestBody"
    else:
        code = "InvalidValue" if in_body else "InvalidParameter"
    return ErrorDetail(code, str(error.get("msg", "Invalid value.")), _target(loc))
