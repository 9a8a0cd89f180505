# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Discriminated unions: which option of a `oneOf` a value is, by its tag property.

Generated models annotate a discriminated union as
``Annotated[Annotated[Cat, Tag("Cat")] | Annotated[Dog, Tag("Dog")], Discriminator(pick)]``
with ``pick = discriminate("petType", {"cat": "Cat", "dog": "Dog"})``: pydantic then validates
a value against exactly the option its tag names, and the options need no `Literal` tag field
(so a tag shared by several values, or an enum-typed tag, works).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def discriminate(prop: str, mapping: Mapping[str, str]) -> Callable[[Any], str | None]:
    """A pydantic callable discriminator: the option's tag for a dict or a model instance
    (None when the tag is missing or unknown: pydantic then reports the value invalid)."""
    tags = frozenset(mapping.values())

    def pick(value: Any) -> str | None:
        if isinstance(value, Mapping):
            tag = value.get(prop)
            return mapping.get(tag) if isinstance(tag, str) else None
        name = type(value).__name__
        if name in tags:
            return name
        tag = getattr(value, "__dict__", {}).get(prop)
        return mapping.get(str(getattr(tag, "value", tag))) if tag is not None else None

    return pick
