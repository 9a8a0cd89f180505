"""Examples and defaults validate against their schemas with the document version's semantics."""

from __future__ import annotations

from validate_helpers import line_of, only, rules

from generator.diagnostics import Level

HEAD = """\
    openapi: 3.0.3
    info: {title: Jobs, version: "1"}
"""

JOB = """\
    components:
      schemas:
        Job:
          type: object
          required: [id, kind, secret]
          properties:
            id: {type: integer, readOnly: true}
            secret: {type: string, writeOnly: true}
            kind: {type: string, enum: [fast, slow]}
            note: {type: string, nullable: true}
"""


def operation(example_block: str) -> str:
    return (
        HEAD
        + """\
    paths:
      /jobs:
        post:
          requestBody:
            content:
              application/json:
                schema: {$ref: '#/components/schemas/Job'}
"""
        + example_block.rstrip(" ")
        + """\
          responses:
            "201":
              description: made
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Job'}
                  example: {id: 1, kind: fast, note: null}
"""
        + JOB
    )


def test_media_type_example_that_breaks_its_schema(check):
    spec = operation("""\
                example: {kind: Foo, secret: s}
    """)
    found = only(check(spec), "example-invalid")
    assert found.level is Level.WARNING
    assert found.line == line_of(spec, "kind: Foo")
    assert found.pointer == (
        "#/paths/~1jobs/post/requestBody/content/application~1json/example/kind"
    )
    assert "'Foo' is not one of ['fast', 'slow']" in found.message


def test_read_only_is_not_required_in_requests_nor_write_only_in_responses(check):
    spec = operation("""\
                example: {kind: fast, secret: s}
    """)
    assert check(spec) == []


def test_read_only_stays_required_in_responses(check):
    spec = operation("""\
                example: {kind: fast, secret: s}
    """).replace("example: {id: 1, kind: fast, note: null}", "example: {kind: fast}")
    found = only(check(spec), "example-invalid")
    assert "'id' is a required property" in found.message
    assert found.line == line_of(spec, "example: {kind: fast}")


def test_named_examples_through_refs_are_checked_where_they_are_written(check):
    spec = (
        operation("""\
                examples:
                  bad: {$ref: '#/components/examples/BadJob'}
    """)
        + """\
      examples:
        BadJob:
          value:
            kind: fast
            secret: 7
"""
    )
    found = only(check(spec), "example-invalid")
    assert found.pointer == "#/components/examples/BadJob/value/secret"
    assert found.line == line_of(spec, "secret: 7")


def test_parameter_examples(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs:
        get:
          parameters:
            - name: limit
              in: query
              schema: {type: integer, minimum: 1, exclusiveMinimum: true}
              example: 1
          responses: {"200": {description: ok}}
    """
    )
    found = only(check(spec), "example-invalid")
    assert found.line == line_of(spec, "example: 1")
    assert "minimum" in found.message


def test_one_of_means_exactly_one(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Id:
          oneOf: [{type: integer}, {type: number}]
          example: 3
    """
    )
    found = only(check(spec), "example-invalid")
    assert "more than one" in found.message


def test_nullable_is_understood_in_3_0_but_not_3_1(check):
    schema = """\
    components:
      schemas:
        Note: {type: string, nullable: true, example: null}
    """
    assert check(HEAD + "    paths: {}\n" + schema) == []
    spec_31 = "    openapi: 3.1.0\n    info: {title: x, version: '1'}\n" + schema
    assert rules(check(spec_31)) == ["example-invalid"]


def test_3_1_numeric_exclusive_minimum(check):
    spec = """\
    openapi: 3.1.0
    info: {title: x, version: "1"}
    components:
      schemas:
        Count: {type: integer, exclusiveMinimum: 0, examples: [1, 0]}
    """
    found = only(check(spec), "example-invalid")
    assert found.pointer == "#/components/schemas/Count/examples/1"


def test_dates_in_yaml_examples_are_strings(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Day: {type: string, format: date, example: 2024-01-31}
    """
    )
    assert check(spec) == []


def test_unquoted_status_codes_and_yaml_booleans_keys_are_strings(check):
    spec = (
        HEAD
        + """\
    paths:
      /jobs:
        get:
          responses:
            200:
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties: {on: {type: boolean}}
                    example: {on: true}
    """
    )
    assert check(spec) == []


def test_many_missing_properties_are_one_finding(check):
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Wide:
          type: object
          required: [a, b, c, d, e, f, g]
          properties: {a: {}, b: {}, c: {}, d: {}, e: {}, f: {}, g: {}}
          example: {}
    """
    )
    found = only(check(spec), "example-invalid")
    assert "'a', 'b', 'c', 'd', 'e' and 2 more are missing" in found.message


def test_ecma_patterns_are_still_enforced_on_examples(check):
    spec = (
        HEAD
        + r"""    paths: {}
    components:
      schemas:
        Name: {type: string, pattern: '^\p{L}+$', example: "R2D2"}
    """
    )
    diagnostics = check(spec)
    assert sorted(rules(diagnostics)) == ["example-invalid", "pattern-unsupported"]
    assert "'R2D2' does not match" in only(diagnostics, "example-invalid").message


def test_catastrophic_patterns_do_not_hang(check):
    # Python's re needs minutes for this; the example check must not.
    spec = (
        HEAD
        + """\
    paths: {}
    components:
      schemas:
        Evil: {type: string, pattern: '^(a+)+$', example: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}
    """
    )
    assert rules(check(spec)) == ["example-invalid"]


def test_values_are_not_checked_against_a_schema_the_meta_schema_rejects(check):
    spec = """\
    openapi: 3.1.0
    info: {title: x, version: "1"}
    components:
      schemas:
        Count: {type: integer, maximum: 10, exclusiveMaximum: true, example: 12}
    """
    assert rules(check(spec)) == ["structure"]
