"""Property-based: whatever local mistakes a spec carries, the repair pass never crashes, stops
nothing, and what it hands to generation validates."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Level
from generator.load import SpecSet, load_document
from generator.repair import repair_spec
from generator.validate import validate_spec


def base(version: str) -> dict[str, Any]:
    return {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "tags": [{"name": "pets"}],
        "paths": {
            "/pets/{petId}": {
                "parameters": [
                    {"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "get": {
                    "operationId": "getPet",
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}
                            },
                        }
                    },
                },
            }
        },
        "components": {
            "schemas": {
                "Pet": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer", "minimum": 0},
                        "name": {"type": "string"},
                    },
                }
            }
        },
    }


# (where, what to set there): mistakes seen in real specs, and plain junk.
PLACES = [
    ("paths./pets/{petId}.get", "title"),
    ("paths./pets/{petId}.get", "responses"),
    ("paths./pets/{petId}.get", "operationId"),
    ("paths./pets/{petId}.get.parameters.0", "in"),
    ("paths./pets/{petId}.get.parameters.0", "example"),
    ("paths./pets/{petId}.parameters.0", "required"),
    ("paths./pets/{petId}.parameters.0", "name"),
    ("components.schemas.Pet", "const"),
    ("components.schemas.Pet", "type"),
    ("components.schemas.Pet.properties.id", "exclusiveMinimum"),
    ("components.schemas.Pet.properties.id", "$recursiveAnchor"),
    ("components.schemas.Pet.properties.id", "minimum"),
    ("components.schemas.Pet.properties.name", "default"),
    ("components.schemas.Pet.properties.name", "type"),
    ("tags.0", "name"),
    ("info", "x-extra"),
]
VALUES = st.one_of(
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["pets", "string", "", "integer", "null", "query", "zzz"]),
    st.lists(st.sampled_from(["string", "null", "integer"]), max_size=3),
    st.just({"description": "x"}),
    st.none(),
)


def node_at(data: Any, where: str) -> Any:
    for token in where.split("."):
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    version=st.sampled_from(["3.0.3", "3.1.0"]),
    edits=st.lists(st.tuples(st.sampled_from(PLACES), VALUES), min_size=1, max_size=4),
)
def test_repair_never_crashes_and_its_output_validates(
    tmp_path: Path, version: str, edits: list[tuple[tuple[str, str], Any]]
) -> None:
    data = copy.deepcopy(base(version))
    for (where, key), value in edits:
        node_at(data, where)[key] = value
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(data))
    spec = SpecSet(load_document(path))
    result = repair_spec(spec)
    assert all(d.level is Level.WARNING for d in result.diagnostics)
    assert all(d.line is not None for d in result.repairs)
    # Every mistake above is local to one operation, parameter, schema or tag: none may stop
    # generation, and the repaired document must validate.
    assert result.fatal == [], [d.format() for d in result.fatal]
    errors = [d for d in validate_spec(spec) if d.level is Level.ERROR]
    assert errors == [], [d.format() for d in errors]
