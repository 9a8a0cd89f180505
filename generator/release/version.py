"""What version a release needs, from the changes since the last one.

breaking → major, anything added → minor, the rest → patch; the bump rules (including 0.y.z,
where the minor number carries breaking changes) are `generator.regenerate.changelog`'s, so
`generate`'s suggestion and `release`'s check never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.diff.report import Change
from generator.diff.rules import Severity
from generator.regenerate.changelog import bumped, suggest_bump

_SEMVER = re.compile(r"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(.*)$")


def version_key(version: str) -> tuple[int, int, int]:
    """`1` is 1.0.0, `v2.1` is 2.1.0; a version that is not semver-like sorts first."""
    found = _SEMVER.match(version.strip())
    if found is None:
        return (-1, -1, -1)
    major, minor, patch = (int(part or 0) for part in found.groups()[:3])
    return (major, minor, patch)


def is_version(version: str) -> bool:
    found = _SEMVER.match(version.strip())
    return found is not None and not found.group(4)


@dataclass(frozen=True)
class Verdict:
    """The version check of one release."""

    version: str  # the version being released
    previous: str | None  # the last released version (None: first release)
    bump: str  # what the changes demand: major | minor | patch
    required: str  # the lowest version that satisfies the bump
    changes: tuple[Change, ...]

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.level is Severity.BREAKING)

    @property
    def allowed(self) -> bool:
        """The version is at least what the changes demand."""
        return self.previous is None or version_key(self.version) >= version_key(self.required)

    @property
    def repeated(self) -> bool:
        """The version was already released (a new release needs a new number)."""
        return self.previous is not None and version_key(self.version) <= version_key(self.previous)


def check_version(version: str, previous: str | None, changes: tuple[Change, ...]) -> Verdict:
    if previous is None:
        return Verdict(version, None, "major" if changes else "patch", version, changes)
    bump = suggest_bump(changes)
    return Verdict(version, previous, bump, bumped(previous, bump), changes)
