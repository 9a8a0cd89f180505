"""Rendered files a long-lived process (`specgen watch`) keeps between runs (issue #12: a
one-line edit of a big spec should not re-render thousands of model modules).

An entry is reused only when everything the file was rendered from is equal to this run's:
its own inputs (the IR values it prints, compared by value: the IR is frozen dataclasses) and
every entry it looked up in a shared table (`Recorded` notes those lookups), plus the
templates' files and the target's names (`scope`). Equality of unchanged IR values is cheap:
the model-class cache hands back the same objects, and tuples compare identical items by
identity first. Only the entries a run uses are kept for the next, so nothing accumulates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from generator.unitcache import Memory
from generator.units import digest

if TYPE_CHECKING:
    from generator.render.context import RenderContext

V = TypeVar("V")
_ABSENT: Any = object()


class Recorded(Mapping[str, V], Generic[V]):
    """A read-only table that notes every key looked up (present or not) and what it held."""

    def __init__(self, table: Mapping[str, V]) -> None:
        self._table = table
        self.reads: dict[str, Any] = {}

    def __getitem__(self, key: str) -> V:
        value = self._table.get(key, _ABSENT)
        self.reads[key] = value
        if value is _ABSENT:
            raise KeyError(key)
        return value  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _ABSENT) is not _ABSENT

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
    def kept(cls, memory: Memory | None) -> Equal:
        found = memory.stores.get(cls.STORE) if memory is not None else None
        return cls(found.get("pairs") if found is not None else None)

    @staticmethod
    def keep(memory: Memory | None, pairs: list[tuple[Any, Any]]) -> None:
        """Record `pairs` (earlier, now) of equal objects for this run's memos."""
        if memory is not None:
            memory.stores[Equal.STORE] = {"pairs": {id(old): (old, new) for old, new in pairs}}

    def _paired(self, old: Any, new: Any) -> bool:
        pair = self._pairs.get(id(old))
        return pair is not None and pair[0] is old and pair[1] is new

    def same(self, old: Any, new: Any) -> bool:
        """`old == new`, looking into tuples one level for known pairs first."""
        if old is new or self._paired(old, new):
            return True
        if type(old) is tuple and type(new) is tuple and self._pairs:
            return len(old) == len(new) and all(
                a is b or self._paired(a, b) or a == b for a, b in zip(old, new, strict=True)
            )
        return bool(old == new)


@dataclass(frozen=True)
class _Entry:
    inputs: Any
    reads: tuple[tuple[str, Any], ...]
    output: Any


class RenderMemo:
    """Outputs of one kind (`stage`) by file path, for one target, between runs of a process.
    Without `memory` it keeps nothing and every lookup misses."""

    def __init__(
        self,
        memory: Memory | None,
        stage: str,
        scope: tuple[Any, ...],
        saved: set[str] | None = None,
    ) -> None:
        """`saved`: where `save` notes the store it wrote (see `drop_unsaved`)."""
        self._saved = saved
        self._stage = stage
        self._name = f"render-{stage}"
        self._scope = scope
        old = memory.stores.get(self._name) if memory is not None else None
        fits = old is not None and old.get("scope") == scope
        self._old: dict[str, _Entry] = old["entries"] if fits and old is not None else {}
        self._used: dict[str, _Entry] = {}
        self._memory = memory
        self._equal = Equal.kept(memory)
        self.hits = 0

    def get(self, path: str, inputs: Any, table: Mapping[str, Any]) -> Any | None:
        """The output kept for `path` if it was rendered from equal `inputs` and every entry
        of `table` it read is still equal, else None."""
        entry = self._old.get(path)
        if entry is None or not self._equal.same(entry.inputs, inputs):
            return None
        now = []
        for key, value in entry.reads:
            found = table.get(key, _ABSENT)
            if not self._equal.same(value, found):
                return None
            now.append((key, found))
        # Kept with this run's values, which the next run's `Equal` pairs with its own.
        self._used[path] = _Entry(inputs, tuple(now), entry.output)
        self.hits += 1
        return entry.output

    def put(self, path: str, inputs: Any, reads: Mapping[str, Any], output: Any) -> None:
        if self._memory is not None:
            self._used[path] = _Entry(inputs, tuple(reads.items()), output)

    def within(self, part: str, *more: Any) -> RenderMemo:
        """A memo of its own (`part` of this one's stage) for outputs that all depend on `more`
        as well: entries made with other values of it are dropped at once instead of each
        compared with them."""
        stage = f"{self._stage}-{part}"
        return RenderMemo(self._memory, stage, (*self._scope, *more), self._saved)

    @property
    def active(self) -> bool:
        """Whether entries are kept at all (a process without `memory` keeps none)."""
        return self._memory is not None

    def save(self) -> None:
        if self._memory is not None:
            self._memory.stores[self._name] = {"scope": self._scope, "entries": self._used}
            if self._saved is not None:
                self._saved.add(self._name)


