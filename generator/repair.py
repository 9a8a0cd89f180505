"""The repair pass: generation is forgiving where validation is strict.

`specgen validate` refuses a document for one bad keyword; `specgen generate` (without
`--strict`) instead edits the loaded document, before the IR is built, so that it validates:
a piece whose intent is clear is repaired (a 3.0-style boolean `exclusiveMinimum` in 3.1,
`const` in 3.0, an unknown `title` on an operation), and a piece that cannot be repaired (one
operation, parameter or schema) is skipped. Every edit is a warning with its own rule id, at the
`file:line:col` of the original text, so it lands in `specgen-report.json`.

What stops generation still: documents that are not OpenAPI 3.x and references that lead
nowhere (a client needs what they name, and guessing it would generate a wrong client).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, Level, pointer_join
from generator.load import Document, SpecSet, pointer_tokens
from generator.validate import Finding, collect_findings, openapi_version, to_diagnostic
from generator.validate.rules import level_of

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
    "skip-parameter": "a parameter that cannot be repaired is left out",
    "skip-operation": "an operation that cannot be repaired is left out",
    "skip-schema": "a schema that cannot be repaired accepts any value (its description kept)",
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
_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
_UNEXPECTED = re.compile(r"\((.*) (?:was|were) unexpected\)")
_TEMPLATE_NAME = re.compile(r"{([^{}/]+)}")
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


@dataclass
class _Round:
    """One pass over the current errors: edits to make, and the warnings that explain them."""

    version: str
    notes: list[Diagnostic] = field(default_factory=list)
    # Array items to remove, applied last and from the highest index down.
    removals: list[tuple[list[Any], int]] = field(default_factory=list)
    dropped: set[tuple[int, str]] = field(default_factory=set)
    # Places edited this round: another finding there (the same mistake seen by two
    # meta-schema keywords) waits for the next round's validation to tell if it still holds.
    handled: set[tuple[int, str]] = field(default_factory=set)

    def note(self, rule: str, message: str, document: Document, pointer: str) -> None:
        line, col = document.locate(pointer)
        self.notes.append(
            Diagnostic(rule, Level.WARNING, message, document.display, pointer, line, col)
        )

    def inside_dropped(self, document: Document, pointer: str) -> bool:
        return any(
            key == id(document) and (pointer == p or pointer.startswith(p + "/"))
            for key, p in self.dropped
        )


def repair_spec(spec: SpecSet) -> RepairResult:
    """Validate `spec` and edit its documents in place until only warnings (or fatal) remain."""
    result = RepairResult()
    version = openapi_version(spec.root.data) or "3.1"
    for _ in range(_MAX_ROUNDS):
        findings = collect_findings(spec)
        errors = [f for f in findings if level_of(f.rule) is Level.ERROR]
        fatal = [f for f in errors if f.rule in _FATAL or not _repairable(f)]
        local = [f for f in errors if f not in fatal]
        if not errors or not local:
            warnings = [f for f in findings if f not in errors]
            result.diagnostics += _diagnostics(warnings)
            result.fatal = _diagnostics(fatal)
            return result
        round_ = _Round(version)
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
        result.diagnostics += round_.notes
    findings = collect_findings(spec)
    result.fatal = _diagnostics([f for f in findings if level_of(f.rule) is Level.ERROR])
    return result


def _diagnostics(findings: list[Finding]) -> list[Diagnostic]:
    return list(dict.fromkeys(to_diagnostic(f) for f in findings))


def _repairable(finding: Finding) -> bool:
    tokens = pointer_tokens(finding.pointer)
    if finding.rule in ("tag-duplicate", "server-variable-default", "security-undeclared"):
        return True
    return _piece(tokens, finding.document.data) is not None


# -- the rules ------------------------------------------------------------------------------------


def _repair(finding: Finding, round_: _Round) -> None:
    data = finding.document.data
    tokens = pointer_tokens(finding.pointer)
    for rule in _RULES:
        if rule(finding, tokens, data, round_):
            return
    _skip(finding, tokens, data, round_)


def _parent(data: Any, tokens: list[str]) -> Any:
    node = data
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def _exclusive_bound(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    if not tokens or tokens[-1] not in ("exclusiveMinimum", "exclusiveMaximum"):
        return False
    schema = _parent(data, tokens[:-1])
    if not isinstance(schema, dict):
        return False
    keyword = tokens[-1]
    bound = "minimum" if keyword == "exclusiveMinimum" else "maximum"
    value = schema.get(keyword)
    if round_.version == "3.1" and isinstance(value, bool):
        if value and isinstance(schema.get(bound), int | float):
            schema[keyword] = schema.pop(bound)
            done = f"{keyword}: true with {bound} became {keyword}: {schema[keyword]!r}"
        else:
            del schema[keyword]
            done = f"{keyword}: {str(value).lower()} (3.0 style) dropped: it bounds nothing here"
    elif round_.version == "3.0" and isinstance(value, int | float) and not isinstance(value, bool):
        schema[bound] = value
        schema[keyword] = True
        done = f"{keyword}: {value!r} (3.1 style) became {bound}: {value!r}, {keyword}: true"
    else:
        return False
    round_.note("repair-exclusive-bound", done, finding.document, finding.pointer)
    return True


def _unknown_fields(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    match = _UNEXPECTED.search(finding.message) if finding.rule == "structure" else None
    node = _parent(data, tokens)
    if match is None or not isinstance(node, dict):
        return False
    names = re.findall(r"'((?:[^'\\]|\\.)*)'", match.group(1))
    schema = _in_schema(tokens)
    for name in names:
        if name not in node:
            continue
        where = pointer_join(finding.pointer, name)
        if schema and name == "const" and round_.version == "3.0":
            node["enum"] = [node.pop("const")]
            message = f"const {node['enum'][0]!r} became enum: [{node['enum'][0]!r}] (3.0)"
            round_.note("repair-const-to-enum", message, finding.document, where)
            continue
        del node[name]
        what = "schema keyword" if schema else "field"
        message = f"{what} {name!r} is not allowed here in OpenAPI {round_.version}: ignored"
        round_.note("repair-unknown-field", message, finding.document, where)
    return True


def _type_list(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    if round_.version != "3.0" or not tokens or tokens[-1] != "type":
        return False
    schema = _parent(data, tokens[:-1])
    if not isinstance(schema, dict) or not isinstance(schema.get("type"), list):
        return False
    listed = schema["type"]
    types = [t for t in listed if t != "null"]
    if len(types) > 1:
        return False  # a real union: 3.0 cannot say it without oneOf, so the schema is skipped
    if types:
        schema["type"] = types[0]
    else:
        del schema["type"]
    if "null" in listed:
        schema["nullable"] = True
    message = f"type {listed!r} became type {schema.get('type', 'any')!r}" + (
        " with nullable: true" if "null" in listed else ""
    )
    round_.note("repair-type-list", message, finding.document, finding.pointer)
    return True


def _recursive_anchor(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    if not tokens or tokens[-1] != "$recursiveAnchor":
        return False
    schema = _parent(data, tokens[:-1])
    if not isinstance(schema, dict):
        return False
    del schema["$recursiveAnchor"]
    target = pointer_join("#", *tokens[:-1])
    stack: list[Any] = [schema]
    rewritten = 0
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("$recursiveRef") == "#":
                del node["$recursiveRef"]
                node["$ref"] = target
                rewritten += 1
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    message = f"$recursiveAnchor (JSON Schema 2019-09) dropped; {rewritten} $recursiveRef '#' now $ref {target!r}"
    round_.note("repair-recursive-ref", message, finding.document, finding.pointer)
    return True


def _path_params(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    node = _parent(data, tokens)
    doc, pointer = finding.document, finding.pointer
    if finding.rule == "path-param-not-required" and isinstance(node, dict):
        node["required"] = True
        message = f"path parameter {node.get('name')!r} made required: true"
        round_.note("repair-path-param-required", message, doc, pointer)
        return True
    if finding.rule == "path-param-unused" and isinstance(node, dict):
        _remove(finding, tokens, data, round_, "skip-parameter", "path parameter not in the path")
        return True
    if finding.rule == "path-param-undeclared" and isinstance(node, dict) and len(tokens) >= 3:
        template = tokens[1]
        declared = {p.get("name") for p in node.get("parameters", []) if isinstance(p, dict)}
        for name in _TEMPLATE_NAME.findall(template):
            if name not in declared and name in finding.message:
                param = {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                node.setdefault("parameters", []).append(param)
                message = f"{{{name}}} in {template!r} declared as a string path parameter"
                round_.note("repair-path-param-declared", message, doc, pointer)
                return True
    return False


def _operation_id(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    operation = _parent(data, tokens[:-1])
    if finding.rule != "operation-id-duplicate" or not isinstance(operation, dict):
        return False
    taken = _operation_ids(data)
    base, number = str(operation.get("operationId")), 2
    while f"{base}_{number}" in taken:
        number += 1
    operation["operationId"] = f"{base}_{number}"
    message = f"duplicate operationId {base!r} renamed {operation['operationId']!r}"
    round_.note("repair-operation-id-duplicate", message, finding.document, finding.pointer)
    return True


def _example_and_examples(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    node = _parent(data, tokens)
    if finding.rule != "example-and-examples" or not isinstance(node, dict):
        return False
    node.pop("example", None)
    message = "both example and examples: the single `example` is ignored"
    round_.note("repair-example-and-examples", message, finding.document, finding.pointer)
    return True


def _server_variable(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    variable = _parent(data, tokens[:-1])
    if finding.rule != "server-variable-default" or not isinstance(variable, dict):
        return False
    enum = variable.get("enum")
    if not isinstance(enum, list):
        return False
    enum.append(variable.get("default"))
    message = f"default {variable.get('default')!r} added to the variable's enum"
    round_.note("repair-server-variable-default", message, finding.document, finding.pointer)
    return True


def _tag_duplicate(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    if finding.rule != "tag-duplicate":
        return False
    tags = _parent(data, tokens[:-1])
    if isinstance(tags, list) and tokens[-1].isdigit():
        round_.removals.append((tags, int(tokens[-1])))
        round_.note("repair-tag-duplicate", finding.message, finding.document, finding.pointer)
        return True
    return False


def _security_undeclared(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    if finding.rule != "security-undeclared":
        return False
    requirements = _parent(data, tokens[:-1])
    if not isinstance(requirements, list) or not tokens[-1].isdigit():
        return False
    index = int(tokens[-1])
    if len(requirements) == 1:
        # An empty list would mean "no authentication": drop the whole requirement instead,
        # so an operation falls back to the document's.
        holder = _parent(data, tokens[:-2])
        if isinstance(holder, dict):
            holder.pop("security", None)
    else:
        round_.removals.append((requirements, index))
    round_.note("repair-security-undeclared", finding.message, finding.document, finding.pointer)
    return True


def _default_type(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> bool:
    schema = _parent(data, tokens[:-1])
    if finding.rule != "default-type-mismatch" or not isinstance(schema, dict):
        return False
    schema.pop("default", None)
    message = f"{finding.message}: the default is dropped"
    round_.note("repair-default-dropped", message, finding.document, finding.pointer)
    return True


_RULES: tuple[Callable[[Finding, list[str], Any, _Round], bool], ...] = (
    _exclusive_bound,
    _recursive_anchor,
    _type_list,
    _unknown_fields,
    _path_params,
    _operation_id,
    _example_and_examples,
    _server_variable,
    _tag_duplicate,
    _security_undeclared,
    _default_type,
)


# -- skipping a piece -----------------------------------------------------------------------------


def _piece(tokens: list[str], data: Any) -> tuple[str, list[str]] | None:
    """The smallest piece that can be skipped for an error at `tokens`: (rule, its tokens)."""
    schema = _schema_start(tokens)
    if schema is not None and len(tokens) >= schema:
        # The innermost schema object on the path: the object itself when the error names it
        # (as `additionalProperties` failures do), else the one holding the bad keyword.
        end = _innermost_schema(tokens, schema)
        while end > schema and not isinstance(_parent(data, tokens[:end]), dict):
            end = _innermost_schema(tokens[: end - 1], schema)
        return "skip-schema", tokens[:end]
    if len(tokens) >= 2 and tokens[0] == "tags" and tokens[1].isdigit():
        return "skip-tag", tokens[:2]
    for index, token in enumerate(tokens[:-1]):
        if token == "servers" and tokens[index + 1].isdigit():
            return "skip-server", tokens[: index + 2]
    if len(tokens) >= 4 and tokens[0] == "paths" and tokens[2] == "parameters":
        return "skip-parameter", tokens[:4]
    if len(tokens) >= 3 and tokens[0] in ("paths", "webhooks") and tokens[2] in _METHODS:
        if len(tokens) >= 5 and tokens[3] == "parameters":
            return "skip-parameter", tokens[:5]
        return "skip-operation", tokens[:3]
    return None


# JSON Schema keywords by what their value holds: a map of schemas, a list of schemas, a schema.
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions",
                          "dependentSchemas"})  # fmt: skip
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems", "items"})
_SCHEMA_VALUES = frozenset({"items", "additionalProperties", "not", "if", "then", "else",
                            "contains", "propertyNames", "unevaluatedItems",
                            "unevaluatedProperties", "additionalItems", "contentSchema"})  # fmt: skip


def _innermost_schema(tokens: list[str], start: int) -> int:
    """Length of the longest prefix of `tokens` that names a schema (`start` names the root)."""
    last, index = start, start
    while index < len(tokens):
        keyword = tokens[index]
        if keyword in _SCHEMA_MAPS and index + 1 < len(tokens):
            index += 2
        elif keyword in _SCHEMA_LISTS and index + 1 < len(tokens) and tokens[index + 1].isdigit():
            index += 2
        elif keyword in _SCHEMA_VALUES:
            index += 1
        else:
            break
        last = index
    return last


def _schema_start(tokens: list[str]) -> int | None:
    """Index just past the token that starts a schema region (`schema`, components/schemas/X)."""
    if len(tokens) >= 3 and tokens[0] == "components" and tokens[1] == "schemas":
        return 3
    for index, token in enumerate(tokens):
        if token == "schema" and index > 0:
            return index + 1
    return None


def _in_schema(tokens: list[str]) -> bool:
    start = _schema_start(tokens)
    return start is not None and len(tokens) >= start


def _skip(finding: Finding, tokens: list[str], data: Any, round_: _Round) -> None:
    piece = _piece(tokens, data)
    if piece is None:
        return
    rule, where = piece
    reason = f"[{finding.rule}] {finding.message}"
    if rule == "skip-schema":
        schema = _parent(data, where)
        if isinstance(schema, dict):
            kept = {k: schema[k] for k in ("description", "title") if k in schema}
            schema.clear()
            schema.update(kept)
            pointer = pointer_join("#", *where)
            round_.note(rule, f"schema accepts any value: {reason}", finding.document, pointer)
            round_.dropped.add((id(finding.document), pointer))
        return
    _remove(finding, where, data, round_, rule, reason)


def _remove(
    finding: Finding, where: list[str], data: Any, round_: _Round, rule: str, reason: str
) -> None:
    holder = _parent(data, where[:-1])
    pointer = pointer_join("#", *where)
    if isinstance(holder, list) and where[-1].isdigit():
        round_.removals.append((holder, int(where[-1])))
    elif isinstance(holder, dict) and where[-1] in holder:
        del holder[where[-1]]
    else:
        return
    what = {"skip-operation": "operation", "skip-tag": "tag", "skip-server": "server"}.get(
        rule, "parameter"
    )
    round_.note(rule, f"{what} left out: {reason}", finding.document, pointer)
    round_.dropped.add((id(finding.document), pointer))


def _operation_ids(data: Any) -> set[str]:
    found: set[str] = set()
    paths = data.get("paths") if isinstance(data, dict) else None
    for item in (paths or {}).values() if isinstance(paths, dict) else ():
        if isinstance(item, dict):
            for method in _METHODS:
                operation = item.get(method)
                if isinstance(operation, dict) and isinstance(operation.get("operationId"), str):
                    found.add(operation["operationId"])
    return found
