# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Query parameters FastAPI cannot read by itself: objects spread over several keys.

A `deepObject` parameter arrives as `scope[type]=account&scope[user]=u` (nested:
`items[0][price]=p`), a `form` object as `type=account&user=u` (exploded) or
`scope=type,account,user,u`. `read_object` gathers the pieces into one value and validates it
(in lax mode: every piece is text) with the parameter's own type, so a handler receives the same
model the client sent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, ValidationError


@dataclass
class ObjectParam:
    """How one object-valued query parameter is spelled on the wire, and its type."""

    name: str
    style: str  # deepObject | form
    explode: bool
    required: bool
    type: Any
    properties: Sequence[str] = ()  # what an exploded form object spreads into the query
    _adapter: TypeAdapter[Any] | None = field(default=None, init=False, repr=False)

    def gather(self, items: Sequence[tuple[str, str]]) -> Any:
        """The parameter's raw value in a query's (key, value) pairs (None: absent)."""
        if self.style == "deepObject":
            found: dict[str, Any] = {}
            prefix = self.name + "["
            for key, value in items:
                if key.startswith(prefix) and key.endswith("]"):
                    put_path(found, key[len(prefix) : -1].split("]["), value)
            if found:
                return _lists(found)
        elif self.explode and self.properties:
            spread = {key: value for key, value in items if key in self.properties}
            if spread:
                return spread
        elif not self.explode:
            text = next((value for key, value in items if key == self.name), None)
            parts = text.split(",") if text else []
            if parts and len(parts) % 2 == 0:
                return dict(zip(parts[::2], parts[1::2], strict=True))
        # A plain `name=value` (a union of an object and a scalar, as Stripe's `created`).
        return next((value for key, value in items if key == self.name), None)

    def validate(self, raw: Any) -> Any:
        if raw is None:
            if self.required:
                error = {"type": "missing", "loc": ("query", self.name), "msg": "Field required"}
                raise RequestValidationError([{**error, "input": None}])
            return None
        if self._adapter is None:  # built on first use: a big API has hundreds
            self._adapter = TypeAdapter(self.type)
        try:
            return self._adapter.validate_python(raw)
        except ValidationError as exc:
            raise RequestValidationError(
                [
                    {**e, "loc": ("query", self.name, *e["loc"])}
                    for e in exc.errors(include_url=False)
                ]
            ) from None


def read_object(param: ObjectParam) -> Callable[[Request], Any]:
    """A FastAPI dependency giving `param`'s value, validated, from the request's query."""

    def read(request: Request) -> Any:
        return param.validate(param.gather(request.query_params.multi_items()))

    return read


def put_path(node: dict[str, Any], keys: list[str], value: Any) -> None:
    """Set `value` at `keys` in nested dicts, making the dicts on the way (the mock uses it
    too)."""
    for key in keys[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            child = node[key] = {}
        node = child
    node[keys[-1]] = value


def _lists(node: Any) -> Any:
    """`{"0": a, "1": b}` -> `[a, b]`: deepObject spells array items by index."""
    if not isinstance(node, dict):
        return node
    converted = {key: _lists(value) for key, value in node.items()}
    if converted and all(key.isdigit() for key in converted):
        return [converted[key] for key in sorted(converted, key=int)]
    return converted
