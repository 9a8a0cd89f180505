"""Parameters of every style reach a real server exactly as the specification's table writes
them (the server echoes the raw path, query string, headers and cookies it received)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Query, Request

from tests.wire.wire_helpers import client_package, serve, spec

ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}

_ARRAY_SCHEMA = {"type": "array", "items": {"type": "string"}}
_OBJECT_SCHEMA = {
    "type": "object",
    "properties": {k: {"type": "integer"} for k in OBJECT},
}


def _param(name: str, location: str, schema: dict[str, Any], style: str, explode: bool) -> Any:
    return {
        "name": name,
        "in": location,
        "required": location == "path",
        "schema": schema,
        "style": style,
        "explode": explode,
    }


def _document() -> dict[str, Any]:
    path_params = [
        _param("simple", "path", _ARRAY_SCHEMA, "simple", False),
        _param("label", "path", _ARRAY_SCHEMA, "label", True),
        _param("matrix", "path", _OBJECT_SCHEMA, "matrix", True),
        _param("matrixArray", "path", _ARRAY_SCHEMA, "matrix", False),
    ]
    query_params = [
        _param("formFalse", "query", _ARRAY_SCHEMA, "form", False),
        _param("formTrue", "query", _ARRAY_SCHEMA, "form", True),
        _param("space", "query", _ARRAY_SCHEMA, "spaceDelimited", False),
        _param("pipe", "query", _ARRAY_SCHEMA, "pipeDelimited", False),
        _param("deep", "query", _OBJECT_SCHEMA, "deepObject", True),
        _param("exploded", "query", _OBJECT_SCHEMA, "form", True),
    ]
    other_params = [
        _param("X-Array", "header", _ARRAY_SCHEMA, "simple", False),
        _param("X-Object", "header", _OBJECT_SCHEMA, "simple", True),
        _param("colors", "cookie", _ARRAY_SCHEMA, "form", False),
    ]
    echo = {"200": {"description": "echo", "content": {"application/json": {"schema": {}}}}}
    return spec(
        {
            "/c/{simple}/{label}/{matrix}/{matrixArray}": {
                "get": {
                    "operationId": "echo",
                    "parameters": path_params + query_params + other_params,
                    "responses": echo,
                }
            },
            "/list": {
                "get": {
                    "operationId": "parsed",
                    "parameters": [_param("tag", "query", _ARRAY_SCHEMA, "form", True)],
                    "responses": echo,
                }
            },
        }
    )


def _app() -> FastAPI:
    app = FastAPI()

    @app.get("/list")
    def parsed(tag: list[str] = Query()) -> dict[str, Any]:  # noqa: B008 (FastAPI style)
        return {"tag": tag}

    @app.get("/{rest:path}")
    def echo(rest: str, request: Request) -> dict[str, Any]:
        return {
            "path": request.scope["raw_path"].decode(),
            "query": request.scope["query_string"].decode(),
            "x_array": request.headers.get("x-array"),
            "x_object": request.headers.get("x-object"),
            "cookie": request.headers.get("cookie"),
        }

    return app


@pytest.fixture(scope="module")
def wired(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    folder: Path = tmp_path_factory.mktemp("params")
    with client_package(folder, _document(), "params_wire") as package, serve(_app()) as url:
        yield package, url


def test_every_location_and_style_reaches_the_server_as_the_table_writes_it(
    wired: tuple[Any, str],
) -> None:
    package, url = wired
    with package.Client(base_url=url) as client:
        echoed = client.echo(
            simple=ARRAY,
            label=ARRAY,
            matrix=OBJECT,
            matrix_array=ARRAY,
            form_false=ARRAY,
            form_true=ARRAY,
            space=ARRAY,
            pipe=ARRAY,
            deep=OBJECT,
            exploded=OBJECT,
            x_array=ARRAY,
            x_object=OBJECT,
            colors=ARRAY,
        )
    assert echoed["path"] == (
        "/c/blue,black,brown/.blue.black.brown/;R=100;G=200;B=150/;matrixArray=blue,black,brown"
    )
    assert echoed["query"].split("&") == [
        "formFalse=blue,black,brown",
        "formTrue=blue",
        "formTrue=black",
        "formTrue=brown",
        "space=blue%20black%20brown",
        "pipe=blue|black|brown",
        "deep[R]=100",
        "deep[G]=200",
        "deep[B]=150",
        "R=100",
        "G=200",
        "B=150",
    ]
    assert echoed["x_array"] == "blue,black,brown"
    assert echoed["x_object"] == "R=100,G=200,B=150"
    assert echoed["cookie"] == "colors=blue,black,brown"


def test_a_server_reading_repeated_keys_sees_every_value(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url) as client:
        assert client.parsed(tag=["a", "b,c", "d e"]) == {"tag": ["a", "b,c", "d e"]}
