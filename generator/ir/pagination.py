"""`x-pagination`: how a paged operation's response names its items and its next page."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import pointer_join
from generator.ir.context import BuildContext
from generator.ir.model import ANY, Operation, Pagination
from generator.ir.schemas import SchemaHoister
from generator.ir.types import ListOf, ModelRef
from generator.load import Document


def read_pagination(
    ctx: BuildContext,
    schemas: SchemaHoister,
    raw: Any,
    op: Operation,
    document: Document,
    pointer: str,
) -> Pagination | None:
    """The operation's pagination, or None (with a warning when `raw` cannot be used)."""
    if raw is None:
        return None
    where = pointer_join(pointer, "x-pagination")
    success = op.success
    # the page class, through named aliases of it (`type.is_model` says one is there)
    page = (
        schemas.classes.through_aliases(success.type.expr)
        if success is not None and success.type is not None
        else None
    )
    if (
        not isinstance(raw, dict)
        or success is None
        or success.type is None
        or not (success.type.is_model and isinstance(page, ModelRef))
    ):
        ctx.warn(
            "pagination-invalid",
            "x-pagination needs a JSON object response; ignored",
            where,
            document,
        )
        return None
    style, items, next_path = raw.get("style"), raw.get("items"), raw.get("next")
    cursor = raw.get("cursor-param")
    # read through the class builder, which notes what a path item reads (see `warm`)
    page_schema = schemas.classes.schemas.get(page.name, {})
    item_schema = (
        (page_schema.get("properties") or {}).get(items) if isinstance(items, str) else None
    )
    if (
        style not in ("next-link", "cursor")
        or not isinstance(next_path, str)
        or item_schema is None
    ):
        ctx.warn(
            "pagination-invalid",
            "x-pagination needs style, items (a response property) and next; ignored",
            where,
            document,
        )
        return None
    if style == "cursor" and not isinstance(cursor, str):
        ctx.warn(
            "pagination-invalid", "cursor pagination needs cursor-param; ignored", where, document
        )
        return None
    list_type = schemas.annotate(item_schema)
    items_schema = item_schema.get("items") if isinstance(item_schema, dict) else None
    item_type = schemas.annotate(items_schema) if isinstance(items_schema, dict) else ANY
    if not isinstance(list_type.expr, ListOf):
        item_type = ANY
    return Pagination(
        style,
        str(items),
        next_path,
        cursor if isinstance(cursor, str) else None,
        item_type,
        success.type,
    )
