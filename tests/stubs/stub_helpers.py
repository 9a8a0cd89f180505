"""Render the curated specs once per test session and import their packages (helpers for the
stubs and mock tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.mock.server import RenderedServer, render_server

SPECS_DIR = Path(__file__).resolve().parents[2] / "specs"
SPEC_NAMES = ("cognite-3d-jobs", "reality-analysis", "reality-data-analysis", "reality-modeling")
AUTH: dict[str, str] = {"Authorization": "Bearer test-token"}


def render_all(workdir: Path) -> dict[str, RenderedServer]:
    return {name: render_server(SPECS_DIR / f"{name}.yaml", name, workdir) for name in SPEC_NAMES}


def operation(client: Any, server: RenderedServer, operation_id: str) -> Any:
    """The generated client's method for `operation_id`, wherever the layout puts it
    (`client.list_files` flat, `client.files.list` with resources)."""
    op = next(o for o in server.api.operations if o.operation_id == operation_id)
    method = client
    for part in server.api.client.call_of(op).split("."):
        method = getattr(method, part)
    return method
