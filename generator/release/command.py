"""`specgen release [TARGET...]`: check each target's version against its contract changes
since the last release, build its artefacts into `dist/<name>/` and record the release.

Exit codes: 0 released (or, with `--check`, every version is allowed); 1 a version is refused
(lower than the changes demand, or already released); 2 usage, load or build errors.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click

from generator.config import load_config
from generator.diagnostics import SpecError
from generator.diff.report import Change, Report, diff_specs
from generator.load import SpecSet, load_document
from generator.regenerate.changelog import CHANGELOG
from generator.regenerate.model import Target
from generator.regenerate.plan import Flags, PlanError, project_plan
from generator.release.build import BuildError, build_target, package_version
from generator.release.history import last_release, record, releases_dir, tag_name
from generator.release.version import Verdict, check_version, version_key


@dataclass(frozen=True)
class Prepared:
    target: Target
    spec: SpecSet
    verdict: Verdict
    base: str | None  # where the last release was found


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("targets", nargs=-1)
@click.option("--check", is_flag=True, help="Only check the versions: build and record nothing.")
@click.option(
    "--prove",
    is_flag=True,
    help="Back each change with real calls (as `specgen diff --prove`); the proofs go into "
    "the refusal and the CHANGELOG.",
)
@click.option(
    "--allow-breaking",
    is_flag=True,
    help="Release a version lower than the changes demand; the CHANGELOG records the override.",
)
@click.option(
    "--dist",
    "dist_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the artefacts go, one folder per target [default: dist/ beside pyproject.toml].",
)
@click.option("--tag/--no-tag", default=True, help="Tag HEAD `<name>-v<version>` (in git).")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The release date (default: today); also used to judge x-sunset.",
)
@click.pass_context
def release(
    ctx: click.Context,
    targets: tuple[str, ...],
    check: bool,
    prove: bool,
    allow_breaking: bool,
    dist_dir: Path | None,
    tag: bool,
    today: dt.datetime | None,
) -> None:
    """Release TARGETs (default: every target of the project): wheels, sdists and npm tarballs
    in dist/<name>/, a CHANGELOG entry and a git tag `<name>-v<version>`."""
    date = today.date() if today else dt.date.today()
    try:
        config = load_config()
        plan, _ = project_plan(config, Flags())
    except (SpecError, PlanError) as exc:
        _fail(ctx, str(exc.diagnostic.format() if isinstance(exc, SpecError) else exc))
    chosen = _choose(ctx, plan.targets, targets)
    refused = False
    with tempfile.TemporaryDirectory(prefix="specgen-release-") as scratch:
        for index, target in enumerate(chosen):
            work = Path(scratch) / str(index)
            try:
                prepared = _prepare(target, plan.out_dir, config.root, work, date, prove)
            except SpecError as exc:
                _fail(ctx, exc.diagnostic.format())
            except ValueError as exc:
                _fail(ctx, f"{target.name}: {exc}")
            verdict = prepared.verdict
            click.echo(_headline(prepared))
            if verdict.repeated and not verdict.breaking:
                click.echo(
                    f"  refused: {verdict.version} is not above the last release "
                    f"{verdict.previous}; raise info.version or `package-version`"
                )
                refused = True
                continue
            if not verdict.allowed:
                click.echo(_refusal(verdict, allow_breaking))
                if not allow_breaking or verdict.repeated:
                    refused = True
                    continue
            if check:
                continue
            out = ((dist_dir or config.root / "dist") / target.name).resolve()
            try:
                artefacts = build_target(plan.out_dir / target.name, out, config.root)
            except BuildError as exc:
                _fail(ctx, str(exc))
            for artefact in artefacts:
                click.echo(f"  {artefact.kind:5}  {_shown(artefact.path)}")
            blocker = _tag_blocker(target.spec, config.root) if tag else None
            tagging = tag and blocker is None
            for line in record(
                target.name, target.spec, config.root, verdict, allow_breaking, date, tagging
            ):
                click.echo(f"  {line}")
            if blocker is not None:
                click.echo(f"  no git tag {tag_name(target.name, verdict.version)}: {blocker}")
            shutil.copyfile(releases_dir(config.root, target.name) / CHANGELOG, out / CHANGELOG)
    ctx.exit(1 if refused else 0)


def _choose(ctx: click.Context, known: tuple[Target, ...], names: tuple[str, ...]) -> list[Target]:
    by_name = {t.name: t for t in known}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise click.UsageError(
            f"unknown target(s) {', '.join(unknown)} (targets: {', '.join(sorted(by_name))})"
        )
    return [by_name[n] for n in names] if names else list(known)


def _prepare(
    target: Target, out_dir: Path, root: Path, work: Path, date: dt.date, prove: bool
) -> Prepared:
    work.mkdir(parents=True)
    spec = SpecSet(load_document(target.spec, _shown(target.spec)))
    info = spec.root.data.get("info", {})
    declared = target.settings.package_version or str(info.get("version", "0.0.0"))
    version = declared.strip().lstrip("vV")
    _check_generated(out_dir / target.name, version)
    last = last_release(target.name, target.spec, root, work)
    changes: tuple[Change, ...] = ()
    if last is not None:
        report = diff_specs(last.spec, spec, base_label=last.source, today=date)
        if prove and report.changes:
            from generator.diff.prove import prove_reports

            [report] = prove_reports([report], [(last.path, target.spec)], work)
        changes = report.changes
    verdict = check_version(version, last.version if last else None, changes)
    return Prepared(target, spec, verdict, last.source if last else None)


def _check_generated(target_dir: Path, version: str) -> None:
    """The generated packages must carry the version being released: a release builds what is
    in `generated/`, and a stale tree would ship another version under this one's tag."""
    for package in ("client", "server", "client-ts"):
        folder = target_dir / package
        if not folder.is_dir():
            continue
        found = package_version(folder)
        if found is None or version_key(found) != version_key(version):
            raise ValueError(
                f"{_shown(folder)} declares version {found}, not {version}: "
                "run `specgen generate` first"
            )


