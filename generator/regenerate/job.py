"""Render one target completely in memory: load, validate, render. Runs in a worker process.

Everything crossing the process boundary is a plain frozen dataclass; exceptions never do
(a SpecError does not survive pickling with its diagnostic), they become diagnostics here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from generator import collector
from generator.diagnostics import Diagnostic, Level, SpecError, errors_in
from generator.positions import carry_positions, keep_positions
from generator.regenerate.fingerprint import (
    ABSENT,
    collect_inputs,
    display_path,
    hash_file,
    relative_to,
)
from generator.regenerate.model import (
    SCRATCH_PREFIX,
    OutputFile,
    RenderFunction,
    RenderResultLike,
    Target,
)

if TYPE_CHECKING:
    from concurrent.futures import Future

    from generator.incremental import Store
    from generator.load import SpecSet
    from generator.regenerate.background import BackgroundValidation, Server
    from generator.render import TargetOptions

ValidateFunction = Callable[..., list[Diagnostic]]


@dataclass(frozen=True)
class Toolchain:
    """The stages a run uses. Defaults are the real ones, imported only when rendering.

    `validate`: None uses `generator.validate.validate_spec`; False skips validation.
    `cache`: the cache folder (formatted output, per-unit results) kept between runs.
    """

    render: RenderFunction | None = None
    validate: ValidateFunction | Literal[False] | None = None
    cache: Path | None = None
    # Per-unit results a long-lived process (watch) keeps between runs; in-process only.
    memory: Store | None = field(default=None, compare=False)
    # Its validation worker, kept from run to run (see `background.Server`).
    server: Server | None = field(default=None, compare=False)


@dataclass(frozen=True)
class JobResult:
    name: str
    failed: bool
    files: tuple[OutputFile, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    inputs: Mapping[str, str] = field(default_factory=dict)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level is not Level.ERROR)


def run_job(target: Target, toolchain: Toolchain, workers: int = 1) -> JobResult:
    """Never raises for bad input: every problem comes back as a diagnostic. `workers`:
    processes the renderer may use for this one target."""
    shown = display_path(target.spec)
    try:
        with collector.tuned():
            return _run(target, toolchain, shown, workers)
    except SpecError as exc:
        # Newer SpecErrors carry several diagnostics (every validation error at once).
        return JobResult(target.name, True, diagnostics=_carried(exc))
    except RecursionError:
        message = "the spec nests too deeply to render"
        return JobResult(target.name, True, diagnostics=(_error("too-deep", message, shown),))
    except Exception as exc:  # a bug in a stage must not take the other targets down
        message = f"internal error while rendering: {type(exc).__name__}: {exc}{_where(exc)}"
        return JobResult(target.name, True, diagnostics=(_error("internal", message, shown),))


def _run(
    target: Target, toolchain: Toolchain, shown: str, workers: int, repair_now: bool = False
) -> JobResult:
    """`repair_now`: run the repair pass before rendering instead of validating alongside."""
    settings = target.settings
    # The validator (a server's worker, or a process of its own) is asked before this process
    # loads the spec, so both load it at the same time: its verdict is what a run waits for
    # last. Sized by the root file here; a spec made large by the files it refs is decided
    # after loading, below.
    background = None
    if not repair_now:
        background = _background_validation(target, toolchain, workers, [target.spec])
    try:
        # Keys written twice are the validator's to report: another process looks for them.
        specset, inputs = collect_inputs(
            target.spec, settings.allow_remote, settings.root, duplicates=background is None
        )
    except BaseException:
        if background is not None:
            background.cancel()
        raise
    collector.settle()  # the loaded spec lives until the job ends
    part = toolchain.memory and toolchain.memory.part(str(target.spec.resolve()))
    kept = part.stores.setdefault("positions", {}) if part else None
    if kept is not None:  # warnings name lines: start from where the last run found them
        carry_positions(specset.documents.values(), kept)
    found: list[Diagnostic] = []
    if settings.overlays:
        from generator.overlay import apply_overlays

        # Before validation: an overlay is how a team fixes a spec it does not own.
        found += apply_overlays(specset.root.data, settings.overlays).warnings
        inputs = {**inputs, **_extra_inputs(settings.overlays, target.spec)}
    validate = _validator(toolchain)
    # Forgiving: local structural errors are repaired or their piece skipped (warnings); only
    # what no edit can fix stops the target. `--strict` refuses as `specgen validate` does.
    forgiving = toolchain.validate is None and not settings.strict
    if background is None and not repair_now:
        background = _background_validation(target, toolchain, workers, list(specset.documents))
    if forgiving and background is None:
        from generator.repair import repair_spec

        repaired = repair_spec(specset)
        found += [*repaired.diagnostics, *repaired.fatal]
        if repaired.fatal:
            return JobResult(target.name, True, diagnostics=tuple(found), inputs=inputs)
        validate = None
    if validate is not None and background is None:
        found += validate(specset, strict=settings.strict)
        if errors_in(found):
            return JobResult(target.name, True, diagnostics=tuple(found), inputs=inputs)
    try:
        result: RenderResultLike
        if toolchain.render is None:  # the real renderer reuses the spec loaded above
            from generator.render import render_target  # heavy (jinja2): only when rendering

            options = replace(_options(target), cache_dir=toolchain.cache, memory=part)
            if "docs" in settings.artefacts:  # the reference site, from the same IR
                from generator.regenerate.docs import render_with_docs

                result = render_with_docs(
                    _spec_argument(target.spec), options, specset, target.spec
                )
            else:
                result = render_target(_spec_argument(target.spec), options, specset)
        else:
            result = toolchain.render(_spec_argument(target.spec), _options(target))
    except SpecError as exc:
        verdict = _verdict(background)
        if forgiving and errors_in(verdict):
            return _run(target, toolchain, shown, workers, repair_now=True)
        found = _unique([*found, *verdict, *_carried(exc)])
        if not errors_in(found):  # a strict renderer refuses with warnings only
            found.append(_strict_refusal(len(found), shown))
        return JobResult(target.name, True, diagnostics=tuple(found), inputs=inputs)
    except Exception:
        # Rendering a spec the validator rejects may fail any way: its errors say why.
        verdict = _verdict(background)
        if forgiving and errors_in(verdict):
            return _run(target, toolchain, shown, workers, repair_now=True)
        if errors_in(verdict):
            return JobResult(target.name, True, diagnostics=tuple(verdict), inputs=inputs)
        raise
    except BaseException:  # interrupted (Ctrl-C): the validator's verdict is not wanted
        if background is not None:
            background.cancel()
        raise
    verdict = _verdict(background)
    if kept is not None:
        keep_positions(specset.documents.values(), kept)
    if forgiving and errors_in(verdict):
        # The spec needs repairs (the common case validates): repair it, then render again.
        return _run(target, toolchain, shown, workers, repair_now=True)
    if errors_in(verdict):  # the rendered files are not used
        return JobResult(target.name, True, diagnostics=tuple(verdict), inputs=inputs)
    found = [*verdict, *found]
    # The renderer may run the validator itself: report each finding once.
    found = _unique([*found, *result.diagnostics])
    files, problems = _checked_files(result, shown)
    found += problems
    warned = [d for d in found if d.level is not Level.INFO]  # an info finding is no warning
    if settings.strict and not errors_in(found) and warned:
        found.append(_strict_refusal(len(warned), shown))
    # The files loaded above are hashed already (those hashes win): only the renderer's others.
    inputs = {**_extra_inputs(result.inputs, target.spec, known=inputs), **inputs}
    return JobResult(target.name, bool(errors_in(found)), files, tuple(found), inputs)


def _background_validation(
    target: Target, toolchain: Toolchain, workers: int, documents: list[Path]
) -> BackgroundValidation | None:
    """The real validator in its own process, for a large spec when this target may use more
    than one (see `generator.regenerate.background`)."""
    if toolchain.validate is not None or toolchain.render is not None or workers < 2:
        return None
    if target.settings.overlays or target.settings.root:
        return None  # the other process would reload the spec without them
    from generator.regenerate import background

    if not background.worth_a_process(documents):
        return None
    settings = target.settings
    return background.start(
        target.spec,
        allow_remote=settings.allow_remote,
        strict=settings.strict,
        cache_dir=toolchain.cache,
        server=toolchain.server,
    )


def _verdict(background: BackgroundValidation | None) -> list[Diagnostic]:
    return background.result() if background is not None else []


def _where(exc: BaseException) -> str:
    """Where a stage crashed, for the bug report: the innermost frame, without a traceback."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"


