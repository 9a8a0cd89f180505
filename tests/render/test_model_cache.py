"""The model generator's output is reused by content hash; the cache can only save time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.ir import build_api
from generator.load import SpecSet, load_document
from generator.render import models as models_module
from generator.render.model_cache import MAX_ENTRIES, ModelCache
from tests.render.helpers import write_spec


def spec_document(description: str = "Jobs.") -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Cached", "version": "1"},
        "paths": {
            "/jobs": {
                "get": {
                    "operationId": "listJobs",
                    "description": description,
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Job": {"type": "object", "properties": {"id": {"type": "string"}}},
            }
        },
    }


def test_keys_follow_the_document_and_the_options(tmp_path: Path) -> None:
    cache = ModelCache(tmp_path)
    document = {"components": {"schemas": {"A": {"type": "string"}}}}
    key = cache.key(document, {"base_class": "pkg.SpecModel"})
    assert key == cache.key(document, {"base_class": "pkg.SpecModel"})
    assert key != cache.key(document, {"base_class": "other.SpecModel"})
    assert key != cache.key({"components": {"schemas": {"A": {"type": "integer"}}}}, {})
    assert cache.get(key) is None
    cache.put(key, "class A: ...\n")
    assert cache.get(key) == "class A: ...\n"
    assert (tmp_path / ".gitignore").read_text().splitlines()[-1] == "*"


def test_least_recently_used_entries_are_pruned(tmp_path: Path) -> None:
    cache = ModelCache(tmp_path)
    for i in range(MAX_ENTRIES + 3):
        cache.put(f"{i:064x}", f"# {i}\n")
        path = tmp_path / "models" / f"{i:064x}.py"
        os.utime(path, (1_000_000 + i, 1_000_000 + i))  # strictly increasing use times
    assert cache.get(f"{0:064x}") is None
    assert cache.get(f"{MAX_ENTRIES + 2:064x}") == f"# {MAX_ENTRIES + 2}\n"
    assert len(list((tmp_path / "models").glob("*.py"))) == MAX_ENTRIES


def test_an_unwritable_cache_is_not_used(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ModelCache(blocker)
    cache.put("0" * 64, "source")  # no error: the cache only ever saves time
    assert cache.get("0" * 64) is None


def test_unchanged_models_are_not_generated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[int] = []
    real = models_module._run_dcg

    def counting(document: dict[str, Any], options: dict[str, Any]) -> str:
        runs.append(1)
        return real(document, options)

    monkeypatch.setattr(models_module, "_run_dcg", counting)
    cache = ModelCache(tmp_path / "cache")
    sources = []
    for description in ("Jobs.", "All the jobs."):  # an edit outside the schemas
        spec = write_spec(tmp_path, spec_document(description))
        api, _ = build_api(SpecSet(load_document(spec)), "cached")
        sources.append(models_module.generate_models(api, "pkg", "spec.yaml", cache=cache).source)
    assert len(runs) == 1
    assert sources[0] == sources[1]


def test_generate_keeps_the_cache_in_the_project_root_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = write_spec(tmp_path, spec_document())
    monkeypatch.chdir(tmp_path)  # ad-hoc mode: the current folder is the project root
    runner = CliRunner()
    done = runner.invoke(cli, ["generate", str(spec), "--out", "out", "--no-cache"])
    assert done.exit_code == 0, done.output
    assert not (tmp_path / ".specgen-cache").exists()
    done = runner.invoke(cli, ["generate", str(spec), "--out", "out2"])
    assert done.exit_code == 0, done.output
    assert list((tmp_path / ".specgen-cache" / "models").glob("*.py"))
