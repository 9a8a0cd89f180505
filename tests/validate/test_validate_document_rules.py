"""Rules the meta-schema cannot see, each a MUST of the OpenAPI specification, each with a
document written for it (the Tag, Server Variable and Security Requirement Objects' rules)."""

from __future__ import annotations

import pytest

from tests.validate.validate_helpers import line_of, only, rules

HEAD = """\
openapi: {version}
info: {{title: t, version: "1"}}
"""


def test_duplicate_tag_names_are_an_error_at_the_second(check):
    spec = (
        HEAD.format(version="3.1.0")
        + """\
tags:
  - name: pets
  - name: stores
  - name: pets
paths: {}
"""
    )
    found = only(check(spec), "tag-duplicate")
    assert found.level == "error"
    assert (found.line, found.pointer) == (line_of(spec, "name: pets", 2), "#/tags/2")
    assert "already declared at line 4" in found.message


def test_server_variable_default_outside_enum_is_an_error_in_31(check):
    # The Server Object example of the specification, with a default its enum lacks.
    spec = (
        HEAD.format(version="3.1.0")
        + """\
servers:
  - url: https://{username}.gigantic-server.com:{port}/{basePath}
    variables:
      username: {default: demo}
      port:
        enum: ["8443", "443"]
        default: "80"
      basePath: {default: v2}
paths: {}
"""
    )
    found = only(check(spec), "server-variable-default")
    assert found.level == "error"
    assert found.line == line_of(spec, 'default: "80"')
    assert "'80'" in found.message and "'8443'" in found.message


def test_server_variable_default_outside_enum_is_a_warning_in_30(check):
    spec = (
        HEAD.format(version="3.0.3")
        + """\
servers:
  - url: https://api.test:{port}
    variables:
      port: {enum: ["8443"], default: "80"}
paths: {}
"""
    )
    found = only(check(spec), "server-variable-default-30")
    assert found.level == "warning"


def test_security_requirement_naming_an_undeclared_scheme(check):
    spec = (
        HEAD.format(version="3.1.0")
        + """\
security:
  - api_key: []
paths:
  /pets:
    get:
      security:
        - petstore_auth: [write:pets]
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    api_key: {type: apiKey, name: api_key, in: header}
"""
    )
    found = only(check(spec), "security-undeclared")
    assert found.pointer == "#/paths/~1pets/get/security/0"
    assert found.line == line_of(spec, "- petstore_auth")
    assert "'petstore_auth'" in found.message and "declared: api_key" in found.message


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_example_and_examples_together_are_an_error(check, version):
    spec = (
        HEAD.format(version=version)
        + """\
paths:
  /pets:
    get:
      parameters:
        - name: limit
          in: query
          schema: {type: integer}
          example: 10
          examples:
            small: {value: 1}
      responses: {"200": {description: ok}}
"""
    )
    found = only(check(spec), "example-and-examples")
    assert "structure" not in rules(check(spec))  # reported once, by the plain rule
    assert found.level == "error"
    assert found.pointer == "#/paths/~1pets/get/parameters/0"


def test_default_of_the_wrong_type_is_an_error_in_30_only(check):
    body = """\
paths: {}
components:
  schemas:
    Limit: {type: integer, default: "ten"}
    Name: {type: string, nullable: true, default: null}
"""
    found = only(check(HEAD.format(version="3.0.3") + body), "default-type-mismatch")
    assert found.level == "error" and found.pointer == "#/components/schemas/Limit/default"
    # 3.1 leaves `default` to JSON Schema, where it is an annotation: still a warning.
    in_31 = check(HEAD.format(version="3.1.0") + body)
    assert "default-type-mismatch" not in rules(in_31)
    limit = [d for d in in_31 if d.pointer == "#/components/schemas/Limit/default"]
    assert [(d.rule, d.level) for d in limit] == [("default-invalid", "warning")]


def test_duplicate_yaml_keys_name_both_lines(check):
    spec = (
        HEAD.format(version="3.1.0")
        + """\
paths: {}
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: integer}
        name: {type: string}
      required: [name]
"""
    )
    found = only(check(spec), "duplicate-key")
    first, second = line_of(spec, "required: [id]"), line_of(spec, "required: [name]")
    assert (found.line, found.col) == (second, 7)
    assert found.pointer == "#/components/schemas/Pet"
    assert f"lines {first} and {second}" in found.message


def test_yaml_merge_keys_may_override_without_a_duplicate(check):
    spec = (
        HEAD.format(version="3.1.0")
        + """\
paths: {}
components:
  schemas:
    Base: &base {type: object, description: base}
    Pet:
      <<: *base
      description: a pet
"""
    )
    assert "duplicate-key" not in rules(check(spec))


def test_duplicate_json_keys_are_found_too(check):
    spec = '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"},\n"paths": {}, "paths": {}}'
    found = only(check(spec, name="api.json"), "duplicate-key")
    assert found.pointer == "#" and "'paths'" in found.message


def test_json_loaded_without_looking_finds_its_duplicate_keys_when_asked(tmp_path):
    """A process that leaves validation to another loads JSON without looking for keys written
    twice; asked anyway, the document finds the same ones, at the same places."""
    from generator.load import load_document

    path = tmp_path / "api.json"
    path.write_text(
        '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"},\n'
        '"paths": {"/a": {"get": {}, "get": {"summary": "second"}}}, "x": 1, "x": 2}'
    )
    looked, unlooked = load_document(path), load_document(path, duplicates=False)
    assert unlooked.data == looked.data
    assert unlooked.duplicate_keys() == looked.duplicate_keys()
    assert len(looked.duplicate_keys()) == 2