def drop_unsaved(memory: Memory | None, saved: set[str], keep: frozenset[str]) -> None:
    """Forget the render memos this run did not save (an artefact no longer rendered, a
    template folder now overridden), except `keep`: memory holds what the last run used."""
    if memory is not None:
        for name in [n for n in memory.stores if n.startswith("render-")]:
            if name not in saved and name not in keep:
                del memory.stores[name]


class Reading:
    """`target` as a template sees it (`ctx` or `api`), noting in `reads` every attribute the
    template reads and the value it got, under `prefix` + name: a file rendered with these is
    reused only while each of those attributes is still equal (see `ContextTable`), whatever
    the template reads, so the key never has to guess which parts of the IR a file prints."""

    __slots__ = ("_target", "_reads", "_prefix")

    def __init__(self, target: Any, reads: dict[str, Any], prefix: str) -> None:
        self._target = target
        self._reads = reads
        self._prefix = prefix

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if self._prefix == "ctx." and name == "api":
            return Reading(value, self._reads, "api.")  # `ctx.api.x` is read as `api.x`
        self._reads[self._prefix + name] = value
        return value


class ContextTable(Mapping[str, Any]):
    """This run's `ctx.<name>` and `api.<name>` attributes by those names, read on demand,
    and `others`' entries by theirs (keys without a dot: class names): what `RenderMemo.get`
    compares the reads a `Reading` (and a `Recorded`) noted with."""

    def __init__(self, ctx: RenderContext, others: Mapping[str, Any] | None = None) -> None:
        self._targets = {"ctx": ctx, "api": ctx.api}
        self._others = others or {}

    def __getitem__(self, key: str) -> Any:
        owner, dot, name = key.partition(".")
        if not dot:
            return self._others[key]
        try:
            return getattr(self._targets[owner], name)
        except (KeyError, AttributeError):
            raise KeyError(key) from None

    def get(self, key: str, default: Any = None) -> Any:
        if "." not in key:  # the common case (a class a models module looked up): no detour
            return self._others.get(key, default)
        try:
            return self[key]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[str]:
        raise TypeError("iterating would read every attribute: look them up by name")

    def __len__(self) -> int:
        return len(self._targets) + len(self._others)


def render_recorded(ctx: RenderContext, template: str, reads: dict[str, Any], **extra: Any) -> str:
    """`ctx.render(template, **extra)`, noting in `reads` every `ctx` and `api` attribute the
    template reads (see `Reading`)."""
    return ctx.env.get_template(template).render(
        ctx=Reading(ctx, reads, "ctx."), api=Reading(ctx.api, reads, "api."), **extra
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
    # Flat, so that `Equal` pairs the inputs' objects (it looks one level into a tuple).
    key = (template, *inputs) if type(inputs) is tuple else (template, inputs)
    kept = memo.get(path, key, ContextTable(ctx))
    if kept is None:
        reads: dict[str, Any] = {}
        kept = render_recorded(ctx, template, reads, **extra())
        memo.put(path, key, reads, kept)
    return str(kept)


def templates_fingerprint(folders: tuple[Path, ...]) -> str:
    """Every template file's path, size and modification time: an edited template (the
    user's or, in a checkout, a built-in one) invalidates what was rendered with it."""
    parts = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest("\n".join(parts))
