"""`specgen diff --prove`: back each change with a real call that carries it.

- **proof** (upgrade): the base spec's client calls the revision's mock;
- **rollback**: the revision's client calls the base spec's mock.

Each change is exercised by a *witness* (`prove_witness`): on the request side the client
sends a value its spec allows and the serving spec refuses; on the response side the mock is
directed to answer a value its spec allows and the client's spec refuses, and the client must
parse it. Verdicts:

- `broke`: the witness went out and the call failed (the server refused it, or the client
  could not read the answer); the detail is the error;
- `held`: the witness went through and was accepted, with why that is harmless (the client
  reads some things leniently by design: `LENIENT`);
- `not-exercised`: why no call could say anything (the reason), including a mock that
  accepted a witness its own spec refuses: that shows the mock is lax, not that the change
  is safe.
"""

from __future__ import annotations

import contextlib
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.diagnostics import SpecError
from generator.diff import rules as area
from generator.diff.prove_calls import Caller, Plan, Spec, render_side, serve
from generator.diff.prove_data import repaired
from generator.diff.prove_witness import Answered, NoWay, Sent, attempt
from generator.diff.report import Change, Proof, Report
from generator.ir.model import Operation
from generator.witness.build import full, minimal

_NOT_CALLED = (area.CALLBACK, area.CALLBACK_PAYLOAD, area.CALLBACK_REPLY)

# What a generated client reads leniently by design, so an answer its spec refuses still
# parses: the reason a `held` verdict gives (docs/diff.md lists these).
_UNKNOWN_VALUES = "the client keeps enum values it does not know (lenient by design)"
_CONSTRAINTS = (
    "the client's models check types and required fields, not value constraints (bounds, "
    "lengths, patterns, formats, multiples), on answers (lenient by design)"
)
LENIENT: dict[str, str] = {
    "enum-value-added": _UNKNOWN_VALUES,
    "became-not-enum": _UNKNOWN_VALUES,
    "discriminator-mapping-added": _UNKNOWN_VALUES,
    "additional-properties-widened": "the client keeps fields it does not know",
    "max-increased": _CONSTRAINTS,
    "min-decreased": _CONSTRAINTS,
    "max-length-increased": _CONSTRAINTS,
    "min-length-decreased": _CONSTRAINTS,
    "max-items-increased": _CONSTRAINTS,
    "min-items-decreased": _CONSTRAINTS,
    "max-properties-increased": _CONSTRAINTS,
    "min-properties-decreased": _CONSTRAINTS,
    "pattern-removed": _CONSTRAINTS,
    "pattern-changed": _CONSTRAINTS,
    "format-removed": _CONSTRAINTS,
    "format-widened": _CONSTRAINTS,
    "format-changed": _CONSTRAINTS,
    "multiple-of-removed": _CONSTRAINTS,
    "multiple-of-widened": _CONSTRAINTS,
    "multiple-of-changed": _CONSTRAINTS,
    "became-not-unique": _CONSTRAINTS,
    "one-of-added": "the client's models keep enum values and fields they do not know, so the "
    "new alternative reads as an old one (lenient by design)",
    "any-of-added": "the client's models keep enum values and fields they do not know, so the "
    "new alternative reads as an old one (lenient by design)",
    "became-nullable": "the client's models take null for every optional property "
    "(lenient by design)",
    "header-became-optional": "the client does not require answer headers: it hands them over "
    "as text (`with_raw_response.headers`) (lenient by design)",
    "required-header-removed": "the client does not require answer headers: it hands them "
    "over as text (`with_raw_response.headers`) (lenient by design)",
}
_HEADER_LENIENT = "the client does not read answer headers into typed values (lenient by design)"


