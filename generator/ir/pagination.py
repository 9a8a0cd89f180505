"""Pagination of an operation: `x-pagination` when the spec says it, else detected.

Detection reads the operation's query parameters, its success body's fields (through the
class builder, which notes what a path item reads: see `warm`) and its response headers. The
rules, first match wins (each named in the `pagination-detected` finding):

* `body-next-link`: a `next` URL in the body (`next`, `nextLink`, `@odata.nextLink`,
  `links.next`, `_links.next.href`, `next_page_url`...);
* `body-cursor`: a next cursor in the body (`next_cursor`, `nextPageToken`,
  `next_page.offset`, `response_metadata.next_cursor`...) and a query parameter to send it in;
* `has-more`: a `has_more` flag, items with an `id` and an `after`-like query parameter;
* `link-header`: a `Link` response header;
* `offset-limit`: an integer `offset`/`skip` query parameter;
* `page-number`: an integer `page` query parameter.

Every rule also needs the page's items: an array response, or one array field of the body.
Only GET operations are detected; `x-pagination` declares any other, and `x-pagination: false`
turns detection off for one operation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator import naming
from generator.diagnostics import Level, pointer_join
from generator.ir.context import BuildContext
from generator.ir.model import Operation, Pagination, Parameter, TypeRef
from generator.ir.schemas import SchemaHoister
from generator.ir.types import ListOf, ModelRef, Nullable, Primitive, TypeExpr, UnionOf
from generator.load import Document

STYLES = ("next-link", "cursor", "has-more", "offset", "page", "link-header")
# Styles whose next page is named by a value at `next` in the body (and need an items field).
_MARKED = ("next-link", "cursor", "has-more")
# Styles that send a value back in `cursor-param`.
_PARAMETERED = ("cursor", "has-more", "offset", "page")

# Names of the items field when the body has several arrays, most likely first.
ITEM_FIELDS = (
    "data",
    "items",
    "results",
    "values",
    "value",
    "entries",
    "records",
    "elements",
    "objects",
    "nodes",
    "edges",
    "hits",
    "content",
    "list",
    "rows",
)
# Words (see `naming.words`, lower case) that make a `next...` field a URL.
LINK_WORDS = frozenset({"link", "url", "uri", "href"})
# Query parameters that carry a cursor, by their words.
CURSOR_PARAMS = frozenset(
    {
        ("cursor",),
        ("after",),
        ("page", "token"),
        ("next", "token"),
        ("next", "page", "token"),
        ("continuation", "token"),
        ("continuation",),
        ("marker",),
        ("start", "cursor"),
        ("starting", "after"),
        ("page", "cursor"),
        ("pagination", "token"),
        ("skip", "token"),
        ("skiptoken",),
        ("next",),
        ("offset",),
        ("after", "cursor"),
        ("until",),
        ("from",),
    }
)
AFTER_PARAMS = frozenset(
    {("starting", "after"), ("after",), ("after", "id"), ("start", "after"), ("since", "id")}
)
OFFSET_PARAMS = frozenset({("offset",), ("skip",), ("start", "index"), ("first", "result")})
# Ambiguous alone (a start date is no offset): an offset only beside a page size parameter.
WEAK_OFFSET_PARAMS = frozenset({("start",), ("from",)})
PAGE_PARAMS = frozenset({("page",), ("page", "number"), ("page", "index"), ("page", "no")})
# Body fields counting the pages (Linode's `pages`, `total_pages`): the page style stops there.
PAGE_COUNTS = frozenset(
    {("pages",), ("total", "pages"), ("page", "count"), ("last", "page"), ("num", "pages")}
)
SIZE_PARAMS = frozenset(
    {
        ("limit",),
        ("top",),
        ("count",),
        ("size",),
        ("page", "size"),
        ("per", "page"),
        ("max", "results"),
        ("max", "items"),
        ("pagelen",),
        ("take",),
        ("page", "limit"),
        ("max",),
    }
)
_MAX_DEPTH = 3
# Objects of the body that may hold a next link, cursor or page count (`links.next`,
# `response_metadata.next_cursor`, `meta.next_page_url`, `next_page.offset`): the only ones
# read below the top, besides the one holding the items.
CONTAINER_WORDS = frozenset(
    {
        "next",
        "links",
        "link",
        "paging",
        "pagination",
        "page",
        "meta",
        "metadata",
        "cursor",
        "cursors",
        "info",
    }
)


@dataclass(frozen=True)
class Detected:
    """What a rule found, before the item and page types are attached."""

    rule: str
    style: str
    items: str
    next: str | None = None
    cursor_param: str | None = None
    size_param: str | None = None
    id_field: str = "id"
    first_page: int = 1


@dataclass(frozen=True)
class BodyField:
    """A field of the page body: its dotted path, words and type."""

    path: tuple[str, ...]
    words: tuple[str, ...]
    type: TypeExpr

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def kind(self) -> str:
        """The JSON scalar kind (`string`, `integer`, `boolean`...), or "" for anything else."""
        return str(self.type.kind) if isinstance(self.type, Primitive) else ""


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


# -- the page's shape ---------------------------------------------------------------------------


def _unwrap(expr: TypeExpr) -> TypeExpr:
    return expr.inner if isinstance(expr, Nullable) else expr


def _page(schemas: SchemaHoister, op: Operation) -> TypeExpr | None:
    """The success body's type through named aliases: a class, a list, or None."""
    success = op.success
    if success is None or success.type is None:
        return None
    return _unwrap(schemas.classes.through_aliases(success.type.expr))


