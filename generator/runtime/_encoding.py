"""Turning Python arguments into path segments, query parameters, headers and JSON bodies."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel

from ._model_base import request_dump
from ._types import NotGiven

__all__ = [
    "encode_form",
    "encode_headers",
    "encode_path",
    "encode_query",
    "encode_scalar",
    "to_jsonable",
]

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def encode_scalar(value: object) -> str:
    """A single value as it appears in a path, query string or header."""
    if isinstance(value, Enum):
        return encode_scalar(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value.total_seconds())
    raise TypeError(
        f"cannot encode {type(value).__name__} value {value!r} as a URL or header parameter"
    )


def encode_path(template: str, params: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders in ``template``, percent-encoding each value (``/`` too)."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise ValueError(f"path {template!r} needs parameter {name!r}, which was not given")
        value = params[name]
        if value is None or isinstance(value, NotGiven):
            raise ValueError(f"path parameter {name!r} of {template!r} must not be None")
        text = encode_scalar(value)
        if not text:
            raise ValueError(f"path parameter {name!r} of {template!r} must not be empty")
        return quote(text, safe="")

    return _PLACEHOLDER.sub(substitute, template)


def encode_query(query: Mapping[str, object] | None) -> list[tuple[str, str]]:
    """Query pairs: NOT_GIVEN/None dropped, bools as true/false, sequences as repeated keys."""
    pairs: list[tuple[str, str]] = []
    for key, value in (query or {}).items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, list | tuple | set | frozenset):
            items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
            pairs.extend((key, encode_scalar(item)) for item in items if item is not None)
        else:
            pairs.append((key, encode_scalar(value)))
    return pairs


def encode_form(form: Mapping[str, object] | BaseModel | None) -> dict[str, str | list[str]]:
    """Form fields (urlencoded or multipart): scalars as strings, sequences as repeated fields."""
    if isinstance(form, BaseModel):
        form = form.model_dump(mode="json", by_alias=True, exclude_unset=True)
    fields: dict[str, str | list[str]] = {}
    for key, value in (form or {}).items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, list | tuple):
            fields[key] = [encode_scalar(item) for item in value if item is not None]
        else:
            fields[key] = encode_scalar(value)
    return fields


def encode_headers(headers: Mapping[str, object] | None) -> dict[str, str]:
    """Header values as strings, NOT_GIVEN/None dropped (so a None can remove a default)."""
    return {
        key: encode_scalar(value)
        for key, value in (headers or {}).items()
        if value is not None and not isinstance(value, NotGiven)
    }


def to_jsonable(value: object) -> Any:
    """A JSON-serialisable copy of a request body.

    Pydantic models are dumped by alias with only the fields that were set, so a model built
    from ``Job(name="x")`` sends ``{"name": "x"}`` and not every optional field as null; their
    read-only fields are left out (see ``SpecModel``).
    NOT_GIVEN entries of plain dicts are dropped.
    """
    if isinstance(value, BaseModel):
        return request_dump(value)
    if isinstance(value, Mapping):
        return {
            str(key): to_jsonable(item)
            for key, item in value.items()
            if not isinstance(item, NotGiven)
        }
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    return value
