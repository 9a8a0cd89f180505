# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Parameter serialization by OpenAPI ``style`` and ``explode``, for every location.

The tables of the specification (3.0.3 § 4.7.12.4, "Style Examples") are the reference: for a
parameter ``color`` the primitive ``"blue"``, the array ``["blue", "black", "brown"]`` and the
object ``{"R": 100, "G": 200, "B": 150}`` serialize as, e.g.:

=============== ======= ================================ =======================================
style           explode array                            object
=============== ======= ================================ =======================================
simple          false   ``blue,black,brown``             ``R,100,G,200,B,150``
simple          true    ``blue,black,brown``             ``R=100,G=200,B=150``
label           false   ``.blue,black,brown``            ``.R,100,G,200,B,150``
label           true    ``.blue.black.brown``            ``.R=100.G=200.B=150``
matrix          false   ``;color=blue,black,brown``      ``;color=R,100,G,200,B,150``
matrix          true    ``;color=blue;color=black;...``  ``;R=100;G=200;B=150``
form            false   ``color=blue,black,brown``       ``color=R,100,G,200,B,150``
form            true    ``color=blue&color=black&...``   ``R=100&G=200&B=150``
spaceDelimited  false   ``color=blue%20black%20brown``   ``color=R%20100%20G%20200%20B%20150``
pipeDelimited   false   ``color=blue|black|brown``       ``color=R|100|G|200|B|150``
deepObject      true    n/a                              ``color[R]=100&color[G]=200&color[B]=150``
=============== ======= ================================ =======================================

Separators are written literally and every value is percent-encoded, so a comma inside a value
(``%2C``) is never mistaken for a separator. Generated code wraps a parameter in ``styled(...)``
only when its style or explode differs from the location's default (``simple`` for path and
header, ``form`` exploded for query and cookie); everything else is encoded with the default.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import BaseModel

from ._encoding import encode_scalar, to_jsonable
from ._errors import RequestValidationError
from ._types import NotGiven

__all__ = [
    "Styled",
    "deep_pairs",
    "fill_path",
    "cookie_pairs",
    "header_value",
    "path_segment",
    "query_parts",
    "query_string",
    "styled",
]

T = TypeVar("T")

# Characters left as they are in a query component (RFC 3986 `pchar` minus the delimiters
# `&`, `=`, `+`, `,`, `;`, `|` that separate or that servers decode specially).
_QUERY_SAFE = "-._~!$'()*:@/"
_KEY_SAFE = _QUERY_SAFE + "[]"

_Flat = str | list[str] | list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Styled:
    """A parameter value with a non-default ``style``/``explode`` (see the module table)."""

    value: object
    style: str
    explode: bool


def styled(value: T, style: str, explode: bool) -> T | Styled:
    """``value`` marked with its style; ``None`` and ``NOT_GIVEN`` pass through untouched."""
    if value is None or isinstance(value, NotGiven):
        return value
    return Styled(value, style, explode)


def _text(value: object) -> str:
    """A primitive as text; a nested structure (no style defines one) as compact JSON."""
    if isinstance(value, Mapping | list | tuple | BaseModel):
        return json.dumps(to_jsonable(value), separators=(",", ":"))
    return encode_scalar(value)


def _flatten(value: object) -> _Flat:
    """A primitive as text, an array as a list of texts, an object as (name, text) pairs."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return [(str(k), _text(v)) for k, v in value.items() if not isinstance(v, NotGiven)]
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_text(item) for item in items if item is not None]
    return _text(value)


def _is_object(flat: _Flat) -> bool:
    return isinstance(flat, list) and bool(flat) and isinstance(flat[0], tuple)


def _pairs(flat: _Flat) -> list[tuple[str, str]]:
    return [p for p in flat if isinstance(p, tuple)]


def _items(flat: _Flat) -> list[str]:
    return [p for p in flat if isinstance(p, str)]


def _q(text: str) -> str:
    return quote(text, safe=_QUERY_SAFE)


def _p(text: str) -> str:
    # Path values: everything but unreserved characters is encoded (`/` too).
    return quote(text, safe="-._~!$'()*:@")


def _unpack(value: object, style: str, explode: bool) -> tuple[object, str, bool]:
    if isinstance(value, Styled):
        return value.value, value.style, value.explode
    return value, style, explode


_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def fill_path(template: str, params: Mapping[str, object]) -> str:
    """Fill the ``{name}`` placeholders of ``template`` (each value encoded by its style)."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise RequestValidationError(
                f"path {template!r} needs parameter {name!r}, which was not given"
            )
        value = params[name]
        if value is None or isinstance(value, NotGiven):
            raise RequestValidationError(
                f"path parameter {name!r} of {template!r} must not be None"
            )
        return path_segment(name, value)

    return _PLACEHOLDER.sub(substitute, template)


def query_string(query: Mapping[str, object]) -> str:
    """The encoded query string (without ``?``) of all parameters, in order."""
    return "&".join(part for name, value in query.items() for part in query_parts(name, value))


