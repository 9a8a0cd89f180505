"""Reading the IR's schema document: refs, merged object properties and validation.

Schemas here are the IR's transformed schemas (`Response.schema`, `RequestBody.schema`, ...),
whose `$ref`s point into `Api.models_document`. Validation follows the document's OpenAPI
version (3.0 `nullable`, 3.1 JSON Schema), so "valid" means valid against the spec.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)

SCHEMA_PREFIX = "#/components/schemas/"
_MAX_DEPTH = 32
_MAX_ANSWER_TEXT = 64_000_000  # characters of remembered questions (values and schemas)
_REQUIRED_MESSAGE = re.compile(r"^'(.+)' is a required property$")


@dataclass(frozen=True)
class Schemas:
    """The named schemas of one API and questions about any schema that refers to them."""

    document: dict[str, Any] = field(repr=False)

    @cached_property
    def components(self) -> dict[str, Any]:
        schemas = self.document.get("components", {}).get("schemas", {})
        return schemas if isinstance(schemas, dict) else {}

    @cached_property
    def is_31(self) -> bool:
        return str(self.document.get("openapi", "")).startswith("3.1")

    def resolve(self, schema: Any) -> dict[str, Any]:
        """The schema a `$ref` chain ends at (a non-dict schema reads as `{}`: anything)."""
        seen: set[str] = set()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in seen or not ref.startswith(SCHEMA_PREFIX):
                return {}
            seen.add(ref)
            schema = self.components.get(ref[len(SCHEMA_PREFIX) :], {})
        return schema if isinstance(schema, dict) else {}

    def properties(self, schema: Any, depth: int = 0) -> dict[str, Any]:
        """Declared properties of an object schema, `allOf` parts merged in."""
        resolved = self.resolve(schema)
        props: dict[str, Any] = {}
        if depth > _MAX_DEPTH:
            return props
        for part in resolved.get("allOf") or ():
            props.update(self.properties(part, depth + 1))
        own = resolved.get("properties")
        if isinstance(own, dict):
            props.update(own)
        return props

    def required(self, schema: Any, depth: int = 0) -> tuple[str, ...]:
        resolved = self.resolve(schema)
        names: list[str] = [str(n) for n in resolved.get("required") or ()]
        if depth <= _MAX_DEPTH:
            for part in resolved.get("allOf") or ():
                names.extend(self.required(part, depth + 1))
        return tuple(dict.fromkeys(names))

    def property_schema(self, schema: Any, name: str) -> dict[str, Any]:
        return self.resolve(self.properties(schema).get(name, {}))

    def is_nullable(self, schema: Any) -> bool:
        resolved = self.resolve(schema)
        types = resolved.get("type")
        return resolved.get("nullable") is True or (isinstance(types, list) and "null" in types)

    def primitive_type(self, schema: Any, depth: int = 0) -> str | None:
        """`string`, `integer`, `array`, ... looking through `allOf` wrappers; None if unknown."""
        resolved = self.resolve(schema)
        types = resolved.get("type")
        if isinstance(types, list):
            types = next((t for t in types if t != "null"), None)
        if isinstance(types, str):
            return types
        if depth > _MAX_DEPTH:
            return None
        for part in resolved.get("allOf") or ():
            found = self.primitive_type(part, depth + 1)
            if found:
                return found
        if "properties" in resolved:
            return "object"
        return None

    def format(self, schema: Any, depth: int = 0) -> str:
        resolved = self.resolve(schema)
        if isinstance(resolved.get("format"), str):
            return str(resolved["format"])
        if depth <= _MAX_DEPTH:
            for part in resolved.get("allOf") or ():
                found = self.format(part, depth + 1)
                if found:
                    return found
        return ""

    def enum(self, schema: Any, depth: int = 0) -> tuple[Any, ...]:
        resolved = self.resolve(schema)
        if isinstance(resolved.get("enum"), list):
            return tuple(resolved["enum"])
        if depth <= _MAX_DEPTH:
            for part in resolved.get("allOf") or ():
                found = self.enum(part, depth + 1)
                if found:
                    return found
        return ()

    def errors(self, value: Any, schema: Any, direction: str | None = None) -> list[str]:
        """Why `value` is not valid against `schema` (empty when it is). With a `direction`
        ("request" or "response") a required property that direction never carries (readOnly
        in a request, writeOnly in a response) may be absent, as OpenAPI says."""
        schema_key = json.dumps(schema, sort_keys=True)

        def find() -> tuple[str, ...]:
            return tuple(
                f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
                for error in self._validator(schema_key).iter_errors(value)
                if direction is None or not self._absent_by_direction(error, direction)
            )

        return list(self._answers.ask("errors", schema_key, value, direction, find))

    def one_way(self, schema: Any, direction: str | None) -> bool:
        """Whether a property with `schema` is left out of bodies going `direction`."""
        if direction is None:
            return False
        keyword = "readOnly" if direction == "request" else "writeOnly"
        raw = schema if isinstance(schema, dict) else {}
        return raw.get(keyword) is True or self.resolve(schema).get(keyword) is True

    def _absent_by_direction(self, error: Any, direction: str) -> bool:
        if error.validator != "required" or not isinstance(error.schema, dict):
            return False
        named = _REQUIRED_MESSAGE.match(str(error.message))
        props = self.properties(error.schema)
        name = named.group(1) if named else None
        return name is not None and name in props and self.one_way(props[name], direction)

    def is_valid(self, value: Any, schema: Any, direction: str | None = None) -> bool:
        schema_key = json.dumps(schema, sort_keys=True)

        def valid() -> bool:
            # The validator stops at the first error; only a value it refuses is looked at
            # again for the errors a direction excuses.
            return bool(self._validator(schema_key).is_valid(value)) or (
                direction is not None and not self.errors(value, schema, direction)
            )

        return bool(self._answers.ask("valid", schema_key, value, direction, valid))

    @cached_property
    def _answers(self) -> _Answers:
        return _Answers()

    @cached_property
    def _validators(self) -> dict[str, Any]:
        return {}

    def _validator(self, schema_key: str) -> Any:
        cache = self._validators
        if schema_key not in cache:
            schema = json.loads(schema_key)
            # Refs are `#/components/schemas/X`: give the root the document's components.
            root = {**schema, "components": self.document.get("components", {})}
            if self.is_31:
                cache[schema_key] = OAS31Validator(root, format_checker=oas31_format_checker)
            else:
                cache[schema_key] = OAS30Validator(root, format_checker=oas30_format_checker)
        return cache[schema_key]


@dataclass
class _Answers:
    """The validation answers already given for one API, by question.

    A witness search and a mock ask the same question of the same value many times (the same
    base body for every change of one answer): 10x fewer validations on GitHub's spec. Emptied
    when its keys grow past `_MAX_ANSWER_TEXT` characters, so memory stays bounded."""

    found: dict[Any, Any] = field(default_factory=dict)
    size: int = 0

    def ask(
        self,
        question: str,
        schema_key: str,
        value: Any,
        direction: str | None,
        answer: Callable[[], Any],
    ) -> Any:
        """The answer given before to this question, else `answer()`, remembered. A value
        that is not plain JSON (its text could stand for another value) is never remembered."""
        if not _plain(value, 0):
            return answer()
        # Key order is kept: an error lists unexpected properties in the value's order.
        key = (question, schema_key, json.dumps(value, ensure_ascii=False), direction)
        if key in self.found:
            return self.found[key]
        found = answer()
        size = len(schema_key) + len(key[2])
        if self.size + size > _MAX_ANSWER_TEXT:
            self.found.clear()
            self.size = 0
        self.found[key] = found
        self.size += size
        return found


def _plain(value: Any, depth: int) -> bool:
    """Whether `value` is JSON whose text says exactly what it is: no tuples (JSON text reads
    them as arrays, the validator does not), no keys that are not strings, no subclasses."""
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return True
    if depth > 64:
        return False
    if kind is list:
        return all(_plain(item, depth + 1) for item in value)
    if kind is dict:
        return all(type(k) is str and _plain(v, depth + 1) for k, v in value.items())
    return False
