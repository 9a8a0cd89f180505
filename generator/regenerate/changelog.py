"""A changelog entry for a client package whose spec changed, and the version bump it calls for.

When `specgen generate` regenerates a target because its spec changed, the previous spec is
the one committed at git HEAD (the last state a consuming team could have received); it is
diffed with the new one (`generator.diff`) and the changes become a `CHANGELOG.md` entry in
the client package, grouped by level and operation, with a suggested semantic-version bump:
breaking → major, anything added → minor, the rest → patch (before 1.0.0 a breaking change
bumps the minor number, as semver allows).

`CHANGELOG.md` is not part of the rendered output: specgen writes it next to the package and
then leaves it as a file it carries over, so entries accumulate. An entry records the hash of
the spec it was computed from; regenerating again before committing replaces that entry
instead of stacking a second one for the same base.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from generator.diagnostics import SpecError
from generator.diff.report import Change, Report, diff_specs
from generator.diff.rules import Severity
from generator.load import SpecSet, load_document

CHANGELOG = "CHANGELOG.md"
_TITLE = "# Changelog"
_MARK = re.compile(r"<!-- specgen: base=([0-9a-f]+) -->")
_SEMVER = re.compile(r"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?")
_SECTIONS = (
    (Severity.BREAKING, "Breaking"),
    (Severity.WARNING, "To review"),
    (Severity.INFO, "Other changes"),
)


@dataclass(frozen=True)
class Entry:
    bump: str  # major | minor | patch
    previous: str  # the version the previous spec declared (info.version)
    version: str  # the version the entry is recorded under
    suggested: str  # what the bump makes of `previous`
    report: Report
    base_hash: str
    note: str = ""  # said under the bump (`specgen release`: an override, a first release)

    def summary(self) -> str:
        counts = ", ".join(f"{self.report.count(level)} {level.value}" for level in Severity)
        return f"{counts}; suggested {self.bump} bump: {self.previous} → {self.suggested}"

    def to_json(self) -> dict[str, object]:
        return {
            "bump": self.bump,
            "previous": self.previous,
            "suggested": self.suggested,
            "version": self.version,
            "summary": {level.value: self.report.count(level) for level in Severity},
        }


def suggest_bump(changes: tuple[Change, ...]) -> str:
    if any(change.level is Severity.BREAKING for change in changes):
        return "major"
    if any("added" in change.id or change.id.startswith("new-") for change in changes):
        return "minor"
    return "patch"


def bumped(version: str, bump: str) -> str:
    """`1.4.2` + minor → `1.5.0`; a version that is not semver-like is read as far as it is
    (`2` is 2.0.0)."""
    found = _SEMVER.match(version.strip())
    major, minor, patch = (int(part or 0) for part in found.groups()) if found else (0, 0, 0)
    if bump == "major" and major == 0:
        bump = "minor"  # 0.y.z: the minor number carries breaking changes
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def committed_spec(spec: Path, workdir: Path) -> SpecSet | None:
    """The spec as committed at git HEAD (with its `$ref`ed files); None when it is not in git."""
    from generator.diff.sources import GitSource, load_spec

    try:
        relative = os.path.relpath(spec.resolve(), Path.cwd().resolve())
    except ValueError:
        return None
    if relative.startswith(".."):
        return None
    try:
        specset, _ = load_spec(GitSource("HEAD", f"./{Path(relative).as_posix()}"), workdir)
    except (SpecError, OSError):
        return None
    return specset


def entry_for(
    old: SpecSet,
    new: SpecSet,
    package_version: str | None,
    today: dt.date | None = None,
    prove: bool = False,
) -> Entry | None:
    """The entry for the change from `old` to `new`; None when nothing changed. With `prove`,
    each change carries its proof (`diff --prove`), written into the entry."""
    report = diff_specs(old, new, base_label="previous", revision_label="current", today=today)
    if not report.changes:
        return None
    if prove:
        from generator.diff.prove import prove_reports

        with tempfile.TemporaryDirectory(prefix="specgen-changelog-prove-") as scratch:
            pair = [(old.root.path, new.root.path)]
            report = prove_reports([report], pair, Path(scratch))[0]
    previous = str(old.root.data.get("info", {}).get("version", "0.0.0"))
    bump = suggest_bump(report.changes)
    suggested = bumped(previous, bump)
    base_hash = hashlib.sha256(old.root.path.read_bytes()).hexdigest()[:16]
    return Entry(bump, previous, package_version or suggested, suggested, report, base_hash)


def render_entry(entry: Entry, today: dt.date) -> str:
    lines = [
        f"## {entry.version} ({today.isoformat()})",
        f"<!-- specgen: base={entry.base_hash} -->",
    ]
    if entry.previous:  # a first release has nothing to bump from
        lines.extend(["", f"Suggested bump: **{entry.bump}** (from {entry.previous})."])
    if entry.note:
        lines.extend(["", entry.note])
    for level, title in _SECTIONS:
        changes = [c for c in entry.report.changes if c.level is level]
        if not changes:
            continue
        lines.extend(["", f"### {title}"])
        for operation, group in groupby(changes, key=lambda c: c.operation or "(whole API)"):
            lines.extend(["", f"`{operation}`", ""])
            lines.extend(_entry_line(change) for change in group)
    return "\n".join(lines) + "\n"


def _entry_line(change: Change) -> str:
    """One change; with its proof when the report was proved (`diff --prove`)."""
    line = f"- {change.message} (`{change.id}`)"
    if change.proof is not None:
        from generator.diff.formats import proof_line

        shown = proof_line(change.proof)
        verdict = change.proof.verdict
        line += f"; proof: **{verdict}**{shown[len(verdict) :]}"
    return line


def write_entry(path: Path, entry: Entry, today: dt.date) -> None:
    """Put the entry at the top of `path`, replacing the top entry when it was computed from
    the same base (a second regeneration before committing)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else f"{_TITLE}\n"
    head, _, rest = text.partition("\n## ")
    body = ("## " + rest) if rest else ""
    if body:
        first, sep, later = body.partition("\n## ")
        found = _MARK.search(first)
        if found is not None and found.group(1) == entry.base_hash:
            body = later and "## " + later
    new = f"{head.rstrip()}\n\n{render_entry(entry, today)}"
    if body:
        new += "\n" + body.rstrip() + "\n"
    path.write_text(new, encoding="utf-8")


def record_change(
    spec: Path,
    client_dir: Path,
    package_version: str | None,
    today: dt.date | None = None,
    *,
    prove: bool = False,
) -> Entry | None:
    """Diff `spec` against its committed version and, when it changed, write the entry into
    `client_dir/CHANGELOG.md` (`prove`: each change with its proof). None when there is no
    committed version or no change."""
    today = today or dt.date.today()
    with tempfile.TemporaryDirectory(prefix="specgen-changelog-") as scratch:
        old = committed_spec(spec, Path(scratch))
        if old is None:
            return None
        try:
            new = SpecSet(load_document(spec, spec.name))
            entry = entry_for(old, new, package_version, today, prove=prove)
        except SpecError:
            return None
    if entry is None or not client_dir.is_dir():
        return entry
    write_entry(client_dir / CHANGELOG, entry, today)
    return entry
