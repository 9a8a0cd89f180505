"""Stateful sequences: create → read → list → update → delete, and the job lifecycle
(create, submit, poll the state, cancel), inferred from the paths, the responses' `links`
and the ids found in responses.

Resources are paired by path: `POST /pets` creates what `GET /pets/{petId}` reads. Ids come
from the create's response (its `links` first, else an `id`-like property), and every id a
successful response carries is remembered for the item operations of that collection. The
job lifecycle reads roles and states with the stateful mock's role reader
(`generator.mock.roles`, `generator.mock.state`), so the two agree on what a job is.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from generator.ir.model import Api, Operation
from generator.mock.roles import Role, read_roles
from generator.mock.state import Lifecycle, state_property
from generator.values.schema import Schemas
from generator.verify.bounds import STOPS, Settings
from generator.verify.locate import Place, Source, where
from generator.verify.model import Finding, Received, Report, Sent
from generator.verify.plan import NO_BODY, Call, Planner

_ITEM = re.compile(r"^(?P<collection>.*)/\{(?P<param>[^/{}]+)\}$")
_POLLS = 3


@dataclass
class Resource:
    """The operations on one collection of a server, by what they do."""

    collection: str  # the collection's path template: /pets
    param: str = ""  # the item path's parameter: petId
    create: Operation | None = None
    list: Operation | None = None
    read: Operation | None = None
    update: Operation | None = None
    delete: Operation | None = None


class Runner(Protocol):
    """What the sequences need of the run's `runner.Runner`: what it was given, its planner,
    its report, and its way of sending a call and recording what it found. Declared here so
    this module needs nothing from the runner's."""

    observer: Callable[[Call, Any], None] | None  # told of every successful valid call

    api: Api
    schemas: Schemas
    source: Source
    settings: Settings
    planner: Planner
    report: Report
    progress: Callable[[str], None]

    def exchange(
        self, call: Call, expect: str, why: str, where: Place | None = None
    ) -> tuple[Sent, Received, Any]: ...
    def add(self, findings: list[Finding]) -> None: ...


