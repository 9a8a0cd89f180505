"""`WriteOnlyModel`: a response never fills a write-only field, at any depth; a request keeps it.

The models are written here as the model template emits them (`__write_only__` lists Python
names; the base is `WriteOnlyModel` for the first class of a hierarchy that has any)."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

import pydantic
import pytest
from pydantic import Field

from generator.runtime import SpecModel, WriteOnlyModel
from generator.runtime._model_base import request_dump
from generator.runtime._response import AdapterCache, parse_lenient


class Account(WriteOnlyModel, defer_build=True):
    __write_only__: ClassVar[frozenset[str]] = frozenset({"password", "pin_code"})
    name: str
    password: str | None = None
    pin_code: Annotated[int | None, Field(alias="pinCode")] = None


class Admin(Account, defer_build=True):
    """Inherits the write-only fields and the base that drops them."""

    level: int = 0


class Resource(SpecModel, defer_build=True):
    id: str


class Robot(Resource, WriteOnlyModel, defer_build=True):
    """A base without write-only fields, plus one of its own."""

    __write_only__: ClassVar[frozenset[str]] = frozenset({"key"})
    key: str | None = None


class Team(SpecModel, defer_build=True):
    lead: Account | None = None
    members: list[Account] = []
    by_name: Annotated[dict[str, Admin], Field(alias="byName")] = {}
    robots: list[list[Robot]] = []


def _response(tp: Any, body: bytes) -> Any:
    return parse_lenient(AdapterCache().get(tp), body, json=True)


def test_a_response_never_fills_a_write_only_field_by_either_name() -> None:
    account = _response(Account, b'{"name": "ann", "password": "s3cret", "pinCode": 1234}')
    assert (account.password, account.pin_code) == (None, None)
    assert account.model_fields_set == {"name"}
    assert request_dump(account) == {"name": "ann"}  # read-modify-write sends no password
    by_python_name = _response(Account, b'{"name": "ann", "pin_code": 1}')
    assert by_python_name.pin_code is None and "pin_code" not in by_python_name.model_extra


def test_nested_lists_maps_and_subclasses_are_cleaned_too() -> None:
    body = (
        b'{"lead": {"name": "a", "password": "p1"},'
        b' "members": [{"name": "b", "password": "p2"}, {"name": "c"}],'
        b' "byName": {"d": {"name": "d", "password": "p3", "level": 2}},'
        b' "robots": [[{"id": "r1", "key": "k1"}]]}'
    )
    team = _response(Team, body)
    assert team.lead.password is None
    assert [m.password for m in team.members] == [None, None]
    admin = team.by_name["d"]
    assert (admin.password, admin.level) == (None, 2)
    assert team.robots[0][0].key is None and team.robots[0][0].id == "r1"
    assert "p1" not in team.model_dump_json() and "k1" not in team.model_dump_json()
    # The whole body as a list, the way a page of items is parsed.
    items = _response(list[Admin], b'[{"name": "e", "password": "p4"}]')
    assert items[0].password is None


def test_a_request_keeps_write_only_fields_and_strict_validation_still_applies() -> None:
    account = Account(name="ann", password="s3cret", pinCode=1234)
    assert request_dump(account) == {"name": "ann", "password": "s3cret", "pinCode": 1234}
    assert Account.model_validate({"name": "x", "password": "y"}).password == "y"
    with pytest.raises(pydantic.ValidationError):
        _response(Account, b'{"password": "s3cret"}')  # `name` is still required
    assert Admin.__write_only__ == frozenset({"password", "pin_code"})
    assert Robot.__write_only__ == frozenset({"key"}) and Resource.__write_only__ == frozenset()
