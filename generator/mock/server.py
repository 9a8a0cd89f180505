"""A mock server for a spec: render the server package in memory, import it, plug in the mock.

The generated package is the real one `specgen generate` writes (same routes, validation and
error envelopes); only the service behind it is the mock engine.
"""

from __future__ import annotations

import importlib
import random
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.ir.model import Api
from generator.mock.engine import MockEngine, MockError, MockReply
from generator.mock.faults import FaultInjector, Faults


@dataclass(frozen=True)
class MockOptions:
    stateful: bool = False
    seed: int = 0
    faults: Faults = field(default_factory=Faults)
    data: tuple[dict[str, Any], ...] = ()  # resources to preload (stateful)


@dataclass(frozen=True)
class RenderedServer:
    """A spec rendered to a folder and its server package imported."""

    api: Api
    package: ModuleType  # <pkg>_server
    root: Path  # the target folder (client/ and server/ inside)


def render_server(
    spec: Path, name: str | None = None, workdir: Path | None = None
) -> RenderedServer:
    """Render `spec` (client, models, stubs) under `workdir` (a new temp dir by default) and
    import its server package. A package already imported in this process is reused."""
    from generator.render import TargetOptions, prepare_target, render_prepared

    target = name or spec.stem
    options = TargetOptions(target, frozenset({"client", "models", "stubs"}))
    ctx, specset, diagnostics = prepare_target(spec, options)
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
    return RenderedServer(ctx.api, package, root)


def mock_service(server: RenderedServer, options: MockOptions) -> Any:
    """An instance of the generated `Service` whose every operation the mock engine answers."""
    engine = MockEngine(server.api, stateful=options.stateful, seed=options.seed, data=options.data)
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
                reply: MockReply = engine.call(operation_id, arguments)
            except MockError as exc:
                details = [detail_class(d.code, d.message, d.target) for d in exc.details]
                raise api_error(
                    exc.status, exc.message, code=exc.code, details=details, headers=exc.headers
                ) from None
            return reply_class(reply.status, reply.body, dict(reply.headers))

        return call

    methods = {op.python_name: method(op.operation_id) for op in server.api.operations}
    mock_class = type("MockService", (service_class,), methods)
    return mock_class()


def mock_app(server: RenderedServer, options: MockOptions | None = None) -> Any:
    """The generated FastAPI app serving the mock."""
    return server.package.create_app(mock_service(server, options or MockOptions()))
