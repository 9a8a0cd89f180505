"""NOT_GIVEN and value encoding helpers."""

from __future__ import annotations

import copy
import pickle
import uuid
from datetime import date
from enum import Enum

import pytest

from generator.runtime import NOT_GIVEN, NotGiven, NotGivenOr
from generator.runtime._encoding import encode_scalar, to_jsonable
from generator.runtime._params import fill_path


class Color(Enum):
    red = "red"


def test_not_given_is_falsy_named_and_survives_copies() -> None:
    assert not NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
    assert copy.copy(NOT_GIVEN) is NOT_GIVEN
    assert copy.deepcopy(NOT_GIVEN) is NOT_GIVEN
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN
    assert isinstance(NOT_GIVEN, NotGiven)


def _limit(value: NotGivenOr[int | None] = NOT_GIVEN) -> str:
    if isinstance(value, NotGiven):
        return "unchanged"
    return "cleared" if value is None else f"set to {value}"


def test_not_given_or_distinguishes_omitted_from_none() -> None:
    assert [_limit(), _limit(None), _limit(5)] == ["unchanged", "cleared", "set to 5"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, "true"),
        (3, "3"),
        (2.5, "2.5"),
        (Color.red, "red"),
        (date(2026, 2, 3), "2026-02-03"),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
    ],
)
def test_encode_scalar(value: object, expected: str) -> None:
    assert encode_scalar(value) == expected


def test_unencodable_parameter_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="cannot encode dict"):
        encode_scalar({"a": 1})
    with pytest.raises(ValueError, match="must not be None"):
        fill_path("/jobs/{id}", {"id": None})
    with pytest.raises(ValueError, match="must not be empty"):
        fill_path("/jobs/{id}", {"id": ""})


def test_to_jsonable_drops_not_given_inside_dicts() -> None:
    body = {"a": NOT_GIVEN, "b": None, "c": [Color.red, date(2026, 1, 1)], "d": {"e": NOT_GIVEN}}
    assert to_jsonable(body) == {"b": None, "c": ["red", "2026-01-01"], "d": {}}
