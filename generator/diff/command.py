"""`specgen diff`: classify the changes between two versions of a spec.

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage or input error.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import click

from generator import collector
from generator.diagnostics import SpecError, errors_in
from generator.diff.formats import FORMATTERS, format_junit
from generator.diff.report import Accepted, Report, diff_specs
from generator.diff.rules import Severity
from generator.diff.sources import (
    GitSource,
    is_openapi,
    load_spec,
    parse_source,
    read_ignore_file,
    spec_files,
    spec_files_at,
)
from generator.load import SpecSet

_FAIL_ON = {"breaking": Severity.BREAKING, "warning": Severity.WARNING, "info": Severity.INFO}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("base", required=False)
@click.argument("revision", required=False)
@click.option(
    "--base",
    "git_base",
    metavar="GITREV",
    help="Compare every spec in --specs with the same file at this git revision.",
)
@click.option(
    "--specs",
    "specs_dir",
    default="specs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of specs for --base.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "warning", "info", "none"]),
    default="breaking",
    show_default=True,
    help="Exit 1 when a change is at or above this level.",
)
@click.option(
    "--ignore",
    "ignore_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Accepted changes: `rule-id [METHOD /path]` per line, `#` comments.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date used to judge x-sunset (default: today); pin it for reproducible CI.",
)
@click.option(
    "--validate/--no-validate",
    default=False,
    help="Also run the spec validator on both sides; its errors exit 2.",
)
@click.option(
    "--prove",
    is_flag=True,
    help="Back each change with real calls: the base spec's client against the revision's "
    "mock (proof), and the revision's client against the base's mock (rollback).",
)
@click.option(
    "--color/--no-color",
    "colour",
    default=None,
    help="Colour text output (default: when stdout is a terminal).",
)
@click.pass_context
def diff(
    ctx: click.Context,
    base: str | None,
    revision: str | None,
    git_base: str | None,
    specs_dir: Path,
    output_format: str,
    fail_on: str,
    ignore_file: Path | None,
    today: dt.datetime | None,
    validate: bool,
    prove: bool,
    colour: bool | None,
) -> None:
    """Classify the changes from BASE to REVISION (files or GITREV:path), or with --base,
    from every spec in --specs at GITREV to the working tree."""
    if git_base is not None and (base or revision):
        raise click.UsageError("give either BASE REVISION or --base GITREV, not both")
    if git_base is None and not (base and revision):
        raise click.UsageError("give BASE and REVISION, or --base GITREV")
    threshold = _FAIL_ON.get(fail_on)
    date = today.date() if today else dt.date.today()
    try:
        accepted = read_ignore_file(ignore_file) if ignore_file else []
        with tempfile.TemporaryDirectory(prefix="specgen-diff-") as scratch:
            paths: list[tuple[Path, Path]] = []
            if git_base is not None:
                reports = _compare_folder(
                    git_base, specs_dir, Path(scratch), date, accepted, validate, paths
                )
            else:
                assert base is not None and revision is not None
                pair = (parse_source(base), parse_source(revision))
                reports = [
                    _compare(pair[0], pair[1], Path(scratch), date, accepted, validate, paths)
                ]
            if prove:
                from generator.diff.prove import prove_reports

                reports = prove_reports(reports, paths, Path(scratch))
    except SpecError as exc:
        click.echo(exc.diagnostic.format(), err=True)
        ctx.exit(2)
    if colour is None:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if output_format == "junit":
        text = format_junit(reports, fail_on=threshold)
    else:
        text = FORMATTERS[output_format](reports, colour=colour and output_format == "text")
    click.echo(text, nl=False, color=colour)
    ctx.exit(1 if any(report.fails(threshold) for report in reports) else 0)


def _compare(
    base: Path | GitSource,
    revision: Path | GitSource,
    scratch: Path,
    today: dt.date,
    accepted: Sequence[Accepted],
    validate: bool,
    paths: list[tuple[Path, Path]] | None = None,
) -> Report:
    with collector.tuned():
        base_spec, base_label = load_spec(base, scratch / "base")
        revision_spec, revision_label = load_spec(revision, scratch / "revision")
        collector.settle()  # both sides live until the report is made
        if paths is not None:
            paths.append((base_spec.root.path, revision_spec.root.path))
        if validate:
            _validate(base_spec)
            _validate(revision_spec)
        return diff_specs(
            base_spec,
            revision_spec,
            base_label=base_label,
            revision_label=revision_label,
            today=today,
            accepted=accepted,
        )


def _compare_folder(
    git_base: str,
    folder: Path,
    scratch: Path,
    today: dt.date,
    accepted: Sequence[Accepted],
    validate: bool,
    paths: list[tuple[Path, Path]] | None = None,
) -> list[Report]:
    current = {path.name: path for path in spec_files(folder) if is_openapi(path)}
    before = set(spec_files_at(git_base, folder))
    reports = []
    for index, name in enumerate(sorted(current.keys() | before)):
        here = scratch / str(index)
        path = folder / name
        old: Path | GitSource = GitSource(git_base, f"./{path.as_posix()}")
        if name not in before:
            old = _absent(here, "base.yaml")
        new = current.get(name) or _absent(here, "revision.yaml")
        report = _compare(old, new, here, today, accepted, validate, paths)
        # An absent side is named after the file it stands in for.
        reports.append(
            Report(
                f"{git_base}:{path.as_posix()}",
                path.as_posix(),
                report.changes,
                report.ignored,
            )
        )
    return reports


def _absent(folder: Path, name: str) -> Path:
    """An empty API standing in for a spec that does not exist on one side."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_text("openapi: 3.0.3\ninfo: {title: absent, version: '0'}\npaths: {}\n")
    return target


def _validate(spec: SpecSet) -> None:
    try:
        module = importlib.import_module("generator.validate")
    except ImportError:
        return  # the validator is an optional stage; diffing does not depend on it
    errors = errors_in(module.validate_spec(spec))
    if errors:
        for diagnostic in errors[1:]:
            click.echo(diagnostic.format(), err=True)
        raise SpecError(errors[0])


__all__ = ["diff"]
