"""Parameter serialization against the specification's style table, value by value.

The rows are those of OpenAPI 3.0.3 § 4.7.12.4 ("Style Examples") for a parameter named
``color``; the expected strings are the table's, with the space of spaceDelimited as ``%20``.
"""

from __future__ import annotations

import pytest

from generator.runtime._params import (
    Styled,
    cookie_pairs,
    deep_pairs,
    fill_path,
    header_value,
    path_segment,
    query_parts,
)

PRIMITIVE = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}

# (style, explode, primitive, array, object) — exactly the specification's table.
PATH_TABLE = [
    ("simple", False, "blue", "blue,black,brown", "R,100,G,200,B,150"),
    ("simple", True, "blue", "blue,black,brown", "R=100,G=200,B=150"),
    ("label", False, ".blue", ".blue,black,brown", ".R,100,G,200,B,150"),
    ("label", True, ".blue", ".blue.black.brown", ".R=100.G=200.B=150"),
    ("matrix", False, ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"),
    (
        "matrix",
        True,
        ";color=blue",
        ";color=blue;color=black;color=brown",
        ";R=100;G=200;B=150",
    ),
]

QUERY_TABLE = [
    ("form", False, "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"),
    (
        "form",
        True,
        "color=blue",
        "color=blue&color=black&color=brown",
        "R=100&G=200&B=150",
    ),
    (
        "spaceDelimited",
        False,
        None,
        "color=blue%20black%20brown",
        "color=R%20100%20G%20200%20B%20150",
    ),
    ("pipeDelimited", False, None, "color=blue|black|brown", "color=R|100|G|200|B|150"),
    ("deepObject", True, None, None, "color[R]=100&color[G]=200&color[B]=150"),
]


@pytest.mark.parametrize(("style", "explode", "primitive", "array", "obj"), PATH_TABLE)
def test_path_styles_follow_the_table(
    style: str, explode: bool, primitive: str, array: str, obj: str
) -> None:
    for value, expected in ((PRIMITIVE, primitive), (ARRAY, array), (OBJECT, obj)):
        assert path_segment("color", Styled(value, style, explode)) == expected


@pytest.mark.parametrize(("style", "explode", "primitive", "array", "obj"), QUERY_TABLE)
def test_query_styles_follow_the_table(
    style: str, explode: bool, primitive: str | None, array: str | None, obj: str
) -> None:
    for value, expected in ((PRIMITIVE, primitive), (ARRAY, array), (OBJECT, obj)):
        if expected is not None:  # n/a in the table
            assert "&".join(query_parts("color", Styled(value, style, explode))) == expected


def test_empty_values_follow_the_table() -> None:
    assert path_segment("color", Styled("", "label", False)) == "."
    assert path_segment("color", Styled("", "matrix", False)) == ";color"
    assert query_parts("color", "") == ["color="]
    with pytest.raises(ValueError, match="must not be empty"):
        path_segment("color", "")


def test_headers_use_simple_and_cookies_use_form() -> None:
    assert header_value("X-Color", ARRAY) == "blue,black,brown"
    assert header_value("X-Color", OBJECT) == "R,100,G,200,B,150"
    assert header_value("X-Color", Styled(OBJECT, "simple", True)) == "R=100,G=200,B=150"
    assert header_value("X-Color", None) is None
    assert cookie_pairs("color", Styled(ARRAY, "form", False)) == ["color=blue,black,brown"]
    assert cookie_pairs("color", ARRAY) == ["color=blue", "color=black", "color=brown"]
    assert cookie_pairs("color", Styled(OBJECT, "form", False)) == ["color=R,100,G,200,B,150"]


def test_defaults_are_simple_in_paths_and_exploded_form_in_queries() -> None:
    assert fill_path("/c/{color}", {"color": ARRAY}) == "/c/blue,black,brown"
    assert query_parts("color", ARRAY) == ["color=blue", "color=black", "color=brown"]
    assert query_parts("color", None) == []
    assert query_parts("color", []) == []


def test_reserved_characters_in_values_are_encoded_but_separators_are_not() -> None:
    assert path_segment("p", ["a,b", "c/d"]) == "a%2Cb,c%2Fd"
    assert query_parts("q", Styled(["a,b", "c&d", "e f"], "form", False)) == ["q=a%2Cb,c%26d,e%20f"]
    assert query_parts("q", Styled(["a|b", "c"], "pipeDelimited", False)) == ["q=a%7Cb|c"]


def test_deep_objects_nest_like_stripe() -> None:
    value = {"metadata": {"plan": "pro"}, "items": [{"price": "p_1", "quantity": 2}]}
    assert deep_pairs("body", value) == [
        ("body[metadata][plan]", "pro"),
        ("body[items][0][price]", "p_1"),
        ("body[items][0][quantity]", "2"),
    ]
