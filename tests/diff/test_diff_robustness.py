"""Malformed or surprising documents must end in a report or a located error, never a crash."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from diff_helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KEYS = [
    "$ref",
    "type",
    "properties",
    "required",
    "items",
    "enum",
    "nullable",
    "allOf",
    "oneOf",
    "anyOf",
    "additionalProperties",
    "discriminator",
    "propertyName",
    "mapping",
    "maximum",
    "minimum",
    "exclusiveMaximum",
    "maxLength",
    "pattern",
    "default",
    "readOnly",
    "writeOnly",
    "parameters",
    "name",
    "in",
    "schema",
    "content",
    "application/json",
    "responses",
    "200",
    "default",
    "headers",
    "requestBody",
    "security",
    "servers",
    "url",
    "variables",
    "deprecated",
    "x-sunset",
    "operationId",
    "tags",
    "format",
]
REFS = ["#/components/schemas/A", "#/components/schemas/B", "#/nowhere", "other.yaml#/X"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.sampled_from(["string", "object", "query", "x"]),
)
VALUES = st.recursive(
    SCALARS | st.sampled_from(REFS),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=25,
)
SCHEMA = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=5)


def _document(operation: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a/{id}": {"get": operation, "parameters": operation.get("parameters", [])}},
        "components": {"schemas": schemas},
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    SCHEMA,
    SCHEMA,
    st.dictionaries(st.sampled_from(["A", "B"]), SCHEMA, max_size=2),
    st.dictionaries(st.sampled_from(["A", "B"]), SCHEMA, max_size=2),
)
def test_random_documents_never_crash(
    base_op: dict[str, Any], revision_op: dict[str, Any], base_schemas: Any, revision_schemas: Any
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.json"
        revision = Path(folder) / "revision.json"
        base.write_text(json.dumps(_document(base_op, base_schemas)))
        revision.write_text(json.dumps(_document(revision_op, revision_schemas)))
        for output_format in ("json", "text"):
            outcome = run_cli(str(base), str(revision), "--format", output_format)
            assert outcome.exit_code in (0, 1, 2)
            if outcome.exit_code == 2:
                assert outcome.stderr.startswith(str(Path(folder)))
