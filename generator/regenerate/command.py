"""The `specgen generate` and `specgen watch` commands (thin: parse flags, build a plan, run)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from generator.diagnostics import Level, SpecError
from generator.regenerate.plan import Flags, PlanError

_PATH = click.Path(path_type=Path)
CACHE_FOLDER = ".specgen-cache"


def _artefacts(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
    if not value:
        return None
    from generator.config import parse_artefacts

    try:
        return parse_artefacts(list(value), "--artefacts")
    except ValueError as exc:
        raise click.BadParameter(str(exc).removeprefix("--artefacts: ")) from None


def _shared_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("spec_files", nargs=-1, type=_PATH, metavar="[SPEC]..."),
        click.option(
            "--specs", type=_PATH, help="Folder of specs (default: [tool.specgen] specs)."
        ),
        click.option("--out", type=_PATH, help="Output folder (default: [tool.specgen] output)."),
        click.option(
            "--templates",
            type=_PATH,
            multiple=True,
            help="Template override folder, searched before the built-in templates (repeatable).",
        ),
        click.option(
            "--artefacts",
            multiple=True,
            callback=_artefacts,
            help="What to generate: client, models, stubs, client-ts (comma-separated or "
            "repeated; default: client, models, stubs).",
        ),
        click.option("--strict", is_flag=True, help="Refuse to generate when there are warnings."),
        click.option("--allow-remote", is_flag=True, help="Allow http(s) $refs."),
        click.option(
            "--root",
            "spec_root",
            type=click.Path(path_type=Path, file_okay=False, exists=True),
            help="Relative $refs may reach anywhere below this folder (default: the spec's git "
            "work tree, or the current folder when it holds the spec).",
        ),
        click.option(
            "--overlay",
            "overlays",
            type=click.Path(path_type=Path, dir_okay=False, exists=True),
            multiple=True,
            help="OpenAPI Overlay 1.0 file applied to the spec before validation (repeatable).",
        ),
        click.option(
            "--config",
            "config_file",
            type=click.Path(path_type=Path, dir_okay=False, exists=True),
            help="pyproject.toml (or another TOML file) whose [tool.specgen] to use instead of "
            "the one found from the current folder up; with SPEC --out DIR, its "
            "[tool.specgen.targets.<stem>] table (method renames included) applies to SPEC.",
        ),
        click.option(
            "--jobs",
            type=click.IntRange(min=1),
            help="Render this many targets in parallel (default: up to 2).",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            help=f"Do not read or write the formatter cache ({CACHE_FOLDER}/ in the project root).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _flags(
    specs: Path | None,
    out: Path | None,
    templates: tuple[Path, ...],
    artefacts: frozenset[str] | None,
    strict: bool,
    allow_remote: bool,
    spec_root: Path | None = None,
    overlays: tuple[Path, ...] = (),
    package: str | None = None,
    package_version: str | None = None,
    layout: str | None = None,
) -> Flags:
    return Flags(
        specs=specs,
        out=out,
        templates=templates or None,
        artefacts=artefacts,
        strict=strict,
        allow_remote=allow_remote,
        root=spec_root,
        overlays=overlays,
        package=package,
        package_version=package_version,
        layout=layout,
    )


def _package_name(value: str | None) -> str | None:
    """A Python import name, or a usage error that says what one is."""
    if value is not None and not value.isidentifier():
        raise click.BadParameter(f"{value!r} is not a Python import name (e.g. acme_api)")
    return value


def _config(config_file: Path | None) -> Any:
    """`--config FILE`, else the pyproject.toml found from the current folder up."""
    from generator.config import load_config, parse_config

    return parse_config(config_file) if config_file else load_config(Path.cwd())


def _make_plan(spec_files: tuple[Path, ...], flags: Flags, config_file: Path | None) -> Any:
    """Build the plan; prints notices. Raises PlanError or SpecError (bad configuration)."""
    from generator.regenerate.plan import NEEDS_OUT, adhoc_overrides, adhoc_plan, project_plan

    if spec_files and flags.out is None:  # before any configuration is read
        raise PlanError(NEEDS_OUT)
    config = _config(config_file)
    if spec_files:
        for spec in spec_files:  # before the configuration is asked about it
            if not spec.is_file():
                raise PlanError(f"spec not found: {spec}")
        overrides, notices = adhoc_overrides(spec_files, config, explicit=config_file is not None)
        root = config.spec_root
        if root is not None and not all(s.resolve().is_relative_to(root) for s in spec_files):
            root = None  # the project's `root` is about its own specs
        plan = adhoc_plan(spec_files, flags, Path.cwd(), overrides, root)
    else:
        plan, notices = project_plan(config, flags)
    for notice in notices:
        click.echo(notice, err=True)
    return plan


def _toolchain(anchor: Path, no_cache: bool) -> Any:
    """The real stages, unless the caller put a Toolchain in click's context object (tests and
    embedders substitute a renderer that way: `cli.main(args, obj=Toolchain(render=...))`).
    The formatter cache lives in the project root (the current folder in ad-hoc mode)."""
    from dataclasses import replace

    from generator.regenerate.job import Toolchain

    found = click.get_current_context().find_object(Toolchain) or Toolchain()
    return replace(found, cache=None if no_cache else anchor / CACHE_FOLDER)


def _package_versions(plan: Any, given: str | None) -> dict[str, str]:
    """Target → version for changelog entries: --package-version for every target, else the
    `package-version` of each target's table in [tool.specgen.targets] (in its settings)."""
    if given is not None:
        return {target.name: given for target in plan.targets}
    return {
        target.name: target.settings.package_version
        for target in plan.targets
        if target.settings.package_version is not None
    }