def _fields(
    schemas: SchemaHoister,
    expr: TypeExpr,
    prefix: tuple[str, ...],
    depth: int = _MAX_DEPTH,
    descend: Callable[[BodyField], bool] | None = None,
) -> list[BodyField]:
    """The fields of an object type and, to `depth` levels, of its object fields (those
    `descend` accepts: a large object's every nested class is not worth reading)."""
    expr = _unwrap(schemas.classes.through_aliases(expr))
    if not isinstance(expr, ModelRef) or len(prefix) >= depth:
        return []
    classes = schemas.classes
    if classes.kind(expr.name) != "object":
        return []
    result = []
    for f in classes.all_fields(expr.name):
        path = (*prefix, f.wire_name)
        typ = _unwrap(classes.through_aliases(f.type))
        field = BodyField(path, tuple(w.lower() for w in naming.words(f.wire_name)), typ)
        result.append(field)
        if descend is None or descend(field):
            result += _fields(schemas, typ, path, depth, descend)
    return result


def _items(fields: list[BodyField]) -> BodyField | None:
    """The field holding the page's items: the only array at the top (or under one object),
    else the best-named one."""
    for depth in (1, 2):
        arrays = [f for f in fields if len(f.path) == depth and isinstance(f.type, ListOf)]
        if len(arrays) == 1:
            return arrays[0]
        named = [f for f in arrays if f.path[-1].lower() in ITEM_FIELDS]
        if named:
            return min(named, key=lambda f: ITEM_FIELDS.index(f.path[-1].lower()))
    return None


def _typed(schemas: SchemaHoister, op: Operation, found: Detected) -> Pagination | None:
    """`found` with its item and page types, or None when its items are no array."""
    success = op.success
    page = _page(schemas, op)
    if success is None or success.type is None or page is None:
        return None
    if found.items == "":
        if not isinstance(page, ListOf) or found.style in _MARKED:
            return None
        item_expr: TypeExpr = page.item
    else:
        by_path = {f.dotted: f for f in _fields(schemas, page, (), len(found.items.split(".")))}
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


# -- detection ------------------------------------------------------------------------------------


def detect(schemas: SchemaHoister, op: Operation) -> Detected | None:
    """The paging the operation's parameters, body and headers show, by the first rule that
    matches (see the module docstring), or None."""
    page = _page(schemas, op)
    if page is None:
        return None
    query = list(op.params_in("query"))
    if isinstance(page, ListOf):
        items, fields = "", []
    else:
        top = _fields(schemas, page, (), 1)
        found = _items(top)
        # `/albums/{id}` answers one album that embeds the first page of its tracks: nested
        # items make a listing only where the path names no single resource.
        if found is None and not op.path.rstrip("/").endswith("}"):
            found = _items([f for g in top for f in _fields(schemas, g.type, g.path, 2)])
        if found is None:
            return None
        items = found.dotted
        parent = found.path[:-1]

        def descend(f: BodyField) -> bool:
            return f.path == parent[: len(f.path)] or bool(set(f.words) & CONTAINER_WORDS)

        fields = _beside(_fields(schemas, page, (), _MAX_DEPTH, descend), found)
    if fields:
        found_next = _body_marker(fields, query, items)
        if found_next is not None:
            return found_next
        has_more = _has_more(schemas, page, fields, query, items)
        if has_more is not None:
            return has_more
    success = op.success
    if success is not None and any(h.wire_name.lower() == "link" for h in success.headers):
        return Detected("link-header", "link-header", items)
    return _numbered(query, items, fields)


def _beside(fields: list[BodyField], items: BodyField) -> list[BodyField]:
    """The fields that may describe the paging of `items`: beside them, or inside an object
    beside them that holds no collection of its own (a playlist's `tracks.next` is not the
    next page of its `images`)."""
    parent = items.path[:-1]
    holders = {f.path[:-1] for f in fields if isinstance(f.type, ListOf)}
    result = []
    for f in fields:
        if f.path[: len(parent)] != parent or f.path[: len(items.path)] == items.path:
            continue
        inner = [f.path[:k] for k in range(len(parent) + 1, len(f.path))]
        if not any(prefix in holders for prefix in inner):
            result.append(f)
    return result


def _words(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in naming.words(name))


def _is_int(param: Parameter) -> bool:
    expr = _unwrap(param.type.expr)
    return isinstance(expr, Primitive) and expr.kind in ("integer", "number")


