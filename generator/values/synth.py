"""Data made up from a schema: the one synthesizer the mock, `diff --prove` and `verify` share.

Two fills. The lean one (the default) makes the smallest believable value: required
properties only (fewer chances to break a constraint), enums take their first value, numbers
their lower bound. The full one (`full=True`) fills every documented property, optional ones
included, from what the spec says first (the property's `example`/`examples`, its `default`,
`const`, enum) and made-up names-aware data last, as Prism does: on a spec that marks nothing
required (Asana's) the lean fill is `{}` and tells a caller nothing.

A `direction` leaves out the properties that never travel that way: `"request"` drops
readOnly ones, `"response"` writeOnly ones. Every result is validated against the schema; a
full fill that breaks a constraint drops the optional properties at fault, one by one, and
falls back to the lean fill of that object before it gives up.

Deterministic for a given `random.Random`: ids and names come from the generator, so a seeded
mock answers the same way every run.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from typing import Any

from generator.openapi import only_annotates
from generator.values.scalars import number, random_id, string
from generator.values.schema import Schemas

__all__ = ["SynthesisError", "random_id", "synthesize"]

_MAX_DEPTH = 12
_FULL_DEPTH = 6  # below this many levels, only required properties are filled
_DIRECTIONS = (None, "request", "response")


class SynthesisError(ValueError):
    """No value could be made that satisfies the schema."""


def synthesize(
    schemas: Schemas,
    schema: Any,
    rng: random.Random,
    name: str = "",
    *,
    full: bool = False,
    direction: str | None = None,
) -> Any:
    """A value valid against `schema` (for bodies going `direction`, when given); raises
    SynthesisError if none could be made. `name` is the property or parameter the value is
    for: it picks believable strings (`email`, `created_at`, `*_id`)."""
    if direction not in _DIRECTIONS:
        raise ValueError(f"direction must be 'request', 'response' or None, not {direction!r}")
    maker = _Maker(schemas, rng, full, direction)
    value = maker.value(schema, name, 0)
    problems = schemas.errors(value, schema, direction)
    if problems and full:  # a constraint across properties the fill could not see
        value = _Maker(schemas, rng, False, direction).value(schema, name, 0)
        problems = schemas.errors(value, schema, direction)
    if problems:
        raise SynthesisError(f"could not synthesize a valid value: {problems[0]}")
    return value


@dataclass
class _Maker:
    schemas: Schemas
    rng: random.Random
    full: bool
    direction: str | None
    refs: list[str] = field(default_factory=list)  # the named schemas being filled, outermost first

    def value(self, schema: Any, name: str, depth: int) -> Any:
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str):
            self.refs.append(ref)
            try:
                return self._value(schema, name, depth)
            finally:
                self.refs.pop()
        return self._value(schema, name, depth)

    def _value(self, schema: Any, name: str, depth: int) -> Any:
        schemas = self.schemas
        resolved = schemas.resolve(schema)
        if depth > _MAX_DEPTH:
            return None
        if "const" in resolved:
            return resolved["const"]
        if self.full:
            documented = self._documented(schema, resolved)
            if documented is not None and not isinstance(documented, dict):
                return documented
        if "default" in resolved and resolved["default"] is not None:
            return resolved["default"]
        enum = resolved.get("enum")
        if isinstance(enum, list) and enum:
            return next((v for v in enum if v is not None), enum[0])
        wrapped = _wrapped(resolved)
        if wrapped is not None:  # `allOf: [{$ref: Status}]` plus a description: a Status
            return self.value(wrapped, name, depth + 1)
        for key in ("oneOf", "anyOf"):
            options = resolved.get(key)
            if isinstance(options, list) and options and all(map(_only_requires, options)):
                # `anyOf: [{required: [a]}, {required: [b]}]` beside properties: one of the
                # alternatives' names must be present, the object is the schema itself.
                narrowed = {k: v for k, v in resolved.items() if k != key}
                extra = [n for n in options[0].get("required", ()) if isinstance(n, str)]
                narrowed["required"] = [*schemas.required(resolved), *extra]
                return self.value(narrowed, name, depth + 1)
            if isinstance(options, list) and options:
                return self._option(resolved, options, name, depth)
        kind = schemas.primitive_type(resolved)
        # No `type` but `additionalProperties`: the models read an object (Slack's
        # `shares.private: {additionalProperties: false}`), so an object is what is made.
        untyped_object = kind is None and "additionalProperties" in resolved
        if kind == "object" or untyped_object or (kind is None and resolved.get("allOf")):
            return self._object(resolved, schema, depth)
        if kind == "array":
            return self._array(resolved, name, depth)
        if kind == "string":
            return string(schemas, resolved, self.rng, name)
        if kind == "integer":
            return int(number(resolved, integer=True, name=name))
        if kind == "number":
            return number(resolved, integer=False, name=name)
        if kind == "boolean":
            return False
        if kind == "null":
            return None
        return {} if resolved.get("allOf") else "value"

    def _documented(self, schema: Any, resolved: dict[str, Any]) -> Any:
        """The first example the spec gives for this place that is valid against it (the
        property's own first, then its schema's); None when there is none."""
        for source in (schema, resolved):
            if not isinstance(source, dict):
                continue
            found = (
                list(source.get("examples") or ())
                if isinstance(source.get("examples"), list)
                else []
            )
            if "example" in source:
                found.insert(0, source["example"])
            for example in found:
                if example is not None and self.schemas.is_valid(example, resolved, self.direction):
                    return copy.deepcopy(example)
        return None

    def _option(self, resolved: dict[str, Any], options: list[Any], name: str, depth: int) -> Any:
        """The first alternative whose value the whole schema accepts (a full fill can match
        two `oneOf` members; the lean fill of each is tried next)."""
        full = self.full
        candidates: list[Any] = []
        for fill in (full, False) if full else (False,):
            self.full = fill
            try:
                for option in options:
                    candidate = self.value(option, name, depth + 1)
                    candidates.append(candidate)
                    if self.schemas.is_valid(candidate, resolved, self.direction):
                        return candidate
            finally:
                self.full = full
        return candidates[0]

    def _object(self, schema: dict[str, Any], original: Any, depth: int) -> Any:
        schemas = self.schemas
        parts = [p for p in schema.get("allOf") or () if schemas.primitive_type(p) != "object"]
        if parts and not schemas.properties(schema):
            # allOf of non-objects (a described wrapper around a primitive or enum).
            return self.value(parts[0], "", depth + 1)
        props = schemas.properties(schema)
        required = set(schemas.required(schema))
        if not self.full or depth >= _FULL_DEPTH:
            return self._lean_object(schema, props, required, depth)
        seed = self._documented(original, schema)
        given = seed if isinstance(seed, dict) else {}
        result: dict[str, Any] = {}
        for prop, sub in props.items():
            if schemas.one_way(sub, self.direction):
                continue
            if prop not in required and self._recursive(sub):
                continue  # a task's optional parent task: one level of each schema is enough
            if prop in given and schemas.is_valid(given[prop], sub, self.direction):
                result[prop] = given[prop]
            else:
                result[prop] = self.value(sub, prop, depth + 1)
        if schemas.is_valid(result, schema, self.direction):
            return result
        return self._repaired(result, schema, props, required, depth)

    def _lean_object(
        self, schema: dict[str, Any], props: dict[str, Any], required: set[str], depth: int
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for prop in self.schemas.required(schema):
            if not self.schemas.one_way(props.get(prop, {}), self.direction):
                result[prop] = self.value(props.get(prop, {}), prop, depth + 1)
        minimum = schema.get("minProperties")
        if isinstance(minimum, int) and len(result) < minimum:
            for prop in props:
                if len(result) >= minimum:
                    break
                if prop not in result and not self.schemas.one_way(props[prop], self.direction):
                    result[prop] = self.value(props[prop], prop, depth + 1)
        return result

    def _repaired(
        self,
        result: dict[str, Any],
        schema: dict[str, Any],
        props: dict[str, Any],
        required: set[str],
        depth: int,
    ) -> dict[str, Any]:
        """The full object without the optional properties that make it invalid: first the
        ones invalid on their own, then any whose removal leaves fewer errors; the lean
        object when that is not enough."""
        schemas = self.schemas
        kept = {
            k: v
            for k, v in result.items()
            if k in required or schemas.is_valid(v, props.get(k, {}), self.direction)
        }
        for prop in [k for k in kept if k not in required]:
            if schemas.is_valid(kept, schema, self.direction):
                return kept
            errors = len(schemas.errors(kept, schema, self.direction))
            trial = {k: v for k, v in kept.items() if k != prop}
            if len(schemas.errors(trial, schema, self.direction)) < errors:
                kept = trial
        if schemas.is_valid(kept, schema, self.direction):
            return kept
        return self._lean_object(schema, props, required, depth)

    def _recursive(self, schema: Any) -> bool:
        """Whether `schema` (or the items of an array of it) is a named schema being filled."""
        node = schema
        for _ in range(3):
            if not isinstance(node, dict):
                return False
            ref = node.get("$ref")
            if isinstance(ref, str):
                return ref in self.refs
            members = node.get("allOf")
            if isinstance(members, list) and len(members) == 1:
                node = members[0]
            elif isinstance(node.get("items"), dict):
                node = node["items"]
            else:
                return False
        return False

    def _array(self, schema: dict[str, Any], name: str, depth: int) -> list[Any]:
        minimum = schema.get("minItems")
        count: int = minimum if isinstance(minimum, int) else 1
        maximum = schema.get("maxItems")
        if isinstance(maximum, int):
            count = min(count, maximum)
        items = schema.get("items", {})
        if count == 0 or (self.full and self._recursive(items) and not minimum):
            return []
        values = [self.value(items, name, depth + 1) for _ in range(count)]
        if schema.get("uniqueItems") and len({repr(v) for v in values}) < len(values):
            return values[:1]
        return values


def _wrapped(schema: dict[str, Any]) -> Any | None:
    """The one `allOf` member of a schema that only annotates it, else None."""
    members = schema.get("allOf")
    if not isinstance(members, list) or len(members) != 1:
        return None
    return members[0] if only_annotates(k for k in schema if k != "allOf") else None


def _only_requires(option: Any) -> bool:
    return isinstance(option, dict) and set(option) == {"required"}
