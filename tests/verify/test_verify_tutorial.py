"""verify against a FastAPI tutorial-style app and the spec FastAPI generates for it."""

from __future__ import annotations

import json
from pathlib import Path

from generator.verify.formats import render
from generator.verify.model import Report

from .helpers import checks_of, run_verify
from .pets_app import served
from .tutorial_app import tutorial_app


def verify_tutorial(tmp_path: Path, *defects: str) -> Report:
    app = tutorial_app(*defects)
    spec = tmp_path / "items.json"
    spec.write_text(json.dumps(app.openapi(), indent=2))
    with served(app) as url:
        return run_verify(spec, url)


def test_the_app_conforms_to_its_generated_spec(tmp_path: Path) -> None:
    report = verify_tutorial(tmp_path)
    # FastAPI's spec declares no 401: a secured operation may still answer it to a request
    # without credentials (declared security implies it).
    assert report.findings == [], render(report, "text")
    # `/items/` lists and creates what `/items/{item_id}` reads and deletes; the multipart
    # upload (a file part and a form field) is accepted as the valid request it is.
    uploads, steps = sorted(report.sequences)
    assert uploads == ["POST /files/ → 200"]
    assert steps == ["POST /items/ → 201", "GET /items/{item_id} → 200", "GET /items/ → 200",
                     "DELETE /items/{item_id} → 204", "GET /items/{item_id} → 404"]  # fmt: skip


def test_an_undeclared_404_and_an_empty_token_accepted(tmp_path: Path) -> None:
    report = verify_tutorial(tmp_path, "undeclared-404", "empty-token")
    found = checks_of(report)
    assert found["GET /items/{item_id}"] >= {"declared"}
    assert all("auth" in checks for checks in found.values())
    declared = next(f for f in report.findings if f.check == "declared")
    assert declared.location.startswith(str(tmp_path / "items.json") + ":") or (
        "items.json:" in declared.location
    )
