"""What the IR rewrites so the model generator and the client get something they can express."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Level
from tests.render.helpers import write_spec
from tests.robustness.support import build, minimal


def test_undeclared_path_placeholders_become_required_parameters(tmp_path: Path) -> None:
    paths = {
        "/jobs/{job-id}/runs/{run}": {
            "get": {
                "operationId": "getRun",
                "parameters": [
                    {"name": "run", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "responses": {"204": {"description": ""}},
            }
        }
    }
    api, diagnostics = build(write_spec(tmp_path, minimal(paths)))
    parameters = {p.wire_name: p for p in api.operations[0].parameters}
    assert parameters["job-id"].python_name == "job_id" and parameters["job-id"].required
    assert parameters["run"].type.annotation == "int"
    warning = next(d for d in diagnostics if d.rule == "path-parameter-undeclared")
    assert "job-id" in warning.message and warning.line is not None


def test_enum_values_are_deduplicated_and_fitted_to_their_type(tmp_path: Path) -> None:
    schemas = {
        "Code": {"type": "string", "enum": [1, "1", 2, 2, True]},
        "Level": {"type": "integer", "enum": [1, "high"]},
    }
    api, diagnostics = build(write_spec(tmp_path, minimal({}, schemas)))
    document = api.models_document["components"]["schemas"]
    assert document["Code"]["enum"] == ["1", "2", "true"]
    assert "enum" not in document["Level"]
    assert [d.rule for d in diagnostics].count("enum-type-mismatch") == 2


def test_named_primitive_defaults_are_dropped_with_an_info(tmp_path: Path) -> None:
    schemas = {"PageSize": {"type": "integer", "default": 10}}
    api, diagnostics = build(write_spec(tmp_path, minimal({}, schemas)))
    assert "default" not in api.models_document["components"]["schemas"]["PageSize"]
    info = next(d for d in diagnostics if d.rule == "default-dropped")
    assert info.level is Level.INFO


def test_string_defaults_of_typed_formats_are_dropped(tmp_path: Path) -> None:
    when = {"type": "string", "format": "date-time", "default": "2025-01-01T00:00:00Z"}
    schemas = {
        "Search": {
            "type": "object",
            "properties": {"since": when, "q": {"type": "string", "default": ""}},
        }
    }
    api, diagnostics = build(write_spec(tmp_path, minimal({}, schemas)))
    properties = api.models_document["components"]["schemas"]["Search"]["properties"]
    assert "default" not in properties["since"] and properties["q"]["default"] == ""
    assert any(d.rule == "default-dropped" and "since" in d.message for d in diagnostics)


def test_explicit_nullable_false_is_dropped(tmp_path: Path) -> None:
    when = {"type": "string", "format": "date-time", "nullable": False}
    schemas = {"Run": {"type": "object", "properties": {"created": when}}}
    api, _ = build(write_spec(tmp_path, minimal({}, schemas)))
    created = api.models_document["components"]["schemas"]["Run"]["properties"]["created"]
    assert created == {"type": "string", "format": "date-time"}
