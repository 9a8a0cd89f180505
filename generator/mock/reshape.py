"""Request data reshaped onto a resource schema (the stateful mock's create and update):
`settings` lands in `jobSettings`, an output format name becomes the object the schema lists."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from generator.values.schema import Schemas
from generator.values.synth import random_id


def counterpart(name: str, props: Mapping[str, Any]) -> str | None:
    if name in props:
        return name
    if name.endswith("Parameters") and name[: -len("Parameters")] in props:
        return name[: -len("Parameters")]
    suffix = name[:1].upper() + name[1:]
    return next((p for p in props if p.endswith(suffix) and p != name), None)


def adapt(schemas: Schemas, value: Any, schema: Any, rng: random.Random) -> Any:
    """`value` reshaped toward `schema`: scalars in an array become the objects the schema
    lists (an output format name → `{"format": name, "id": ...}`); objects keep only the
    properties the schema declares when it forbids others."""
    if schemas.is_valid(value, schema):
        return value
    kind = schemas.primitive_type(schema)
    resolved = schemas.resolve(schema)
    if kind == "object" and isinstance(value, dict):
        props = schemas.properties(resolved)
        if not props:
            for part in resolved.get("allOf") or ():
                return adapt(schemas, value, part, rng)
        adapted = {}
        for name, sub in value.items():
            target = counterpart(name, props)
            if target is not None:
                adapted[target] = adapt(schemas, sub, props[target], rng)
        return adapted
    if kind == "array" and isinstance(value, list):
        items = resolved.get("items", {})
        return [_adapt_item(schemas, v, items, rng) for v in value]
    return value


def _adapt_item(schemas: Schemas, value: Any, schema: Any, rng: random.Random) -> Any:
    if isinstance(value, dict) or schemas.is_valid(value, schema):
        return adapt(schemas, value, schema, rng)
    props = schemas.properties(schema)
    for name, sub in props.items():
        if value in schemas.enum(sub) or (
            not schemas.enum(sub) and schemas.is_valid(value, sub) and name != "id"
        ):
            item = {name: value}
            if "id" in props and schemas.primitive_type(props["id"]) == "string":
                item["id"] = random_id(rng)
            return item
    return value
