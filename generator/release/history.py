"""Where releases are remembered: a git tag per target and the `releases/<name>/` folder.

`releases/<name>/` is committed with the project and holds
- `CHANGELOG.md`: one entry per release (written by `generator.regenerate.changelog`), every
  change with its level, its proof when `--prove` ran, and any `--allow-breaking` override;
- `history.json`: the same releases as data (the docs site prints its changelog from it);
- `openapi<suffix>`: the spec as last released, so the next release has a base to diff
  against where the repository has no tags (a shallow CI clone, a tarball, no git at all).

The tag `<name>-v<version>` is preferred when present: it is what a consumer can check out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import SpecError
from generator.diff.report import Report
from generator.diff.sources import GitSource, load_spec
from generator.load import SpecSet, load_document
from generator.regenerate.changelog import CHANGELOG, Entry, write_entry
from generator.release.version import Verdict, is_version, version_key

RELEASES = "releases"
HISTORY = "history.json"
SNAPSHOT = "openapi"


def releases_dir(root: Path, name: str) -> Path:
    return root / RELEASES / name


def tag_name(name: str, version: str) -> str:
    return f"{name}-v{version}"


@dataclass(frozen=True)
class Released:
    """The last release of a target: its version and its spec, loaded."""

    version: str
    spec: SpecSet
    path: Path  # the released spec as a file (for `--prove`)
    source: str  # where it was found, for messages: a tag or a file


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def released_tags(name: str, root: Path) -> list[tuple[str, str]]:
    """(version, tag) of every `<name>-v<version>` tag, oldest version first."""
    listing = _git(["tag", "--list", f"{name}-v*"], root) or ""
    found = []
    for tag in listing.split():
        version = tag[len(name) + 2 :]
        if is_version(version):
            found.append((version, tag))
    return sorted(found, key=lambda pair: version_key(pair[0]))


def read_history(root: Path, name: str) -> list[dict[str, Any]]:
    """The recorded releases, newest first (empty when there are none)."""
    path = releases_dir(root, name) / HISTORY
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: not readable as JSON: {exc}") from None
    releases = data.get("releases") if isinstance(data, dict) else None
    if not isinstance(releases, list):
        raise ValueError(f"{path}: expected an object with a `releases` list")
    return [r for r in releases if isinstance(r, dict)]


def last_release(name: str, spec: Path, root: Path, scratch: Path) -> Released | None:
    """The newest release of `name`: its tag when git has one, else the recorded snapshot."""
    tags = released_tags(name, root)
    if tags:
        version, tag = tags[-1]
        relative = os.path.relpath(spec.resolve(), Path.cwd().resolve())
        if not relative.startswith(".."):
            try:
                specset, label = load_spec(
                    GitSource(tag, f"./{Path(relative).as_posix()}"), scratch / "released"
                )
                return Released(version, specset, specset.root.path, f"tag {label}")
            except SpecError:
                pass  # the tag predates the spec's path: fall back to the snapshot
    history = read_history(root, name)
    snapshot = _snapshot(root, name)
    if history and snapshot is not None:
        version = str(history[0].get("version", ""))
        specset = SpecSet(load_document(snapshot, _shown(snapshot)))
        return Released(version, specset, snapshot, _shown(snapshot))
    return None


def _snapshot(root: Path, name: str) -> Path | None:
    folder = releases_dir(root, name)
    found = sorted(folder.glob(f"{SNAPSHOT}.*")) if folder.is_dir() else []
    return found[0] if found else None


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def note_for(verdict: Verdict, allowed_breaking: bool) -> str:
    if verdict.previous is None:
        return "First release."
    if allowed_breaking and not verdict.allowed:
        listed = ", ".join(f"`{c.id}`" for c in verdict.breaking) or "none"
        return (
            f"**Override:** released as {verdict.version} with `--allow-breaking`, below the "
            f"{verdict.required} these changes demand (breaking: {listed})."
        )
    return ""


def record(
    name: str,
    spec: Path,
    root: Path,
    verdict: Verdict,
    allowed_breaking: bool,
    today: dt.date,
    tag: bool,
) -> list[str]:
    """Write the CHANGELOG entry, the history and the spec snapshot; tag HEAD when asked and
    in git. Returns what was done, one line each, for the summary."""
    folder = releases_dir(root, name)
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    report = Report("previous", "current", verdict.changes)
    base = hashlib.sha256(verdict.version.encode()).hexdigest()[:16]
    entry = Entry(
        bump=verdict.bump,
        previous=verdict.previous or "",
        version=verdict.version,
        suggested=verdict.required,
        report=report,
        base_hash=base,
        note=note_for(verdict, allowed_breaking),
    )
    write_entry(folder / CHANGELOG, entry, today)
    done.append(f"{_shown(folder / CHANGELOG)}: entry {verdict.version}")
    history = read_history(root, name)
    history.insert(0, _history_entry(verdict, allowed_breaking, today))
    text = json.dumps({"target": name, "releases": history}, indent=2, ensure_ascii=False)
    (folder / HISTORY).write_text(text + "\n", encoding="utf-8")
    old = _snapshot(root, name)
    if old is not None:
        old.unlink()
    shutil.copyfile(spec, folder / f"{SNAPSHOT}{spec.suffix}")
    if tag:
        label = tag_name(name, verdict.version)
        message = f"{name} {verdict.version}"
        if _git(["tag", "-a", label, "-m", message], root) is not None:
            done.append(f"git tag {label}")
        else:
            done.append(f"no git tag {label} (not a git repository, or the tag exists)")
    return done


def _history_entry(verdict: Verdict, allowed_breaking: bool, today: dt.date) -> dict[str, Any]:
    return {
        "version": verdict.version,
        "previous": verdict.previous,
        "date": today.isoformat(),
        "bump": verdict.bump,
        "required": verdict.required,
        "override": allowed_breaking and not verdict.allowed,
        "changes": [c.to_json() for c in verdict.changes],
    }
