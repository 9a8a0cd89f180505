"""`specgen docs [TARGET|SPEC...]`: the static reference site of each spec, one folder each.

Targets are the project's (`[tool.specgen]`); a path to a spec file builds that document's
site, outside any project. The site is rendered by the same job as `specgen generate` (load,
repair or skip what is broken with a warning, IR), with only the `docs` artefact, then written
to `--out/<name>/`. Exit codes: 0 built, 2 usage or load errors.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import click

from generator.config import load_config
from generator.diagnostics import Level, SpecError
from generator.regenerate.model import Target
from generator.regenerate.plan import Flags, PlanError, adhoc_plan, project_plan

DOCS = frozenset({"docs"})


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("targets", nargs=-1)
@click.option(
    "--out",
    "out_dir",
    default="site",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the sites go, one folder per spec (open <out>/<name>/index.html).",
)
@click.option("--strict", is_flag=True, help="Refuse a spec that needs repairs.")
@click.option("--no-cache", is_flag=True, help="Do not use or fill .specgen-cache/.")
@click.pass_context
def docs(
    ctx: click.Context, targets: tuple[str, ...], out_dir: Path, strict: bool, no_cache: bool
) -> None:
    """Build the reference site of TARGETs (default: every target of the project) or of SPEC
    files: operations with snippets in Python, TypeScript and curl, models, search, changelog."""
    from generator.regenerate.command import CACHE_FOLDER
    from generator.regenerate.job import Toolchain, run_job

    try:
        chosen, anchor = _targets(targets, out_dir, strict)
    except (PlanError, SpecError) as exc:
        message = exc.diagnostic.format() if isinstance(exc, SpecError) else str(exc)
        click.echo(f"error: {message}", err=True)
        ctx.exit(2)
    failed = False
    for target in chosen:
        started = time.perf_counter()
        # As `generate` runs one target: the validator of a large spec works in a process of
        # its own while this one builds the IR and the site; the same cache folder.
        toolchain = Toolchain(cache=None if no_cache else anchor / CACHE_FOLDER)
        result = run_job(target, toolchain, workers=2)
        warnings = [d for d in result.diagnostics if d.level is not Level.INFO]
        if result.failed:
            for diagnostic in result.diagnostics:
                if diagnostic.level is Level.ERROR:
                    click.echo(diagnostic.format(), err=True)
            failed = True
            continue
        folder = out_dir / target.name
        if folder.exists():
            shutil.rmtree(folder)
        size = 0
        for item in result.files:
            relative = item.path.removeprefix("docs/")
            if relative == item.path:
                continue
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(item.content)
            size += len(item.content)
        seconds = time.perf_counter() - started
        note = f", {len(warnings)} warning(s) (repaired or skipped)" if warnings else ""
        click.echo(
            f"{target.name}: {folder / 'index.html'} ({size / 1e6:.1f} MB, {seconds:.1f} s{note})"
        )
    ctx.exit(2 if failed else 0)


def _targets(names: tuple[str, ...], out_dir: Path, strict: bool) -> tuple[list[Target], Path]:
    """The targets to build and the folder the cache lives in (the project's, else here)."""
    files = [Path(n) for n in names if Path(n).is_file()]
    if files:
        if len(files) != len(names):
            raise PlanError("give either spec files or target names, not both")
        plan = adhoc_plan(files, Flags(out=out_dir, artefacts=DOCS, strict=strict), Path.cwd())
        return list(plan.targets), plan.anchor
    config = load_config()
    plan, _ = project_plan(config, Flags(artefacts=DOCS, strict=strict))
    by_name = {t.name: t for t in plan.targets}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        known = ", ".join(sorted(by_name))
        raise PlanError(f"unknown target(s) or missing file(s): {', '.join(unknown)} ({known})")
    return [by_name[n] for n in names] if names else list(plan.targets), plan.anchor


__all__ = ["docs"]
