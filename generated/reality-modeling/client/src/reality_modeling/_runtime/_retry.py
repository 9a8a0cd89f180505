# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Retry policy as pure functions: the clock and the random source are passed in.

Which failures are retried:

* connection failures and timeouts, 408, 429 and 5xx, at most ``max_retries`` times (default 2);
* 408 and 429 for every method, because the server says it did not process the request;
* connection failures before anything was sent (refused, connect timeout, pool timeout) for
  every method, for the same reason;
* 5xx and connections dropped mid-request only for idempotent methods (GET, HEAD, OPTIONS,
  PUT, DELETE, TRACE) unless the operation is marked idempotent or the caller opts in, because
  replaying a POST/PATCH the server may have executed could apply it twice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from ._types import Timeout

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "AttemptPolicy",
    "IDEMPOTENT_METHODS",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "is_retryable",
    "parse_retry_after",
    "retry_after_from_headers",
    "retry_delay",
]

DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A Retry-After longer than this is treated as "do not retry now": the error is raised."""

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

_ALWAYS_RETRYABLE_STATUSES = frozenset({408, 429})

# Failures that happen before the request reached the server: safe to replay for any method.
_NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


@dataclass(frozen=True)
class AttemptPolicy:
    """How one call is attempted: its timeout, how often it is retried, and whether a
    failure after sending may be retried (an idempotent operation, or the caller says so)."""

    timeout: Timeout
    max_retries: int
    idempotent: bool
    timeouts: Mapping[str, float | None]
    """``timeout`` as httpx carries it in ``Request.extensions`` (converted once, not per send)."""


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait according to a ``Retry-After`` header value.

    Accepts delay-seconds (integer or float) and HTTP-dates; a negative delay or a date in the
    past gives 0; a missing or unparsable value gives ``None``.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        return _seconds_until_http_date(text, now)
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)


def _seconds_until_http_date(text: str, now: datetime) -> float | None:
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)


def retry_after_from_headers(headers: Mapping[str, str], now: datetime) -> float | None:
    """Server-requested delay in seconds: ``retry-after-ms`` wins over ``Retry-After``."""
    lowered = {key.lower(): value for key, value in headers.items()}
    millis = parse_retry_after(lowered.get("retry-after-ms"), now)
    if millis is not None:
        return millis / 1000.0
    return parse_retry_after(lowered.get("retry-after"), now)


def retry_delay(attempt: int, retry_after: float | None, rng: Callable[[], float]) -> float | None:
    """Seconds to sleep before retry number ``attempt`` (0 for the first retry).

    A server-given ``retry_after`` is honoured exactly when it is at most 60 s; a longer one
    returns ``None`` (do not retry). Otherwise exponential backoff ``min(0.5 * 2**attempt, 8)``
    reduced by up to 25 % of random jitter, ``rng`` returning a float in [0, 1).
    """
    if retry_after is not None:
        if retry_after > MAX_RETRY_AFTER:
            return None
        return max(retry_after, 0.0)
    backoff = min(INITIAL_RETRY_DELAY * 2.0 ** max(attempt, 0), MAX_RETRY_DELAY)
    return backoff * (1.0 - 0.25 * rng())


def is_retryable(method: str, status_or_exc: int | BaseException, idempotent_opt_in: bool) -> bool:
    """Whether a failed attempt may be retried (the caller enforces ``max_retries``)."""
    replay_is_safe = idempotent_opt_in or method.upper() in IDEMPOTENT_METHODS
    if isinstance(status_or_exc, BaseException):
        if isinstance(status_or_exc, _NOT_SENT_ERRORS):
            return True
        return isinstance(status_or_exc, httpx.TransportError) and replay_is_safe
    if status_or_exc in _ALWAYS_RETRYABLE_STATUSES:
        return True
    return status_or_exc >= 500 and replay_is_safe
