"""OAuth2 client-credentials tokens: fetched once, cached, refreshed, errors made clear."""

from __future__ import annotations

import asyncio
import base64
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import httpx
import pytest

from generator.runtime import (
    APIConnectionError,
    AsyncOAuth2ClientCredentials,
    AuthenticationError,
    OAuth2ClientCredentials,
    OAuth2TokenError,
)
from tests.runtime.example_client import AsyncClient, Client
from tests.runtime.runtime_helpers import JOB, Script, Sleeps, json_response

TOKEN_URL = "https://ims.example.com/connect/token"


@dataclass
class TokenServer:
    """Issues at1, at2, ... with the given lifetime and records the form posts."""

    expires_in: object = 3600
    forms: list[dict[str, list[str]]] = field(default_factory=list)
    auth_headers: list[str | None] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.forms.append(parse_qs(request.read().decode()))
        self.auth_headers.append(request.headers.get("authorization"))
        body: dict[str, object] = {"access_token": f"at{len(self.forms)}", "token_type": "Bearer"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return httpx.Response(200, json=body)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self(request)


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


def provider(server: TokenServer, clock: Clock, **kwargs: object) -> OAuth2ClientCredentials:
    return OAuth2ClientCredentials(
        TOKEN_URL,
        "my-client",
        "s3cret",
        ["itwins:read", "itwins:modify"],
        clock=clock,
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        **kwargs,  # type: ignore[arg-type]
    )


def test_token_is_cached_across_requests_and_refreshed_before_expiry() -> None:
    server, clock = TokenServer(expires_in=3600), Clock()
    api = Script([json_response(200, JOB)])
    client = Client(http_client=api.sync_client(), token=provider(server, clock))

    for _ in range(3):
        client.get_job(job_id="j1")
    assert len(server.forms) == 1
    clock.now += 3600 - 60 - 1  # still outside the 60 s refresh margin
    client.get_job(job_id="j1")
    assert len(server.forms) == 1
    clock.now += 2  # inside the margin: refresh before the server would reject it
    client.get_job(job_id="j1")
    client.get_job(job_id="j1")
    assert len(server.forms) == 2
    assert [r.headers["authorization"] for r in api.requests] == ["Bearer at1"] * 4 + [
        "Bearer at2"
    ] * 2
    assert server.forms[0] == {
        "grant_type": ["client_credentials"],
        "scope": ["itwins:read itwins:modify"],
        "client_id": ["my-client"],
        "client_secret": ["s3cret"],
    }
    assert server.auth_headers[0] is None


def test_client_secret_basic_sends_credentials_in_the_header() -> None:
    server, clock = TokenServer(), Clock()
    token = provider(server, clock, auth_method="client_secret_basic")
    assert token() == "at1"
    expected = base64.b64encode(b"my-client:s3cret").decode()
    assert server.auth_headers == [f"Basic {expected}"]
    assert "client_secret" not in server.forms[0]


def test_short_lived_token_refreshes_at_half_life_not_every_call() -> None:
    server, clock = TokenServer(expires_in=30), Clock()
    token = provider(server, clock)
    assert token() == "at1"
    clock.now += 14
    assert token() == "at1"
    clock.now += 2
    assert token() == "at2"


def test_missing_expires_in_uses_a_conservative_default() -> None:
    server, clock = TokenServer(expires_in=None), Clock()
    token = provider(server, clock)
    assert token() == token() == "at1"
    clock.now += 300
    assert token() == "at2"


def test_invalidate_forces_a_new_token() -> None:
    server, clock = TokenServer(), Clock()
    token = provider(server, clock)
    assert token() == "at1"
    token.invalidate()
    assert token() == "at2"


def test_concurrent_threads_fetch_once() -> None:
    server, clock = TokenServer(), Clock()
    token = provider(server, clock)
    results: list[str] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        results.append(token())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["at1"] * 8
    assert len(server.forms) == 1


def test_token_endpoint_rejection_is_a_clear_authentication_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        body = {"error": "invalid_client", "error_description": "Client secret expired"}
        return httpx.Response(400, json=body)

    token = OAuth2ClientCredentials(
        TOKEN_URL, "id", "secret", http_client=httpx.Client(transport=httpx.MockTransport(refuse))
    )
    api = Script([json_response(200, JOB)])
    client = Client(http_client=api.sync_client(), token=token)
    with pytest.raises(OAuth2TokenError) as caught:
        client.get_job(job_id="j1")
    error = caught.value
    assert isinstance(error, AuthenticationError)
    assert error.code == "invalid_client"
    assert TOKEN_URL in str(error)
    assert "Client secret expired" in str(error)
    assert api.requests == []


def test_token_response_without_access_token() -> None:
    def odd(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>login</html>")

    token = OAuth2ClientCredentials(
        TOKEN_URL, "id", "secret", http_client=httpx.Client(transport=httpx.MockTransport(odd))
    )
    with pytest.raises(OAuth2TokenError, match="without an access_token"):
        token()


def test_token_endpoint_unreachable() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("name resolution failed")

    token = OAuth2ClientCredentials(
        TOKEN_URL, "id", "secret", http_client=httpx.Client(transport=httpx.MockTransport(down))
    )
    with pytest.raises(APIConnectionError, match="ims.example.com"):
        token()


def test_repr_hides_the_secret() -> None:
    token = OAuth2ClientCredentials(TOKEN_URL, "id", "very-secret-value")
    assert "very-secret-value" not in repr(token)
    assert "very-secret-value" not in repr(vars(token))


async def test_async_provider_caches_and_serialises_refresh() -> None:
    server, clock = TokenServer(), Clock()
    token = AsyncOAuth2ClientCredentials(
        TOKEN_URL,
        "my-client",
        "s3cret",
        clock=clock,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server.handle_async)),
    )
    assert await asyncio.gather(*(token() for _ in range(5))) == ["at1"] * 5
    assert len(server.forms) == 1
    assert "scope" not in server.forms[0]

    api = Script([json_response(200, JOB)])
    client = AsyncClient(http_client=api.async_client(), token=token, sleep=Sleeps().async_sleep)
    await client.get_job(job_id="j1")
    clock.now += 4000
    await client.get_job(job_id="j1")
    assert [r.headers["authorization"] for r in api.requests] == ["Bearer at1", "Bearer at2"]