def _fail_setup(exc: Exception) -> NoReturn:
    """A run that cannot start (no --out, a missing spec, a bad [tool.specgen]): exit 2."""
    message = exc.diagnostic.format() if isinstance(exc, SpecError) else f"error: {exc}"
    click.echo(message, err=True)
    sys.exit(2)


def _exit_code(outcomes: Any) -> int:
    """0 fine; 2 when a target's spec could not be read or parsed at all (a load error, as
    for a missing file); 1 for any other failure (findings in a spec that was read)."""
    from generator.load import LOAD_RULES
    from generator.regenerate.pipeline import FAILED

    failed = [o for o in outcomes if o.status == FAILED]
    if not failed:
        return 0
    loads = any(
        d.rule in LOAD_RULES and d.level is Level.ERROR for o in failed for d in o.diagnostics
    )
    return 2 if loads else 1


@click.command()
@_shared_options
@click.option("--force", is_flag=True, help="Regenerate every target, overwriting unknown files.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the output is stale.")
@click.option(
    "--package-name",
    "package_name",
    metavar="NAME",
    callback=lambda ctx, param, value: _package_name(value),
    help="Import name of the generated client package (one SPEC; default: from the file "
    "name, or [tool.specgen.targets.<name>] package).",
)
@click.option(
    "--package-version",
    metavar="VERSION",
    help="Version of the generated packages, and of the CHANGELOG.md entry of a client whose "
    "spec changed (default: [tool.specgen.targets.<name>] package-version, else the spec's "
    "info.version; the entry falls back to the suggested bump).",
)
@click.option(
    "--prove-changelog",
    is_flag=True,
    help="Back each change of a CHANGELOG.md entry with its proof, as `specgen diff --prove` "
    "does (renders and serves both versions of the spec: seconds per target).",
)
@click.option(
    "--no-daemon",
    is_flag=True,
    help="Run in this process, not in a generation server (`specgen daemon`; off in CI and "
    "with SPECGEN_DAEMON=0).",
)
@click.option(
    "--layout",
    type=click.Choice(["auto", "flat", "resources"]),
    help="How the client groups operations: resources (client.customers.create), flat (every "
    "operation a client method) or auto: resources when that gives two or more (default: "
    "[tool.specgen.targets.<name>] layout, else auto).",
)
def generate(
    spec_files: tuple[Path, ...],
    specs: Path | None,
    out: Path | None,
    templates: tuple[Path, ...],
    artefacts: frozenset[str] | None,
    strict: bool,
    allow_remote: bool,
    spec_root: Path | None,
    overlays: tuple[Path, ...],
    config_file: Path | None,
    jobs: int | None,
    no_cache: bool,
    force: bool,
    check: bool,
    package_name: str | None,
    package_version: str | None,
    prove_changelog: bool,
    no_daemon: bool,
    layout: str | None,
) -> None:
    """Render clients, models and stubs for the targets whose inputs changed.

    Without SPEC arguments, every spec of the project ([tool.specgen] in pyproject.toml) is a
    target. With SPEC arguments and --out DIR, just those documents are rendered into DIR.
    """
    from generator.regenerate.progress import Reporter

    del no_daemon  # read before click runs, by generator.daemon.client
    flags = _flags(
        specs,
        out,
        templates,
        artefacts,
        strict,
        allow_remote,
        spec_root,
        overlays,
        package_name,
        package_version,
        layout,
    )
    try:
        plan = _make_plan(spec_files, flags, config_file)
    except (PlanError, SpecError) as exc:
        _fail_setup(exc)
    toolchain = _toolchain(plan.anchor, no_cache)
    reporter = Reporter.for_terminal()
    if check:
        from generator.regenerate.check import check as check_plan

        if force:
            raise click.UsageError("--check writes nothing, so --force means nothing with it")
        sys.exit(
            0 if check_plan(plan, jobs=jobs, toolchain=toolchain, reporter=reporter).clean else 1
        )
    from generator.regenerate.pipeline import generate as generate_plan

    versions = _package_versions(plan, package_version)
    try:
        result = generate_plan(
            plan,
            force=force,
            jobs=jobs,
            toolchain=toolchain,
            reporter=reporter,
            package_versions=versions,
            prove_changelog=prove_changelog,
        )
    except OSError as exc:
        _fail_setup(exc)
    sys.exit(_exit_code(result.outcomes))


