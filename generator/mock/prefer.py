"""`Prefer: code=404` and `Prefer: example=name`: ask the mock for one of an operation's declared
responses, as Prism does (and `Prefer: return=minimal` for the lean answer, required
properties only), so a client's error paths can be exercised without a real failure.

The preferred response is answered before the request is validated or its credentials are
checked: asking for a 401 must not need a valid token. A code the operation does not declare
(neither exactly, nor as `4XX`, nor through `default`) is a 400 that says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from generator.ir.model import Api, Operation, Response
from generator.server_runtime._http import Declared, satisfies, split_key

_PARAMETER = re.compile(r"\{[^{}/]+\}")


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    operation: Operation
    declared: Declared  # the query string its key declares (`/v1/messages?beta=true`)


@dataclass(frozen=True)
class Preferred:
    status: int
    body: Any  # None: no body
    media_type: str | None


class PreferError(ValueError):
    """A preference the operation cannot satisfy (shown to the caller as a 400)."""


def routes(api: Api) -> tuple[Route, ...]:
    """Each operation's method and path template as a pattern; literal paths first, so
    `/jobs/search` is not taken for `/jobs/{id}`, and a key declaring a query before the plain
    key of its path (as the server registers them)."""
    found = []
    for op in api.operations:
        path, declared = split_key(op.path)
        found.append(Route(op.method.upper(), re.compile(_pattern(path)), op, declared))
    return tuple(sorted(found, key=lambda r: (r.operation.path.count("{"), not r.declared)))


def _pattern(template: str) -> str:
    pieces = _PARAMETER.split(template)
    return "^" + "[^/]+".join(re.escape(piece) for piece in pieces) + "/?$"


def match(table: Iterable[Route], method: str, path: str, query: str = "") -> Operation | None:
    """The operation serving `method path?query` (`query` the raw query string)."""
    values = parse_qs(query, keep_blank_values=True)
    return next(
        (
            r.operation
            for r in table
            if r.method == method.upper()
            and r.pattern.match(path)
            and satisfies(r.declared, values)
        ),
        None,
    )


def parse_prefer(header: str) -> dict[str, str]:
    """`code=404, example=bad` → {"code": "404", "example": "bad"} (RFC 7240 preferences)."""
    wanted: dict[str, str] = {}
    for item in re.split(r"[,;]", header):
        name, _, value = item.strip().partition("=")
        if name:
            wanted[name.strip().lower()] = value.strip().strip('"')
    return wanted


def wants_minimal(wanted: Mapping[str, str]) -> bool:
    """`Prefer: return=minimal` (RFC 7240), or a bare `minimal`: the lean answer, with only
    the required properties."""
    return wanted.get("return", "").lower() == "minimal" or "minimal" in wanted


def preferred(operation: Operation, wanted: Mapping[str, str], sample: Any) -> Preferred | None:
    """The response `wanted` names, or None when it names nothing the mock handles.
    `sample(response)` synthesizes a body when no example fits."""
    code, example = wanted.get("code") or None, wanted.get("example") or None
    if code is None and example is None:
        return None
    if code is not None and not (code.isdigit() and 100 <= int(code) <= 599):
        raise PreferError(f"Prefer: code={code} is not an HTTP status code")
    response = _response(operation, int(code)) if code is not None else operation.success
    if response is None:
        declared = ", ".join(r.status for r in operation.responses) or "none"
        raise PreferError(
            f"Prefer: code={code}: {operation.operation_id} declares no such response"
            f" (declared: {declared})"
        )
    status = int(code) if code is not None else response.status_code or 200
    if response.media_type is None and not response.examples:
        return Preferred(status, None, None)
    if example is not None:
        named = dict(response.examples)
        if example not in named:
            known = ", ".join(named) or "none"
            raise PreferError(
                f"Prefer: example={example}: the {response.status} response of"
                f" {operation.operation_id} has no such example (examples: {known})"
            )
        return Preferred(status, named[example], response.media_type or "application/json")
    return Preferred(status, sample(response), response.media_type or "application/json")


def _response(operation: Operation, code: int) -> Response | None:
    by_status = {r.status.upper(): r for r in operation.responses}
    return (
        by_status.get(str(code)) or by_status.get(f"{str(code)[0]}XX") or by_status.get("DEFAULT")
    )
