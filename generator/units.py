"""Content fingerprints of a spec's units, and of everything each unit reaches through `$ref`.

A *unit* is the piece of a spec a user edits as one thing: one path item (`#/paths/~1jobs`),
one component (`#/components/schemas/Job`), one other top-level entry of the root document
(`#/info`), or a whole document that the root `$ref`s. Its *closure fingerprint* changes when
the unit or anything it references, directly or not, changes, and only then.

Caches of work that reads a unit and follows its references (checking an example against a
schema, building a model class) key their entries by that fingerprint, so a one-line edit
invalidates the units that can see it and nothing else. Cycles are handled as strongly
connected components: every unit of a cycle sees every other.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.graphs import components
from generator.load import Document, RefError, SpecSet, pointer_tokens

# `"$ref": "..."` as json.dumps writes it (a property *named* `$ref` is matched too: that only
# adds a dependency, which can make a key more cautious, never wrong).
_REF = re.compile(r'"\$ref": ("(?:[^"\\]|\\.)*")')
# Top-level containers whose entries are units of their own; other keys are one unit each.
_SPLIT_ONCE = frozenset({"paths", "webhooks"})
_SPLIT_TWICE = frozenset({"components"})
_CONTAINERS = ("paths", "webhooks", "components")  # whether these are mappings decides units

Unit = tuple[str, ...]  # (document key, pointer tokens of the unit...)
# What a long-lived process keeps of a unit between runs: its value's marshal bytes, its own
# fingerprint and the `$ref`s written in it (as `_REF` finds them in its canonical text).
Remembered = tuple[bytes, str, tuple[str, ...]]


def unit_pointer(pointer: str) -> str:
    """The pointer of the unit holding a root document's `pointer` (`#/paths/~1jobs`,
    `#/components/schemas/Job`, `#/info`), read from the text alone: as `UnitGraph.unit_of`
    splits the root where its containers are mappings, for a walk that asks ~100,000 times."""
    head_end = pointer.find("/", 2)
    head = pointer[2:] if head_end < 0 else pointer[2:head_end]
    depth = 2 + (head in _SPLIT_ONCE) + 2 * (head in _SPLIT_TWICE)
    end = 0
    for _ in range(depth):
        end = pointer.find("/", end + 1)
        if end < 0:
            return pointer
    return pointer[:end]


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def canonical(value: Any) -> str:
    """The JSON text fingerprints are taken of (`default=str`: YAML dates and the like)."""
    return json.dumps(value, ensure_ascii=False, default=str, separators=(",", ": "))


class UnitGraph:
    """Units of a loaded spec, their own fingerprints and their closure fingerprints.

    Built on demand from the documents loaded so far; documents that `$ref`s reach are
    loaded on the way (through `SpecSet.resolve`, the one resolver), as validation would.
    """

    def __init__(
        self,
        spec: SpecSet,
        before: dict[Unit, Remembered] | None = None,
        pointers: dict[str, Any] | None = None,
    ) -> None:
        """`before`: what the previous run over this spec remembered (`remembered`), so a
        unit whose value has the same marshal bytes is not dumped and scanned again (equal
        bytes mean equal values of the same types in the same order: the canonical text, so
        the fingerprint, would be the same). `pointers`: the previous run's `pointers`, the
        units of the root document's pointers (the same while the root's containers are)."""
        self.spec = spec
        self._before = before
        self.remembered: dict[Unit, Remembered] = {}
        self._own: dict[Unit, str] = {}
        self._whole: set[Unit] = set()  # units fingerprinted by name, not content
        self._edges: dict[Unit, set[Unit]] = {}
        self._closure: dict[Unit, str] = {}
        self._pending: list[Unit] = []
        self._keys: dict[Path, str] = {}
        self._targets: dict[tuple[str, str], Unit] = {}  # (document, $ref) → unit
        self._units_at: dict[tuple[int, str], Unit] = {}  # (id of document, pointer) → unit
        root = spec.root.data
        shape = (self._key(spec.root), *(isinstance(root.get(h), dict) for h in _CONTAINERS))
        kept = pointers if pointers is not None and pointers.get("shape") == shape else None
        self._root_units: dict[str, Unit] = kept["units"] if kept is not None else {}
        self.pointers = {"shape": shape, "units": self._root_units}
        for unit, value, document in self._units_of(spec.root):
            self._add(unit, value, document)
        self._drain()

    # -- public ------------------------------------------------------------------------------

    def unit_of(self, document: Document, pointer: str) -> Unit:
        """The unit holding the value at `pointer` of `document`."""
        # Asked again and again for the same schema pointers (each example checked against
        # one): parsing a pointer's tokens is most of the cost.
        if document is self.spec.root:
            unit = self._root_units.get(pointer)
            if unit is None:
                unit = self._root_units[pointer] = self._unit_of(document, pointer)
            return unit
        found = self._units_at.get((id(document), pointer))
        if found is None:
            found = self._units_at[id(document), pointer] = self._unit_of(document, pointer)
        return found

    def _unit_of(self, document: Document, pointer: str) -> Unit:
        key = self._key(document)
        if document is not self.spec.root:
            return (key,)
        tokens = pointer_tokens(pointer)
        if not tokens:
            return (key, "")
        head = tokens[0]
        data = document.data
        if head in _SPLIT_ONCE and len(tokens) >= 2 and isinstance(data.get(head), dict):
            return (key, head, tokens[1])
        if head in _SPLIT_TWICE and len(tokens) >= 3 and isinstance(data.get(head), dict):
            return (key, head, tokens[1], tokens[2])
        if head in _SPLIT_ONCE or head in _SPLIT_TWICE:
            return (key, head, *tokens[1:2])
        return (key, head)

    def own_of(self, unit: Unit) -> str | None:
        """The fingerprint of the unit's own content (not of what it references); None for
        what is no unit of its own (a container of units, an unresolved reference)."""
        if unit not in self._own:
            self._pending.append(unit)
            self._drain()
        return None if unit in self._whole else self._own.get(unit)

    def closure(self, document: Document, pointer: str) -> str:
        """The closure fingerprint of the unit holding `pointer` (see the module docstring)."""
        unit = self.unit_of(document, pointer)
        if unit not in self._own:
            self._add_whole(unit, document)
        if unit not in self._closure:
            self._compute_closures()
        return self._closure[unit]

    # -- building ------------------------------------------------------------------------------

    def _key(self, document: Document) -> str:
        known = self._keys.get(document.path)
        if known is None:
            path = document.path.resolve()
            known = (
                path.relative_to(self.spec.folder).as_posix()
                if path.is_relative_to(self.spec.folder)
                else path.as_posix()
            )
            self._keys[document.path] = known
        return known

    def _units_of(self, document: Document) -> Iterator[tuple[Unit, Any, Document]]:
        key = self._key(document)
        data = document.data
        if document is not self.spec.root or not isinstance(data, dict):
            yield (key,), data, document
            return
        for head, value in data.items():
            head = str(head)
            if head in _SPLIT_ONCE and isinstance(value, dict):
                for name, item in value.items():
                    yield (key, head, str(name)), item, document
            elif head in _SPLIT_TWICE and isinstance(value, dict):
                for kind, group in value.items():
                    if isinstance(group, dict):
                        for name, item in group.items():
                            yield (key, head, str(kind), str(name)), item, document
                    else:
                        yield (key, head, str(kind)), group, document
            else:
                yield (key, head), value, document

    def _add(self, unit: Unit, value: Any, document: Document) -> None:
        own, refs = self._read(unit, value)
        self._own[unit] = own
        edges: set[Unit] = set()
        source = self._key(document)
        for written in refs:
            target = self._targets.get((source, written))
            if target is None:
                target = self._targets[source, written] = self._target(
                    json.loads(written), document
                )
            edges.add(target)
        edges.discard(unit)
        self._edges[unit] = edges
        self._pending.extend(edges)

    def _read(self, unit: Unit, value: Any) -> tuple[str, tuple[str, ...]]:
        """A unit's own fingerprint and the `$ref`s written in it."""
        packed = None
        if self._before is not None:
            try:
                packed = marshal.dumps(value, 2)
            except ValueError:  # a YAML date or the like: no bytes to compare
                packed = None
            found = self._before.get(unit)
            if packed is not None and found is not None and found[0] == packed:
                self.remembered[unit] = found
                return found[1], found[2]
        text = canonical(value)
        own, refs = digest(text), tuple(match.group(1) for match in _REF.finditer(text))
        if packed is not None:
            self.remembered[unit] = (packed, own, refs)
        return own, refs

    def _add_whole(self, unit: Unit, document: Document) -> None:
        """A unit named by a pointer to a split container itself (`#/components/schemas`,
        or `#`): it depends on every unit below it."""
        whole = unit[1:] == ("",)
        self._whole.add(unit)
        self._own[unit] = digest(repr(unit))
        self._edges[unit] = {
            u
            for u in self._own
            if u != unit and u[0] == unit[0] and (whole or u[: len(unit)] == unit)
        }

    def _target(self, ref: str, document: Document) -> Unit:
        try:
            resolved = self.spec.resolve(ref, document)
        except RefError as exc:
            # What a broken reference does depends only on its text and the error (a file
            # appearing later changes the inputs' fingerprint, so the run is redone anyway).
            return ("!unresolved", ref, exc.rule)
        return self.unit_of(resolved.document, resolved.pointer)

    def _drain(self) -> None:
        """Add the units that references reach and that are not known yet."""
        while self._pending:
            unit = self._pending.pop()
            if unit in self._own:
                continue
            if unit[0] == "!unresolved":
                self._whole.add(unit)
                self._own[unit] = digest(repr(unit))
                self._edges[unit] = set()
                continue
            document = self._document(unit[0])
            if document is None:
                self._whole.add(unit)
                self._own[unit] = digest(repr(unit))
                self._edges[unit] = set()
            elif document is self.spec.root or len(unit) > 1:
                self._add_whole(unit, document)
            else:
                for found, value, where in self._units_of(document):
                    self._add(found, value, where)

    def _document(self, key: str) -> Document | None:
        for document in list(self.spec.documents.values()):
            if self._key(document) == key:
                return document
        return None

    def _compute_closures(self) -> None:
        """Closure fingerprints for every unit, one strongly connected component at a time
        (each component comes after the components it reaches)."""
        self._drain()

        def successors(unit: Unit) -> list[Unit]:
            return [u for u in sorted(self._edges[unit]) if u in self._own]

        for component in components(sorted(self._own), successors):
            self._close(component)

    def _close(self, component: list[Unit]) -> None:
        # Successor components are finished before this one (Tarjan emits in reverse
        # topological order), so their closures are known.
        members = set(component)
        outside = sorted(
            {self._closure[s] for m in component for s in self._edges[m] if s not in members}
        )
        inside = sorted(f"{'/'.join(m)}={self._own[m]}" for m in component)
        shared = digest("\n".join([*inside, "->", *outside]))
        for member in component:
            self._closure[member] = shared


def spec_key(path: Path) -> str:
    """A stable file name for per-spec cache entries."""
    return digest(path.resolve().as_posix())
