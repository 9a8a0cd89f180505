"""Rendered files a long-lived process (`specgen watch`) keeps between runs (issue #12: a
one-line edit of a big spec should not re-render thousands of model modules), computed
through the incremental layer (`generator.incremental`).

A file is a unit of stage `render-<kind>` keyed by its path, with its explicit inputs (the IR
values it is rendered from, compared by value: the IR is frozen dataclasses). While it is
rendered, every attribute of `ctx` and `api` the template reads (`Reading`) and every entry
it looks up in a shared table (`Recorded`: model classes by name) is a read of kind `ctx`,
`api` or `class`; the file is reused while each of them is still equal, whatever the
template reads, so the key never has to guess which parts of the IR a file prints. The
stage's scope (the templates' contents, the target's names) empties it at once when it
changes. Equality of unchanged IR values is cheap: the model-class cache hands back the
same objects, and tuples compare identical items by identity first (`Equal` adds the pairs
`prepare_target` already found equal).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from generator.incremental import ABSENT, Entry, Run, Store, exact

if TYPE_CHECKING:
    from generator.render.context import RenderContext

V = TypeVar("V")


class Recorded(Mapping[str, V], Generic[V]):
    """A read-only table that notes every key looked up (present or not) and what it held:
    as reads of `kind` of `run`'s current unit, or in `reads` without a run."""

    def __init__(self, table: Mapping[str, V], run: Run | None = None, kind: str = "class"):
        self._table = table
        self._run = run
        self._kind = kind
        self.reads: dict[tuple[str, Hashable], Any] = {}

    def __getitem__(self, key: str) -> V:
        value = self._table.get(key, ABSENT)
        if self._run is not None:
            self._run.read(self._kind, key, value)
        else:
            self.reads[self._kind, key] = value
        if value is ABSENT:
            raise KeyError(key)
        return value  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, ABSENT) is not ABSENT

    def __iter__(self) -> Iterator[str]:
        raise TypeError("iterating would read every entry: look entries up by key")

    def __len__(self) -> int:
        return len(self._table)


class Equal:
    """Objects of an earlier run known equal to objects of this one (an operation, the client
    tree: `prepare_target` compared them once), so that every memo holding the earlier object
    recognises the new one without comparing them again, value by value. Each pair keeps both
    objects alive, so an identity check on them can never meet another object at their
    address: a pair stays a fact whatever run consults it."""

    STORE = "render-equal"

    def __init__(self, pairs: Mapping[int, tuple[Any, Any]] | None = None) -> None:
        self._pairs = pairs or {}

    @classmethod
    def kept(cls, memory: Store | None) -> Equal:
        found = memory.stores.get(cls.STORE) if memory is not None else None
        return cls(found.get("pairs") if found is not None else None)

    @staticmethod
    def keep(memory: Store | None, pairs: list[tuple[Any, Any]]) -> None:
        """Record `pairs` (earlier, now) of equal objects for this run's memos."""
        if memory is not None:
            memory.stores[Equal.STORE] = {"pairs": {id(old): (old, new) for old, new in pairs}}

    def _paired(self, old: Any, new: Any) -> bool:
        pair = self._pairs.get(id(old))
        return pair is not None and pair[0] is old and pair[1] is new

    def same(self, old: Any, new: Any) -> bool:
        """`exact(old, new)`, looking into tuples one level for known pairs first."""
        if old is new or self._paired(old, new):
            return True
        if type(old) is tuple and type(new) is tuple and self._pairs:
            return len(old) == len(new) and all(
                a is b or self._paired(a, b) or exact(a, b) for a, b in zip(old, new, strict=True)
            )
        return exact(old, new)


