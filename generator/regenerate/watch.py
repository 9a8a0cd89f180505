"""`specgen watch`: regenerate whenever a spec, a file it refs, or a template changes.

The loop takes any iterable of change sets, so tests drive it with plain lists and the command
drives it with watchfiles. Each batch reruns the incremental pipeline: the fingerprints decide
which targets are affected, so a change to a shared `$ref` file regenerates exactly the specs
that use it. Invalid specs are reported and the loop keeps going.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import SpecError
from generator.regenerate.fingerprint import display_path
from generator.regenerate.job import Toolchain
from generator.regenerate.model import SCRATCH_PREFIX, Plan
from generator.regenerate.pipeline import UP_TO_DATE, RunResult, generate
from generator.regenerate.plan import PlanError
from generator.regenerate.progress import Reporter

ChangeSet = Set[tuple[Any, str]]


@dataclass(frozen=True)
class WatchSettings:
    make_plan: Callable[[], Plan]
    toolchain: Toolchain = Toolchain()
    jobs: int | None = None
    reporter: Reporter = Reporter()


def relevant_paths(changes: ChangeSet, out_dir: Path, cache: Path | None = None) -> list[Path]:
    """Changed files that can affect output: not our own output, not the caches a run writes
    (`cache`), not our scratch files."""
    found = set()
    for _, raw in changes:
        path = Path(raw).resolve()
        if path.is_relative_to(out_dir) or path.name.startswith(SCRATCH_PREFIX):
            continue
        if cache is not None and path.is_relative_to(cache):
            continue
        found.add(path)
    return sorted(found)


def run_once(settings: WatchSettings, quiet: bool) -> RunResult | None:
    """One incremental run; configuration problems are printed, not raised."""
    try:
        plan = settings.make_plan()
        return generate(
            plan,
            jobs=settings.jobs,
            toolchain=settings.toolchain,
            reporter=settings.reporter,
            quiet=quiet,
        )
    except (PlanError, OSError) as exc:
        settings.reporter.diagnostic(f"error: {exc}")
    except SpecError as exc:
        settings.reporter.diagnostic(exc.diagnostic.format())
    return None


def watch_loop(changes: Iterable[ChangeSet], settings: WatchSettings, out_dir: Path) -> int:
    """Regenerate after every batch of changes; returns how many batches caused a run."""
    runs = 0
    cache = settings.toolchain.cache
    for batch in changes:
        # Each run writes the formatter's and the units' caches: not a change to react to.
        paths = relevant_paths(batch, out_dir.resolve(), cache and cache.resolve())
        if not paths:
            continue
        runs += 1
        result = run_once(settings, quiet=True)
        if result is not None and all(o.status == UP_TO_DATE for o in result.outcomes):
            shown = ", ".join(display_path(p) for p in paths[:3])
            more = f" and {len(paths) - 3} more" if len(paths) > 3 else ""
            settings.reporter.line(f"no target affected by {shown}{more}")
    return runs


def watch_changes(
    roots: Iterable[Path], out_dir: Path, stop_event: Any = None, cache: Path | None = None
) -> Any:
    """watchfiles on `roots`, yielding soon after a save (50 ms quiet, at most 300 ms); the
    output and `cache` folders are not watched."""
    import watchfiles

    folders = [str(root) for root in roots if root.is_dir()]
    skipped = [str(out_dir), *([str(cache)] if cache is not None else [])]
    ignored = watchfiles.DefaultFilter(ignore_paths=skipped)
    return watchfiles.watch(
        *folders, watch_filter=ignored, debounce=300, step=50, stop_event=stop_event
    )
