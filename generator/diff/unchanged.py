"""A shortcut for the common case: most of a revision is byte-for-byte the base.

A value is unchanged when it is equal in both documents (a C-speed `==`) and every local
`$ref` inside it reaches an unchanged value too. Anything unchanged can produce no delta, so
the structural diff skips it; everything else takes the full, careful comparison. References
to other files never count as unchanged, which keeps the shortcut trivially safe for them.
"""

from __future__ import annotations

from typing import Any

from generator.diff.nodes import Side
from generator.load import pointer_tokens

_MISSING = object()


def _lookup(data: Any, ref: str) -> Any:
    value = data
    for token in pointer_tokens(ref):
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return _MISSING
    return value


class Unchanged:
    def __init__(self, base: Side, revision: Side) -> None:
        self._base = base.spec.root.data
        self._revision = revision.spec.root.data
        self.enabled = base.version == revision.version
        self._targets: dict[str, bool] = {}
        self._values: dict[int, tuple[Any, bool]] = {}
        self._in_progress: set[str] = set()

    def same(self, old: Any, new: Any) -> bool:
        """True when `old` (from the base) and `new` (from the revision) cannot differ."""
        if not self.enabled or old != new:
            return False
        # Nested comparisons ask again about parts of a value already walked. The entry keeps
        # the value alive, so its id cannot be reused by another object.
        entry = self._values.get(id(new))
        if entry is not None and entry[0] is new:
            return entry[1]
        same, _ = self._refs_same(new)
        self._values[id(new)] = (new, same)
        return same

    def _refs_same(self, value: Any) -> tuple[bool, bool]:
        """(all references reach unchanged values, the answer leaned on a cycle in progress)."""
        tentative = False
        stack = [value]
        while stack:
            current = stack.pop()
            if isinstance(current, dict):
                ref = current.get("$ref")
                if isinstance(ref, str):
                    same, leaned = self._target_same(ref)
                    if not same:
                        return False, False
                    tentative = tentative or leaned
                stack.extend(v for v in current.values() if isinstance(v, dict | list))
            elif isinstance(current, list):
                stack.extend(v for v in current if isinstance(v, dict | list))
        return True, tentative

    def _target_same(self, ref: str) -> tuple[bool, bool]:
        if not ref.startswith("#"):
            return False, False
        known = self._targets.get(ref)
        if known is not None:
            return known, False
        if ref in self._in_progress:
            return True, True  # assume so; the outermost caller settles it
        old, new = _lookup(self._base, ref), _lookup(self._revision, ref)
        if old is _MISSING or new is _MISSING or old != new:
            self._targets[ref] = False
            return False, False
        self._in_progress.add(ref)
        try:
            same, tentative = self._refs_same(new)
        finally:
            self._in_progress.discard(ref)
        # A "same" that leaned on an unfinished ancestor is only final for that ancestor.
        if not same or not tentative or not self._in_progress:
            self._targets[ref] = same
        return same, tentative and bool(self._in_progress)
