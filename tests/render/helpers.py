"""Render a spec into a temporary folder and import what was generated."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from generator.render import RenderResult, TargetOptions, render_target
from generator.render.model_modules import SPLIT_FROM


def write_spec(folder: Path, document: dict[str, Any], name: str = "spec") -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    return path


def render_into(
    spec: Path,
    out: Path,
    package: str,
    artefacts: set[str] | None = None,
    layout: str = "flat",
    split_models_from: int = SPLIT_FROM,
) -> RenderResult:
    """Render `spec` into `out`. The client is flat unless `layout` says otherwise: the wire
    tests call every operation as a client method (resources are tested in test_resources)."""
    options = TargetOptions(
        spec.stem,
        frozenset(artefacts or {"client", "models"}),
        package=package,
        layout=layout,
        split_models_from=split_models_from,
    )
    result = render_target(spec, options)
    for file in result.files:
        target = out / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    return result


@contextmanager
def imported(src: Path, package: str) -> Iterator[ModuleType]:
    """Import a generated package from `src`, and forget it afterwards."""
    sys.path.insert(0, str(src))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
