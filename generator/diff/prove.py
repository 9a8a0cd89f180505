"""`specgen diff --prove`: back each change with a real call.

Both specs are rendered as `specgen generate` would (client, models, server stubs) into a
scratch folder and imported under names of their own, so the two clients never collide.
Each side's strict mock (the generated server: requests validated, responses synthesized
from its spec) is served by uvicorn on 127.0.0.1, on a port the OS picks. Then:

- **proof** (upgrade): the base spec's client calls the revision's mock;
- **rollback**: the revision's client calls the base spec's mock.

For a change on the request side the call sends a *witness* when one exists: data the calling
client's spec allows and the serving spec refuses, found by trying the other enum values and
the edges of every bound at the change's place. For a change on the response side the call
sends data both specs accept and the client parses whatever the mock answers. A verdict is
only given for a call that was made: `broke` (it failed: the error is the detail), `held` (it
worked), or `not-exercised` (why no call could say anything about this change).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import random
import re
import secrets
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.diagnostics import SpecError
from generator.diff import rules as area
from generator.diff.nodes import Side
from generator.diff.operations import normalise_path
from generator.diff.prove_data import full, minimal, repaired, route, variants
from generator.diff.report import Change, Proof, Report
from generator.diff.rules import Direction
from generator.ir.model import Api, Operation
from generator.load import SpecSet, load_document
from generator.values.schema import Schemas

_NOT_CALLED = (area.CALLBACK, area.CALLBACK_PAYLOAD, area.CALLBACK_REPLY)
_PARAMETER = re.compile(r"parameter `([^`]+)`")


@dataclass
class Spec:
    """One side, rendered and imported: its IR, client package and mock app."""

    api: Api
    client: Any  # the generated client package (module)
    app: Any  # the mock's ASGI app
    document: Side  # the spec itself, for its request examples
    schemas: Schemas = field(init=False)

    def __post_init__(self) -> None:
        self.schemas = Schemas(self.api.models_document)

    def operation(self, label: str) -> Operation | None:
        method, _, path = label.partition(" ")
        for op in self.api.operations:
            if op.method == method and normalise_path(op.path) == normalise_path(path):
                return op
        return None

    def body_examples(self, op: Operation) -> list[Any]:
        """The request body examples the spec gives for `op`, in the order it gives them."""
        if op.body is None:
            return []
        side = self.document
        try:
            node = side.root
            for token in op.pointer.lstrip("#/").split("/"):
                # Path items and bodies may be references; follow them on the way.
                node = side.deref(node).child(token.replace("~1", "/").replace("~0", "~"))
            body = side.deref(side.deref(node).child("requestBody"))
            media = side.deref(body.child("content", op.body.media_type))
            found = [media.get("example")]
            for _, example in media.items("examples"):
                example = side.deref(example)
                if isinstance(example.value, dict) and "value" in example.value:
                    found.append(example.value["value"])
        except SpecError:
            return []  # an example that cannot be reached is no example
        return [value for value in found if value is not None]


@dataclass(frozen=True)
class Plan:
    """The arguments of one call: parameters by wire name, and the body (None: no body)."""

    params: tuple[tuple[str, Any], ...]
    body: Any = None

    def key(self) -> str:
        return json.dumps([self.params, self.body], sort_keys=True, default=str)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    call: str
    error: str = ""  # one line, for the report
    kind: str = ""  # status | response | refused | other
    raw: Any = None  # the JSON the server answered, when there was one
    places: tuple[str, ...] = ()  # where the failure was found: error locations, messages


def render_side(spec_path: Path, workdir: Path, role: str) -> Spec:
    """Render and import one spec under a fresh package name (`specgen_prove_<role>_<hex>`)."""
    from generator.mock.server import MockOptions, mock_app, render_server

    name = f"specgen-prove-{role}-{secrets.token_hex(4)}"
    server = render_server(spec_path, name=name, workdir=workdir)
    client_package = server.package.__name__.removesuffix("_server")
    client = importlib.import_module(client_package)
    document = Side(SpecSet(load_document(spec_path, spec_path.name)), spec_path.name)
    return Spec(server.api, client, mock_app(server, MockOptions(seed=0)), document)


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on 127.0.0.1 (a free port) in a thread; yields its URL."""
    import uvicorn

    from generator.mock.command import bind

    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="critical", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline and thread.is_alive():
        time.sleep(0.01)
    if not server.started:
        sock.close()
        raise RuntimeError("the mock server did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


class Prover:
    """Calls made with one side's client against the other side's mock, memoised per plan."""

    def __init__(self, client_side: Spec, server_side: Spec, url: str, who: str) -> None:
        self.client_side = client_side
        self.server_side = server_side
        self.who = who
        self.client = client_side.client.Client(
            token="specgen-prove", base_url=url, max_retries=0, timeout=20.0
        )
        self.rng = random.Random(0)
        self._calls: dict[tuple[str, str], Outcome] = {}

    def close(self) -> None:
        self.client.close()

    # Judging one change

    def prove(self, change: Change) -> Proof:
        if change.operation is None:
            return _skip("a change to the whole API (servers): calls go to a loopback mock")
        if change.area in _NOT_CALLED:
            return _skip("webhooks and callbacks are calls the API makes, not the client")
        op = self.client_side.operation(change.operation)
        if op is None:
            return _skip(f"the {self.who} client has no method for {change.operation}")
        served = self.server_side.operation(change.operation)
        plans = self._plans(op)
        if not plans:
            return _skip("no arguments could be built from the spec's schemas")
        if change.direction is Direction.REQUEST and served is not None:
            witness = self._witness(change, op, served, plans)
            if witness is not None:
                outcome = self._call(op, witness)
                if outcome.ok:
                    return Proof("held", outcome.call, "the server accepted data its spec refuses")
                return self._failed(change, outcome, True)
        plan = self._accepted(served, plans) if served is not None else plans[0]
        outcome = self._call(op, plan)
        if outcome.ok:
            return self._held(change, outcome)
        agreed = served is not None and self._valid(self.server_side, served, plan)
        return self._failed(change, outcome, agreed)

    def _held(self, change: Change, outcome: Outcome) -> Proof:
        detail = "the call worked"
        place = route(change.path)
        if change.direction is Direction.RESPONSE and place:
            parent = _parent(place)
            if parent and not _present(outcome.raw, parent):
                return Proof(
                    "not-exercised",
                    outcome.call,
                    f"the call worked, but the mock's answer left out `{_dotted(parent)}`, "
                    f"so nothing reached `{_name(change)}`",
                )
            shown = _present(outcome.raw, place)
            detail += f"; the answer {'carried' if shown else 'did not carry'} `{_name(change)}`"
        elif change.direction is Direction.REQUEST:
            detail += "; no data its spec allows was refused (enum values and bounds tried)"
        return Proof("held", outcome.call, detail)

    def _failed(self, change: Change, outcome: Outcome, agreed: bool) -> Proof:
        """A failed call breaks this change only when the failure points at it."""
        if outcome.kind == "refused":
            return _skip(f"the {self.who} client refused to send it: {outcome.error}")
        if outcome.kind == "status" and change.direction is Direction.RESPONSE and not agreed:
            return Proof(
                "not-exercised",
                outcome.call,
                f"the server refused the request before answering: {outcome.error}",
            )
        name = _name(change) or _parameter_name(change)
        if name and outcome.kind in ("status", "response") and not _mentions(outcome, name):
            return Proof(
                "not-exercised",
                outcome.call,
                f"the call failed on something else first: {outcome.error}",
            )
        return Proof("broke", outcome.call, outcome.error)

    # Arguments

    def _plans(self, op: Operation) -> list[Plan]:
        """The minimal call (required parameters, minimal body) and the full one."""
        schemas, rng = self.client_side.schemas, self.rng
        examples = []
        if op.body is not None and op.body.schema is not None:
            for example in self.client_side.body_examples(op):
                example = repaired(schemas, op.body.schema, example)
                if schemas.is_valid(example, op.body.schema):
                    examples.append(example)
        found: list[Plan] = []
        for build in (minimal, full):
            params = []
            for param in op.parameters:
                if param.required or build is full:
                    value = build(schemas, param.schema, rng)
                    if value is not None:
                        params.append((param.wire_name, value))
            if op.body is None or op.body.schema is None:
                found.append(Plan(tuple(params)))
                continue
            # The spec's own examples first (the synthesizer cannot satisfy every schema),
            # then synthesized bodies.
            found.extend(Plan(tuple(params), example) for example in examples)
            body = build(schemas, op.body.schema, rng)
            if body is not None or not op.body.required:
                found.append(Plan(tuple(params), body))
        unique: dict[str, Plan] = {plan.key(): plan for plan in found}
        return list(unique.values())

    def _witness(
        self, change: Change, op: Operation, served: Operation, plans: list[Plan]
    ) -> Plan | None:
        """A plan the client's spec allows and the server's refuses, tried nearest the change
        first; None when there is none among the variants."""
        name = _name(change) or _parameter_name(change)
        for plan in self._candidates(change, op, plans):
            if not self._valid(self.client_side, op, plan):
                continue
            refusals = self._errors(self.server_side, served, plan)
            # Refused at this change's place: a witness for it, not for some other change.
            if refusals and (not name or any(_word(name).search(r) for r in refusals)):
                return plan
        return None

    def _candidates(self, change: Change, op: Operation, plans: list[Plan]) -> Iterator[Plan]:
        schemas = self.client_side.schemas
        base = plans[-1]
        target = route(change.path)
        parameter = _PARAMETER.search(change.message)
        places: list[tuple[int, Plan]] = []
        if change.area == area.PARAMETER and parameter is not None:
            wire = parameter.group(1)
            for param in op.parameters:
                if param.wire_name != wire:
                    continue
                current = dict(base.params).get(wire)
                value = current if current is not None else full(schemas, param.schema, self.rng)
                for path, changed in variants(schemas, param.schema, value):
                    params = dict(base.params)
                    params[wire] = changed
                    places.append((_distance(path, target), Plan(tuple(params.items()), base.body)))
        elif op.body is not None and op.body.schema is not None and base.body is not None:
            for path, changed in variants(schemas, op.body.schema, base.body):
                places.append((_distance(path, target), Plan(base.params, changed)))
        places.sort(key=lambda item: item[0])
        yield from (plan for distance, plan in places if distance < 2)
        yield from plans
        yield from (plan for distance, plan in places if distance == 2)

    def _accepted(self, served: Operation, plans: list[Plan]) -> Plan:
        for plan in reversed(plans):
            if self._valid(self.server_side, served, plan):
                return plan
        return plans[-1]

    def _valid(self, side: Spec, op: Operation, plan: Plan) -> bool:
        return not self._errors(side, op, plan)

    def _errors(self, side: Spec, op: Operation, plan: Plan) -> list[str]:
        """Why `side`'s spec refuses the plan for `op` (empty: it accepts it)."""
        given = dict(plan.params)
        found: list[str] = []
        for param in op.parameters:
            if param.wire_name not in given:
                if param.required:
                    found.append(f"{param.wire_name}: required parameter missing")
                continue
            errors = side.schemas.errors(given[param.wire_name], param.schema)
            found.extend(f"{param.wire_name}: {error}" for error in errors)
        if op.body is not None and op.body.schema is not None:
            if plan.body is None:
                if op.body.required:
                    found.append("body: required")
            else:
                found.extend(side.schemas.errors(plan.body, op.body.schema))
        return found

    # Calls

    def _call(self, op: Operation, plan: Plan) -> Outcome:
        key = (op.python_name, plan.key())
        if key not in self._calls:
            self._calls[key] = self._make_call(op, plan)
        return self._calls[key]

    def _make_call(self, op: Operation, plan: Plan) -> Outcome:
        kwargs: dict[str, Any] = {}
        names = {p.wire_name: p.python_name for p in op.parameters}
        for wire, value in plan.params:
            kwargs[names[wire]] = value
        if plan.body is not None:
            kwargs["body"] = plan.body
        # The method may sit on a resource (`customers.create`): follow the client tree's path.
        path = self.client_side.api.client.call_of(op)
        call = f"{self.who} client .{path}({_show(kwargs)})"
        errors = self.client_side.client
        method: Any = self.client.with_raw_response
        for part in path.split("."):
            method = getattr(method, part)
        try:
            raw = method(**kwargs)
        except errors.APIStatusError as exc:
            body = _text(exc.response)
            return Outcome(
                False, f"{call} → HTTP {exc.status_code}", body[:300], "status", places=(body,)
            )
        except errors.APIError as exc:
            return Outcome(False, call, f"{type(exc).__name__}: {exc}", "other")
        except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
            return Outcome(False, call, _first_line(exc), "refused")
        status = raw.http_response.status_code
        answered = _json(raw.http_response)
        try:
            raw.parse()
        except (errors.APIError, ValueError) as exc:
            message = f"{type(exc).__name__}: {_first_line(exc)}"
            failed = f"{call} → HTTP {status}"
            return Outcome(False, failed, message, "response", answered, _locations(str(exc)))
        return Outcome(True, f"{call} → HTTP {status}, parsed", raw=answered)


def prove_reports(
    reports: list[Report], pairs: list[tuple[Path, Path]], scratch: Path
) -> list[Report]:
    """Attach `proof` and `rollback` to every change of each report (one spec pair each)."""
    proved = []
    for index, (report, (base_path, revision_path)) in enumerate(zip(reports, pairs, strict=True)):
        if not report.changes:
            proved.append(report)
            continue
        workdir = scratch / f"prove-{index}"
        workdir.mkdir(parents=True, exist_ok=True)
        with _imported() as _:
            try:
                base = render_side(base_path, workdir, "base")
                revision = render_side(revision_path, workdir, "revision")
            except Exception as exc:  # any failure to render or import: say so per change
                reason = _skip(f"the clients and mocks could not be generated: {_first_line(exc)}")
                unproved = [replace(c, proof=reason, rollback=reason) for c in report.changes]
                proved.append(replace(report, changes=tuple(unproved)))
                continue
            changes = prove_changes(report.changes, base, revision)
        proved.append(replace(report, changes=tuple(changes)))
    return proved


def prove_changes(changes: tuple[Change, ...], base: Spec, revision: Spec) -> list[Change]:
    with serve(revision.app) as new_url, serve(base.app) as old_url:
        upgrade = Prover(base, revision, new_url, "old")
        rollback = Prover(revision, base, old_url, "new")
        try:
            return [
                replace(change, proof=upgrade.prove(change), rollback=rollback.prove(change))
                for change in changes
            ]
        finally:
            upgrade.close()
            rollback.close()


@contextlib.contextmanager
def _imported() -> Iterator[None]:
    """Forget the packages and import paths a prove run added, so nothing outlives it."""
    modules, path = set(sys.modules), list(sys.path)
    try:
        yield
    finally:
        for name in set(sys.modules) - modules:
            if name.startswith("specgen_prove_"):
                del sys.modules[name]
        sys.path[:] = path


def _skip(reason: str) -> Proof:
    return Proof("not-exercised", "", reason)


def _name(change: Change) -> str:
    tokens = [t for t in route(change.path) if t != "[]"]
    return tokens[-1] if tokens else ""


def _parameter_name(change: Change) -> str:
    found = _PARAMETER.search(change.message)
    return found.group(1) if found is not None and change.area == area.PARAMETER else ""


def _dotted(place: tuple[str, ...]) -> str:
    return ".".join(place).replace(".[]", "[]")


def _parent(place: tuple[str, ...]) -> tuple[str, ...]:
    parent = list(place[:-1])
    while parent and parent[-1] == "[]":
        parent.pop()
    return tuple(parent)


def _locations(text: str) -> tuple[str, ...]:
    """The error locations of a pydantic message: the unindented lines after its header
    (`1 validation error for Pet` / `name` / `  Field required ...`)."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if "validation error" in line), None)
    if start is None:
        return (text,)
    return tuple(line for line in lines[start + 1 :] if line and not line[0].isspace())


def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])")


def _mentions(outcome: Outcome, name: str) -> bool:
    if outcome.kind == "response":
        return any(name in re.split(r"[.\[\]]", place) for place in outcome.places)
    return any(_word(name).search(place) for place in outcome.places)


def _distance(path: tuple[str, ...], target: tuple[str, ...]) -> int:
    """0 for the change's own place, then places under it, then the rest."""
    if path == target:
        return 0
    if path[: len(target)] == target:
        return 1
    return 2


def _present(value: Any, path: tuple[str, ...]) -> bool:
    if not path:
        return value is not None
    token, rest = path[0], path[1:]
    if token == "[]":
        return isinstance(value, list) and any(_present(item, rest) for item in value)
    return isinstance(value, dict) and token in value and _present(value[token], rest)


def _show(kwargs: dict[str, Any]) -> str:
    text = ", ".join(f"{k}={json.dumps(v, default=str)}" for k, v in kwargs.items())
    return text if len(text) <= 160 else text[:157] + "..."


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines[:3])[:300] if lines else type(exc).__name__


def _text(response: Any) -> str:
    try:
        return str(response.text)[:4000]
    except Exception:  # a body that cannot be read is no detail
        return ""


def _json(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
