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
from generator.diff.core_rules import (
    CALLBACK as CALLBACK,
)
from generator.diff.core_rules import (
    CALLBACK_PAYLOAD as CALLBACK_PAYLOAD,
)
from generator.diff.core_rules import (
    CALLBACK_REPLY as CALLBACK_REPLY,
)
from generator.diff.core_rules import EXPLICIT
from generator.diff.core_rules import (
    OPERATION as OPERATION,
)
from generator.diff.core_rules import (
    PARAMETER as PARAMETER,
)
from generator.diff.core_rules import (
    REQUEST_BODY as REQUEST_BODY,
)
from generator.diff.core_rules import (
    REQUEST_PROPERTY as REQUEST_PROPERTY,
)
from generator.diff.core_rules import (
    RESPONSE as RESPONSE,
)
from generator.diff.core_rules import (
    RESPONSE_HEADER as RESPONSE_HEADER,
)
from generator.diff.core_rules import (
    RESPONSE_PROPERTY as RESPONSE_PROPERTY,
)
from generator.diff.core_rules import (
    SECURITY as SECURITY,
)
from generator.diff.core_rules import (
    SERVER as SERVER,
)


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
# Every explicit rule, with its level as a Severity: the core table, then round 2's.
_EXPLICIT: tuple[tuple[str, str, str, Severity, str], ...] = tuple(
    (rule_id, area, kind, Severity(level), template)
    for rule_id, area, kind, level, template in (*EXPLICIT, *keyword_rules.EXPLICIT)
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
