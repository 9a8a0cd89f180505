"""Every example value of every request body of the curated specs, broken one place at a time
(nulled, or given another JSON type) at any depth, is refused with a 4xx by the generated stubs
and by the mock, on loopback: a copy the spec refuses never reaches an implementation.

The probe itself is `bench/contract_probe.py` (which runs it on GitHub's spec on demand)."""

from __future__ import annotations

import pytest
import yaml

from bench.contract_probe import run
from generator.mock.server import RenderedServer, mock_app
from tests.stubs.stub_helpers import SPEC_NAMES, SPECS_DIR
from tests.wire.wire_helpers import serve


@pytest.mark.parametrize("target", ["stubs", "mock"])
@pytest.mark.parametrize("name", SPEC_NAMES)
def test_every_broken_example_is_refused(
    rendered: dict[str, RenderedServer], name: str, target: str
) -> None:
    server = rendered[name]
    document = yaml.safe_load((SPECS_DIR / f"{name}.yaml").read_text())
    package = server.package
    app = mock_app(server) if target == "mock" else package.create_app(package.Service())
    with serve(app) as url:
        tally = run(server.api, document, url)
    assert not tally.skipped
    assert tally.leaks == []
    if any(op.body is not None and op.body.kind == "json" for op in server.api.operations):
        assert tally.sent > 0 and tally.refused == tally.sent
