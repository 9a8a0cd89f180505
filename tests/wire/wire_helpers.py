"""Real servers on loopback for wire tests: a FastAPI app under uvicorn in a thread, and a
generated client rendered from an inline spec."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import uvicorn

from tests.render.helpers import imported, render_into, write_spec


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run `app` with uvicorn on 127.0.0.1 (a free port) until the block ends; yields its URL."""
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@contextmanager
def client_package(folder: Path, document: dict[str, Any], package: str) -> Iterator[ModuleType]:
    """Render `document` into `folder` and import its client package (forgotten afterwards)."""
    spec = write_spec(folder, document, name=package)
    result = render_into(spec, folder, package)
    errors = [d for d in result.diagnostics if d.level.value == "error"]
    assert not errors, errors
    with imported(folder / "client" / "src", package) as module:
        yield module


def spec(paths: dict[str, Any], **components: Any) -> dict[str, Any]:
    """A minimal OpenAPI 3.1 document around `paths`."""
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Wire", "version": "1.0.0"},
        "servers": [{"url": "http://127.0.0.1:9/"}],
        "paths": paths,
    }
    if components:
        document["components"] = components
    return document
