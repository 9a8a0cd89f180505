# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Reading one response of a paginated operation: the page, its items and the next page.

Apart from the clients, which send the requests: the sync and the async client read a page
the same way once it has arrived.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
import pydantic

from ._errors import APIResponseValidationError
from ._pagination import NextPage, Pagination, lookup_path
from ._response import AdapterCache, parse_lenient
from ._types import PreparedRequest

__all__ = ["read_page"]


def read_page(
    response: httpx.Response,
    request: PreparedRequest,
    adapters: AdapterCache,
    *,
    pagination: Pagination,
    item_type: Any,
    page_type: Any,
) -> tuple[Any, list[Any], NextPage]:
    """The page model (or the JSON body, with no page model), its items parsed, and the way
    to the next page; a body that is not JSON or not the declared page raises
    ``APIResponseValidationError``."""
    if page_type is not None and response.content:
        # Straight from bytes into the page model, as other responses are parsed: decoding
        # to Python objects first and validating those costs about twice as much.
        try:
            page = parse_lenient(adapters.get(page_type), response.content, json=True)
        except pydantic.ValidationError:
            pass  # not JSON, or not the declared page: reported below, exactly as before
        else:
            following = NextPage(pagination, response.json, request, response.url, response.headers)
            return page, _page_items(page, pagination.items), following
    try:
        body: Any = response.json() if response.content else None
    except ValueError as exc:
        raise APIResponseValidationError(
            f"{request.method} {request.url} returned a page that is not JSON",
            response=response,
            body=response.text,
        ) from exc
    try:
        if page_type is None:
            page = body
            raw_items = lookup_path(body, pagination.items) or []
            items: list[Any] = parse_lenient(adapters.get(list[item_type]), raw_items)
        else:
            page = parse_lenient(adapters.get(page_type), body)
            items = _page_items(page, pagination.items)
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"{request.method} {request.url} returned a page that does not match the "
            f"declared schema: {exc}",
            response=response,
            body=body,
        ) from exc
    return (
        page,
        items,
        NextPage(pagination, lambda: body, request, response.url, response.headers),
    )


def _page_items(page: Any, key: str) -> list[Any]:
    """The parsed items of a parsed page model: the field whose wire name is `key`."""
    fields: Mapping[str, Any] = getattr(type(page), "model_fields", {})
    for name, field in fields.items():
        if key in (name, field.alias):
            found: list[Any] = list(getattr(page, name) or [])
            return found
    value: Any = lookup_path(page.model_dump(by_alias=True) if fields else page, key)
    return list(value or [])
