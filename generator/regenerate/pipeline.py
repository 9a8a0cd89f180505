"""`specgen generate`: regenerate the targets whose inputs changed, exactly and atomically.

Per target the manifest records what the output was made from (spec and `$ref`ed files,
templates, generator, options) and which files were written. A run compares that with the
present, renders only what is stale, refuses to overwrite files specgen did not write, swaps
each target's new tree in whole, and rewrites the manifest last.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import generator
from generator.diagnostics import Diagnostic, Level, sort_key
from generator.incremental import files_fingerprint
from generator.regenerate.fingerprint import (
    generator_fingerprint,
    hash_file,
    inputs_unchanged,
    options_fingerprint,
    relative_to,
)
from generator.regenerate.job import JobResult, Toolchain, rendering
from generator.regenerate.manifest import (
    Manifest,
    TargetRecord,
    read_manifest,
    write_text_atomically,
)
from generator.regenerate.model import MANIFEST_NAME, REPORT_NAME, Plan, Target
from generator.regenerate.progress import LARGE_SPEC_BYTES, Reporter
from generator.regenerate.writer import (
    OutputView,
    OutputViews,
    WriteError,
    WriteSummary,
    apply_output,
    find_collisions,
    output_lock,
    recover_scratch,
    remove_output,
)

REGENERATED = "regenerated"
UP_TO_DATE = "up to date"
FAILED = "failed"
REMOVED = "removed"

if TYPE_CHECKING:
    from generator.regenerate.changelog import Entry


@dataclass(frozen=True)
class Fingerprints:
    """The parts of the inputs shared by the targets of one run, computed once."""

    generator: str
    templates: Mapping[tuple[Path, ...], str]

    def for_templates(self, plan: Plan, target: Target) -> str:
        return self.templates[template_folders(plan, target)]


def template_folders(plan: Plan, target: Target) -> tuple[Path, ...]:
    builtin = (plan.builtin_templates,) if plan.builtin_templates else ()
    return (*target.settings.template_dirs, *builtin)


def current_fingerprints(plan: Plan) -> Fingerprints:
    folder_sets = {template_folders(plan, t) for t in plan.targets}
    return Fingerprints(
        generator=generator_fingerprint(),
        templates={folders: files_fingerprint(folders) for folders in folder_sets},
    )


@dataclass(frozen=True)
class Outcome:
    name: str
    status: str
    reasons: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    summary: WriteSummary = field(default_factory=WriteSummary)
    changelog: Entry | None = None  # the client's CHANGELOG.md entry, when the spec changed

    def line(self) -> str:
        if self.status == UP_TO_DATE or not self.reasons:
            return f"{self.name}: {self.status}"
        return f"{self.name}: {self.status} ({', '.join(self.reasons)})"


@dataclass(frozen=True)
class RunResult:
    outcomes: tuple[Outcome, ...]
    notices: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return any(o.status == FAILED for o in self.outcomes)

    def by_name(self) -> dict[str, Outcome]:
        return {o.name: o for o in self.outcomes}


def stale_reasons(
    plan: Plan,
    target: Target,
    record: TargetRecord | None,
    prints: Fingerprints,
    force: bool,
    view: OutputView | None = None,
) -> tuple[str, ...]:
    """Why `target` must be rendered again; empty when its output is up to date. `view`: what
    this process knows of the target's files (files it vouches for are not read)."""
    if force:
        return ("forced",)
    if record is None:
        return ("new target",)
    reasons = []
    if record.spec != relative_to(target.spec, plan.out_dir) or not inputs_unchanged(
        target.spec, record.inputs
    ):
        reasons.append("spec changed")
    if record.templates != prints.for_templates(plan, target):
        reasons.append("templates changed")
    if record.generator != prints.generator:
        reasons.append("generator changed")
    if record.options != options_fingerprint(target.name, target.settings, plan.anchor):
        reasons.append("options changed")
    reasons += _output_reasons(plan.out_dir / target.name, record, view or OutputView())
    return tuple(reasons)


