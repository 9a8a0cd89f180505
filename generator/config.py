"""Project configuration: the `[tool.specgen]` table of the nearest pyproject.toml.

```toml
[tool.specgen]
specs = "specs"                              # folder of spec files, one target per file
output = "generated"                         # one sub-folder per target, plus the manifest
artefacts = ["client", "models", "stubs"]     # also "client-ts" (TypeScript client), "docs" (site)
templates = "specgen-templates"              # optional user override folder (or a list of them)
root = "."                                   # optional: relative $refs may reach below this
daemon = false                               # optional: never start a generation server

[tool.specgen.targets.reality-modeling]      # per-spec overrides, keyed by file stem
artefacts = ["client"]
package = "reality_modeling"
overlays = ["overlays/fix-vendor.yaml"]      # OpenAPI Overlay 1.0 files, applied in order
layout = "resources"                         # "flat" | "resources" | "auto" (the default)

[tool.specgen.targets.reality-modeling.operations]   # operationId (or "METHOD /path") → name
listJobs = "jobs.all"                        # a dotted name puts the method on a resource

[tool.specgen.operations]                    # renames for a project of one spec, and for
listJobs = "jobs.all"                        # `generate SPEC --out DIR` runs of any spec
```

`specgen generate SPEC --out DIR` reads the same file (found from the current folder up, or
`--config FILE`): the `[tool.specgen.targets.<stem>]` table of each SPEC's file stem applies,
else `[tool.specgen.operations]` (see `generator.regenerate.plan.adhoc_overrides`).

Paths are relative to the folder holding the pyproject.toml. Mistakes (unknown keys, wrong
types, unknown artefacts) are reported as a located `SpecError`, never silently ignored.
"""

from __future__ import annotations

import difflib
import keyword
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Level, SpecError

ARTEFACTS: frozenset[str] = frozenset({"client", "models", "stubs"})
"""The artefacts a target gets when none are configured (the Python ones)."""
KNOWN_ARTEFACTS: frozenset[str] = ARTEFACTS | {"client-ts", "docs"}
"""Every artefact a target may choose; `client-ts` (the TypeScript client) and `docs` (the
reference site, `generator.docsite`) are opt-in."""
DEFAULT_SPECS = "specs"
DEFAULT_OUTPUT = "generated"
_TOP_KEYS = frozenset(
    {"specs", "output", "artefacts", "templates", "targets", "root", "operations", "daemon"}
)
_TARGET_KEYS = frozenset(
    {"artefacts", "package", "package-version", "overlays", "layout", "operations"}
)
LAYOUTS = ("auto", "flat", "resources")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


@dataclass(frozen=True)
class NameOverride:
    """One entry of `[tool.specgen.targets.<name>.operations]`, with where it was written (the
    IR reports an operation it does not know, or a name that collides, at this place)."""

    key: str  # an operationId, or "METHOD /path"
    name: str  # dotted: "customers.create" (a resource path, then the method name)
    file: str  # the config file as shown in messages
    line: int | None = None

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.name.split("."))


@dataclass(frozen=True)
class TargetOverride:
    """`[tool.specgen.targets.<name>]`: what one spec does differently from the defaults."""

    artefacts: frozenset[str] | None = None
    package: str | None = None
    # The version the next CHANGELOG.md entry of this target's client is recorded under.
    package_version: str | None = None
    overlays: tuple[Path, ...] = ()  # absolute
    layout: str | None = None  # "auto" | "flat" | "resources" (see generator.ir.resources)
    operations: tuple[NameOverride, ...] = ()