@click.command()
@_shared_options
def watch(
    spec_files: tuple[Path, ...],
    specs: Path | None,
    out: Path | None,
    templates: tuple[Path, ...],
    artefacts: frozenset[str] | None,
    strict: bool,
    allow_remote: bool,
    spec_root: Path | None,
    overlays: tuple[Path, ...],
    config_file: Path | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Regenerate whenever a spec, a file it refs, or a template changes (Ctrl-C stops)."""
    from generator.regenerate.fingerprint import display_path
    from generator.regenerate.progress import Reporter
    from generator.regenerate.watch import WatchSettings, run_once, watch_changes, watch_loop

    flags = _flags(specs, out, templates, artefacts, strict, allow_remote, spec_root, overlays)
    try:
        plan = _make_plan(spec_files, flags, config_file)
    except (PlanError, SpecError) as exc:
        _fail_setup(exc)
    from dataclasses import replace

    from generator.incremental import Store
    from generator.regenerate.background import Server

    server = Server()
    settings = WatchSettings(
        make_plan=lambda: _make_plan(spec_files, flags, config_file),
        # One process for the whole session: per-unit results stay in memory between saves,
        # and one validation worker, imported and warm, serves every save.
        toolchain=replace(_toolchain(plan.anchor, no_cache), memory=Store(), server=server),
        jobs=jobs,
        reporter=Reporter.for_terminal(),
    )
    try:
        run_once(settings, quiet=False)
        shown = ", ".join(display_path(root) for root in plan.watch_roots)
        click.echo(f"watching {shown} (Ctrl-C to stop)")
        changes = watch_changes(plan.watch_roots, plan.out_dir, cache=settings.toolchain.cache)
        watch_loop(changes, settings, plan.out_dir)
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.close()
