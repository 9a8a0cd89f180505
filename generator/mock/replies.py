"""What the mock engine answers: a reply, or an error the server writes in the spec's envelope."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class MockReply:
    status: int
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Detail:
    code: str
    message: str
    target: str | None = None


class MockError(Exception):
    """An error answer; the server writes it in the spec's envelope."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: tuple[Detail, ...] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.details = details
        self.headers = dict(headers or {})


def invalid(message: str, target: str) -> MockError:
    return MockError(422, message, details=(Detail("InvalidParameter", message, target),))


def change_error(message: str) -> MockError:
    return MockError(422, message, details=(Detail("InvalidChange", message),))
