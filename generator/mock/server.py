"""A mock server for a spec: render the server package in memory, import it, plug in the mock.

The generated package is the real one `specgen generate` writes (same routes, validation and
error envelopes); only the service behind it is the mock engine.
"""

from __future__ import annotations

import importlib
import logging
import random
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse
from starlette.responses import Response as StarletteResponse

from generator.diagnostics import Diagnostic
from generator.ir.model import Api
from generator.load import SpecSet
from generator.mock import auth, direct, envelopes, forgive, prefer
from generator.mock.engine import MockEngine
from generator.mock.faults import FaultInjector, Faults
from generator.mock.forgive import Skipped
from generator.mock.replies import MockError, MockReply
from generator.server_runtime._http import body_allowed

_LOG = logging.getLogger("specgen.mock")


@dataclass(frozen=True)
class MockOptions:
    stateful: bool = False
    seed: int = 0
    faults: Faults = field(default_factory=Faults)
    data: tuple[dict[str, Any], ...] = ()  # resources to preload (stateful)
    token: str | None = None  # the one credential secured operations accept (None: any)
    direct: bool = False  # honour X-Specgen-Answer from loopback peers (generator.mock.direct)
    minimal: bool = False  # lean answers (required properties only), as `Prefer: return=minimal`


@dataclass(frozen=True)
class RenderedServer:
    """A spec rendered to a folder and its server package imported."""

    api: Api
    package: ModuleType  # <pkg>_server
    root: Path  # the target folder (client/ and server/ inside)
    warnings: tuple[Diagnostic, ...] = ()  # the repairs and skips made (forgiving)
    skipped: tuple[Skipped, ...] = ()  # operations left out: answered 501 with the reason
    specset: SpecSet | None = None  # the spec as loaded for it (read for its examples)


def render_server(
    spec: Path,
    name: str | None = None,
    workdir: Path | None = None,
    *,
    overlays: tuple[Path, ...] = (),
    forgiving: bool = False,
) -> RenderedServer:
    """Render `spec` (client, models, stubs) under `workdir` (a new temp dir by default) and
    import its server package. A package already imported in this process is reused.
    `overlays` and `forgiving` prepare the spec as `specgen generate` does (see `forgive`):
    SpecError when generate would refuse it."""
    from generator.render import TargetOptions, prepare_target, render_prepared, spec_display_name

    target = name or spec.stem
    options = TargetOptions(target, frozenset({"client", "models", "stubs"}))
    prepared = None
    if forgiving or overlays:
        prepared = forgive.prepare(spec, spec_display_name(spec), overlays)
    given = prepared.specset if prepared else None
    ctx, specset, diagnostics = prepare_target(spec, options, given)
    result = render_prepared(ctx, specset, diagnostics, options)
    root = (workdir or Path(tempfile.mkdtemp(prefix="specgen-mock-"))) / target
    for rendered in result.files:
        path = root / rendered.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered.content)
    for src in (root / "client" / "src", root / "server" / "src"):
        if str(src) not in sys.path:
            sys.path.insert(0, str(src))
    package = importlib.import_module(ctx.server_package)
    if prepared is None:
        return RenderedServer(ctx.api, package, root, specset=specset)
    return RenderedServer(ctx.api, package, root, prepared.warnings, prepared.skipped, specset)


def mock_service(
    server: RenderedServer, options: MockOptions, engine: MockEngine | None = None
) -> Any:
    """An instance of the generated `Service` whose every operation the mock engine answers."""
    if engine is None:
        engine = _engine(server, options)
    injector = FaultInjector(options.faults, random.Random(options.seed))
    package = server.package
    service_class = package.Service
    reply_class = package.Reply
    api_error = package.ApiError
    detail_class = package.ErrorDetail

    def method(operation_id: str) -> Any:
        async def call(self: Any, **arguments: Any) -> Any:
            try:
                await injector.before_call()
                if engine.answers.directed.get() and not engine.stateful:
                    # The directed answer replaces whatever is returned here, unchecked.
                    return StarletteResponse(status_code=204)
                reply: MockReply = engine.call(operation_id, arguments)
            except MockError as exc:
                details = [detail_class(d.code, d.message, d.target) for d in exc.details]
                raise api_error(
                    exc.status, exc.message, code=exc.code, details=details, headers=exc.headers
                ) from None
            except Exception as exc:  # noqa: BLE001 - a mock bug answers 500 and is logged
                # Answered as an ApiError rather than left to Starlette's crash handler, which
                # re-raises after answering: uvicorn then drops the kept-alive connection and
                # the client's next call fails too.
                _LOG.exception("the mock failed on %s", operation_id)
                message = f"The mock failed on {operation_id}: {type(exc).__name__}: {exc}"
                raise api_error(500, message[:500]) from None
            return reply_class(reply.status, reply.body, dict(reply.headers))

        return call

    methods = {op.python_name: method(op.operation_id) for op in server.api.operations}
    mock_class = type("MockService", (service_class,), methods)
    return mock_class()


