"""Warm IR builds: a long-lived process (`specgen watch`) rebuilds the IR after an edit by
replaying what the previous run did for each unit whose inputs are provably unchanged.

Units are the component schemas (transformed in `SchemaHoister.transform_components`) and the
path items (`OperationsBuilder.operations`). A unit is replayed when its raw value has the
same bytes as last time, and every answer it got from the shared state is the same today:
each name it claimed (`naming.unique` gives the same name in today's order), each schema
`$ref` it found named, each other `$ref` it followed (same bytes at its target), each hoisted
schema it read (same fingerprint: a class is read final, as its unit left it sanitised; see
`SchemaHoister.finish_unit`). Anything else (another document, a `$ref` that had to define a
class or failed) makes the unit one that is always built fresh. Warnings are replayed at
today's line and column. All of it is read from and restored into `Hoisted`, the state the
hoister fills: the replay is made before the hoister and handed to it.

A replayed class keeps its schema object, which is checked to still have the bytes the last
run left it with; sanitising (`sanitise`) is skipped for it when it read no other class
(it is then a function of the class alone), else it is sanitised again from its copy before.
Everything is kept per spec path, and a run keeps only the units it saw.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator import naming
from generator.ir.class_cache import shape_key
from generator.ir.hoisted import Hoisted
from generator.ir.warm_log import (
    ClassRecord,
    SanitiseRecord,
    UnitLog,
    UnitRecord,
    Warning,
    frozen,
    operation_values,
    replay_warnings,
    same,
    warnings_of,
)
from generator.load import RefError
from generator.units import digest

if TYPE_CHECKING:
    from generator.incremental import Store
    from generator.ir.model import Operation

# A class's fingerprint: its schema's bytes (None: no such class) and its origin pointer.
Fingerprint = tuple[Any, str]


@dataclass
class Previous:
    """What the last run of this spec left."""

    scope: tuple[Any, ...] = ()
    components: dict[str, UnitRecord] = field(default_factory=dict)
    paths: dict[str, UnitRecord] = field(default_factory=dict)


@dataclass
class WarmIR:
    """One build's use of the previous run's units, and the units it records for the next."""

    hoisted: Hoisted
    memory: Store
    key: str
    scope: tuple[Any, ...]
    old: Previous
    new: Previous = field(init=False)
    # units built fresh this run, with what they defined; completed by `save`
    _fresh: list[tuple[str, str, bytes, UnitLog, tuple[Warning, ...], Any]] = field(
        default_factory=list
    )
    _prints: dict[str, Fingerprint] = field(default_factory=dict)
    _shapes: dict[str, Any] = field(default_factory=dict)
    _ref_bytes: dict[str, bytes | None] = field(default_factory=dict)
    _hit_names: dict[str, str | None] = field(default_factory=dict)
    # classes whose sanitising is already done (replayed): their record
    _sanitised: dict[str, SanitiseRecord] = field(default_factory=dict)
    _sanitise_records: dict[str, SanitiseRecord] = field(default_factory=dict)
    _replayed: dict[str, ClassRecord] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.new = Previous(self.scope)

    @classmethod
    def open(cls, hoisted: Hoisted, memory: Store) -> WarmIR:
        """The replay of the last run of this spec kept in `memory` (nothing when its scope,
        the API's name, OpenAPI version and global security, changed), restoring into
        `hoisted`."""
        ctx = hoisted.ctx
        root = ctx.root.data
        scope = (ctx.name, ctx.is_31, frozen(root.get("security")))
        key = f"ir-units-{digest(ctx.root.path.resolve().as_posix())}"
        kept = memory.stores.get(key, {}).get("previous")
        old = kept if isinstance(kept, Previous) and kept.scope == scope else Previous()
        if scope[2] is None:  # an unreadable `security` is never the same as last time
            old = Previous()
        warm = cls(hoisted, memory, key, scope, old)
        hoisted.run.register("class", warm.final(warm.fingerprint))
        hoisted.run.register("shape", warm.final(warm.shape))
        return warm

    # -- fingerprints --------------------------------------------------------------------------

    def fingerprint(self, name: str) -> Fingerprint:
        """Of a class whose schema is final (sanitised): what class cache entries and path
        items' reads are checked against."""
        found = self._prints.get(name)
        if found is None:
            schema = self.hoisted.schemas.get(name)
            data: Any = None if schema is None else frozen(schema)
            if schema is not None and data is None:
                data = object()  # equal to nothing
            found = self._prints[name] = (data, self.hoisted.origins.get(name, ""))
        return found

    def shape(self, name: str) -> Any:
        """Of a class whose schema is final: what a class only referring to it reads."""
        if name not in self._shapes:
            self._shapes[name] = shape_key(self.hoisted.schemas.get(name))
        return self._shapes[name]

    def final(self, fingerprint: Callable[[str], Any]) -> Callable[[str], Any]:
        """`fingerprint` as a read's, registered with the run: of a class not final yet (a
        unit being hoisted reads it) a value equal to nothing, not kept (such a unit is not
        replayed: see `recording`); of no class None."""
        hoisted = self.hoisted

        def of(name: str) -> Any:
            if name in hoisted.sanitised:
                return fingerprint(name)
            return None if name not in hoisted.schemas else object()

        return of

    # -- recording -----------------------------------------------------------------------------

    @contextmanager
    def recording(self, kind: str, key: str, raw: bytes | None) -> Iterator[UnitLog]:
        """Log the unit built fresh inside, to be saved (with its classes) for the next run."""
        hoisted = self.hoisted
        log = UnitLog(replayable=raw is not None)
        hoisted.log = hoisted.ctx.log = log
        start = len(hoisted.ctx.diagnostics)
        try:
            with hoisted.run.tracing() as trace:
                yield log
        finally:
            hoisted.log = hoisted.ctx.log = None
        warnings = warnings_of(hoisted.ctx.diagnostics[start:], hoisted.ctx.root)
        if warnings is None or raw is None or not log.replayable:
            return
        full = {str(name) for read, name in trace.reads if read == "class"}
        shapes = {str(name) for read, name in trace.reads if read == "shape"}
        own = set(log.defines)
        reads: list[tuple[str, bool, Any]] = []
        for whole, names in ((True, full - own), (False, shapes - own - full)):
            for name in sorted(names):
                if name in hoisted.sanitised:
                    found = self.fingerprint(name) if whole else self.shape(name)
                    reads.append((name, whole, found))
                elif name not in hoisted.schemas:
                    reads.append((name, whole, None))
                else:  # hoisted by another path item: not yet in its final form
                    return
        self._fresh.append((kind, key, raw, log, warnings, tuple(reads)))

    def sanitised(
        self, name: str, pre: bytes | None, warnings: list[Any], self_contained: bool
    ) -> None:
        kept = warnings_of(warnings, self.hoisted.ctx.root)
        if kept is None or pre is None:
            return
        self._sanitise_records[name] = SanitiseRecord(
            kept, None if self_contained else pre, self_contained
        )

    def replay_sanitised(self, record: SanitiseRecord) -> None:
        ctx = self.hoisted.ctx
        replay_warnings(record.warnings, ctx.root, ctx.diagnostics)

    def sanitise_done(self, name: str) -> SanitiseRecord | None:
        """The record of a replayed class whose sanitising is replayed rather than run."""
        return self._sanitised.get(name)

    # -- replay --------------------------------------------------------------------------------

    def replay_component(self, key: str, raw: bytes | None, class_name: str) -> bool:
        """Replay the component `key` when nothing it depends on changed."""
        found = self.old.components.get(key)
        if found is None or not same(found.raw, raw):
            return False
        if not found.classes or found.classes[0].name != class_name:
            return False
        return self._replay(found, "components", key)

    def replay_path(self, key: str, raw: bytes | None, taken: set[str]) -> list[Operation] | None:
        found = self.old.paths.get(key)
        if found is None or not same(found.raw, raw):
            return None
        if not all(self._read_same(*read) for read in found.reads):
            return None
        if not same(found.operation_values, operation_values(found.operations)):
            return None
        added: list[str] = []
        if not _claims_again(found.op_names, taken, added) or not self._replay(found, "paths", key):
            taken.difference_update(added)
            return None
        return list(found.operations)

    def _replay(self, found: UnitRecord, kind: str, key: str) -> bool:
        hoisted = self.hoisted
        if not all(self._hit(ref) == name for ref, name in found.hits):
            return False
        if not all(same(data, self._target_bytes(ref)) for ref, data in found.refs):
            return False
        for record in found.classes:
            if record.name in hoisted.schemas:
                return False
            if record.sanitise.self_contained and not same(record.post, frozen(record.schema)):
                return False  # changed by someone since: rebuild
        # Each claim must give the same name in today's order (inline names shift when a
        # unit before claims more or fewer).
        added: list[str] = []
        if not _claims_again(found.claims, hoisted.class_names, added):
            hoisted.class_names.difference_update(added)
            return False
        for record in found.classes:
            if record.sanitise.self_contained:
                schema = record.schema
                self._sanitised[record.name] = record.sanitise
                self._prints[record.name] = (record.post, record.origin)
            else:  # sanitised again, from its copy before
                schema = marshal.loads(record.sanitise.pre or b"")
            hoisted.schemas[record.name] = schema
            hoisted.origins[record.name] = record.origin
            self._replayed[record.name] = record
        replay_warnings(found.warnings, hoisted.ctx.root, hoisted.ctx.diagnostics)
        getattr(self.new, kind)[key] = found
        return True

    def _hit(self, ref: str) -> str | None:
        if ref not in self._hit_names:
            try:
                resolved = self.hoisted.ctx.spec.resolve(ref, self.hoisted.ctx.root)
            except RefError:
                self._hit_names[ref] = None
            else:
                key = (str(resolved.document.path), resolved.pointer)
                self._hit_names[ref] = self.hoisted.named.get(key)
        return self._hit_names[ref]

    def _target_bytes(self, ref: str) -> bytes | None:
        if ref not in self._ref_bytes:
            root = self.hoisted.ctx.root
            try:
                resolved = self.hoisted.ctx.spec.resolve(ref, root)
            except RefError:
                self._ref_bytes[ref] = None
            else:
                same_doc = resolved.document is root
                self._ref_bytes[ref] = frozen(resolved.value) if same_doc else None
        return self._ref_bytes[ref]

    def _read_same(self, name: str, full: bool, value: Any) -> bool:
        if value is None:
            return name not in self.hoisted.schemas
        if name not in self.hoisted.sanitised:
            return False
        found = self.fingerprint(name) if full else self.shape(name)
        return bool(found == value)

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Keep the units of this run (replayed ones as they were, fresh ones completed with
        their classes as sanitised) for the next; only when the spec is one document."""
        hoisted = self.hoisted
        if len(hoisted.ctx.spec.documents) != 1:
            self.memory.stores.pop(self.key, None)
            return
        for kind, key, raw, log, warnings, reads in self._fresh:
            classes = []
            for name in log.defines:
                sanitise = self._sanitise_records.get(name)
                data = self.fingerprint(name)[0]
                if sanitise is None or not isinstance(data, bytes):
                    break
                classes.append(
                    ClassRecord(name, hoisted.origins[name], hoisted.schemas[name], data, sanitise)
                )
            else:
                refs = [(ref, self._target_bytes(ref)) for ref in dict.fromkeys(log.refs)]
                if any(data is None for _, data in refs):
                    continue
                operations = tuple(log.operations)
                values = operation_values(operations) if kind == "paths" else b""
                if values is None:
                    continue
                getattr(self.new, kind)[key] = UnitRecord(
                    raw,
                    tuple(log.claims),
                    tuple(dict.fromkeys(log.hits)),
                    tuple((ref, data) for ref, data in refs if data is not None),
                    tuple(classes),
                    warnings,
                    tuple(log.op_names),
                    reads,
                    operations,
                    values,
                )
        # Replayed classes sanitised again: their record gets today's result.
        for units in (self.new.components, self.new.paths):
            for key, unit in list(units.items()):
                if any(not c.sanitise.self_contained for c in unit.classes):
                    renewed = self._renew(unit)
                    if renewed is None:
                        del units[key]
                    else:
                        units[key] = renewed
        self.memory.stores[self.key] = {"previous": self.new}

    def _renew(self, unit: UnitRecord) -> UnitRecord | None:
        classes = []
        for record in unit.classes:
            if record.sanitise.self_contained:
                classes.append(record)
                continue
            sanitise = self._sanitise_records.get(record.name)
            data = self.fingerprint(record.name)[0]
            if sanitise is None or not isinstance(data, bytes):
                return None
            schema = self.hoisted.schemas[record.name]
            classes.append(ClassRecord(record.name, record.origin, schema, data, sanitise))
        return UnitRecord(
            unit.raw,
            unit.claims,
            unit.hits,
            unit.refs,
            tuple(classes),
            unit.warnings,
            unit.op_names,
            unit.reads,
            unit.operations,
            unit.operation_values,
        )


def _claims_again(claims: tuple[tuple[str, str], ...], taken: set[str], added: list[str]) -> bool:
    """Whether each `naming.unique(base, taken)` gives the recorded name again; the names it
    added to `taken` are listed in `added` (for the caller to take back on failure)."""
    for base, name in claims:
        got = naming.unique(base, taken)
        added.append(got)
        if got != name:
            return False
    return True
