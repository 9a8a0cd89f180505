"""Mock servers: the generated FastAPI stubs answered from the spec's examples, from data
synthesized from its schemas, or (stateful) from an in-memory store of resources."""

from generator.mock.engine import MockEngine
from generator.mock.faults import Faults
from generator.mock.replies import MockError, MockReply
from generator.mock.server import MockOptions, RenderedServer, mock_app, mock_service, render_server

__all__ = [
    "Faults",
    "MockEngine",
    "MockError",
    "MockOptions",
    "MockReply",
    "RenderedServer",
    "mock_app",
    "mock_service",
    "render_server",
]
