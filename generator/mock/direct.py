"""Directed answers: a loopback-only control that makes the mock answer one call exactly as told.

`specgen diff --prove` needs the new server to send the value that breaks the old client (a
property's new type, a `null`, a status or content type the old spec never had), and a mock
left to itself answers whatever its synthesizer makes. So a mock created with
`MockOptions(direct=True)` reads one request header:

    X-Specgen-Answer: <base64url of {"status": 200, "media_type": "application/json",
                                      "headers": {"X-Rate": "1"}, "body": {...}}>

(`"text": "..."` instead of `"body"` sends raw text; no `body`/`text` sends no body.)

The request is first handled as usual, validated by the generated server: when it is refused
(any status of 400 or more) that refusal is the answer, so a directed answer never hides a
request the spec refuses. When it is accepted, the mock answers the directed status, headers
and body instead of its own, and marks it with `X-Specgen-Answered: directed`.

The control is honoured only when the mock was created with it *and* the peer is a loopback
address; anywhere else the header is ignored (the mock answers as usual). `specgen mock` never
enables it.
"""

from __future__ import annotations

import base64
import ipaddress
import json
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

HEADER = "X-Specgen-Answer"
MARK = "X-Specgen-Answered"


@dataclass(frozen=True)
class Answer:
    """What the mock is told to send."""

    status: int
    media_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    text: str | None = None
    has_body: bool = False

    def encode(self) -> str:
        data: dict[str, Any] = {"status": self.status, "headers": self.headers}
        if self.media_type is not None:
            data["media_type"] = self.media_type
        if self.text is not None:
            data["text"] = self.text
        elif self.has_body:
            data["body"] = self.body
        raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
        return base64.urlsafe_b64encode(raw).decode("ascii")

    @classmethod
    def decode(cls, header: str) -> Answer:
        """Raises ValueError for a header that is not a directed answer."""
        data = json.loads(base64.urlsafe_b64decode(header.encode("ascii")))
        status = data.get("status") if isinstance(data, dict) else None
        if not isinstance(status, int) or not 100 <= status <= 599:
            raise ValueError("a directed answer needs a status between 100 and 599")
        headers = data.get("headers") or {}
        if not isinstance(headers, dict):
            raise ValueError("a directed answer's headers are an object")
        text = data.get("text")
        return cls(
            status,
            data.get("media_type"),
            {str(k): str(v) for k, v in headers.items()},
            data.get("body"),
            text if isinstance(text, str) else None,
            "body" in data,
        )

    def response(self) -> Response:
        content: bytes | None = None
        if self.text is not None:
            content = self.text.encode()
        elif self.has_body:
            content = json.dumps(self.body, ensure_ascii=False).encode()
        headers = {**self.headers, MARK: "directed"}
        response = Response(content, self.status, headers=headers, media_type=self.media_type)
        if content is None and "content-type" in response.headers:
            del response.headers["content-type"]
        return response


def is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


Dispatch = Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]


def directed_answers(directed: ContextVar[bool] | None = None) -> Dispatch:
    """The middleware's dispatch: answer as directed once the server accepted the request.
    `directed` is set while the server handles a directed request (the mock then skips making
    an answer of its own: the request is still validated, and refused as usual)."""

    async def dispatch(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        header = request.headers.get(HEADER)
        peer = request.client.host if request.client is not None else None
        if header is None or not is_loopback(peer):
            return await call_next(request)
        try:
            answer = Answer.decode(header)
        except (ValueError, UnicodeError) as exc:
            body = {"error": {"code": "InvalidDirection", "message": str(exc)}}
            return Response(json.dumps(body), 400, media_type="application/json")
        reset = directed.set(True) if directed is not None else None
        try:
            served = await call_next(request)
        finally:
            if directed is not None and reset is not None:
                directed.reset(reset)
        if served.status_code >= 400:
            return served  # the request was refused: that is the answer
        async for _ in served.body_iterator:  # type: ignore[attr-defined]
            pass  # the mock's own answer is read and dropped
        return answer.response()

    return dispatch
