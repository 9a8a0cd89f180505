"""The catalogue of validation rules: a stable kebab-case id, a level and what it means.

Levels follow "validation is strict, generation forgiving": a finding that does not stop code
generation is a warning; `--strict` (used for the curated specs) turns warnings into errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Level


@dataclass(frozen=True)
class Rule:
    level: Level
    summary: str


_E, _W = Level.ERROR, Level.WARNING

RULES: dict[str, Rule] = {
    # Reading the file (raised by generator.load).
    "unreadable": Rule(_E, "the file cannot be read, is binary or is not UTF-8"),
    "too-large": Rule(_E, "the file is too large to be a specification"),
    "syntax": Rule(_E, "YAML or JSON syntax error"),
    "empty-document": Rule(_E, "the document is empty"),
    "not-a-mapping": Rule(_E, "the top level is not a mapping"),
    "too-deep": Rule(_E, "nesting deeper than the loader accepts"),
    "alias-bomb": Rule(_E, "YAML aliases expand to an unreasonable size"),
    "recursive-alias": Rule(_E, "a YAML alias refers to its own ancestor"),
    # The document as a whole.
    "swagger-2": Rule(_E, "a Swagger 2.0 document, not OpenAPI 3"),
    "not-openapi": Rule(_E, "no `openapi` version field: not an OpenAPI document"),
    "openapi-version-unsupported": Rule(_E, "an OpenAPI version other than 3.0.x or 3.1.x"),
    "structure": Rule(_E, "the document breaks the official OpenAPI meta-schema"),
    "info-version-missing": Rule(_W, "`info.version` is missing"),
    # References.
    "ref-unresolved": Rule(_E, "a `$ref` points to nothing"),
    # Not fetched, so not checked: a warning; generation stops only if the client needs it.
    "ref-remote": Rule(_W, "a remote `$ref`, not fetched (accepted silently with --allow-remote)"),
    "ref-escape": Rule(_E, "a relative `$ref` leaves the specification's folder"),
    "ref-cycle": Rule(_E, "a chain of `$ref`s that only points to itself"),
    # Operations and parameters.
    "operation-id-duplicate": Rule(_E, "two operations share an operationId"),
    "path-param-undeclared": Rule(_E, "a `{name}` in a path template has no path parameter"),
    "path-param-unused": Rule(_E, "a path parameter does not appear in the path template"),
    "path-param-not-required": Rule(_E, "a path parameter is not `required: true`"),
    "example-and-examples": Rule(_E, "`example` and `examples` side by side (mutually exclusive)"),
    # The document as a whole.
    "tag-duplicate": Rule(_E, "two tags share a name (tag names MUST be unique)"),
    "server-variable-default": Rule(_E, "3.1: a server variable's default is not in its enum"),
    "server-variable-default-30": Rule(_W, "3.0: a server variable's default is not in its enum"),
    "security-undeclared": Rule(_E, "a security requirement names an undeclared scheme"),
    "duplicate-key": Rule(_E, "a mapping key appears twice (the second silently wins)"),
    # What `specgen generate` reports instead (its other repair ids: generator.repair.REPAIRS).
    "repair-duplicate-key": Rule(_W, "generation keeps the second value of a duplicate key"),
    # Schemas.
    "default-type-mismatch": Rule(_E, "3.0: a default not of the schema's type (a MUST)"),
    # Legal JSON Schema (the name may arrive through additionalProperties): a smell, not a stop.
    "required-missing-property": Rule(_W, "a `required` name is not among the properties"),
    "required-duplicate": Rule(_W, "a name appears twice in `required`"),
    # The models keep the values that fit (or write them as strings): generation can go on.
    "enum-type-mismatch": Rule(_W, "an enum value does not match the schema's type"),
    "pattern-unsupported": Rule(_W, "a regex Python cannot compile (ECMA-only syntax)"),
    "default-invalid": Rule(_W, "a default value breaks its schema"),
    "example-invalid": Rule(_W, "an example breaks its schema"),
    # specgen itself.
    "internal-error": Rule(_E, "specgen failed on this file (a bug: please report it)"),
}


def level_of(rule: str) -> Level:
    known = RULES.get(rule)
    return known.level if known else Level.ERROR
