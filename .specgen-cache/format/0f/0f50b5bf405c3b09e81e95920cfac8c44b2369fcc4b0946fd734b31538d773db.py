# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Base classes of generated models: strict when you build a request, lenient on responses.

A server that adds a field or an enum value must never break an old client, while a request
the client builds should still be checked against the spec. The switch is a context variable
that the response parser sets around validation, so request construction stays strict.
"""

from __future__ import annotations

from contextvars import ContextVar, Token
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

_lenient: ContextVar[bool] = ContextVar("specgen_lenient_parsing", default=False)


class lenient_parsing:  # noqa: N801 (used like the function it replaced: `with lenient_parsing():`)
    """Within this block, enums accept values the spec does not list (kept as strings).

    A plain class rather than ``@contextmanager``: every response is parsed inside one, and a
    generator-based context manager costs several times more to enter and leave.
    """

    __slots__ = ("_token",)
    _token: Token[bool]

    def __enter__(self) -> None:
        self._token = _lenient.set(True)

    def __exit__(self, *exc_info: object) -> None:
        _lenient.reset(self._token)


class OpenEnum(StrEnum):
    """A string enum that, while parsing a response, keeps a value it does not know."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not _lenient.get() or not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class SpecModel(BaseModel):
    """Base of every generated model: wire names on the way out, either name on the way in."""

    model_config = ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="allow",
    )
