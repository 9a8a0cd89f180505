# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Small shared types: the NOT_GIVEN sentinel, timeouts and per-call request options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, TypeAlias, TypeVar, final

import httpx

__all__ = [
    "DEFAULT_OPTIONS",
    "NOT_GIVEN",
    "Headers",
    "NotGiven",
    "NotGivenOr",
    "PreparedRequest",
    "Query",
    "RequestOptions",
    "Timeout",
]

_T = TypeVar("_T")


@final
class NotGiven:
    """Marks an argument that was not passed, where ``None`` is itself a meaningful value.

    ``client.update_job(job_id="1", description=None)`` clears the description, while leaving
    ``description`` at its ``NOT_GIVEN`` default leaves it untouched.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        # Pickling and copying must preserve identity so `is NOT_GIVEN` checks keep working.
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

NotGivenOr: TypeAlias = _T | NotGiven
"""``NotGivenOr[int]`` is ``int | NotGiven``."""

Timeout: TypeAlias = float | httpx.Timeout | None
"""Seconds (float), a fine-grained ``httpx.Timeout``, or ``None`` for no timeout at all."""

Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, object]


@dataclass(frozen=True)
class RequestOptions:
    """Per-call overrides, accepted by every generated operation method as ``options=``.

    ``idempotent=True`` tells the client that retrying this POST/PATCH is safe (for example
    because an idempotency key is sent), so it is retried on 5xx and dropped connections.
    """

    timeout: Timeout | NotGiven = NOT_GIVEN
    extra_headers: Headers | None = None
    extra_query: Query | None = None
    max_retries: int | NotGiven = NOT_GIVEN
    idempotent: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.max_retries, int) and self.max_retries < 0:
            raise ValueError(f"RequestOptions.max_retries must be >= 0, got {self.max_retries}")


DEFAULT_OPTIONS: Final = RequestOptions()
"""The options of a call that overrides nothing (one shared object: clients recognise it)."""


@dataclass(frozen=True)
class PreparedRequest:
    """Everything needed to (re)send one request, before auth is added per attempt.

    ``url`` is absolute and already carries the query string, so a next-page link can be sent
    exactly as the server wrote it.
    """

    method: str
    url: httpx.URL
    headers: Mapping[str, str]
    json_body: object = None
    content: bytes | None = None
    form: Mapping[str, str | list[str]] | None = None
    files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None
    """Multipart parts as httpx accepts them: ``bytes`` or ``(filename, bytes, content_type)``."""
    security: tuple[tuple[str, ...], ...] | None = None
    """The operation's security alternatives by scheme name; ``None``: the bearer token alone."""
    keep_redirects: bool = False
    """True when the operation declares a 3xx response: redirects are returned, not followed."""
    send_auth: bool = True
    """False for a next-page link pointing at another origin: the token stays with our API."""
