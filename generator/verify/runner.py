"""Running verify: the requests of every check, within the run's bounds, judged as they come.

Order matters for a stateful server: collections are listed and created first, so item
operations use ids the server issued (`stateful.Ids`), and deletions come last. Every
request passes `Budget.take` (max requests, time limit, rate), so no run is unbounded.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import httpx

from generator.ir.model import Api, Operation
from generator.values.schema import Schemas
from generator.verify.bounds import STOPS, Budget, Exhausted, Settings, Unreachable
from generator.verify.checks import Exchange, Judge
from generator.verify.locate import Place, Source
from generator.verify.model import (
    BODY_SHOWN,
    Finding,
    OperationStats,
    Received,
    Redactor,
    Report,
    Sent,
)
from generator.verify.plan import (
    NO_BODY,
    Call,
    Planner,
    Wire,
    client_call,
    secured,
    wire,
)
from generator.verify.stateful import Sequences
from generator.witness.refusals import refusals

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_MAX_REFUSALS = 200  # body refusals looked at per operation (each is validated: a big body)
_ORDER = {"GET": 0, "HEAD": 0, "OPTIONS": 0, "POST": 1, "PUT": 2, "PATCH": 2, "DELETE": 3}


Progress = Callable[[str], None]


class Runner:
    def __init__(
        self,
        api: Api,
        source: Source,
        settings: Settings,
        http: httpx.Client | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.api = api
        self.source = source
        self.settings = settings
        self.schemas = Schemas(api.models_document)
        self.planner = Planner(api, self.schemas, source, settings.seed)
        self.judge = Judge(self.schemas, source)
        self.redactor = Redactor(settings.credentials.secrets)
        self.schemes = {s.name: s for s in api.security_schemes}
        self.owns_http = http is None  # a client made here is closed at the end of `run`
        self.http = http or httpx.Client(timeout=settings.timeout, follow_redirects=False)
        self.budget = Budget(settings)
        self.progress = progress or (lambda _: None)
        self.report = Report(safe=settings.safe, base_url=settings.base_url)
        # Refused requests per operation: fewer when the budget could not otherwise reach
        # every operation (about 4 more requests each: valid, credentials, a sequence step).
        share = settings.max_requests // max(1, len(api.operations)) - 4
        self.negatives = max(1, min(settings.negatives, share)) if settings.negatives else 0
        self.stats: dict[str, OperationStats] = {}
        self.seen: set[tuple[str, str, str, str]] = set()
        self.reached = False  # whether the server ever answered
        # Told of every successful valid call (the sequences harvest ids from it).
        self.observer: Callable[[Call, Any], None] | None = None

    # -- the run ---------------------------------------------------------------------------

    def run(self) -> Report:
        started = time.perf_counter()
        operations = sorted(self.api.operations, key=_order)
        for op in operations:
            label = f"{op.method} {op.path}"
            self.stats[label] = OperationStats(label, op.operation_id)
            if self.settings.safe and op.method not in SAFE_METHODS:
                self.stats[label].skipped = "--safe: not a GET, HEAD or OPTIONS"
        self.report.operations = list(self.stats.values())
        sequences = Sequences(self)
        try:
            sequences.run()
            for op in operations:
                stats = self.stats[f"{op.method} {op.path}"]
                if stats.skipped:
                    continue
                self.progress(f"{op.method} {op.path}")
                try:
                    self.check_operation(op, sequences.known_ids(op))
                except STOPS:
                    raise
                except Exception as exc:  # noqa: BLE001 - one operation is skipped, and says why
                    stats.skipped = f"verify could not test it: {type(exc).__name__}: {exc}"[:300]
        except Exhausted as exc:
            self.report.stopped = str(exc)
        finally:
            self.report.requests = self.budget.used
            self.report.seconds = time.perf_counter() - started
            if self.owns_http:
                self.http.close()
        return self.report

    def check_operation(self, op: Operation, known: dict[str, Any]) -> None:
        call = self.planner.valid(op, known)
        if call is None:
            self.stats[f"{op.method} {op.path}"].skipped = "no valid request could be made"
            return
        self.exchange(call, "valid", "a valid request")
        for refused, why, where in self.refused_calls(call):
            self.exchange(refused, "refused", why, where)
        if secured(op):
            self.exchange(replace(call, credentials="none"), "unauthorized", "no credentials")
            self.exchange(
                replace(call, credentials="malformed"), "unauthorized", "malformed credentials"
            )
            if self.settings.credentials.given:
                self.exchange(
                    replace(call, credentials="unknown"), "unauthorized", "unknown credentials"
                )

    def refused_calls(self, call: Call) -> Iterator[tuple[Call, str, Place | None]]:
        """Requests the spec refuses, one edit from `call`: a required parameter left out, a
        parameter or body value the schema refuses (`generator.witness.refusals`), one of a
        kind first so a small budget still sees every kind."""
        op = call.op
        candidates: list[tuple[str, Call, str, Place | None]] = []
        for param in op.parameters:
            where = self._parameter_place(op, param.wire_name)
            if param.required and param.location in ("query", "header"):
                candidates.append(("required", call.without(param.location, param.wire_name),
                                   f"required {param.location} parameter {param.wire_name!r} "
                                   "left out", where))  # fmt: skip
            current = _current(call, param.location, param.wire_name)
            if current is NO_BODY or param.location == "cookie":
                continue
            for refusal in refusals(self.schemas, param.schema, current):
                if refusal.place or not _wire_distinct(refusal.kind, param.schema, self.schemas):
                    continue  # only scalars whose text a server cannot read as valid
                candidates.append((refusal.kind, call.with_value(param.location, param.wire_name,
                                   refusal.value), f"{param.location} parameter "
                                   f"{param.wire_name!r}: {refusal.reason.split(': ', 1)[1]}",
                                   where))  # fmt: skip
        if op.body is not None and call.body is not NO_BODY and op.body.kind == "json":
            schema_place = self.source.at(
                op.pointer, "requestBody", "content", op.body.media_type, "schema"
            )
            found = refusals(self.schemas, op.body.schema or {}, call.body)
            for refusal in itertools.islice(found, _MAX_REFUSALS):
                tokens = refusal.place[:-1] if refusal.kind in ("required", "additional") else (
                    refusal.place)  # fmt: skip
                candidates.append((refusal.kind, replace(call, body=refusal.value),
                                   f"body {refusal.reason}",
                                   self.source.in_schema(schema_place, tokens)))  # fmt: skip
        # One of each kind first, so a small budget still sees every kind.
        first: dict[str, int] = {}
        for index, (kind, *_) in enumerate(candidates):
            first.setdefault(kind, index)
        order = sorted(range(len(candidates)), key=lambda i: (i not in first.values(), i))
        for index in order[: self.negatives]:
            _, candidate, why, place = candidates[index]
            yield candidate, why, place

    def _parameter_place(self, op: Operation, name: str) -> Place:
        for pointer in (op.pointer, op.pointer.rsplit("/", 1)[0]):
            listed = self.source.value(pointer, "parameters")
            for index in range(len(listed) if isinstance(listed, list) else 0):
                node = self.source.value(pointer, "parameters", index)
                if isinstance(node, dict) and node.get("name") == name:
                    return self.source.at(pointer, "parameters", index)
        return self.source.at(op.pointer)

    # -- one request -----------------------------------------------------------------------

    def send(self, call: Call) -> tuple[Sent, Received, bytes, Any]:
        """Make one request; returns the records, the whole body and the JSON (or None)."""
        self.budget.take()
        request = wire(call, self.settings.base_url, self.schemes, self.settings.credentials)
        started = time.perf_counter()
        status, headers, url, body = self._request(request)
        wait = _retry_after(headers) if status == 429 else None
        if wait is not None:
            # Throttled: once, after the wait the server asked for, counted in the budget.
            self.budget.sleep(wait)
            self.budget.take()
            started = time.perf_counter()
            status, headers, url, body = self._request(request)
        elapsed = (time.perf_counter() - started) * 1000
        self.stats[f"{call.op.method} {call.op.path}"].latencies_ms.append(elapsed)
        self.report.requests = self.budget.used
        redact = self.redactor
        shown = [(k, redact.header(k, v)) for k, v in request.headers.items()]
        shown += [("Cookie", redact.text(f"{k}={v}")) for k, v in request.cookies.items()]
        sent = Sent(request.method, redact.text(url), tuple(shown),
                    redact.text(request.body_text) if request.body_text is not None else None,
                    redact.text(client_call(self.api, call)))  # fmt: skip
        text = body[:BODY_SHOWN].decode("utf-8", "replace")
        received = Received(status, tuple((k, redact.header(k, v)) for k, v in headers),
                            redact.text(text), elapsed)  # fmt: skip
        try:
            parsed = httpx.Response(200, content=body).json() if body else None
        except ValueError:
            parsed = None
        return sent, received, body, parsed

    def _request(self, request: Wire) -> tuple[int, list[tuple[str, str]], str, bytes]:
        """Status, headers, final URL and body; 599 when no response came."""
        for attempt in (1, 2):
            try:
                response = self.http.request(
                    request.method,
                    request.url,
                    params=request.params,
                    headers=request.headers,
                    cookies=request.cookies or None,
                    content=request.content,
                )
            except httpx.TransportError as exc:
                # A server that crashed on the previous request may have dropped the kept-alive
                # connection: one more try, on a new one, before calling it a failure.
                if attempt == 2 and not self.reached and isinstance(exc, httpx.ConnectError):
                    raise Unreachable(f"cannot reach {self.settings.base_url}: {exc}") from None
                if attempt == 2:
                    return (
                        599,
                        [],
                        request.url,
                        f"no response: {type(exc).__name__}: {exc}".encode(),
                    )
                continue
            self.reached = True
            return (response.status_code, list(response.headers.items()),
                    str(response.request.url), response.content)  # fmt: skip
        raise AssertionError("unreachable")

    def exchange(
        self, call: Call, expect: str, why: str, where: Place | None = None
    ) -> tuple[Sent, Received, Any]:
        """Send `call`, judge the response; returns the records and the JSON body (or None)."""
        sent, received, body, parsed = self.send(call)
        exchange = Exchange(call.op, expect, why, sent, received, body, where)
        self.add(self.judge.findings(exchange))
        if expect == "valid" and 200 <= received.status < 300 and self.observer is not None:
            self.observer(call, parsed)
        return sent, received, parsed

    def add(self, findings: list[Finding]) -> None:
        """Record findings, each drift once (the same check failing the same way at the same
        place of the same operation is one finding, however many requests showed it)."""
        for finding in findings:
            key = (finding.operation, finding.check, finding.pointer, _shape(finding.message))
            if key not in self.seen:
                self.seen.add(key)
                self.report.findings.append(finding)


def _retry_after(headers: list[tuple[str, str]]) -> float | None:
    """The seconds a 429 asks to wait, when it is a short wait (at most 5 s)."""
    value = next((v for k, v in headers if k.lower() == "retry-after"), "1")
    try:
        seconds = float(value)
    except ValueError:
        return None  # an HTTP date: too far to wait for in a bounded run
    return seconds if 0 <= seconds <= 5 else None


def _shape(message: str) -> str:
    """A message without its quoted values and numbers (`'1' is not...` ~ `'2' is not...`)."""
    return re.sub(r"'[^']*'|\d+", "_", message)


def _order(op: Operation) -> tuple[int, int]:
    return (op.path.count("{"), _ORDER.get(op.method, 2))


def _current(call: Call, location: str, name: str) -> Any:
    values = {"path": call.path, "query": call.query, "header": call.headers,
              "cookie": call.cookies}[location]  # fmt: skip
    return values.get(name, NO_BODY)


def _wire_distinct(kind: str, schema: Any, schemas: Schemas) -> bool:
    """Whether a refused parameter value stays refused once written as text: a number for a
    string reads as a string, a null as an empty value."""
    if kind in ("null", "required", "additional"):
        return False
    if kind == "wrong-type":
        return schemas.primitive_type(schema) in ("integer", "number", "boolean")
    return True
