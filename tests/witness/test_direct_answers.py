"""The mock's directed answers (`generator.mock.direct`): honoured only when enabled and only
from loopback, only after the generated server accepted the request."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import yaml

from generator.diff.prove_calls import serve
from generator.mock.direct import HEADER, MARK, Answer, is_loopback
from generator.mock.server import MockOptions, mock_app, render_server
from generator.mock.stateless import StatelessAnswers

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Directed", "version": "1"},
    "paths": {
        "/pets": {
            "post": {
                "operationId": "createPet",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {"name": {"type": "string", "maxLength": 5}},
                            }
                        }
                    },
                },
                "responses": {
                    "201": {
                        "description": "made",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["id"],
                                    "properties": {"id": {"type": "string"}},
                                }
                            }
                        },
                    }
                },
            }
        }
    },
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("directed")
    spec = folder / "directed.yaml"
    spec.write_text(yaml.safe_dump(SPEC))
    return render_server(spec, name="specgen-directed-test", workdir=folder)


def _post(url: str, body: Any, answer: Answer | None) -> httpx.Response:
    headers = {HEADER: answer.encode()} if answer else {}
    return httpx.post(f"{url}/pets", json=body, headers=headers, timeout=20)


def test_a_directed_answer_is_sent_after_the_request_was_accepted(server: Any) -> None:
    answer = Answer(201, "application/json", {"X-Rate": "7"}, {"id": 42}, None, True)
    with serve(mock_app(server, MockOptions(direct=True))) as url:
        sent = _post(url, {"name": "Rex"}, answer)
        assert sent.status_code == 201 and sent.json() == {"id": 42}  # not the spec's shape
        assert sent.headers["X-Rate"] == "7" and sent.headers[MARK] == "directed"
        text = Answer(200, "text/csv", {}, text="a,b\n")
        csv = _post(url, {"name": "Rex"}, text)
        assert csv.headers["content-type"].startswith("text/csv") and csv.text == "a,b\n"
        # A request the spec refuses is refused: the direction never hides it.
        refused = _post(url, {"name": "much too long"}, answer)
        assert refused.status_code == 422 and MARK not in refused.headers
        broken = httpx.post(f"{url}/pets", json={"name": "a"}, headers={HEADER: "!!"}, timeout=20)
        assert broken.status_code == 400 and "InvalidDirection" in broken.text


def test_the_control_is_off_unless_enabled_and_ignored_from_elsewhere(server: Any) -> None:
    answer = Answer(201, "application/json", {}, {"id": 42}, None, True)
    with serve(mock_app(server, MockOptions())) as url:
        plain = _post(url, {"name": "Rex"}, answer)
        assert plain.status_code == 201 and MARK not in plain.headers
        assert isinstance(plain.json()["id"], str)  # the mock's own answer
    # The same enabled mock, called from a peer that is not loopback: the header is ignored.
    transport = httpx.ASGITransport(
        mock_app(server, MockOptions(direct=True)), client=("10.0.0.8", 4000)
    )

    async def remote_call() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            headers = {HEADER: answer.encode()}
            return await client.post("/pets", json={"name": "Rex"}, headers=headers)

    remote = asyncio.run(remote_call())
    assert remote.status_code == 201 and MARK not in remote.headers
    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("10.0.0.8")


def test_an_answer_round_trips_through_its_header() -> None:
    answer = Answer(204, None, {"ETag": "x"})
    assert Answer.decode(answer.encode()) == answer
    with pytest.raises(ValueError, match="status"):
        Answer.decode(Answer(999).encode())


def test_a_directed_call_is_answered_even_where_the_mock_could_not_answer(
    server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mock's own answer is never made for a directed call: one it would fail to make (or
    that the stubs would refuse, a 500) cannot hide the direction as if the request had been
    refused. Undirected calls still get the mock's own answer (here: its failure)."""
    app = mock_app(server, MockOptions(direct=True))

    def fails(self: Any, op: Any) -> Any:
        raise RuntimeError("no answer could be made")

    monkeypatch.setattr(StatelessAnswers, "example_reply", fails)
    answer = Answer(201, "application/json", {}, {"id": 42}, None, True)
    with serve(app) as url:
        directed = _post(url, {"name": "Rex"}, answer)
        assert directed.status_code == 201 and directed.json() == {"id": 42}
        assert directed.headers[MARK] == "directed"
        plain = _post(url, {"name": "Rex"}, None)
        assert plain.status_code == 500 and "no answer could be made" in plain.text
