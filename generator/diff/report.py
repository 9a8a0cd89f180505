"""Judge structural deltas with the rule table and assemble the report.

`diff_specs` is the whole pipeline for one pair of documents: structural diff → rules →
exemptions → one change per identity per operation → accepted breaks removed → sorted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from generator.diff import rules as area
from generator.diff.nodes import Side
from generator.diff.operation_fields import is_date
from generator.diff.operations import Delta, DocumentDiff, normalise_path
from generator.diff.rules import Direction, Rule, Severity, rule_for
from generator.load import SpecSet
from generator.openapi import METHODS


@dataclass(frozen=True)
class Proof:
    """What a real call showed about a change (`specgen diff --prove`)."""

    verdict: str  # broke | held | not-exercised
    call: str
    detail: str
    witness: str = ""  # the value that was sent (or answered) to exercise the change

    def to_json(self) -> dict[str, str]:
        return {
            "verdict": self.verdict,
            "call": self.call,
            "witness": self.witness,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Change:
    id: str
    level: Severity
    direction: Direction
    operation: str | None
    location: str
    message: str
    # Where the fact sits, for --prove: the rule's area and the route inside the schema.
    area: str = field(default="", compare=False)
    path: str = field(default="", compare=False)
    # The fact's kind and what it names (old/new values, the removed enum value, ...): the
    # witness engine's hints.
    kind: str = field(default="", compare=False)
    details: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    proof: Proof | None = field(default=None, compare=False)  # old client, new mock
    rollback: Proof | None = field(default=None, compare=False)  # new client, old mock

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "level": self.level.value,
            "direction": self.direction.value,
            "operation": self.operation,
            "location": self.location,
            "message": self.message,
        }
        if self.proof is not None:
            data["proof"] = self.proof.to_json()
        if self.rollback is not None:
            data["rollback"] = self.rollback.to_json()
        return data


@dataclass(frozen=True)
class Accepted:
    """One line of an ignore file: a rule id, optionally limited to one operation."""

    rule: str
    method: str | None = None
    path: str | None = None

    def covers(self, change: Change) -> bool:
        if change.id != self.rule:
            return False
        if self.method is None:
            return True
        if change.operation is None:
            return False
        method, _, path = change.operation.partition(" ")
        return method == self.method and normalise_path(path) == normalise_path(self.path or "")


@dataclass(frozen=True)
class Report:
    base: str
    revision: str
    changes: tuple[Change, ...]
    ignored: int = 0

    def count(self, level: Severity) -> int:
        return sum(1 for change in self.changes if change.level is level)

    def fails(self, threshold: Severity | None) -> bool:
        """True when some change is at or above `threshold` (None: never)."""
        if threshold is None:
            return False
        return any(change.level.rank >= threshold.rank for change in self.changes)

    def to_json(self) -> dict[str, object]:
        return {
            "base": self.base,
            "revision": self.revision,
            "changes": [change.to_json() for change in self.changes],
            "summary": {level.value: self.count(level) for level in Severity},
        }


def diff_specs(
    base: SpecSet,
    revision: SpecSet,
    *,
    base_label: str | None = None,
    revision_label: str | None = None,
    today: dt.date | None = None,
    accepted: Iterable[Accepted] = (),
) -> Report:
    """Compare two loaded specs; raises SpecError for a `$ref` that cannot be followed."""
    base_side = Side(base, base_label or base.root.display)
    revision_side = Side(revision, revision_label or revision.root.display)
    deltas = DocumentDiff(base_side, revision_side).deltas()
    changes = judge(deltas, today or dt.date.today())
    accepted = tuple(accepted)
    kept = [c for c in changes if not any(a.covers(c) for a in accepted)]
    return Report(base_side.label, revision_side.label, tuple(kept), len(changes) - len(kept))


def judge(deltas: Iterable[Delta], today: dt.date) -> list[Change]:
    """Turn deltas into changes: look up the rule, apply exemptions, keep one per identity."""
    seen: set[tuple[object, ...]] = set()
    changes: list[Change] = []
    for delta in deltas:
        delta = _refine(delta, today)
        rule = rule_for(delta.area, delta.kind)
        if rule is None or _exempt(rule, delta):
            continue
        identity = (delta.operation, rule.id, delta.location, delta.details)
        if identity in seen:
            continue
        seen.add(identity)
        changes.append(_change(rule, delta))
    return sorted(changes, key=_order)


def _refine(delta: Delta, today: dt.date) -> Delta:
    """Removing a deprecated operation is expected, unless its announced sunset is still ahead."""
    if delta.area != area.OPERATION or delta.kind != "removed":
        return delta
    details = dict(delta.details)
    if details.get("deprecated") != "true":
        return delta
    text = details.get("sunset", "")
    sunset = _parse_date(text)
    # A sunset that cannot be read cannot be shown to have passed: reported as unreadable.
    if text and sunset is None:
        return replace(delta, kind="removed-sunset-invalid")
    if sunset is not None and sunset > today:
        return replace(delta, kind="removed-before-sunset")
    return replace(delta, kind="removed-deprecated")


def _parse_date(text: str) -> dt.date | None:
    if not is_date(text):
        return None
    return dt.date.fromisoformat(text[:10])


def _exempt(rule: Rule, delta: Delta) -> bool:
    # Clients never send readOnly properties and never receive writeOnly ones.
    if delta.kind in area.EXEMPTION_IMMUNE:
        return False
    if rule.direction is Direction.REQUEST:
        return delta.read_only
    if rule.direction is Direction.RESPONSE:
        return delta.write_only
    return False


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _change(rule: Rule, delta: Delta) -> Change:
    fields = _Fields(delta.details)
    fields["where"] = delta.where
    message = rule.template.format_map(fields)
    return Change(
        rule.id,
        rule.level,
        rule.direction,
        delta.operation,
        delta.location,
        message,
        area=delta.area,
        path=delta.path,
        kind=delta.kind,
        details=delta.details,
    )


def _order(change: Change) -> tuple[object, ...]:
    if change.operation is None:
        operation: tuple[object, ...] = (0, "", 0)
    else:
        method, _, path = change.operation.partition(" ")
        rank = METHODS.index(method.lower()) if method.lower() in METHODS else len(METHODS)
        operation = (1, normalise_path(path), rank)
    return (*operation, -change.level.rank, change.id, change.location, change.message)