class RenderMemo:
    """Outputs of one kind (`stage`) by file path, for one target, between runs of a process:
    a stage of `memory` (see `generator.incremental`) under `scope`. Without `memory` it keeps
    nothing and every lookup misses."""

    def __init__(
        self,
        memory: Store | None,
        stage: str,
        scope: tuple[Any, ...],
        saved: set[str] | None = None,
    ) -> None:
        """`saved`: where `save` notes the stage it wrote (see `drop_unsaved`)."""
        self._saved = saved
        self._stage = stage
        self.name = f"render-{stage}"
        self._scope = scope
        self._memory = memory
        self.run = Run(memory, same=Equal.kept(memory).same)
        self._table = self.run.stage(self.name, scope=scope)

    @property
    def hits(self) -> int:
        return 0 if self._table is None else self._table.hits

    def watch(self, ctx: RenderContext, classes: Mapping[str, Any] | None = None) -> None:
        """Fingerprint reads of `ctx`'s and `api`'s attributes, and of `classes`' entries."""
        api = ctx.api
        self.run.register("ctx", lambda name: getattr(ctx, name, ABSENT))
        self.run.register("api", lambda name: getattr(api, name, ABSENT))
        if classes is not None:
            self.run.register("class", _lookup(classes))

    def memo(self, path: str, compute: Callable[[], V], inputs: Any) -> V:
        """`compute()`'s output for `path`, or the one an earlier run computed from equal
        `inputs` whose reads are all unchanged (see `Run.memo`)."""
        return self.run.memo(self.name, path, compute, inputs)

    def get(self, path: str, inputs: Any, table: Mapping[str, Any] | None = None) -> Any | None:
        """For outputs computed in batches (formatting) or recorded by hand: the output kept
        for `path` if it was made from equal `inputs` and every entry of `table` it read
        (kind `class`) is still equal, else None. Store fresh ones with `put`."""
        if self._table is None:
            return None
        if table is not None:
            self.run.register("class", _lookup(table))
        entry = self._table.lookup(path)
        if entry is None or not self.run.fresh(entry, inputs):
            self._table.misses += 1
            return None
        self._table.hits += 1
        self._table.keep(path, entry)
        return entry.output

    def put(
        self, path: str, inputs: Any, reads: Mapping[tuple[str, Hashable], Any], output: Any
    ) -> None:
        """Keep `output` for `path`, made from `inputs` after `reads` (a `Recorded`'s)."""
        if self._table is not None:
            found = tuple((kind, key, value) for (kind, key), value in reads.items())
            self._table.keep(path, Entry(output, found, inputs))

    def within(self, part: str, *more: Any) -> RenderMemo:
        """A memo of its own (`part` of this one's stage) for outputs that all depend on `more`
        as well: entries made with other values of it are dropped at once instead of each
        compared with them."""
        stage = f"{self._stage}-{part}"
        return RenderMemo(self._memory, stage, (*self._scope, *more), self._saved)

    @property
    def active(self) -> bool:
        """Whether entries are kept at all (a process without `memory` keeps none)."""
        return self._table is not None

    def save(self) -> None:
        self.run.close()
        if self._saved is not None and self._table is not None:
            self._saved.add(self.name)


def _lookup(table: Mapping[str, Any]) -> Callable[[str], Any]:
    """The fingerprint of a table's entry: the entry itself (`ABSENT` when gone)."""
    get = table.get
    return lambda name: get(name, ABSENT)


def drop_unsaved(memory: Store | None, saved: set[str], keep: frozenset[str]) -> None:
    """Forget the render stages this run did not save (an artefact no longer rendered, a
    template folder now overridden), except `keep`: memory holds what the last run used."""
    if memory is not None:
        memory.drop(lambda name: not name.startswith("render-") or name in saved or name in keep)


class Reading:
    """`target` as a template sees it (`ctx` or `api`), noting every attribute the template
    reads and the value it got as a read of `kind` of `run`'s current unit."""

    __slots__ = ("_target", "_run", "_kind")

    def __init__(self, target: Any, run: Run, kind: str) -> None:
        self._target = target
        self._run = run
        self._kind = kind

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if self._kind == "ctx" and name == "api":
            return Reading(value, self._run, "api")  # `ctx.api.x` is read as `api.x`
        self._run.read(self._kind, name, value)
        return value


def render_recorded(ctx: RenderContext, template: str, run: Run, **extra: Any) -> str:
    """`ctx.render(template, **extra)`, noting every `ctx` and `api` attribute the template
    reads as reads of `run`'s current unit (see `Reading`)."""
    return ctx.env.get_template(template).render(
        ctx=Reading(ctx, run, "ctx"), api=Reading(ctx.api, run, "api"), **extra
    )


def render_file(
    memo: RenderMemo,
    ctx: RenderContext,
    path: str,
    template: str,
    inputs: Any = (),
    extra: Callable[[], Mapping[str, Any]] = dict,
) -> str:
    """`template` rendered with `extra()` (as `RenderContext.render` does), or the text an
    earlier run rendered for `path` from the same template, equal `inputs` and equal values
    of every `ctx` and `api` attribute the template read then. `inputs`: everything `extra()`
    is computed from (it is called only when the file is rendered)."""
    if not memo.active:
        return ctx.render(template, **extra())
    memo.watch(ctx)
    # Flat, so that `Equal` pairs the inputs' objects (it looks one level into a tuple).
    key = (template, *inputs) if type(inputs) is tuple else (template, inputs)
    return memo.memo(path, lambda: render_recorded(ctx, template, memo.run, **extra()), key)
