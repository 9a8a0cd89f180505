"""Turn configuration and command-line flags into a Plan: which targets, where, how."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import generator
from generator.config import ARTEFACTS, ProjectConfig, TargetOverride
from generator.regenerate.model import (
    MANIFEST_NAME,
    REPORT_NAME,
    SCRATCH_PREFIX,
    SPEC_SUFFIXES,
    Plan,
    Target,
    TargetSettings,
)


class PlanError(Exception):
    """The run cannot start (missing folder, clashing target names); the message says why."""


NEEDS_OUT = (
    "generating from SPEC arguments needs --out DIR, the folder to write into "
    "(e.g. `specgen generate openapi.yaml --out out`); without SPEC arguments, every spec "
    "of the project's [tool.specgen] is generated"
)


@dataclass(frozen=True)
class Flags:
    """Command-line overrides; None means "as configured"."""

    specs: Path | None = None
    out: Path | None = None
    templates: tuple[Path, ...] | None = None
    artefacts: frozenset[str] | None = None
    strict: bool = False
    allow_remote: bool = False
    root: Path | None = None
    overlays: tuple[Path, ...] = ()
    package: str | None = None  # --package-name: the client's import name
    package_version: str | None = None  # --package-version: the client's version
    layout: str | None = None  # --layout: flat | resources | auto


def builtin_templates_dir() -> Path | None:
    """The renderer's built-in templates, found without importing the renderer (and jinja):
    `generator/_templates` in an installed wheel, the repository's `templates/` otherwise."""
    package = Path(generator.__file__).resolve().parent
    for candidate in (package / "_templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    return None


def discover_specs(folder: Path) -> list[Path]:
    """One target per YAML/JSON file directly in `folder`. Sub-folders and files starting with
    `_` or `.` hold shared fragments that specs `$ref`, not targets of their own."""
    if not folder.is_dir():
        raise PlanError(f"specs folder not found: {folder}")
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in SPEC_SUFFIXES
        and not path.name.startswith(("_", "."))
    )


def _target_names(specs: Sequence[Path]) -> dict[str, Path]:
    named: dict[str, Path] = {}
    for spec in specs:
        name = spec.stem
        if not name or name.startswith(".") or name in (MANIFEST_NAME, REPORT_NAME):
            raise PlanError(f"{spec}: {name!r} cannot be a target name (the file stem)")
        if name.startswith(SCRATCH_PREFIX.rstrip("-")):
            raise PlanError(f"{spec}: target names starting with {SCRATCH_PREFIX!r} are reserved")
        if name in named and named[name].resolve() != spec.resolve():
            raise PlanError(
                f"{named[name]} and {spec} would both generate target {name!r}; rename one"
            )
        named[name] = spec
    return named


def _existing_folders(folders: Sequence[Path]) -> tuple[Path, ...]:
    for folder in folders:
        if not folder.is_dir():
            raise PlanError(f"templates folder not found: {folder}")
    return tuple(f.resolve() for f in folders)


def _spec_name(spec: Path, root: Path) -> str:
    try:
        return spec.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return spec.name


def project_plan(config: ProjectConfig, flags: Flags) -> tuple[Plan, list[str]]:
    """The plan for every spec of the project, and notices worth printing."""
    specs_dir = (flags.specs or config.specs).resolve()
    out_dir = (flags.out or config.output).resolve()
    templates = _existing_folders(
        flags.templates if flags.templates is not None else config.templates
    )
    named = _target_names(discover_specs(specs_dir))
    notices = [
        f"warning: [tool.specgen.targets.{name}] matches no spec in {specs_dir}"
        for name in sorted(set(config.targets) - set(named))
    ]
    targets = []
    wider = flags.root or config.spec_root
    boundary = wider.resolve() if wider else None
    if config.operations and len(named) > 1:
        raise PlanError(
            f"{config.pyproject}: [tool.specgen.operations] renames the methods of one spec, "
            f"and {specs_dir} holds {len(named)}: move it to "
            "[tool.specgen.targets.<name>.operations] for the spec it is meant for"
        )
    for name, spec in sorted(named.items()):
        override = _with_operations(config.targets.get(name), config)
        artefacts = flags.artefacts or (override and override.artefacts) or config.artefacts
        settings = TargetSettings(
            artefacts=artefacts,
            package=flags.package or (override.package if override else None),
            package_version=flags.package_version
            or (override.package_version if override else None),
            template_dirs=templates,
            strict=flags.strict,
            allow_remote=flags.allow_remote,
            spec_name=_spec_name(spec, config.root),
            root=boundary,
            overlays=tuple(o.resolve() for o in flags.overlays)
            or (override.overlays if override else ()),
            layout=flags.layout or (override.layout if override else None),
            operation_names=override.operations if override else (),
        )
        targets.append(Target(name, spec.resolve(), settings))
    builtin = builtin_templates_dir()
    roots = (specs_dir, *templates, *([builtin] if builtin else []))
    plan = Plan(
        out_dir=out_dir,
        anchor=config.root,
        targets=tuple(targets),
        prune=True,
        builtin_templates=builtin,
        watch_roots=_outermost(roots),
    )
    return plan, notices


