"""The curated specs in specs/ load, validate, hold every page example, and their examples fit.

The page examples live in tests/fixtures/pages/<page>/<operationId>-<status|request>[-n].json,
copied from the documentation pages; the specs must carry each one verbatim (see DECISIONS.md).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft4Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry
from referencing.jsonschema import DRAFT4

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
SPEC_URN = "urn:specgen:spec"

SPEC_FILES = (
    "cognite-3d-jobs.yaml",
    "reality-modeling.yaml",
    "reality-analysis.yaml",
    "reality-data-analysis.yaml",
)
PAGE_SPEC = {
    "000": "cognite-3d-jobs.yaml",
    "001": "reality-modeling.yaml",
    "002": "reality-analysis.yaml",
    "003": "reality-modeling.yaml",
    "004": "reality-data-analysis.yaml",
}
OPERATIONS = (
    ("cognite-3d-jobs.yaml", "post", "/3d/jobs", "createJobs"),
    ("reality-modeling.yaml", "post", "/contextcapture/jobs", "createJob"),
    ("reality-modeling.yaml", "get", "/contextcapture/jobs", "listJobs"),
    ("reality-analysis.yaml", "delete", "/reality-analysis/jobs/{id}", "cancelJob"),
    ("reality-data-analysis.yaml", "patch", "/realitydataanalysis/jobs/{jobId}", "patchJob"),
)
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@cache
def load_spec(name: str) -> dict[str, Any]:
    with (SPECS / name).open(encoding="utf-8") as handle:
        doc = yaml.load(handle, Loader=yaml.CSafeLoader)
    assert isinstance(doc, dict), f"{name}: top level is not a mapping"
    return doc


def operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method, path, item[method]


def operation_by_id(doc: dict[str, Any], operation_id: str) -> dict[str, Any]:
    found = [op for _, _, op in operations(doc) if op.get("operationId") == operation_id]
    assert len(found) == 1, f"operationId {operation_id}: found {len(found)} times"
    return found[0]


# ---------------------------------------------------------------------------------------------
# OpenAPI 3.0 schema -> JSON Schema draft 4 (the small helper the task allows; the real validator
# lives in generator/validate/). 3.0 differs from draft 4 in `nullable` and readOnly/writeOnly.


def to_json_schema(node: Any, direction: str) -> Any:
    """Rewrite an OpenAPI 3.0 schema so draft 4 gives it 3.0 meaning.

    direction is "request" (readOnly properties may be absent) or "response" (writeOnly may be).
    """
    if isinstance(node, list):
        return [to_json_schema(item, direction) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key.startswith("x-") or key in ("example", "examples", "nullable"):
            continue
        if key == "$ref":
            out[key] = SPEC_URN + value
        elif key == "properties":
            out[key] = {name: to_json_schema(sub, direction) for name, sub in value.items()}
        elif key in ("default", "enum"):
            out[key] = copy.deepcopy(value)
        else:
            out[key] = to_json_schema(value, direction)
    skipped = "readOnly" if direction == "request" else "writeOnly"
    if "required" in out and "properties" in node:
        absent_ok = {n for n, sub in node["properties"].items() if sub.get(skipped) is True}
        out["required"] = [n for n in out["required"] if n not in absent_ok]
        if not out["required"]:
            del out["required"]
    if node.get("nullable") is True:
        return {"anyOf": [{"type": "null"}, out]}
    return out


@dataclass(frozen=True)
class SchemaCheck:
    spec: str
    direction: str

    def errors(self, schema: dict[str, Any], instance: Any) -> list[str]:
        doc = load_spec(self.spec)
        root = {
            "components": {"schemas": to_json_schema(doc["components"]["schemas"], self.direction)}
        }
        registry: Registry[Any] = Registry().with_resource(SPEC_URN, DRAFT4.create_resource(root))
        validator = Draft4Validator(
            to_json_schema(schema, self.direction),
            registry=registry,
            format_checker=FormatChecker(),
        )
        return [
            f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator.iter_errors(instance)
        ]


@dataclass(frozen=True)
class ExampleCase:
    spec: str
    where: str
    direction: str
    schema: dict[str, Any]
    value: Any


def media_examples(media: dict[str, Any]) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if "example" in media:
        found.append(("example", media["example"]))
    for name, example in media.get("examples", {}).items():
        found.append((f"examples/{name}", example["value"]))
    return found


def sub_schemas(schema: dict[str, Any], where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The schema and every schema nested in it (properties, items, combinators)."""
    yield where, schema
    for name, sub in schema.get("properties", {}).items():
        yield from sub_schemas(sub, f"{where}/properties/{name}")
    for key in ("items", "additionalProperties", "not"):
        if isinstance(schema.get(key), dict):
            yield from sub_schemas(schema[key], f"{where}/{key}")
    for key in ("allOf", "anyOf", "oneOf"):
        for index, sub in enumerate(schema.get(key, [])):
            yield from sub_schemas(sub, f"{where}/{key}/{index}")


