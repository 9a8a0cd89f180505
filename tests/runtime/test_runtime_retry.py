"""The pure retry policy: Retry-After parsing, backoff delays and what may be retried."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from generator.runtime._retry import (
    is_retryable,
    parse_retry_after,
    retry_after_from_headers,
    retry_delay,
)

NOW = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", 0.0),
        ("3", 3.0),
        ("  7  ", 7.0),
        ("1.5", 1.5),
        ("-4", 0.0),
        ("86400", 86400.0),
        ("Thu, 01 Jan 2026 12:00:30 GMT", 30.0),
        ("Thu, 01 Jan 2026 11:59:00 GMT", 0.0),
        ("Thursday, 01-Jan-26 12:01:00 GMT", 60.0),
        ("soon", None),
        ("", None),
        ("nan", None),
        ("inf", None),
        ("12 seconds", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, NOW) == expected


def test_parse_retry_after_accepts_naive_now_as_utc() -> None:
    naive = NOW.replace(tzinfo=None)
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:10 GMT", naive) == 10.0


def test_retry_after_ms_wins_over_retry_after() -> None:
    headers = {"Retry-After": "5", "retry-after-ms": "250"}
    assert retry_after_from_headers(headers, NOW) == 0.25
    assert retry_after_from_headers({"retry-after": "5"}, NOW) == 5.0
    assert retry_after_from_headers({}, NOW) is None


@pytest.mark.parametrize(
    ("attempt", "expected_max"),
    [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (30, 8.0)],
)
def test_backoff_doubles_up_to_cap_with_at_most_quarter_jitter(
    attempt: int, expected_max: float
) -> None:
    assert retry_delay(attempt, None, lambda: 0.0) == expected_max
    assert retry_delay(attempt, None, lambda: 0.999999) == pytest.approx(expected_max * 0.75, 1e-5)


@pytest.mark.parametrize(("retry_after", "expected"), [(0.0, 0.0), (3.0, 3.0), (60.0, 60.0)])
def test_retry_after_is_honoured_exactly(retry_after: float, expected: float) -> None:
    assert retry_delay(0, retry_after, lambda: 0.5) == expected


def test_retry_after_over_a_minute_means_do_not_retry() -> None:
    assert retry_delay(0, 60.5, lambda: 0.0) is None
    assert retry_delay(0, 3600.0, lambda: 0.0) is None


REQUEST = httpx.Request("POST", "https://x")


@pytest.mark.parametrize(
    ("method", "outcome", "opt_in", "expected"),
    [
        ("GET", 500, False, True),
        ("GET", 503, False, True),
        ("PUT", 502, False, True),
        ("DELETE", 504, False, True),
        ("HEAD", 500, False, True),
        ("OPTIONS", 500, False, True),
        ("get", 500, False, True),
        ("POST", 500, False, False),
        ("PATCH", 503, False, False),
        ("POST", 500, True, True),
        ("PATCH", 503, True, True),
        ("POST", 429, False, True),
        ("PATCH", 408, False, True),
        ("GET", 429, False, True),
        ("GET", 400, False, False),
        ("GET", 401, False, False),
        ("GET", 404, False, False),
        ("GET", 409, False, False),
        ("POST", 422, True, False),
        ("GET", 304, False, False),
        ("GET", httpx.ReadTimeout("t", request=REQUEST), False, True),
        ("POST", httpx.ReadTimeout("t", request=REQUEST), False, False),
        ("POST", httpx.ReadTimeout("t", request=REQUEST), True, True),
        ("POST", httpx.RemoteProtocolError("dropped", request=REQUEST), False, False),
        ("PATCH", httpx.ReadError("reset", request=REQUEST), True, True),
        # Never reached the server: safe to resend whatever the method.
        ("POST", httpx.ConnectError("refused", request=REQUEST), False, True),
        ("POST", httpx.ConnectTimeout("t", request=REQUEST), False, True),
        ("POST", httpx.PoolTimeout("t", request=REQUEST), False, True),
        ("GET", httpx.TooManyRedirects("loop", request=REQUEST), False, False),
        ("GET", ValueError("a bug, not a network failure"), False, False),
    ],
)
def test_is_retryable(
    method: str, outcome: int | BaseException, opt_in: bool, expected: bool
) -> None:
    assert is_retryable(method, outcome, opt_in) is expected


def test_http_date_far_in_future_gives_large_delay_that_is_not_retried() -> None:
    later = NOW + timedelta(hours=1)
    value = later.strftime("%a, %d %b %Y %H:%M:%S GMT")
    delay = parse_retry_after(value, NOW)
    assert delay == 3600.0
    assert retry_delay(0, delay, lambda: 0.0) is None
