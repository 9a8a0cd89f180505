"""Pagination: `x-pagination` in each form, and the detection rules on inline specs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import Diagnostic
from generator.ir import build_api
from generator.ir.model import Api, Operation
from generator.load import SpecSet, load_document

ITEM = {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}
ITEMS = {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}


def query(name: str, kind: str = "integer", **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": kind, **extra}}


def operation(
    body: dict[str, Any],
    params: list[dict[str, Any]] = (),  # type: ignore[assignment]
    *,
    method: str = "get",
    headers: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": "ok",
        "content": {"application/json": {"schema": body}},
    }
    if headers:
        response["headers"] = headers
    return {
        method: {
            "operationId": "listItems",
            "parameters": list(params),
            "responses": {"200": response},
            **(extra or {}),
        }
    }


def page(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": {"data": ITEMS, **properties}}


def built(
    tmp_path: Path, item: dict[str, Any], schemas: dict[str, Any] | None = None
) -> tuple[Operation, list[Diagnostic]]:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/items": item},
        "components": {"schemas": {"Item": ITEM, **(schemas or {})}},
    }
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    api: Api
    api, diagnostics = build_api(SpecSet(load_document(path)), "inline")
    return api.operations[0], list(diagnostics)


def summary(op: Operation) -> tuple[Any, ...] | None:
    p = op.pagination
    if p is None:
        return None
    return (p.rule, p.style, p.items, p.next, p.cursor_param, p.size_param)


NEXT_PAGE = {
    "type": "object",
    "nullable": True,
    "properties": {
        "offset": {"type": "string"},
        "path": {"type": "string"},
        "uri": {"type": "string", "format": "uri"},
    },
}


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # Asana: next_page.offset, sent back in `offset`
        (
            operation(
                page(next_page={"$ref": "#/components/schemas/NextPage"}),
                [query("limit"), query("offset", "string")],
            ),
            ("body-cursor", "cursor", "data", "next_page.offset", "offset", None),
        ),
        # Slack: response_metadata.next_cursor, sent back in `cursor`
        (
            operation(
                {
                    "type": "object",
                    "properties": {
                        "ok": {"type": "boolean"},
                        "channels": ITEMS,
                        "response_metadata": {
                            "type": "object",
                            "properties": {"next_cursor": {"type": "string"}},
                        },
                    },
                },
                [query("cursor", "string"), query("limit")],
            ),
            ("body-cursor", "cursor", "channels", "response_metadata.next_cursor", "cursor", None),
        ),
        # Google: nextPageToken ↔ pageToken
        (
            operation(page(nextPageToken={"type": "string"}), [query("pageToken", "string")]),
            ("body-cursor", "cursor", "data", "nextPageToken", "pageToken", None),
        ),
        # Azure: @odata.nextLink / nextLink
        (
            operation(
                {
                    "type": "object",
                    "properties": {"value": ITEMS, "@odata.nextLink": {"type": "string"}},
                }
            ),
            ("body-next-link", "next-link", "value", "@odata.nextLink", None, None),
        ),
        (
            operation(page(nextLink={"type": "string"})),
            ("body-next-link", "next-link", "data", "nextLink", None, None),
        ),
        # JSON:API / Spotify: links.next or a bare `next` URL
        (
            operation(page(links={"type": "object", "properties": {"next": {"type": "string"}}})),
            ("body-next-link", "next-link", "data", "links.next", None, None),
        ),
        (
            operation(
                {
                    "type": "object",
                    "properties": {
                        "items": ITEMS,
                        "next": {"type": "string", "nullable": True},
                        "total": {"type": "integer"},
                    },
                },
                [query("limit"), query("offset")],
            ),
            ("body-next-link", "next-link", "items", "next", None, None),
        ),
        # Stripe: has_more + starting_after, the last item's id
        (
            operation(
                page(has_more={"type": "boolean"}, url={"type": "string"}),
                [query("limit"), query("starting_after", "string")],
            ),
            ("has-more", "has-more", "data", "has_more", "starting_after", None),
        ),
        # GitHub: a bare array with a Link header
        (
            operation(
                ITEMS,
                [query("per_page"), query("page")],
                headers={"Link": {"schema": {"type": "string"}}},
            ),
            ("link-header", "link-header", "", None, None, None),
        ),
        # offset/limit with an array in the answer
        (
            operation(
                {"type": "object", "properties": {"results": ITEMS, "count": {"type": "integer"}}},
                [query("offset"), query("limit")],
            ),
            ("offset-limit", "offset", "results", None, "offset", "limit"),
        ),
        # page/per_page over a bare array
        (
            operation(ITEMS, [query("page", minimum=1), query("per_page")]),
            ("page-number", "page", "", None, "page", "per_page"),
        ),
    ],
)
def test_detected(tmp_path: Path, item: dict[str, Any], expected: tuple[Any, ...]) -> None:
    op, diagnostics = built(tmp_path, item, {"NextPage": NEXT_PAGE})
    assert summary(op) == expected
    found = [d for d in diagnostics if d.rule == "pagination-detected"]
    assert len(found) == 1 and f"rule {expected[0]}" in found[0].message
    assert op.pagination is not None
    assert op.pagination.item_type.annotation == "Item"


@pytest.mark.parametrize(
    "item",
    [
        # one object, not a list
        operation({"$ref": "#/components/schemas/Item"}, [query("fields", "string")]),
        # a list, but nothing says how to get more
        operation(ITEMS, [query("q", "string"), query("limit")]),
        operation(page(total={"type": "integer"}), [query("sort", "string")]),
        # a `start` that is a date, beside no page size
        operation(page(), [query("start", "string", format="date")]),
        operation(page(), [query("from")]),
        # paging parameters, but a POST: declare it with x-pagination
        operation(page(next_cursor={"type": "string"}), [query("cursor", "string")], method="post"),
        # a next marker but no parameter to send it back in
        operation(page(next_cursor={"type": "string"}), [query("q", "string")]),
        # a `next` that is a boolean
        operation(page(next={"type": "boolean"})),
        # detection turned off
        operation(page(nextLink={"type": "string"}), extra={"x-pagination": False}),
    ],
)
def test_not_detected(tmp_path: Path, item: dict[str, Any]) -> None:
    op, diagnostics = built(tmp_path, item)
    assert op.pagination is None
    assert not [d for d in diagnostics if d.rule.startswith("pagination")]


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (
            {"style": "next-link", "items": "data", "next": "paging.next"},
            ("next-link", "data", "paging.next", None, None),
        ),
        (
            {"style": "cursor", "items": "data", "next": "cursor", "cursor-param": "after"},
            ("cursor", "data", "cursor", "after", None),
        ),
        (
            {
                "style": "has-more",
                "items": "data",
                "next": "more",
                "cursor-param": "after",
                "id-field": "name",
            },
            ("has-more", "data", "more", "after", None),
        ),
        (
            {"style": "offset", "items": "data", "cursor-param": "skip", "size-param": "take"},
            ("offset", "data", None, "skip", "take"),
        ),
        (
            {"style": "page", "items": "data", "cursor-param": "p", "first-page": 0},
            ("page", "data", None, "p", None),
        ),
        ({"style": "link-header", "items": "data"}, ("link-header", "data", None, None, None)),
    ],
)
def test_x_pagination_forms_override_detection(
    tmp_path: Path, declared: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    body = page(
        paging={"type": "object", "properties": {"next": {"type": "string"}}},
        cursor={"type": "string"},
        more={"type": "boolean"},
        nextLink={"type": "string"},
    )
    op, diagnostics = built(tmp_path, operation(body, extra={"x-pagination": declared}))
    p = op.pagination
    assert p is not None and p.rule == "x-pagination"
    assert (p.style, p.items, p.next, p.cursor_param, p.size_param) == expected
    assert not [d for d in diagnostics if d.rule.startswith("pagination")]
    if declared.get("first-page") == 0:
        assert p.first_page == 0
    if "id-field" in declared:
        assert p.id_field == "name"


@pytest.mark.parametrize(
    ("declared", "message"),
    [
        ({"style": "seek", "items": "data", "next": "x"}, "style must be one of"),
        ({"style": "cursor", "items": "data", "next": "x"}, "needs cursor-param"),
        ({"style": "next-link", "items": "data"}, "needs next"),
        ({"style": "offset", "items": "missing", "cursor-param": "o"}, "not an array field"),
        ("yes", "must be an object"),
    ],
)
def test_x_pagination_mistakes_are_located_warnings(
    tmp_path: Path, declared: Any, message: str
) -> None:
    op, diagnostics = built(tmp_path, operation(page(), extra={"x-pagination": declared}))
    assert op.pagination is None
    (warning,) = [d for d in diagnostics if d.rule == "pagination-invalid"]
    assert message in warning.message
    assert warning.pointer.endswith("/x-pagination") and warning.line is not None


def test_x_pagination_true_asks_for_detection_on_a_post(tmp_path: Path) -> None:
    item = operation(
        page(next_cursor={"type": "string"}),
        [query("cursor", "string")],
        method="post",
        extra={"x-pagination": True},
    )
    op, _ = built(tmp_path, item)
    assert summary(op) == ("body-cursor", "cursor", "data", "next_cursor", "cursor", None)
    op, diagnostics = built(
        tmp_path, operation(page(), method="post", extra={"x-pagination": True})
    )
    assert op.pagination is None
    assert [d.rule for d in diagnostics if d.rule.startswith("pagination")] == [
        "pagination-invalid"
    ]


def test_inline_union_members_are_named_by_their_discriminant(tmp_path: Path) -> None:
    member = {
        "type": "object",
        "properties": {"resource_subtype": {"type": "string"}, "due_on": {"type": "string"}},
    }
    union = {
        "oneOf": [
            {
                **member,
                "properties": {**member["properties"], "resource_subtype": {"enum": ["milestone"]}},
            },
            {
                **member,
                "properties": {
                    **member["properties"],
                    "resource_subtype": {"enum": ["default_task"]},
                },
            },
        ]
    }
    op, _ = built(tmp_path, operation({"$ref": "#/components/schemas/Task"}), {"Task": union})
    document = tmp_path / "spec.yaml"
    api, _ = build_api(SpecSet(load_document(document)), "inline")
    names = {m.class_name for m in api.models}
    assert {"TaskMilestone", "TaskDefaultTask"} <= names
    assert not any("Option" in n for n in names)


def test_has_more_over_a_union_of_items_that_all_have_an_id(tmp_path: Path) -> None:
    card = {"type": "object", "properties": {"id": {"type": "string"}, "brand": {"type": "string"}}}
    union = {
        "anyOf": [{"$ref": "#/components/schemas/Item"}, {"$ref": "#/components/schemas/Card"}]
    }
    body = {
        "type": "object",
        "properties": {"data": {"type": "array", "items": union}, "has_more": {"type": "boolean"}},
    }
    item = operation(body, [query("limit"), query("starting_after", "string")])
    op, _ = built(tmp_path, item, {"Card": card})
    assert summary(op) == ("has-more", "has-more", "data", "has_more", "starting_after", None)
    assert op.pagination is not None and op.pagination.id_field == "id"
