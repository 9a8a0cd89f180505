"""The IR built from the curated specs and from small inline documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import SpecError
from generator.ir import build_api
from generator.ir.model import Api
from generator.load import SpecSet, load_document

SPECS = Path(__file__).resolve().parents[2] / "specs"


def build(path: Path) -> Api:
    api, _ = build_api(SpecSet(load_document(path)), path.stem)
    return api


def build_inline(tmp_path: Path, document: dict[str, Any]) -> tuple[Api, list[str]]:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    api, warnings = build_api(SpecSet(load_document(path)), "inline")
    return api, [w.rule for w in warnings]


def minimal(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }


@pytest.mark.parametrize(
    ("spec", "operations"),
    [
        ("cognite-3d-jobs", {("createJobs", "POST", "/3d/jobs", "create_jobs")}),
        (
            "reality-modeling",
            {
                ("createJob", "POST", "/contextcapture/jobs", "create_job"),
                ("listJobs", "GET", "/contextcapture/jobs", "list_jobs"),
            },
        ),
        (
            "reality-analysis",
            {("cancelJob", "DELETE", "/reality-analysis/jobs/{id}", "cancel_job")},
        ),
        (
            "reality-data-analysis",
            {("patchJob", "PATCH", "/realitydataanalysis/jobs/{jobId}", "patch_job")},
        ),
    ],
)
def test_curated_operations(spec: str, operations: set[tuple[str, str, str, str]]) -> None:
    api = build(SPECS / f"{spec}.yaml")
    found = {(op.operation_id, op.method, op.path, op.python_name) for op in api.operations}
    assert found == operations


def test_list_jobs_parameters_keep_wire_names() -> None:
    api = build(SPECS / "reality-modeling.yaml")
    list_jobs = next(op for op in api.operations if op.operation_id == "listJobs")
    names = {(p.wire_name, p.python_name, p.location) for p in list_jobs.parameters}
    assert names == {
        ("$filter", "filter", "query"),
        ("$top", "top", "query"),
        ("continuationToken", "continuation_token", "query"),
    }
    assert list_jobs.pagination is not None
    assert list_jobs.pagination.items == "jobs"
    assert list_jobs.pagination.item_type.annotation == "Job"
    assert list_jobs.accept == "application/vnd.bentley.itwin-platform.v1+json"


def test_post_and_patch_are_not_idempotent() -> None:
    modeling = build(SPECS / "reality-modeling.yaml")
    analysis = build(SPECS / "reality-data-analysis.yaml")
    idempotent = {
        op.operation_id: op.idempotent for op in modeling.operations + analysis.operations
    }
    assert idempotent == {"createJob": False, "listJobs": True, "patchJob": False}


def test_cognite_server_variables_and_security() -> None:
    api = build(SPECS / "cognite-3d-jobs.yaml")
    assert api.server is not None
    assert [v.name for v in api.server.variables] == ["cluster", "project"]
    assert any(s.uses_bearer_token for s in api.security_schemes)


def test_bentley_oauth2_client_credentials() -> None:
    flow = build(SPECS / "reality-modeling.yaml").client_credentials
    assert flow is not None and flow.token_url == "https://ims.bentley.com/connect/token"


def test_inline_schemas_are_hoisted_with_decided_names(tmp_path: Path) -> None:
    api, _ = build_inline(
        tmp_path,
        minimal(
            {
                "/jobs": {
                    "post": {
                        "operationId": "createJob",
                        "requestBody": {
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "state": {"type": "string", "enum": ["a", "b"]},
                                            "settings": {
                                                "type": "object",
                                                "properties": {"x": {"type": "integer"}},
                                            },
                                        },
                                    }
                                }
                            }
                        },
                        "responses": {"204": {"description": "done"}},
                    }
                }
            }
        ),
    )
    names = {m.class_name for m in api.models}
    assert names == {"CreateJobRequest", "CreateJobRequestState", "CreateJobRequestSettings"}
    assert api.operations[0].body is not None
    assert api.operations[0].body.type.annotation == "CreateJobRequest"


def test_recursive_schema_builds(tmp_path: Path) -> None:
    node = {
        "type": "object",
        "properties": {
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}
        },
    }
    api, _ = build_inline(tmp_path, minimal({}, {"Node": node}))
    assert [m.class_name for m in api.models] == ["Node"]


def test_operation_without_id_and_hostile_names_get_valid_identifiers(tmp_path: Path) -> None:
    api, _ = build_inline(
        tmp_path,
        minimal(
            {
                "/a/{class}": {
                    "get": {
                        "parameters": [
                            {
                                "name": "class",
                                "in": "path",
                                "required": True,
                                "schema": {"type": "string"},
                            },
                            {"name": "body", "in": "query", "schema": {"type": "string"}},
                            {"name": "x-y", "in": "header", "schema": {"type": "string"}},
                        ],
                        "responses": {"200": {"description": "ok"}},
                    }
                },
                "/meta/root": {"get": {"operationId": "meta/root", "responses": {}}},
            }
        ),
    )
    assert [op.python_name for op in api.operations] == ["get_a_class", "meta_root"]
    assert [p.python_name for p in api.operations[0].parameters] == ["class_", "body_", "x_y"]


def test_multipart_body_falls_back_with_a_warning(tmp_path: Path) -> None:
    api, rules = build_inline(
        tmp_path,
        minimal(
            {
                "/upload": {
                    "post": {
                        "operationId": "upload",
                        "requestBody": {
                            "content": {"multipart/form-data": {"schema": {"type": "object"}}}
                        },
                        "responses": {"200": {"description": "ok"}},
                    }
                }
            }
        ),
    )
    assert api.operations[0].body is not None
    assert api.operations[0].body.type.annotation == "dict[str, Any]"
    assert "body-fallback" in rules


def test_ecma_regex_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"name": {"type": "string", "pattern": "^\\p{L}+$"}}}
    api, rules = build_inline(tmp_path, minimal({}, {"Named": schema}))
    assert "pattern-unsupported" in rules
    assert [m.class_name for m in api.models] == ["Named"]


def test_swagger_2_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")
    with pytest.raises(SpecError) as caught:
        build_api(SpecSet(load_document(path)), "old")
    assert caught.value.diagnostic.rule == "swagger-2"
    assert caught.value.diagnostic.line == 1


def test_a_default_of_the_wrong_type_is_not_applied(tmp_path: Path) -> None:
    settings = {
        "type": "object",
        "properties": {
            "notify": {"type": "string", "default": False},  # mailchimp.com writes this
            "count": {"type": "integer", "default": "3"},
            "tags": {"type": "array", "items": {"type": "string"}, "default": []},
            "name": {"type": "string", "default": "x"},
        },
    }
    api, rules = build_inline(tmp_path, minimal({}, {"Settings": settings}))
    properties = api.models_document["components"]["schemas"]["Settings"]["properties"]
    assert "default" not in properties["notify"] and "default" not in properties["count"]
    assert properties["tags"]["default"] == [] and properties["name"]["default"] == "x"
    assert rules.count("default-dropped") == 2
