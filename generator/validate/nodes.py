"""What the meaning walk passes around: the kinds of node it knows, its visits, its findings
and the values (examples, defaults) it leaves for the schema check, plus small value tests."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from generator.load import Document


class Kind(Enum):
    PATH_ITEM = "path item"
    OPERATION = "operation"
    PARAMETER = "parameter"
    HEADER = "header"
    REQUEST_BODY = "request body"
    RESPONSE = "response"
    MEDIA_TYPE = "media type"
    CALLBACK = "callback"
    SCHEMA = "schema"
    OTHER = "object"  # only its `$ref` matters (examples, links, security schemes)
    # A replayed operation's operationId, registered in the walk's order (see walk_memo).
    OPERATION_ID = "operationId"

    # Members are singletons compared by identity: hashing by identity too is consistent, and
    # a builtin (Enum's own hashes the name in Python; the walk's sets hash ~100,000 keys).
    __hash__ = object.__hash__


class Mode(Enum):
    """Which side of the wire an example stands for: readOnly/writeOnly relax `required`."""

    REQUEST = "request"
    RESPONSE = "response"
    ANY = "any"


# What each section of `components` holds, as the walk reads its entries.
COMPONENT_KINDS: dict[str, tuple[Kind, Mode]] = {
    "schemas": (Kind.SCHEMA, Mode.ANY),
    "parameters": (Kind.PARAMETER, Mode.REQUEST),
    "headers": (Kind.HEADER, Mode.RESPONSE),
    "requestBodies": (Kind.REQUEST_BODY, Mode.REQUEST),
    "responses": (Kind.RESPONSE, Mode.RESPONSE),
    "callbacks": (Kind.CALLBACK, Mode.ANY),
    "pathItems": (Kind.PATH_ITEM, Mode.ANY),
    "examples": (Kind.OTHER, Mode.ANY),
    "links": (Kind.OTHER, Mode.ANY),
    "securitySchemes": (Kind.OTHER, Mode.ANY),
}


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    document: Document
    pointer: str
    at: tuple[int | None, int | None] | None = None  # a position the pointer cannot name


@dataclass(frozen=True)
class ExampleCheck:
    """A value (example or default) that must validate against the schema at a location."""

    rule: str
    value: Any
    document: Document
    pointer: str
    schema_document: Document
    schema_pointer: str
    mode: Mode


# Not frozen: the walk makes ~57,000 a run on GitHub's spec, and a frozen dataclass's
# __init__ sets each field through object.__setattr__ (twice the cost). Nothing mutates one.
@dataclass(slots=True)
class Visit:
    kind: Kind
    document: Document
    pointer: str
    node: Any
    mode: Mode = Mode.ANY
    template: str | None = None  # the path template, for path items under `paths`
    sibling_names: frozenset[str] = frozenset()  # properties an enclosing allOf declares


@dataclass(frozen=True)
class Param:
    document: Document
    pointer: str
    node: dict[str, Any]


@dataclass(frozen=True)
class WalkResult:
    findings: list[Finding]
    examples: list[ExampleCheck]


def regex_problem(pattern: str) -> str | None:
    try:
        with warnings.catch_warnings():  # "possible nested set" and the like: not our business
            warnings.simplefilter("ignore")
            re.compile(pattern)
    except (re.error, OverflowError, RecursionError) as exc:
        return str(exc)
    return None


JSON_TYPES = frozenset({"null", "boolean", "integer", "number", "string", "array", "object"})


def has_type(value: Any, types: set[str]) -> bool:
    if value is None:
        return "null" in types
    if isinstance(value, bool):
        return "boolean" in types
    if isinstance(value, int):
        return bool(types & {"integer", "number"})
    if isinstance(value, float):
        return "number" in types or ("integer" in types and value.is_integer())
    if isinstance(value, str):
        return "string" in types
    if isinstance(value, list):
        return "array" in types
    return "object" in types


def entries(node: Any) -> Iterable[tuple[str, Any]]:
    return ((str(k), v) for k, v in node.items()) if isinstance(node, dict) else ()


def items(node: Any) -> list[Any]:
    return node if isinstance(node, list) else []
