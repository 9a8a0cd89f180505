"""Reading an API as resources (for the stateful mock): which operation creates, lists, gets,
updates, cancels or deletes which resource, and where the resource sits in its bodies."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.ir.model import Api, Operation
from generator.mock.state import Lifecycle, id_property, state_property
from generator.server_runtime._http import split_key
from generator.values.schema import Schemas

_ITEM_PATH = re.compile(r"^(?P<collection>.+)/\{(?P<param>[^/{}]+)\}$")


@dataclass(frozen=True)
class Wrapper:
    """Where resources sit in a body: `{"job": {...}}` → ("job",), or a list under a key."""

    path: tuple[str, ...]
    many: bool


@dataclass(frozen=True)
class Role:
    kind: str  # create | list | update | cancel | delete | get
    resource: str  # key of the resource schema (shared by the operations on one store)
    response: Wrapper | None
    request: Wrapper | None = None
    id_param: str | None = None  # the path parameter's Python name (item operations)


def read_roles(api: Api, schemas: Schemas) -> tuple[dict[str, Role], dict[str, dict[str, Any]]]:
    """The role of every operation that has one (by operation id), and the resource schemas
    the roles name (by key)."""
    reader = _RoleReader(schemas)
    roles: dict[str, Role] = {}
    for op in api.operations:
        role = reader.role(op)
        if role is not None:
            roles[op.operation_id] = role
    return roles, reader.resource_schemas


@dataclass
class _RoleReader:
    schemas: Schemas
    resource_schemas: dict[str, dict[str, Any]] = field(default_factory=dict)

    def role(self, op: Operation) -> Role | None:
        success = op.success
        if success is None or success.schema is None:
            return None
        found = self._wrapper(success.schema)
        if found is None:
            return None
        wrapper, resource_schema = found
        key = json.dumps(resource_schema, sort_keys=True)
        if id_property(self.schemas, resource_schema) is None:
            return None
        self.resource_schemas.setdefault(key, resource_schema)
        item = _ITEM_PATH.match(split_key(op.path)[0])
        if item:
            param = next(
                (p.python_name for p in op.params_in("path") if p.wire_name == item["param"]),
                None,
            )
            kinds = {"GET": "get", "PATCH": "update", "PUT": "update", "DELETE": "cancel"}
            kind = kinds.get(op.method)
            if kind is None or param is None:
                return None
            if kind == "cancel" and not self._cancellable(resource_schema):
                kind = "delete"
            return Role(kind, key, wrapper, self._request_wrapper(op), param)
        if op.method == "POST" and op.body is not None:
            return Role("create", key, wrapper, self._request_wrapper(op))
        if op.method == "GET" and wrapper.many:
            return Role("list", key, wrapper)
        return None

    def _cancellable(self, resource_schema: dict[str, Any]) -> bool:
        found = state_property(self.schemas, resource_schema)
        return found is not None and Lifecycle(found[1]).cancel_target is not None

    def _wrapper(self, schema: Any) -> tuple[Wrapper, dict[str, Any]] | None:
        """The resource schema inside a response (or request) schema, and where it sits."""
        props = self.schemas.properties(schema)
        if any(name in props for name in ("id", "externalId")) and len(props) > 2:
            return Wrapper((), many=False), canonical(schema)
        for name, sub in props.items():
            kind = self.schemas.primitive_type(sub)
            if kind == "array":
                items = self.schemas.resolve(sub).get("items", {})
                if self.schemas.primitive_type(items) == "object":
                    return Wrapper((name,), many=True), canonical(items)
            elif kind == "object" and len(props) == 1:
                inner = self._wrapper(sub)
                if inner is not None and not inner[0].many:
                    return Wrapper((name, *inner[0].path), many=False), inner[1]
        return None

    def _request_wrapper(self, op: Operation) -> Wrapper | None:
        if op.body is None or op.body.schema is None:
            return None
        props = self.schemas.properties(op.body.schema)
        for name, sub in props.items():
            if self.schemas.primitive_type(sub) == "array" and len(props) == 1:
                return Wrapper((name,), many=True)
        return Wrapper((), many=False)


def canonical(schema: Any) -> dict[str, Any]:
    """One spelling per resource schema: `{"$ref": ...}` through description-only wrappers."""
    if not isinstance(schema, dict):
        return {}
    parts = schema.get("allOf")
    wrapper_only = set(schema) <= {"allOf", "description", "nullable", "title"}
    if isinstance(parts, list) and len(parts) == 1 and wrapper_only:
        return canonical(parts[0])
    return schema


def unwrap(body: Any, wrapper: Wrapper) -> list[Any]:
    node = body
    for key in wrapper.path:
        node = node.get(key) if isinstance(node, dict) else None
    if wrapper.many:
        return list(node) if isinstance(node, list) else []
    return [node] if node is not None else []


def wrap(payload: Any, wrapper: Wrapper) -> Any:
    for key in reversed(wrapper.path):
        payload = {key: payload}
    return payload
