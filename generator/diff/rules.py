"""The rule table: what each structural change means for an existing client.

The structural diff (`generator.diff.schema`, `generator.diff.operations`) reports facts such
as "enum value added" in "response property"; this module is the only place that judges them.
A rule is keyed by (area, kind); the area fixes the direction, and the direction decides the
level: narrowing what a request accepts or widening what a response may return is breaking.

Ids reuse oasdiff's where the meaning matches, so teams moving between tools keep their
ignore lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from generator.diff import keyword_rules


class Severity(StrEnum):
    BREAKING = "breaking"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "breaking": 2}[self.value]


class Direction(StrEnum):
    REQUEST = "request"
    RESPONSE = "response"
    NONE = "none"


B, W, I = Severity.BREAKING, Severity.WARNING, Severity.INFO  # noqa: E741


@dataclass(frozen=True)
class Rule:
    id: str
    level: Severity
    direction: Direction
    area: str
    kind: str
    template: str


# Areas whose rules are written out one by one.
OPERATION = "operation"
PARAMETER = "request-parameter"
REQUEST_BODY = "request-body"
RESPONSE = "response"
SECURITY = "security"
SERVER = "server"
# Areas where a schema is compared; their rules are the product of a context and a kind.
REQUEST_PROPERTY = "request-property"
RESPONSE_PROPERTY = "response-property"
RESPONSE_HEADER = "response-header"
# Webhooks and callbacks: the API calls the consumer, so what it sends (the payload) is judged
# like a response and what the consumer answers (the reply) like a request.
CALLBACK = keyword_rules.CALLBACK
CALLBACK_PAYLOAD = "callback-payload"
CALLBACK_REPLY = "callback-reply"

_AREA_DIRECTION = {
    OPERATION: Direction.NONE,
    SERVER: Direction.NONE,
    PARAMETER: Direction.REQUEST,
    REQUEST_BODY: Direction.REQUEST,
    REQUEST_PROPERTY: Direction.REQUEST,
    SECURITY: Direction.REQUEST,
    RESPONSE: Direction.RESPONSE,
    RESPONSE_PROPERTY: Direction.RESPONSE,
    RESPONSE_HEADER: Direction.RESPONSE,
    CALLBACK: Direction.NONE,
    CALLBACK_PAYLOAD: Direction.RESPONSE,
    CALLBACK_REPLY: Direction.REQUEST,
}

# (id, area, kind, level, template). `{where}` names the place; other fields come from the change.
_EXPLICIT: tuple[tuple[str, str, str, Severity, str], ...] = (
    # Operations
    ("endpoint-added", OPERATION, "added", I, "endpoint added"),
    (
        "api-removed-without-deprecation",
        OPERATION,
        "removed",
        B,
        "endpoint removed without being deprecated first",
    ),
    (
        "api-removed-before-sunset",
        OPERATION,
        "removed-before-sunset",
        B,
        "endpoint removed before its sunset date {sunset}",
    ),
    ("deprecated-api-removed", OPERATION, "removed-deprecated", I, "deprecated endpoint removed"),
    ("endpoint-deprecated", OPERATION, "deprecated", I, "endpoint deprecated"),
    ("endpoint-reactivated", OPERATION, "undeprecated", I, "endpoint no longer deprecated"),
    ("api-sunset-date-added", OPERATION, "sunset-added", I, "sunset date {new} set"),
    ("api-sunset-deleted", OPERATION, "sunset-removed", I, "sunset date {old} removed"),
    (
        "api-sunset-date-changed-too-small",
        OPERATION,
        "sunset-earlier",
        W,
        "sunset date moved earlier, from {old} to {new}",
    ),
    (
        "api-sunset-date-changed",
        OPERATION,
        "sunset-later",
        I,
        "sunset date moved later, from {old} to {new}",
    ),
    ("api-operation-id-added", OPERATION, "operation-id-added", I, "operationId {new} added"),
    (
        "api-operation-id-removed",
        OPERATION,
        "operation-id-removed",
        W,
        "operationId {old} removed (generated method names change)",
    ),
    (
        "api-operation-id-changed",
        OPERATION,
        "operation-id-changed",
        W,
        "operationId changed from {old} to {new} (generated method names change)",
    ),
    ("api-tag-added", OPERATION, "tag-added", I, "tag {value} added"),
    ("api-tag-removed", OPERATION, "tag-removed", I, "tag {value} removed"),
    # Parameters (the parameter itself; its schema is a context below)
    ("new-required-request-parameter", PARAMETER, "required-added", B, "{where} added as required"),
    ("new-optional-request-parameter", PARAMETER, "optional-added", I, "{where} added"),
    ("request-parameter-removed", PARAMETER, "removed", W, "{where} removed"),
    (
        "request-parameter-became-required",
        PARAMETER,
        "parameter-became-required",
        B,
        "{where} became required",
    ),
    (
        "request-parameter-became-optional",
        PARAMETER,
        "parameter-became-optional",
        I,
        "{where} became optional",
    ),
    (
        "request-parameter-style-changed",
        PARAMETER,
        "style-changed",
        B,
        "{where} style changed from {old} to {new}",
    ),
    (
        "request-parameter-explode-changed",
        PARAMETER,
        "explode-changed",
        B,
        "{where} explode changed from {old} to {new}",
    ),
    # Request bodies
    (
        "request-body-added-required",
        REQUEST_BODY,
        "required-added",
        B,
        "required request body added",
    ),
    (
        "request-body-added-optional",
        REQUEST_BODY,
        "optional-added",
        I,
        "optional request body added",
    ),
    ("request-body-removed", REQUEST_BODY, "removed", W, "request body removed"),
    (
        "request-body-became-required",
        REQUEST_BODY,
        "became-required",
        B,
        "request body became required",
    ),
    (
        "request-body-became-optional",
        REQUEST_BODY,
        "became-optional",
        I,
        "request body became optional",
    ),
    (
        "request-body-media-type-added",
        REQUEST_BODY,
        "media-type-added",
        I,
        "request body media type {media} added",
    ),
    (
        "request-body-media-type-removed",
        REQUEST_BODY,
        "media-type-removed",
        B,
        "request body media type {media} removed",
    ),
    # Responses
    (
        "response-success-status-added",
        RESPONSE,
        "success-status-added",
        I,
        "response {status} added",
    ),
    (
        "response-success-status-removed",
        RESPONSE,
        "success-status-removed",
        B,
        "response {status} removed",
    ),
    (
        "response-non-success-status-added",
        RESPONSE,
        "non-success-status-added",
        I,
        "response {status} added",
    ),
    (
        "response-non-success-status-removed",
        RESPONSE,
        "non-success-status-removed",
        W,
        "response {status} removed",
    ),
    (
        "response-media-type-added",
        RESPONSE,
        "media-type-added",
        I,
        "response {status} media type {media} added",
    ),
    (
        "response-media-type-removed",
        RESPONSE,
        "media-type-removed",
        B,
        "response {status} media type {media} removed",
    ),
    ("response-header-added", RESPONSE, "header-added", I, "{where} added"),
    ("required-response-header-removed", RESPONSE, "required-header-removed", B, "{where} removed"),
    ("optional-response-header-removed", RESPONSE, "optional-header-removed", I, "{where} removed"),
    (
        "response-header-became-optional",
        RESPONSE,
        "header-became-optional",
        B,
        "{where} became optional",
    ),
    (
        "response-header-became-required",
        RESPONSE,
        "header-became-required",
        I,
        "{where} became required",
    ),
    # Security (per operation, effective requirements: operation's, else the document's)
    ("api-security-added", SECURITY, "added", B, "security {value} now required (was none)"),
    ("api-security-removed", SECURITY, "removed", I, "security no longer required"),
    (
        "api-security-alternative-added",
        SECURITY,
        "alternative-added",
        I,
        "security alternative {value} added",
    ),
    (
        "api-security-alternative-removed",
        SECURITY,
        "alternative-removed",
        B,
        "security alternative {value} removed",
    ),
    (
        "api-security-scope-added",
        SECURITY,
        "scope-added",
        B,
        "scope {scope} now required for {scheme}",
    ),
    (
        "api-security-scope-removed",
        SECURITY,
        "scope-removed",
        I,
        "scope {scope} no longer required for {scheme}",
    ),
    (
        "security-scheme-type-changed",
        SECURITY,
        "scheme-type-changed",
        B,
        "security scheme {scheme} type changed from {old} to {new}",
    ),
    (
        "security-scheme-http-scheme-changed",
        SECURITY,
        "scheme-http-changed",
        B,
        "security scheme {scheme} HTTP scheme changed from {old} to {new}",
    ),
    (
        "security-scheme-api-key-changed",
        SECURITY,
        "scheme-api-key-changed",
        B,
        "security scheme {scheme} API key moved from {old} to {new}",
    ),
    (
        "security-scheme-oauth-flow-added",
        SECURITY,
        "scheme-flow-added",
        I,
        "security scheme {scheme} OAuth flow {flow} added",
    ),
    (
        "security-scheme-oauth-flow-removed",
        SECURITY,
        "scheme-flow-removed",
        B,
        "security scheme {scheme} OAuth flow {flow} removed",
    ),
    (
        "security-scheme-oauth-url-changed",
        SECURITY,
        "scheme-url-changed",
        W,
        "security scheme {scheme} flow {flow} {field} changed from {old} to {new}",
    ),
    (
        "security-scheme-oauth-scope-added",
        SECURITY,
        "scheme-scope-added",
        I,
        "security scheme {scheme} flow {flow} scope {scope} added",
    ),
    (
        "security-scheme-oauth-scope-removed",
        SECURITY,
        "scheme-scope-removed",
        W,
        "security scheme {scheme} flow {flow} scope {scope} removed",
    ),
    # Servers
    ("api-server-added", SERVER, "added", I, "server {url} added"),
    ("api-server-removed", SERVER, "removed", W, "server {url} removed"),
    (
        "api-server-variable-enum-value-added",
        SERVER,
        "variable-enum-value-added",
        I,
        "server {url} variable {name}: value {value} added",
    ),
    (
        "api-server-variable-enum-value-removed",
        SERVER,
        "variable-enum-value-removed",
        B,
        "server {url} variable {name}: value {value} removed",
    ),
    (
        "api-server-variable-default-changed",
        SERVER,
        "variable-default-changed",
        W,
        "server {url} variable {name} default changed from {old} to {new}",
    ),
    # Object structure. Parameter and header schemas that are objects use these too.
    (
        "new-required-request-property",
        REQUEST_PROPERTY,
        "required-property-added",
        B,
        "{where} added as required",
    ),
    (
        "new-optional-request-property",
        REQUEST_PROPERTY,
        "optional-property-added",
        I,
        "{where} added",
    ),
    (
        "request-property-removed",
        REQUEST_PROPERTY,
        "required-property-removed",
        W,
        "{where} removed",
    ),
    (
        "request-optional-property-removed",
        REQUEST_PROPERTY,
        "optional-property-removed",
        W,
        "{where} removed",
    ),
    (
        "request-property-became-required",
        REQUEST_PROPERTY,
        "became-required",
        B,
        "{where} became required",
    ),
    (
        "request-property-became-optional",
        REQUEST_PROPERTY,
        "became-optional",
        I,
        "{where} became optional",
    ),
    (
        "request-property-became-read-only",
        REQUEST_PROPERTY,
        "became-read-only",
        W,
        "{where} became read-only (the server now ignores it)",
    ),
    (
        "request-property-became-not-read-only",
        REQUEST_PROPERTY,
        "became-not-read-only",
        I,
        "{where} is no longer read-only",
    ),
    (
        "response-required-property-added",
        RESPONSE_PROPERTY,
        "required-property-added",
        I,
        "{where} added",
    ),
    (
        "response-optional-property-added",
        RESPONSE_PROPERTY,
        "optional-property-added",
        I,
        "{where} added",
    ),
    (
        "response-required-property-removed",
        RESPONSE_PROPERTY,
        "required-property-removed",
        B,
        "required {where} removed",
    ),
    (
        "response-optional-property-removed",
        RESPONSE_PROPERTY,
        "optional-property-removed",
        I,
        "optional {where} removed",
    ),
    (
        "response-property-became-optional",
        RESPONSE_PROPERTY,
        "became-optional",
        B,
        "{where} became optional",
    ),
    (
        "response-property-became-required",
        RESPONSE_PROPERTY,
        "became-required",
        I,
        "{where} became required",
    ),
    (
        "response-property-became-write-only",
        RESPONSE_PROPERTY,
        "became-write-only",
        W,
        "{where} became write-only (no longer returned)",
    ),
    (
        "response-property-became-not-write-only",
        RESPONSE_PROPERTY,
        "became-not-write-only",
        I,
        "{where} is no longer write-only",
    ),
)

# Schema facts that mean the same wherever a value appears:
# (kind, level when the value is sent by the client, level when it is returned, template).
_VALUE_KINDS: tuple[tuple[str, Severity, Severity, str], ...] = (
    ("type-changed", B, B, "{where} type changed from {old} to {new}"),
    ("type-generalized", I, B, "{where} type widened from {old} to {new}"),
    ("type-narrowed", B, I, "{where} type narrowed from {old} to {new}"),
    # Generated clients keep unknown enum values as plain strings, so a new response value
    # never fails parsing; it is a warning because code matching on the enum may not expect it.
    ("enum-value-added", I, W, "{where}: enum value {value} added"),
    ("enum-value-removed", B, I, "{where}: enum value {value} removed"),
    ("became-enum", B, I, "{where} became an enum of {new}"),
    ("became-not-enum", I, W, "{where} is no longer restricted to an enum"),
    ("max-increased", I, B, "{where} maximum raised from {old} to {new}"),
    ("max-decreased", B, I, "{where} maximum lowered from {old} to {new}"),
    ("min-increased", B, I, "{where} minimum raised from {old} to {new}"),
    ("min-decreased", I, B, "{where} minimum lowered from {old} to {new}"),
    ("max-length-increased", I, B, "{where} maxLength raised from {old} to {new}"),
    ("max-length-decreased", B, I, "{where} maxLength lowered from {old} to {new}"),
    ("min-length-increased", B, I, "{where} minLength raised from {old} to {new}"),
    ("min-length-decreased", I, B, "{where} minLength lowered from {old} to {new}"),
    ("max-items-increased", I, B, "{where} maxItems raised from {old} to {new}"),
    ("max-items-decreased", B, I, "{where} maxItems lowered from {old} to {new}"),
    ("min-items-increased", B, I, "{where} minItems raised from {old} to {new}"),
    ("min-items-decreased", I, B, "{where} minItems lowered from {old} to {new}"),
    ("max-properties-increased", I, B, "{where} maxProperties raised from {old} to {new}"),
    ("max-properties-decreased", B, I, "{where} maxProperties lowered from {old} to {new}"),
    ("min-properties-increased", B, I, "{where} minProperties raised from {old} to {new}"),
    ("min-properties-decreased", I, B, "{where} minProperties lowered from {old} to {new}"),
    ("multiple-of-added", B, I, "{where} must now be a multiple of {new}"),
    ("multiple-of-removed", I, B, "{where} no longer has to be a multiple of {old}"),
    ("multiple-of-widened", I, B, "{where} multipleOf relaxed from {old} to {new}"),
    ("multiple-of-narrowed", B, I, "{where} multipleOf tightened from {old} to {new}"),
    ("multiple-of-changed", B, B, "{where} multipleOf changed from {old} to {new}"),
    ("became-unique", B, I, "{where} items must now be unique"),
    # A response list that may now repeat items still parses (the models keep a list); code
    # that relied on uniqueness may not expect it.
    ("became-not-unique", I, W, "{where} items are no longer required to be unique"),
    ("pattern-added", B, I, "{where} pattern {new} added"),
    ("pattern-changed", W, W, "{where} pattern changed from {old} to {new}"),
    ("pattern-removed", I, B, "{where} pattern {old} removed"),
    ("default-value-added", W, I, "{where} default {new} added"),
    ("default-value-changed", W, I, "{where} default changed from {old} to {new}"),
    ("default-value-removed", W, I, "{where} default {old} removed"),
    ("became-nullable", I, B, "{where} became nullable"),
    ("became-not-nullable", B, I, "{where} is no longer nullable"),
    ("one-of-added", I, B, "{where}: oneOf alternative {value} added"),
    ("one-of-removed", B, I, "{where}: oneOf alternative {value} removed"),
    ("any-of-added", I, B, "{where}: anyOf alternative {value} added"),
    ("any-of-removed", B, I, "{where}: anyOf alternative {value} removed"),
    ("additional-properties-narrowed", B, I, "{where} no longer allows additional properties"),
    # Generated models ignore unknown fields, so a response that may carry more is harmless.
    ("additional-properties-widened", I, I, "{where} now allows additional properties"),
    ("discriminator-added", W, W, "{where} discriminator on {new} added"),
    ("discriminator-removed", W, W, "{where} discriminator on {old} removed"),
    (
        "discriminator-property-changed",
        B,
        B,
        "{where} discriminator property changed from {old} to {new}",
    ),
    ("discriminator-mapping-added", I, W, "{where} discriminator value {value} added"),
    ("discriminator-mapping-removed", B, I, "{where} discriminator value {value} removed"),
    ("deprecated", I, I, "{where} deprecated"),
)

_VALUE_KINDS += tuple(
    (kind, Severity(request), Severity(response), template)
    for kind, request, response, template in keyword_rules.VALUE_KINDS
)
_EXPLICIT += tuple(
    (rule_id, area, kind, Severity(level), template)
    for rule_id, area, kind, level, template in keyword_rules.EXPLICIT
)

VALUE_AREAS = (
    PARAMETER,
    REQUEST_PROPERTY,
    RESPONSE_PROPERTY,
    RESPONSE_HEADER,
    CALLBACK_PAYLOAD,
    CALLBACK_REPLY,
)
# Object-structure kinds found under a parameter or header schema are judged like properties.
OBJECT_AREA = {
    PARAMETER: REQUEST_PROPERTY,
    REQUEST_PROPERTY: REQUEST_PROPERTY,
    RESPONSE_PROPERTY: RESPONSE_PROPERTY,
    RESPONSE_HEADER: RESPONSE_PROPERTY,
    CALLBACK_PAYLOAD: RESPONSE_PROPERTY,
    CALLBACK_REPLY: REQUEST_PROPERTY,
}


def _build_rules() -> tuple[Rule, ...]:
    rules = [
        Rule(rule_id, level, _AREA_DIRECTION[area], area, kind, template)
        for rule_id, area, kind, level, template in _EXPLICIT
    ]
    for area in VALUE_AREAS:
        direction = _AREA_DIRECTION[area]
        for kind, request_level, response_level, template in _VALUE_KINDS:
            level = request_level if direction is Direction.REQUEST else response_level
            rules.append(Rule(f"{area}-{kind}", level, direction, area, kind, template))
    return tuple(rules)


RULES: tuple[Rule, ...] = _build_rules()
RULES_BY_ID: Mapping[str, Rule] = {rule.id: rule for rule in RULES}
_RULES_BY_KEY: Mapping[tuple[str, str], Rule] = {(rule.area, rule.kind): rule for rule in RULES}
OBJECT_KINDS = frozenset(
    kind for _, area, kind, _, _ in _EXPLICIT if area in (REQUEST_PROPERTY, RESPONSE_PROPERTY)
)
# Transitions into read-only/write-only are news about that flag itself, so the flag's
# exemption must not hide them.
EXEMPTION_IMMUNE = frozenset(
    {"became-read-only", "became-not-read-only", "became-write-only", "became-not-write-only"}
)


def rule_for(area: str, kind: str) -> Rule | None:
    """The rule judging `kind` in `area`, or None when the fact carries no meaning there."""
    if kind in OBJECT_KINDS:
        area = OBJECT_AREA.get(area, area)
    return _RULES_BY_KEY.get((area, kind))


def inner_effect(kind: str) -> tuple[bool, bool]:
    """(narrows, widens): whether a schema fact removes values the schema accepted (a request
    would break) and whether it adds values (a response would break). Both for a change of
    type; neither for what carries no direction."""
    sent = rule_for(REQUEST_PROPERTY, kind)
    received = rule_for(RESPONSE_PROPERTY, kind)
    narrows = sent is not None and sent.level is Severity.BREAKING
    # Some widenings are only warnings for our lenient clients (enum value added); they still
    # add values, which is what counts here.
    widens = received is not None and (
        received.level is Severity.BREAKING
        or (sent is not None and sent.level is Severity.INFO and received.level is Severity.WARNING)
    )
    return narrows, widens
