"""The bounds of a verify run: its settings, the budget every request passes
(`Budget.take`: max requests, time limit, rate) and the exceptions that end a run.

Apart from the runner, so that the stateful sequences, which send through the runner and
stop with it, need nothing from the runner's module.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from generator.verify.plan import Credentials


class Exhausted(Exception):
    """The run's bound was reached; the message names which."""


class Unreachable(Exception):
    """The server never answered (nothing listens at the base URL): a usage error."""


STOPS = (Exhausted, Unreachable)  # what ends a run, wherever it is raised


@dataclass(frozen=True)
class Settings:
    base_url: str
    safe: bool = False
    max_requests: int = 1000
    time_limit: float = 120.0  # seconds
    rate: float = 0.0  # requests per second; 0: as fast as the server answers
    seed: int = 0
    credentials: Credentials = Credentials()
    negatives: int = 6  # refused requests per operation, at most
    timeout: float = 10.0  # per request, seconds


@dataclass
class Budget:
    settings: Settings
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    used: int = 0
    started: float = -1.0
    last: float = -1.0

    def take(self) -> None:
        now = self.clock()
        if self.started < 0:
            self.started = now
        if self.used >= self.settings.max_requests:
            raise Exhausted("max-requests")
        if now - self.started >= self.settings.time_limit:
            raise Exhausted("time-limit")
        if self.settings.rate > 0 and self.last >= 0:
            wait = self.last + 1.0 / self.settings.rate - now
            if wait > 0:
                self.sleep(wait)
                now = self.clock()
        self.last = now
        self.used += 1
