"""Render one spec into files in memory: load → IR → templates → format.

Nothing here writes to disk; `generator.regenerate` decides what reaches `generated/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import NameOverride
from generator.diagnostics import Diagnostic, Level, SpecError
from generator.render.environment import built_in_templates
from generator.render.model_modules import SPLIT_FROM

if TYPE_CHECKING:
    from generator.incremental import Store
    from generator.ir.model import Api, ClientTree, Method, Operation, Resource
    from generator.load import SpecSet
    from generator.render.context import RenderContext
    from generator.render.memo import RenderMemo

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
    memory: Store | None = field(default=None, compare=False)
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
    from generator.load import SpecSet, load_document
    from generator.render.context import RenderContext
    from generator.render.environment import make_environment

    display = options.display or spec_display_name(spec_path)
    if spec is None:
        spec = SpecSet(load_document(spec_path, display), allow_remote=options.allow_remote)
    # Validation is the caller's stage (regenerate runs it once, before rendering).
    api, diagnostics = build_api(spec, options.name, options.memory)
    api = replace(api, tree=_client_tree(api, options))
    ctx = RenderContext.create(
        api,
        display,
        options.package,
        make_environment(options.template_dirs, options.cache_dir),
        options.package_version,
    )
    return ctx, spec, diagnostics


_TREE = "tree"  # the memo of `_client_tree` (kept by `prepare_target`)


def _client_tree(api: Api, options: TargetOptions) -> ClientTree:
    """`client_tree` for `api`, or with `memory` the tree an earlier run decided from equal
    operations, model names (all `client_tree` reads) and options, holding this run's
    operations (equal ones may still differ in what the IR's equality leaves out)."""
    from generator.ir.resources import client_tree
    from generator.render.memo import Equal, RenderMemo

    memo = RenderMemo(options.memory, _TREE, ())
    inputs = (
        api.operations,
        tuple(m.class_name for m in api.models),
        options.layout,
        options.operation_names,
    )
    kept = memo.get("", inputs)
    pairs: list[tuple[object, object]] = []
    tree = _with_operations(kept[0], kept[1], api.operations, pairs) if kept is not None else None
    if tree is None:
        tree = client_tree(api, options.layout, options.operation_names)
        pairs = []
    memo.put("", inputs, {}, (api.operations, tree))
    memo.save()
    Equal.keep(options.memory, pairs)
    return tree


def _with_operations(
    old: tuple[Operation, ...],
    tree: ClientTree,
    operations: tuple[Operation, ...],
    pairs: list[tuple[object, object]],
) -> ClientTree | None:
    """`tree`, decided from `old`, holding the equal `operations` in their place (None if it
    holds one that is not in `old`); `pairs` gets each earlier object with its equal new one."""
    new = {id(before): after for before, after in zip(old, operations, strict=True)}
    pairs += zip(old, operations, strict=True)

    def methods(found: tuple[Method, ...]) -> tuple[Method, ...]:
        return tuple(replace(m, operation=new[id(m.operation)]) for m in found)

    def resource(found: Resource) -> Resource:
        children = tuple(resource(r) for r in found.resources)
        now = replace(found, methods=methods(found.methods), resources=children)
        pairs.append((found, now))
        return now

    try:
        now = replace(
            tree, methods=methods(tree.methods), resources=tuple(map(resource, tree.resources))
        )
    except KeyError:
        return None
    pairs.append((tree, now))
    return now


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
    from generator.render.format import final_bytes
    from generator.render.models import render_models

    display = ctx.spec
    saved: set[str] = set()
    memos = _memos(ctx, options, saved)
    texts, write_once = render_package(
        ctx, options.artefacts, memos.get("resources"), memos.get("client")
    )
    if "client-ts" in options.artefacts:
        from generator.render.client_ts import render_client_ts

        ts_texts = render_client_ts(ctx)
    else:
        ts_texts = {}
    if "stubs" in options.artefacts:
        from generator.render.stubs import render_stubs

        stub_texts, stub_once = render_stubs(ctx, memos.get("stubs"), memos.get("routes"))
        texts.update(stub_texts)
        write_once.update(stub_once)
    if has_package(options.artefacts):
        model_files, model_warnings = render_models(
            ctx, options.split_models_from, memos.get("models")
        )
        texts.update(model_files)
        diagnostics += model_warnings
    formatted = memos.get("formatted")
    data = final_bytes({**texts, **write_once}, display, options.cache_dir, formatted)
    if options.strict and any(d.level is not Level.INFO for d in diagnostics):
        raise SpecError(*diagnostics)  # --strict refuses warnings; findings (info) are no such
    # The TypeScript files skip the Python formatter: the templates print them formatted.
    data.update(final_bytes(ts_texts, display, memo=formatted, python=False))
    if formatted is not None:
        formatted.save()
    if options.memory is not None:
        from generator.render.memo import Equal, drop_unsaved

        drop_unsaved(options.memory, saved, frozenset({Equal.STORE, f"render-{_TREE}"}))
    texts.update(ts_texts)
    files = [RenderedFile(p, data[p]) for p in sorted(texts)]
    files += [RenderedFile(p, data[p], True) for p in sorted(write_once)]
    inputs = tuple(sorted(spec.documents))
    return RenderResult(tuple(files), tuple(diagnostics), inputs)


# The built-in template folder each memo's files are rendered from (besides the shared
# top-level macros).
_MEMO_TEMPLATES = {
    "models": "models",
    "resources": "client",
    "client": "client",
    "stubs": "server",
    "routes": "server",
}


def _memos(ctx: RenderContext, options: TargetOptions, saved: set[str]) -> dict[str, RenderMemo]:
    """Per-file memos of what a long-lived process rendered before (none without `memory`):
    they never change the output, only skip re-rendering files whose inputs are unchanged.

    A memo's key holds what the built-in templates print (the IR's values, compared by
    value); a user's template may print anything (a schema, an example, which the IR's
    equality leaves out), so the files of a template folder the user overrides are always
    rendered afresh."""
    if options.memory is None:
        return {}
    from generator.incremental import files_fingerprint
    from generator.render.memo import RenderMemo

    folders = (*options.template_dirs, built_in_templates())
    # Each template file is read again only when its size or modification time changed.
    known = options.memory.stores.setdefault("template-files", {})
    scope = (ctx.spec, ctx.package, files_fingerprint(folders, known))
    overridden = _overridden(options.template_dirs)
    memos = {
        stage: RenderMemo(
            None if overridden & {folder, ""} else options.memory, stage, scope, saved
        )
        for stage, folder in _MEMO_TEMPLATES.items()
    }
    # Formatting depends on a file's text alone.
    memos["formatted"] = RenderMemo(options.memory, "formatted", (), saved)
    return memos


def _overridden(template_dirs: tuple[Path, ...]) -> set[str]:
    """The built-in template folders ("" for the top level: the shared macros) that a user
    folder replaces a file of."""
    builtin = built_in_templates()
    found: set[str] = set()
    for folder in template_dirs:
        for path in folder.rglob("*") if folder.is_dir() else ():
            relative = path.relative_to(folder)
            if path.is_file() and (builtin / relative).is_file():
                found.add(relative.parts[0] if len(relative.parts) > 1 else "")
    return found
