"""Render one spec into files in memory: load → IR → templates → format.

Nothing here writes to disk; `generator.regenerate` decides what reaches `generated/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import NameOverride
from generator.diagnostics import Diagnostic, SpecError
from generator.render.environment import built_in_templates
from generator.render.model_modules import SPLIT_FROM

if TYPE_CHECKING:
    from generator.load import SpecSet
    from generator.render.context import RenderContext
    from generator.render.memo import RenderMemo
    from generator.unitcache import Memory

__all__ = [
    "RenderResult",
    "RenderedFile",
    "TargetOptions",
    "built_in_templates",
    "prepare_target",
    "render_prepared",
    "render_target",
]

ARTEFACTS = frozenset({"client", "models", "stubs"})


@dataclass(frozen=True)
class RenderedFile:
    path: str  # POSIX path relative to the target's folder
    content: bytes
    write_once: bool = False  # implementer-owned: written when absent, never overwritten


@dataclass(frozen=True)
class TargetOptions:
    name: str
    artefacts: frozenset[str] = ARTEFACTS
    package: str | None = None
    package_version: str | None = None  # the generated packages' version (default: the spec's)
    template_dirs: tuple[Path, ...] = ()
    strict: bool = False
    allow_remote: bool = False
    display: str | None = None  # how headers name the spec; default: relative to cwd
    # Where formatted output is cached by the hash of the unformatted text (None: not cached);
    # it never changes the output.
    cache_dir: Path | None = None
    # What a long-lived process (watch) keeps between runs: model classes by the schemas they
    # were built from. It never changes the output either.
    memory: Memory | None = field(default=None, compare=False)
    # How the client groups operations ("auto" | "flat" | "resources") and the method names
    # chosen in [tool.specgen.targets.<name>.operations] (see generator.ir.resources).
    layout: str = "auto"
    # From this many model classes on, the models are a package of lazily imported modules
    # (see `render/model_modules.py`); tests lower it to see the split on small specs.
    split_models_from: int = SPLIT_FROM
    operation_names: tuple[NameOverride, ...] = ()


@dataclass(frozen=True)
class RenderResult:
    files: tuple[RenderedFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    inputs: tuple[Path, ...]


def spec_display_name(spec_path: Path) -> str:
    """How a spec is named in headers: relative to the working folder when inside it, else its
    file name, so generated files never carry a machine's absolute path."""
    try:
        return spec_path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return spec_path.name


def prepare_target(
    spec_path: Path, options: TargetOptions, spec: SpecSet | None = None
) -> tuple[RenderContext, SpecSet, list[Diagnostic]]:
    """Load (unless the caller already has `spec`) and build the IR and the template context."""
    from generator.ir import build_api
    from generator.ir.resources import client_tree
    from generator.load import SpecSet, load_document
    from generator.render.context import RenderContext
    from generator.render.environment import make_environment

    display = options.display or spec_display_name(spec_path)
    if spec is None:
        spec = SpecSet(load_document(spec_path, display), allow_remote=options.allow_remote)
    # Validation is the caller's stage (regenerate runs it once, before rendering).
    api, diagnostics = build_api(spec, options.name, options.memory)
    api = replace(api, tree=client_tree(api, options.layout, options.operation_names))
    ctx = RenderContext.create(
        api,
        display,
        options.package,
        make_environment(options.template_dirs, options.cache_dir),
        options.package_version,
    )
    return ctx, spec, diagnostics


def render_target(
    spec_path: Path, options: TargetOptions, spec: SpecSet | None = None
) -> RenderResult:
    """Every file of one target, formatted, plus the warnings met on the way. Pass `spec`
    when it is already loaded (regenerate loads it to hash and validate it)."""
    ctx, spec, diagnostics = prepare_target(spec_path, options, spec)
    return render_prepared(ctx, spec, diagnostics, options)


def render_prepared(
    ctx: RenderContext, spec: SpecSet, diagnostics: list[Diagnostic], options: TargetOptions
) -> RenderResult:
    """The files of a prepared target (see `prepare_target`)."""
    from generator.render.client import has_package, render_package
    from generator.render.format import format_python
    from generator.render.models import render_models

    display = ctx.spec
    memos = _memos(ctx, options)
    texts, write_once = render_package(ctx, options.artefacts, memos.get("resources"))
    if "client-ts" in options.artefacts:
        from generator.render.client_ts import render_client_ts

        ts_texts = render_client_ts(ctx)
    else:
        ts_texts = {}
    if "stubs" in options.artefacts:
        from generator.render.stubs import render_stubs

        stub_texts, stub_once = render_stubs(ctx)
        texts.update(stub_texts)
        write_once.update(stub_once)
    if has_package(options.artefacts):
        model_files, model_warnings = render_models(
            ctx, options.split_models_from, memos.get("models")
        )
        texts.update(model_files)
        diagnostics += model_warnings
    formatted = format_python({**texts, **write_once}, display, options.cache_dir)
    if options.strict and diagnostics:
        raise SpecError(*diagnostics)
    # The TypeScript files skip the Python formatter: the templates print them formatted.
    formatted.update(ts_texts)
    texts.update(ts_texts)
    files = [RenderedFile(p, formatted[p].encode("utf-8")) for p in sorted(texts)]
    files += [RenderedFile(p, formatted[p].encode("utf-8"), True) for p in sorted(write_once)]
    inputs = tuple(sorted(spec.documents))
    return RenderResult(tuple(files), tuple(diagnostics), inputs)


def _memos(ctx: RenderContext, options: TargetOptions) -> dict[str, RenderMemo]:
    """Per-file memos of what a long-lived process rendered before (none without `memory`):
    they never change the output, only skip re-rendering files whose inputs are unchanged."""
    if options.memory is None:
        return {}
    from generator.render.memo import RenderMemo, templates_fingerprint

    folders = (*options.template_dirs, built_in_templates())
    scope = (ctx.spec, ctx.package, templates_fingerprint(folders))
    return {stage: RenderMemo(options.memory, stage, scope) for stage in ("models", "resources")}
