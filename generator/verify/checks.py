"""Judging one response against the operation's spec: which checks it fails, and where.

A response is judged by what the request was meant to be: `valid` (it must be answered
with a declared status, its declared Content-Type and a body of its schema, never 5xx and
never refused), `refused` (a request the spec refuses must get a 4xx) or `unauthorized`
(no or malformed credentials must get 401/403).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from generator.ir.model import Operation, Response
from generator.values.schema import Schemas
from generator.verify.locate import Place, Source, where
from generator.verify.model import Finding, Received, Sent

# A valid request answered with one of these was refused (business answers such as 404 for
# an unknown id, 409 or 429 are not).
_REFUSALS = (400, 405, 406, 411, 413, 414, 415, 422)
_ERROR_LINE = re.compile(r"^(?P<path>.*?): (?P<message>.*)$", re.S)
_TYPE_ERROR = re.compile(r" is not of type (?P<types>.+)$")


@dataclass(frozen=True)
class Exchange:
    """One request and its response, with what the request was meant to be."""

    op: Operation
    expect: str  # valid | refused | unauthorized
    why: str  # the refusal's reason, or which credentials were sent
    sent: Sent
    received: Received
    body: bytes  # the whole response body (the record keeps a truncated copy)
    where: Place | None = None  # the spec place a refused request violates


@dataclass(frozen=True)
class Judge:
    schemas: Schemas
    source: Source

    def findings(self, exchange: Exchange) -> list[Finding]:
        status = exchange.received.status
        expect = exchange.expect
        found: list[Finding] = []
        if expect == "refused" and not 400 <= status < 500:
            verdict = "accepted" if status < 400 else "crashed on"
            place = exchange.where or self.source.at(exchange.op.pointer)
            found.append(self._finding(exchange, "negative",
                f"the server {verdict} a request the spec refuses ({exchange.why}): "
                f"expected 4xx, got {status}", place))  # fmt: skip
        elif expect == "unauthorized" and status not in (401, 403):
            place = self._security_place(exchange.op)
            found.append(self._finding(exchange, "auth",
                f"a request with {exchange.why} got {status}, expected 401 or 403", place))  # fmt: skip
        elif expect == "valid" and status >= 500:
            found.append(self._finding(exchange, "server-error",
                f"a valid request was answered {status}", self.source.at(exchange.op.pointer)))  # fmt: skip
        elif expect == "valid" and (status in _REFUSALS or (status == 404 and "{" not in
                                                            exchange.op.path)):  # fmt: skip
            place = self.source.at(exchange.op.pointer, *_request_tokens(exchange.op))
            found.append(self._finding(exchange, "valid-refused",
                f"a valid request was refused with {status}: {_snippet(exchange.body)}", place,
                "if the server is right, the spec allows more than it accepts: tighten the "
                "request schema or parameters"))  # fmt: skip
        if status < 500 and not (expect == "unauthorized" and status in (401, 403)
                                 and matching(exchange.op, status) is None):  # fmt: skip
            # Declared security implies 401/403: many specs (FastAPI's own) leave them out.
            found += self._conformance(exchange)
        return found

    def _conformance(self, exchange: Exchange) -> list[Finding]:
        """`declared` and `shape`: the response is one the spec describes."""
        op, received = exchange.op, exchange.received
        response = matching(op, received.status)
        responses = self.source.at(op.pointer, "responses")
        if response is None:
            declared = ", ".join(r.status for r in op.responses) or "none"
            return [self._finding(exchange, "declared",
                f"status {received.status} is not declared (declared: {declared})", responses,
                f"if the server is right, declare a {received.status} (or "
                f"{str(received.status)[0]}XX, or default) response for {op.method} {op.path}")]  # fmt: skip
        place = self.source.at(op.pointer, "responses", response.status)
        found = self._headers(exchange, response, place)
        if not exchange.body.strip() or exchange.sent.method == "HEAD":
            return found
        content = self.source.child(place, "content")
        media_types = [str(k) for k in content.value] if content and isinstance(
            content.value, dict) else []  # fmt: skip
        served = received.content_type.split(";")[0].strip().lower()
        if not media_types:
            return found  # no body declared: nothing to judge it by
        chosen = next((m for m in media_types if _media_matches(m, served)), None)
        if chosen is None:
            what = served or "no Content-Type"
            hint = _served_as(served, exchange.body)
            found.append(self._finding(exchange, "declared",
                f"Content-Type {what} is not declared for {response.status} "
                f"(declared: {', '.join(media_types)}){hint}", content or place,
                f"if the server is right, declare {what} under {response.status}"))  # fmt: skip
            return found
        if not _is_json(chosen) or response.schema is None:
            return found
        if response.media_type and not _media_matches(response.media_type, served):
            return found  # an alternative media type: the IR keeps the first one's schema only
        try:
            value = json.loads(exchange.body)
        except ValueError:
            found.append(self._finding(exchange, "shape",
                f"the body is not JSON, though served as {served}: {_snippet(exchange.body)}",
                content or place))  # fmt: skip
            return found
        errors = self.schemas.errors(value, response.schema)
        if errors:
            schema_place = self.source.child(content, chosen) if content else None
            schema_place = self.source.child(schema_place, "schema") if schema_place else None
            path, message = _split(errors[0])
            tokens = [int(t) if t.isdigit() else t for t in path.split("/")] if path else []
            where = self.source.in_schema(schema_place, tokens) if schema_place else place
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            found.append(self._finding(exchange, "shape",
                f"the body does not match the schema at {path or '(root)'}: {message}{more}",
                where, suggest(path, message, value)))  # fmt: skip
        return found

    def _headers(self, exchange: Exchange, response: Response, place: Place) -> list[Finding]:
        present = {k.lower() for k, _ in exchange.received.headers}
        found = []
        for header in response.headers:
            if header.required and header.wire_name.lower() not in present:
                where = self.source.walk(place, ["headers", header.wire_name])
                found.append(self._finding(exchange, "shape",
                    f"the required response header {header.wire_name} is missing", where,
                    f"if the server is right, make header {header.wire_name} optional"))  # fmt: skip
        return found

    def _security_place(self, op: Operation) -> Place:
        own = self.source.at(op.pointer, "security")
        if own.pointer.endswith("/security"):
            return own
        return self.source.at("#/security")

    def _finding(
        self, exchange: Exchange, check: str, message: str, place: Place, suggestion: str = ""
    ) -> Finding:
        op = exchange.op
        context = ""
        if check in ("declared", "shape") and exchange.expect == "refused":
            context = f"answering a request the spec refuses: {exchange.why}"
        elif check in ("declared", "shape") and exchange.expect == "unauthorized":
            context = f"answering a request with {exchange.why}"
        return Finding(
            operation=f"{op.method} {op.path}",
            operation_id=op.operation_id,
            check=check,
            message=message,
            request=exchange.sent,
            response=exchange.received,
            location=where(place),
            pointer=place.pointer,
            suggestion=suggestion,
            context=context,
        )


def matching(op: Operation, status: int) -> Response | None:
    """The declared response for `status`: exact, then `4XX`, then `default`."""
    for key in (str(status), f"{str(status)[0]}XX"):
        found = next((r for r in op.responses if r.status.upper() == key), None)
        if found is not None:
            return found
    return next((r for r in op.responses if r.status == "default"), None)


def suggest(path: str, message: str, value: Any) -> str:
    """A spec fix for a schema error, when the server is probably right."""
    where = f"`{path}`" if path else "the body"
    typed = _TYPE_ERROR.search(message)
    if typed:
        actual = _json_type(_at(value, path))
        wanted = typed["types"].replace("'", "")
        if actual == "null":
            return (
                f"the server returns null at {where} where the spec says {wanted}: mark it nullable"
            )
        return f"the server returns {_article(actual)} at {where} where the spec says {wanted}"
    if "is a required property" in message:
        name = message.split(" is a required property")[0].strip("'\"")
        return f"the server omits {name!r} at {where}: drop it from `required`"
    if "is not one of" in message:
        shown = message.split(" is not one of")[0]
        return f"the server returns {shown} at {where}: add it to the enum"
    if "Additional properties are not allowed" in message:
        return f"the server returns properties the spec does not declare at {where}: declare them"
    return ""


def _split(error: str) -> tuple[str, str]:
    match = _ERROR_LINE.match(error)
    if not match:
        return "", error
    path = match["path"]
    return ("" if path == "(root)" else path), match["message"]


def _at(value: Any, path: str) -> Any:
    for token in path.split("/") if path else []:
        if isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        elif isinstance(value, dict):
            value = value.get(token)
        else:
            return None
    return value


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _article(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _media_matches(declared: str, served: str) -> bool:
    declared = declared.split(";")[0].strip().lower()
    if declared in ("*/*", served):
        return True
    major, _, minor = declared.partition("/")
    return minor == "*" and served.startswith(major + "/")


def _is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def _served_as(served: str, body: bytes) -> str:
    if served.startswith("text/html") or body.lstrip()[:1] == b"<":
        return ": the server answered HTML"
    if served == "application/octet-stream":
        return ": the server answered raw bytes"
    return ""


def _snippet(body: bytes, size: int = 160) -> str:
    text = body.decode("utf-8", "replace").strip().replace("\n", " ")
    return text[:size] + ("..." if len(text) > size else "")


def _request_tokens(op: Operation) -> list[str]:
    if op.body is not None:
        return ["requestBody"]
    return ["parameters"] if op.parameters else []
