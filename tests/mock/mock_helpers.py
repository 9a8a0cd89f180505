"""Helpers for the mock tests: the same session-wide rendering as the stubs tests use."""

from tests.stubs.stub_helpers import AUTH, SPEC_NAMES, SPECS_DIR, render_all

__all__ = ["AUTH", "SPECS_DIR", "SPEC_NAMES", "render_all"]
