"""Repairs whose intent is clear: each rewrites one keyword or field, with its own rule id.

Each rule looks at one error finding and returns True when it took care of it (edits are made
in place and noted on the round); the first rule that does wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.cursor import value_at
from generator.diagnostics import pointer_join
from generator.repair.edits import METHODS, Round
from generator.repair.pieces import in_schema, remove
from generator.validate import Finding

_UNEXPECTED = re.compile(r"\((.*) (?:was|were) unexpected\)")
_TEMPLATE_NAME = re.compile(r"{([^{}/]+)}")


def _exclusive_bound(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    if not tokens or tokens[-1] not in ("exclusiveMinimum", "exclusiveMaximum"):
        return False
    schema = value_at(data, tokens[:-1])
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


def _unknown_fields(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    match = _UNEXPECTED.search(finding.message) if finding.rule == "structure" else None
    node = value_at(data, tokens)
    if match is None or not isinstance(node, dict):
        return False
    names = re.findall(r"'((?:[^'\\]|\\.)*)'", match.group(1))
    schema = in_schema(tokens)
    edited = False
    for name in names:
        if name not in node:
            continue
        edited = True
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
    return edited  # names the message quotes in a way not found here: skip the piece instead


def _type_list(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    if round_.version != "3.0" or not tokens or tokens[-1] != "type":
        return False
    schema = value_at(data, tokens[:-1])
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


def _recursive_anchor(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    if not tokens or tokens[-1] != "$recursiveAnchor":
        return False
    schema = value_at(data, tokens[:-1])
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


def _drop_unused_uses(
    finding: Finding, tokens: list[str], node: dict[str, Any], data: Any, round_: Round
) -> bool:
    """Drop each `$ref` to the component path parameter at `tokens` from the parameter lists
    of path items whose template has no `{name}` (and of their operations)."""
    name, ref = node.get("name"), pointer_join("#", *tokens)
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(name, str) or not isinstance(paths, dict):
        return False
    reason = f"path parameter {name!r} ({ref}) not in the path"
    for template, item in paths.items():
        if not isinstance(item, dict) or name in _TEMPLATE_NAME.findall(str(template)):
            continue
        holders = [("paths", str(template))] + [
            ("paths", str(template), method) for method in item if method in METHODS
        ]
        for holder in holders:
            params = value_at(data, [*holder, "parameters"])
            if not isinstance(params, list):
                continue
            for index, param in enumerate(params):
                if isinstance(param, dict) and param.get("$ref") == ref:
                    where = [*holder, "parameters", str(index)]
                    remove(finding, where, data, round_, "skip-parameter", reason)
    return True


def _path_params(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    node = value_at(data, tokens)
    doc, pointer = finding.document, finding.pointer
    if finding.rule == "path-param-not-required" and isinstance(node, dict):
        node["required"] = True
        message = f"path parameter {node.get('name')!r} made required: true"
        round_.note("repair-path-param-required", message, doc, pointer)
        return True
    if finding.rule == "path-param-unused" and isinstance(node, dict):
        if tokens[:2] == ["components", "parameters"] and len(tokens) == 3:
            # A shared parameter that one path does not use (Connexion's own test spec): the
            # uses in paths without `{name}` go; the component and its other uses stay.
            return _drop_unused_uses(finding, tokens, node, data, round_)
        remove(finding, tokens, data, round_, "skip-parameter", "path parameter not in the path")
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


def _operation_id(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    operation = value_at(data, tokens[:-1])
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


def _example_and_examples(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    node = value_at(data, tokens)
    if finding.rule != "example-and-examples" or not isinstance(node, dict):
        return False
    node.pop("example", None)
    message = "both example and examples: the single `example` is ignored"
    round_.note("repair-example-and-examples", message, finding.document, finding.pointer)
    return True


def _server_variable(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    variable = value_at(data, tokens[:-1])
    if finding.rule != "server-variable-default" or not isinstance(variable, dict):
        return False
    enum = variable.get("enum")
    if not isinstance(enum, list):
        return False
    enum.append(variable.get("default"))
    message = f"default {variable.get('default')!r} added to the variable's enum"
    round_.note("repair-server-variable-default", message, finding.document, finding.pointer)
    return True


def _tag_duplicate(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    if finding.rule != "tag-duplicate":
        return False
    tags = value_at(data, tokens[:-1])
    if isinstance(tags, list) and tokens[-1].isdigit():
        round_.removals.append((tags, int(tokens[-1])))
        round_.note("repair-tag-duplicate", finding.message, finding.document, finding.pointer)
        return True
    return False


def _security_undeclared(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    if finding.rule != "security-undeclared":
        return False
    requirements = value_at(data, tokens[:-1])
    if not isinstance(requirements, list) or not tokens[-1].isdigit():
        return False
    index = int(tokens[-1])
    if len(requirements) == 1:
        # An empty list would mean "no authentication": drop the whole requirement instead,
        # so an operation falls back to the document's.
        holder = value_at(data, tokens[:-2])
        if isinstance(holder, dict):
            holder.pop("security", None)
    else:
        round_.removals.append((requirements, index))
    round_.note("repair-security-undeclared", finding.message, finding.document, finding.pointer)
    return True


def _default_type(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    schema = value_at(data, tokens[:-1])
    if finding.rule != "default-type-mismatch" or not isinstance(schema, dict):
        return False
    schema.pop("default", None)
    message = f"{finding.message}: the default is dropped"
    round_.note("repair-default-dropped", message, finding.document, finding.pointer)
    return True


def _required_filled(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    """A required field whose value is obvious: a response's `description` (empty) and an
    operation's `responses` (one `default` response without a body)."""
    node = value_at(data, tokens)
    wanted = _REQUIRED.fullmatch(finding.message) if finding.rule == "structure" else None
    if wanted is None or not isinstance(node, dict):
        return False
    name, what = wanted.group(1), ""
    if name == "description" and len(tokens) >= 2 and tokens[-2] == "responses":
        node["description"] = ""
        what = "response without a description: an empty one is used"
    elif name == "responses" and len(tokens) >= 3 and tokens[-1] in METHODS:
        node["responses"] = {"default": {"description": ""}}
        what = "operation without responses: it answers a `default` response without a body"
    else:
        return False
    round_.note("repair-required-filled", what, finding.document, finding.pointer)
    return True


_REQUIRED = re.compile(r"'([^']+)' is a required property")


RULES: tuple[Callable[[Finding, list[str], Any, Round], bool], ...] = (
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
    _required_filled,
)


def _operation_ids(data: Any) -> set[str]:
    found: set[str] = set()
    paths = data.get("paths") if isinstance(data, dict) else None
    for item in (paths or {}).values() if isinstance(paths, dict) else ():
        if isinstance(item, dict):
            for method in METHODS:
                operation = item.get(method)
                if isinstance(operation, dict) and isinstance(operation.get("operationId"), str):
                    found.add(operation["operationId"])
    return found
