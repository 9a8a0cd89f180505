"""Every change kind `--prove` exercises, pinned on one base/revision pair
(`tests/fixtures/diff/kinds/`, one operation per kind, written by its `make_pair.py`): the
verdict, and the witness that was on the wire. Real generated clients, real mocks on loopback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from diff_helpers import run_cli, write

KINDS = Path(__file__).resolve().parents[1] / "fixtures" / "diff" / "kinds"

# (operation, rule id) → (verdict of the old client against the new mock, witness shown).
EXPECTED: dict[tuple[str, str], tuple[str, str]] = {
    # Request values: the old client sends what the new spec refuses.
    ("POST /req/type", "request-property-type-changed"): ("broke", '`v` = "value"'),
    ("POST /req/enum", "request-property-enum-value-removed"): ("broke", '`v` = "bird"'),
    ("POST /req/became-enum", "request-property-became-enum"): ("broke", '`v` = "value"'),
    ("POST /req/max", "request-property-max-decreased"): ("broke", "`v` = 100"),
    ("POST /req/min", "request-property-min-increased"): ("broke", "`v` = 0"),
    ("POST /req/max-length", "request-property-max-length-decreased"): ("broke", '`v` = "aaaa'),
    ("POST /req/min-length", "request-property-min-length-increased"): ("broke", '`v` = "value"'),
    ("POST /req/pattern", "request-property-pattern-added"): ("broke", '`v` = "specgen-witness"'),
    ("POST /req/format", "request-property-format-added"): ("broke", '`v` = "value"'),
    ("POST /req/multiple-of", "request-property-multiple-of-added"): ("broke", "`v` = 1"),
    ("POST /req/not-nullable", "request-property-became-not-nullable"): ("broke", "`v` = null"),
    ("POST /req/one-of", "request-property-one-of-removed"): ("broke", "`v` = 1"),
    ("POST /req/any-of", "request-property-any-of-removed"): ("broke", "`v` = 1"),
    ("POST /req/max-items", "request-property-max-items-decreased"): (
        "broke",
        '`v` = ["value", "value"]',
    ),
    ("POST /req/items-type", "request-property-type-changed"): ("broke", '`v[]` = "value"'),
    ("POST /req/new-required", "new-required-request-property"): ("broke", "`w` left out"),
    ("POST /req/closed", "request-property-additional-properties-narrowed"): (
        "broke",
        "specgenExtra",
    ),
    ("POST /req/mapping", "request-property-discriminator-mapping-removed"): (
        "broke",
        '"kind": "dog"',
    ),
    ("POST /req/mapping", "request-property-one-of-removed"): ("broke", '"kind": "dog"'),
    ("POST /req/body-required", "request-body-became-required"): ("broke", "no request body"),
    # Parameters, security, operations.
    ("GET /params/required", "new-required-request-parameter"): ("broke", "`limit` left out"),
    ("GET /params/became-required", "request-parameter-became-required"): (
        "broke",
        "`limit` left out",
    ),
    ("GET /params/max", "request-parameter-max-decreased"): ("broke", "`limit` = 100"),
    ("GET /params/moved", "new-required-request-parameter"): ("broke", "`X-Limit` left out"),
    ("GET /secure/added", "api-security-added"): ("broke", "credentials"),
    ("GET /secure/moved", "security-scheme-api-key-changed"): ("broke", "credentials"),
    ("GET /gone", "api-removed-without-deprecation"): ("broke", "the call itself"),
    # Responses: the new mock is directed to answer what the old client cannot read.
    ("GET /res/type", "response-property-type-changed"): ("broke", "`v` = 1"),
    ("GET /res/items-type", "response-property-type-changed"): ("broke", "`v[]` = 1"),
    ("GET /res/max", "response-property-max-increased"): ("broke", "`v` = 100"),
    ("GET /res/min", "response-property-min-decreased"): ("broke", "`v` = 0"),
    ("GET /res/max-length", "response-property-max-length-increased"): ("broke", '`v` = "aaaa'),
    ("GET /res/min-length", "response-property-min-length-decreased"): ("broke", '`v` = "value"'),
    ("GET /res/pattern", "response-property-pattern-removed"): ("broke", '`v` = "specgen-witness"'),
    ("GET /res/format", "response-property-format-removed"): ("broke", '`v` = "value"'),
    ("GET /res/one-of", "response-property-one-of-added"): ("broke", "`v` = 1"),
    ("GET /res/any-of", "response-property-any-of-added"): ("broke", "`v` = 1"),
    ("GET /res/max-items", "response-property-max-items-increased"): (
        "broke",
        '["value", "value"]',
    ),
    ("GET /res/optional", "response-property-became-optional"): ("broke", "`v` left out"),
    ("GET /res/removed", "response-required-property-removed"): ("broke", "`v` left out"),
    ("GET /res/media", "response-media-type-removed"): ("broke", "a `text/csv` body"),
    ("GET /res/status", "response-success-status-removed"): ("broke", "HTTP 202"),
    # Held: the witness went through, and the client reads it leniently by design.
    ("GET /res/enum", "response-property-enum-value-added"): ("held", '`v` = "bird"'),
    ("GET /res/nullable", "response-property-became-nullable"): ("held", "`v` = null"),
    ("GET /res/header-optional", "response-header-became-optional"): ("held", "`X-Rate` left out"),
    ("GET /res/header-type", "response-header-type-generalized"): ("held", "`X-Rate: value`"),
    # The mock refuses what its spec refuses, `required` beside a default included.
    ("POST /req/required", "request-property-became-required"): ("broke", "`v` left out"),
    # ... and a body in a media type it no longer declares (415).
    ("POST /req/media", "request-body-media-type-removed"): ("broke", "application/json"),
    # ... and a repeated item where the array became uniqueItems.
    ("POST /req/unique", "request-property-became-unique"): ("broke", '["value", "value"]'),
    # ... and a value a `not: {enum: [...]}` rules out.
    ("POST /req/not", "request-property-not-added"): ("broke", '`v` = "cat"'),
    # Not exercised, with the reason: the mock is laxer than its spec, or cannot tell.
    ("GET /params/style", "request-parameter-explode-changed"): ("not-exercised", "[1, 2]"),
}


@pytest.fixture(scope="module")
def proved() -> dict[tuple[str, str], dict[str, Any]]:
    outcome = run_cli(
        str(KINDS / "base.yaml"), str(KINDS / "revision.yaml"), "--prove", "--format", "json"
    )
    assert outcome.exit_code == 1, outcome.stderr
    return {(c["operation"], c["id"]): c for c in outcome.changes}


@pytest.mark.parametrize(("key", "expected"), EXPECTED.items(), ids=lambda k: str(k))
def test_each_kind_is_proved_with_its_witness(
    proved: dict[tuple[str, str], dict[str, Any]], key: tuple[str, str], expected: tuple[str, str]
) -> None:
    verdict, witness = expected
    proof = proved[key]["proof"]
    assert (proof["verdict"], proof["detail"]) and proof["verdict"] == verdict, proof
    assert witness in proof["witness"], proof


def test_broke_says_what_failed_and_held_says_why_it_is_harmless(
    proved: dict[tuple[str, str], dict[str, Any]],
) -> None:
    request = proved[("POST /req/enum", "request-property-enum-value-removed")]["proof"]
    assert "HTTP 422" in request["call"] and "'cat' or 'dog'" in request["detail"]
    answer = proved[("GET /res/type", "response-property-type-changed")]["proof"]
    assert answer["detail"].startswith("APIResponseValidationError:")
    assert "127.0.0.1" not in answer["detail"]  # no port: proofs are stable across runs
    status = proved[("GET /res/status", "response-success-status-removed")]["proof"]
    assert "parsed into dict, not the ReadResStatusResponse" in status["detail"]
    enum = proved[("GET /res/enum", "response-property-enum-value-added")]["proof"]
    assert "enum values it does not know" in enum["detail"]
    ruled_out = proved[("POST /req/not", "request-property-not-added")]["proof"]
    assert "'cat' is a value the schema rules out (not)" in ruled_out["detail"]
    unseen = proved[("GET /params/style", "request-parameter-explode-changed")]["proof"]
    assert "a mock does not say how it read the value" in unseen["detail"]


def test_no_breaking_change_is_held_without_its_witness_on_the_wire(
    proved: dict[tuple[str, str], dict[str, Any]],
) -> None:
    for change in proved.values():
        for proof in (change["proof"], change["rollback"]):
            if proof["verdict"] == "held":
                assert proof["witness"] and "parsed" in proof["call"] or "HTTP 2" in proof["call"]
            if proof["verdict"] != "not-exercised":
                assert proof["call"], proof
    breaking = [c for c in proved.values() if c["level"] == "breaking"]
    broke = [c for c in breaking if c["proof"]["verdict"] == "broke"]
    assert len(broke) / len(breaking) >= 0.8  # 43 of 52 today; the lax mock holds back 5


def test_rollback_directs_the_old_mock_the_other_way(
    proved: dict[tuple[str, str], dict[str, Any]],
) -> None:
    # A narrowed request enum does not bother the new client talking to the old server: its
    # witness at the same place is accepted.
    rollback = proved[("POST /req/enum", "request-property-enum-value-removed")]["rollback"]
    assert rollback["verdict"] == "held" and rollback["witness"].startswith("`v` = ")
    # A response type change breaks both ways: the old server sends a string.
    back = proved[("GET /res/type", "response-property-type-changed")]["rollback"]
    assert back["verdict"] == "broke" and back["witness"] == '`v` = "value"'


def test_a_purely_additive_pair_never_breaks_the_old_client(tmp_path: Path) -> None:
    thing = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
    grown = {
        **thing,
        "properties": {**thing["properties"], "size": {"type": "integer"}},
    }
    kind = {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["a"]}}

    def doc(schema: dict[str, Any], *params: dict[str, Any], extra: bool = False) -> dict[str, Any]:
        ok = {"description": "ok", "content": {"application/json": {"schema": schema}}}
        paths: dict[str, Any] = {
            "/things": {
                "post": {
                    "operationId": "make",
                    "parameters": list(params),
                    "requestBody": {"content": {"application/json": {"schema": schema}}},
                    "responses": {"200": ok},
                }
            }
        }
        if extra:
            paths["/other"] = {"get": {"operationId": "other", "responses": {"200": ok}}}
        return {"openapi": "3.0.3", "info": {"title": "a", "version": "1"}, "paths": paths}

    widened = {**kind, "schema": {"type": "string", "enum": ["a", "b"]}}
    optional = {"name": "page", "in": "query", "schema": {"type": "integer"}}
    base = write(tmp_path / "a.yaml", doc(thing, kind))
    revision = write(tmp_path / "b.yaml", doc(grown, widened, optional, extra=True))
    outcome = run_cli(str(base), str(revision), "--prove", "--format", "json", "--fail-on", "none")
    proofs = {c["id"]: c["proof"] for c in outcome.changes}
    assert proofs, outcome.stderr
    assert all(p["verdict"] != "broke" for p in proofs.values()), proofs
    # The grown response reaches the old client and is read: held, with the piece on the wire.
    assert proofs["response-optional-property-added"]["verdict"] == "held"
    assert proofs["response-optional-property-added"]["witness"] == "`size` = 1"


def test_const_changes_in_31_are_proved_on_both_sides(tmp_path: Path) -> None:
    def shape(value: str) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"type": "string", "const": value}},
        }

    def doc(value: str) -> dict[str, Any]:
        ok = {"description": "ok", "content": {"application/json": {"schema": shape(value)}}}
        body = {"required": True, "content": {"application/json": {"schema": shape(value)}}}
        done = {"204": {"description": "done"}}
        return {
            "openapi": "3.1.0",
            "info": {"title": "c", "version": "1"},
            "paths": {
                "/send": {"post": {"operationId": "send", "requestBody": body, "responses": done}},
                "/read": {"get": {"operationId": "read", "responses": {"200": ok}}},
            },
        }

    base = write(tmp_path / "a.yaml", doc("v1"))
    revision = write(tmp_path / "b.yaml", doc("v2"))
    outcome = run_cli(str(base), str(revision), "--prove", "--format", "json")
    proofs = {c["id"]: c["proof"] for c in outcome.changes}
    assert proofs["request-property-const-changed"]["verdict"] == "broke"
    assert proofs["request-property-const-changed"]["witness"] == '`kind` = "v1"'
    answer = proofs["response-property-const-changed"]
    assert answer["witness"] == '`kind` = "v2"' and answer["verdict"] == "broke", answer