def _tag_blocker(spec: Path, root: Path) -> str | None:
    """Why HEAD cannot be tagged as this release (None: it can): the tag must name a commit
    holding the spec being released."""
    try:
        inside = subprocess.run(
            ["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=root, capture_output=True
        )
        if inside.returncode != 0:
            return "not a git repository with a commit (the release is recorded in releases/)"
        changed = subprocess.run(
            ["git", "diff", "--quiet", "HEAD", "--", str(spec)], cwd=root, capture_output=True
        )
    except OSError:
        return "git is not installed (the release is recorded in releases/)"
    if changed.returncode != 0:
        return "the spec differs from HEAD (commit it, then tag)"
    return None


def _headline(prepared: Prepared) -> str:
    verdict = prepared.verdict
    name = prepared.target.name
    if verdict.previous is None:
        return f"{name} {verdict.version}: first release"
    counts = Report("", "", verdict.changes)
    summary = ", ".join(
        f"{counts.count(level)} {level.value}"
        for level in sorted({c.level for c in verdict.changes}, key=lambda lv: -lv.rank)
    )
    return (
        f"{name} {verdict.version}: since {verdict.previous} ({prepared.base}): "
        f"{summary or 'no changes'}; needs a {verdict.bump} bump (≥ {verdict.required})"
    )


def _refusal(verdict: Verdict, overridden: bool) -> str:
    head = "allowed by --allow-breaking" if overridden else "refused"
    listed = verdict.breaking or verdict.changes
    which = "these breaking changes demand" if verdict.breaking else f"a {verdict.bump} bump needs"
    lines = [f"  {head}: {verdict.version} is below {verdict.required}, which {which}:"]
    for change in listed:
        where = change.operation or "(whole API)"
        lines.append(f"  - {where}: {change.message} [{change.id}]")
        for label, proof in (("proof", change.proof), ("rollback", change.rollback)):
            if proof is not None:
                lines.append(f"      {label}: {proof.verdict}: {proof.call}: {proof.detail}")
    if verdict.repeated:
        lines.append(f"  and {verdict.previous} is released already: a release needs a new version")
    elif not overridden:
        lines.append(
            f"  raise the version to {verdict.required} (info.version or `package-version`), "
            "or pass --allow-breaking to record an override"
        )
    return "\n".join(lines)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _fail(ctx: click.Context, message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    ctx.exit(2)


__all__ = ["release"]