@dataclass(frozen=True)
class ProjectConfig:
    """Resolved configuration; every path is absolute."""

    root: Path
    pyproject: Path | None
    specs: Path
    output: Path
    artefacts: frozenset[str]
    templates: tuple[Path, ...] = ()
    targets: Mapping[str, TargetOverride] = field(default_factory=dict)
    spec_root: Path | None = None  # `root`: the folder relative $refs may not leave
    # `[tool.specgen.operations]`: renames for a spec without a target table of its own.
    operations: tuple[NameOverride, ...] = ()

    @property
    def renames(self) -> bool:
        """Whether the file renames any method (a target's table or the top-level one)."""
        return bool(self.operations) or any(o.operations for o in self.targets.values())


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has a `[tool.specgen]` table,
    else the nearest pyproject.toml at all (its folder is still the project root)."""
    nearest: Path | None = None
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        nearest = nearest or candidate
        try:
            text = candidate.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        # A cheap textual test first: parsing every pyproject on the way up is wasted work.
        if "tool.specgen" in text:
            return candidate
    return nearest


def load_config(start: Path | None = None) -> ProjectConfig:
    """Configuration for the project containing `start` (default: the current directory)."""
    where = (start or Path.cwd()).resolve()
    pyproject = find_pyproject(where)
    if pyproject is None:
        return _defaults(where, None)
    return parse_config(pyproject)


def _defaults(root: Path, pyproject: Path | None) -> ProjectConfig:
    return ProjectConfig(
        root=root,
        pyproject=pyproject,
        specs=root / DEFAULT_SPECS,
        output=root / DEFAULT_OUTPUT,
        artefacts=ARTEFACTS,
    )


def parse_config(pyproject: Path) -> ProjectConfig:
    shown = _display(pyproject)
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(shown, text="", key="", message=f"cannot read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _error(shown, text="", key="", message=f"invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("specgen")
    root = pyproject.resolve().parent
    if table is None:
        return _defaults(root, pyproject)
    reader = _Reader(shown, text)
    if not isinstance(table, dict):
        raise reader.error("tool.specgen", "must be a table")
    reader.known_keys(table, _TOP_KEYS, "tool.specgen")
    specs = reader.string(table, "specs", "tool.specgen.specs", DEFAULT_SPECS)
    output = reader.string(table, "output", "tool.specgen.output", DEFAULT_OUTPUT)
    artefacts = reader.artefacts(table.get("artefacts"), "tool.specgen.artefacts") or ARTEFACTS
    templates = reader.templates(table.get("templates"), "tool.specgen.templates")
    targets_table = table.get("targets", {})
    if not isinstance(targets_table, dict):
        raise reader.error("tool.specgen.targets", "must be a table of per-spec tables")
    overrides: dict[str, TargetOverride] = {}
    for name in sorted(targets_table):
        found = reader.override(targets_table[name], f"tool.specgen.targets.{name}")
        overrides[name] = replace(found, overlays=tuple(root / o for o in found.overlays))
    spec_root = table.get("root")
    if spec_root is not None:
        spec_root = reader.string(table, "root", "tool.specgen.root", ".")
    operations = reader.operations(table.get("operations"), "tool.specgen.operations")
    # Read before click by generator.daemon.address (standard library only); checked here.
    if not isinstance(table.get("daemon", False), bool):
        raise reader.error("tool.specgen.daemon", "must be true or false")
    return ProjectConfig(
        root=root,
        pyproject=pyproject,
        specs=root / specs,
        output=root / output,
        artefacts=artefacts,
        templates=tuple(root / t for t in templates),
        targets=overrides,
        spec_root=(root / spec_root).resolve() if spec_root is not None else None,
        operations=operations,
    )


def parse_artefacts(values: Any, where: str = "--artefacts") -> frozenset[str]:
    """`client,models` or a list; raises ValueError naming the unknown ones."""
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{where}: must be a list of strings")
    names = {part.strip() for value in values for part in value.split(",") if part.strip()}
    unknown = sorted(names - KNOWN_ARTEFACTS)
    if unknown:
        known = ", ".join(sorted(KNOWN_ARTEFACTS))
        close = [
            match
            for name in unknown
            for match in difflib.get_close_matches(name, sorted(KNOWN_ARTEFACTS), n=1, cutoff=0.6)
        ]
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ValueError(f"{where}: unknown artefact {', '.join(unknown)}{hint} (known: {known})")
    if not names:
        raise ValueError(f"{where}: choose at least one of {', '.join(sorted(KNOWN_ARTEFACTS))}")
    return frozenset(names)


@dataclass(frozen=True)
class _Reader:
    shown: str
    text: str

    def error(self, key: str, message: str) -> SpecError:
        return _error(self.shown, self.text, key, f"{key}: {message}")

    def known_keys(self, table: dict[str, Any], known: frozenset[str], where: str) -> None:
        for key in sorted(table):
            if key not in known:
                allowed = ", ".join(sorted(known))
                close = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise self.error(f"{where}.{key}", f"unknown key{hint} (allowed: {allowed})")

    def string(self, table: dict[str, Any], key: str, where: str, default: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.error(where, "must be a non-empty string (a folder path)")
        return value

    def artefacts(self, value: Any, where: str) -> frozenset[str] | None:
        if value is None:
            return None
        try:
            return parse_artefacts(value, where)
        except ValueError as exc:
            raise self.error(where, str(exc).removeprefix(f"{where}: ")) from None

    def templates(self, value: Any, where: str) -> tuple[str, ...]:
        """A path or a list of paths (template folders, overlay files)."""
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise self.error(where, "must be a path or a list of paths")
        return tuple(items)

    def override(self, value: Any, where: str) -> TargetOverride:
        if not isinstance(value, dict):
            raise self.error(where, "must be a table")
        self.known_keys(value, _TARGET_KEYS, where)
        package = value.get("package")
        if package is not None and (not isinstance(package, str) or not _IDENTIFIER.match(package)):
            raise self.error(f"{where}.package", "must be a Python import name")
        version = value.get("package-version")
        if version is not None and (not isinstance(version, str) or not version.strip()):
            raise self.error(f"{where}.package-version", "must be a version string")
        # Overlay paths stay relative here; parse_config anchors them at the project root.
        overlays = tuple(
            Path(o) for o in self.templates(value.get("overlays"), f"{where}.overlays")
        )
        artefacts = self.artefacts(value.get("artefacts"), f"{where}.artefacts")
        layout = value.get("layout")
        if layout is not None and layout not in LAYOUTS:
            raise self.error(f"{where}.layout", f"must be one of {', '.join(LAYOUTS)}")
        operations = self.operations(value.get("operations"), f"{where}.operations")
        return TargetOverride(artefacts, package, version, overlays, layout, operations)

    def operations(self, value: Any, where: str) -> tuple[NameOverride, ...]:
        """The method-name overrides: each value a dotted name of Python identifiers."""
        if value is None:
            return ()
        if not isinstance(value, dict):
            raise self.error(where, 'must be a table: operationId (or "METHOD /path") = "name"')
        result = []
        for key, name in value.items():
            line = _key_line(self.text, where, str(key))
            if not isinstance(name, str) or not _valid_dotted(name):
                message = (
                    f"{where}.{key}: {name!r} is not a dotted name of Python identifiers "
                    '(e.g. "customers.create"; keywords are not allowed)'
                )
                raise SpecError(Diagnostic("config", Level.ERROR, message, self.shown, "", line, 1))
            result.append(NameOverride(str(key), name, self.shown, line))
        return tuple(result)


def _key_line(text: str, table: str, key: str) -> int | None:
    """The line of `key = ...` (bare or quoted) inside `[table]`, else the table's line."""
    header = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]", re.M).search(text)
    start = header.end() if header else 0
    entry = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.M).search(text, start)
    if entry:
        return text.count("\n", 0, entry.start()) + 1
    return _line_of(text, table)


def _valid_dotted(name: str) -> bool:
    parts = name.split(".")
    return all(
        part.isidentifier()
        and part.isascii()
        and not part.startswith("_")
        and not keyword.iskeyword(part)
        and not keyword.issoftkeyword(part)
        for part in parts
    )


def _error(shown: str, text: str, key: str, message: str) -> SpecError:
    line = _line_of(text, key) if key else None
    return SpecError(
        Diagnostic("config", Level.ERROR, message, shown, "", line, 1 if line else None)
    )


def _line_of(text: str, dotted: str) -> int | None:
    """Best-effort line of a key: tomllib keeps no positions, so look for `key =` or its table."""
    leaf = dotted.rsplit(".", 1)[-1]
    patterns = (
        re.compile(rf"^\s*\[+\s*{re.escape(dotted)}\s*\]+", re.M),
        re.compile(rf"^\s*[\"']?{re.escape(leaf)}[\"']?\s*=", re.M),
    )
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return text.count("\n", 0, match.start()) + 1
    return None


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