def _with_operations(
    override: TargetOverride | None, config: ProjectConfig
) -> TargetOverride | None:
    """A target's table, with `[tool.specgen.operations]` when it renames nothing itself."""
    if not config.operations or (override is not None and override.operations):
        return override
    return replace(override or TargetOverride(), operations=config.operations)


def adhoc_overrides(
    specs: Sequence[Path], config: ProjectConfig, explicit: bool
) -> tuple[dict[str, TargetOverride], list[str]]:
    """What a pyproject.toml says about `generate SPEC... --out DIR`, and notices to print.

    Each SPEC gets the `[tool.specgen.targets.<stem>]` table named after its file stem (as in
    the project), else `[tool.specgen.operations]`. Method renames are never dropped without
    a word: when the file renames methods but none of its tables applies to these specs, that
    is an error with `--config FILE` (the user asked for that file) and a warning when the
    file was only found on the way up from the current folder."""
    overrides: dict[str, TargetOverride] = {}
    for name in _target_names(list(specs)):
        override = _with_operations(config.targets.get(name), config)
        if override is not None:
            overrides[name] = override
    if not config.renames or any(o.operations for o in overrides.values()):
        return overrides, []
    tables = ", ".join(
        f"[tool.specgen.targets.{name}.operations]"
        for name, override in sorted(config.targets.items())
        if override.operations
    )
    wanted = ", ".join(f"[tool.specgen.targets.{spec.stem}]" for spec in specs)
    message = (
        f"{_shown(config.pyproject)} renames methods in {tables}, which names none of "
        f"{', '.join(spec.name for spec in specs)}: a table applies to the spec whose file stem "
        f"is its name ({wanted} here), and [tool.specgen.operations] to any spec"
    )
    if explicit:
        raise PlanError(message)
    return overrides, [f"warning: {message}; the renames are not applied"]


def _shown(path: Path | None) -> str:
    if path is None:
        return "the configuration"
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def adhoc_plan(
    specs: Sequence[Path],
    flags: Flags,
    anchor: Path,
    overrides: Mapping[str, TargetOverride] | None = None,
    config_root: Path | None = None,
) -> Plan:
    """`specgen generate SPEC... --out DIR`: just these documents, outside any project.
    `overrides`: target → its table of the pyproject.toml in effect (`adhoc_overrides`);
    flags win over them. `config_root`: that file's `root`."""
    if flags.out is None:
        raise PlanError(NEEDS_OUT)
    if flags.specs is not None:
        raise PlanError("pass either SPEC arguments or --specs, not both")
    for spec in specs:
        if not spec.is_file():
            raise PlanError(f"spec not found: {spec}")
    named = _target_names(list(specs))
    if flags.package and len(named) > 1:
        raise PlanError("--package-name names one package: pass one SPEC with it")
    templates = _existing_folders(flags.templates or ())
    wider = flags.root or config_root
    settings = TargetSettings(
        artefacts=flags.artefacts or ARTEFACTS,
        package=flags.package,
        package_version=flags.package_version,
        template_dirs=templates,
        strict=flags.strict,
        allow_remote=flags.allow_remote,
        root=wider.resolve() if wider else None,
        overlays=tuple(o.resolve() for o in flags.overlays),
        layout=flags.layout,
    )
    builtin = builtin_templates_dir()
    roots = (*(s.resolve().parent for s in specs), *templates, *([builtin] if builtin else []))
    found = overrides or {}
    return Plan(
        out_dir=flags.out.resolve(),
        anchor=anchor.resolve(),
        targets=tuple(
            Target(
                n,
                s.resolve(),
                _overridden(replace(settings, spec_name=s.name), flags, found.get(n)),
            )
            for n, s in sorted(named.items())
        ),
        prune=False,
        builtin_templates=builtin,
        watch_roots=_outermost(roots),
        report=True,
    )


def _overridden(
    settings: TargetSettings, flags: Flags, override: TargetOverride | None
) -> TargetSettings:
    """An ad-hoc target's settings with its pyproject.toml table under the flags."""
    if override is None:
        return settings
    return replace(
        settings,
        artefacts=flags.artefacts or override.artefacts or settings.artefacts,
        package=flags.package or override.package,
        package_version=flags.package_version or override.package_version,
        overlays=settings.overlays or override.overlays,
        layout=flags.layout or override.layout,
        operation_names=override.operations,
    )


def _outermost(folders: Sequence[Path]) -> tuple[Path, ...]:
    """Distinct folders in their given order, nested ones dropped (the parent covers them)."""
    unique = list(dict.fromkeys(f.resolve() for f in folders))
    return tuple(
        folder
        for folder in unique
        if not any(folder != other and folder.is_relative_to(other) for other in unique)
    )
