"""Render the curated specs once per test session and import their packages (helpers for the
stubs and mock tests)."""

from __future__ import annotations

from pathlib import Path

from generator.mock.server import RenderedServer, render_server

SPECS_DIR = Path(__file__).resolve().parents[2] / "specs"
SPEC_NAMES = ("cognite-3d-jobs", "reality-analysis", "reality-data-analysis", "reality-modeling")
AUTH: dict[str, str] = {"Authorization": "Bearer test-token"}


def render_all(workdir: Path) -> dict[str, RenderedServer]:
    return {name: render_server(SPECS_DIR / f"{name}.yaml", name, workdir) for name in SPEC_NAMES}
