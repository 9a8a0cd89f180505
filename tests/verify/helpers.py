"""Running verify in-process against a server on loopback."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.render import TargetOptions, prepare_target
from generator.verify.bounds import Settings
from generator.verify.locate import Source
from generator.verify.model import Report
from generator.verify.runner import Runner

PETS = Path(__file__).parent / "pets.yaml"


def run_verify(spec: Path, base_url: str, **settings: Any) -> Report:
    ctx, specset, _ = prepare_target(spec, TargetOptions(spec.stem, frozenset({"client"})))
    chosen = replace(Settings(base_url), **settings)
    return Runner(ctx.api, Source(specset), chosen).run()


def checks_of(report: Report) -> dict[str, set[str]]:
    """operation -> the checks it failed."""
    found: dict[str, set[str]] = {}
    for finding in report.findings:
        found.setdefault(finding.operation, set()).add(finding.check)
    return found
