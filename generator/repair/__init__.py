"""The repair pass: generation is forgiving where validation is strict.

`specgen validate` refuses a document for one bad keyword; `specgen generate` (without
`--strict`) instead edits the loaded document, before the IR is built, so that it validates:
a piece whose intent is clear is repaired (a 3.0-style boolean `exclusiveMinimum` in 3.1,
`const` in 3.0, an unknown `title` on an operation), and a piece that cannot be repaired (one
operation, parameter or schema) is skipped. Every edit is a warning with its own rule id, at the
`file:line:col` of the original text, so it lands in `specgen-report.json`.

What stops generation still: documents that are not OpenAPI 3.x and references that lead
nowhere when the whole document needs them (a client needs what they name, and guessing it
would generate a wrong client). A `$ref` that one piece alone needs (a discriminator mapping
entry, an example, one operation) is repaired or skips that piece: `generator.repair.refs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.diagnostics import Diagnostic, Level, sort_key
from generator.load import SpecSet, pointer_tokens
from generator.repair.edits import Round
from generator.repair.keywords import RULES
from generator.repair.pieces import skip
from generator.repair.refs import one_piece_needs, repair_ref
from generator.validate import Finding, collect_findings, openapi_version, to_diagnostic
from generator.validate.rules import level_of

__all__ = ["REPAIRS", "RepairResult", "repair_spec"]

# Repair rule id -> what it does. Ids are stable: reports and ignore lists name them.
REPAIRS: dict[str, str] = {
    "repair-exclusive-bound": "a boolean `exclusiveMinimum`/`exclusiveMaximum` (3.0 style) in "
    "3.1, or a numeric one (3.1 style) in 3.0, rewritten in the document's own form",
    "repair-const-to-enum": "`const` in a 3.0 schema becomes a one-value `enum`",
    "repair-type-list": "a list `type` in a 3.0 schema becomes one type (+ `nullable: true`)",
    "repair-recursive-ref": "2019-09 `$recursiveAnchor`/`$recursiveRef` become a plain `$ref` "
    "to the schema holding the anchor",
    "repair-unknown-field": "a field the object does not allow (`title` on an operation) is "
    "ignored",
    "repair-path-param-required": "a path parameter without `required: true` is made required",
    "repair-path-param-declared": "a `{name}` in a path template with no parameter gets a "
    "string path parameter",
    "repair-operation-id-duplicate": "a repeated operationId gets a numbered suffix",
    "repair-example-and-examples": "a parameter or media type with both `example` and "
    "`examples` keeps `examples`",
    "repair-server-variable-default": "a server variable's `default` outside its `enum` is "
    "added to the enum",
    "repair-tag-duplicate": "a second tag with the same name is dropped",
    "repair-security-undeclared": "a security requirement naming an undeclared scheme is dropped",
    "repair-default-dropped": "a schema `default` of the wrong type (3.0 MUST) is dropped",
    "repair-required-filled": "a response without `description` gets an empty one; an "
    "operation without `responses` gets a `default` one without a body",
    "repair-duplicate-key": "a mapping key written twice keeps its second value (as loaded)",
    "repair-discriminator-mapping": "a discriminator mapping entry whose `$ref` leads nowhere "
    "is dropped (the `oneOf`/`anyOf` still decides)",
    "skip-example": "an example whose `$ref` leads nowhere is left out",
    "skip-parameter": "a parameter that cannot be repaired is left out",
    "skip-operation": "an operation that cannot be repaired (or holds a `$ref` that leads "
    "nowhere) is left out",
    "skip-schema": "a schema that cannot be repaired accepts any value (its description kept)",
    "skip-response": "a response that cannot be repaired keeps only its description (no body)",
    "skip-header": "a response header that cannot be repaired is left out",
    "skip-tag": "a tag declaration that cannot be repaired is left out",
    "skip-server": "a server entry that cannot be repaired is left out",
}

# Findings no edit can fix: the document is not one specgen reads, or a reference is missing.
_FATAL = frozenset(
    {
        "swagger-2",
        "not-openapi",
        "openapi-version-unsupported",
        "ref-unresolved",
        "ref-escape",
        "ref-cycle",
        "internal-error",
    }
)
_MAX_ROUNDS = 6


@dataclass
class RepairResult:
    """`diagnostics`: validation warnings and one warning per edit; `fatal`: what still stops
    generation (empty when the repaired document validates)."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    fatal: list[Diagnostic] = field(default_factory=list)

    @property
    def repairs(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.rule in REPAIRS]


def repair_spec(spec: SpecSet) -> RepairResult:
    """Validate `spec` and edit its documents in place until only warnings (or fatal) remain."""
    result = RepairResult()
    version = openapi_version(spec.root.data) or "3.1"
    for _ in range(_MAX_ROUNDS):
        findings = [_accepted(f) for f in collect_findings(spec)]
        errors = [f for f in findings if level_of(f.rule) is Level.ERROR]
        local = [
            f
            for f in errors
            if f.rule not in _FATAL or one_piece_needs(f, pointer_tokens(f.pointer))
        ]
        round_ = Round(version)
        # Deepest first: a keyword is repaired before its enclosing piece would be dropped.
        for finding in sorted(local, key=lambda f: -f.pointer.count("/")):
            place = (id(finding.document), finding.pointer)
            if place not in round_.handled and not round_.inside_dropped(
                finding.document, finding.pointer
            ):
                round_.handled.add(place)
                _repair(finding, round_)
        for items, index in sorted(round_.removals, key=lambda r: -r[1]):
            if index < len(items):
                del items[index]
        if not round_.notes:  # nothing more can be edited: what is left stops generation
            warnings = [f for f in findings if f not in errors]
            result.diagnostics = _sorted([*result.diagnostics, *_diagnostics(warnings)])
            result.fatal = _diagnostics(errors)
            return result
        result.diagnostics += round_.notes
    findings = [_accepted(f) for f in collect_findings(spec)]
    result.fatal = _diagnostics([f for f in findings if level_of(f.rule) is Level.ERROR])
    warnings = [f for f in findings if level_of(f.rule) is not Level.ERROR]
    result.diagnostics = _sorted([*result.diagnostics, *_diagnostics(warnings)])
    return result


def _accepted(finding: Finding) -> Finding:
    """Errors generation takes as the loader read them: a duplicate key keeps its second value
    (what every YAML and JSON library does), reported as a warning."""
    if finding.rule != "duplicate-key":
        return finding
    message = f"{finding.message}; generation uses the second value"
    return replace(finding, rule="repair-duplicate-key", message=message)


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(dict.fromkeys(diagnostics), key=lambda d: (*sort_key(d), d.pointer))


def _diagnostics(findings: list[Finding]) -> list[Diagnostic]:
    return list(dict.fromkeys(to_diagnostic(f) for f in findings))


# -- the rules ------------------------------------------------------------------------------------


def _repair(finding: Finding, round_: Round) -> None:
    data = finding.document.data
    tokens = pointer_tokens(finding.pointer)
    if repair_ref(finding, tokens, data, round_):
        return
    for rule in RULES:
        if rule(finding, tokens, data, round_):
            return
    skip(finding, tokens, data, round_)
