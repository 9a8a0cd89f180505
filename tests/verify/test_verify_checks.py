"""verify against a real FastAPI app on loopback: one seeded defect per check, each found by
that check at its operation and located in the spec; the conforming app has no finding."""

from __future__ import annotations

import json

import pytest

from generator.verify.formats import render
from generator.verify.model import Report
from generator.verify.plan import Credentials

from .helpers import PETS, checks_of, run_verify
from .pets_app import pets_app, served


def verify_app(*defects: str, **settings: object) -> Report:
    with served(pets_app(*defects)) as url:
        return run_verify(PETS, url, **settings)


def test_a_conforming_server_has_no_finding() -> None:
    report = verify_app()
    assert report.findings == [], render(report, "text")
    stats = {s.operation: s for s in report.operations}
    assert set(stats) == {"GET /health", "GET /pets", "POST /pets", "GET /pets/{petId}",
                          "PUT /pets/{petId}", "DELETE /pets/{petId}"}  # fmt: skip
    # Every operation was exercised, with latencies to report.
    assert all(s.latencies_ms and not s.skipped for s in stats.values())
    assert report.summary()["operations"][0]["p95_ms"] is not None


def test_a_response_off_its_schema_is_shape_with_a_spec_fix() -> None:
    report = verify_app("off-schema")
    assert checks_of(report) == {"GET /pets/{petId}": {"shape"}}
    (finding,) = report.findings
    assert "is not of type 'integer'" in finding.message
    assert finding.suggestion == "the server returns a string at `id` where the spec says integer"
    # Located at the `id` property of the Pet schema, where it is written.
    line = PETS.read_text().splitlines()[int(finding.location.split(":")[1]) - 1]
    assert (
        finding.location.startswith("tests/verify/pets.yaml:") or "pets.yaml:" in finding.location
    )
    assert line.strip() == "id:"
    assert finding.pointer == "#/components/schemas/Pet/properties/id"
    assert finding.response is not None and finding.response.status == 200


def test_a_5xx_on_a_valid_request_is_a_server_error() -> None:
    report = verify_app("server-error")
    assert checks_of(report) == {"GET /pets": {"server-error"}}
    finding = report.findings[0]
    assert (
        finding.request.client_call == "client.pets.list(limit=10)"
    )  # the spec's example, the IR's name
    assert "limit=10" in finding.request.curl()


def test_a_valid_request_refused_is_valid_refused() -> None:
    report = verify_app("refuses-valid")
    found = checks_of(report)
    assert found["POST /pets"] == {"valid-refused"}
    assert "owner is required" in report.findings[0].message


def test_json_declared_body_served_as_html_or_bytes_is_declared() -> None:
    html = verify_app("html")
    assert checks_of(html) == {"GET /health": {"declared"}}
    assert "the server answered HTML" in html.findings[0].message
    assert html.findings[0].pointer == "#/paths/~1health/get/responses/200/content"
    raw = verify_app("bytes")
    assert checks_of(raw) == {"PUT /pets/{petId}": {"declared"}}
    assert "application/octet-stream" in raw.findings[0].message


def test_a_500_for_a_malformed_token_is_auth() -> None:
    report = verify_app("malformed-token")
    found = checks_of(report)
    secured = {"GET /pets", "POST /pets", "GET /pets/{petId}", "PUT /pets/{petId}",
               "DELETE /pets/{petId}"}  # fmt: skip
    assert set(found) == secured and all(checks == {"auth"} for checks in found.values())
    assert all("malformed credentials got 500" in f.message for f in report.findings)
    assert all(f.location.endswith("pets.yaml:5:1") for f in report.findings)  # `security:`


def test_missing_auth_enforcement_is_auth() -> None:
    report = verify_app("no-auth")
    assert checks_of(report) == {"DELETE /pets/{petId}": {"auth"}}
    assert any("no credentials" in f.message for f in report.findings)


def test_a_refused_request_accepted_is_negative_with_the_reason_and_place() -> None:
    report = verify_app("accepts-invalid")
    found = checks_of(report)
    assert found["POST /pets"] == {"negative"}
    messages = {f.message for f in report.findings if f.operation == "POST /pets"}
    assert any("'specgen-not-in-enum' is not one of the enum values" in m for m in messages)
    tag = next(f for f in report.findings if "specgen-not-in-enum" in f.message)
    assert tag.pointer == "#/components/schemas/NewPet/properties/tag"


def test_a_missing_required_header_is_shape() -> None:
    report = verify_app("missing-header")
    assert checks_of(report) == {"GET /pets": {"shape"}}
    assert report.findings[0].pointer.endswith("/responses/200/headers/X-Total-Count")


def test_a_delete_that_deletes_nothing_is_stateful() -> None:
    report = verify_app("undead")
    assert checks_of(report) == {"DELETE /pets/{petId}": {"stateful"}}
    (finding,) = report.findings
    assert "the deleted resource is still served: GET /pets/{petId} answered 200" in finding.message
    assert finding.request.method == "GET"  # the read that showed it


def test_safe_mode_sends_only_reads() -> None:
    report = verify_app("accepts-invalid", "undead", safe=True)
    skipped = {s.operation for s in report.operations if s.skipped}
    assert skipped == {"POST /pets", "PUT /pets/{petId}", "DELETE /pets/{petId}"}
    assert report.findings == []
    assert all(f.request.method in ("GET", "HEAD", "OPTIONS") for f in report.findings)


def test_bounds_stop_the_run_and_say_why() -> None:
    report = verify_app(max_requests=5)
    assert report.requests == 5 and report.stopped == "max-requests"


def test_same_seed_same_requests() -> None:
    def requests(report: Report) -> list[tuple[str, str | None, str]]:
        return [(f.request.client_call, f.request.body, f.message) for f in report.findings]

    first = verify_app("accepts-invalid", seed=7)
    assert first.findings and requests(first) == requests(verify_app("accepts-invalid", seed=7))


def test_credentials_are_never_printed() -> None:
    secret = "s3cr3t-token-value"
    report = verify_app("malformed-token", "no-auth", "off-schema",
                        credentials=Credentials(token=secret))  # fmt: skip
    for fmt in ("text", "json", "junit", "markdown"):
        assert secret not in render(report, fmt)
    # With credentials given, an unknown token must be refused too: the app checks only form.
    assert any("unknown credentials got 2" in f.message for f in report.findings)
    data = json.loads(render(report, "json"))
    assert any("Bearer ***" in json.dumps(f["request"]) for f in data["findings"])


@pytest.mark.parametrize("fmt", ["json", "junit", "markdown", "text"])
def test_every_format_carries_the_finding(fmt: str) -> None:
    report = verify_app("off-schema")
    out = render(report, fmt)
    assert "GET /pets/{petId}" in out and "pets.yaml:" in out
    if fmt == "json":
        data = json.loads(out)
        (finding,) = data["findings"]
        assert set(finding) >= {"operation", "operationId", "check", "request", "response",
                                "location"}  # fmt: skip
        assert finding["operationId"] == "getPet" and finding["check"] == "shape"
        assert finding["request"]["client"].startswith("client.pets.get(pet_id=")
        assert data["summary"]["defective_operations"] == 1
