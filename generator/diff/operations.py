"""Structural diff of two OpenAPI documents, operation by operation: facts, no judgement.

Operations are matched on method and path with path-parameter names ignored, so renaming
`{id}` to `{jobId}` is not a removal. Everything an operation depends on (path-level
parameters, the document's security and servers, shared components) is compared in the
operation's context, which is what makes a shared change show up once per operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.diff import rules as area
from generator.diff.callbacks import CallbackDiff
from generator.diff.facts import Delta, Details, SchemaDelta
from generator.diff.nodes import Node, Operation, Side, as_list, strings_in
from generator.diff.operation_fields import (
    TEMPLATE_VARIABLE,
    is_date,
    operation_id,
    serialisation,
    server_variables,
    sunset,
)
from generator.diff.schema import SchemaComparer
from generator.diff.security import SecurityDiff
from generator.diff.textual import textual_deltas
from generator.diff.unchanged import Unchanged
from generator.openapi import METHODS

# OpenAPI says header parameters with these names are ignored.
_IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})


def normalise_path(path: str) -> str:
    return TEMPLATE_VARIABLE.sub("{}", path)


def operation_key(method: str, path: str) -> tuple[str, str]:
    return (normalise_path(path), method.lower())


def collect_operations(side: Side) -> dict[tuple[str, str], Operation]:
    operations: dict[tuple[str, str], Operation] = {}
    for path in side.root.mapping("paths"):
        path_item = side.deref(side.root.child("paths", str(path)))
        for method in METHODS:
            node = path_item.child(method)
            if isinstance(node.value, dict):
                operations[operation_key(method, str(path))] = Operation(
                    method, str(path), node, path_item
                )
    return operations


class DocumentDiff:
    """Walks both documents once; `deltas()` yields every structural change."""

    def __init__(self, base: Side, revision: Side) -> None:
        self.base = base
        self.revision = revision
        self.unchanged = Unchanged(base, revision)
        self.schemas = SchemaComparer(base, revision, self.unchanged)
        self.calls = CallbackDiff(base, revision, self.schema_deltas)
        self.security = SecurityDiff(base, revision)
        old_root, new_root = base.root, revision.root
        self._context_same = self.unchanged.same(
            old_root.get("security"), new_root.get("security")
        ) and self.unchanged.same(
            old_root.mapping("components").get("securitySchemes"),
            new_root.mapping("components").get("securitySchemes"),
        )

    def deltas(self) -> Iterator[Delta]:
        old_ops = collect_operations(self.base)
        new_ops = collect_operations(self.revision)
        yield from self._servers(None, self._servers_of(self.base), self._servers_of(self.revision))
        for key in sorted(old_ops.keys() | new_ops.keys(), key=_operation_order):
            old, new = old_ops.get(key), new_ops.get(key)
            if new is None and old is not None:
                yield self._removed(old)
            elif old is None and new is not None:
                yield Delta(area.OPERATION, "added", new.label, self.revision.location(new.node))
            elif old is not None and new is not None:
                yield from self._operation(old, new)
        yield from self.calls.webhooks()

    # Operations

    def _removed(self, old: Operation) -> Delta:
        sunset = old.node.get("x-sunset")
        details: Details = (
            ("deprecated", "true" if old.node.get("deprecated") is True else "false"),
            (
                "sunset",
                "" if sunset is None else str(sunset)[:10] if is_date(sunset) else str(sunset),
            ),
        )
        return Delta(
            area.OPERATION, "removed", old.label, self.base.location(old.node), details=details
        )

    def _is_unchanged(self, old: Operation, new: Operation) -> bool:
        in_roots = (
            old.node.document is self.base.spec.root
            and new.node.document is self.revision.spec.root
        )
        same = self.unchanged.same
        return (
            in_roots
            and self._context_same
            and same(old.node.value, new.node.value)
            and same(old.path_item.get("parameters"), new.path_item.get("parameters"))
            and same(old.path_item.get("servers"), new.path_item.get("servers"))
        )

    def _operation(self, old: Operation, new: Operation) -> Iterator[Delta]:
        if self._is_unchanged(old, new):
            return
        label = new.label
        here = self.revision.location(new.node)
        was, now = old.node.get("deprecated") is True, new.node.get("deprecated") is True
        if was != now:
            yield Delta(area.OPERATION, "deprecated" if now else "undeprecated", label, here)
        yield from sunset(label, here, old.node.get("x-sunset"), new.node.get("x-sunset"))
        yield from operation_id(
            label, here, old.node.get("operationId"), new.node.get("operationId")
        )
        old_tags, new_tags = strings_in(old.node.get("tags")), strings_in(new.node.get("tags"))
        for tag in sorted(old_tags - new_tags):
            yield Delta(area.OPERATION, "tag-removed", label, here, details=(("value", tag),))
        for tag in sorted(new_tags - old_tags):
            yield Delta(area.OPERATION, "tag-added", label, here, details=(("value", tag),))
        yield from self._parameters(old, new, label)
        yield from self._request_body(old, new, label)
        yield from self._responses(old, new, label)
        yield from self.security.deltas(old, new, label)
        yield from self.calls.callbacks(old, new, label)
        old_servers = self._servers_of(self.base, old)
        new_servers = self._servers_of(self.revision, new)
        if _overrides_servers(old) or _overrides_servers(new):
            yield from self._servers(label, old_servers, new_servers)

    # Parameters

    def _parameter_map(self, side: Side, op: Operation) -> dict[tuple[str, str], Node]:
        placeholders = [m.group()[1:-1] for m in TEMPLATE_VARIABLE.finditer(op.path)]
        found: dict[tuple[str, str], Node] = {}
        for owner in (op.path_item, op.node):  # operation-level entries override path-level
            for index in range(len(as_list(owner.get("parameters")))):
                param = side.deref(owner.child("parameters", index))
                name, place = param.get("name"), param.get("in")
                if not isinstance(name, str) or not isinstance(place, str):
                    continue
                if place == "header" and name.lower() in _IGNORED_HEADERS:
                    continue
                if place == "path":
                    # Path parameters are matched by position so renaming one is not a change.
                    slot = placeholders.index(name) if name in placeholders else name
                    key = ("path", str(slot))
                else:
                    key = (place, name.lower() if place == "header" else name)
                found[key] = param
        return found

    def _parameters(self, old: Operation, new: Operation, label: str) -> Iterator[Delta]:
        old_params = self._parameter_map(self.base, old)
        new_params = self._parameter_map(self.revision, new)
        for key, old_param in old_params.items():
            if key not in new_params:
                where = _parameter_where(old_param)
                location = self.base.location(old_param)
                yield Delta(area.PARAMETER, "removed", label, location, where)
        for key, new_param in new_params.items():
            where = _parameter_where(new_param)
            location = self.revision.location(new_param)
            required = new_param.get("required") is True or key[0] == "path"
            matched = old_params.get(key)
            if matched is None:
                kind = "required-added" if required else "optional-added"
                yield Delta(area.PARAMETER, kind, label, location, where)
                continue
            old_param = matched
            was_required = old_param.get("required") is True or key[0] == "path"
            if was_required != required:
                kind = f"parameter-became-{'required' if required else 'optional'}"
                yield Delta(area.PARAMETER, kind, label, location, where)
            yield from serialisation(label, location, where, key[0], old_param, new_param)
            if new_param.get("deprecated") is True and old_param.get("deprecated") is not True:
                yield Delta(area.PARAMETER, "deprecated", label, location, where)
            old_schema, new_schema = _parameter_schema(old_param), _parameter_schema(new_param)
            if old_schema is not None or new_schema is not None:
                yield from self.schema_deltas(
                    area.PARAMETER,
                    label,
                    where,
                    old_schema or old_param.child("schema"),
                    new_schema or new_param.child("schema"),
                    textual=_is_text(old_param) and _is_text(new_param),
                )

    # Request bodies

    def _request_body(self, old: Operation, new: Operation, label: str) -> Iterator[Delta]:
        old_body = self.base.deref(old.node.child("requestBody"))
        new_body = self.revision.deref(new.node.child("requestBody"))
        has_old, has_new = isinstance(old_body.value, dict), isinstance(new_body.value, dict)
        if not has_old and not has_new:
            return
        where = self.revision.location(new_body)
        if not has_new:
            yield Delta(area.REQUEST_BODY, "removed", label, self.base.location(old_body))
            return
        required = new_body.get("required") is True
        if not has_old:
            kind = "required-added" if required else "optional-added"
            yield Delta(area.REQUEST_BODY, kind, label, where)
            return
        if (old_body.get("required") is True) != required:
            kind = "became-required" if required else "became-optional"
            yield Delta(area.REQUEST_BODY, kind, label, where)
        yield from self._content(
            area.REQUEST_BODY, area.REQUEST_PROPERTY, label, "", old_body, new_body
        )

    def _content(
        self, owner_area: str, schema_area: str, label: str, status: str, old: Node, new: Node
    ) -> Iterator[Delta]:
        old_media = {name.lower(): node for name, node in old.items("content")}
        new_media = {name.lower(): node for name, node in new.items("content")}
        extra = (("status", status),) if status else ()
        for media in sorted(old_media.keys() - new_media.keys()):
            location = self.base.location(old_media[media])
            details: Details = (*extra, ("media", media))
            yield Delta(owner_area, "media-type-removed", label, location, details=details)
        for media in sorted(new_media.keys() - old_media.keys()):
            location = self.revision.location(new_media[media])
            details = (*extra, ("media", media))
            yield Delta(owner_area, "media-type-added", label, location, details=details)
        for media in sorted(old_media.keys() & new_media.keys()):
            old_schema, new_schema = (
                old_media[media].child("schema"),
                new_media[media].child("schema"),
            )
            if old_schema.value is None and new_schema.value is None:
                continue
            prefix = f"response {status} " if status else "request "
            yield from self.schema_deltas(schema_area, label, prefix, old_schema, new_schema)

    # Responses

    def _responses(self, old: Operation, new: Operation, label: str) -> Iterator[Delta]:
        old_responses = {code: node for code, node in old.node.items("responses")}
        new_responses = {code: node for code, node in new.node.items("responses")}
        for status in sorted(old_responses.keys() - new_responses.keys()):
            kind = f"{_success(status)}-status-removed"
            location = self.base.location(old_responses[status])
            yield Delta(area.RESPONSE, kind, label, location, details=(("status", status),))
        for status in sorted(new_responses.keys() - old_responses.keys()):
            kind = f"{_success(status)}-status-added"
            location = self.revision.location(new_responses[status])
            yield Delta(area.RESPONSE, kind, label, location, details=(("status", status),))
        for status in sorted(old_responses.keys() & new_responses.keys()):
            old_response = self.base.deref(old_responses[status])
            new_response = self.revision.deref(new_responses[status])
            yield from self._headers(label, status, old_response, new_response)
            yield from self._content(
                area.RESPONSE, area.RESPONSE_PROPERTY, label, status, old_response, new_response
            )

    def _headers(self, label: str, status: str, old: Node, new: Node) -> Iterator[Delta]:
        def headers(side: Side, response: Node) -> dict[str, Node]:
            found = {}
            for name, node in response.items("headers"):
                if name.lower() != "content-type":
                    found[name.lower()] = side.deref(node)
            return found

        old_headers, new_headers = headers(self.base, old), headers(self.revision, new)
        for name in sorted(old_headers.keys() - new_headers.keys()):
            header = old_headers[name]
            kind = (
                "required-header-removed"
                if header.get("required") is True
                else "optional-header-removed"
            )
            where = f"response {status} header `{_header_name(old, name)}`"
            yield Delta(area.RESPONSE, kind, label, self.base.location(header), where)
        for name in sorted(new_headers.keys() - old_headers.keys()):
            where = f"response {status} header `{_header_name(new, name)}`"
            location = self.revision.location(new_headers[name])
            yield Delta(area.RESPONSE, "header-added", label, location, where)
        for name in sorted(old_headers.keys() & new_headers.keys()):
            old_header, new_header = old_headers[name], new_headers[name]
            where = f"response {status} header `{_header_name(new, name)}`"
            location = self.revision.location(new_header)
            was, now = old_header.get("required") is True, new_header.get("required") is True
            if was != now:
                kind = "header-became-required" if now else "header-became-optional"
                yield Delta(area.RESPONSE, kind, label, location, where)
            old_schema, new_schema = _parameter_schema(old_header), _parameter_schema(new_header)
            if old_schema is not None or new_schema is not None:
                yield from self.schema_deltas(
                    area.RESPONSE_HEADER,
                    label,
                    where,
                    old_schema or old_header.child("schema"),
                    new_schema or new_header.child("schema"),
                    textual=_is_text(old_header) and _is_text(new_header),
                )

    # Schemas

    def schema_deltas(
        self,
        schema_area: str,
        label: str,
        where: str,
        old: Node,
        new: Node,
        textual: bool = False,
    ) -> Iterator[Delta]:
        deltas: Iterable[SchemaDelta] = self.schemas.compare(old, new)
        if textual:
            sent = schema_area == area.PARAMETER
            deltas = textual_deltas(self.schemas, old, new, deltas, sent)
        for delta in deltas:
            yield Delta(
                schema_area,
                delta.kind,
                label,
                delta.location,
                _schema_where(schema_area, where, delta),
                delta.details,
                delta.read_only,
                delta.write_only,
                delta.path,
            )

    # Servers

    def _servers_of(self, side: Side, op: Operation | None = None) -> list[Node]:
        owners = [op.node, op.path_item] if op is not None else []
        for owner in [*owners, side.root]:
            if as_list(owner.get("servers")):
                return [owner.child("servers", i) for i in range(len(owner.get("servers")))]
        return []

    def _servers(self, label: str | None, old: list[Node], new: list[Node]) -> Iterator[Delta]:
        def by_url(servers: list[Node]) -> dict[str, Node]:
            return {
                normalise_path(str(s.get("url", ""))): s
                for s in servers
                if isinstance(s.value, dict)
            }

        old_map, new_map = by_url(old), by_url(new)
        for key in sorted(old_map.keys() - new_map.keys()):
            server = old_map[key]
            details: Details = (("url", str(server.get("url"))),)
            yield Delta(area.SERVER, "removed", label, self.base.location(server), details=details)
        for key in sorted(new_map.keys() - old_map.keys()):
            server = new_map[key]
            details = (("url", str(server.get("url"))),)
            yield Delta(
                area.SERVER, "added", label, self.revision.location(server), details=details
            )
        for key in sorted(old_map.keys() & new_map.keys()):
            yield from server_variables(
                label, self.revision.location(new_map[key]), old_map[key], new_map[key]
            )


def _operation_order(key: tuple[str, str]) -> tuple[str, int]:
    path, method = key
    return (path, METHODS.index(method))


def _overrides_servers(op: Operation) -> bool:
    return bool(as_list(op.node.get("servers")) or as_list(op.path_item.get("servers")))


def _success(status: str) -> str:
    return "success" if status.startswith("2") else "non-success"


def _header_name(response: Node, lowered: str) -> str:
    for name in response.mapping("headers"):
        if str(name).lower() == lowered:
            return str(name)
    return lowered


def _parameter_where(param: Node) -> str:
    return f"{param.get('in')} parameter `{param.get('name')}`"


def _is_text(param: Node) -> bool:
    """A parameter or header given by `schema` travels as text (`content` ones as documents)."""
    return isinstance(param.get("schema"), dict)


def _parameter_schema(param: Node) -> Node | None:
    """The schema of a parameter or header, whether given directly or under `content`."""
    if isinstance(param.get("schema"), dict):
        return param.child("schema")
    for media in param.mapping("content"):
        return param.child("content", str(media), "schema")
    return None


_BODY_AREAS = (
    area.REQUEST_PROPERTY,
    area.RESPONSE_PROPERTY,
    area.CALLBACK_PAYLOAD,
    area.CALLBACK_REPLY,
)


def _schema_where(schema_area: str, where: str, delta: SchemaDelta) -> str:
    path = delta.path.lstrip(".")
    if schema_area in _BODY_AREAS:
        return f"{where}property `{path}`" if path else f"{where}body"
    return f"{where} property `{path}`" if path else where


__all__ = ["Delta", "DocumentDiff", "Operation", "collect_operations"]
