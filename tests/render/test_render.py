"""Rendering: generated packages compile, import, expose the spec's names and run nothing else."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest

from generator.ir import build_api
from generator.load import SpecSet, load_document
from tests.render.helpers import imported, render_into, write_spec

SPECS = Path(__file__).resolve().parents[2] / "specs"
EVIL = "'); import os; os.system('touch PWNED'); ('"
DOC_EVIL = 'Closes early """ + __import__("os").system("touch PWNED") + """ {{ 7*7 }} \\ end"'


def hostile_spec(marker: Path) -> dict[str, Any]:
    evil = EVIL.replace("PWNED", str(marker))
    doc_evil = DOC_EVIL.replace("PWNED", str(marker))
    return {
        "openapi": "3.0.3",
        "info": {"title": doc_evil, "version": evil, "description": doc_evil},
        "servers": [{"url": f"https://x.example/{evil}", "variables": {}}],
        "paths": {
            f"/jobs/{{job-id}}/{evil}": {
                "get": {
                    "operationId": "tag/get-job",
                    "summary": doc_evil,
                    "description": doc_evil,
                    "parameters": [
                        {
                            "name": "job-id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": evil,
                            "in": "query",
                            "description": doc_evil,
                            "schema": {"type": "string", "default": evil, "enum": [evil, "b"]},
                        },
                        {"name": "class", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "responses": {
                        "200": {
                            "description": doc_evil,
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Job": {
                    "type": "object",
                    "description": doc_evil,
                    "required": ["class"],
                    "properties": {
                        "class": {"type": "string", "description": doc_evil, "default": evil},
                        evil: {"type": "string", "pattern": evil},
                        "state": {"type": "string", "enum": [evil, "3MX", "a b", "class"]},
                    },
                }
            }
        },
    }


def test_hostile_strings_compile_import_and_run_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned-marker"
    spec = write_spec(tmp_path, hostile_spec(marker))
    out = tmp_path / "out"
    render_into(spec, out, "hostile_pkg")
    for source in out.rglob("*.py"):
        ast.parse(source.read_text(), str(source))
    with imported(out / "client" / "src", "hostile_pkg") as package:
        client = package.Client(token="t")
        method = client.tag_get_job
        assert "job_id" in inspect.signature(method).parameters
        assert "class_" in inspect.signature(method).parameters
        state = package.models.JobState
        assert {m.value for m in state} == {
            EVIL.replace("PWNED", str(marker)),
            "3MX",
            "a b",
            "class",
        }
        client.close()
    assert not marker.exists()


@pytest.mark.parametrize("spec", sorted(p.stem for p in SPECS.glob("*.yaml")))
def test_every_model_the_client_imports_exists(tmp_path: Path, spec: str) -> None:
    path = SPECS / f"{spec}.yaml"
    package = spec.replace("-", "_") + "_names"
    render_into(path, tmp_path, package)
    api, _ = build_api(SpecSet(load_document(path)), spec)
    models = ast.parse((tmp_path / "client" / "src" / package / "models.py").read_text())
    defined = {node.name for node in models.body if isinstance(node, ast.ClassDef)} | {
        node.target.id
        for node in models.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    client = ast.parse((tmp_path / "client" / "src" / package / "_client.py").read_text())
    imported_names = {
        alias.name
        for node in client.body
        if isinstance(node, ast.ImportFrom) and node.module == "models"
        for alias in node.names
    }
    assert imported_names <= defined
    assert {m.class_name for m in api.models} == defined


def test_every_generated_file_starts_with_the_header(tmp_path: Path) -> None:
    result = render_into(SPECS / "reality-modeling.yaml", tmp_path, "rm_header")
    for file in result.files:
        first = file.content.decode().splitlines()[0] if file.content else ""
        if file.path.endswith("py.typed"):
            continue
        assert "Generated from specs/reality-modeling.yaml by specgen" in first, file.path


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    spec = SPECS / "reality-analysis.yaml"
    first = render_into(spec, tmp_path / "a", "ra_det")
    second = render_into(spec, tmp_path / "b", "ra_det")
    assert [(f.path, f.content) for f in first.files] == [(f.path, f.content) for f in second.files]


def test_schemas_named_like_server_imports_do_not_shadow_them(tmp_path: Path) -> None:
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}}
    reply = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Response"}}}}
    spec = write_spec(
        tmp_path,
        {
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/x": {
                    "post": {
                        "operationId": "send",
                        "requestBody": body,
                        "responses": {"200": {"description": "ok", **reply}},
                    }
                }
            },
            "components": {
                "schemas": {
                    name: {"type": "object", "properties": {"a": {"type": "string"}}}
                    for name in ("Request", "Response", "Service", "Depends")
                }
            },
        },
    )
    out = tmp_path / "out"
    render_into(spec, out, "shadow_pkg", {"client", "models", "stubs"})
    with imported(out / "client" / "src", "shadow_pkg") as package:
        assert {"RequestModel", "ResponseModel", "ServiceModel", "DependsModel"} <= set(
            dir(package.models)
        )
        with imported(out / "server" / "src", "shadow_pkg_server") as server:
            assert "/x" in server.create_app().openapi()["paths"]
