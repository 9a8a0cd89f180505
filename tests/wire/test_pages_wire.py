"""Async pages from a real server: ``async for`` straight over the call, or ``await`` first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request, Response

from tests.wire.wire_helpers import client_package, serve, spec

ITEM = {"type": "object", "properties": {"id": {"type": "integer"}}}
PAGE = {
    "type": "object",
    "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
        "next": {"type": ["string", "null"]},
    },
}


def _document() -> dict[str, Any]:
    return spec(
        {
            "/items": {
                "get": {
                    "operationId": "list_items",
                    "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                    "x-pagination": {
                        "style": "cursor",
                        "items": "items",
                        "next": "next",
                        "cursor-param": "cursor",
                    },
                    "responses": {
                        "200": {
                            "description": "a page",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Page"}
                                }
                            },
                        }
                    },
                }
            }
        },
        schemas={"Item": ITEM, "Page": PAGE},
    )


def _app() -> FastAPI:
    app = FastAPI()
    pages = {"": ([1, 2], "p2"), "p2": ([3], "p3"), "p3": ([4, 5], None)}

    @app.get("/items")
    def items(cursor: str = "") -> dict[str, Any]:
        ids, following = pages[cursor]
        return {"items": [{"id": i} for i in ids], "next": following}

    return app


@pytest.fixture(scope="module")
def wired(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    folder: Path = tmp_path_factory.mktemp("pages")
    with client_package(folder, _document(), "pages_wire") as package, serve(_app()) as url:
        yield package, url


async def test_async_pages_are_iterable_without_await_and_awaitable(
    wired: tuple[Any, str],
) -> None:
    package, url = wired
    async with package.AsyncClient(base_url=url) as client:
        assert [item.id async for item in client.list_items()] == [1, 2, 3, 4, 5]
        first = await client.list_items()
        assert [item.id for item in first.items] == [1, 2]
        assert [item.id async for item in first] == [1, 2, 3, 4, 5]
        pager = client.list_items()
        assert (await pager) is (await pager)  # awaiting twice gives the same first page


def test_sync_pages_iterate_every_item(wired: tuple[Any, str]) -> None:
    package, url = wired
    with package.Client(base_url=url) as client:
        assert [item.id for item in client.list_items()] == [1, 2, 3, 4, 5]


# -- detected pagination: no x-pagination, the generator recognises the shape ---------------------

NUMBERS = [{"id": f"n{i}"} for i in range(5)]
ARRAY = {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}


def _get(params: list[dict[str, Any]], body: dict[str, Any], **response: Any) -> dict[str, Any]:
    ok = {"description": "ok", "content": {"application/json": {"schema": body}}, **response}
    return {"get": {"parameters": params, "responses": {"200": ok}}}


def _query(name: str, kind: str = "integer") -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": kind}}


def _detected_document() -> dict[str, Any]:
    paths = {
        # offset/limit, items in `data`
        "/offset": _get(
            [_query("offset"), _query("limit")],
            {"type": "object", "properties": {"data": ARRAY, "total": {"type": "integer"}}},
        ),
        # Stripe's has_more + starting_after
        "/stripe": _get(
            [_query("starting_after", "string"), _query("limit")],
            {"type": "object", "properties": {"data": ARRAY, "has_more": {"type": "boolean"}}},
        ),
        # GitHub's bare array with a Link header
        "/github": _get(
            [_query("page"), _query("per_page")],
            ARRAY,
            headers={"Link": {"schema": {"type": "string"}}},
        ),
        # Asana's next_page.offset
        "/asana": _get(
            [_query("offset", "string"), _query("limit")],
            {
                "type": "object",
                "properties": {
                    "data": ARRAY,
                    "next_page": {
                        "type": ["object", "null"],
                        "properties": {"offset": {"type": "string"}, "uri": {"type": "string"}},
                    },
                },
            },
        ),
    }
    return spec(
        paths, schemas={"Item": {"type": "object", "properties": {"id": {"type": "string"}}}}
    )


def _detected_app() -> FastAPI:
    app = FastAPI()

    @app.get("/offset")
    def offset(offset: int = 0, limit: int = 2) -> dict[str, Any]:
        return {"data": NUMBERS[offset : offset + limit], "total": len(NUMBERS)}

    @app.get("/stripe")
    def stripe(starting_after: str | None = None, limit: int = 2) -> dict[str, Any]:
        ids = [n["id"] for n in NUMBERS]
        start = ids.index(starting_after) + 1 if starting_after else 0
        return {"data": NUMBERS[start : start + limit], "has_more": start + limit < len(ids)}

    @app.get("/github")
    def github(request: Request, response: Response, page: int = 1, per_page: int = 2) -> Any:
        if page * per_page < len(NUMBERS):
            following = request.url.include_query_params(page=page + 1)
            response.headers["Link"] = f'<{following}>; rel="next"'
        return NUMBERS[(page - 1) * per_page : page * per_page]

    @app.get("/asana")
    def asana(offset: str = "0", limit: int = 2) -> dict[str, Any]:
        start = int(offset)
        more = start + limit < len(NUMBERS)
        following = {"offset": str(start + limit), "uri": "/asana"} if more else None
        return {"data": NUMBERS[start : start + limit], "next_page": following}

    return app


@pytest.fixture(scope="module")
def detected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    folder: Path = tmp_path_factory.mktemp("detected")
    with (
        client_package(folder, _detected_document(), "detected_wire") as package,
        serve(_detected_app()) as url,
    ):
        yield package, url


@pytest.mark.parametrize("operation", ["offset", "stripe", "github", "asana"])
def test_detected_pagination_walks_every_page(detected: tuple[Any, str], operation: str) -> None:
    package, url = detected
    method = f"get_{operation}"
    with package.Client(base_url=url) as client:
        first = getattr(client, method)(limit=2) if operation != "github" else client.get_github()
        assert [item.id for item in first.items] == ["n0", "n1"]
        assert [item.id for item in first] == [n["id"] for n in NUMBERS]


async def test_detected_pagination_async(detected: tuple[Any, str]) -> None:
    package, url = detected
    async with package.AsyncClient(base_url=url) as client:
        assert [item.id async for item in client.get_stripe(limit=2)] == [n["id"] for n in NUMBERS]
