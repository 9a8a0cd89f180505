"""The mutable values an IR value holds (the dicts and lists of schemas, defaults, examples),
found from the dataclasses' own fields and type hints, never from a hand-kept list.

The IR is frozen dataclasses, tuples and scalars, except for JSON values (`dict[str, Any]`,
`Any`): those can be changed after the IR was built (sanitising pops defaults from the
schemas it reads). A cache that reuses IR values across runs (`warm`) must check that these
still have the bytes they had: `mutable_parts` lists them, in field order. Which fields to
visit is derived per class from its type hints (a field that can hold a dict, a list, `Any`,
or a dataclass that can), so a field added to an IR class is visited without anyone having
to remember it.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

# Types whose values cannot change once made (what a field of only these never holds mutable).
_IMMUTABLE = (str, int, float, bool, bytes, type(None))
_SCALARS = frozenset(_IMMUTABLE)
_CONTAINERS = (tuple, frozenset, typing.Union, types.UnionType)

# dataclass → the names of its fields that can hold a mutable value
_PLANS: dict[type, tuple[str, ...]] = {}


def mutable_parts(value: Any) -> list[Any]:
    """Every mutable value (dict, list, or another non-IR object) `value` holds, depth first
    in field order: what must be unchanged for `value` to be what it was when made."""
    found: list[Any] = []
    _collect(value, found)
    return found


def plan(cls: type) -> tuple[str, ...]:
    """The fields of the dataclass `cls` that `mutable_parts` visits."""
    if cls not in _PLANS:
        _analyse(cls)
    return _PLANS[cls]


def _collect(value: Any, found: list[Any]) -> None:
    # The commonest cases first, inline (a warm rebuild of GitHub's spec walks ~28,000
    # values twice): a dict or list, a scalar, a tuple, a dataclass already planned.
    cls = type(value)
    if cls is dict or cls is list:
        found.append(value)
    elif cls in _SCALARS:
        return
    elif cls is tuple:
        for item in value:
            _collect(item, found)
    else:
        names = _PLANS.get(cls)
        if names is None:
            _collect_other(value, found)
            return
        for name in names:
            item = getattr(value, name)
            kind = type(item)
            if kind is dict or kind is list:
                found.append(item)
            elif kind not in _SCALARS:
                _collect(item, found)


def _collect_other(value: Any, found: list[Any]) -> None:
    if isinstance(value, _IMMUTABLE):
        return
    if isinstance(value, tuple | frozenset):
        for item in value:
            _collect(item, found)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        plan(type(value))  # planned from now on
        _collect(value, found)
    else:
        found.append(value)


def _analyse(root: type) -> None:
    """Plans for `root` and every dataclass its fields name: a fixed point over the graph of
    field types, since IR types refer to themselves (`RequestBody.alternatives`, `ListOf`)."""
    hints: dict[type, dict[str, Any]] = {}
    pending = [root]
    while pending:
        cls = pending.pop()
        if cls in hints or cls in _PLANS:
            continue
        resolved = typing.get_type_hints(cls)
        hints[cls] = {f.name: resolved[f.name] for f in dataclasses.fields(cls)}
        pending.extend(t for h in hints[cls].values() for t in _named_dataclasses(h))
    holds = {cls: bool(p) for cls, p in _PLANS.items()} | dict.fromkeys(hints, False)
    changed = True
    while changed:
        changed = False
        for cls, fields in hints.items():
            if not holds[cls] and any(_may_hold(h, holds) for h in fields.values()):
                holds[cls] = changed = True
    for cls, fields in hints.items():
        _PLANS[cls] = tuple(name for name, h in fields.items() if _may_hold(h, holds))


def _named_dataclasses(hint: Any) -> list[type]:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return [hint]
    return [t for arg in typing.get_args(hint) for t in _named_dataclasses(arg)]


def _may_hold(hint: Any, holds: dict[type, bool]) -> bool:
    """Whether a field declared `hint` can hold a mutable value (unknown: it can)."""
    if hint is Ellipsis or (isinstance(hint, type) and issubclass(hint, _IMMUTABLE)):
        return False
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return holds[hint]
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return False
    if origin in _CONTAINERS:
        return any(_may_hold(arg, holds) for arg in typing.get_args(hint))
    return True
