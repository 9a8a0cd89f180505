"""verify against a Connexion app of the same spec: an implementation specgen did not write,
which routes and validates requests from the spec itself."""

from __future__ import annotations

from generator.verify.formats import render
from generator.verify.model import Report

from .connexion_app import connexion_app
from .helpers import PETS, checks_of, run_verify
from .pets_app import served


def verify_connexion(*defects: str) -> Report:
    with served(connexion_app(*defects)) as url:
        return run_verify(PETS, url)


def test_connexion_errors_drift_only_in_their_media_type_and_400() -> None:
    report = verify_connexion()
    # Connexion answers errors as RFC 7807 problems with 400 for an invalid request; the spec
    # declares application/json errors and 422. Everything else conforms.
    assert {f.check for f in report.findings} == {"declared"}, render(report, "text")
    for finding in report.findings:
        assert finding.response is not None
        assert finding.response.content_type == "application/problem+json"
        assert "problem+json" in finding.message or "status 400 is not declared" in finding.message
    # Several refused requests got the undeclared 400: one finding, with what the first was.
    undeclared = [f for f in report.findings
                  if f.operation == "POST /pets" and "status 400" in f.message]  # fmt: skip
    assert len(undeclared) == 1
    assert undeclared[0].context.startswith("answering a request the spec refuses: body")
    problem = next(f for f in report.findings if "problem+json" in f.message)
    assert problem.suggestion.startswith("if the server is right, declare application/problem+json")
    # The create → link → read → list → update → delete → read sequence ran through.
    (steps,) = report.sequences
    assert steps[:2] == ["POST /pets → 201", "GET /pets/{petId} (link) → 200"]
    assert steps[-2:] == ["DELETE /pets/{petId} → 204", "GET /pets/{petId} → 404"]


def test_connexion_does_not_validate_responses_verify_does() -> None:
    report = verify_connexion("off-schema")
    assert "shape" in checks_of(report)["GET /pets/{petId}"]
    shape = next(f for f in report.findings if f.check == "shape")
    assert shape.pointer == "#/components/schemas/Pet/properties/id"
