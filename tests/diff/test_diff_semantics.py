"""What the diff must see through (reordering, `$ref` restructuring, renames, docs edits) and
how shared components, removed operations, cycles and readOnly/writeOnly are reported."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from diff_helpers import api, run_cli, run_pair, write

JOB = {
    "type": "object",
    "description": "A job",
    "required": ["id", "state"],
    "properties": {
        "id": {"type": "string", "example": "abc"},
        "state": {"type": "string", "enum": ["queued", "running", "done"]},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}


def _jobs_api(job: dict[str, Any], *, name: str = "Job", param: str = "id") -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{name}"}
    content = {"application/json": {"schema": ref}}
    return api(
        {
            "/jobs": {
                "get": {"responses": {"200": {"description": "ok", "content": content}}},
                "post": {
                    "requestBody": {"required": True, "content": content},
                    "responses": {"201": {"description": "made", "content": content}},
                },
            },
            f"/jobs/{{{param}}}": {
                "parameters": [
                    {"name": param, "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "get": {"responses": {"200": {"description": "ok", "content": content}}},
            },
        },
        components={"schemas": {name: copy.deepcopy(job)}},
    )


def _reordered(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reordered(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reordered(v) for v in reversed(value)]
    return value


def _inlined(document: dict[str, Any]) -> dict[str, Any]:
    """The same API with every `$ref` to a schema replaced by the schema itself."""
    schemas = document["components"]["schemas"]

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if "$ref" in value:
                return walk(copy.deepcopy(schemas[value["$ref"].rsplit("/", 1)[-1]]))
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    out = walk({k: v for k, v in document.items() if k != "components"})
    return dict(out)


def _documented(value: Any) -> Any:
    if isinstance(value, dict):
        out = {k: _documented(v) for k, v in value.items()}
        if "type" in out or "responses" in out:
            out["description"] = "rewritten prose"
        if "example" in out:
            out["example"] = "another example"
        return out
    if isinstance(value, list):
        return [_documented(v) for v in value]
    return value


def _split_into_all_of(document: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(document)
    schemas = doc["components"]["schemas"]
    job = schemas.pop("Job")
    schemas["JobBase"] = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": job["properties"]["id"]},
    }
    schemas["Job"] = {
        "allOf": [
            {"$ref": "#/components/schemas/JobBase"},
            {
                "type": "object",
                "required": ["state"],
                "properties": {k: v for k, v in job["properties"].items() if k != "id"},
            },
        ]
    }
    return doc


BASE = _jobs_api(JOB)
NOT_BREAKING = {
    "reordering": _reordered(BASE),
    "ref-inlined": _inlined(BASE),
    "component-renamed": _jobs_api(JOB, name="JobV2"),
    "path-parameter-renamed": _jobs_api(JOB, param="jobId"),
    "descriptions-and-examples": _documented(BASE),
    "split-into-allOf": _split_into_all_of(BASE),
}


@pytest.mark.parametrize("revision", NOT_BREAKING.values(), ids=NOT_BREAKING.keys())
def test_equivalent_revisions_report_nothing(tmp_path: Path, revision: dict[str, Any]) -> None:
    outcome = run_pair(tmp_path, BASE, revision)
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.changes == []


@pytest.mark.parametrize("revision", NOT_BREAKING.values(), ids=NOT_BREAKING.keys())
def test_equivalence_holds_in_reverse(tmp_path: Path, revision: dict[str, Any]) -> None:
    assert run_pair(tmp_path, revision, BASE).changes == []


def _changed_job() -> dict[str, Any]:
    job = copy.deepcopy(JOB)
    job["properties"]["state"]["enum"].remove("running")
    return job


def test_shared_component_change_is_reported_once_per_operation(tmp_path: Path) -> None:
    outcome = run_pair(tmp_path, BASE, _jobs_api(_changed_job()), "--fail-on", "none")
    found = sorted((c["operation"], c["id"]) for c in outcome.changes)
    # POST uses Job in its request and in its 201 response: one change per direction.
    assert found == [
        ("GET /jobs", "response-property-enum-value-removed"),
        ("GET /jobs/{id}", "response-property-enum-value-removed"),
        ("POST /jobs", "request-property-enum-value-removed"),
        ("POST /jobs", "response-property-enum-value-removed"),
    ]
    assert {c["location"] for c in outcome.changes} == {"#/components/schemas/Job/properties/state"}


def test_same_schema_under_two_statuses_counts_once(tmp_path: Path) -> None:
    base = copy.deepcopy(BASE)
    get = base["paths"]["/jobs"]["get"]
    get["responses"]["202"] = copy.deepcopy(get["responses"]["200"])
    revision = copy.deepcopy(base)
    revision["components"]["schemas"]["Job"] = _changed_job()
    changes = run_pair(tmp_path, base, revision, "--fail-on", "none").changes
    assert [c["id"] for c in changes if c["operation"] == "GET /jobs"] == [
        "response-property-enum-value-removed"
    ]


def test_nothing_is_reported_under_a_removed_operation(tmp_path: Path) -> None:
    revision = _jobs_api(_changed_job())
    del revision["paths"]["/jobs"]["get"]
    del revision["paths"]["/jobs/{id}"]
    changes = run_pair(tmp_path, BASE, revision).changes
    by_operation = {(c["operation"], c["id"]) for c in changes}
    assert ("GET /jobs", "api-removed-without-deprecation") in by_operation
    assert ("GET /jobs/{id}", "api-removed-without-deprecation") in by_operation
    assert [c for c in changes if c["operation"] in ("GET /jobs", "GET /jobs/{id}")] == [
        c for c in changes if c["id"] == "api-removed-without-deprecation"
    ]


TREE = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
        "parent": {"$ref": "#/components/schemas/Node"},
    },
}


def _tree_api(node: dict[str, Any], name: str = "Node") -> dict[str, Any]:
    node = copy.deepcopy(node)
    node["properties"]["children"]["items"]["$ref"] = f"#/components/schemas/{name}"
    node["properties"]["parent"]["$ref"] = f"#/components/schemas/{name}"
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}
    get = {"responses": {"200": {"description": "ok", "content": content}}}
    return api({"/tree": {"get": get}}, components={"schemas": {name: node}})


def test_recursive_schemas_terminate_and_report_once(tmp_path: Path) -> None:
    changed = copy.deepcopy(TREE)
    changed["required"] = ["name"]
    outcome = run_pair(tmp_path, _tree_api(TREE), _tree_api(changed, "TreeNode"))
    assert [(c["id"], c["message"]) for c in outcome.changes] == [
        ("response-property-became-required", "response 200 property `name` became required")
    ]


def test_read_only_properties_are_exempt_on_the_request_side(tmp_path: Path) -> None:
    job = copy.deepcopy(JOB)
    job["properties"]["createdAt"] = {"type": "string", "readOnly": True}
    job["required"] = [*job["required"], "createdAt"]
    changes = run_pair(tmp_path, BASE, _jobs_api(job)).changes
    assert {c["id"] for c in changes} == {"response-required-property-added"}


def test_write_only_properties_are_exempt_on_the_response_side(tmp_path: Path) -> None:
    job = copy.deepcopy(JOB)
    job["properties"]["secret"] = {"type": "string", "writeOnly": True}
    base = _jobs_api(job)
    del job["properties"]["secret"]
    changes = run_pair(tmp_path, base, _jobs_api(job)).changes
    assert [(c["operation"], c["id"]) for c in changes] == [
        ("POST /jobs", "request-optional-property-removed")
    ]


def test_property_paths_name_the_route_through_arrays(tmp_path: Path) -> None:
    job = copy.deepcopy(JOB)
    job["properties"]["tags"]["items"] = {"type": "string", "maxLength": 10}
    changes = run_pair(tmp_path, BASE, _jobs_api(job), "--fail-on", "none").changes
    get = [c for c in changes if c["operation"] == "GET /jobs"]
    assert [c["message"] for c in get] == [
        "response 200 property `tags[]` maxLength lowered from none to 10"
    ]
    assert get[0]["location"] == "#/components/schemas/Job/properties/tags/items"


def test_openapi_31_type_lists_and_ref_siblings(tmp_path: Path) -> None:
    def doc(schema: dict[str, Any]) -> dict[str, Any]:
        content = {"application/json": {"schema": {"type": "object", "properties": {"p": schema}}}}
        document = api(
            {"/x": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}},
            components={"schemas": {"S": {"type": "string"}}},
        )
        document["openapi"] = "3.1.0"
        return document

    as_list = run_pair(tmp_path, doc({"type": "string"}), doc({"type": ["string", "null"]}))
    assert as_list.ids() == ["response-property-became-nullable"]
    sibling = run_pair(
        tmp_path,
        doc({"$ref": "#/components/schemas/S"}),
        doc({"$ref": "#/components/schemas/S", "maxLength": 3, "description": "ignored"}),
    )
    assert sibling.ids() == ["response-property-max-length-decreased"]


def test_all_of_wrapper_makes_a_30_ref_nullable(tmp_path: Path) -> None:
    def doc(schema: dict[str, Any]) -> dict[str, Any]:
        content = {"application/json": {"schema": {"type": "object", "properties": {"p": schema}}}}
        return api(
            {"/x": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}},
            components={"schemas": {"S": {"type": "string"}}},
        )

    ref = {"$ref": "#/components/schemas/S"}
    outcome = run_pair(tmp_path, doc(ref), doc({"allOf": [ref], "nullable": True}))
    assert outcome.ids() == ["response-property-became-nullable"]


def test_schemas_in_other_files_are_followed_and_located_there(tmp_path: Path) -> None:
    for side, enum in (("base", ["a"]), ("revision", ["a", "b"])):
        folder = tmp_path / side
        folder.mkdir()
        (folder / "common.yaml").write_text(
            yaml.safe_dump({"Kind": {"type": "string", "enum": enum}})
        )
        content = {"application/json": {"schema": {"$ref": "common.yaml#/Kind"}}}
        write(
            folder / "api.yaml",
            api(
                {
                    "/k": {
                        "post": {
                            "requestBody": {"content": content},
                            "responses": {"204": {"description": "none"}},
                        }
                    }
                }
            ),
        )
    outcome = run_cli(
        str(tmp_path / "base" / "api.yaml"),
        str(tmp_path / "revision" / "api.yaml"),
        "--format",
        "json",
    )
    assert [(c["id"], c["location"]) for c in outcome.changes] == [
        ("request-property-enum-value-added", "common.yaml#/Kind")
    ]


def test_change_behind_a_reference_cycle_is_still_found(tmp_path: Path) -> None:
    """B and A refer to each other and are textually identical in both versions; only C,
    reached through A, changes. The unchanged-subtree shortcut must not hide it."""

    def doc(kinds: list[str]) -> dict[str, Any]:
        schemas = {
            "A": {
                "type": "object",
                "properties": {
                    "b": {"$ref": "#/components/schemas/B"},
                    "c": {"$ref": "#/components/schemas/C"},
                },
            },
            "B": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}},
            "C": {"type": "string", "enum": kinds},
        }
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/B"}}}
        get = {"responses": {"200": {"description": "ok", "content": content}}}
        return api({"/x": {"get": get}}, components={"schemas": schemas})

    changes = run_pair(tmp_path, doc(["p", "q"]), doc(["p"])).changes
    assert [(c["id"], c["message"]) for c in changes] == [
        (
            "response-property-enum-value-removed",
            'response 200 property `a.c`: enum value "q" removed',
        )
    ]


@pytest.mark.parametrize(
    ("sunset", "expected"),
    [
        (None, "deprecated-api-removed"),
        ("2026-05-31", "deprecated-api-removed"),
        ("2026-06-01", "deprecated-api-removed"),
        ("2026-06-02", "api-removed-before-sunset"),
        ("2026-06-02T00:00:00Z", "api-removed-before-sunset"),
        ("next spring", "api-path-sunset-parse"),
    ],
)
def test_removal_of_deprecated_operation_is_judged_against_its_sunset(
    tmp_path: Path, sunset: str | None, expected: str
) -> None:
    operation: dict[str, Any] = {"deprecated": True, "responses": {"204": {"description": "gone"}}}
    if sunset is not None:
        operation["x-sunset"] = sunset
    base = api({"/old": {"delete": operation}})
    outcome = run_pair(tmp_path, base, api(), "--today", "2026-06-01")
    assert outcome.ids() == [expected]
