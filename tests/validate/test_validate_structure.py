"""The meta-schema check gives the same readable findings with either backend."""

from __future__ import annotations

import pytest

from generator.validate import structure
from generator.validate.structure import check_structure

BROKEN_30 = {
    "openapi": "3.0.3",
    "info": {"title": "x"},
    "paths": {
        "/jobs/{id}": {
            "post": {
                "parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "strnig"}}},
                    }
                },
                "summry": "typo",
            }
        }
    },
}


def findings(data, version):
    return sorted(("/".join(v.path), v.message) for v in check_structure(data, version))


@pytest.fixture(params=["jsonschema-rs", "jsonschema"])
def backend(request, monkeypatch):
    if request.param == "jsonschema":
        monkeypatch.setattr(structure, "_rust_validator", lambda version: None)
    return request.param


def test_failed_one_of_is_reduced_to_what_the_author_meant(backend):
    assert findings(BROKEN_30, "3.0") == [
        ("info", "'version' is a required property"),
        (
            "paths//jobs/{id}/post",
            "Additional properties are not allowed ('summry' was unexpected)",
        ),
        ("paths//jobs/{id}/post/parameters/0", "'required' is a required property"),
        (
            "paths//jobs/{id}/post/responses/200/content/application/json/schema/type",
            "'strnig' is not one of ['array', 'boolean', 'integer', 'number', 'object', 'string']",
        ),
    ]


def test_valid_documents_have_no_violations(backend):
    doc = {"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}}
    assert findings(doc, "3.1") == []
