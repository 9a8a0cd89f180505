"""Rules added in round 2 of the contract diff: JSON Schema keywords beyond the 3.0 core, a
directional `format`, `const`, schemas wrapped in a `oneOf`, invalid sunsets, webhooks and
callbacks. Plain data, merged into the table by `generator.diff.rules`; levels are the
strings of `Severity` so this module needs nothing from the table it feeds.
"""

from __future__ import annotations

B, W, I = "breaking", "warning", "info"  # noqa: E741

# (kind, level when the client sends the value, level when it receives it, template).
VALUE_KINDS: tuple[tuple[str, str, str, str], ...] = (
    # A format narrows what a value may be; no format is the widest.
    ("format-added", B, I, "{where} format {new} added"),
    ("format-removed", I, B, "{where} format {old} removed"),
    ("format-widened", I, B, "{where} format widened from {old} to {new}"),
    ("format-narrowed", B, I, "{where} format narrowed from {old} to {new}"),
    ("format-changed", B, B, "{where} format changed from {old} to {new}"),
    ("const-added", B, I, "{where} must now be {new}"),
    ("const-removed", I, B, "{where} no longer has to be {old}"),
    ("const-changed", B, B, "{where} constant changed from {old} to {new}"),
    (
        "wrapped-in-one-of",
        B,
        B,
        "{where} wrapped in a oneOf that rejects old values: {reason}",
    ),
    (
        "wrapped-in-one-of-original-preserved",
        I,
        B,
        "{where} wrapped in a oneOf; alternative {value} keeps the old shape",
    ),
    ("contains-added", B, I, "{where} must now contain a matching item (contains added)"),
    ("contains-removed", I, B, "{where} no longer has to contain a matching item"),
    ("min-contains-increased", B, I, "{where} minContains raised from {old} to {new}"),
    ("min-contains-decreased", I, B, "{where} minContains lowered from {old} to {new}"),
    ("max-contains-increased", I, B, "{where} maxContains raised from {old} to {new}"),
    ("max-contains-decreased", B, I, "{where} maxContains lowered from {old} to {new}"),
    ("property-names-added", B, I, "{where} property names now constrained (propertyNames)"),
    ("property-names-removed", I, B, "{where} property names no longer constrained"),
    ("dependent-required-added", B, I, "{where} now requires {value}"),
    ("dependent-required-removed", I, B, "{where} no longer requires {value}"),
    ("dependent-schema-added", B, I, "{where} dependent schema for {value} added"),
    ("dependent-schema-removed", I, B, "{where} dependent schema for {value} removed"),
    ("pattern-property-added", B, I, "{where} pattern property {value} added"),
    ("pattern-property-removed", I, B, "{where} pattern property {value} removed"),
    ("unevaluated-items-added", B, I, "{where} unevaluatedItems constraint added"),
    ("unevaluated-items-removed", I, B, "{where} unevaluatedItems constraint removed"),
    ("unevaluated-properties-added", B, I, "{where} unevaluatedProperties constraint added"),
    # Generated models ignore fields they do not know, as for additionalProperties.
    ("unevaluated-properties-removed", I, I, "{where} unevaluatedProperties constraint removed"),
    ("content-schema-added", B, I, "{where} contentSchema added"),
    ("content-schema-removed", I, B, "{where} contentSchema removed"),
    ("content-media-type-changed", B, B, "{where} contentMediaType changed from {old} to {new}"),
    ("content-encoding-changed", B, B, "{where} contentEncoding changed from {old} to {new}"),
    ("if-added", B, I, "{where} conditional (if) added"),
    ("if-removed", I, B, "{where} conditional (if) removed"),
    ("if-changed", W, W, "{where} condition (if) changed: other values now meet then/else"),
    ("then-added", B, I, "{where} then branch added"),
    ("then-removed", I, B, "{where} then branch removed"),
    ("else-added", B, I, "{where} else branch added"),
    ("else-removed", I, B, "{where} else branch removed"),
    ("prefix-items-added", I, B, "{where} prefixItems position {value} added"),
    ("prefix-items-removed", B, I, "{where} prefixItems position {value} removed"),
    ("not-added", B, I, "{where} now excludes values (not added)"),
    ("not-removed", I, B, "{where} no longer excludes values (not removed)"),
    ("not-narrowed", B, I, "{where} excludes more values (change inside not)"),
    ("not-widened", I, B, "{where} excludes fewer values (change inside not)"),
)

OPERATION = "operation"
CALLBACK = "callback"
PARAMETER = "request-parameter"
RESPONSE_HEADER = "response-header"

# (id, area, kind, level, template), as in the table's explicit part.
EXPLICIT: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "api-deprecated-sunset-parse",
        OPERATION,
        "sunset-invalid",
        B,
        "x-sunset {new} is not a date (YYYY-MM-DD), so no one can plan for it",
    ),
    (
        "api-path-sunset-parse",
        OPERATION,
        "removed-sunset-invalid",
        B,
        "endpoint removed; its x-sunset {sunset} is not a date",
    ),
    # Parameters and headers travel as text: a type change JSON cannot compare may leave every
    # old text valid (`?n=5` is a number and a string).
    (
        "request-parameter-type-compatible",
        PARAMETER,
        "type-compatible",
        I,
        "{where} type changed from {old} to {new}; as text, every old value is still accepted",
    ),
    (
        "response-header-type-compatible",
        RESPONSE_HEADER,
        "type-compatible",
        I,
        "{where} type changed from {old} to {new}; as text, every new value was allowed before",
    ),
    ("webhook-added", CALLBACK, "webhook-added", I, "webhook added"),
    ("webhook-removed", CALLBACK, "webhook-removed", B, "webhook removed"),
    ("callback-added", CALLBACK, "added", I, "{where} added"),
    ("callback-removed", CALLBACK, "removed", B, "{where} removed"),
)