def test_401_renews_a_cached_token_once() -> None:
    server, clock = TokenServer(), Clock()
    api = Script(
        [
            json_response(401, {"error": {"code": "InvalidToken", "message": "revoked"}}),
            json_response(200, JOB),
        ]
    )
    client = Client(http_client=api.sync_client(), token=provider(server, clock), sleep=Sleeps())
    assert client.get_job(job_id="j1").id == "j1"
    assert [r.headers["authorization"] for r in api.requests] == ["Bearer at1", "Bearer at2"]

    api.replies = [json_response(401, {"error": {"code": "InvalidToken", "message": "revoked"}})]
    count = len(api.requests)
    with pytest.raises(AuthenticationError) as caught:
        client.get_job(job_id="j1")
    assert caught.value.code == "InvalidToken"
    assert len(api.requests) == count + 2  # one retry with a fresh token, then give up
    assert len(server.forms) == 3


def test_401_with_a_plain_token_is_not_retried() -> None:
    api = Script([json_response(401, {"message": "bad token"})])
    client = Client(http_client=api.sync_client(), token="static", sleep=Sleeps())
    with pytest.raises(AuthenticationError, match="bad token"):
        client.get_job(job_id="j1")
    assert len(api.requests) == 1


async def test_async_401_renews_a_cached_token_once() -> None:
    server, clock = TokenServer(), Clock()
    token = AsyncOAuth2ClientCredentials(
        TOKEN_URL,
        "my-client",
        "s3cret",
        clock=clock,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server.handle_async)),
    )
    api = Script([json_response(401, {}), json_response(200, JOB)])
    client = AsyncClient(http_client=api.async_client(), token=token, sleep=Sleeps().async_sleep)
    await client.get_job(job_id="j1")
    assert [r.headers["authorization"] for r in api.requests] == ["Bearer at1", "Bearer at2"]


def test_a_token_no_scheme_takes_is_refused_naming_every_scheme_and_its_argument() -> None:
    from generator.runtime._security import AuthScheme, check_token_use

    key = AuthScheme("key", "api_key", "key", location="query", parameter="api_key")
    basic = AuthScheme("login", "basic", "login")
    digest = AuthScheme("digest", "http", "digest", http_scheme="Digest")
    with pytest.raises(ValueError) as caught:
        check_token_use({"key": key, "login": basic, "digest": digest}, "t")
    message = str(caught.value)
    assert "'key' (an API key in the query 'api_key'): pass key=..." in message
    assert "'login' (HTTP basic, a (username, password) tuple): pass login=..." in message
    assert "'digest' (HTTP Digest): pass digest=..." in message
    assert "Did you mean" not in message  # three to choose from: no single guess
    bearer = AuthScheme("oauth", "bearer", "oauth")
    check_token_use({"key": key, "oauth": bearer}, "t")  # the bearer scheme takes it
    check_token_use({}, "t")  # no declared schemes: sent where an operation declares none
    check_token_use({"key": key}, None)  # no token, nothing to refuse
