"""The `docs` artefact: the reference site (`generator.docsite`) rendered with the other files
of a target, from the same IR, into `generated/<name>/docs/`.

The site prints the changelog of the target's releases (`releases/<name>/history.json` beside
the project's pyproject.toml, written by `specgen release`); that file is one of the target's
inputs, so a new release makes the committed site stale for `generate --check`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.load import SpecSet
    from generator.render import RenderResult, TargetOptions


def history_path(spec: Path, name: str) -> Path | None:
    from generator.config import find_pyproject

    pyproject = find_pyproject(spec.resolve().parent)
    if pyproject is None:
        return None
    # Returned even when absent: the target records that, and a first release makes it stale.
    return pyproject.parent / "releases" / name / "history.json"


def render_with_docs(
    spec_argument: Path, options: TargetOptions, specset: SpecSet, spec: Path
) -> RenderResult:
    from generator.docsite import load_releases, render_site
    from generator.render import RenderedFile, RenderResult, prepare_target, render_prepared

    ctx, specset, diagnostics = prepare_target(spec_argument, options, specset)
    result = render_prepared(ctx, specset, diagnostics, options)
    history = history_path(spec, options.name)
    site = render_site(ctx, load_releases(history))
    files = result.files + tuple(RenderedFile(p, text.encode()) for p, text in sorted(site.items()))
    inputs = result.inputs + ((history,) if history is not None else ())
    return RenderResult(files, result.diagnostics, inputs)
