"""In-memory resources for the stateful mock: a store keyed by the id property, paging tokens,
filter property access and the job lifecycle.

Generic over the resource schema: the id property, the state property and its values are read
from the schema. Only the lifecycle rules are job-specific, as the Bentley docs describe them:
a job is created unsubmitted (or queued), submitted once (`active`), and cancelled while it has
not finished.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.mock.filter import Accessor
from generator.values.schema import Schemas

ID_PROPERTIES = ("id", "gid", "uid", "uuid", "externalId")
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")  # task_gid → task, gid; petId → pet, Id
_ID_LIKE = re.compile(r"(_id|_gid|[a-z0-9]Id|[a-z0-9]ID)$")
STATE_PROPERTIES = ("state", "status")
_FINISHED = ("success", "succeeded", "failed", "cancelled", "canceled", "completed")


class TokenError(ValueError):
    """A continuation token this mock did not issue."""


class ChangeError(ValueError):
    """A change the lifecycle does not allow (answered 422 InvalidChange)."""


@dataclass
class ResourceStore:
    """Resources by id, in creation order. Owned by one mock app; not shared."""

    id_property: str
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)

    def put(self, resource: dict[str, Any]) -> None:
        self.resources[str(resource[self.id_property])] = resource

    def get(self, resource_id: str) -> dict[str, Any] | None:
        found = self.resources.get(resource_id)
        if found is None:  # ids are GUIDs more often than not: compare them without case
            lowered = resource_id.lower()
            found = next((r for k, r in self.resources.items() if k.lower() == lowered), None)
        return found

    def all(self) -> list[dict[str, Any]]:
        return list(self.resources.values())


def encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode().rstrip("=")


def decode_token(token: str) -> int:
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        offset = data["offset"] if isinstance(data, dict) else None
    except (ValueError, binascii.Error, KeyError, UnicodeDecodeError):
        raise TokenError("the continuation token is not one this server issued") from None
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise TokenError("the continuation token is not one this server issued")
    return offset


def page(items: list[Any], size: int, token: str | None) -> tuple[list[Any], str | None]:
    """One page of `items` and the token of the next page (None on the last one)."""
    offset = decode_token(token) if token else 0
    end = offset + size
    return items[offset:end], encode_token(end) if end < len(items) else None


def id_property(schemas: Schemas, resource_schema: Any, param: str | None = None) -> str | None:
    """The property that identifies a resource: `id` (or `gid`, `uuid`, ...); else the one the
    item path's parameter names (`{task_gid}` → `gid` or `task_gid`, `{username}` →
    `username`); else the resource's only `*_id` property. None: the resource has no id."""
    props = schemas.properties(resource_schema)
    found = next((name for name in ID_PROPERTIES if name in props), None)
    if found is not None:
        return found
    squashed = {_squash(name): name for name in props}
    if param:
        words = _WORDS.findall(param)
        for candidate in (param, *(words[-1:] if len(words) > 1 else ())):
            if _squash(candidate) in squashed:
                return squashed[_squash(candidate)]
    id_like = [name for name in props if _ID_LIKE.search(name)]
    return id_like[0] if len(id_like) == 1 else None


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def state_property(schemas: Schemas, resource_schema: Any) -> tuple[str, tuple[str, ...]] | None:
    """The state property and its values, when the resource has an enum-typed one."""
    props = schemas.properties(resource_schema)
    for name in STATE_PROPERTIES:
        if name in props:
            values = tuple(v for v in schemas.enum(props[name]) if isinstance(v, str))
            if values:
                return name, values
    return None


def accessors(
    schemas: Schemas, resource_schema: Any, requested: Iterable[str]
) -> dict[str, Accessor]:
    """How to read each filter property from a resource; KeyError names an unknown one."""
    props = schemas.properties(resource_schema)
    result: dict[str, Accessor] = {}
    for name in requested:
        actual = name if name in props else _case_match(name, props)
        if actual is not None:
            result[name] = _top_level(actual)
            continue
        path = _id_array_path(schemas, resource_schema, name)
        if path is None:
            raise KeyError(name)
        result[name] = _nested_ids(path)
    return result


def _case_match(name: str, props: Mapping[str, Any]) -> str | None:
    return next((p for p in props if p.lower() == name.lower()), None)


def _top_level(name: str) -> Accessor:
    def read(resource: Mapping[str, Any]) -> list[Any]:
        return [resource.get(name)]

    return read


def _id_array_path(schemas: Schemas, schema: Any, name: str) -> tuple[str, ...] | None:
    """For `inputId`: the path to an array named `inputs` whose items have an `id`."""
    if not name.lower().endswith("id") or len(name) <= 2:
        return None
    plural = name[:-2].lower() + "s"
    frontier: list[tuple[tuple[str, ...], Any]] = [((), schema)]
    for _ in range(3):  # breadth first, shallowest match wins
        following = []
        for path, current in frontier:
            for prop, sub in schemas.properties(current).items():
                if prop.lower() == plural and schemas.primitive_type(sub) == "array":
                    items = schemas.resolve(sub).get("items", {})
                    if "id" in schemas.properties(items):
                        return (*path, prop)
                if schemas.primitive_type(sub) == "object":
                    following.append(((*path, prop), sub))
        frontier = following
    return None


def _nested_ids(path: tuple[str, ...]) -> Accessor:
    def read(resource: Mapping[str, Any]) -> list[Any]:
        node: Any = resource
        for key in path:
            node = node.get(key) if isinstance(node, Mapping) else None
        items = node if isinstance(node, list) else []
        return [item.get("id") for item in items if isinstance(item, Mapping)]

    return read


@dataclass(frozen=True)
class Lifecycle:
    """The job state machine over one API's own state names (`active` or `Active`, ...)."""

    states: tuple[str, ...]

    def named(self, *names: str) -> str | None:
        wanted = {n.lower() for n in names}
        return next((s for s in self.states if s.lower() in wanted), None)

    @property
    def initial(self) -> str:
        return self.states[0]

    @property
    def cancel_target(self) -> str | None:
        return self.named("terminatingoncancel", "cancelling", "canceling", "cancelled", "canceled")

    def is_finished(self, state: str) -> bool:
        lowered = state.lower()
        return lowered in _FINISHED or lowered.startswith("terminating")

    def submit(self, state: str) -> str:
        """`state` after a request to start the job."""
        active = self.named("active") or state
        if state != self.initial:
            raise ChangeError("Cannot resubmit an already submitted job.")
        return active

    def cancel(self, state: str, target: str | None = None) -> str:
        """`state` after a request to cancel the job (to `target`, default the API's own)."""
        goal = target or self.cancel_target
        if goal is None:
            raise ChangeError("This job cannot be cancelled.")
        if self.is_finished(state):
            raise ChangeError(f"Cannot cancel a job in state {state!r}.")
        return goal

    def change(self, state: str, requested: str) -> str:
        """`state` after a PATCH asking for `requested`."""
        if requested.lower() == "active":
            return self.submit(state)
        if requested.lower() in ("cancelled", "canceled"):
            return self.cancel(state, requested)
        raise ChangeError(
            f"The state can only be changed to active or cancelled, not {requested!r}."
        )
