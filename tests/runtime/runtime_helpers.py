"""Scripted fake servers for runtime tests: httpx.MockTransport plus recorded requests."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

FIXED_NOW = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
BASE_URL = "https://jobs.example.com/v1"

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def json_response(
    status: int, body: object, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


@dataclass
class Script:
    """Answers requests with the scripted replies in order (the last one repeats)."""

    replies: list[Reply]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        reply = self.replies[min(len(self.requests), len(self.replies)) - 1]
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)
        return reply(request)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self(request)

    def sync_client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))

    def async_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handle_async))

    def bodies(self) -> list[object]:
        return [json.loads(r.content) if r.content else None for r in self.requests]


@dataclass
class Sleeps:
    """Records requested sleeps instead of sleeping."""

    delays: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.delays.append(seconds)


JOB = {"id": "j1", "name": "build", "status": "queued", "tags": ["a"]}
