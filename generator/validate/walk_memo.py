"""The meaning walk's work per unit, replayed in a long-lived process while its inputs hold.

`specgen watch` and the generation server's validation worker walk the same spec again after
every save; a save changes one unit (a path item, a component: see `generator.units`) of
thousands. The walk's work is attributed to the unit holding each visited node: the findings
it reported, the values it left for the schema check, the nodes it marked visited, the
operationIds it registered. A later walk replays a unit's work, instead of walking it, when:

- the unit's own content is unchanged (its fingerprint in `UnitGraph`);
- every other unit whose *content* its visits read is unchanged (the properties an `allOf`
  branch declares, a referenced parameter's name, an example object's value);
- every other unit its `$ref`s *landed on* still has the same shape at its root (a `$ref`
  chain continues only through a node that is itself a `$ref`: the 458 schemas that refer
  to GitHub's `simple-user` do not read its properties);
- last time, nothing reached into the unit except at its root, and it reached into no other
  unit except at roots. Roots are queued before any node is walked, so reaching a root
  never decides how it is walked; reaching inside another unit would;
- nothing order-dependent happened in it (a `$ref` error, a reference cycle, an operation
  below a callback).

The work is kept through the incremental layer (`generator.incremental`): each unit's is an
entry of the walk's stage, its reads (kinds `own`: a unit's own fingerprint, `root-shape`:
the `$ref` at a unit's root) recorded in the unit's `Trace`; anything order-dependent, or a
reach inside another unit, is `untracked()`. The walk is a queue, not a call per unit, so an
entry is looked up (`Run.fresh`) when the walk reaches the unit's root and kept when the walk
ends. With `SPECGEN_VERIFY_INCREMENTAL=1` a walk that replayed units is followed by a full
one (`shadow`), and each replayed unit's kept work must equal its work there, else
`StaleEntry`.

A replayed unit's operationIds are queued where its operations would have been, so duplicates
are found in the same order as by a full walk. If a walked node reaches inside a replayed
unit, the replay may differ from a full walk: `Diverged` is raised and the walk runs in full.

Only for a spec of one JSON document: YAML aliases share nodes between units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from generator.cursor import value_at
from generator.diagnostics import pointer_split
from generator.incremental import Entry, Run, StaleEntry, Trace, first_difference
from generator.units import unit_pointer
from generator.validate.nodes import COMPONENT_KINDS, ExampleCheck, Finding, Kind, Mode, Visit

if TYPE_CHECKING:
    from collections import deque
    from collections.abc import Iterable

    from generator.load import Document, SpecSet
    from generator.units import UnitGraph

_NEVER_RECORDED = frozenset({"operation-id-duplicate"})  # found again by each walk, in order


class Walker(Protocol):
    """What a replayed unit adds its work to: the state of the meaning walk
    (`meaning.Walker`), declared here so the memo needs nothing from the walk's module."""

    findings: list[Finding]
    examples: list[ExampleCheck]
    seen: set[tuple[Kind, int, str]]
    queue: deque[Visit]


class Diverged(Exception):
    """A walked node reached inside a replayed unit: walk in full instead."""


def _root_kind(key: str) -> Kind | None:
    """The kind a unit's root is walked as (see `Walker._root`), if the walk queues it."""
    parts = key.split("/")
    if len(parts) == 3 and parts[1] in ("paths", "webhooks"):
        return Kind.PATH_ITEM if parts[2].startswith("~1") or parts[1] == "webhooks" else None
    if len(parts) == 4 and parts[1] == "components" and parts[2] in COMPONENT_KINDS:
        return COMPONENT_KINDS[parts[2]][0]
    return None


_MISSING = object()  # `value_at` found nothing


@dataclass
class UnitWork:
    """What walking one unit did (`output()`: what is kept and replayed), and its reads."""

    root: tuple[Kind, str]
    keys: list[tuple[Kind, str]] = field(default_factory=list)
    findings: list[tuple[str, str, str]] = field(default_factory=list)
    # (rule, tokens of the value, its pointer, schema pointer, mode)
    examples: list[tuple[str, list[str], str, str, Mode]] = field(default_factory=list)
    operations: list[tuple[Any, str]] = field(default_factory=list)
    trace: Trace = field(default_factory=Trace)

    def output(self) -> tuple[Any, ...]:
        return tuple(self.keys), tuple(self.findings), tuple(self.examples), tuple(self.operations)


