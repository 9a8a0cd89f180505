"""What the mock answers, independent of FastAPI and of the generated package.

Stateless: every operation answers its documented success (`stateless.py`). Stateful:
operations are read as resource roles from the paths and schemas (create on a collection, list
with paging, patch and cancel on an item), and answered from an in-memory store. How
operations are read as roles is `roles.py`; how request data lands on a resource,
`reshape.py`.
"""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from generator.ir.model import Api, Operation
from generator.mock import filter as odata
from generator.mock.replies import MockError, MockReply, change_error, invalid
from generator.mock.reshape import adapt, counterpart
from generator.mock.roles import Role, Wrapper, read_roles, singular, unwrap, wrap
from generator.mock.state import (
    ID_PROPERTIES,
    ChangeError,
    Lifecycle,
    ResourceStore,
    TokenError,
    accessors,
    page,
    state_property,
)
from generator.mock.stateless import StatelessAnswers
from generator.server_runtime._http import split_key
from generator.server_runtime._params import put_path
from generator.values.schema import Schemas
from generator.values.synth import random_id

FILTER_PARAMS = ("$filter", "filter")
SIZE_PARAMS = ("$top", "top", "limit", "pagesize", "page_size", "maxresults", "max_results")
TOKEN_PARAMS = ("continuationtoken", "continuation_token", "cursor", "nexttoken", "pagetoken")
_DEFAULT_PAGE_SIZE = 100


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class MockEngine:
    """Answers for every operation of one API. Holds the stores of one mock app (not global)."""

    def __init__(
        self,
        api: Api,
        *,
        stateful: bool = False,
        seed: int = 0,
        data: tuple[dict[str, Any], ...] = (),
        minimal: bool = False,
    ) -> None:
        self.api = api
        self.schemas = Schemas(api.models_document)
        self.stateful = stateful
        self.rng = random.Random(seed)
        self.answers = StatelessAnswers(self.schemas, self.rng, minimal)
        self.operations = {op.operation_id: op for op in api.operations}
        self.roles: dict[str, Role] = {}
        self.resource_schemas: dict[str, dict[str, Any]] = {}
        self.stores: dict[str, ResourceStore] = {}
        self.lifecycles: dict[str, tuple[str, Lifecycle]] = {}
        self.id_properties: dict[str, str] = {}
        if stateful:
            resources = read_roles(api, self.schemas)
            self.roles, self.resource_schemas = resources.roles, resources.schemas
            self.id_properties = resources.id_properties
            self._seed(data)

    # -- entry point ---------------------------------------------------------------------------

    def call(self, operation_id: str, arguments: Mapping[str, Any]) -> MockReply:
        op = self.operations[operation_id]
        role = self.roles.get(operation_id)
        if role is None:
            return self.answers.example_reply(op)
        handler = getattr(self, f"_{role.kind}")
        reply: MockReply = handler(op, role, arguments)
        return reply

    # -- reading the API as resources ------------------------------------------------------------

    def _seed(self, data: tuple[dict[str, Any], ...]) -> None:
        """Stores filled with the resources the spec's examples show, then `data`."""
        for key, schema in self.resource_schemas.items():
            self.stores[key] = ResourceStore(self.id_properties[key])
            state = state_property(self.schemas, schema)
            if state is not None:
                self.lifecycles[key] = (state[0], Lifecycle(state[1]))
        for op in self.api.operations:
            role = self.roles.get(op.operation_id)
            success = op.success
            if role is None or success is None or role.response is None:
                continue
            for _, example in success.examples:
                for resource in unwrap(example, role.response):
                    self._remember(role.resource, resource)
        for resource in data:
            matched = [
                key
                for key, schema in self.resource_schemas.items()
                if self.schemas.is_valid(resource, schema)
            ]
            if not matched:
                raise ValueError(
                    "a --data resource matches no resource schema of this API: "
                    + "; ".join(
                        self.schemas.errors(resource, next(iter(self.resource_schemas.values())))
                        if self.resource_schemas
                        else ["the API has no stateful resources"]
                    )[:300]
                )
            self.stores[matched[0]].put(copy.deepcopy(resource))

    def _remember(self, key: str, resource: Any) -> None:
        store = self.stores[key]
        if (
            isinstance(resource, dict)
            and store.id_property in resource
            and store.get(str(resource[store.id_property])) is None
            and self.schemas.is_valid(resource, self.resource_schemas[key])
        ):
            store.put(copy.deepcopy(resource))

    # -- stateful roles ------------------------------------------------------------------------

    def _create(self, op: Operation, role: Role, arguments: Mapping[str, Any]) -> MockReply:
        body = _json(arguments.get("body"))
        # A body without the resources where the role expects them (optional, or shaped
        # otherwise) still creates one, from the schema alone.
        requested = (unwrap(body, role.request) if role.request else [body]) or [{}]
        created = [self._new_resource(op, role, item) for item in requested]
        store = self.stores[role.resource]
        for resource in created:
            store.put(resource)
        assert role.response is not None
        viewed = self._viewed(role, created)
        payload = viewed if role.response.many else viewed[0]
        return self._reply(op, self._wrap(op, payload, role.response))

    def _list(self, op: Operation, role: Role, arguments: Mapping[str, Any]) -> MockReply:
        wire = {p.python_name: p.wire_name for p in op.parameters if p.location == "query"}
        values = {wire[name]: value for name, value in arguments.items() if name in wire}
        schema = self.resource_schemas[role.resource]
        items = self.stores[role.resource].all()
        filter_name = _pick(values, FILTER_PARAMS)
        if filter_name and values[filter_name]:
            items = self._filtered(items, str(values[filter_name]), filter_name, schema)
        props = self.schemas.properties(schema)
        for name, value in values.items():
            if name in props and value is not None:  # ?state=active style equality filters
                items = [r for r in items if _equals(r.get(name), _plain(value))]
        size_name = _pick(values, SIZE_PARAMS)
        size = values[size_name] if size_name and values[size_name] else _DEFAULT_PAGE_SIZE
        token_name = _pick(values, TOKEN_PARAMS) or (
            op.pagination.cursor_param
            if op.pagination and op.pagination.style == "cursor"
            else None
        )
        token = values.get(token_name) if token_name else None
        try:
            chunk, next_token = page(items, int(size), str(token) if token else None)
        except TokenError as exc:
            raise invalid(str(exc), token_name or "continuationToken") from None
        assert role.response is not None
        body = self._wrap(op, self._viewed(role, chunk), role.response)
        paging = op.pagination
        # only the styles whose next page is a marker in the body (the others need no marker)
        if next_token is not None and paging and paging.style in ("next-link", "cursor"):
            assert paging.next is not None
            if paging.style == "cursor":
                marker = next_token
            else:
                path, declared = split_key(op.path)
                query = {**dict(declared)}
                query.update({k: _plain(v) for k, v in values.items() if v is not None})
                query[token_name or "continuationToken"] = next_token
                marker = f"{path}?{urlencode(query)}"
            put_path(body, paging.next.split("."), marker)
        return self._reply(op, body)

    def _get(self, op: Operation, role: Role, arguments: Mapping[str, Any]) -> MockReply:
        return self._reply(op, self._wrapped(op, role, self._find(role, arguments)))

    def _update(self, op: Operation, role: Role, arguments: Mapping[str, Any]) -> MockReply:
        resource = copy.deepcopy(self._find(role, arguments))
        body = _json(arguments.get("body"))
        patch = (unwrap(body, role.request)[:1] or [{}])[0] if role.request else body or {}
        if not isinstance(patch, dict):
            raise invalid("The request body must be an object.", "body")
        lifecycle = self.lifecycles.get(role.resource)
        state_name = lifecycle[0] if lifecycle else ""
        changes = {k: v for k, v in patch.items() if k != state_name and v is not None}
        try:
            if changes and lifecycle and resource.get(state_name) != lifecycle[1].initial:
                raise ChangeError("Cannot modify a job that has been submitted.")
            self._overlay(role.resource, resource, changes)
            if lifecycle and patch.get(state_name) is not None:
                resource[state_name] = lifecycle[1].change(
                    str(resource.get(state_name)), str(patch[state_name])
                )
        except ChangeError as exc:
            raise change_error(str(exc)) from None
        self._touch(role.resource, resource)
        self.stores[role.resource].put(resource)
        return self._reply(op, self._wrapped(op, role, resource))

    def _cancel(self, op: Operation, role: Role, arguments: Mapping[str, Any]) -> MockReply:
        resource = copy.deepcopy(self._find(role, arguments))
        state_name, lifecycle = self.lifecycles[role.resource]
        try:
            resource[state_name] = lifecycle.cancel(str(resource.get(state_name)))
        except ChangeError as exc:
            raise change_error(str(exc)) from None
        self._touch(role.resource, resource)
        self.stores[role.resource].put(resource)
        return self._reply(op, self._wrapped(op, role, resource))

    def _delete(self, op: Operation, role: Role, arguments: Mapping[str, Any]) -> MockReply:
        resource = self._find(role, arguments)
        store = self.stores[role.resource]
        store.resources.pop(str(resource[store.id_property]), None)
        if role.response is None:  # the answer does not carry the resource (`{"data": {}}`)
            return self.answers.example_reply(op)
        return self._reply(op, self._wrapped(op, role, resource))

    # -- helpers -------------------------------------------------------------------------------

    def _find(self, role: Role, arguments: Mapping[str, Any]) -> dict[str, Any]:
        resource_id = str(arguments.get(role.id_param or "", ""))
        found = self.stores[role.resource].get(resource_id)
        if found is None:
            noun = self._noun(role)
            raise MockError(
                404,
                f"Requested {noun.lower()} is not available.",
                code=f"{noun}NotFound",
            )
        return found

    def _noun(self, role: Role) -> str:
        """The resource's name for messages: its schema's without a view suffix (Asana's
        `TaskResponse` is a Task) when that names the collection, else the collection's
        (Hetzner's `GetServersIdResponseServer` is a Server)."""
        key = role.resource
        ref = json.loads(key).get("$ref", "") if key.startswith("{") else ""
        name = str(ref).rsplit("/", 1)[-1]
        name = re.sub(r"(?<=[a-z0-9])(Response|Compact|Resource|Object|Model|Dto)$", "", name)
        noun = singular(role.collection)
        if not name or (noun and name.lower() != noun.replace("_", "").replace("-", "")):
            name = "".join(w[:1].upper() + w[1:] for w in re.split(r"[_\-]", noun)) or name
        return (name[:1].upper() + name[1:]) or "Resource"

    def _wrapped(self, op: Operation, role: Role, resource: dict[str, Any]) -> Any:
        assert role.response is not None
        viewed = self._viewed(role, [resource])
        return self._wrap(op, viewed if role.response.many else viewed[0], role.response)

    def _viewed(self, role: Role, resources: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The resources as this operation shows them: Asana's list answers a compact task
        (the properties its schema documents), its get the full one."""
        if not role.shape or role.shape == role.resource:
            return resources
        shape = json.loads(role.shape)
        props = self.schemas.properties(shape)
        if not props:
            return resources
        # What this view documents and the store lacks (Adyen's create answers an API
        # credential with its `apiKey`, which the get does not show) is filled in.
        made = self.answers.synthesized(shape)
        around = made if isinstance(made, dict) else {}
        # A stored value this view types otherwise (Discourse's create answers a post whose
        # `actions_summary` items are narrower than the get's) keeps the view's own value, so
        # the answer stays valid and still carries every stored value the view can show.
        return [
            {
                **around,
                **{
                    k: v
                    for k, v in r.items()
                    if k in props and (k not in around or self.schemas.is_valid(v, props[k]))
                },
            }
            for r in resources
        ]

    def _wrap(self, op: Operation, payload: Any, wrapper: Wrapper) -> Any:
        """`payload` placed where the response keeps its resources, inside the stateless
        answer, so the properties around it (`ok`, `has_more`, ...) are there too."""
        base = self.answers.example_reply(op).body if wrapper.path else None
        if not isinstance(base, dict):
            return wrap(payload, wrapper)
        put_path(base, list(wrapper.path), payload)
        return base

    def _reply(self, op: Operation, body: Any) -> MockReply:
        success = op.success
        status = success.status_code if success and success.status_code else 200
        if success is not None and success.schema is not None:
            problems = self.schemas.errors(body, success.schema)
            if problems:  # never answer outside the contract: fall back to the example
                return self.answers.example_reply(op)
        return MockReply(status, body)

    def _new_resource(self, op: Operation, role: Role, request: Any) -> dict[str, Any]:
        schema = self.resource_schemas[role.resource]
        base = self._base_resource(op, role)
        resource = copy.deepcopy(base)
        store = self.stores[role.resource]
        given = request if isinstance(request, dict) else {}
        self._overlay(role.resource, resource, given)
        prop_schema = self.schemas.property_schema(schema, store.id_property)
        if store.id_property not in given or store.get(str(given[store.id_property])):
            resource[store.id_property] = self._fresh_id(store, prop_schema)
        lifecycle = self.lifecycles.get(role.resource)
        if lifecycle:
            resource[lifecycle[0]] = lifecycle[1].initial
        self._touch(role.resource, resource, created=True)
        if not self.schemas.is_valid(resource, schema):
            resource = self._repair(resource, base, schema)
        if resource.get(store.id_property) is None:  # the store keys resources by it
            resource[store.id_property] = self._fresh_id(store, prop_schema)
        return resource

    def _fresh_id(self, store: ResourceStore, schema: Any) -> Any:
        """An id no stored resource has: a GUID for a string id, the next number for a
        numeric one (GitHub's ids are integers)."""
        if self.schemas.primitive_type(schema) in ("integer", "number"):
            taken = [int(key) for key in store.resources if key.lstrip("-").isdigit()]
            return max(taken, default=0) + 1
        return random_id(self.rng)

    def _base_resource(self, op: Operation, role: Role) -> dict[str, Any]:
        schema = self.resource_schemas[role.resource]
        if op.success is not None and role.response is not None:
            for _, example in op.success.examples:
                for resource in unwrap(example, role.response):
                    if isinstance(resource, dict) and self.schemas.is_valid(resource, schema):
                        return dict(resource)
        made = self.answers.synthesized(schema)
        # None: built from the request alone; `_reply` falls back if that is not enough.
        return made if isinstance(made, dict) else {}

    def _repair(
        self, resource: dict[str, Any], base: dict[str, Any], schema: Any
    ) -> dict[str, Any]:
        """Drop (or restore from the base) whatever property makes the resource invalid."""
        required = set(self.schemas.required(schema))
        for name in list(resource):
            if self.schemas.is_valid(resource, schema):
                break
            candidate = dict(resource)
            if name in required:
                candidate[name] = base.get(name)
            else:
                candidate.pop(name)
            if len(self.schemas.errors(candidate, schema)) < len(
                self.schemas.errors(resource, schema)
            ):
                resource = candidate
        return resource

    def _overlay(self, key: str, resource: dict[str, Any], given: Mapping[str, Any]) -> None:
        """Copy request properties onto the resource where the resource schema takes them
        (`settings` → `jobSettings`, `costEstimationParameters` → `costEstimation`)."""
        schema = self.resource_schemas[key]
        props = self.schemas.properties(schema)
        for name, value in given.items():
            target = counterpart(name, props)
            if target is None:
                continue
            prop_schema = props[target]
            adapted = adapt(self.schemas, value, prop_schema, self.rng)
            if self.schemas.is_valid(adapted, prop_schema):
                resource[target] = adapted

    def _touch(self, key: str, resource: dict[str, Any], *, created: bool = False) -> None:
        """Set the timestamps the schema has: created (on creation) and last modified."""
        props = self.schemas.properties(self.resource_schemas[key])
        now = _now()
        for name, sub in props.items():
            lowered = name.lower()
            is_created = lowered.startswith("created")
            is_modified = lowered.startswith(("lastmodified", "lastupdated", "modified", "updated"))
            if not (is_modified or (created and is_created)):
                continue
            kind = self.schemas.primitive_type(sub)
            if kind == "string" and self.schemas.format(sub) == "date-time":
                resource[name] = now.isoformat().replace("+00:00", "Z")
            elif kind == "integer":
                resource[name] = int(now.timestamp() * 1000)

    def _filtered(
        self, items: list[dict[str, Any]], text: str, param: str, schema: Any
    ) -> list[dict[str, Any]]:
        try:
            tree = odata.parse(text)
        except odata.FilterError as exc:
            raise invalid(f"Invalid {param}: {exc}.", param) from None
        try:
            access = accessors(self.schemas, schema, set(odata.names(tree)))
        except KeyError as exc:
            raise invalid(
                f"Invalid {param}: {exc.args[0]!r} is not a property that can be filtered on.",
                param,
            ) from None
        return [r for r in items if odata.evaluate(tree, r, access)]


def _equals(stored: Any, wanted: Any) -> bool:
    """`?parent=123` against a stored value: the value itself, or the id of the object it is
    (Asana keeps `parent` as `{"gid": "123", ...}`)."""
    if isinstance(stored, dict):
        stored = next((stored[k] for k in ID_PROPERTIES if k in stored), stored)
    return str(stored) == str(wanted)


def _pick(values: Mapping[str, Any], candidates: tuple[str, ...]) -> str | None:
    return next((name for name in values if name.lower() in candidates), None)


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


def _json(value: Any) -> Any:
    """A request body (a pydantic model, or plain data) as JSON-like data with wire names."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return value
