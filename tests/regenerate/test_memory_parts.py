"""A long-lived process (watch, the generation server) rendering several specs in turn keeps
each one's per-file memos: they do not take turns."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.incremental import Store
from generator.regenerate.job import Toolchain, run_job
from generator.regenerate.model import Target, TargetSettings

SPECS = Path(__file__).resolve().parents[2] / "specs"


def _target(folder: Path, name: str) -> Target:
    spec = folder / f"{name}.yaml"
    shutil.copy(SPECS / f"{name}.yaml", spec)
    settings = TargetSettings(artefacts=frozenset({"client", "models", "stubs"}))
    return Target(name, spec.resolve(), settings)


def _add_property(spec: Path) -> None:
    document = yaml.safe_load(spec.read_text())
    schema = next(s for s in document["components"]["schemas"].values() if "properties" in s)
    schema["properties"]["addedByTest"] = {"type": "string"}
    spec.write_text(yaml.safe_dump(document, sort_keys=False))


def test_two_specs_in_turn_each_reuse_their_own_files(tmp_path: Path) -> None:
    toolchain = Toolchain(validate=False, memory=Store())
    first = _target(tmp_path, "reality-analysis")
    second = _target(tmp_path, "reality-data-analysis")

    before = {f.path: f.content for f in run_job(first, toolchain).files}
    assert not run_job(second, toolchain).failed
    _add_property(first.spec)
    after = run_job(first, toolchain)

    assert not after.failed
    changed = [f for f in after.files if before.get(f.path) != f.content]
    reused = [f for f in after.files if before.get(f.path) is f.content]
    assert changed  # the edit shows
    # The files the edit did not touch come back as the very objects of the first run: its
    # memos survived the other spec's run.
    assert len(reused) >= len(after.files) - len(changed) - 2
