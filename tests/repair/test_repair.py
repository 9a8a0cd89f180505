"""The repair pass on documents `specgen validate` refuses: each repair rule is applied where
the intent is clear, at the `file:line:col` of the original text, and the edited document
validates. Fixtures are small excerpts committed beside this file (see each file's header)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.diagnostics import Level
from generator.load import SpecSet, load_document
from generator.repair import REPAIRS, RepairResult, repair_spec
from generator.validate import validate_spec

FIXTURES = Path(__file__).parent / "fixtures"


def repaired(path: Path) -> tuple[SpecSet, RepairResult]:
    spec = SpecSet(load_document(path, path.name))
    return spec, repair_spec(spec)


def by_rule(result: RepairResult) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in result.repairs:
        found.setdefault(d.rule, []).append(f"{d.line}:{d.col} {d.pointer}")
    return found


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "api.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_openai_excerpt_is_refused_by_validate_and_repaired_for_generation() -> None:
    path = FIXTURES / "openai-excerpt.yaml"
    strict = validate_spec(SpecSet(load_document(path, path.name)))
    assert sorted(d.rule for d in strict if d.level is Level.ERROR) == ["structure", "structure"]

    spec, result = repaired(path)
    assert result.fatal == []
    assert by_rule(result) == {
        "repair-exclusive-bound": [
            "73:15 #/components/schemas/FineTuneDPOHyperparameters/properties/beta/oneOf/1"
            "/exclusiveMinimum"
        ],
        "repair-recursive-ref": ["40:7 #/components/schemas/CompoundFilter/$recursiveAnchor"],
    }
    schemas = spec.root.data["components"]["schemas"]
    # `exclusiveMinimum: true` with `minimum: 0` means "greater than 0": 3.1 says it as a number.
    assert schemas["FineTuneDPOHyperparameters"]["properties"]["beta"]["oneOf"][1] == {
        "type": "number",
        "maximum": 2,
        "exclusiveMinimum": 0,
    }
    # The recursion the 2019-09 keywords meant, in plain references.
    items = schemas["CompoundFilter"]["properties"]["filters"]["items"]["oneOf"]
    assert items[1] == {"$ref": "#/components/schemas/CompoundFilter"}
    assert "$recursiveAnchor" not in schemas["CompoundFilter"]
    assert not [d for d in validate_spec(spec) if d.level is Level.ERROR]


def test_title_on_an_operation_and_const_in_30() -> None:
    spec, result = repaired(FIXTURES / "opc-title-const.yaml")
    assert result.fatal == []
    assert by_rule(result) == {
        "repair-unknown-field": ["8:7 #/paths/~1tests~1/get/title"],
        "repair-const-to-enum": ["23:11 #/components/schemas/Kind/properties/kind/const"],
        "repair-type-list": ["25:11 #/components/schemas/Kind/properties/size/type"],
        "repair-exclusive-bound": [
            "26:11 #/components/schemas/Kind/properties/size/exclusiveMinimum"
        ],
    }
    kind = spec.root.data["components"]["schemas"]["Kind"]["properties"]
    assert kind["kind"] == {"type": "string", "enum": ["constant"]}
    assert kind["size"] == {
        "type": "integer",
        "nullable": True,
        "minimum": 0,
        "exclusiveMinimum": True,
    }
    assert "title" not in spec.root.data["paths"]["/tests/"]["get"]


def test_unused_path_level_parameter_is_skipped_and_the_operation_kept() -> None:
    spec, result = repaired(FIXTURES / "connexion-unused-path-param.yaml")
    assert by_rule(result) == {"skip-parameter": ["8:9 #/paths/~1greeting/parameters/0"]}
    item = spec.root.data["paths"]["/greeting"]
    assert item["parameters"] == [] and "post" in item


def test_an_operation_that_cannot_be_repaired_is_skipped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /pets:
            get:
              operationId: listPets
              responses: {"200": {description: ok}}
            post:
              operationId: createPet
              requestBody: {required: true}
              responses: {"201": {description: created}}
        """,
    )
    spec, result = repaired(path)
    assert result.fatal == []
    assert list(by_rule(result)) == ["skip-operation"]
    skipped = result.repairs[0]
    assert (skipped.line, skipped.pointer) == (8, "#/paths/~1pets/post")
    assert "'content' is a required property" in skipped.message
    assert list(spec.root.data["paths"]["/pets"]) == ["get"]


