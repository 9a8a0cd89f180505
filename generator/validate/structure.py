"""Structure: the document against the official OpenAPI meta-schema of its version.

The meta-schema is compiled once and run over the whole document in one pass (jsonschema-rs
when available: a 13 MB spec takes milliseconds; the pure-Python jsonschema otherwise).
A failed `oneOf` such as "responses/200 is not valid under any of the given schemas" says
nothing useful, so failures are reduced to the leaf errors of the branch the author meant.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

# Shipped with the package, their sources and the one patch recorded in schemas/SOURCES.md.
_SCHEMA_FILES = {"3.0": "oas-3.0.json", "3.1": "oas-3.1.json"}
# OAS 3.1 leaves Schema Objects to their JSON Schema dialect ({"type": ["object", "boolean"]});
# checking them against the 2020-12 meta-schema catches `type: strnig` as 3.0's schema does.
_DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
_WEAK = ("oneOf", "anyOf")


@dataclass(frozen=True)
class Violation:
    """One meta-schema failure: where in the instance, which keyword, and any branch failures."""

    path: tuple[str, ...]
    keyword: str
    message: str
    branches: tuple[tuple[Violation, ...], ...] = ()
    detail: Any = None  # the keyword's argument where a message needs it (enum options, ...)


@cache
def meta_schema(version: str) -> dict[str, Any]:
    resource = files("generator.validate").joinpath("schemas", _SCHEMA_FILES[version])
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    if version == "3.1":
        schema["$defs"]["schema"] = {
            "$dynamicAnchor": "meta",
            "anyOf": [{"type": "boolean"}, {"$ref": _DRAFT_2020_12}],
        }
    return schema


def check_structure(data: Any, version: str) -> list[Violation]:
    """Every meta-schema failure of `data`, reduced to the errors a reader can act on."""
    violations: list[Violation] = []
    for violation in _raw_violations(data, version):
        violations.extend(_leaves(violation))
    return violations


def _raw_violations(data: Any, version: str) -> list[Violation]:
    fast = _rust_validator(version)
    if fast is not None:
        try:
            return [_from_rust(error) for error in fast.iter_errors(data)]
        except (ValueError, TypeError, OverflowError):
            pass  # values JSON cannot hold (NaN, huge integers): the Python backend copes
    return [_from_python(error) for error in _python_validator(version).iter_errors(data)]


@cache
def _rust_validator(version: str) -> Any:
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(meta_schema(version), validate_formats=False)


@cache
def _python_validator(version: str) -> Any:
    from jsonschema import (  # type: ignore[import-untyped]
        Draft4Validator,
        Draft202012Validator,
    )

    schema = meta_schema(version)
    cls = Draft4Validator if version == "3.0" else Draft202012Validator
    return cls(schema)


def _from_rust(error: Any) -> Violation:
    keyword = str(error.kind.name)
    path = tuple(str(token) for token in error.instance_path)
    branches: tuple[tuple[Violation, ...], ...] = ()
    if keyword in _WEAK:
        branches = tuple(tuple(_from_rust(sub) for sub in branch) for branch in error.kind.context)
    detail = error.kind.as_dict() if keyword not in _WEAK else None
    return Violation(
        path, keyword, _message(keyword, error.instance, detail, error.message), branches, detail
    )


def _from_python(error: Any) -> Violation:
    keyword = str(error.validator)
    path = tuple(str(token) for token in error.absolute_path)
    grouped: dict[Any, list[Violation]] = {}
    for sub in error.context or ():
        grouped.setdefault(sub.relative_schema_path[0], []).append(_from_python(sub))
    detail: dict[str, Any] | None = None
    if keyword == "enum":
        detail = {"options": error.validator_value}
    elif keyword == "type":
        detail = {"types": error.validator_value}
    elif keyword == "additionalProperties" and isinstance(error.instance, dict):
        from jsonschema._utils import find_additional_properties  # type: ignore[import-untyped]

        detail = {"unexpected": list(find_additional_properties(error.instance, error.schema))}
    branches = tuple(tuple(group) for _, group in sorted(grouped.items()))
    return Violation(
        path, keyword, _message(keyword, error.instance, detail, error.message), branches, detail
    )


def _message(keyword: str, instance: Any, detail: Any, fallback: str) -> str:
    shown = short(instance)
    if keyword == "enum" and isinstance(detail, dict) and "options" in detail:
        options = list(detail["options"])
        listed = ", ".join(repr(option) for option in options[:8])
        more = ", ..." if len(options) > 8 else ""
        return f"{shown} is not one of [{listed}{more}]"
    if keyword == "type" and isinstance(detail, dict) and "types" in detail:
        types = detail["types"]
        wanted = " or ".join(types) if isinstance(types, list) else str(types)
        return f"{shown} is not of type {wanted}"
    if keyword in _WEAK:
        return f"{shown} matches none of the allowed forms"
    if keyword == "additionalProperties" and isinstance(detail, dict) and detail.get("unexpected"):
        names = [str(name) for name in detail["unexpected"]]
        listed = ", ".join(repr(name) for name in names)
        verb = "was" if len(names) == 1 else "were"
        return f"Additional properties are not allowed ({listed} {verb} unexpected)"
    if keyword == "required" and isinstance(detail, dict) and "property" in detail:
        return f"{detail['property']!r} is a required property"
    return fallback if len(fallback) <= 200 else fallback[:197] + "..."


def short(value: Any) -> str:
    """A value as a message shows it: small ones in full, big ones by their kind."""
    if isinstance(value, dict):
        return "an object" if len(value) > 3 else _clip(value, "an object")
    if isinstance(value, list):
        return "an array" if len(value) > 5 else _clip(value, "an array")
    return _clip(value, "a long string")


def _clip(value: Any, kind: str) -> str:
    text = repr(value)
    return text if len(text) <= 80 else kind


def _leaves(violation: Violation) -> Iterator[Violation]:
    """The errors of the branch the author most plausibly meant, recursively."""
    if violation.keyword not in _WEAK or not violation.branches:
        yield violation
        return
    candidates = [branch for branch in violation.branches if branch]
    if not candidates:
        yield violation
        return
    expanded = [[leaf for v in branch for leaf in _leaves(v)] for branch in candidates]
    best = min(expanded, key=lambda leaves: _branch_rank(leaves, violation.path))
    yield from best


def _branch_rank(leaves: list[Violation], at: tuple[str, ...]) -> tuple[int, int, int]:
    # A branch failing on a discriminating constant (`in: {enum: [query]}`) or on not being a
    # Reference Object is a branch the author did not mean; among the rest, the one that got
    # deepest into the instance before failing is the one being written.
    misses = sum(1 for leaf in leaves if _is_discriminator_miss(leaf, at))
    depth = max(len(leaf.path) for leaf in leaves)
    return misses, -depth, len(leaves)


def _is_discriminator_miss(leaf: Violation, at: tuple[str, ...]) -> bool:
    detail = leaf.detail if isinstance(leaf.detail, dict) else {}
    if leaf.keyword == "required" and leaf.path == at and detail.get("property") == "$ref":
        return True
    if leaf.keyword == "required" and leaf.path == at and "'$ref'" in leaf.message:
        return True
    options = detail.get("options")
    return leaf.keyword in ("enum", "const") and isinstance(options, list) and len(options) == 1
