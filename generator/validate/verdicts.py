"""Verdicts of examples against schemas kept between runs, each reused while every schema its
validation read is unchanged.

Checking a value reads the schema it starts at (inside one unit: see `generator.units`) and
whatever `$ref`s the validator follows *for that value*. An example of a repository with no
`owner` never reads the owner's schema, though the repository's schema references it. So an
entry keeps the own fingerprint of each unit the validation read, and is reused while they
all match: after a one-property edit of GitHub's `simple-user`, which 458 schemas reach,
about one verdict in ten is checked again instead of all the verdicts that could see it.

Where the validator's reads cannot be known (a reference it could not map back to a unit, a
validator that failed part-way, `$dynamicRef`), the entry falls back to the unit's closure
fingerprint: everything the schema could reach.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.incremental import Run, Store
from generator.load import Document, RefError, SpecSet
from generator.units import Unit, UnitGraph, canonical, digest

Verdict = list[tuple[tuple[Any, ...], str]]
Followed = list[tuple[str, str]]  # (base URI, `$ref`) of each reference the validator followed
STAGE = "examples"


class Verdicts:
    """Verdicts by check for one run over `spec` (with `version`'s semantics), computed
    through `run` in stage `stage`: each verdict's reads are the own fingerprints of the
    units its validation followed (kind `unit`), or the closure fingerprint of the schema it
    started at (kind `closure`, keyed by document path and pointer)."""

    def __init__(
        self,
        run: Run,
        stage: str,
        spec: SpecSet,
        version: str,
        uris: dict[Path, str],
        units: UnitGraph,
        folder: Path | None = None,
    ) -> None:
        self._run = run
        self._stage = stage
        self._folder = folder
        self._spec = spec
        self._version = version
        self._units = units
        self._documents = {
            uris[doc.path]: doc for doc in spec.documents.values() if doc.path in uris
        }
        self._by_path = {str(doc.path): doc for doc in spec.documents.values()}
        self._targets: dict[tuple[str, str], Unit | None] = {}
        # 3.1's `$dynamicRef` is resolved without passing where references are noted.
        self._dynamic = any("$dynamicRef" in doc.text for doc in spec.documents.values())
        run.register("unit", units.own_of)
        run.register("closure", self._closure)

    def verdict(
        self,
        rule: str,
        mode: str,
        document: Document,
        pointer: str,
        value: Any,
        compute: Callable[[], tuple[Verdict, Followed | None]],
    ) -> Verdict:
        """`compute()`'s verdict, or the one kept for an equal check whose reads all hold."""

        def unit() -> Verdict:
            verdict, followed = compute()
            reads = None if followed is None or self._dynamic else self._reads(followed)
            if reads is None:
                self._run.read("closure", (str(document.path), pointer))
            else:
                for target, own in reads:
                    self._run.read("unit", target, own)
            return verdict

        key = self._key(rule, mode, document, pointer, value)
        return self._run.memo(self._stage, key, unit, folder=self._folder)

    def _key(self, rule: str, mode: str, document: Document, pointer: str, value: Any) -> str:
        start = self._units.own_of(self._units.unit_of(document, pointer))
        if start is None:  # a check at a container of units: everything below it counts
            start = self._units.closure(document, pointer)
        return digest("\x00".join((self._version, rule, mode, pointer, start, _value_print(value))))

    def _closure(self, key: Any) -> str | None:
        document = self._by_path.get(key[0])
        return None if document is None else self._units.closure(document, key[1])

    def _reads(self, followed: Followed) -> list[tuple[Unit, str]] | None:
        reads: dict[Unit, str] = {}
        for base, ref in followed:
            target = self._target(base, ref)
            own = self._units.own_of(target) if target is not None else None
            if target is None or own is None:
                return None
            reads[target] = own
        return sorted(reads.items())

    def _target(self, base: str, ref: str) -> Unit | None:
        """The unit a followed reference landed in (None: not known here)."""
        if (base, ref) not in self._targets:
            self._targets[base, ref] = self._resolve(base, ref)
        return self._targets[base, ref]

    def _resolve(self, base: str, ref: str) -> Unit | None:
        document = self._documents.get(base.split("#", 1)[0])
        if document is None:
            return None
        try:
            resolved = self._spec.resolve(ref, document)
        except RefError:
            return None
        return self._units.unit_of(resolved.document, resolved.pointer)


def unit_graph(store: Store | None, spec: SpecSet, name: str) -> UnitGraph:
    """The spec's units; a long-lived process keeps their fingerprints from run to run (see
    `UnitGraph`) in `store`, under `name` (its stage's)."""
    kept = None if store is None else store.stores
    name = f"{name}:units"
    earlier = {} if kept is None else kept.get(name, {})
    before = None if kept is None else earlier.get("units", {})  # {}: remember from now on
    units = UnitGraph(spec, before, earlier.get("pointers"))
    if kept is not None:  # the graph fills them as it goes: kept for the next run
        kept[name] = {"units": units.remembered, "pointers": units.pointers}
    return units


def _value_print(value: Any) -> str:
    """A value's fingerprint: of its marshal bytes (equal bytes: the same values of the same
    types in the same order), three times quicker than its canonical JSON, which stays the
    fallback for what marshal cannot write (a YAML date). The prefixes keep them apart."""
    try:
        packed = marshal.dumps(value, 2)
    except ValueError:
        return "j" + canonical(value)
    return "m" + hashlib.blake2b(packed, digest_size=16).hexdigest()
