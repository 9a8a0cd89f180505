"""The `specgen validate` command: compiler-style findings, exit 0 clean / 1 errors / 2 usage
or a document that cannot be read or parsed."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import click

from generator import collector
from generator.diagnostics import Diagnostic, Level, SpecError, format_json, sort_key
from generator.load import LOAD_RULES, SpecSet, load_document
from generator.validate import is_openapi_root, validate_spec

_SUFFIXES = (".yaml", ".yml", ".json")


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path, allow_dash=False))
@click.option("--strict", is_flag=True, help="Report warnings as errors (exit 1 on any).")
@click.option("--allow-remote", is_flag=True, help="Accept http(s) `$ref`s (they are not fetched).")
@click.option(
    "--root",
    "spec_root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Relative $refs may reach anywhere below this folder (default: each spec's git work "
    "tree, or the current folder when it holds the spec).",
)
@click.option(
    "--overlay",
    "overlays",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="OpenAPI Overlay 1.0 file applied to each spec before checking it (repeatable).",
)
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="One finding per line, or a JSON array of findings.",
)  # fmt: skip
def validate(
    paths: tuple[Path, ...],
    strict: bool,
    allow_remote: bool,
    spec_root: Path | None,
    overlays: tuple[Path, ...],
    output: str,
) -> None:
    """Check OpenAPI 3.0/3.1 documents: structure (official meta-schema) and meaning.

    PATHS are files or folders (default: specs/). In a folder, every .yaml/.yml/.json file
    that is an OpenAPI root document is checked; other files are fragments reached by $ref.
    """
    if not paths:
        default = Path("specs")
        if not default.is_dir():
            raise click.UsageError("no PATH given and there is no specs/ folder here")
        paths = (default,)
    diagnostics: list[Diagnostic] = []
    for root in _roots(paths):
        diagnostics += _validate_file(root, explicit=root in paths, strict=strict,
                                      allow_remote=allow_remote, boundary=spec_root,
                                      overlays=overlays)  # fmt: skip
    # A fragment shared by several roots is reported once.
    diagnostics = sorted(dict.fromkeys(diagnostics), key=lambda d: (*sort_key(d), d.pointer))
    if output == "json":
        click.echo(format_json(diagnostics))
    else:
        for diagnostic in diagnostics:
            click.echo(diagnostic.format())
        _summary(diagnostics)
    if any(d.rule in LOAD_RULES and d.level is Level.ERROR for d in diagnostics):
        sys.exit(2)  # a document that could not be read or parsed: a load error
    if any(d.level is Level.ERROR for d in diagnostics):
        sys.exit(1)


def _validate_file(
    path: Path,
    *,
    explicit: bool,
    strict: bool,
    allow_remote: bool,
    boundary: Path | None = None,
    overlays: tuple[Path, ...] = (),
) -> list[Diagnostic]:
    shown = _display(path)
    with collector.tuned():
        return _validate_loaded(path, shown, explicit, strict, allow_remote, boundary, overlays)


def _validate_loaded(
    path: Path,
    shown: str,
    explicit: bool,
    strict: bool,
    allow_remote: bool,
    boundary: Path | None,
    overlays: tuple[Path, ...],
) -> list[Diagnostic]:
    try:
        document = load_document(path, shown)
    except SpecError as exc:
        return [exc.diagnostic]
    collector.settle()  # the loaded document lives until its findings are made
    if not explicit and not is_openapi_root(document.data):
        return []  # a fragment in a folder of specs: checked through the roots that use it
    found: list[Diagnostic] = []
    if overlays:
        from generator.overlay import apply_overlays

        try:
            found += apply_overlays(document.data, overlays).warnings
        except SpecError as exc:
            return list(exc.diagnostics)
    spec = SpecSet(document, allow_remote=allow_remote, boundary=boundary)
    try:
        return found + validate_spec(spec, strict=strict)
    except (Exception, RecursionError, MemoryError) as exc:  # noqa: BLE001
        # A bug in specgen must still end in a line naming the file, not a traceback,
        # and must not stop the other files from being checked.
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        message = f"internal error ({type(exc).__name__} at {where}): {exc}; please report it"
        return [Diagnostic("internal-error", Level.ERROR, message, shown)]


def _roots(paths: tuple[Path, ...]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in paths:
        for candidate in _files(path) if path.is_dir() else [path]:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate


def _files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        found += [Path(directory, n) for n in sorted(names) if n.lower().endswith(_SUFFIXES)]
    return found


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _summary(diagnostics: list[Diagnostic]) -> None:
    errors = sum(1 for d in diagnostics if d.level is Level.ERROR)
    warnings = sum(1 for d in diagnostics if d.level is Level.WARNING)
    if errors or warnings:
        click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