def all_schemas(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, schema in doc["components"]["schemas"].items():
        yield from sub_schemas(schema, f"#/components/schemas/{name}")
    holders: list[tuple[str, dict[str, Any]]] = []
    for kind in ("parameters", "headers"):
        for name, holder in doc["components"].get(kind, {}).items():
            holders.append((f"#/components/{kind}/{name}", holder))
    for method, path, op in operations(doc):
        here = f"{method.upper()} {path}"
        for index, param in enumerate(op.get("parameters", [])):
            holders.append((f"{here} parameters/{index}", param))
        for ctype, media in op.get("requestBody", {}).get("content", {}).items():
            holders.append((f"{here} request {ctype}", media))
        for status, response in op["responses"].items():
            for name, header in response.get("headers", {}).items():
                holders.append((f"{here} {status} header {name}", header))
            for ctype, media in response.get("content", {}).items():
                holders.append((f"{here} {status} {ctype}", media))
    for where, holder in holders:
        if "schema" in holder:
            yield from sub_schemas(holder["schema"], f"{where}/schema")


def example_cases(spec: str) -> list[ExampleCase]:
    doc = load_spec(spec)
    cases: list[ExampleCase] = []
    for method, path, op in operations(doc):
        here = f"{method.upper()} {path}"
        for param in op.get("parameters", []):
            if "$ref" in param:
                param = doc["components"]["parameters"][param["$ref"].rsplit("/", 1)[1]]
            for label, value in media_examples(param):
                where = f"{here} parameter {param['name']} {label}"
                cases.append(ExampleCase(spec, where, "request", param["schema"], value))
        for ctype, media in op.get("requestBody", {}).get("content", {}).items():
            for label, value in media_examples(media):
                where = f"{here} request {ctype} {label}"
                cases.append(ExampleCase(spec, where, "request", media["schema"], value))
        for status, response in op["responses"].items():
            for ctype, media in response.get("content", {}).items():
                for label, value in media_examples(media):
                    where = f"{here} {status} {ctype} {label}"
                    cases.append(ExampleCase(spec, where, "response", media["schema"], value))
    for where, schema in all_schemas(doc):
        if "default" in schema:
            bare = {k: v for k, v in schema.items() if k != "default"}
            cases.append(ExampleCase(spec, f"{where} default", "response", bare, schema["default"]))
    return cases


ALL_EXAMPLES = [case for spec in SPEC_FILES for case in example_cases(spec)]


# ---------------------------------------------------------------------------------------------
# 1. load + strict validation


@pytest.mark.parametrize("spec", SPEC_FILES)
def test_spec_loads_and_passes_openapi_spec_validator(spec: str) -> None:
    doc = load_spec(spec)
    assert doc["openapi"] == "3.0.3"
    validate(doc)


# ---------------------------------------------------------------------------------------------
# 2. the five operations


@pytest.mark.parametrize(("spec", "method", "path", "operation_id"), OPERATIONS)
def test_operation_exists_at_method_and_path(
    spec: str, method: str, path: str, operation_id: str
) -> None:
    assert load_spec(spec)["paths"][path][method]["operationId"] == operation_id


def test_each_spec_has_only_the_listed_operations() -> None:
    for spec in SPEC_FILES:
        expected = {(m, p, o) for s, m, p, o in OPERATIONS if s == spec}
        actual = {(m, p, op["operationId"]) for m, p, op in operations(load_spec(spec))}
        assert actual == expected, spec


# ---------------------------------------------------------------------------------------------
# 3. every page example is in its spec

FIXTURE_NAME = re.compile(r"^(?P<op>[A-Za-z]+)-(?P<kind>request|query|\d{3})(?:-\d+)?\.json$")


def page_fixtures() -> list[Path]:
    return sorted(PAGES.glob("*/*.json"))


def spec_examples_for(doc: dict[str, Any], operation_id: str, kind: str) -> list[Any]:
    op = operation_by_id(doc, operation_id)
    if kind == "request":
        medias = list(op["requestBody"]["content"].values())
    else:
        assert kind in op["responses"], f"{operation_id} has no {kind} response"
        medias = list(op["responses"][kind].get("content", {}).values())
    return [value for media in medias for _, value in media_examples(media)]


def test_fixture_folder_covers_every_page() -> None:
    assert sorted(p.name for p in PAGES.iterdir() if p.is_dir()) == sorted(PAGE_SPEC)
    assert len(page_fixtures()) == 26


@pytest.mark.parametrize("fixture", page_fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_page_example_is_in_spec(fixture: Path) -> None:
    match = FIXTURE_NAME.match(fixture.name)
    assert match, f"{fixture}: name is not <operationId>-<status|request|query>[-n].json"
    doc = load_spec(PAGE_SPEC[fixture.parent.name])
    page_value = json.loads(fixture.read_text(encoding="utf-8"))
    op_id, kind = match["op"], match["kind"]
    if kind == "query":
        op = operation_by_id(doc, op_id)
        for name, values in page_value.items():
            (param,) = [p for p in op["parameters"] if p.get("name") == name]
            assert sorted(v for _, v in media_examples(param)) == sorted(values)
        return
    held = spec_examples_for(doc, op_id, kind)
    assert page_value in held, f"{fixture.name}: page example missing from {op_id} {kind}"


# ---------------------------------------------------------------------------------------------
# 4. every example and default fits its schema


def test_examples_were_found() -> None:
    # guards the collector: a silently empty list would make the next test vacuous
    per_spec = {spec: sum(c.spec == spec for c in ALL_EXAMPLES) for spec in SPEC_FILES}
    assert all(count >= 2 for count in per_spec.values()), per_spec
    assert sum("default" in c.where for c in ALL_EXAMPLES) > 50


@pytest.mark.parametrize("case", ALL_EXAMPLES, ids=lambda c: f"{c.spec}:{c.where}")
def test_example_or_default_validates(case: ExampleCase) -> None:
    errors = SchemaCheck(case.spec, case.direction).errors(case.schema, case.value)
    assert not errors, f"{case.spec} {case.where}: " + "; ".join(errors)


def test_helper_rejects_a_broken_example() -> None:
    # the helper must be able to fail: wrong enum value and a missing required property
    check = SchemaCheck("reality-modeling.yaml", "request")
    body = {"type": "Fast", "name": "x", "workspaceId": "w", "inputs": []}
    errors = check.errors({"$ref": "#/components/schemas/jobCreation"}, body)
    assert any("Fast" in e for e in errors)
    assert any("settings" in e for e in errors)


def test_helper_honours_nullable_and_read_only() -> None:
    schema = {
        "type": "object",
        "properties": {"id": {"type": "string", "readOnly": True}, "n": {"type": "integer"}},
        "required": ["id", "n"],
    }
    nullable_int = {"type": "integer", "nullable": True}
    request = SchemaCheck("reality-modeling.yaml", "request")
    response = SchemaCheck("reality-modeling.yaml", "response")
    assert request.errors(schema, {"n": 1}) == []
    assert response.errors(schema, {"n": 1}) != []
    assert request.errors(nullable_int, None) == []
    assert request.errors({"type": "integer"}, None) != []


# ---------------------------------------------------------------------------------------------
# Traps from the pages, checked on the result


@pytest.mark.parametrize("spec", SPEC_FILES)
def test_no_ref_has_siblings_and_enums_and_arrays_are_complete(spec: str) -> None:
    for where, node in all_schemas(load_spec(spec)):
        if "$ref" in node:
            assert set(node) == {"$ref"}, f"{spec} {where}: $ref with siblings {sorted(node)}"
        if "enum" in node:
            assert "type" in node, f"{spec} {where}: enum without type"
        if node.get("type") == "array":
            assert "items" in node, f"{spec} {where}: array without items"


def test_job_name_pattern_is_a_regex_escape_not_a_nul() -> None:
    name = load_spec("reality-analysis.yaml")["components"]["schemas"]["Job"]["properties"]["name"]
    pattern = name["pattern"]
    assert "\x00" not in pattern and "\\u0000-\\u001f" in pattern
    check = SchemaCheck("reality-analysis.yaml", "response")
    assert check.errors(name, "Objects2D Job") == []
    assert check.errors(name, None) == []
    assert check.errors(name, "bad\x01name") != []
    assert check.errors(name, "a/b:c") != []
    source = (SPECS / "reality-analysis.yaml").read_text(encoding="utf-8")
    assert "pattern: '^([^\"<>|:*?\\\\/\\u0000-\\u001f])+$'" in source


def test_reality_modeling_holds_the_union_of_both_page_captures() -> None:
    schemas = load_spec("reality-modeling.yaml")["components"]["schemas"]
    assert "GaussianSplats" in schemas["format"]["enum"] and "OMR" in schemas["format"]["enum"]
    assert "West Europe" in schemas["job-location"]["enum"]
    links = schemas["jobs"]["properties"]["_links"]
    assert links["nullable"] is True and links["allOf"] == [
        {"$ref": "#/components/schemas/next-page-link"}
    ]


def test_list_jobs_pagination_and_top_parameter() -> None:
    op = operation_by_id(load_spec("reality-modeling.yaml"), "listJobs")
    assert op["x-pagination"] == {"style": "next-link", "items": "jobs", "next": "_links.next.href"}
    params = {p["name"]: p for p in op["parameters"]}
    assert params["$top"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 1000,
        "default": 100,
    }
    assert params["$filter"]["schema"] == {"type": "string"}
    assert params["continuationToken"]["schema"] == {"type": "string"}


def test_ambiguous_photos_only_patch_is_accepted() -> None:
    # page 004's settings was oneOf; a photos-only body matches both branches and oneOf fails
    body = {
        "type": "objects2D",
        "settings": {
            "inputs": [{"name": "photos", "realityDataId": "r"}],
            "outputs": ["objects2D"],
        },
    }
    spec = load_spec("reality-data-analysis.yaml")
    settings = spec["components"]["schemas"]["jobPatch"]["properties"]["settings"]
    check = SchemaCheck("reality-data-analysis.yaml", "request")
    assert check.errors({"$ref": "#/components/schemas/jobPatch"}, body) == []
    assert check.errors({"oneOf": settings["anyOf"]}, body["settings"]) != []
    assert settings["x-discriminator-from-parent"]["property"] == "type"


@pytest.mark.parametrize(("spec", "method", "path", "operation_id"), OPERATIONS)
def test_operation_contract_markers(spec: str, method: str, path: str, operation_id: str) -> None:
    doc = load_spec(spec)
    op = doc["paths"][path][method]
    if method in ("post", "patch"):
        assert op["x-idempotent"] is False
    assert op["security"], f"{operation_id}: no security"
    for status, response in op["responses"].items():
        if status == "429":
            header = response["headers"]["Retry-After"]
            if "$ref" in header:
                header = doc["components"]["headers"][header["$ref"].rsplit("/", 1)[1]]
            assert header["schema"]["type"] == "integer"
        if spec != "cognite-3d-jobs.yaml":
            version = "v2" if spec == "reality-analysis.yaml" else "v1"
            assert list(response["content"]) == [
                f"application/vnd.bentley.itwin-platform.{version}+json"
            ]
    for media in op.get("requestBody", {}).get("content", {}):
        assert media == "application/json"


def test_bentley_oauth_flows() -> None:
    for spec in SPEC_FILES[1:]:
        scheme = load_spec(spec)["components"]["securitySchemes"]["bentleyOAuth2"]
        flows = scheme["flows"]
        assert flows["authorizationCode"]["authorizationUrl"] == (
            "https://ims.bentley.com/connect/authorize"
        )
        assert flows["clientCredentials"]["tokenUrl"] == "https://ims.bentley.com/connect/token"
        assert "offline_access" in flows["authorizationCode"]["scopes"]
        assert "PKCE" in scheme["description"]


def test_decisions_table_count_matches_rows() -> None:
    text = (SPECS / "DECISIONS.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if re.match(r"^\| *\d+ *\|", line)]
    numbers = [int(line.split("|")[1]) for line in rows]
    assert numbers == list(range(1, len(rows) + 1))
    stated = re.search(r"Total decisions: (\d+)", text)
    assert stated and int(stated[1]) == len(rows)
