# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Small helpers the generated operation methods call to build one request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TypeVar

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
