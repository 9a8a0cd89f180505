"""Which witness exercises a change, read from the change's area, kind and place.

A change on the request side is exercised by a call the client's spec allows and the serving
spec refuses (`Sent`): a value at the changed place, a parameter left out, a body left out, the
client's own content type or credentials. A change on the response side is exercised by an
answer the serving spec allows and the client's spec refuses (`Answered`): the mock is directed
(`generator.mock.direct`) to send it. The values come from the witness engine
(`generator.witness`), checked by the validator on both sides. When no value separates the two
sides, the changed piece is still put on the wire (a *carrier*, `refusal == ""`), so a verdict
is never given for a call that did not carry the change. `NoWay` says why nothing can.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from generator.diff import rules as area
from generator.diff.prove_calls import Plan, Spec
from generator.diff.prove_data import route
from generator.diff.report import Change
from generator.ir.model import Operation, Parameter, Response
from generator.mock.direct import Answer
from generator.witness.build import ABSENT, embed, full, minimal, subschemas, value_at
from generator.witness.separate import NoWitness, View, Witness, separate

_PARAMETER = re.compile(r"parameter `([^`]+)`")
_STATUS = re.compile(r"/responses/([^/]+)")
_HEADER = re.compile(r"/headers/([^/]+)")
_ONE_WAY = "the change only takes values away in the other direction: nothing to separate here"
_SECURITY_KINDS = {
    "added",
    "alternative-removed",
    "scheme-api-key-changed",
    "scheme-http-changed",
    "scheme-type-changed",
}


@dataclass(frozen=True)
class Sent:
    """A request that exercises the change; `refusal` is why the serving spec refuses it
    (empty: both specs allow it, the piece is only carried)."""

    plan: Plan
    shown: str
    refusal: str


@dataclass(frozen=True)
class Answered:
    """An answer the mock is directed to send, to a request both specs allow."""

    plan: Plan
    answer: Answer
    shown: str
    refusal: str
    typed: bool = False  # a status or media type the client has no type for: check the result


@dataclass(frozen=True)
class NoWay:
    reason: str


Attempt = Sent | Answered | NoWay


def attempt(
    change: Change,
    op: Operation,
    served: Operation,
    client: Spec,
    server: Spec,
    plan: Plan,
    upgrade: bool = True,
) -> Attempt:
    """How to exercise `change` with `client`'s method `op` against `server`'s `served`;
    `plan` is a call both specs allow (the base every witness changes one piece of).
    `upgrade`: the old client calls the new server (False: the rollback)."""
    details = dict(change.details)
    if not separable(change, upgrade):
        details["separable"] = "no"
    if change.area == area.PARAMETER:
        return _parameter(change, op, served, client, server, plan, details)
    if change.area == area.REQUEST_BODY:
        return _request_body(change, op, served, plan, details)
    if change.area == area.REQUEST_PROPERTY:
        return _request_property(change, op, served, client, server, plan, details)
    if change.area == area.SECURITY:
        if change.kind in _SECURITY_KINDS:
            # Carried, not refused by the spec's schemas: the mock enforces credentials.
            return Sent(plan, "the credentials the client's spec asks for", "")
        return NoWay("scopes and OAuth flows live in the token, which a loopback mock cannot weigh")
    if change.area in (area.RESPONSE_PROPERTY, area.RESPONSE_HEADER, area.RESPONSE):
        return _response(change, op, served, client, server, plan, details)
    if change.area == area.OPERATION and change.kind.startswith("removed"):
        return Sent(plan, "the call itself", "the operation is gone")
    return NoWay(f"a change of {change.area or 'the whole API'} is not carried by a call")


def separable(change: Change, upgrade: bool) -> bool:
    """Whether a value can separate the sides in this direction, read from the rule table: a
    request witness needs a change that narrows what the server takes, a response witness one
    that widens what it sends (the other way round for a rollback). Kinds the table does not
    know are searched."""
    sent = area.rule_for(area.REQUEST_PROPERTY, change.kind)
    received = area.rule_for(area.RESPONSE_PROPERTY, change.kind)
    if sent is None and received is None:
        return True
    narrows, widens = area.inner_effect(change.kind)
    if change.area in (area.RESPONSE_PROPERTY, area.RESPONSE_HEADER):
        return widens if upgrade else narrows
    return narrows if upgrade else widens


# Requests


def _parameter(
    change: Change,
    op: Operation,
    served: Operation,
    client: Spec,
    server: Spec,
    plan: Plan,
    details: dict[str, str],
) -> Attempt:
    found = _PARAMETER.search(change.message)
    wire = found.group(1) if found else ""
    mine = _param(op, wire)
    theirs = _param(served, wire)
    params = dict(plan.params)
    if change.kind in ("required-added", "parameter-became-required"):
        if theirs is None or not theirs.required:
            return NoWay(f"the serving spec does not require `{wire}`")
        params.pop(wire, None)
        return Sent(
            Plan(tuple(params.items()), plan.body),
            f"`{wire}` left out",
            f"{wire}: required parameter missing",
        )
    if mine is None:
        return NoWay(f"the client has no parameter `{wire}` to send")
    value = params.get(wire)
    if value is None:
        value = full(client.schemas, mine.schema)
    if change.kind in ("style-changed", "explode-changed"):
        item = minimal(client.schemas, client.schemas.resolve(mine.schema).get("items", {}))
        if item is None:
            return NoWay(f"no item for `{wire}` could be built")
        second = item + 1 if isinstance(item, int) else f"{item}2"
        params[wire] = [item, second]
        shown = f"`{wire}` = {_json([item, second])}, serialised the {change.kind[:-8]} way"
        return Sent(Plan(tuple(params.items()), plan.body), shown, "")
    if theirs is None:
        params[wire] = value
        return Sent(Plan(tuple(params.items()), plan.body), f"`{wire}` = {_json(value)}", "")
    found_witness = separate(
        View(client.schemas, mine.schema),
        View(server.schemas, theirs.schema),
        route(change.path),
        details,
        base=value,
    )
    if isinstance(found_witness, NoWitness) and details.get("separable") != "no":
        return NoWay(f"no witness found for `{wire}`: {found_witness.reason}")
    if isinstance(found_witness, NoWitness):
        params[wire] = value
        return Sent(Plan(tuple(params.items()), plan.body), f"`{wire}` = {_json(value)}", "")
    params[wire] = found_witness.value
    shown = f"`{wire}` = {_json(found_witness.value)}"
    return Sent(Plan(tuple(params.items()), plan.body), shown, f"{wire}: {found_witness.refusal}")


def _request_body(
    change: Change, op: Operation, served: Operation, plan: Plan, details: dict[str, str]
) -> Attempt:
    if change.kind in ("required-added", "became-required"):
        if op.body is not None and op.body.required:
            return NoWay("the client always sends a body")
        return Sent(Plan(plan.params, None), "no request body", "body: required")
    if change.kind == "media-type-removed":
        media = details.get("media", "")
        if op.body is None or op.body.media_type != media:
            sent = op.body.media_type if op.body else "no body"
            return NoWay(f"the client sends {sent}, which the revision still takes")
        return Sent(plan, f"a `{media}` body", f"the serving spec takes no {media} body")
    return NoWay(f"a request body change ({change.kind}) carries no value to send")


def _request_property(
    change: Change,
    op: Operation,
    served: Operation,
    client: Spec,
    server: Spec,
    plan: Plan,
    details: dict[str, str],
) -> Attempt:
    if op.body is None or op.body.schema is None:
        return NoWay("the client sends no body")
    if served.body is None or served.body.schema is None:
        return NoWay("the serving spec takes no body")
    place = route(change.path)
    accepts = View(client.schemas, op.body.schema)
    found: Witness | NoWitness = NoWitness(_ONE_WAY)
    if details.get("separable") != "no":
        refuses = View(server.schemas, served.body.schema)
        found = separate(accepts, refuses, place, details, plan.body)
    if isinstance(found, Witness):
        return Sent(Plan(plan.params, found.value), found.show(), found.refusal)
    if details.get("separable") != "no":
        return NoWay(f"no witness found: {found.reason}")  # a carrier would prove nothing
    carried = _carrier(accepts, place, plan.body)
    if carried is None:
        return NoWay(_no_carrier(found.reason, accepts, place, "the client's spec"))
    return Sent(Plan(plan.params, carried.value), carried.show(), "")


# Responses


def _response(
    change: Change,
    op: Operation,
    served: Operation,
    client: Spec,
    server: Spec,
    plan: Plan,
    details: dict[str, str],
) -> Attempt:
    status = _status(change.location)
    theirs = _response_for(served, status)
    mine = _response_for(op, status)
    if change.kind in ("success-status-removed", "success-status-added"):
        known = {r.status for r in op.responses}
        other = next(
            (r for r in served.responses if r.status.startswith("2") and r.status not in known),
            None,
        )
        if other is None:
            return NoWay("the serving spec answers no success status the client lacks")
        answer = _answer(server, other, minimal(server.schemas, other.schema or {}))
        return Answered(plan, answer, f"HTTP {other.status}", f"{status} removed", typed=True)
    if theirs is None:
        return NoWay(f"the serving spec has no response {status}")
    if change.kind == "media-type-removed":
        media = details.get("media", "")
        options = [theirs.media_type, *(m for m, _ in theirs.alternatives)]
        other_media = next((m for m in options if m and m != media), None)
        body = minimal(server.schemas, theirs.schema or {})
        if other_media is None:
            answer = Answer(int(theirs.status), None, _headers(server, theirs))
            return Answered(plan, answer, "an answer with no body", f"no {media}", typed=True)
        text = body if isinstance(body, str) else json.dumps(body)
        answer = Answer(int(_code(theirs.status)), other_media, _headers(server, theirs), text=text)
        shown = f"a `{other_media}` body {_json(text)}"
        return Answered(plan, answer, shown, f"no {media} answer", typed=True)
    body = minimal(server.schemas, theirs.schema) if theirs.schema is not None else None
    if change.area == area.RESPONSE_HEADER or change.kind in (
        "header-became-optional",
        "required-header-removed",
    ):
        return _header(change, theirs, server, client, plan, body)
    if theirs.schema is None or mine is None or mine.schema is None:
        return NoWay(f"response {status} has no body schema on both sides")
    place = route(change.path)
    accepts = View(server.schemas, theirs.schema)
    found: Witness | NoWitness = NoWitness(_ONE_WAY)
    if details.get("separable") != "no":
        refuses = View(client.schemas, mine.schema)
        found = separate(accepts, refuses, place, details, body, wide=False)
    if isinstance(found, NoWitness) and details.get("separable") != "no":
        return NoWay(f"no witness found: {found.reason}")  # a carrier would prove nothing
    if isinstance(found, NoWitness):
        carried = _carrier(accepts, place, body)
        if carried is None:
            return NoWay(_no_carrier(found.reason, accepts, place, "the serving spec"))
        found = carried
    answer = _answer(server, theirs, found.value)
    return Answered(plan, answer, found.show(), found.refusal)


def _header(
    change: Change, theirs: Response, server: Spec, client: Spec, plan: Plan, body: Any
) -> Attempt:
    name = _HEADER.search(change.location)
    wire = name.group(1).replace("~1", "/").replace("~0", "~") if name else ""
    answer = _answer(server, theirs, body)
    headers = {k: v for k, v in answer.headers.items() if k.lower() != wire.lower()}
    if change.kind in ("header-became-optional", "required-header-removed"):
        return Answered(plan, replace(answer, headers=headers), f"`{wire}` left out", "required")
    schema = _raw_header_schema(server, change.location)
    old = _raw_header_schema(client, change.location)
    if schema is None:
        return NoWay(f"the serving spec's header `{wire}` has no schema")
    raw = View(server.raw, schema)
    found = separate(raw, View(client.raw, old or {}), (), dict(change.details))
    value = found.value if isinstance(found, Witness) else minimal(server.raw, schema)
    refusal = found.refusal if isinstance(found, Witness) else ""
    text = value if isinstance(value, str) else json.dumps(value)
    headers[wire] = text
    return Answered(plan, replace(answer, headers=headers), f"`{wire}: {text}`", refusal)


def _answer(server: Spec, response: Response, body: Any) -> Answer:
    status = int(_code(response.status))
    media = response.media_type or "application/json"
    has_body = response.schema is not None
    return Answer(
        status, media if has_body else None, _headers(server, response), body, None, has_body
    )


def _headers(server: Spec, response: Response) -> dict[str, str]:
    """The headers the serving spec requires on this answer, with made-up values."""
    headers: dict[str, str] = {}
    for header in response.headers:
        if header.required:
            headers[header.wire_name] = "1"
    return headers


def _raw_header_schema(side: Spec, location: str) -> Any:
    pointer = location.removeprefix("#").removesuffix("/schema")
    node: Any = side.raw.document
    for token in [t for t in pointer.split("/") if t]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = side.raw.resolve(node) if isinstance(node, dict) and "$ref" in node else node
        if not isinstance(node, dict) or token not in node:
            return None
        node = node[token]
    return node.get("schema") if isinstance(node, dict) else None


def _carrier(accepts: View, place: tuple[str, ...], base: Any) -> Witness | None:
    """A value the accepting side allows with the changed place filled: the piece on the wire
    when nothing separates the sides."""
    options = subschemas(accepts.schemas, accepts.schema, place)
    if not options or base is None:
        return None
    piece = full(accepts.schemas, options[0])
    whole = embed(accepts.schemas, accepts.schema, base, place, piece)
    if whole is None or not accepts.schemas.is_valid(whole, accepts.schema):
        return None
    if value_at(whole, place) is ABSENT:
        return None
    return Witness(whole, place, piece, "")


def _no_carrier(reason: str, accepts: View, place: tuple[str, ...], whose: str) -> str:
    if not subschemas(accepts.schemas, accepts.schema, place):
        where = ".".join(place).replace(".[]", "[]")
        return f"{whose} has no `{where}`: nothing there can go on the wire this way"
    return reason


# Reading the change


def _param(op: Operation, wire: str) -> Parameter | None:
    return next((p for p in op.parameters if p.wire_name == wire), None)


def _status(location: str) -> str:
    found = _STATUS.search(location)
    return found.group(1) if found else ""


def _code(status: str) -> str:
    if status.isdigit():
        return status
    return status[0] + "00" if status[:1].isdigit() else "200"


def _response_for(op: Operation, status: str) -> Response | None:
    found = next((r for r in op.responses if r.status == status), None)
    if found is not None or status:
        return found
    return next((r for r in op.responses if r.status.startswith("2")), None)


def _json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 120 else text[:117] + "..."
