# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Responses read while they arrive: server-sent events and streamed downloads.

``Stream[T]`` / ``AsyncStream[T]`` iterate the events of a ``text/event-stream`` response, each
event's ``data`` parsed into ``T`` (JSON) — or, for ``T`` = ``ServerSentEvent``, the events
themselves. The connection is closed when the events end, when the loop is left early (the
iterator is a generator whose ``finally`` closes it) and on ``close()``/``with`` exit. A
``data: [DONE]`` event (OpenAI's end marker) ends the stream.

``StreamedResponse`` / ``AsyncStreamedResponse`` are what ``with_streaming_response`` methods
give inside their ``with`` block: the status and headers at once, the body in chunks.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx
import pydantic

from ._errors import APIResponseValidationError
from ._response import AdapterCache, ByMedia, ResponseTypes, parse_lenient

__all__ = [
    "AsyncStream",
    "async_streaming_wrapper",
    "has_event_stream",
    "streaming_requested",
    "streaming_wrapper",
    "AsyncStreamedResponse",
    "AsyncStreamedResponseContext",
    "EventStream",
    "SSEDecoder",
    "ServerSentEvent",
    "Stream",
    "StreamedResponse",
    "StreamedResponseContext",
]

T = TypeVar("T")
P = ParamSpec("P")

DONE = "[DONE]"

_streaming: ContextVar[bool] = ContextVar("specgen_streaming_response", default=False)


def streaming_requested() -> bool:
    """True inside a ``with_streaming_response`` call: the client then returns the response
    unread (a ``StreamedResponse``) instead of parsing it."""
    return _streaming.get()


def streaming_wrapper(func: Callable[P, T]) -> Callable[P, StreamedResponseContext[T]]:
    """``func`` (an operation method) as a ``with_streaming_response`` method: the call is
    made when the ``with`` block is entered, and the response comes back unread."""

    def wrapped(*args: P.args, **kwargs: P.kwargs) -> StreamedResponseContext[T]:
        def send() -> StreamedResponse[T]:
            token = _streaming.set(True)
            try:
                return cast(StreamedResponse[T], func(*args, **kwargs))
            finally:
                _streaming.reset(token)

        return StreamedResponseContext(send)

    return wrapped


def async_streaming_wrapper(
    func: Callable[P, Coroutine[Any, Any, T]],
) -> Callable[P, AsyncStreamedResponseContext[T]]:
    """Async counterpart of ``streaming_wrapper`` (``async with``)."""

    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncStreamedResponseContext[T]:
        async def send() -> AsyncStreamedResponse[T]:
            token = _streaming.set(True)
            try:
                return cast(AsyncStreamedResponse[T], await func(*args, **kwargs))
            finally:
                _streaming.reset(token)

        return AsyncStreamedResponseContext(send())

    return wrapped


@dataclass(frozen=True)
class ServerSentEvent:
    """One event as the server wrote it (``data`` lines joined with newlines)."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None

    def json(self) -> Any:
        return json.loads(self.data)


@dataclass(frozen=True)
class EventStream:
    """In ``response_types``: this status answers with events whose data are ``item_type``."""

    item_type: Any


class SSEDecoder:
    """The ``text/event-stream`` format of the HTML standard, fed one line at a time."""

    def __init__(self) -> None:
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self._retry: int | None = None

    def feed(self, line: str) -> ServerSentEvent | None:
        """The event a blank line completes, else ``None``."""
        line = line.rstrip("\r\n")
        if not line:
            if not self._data and not self._event:
                return None
            event = ServerSentEvent(
                data="\n".join(self._data),
                event=self._event or "message",
                id=self._id,
                retry=self._retry,
            )
            self._data, self._event, self._retry = [], "", None
            return event
        if line.startswith(":"):
            return None  # a comment (often a keep-alive)
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None


class _EventParser(Generic[T]):
    def __init__(self, response: httpx.Response, item_type: Any, adapters: AdapterCache) -> None:
        self.response = response
        self.item_type = item_type
        self._adapters = adapters

    def parse(self, event: ServerSentEvent) -> T | None:
        """The event as ``T``; ``None`` for the end marker."""
        if event.data == DONE:
            return None
        if self.item_type is ServerSentEvent:
            result: Any = event
            return result  # type: ignore[no-any-return]
        if self.item_type is str:
            return event.data  # type: ignore[return-value]
        try:
            parsed: T = parse_lenient(self._adapters.get(self.item_type), event.data, json=True)
        except pydantic.ValidationError as exc:
            request = self.response.request
            raise APIResponseValidationError(
                f"{request.method} {request.url} sent an event that does not match the declared "
                f"type: {exc}",
                response=self.response,
                body=event.data,
            ) from exc
        return parsed

    def _items(self, decoder: SSEDecoder, line: str) -> list[T] | None:
        """What one line of the stream adds: no item yet, one item, or None at the end
        marker (feed ``""`` once the body ends, to flush the last event)."""
        event = decoder.feed(line)
        if event is None:
            return []
        item = self.parse(event)
        return None if item is None else [item]


class Stream(_EventParser[T]):
    """The events of a response, parsed into ``T``; iterate once (``for chunk in stream``)."""

    def __iter__(self) -> Iterator[T]:
        decoder = SSEDecoder()
        try:
            for line in self.response.iter_lines():
                items = self._items(decoder, line)
                if items is None:
                    return
                yield from items
            yield from self._items(decoder, "") or ()
        finally:
            # Also when the caller leaves the loop early: the generator is closed then.
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Stream[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncStream(_EventParser[T]):
    """Async counterpart of ``Stream`` (``async for chunk in stream``)."""

    async def __aiter__(self) -> AsyncIterator[T]:
        decoder = SSEDecoder()
        try:
            async for line in self.response.aiter_lines():
                items = self._items(decoder, line)
                if items is None:
                    return
                for item in items:
                    yield item
            for item in self._items(decoder, "") or ():
                yield item
        finally:
            await self.response.aclose()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncStream[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


class _UnreadResponse(Generic[T]):
    """What the sync and async streamed responses share: the response and its parser."""

    def __init__(self, http_response: httpx.Response, parser: Callable[[], T]) -> None:
        self.http_response = http_response
        self._parser = parser

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers


class StreamedResponse(_UnreadResponse[T]):
    """A response whose body has not been read: iterate it in chunks, or ``parse()`` it."""

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def read(self) -> bytes:
        return self.http_response.read()

    def parse(self) -> T:
        """Read the rest of the body and parse it into the declared type."""
        self.http_response.read()
        return self._parser()

    def close(self) -> None:
        self.http_response.close()


class AsyncStreamedResponse(_UnreadResponse[T]):
    """Async counterpart of ``StreamedResponse``."""

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self.http_response.aiter_text(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        return self.http_response.aiter_lines()

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def parse(self) -> T:
        await self.http_response.aread()
        return self._parser()

    async def close(self) -> None:
        await self.http_response.aclose()


class StreamedResponseContext(Generic[T]):
    """``with client.with_streaming_response.op(...) as response:`` sends on entry and
    closes the connection on exit."""

    def __init__(self, send: Callable[[], StreamedResponse[T]]) -> None:
        self._send = send
        self._response: StreamedResponse[T] | None = None

    def __enter__(self) -> StreamedResponse[T]:
        self._response = self._send()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncStreamedResponseContext(Generic[T]):
    """``async with async_client.with_streaming_response.op(...) as response:``."""

    def __init__(self, send: Awaitable[AsyncStreamedResponse[T]]) -> None:
        self._send = send
        self._response: AsyncStreamedResponse[T] | None = None

    async def __aenter__(self) -> AsyncStreamedResponse[T]:
        self._response = await self._send
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def has_event_stream(types: ResponseTypes) -> bool:
    """Whether some status may answer with server-sent events (then the body is streamed)."""
    for declared in types.values():
        if isinstance(declared, EventStream):
            return True
        if isinstance(declared, ByMedia) and any(
            isinstance(t, EventStream) for t in declared.types.values()
        ):
            return True
    return False
