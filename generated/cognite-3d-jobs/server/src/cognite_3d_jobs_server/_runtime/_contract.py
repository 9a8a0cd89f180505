# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The contract a generated server keeps, in both directions, exactly as the spec states it.

Requests: a JSON body is validated strictly against the spec's models (`strict_body` in
`_handlers`): no coercion, a ``null`` only where the schema allows one (the models' ``NoNull``),
no property ``additionalProperties: false`` refuses, every ``required`` property present (a
default never stands in for a required property), at any depth and inside every composition.
A ``readOnly`` property a client sends is validated like any other and then dropped: the
implementation sees it unset (`unset_read_only`). OpenAPI says a client SHOULD NOT send one,
not that a server must refuse it, and a read-modify-write by a client that echoes ``id`` back
must keep working.

Responses: what an implementation returns is checked against the type the spec declares for
that status (`ResponseContract`). A body the spec refuses is answered 500 and logged under
``specgen.server`` with the place of each problem; a client never receives it. The check is on
by default (the mock, development) and is turned off with ``create_app(check_responses=False)``
or ``SPECGEN_CHECK_RESPONSES=0`` where its cost matters more than the guarantee.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ._errors import ApiError

__all__ = ["ResponseContract", "checks_responses", "unset_read_only"]

_LOG = logging.getLogger("specgen.server")
_TEMPORAL = frozenset({"datetime_type", "date_type", "time_type", "timedelta_type"})


def checks_responses(setting: bool | None) -> bool:
    """Whether responses are checked: `setting` when given, else ``SPECGEN_CHECK_RESPONSES``
    (on unless it is ``0``, ``false`` or ``no``)."""
    if setting is not None:
        return setting
    value = os.environ.get("SPECGEN_CHECK_RESPONSES", "1").strip().lower()
    return value not in ("0", "false", "no", "off")


def unset_read_only(value: Any) -> Any:
    """`value` (a validated request body) with every ``readOnly`` property a client sent
    reset to its default and marked unset, at any depth; returns `value`."""
    if isinstance(value, BaseModel):
        cls = type(value)
        read_only: frozenset[str] = getattr(cls, "__read_only__", frozenset())
        fields = cls.model_fields
        for name in list(value.model_fields_set):
            if name in read_only and name in fields:
                value.__dict__[name] = fields[name].get_default(call_default_factory=True)
                value.model_fields_set.discard(name)
            else:
                unset_read_only(getattr(value, name, None))
    elif isinstance(value, list | tuple):
        for item in value:
            unset_read_only(item)
    elif isinstance(value, dict):
        for item in value.values():
            unset_read_only(item)
    return value


def strict_errors(adapter: TypeAdapter[Any], raw: bytes | str) -> tuple[Any, list[Any]]:
    """(value, []) when the JSON text `raw` is valid for `adapter` in strict mode, else
    (None, pydantic's errors). Dates and times written as text are the one exception to
    strictness: the models' date-time type takes them through a validator that hands strict
    mode a Python ``str``, which it would refuse even when it is a valid RFC 3339 date-time."""
    try:
        return adapter.validate_json(raw, strict=True, by_alias=True, by_name=False), []
    except ValidationError as exc:
        errors: list[Any] = exc.errors(include_url=False)
    temporal = [e for e in errors if e["type"] in _TEMPORAL and isinstance(e.get("input"), str)]
    if temporal:
        refused: set[tuple[Any, ...]] = set()
        try:
            lax = adapter.validate_json(raw, strict=False, by_alias=True, by_name=False)
        except ValidationError as exc:
            refused = {tuple(e["loc"]) for e in exc.errors(include_url=False)}
        else:
            if len(temporal) == len(errors):  # only dates were refused, and they read
                return lax, []
        # A date the lax reading accepts is no error; everything else is judged strictly.
        errors = [e for e in errors if e not in temporal or tuple(e["loc"]) in refused] or errors
    return None, errors


def _place(loc: tuple[Any, ...]) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    return path or "(body)"


@dataclass
class ResponseContract:
    """The body type the spec declares per status of one operation (keys: status codes,
    ``"2XX"`` ranges, ``"default"``), checked against what the implementation returns. A
    status mapped to None is declared without a checkable body: ``default`` does not apply."""

    operation_id: str
    types: Mapping[int | str, Any]
    _adapters: dict[object, TypeAdapter[Any]] = field(default_factory=dict, repr=False)

    def declared(self, status: int) -> Any | None:
        """The type declared for `status` (exact, then range, then default); None: none."""
        for key in (status, str(status), f"{status // 100}XX", f"{status // 100}xx", "default"):
            if key in self.types:
                return self.types[key]
        return None

    def problems(self, status: int, content: Any) -> list[str]:
        """Where and why `content` (the JSON the server would send) is not what the spec
        declares for `status`; empty when it is, or when nothing is declared."""
        declared = self.declared(status)
        if declared is None:
            return []
        key = id(declared)
        adapter = self._adapters.get(key)
        if adapter is None:
            adapter = self._adapters[key] = TypeAdapter(declared)
        _, errors = strict_errors(adapter, json.dumps(content))
        return [f"{_place(tuple(e['loc']))}: {e['msg']}" for e in errors]

    def check(self, status: int, content: Any) -> None:
        """Raise the 500 answer (after logging every problem) when `content` breaks the spec."""
        problems = self.problems(status, content)
        if not problems:
            return
        _LOG.error(
            "%s returned a %d body the spec refuses (answered 500 instead):\n  %s",
            self.operation_id,
            status,
            "\n  ".join(problems),
        )
        raise ApiError(
            500,
            f"The server's {status} response for {self.operation_id} does not match the API "
            f"specification ({problems[0]}).",
        )