def path_segment(name: str, value: object) -> str:
    """The encoded text replacing ``{name}`` in a path (``simple`` unless ``styled``)."""
    value, style, explode = _unpack(value, "simple", False)
    flat = _flatten(value)
    if style == "label":
        prefix, sep, kv = ".", "." if explode else ",", "="
        return prefix + _joined(flat, sep, explode, kv, _p)
    if style == "matrix":
        if isinstance(flat, str):
            return f";{_p(name)}" + (f"={_p(flat)}" if flat else "")
        if _is_object(flat) and explode:
            return "".join(f";{_p(k)}={_p(v)}" for k, v in _pairs(flat))
        if not _is_object(flat) and explode:
            return "".join(f";{_p(name)}={_p(v)}" for v in _items(flat))
        return f";{_p(name)}=" + _joined(flat, ",", False, ",", _p)
    if style not in ("simple", ""):
        raise ValueError(f"path parameter {name!r}: style {style!r} is not a path style")
    text = _joined(flat, ",", explode, "=", _p)
    if not text:
        raise ValueError(f"path parameter {name!r} must not be empty")
    return text


def _joined(
    flat: _Flat, sep: str, explode: bool, kv: str, enc: Any, *, object_sep: str | None = None
) -> str:
    """Items joined by ``sep``; object pairs as ``k=v`` (explode) or ``k,v`` (not)."""
    if isinstance(flat, str):
        return str(enc(flat))
    if _is_object(flat):
        if explode:
            return sep.join(f"{enc(k)}{kv}{enc(v)}" for k, v in _pairs(flat))
        return (object_sep or sep).join(
            f"{enc(k)}{object_sep or sep}{enc(v)}" for k, v in _pairs(flat)
        )
    return sep.join(enc(v) for v in _items(flat))


def query_parts(name: str, value: object) -> list[str]:
    """The encoded ``key=value`` parts of one query parameter (``form``, exploded, by default).

    ``None`` and ``NOT_GIVEN`` give nothing, so an unset optional parameter is left out.
    """
    value, style, explode = _unpack(value, "form", True)
    if value is None or isinstance(value, NotGiven):
        return []
    key = quote(name, safe=_KEY_SAFE)
    if style == "deepObject":
        return [f"{quote(k, safe=_KEY_SAFE)}={_q(v)}" for k, v in deep_pairs(name, value)]
    flat = _flatten(value)
    if isinstance(flat, str):
        return [f"{key}={_q(flat)}"]
    if not flat:
        return []  # an empty array or object: the tables define nothing, so nothing is sent
    if explode:
        if _is_object(flat):
            return [f"{quote(k, safe=_KEY_SAFE)}={_q(v)}" for k, v in _pairs(flat)]
        return [f"{key}={_q(v)}" for v in _items(flat)]
    sep = {"form": ",", "spaceDelimited": "%20", "pipeDelimited": "|"}.get(style)
    if sep is None:
        raise ValueError(f"query parameter {name!r}: unknown style {style!r}")
    if _is_object(flat):
        return [f"{key}=" + sep.join(f"{_q(k)}{sep}{_q(v)}" for k, v in _pairs(flat))]
    return [f"{key}=" + sep.join(_q(v) for v in _items(flat))]


def deep_pairs(name: str, value: object) -> list[tuple[str, str]]:
    """``name[key]=value`` pairs, nesting further for nested objects and arrays
    (``metadata[plan]=pro``, ``items[0][price]=p_1``), as Stripe and Rails read them."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        pairs: list[tuple[str, str]] = []
        for key, item in value.items():
            if item is None or isinstance(item, NotGiven):
                continue
            pairs += deep_pairs(f"{name}[{key}]", item)
        return pairs
    if isinstance(value, list | tuple):
        pairs = []
        for index, item in enumerate(value):
            pairs += deep_pairs(f"{name}[{index}]", item)
        return pairs
    return [(name, encode_scalar(value))]


def header_value(name: str, value: object) -> str | None:
    """A header parameter's value (``simple``); ``None`` when unset."""
    value, _, explode = _unpack(value, "simple", False)
    if value is None or isinstance(value, NotGiven):
        return None
    return _joined(_flatten(value), ",", explode, "=", str)


def cookie_pairs(name: str, value: object) -> list[str]:
    """``name=value`` parts of one cookie parameter (``form``; exploded arrays repeat it)."""
    value, _, explode = _unpack(value, "form", True)
    if value is None or isinstance(value, NotGiven):
        return []
    flat = _flatten(value)
    key = quote(name, safe="")
    enc = _cookie_text
    if isinstance(flat, str):
        return [f"{key}={enc(flat)}"]
    if explode:
        if _is_object(flat):
            return [f"{quote(k, safe='')}={enc(v)}" for k, v in _pairs(flat)]
        return [f"{key}={enc(v)}" for v in _items(flat)]
    return [f"{key}=" + _joined(flat, ",", False, ",", enc)]


def _cookie_text(text: str) -> str:
    return quote(text, safe="-._~!$'()*:@/[]")