def test_a_schema_that_cannot_be_repaired_accepts_anything_and_keeps_its_description(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                age: {type: integr, description: years}
        """,
    )
    spec, result = repaired(path)
    assert by_rule(result) == {"skip-schema": ["9:9 #/components/schemas/Pet/properties/age"]}
    assert spec.root.data["components"]["schemas"]["Pet"]["properties"]["age"] == {
        "description": "years"
    }


def test_path_parameter_repairs_and_duplicate_operation_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /pets/{petId}/toys/{toyId}:
            get:
              operationId: getToy
              parameters:
                - {name: petId, in: path, schema: {type: string}}
              responses: {"200": {description: ok}}
          /toys:
            get:
              operationId: getToy
              responses: {"200": {description: ok}}
        """,
    )
    spec, result = repaired(path)
    assert result.fatal == []
    rules = by_rule(result)
    assert sorted(rules) == [
        "repair-operation-id-duplicate",
        "repair-path-param-declared",
        "repair-path-param-required",
    ]
    operation = spec.root.data["paths"]["/pets/{petId}/toys/{toyId}"]["get"]
    assert operation["parameters"][0]["required"] is True
    assert operation["parameters"][1] == {
        "name": "toyId",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
    }
    assert spec.root.data["paths"]["/toys"]["get"]["operationId"] == "getToy_2"


def test_document_level_repairs(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: t, version: "1"}
        servers:
          - url: https://{region}.api.test
            variables:
              region: {enum: [eu, us], default: ap}
        tags: [{name: pets}, {name: pets, description: again}]
        security: [{api_key: []}, {oauth: []}]
        paths:
          /pets:
            get:
              parameters:
                - {name: limit, in: query, schema: {type: integer}, example: 1,
                   examples: {one: {value: 1}}}
              responses: {"200": {description: ok}}
        components:
          securitySchemes:
            api_key: {type: apiKey, name: key, in: header}
        """,
    )
    spec, result = repaired(path)
    assert result.fatal == []
    assert sorted(by_rule(result)) == [
        "repair-example-and-examples",
        "repair-security-undeclared",
        "repair-server-variable-default",
        "repair-tag-duplicate",
    ]
    data = spec.root.data
    assert data["servers"][0]["variables"]["region"]["enum"] == ["eu", "us", "ap"]
    assert data["tags"] == [{"name": "pets"}]
    assert data["security"] == [{"api_key": []}]
    assert "example" not in data["paths"]["/pets"]["get"]["parameters"][0]


def test_default_of_the_wrong_type_in_30_is_dropped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths: {}
        components:
          schemas:
            Limit: {type: integer, default: ten}
        """,
    )
    spec, result = repaired(path)
    assert list(by_rule(result)) == ["repair-default-dropped"]
    assert spec.root.data["components"]["schemas"]["Limit"] == {"type": "integer"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("openapi: 3.1.0\npaths: {}\n", "structure"),
        (
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
            "components: {schemas: {A: {$ref: '#/components/schemas/Missing'}}}\n",
            "ref-unresolved",
        ),
        ("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", "swagger-2"),
    ],
)
def test_what_no_edit_can_fix_stays_fatal(tmp_path: Path, text: str, rule: str) -> None:
    _, result = repaired(write(tmp_path, text))
    assert [d.rule for d in result.fatal] == [rule]
    assert result.repairs == []


def test_every_repair_rule_has_a_summary() -> None:
    assert all(rule.startswith(("repair-", "skip-")) and text for rule, text in REPAIRS.items())


def test_a_tag_that_cannot_be_repaired_is_left_out(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: t, version: "1"}
        tags: [{name: pets}, {name: 7}]
        paths: {}
        """,
    )
    spec, result = repaired(path)
    assert by_rule(result) == {"skip-tag": ["3:22 #/tags/1"]}
    assert spec.root.data["tags"] == [{"name": "pets"}]


def test_a_bad_keyword_on_a_component_schema_skips_that_schema(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths: {}
        components:
          schemas:
            Pet:
              description: a pet
              type: {description: not a type}
              properties: {id: {type: integer}}
        """,
    )
    spec, result = repaired(path)
    assert by_rule(result) == {"skip-schema": ["6:5 #/components/schemas/Pet"]}
    assert spec.root.data["components"]["schemas"]["Pet"] == {"description": "a pet"}


def test_a_server_that_cannot_be_repaired_is_left_out(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: t, version: "1"}
        servers:
          - url: https://api.test
          - description: no url
        paths: {}
        """,
    )
    spec, result = repaired(path)
    assert by_rule(result) == {"skip-server": ["5:5 #/servers/1"]}
    assert spec.root.data["servers"] == [{"url": "https://api.test"}]


def test_a_duplicate_key_keeps_its_second_value_as_a_warning(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              required: [id]
              properties: {id: {type: integer}, name: {type: string}}
              required: [name]
        """,
    )
    spec, result = repaired(path)
    assert result.fatal == []
    assert by_rule(result) == {"repair-duplicate-key": ["10:7 #/components/schemas/Pet"]}
    assert "lines 8 and 10" in result.repairs[0].message
    assert spec.root.data["components"]["schemas"]["Pet"]["required"] == ["name"]


