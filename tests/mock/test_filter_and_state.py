"""The `$filter` language, paging tokens and the job lifecycle, as plain functions."""

from __future__ import annotations

from typing import Any

import pytest

from generator.mock import filter as odata
from generator.mock.state import (
    ChangeError,
    Lifecycle,
    TokenError,
    accessors,
    decode_token,
    encode_token,
    page,
)
from generator.values.schema import Schemas

DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "components": {
        "schemas": {
            "Job": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "state": {"type": "string", "enum": ["unsubmitted", "active"]},
                    "createdDateTime": {"type": "string", "format": "date-time"},
                    "cost": {"type": "number"},
                    "inputs": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"id": {"type": "string"}}},
                    },
                    "settings": {
                        "type": "object",
                        "properties": {
                            "outputs": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {"id": {"type": "string"}},
                                },
                            }
                        },
                    },
                },
            }
        }
    },
}
JOB = {"$ref": "#/components/schemas/Job"}
GUID = "DC720F05-E5F7-448B-AE06-765DE46F0AF1"
JOBS = [
    {
        "id": GUID.lower(),
        "name": "O'Brien survey",
        "state": "active",
        "createdDateTime": "2024-06-24T14:00:00Z",
        "cost": 2.5,
        "inputs": [{"id": "a"}, {"id": "b"}],
        "settings": {"outputs": [{"id": "o1"}]},
    },
    {
        "id": "2",
        "name": "second",
        "state": "unsubmitted",
        "createdDateTime": "2024-06-24T12:00:00.0000000+00:00",
        "cost": 10,
        "inputs": [],
    },
]


def matching(text: str) -> list[str]:
    tree = odata.parse(text)
    access = accessors(Schemas(DOCUMENT), JOB, set(odata.names(tree)))
    return [job["id"] for job in JOBS if odata.evaluate(tree, job, access)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"id eq {GUID}", [GUID.lower()]),  # unquoted GUID, case-insensitive
        ("name eq 'O''Brien survey'", [GUID.lower()]),  # '' escapes a quote
        ("createdDateTime gt 2024-06-24T13:00:00Z", [GUID.lower()]),
        ("createdDateTime le 2024-06-24T12:00:00Z", ["2"]),  # 7-digit fractions, offsets
        ("cost ge 10", ["2"]),
        ("state ne 'active'", ["2"]),
        ("state in ('active', 'unsubmitted') and cost lt 3", [GUID.lower()]),
        ("name eq 'second' or (state eq 'active' and not cost gt 5)", [GUID.lower(), "2"]),
        ("inputId eq 'b'", [GUID.lower()]),  # inputs[].id
        ("outputId in ('o1')", [GUID.lower()]),  # settings.outputs[].id
        ("inputId ne 'a'", ["2"]),
        ("NAME EQ 'second'", ["2"]),  # keywords and names without case
    ],
)
def test_filter_selects_the_documented_way(text: str, expected: list[str]) -> None:
    assert matching(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("name", "expected an operator"),
        ("name eq", "expected a value at position 8"),
        ("name eq 'x' and", "expected a property name"),
        ("(name eq 'x'", r"expected '\)'"),
        ("name like 'x'", "expected an operator"),
        ("name eq 'unterminated", "unexpected character"),
    ],
)
def test_filter_errors_say_where(text: str, message: str) -> None:
    with pytest.raises(odata.FilterError, match=message):
        odata.parse(text)


def test_unknown_filter_properties_are_refused() -> None:
    with pytest.raises(KeyError):
        accessors(Schemas(DOCUMENT), JOB, {"colour"})


def test_pages_follow_tokens_to_the_end() -> None:
    items = list(range(5))
    first, token = page(items, 2, None)
    second, token2 = page(items, 2, token)
    last, end = page(items, 2, token2)
    assert (first, second, last, end) == ([0, 1], [2, 3], [4], None)
    assert decode_token(encode_token(7)) == 7
    for bad in ("garbage", encode_token(0)[:-2] + "!!", "eyJvZmZzZXQiOiAtMX0"):
        with pytest.raises(TokenError):
            page(items, 2, bad)


def test_lifecycle_allows_one_submission_and_cancels_unfinished_jobs() -> None:
    bentley = Lifecycle(("unsubmitted", "active", "success", "failed", "cancelled"))
    assert bentley.change("unsubmitted", "active") == "active"
    with pytest.raises(ChangeError, match="resubmit"):
        bentley.change("active", "active")
    assert bentley.change("active", "cancelled") == "cancelled"
    with pytest.raises(ChangeError):
        bentley.change("success", "cancelled")
    with pytest.raises(ChangeError, match="only be changed"):
        bentley.change("unsubmitted", "success")
    analysis = Lifecycle(("Queued", "Active", "TerminatingOnCancel", "Cancelled", "Success"))
    assert analysis.cancel("Queued") == "TerminatingOnCancel"
    with pytest.raises(ChangeError):
        analysis.cancel("TerminatingOnCancel")
