# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Turning Python arguments into path segments, query parameters, headers and JSON bodies."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ._model_base import request_dump
from ._types import NotGiven

__all__ = [
    "encode_form",
    "encode_scalar",
    "to_jsonable",
]


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
