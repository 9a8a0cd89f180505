"""Async pages from a real server: ``async for`` straight over the call, or ``await`` first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

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
