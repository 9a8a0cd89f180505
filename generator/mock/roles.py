"""Reading an API as resources (for the stateful mock): which operation creates, lists, gets,
updates, cancels or deletes which resource, and where the resource sits in its bodies."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from generator.ir.model import Api, Operation
from generator.mock.state import Lifecycle, id_property, state_property
from generator.server_runtime._http import split_key
from generator.values.schema import Schemas

_ITEM_PATH = re.compile(r"^(?P<collection>.+)/\{(?P<param>[^/{}]+)\}$")
# `/posts.json` and `/posts/{id}.json` (Discourse, Rails) are the collection and item of posts.
_FORMAT_SUFFIX = re.compile(r"\.(json|xml|ya?ml)$", re.IGNORECASE)


def resource_path(path: str) -> str:
    """An operation's path as a resource path: no query key, no format suffix."""
    return _FORMAT_SUFFIX.sub("", split_key(path)[0])


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
    collection: str = ""  # the collection path (an item path without its last `/{param}`)
    shape: str = ""  # key of the schema this operation's own bodies use for the resource


@dataclass(frozen=True)
class Resources:
    """An API read as resources: the role of each operation (by operation id), the schema of
    each store and the property that identifies its resources (by store key)."""

    roles: dict[str, Role]
    schemas: dict[str, dict[str, Any]]
    id_properties: dict[str, str]


# A POST to `/tasks/{gid}/addFollowers` acts on a task; it does not create one.
_ACTION = re.compile(
    r"^(add|remove|set|insert|duplicate|move|reorder|cancel|approve|reject|archive|"
    r"unarchive|send|run|start|stop|reset|close|reopen)([A-Z_\-]|$)"
)
# Which role's schema is the store's when a resource has several (Asana's list answers a
# compact task, its get a full one): the fullest view first.
_VIEW_ORDER = ("get", "create", "update", "cancel", "delete", "list")


def read_roles(api: Api, schemas: Schemas) -> Resources:
    """The role of every operation that has one, and the stores they share: operations on
    one collection path, or answering one resource schema, use one store."""
    item_params: dict[str, str] = {}
    for op in api.operations:
        item = _ITEM_PATH.match(resource_path(op.path))
        if item:
            item_params.setdefault(item["collection"], item["param"])
    reader = _RoleReader(schemas, item_params)
    found: dict[str, Role] = {}
    for op in api.operations:
        role = reader.role(op)
        if role is not None:
            found[op.operation_id] = role
    return _stores(found, reader.resource_schemas, schemas, item_params)


def _stores(
    found: dict[str, Role],
    shapes: dict[str, dict[str, Any]],
    schemas: Schemas,
    item_params: dict[str, str],
) -> Resources:
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for role in found.values():
        # One schema on two paths is one resource (`/projects/{gid}/tasks` lists the tasks of
        # `/tasks`), unless the schema is only an id (Apideck's creates all answer `{id}`).
        if role.shape and len(schemas.properties(shapes[role.shape])) > 2:
            parent[root("c:" + role.collection)] = root("s:" + role.shape)
        root("c:" + role.collection)
    members: dict[str, list[Role]] = {}
    for role in found.values():
        members.setdefault(root("c:" + role.collection), []).append(role)
    roles: dict[str, Role] = {}
    stores: dict[str, dict[str, Any]] = {}
    ids: dict[str, str] = {}
    for group in members.values():
        viewed = sorted((r for r in group if r.shape), key=lambda r: _VIEW_ORDER.index(r.kind))
        if not viewed:
            continue  # only answers without the resource (a bare DELETE): nothing to store
        key = viewed[0].shape
        hint = next((item_params[r.collection] for r in group if r.collection in item_params), None)
        prop = id_property(schemas, shapes[key], hint)
        if prop is None:
            continue
        stores[key], ids[key] = shapes[key], prop
        for role in group:
            roles[_operation_of(found, role)] = replace(role, resource=key)
    return Resources(roles, stores, ids)


def _operation_of(found: dict[str, Role], role: Role) -> str:
    return next(op_id for op_id, r in found.items() if r is role)


