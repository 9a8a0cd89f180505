"""One regression spec per hostile or awkward input: refused cleanly, or generated with a warning."""

from __future__ import annotations

import inspect
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Level, SpecError
from tests.render.helpers import write_spec
from tests.robustness.support import build, compile_all, imported, minimal, render

OK = {"200": {"description": "ok"}}


def op(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": extra.pop("responses", OK), **extra}


# -- refused in bounded time and memory --------------------------------------------------------


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("openapi: 3.0.3\n" + "\n".join(lines) + "\n")
    with pytest.raises(SpecError) as caught:
        build(path)
    assert caught.value.diagnostic.rule == "alias-bomb"


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_very_deep_nesting_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"deep.{suffix}"
    path.write_text('{"openapi": "3.0.3", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(SpecError) as caught:
        build(path)
    assert caught.value.diagnostic.rule == "too-deep"


# -- references ---------------------------------------------------------------------------------


@pytest.fixture
def listening() -> Iterator[socket.socket]:
    """A local port that records whether anything connected to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    yield server
    server.close()


def test_remote_ref_is_never_fetched(tmp_path: Path, listening: socket.socket) -> None:
    port = listening.getsockname()[1]
    remote = {"$ref": f"http://127.0.0.1:{port}/schemas.json#/Job"}
    spec = write_spec(tmp_path, minimal({}, {"Job": remote}))
    with pytest.raises(SpecError) as caught:
        render(spec, tmp_path / "out", "remote_pkg")
    assert caught.value.diagnostic.rule == "ref-remote"
    with pytest.raises(BlockingIOError):
        listening.accept()


def test_relative_ref_leaving_the_spec_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.json").write_text(json.dumps({"Job": {"type": "object"}}))
    folder = tmp_path / "specs"
    folder.mkdir()
    spec = write_spec(folder, minimal({}, {"Job": {"$ref": "../secret.json#/Job"}}))
    with pytest.raises(SpecError) as caught:
        render(spec, tmp_path / "out", "escape_pkg")
    assert caught.value.diagnostic.rule == "ref-escape"


def test_reference_cycles_generate_recursive_models(tmp_path: Path) -> None:
    schemas = {
        "Node": {
            "type": "object",
            "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                "owner": {"$ref": "#/components/schemas/Person"},
            },
        },
        "Person": {
            "type": "object",
            "properties": {"root": {"$ref": "#/components/schemas/Node"}},
        },
        "Loop": {"$ref": "#/components/schemas/Loop"},
        "PingA": {"$ref": "#/components/schemas/PingB"},
        "PingB": {"allOf": [{"$ref": "#/components/schemas/PingA"}]},
    }
    returns = {"200": {"description": "ok", "content": json_of("Node")}}
    spec = write_spec(tmp_path, minimal({"/n": {"get": op("getNode", responses=returns)}}, schemas))
    result = render(spec, tmp_path / "out", "cycle_pkg")
    assert {d.rule for d in result.diagnostics} >= {"ref-cycle"}
    with imported(tmp_path / "out" / "client" / "src", "cycle_pkg") as package:
        node = package.models.Node.model_validate(
            {"children": [{"children": []}], "owner": {"root": {"children": []}}}
        )
        assert isinstance(node.children[0], package.models.Node)
        assert isinstance(node.owner.root, package.models.Node)
        assert {"Loop", "PingA", "PingB"} <= set(vars(package.models))


def json_of(name: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}


# -- nothing is written outside the output folder --------------------------------------------


def test_names_from_the_spec_never_reach_file_paths(tmp_path: Path) -> None:
    evil = "../../../../tmp/escape"
    document = minimal(
        {f"/{evil}": {"get": op(evil, tags=[evil, "/etc/passwd"])}},
        {evil.replace("/", ""): {"type": "object", "properties": {"a": {"type": "string"}}}},
    )
    document["info"]["title"] = evil
    document["tags"] = [{"name": evil}]
    spec = write_spec(tmp_path, document, name="..")
    result = render(spec, tmp_path / "out", "paths_pkg")
    for file in result.files:
        assert not Path(file.path).is_absolute() and ".." not in Path(file.path).parts
    assert {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()} <= {
        Path("...yaml"),
        *(Path("out") / f.path for f in result.files),
    }


# -- every operation is generated, with typed fallbacks and located warnings ------------------


def fallback_spec() -> dict[str, Any]:
    multipart = {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        }
    }
    binary = {"content": {"application/octet-stream": {"schema": {"type": "string"}}}}
    string_or_array = {
        "name": "ids",
        "in": "query",
        "schema": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
    }
    cookie = {"name": "session", "in": "cookie", "required": True, "schema": {"type": "string"}}
    exotic = {
        "not": {"type": "string"},
        "if": {"type": "object"},
        "then": {"required": ["a"]},
        "dependentSchemas": {"a": {"required": ["b"]}},
    }
    inline_only = {
        "200": {
            "description": "ok",
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "items": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {"kind": {"type": "string", "enum": ["a", "b"]}},
                                },
                            }
                        },
                    }
                }
            },
        }
    }
    return minimal(
        {
            "/upload": {"post": op("upload", requestBody=multipart)},
            "/blob": {"put": op("putBlob", requestBody=binary)},
            "/search": {"get": op("search", parameters=[string_or_array, cookie])},
            "/exotic": {
                "post": op(
                    "exotic", requestBody={"content": {"application/json": {"schema": exotic}}}
                )
            },
            "/inline": {"get": op("inline", responses=inline_only)},
            "/no-id/{x}": {
                "get": {
                    "parameters": [{"name": "x", "in": "path", "schema": {}}],
                    "responses": {},
                }
            },
        }
    )


def test_every_operation_is_generated_with_typed_fallbacks(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, fallback_spec())
    result = render(spec, tmp_path / "out", "fallback_pkg")
    warnings = {d.rule: d for d in result.diagnostics if d.level is Level.WARNING}
    # A multipart body with an object schema is typed by its model now (no body-fallback).
    assert {"parameter-cookie"} <= set(warnings) and "body-fallback" not in warnings
    for diagnostic in warnings.values():
        assert diagnostic.pointer.startswith("#/paths/") and diagnostic.line is not None
    with imported(tmp_path / "out" / "client" / "src", "fallback_pkg") as package:
        client = package.Client(token="t")
        names = {"upload", "put_blob", "search", "exotic", "inline", "get_no_id_x"}
        assert names <= set(dir(client))
        assert "session" in inspect.signature(client.search).parameters
        assert "InlineResponseItemsItemKind" in vars(package.models)
        client.close()


# -- schemas the model generator gets wrong ----------------------------------------------------


def awkward_schemas() -> dict[str, Any]:
    return {
        "Severity": {"type": "string", "enum": [10, 20, 30, 20]},
        "Odd": {"type": "integer", "enum": ["a", 1]},
        "PageSize": {"type": "integer", "default": 10},
        "Size": {"type": "string", "enum": ["A4", "Letter"], "default": "A4"},
        "Field": {"type": "object", "properties": {"a": {"type": "string"}}},
        "Client": {"type": "object", "properties": {"b": {"type": "string"}}},
        "Doc": {
            "type": "object",
            "properties": {
                "size": {"$ref": "#/components/schemas/Size"},
                "page": {"$ref": "#/components/schemas/PageSize"},
                "paper": {"type": "string", "enum": ["x", "y"], "default": "nope"},
                "email": {"type": "string", "format": "email"},
                "id": {"type": "string", "format": "ulid"},
                "secret": {"type": "string", "format": "password"},
                "arn": {"type": "string", "pattern": "arn:[\\w-]{1,255}"},
                "ahead": {"type": "string", "pattern": "^(?=a)a+$"},
                "field": {"$ref": "#/components/schemas/Field"},
                "client": {"$ref": "#/components/schemas/Client"},
            },
        },
    }


def test_awkward_schemas_import_and_keep_the_client_names(tmp_path: Path) -> None:
    returns = {"200": {"description": "ok", "content": json_of("Doc")}}
    document = minimal({"/doc": {"get": op("getDoc", responses=returns)}}, awkward_schemas())
    spec = write_spec(tmp_path, document)
    result = render(spec, tmp_path / "out", "awkward_pkg")
    rules = {d.rule for d in result.diagnostics}
    assert {"enum-type-mismatch", "default-invalid", "pattern-unsupported"} <= rules
    compile_all(tmp_path / "out")
    with imported(tmp_path / "out" / "client" / "src", "awkward_pkg") as package:
        models = package.models
        assert [m.value for m in models.Severity] == ["10", "20", "30"]
        assert {"FieldModel", "ClientModel"} <= set(vars(models))
        doc = models.Doc.model_validate(
            {"email": "not-an-email", "id": "x", "secret": "s", "ahead": "b"}
        )
        assert doc.size is models.Size.A4
        assert doc.model_dump(mode="json", exclude_none=True)["secret"] == "s"
        assert package.Client is not models.ClientModel


def test_a_spec_without_servers_generates(tmp_path: Path) -> None:
    document = minimal({"/a": {"get": op("a")}})
    del document["servers"]
    spec = write_spec(tmp_path, document)
    render(spec, tmp_path / "out", "serverless_pkg")
    with imported(tmp_path / "out" / "client" / "src", "serverless_pkg") as package:
        with pytest.raises(ValueError, match="base_url"):
            package.Client(token="t")
        package.Client(token="t", base_url="https://x.example").close()
