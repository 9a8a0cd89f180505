"""One small broken spec per rule: the finding, its rule id, its level and its line."""

from __future__ import annotations

import json

from validate_helpers import line_of, only, rules

from generator.diagnostics import Level
from generator.validate import validate_path, validate_spec

HEAD = """\
    openapi: 3.0.3
    info: {title: Jobs, version: "1"}
"""


def test_a_clean_spec_has_no_findings(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs/{id}:
        parameters:
          - {name: id, in: path, required: true, schema: {type: integer}}
        get:
          operationId: getJob
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Job'}
                  example: {id: 1, kind: fast, parent: {id: 2, kind: slow}}
    components:
      schemas:
        Job:
          type: object
          required: [id, kind]
          properties:
            id: {type: integer, minimum: 1}
            kind: {type: string, enum: [fast, slow], default: fast}
            parent: {$ref: '#/components/schemas/Job'}
    """
    )
    assert check(spec) == []


def test_structure_reports_the_deepest_meaningful_error(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs:
        post:
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {type: strnig}
    """
    )
    found = only(check(spec), "structure")
    assert found.level is Level.ERROR
    assert found.line == line_of(spec, "strnig")
    assert found.pointer.endswith("/application~1json/schema/type")
    assert "'strnig' is not one of" in found.message


def test_structure_reports_unknown_fields_where_they_are(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs:
        get:
          summry: typo
          responses: {"200": {description: ok}}
    """
    )
    found = only(check(spec), "structure")
    assert found.line == line_of(spec, "get:")
    assert "summry" in found.message


def test_swagger_2_is_one_clear_error(check):
    diagnostics = check('swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n')
    found = only(diagnostics, "swagger-2")
    assert len(diagnostics) == 1
    assert found.message.startswith("Swagger 2.0 document: convert it to OpenAPI 3 first")


def test_a_file_without_openapi_field_is_not_openapi(check):
    assert rules(check("title: just data\n")) == ["not-openapi"]


def test_unsupported_openapi_version(check):
    found = only(
        check('openapi: "4.0.0"\ninfo: {title: x, version: "1"}\n'), "openapi-version-unsupported"
    )
    assert found.line == 1


def test_missing_info_version_is_a_warning_not_a_structure_error(check):
    spec = "openapi: 3.1.0\ninfo:\n  title: x\npaths: {}\n"
    diagnostics = check(spec)
    found = only(diagnostics, "info-version-missing")
    assert found.level is Level.WARNING
    assert found.line == 2
    assert rules(diagnostics) == ["info-version-missing"]


def test_strict_turns_warnings_into_errors(check):
    spec = "openapi: 3.1.0\ninfo:\n  title: x\npaths: {}\n"
    assert only(check(spec, strict=True), "info-version-missing").level is Level.ERROR


def test_operation_id_duplicate_points_at_the_second_one(check):
    spec = (
        HEAD
        + """\
    paths:
      /a:
        get: {operationId: list, responses: {"200": {description: ok}}}
      /b:
        get: {operationId: list, responses: {"200": {description: ok}}}
    """
    )
    found = only(check(spec), "operation-id-duplicate")
    assert found.line == line_of(spec, "/b:") + 1
    assert f"spec.yaml:{line_of(spec, '/a:') + 1}" in found.message


def test_path_template_parameter_must_be_declared(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs/{id}:
        get:
          responses: {"200": {description: ok}}
    """
    )
    found = only(check(spec), "path-param-undeclared")
    assert found.line == line_of(spec, "get:")
    assert "{id}" in found.message


def test_path_parameter_must_appear_in_the_template(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs:
        get:
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
          responses: {"200": {description: ok}}
    """
    )
    found = only(check(spec), "path-param-unused")
    assert found.line == line_of(spec, "name: id")


def test_path_parameter_must_be_required(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs/{id}:
        get:
          parameters:
            - name: id
              in: path
              schema: {type: string}
          responses: {"200": {description: ok}}
    """
    )
    diagnostics = check(spec)
    found = only(diagnostics, "path-param-not-required")
    assert found.line == line_of(spec, "name: id")
    assert "structure" not in rules(diagnostics)  # said once, by the dedicated rule


