"""References: local, across files, remote, escaping, cycles; findings name the right file."""

from __future__ import annotations

from validate_helpers import line_of, only, rules

HEAD = """\
    openapi: 3.0.3
    info: {title: Jobs, version: "1"}
"""


def test_unresolved_local_ref(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs:
        get:
          responses:
            "200": {$ref: '#/components/responses/Missing'}
    """
    )
    found = only(check(spec), "ref-unresolved")
    assert found.line == line_of(spec, "$ref")
    assert "'#/components/responses/Missing'" in found.message


def test_refs_into_other_files_resolve_and_their_findings_name_that_file(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs:
        get:
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {$ref: 'schemas/job.yaml#/Job'}
    """
    )
    fragment = """\
    Job:
      type: object
      required: [idd]
      properties:
        id: {type: string}
        owner: {$ref: 'user.yaml'}
    """
    user = "type: object\nproperties: {name: {type: string}}\n"
    diagnostics = check(spec, files={"schemas/job.yaml": fragment, "schemas/user.yaml": user})
    found = only(diagnostics, "required-missing-property")
    assert found.file.endswith("job.yaml")
    assert found.line == line_of(fragment, "required:")


def test_missing_file_is_unresolved(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Job: {$ref: 'nowhere.yaml#/Job'}
    """
    )
    found = only(check(spec), "ref-unresolved")
    assert found.line == line_of(spec, "nowhere.yaml")
    assert "cannot read file" in found.message


def test_remote_refs_are_refused_unless_allowed(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Job: {$ref: 'https://example.com/job.yaml'}
    """
    )
    found = only(check(spec), "ref-remote")
    assert found.line == line_of(spec, "https://")
    assert "--allow-remote" in found.message
    assert check(spec, allow_remote=True) == []


def test_relative_ref_leaving_the_folder_is_refused(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Job: {$ref: '../outside.yaml#/Job'}
    """
    )
    found = only(
        check(spec, name="specs/spec.yaml", files={"outside.yaml": "Job: {}\n"}), "ref-escape"
    )
    assert found.line == line_of(spec, "outside.yaml")


def test_a_ref_that_points_to_itself_is_a_cycle(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        A: {$ref: '#/components/schemas/A'}
        B: {$ref: '#/components/schemas/C'}
        C: {$ref: '#/components/schemas/B'}
        User: {properties: {friend: {$ref: '#/components/schemas/A'}}}
    """
    )
    diagnostics = check(spec)
    assert rules(diagnostics) == ["ref-cycle", "ref-cycle"]
    assert [d.line for d in diagnostics] == [line_of(spec, "A:"), line_of(spec, "B:")]


def test_a_cycle_across_files_is_reported_without_hanging(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        A: {$ref: 'a.yaml'}
    """
    )
    files = {"a.yaml": "$ref: 'b.yaml'\n", "b.yaml": "$ref: 'a.yaml'\n"}
    assert rules(check(spec, files=files)) == ["ref-cycle"]


def test_recursive_schemas_are_legal_and_validate_examples(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Node:
          type: object
          properties:
            children: {type: array, items: {$ref: '#/components/schemas/Node'}}
            name: {type: string}
          example: {name: root, children: [{name: leaf, children: [{name: 3}]}]}
    """
    )
    found = only(check(spec), "example-invalid")
    assert found.pointer.endswith("/example/children/0/children/0/name")
    assert "3 is not of type 'string'" in found.message


def test_anchor_refs_resolve_in_3_1(check):
    spec = """\
    openapi: 3.1.0
    info: {title: x, version: "1"}
    components:
      schemas:
        Id: {$anchor: ident, type: string}
        Job: {properties: {id: {$ref: '#ident'}}, example: {id: "5"}}
    """
    assert check(spec) == []
    assert rules(check(spec.replace("#ident", "#other"))) == ["ref-unresolved"]


def test_discriminator_mapping_targets_must_exist(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Cat: {type: object, properties: {kind: {type: string}}}
        Pet:
          oneOf: [{$ref: '#/components/schemas/Cat'}]
          discriminator:
            propertyName: kind
            mapping:
              cat: Cat
              dog: '#/components/schemas/Dog'
              cow: Cow
    """
    )
    diagnostics = check(spec)
    assert rules(diagnostics) == ["ref-unresolved", "ref-unresolved"]
    assert [d.line for d in diagnostics] == [line_of(spec, "dog:"), line_of(spec, "cow:")]
    assert "no component schema named 'Cow'" in diagnostics[1].message
