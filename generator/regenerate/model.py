"""Values passed between the stages of a run: what to build, where, and with which options."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from generator.config import NameOverride
from generator.diagnostics import Diagnostic

MANIFEST_NAME = ".specgen-manifest.json"
REPORT_NAME = "specgen-report.json"
# Scratch entries share one prefix so a single .gitignore line covers them and a later run
# can recognise (and recover or delete) what an interrupted run left behind.
SCRATCH_PREFIX = ".specgen-tmp-"
SPEC_SUFFIXES = (".yaml", ".yml", ".json")


class RenderedFileLike(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def content(self) -> bytes: ...
    @property
    def write_once(self) -> bool: ...


class RenderResultLike(Protocol):
    @property
    def files(self) -> tuple[RenderedFileLike, ...]: ...
    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]: ...
    @property
    def inputs(self) -> tuple[Path, ...]: ...


# generator.render.render_target, or a stand-in with the same shape.
RenderFunction = Callable[[Path, Any], RenderResultLike]


@dataclass(frozen=True)
class TargetSettings:
    """Everything about a target that changes its output, apart from spec and templates."""

    artefacts: frozenset[str]
    package: str | None = None
    package_version: str | None = None  # the client's version (default: the spec's)
    template_dirs: tuple[Path, ...] = ()
    strict: bool = False
    allow_remote: bool = False
    root: Path | None = None  # relative $refs may reach anywhere below (--root)
    overlays: tuple[Path, ...] = ()  # Overlay 1.0 files applied before validation, in order
    # How generated headers name the spec: relative to the project root, or the bare file name
    # in ad-hoc mode, so output never depends on the working folder.
    spec_name: str = ""
    # How the client groups operations (None: "auto") and the names chosen for some of them.
    layout: str | None = None
    operation_names: tuple[NameOverride, ...] = ()


@dataclass(frozen=True)
class Target:
    name: str
    spec: Path  # absolute
    settings: TargetSettings


@dataclass(frozen=True)
class Plan:
    """One run's work: targets rendered into `out_dir/<name>/`, tracked by one manifest.

    `anchor` is the folder paths are shown and recorded relative to (the project root, or the
    current directory in ad-hoc mode); `prune` removes outputs of targets whose spec is gone,
    which only makes sense when the plan lists every spec of a project.
    """

    out_dir: Path
    anchor: Path
    targets: tuple[Target, ...]
    prune: bool = False
    builtin_templates: Path | None = None
    watch_roots: tuple[Path, ...] = ()
    report: bool = False


@dataclass(frozen=True)
class OutputFile:
    path: str
    content: bytes
    write_once: bool = False