def test_path_item_parameters_declare_for_every_operation(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs/{id}:
        parameters:
          - $ref: '#/components/parameters/Id'
        get: {responses: {"200": {description: ok}}}
        delete: {responses: {"204": {description: gone}}}
    components:
      parameters:
        Id: {name: id, in: path, required: true, schema: {type: string}}
    """
    )
    assert check(spec) == []


def test_required_name_must_be_a_property(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Job:
          type: object
          required: [id, nme]
          properties:
            id: {type: string}
            name: {type: string}
    """
    )
    found = only(check(spec), "required-missing-property")
    assert found.level is Level.WARNING
    assert found.line == line_of(spec, "required:")
    assert found.pointer == "#/components/schemas/Job/required/1"


def test_required_may_name_properties_of_the_rest_of_an_allof(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Base:
          properties: {id: {type: string}}
        Job:
          allOf:
            - $ref: '#/components/schemas/Base'
            - required: [id, kind]
              properties: {kind: {type: string}}
    """
    )
    assert check(spec) == []


def test_required_duplicate_is_a_warning(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Job:
          type: object
          required:
            - id
            - id
          properties: {id: {type: string}}
    """
    )
    diagnostics = check(spec)
    found = only(diagnostics, "required-duplicate")
    assert found.level is Level.WARNING
    assert found.line == line_of(spec, "- id", occurrence=2)
    assert rules(diagnostics) == ["required-duplicate"]  # not also a uniqueItems error


def test_enum_values_must_match_the_type(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Size:
          type: integer
          enum:
            - 1
            - "2"
        Maybe: {type: string, nullable: true, enum: [a, null]}
    """
    )
    found = only(check(spec), "enum-type-mismatch")
    assert found.line == line_of(spec, '- "2"')
    # Generation goes on (the models keep the values that fit); --strict refuses.
    assert found.level is Level.WARNING
    assert only(check(spec, strict=True), "enum-type-mismatch").level is Level.ERROR
    assert "'2' is not of type integer" in found.message


def test_enum_null_is_fine_with_a_null_type_in_3_1(check):
    spec = """\
    openapi: 3.1.0
    info: {title: x, version: "1"}
    components:
      schemas:
        Maybe: {type: [string, "null"], enum: [a, null]}
    """
    assert check(spec) == []


def test_ecma_only_pattern_is_a_warning(check):
    spec = (
        HEAD
        + r"""    paths: {}
    components:
      schemas:
        Name:
          type: string
          pattern: '^\p{L}+$'
          example: Zoë
    """
    )
    found = only(check(spec), "pattern-unsupported")
    assert found.level is Level.WARNING
    assert found.line == line_of(spec, "pattern:")


def test_default_must_match_its_schema(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Speed:
          type: string
          enum: [fast, slow]
          default: medium
    """
    )
    found = only(check(spec), "default-invalid")
    assert found.level is Level.WARNING
    assert found.line == line_of(spec, "default:")
    assert "'medium' is not one of ['fast', 'slow']" in found.message


def test_findings_in_json_specs_have_lines(check):
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "x", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Size": {"type": "integer", "enum": [1, "two"]}}},
    }
    text = json.dumps(doc, indent=2)
    found = only(check(text, name="spec.json"), "enum-type-mismatch")
    assert found.line == line_of(text, '"two"')
    assert found.col == 11  # the offending item, under its key at column 9


def test_validate_spec_is_deterministic_and_sorted(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: x}\npaths:\n  /a/{id}:\n    get: {responses: {}}\n"
        "components:\n  schemas:\n    S: {type: string, enum: [1], required: [b, b]}\n"
    )
    spec, first = validate_path(path)
    assert spec is not None
    again = validate_spec(spec)
    assert first == again
    assert [d.line for d in first] == sorted(d.line or 0 for d in first)
    assert {d.rule for d in first} >= {"info-version-missing", "path-param-undeclared"}
    assert {d.level for d in validate_spec(spec, strict=True)} == {Level.ERROR}


def test_3_1_schemas_are_checked_against_json_schema_2020_12(check):
    spec = """\
    openapi: 3.1.0
    info: {title: x, version: "1"}
    webhooks:
      jobDone:
        post:
          requestBody:
            content:
              application/json:
                schema: {type: [object, strnig]}
          responses: {"200": {description: ok}}
    """
    found = only(check(spec), "structure")
    assert found.line == line_of(spec, "strnig")
    assert "'strnig'" in found.message
