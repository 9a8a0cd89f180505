"""Skipping what cannot be repaired: the smallest operation, parameter, schema, tag or server
holding the error is left out (a schema is emptied instead, so `$ref`s to it still resolve)."""

from __future__ import annotations

from typing import Any

from generator.cursor import value_at
from generator.diagnostics import pointer_join
from generator.repair.edits import METHODS, Round
from generator.validate import Finding


def piece(tokens: list[str], data: Any) -> tuple[str, list[str]] | None:
    """The smallest piece that can be skipped for an error at `tokens`: (rule, its tokens)."""
    schema = _schema_start(tokens)
    if schema is not None and len(tokens) >= schema:
        # The innermost schema object on the path: the object itself when the error names it
        # (as `additionalProperties` failures do), else the one holding the bad keyword.
        end = _innermost_schema(tokens, schema)
        while end > schema and not isinstance(value_at(data, tokens[:end]), dict):
            end = _innermost_schema(tokens[: end - 1], schema)
        return "skip-schema", tokens[:end]
    if len(tokens) >= 2 and tokens[0] == "tags" and tokens[1].isdigit():
        return "skip-tag", tokens[:2]
    for index, token in enumerate(tokens[:-1]):
        if token == "servers" and tokens[index + 1].isdigit():
            return "skip-server", tokens[: index + 2]
    for index in range(len(tokens) - 2, -1, -1):  # the innermost header, then response
        if tokens[index] == "headers" and _in_response(tokens[:index]):
            return "skip-header", tokens[: index + 2]
    for index in range(len(tokens) - 2, -1, -1):
        if tokens[index] == "responses" and (index == 1 or tokens[index - 1] in METHODS):
            return "skip-response", tokens[: index + 2]
    if len(tokens) >= 3 and tokens[:2] == ["components", "parameters"]:
        return "skip-parameter", tokens[:3]
    if len(tokens) >= 4 and tokens[0] == "paths" and tokens[2] == "parameters":
        return "skip-parameter", tokens[:4]
    if len(tokens) >= 3 and tokens[0] in ("paths", "webhooks") and tokens[2] in METHODS:
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


def in_schema(tokens: list[str]) -> bool:
    start = _schema_start(tokens)
    return start is not None and len(tokens) >= start


def skip(finding: Finding, tokens: list[str], data: Any, round_: Round) -> None:
    found = piece(tokens, data)
    if found is None:
        return
    rule, where = found
    reason = f"[{finding.rule}] {finding.message}"
    if rule == "skip-response":
        response = value_at(data, where)
        if isinstance(response, dict) and "$ref" not in response:
            text = response.get("description")
            response.clear()
            response["description"] = text if isinstance(text, str) else ""
            pointer = pointer_join("#", *where)
            message = f"response kept without its body and headers: {reason}"
            round_.note(rule, message, finding.document, pointer)
            round_.dropped.add((id(finding.document), pointer))
            return
        rule, where = "skip-operation", where[:3]  # a broken `$ref` stands for the response
        if where[0] not in ("paths", "webhooks"):
            return
    if rule == "skip-schema":
        schema = value_at(data, where)
        if isinstance(schema, dict):
            kept = {k: schema[k] for k in ("description", "title") if k in schema}
            schema.clear()
            schema.update(kept)
            pointer = pointer_join("#", *where)
            round_.note(rule, f"schema accepts any value: {reason}", finding.document, pointer)
            round_.dropped.add((id(finding.document), pointer))
        return
    if where[:2] == ["components", "parameters"]:
        _drop_uses(data, pointer_join("#", *where), round_)
    remove(finding, where, data, round_, rule, reason)


def _drop_uses(data: Any, ref: str, round_: Round) -> None:
    """Parameter lists that `$ref` a skipped component parameter lose that entry too."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            params = node.get("parameters")
            if isinstance(params, list):
                for index, param in enumerate(params):
                    if isinstance(param, dict) and param.get("$ref") == ref:
                        round_.removals.append((params, index))
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))


def _in_response(tokens: list[str]) -> bool:
    """Whether `tokens` name a Response Object (`.../responses/200`, components/responses/X)."""
    return len(tokens) >= 2 and tokens[-2] == "responses"


def remove(
    finding: Finding, where: list[str], data: Any, round_: Round, rule: str, reason: str
) -> None:
    holder = value_at(data, where[:-1])
    pointer = pointer_join("#", *where)
    if isinstance(holder, list) and where[-1].isdigit():
        round_.removals.append((holder, int(where[-1])))
    elif isinstance(holder, dict) and where[-1] in holder:
        del holder[where[-1]]
    else:
        return
    what = {
        "skip-operation": "operation",
        "skip-tag": "tag",
        "skip-server": "server",
        "skip-header": "response header",
    }.get(rule, "parameter")
    round_.note(rule, f"{what} left out: {reason}", finding.document, pointer)
    round_.dropped.add((id(finding.document), pointer))