def _is_link(f: BodyField) -> bool:
    return (
        bool(LINK_WORDS & set(f.words))
        or isinstance(f.type, Primitive)
        and f.type.format in ("uri", "url", "uri-reference", "iri")
    )


def _body_marker(fields: list[BodyField], query: list[Parameter], items: str) -> Detected | None:
    """A next link or next cursor among the body's scalar fields."""
    scalars = [f for f in fields if f.kind not in ("", "boolean")]
    by_words = {_words(p.wire_name): p for p in query}
    best: list[tuple[int, Detected]] = []
    for f in scalars:
        parents = [_words(part) for part in f.path[:-1]]
        next_parent = any(p[:1] == ("next",) for p in parents)
        if f.words[:1] != ("next",) and not next_parent and f.words != ("odata", "next", "link"):
            continue
        # `next_page.offset` is sent back as `offset`; `next_cursor` as `cursor`; `nextPageToken`
        # as `pageToken`.
        rest = f.words if next_parent else tuple(w for w in f.words if w != "next")
        param = by_words.get(rest) if rest else None
        link = _is_link(f)
        if param is not None and not link and not (_is_int(param) and f.kind == "string"):
            best.append((0, Detected("body-cursor", "cursor", items, f.dotted, param.wire_name)))
            continue
        if link or (f.words == ("next",) and f.kind == "string"):
            if f.kind == "string":
                best.append((1, Detected("body-next-link", "next-link", items, f.dotted)))
            continue
        cursor = next((p for w, p in by_words.items() if w in CURSOR_PARAMS), None)
        if cursor is not None:
            detected = Detected("body-cursor", "cursor", items, f.dotted, cursor.wire_name)
            best.append((2, detected))
    if not best:
        return None
    return min(best, key=lambda pair: (pair[0], len(pair[1].next or "")))[1]


def _has_more(
    schemas: SchemaHoister,
    page: TypeExpr,
    fields: list[BodyField],
    query: list[Parameter],
    items: str,
) -> Detected | None:
    """Stripe's `has_more` + `starting_after`: the last item's id names the next page."""
    flag = next(
        (
            f
            for f in fields
            if len(f.path) == 1
            and f.words in (("has", "more"), ("has", "next"), ("has", "next", "page"))
        ),
        None,
    )
    after = next((p for p in query if _words(p.wire_name) in AFTER_PARAMS), None)
    if flag is None or after is None:
        return None
    item_field = {f.dotted: f for f in _fields(schemas, page, (), len(items.split(".")))}.get(items)
    if item_field is None or not isinstance(item_field.type, ListOf):
        return None
    item_fields = _item_fields(schemas, item_field.type.item)
    id_field = next((n for n in ("id", "gid", "uuid", "name") if n in item_fields), None)
    if id_field is None:
        return None
    return Detected("has-more", "has-more", items, flag.dotted, after.wire_name, id_field=id_field)


def _item_fields(schemas: SchemaHoister, item: TypeExpr) -> set[str]:
    """The top-level fields every item has (of each member, for a union of classes)."""
    item = _unwrap(schemas.classes.through_aliases(item))
    options = item.options if isinstance(item, UnionOf) else (item,)
    found = [{f.dotted for f in _fields(schemas, o, (), 1)} for o in options]
    return set.intersection(*found) if found else set()


def _numbered(query: list[Parameter], items: str, fields: list[BodyField]) -> Detected | None:
    """Offset/limit or page/per_page query parameters; or a page number and page count in the
    body (Linode's `page` and `pages`), when the spec declares no parameter for them."""
    sizes = [p for p in query if _words(p.wire_name) in SIZE_PARAMS and _is_int(p)]
    size = sizes[0].wire_name if sizes else None
    depth = len(items.split(".")) if items else 0
    count = next(
        (
            f
            for f in fields
            if f.words in PAGE_COUNTS and f.kind == "integer" and len(f.path) <= depth + 1
        ),
        None,
    )
    pages = count.dotted if count is not None else None
    for param in query:
        words = _words(param.wire_name)
        if (
            words in OFFSET_PARAMS
            and _is_int(param)
            or (words in WEAK_OFFSET_PARAMS and size and _is_int(param))
        ):
            return Detected(
                "offset-limit", "offset", items, cursor_param=param.wire_name, size_param=size
            )
        if words in PAGE_PARAMS and (_is_int(param) or pages is not None):
            sizes_here = [s for s in sizes if _words(s.wire_name) != ("count",)]
            return Detected(
                "page-number",
                "page",
                items,
                pages,
                cursor_param=param.wire_name,
                size_param=sizes_here[0].wire_name if sizes_here else None,
                first_page=_first_page(param),
            )
    number = next((f for f in fields if f.words == ("page",) and f.kind == "integer"), None)
    if pages is not None and number is not None and len(number.path) == 1:
        return Detected("page-count", "page", items, pages, cursor_param=number.dotted)
    return None


def _first_page(param: Parameter) -> int:
    """The first page's number: the parameter's default, else its minimum, else 1."""
    for key in ("default", "minimum"):
        value = param.schema.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
            return value
    return 1