def mock_app(server: RenderedServer, options: MockOptions | None = None) -> Any:
    """The generated FastAPI app serving the mock, answering `Prefer: code=` / `example=`
    (see `generator.mock.prefer`) before the generated routes see the request."""
    options = options or MockOptions()
    engine = _engine(server, options)
    errors = importlib.import_module(server.package.__name__ + ".errors")
    error_table = errors.ERRORS
    if not options.minimal:  # error answers with every documented property, as the others
        error_table = envelopes.full_error_table(server.api, server.package.__name__)
    app = server.package.create_app(mock_service(server, options, engine), errors=error_table)
    error_body = error_table.body
    table = prefer.routes(server.api)

    async def preferred_response(request: Any, call_next: Any) -> Any:
        header = request.headers.get("prefer")
        if not header:
            return await call_next(request)
        lean = prefer.wants_minimal(prefer.parse_prefer(header))
        reset = engine.answers.prefer_minimal.set(lean)
        try:
            response = await _preferred(request, call_next, header)
        finally:
            engine.answers.prefer_minimal.reset(reset)
        if lean:
            response.headers["Preference-Applied"] = "return=minimal"
        return response

    async def _preferred(request: Any, call_next: Any, header: str) -> Any:
        operation = prefer.match(table, request.method, request.url.path, request.url.query)
        if operation is None:
            return await call_next(request)
        try:
            chosen = prefer.preferred(operation, prefer.parse_prefer(header), engine.answers.sample)
        except prefer.PreferError as exc:
            return JSONResponse({"error": {"code": "InvalidPreference", "message": str(exc)}}, 400)
        if chosen is None:
            return await call_next(request)
        if chosen.body is None or not body_allowed(chosen.status):
            return StarletteResponse(status_code=chosen.status)
        return JSONResponse(chosen.body, chosen.status, media_type=chosen.media_type)

    if options.direct:  # innermost: it answers only what the server accepted
        dispatch = direct.directed_answers(engine.answers.directed)
        app.add_middleware(Gated, dispatch=dispatch, header=direct.HEADER.lower().encode())
    if options.token is not None:
        # Added first, so Prefer (added after, outermost) still answers without a token.
        app.add_middleware(
            BaseHTTPMiddleware, dispatch=_token_check(server, table, options.token, error_body)
        )
    app.add_middleware(Gated, dispatch=preferred_response, header=b"prefer")
    if server.skipped:

        def served(method: str, path: str, query: str) -> bool:
            return prefer.match(table, method, path, query) is not None

        skipped = forgive.answer_skipped(server.skipped, served, error_body, errors.ApiError)
        app.add_middleware(BaseHTTPMiddleware, dispatch=skipped)
    return app


class Gated:
    """A dispatch (as `BaseHTTPMiddleware` runs it) for the requests carrying `header` only;
    the others go straight to the app. A `BaseHTTPMiddleware` layer costs every request a task
    and a streamed copy of its answer (on the ~2,400 calls of GitHub's `--prove`, seconds),
    and most requests carry neither `Prefer` nor a direction."""

    def __init__(self, app: Any, dispatch: Any, header: bytes) -> None:
        self.app = app
        self.header = header
        self.dispatched = BaseHTTPMiddleware(app, dispatch=dispatch)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and any(k == self.header for k, _ in scope["headers"]):
            await self.dispatched(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def _token_check(
    server: RenderedServer, table: tuple[prefer.Route, ...], token: str, error_body: Any
) -> Any:
    schemes = auth.scheme_table(server.api)
    errors = importlib.import_module(server.package.__name__ + ".errors")

    async def check(request: Any, call_next: Any) -> Any:
        operation = prefer.match(table, request.method, request.url.path, request.url.query)
        if operation is None or not auth.needs_credentials(operation):
            return await call_next(request)
        found = auth.presented(
            operation, schemes, request.headers, request.query_params, request.cookies
        )
        if token in found:
            return await call_next(request)
        message = "The credentials were refused." if found else "No credentials were sent."
        error = errors.ApiError(401, message)
        return JSONResponse(
            error_body(operation.operation_id, error),
            401,
            media_type=errors.error_media_type(operation.operation_id, 401),
        )

    return check


def _engine(server: RenderedServer, options: MockOptions) -> MockEngine:
    return MockEngine(
        server.api,
        stateful=options.stateful,
        seed=options.seed,
        data=options.data,
        minimal=options.minimal,
    )