class WalkMemo:
    """One walk's recorder and replayer over `run`'s stage `stage` (what the previous walk
    of the same spec left)."""

    def __init__(self, run: Run, stage: str, spec: SpecSet, graph: UnitGraph) -> None:
        self.run = run
        self.stage = stage
        self.spec = spec
        self.root = spec.root
        self.graph = graph
        self.usable = self.root.format == "json"
        table = run.stage(stage)
        self._before = table.old if table is not None and self.usable else {}
        self.replay = bool(self._before)
        self.works: dict[str, UnitWork] = {}
        self.replayed: dict[str, Entry] = {}
        self.current: UnitWork | None = None
        self._key = ""  # the current unit's pointer, and the prefix of what lies inside it
        self._prefix = "\0"
        self._own: dict[str, Any] = {}
        self._shape: dict[str, Any] = {}
        self.diverged = False  # whether a replay had to give way to a full walk
        run.register("own", self._own_of)
        run.register("root-shape", self._shape_of)

    def fresh(self) -> WalkMemo:
        """A memo for a full walk after `Diverged`: it records, and replays nothing."""
        self.diverged = True
        return self.shadow()

    def shadow(self) -> WalkMemo:
        """A memo that records a full walk and replays nothing."""
        memo = WalkMemo(self.run, self.stage, self.spec, self.graph)
        memo.replay = False
        return memo

    def verify(self, shadow: WalkMemo) -> None:
        """Each replayed unit's kept work against its work in a full walk (`shadow`'s): a
        difference raises `StaleEntry` (a unit something reached inside is untracked there,
        and its work may differ: not compared)."""
        for key, entry in self.replayed.items():
            work = shadow.works.get(key)
            if work is None or work.trace.frozen() is None:
                continue
            if not self.run.same(entry.output, work.output()):
                raise StaleEntry(
                    f"stale incremental entry: stage {self.stage!r}, key {key!r}: the replayed "
                    "work differs from a full walk's; "
                    + first_difference(entry.reads or (), work.trace.frozen() or ())
                )

    # -- the walk's hooks ----------------------------------------------------------------------

    def enter(self, walker: Walker, visit: Visit) -> bool:
        """Before `visit` is walked: True when its unit's work was replayed instead."""
        pointer = visit.pointer
        if visit.kind is Kind.OPERATION_ID or visit.document is not self.root:
            self.current, self._key, self._prefix = None, "", "\0"
            if visit.document is not self.root:
                self.usable = False
            return False
        if pointer != self._key and not pointer.startswith(self._prefix):
            key = unit_pointer(pointer)
            work = self.works.get(key)
            if work is None:
                if self._replays(walker, key, visit):
                    self.current, self._key, self._prefix = None, "", "\0"
                    return True
                work = self.works[key] = UnitWork((visit.kind, pointer))
                work.trace.read("own", key, self._own_of(key))
            self.current, self._key, self._prefix = work, key, key + "/"
        if self.current is not None:
            self.current.keys.append((visit.kind, pointer))
        return False

    def pushed(self, visit: Visit) -> None:
        """A node queued (or found queued already): reaching inside another unit is noted."""
        pointer = visit.pointer
        if pointer == self._key or pointer.startswith(self._prefix):
            return
        if visit.document is not self.root:
            self.usable = False
            return
        key = unit_pointer(pointer)
        if pointer == key and visit.kind is _root_kind(key):
            return  # a root: queued before the walk began, so this changes nothing
        if key in self.replayed:
            raise Diverged(pointer)
        if self.current is not None:
            self.current.trace.untracked()
        tainted = self.works.get(key)
        if tainted is None:
            tainted = self.works[key] = UnitWork((Kind.OTHER, key))
        tainted.trace.untracked()

    def report(self, rule: str, message: str, document: Document, pointer: str) -> None:
        work = self.current
        if work is None or rule in _NEVER_RECORDED:
            return
        if document is not self.root or rule.startswith("ref-"):
            work.trace.untracked()
        work.findings.append((rule, message, pointer))

    def expect(self, value: Any, check: ExampleCheck) -> None:
        work = self.current
        if work is None:
            return
        tokens = pointer_split(check.pointer)
        found = value_at(self.root.data, tokens, _MISSING)
        if found is not value or check.schema_document is not self.root:
            work.trace.untracked()  # its value could not be found again by its pointer
        work.examples.append((check.rule, tokens, check.pointer, check.schema_pointer, check.mode))

    def read(self, document: Document, pointer: str, *, content: bool) -> None:
        """A visit read the node at `pointer` (its content, or only whether it is a `$ref`)."""
        work = self.current
        if work is None:
            return
        if document is not self.root:
            self.usable = False
            return
        key = unit_pointer(pointer)
        if key == self._key:
            return
        kind = "own" if content or pointer != key else "root-shape"
        if (kind, key) not in work.trace.reads:
            work.trace.read(kind, key, self._own_of(key) if kind == "own" else self._shape_of(key))

    def read_all(self, places: Iterable[tuple[Document, str]]) -> None:
        for document, pointer in places:
            self.read(document, pointer, content=True)

    def operation(self, operation_id: Any, pointer: str) -> None:
        work = self.current
        if work is None:
            return
        if pointer.rpartition("/")[0] != self._key:
            work.trace.untracked()  # below a callback: its place in the queue differs
        work.operations.append((operation_id, pointer))

    def give_up(self) -> None:
        """Something the memo cannot follow happened (a cycle of composed names)."""
        self.usable = False

    # -- replaying -------------------------------------------------------------------------------

    def _replays(self, walker: Walker, key: str, visit: Visit) -> bool:
        before = self._before.get(key) if self.replay else None
        if before is None or not self.run.fresh(before, (visit.kind, visit.pointer)):
            return False
        keys, findings, examples, operations = before.output
        root = self.root
        values = [value_at(root.data, tokens, _MISSING) for _, tokens, *_ in examples]
        if any(value is _MISSING for value in values):
            return False
        walker.findings += [Finding(rule, message, root, at) for rule, message, at in findings]
        walker.examples += [
            ExampleCheck(rule, value, root, at, root, schema_at, mode)
            for (rule, _, at, schema_at, mode), value in zip(examples, values, strict=True)
        ]
        document = id(root)
        walker.seen.update((kind, document, at) for kind, at in keys)
        for operation_id, at in operations:
            walker.queue.append(Visit(Kind.OPERATION_ID, root, at, operation_id))
        self.replayed[key] = before
        return True

    def _own_of(self, key: str) -> Any:
        """The unit's own fingerprint; where it has none, a value equal to nothing (never
        replayed, rather than replayed on a fingerprint that cannot see a change)."""
        if key not in self._own:
            found = self.graph.own_of(self.graph.unit_of(self.root, key))
            self._own[key] = found if found is not None else object()
        return self._own[key]

    def _shape_of(self, key: str) -> Any:
        """What decides whether a `$ref` chain goes on at a unit's root: its own `$ref`."""
        if key not in self._shape:
            node = value_at(self.root.data, pointer_split(key), KeyError)
            self._shape[key] = node.get("$ref", dict) if isinstance(node, dict) else repr(node)
        return self._shape[key]

    def finish(self) -> None:
        """Keep this walk's work for the next one (nothing, if the spec is not one JSON
        document or something happened that the memo cannot follow)."""
        table = self.run.stage(self.stage)
        if table is None or not self.usable or len(self.spec.documents) != 1:
            return  # nothing kept: the stage is empty after this run
        for key, entry in self.replayed.items():
            table.keep(key, entry)
        for key, work in self.works.items():
            if key not in self.replayed:
                table.keep(key, Entry(work.output(), work.trace.frozen(), work.root))
