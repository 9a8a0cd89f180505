# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Request bodies other than JSON: multipart parts (files included), URL-encoded forms with
nested values, and the choice between several declared content types.

A file is any of: ``bytes``; a path (``pathlib.Path`` or ``os.PathLike``); an open binary
file object; or a tuple ``(filename, content)`` / ``(filename, content, content_type)`` whose
content is bytes, a path or a file object. A part's content type comes from the tuple, else the
spec's ``encoding`` object, else the OpenAPI default (``application/octet-stream`` for files,
``text/plain`` for primitives, ``application/json`` for objects and arrays).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Annotated, Any, TypeAlias
from urllib.parse import quote_plus

from pydantic import BaseModel, PlainValidator, WithJsonSchema

from ._encoding import encode_scalar, to_jsonable
from ._model_base import request_dump
from ._params import deep_pairs
from ._types import NotGiven

__all__ = [
    "File",
    "FileContent",
    "FileInput",
    "encode_body",
    "form_body",
    "multipart_parts",
]

FileContent: TypeAlias = bytes | os.PathLike[str] | IO[bytes]
FileInput: TypeAlias = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)
"""What a file field of a multipart body accepts."""


def _check_file(value: Any) -> Any:
    if _is_file(value) or (isinstance(value, tuple) and len(value) in (2, 3)):
        return value
    raise ValueError(
        "a file is bytes, a path, a binary file object or a "
        "(filename, content) / (filename, content, content_type) tuple"
    )


File = Annotated[
    FileInput,
    PlainValidator(_check_file),
    WithJsonSchema({"type": "string", "format": "binary"}),
]
"""The type of a ``format: binary`` field of a request model: a model then takes a file in
any form ``FileInput`` lists (kept as given; read only when the body is sent)."""

Part: TypeAlias = tuple[str, tuple[str | None, bytes | IO[bytes], str | None]]


def _is_file(value: object) -> bool:
    return isinstance(value, bytes | bytearray | os.PathLike) or hasattr(value, "read")


def _file_part(name: str, value: Any, content_type: str | None) -> Part:
    filename: str | None = None
    if isinstance(value, tuple):
        if len(value) not in (2, 3):
            raise TypeError(
                f"multipart field {name!r}: a file tuple is (filename, content) or "
                "(filename, content, content_type)"
            )
        filename, value = value[0], value[1]
    if isinstance(value, os.PathLike):
        path = Path(value)
        filename = filename or path.name
        content: bytes | IO[bytes] = path.read_bytes()
    elif isinstance(value, bytes | bytearray):
        content = bytes(value)
    elif hasattr(value, "read"):
        content = value
        if filename is None:
            raw_name = getattr(value, "name", None)
            filename = Path(raw_name).name if isinstance(raw_name, str) else None
    else:
        raise TypeError(
            f"multipart field {name!r}: expected bytes, a path, a binary file or a tuple, "
            f"got {type(value).__name__}"
        )
    # httpx writes no filename= without one; servers then read the part as a plain field.
    return (name, (filename or name, content, content_type or "application/octet-stream"))


def multipart_parts(body: object, part_types: Mapping[str, str] | None = None) -> list[Part] | None:
    """A multipart body (mapping or model) as httpx ``files`` parts: files become file parts
    (several for a list), primitives text fields, objects and arrays JSON fields."""
    if body is None or isinstance(body, NotGiven):
        return None
    if isinstance(body, BaseModel):
        data: Mapping[str, Any] = _fields(body)
    elif isinstance(body, Mapping):
        data = body
    else:
        raise TypeError(f"a multipart body must be a mapping or a model, not {type(body).__name__}")
    types = part_types or {}
    parts: list[Part] = []
    for raw_name, value in data.items():
        name = str(raw_name)
        if value is None or isinstance(value, NotGiven):
            continue
        declared = types.get(name)
        if isinstance(value, tuple) or _is_file(value):
            parts.append(_file_part(name, value, _tuple_type(value) or declared))
        elif (
            isinstance(value, list)
            and value
            and all(isinstance(v, tuple) or _is_file(v) for v in value)
        ):
            parts += [_file_part(name, v, _tuple_type(v) or declared) for v in value]
        elif isinstance(value, str | int | float | bool) or not isinstance(
            value, Mapping | list | BaseModel
        ):
            parts.append((name, (None, encode_scalar(value).encode(), declared)))
        else:
            text = json.dumps(to_jsonable(value), separators=(",", ":"))
            parts.append((name, (None, text.encode(), declared or "application/json")))
    return parts