def test_unknown_fields_outside_operations_are_ignored_too(tmp_path: Path) -> None:
    # Swagger 2 leftovers beside a valid 3.0 document.
    path = write(
        tmp_path,
        """\
        openapi: 3.0.3
        info: {title: t, version: "1", x-logo: {}}
        host: api.test
        basePath: /v1
        paths: {}
        """,
    )
    spec, result = repaired(path)
    assert result.fatal == []
    assert by_rule(result) == {"repair-unknown-field": ["3:1 #/host", "4:1 #/basePath"]}
    assert list(spec.root.data) == ["openapi", "info", "paths"]


def test_obvious_required_fields_are_filled(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /pets:
            get:
              responses:
                "200":
                  content:
                    application/json: {schema: {type: string}}
            post:
              summary: no responses
        """,
    )
    spec, result = repaired(path)
    assert result.fatal == []
    assert by_rule(result) == {
        "repair-required-filled": [
            "7:9 #/paths/~1pets/get/responses/200",
            "10:5 #/paths/~1pets/post",
        ]
    }
    pets = spec.root.data["paths"]["/pets"]
    assert pets["get"]["responses"]["200"]["description"] == ""
    assert pets["post"]["responses"] == {"default": {"description": ""}}


def test_a_broken_response_keeps_the_operation_and_a_broken_header_only_drops_itself(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        """\
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                "200":
                  description: the pets
                  headers:
                    X-Rate-Limit: {schema: {type: integer}, style: form}
                    X-Request-Id: {schema: {type: string}}
                  content:
                    application/json: {schema: {type: array}}
                "404":
                  description: not found
                  content:
                    application/json: {schema: {type: object}, encoding: 5}
        components:
          responses:
            Broken:
              description: broken
              links: 7
        """,
    )
    spec, result = repaired(path)
    assert result.fatal == []
    assert by_rule(result) == {
        "skip-header": ["11:13 #/paths/~1pets/get/responses/200/headers/X-Rate-Limit"],
        "skip-response": [
            "15:9 #/paths/~1pets/get/responses/404",
            "21:5 #/components/responses/Broken",
        ],
    }
    responses = spec.root.data["paths"]["/pets"]["get"]["responses"]
    assert list(responses["200"]["headers"]) == ["X-Request-Id"]
    assert responses["404"] == {"description": "not found"}
    assert spec.root.data["components"]["responses"]["Broken"] == {"description": "broken"}


def test_a_broken_component_parameter_is_left_out_with_its_uses(tmp_path: Path) -> None:
    # A Swagger 2 leftover (`in: body`) among 3.0 components.
    path = write(
        tmp_path,
        """\
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /pets:
            post:
              parameters:
                - $ref: '#/components/parameters/Body'
                - $ref: '#/components/parameters/Limit'
              responses: {"200": {description: ok}}
        components:
          parameters:
            Body: {name: body, in: body, schema: {type: object}}
            Limit: {name: limit, in: query, schema: {type: integer}}
        """,
    )
    spec, result = repaired(path)
    assert result.fatal == []
    assert by_rule(result) == {"skip-parameter": ["12:5 #/components/parameters/Body"]}
    post = spec.root.data["paths"]["/pets"]["post"]
    assert post["parameters"] == [{"$ref": "#/components/parameters/Limit"}]
    assert list(spec.root.data["components"]["parameters"]) == ["Limit"]


def test_a_shared_path_parameter_is_dropped_only_where_the_template_lacks_it() -> None:
    # Connexion's own test spec: `#/components/parameters/Name` is `$ref`d by a path without
    # `{name}`. The finding names the component; the repair drops the uses in that path (its
    # path item and its operations), never the component the other path still needs.
    spec, result = repaired(FIXTURES / "connexion-shared-path-param.yaml")
    assert result.fatal == []
    assert by_rule(result) == {
        "skip-parameter": [
            "15:9 #/paths/~1add_operation_on_http_methods_only/parameters/0",
            "23:11 #/paths/~1add_operation_on_http_methods_only/put/parameters/0",
        ]
    }
    paths = spec.root.data["paths"]
    assert paths["/add_operation_on_http_methods_only"]["parameters"] == []
    assert paths["/add_operation_on_http_methods_only"]["put"]["parameters"] == []
    assert paths["/greeting/{name}"]["parameters"] == [{"$ref": "#/components/parameters/Name"}]
    assert "Name" in spec.root.data["components"]["parameters"]
    assert not [d for d in validate_spec(spec) if d.level is Level.ERROR]
