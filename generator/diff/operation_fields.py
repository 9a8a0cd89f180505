"""Deltas of single fields of an operation, for `operations.DocumentDiff`: server variables,
parameter serialisation (style and explode), `x-sunset` and `operationId`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from generator.diff import rules as area
from generator.diff.facts import Delta, Details
from generator.diff.nodes import Node, as_map, strings_in

TEMPLATE_VARIABLE = re.compile(r"\{[^}/]*\}")
_DEFAULT_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}


def server_variables(label: str | None, here: str, old: Node, new: Node) -> Iterator[Delta]:
    url = str(new.get("url"))
    old_vars = _variables_by_slot(old)
    new_vars = _variables_by_slot(new)
    for slot in sorted(old_vars.keys() & new_vars.keys()):
        (_, before), (name, after) = old_vars[slot], new_vars[slot]
        base = (("url", url), ("name", name))
        old_enum, new_enum = strings_in(before.get("enum")), strings_in(after.get("enum"))
        if old_enum and new_enum:
            for value in sorted(old_enum - new_enum):
                details: Details = (*base, ("value", value))
                yield Delta(
                    area.SERVER, "variable-enum-value-removed", label, here, details=details
                )
            for value in sorted(new_enum - old_enum):
                details = (*base, ("value", value))
                yield Delta(area.SERVER, "variable-enum-value-added", label, here, details=details)
        if before.get("default") != after.get("default"):
            details = (
                *base,
                ("old", str(before.get("default"))),
                ("new", str(after.get("default"))),
            )
            yield Delta(area.SERVER, "variable-default-changed", label, here, details=details)


def _variables_by_slot(server: Node) -> dict[int, tuple[str, dict[str, Any]]]:
    variables = server.mapping("variables")
    names = [m.group()[1:-1] for m in TEMPLATE_VARIABLE.finditer(str(server.get("url", "")))]
    return {i: (name, as_map(variables.get(name))) for i, name in enumerate(names)}


def serialisation(
    label: str, location: str, where: str, place: str, old: Node, new: Node
) -> Iterator[Delta]:
    default_style = _DEFAULT_STYLE.get(place, "simple")
    old_style = str(old.get("style", default_style))
    new_style = str(new.get("style", default_style))
    if old_style != new_style:
        details: Details = (("old", old_style), ("new", new_style))
        yield Delta(area.PARAMETER, "style-changed", label, location, where, details)
    old_explode = old.get("explode", old_style == "form") is True
    new_explode = new.get("explode", new_style == "form") is True
    if old_explode != new_explode:
        details = (("old", str(old_explode).lower()), ("new", str(new_explode).lower()))
        yield Delta(area.PARAMETER, "explode-changed", label, location, where, details)


def sunset(label: str, here: str, old: Any, new: Any) -> Iterator[Delta]:
    before = "" if old is None or not is_date(old) else str(old)[:10]
    after = "" if new is None else str(new)[:10]
    if new is not None and not is_date(new):
        if str(new) != str(old):
            yield Delta(area.OPERATION, "sunset-invalid", label, here, details=(("new", str(new)),))
        return
    if before == after:
        return
    details: Details = (("old", before), ("new", after))
    if not before:
        kind = "sunset-added"
    elif not after:
        kind = "sunset-removed"
    else:
        kind = "sunset-earlier" if after < before else "sunset-later"
    yield Delta(area.OPERATION, kind, label, here, details=details)


def is_date(value: Any) -> bool:
    """An x-sunset must be an ISO date (YAML may already have read it as a date)."""
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return False
    return len(str(value)) == 10 or str(value)[10:11] in ("T", " ")


def operation_id(label: str, here: str, old: Any, new: Any) -> Iterator[Delta]:
    if old == new:
        return
    details: Details = (("old", str(old)), ("new", str(new)))
    if old is None:
        kind = "operation-id-added"
    elif new is None:
        kind = "operation-id-removed"
    else:
        kind = "operation-id-changed"
    yield Delta(area.OPERATION, kind, label, here, details=details)