def _carried(exc: SpecError) -> tuple[Diagnostic, ...]:
    # Newer SpecErrors carry several diagnostics (every validation error at once).
    return tuple(getattr(exc, "diagnostics", ())) or (exc.diagnostic,)


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return list(dict.fromkeys(diagnostics))


def _strict_refusal(count: int, shown: str) -> Diagnostic:
    return _error("strict", f"{count} warning(s) and --strict: nothing generated", shown)


def _error(rule: str, message: str, file: str) -> Diagnostic:
    return Diagnostic(rule, Level.ERROR, message, file)


def _spec_argument(spec: Path) -> Path:
    # Relative when possible, so the renderer's diagnostics name files the way a user typed them.
    return Path(display_path(spec))


def _validator(toolchain: Toolchain) -> ValidateFunction | None:
    choice = toolchain.validate
    if choice is False:
        return None
    if choice is not None:
        return choice
    cache, memory = toolchain.cache, toolchain.memory

    def validate(spec: SpecSet, *, strict: bool = False) -> list[Diagnostic]:
        # Imported when called: a large spec is validated by another process, and the
        # validator's imports (jsonschema, openapi-schema-validator) cost this one 0.2 s.
        from generator.validate import validate_spec

        return validate_spec(spec, strict=strict, cache_dir=cache, memory=memory)

    return validate