def _fields(model: BaseModel) -> dict[str, Any]:
    """A model's set fields by wire name, values as they are (files untouched: a dump would
    iterate a file object), read-only fields left out."""
    read_only: frozenset[str] = getattr(type(model), "__read_only__", frozenset())
    fields = type(model).model_fields
    data: dict[str, Any] = {}
    given = model.model_fields_set
    for name, info in fields.items():
        if name in given and name not in read_only:
            data[info.serialization_alias or info.alias or name] = getattr(model, name)
    data.update(model.model_extra or {})
    return data


def _tuple_type(value: object) -> str | None:
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[2], str):
        return value[2]
    return None


def form_body(body: object, styles: Mapping[str, tuple[str, bool]] | None = None) -> bytes | None:
    """An ``application/x-www-form-urlencoded`` body. Objects nest with brackets
    (``metadata[plan]=pro``, ``items[0][price]=p_1``: OpenAPI's deepObject, as Stripe reads
    it); arrays of primitives repeat the key (form, exploded) unless the property's
    ``encoding`` says ``explode: false`` (comma-joined)."""
    if body is None or isinstance(body, NotGiven):
        return None
    if isinstance(body, BaseModel):
        body = request_dump(body)
    if not isinstance(body, Mapping):
        raise TypeError(f"a form body must be a mapping or a model, not {type(body).__name__}")
    styles = styles or {}
    pairs: list[tuple[str, str]] = []
    for raw_name, value in body.items():
        name = str(raw_name)
        if value is None or isinstance(value, NotGiven):
            continue
        value = to_jsonable(value)
        style, explode = styles.get(name, ("form", True))
        if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
            if style == "deepObject":
                pairs += deep_pairs(name, value)
            elif explode:
                pairs += [(name, encode_scalar(v)) for v in value if v is not None]
            else:
                sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
                pairs.append((name, sep.join(encode_scalar(v) for v in value)))
        elif isinstance(value, dict | list):
            pairs += deep_pairs(name, value)
        else:
            pairs.append((name, encode_scalar(value)))
    return "&".join(f"{_form(k, '[]')}={_form(v)}" for k, v in pairs).encode("ascii")


def _form(text: str, safe: str = "") -> str:
    return quote_plus(text, safe="-._~" + safe)


def encode_body(
    body: object,
    content_type: str,
    kinds: Mapping[str, str],
    *,
    body_types: Mapping[str, Any] | None = None,
    part_types: Mapping[str, str] | None = None,
    styles: Mapping[str, tuple[str, bool]] | None = None,
) -> dict[str, Any]:
    """The ``_request`` keyword arguments for ``body`` sent as ``content_type``, one of the
    operation's declared types (``kinds`` maps each to json/form/multipart/text/binary)."""
    kind = kinds.get(content_type)
    if kind is None:
        raise ValueError(f"content_type must be one of {sorted(kinds)}, got {content_type!r}")
    if body is None or isinstance(body, NotGiven):
        return {}
    if kind == "json":
        body_type = (body_types or {}).get(content_type)
        return {"json_body": body, "body_type": body_type, "content_type": content_type}
    if kind == "form":
        return {"content": form_body(body, styles), "content_type": content_type}
    if kind == "multipart":
        return {"files": multipart_parts(body, part_types)}
    if isinstance(body, str):
        return {"content": body.encode(), "content_type": content_type}
    if isinstance(body, bytes):
        return {"content": body, "content_type": content_type}
    raise TypeError(f"a {content_type} body must be bytes or str, not {type(body).__name__}")
