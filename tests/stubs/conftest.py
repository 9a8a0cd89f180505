from __future__ import annotations

import pytest
from stub_helpers import render_all

from generator.mock.server import RenderedServer


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RenderedServer]:
    return render_all(tmp_path_factory.mktemp("rendered"))