class Prover:
    """Judges changes with one side's client against the other side's mock."""

    def __init__(self, client_side: Spec, server_side: Spec, url: str, who: str) -> None:
        self.client_side = client_side
        self.server_side = server_side
        self.who = who
        self.caller = Caller(client_side, url, who)
        self.rng = random.Random(0)
        # Per operation: its plans and the one both specs allow (many changes share one).
        self._memo: dict[str, tuple[list[Plan], Plan | None]] = {}

    def close(self) -> None:
        self.caller.close()

    def prove(self, change: Change) -> Proof:
        if change.operation is None:
            return _skip("a change to the whole API (servers): calls go to a loopback mock")
        if change.area in _NOT_CALLED:
            return _skip("webhooks and callbacks are calls the API makes, not the client")
        op = self.client_side.operation(change.operation)
        if op is None:
            return _skip(f"the {self.who} client has no method for {change.operation}")
        served = self.server_side.operation(change.operation)
        plans, accepted = self._arguments(op, served)
        if not plans:
            return _skip("no arguments could be built from the spec's schemas")
        if served is None:  # the operation is not served: the call itself is the witness
            outcome = self.caller.call(op, plans[-1])
            if outcome.ok:
                return Proof("held", outcome.call, "the server answered an operation it lacks")
            return Proof("broke", outcome.call, outcome.error, "the call itself")
        plan = accepted or plans[-1]
        upgrade = self.who == "old"
        how = attempt(change, op, served, self.client_side, self.server_side, plan, upgrade)
        if isinstance(how, NoWay):
            return _skip(how.reason)
        if isinstance(how, Sent):
            return self._sent(change, op, served, plan, how)
        return self._answered(change, op, how)

    # Verdicts

    def _sent(
        self, change: Change, op: Operation, served: Operation, plan: Plan, how: Sent
    ) -> Proof:
        outcome = self.caller.call(op, how.plan)
        if outcome.kind == "refused":
            return _skip(f"the {self.who} client refused to send {how.shown}: {outcome.error}")
        if outcome.ok:
            if change.kind in ("style-changed", "explode-changed"):
                return Proof(
                    "not-exercised",
                    outcome.call,
                    "the server accepted it; a mock does not say how it read the value",
                    how.shown,
                )
            if how.refusal:
                return Proof(
                    "not-exercised",
                    outcome.call,
                    f"the mock accepted it although its spec refuses it ({how.refusal}): "
                    "the mock's request validation is laxer than the spec here",
                    how.shown,
                )
            return Proof(
                "held", outcome.call, "the server accepted it: both specs allow it", how.shown
            )
        if (
            outcome.kind == "status"
            and outcome.status in (401, 403)
            and change.area != area.SECURITY
        ):
            return Proof(
                "not-exercised",
                outcome.call,
                f"refused for its credentials: {outcome.error}",
                how.shown,
            )
        elsewhere = _errors(self.server_side, served, plan)
        if elsewhere and not _mentions(outcome.error, how.shown):
            return Proof(
                "not-exercised",
                outcome.call,
                f"the call failed on something else first: {outcome.error}",
                how.shown,
            )
        both = not _errors(self.client_side, op, plan) and not elsewhere
        control = self.caller.call(op, plan) if how.plan != plan and both else None
        if control is not None and not control.ok and outcome.kind == control.kind:
            return Proof(
                "not-exercised",
                outcome.call,
                f"the server refuses even a call both specs allow: {control.error}",
                how.shown,
            )
        return Proof("broke", outcome.call, outcome.error, how.shown)

    def _answered(self, change: Change, op: Operation, how: Answered) -> Proof:
        outcome = self.caller.call(op, how.plan, how.answer)
        if not outcome.directed:
            why = (
                f"the server refused the request before answering: {outcome.error}"
                if outcome.kind == "status"
                else "the mock answered its own data"
            )
            return Proof("not-exercised", outcome.call, why, how.shown)
        if not outcome.ok:
            return Proof("broke", outcome.call, outcome.error, how.shown)
        if how.typed:
            expected = self._declared(op)
            got = type(outcome.parsed).__name__
            if expected and got != expected:
                return Proof(
                    "broke",
                    outcome.call,
                    f"parsed into {got}, not the {expected} the method promises",
                    how.shown,
                )
        if not how.refusal:
            return Proof("held", outcome.call, "the client read it: both specs allow it", how.shown)
        reason = LENIENT.get(change.kind)
        if reason is None and change.area == area.RESPONSE_HEADER:
            reason = _HEADER_LENIENT
        reason = reason or "the client read it without complaint"
        return Proof(
            "held",
            outcome.call,
            f"the client read an answer its spec refuses ({how.refusal}): {reason}",
            how.shown,
        )

    def _declared(self, op: Operation) -> str:
        """The class name the client's method returns for its first success status."""
        for response in op.responses:
            if response.status.startswith("2") and response.type is not None:
                return response.type.annotation.split("[")[0].split(".")[-1]
        return ""

    # Arguments

    def _arguments(self, op: Operation, served: Operation | None) -> tuple[list[Plan], Plan | None]:
        if op.python_name not in self._memo:
            plans = self._plans(op)
            accepted = self._accepted(op, served, plans) if served and plans else None
            self._memo[op.python_name] = (plans, accepted)
        return self._memo[op.python_name]

    def _plans(self, op: Operation) -> list[Plan]:
        """The minimal call (required parameters, minimal body) and the full one."""
        schemas, rng = self.client_side.schemas, self.rng
        examples = []
        if op.body is not None and op.body.schema is not None:
            for example in _body_examples(self.client_side, op):
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
            found.extend(Plan(tuple(params), example) for example in examples)
            body = build(schemas, op.body.schema, rng)
            if body is not None or not op.body.required:
                found.append(Plan(tuple(params), body))
        unique: dict[str, Plan] = {plan.key(): plan for plan in found}
        return list(unique.values())

    def _accepted(self, op: Operation, served: Operation, plans: list[Plan]) -> Plan:
        """The fullest plan both specs allow (the base every witness changes one piece of)."""
        for plan in reversed(plans):
            if not _errors(self.client_side, op, plan) and not _errors(
                self.server_side, served, plan
            ):
                return plan
        return plans[-1]


def _mentions(error: str, shown: str) -> bool:
    """Whether an error names the witness's place (the first backticked name in `shown`)."""
    found = re.search(r"`([^`=:]+?)(?:\[\])*`", shown)
    if found is None:
        return True  # nothing to look for: the call itself is the witness
    name = found.group(1).split(".")[-1]
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", error) is not None


def _errors(side: Spec, op: Operation, plan: Plan) -> list[str]:
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


def _body_examples(spec: Spec, op: Operation) -> list[Any]:
    """The request body examples the spec gives for `op`, in the order it gives them."""
    if op.body is None:
        return []
    side = spec.document
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
        with _imported():
            try:
                base = render_side(base_path, workdir, "base")
                revision = render_side(revision_path, workdir, "revision")
            except Exception as exc:  # any failure to render or import: say so per change
                reason = _skip(f"the clients and mocks could not be generated: {_first(exc)}")
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


def _first(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return " ".join(lines[:3])[:300] if lines else type(exc).__name__
