"""Responses by content type from a real server: JSON, text, bytes, streamed downloads (not
buffered), server-sent events (typed, sync and async, closed when the loop stops), and a
declared redirect returned rather than followed."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse, StreamingResponse

from tests.wire.wire_helpers import client_package, serve, spec

CHUNK = {
    "type": "object",
    "required": ["index", "text"],
    "properties": {"index": {"type": "integer"}, "text": {"type": "string"}},
}
SUMMARY = {
    "type": "object",
    "properties": {"chunks": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}},
}


def _document() -> dict[str, Any]:
    chat_body = {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"stream": {"type": "boolean"}, "n": {"type": "integer"}},
                }
            }
        },
    }
    return spec(
        {
            "/report": {
                "get": {
                    "operationId": "report",
                    "parameters": [{"name": "as", "in": "query", "schema": {"type": "string"}}],
                    "responses": {
                        "200": {
                            "description": "the report in one of three forms",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Summary"}
                                },
                                "text/csv": {"schema": {"type": "string"}},
                                "image/png": {"schema": {"type": "string", "format": "binary"}},
                            },
                        }
                    },
                }
            },
            "/download": {
                "get": {
                    "operationId": "download",
                    "responses": {
                        "200": {
                            "description": "a large file",
                            "content": {
                                "application/octet-stream": {
                                    "schema": {"type": "string", "format": "binary"}
                                }
                            },
                        }
                    },
                }
            },
            "/events": {
                "get": {
                    "operationId": "events",
                    "parameters": [{"name": "n", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {
                        "200": {
                            "description": "chunks as server-sent events",
                            "content": {
                                "text/event-stream": {
                                    "schema": {"$ref": "#/components/schemas/Chunk"}
                                }
                            },
                        }
                    },
                }
            },
            "/raw-events": {
                "get": {
                    "operationId": "raw_events",
                    "responses": {
                        "200": {
                            "description": "untyped events",
                            "content": {"text/event-stream": {"schema": {"type": "string"}}},
                        }
                    },
                }
            },
            "/chat": {
                "post": {
                    "operationId": "chat",
                    "requestBody": chat_body,
                    "responses": {
                        "200": {
                            "description": "JSON, or events when stream is true",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Summary"}
                                },
                                "text/event-stream": {
                                    "schema": {"$ref": "#/components/schemas/Chunk"}
                                },
                            },
                        }
                    },
                }
            },
            "/old": {
                "get": {
                    "operationId": "old",
                    "responses": {
                        "302": {
                            "description": "moved",
                            "headers": {"Location": {"schema": {"type": "string"}}},
                        },
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {}}},
                        },
                    },
                }
            },
        },
        schemas={"Chunk": CHUNK, "Summary": SUMMARY},
    )


class Probe:
    """What the server saw: how far a download got, and whether an event stream was closed."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.sent_first = threading.Event()
        self.events_closed = threading.Event()


def _sse(index: int) -> str:
    return (
        f"event: chunk\nid: {index}\ndata: {json.dumps({'index': index, 'text': f'c{index}'})}\n\n"
    )


def _app(probe: Probe) -> FastAPI:
    app = FastAPI()

    @app.get("/report")
    def report(request: Request) -> Response:
        kind = request.query_params.get("as", "json")
        if kind == "csv":
            return Response("a,b\n1,2\n", media_type="text/csv")
        if kind == "png":
            return Response(b"\x89PNG\r\n\x1a\n\x00", media_type="image/png")
        # A date-time without an offset: accepted (responses are parsed leniently).
        body = {"chunks": 3, "at": "2026-01-02T03:04:05"}
        return Response(json.dumps(body), media_type="application/json")

    @app.get("/download")
    def download() -> StreamingResponse:
        def body() -> Iterator[bytes]:
            yield b"a" * 65536
            probe.sent_first.set()
            # The rest only once the client has the first chunk: a client that buffers the
            # whole body times out instead.
            probe.release.wait(30)
            yield b"b" * 65536

        return StreamingResponse(body(), media_type="application/octet-stream")

    @app.get("/events")
    async def events(n: int = 0) -> StreamingResponse:
        async def body() -> AsyncIterator[str]:
            try:
                index = 0
                while n == 0 or index < n:
                    yield _sse(index)
                    index += 1
                    await asyncio.sleep(0.01)
                yield "data: [DONE]\n\n"
            finally:
                probe.events_closed.set()

        return StreamingResponse(body(), media_type="text/event-stream")

    @app.get("/raw-events")
    def raw_events() -> Response:
        text = ": keep-alive\n\nevent: note\ndata: line 1\ndata: line 2\nretry: 5\n\ndata: last"
        return Response(text, media_type="text/event-stream")

    @app.post("/chat")
    async def chat(request: Request) -> Response:
        body = await request.json()
        if body.get("stream"):
            text = "".join(_sse(i) for i in range(body.get("n", 2))) + "data: [DONE]\n\n"
            return Response(text, media_type="text/event-stream")
        return Response(json.dumps({"chunks": body.get("n", 2)}), media_type="application/json")

    @app.get("/old")
    def old() -> RedirectResponse:
        return RedirectResponse("/new", status_code=302)

    @app.get("/new")
    def new() -> dict[str, Any]:
        return {"followed": True}

    return app