def _output_reasons(target_dir: Path, record: TargetRecord, view: OutputView) -> list[str]:
    missing = edited = False
    base = f"{target_dir}{os.sep}"
    for relative, digest in record.files.items():
        try:
            disk = os.lstat(base + relative)
        except OSError:
            disk = None
        found = view.digest(relative, disk) if disk is not None else None
        if found is None:
            found = hash_file(target_dir / relative)
        missing = missing or found is None
        edited = edited or (found is not None and found != digest)
    missing = missing or any(not os.path.exists(base + p) for p in record.write_once)
    return [
        reason for reason, flag in (("output missing", missing), ("output edited", edited)) if flag
    ]


def generate(
    plan: Plan,
    *,
    force: bool = False,
    jobs: int | None = None,
    toolchain: Toolchain | None = None,
    reporter: Reporter | None = None,
    quiet: bool = False,
    package_versions: Mapping[str, str] | None = None,
    prove_changelog: bool = False,
) -> RunResult:
    """Bring `plan.out_dir` up to date; prints one line per target as it goes (`quiet`: only
    for targets that changed or failed). `package_versions` (target → version) names the
    version a changelog entry is recorded under; without it, the suggested one.
    `prove_changelog`: each change of an entry carries its proof (`diff --prove`)."""
    report = reporter or Reporter()
    with output_lock(plan.out_dir):
        recover_scratch(plan.out_dir)
        changelogs = Changelogs(package_versions or {}, prove_changelog)
        return _generate(plan, force, jobs, toolchain or Toolchain(), report, quiet, changelogs)


def _generate(
    plan: Plan,
    force: bool,
    jobs: int | None,
    toolchain: Toolchain,
    report: Reporter,
    quiet: bool,
    changelogs: Changelogs,
) -> RunResult:
    manifest = read_manifest(plan.out_dir)
    notices = [f"warning: {manifest.problem}; every output file counts as unknown"] * bool(
        manifest.problem
    )
    for notice in notices:
        report.diagnostic(notice)
    prints = current_fingerprints(plan)
    targets = sorted(plan.targets, key=lambda t: t.name)
    views = OutputViews(toolchain.memory)
    reasons = {
        t.name: stale_reasons(
            plan, t, manifest.targets.get(t.name), prints, force, views.of(plan.out_dir / t.name)
        )
        for t in targets
    }
    stale = [t for t in targets if reasons[t.name]]
    records = dict(manifest.targets)
    outcomes: list[Outcome] = []
    large = any(_size(t.spec) > LARGE_SPEC_BYTES for t in stale)
    try:
        with (
            rendering(stale, toolchain, jobs) as results,
            report.progress(len(stale), large) as advance,
        ):
            for target in targets:
                if not reasons[target.name]:
                    outcome = Outcome(target.name, UP_TO_DATE)
                else:
                    result = next(results)
                    advance(target.name)
                    old = manifest.targets.get(target.name)
                    why = reasons[target.name]
                    view = views.of(plan.out_dir / target.name)
                    outcome, record = _apply(plan, target, result, why, prints, old, force, view)
                    if record is not None:
                        records[target.name] = record
                        outcome = _changelog(plan, target, outcome, old, changelogs)
                outcomes.append(outcome)
                if not (quiet and outcome.status == UP_TO_DATE):
                    _print(report, outcome)
        for name in orphans(plan, records):
            removed = remove_output(plan.out_dir / name, records.pop(name))
            views.forget(plan.out_dir / name)
            outcome = Outcome(
                name, REMOVED, ("spec deleted",), summary=WriteSummary(removed=removed)
            )
            outcomes.append(outcome)
            _print(report, outcome)
    finally:
        views.save()
        # Also when interrupted: the targets swapped in so far must be recorded as ours.
        if records != dict(manifest.targets) or manifest.problem or not _manifest_exists(plan):
            write_text_atomically(
                plan.out_dir / MANIFEST_NAME,
                Manifest(records).to_text(generator.__version__),
            )
    run = RunResult(tuple(outcomes), tuple(notices))
    if plan.report:
        write_report(plan, run, records)
    return run


def orphans(plan: Plan, records: Mapping[str, TargetRecord]) -> list[str]:
    """Recorded targets whose spec file is gone (not merely outside this run's specs folder:
    `--specs elsewhere` must not delete the other specs' output)."""
    if not plan.prune:
        return []
    planned = {t.name for t in plan.targets}
    return sorted(
        name
        for name, record in records.items()
        if name not in planned and not (plan.out_dir / record.spec).exists()
    )


