"""The parts of verify that need no server: bounds, credentials on the wire, redaction,
suggested fixes."""

from __future__ import annotations

import base64
import dataclasses

import pytest

from generator.ir.model import Operation, SecurityRequirement, SecurityScheme
from generator.verify.bounds import Budget, Exhausted, Settings
from generator.verify.checks import suggest
from generator.verify.model import Redactor
from generator.verify.plan import Call, Credentials, wire

from .helpers import PETS
from .test_verify_cli import invoke


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def test_the_budget_bounds_requests_time_and_rate() -> None:
    clock = Clock()
    budget = Budget(Settings("http://x", max_requests=3, rate=4.0), clock, clock.sleep)
    budget.take()
    budget.take()  # at once: waits a quarter of a second (4 per second)
    budget.take()
    assert clock.slept == [0.25, 0.25]
    with pytest.raises(Exhausted, match="max-requests"):
        budget.take()
    timed = Budget(Settings("http://x", time_limit=5.0), clock, clock.sleep)
    timed.take()
    clock.now += 5.0
    with pytest.raises(Exhausted, match="time-limit"):
        timed.take()


def _op(*schemes: str) -> Operation:
    return Operation("op", "op", "GET", "/things/{id}", (), "", "", False, (), None, (),
                     (SecurityRequirement(tuple((s, ()) for s in schemes)),), True, None, None,
                     "#/paths/~1things~1{id}/get")  # fmt: skip


SCHEMES = {
    "bearer": SecurityScheme("bearer", "http", scheme="bearer"),
    "basic": SecurityScheme("basic", "http", scheme="basic"),
    "key": SecurityScheme("key", "apiKey", location="query", parameter_name="api_key"),
}


def test_credentials_on_the_wire_given_none_malformed_unknown() -> None:
    given = Credentials(token="tok", api_key="k3y", basic="me:pw")
    call = Call(_op("bearer", "key"), path={"id": "a/b"})
    request = wire(call, "http://h/base/", SCHEMES, given)
    assert request.url == "http://h/base/things/a%2Fb"
    assert request.headers["Authorization"] == "Bearer tok"
    assert ("api_key", "k3y") in request.params
    none = wire(Call(call.op, credentials="none"), "http://h", SCHEMES, given)
    assert "Authorization" not in none.headers and not none.params
    malformed = wire(Call(call.op, credentials="malformed"), "http://h", SCHEMES, given)
    assert malformed.headers["Authorization"] == "Bearer"
    basic = wire(Call(_op("basic")), "http://h", SCHEMES, given)
    assert basic.headers["Authorization"] == "Basic " + base64.b64encode(b"me:pw").decode()
    unknown = wire(Call(_op("basic"), credentials="unknown"), "http://h", SCHEMES, given)
    assert "me:pw" not in base64.b64decode(unknown.headers["Authorization"][6:]).decode()


def test_redaction_covers_the_secret_its_base64_and_parts() -> None:
    credentials = Credentials(token="tok-123", basic="me:pa55word")
    redact = Redactor(credentials.secrets)
    encoded = base64.b64encode(b"me:pa55word").decode()
    assert redact.header("Authorization", f"Basic {encoded}") == "Basic ***"
    assert redact.text("echo tok-123 and pa55word") == "echo *** and ***"


@pytest.mark.parametrize(
    ("path", "message", "value", "expected"),
    [
        ("items", "{'a': 1} is not of type 'array'", {"items": {"a": 1}},
         "the server returns an object at `items` where the spec says array"),
        ("name", "None is not of type 'string'", {"name": None},
         "the server returns null at `name` where the spec says string: mark it nullable"),
        ("", "'id' is a required property", {}, "the server omits 'id' at the body: drop it from `required`"),
        ("state", "'paused' is not one of ['a', 'b']", {"state": "paused"},
         "the server returns 'paused' at `state`: add it to the enum"),
    ],
)  # fmt: skip
def test_suggested_spec_fixes(path: str, message: str, value: object, expected: str) -> None:
    assert suggest(path, message, value) == expected


def test_a_server_that_is_not_there_is_a_usage_error() -> None:
    code, _, err = invoke(str(PETS), "--base-url", "http://127.0.0.1:9")
    assert code == 2 and "cannot reach http://127.0.0.1:9" in err


def test_a_path_with_a_query_key_sends_its_pair() -> None:
    keyed = dataclasses.replace(_op(), path="/v1/messages?beta=true", security=())
    request = wire(Call(keyed), "http://h", SCHEMES, Credentials())
    assert request.url == "http://h/v1/messages"
    assert request.params == [("beta", "true")]