@pytest.fixture(scope="module")
def wired(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str, Probe]]:
    folder: Path = tmp_path_factory.mktemp("responses")
    probe = Probe()
    with (
        client_package(folder, _document(), "responses_wire") as package,
        serve(_app(probe)) as url,
    ):
        yield package, url, probe


def test_the_body_type_follows_the_response_content_type(wired: tuple[Any, str, Probe]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        summary = client.report()
        assert isinstance(summary, package.models.Summary) and summary.chunks == 3
        assert summary.at is not None and summary.at.isoformat().startswith("2026-01-02T03:04:05")
        assert client.report(as_="csv") == "a,b\n1,2\n"
        assert client.report(as_="png") == b"\x89PNG\r\n\x1a\n\x00"


def test_a_download_is_streamed_not_buffered(wired: tuple[Any, str, Probe]) -> None:
    package, url, probe = wired
    probe.release.clear()
    with package.Client(base_url=url, timeout=5) as client:
        with client.with_streaming_response.download() as response:
            assert response.status_code == 200
            chunks = response.iter_bytes()
            first = next(chunks)  # while the server holds the second half back
            assert probe.sent_first.wait(5)
            probe.release.set()
            rest = b"".join(chunks)
        assert len(first + rest) == 131072 and (first + rest).endswith(b"b")
        assert response.http_response.is_closed


async def test_an_async_download_is_streamed(wired: tuple[Any, str, Probe]) -> None:
    package, url, probe = wired
    probe.release.set()
    async with package.AsyncClient(base_url=url) as client:
        async with client.with_streaming_response.download() as response:
            size = 0
            async for chunk in response.iter_bytes():
                size += len(chunk)
    assert size == 131072
    assert response.http_response.is_closed


def test_events_arrive_typed_and_leaving_the_loop_closes_the_connection(
    wired: tuple[Any, str, Probe],
) -> None:
    package, url, probe = wired
    probe.events_closed.clear()
    with package.Client(base_url=url) as client:
        stream = client.events()  # an endless stream
        seen = []
        for chunk in stream:
            seen.append(chunk)
            if len(seen) == 3:
                break
    assert [c.index for c in seen] == [0, 1, 2]
    assert isinstance(seen[0], package.models.Chunk) and seen[2].text == "c2"
    assert stream.response.is_closed
    assert probe.events_closed.wait(5), "the server never saw the client go"


def test_a_finite_stream_ends_at_done(wired: tuple[Any, str, Probe]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        assert [c.index for c in client.events(n=4)] == [0, 1, 2, 3]


async def test_async_events_and_early_exit(wired: tuple[Any, str, Probe]) -> None:
    package, url, probe = wired
    probe.events_closed.clear()
    async with package.AsyncClient(base_url=url) as client:
        stream = await client.events()
        async with stream:
            seen = []
            async for chunk in stream:
                seen.append(chunk.index)
                if len(seen) == 2:
                    break
        assert seen == [0, 1]
        assert stream.response.is_closed
        assert [c.index async for c in await client.events(n=3)] == [0, 1, 2]
    deadline = time.monotonic() + 5
    while not probe.events_closed.is_set() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert probe.events_closed.is_set()


def test_untyped_events_are_server_sent_event_objects(wired: tuple[Any, str, Probe]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        events = list(client.raw_events())
    assert events == [
        package.ServerSentEvent(data="line 1\nline 2", event="note", retry=5),
        package.ServerSentEvent(data="last"),
    ]


def test_one_operation_answers_json_or_events(wired: tuple[Any, str, Probe]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        summary = client.chat(body={"n": 5})
        assert isinstance(summary, package.models.Summary) and summary.chunks == 5
        stream = client.chat(body={"stream": True, "n": 2})
        assert isinstance(stream, package.Stream)
        assert [c.text for c in stream] == ["c0", "c1"]


def test_a_declared_redirect_is_returned_not_followed(wired: tuple[Any, str, Probe]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        assert client.old() is None
        raw = client.with_raw_response.old()
    assert raw.status_code == 302
    assert raw.headers["location"] == "/new"


async def test_raw_responses_parse_lazily_sync_and_async(wired: tuple[Any, str, Probe]) -> None:
    package, url, _ = wired
    with package.Client(base_url=url) as client:
        raw = client.with_raw_response.report(as_="csv")
        assert raw.status_code == 200 and raw.headers["content-type"].startswith("text/csv")
        assert raw.parse() == "a,b\n1,2\n"
        events = client.with_raw_response.events(n=2)
        assert [c.index for c in events.parse()] == [0, 1]
    async with package.AsyncClient(base_url=url) as client:
        araw = await client.with_raw_response.report(as_="png")
        assert araw.parse() == b"\x89PNG\r\n\x1a\n\x00"
        redirect = await client.with_raw_response.old()
        assert redirect.status_code == 302 and redirect.parse() is None
