"""Pagination of an operation: `x-pagination` when the spec says it, else detected by the rules
of `pagination_rules` (each detection an info finding that names its rule).

`x-pagination: false` turns detection off for one operation; `x-pagination: true` asks for it
on an operation that is not a GET.
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Level, pointer_join
from generator.ir.context import BuildContext
from generator.ir.model import Operation, Pagination, TypeRef
from generator.ir.pagination_rules import (
    Detected,
    body_fields,
    detect,
    page_expr,
)
from generator.ir.schemas import SchemaHoister
from generator.ir.types import ListOf, TypeExpr
from generator.load import Document

STYLES = ("next-link", "cursor", "has-more", "offset", "page", "link-header")
# Styles whose next page is named by a value at `next` in the body (and need an items field).
_MARKED = ("next-link", "cursor", "has-more")
# Styles that send a value back in `cursor-param`.
_PARAMETERED = ("cursor", "has-more", "offset", "page")


def read_pagination(
    ctx: BuildContext,
    schemas: SchemaHoister,
    raw: Any,
    op: Operation,
    document: Document,
    pointer: str,
) -> Pagination | None:
    """The operation's pagination, or None (with a warning when `raw` cannot be used)."""
    if raw is False:
        return None
    where = pointer_join(pointer, "x-pagination")
    if raw is None or raw is True:
        found = detect(schemas, op) if raw is True or op.method == "GET" else None
        if found is None:
            if raw is True:
                ctx.warn(
                    "pagination-invalid",
                    "x-pagination: true, but no paging was recognised; declare its style, "
                    "items and next (see docs/clients.md)",
                    where,
                    document,
                )
            return None
        pagination = _typed(schemas, op, found)
        if pagination is not None:
            ctx.warn(
                "pagination-detected",
                f"paged by {_describe(found)} (rule {found.rule}); "
                "`x-pagination: false` turns this off",
                pointer,
                document,
                level=Level.INFO,
            )
        return pagination
    declared = _declared(raw)
    if isinstance(declared, str):
        ctx.warn("pagination-invalid", f"{declared}; ignored", where, document)
        return None
    pagination = _typed(schemas, op, declared)
    if pagination is None:
        ctx.warn(
            "pagination-invalid",
            f"x-pagination items {declared.items!r} is not an array field of the "
            "JSON response (nor '' for an array response); ignored",
            where,
            document,
        )
    return pagination


def _describe(found: Detected) -> str:
    items = f"items {found.items!r}" if found.items else "the response array"
    if found.style == "next-link":
        return f"the next link at {found.next!r}, {items}"
    if found.style == "cursor":
        return f"the cursor at {found.next!r} sent back in {found.cursor_param!r}, {items}"
    if found.style == "has-more":
        return (
            f"{found.next!r} with the last item's {found.id_field!r} sent in "
            f"{found.cursor_param!r}, {items}"
        )
    if found.style == "link-header":
        return f"the Link header's rel=next, {items}"
    size = f" (size {found.size_param!r})" if found.size_param else ""
    return f"{found.style} parameter {found.cursor_param!r}{size}, {items}"


def _declared(raw: Any) -> Detected | str:
    """An `x-pagination` object read, or what is wrong with it."""
    if not isinstance(raw, dict):
        return "x-pagination must be an object (or false to turn detection off)"
    style, items, following = raw.get("style"), raw.get("items", ""), raw.get("next")
    cursor, size = raw.get("cursor-param"), raw.get("size-param")
    id_field, first = raw.get("id-field", "id"), raw.get("first-page", 1)
    if style not in STYLES:
        return f"x-pagination style must be one of {', '.join(STYLES)}"
    if not isinstance(items, str) or (style in _MARKED and not items):
        return "x-pagination needs items (a response property holding the page's items)"
    if style in _MARKED and not isinstance(following, str):
        return f"{style} pagination needs next (a dotted path into the response)"
    if style in _PARAMETERED and not isinstance(cursor, str):
        return f"{style} pagination needs cursor-param"
    if not isinstance(size, str | None) or not isinstance(id_field, str):
        return "size-param and id-field must be strings"
    if not isinstance(first, int) or isinstance(first, bool):
        return "first-page must be an integer"
    return Detected(
        "x-pagination",
        style,
        items,
        following if isinstance(following, str) else None,
        cursor if isinstance(cursor, str) else None,
        size,
        id_field,
        first,
    )


def _typed(schemas: SchemaHoister, op: Operation, found: Detected) -> Pagination | None:
    """`found` with its item and page types, or None when its items are no array."""
    success = op.success
    page = page_expr(schemas, op)
    if success is None or success.type is None or page is None:
        return None
    if found.items == "":
        if not isinstance(page, ListOf) or found.style in _MARKED:
            return None
        item_expr: TypeExpr = page.item
    else:
        by_path = {f.dotted: f for f in body_fields(schemas, page, (), len(found.items.split(".")))}
        field = by_path.get(found.items)
        if field is None or not isinstance(field.type, ListOf):
            return None
        item_expr = field.type.item
    item_type = TypeRef(
        schemas.signatures.signature(item_expr),
        schemas.signatures.classes(item_expr),
        False,
        item_expr,
    )
    query = {p.wire_name for p in op.params_in("query")}
    cursor_in = (
        "body"
        if found.cursor_param
        and found.cursor_param not in query
        and op.body is not None
        and op.body.kind == "json"
        else "query"
    )
    return Pagination(
        found.style,
        found.items,
        found.next,
        found.cursor_param,
        item_type,
        success.type,
        cursor_in,
        found.size_param,
        found.id_field,
        found.first_page,
        found.rule,
    )