def _manifest_exists(plan: Plan) -> bool:
    return (plan.out_dir / MANIFEST_NAME).is_file()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass(frozen=True)
class Changelogs:
    """How CHANGELOG.md entries are written: the version of each target's entry (target →
    version; else the suggested one) and whether each change carries its proof."""

    package_versions: Mapping[str, str]
    prove: bool = False


def _changelog(
    plan: Plan,
    target: Target,
    outcome: Outcome,
    old: TargetRecord | None,
    changelogs: Changelogs,
) -> Outcome:
    """A spec that changed since the last generation gets a CHANGELOG.md entry in its client."""
    if old is None or "spec changed" not in outcome.reasons:
        return outcome
    # Imported here: it reads specs with the diff engine, which a first generation never needs.
    from generator.regenerate.changelog import record_change

    client = plan.out_dir / target.name / "client"
    version = changelogs.package_versions.get(target.name)
    entry = record_change(target.spec, client, version, prove=changelogs.prove)
    return replace(outcome, changelog=entry) if entry is not None else outcome


def _print(report: Reporter, outcome: Outcome) -> None:
    report.line(outcome.line())
    if outcome.changelog is not None:
        report.line(f"  changelog: {outcome.changelog.summary()}")
    for diagnostic in outcome.diagnostics:
        report.diagnostic(f"  {diagnostic.format()}")


def _apply(
    plan: Plan,
    target: Target,
    result: JobResult,
    reasons: tuple[str, ...],
    prints: Fingerprints,
    old: TargetRecord | None,
    force: bool,
    view: OutputView | None = None,
) -> tuple[Outcome, TargetRecord | None]:
    diagnostics = tuple(sorted(result.diagnostics, key=sort_key))
    if result.failed:
        return Outcome(target.name, FAILED, reasons, diagnostics), None
    target_dir = plan.out_dir / target.name
    collisions = [] if force else find_collisions(target_dir, result.files, old)
    if collisions:
        shown = relative_to(target_dir, plan.anchor)
        problems = tuple(
            Diagnostic(
                "unknown-file",
                Level.ERROR,
                f"{c.reason}; move it away or pass --force to overwrite it",
                f"{shown}/{c.path}",
            )
            for c in collisions
        )
        return Outcome(target.name, FAILED, reasons, problems + diagnostics), None
    view = view if view is not None else OutputView()
    try:
        summary = apply_output(target_dir, result.files, old, view)
    except WriteError as exc:
        problem = Diagnostic("write", Level.ERROR, str(exc), relative_to(target_dir, plan.anchor))
        return Outcome(target.name, FAILED, reasons, (problem, *diagnostics)), None
    record = TargetRecord(
        spec=relative_to(target.spec, plan.out_dir),
        inputs=result.inputs,
        templates=prints.for_templates(plan, target),
        generator=prints.generator,
        options=options_fingerprint(target.name, target.settings, plan.anchor),
        files={f.path: view.sha256(f.path, f.content) for f in result.files if not f.write_once},
        write_once=tuple(sorted({f.path for f in result.files if f.write_once})),
        warnings=tuple(d for d in diagnostics if d.level is not Level.ERROR),
    )
    return Outcome(target.name, REGENERATED, reasons, diagnostics, summary), record


def write_report(plan: Plan, result: RunResult, records: Mapping[str, TargetRecord]) -> None:
    """`specgen-report.json`: every diagnostic of every target, for tools (ad-hoc mode)."""
    specs = {t.name: relative_to(t.spec, plan.anchor) for t in plan.targets}
    entries: dict[str, object] = {}
    for outcome in result.outcomes:
        diagnostics: Sequence[Diagnostic] = outcome.diagnostics
        if outcome.status == UP_TO_DATE and outcome.name in records:
            diagnostics = records[outcome.name].warnings
        entry: dict[str, object] = {
            "spec": specs.get(outcome.name),
            "status": outcome.status,
            "reasons": list(outcome.reasons),
            "diagnostics": [d.to_json() for d in sorted(diagnostics, key=sort_key)],
        }
        if outcome.changelog is not None:
            entry["changelog"] = outcome.changelog.to_json()
        entries[outcome.name] = entry
    text = json.dumps({"format": 1, "targets": entries}, indent=2, sort_keys=True) + "\n"
    write_text_atomically(plan.out_dir / REPORT_NAME, text)
