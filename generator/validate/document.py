"""Rules about the document as a whole: tags, servers, security requirements, duplicate keys.

The meta-schema cannot see these (they relate one part of the document to another, or are
lost by the time the YAML is data), and the OpenAPI specification states each as a MUST:
- Tag Object: "Each tag name in the list MUST be unique."
- Server Variable Object (3.1): "If the enum is defined, the value MUST exist in the enum's
  values." (3.0 says SHOULD: a warning there.)
- Security Requirement Object: "Each name MUST correspond to a security scheme which is
  declared in the Security Schemes under the Components Object."
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics import pointer_join
from generator.load import Document, SpecSet
from generator.validate.meaning import Finding

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def document_findings(spec: SpecSet, version: str) -> list[Finding]:
    root = spec.root
    data = root.data
    findings = [*_tags(root, data), *_servers(root, data, version), *_security(root, data)]
    for document in spec.documents.values():
        findings += _duplicate_keys(document)
    return findings


def _tags(root: Document, data: dict[str, Any]) -> Iterator[Finding]:
    tags = data.get("tags")
    seen: dict[str, int] = {}
    for index, tag in enumerate(tags if isinstance(tags, list) else []):
        name = tag.get("name") if isinstance(tag, dict) else None
        if not isinstance(name, str):
            continue
        if name in seen:
            line, _ = root.locate(f"#/tags/{seen[name]}")
            message = f"tag {name!r} is already declared at line {line}: tag names MUST be unique"
            yield Finding("tag-duplicate", message, root, f"#/tags/{index}")
        else:
            seen[name] = index


def _operations(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Path items and operations under `paths` (the places servers and security appear)."""
    paths = data.get("paths")
    for key, item in paths.items() if isinstance(paths, dict) else ():
        if not isinstance(item, dict):
            continue
        where = pointer_join("#", "paths", key)
        yield where, item
        for method in _METHODS:
            if isinstance(item.get(method), dict):
                yield pointer_join(where, method), item[method]


def _servers(root: Document, data: dict[str, Any], version: str) -> Iterator[Finding]:
    holders = [("#", data), *_operations(data)]
    rule = "server-variable-default" if version == "3.1" else "server-variable-default-30"
    for pointer, holder in holders:
        servers = holder.get("servers")
        for index, server in enumerate(servers if isinstance(servers, list) else []):
            variables = server.get("variables") if isinstance(server, dict) else None
            for name, variable in variables.items() if isinstance(variables, dict) else ():
                if not isinstance(variable, dict) or not isinstance(variable.get("enum"), list):
                    continue
                if "default" in variable and variable["default"] not in variable["enum"]:
                    where = pointer_join(pointer, "servers", index, "variables", name, "default")
                    message = (
                        f"server variable {name!r}: default {variable['default']!r} is not "
                        f"one of its enum {variable['enum']!r}"
                    )
                    yield Finding(rule, message, root, where)


def _security(root: Document, data: dict[str, Any]) -> Iterator[Finding]:
    components = data.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    declared = set(schemes) if isinstance(schemes, dict) else set()
    holders = [("#", data), *((p, h) for p, h in _operations(data) if p.count("/") == 3)]
    for pointer, holder in holders:
        requirements = holder.get("security")
        for index, requirement in enumerate(requirements if isinstance(requirements, list) else []):
            for name in requirement if isinstance(requirement, dict) else ():
                if name not in declared:
                    known = ", ".join(sorted(declared)) or "none"
                    message = (
                        f"security requirement names {name!r}, which is not in "
                        f"components.securitySchemes (declared: {known})"
                    )
                    where = pointer_join(pointer, "security", index)
                    yield Finding("security-undeclared", message, root, where)


def _duplicate_keys(document: Document) -> Iterator[Finding]:
    for duplicate in document.duplicate_keys():
        message = (
            f"key {duplicate.key!r} appears twice in this mapping (lines {duplicate.first_line} "
            f"and {duplicate.second_line}): the second silently replaces the first"
        )
        yield Finding(
            "duplicate-key",
            message,
            document,
            duplicate.pointer,
            at=(duplicate.second_line, duplicate.second_col),
        )
