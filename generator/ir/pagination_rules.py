"""Pagination detection: the rules that recognise a paged operation without `x-pagination`.

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
* `page-number`: a `page` query parameter (integer, or beside a page count in the body);
* `page-count`: no page parameter, but `page` and `pages` in the body (Linode).

Of the body's markers, a cursor whose name matches a query parameter wins over a next link,
which wins over a cursor sent in some other cursor-like parameter.

Every rule also needs the page's items: an array response, or one array field of the body.
Only GET operations are detected; `x-pagination` declares any other, and `x-pagination: false`
turns detection off for one operation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator import naming
from generator.ir.model import Operation, Parameter
from generator.ir.schemas import SchemaHoister
from generator.ir.types import ListOf, ModelRef, Nullable, Primitive, TypeExpr, UnionOf

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


# -- the page's shape ---------------------------------------------------------------------------


def unwrap(expr: TypeExpr) -> TypeExpr:
    return expr.inner if isinstance(expr, Nullable) else expr


def page_expr(schemas: SchemaHoister, op: Operation) -> TypeExpr | None:
    """The success body's type through named aliases: a class, a list, or None."""
    success = op.success
    if success is None or success.type is None:
        return None
    return unwrap(schemas.classes.through_aliases(success.type.expr))


def body_fields(
    schemas: SchemaHoister,
    expr: TypeExpr,
    prefix: tuple[str, ...],
    depth: int = _MAX_DEPTH,
    descend: Callable[[BodyField], bool] | None = None,
) -> list[BodyField]:
    """The fields of an object type and, to `depth` levels, of its object fields (those
    `descend` accepts: a large object's every nested class is not worth reading)."""
    expr = unwrap(schemas.classes.through_aliases(expr))
    if not isinstance(expr, ModelRef) or len(prefix) >= depth:
        return []
    classes = schemas.classes
    if classes.kind(expr.name) != "object":
        return []
    result = []
    for f in classes.all_fields(expr.name):
        path = (*prefix, f.wire_name)
        typ = unwrap(classes.through_aliases(f.type))
        field = BodyField(path, tuple(w.lower() for w in naming.words(f.wire_name)), typ)
        result.append(field)
        if descend is None or descend(field):
            result += body_fields(schemas, typ, path, depth, descend)
    return result


def items_field(fields: list[BodyField]) -> BodyField | None:
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


# -- detection ------------------------------------------------------------------------------------


def detect(schemas: SchemaHoister, op: Operation) -> Detected | None:
    """The paging the operation's parameters, body and headers show, by the first rule that
    matches (see the module docstring), or None."""
    page = page_expr(schemas, op)
    if page is None:
        return None
    query = list(op.params_in("query"))
    if isinstance(page, ListOf):
        items, fields = "", []
    else:
        top = body_fields(schemas, page, (), 1)
        found = items_field(top)
        # `/albums/{id}` answers one album that embeds the first page of its tracks: nested
        # items make a listing only where the path names no single resource.
        if found is None and not op.path.rstrip("/").endswith("}"):
            found = items_field([f for g in top for f in body_fields(schemas, g.type, g.path, 2)])
        if found is None:
            return None
        items = found.dotted
        parent = found.path[:-1]

        def descend(f: BodyField) -> bool:
            return f.path == parent[: len(f.path)] or bool(set(f.words) & CONTAINER_WORDS)

        fields = _beside(body_fields(schemas, page, (), _MAX_DEPTH, descend), found)
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
    expr = unwrap(param.type.expr)
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
    item_field = {f.dotted: f for f in body_fields(schemas, page, (), len(items.split(".")))}.get(
        items
    )
    if item_field is None or not isinstance(item_field.type, ListOf):
        return None
    item_fields = _itembody_fields(schemas, item_field.type.item)
    id_field = next((n for n in ("id", "gid", "uuid", "name") if n in item_fields), None)
    if id_field is None:
        return None
    return Detected("has-more", "has-more", items, flag.dotted, after.wire_name, id_field=id_field)


def _itembody_fields(schemas: SchemaHoister, item: TypeExpr) -> set[str]:
    """The top-level fields every item has (of each member, for a union of classes)."""
    item = unwrap(schemas.classes.through_aliases(item))
    options = item.options if isinstance(item, UnionOf) else (item,)
    found = [{f.dotted for f in body_fields(schemas, o, (), 1)} for o in options]
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
