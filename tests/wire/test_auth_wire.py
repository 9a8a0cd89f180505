"""Every security scheme type reaches a real FastAPI server the way FastAPI's own security
dependencies read it; alternatives pick the first scheme set whose credentials were given."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI, Request
from fastapi.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
)

from tests.wire.wire_helpers import client_package, serve, spec

SCHEMES = {
    "headerKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "queryKey": {"type": "apiKey", "in": "query", "name": "api_key"},
    "cookieKey": {"type": "apiKey", "in": "cookie", "name": "session"},
    "basicAuth": {"type": "http", "scheme": "basic"},
    "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    "oauth": {
        "type": "oauth2",
        "flows": {
            "password": {"tokenUrl": "/token", "scopes": {"read": "read"}},
            "authorizationCode": {
                "authorizationUrl": "/authorize",
                "tokenUrl": "/token",
                "scopes": {},
            },
        },
    },
    "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://id.example/.well-known"},
    "mtls": {"type": "mutualTLS"},
}

OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}}


def _op(operation_id: str, path: str, security: list[dict[str, list[str]]]) -> dict[str, Any]:
    return {path: {"get": {"operationId": operation_id, "security": security, "responses": OK}}}


def _document() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for name, path in (
        ("headerKey", "/header-key"),
        ("queryKey", "/query-key"),
        ("cookieKey", "/cookie-key"),
        ("basicAuth", "/basic"),
        ("bearerAuth", "/bearer"),
        ("oauth", "/oauth"),
        ("oidc", "/oidc"),
    ):
        paths.update(_op(name + "_op", path, [{name: []}]))
    paths.update(_op("either", "/either", [{"headerKey": []}, {"basicAuth": [], "queryKey": []}]))
    paths.update(_op("anonymous", "/anonymous", []))
    document = spec(paths, securitySchemes=SCHEMES)
    document["security"] = [{"bearerAuth": []}]
    return document


# FastAPI's own security dependencies (module level: the annotations name them).
header_key = APIKeyHeader(name="X-API-Key")
query_key = APIKeyQuery(name="api_key")
cookie_key = APIKeyCookie(name="session")
basic = HTTPBasic()
bearer = HTTPBearer()


def _app() -> FastAPI:
    app = FastAPI()

    @app.get("/header-key")
    def by_header(key: Annotated[str, Depends(header_key)]) -> dict[str, Any]:
        return {"key": key}

    @app.get("/query-key")
    def by_query(key: Annotated[str, Depends(query_key)]) -> dict[str, Any]:
        return {"key": key}

    @app.get("/cookie-key")
    def by_cookie(key: Annotated[str, Depends(cookie_key)]) -> dict[str, Any]:
        return {"key": key}

    @app.get("/basic")
    def by_basic(creds: Annotated[HTTPBasicCredentials, Depends(basic)]) -> dict[str, Any]:
        return {"user": creds.username, "password": creds.password}

    for path in ("/bearer", "/oauth", "/oidc"):

        @app.get(path)
        def by_bearer(
            creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)],
        ) -> dict[str, Any]:
            return {"scheme": creds.scheme, "token": creds.credentials}

    @app.get("/{rest:path}")
    def echo(request: Request) -> dict[str, Any]:
        return {
            "authorization": request.headers.get("authorization"),
            "x_api_key": request.headers.get("x-api-key"),
            "query": dict(request.query_params),
        }

    return app


@pytest.fixture(scope="module")
def wired(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    folder: Path = tmp_path_factory.mktemp("auth")
    with client_package(folder, _document(), "auth_wire") as package, serve(_app()) as url:
        yield package, url


def test_api_keys_reach_the_header_the_query_and_the_cookie(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(
        base_url=url, header_key="h-key", query_key="q key", cookie_key="c-key"
    ) as client:
        assert client.header_key_op() == {"key": "h-key"}
        assert client.query_key_op() == {"key": "q key"}
        assert client.cookie_key_op() == {"key": "c-key"}


def test_basic_and_bearer_kinds_each_use_their_own_argument(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(
        base_url=url,
        basic_auth=("ann", "s3cret:x"),
        bearer_auth="jwt",
        oauth=lambda: "oauth-token",
        oidc="oidc-token",
    ) as client:
        assert client.basic_auth_op() == {"user": "ann", "password": "s3cret:x"}
        assert client.bearer_auth_op() == {"scheme": "Bearer", "token": "jwt"}
        assert client.oauth_op() == {"scheme": "Bearer", "token": "oauth-token"}
        assert client.oidc_op() == {"scheme": "Bearer", "token": "oidc-token"}


def test_token_serves_every_bearer_scheme_without_its_own_argument(
    wired: tuple[Any, str],
) -> None:
    package, url = wired
    with package.Client(base_url=url, token="shared", oidc="own") as client:
        assert client.oauth_op() == {"scheme": "Bearer", "token": "shared"}
        assert client.oidc_op() == {"scheme": "Bearer", "token": "own"}


def test_the_first_satisfiable_alternative_is_sent_and_only_it(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url, basic_auth=("u", "p"), query_key="q") as client:
        seen = client.either()
    assert seen["authorization"].startswith("Basic ")
    assert seen["query"] == {"api_key": "q"}
    assert seen["x_api_key"] is None
    with package.Client(
        base_url=url, header_key="h", basic_auth=("u", "p"), query_key="q"
    ) as client:
        seen = client.either()
    assert seen == {"authorization": None, "x_api_key": "h", "query": {}}


def test_an_operation_without_security_sends_no_credentials(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url, token="t", header_key="h") as client:
        seen = client.anonymous()
    assert seen == {"authorization": None, "x_api_key": None, "query": {}}


def test_missing_credentials_reach_the_server_which_refuses(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url) as client, pytest.raises(package.APIStatusError) as caught:
        client.header_key_op()
    assert caught.value.status_code in (401, 403)


def test_an_empty_credential_is_refused_at_construction_naming_the_argument(
    wired: tuple[Any, str],
) -> None:
    package, url = wired
    with pytest.raises(ValueError, match="header_key is empty"):
        package.Client(base_url=url, header_key="")
    with pytest.raises(ValueError, match="token is empty"):
        package.Client(base_url=url, token="  ")
    with pytest.raises(ValueError, match=r"basic_auth must be a \(username, password\)"):
        package.Client(base_url=url, basic_auth=("", "p"))
    client = package.Client(base_url=url, bearer_auth=lambda: "")
    with pytest.raises(ValueError, match="bearer_auth must return a non-empty str"):
        client.bearer_auth_op()


async def test_the_async_client_awaits_async_credential_callables(
    wired: tuple[Any, str],
) -> None:
    package, url = wired

    async def fresh_key() -> str:
        return "async-key"

    async with package.AsyncClient(base_url=url, header_key=fresh_key) as client:
        assert await client.header_key_op() == {"key": "async-key"}


def test_explicit_headers_still_win(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url, bearer_auth="configured") as client:
        seen = client.bearer_auth_op(extra_headers={"Authorization": "Bearer explicit"})
    assert seen == {"scheme": "Bearer", "token": "explicit"}
    assert isinstance(httpx.URL(url), httpx.URL)


def _key_only_document() -> dict[str, Any]:
    schemes = {"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
    document = spec(_op("header_key_op", "/header-key", [{"ApiKeyAuth": []}]),
                    securitySchemes=schemes)  # fmt: skip
    document["security"] = [{"ApiKeyAuth": []}]
    return document


def test_a_token_for_an_api_without_a_bearer_scheme_is_refused_naming_the_argument(
    tmp_path: Path,
) -> None:
    # Silently unused, it would reach the server as nothing and come back a bare 401.
    with client_package(tmp_path, _key_only_document(), "key_only_wire") as package:
        for client_class in (package.Client, package.AsyncClient):
            with pytest.raises(ValueError) as caught:
                client_class(base_url="http://127.0.0.1:9", token="t0ken")
            message = str(caught.value)
            assert "token is not used by this API" in message
            assert (
                "'ApiKeyAuth' (an API key in the header 'X-API-Key'): pass api_key_auth=" in message
            )
            assert message.endswith("Did you mean api_key_auth=...?")
        with serve(_app()) as url, package.Client(base_url=url, api_key_auth="k3y") as client:
            assert client.header_key_op() == {"key": "k3y"}  # the argument it names works


def test_a_token_beside_a_bearer_scheme_is_still_accepted(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url, token="shared") as client:
        assert client.bearer_auth_op() == {"scheme": "Bearer", "token": "shared"}


TS_SCENARIO = """
import { Client } from "./dist/index.js";
const url = process.argv[2];
try {
  new Client({ baseUrl: url, token: "t0ken" });
  console.log("accepted");
} catch (error) {
  console.log(`${error.constructor.name}: ${error.message}`);
}
// What the message advises reaches the server.
const client = new Client({ baseUrl: url, headers: { "X-API-Key": "k3y" } });
console.log(JSON.stringify(await client.headerKeyOp()));
"""


def test_the_typescript_client_refuses_the_token_too_and_its_advice_works(
    tmp_path: Path,
) -> None:
    import shutil
    import subprocess

    from generator.render import TargetOptions, render_target
    from tests.render.helpers import write_spec
    from tests.ts.node import NODE, ROOT, tsc

    if NODE is None or not (ROOT / "node_modules/.bin/tsc").exists():
        pytest.skip("node or typescript missing: run `make test`")
    spec_path = write_spec(tmp_path, _key_only_document(), "keyonly")
    result = render_target(spec_path, TargetOptions("keyonly", frozenset({"client-ts"})))
    for file in result.files:
        target = tmp_path / "out" / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    package = tmp_path / "out" / "client-ts"
    assert (
        '{ name: "ApiKeyAuth", kind: "api_key", location: "header", parameter: "X-API-Key" }'
        in (package / "src" / "client.ts").read_text()
    )
    tsc(["-p", str(package / "tsconfig.json")], ROOT)
    (package / "scenario.mjs").write_text(TS_SCENARIO)
    assert shutil.which("node")
    with serve(_app()) as url:
        done = subprocess.run([NODE, "scenario.mjs", url], cwd=package, capture_output=True,
                              text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "TypeError: token is not used by this API: it has no bearer, OAuth2 or OpenID Connect "
        'security scheme. Its schemes: "ApiKeyAuth" (an API key in the header "X-API-Key"): '
        'pass headers: { "X-API-Key": key }.'
    )
    assert lines[1] == '{"key":"k3y"}'
