"""The rules written out one by one: operations, parameters, bodies, responses, security,
servers, and the object-structure facts of schemas. Plain data with string levels, merged into
the table by `generator.diff.rules` (as `keyword_rules` is).
"""

from __future__ import annotations

from generator.diff import keyword_rules

B, W, I = "breaking", "warning", "info"  # noqa: E741

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

# (id, area, kind, level, template). `{where}` names the place; other fields come from the change.
EXPLICIT: tuple[tuple[str, str, str, str, str], ...] = (
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