def _options(target: Target) -> TargetOptions:
    from generator.render import TargetOptions

    settings = target.settings
    return TargetOptions(
        name=target.name,
        artefacts=settings.artefacts,
        package=settings.package,
        package_version=settings.package_version,
        template_dirs=settings.template_dirs,
        strict=settings.strict,
        allow_remote=settings.allow_remote,
        display=settings.spec_name or None,
        layout=settings.layout or "auto",
        operation_names=settings.operation_names,
    )


def _checked_files(
    result: RenderResultLike, shown: str
) -> tuple[tuple[OutputFile, ...], list[Diagnostic]]:
    """The renderer's files, refusing paths that would escape or clash in the target folder."""
    files: dict[str, OutputFile] = {}
    problems: list[Diagnostic] = []
    for item in result.files:
        reason = unsafe_path_reason(item.path)
        if reason is None and item.path in files:
            reason = "produced twice"
        if reason is not None:
            message = f"renderer produced an unusable path {item.path!r}: {reason}"
            problems.append(_error("render-path", message, shown))
            continue
        files[item.path] = OutputFile(item.path, bytes(item.content), bool(item.write_once))
    return tuple(files[p] for p in sorted(files)), problems


def unsafe_path_reason(path: str) -> str | None:
    if not path or "\\" in path or "\x00" in path:
        return "empty or not a POSIX path"
    parts = path.split("/")
    if path.startswith("/") or any(part in ("..", ".", "") for part in parts):
        return "must be relative, without '.' or '..'"
    if parts[0].startswith(SCRATCH_PREFIX):
        return "reserved name"
    return None


def _extra_inputs(
    paths: Sequence[Path], spec: Path, known: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Each file's hash by its path relative to the spec's folder, except the `known` ones."""
    folder = spec.resolve().parent
    found: dict[str, str] = {}
    for path in paths:
        relative = relative_to(Path(path), folder)
        if known is not None and relative in known:
            continue
        found[relative] = hash_file(Path(path)) or ABSENT
    return found


def _ignore_interrupts() -> None:
    # Ctrl-C is the parent's to handle (it cancels pending renders and stops cleanly);
    # workers dying on it would only add tracebacks to the terminal.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def rendering(
    targets: Sequence[Target], toolchain: Toolchain, jobs: int | None
) -> Iterator[Iterator[JobResult]]:
    """Results in the order of `targets`. With a pool every job is submitted on entry, so the
    workers are forked before the caller starts any thread (a progress display)."""
    workers = min(jobs or 2, len(targets))
    if workers <= 1:
        # One target alone may use the cores itself (a large spec's models run in parts).
        inner = (jobs or 2) if len(targets) == 1 else 1
        yield (run_job(target, toolchain, inner) for target in targets)
        return
    from concurrent.futures import ProcessPoolExecutor  # only when rendering in parallel

    toolchain = replace(toolchain, memory=None, server=None)  # a worker cannot share them

    executor = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
    try:
        futures: list[Future[JobResult]] = [
            executor.submit(run_job, target, toolchain) for target in targets
        ]
        yield (future.result() for future in futures)
    finally:
        # Interrupted (Ctrl-C, a failing caller): do not wait for renders nobody will use.
        executor.shutdown(wait=True, cancel_futures=True)
