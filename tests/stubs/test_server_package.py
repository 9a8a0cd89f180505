"""The generated FastAPI server package: layout, its /openapi.json against the curated spec,
strict validation, the spec's error shapes, security, 501 defaults and mypy --strict."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from stub_helpers import AUTH, SPEC_NAMES, SPECS_DIR

from generator.mock.server import RenderedServer
from generator.render import TargetOptions, render_target

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def _client(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def _spec(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((SPECS_DIR / f"{name}.yaml").read_text())
    return loaded


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _summary(document: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """(path, method) → (operationId, parameters as (name, in, required), status codes)."""
    result = {}
    for path, item in document["paths"].items():
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            params = [_resolve(document, p) for p in item.get("parameters", [])]
            params += [_resolve(document, p) for p in op.get("parameters", [])]
            result[(path, method)] = (
                op["operationId"],
                sorted((p["name"], p["in"], bool(p.get("required"))) for p in params),
                sorted(str(code) for code in op["responses"]),
                "requestBody" in op,
            )
    return result


def test_renders_a_server_package_with_a_write_once_implementation() -> None:
    result = render_target(
        SPECS_DIR / "reality-modeling.yaml",
        TargetOptions("reality-modeling", frozenset({"client", "models", "stubs"})),
    )
    files = {f.path: f for f in result.files}
    root = "server/src/reality_modeling_server"
    for name in ("app.py", "interface.py", "errors.py", "security.py", "__init__.py"):
        assert not files[f"{root}/{name}"].write_once
    assert files[f"{root}/implementation.py"].write_once
    pyproject = files["server/pyproject.toml"].content.decode()
    assert '"reality-modeling==' in pyproject and "fastapi" in pyproject
    app = files[f"{root}/app.py"].content.decode()
    assert "from reality_modeling.models import" in app
    assert 'alias="$filter"' in app and 'alias="continuationToken"' in app


@pytest.mark.parametrize("name", SPEC_NAMES)
async def test_openapi_matches_the_curated_spec(
    name: str, rendered: dict[str, RenderedServer]
) -> None:
    app = rendered[name].package.create_app()
    async with _client(app) as client:
        served = (await client.get("/openapi.json")).json()
    assert _summary(served) == _summary(_spec(name))


async def test_unimplemented_operations_answer_501_in_the_spec_shape(
    rendered: dict[str, RenderedServer],
) -> None:
    app = rendered["reality-modeling"].package.create_app()
    async with _client(app) as client:
        response = await client.get("/contextcapture/jobs", headers=AUTH)
    assert response.status_code == 501
    assert response.headers["content-type"] == "application/vnd.bentley.itwin-platform.v1+json"
    assert response.json()["error"]["code"] == "NotImplemented"


@pytest.mark.parametrize(
    ("name", "method", "path", "code"),
    [
        ("reality-modeling", "GET", "/contextcapture/jobs", "HeaderNotFound"),
        ("reality-data-analysis", "PATCH", "/realitydataanalysis/jobs/x", "Unauthorized"),
        ("cognite-3d-jobs", "POST", "/3d/jobs", 401),
    ],
)
async def test_missing_token_is_401_with_the_spec_error_body(
    name: str, method: str, path: str, code: Any, rendered: dict[str, RenderedServer]
) -> None:
    app = rendered[name].package.create_app()
    async with _client(app) as client:
        for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer "}):
            response = await client.request(method, path, headers=headers, json={})
            assert response.status_code == 401
            assert response.json()["error"]["code"] == code


VALID_JOB = {
    "type": "Full",
    "name": "n",
    "workspaceId": "w",
    "inputs": [{"id": "i"}],
    "settings": {"quality": "Draft", "outputs": ["OBJ"]},
}


@pytest.mark.parametrize(
    ("change", "target", "code"),
    [
        ({"type": "Fast"}, "type", "InvalidValue"),  # not in the enum
        ({"extra": 1}, "extra", "UnknownProperty"),  # additionalProperties: false
        ({"name": None}, "name", "InvalidValue"),
        (
            {"settings": {"quality": "Draft", "outputs": ["OBJ"], "processingEngines": "5"}},
            "settings.processingEngines",
            "InvalidValue",
        ),  # strict: no "5" → 5
        ({"workspaceId": ...}, "workspaceId", "MissingRequiredProperty"),
    ],
)
async def test_request_bodies_are_validated_strictly(
    change: dict[str, Any], target: str, code: str, rendered: dict[str, RenderedServer]
) -> None:
    body = {k: v for k, v in {**VALID_JOB, **change}.items() if v is not ...}
    app = rendered["reality-modeling"].package.create_app()
    async with _client(app) as client:
        response = await client.post("/contextcapture/jobs", headers=AUTH, json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "InvalidContextCaptureRequest"  # the code the spec's 422 shows
    assert {"code": code, "target": target} in [
        {"code": d["code"], "target": d["target"]} for d in error["details"]
    ]


async def test_cognite_validation_errors_use_its_integer_code(
    rendered: dict[str, RenderedServer],
) -> None:
    app = rendered["cognite-3d-jobs"].package.create_app()
    async with _client(app) as client:
        response = await client.post("/3d/jobs", headers=AUTH, json={"items": []})
    assert response.status_code == 422
    assert response.json() == {
        "error": {"code": 422, "message": response.json()["error"]["message"]}
    }


async def test_an_implementation_receives_python_names_and_its_answer_is_serialized(
    rendered: dict[str, RenderedServer],
) -> None:
    server = importlib.import_module("reality_modeling_server")
    models = importlib.import_module("reality_modeling.models")
    received: dict[str, Any] = {}

    class Service(server.Service):  # type: ignore[misc, name-defined]
        async def list_jobs(self, **arguments: Any) -> Any:
            received.update(arguments)
            return models.Jobs(jobs=[])

        async def create_job(self, *, body: Any) -> Any:
            received["body"] = body
            raise server.ApiError(409, "Already there.", code="Conflict")

    app = server.create_app(Service())
    async with _client(app) as client:
        listed = await client.get(
            "/contextcapture/jobs",
            params={"$filter": "state eq 'active'", "$top": "5", "continuationToken": "abc"},
            headers=AUTH,
        )
        created = await client.post("/contextcapture/jobs", headers=AUTH, json=VALID_JOB)
    assert listed.status_code == 200 and listed.json() == {"jobs": []}  # unset fields left out
    assert received["filter"] == "state eq 'active'" and received["top"] == 5
    assert received["continuation_token"] == "abc"
    assert received["body"].workspace_id == "w"
    assert created.status_code == 409
    assert created.json() == {"error": {"code": "Conflict", "message": "Already there."}}


def test_generated_server_packages_pass_mypy_strict(rendered: dict[str, RenderedServer]) -> None:
    paths, packages = [], []
    for server in rendered.values():
        paths += [str(server.root / "client" / "src"), str(server.root / "server" / "src")]
        packages += ["-p", server.package.__name__]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(paths)}
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(paths[0]).parent,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
