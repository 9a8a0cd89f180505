"""`specgen generate --check`: would generating change anything? Writes nothing.

Every target is rendered in memory and compared with the files on disk; the manifest's
fingerprints are not trusted (a stale tree with a fresh manifest is still stale). The manifest
is only used to know which files on disk are generated, to report those no longer produced.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, sort_key
from generator.regenerate.fingerprint import relative_to
from generator.regenerate.job import Toolchain, rendering
from generator.regenerate.manifest import TargetRecord, read_manifest
from generator.regenerate.model import OutputFile, Plan
from generator.regenerate.pipeline import orphans
from generator.regenerate.progress import LARGE_SPEC_BYTES, Reporter

DIFF_LINES = 20
ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"


@dataclass(frozen=True)
class Difference:
    kind: str
    path: str  # relative to the plan's anchor, as shown
    diff: tuple[str, ...] = ()


@dataclass(frozen=True)
class TargetCheck:
    name: str
    differences: tuple[Difference, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    failed: bool = False


@dataclass(frozen=True)
class CheckResult:
    targets: tuple[TargetCheck, ...]

    @property
    def clean(self) -> bool:
        return not any(t.failed or t.differences for t in self.targets)

    @property
    def differences(self) -> tuple[Difference, ...]:
        return tuple(d for t in self.targets for d in t.differences)


def compare(
    target_dir: Path, files: tuple[OutputFile, ...], record: TargetRecord | None, shown: str
) -> tuple[Difference, ...]:
    """How the disk differs from `files`, the way `specgen generate` would resolve it."""
    found: list[Difference] = []
    produced = {f.path for f in files}
    for item in files:
        disk = target_dir / item.path
        where = f"{shown}/{item.path}"
        if not disk.is_file():
            found.append(Difference(ADDED, where))
        elif not item.write_once:
            current = disk.read_bytes()
            if current != item.content:
                found.append(Difference(CHANGED, where, short_diff(current, item.content, where)))
    for relative in sorted(record.files if record else ()):
        if relative not in produced and (target_dir / relative).is_file():
            found.append(Difference(REMOVED, f"{shown}/{relative}"))
    return tuple(sorted(found, key=lambda d: d.path))


def short_diff(old: bytes, new: bytes, path: str) -> tuple[str, ...]:
    try:
        before, after = old.decode("utf-8"), new.decode("utf-8")
    except UnicodeDecodeError:
        return ("binary content differs",)
    lines = list(
        difflib.unified_diff(
            before.splitlines(), after.splitlines(), f"a/{path}", f"b/{path}", lineterm=""
        )
    )
    if len(lines) > DIFF_LINES:
        lines = [*lines[:DIFF_LINES], f"... ({len(lines) - DIFF_LINES} more diff lines)"]
    return tuple(lines)


def check(
    plan: Plan,
    *,
    jobs: int | None = None,
    toolchain: Toolchain | None = None,
    reporter: Reporter | None = None,
) -> CheckResult:
    report = reporter or Reporter()
    manifest = read_manifest(plan.out_dir)
    targets = sorted(plan.targets, key=lambda t: t.name)
    large = any(t.spec.stat().st_size > LARGE_SPEC_BYTES for t in targets if t.spec.is_file())
    checks: list[TargetCheck] = []
    with (
        rendering(targets, toolchain or Toolchain(), jobs) as results,
        report.progress(len(targets), large) as advance,
    ):
        for target, result in zip(targets, results, strict=True):
            advance(target.name)
            target_dir = plan.out_dir / target.name
            shown = relative_to(target_dir, plan.anchor)
            diagnostics = tuple(sorted(result.diagnostics, key=sort_key))
            if result.failed:
                checks.append(TargetCheck(target.name, (), diagnostics, failed=True))
            else:
                record = manifest.targets.get(target.name)
                differences = compare(target_dir, result.files, record, shown)
                checks.append(TargetCheck(target.name, differences, diagnostics))
            _print(report, checks[-1])
    for name in orphans(plan, manifest.targets):
        target_dir = plan.out_dir / name
        shown = relative_to(target_dir, plan.anchor)
        differences = compare(target_dir, (), manifest.targets[name], shown)
        if differences:
            checks.append(TargetCheck(name, differences))
            _print(report, checks[-1], "spec deleted")
    outcome = CheckResult(tuple(checks))
    count = len(outcome.differences)
    if count:
        report.line(f"{count} file(s) differ from what would be generated; run `specgen generate`")
    return outcome


def _print(report: Reporter, checked: TargetCheck, why: str = "") -> None:
    if checked.failed:
        report.line(f"{checked.name}: failed")
    elif checked.differences:
        report.line(f"{checked.name}: out of date{f' ({why})' if why else ''}")
    else:
        report.line(f"{checked.name}: up to date")
    for diagnostic in checked.diagnostics:
        report.diagnostic(f"  {diagnostic.format()}")
    for difference in checked.differences:
        report.line(f"  {difference.kind:<8} {difference.path}")
        for line in difference.diff:
            report.line(f"    {line}")
