"""`specgen diff --prove` end to end: real generated clients against real strict mocks on
loopback (uvicorn on 127.0.0.1). Every verdict comes from a call that was made."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from diff_helpers import run_cli, write

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff" / "prove"


@pytest.fixture(scope="module")
def proved() -> dict[str, dict[str, Any]]:
    outcome = run_cli(
        str(FIXTURES / "base.yaml"), str(FIXTURES / "revision.yaml"), "--prove", "--format", "json"
    )
    assert outcome.exit_code == 1, outcome.stderr  # breaking changes found
    return {change["id"]: change for change in outcome.changes}


def test_removed_required_response_property_breaks_the_old_client(
    proved: dict[str, dict[str, Any]],
) -> None:
    proof = proved["response-required-property-removed"]["proof"]
    assert proof["verdict"] == "broke"
    assert proof["call"].startswith("old client .get_pet(")
    assert "APIResponseValidationError" in proof["detail"] and "name" in proof["detail"]
    # Rolling the server back is harmless here: the new client never needed `name`.
    assert proved["response-required-property-removed"]["rollback"]["verdict"] == "held"


def test_narrowed_request_enum_breaks_with_the_removed_value(
    proved: dict[str, dict[str, Any]],
) -> None:
    proof = proved["request-property-enum-value-removed"]["proof"]
    assert proof["verdict"] == "broke"
    assert '"kind": "bird"' in proof["call"] and "HTTP 422" in proof["call"]
    assert proved["request-property-enum-value-removed"]["rollback"]["verdict"] == "held"


def test_added_optional_response_property_holds(proved: dict[str, dict[str, Any]]) -> None:
    proof = proved["response-optional-property-added"]["proof"]
    assert proof["verdict"] == "held"
    assert "parsed" in proof["call"]


def test_rollback_catches_what_a_server_rollback_breaks(
    proved: dict[str, dict[str, Any]],
) -> None:
    # The new client sends the new optional field; the old server refuses unknown fields.
    change = proved["new-optional-request-property"]
    # The old client's schema closes the object: it can never send `nickname`.
    assert change["proof"]["verdict"] == "not-exercised"
    assert "has no `nickname`" in change["proof"]["detail"]
    assert change["rollback"]["verdict"] == "broke"
    assert change["rollback"]["call"].startswith("new client .create_pet(")
    assert "nickname" in change["rollback"]["detail"] and "HTTP 422" in change["rollback"]["call"]


def test_text_and_markdown_show_the_verdicts(tmp_path: Path) -> None:
    args = (str(FIXTURES / "base.yaml"), str(FIXTURES / "revision.yaml"), "--prove")
    text = run_cli(*args).stdout
    line = next(line for line in text.splitlines() if "response-required-property-removed" in line)
    assert line.split()[2:4] == ["broke", "held"]
    markdown = run_cli(*args, "--format", "markdown").stdout
    assert "| change | rule | proof (old client, new server) |" in markdown
    assert "**broke**" in markdown


def test_what_no_call_can_show_is_not_exercised(tmp_path: Path) -> None:
    base = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://a.example.com"}],
        "paths": {
            "/ping": {"get": {"operationId": "ping", "responses": {"204": {"description": "ok"}}}}
        },
    }
    revision = {
        **base,
        "servers": [{"url": "https://b.example.com"}],
        "paths": {
            **base["paths"],
            "/pong": {"get": {"operationId": "pong", "responses": {"204": {"description": "ok"}}}},
        },
    }
    outcome = run_cli(
        str(write(tmp_path / "a.yaml", base)),
        str(write(tmp_path / "b.yaml", revision)),
        "--prove",
        "--format",
        "json",
        "--fail-on",
        "none",
    )
    found = {c["id"]: c for c in outcome.changes}
    assert found["endpoint-added"]["proof"] == {
        "verdict": "not-exercised",
        "call": "",
        "witness": "",
        "detail": "the old client has no method for GET /pong",
    }
    # Rolling back the server takes the endpoint away from the new client: a real 404.
    rollback = found["endpoint-added"]["rollback"]
    assert rollback["verdict"] == "broke" and "HTTP 404" in rollback["call"]
    assert found["api-server-removed"]["proof"]["verdict"] == "not-exercised"


def _items(*parameters: dict[str, Any]) -> dict[str, Any]:
    ok = {"description": "ok", "content": {"application/json": {"schema": {"type": "array"}}}}
    operation = {
        "operationId": "listItems",
        "parameters": list(parameters),
        "responses": {"200": ok},
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "q", "version": "1"},
        "paths": {"/items": {"get": operation}},
    }


def test_parameter_witnesses_are_the_values_the_new_server_refuses(tmp_path: Path) -> None:
    def sort(*values: str) -> dict[str, Any]:
        return {"name": "sort", "in": "query", "schema": {"type": "string", "enum": list(values)}}

    def limit(maximum: int) -> dict[str, Any]:
        return {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": maximum}}

    base = write(tmp_path / "a.yaml", _items(sort("asc", "desc", "random"), limit(100)))
    revision = write(tmp_path / "b.yaml", _items(sort("asc", "desc"), limit(50)))
    outcome = run_cli(str(base), str(revision), "--prove", "--format", "json")
    proofs = {c["id"]: c["proof"] for c in outcome.changes}
    assert proofs["request-parameter-enum-value-removed"]["verdict"] == "broke"
    assert 'sort="random"' in proofs["request-parameter-enum-value-removed"]["call"]
    assert proofs["request-parameter-max-decreased"]["verdict"] == "broke"
    assert "limit=100" in proofs["request-parameter-max-decreased"]["call"]


def test_junit_fails_each_broken_change_with_its_witness() -> None:
    args = (str(FIXTURES / "base.yaml"), str(FIXTURES / "revision.yaml"), "--prove")
    xml = run_cli(*args, "--format", "junit").stdout
    assert 'failures="2" skipped="1"' in xml
    assert "<failure message='broke with `kind` = \"bird\"'" in xml
    assert "witness: `name` left out" in xml
    assert "<skipped message=" in xml


def test_the_changelog_entry_carries_the_proofs() -> None:
    import datetime as dt

    from generator.load import SpecSet, load_document
    from generator.regenerate.changelog import entry_for, render_entry

    base, revision = FIXTURES / "base.yaml", FIXTURES / "revision.yaml"
    old = SpecSet(load_document(base, base.name))
    new = SpecSet(load_document(revision, revision.name))
    entry = entry_for(old, new, None, dt.date(2026, 1, 1), prove=True)
    assert entry is not None
    text = render_entry(entry, dt.date(2026, 1, 1))
    assert (
        'removed (`request-property-enum-value-removed`); proof: **broke** with `kind` = "bird"'
        in text
    )
    assert "proof: **broke** with `name` left out: APIResponseValidationError" in text
    assert "127.0.0.1" not in text  # stable: no port in a file that is committed
