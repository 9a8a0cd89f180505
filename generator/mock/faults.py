"""Fault injection for testing clients: latency, random 503s and a per-second rate limit."""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.mock.replies import MockError


@dataclass(frozen=True)
class Faults:
    latency_ms: float = 0.0
    fail_rate: float = 0.0  # probability of a 503 per request, 0..1
    rate_limit: int = 0  # requests per second; 0 = unlimited

    def __post_init__(self) -> None:
        if self.latency_ms < 0:
            raise ValueError("latency must be 0 ms or more")
        if not 0.0 <= self.fail_rate <= 1.0:
            raise ValueError("fail rate must be between 0 and 1")
        if self.rate_limit < 0:
            raise ValueError("rate limit must be 0 (none) or more requests per second")


@dataclass
class FaultInjector:
    """Applies `Faults` before each operation. One per app; its window is its only state."""

    faults: Faults
    rng: random.Random
    clock: Callable[[], float] = time.monotonic
    window_start: float = field(default=-math.inf)
    window_count: int = 0

    async def before_call(self) -> None:
        if self.faults.latency_ms:
            await asyncio.sleep(self.faults.latency_ms / 1000)
        self.check_rate()
        if self.faults.fail_rate and self.rng.random() < self.faults.fail_rate:
            raise MockError(503, "The service is temporarily unavailable (injected fault).")

    def check_rate(self) -> None:
        """Fixed one-second windows: the N+1th request in a window gets 429 + Retry-After."""
        if not self.faults.rate_limit:
            return
        now = self.clock()
        if now - self.window_start >= 1.0:
            self.window_start, self.window_count = now, 0
        self.window_count += 1
        if self.window_count > self.faults.rate_limit:
            wait = max(1, math.ceil(self.window_start + 1.0 - now))
            raise MockError(
                429,
                f"More than {self.faults.rate_limit} requests per second (injected limit).",
                headers={"Retry-After": str(wait)},
            )
