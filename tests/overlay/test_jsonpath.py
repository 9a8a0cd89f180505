"""The JSONPath subset overlays use (RFC 9535), on the RFC's own example document."""

from __future__ import annotations

import pytest

from generator.overlay.jsonpath import JsonPathError, select

# RFC 9535, Figure 1 (the bookstore).
STORE = {
    "store": {
        "book": [
            {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century",
             "price": 8.95},
            {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour",
             "price": 12.99},
            {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick",
             "isbn": "0-553-21311-3", "price": 8.99},
            {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings",
             "isbn": "0-395-19395-8", "price": 22.99},
        ],
        "bicycle": {"color": "red", "price": 399},
    }
}  # fmt: skip


def values(expression: str) -> list[object]:
    return [parent[key] for parent, key in select(expression, STORE)]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # The RFC's Table 2, the rows this subset reads.
        ("$.store.book[*].author", ["Nigel Rees", "Evelyn Waugh", "Herman Melville",
                                    "J. R. R. Tolkien"]),
        ("$..author", ["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]),
        ("$.store.*.color", ["red"]),
        ("$..book[2].title", ["Moby Dick"]),
        ("$..book[-1].title", ["The Lord of the Rings"]),
        ("$..book[0,1].title", ["Sayings of the Century", "Sword of Honour"]),
        ("$..book[?@.isbn].title", ["Moby Dick", "The Lord of the Rings"]),
        ("$..book[?@.price<10].title", ["Sayings of the Century", "Moby Dick"]),
        ("$.store['bicycle'][\"color\"]", ["red"]),
        ("$..book[?@.category == 'fiction' && !@.isbn].title", ["Sword of Honour"]),
        ("$..book[?(@.price > 20 || @.author == 'Nigel Rees')].title",
         ["Sayings of the Century", "The Lord of the Rings"]),
        ("$.store.nothing", []),
    ],
)  # fmt: skip
def test_rfc_9535_examples(expression: str, expected: list[object]) -> None:
    assert values(expression) == expected


def test_the_root_selects_the_document() -> None:
    assert select("$", STORE) == [(None, None)]


@pytest.mark.parametrize(
    ("expression", "column"),
    [("store.book", 1), ("$.store[", 9), ("$.store.book[?@.price ~ 3]", 23), ("$..[1:2]", 6)],
)
def test_syntax_this_subset_does_not_read_is_an_error_with_a_column(
    expression: str, column: int
) -> None:
    with pytest.raises(JsonPathError) as caught:
        select(expression, STORE)
    assert caught.value.column == column
