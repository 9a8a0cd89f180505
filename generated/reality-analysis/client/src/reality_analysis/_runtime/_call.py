# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Small helpers the generated operation methods call to build one request."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import TypeVar

from ._encoding import to_jsonable
from ._params import cookie_pairs
from ._types import DEFAULT_OPTIONS, NOT_GIVEN, NotGiven, RequestOptions, Timeout

T = TypeVar("T")


def merge_options(
    options: RequestOptions | None,
    *,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, object] | None = None,
) -> RequestOptions:
    """`options=` combined with the per-call keyword arguments; the keywords win."""
    if isinstance(timeout, NotGiven) and not extra_headers and not extra_query:
        # The usual call passes none of them: nothing to combine (RequestOptions is frozen,
        # so handing back the caller's own object, or one shared default, is safe).
        return options or DEFAULT_OPTIONS
    base = options or DEFAULT_OPTIONS
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
    pairs = [part for name, value in cookies.items() for part in cookie_pairs(name, value)]
    return "; ".join(pairs) if pairs else NOT_GIVEN


def given(value: T | NotGiven) -> T | None:
    """`None` for an argument the caller left out, else the argument."""
    return None if isinstance(value, NotGiven) else value


def multipart_parts(body: object) -> list[tuple[str, tuple[str | None, bytes | str]]] | None:
    """A multipart body (mapping or model) as httpx `files` parts: bytes become file parts,
    everything else a form field (JSON for structured values)."""
    if body is None or isinstance(body, NotGiven):
        return None
    data = to_jsonable(body) if not isinstance(body, Mapping) else dict(body)
    if not isinstance(data, dict):
        raise TypeError(f"a multipart body must be a mapping or a model, not {type(body).__name__}")
    parts: list[tuple[str, tuple[str | None, bytes | str]]] = []
    for name, value in data.items():
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, bytes):
                parts.append((str(name), (str(name), item)))
            else:
                text = item if isinstance(item, str) else json.dumps(to_jsonable(item))
                parts.append((str(name), (None, text)))
    return parts