@dataclass
class _RoleReader:
    schemas: Schemas
    item_params: dict[str, str]  # collection path → its item path's parameter (wire name)
    resource_schemas: dict[str, dict[str, Any]] = field(default_factory=dict)

    def role(self, op: Operation) -> Role | None:
        path = resource_path(op.path)
        item = _ITEM_PATH.match(path)
        collection = item["collection"] if item else path
        hint = self.item_params.get(collection)
        success = op.success
        found = None
        if success is not None and success.schema is not None:
            found = self._wrapper(success.schema, hint, singular(collection))
        if found is None:
            if item and op.method == "DELETE":  # `{"data": {}}` or no body: still a delete
                param = self._param(op, item["param"])
                return Role("delete", "", None, None, param, collection) if param else None
            return None
        wrapper, resource_schema = found
        key = json.dumps(resource_schema, sort_keys=True)
        if id_property(self.schemas, resource_schema, hint) is None:
            return None
        self.resource_schemas.setdefault(key, resource_schema)
        if item:
            param = self._param(op, item["param"])
            kinds = {"GET": "get", "PATCH": "update", "PUT": "update", "DELETE": "cancel"}
            kind = kinds.get(op.method)
            if kind is None or param is None:
                return None
            if kind == "cancel" and not self._cancellable(resource_schema):
                kind = "delete"
            request = self._request_wrapper(op)
            return Role(kind, key, wrapper, request, param, collection, key)
        last = path.rstrip("/").rsplit("/", 1)[-1]
        if op.method == "POST" and op.body is not None and not _ACTION.match(last):
            return Role("create", key, wrapper, self._request_wrapper(op), None, collection, key)
        if op.method == "GET" and wrapper.many:
            return Role("list", key, wrapper, None, None, collection, key)
        return None

    def _param(self, op: Operation, wire: str) -> str | None:
        return next((p.python_name for p in op.params_in("path") if p.wire_name == wire), None)

    def _cancellable(self, resource_schema: dict[str, Any]) -> bool:
        found = state_property(self.schemas, resource_schema)
        return found is not None and Lifecycle(found[1]).cancel_target is not None

    def _wrapper(
        self, schema: Any, hint: str | None, noun: str = ""
    ) -> tuple[Wrapper, dict[str, Any]] | None:
        """The resource schema inside a response (or request) schema, and where it sits."""
        if self.schemas.primitive_type(schema) == "array":  # a bare list (Netlify's sites)
            items = self.schemas.resolve(schema).get("items", {})
            if self.schemas.primitive_type(items) == "object":
                return Wrapper((), many=True), canonical(items)
            return None
        props = self.schemas.properties(schema)
        if id_property(self.schemas, schema, hint) is not None and len(props) > 2:
            return Wrapper((), many=False), canonical(schema)
        for name in _envelope_keys(props, noun):
            # `{"server": {...}, "action": {...}}` (Hetzner), `{"status": 200, "data": {...}}`
            # (Apideck): the property named after the resource, or `data`, holds it.
            sub = props[name]
            if self.schemas.primitive_type(sub) == "array":
                items = self.schemas.resolve(sub).get("items", {})
                if id_property(self.schemas, items, hint) is not None:
                    return Wrapper((name,), many=True), canonical(items)
            elif id_property(self.schemas, sub, hint) is not None:
                return Wrapper((name,), many=False), canonical(sub)
        for name, sub in props.items():
            kind = self.schemas.primitive_type(sub)
            if kind == "array":
                items = self.schemas.resolve(sub).get("items", {})
                if self.schemas.primitive_type(items) == "object":
                    return Wrapper((name,), many=True), canonical(items)
            elif kind == "object" and len(props) == 1:
                inner = self._wrapper(sub, hint, noun)
                if inner is not None and not inner[0].many:
                    return Wrapper((name, *inner[0].path), many=False), inner[1]
        return None

    def _request_wrapper(self, op: Operation) -> Wrapper | None:
        if op.body is None or op.body.schema is None:
            return None
        props = self.schemas.properties(op.body.schema)
        for name, sub in props.items():
            kind = self.schemas.primitive_type(sub)
            if kind == "array" and len(props) == 1:
                return Wrapper((name,), many=True)
            if kind == "object" and len(props) == 1:  # Asana's `{"data": {...}}`
                return Wrapper((name,), many=False)
        return Wrapper((), many=False)


def singular(collection: str) -> str:
    """The resource noun of a collection path: `/v1/ssh_keys` → `ssh_key`, `/tasks` → `task`."""
    words = [w for w in collection.split("/") if w and not w.startswith("{")]
    word = words[-1].lower() if words else ""
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "uses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us")) else word


def _envelope_keys(props: dict[str, Any], noun: str) -> list[str]:
    squashed = noun.replace("_", "").replace("-", "")
    named = [
        name
        for name in props
        if squashed and name.lower().replace("_", "").replace("-", "") in (squashed, squashed + "s")
    ]
    return named + [name for name in ("data", "result", "item") if name in props]


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
