"""Small helpers the generated operation methods call to build one request."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode

import httpx

from ._encoding import to_jsonable
from ._types import NOT_GIVEN, NotGiven, RequestOptions, Timeout


def merge_options(
    options: RequestOptions | None,
    *,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, object] | None = None,
) -> RequestOptions:
    """`options=` combined with the per-call keyword arguments; the keywords win."""
    base = options or RequestOptions()
    headers = {**(base.extra_headers or {}), **(extra_headers or {})} or None
    query = {**(base.extra_query or {}), **(extra_query or {})} or None
    return replace(
        base,
        timeout=base.timeout if isinstance(timeout, NotGiven) else timeout,
        extra_headers=headers,
        extra_query=query,
    )


def cookie_header(cookies: Mapping[str, object]) -> str | NotGiven:
    """A `Cookie` header value from cookie parameters (unset ones left out)."""
    pairs = [
        f"{quote(name, safe='')}={quote(str(value), safe='')}"
        for name, value in cookies.items()
        if value is not None and not isinstance(value, NotGiven)
    ]
    return "; ".join(pairs) if pairs else NOT_GIVEN


@dataclass(frozen=True)
class EncodedContent:
    """A non-JSON request body, already encoded, with the Content-Type that describes it."""

    data: bytes
    content_type: str


def encode_content(body: object, media_type: str) -> EncodedContent | None:
    """Encode a form, multipart, text or binary body for `media_type` (None when not given)."""
    if body is None or isinstance(body, NotGiven):
        return None
    base = media_type.split(";")[0].strip().lower()
    if isinstance(body, bytes):
        return EncodedContent(body, media_type)
    if isinstance(body, str):
        return EncodedContent(body.encode("utf-8"), media_type)
    fields = _fields(body)
    if base == "application/x-www-form-urlencoded":
        return EncodedContent(urlencode(fields, doseq=True).encode("ascii"), media_type)
    if base.startswith("multipart/"):
        request = httpx.Request("POST", "http://multipart.invalid", files=_parts(fields))
        return EncodedContent(request.read(), request.headers["Content-Type"])
    return EncodedContent(json.dumps(to_jsonable(body)).encode("utf-8"), media_type)


def _fields(body: object) -> dict[str, object]:
    data = to_jsonable(body)
    if not isinstance(data, dict):
        raise TypeError(f"a form body must be a mapping or a model, not {type(body).__name__}")
    return {str(k): v for k, v in data.items() if v is not None}


def _parts(fields: Mapping[str, object]) -> list[tuple[str, tuple[str | None, bytes | str]]]:
    parts: list[tuple[str, tuple[str | None, bytes | str]]] = []
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, bytes):
                parts.append((name, (name, item)))
            else:
                text = item if isinstance(item, str) else json.dumps(item)
                parts.append((name, (None, text)))
    return parts