@dataclass
class Sequences:
    runner: Runner
    ids: dict[str, list[Any]] = field(default_factory=dict)  # collection path → ids seen

    def __post_init__(self) -> None:
        self.runner.observer = self.harvest
        self.steps: list[str] = []  # of the sequence under way, for the report
        self.roles: dict[str, Role] = {}
        self.resource_schemas: dict[str, dict[str, Any]] = {}
        try:
            resources = read_roles(self.runner.api, self.runner.schemas)
        except Exception:  # noqa: BLE001 - a spec the role reader cannot read has no jobs
            return
        self.roles, self.resource_schemas = resources.roles, resources.schemas

    # -- ids -------------------------------------------------------------------------------

    def harvest(self, call: Call, body: Any) -> None:
        """Remember the ids a successful response carries, under its collection."""
        op = call.op
        route = _route(op.path)
        item = _ITEM.match(route)
        collection = item["collection"] if item else route
        param = item["param"] if item else _item_param(self.runner.api.operations, route)
        for found in _ids(body, param):
            known = self.ids.setdefault(collection, [])
            if found not in known:
                known.append(found)

    def known_ids(self, op: Operation) -> dict[str, Any]:
        """A known id for each path parameter of `op` (the latest one seen)."""
        known: dict[str, Any] = {}
        path = _route(op.path)
        for param in op.params_in("path"):
            marker = "{" + param.wire_name + "}"
            collection = path.split(marker, 1)[0].rstrip("/")
            ids = self.ids.get(collection)
            if ids:
                known[param.wire_name] = ids[-1]
        return known

    # -- sequences -------------------------------------------------------------------------

    def run(self) -> None:
        for resource in self.resources():
            self.steps = []  # a lone list is no sequence: not reported
            try:
                if resource.list is not None:  # first: it shows what already exists
                    self.runner.progress(f"list {resource.collection}")
                    self._valid(resource.list)
                if resource.create is not None and not self.runner.settings.safe:
                    self.runner.progress(f"lifecycle {resource.collection}")
                    self.lifecycle(resource)
            except STOPS:
                raise
            except Exception as exc:  # noqa: BLE001 - the single-operation checks still run
                self.steps.append(f"stopped: {type(exc).__name__}: {exc}"[:300])

    def resources(self) -> list[Resource]:
        found: dict[str, Resource] = {}
        for op in self.runner.api.operations:
            item = _ITEM.match(_route(op.path))
            if item:
                resource = found.setdefault(item["collection"], Resource(item["collection"]))
                resource.param = item["param"]
                kind = {"GET": "read", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
                if op.method in kind and getattr(resource, kind[op.method]) is None:
                    setattr(resource, kind[op.method], op)
            elif op.method in ("POST", "GET"):
                resource = found.setdefault(_route(op.path), Resource(_route(op.path)))
                if op.method == "POST" and op.body is not None and resource.create is None:
                    resource.create = op
                elif op.method == "GET" and resource.list is None:
                    resource.list = op
        return [found[k] for k in sorted(found)]

    def lifecycle(self, resource: Resource) -> None:
        create = resource.create
        assert create is not None
        self.steps = []
        self.runner.report.sequences.append(self.steps)
        _, received, body = self._valid(create)
        if received is None or not 200 <= received.status < 300:
            return
        new_id = next(iter(_ids(body, resource.param)), None)
        self._follow_links(create, received, body)
        if new_id is None or not resource.param:
            return
        known = {**self.known_ids(create), resource.param: new_id}
        if resource.read is not None:
            self._expect_found(resource.read, known, create)
        if resource.list is not None:
            self._valid(resource.list)
        job = self._job(resource)
        if job is not None and resource.update is not None:
            self._submit(resource, known, job)
        elif resource.update is not None:
            self._valid(resource.update, known)
        if resource.delete is not None:
            self._valid(resource.delete, known)
            if resource.read is not None and job is None:
                self._expect_gone(resource.read, known, resource.delete)
            elif resource.read is not None and job is not None:
                self._poll(resource.read, known, job, cancel=resource.delete)

    # -- the job lifecycle -----------------------------------------------------------------

    def _job(self, resource: Resource) -> tuple[str, Lifecycle] | None:
        """The state property and lifecycle of a job-like resource, else None."""
        for op in (resource.read, resource.update, resource.create, resource.delete):
            role = self.roles.get(op.operation_id) if op else None
            schema = self.resource_schemas.get(role.resource) if role else None
            found = state_property(self.runner.schemas, schema) if schema else None
            if found is not None:
                return found[0], Lifecycle(found[1])
        return None

    def _submit(
        self, resource: Resource, known: dict[str, Any], job: tuple[str, Lifecycle]
    ) -> None:
        update = resource.update
        assert update is not None
        name, lifecycle = job
        active = lifecycle.named("active")
        call = self.runner.planner.valid(update, known)
        if call is None or active is None or update.body is None:
            return
        body = _with_state(call.body, name, active)
        if body is None or not self.runner.schemas.is_valid(body, update.body.schema or {}):
            self._valid(update, known)
            return
        _, received, _ = self.runner.exchange(replace(call, body=body), "valid", "submit the job")
        self.steps.append(
            f"{update.method} {update.path} (submit: {name} {active}) → {received.status}"
        )
        if resource.read is not None:
            self._poll(resource.read, known, job)

    def _poll(
        self,
        read: Operation,
        known: dict[str, Any],
        job: tuple[str, Lifecycle],
        cancel: Operation | None = None,
    ) -> None:
        """Read the job a few times; after `cancel` its state must say so (or it is gone)."""
        name, lifecycle = job
        state = None
        sent = received = None
        for _ in range(_POLLS):
            sent, received, body = self._valid(read, known)
            if received is None or received.status != 200:
                return
            state = _state(body, name)
            self.steps[-1] += f" ({name} {state})"
            if state is None or lifecycle.is_finished(str(state)):
                break
        if cancel is not None and sent and received and state is not None:
            if not (lifecycle.is_finished(str(state)) or str(state) == lifecycle.cancel_target):
                self._finding(cancel, sent, received,
                              f"after {cancel.method} {cancel.path} (the cancel), "
                              f"{read.method} {read.path} says the job's {name} is still "
                              f"{state!r}")  # fmt: skip

    # -- steps -----------------------------------------------------------------------------

    def _valid(
        self, op: Operation, known: dict[str, Any] | None = None
    ) -> tuple[Sent | None, Received | None, Any]:
        if self.runner.settings.safe and op.method not in ("GET", "HEAD", "OPTIONS"):
            return None, None, None
        call = self.runner.planner.valid(op, known or self.known_ids(op))
        if call is None:
            return None, None, None
        sent, received, body = self.runner.exchange(call, "valid", "a valid request")
        self.steps.append(f"{op.method} {op.path} → {received.status}")
        return sent, received, body

    def _expect_found(self, read: Operation, known: dict[str, Any], create: Operation) -> None:
        sent, received, _ = self._valid(read, known)
        if sent and received and received.status == 404:
            self._finding(create, sent, received,
                          f"what {create.method} {create.path} created could not be read back: "
                          f"{read.method} {read.path} answered 404")  # fmt: skip

    def _expect_gone(self, read: Operation, known: dict[str, Any], delete: Operation) -> None:
        sent, received, _ = self._valid(read, known)
        if sent and received and 200 <= received.status < 300:
            self._finding(delete, sent, received,
                          f"after {delete.method} {delete.path}, the deleted resource is still "
                          f"served: {read.method} {read.path} answered {received.status}")  # fmt: skip

    def _follow_links(self, op: Operation, received: Received, body: Any) -> None:
        """Each `links` entry of the response: the target operation with its parameters
        taken from this response, expected to succeed."""
        source = self.runner.source
        links = source.value(op.pointer, "responses", str(received.status), "links")
        if not isinstance(links, dict):
            return
        by_id = {o.operation_id: o for o in self.runner.api.operations}
        for link in links.values():
            target = by_id.get(link.get("operationId", "")) if isinstance(link, dict) else None
            if target is None or (self.runner.settings.safe and target.method != "GET"):
                continue
            values = {}
            for name, expression in (link.get("parameters") or {}).items():
                value = _expression(str(expression), body)
                if value is not None:
                    values[name.split(".")[-1]] = value
            call = self.runner.planner.valid(target, values)
            if call is None:
                continue
            sent, answer, _ = self.runner.exchange(call, "valid", "a valid request")
            self.steps.append(f"{target.method} {target.path} (link) → {answer.status}")
            if answer.status == 404:
                self._finding(target, sent, answer,
                              f"the link from {op.operation_id} leads to a 404")  # fmt: skip

    def _finding(self, op: Operation, sent: Sent, received: Received, message: str) -> None:
        """A finding on `op`, the operation that misbehaved (`sent` is the request that
        showed it, often a later read)."""
        place: Place = self.runner.source.at(op.pointer)
        self.runner.add([Finding(f"{op.method} {op.path}", op.operation_id, "stateful", message,
                                 sent, received, where(place), place.pointer)])  # fmt: skip


def _route(path: str) -> str:
    """The path a resource is keyed by: no query key (`/v1/x?beta`), no trailing slash
    (FastAPI's `/items/` lists what `/items/{item_id}` reads)."""
    return path.split("?", 1)[0].rstrip("/") or "/"


def _item_param(operations: tuple[Operation, ...], collection: str) -> str:
    for op in operations:
        item = _ITEM.match(_route(op.path))
        if item and item["collection"] == collection:
            return item["param"]
    return ""


def _ids(body: Any, param: str) -> list[Any]:
    """Ids in a response: of the resource itself, of a wrapped one, or of listed items."""
    keys = [k for k in (param, "id", "externalId") if k]
    if isinstance(body, list):
        return [i for item in body for i in _ids(item, param)[:1]]
    if not isinstance(body, dict):
        return []
    for key in keys:
        value = body.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return [value]
    found: list[Any] = []
    for value in body.values():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            found += _ids(value, param)
        elif isinstance(value, dict) and len(body) <= 2:
            found += _ids(value, param)
    return found


def _state(body: Any, name: str) -> Any:
    if isinstance(body, dict):
        if name in body:
            return body[name]
        for value in body.values():
            if isinstance(value, dict):
                found = _state(value, name)
                if found is not None:
                    return found
    return None


def _with_state(body: Any, name: str, state: str) -> Any:
    """`body` with the job's state property set (wherever it sits), or None."""
    if body is NO_BODY or not isinstance(body, dict):
        return None
    changed = copy.deepcopy(body)
    node = changed
    while name not in node:
        inner = [v for v in node.values() if isinstance(v, dict)]
        if len(inner) != 1:
            changed = copy.deepcopy(body)
            changed[name] = state
            return changed
        node = inner[0]
    node[name] = state
    return changed


def _expression(expression: str, body: Any) -> Any:
    """The value of a link's runtime expression, for the ones a response can answer."""
    if not expression.startswith("$response.body#"):
        return None if expression.startswith("$") else expression
    node = body
    for token in expression.split("#", 1)[1].split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
