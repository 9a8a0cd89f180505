"""Operations: parameters, request bodies, responses, headers and pagination of each path."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from generator import naming
from generator.diagnostics import pointer_join
from generator.ir.context import BuildContext
from generator.ir.media import (
    body_kind,
    is_event_stream,
    media_examples,
    prefer_media,
)
from generator.ir.model import (
    Header,
    Operation,
    Parameter,
    RequestBody,
    Response,
    SecurityRequirement,
    TypeRef,
)
from generator.ir.pagination import read_pagination
from generator.ir.schemas import SchemaHoister
from generator.ir.security import security_requirements
from generator.ir.warm_log import frozen
from generator.load import Document
from generator.openapi import METHODS

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
# OpenAPI says header parameters with these names are ignored: the client owns them.
IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
PATH_TEMPLATE = re.compile(r"\{([^{}]+)\}")


@dataclass
class OperationsBuilder:
    """Builds every operation of the spec, hoisting their schemas through `schemas`."""

    ctx: BuildContext
    schemas: SchemaHoister

    def operations(self) -> tuple[Operation, ...]:
        paths = self.ctx.root.data.get("paths") or {}
        taken: set[str] = set()
        global_security = security_requirements(self.ctx.root.data.get("security"))
        result: list[Operation] = []
        for path, raw_item in paths.items():
            item_pointer = pointer_join("#/paths", path)
            result += self._unit(path, raw_item, item_pointer, taken, global_security)
            # Each path item is a unit: the classes it hoisted are final once it is done.
            self.schemas.finish_unit()
        return tuple(result)

    def _unit(
        self,
        path: Any,
        raw_item: Any,
        item_pointer: str,
        taken: set[str],
        global_security: tuple[SecurityRequirement, ...],
    ) -> list[Operation]:
        """The operations of one path item, replayed from the last run when `warm` can."""
        warm = self.schemas.warm
        if warm is None:
            return self.path_item(path, raw_item, item_pointer, taken, global_security)
        raw = frozen(raw_item)
        replayed = warm.replay_path(item_pointer, raw, taken)
        if replayed is not None:
            return replayed
        with warm.recording("paths", item_pointer, raw) as log:
            built = self.path_item(path, raw_item, item_pointer, taken, global_security)
            log.operations = tuple(built)
        return built

    def path_item(
        self,
        path: Any,
        raw_item: Any,
        item_pointer: str,
        taken: set[str],
        global_security: tuple[SecurityRequirement, ...],
    ) -> list[Operation]:
        """The operations of one path (none when its item is not an object)."""
        item, item_doc, item_pointer = self.ctx.deref(raw_item, self.ctx.root, item_pointer)
        if not isinstance(item, dict):
            return []
        result = []
        for method in METHODS:
            raw_op = item.get(method)
            if not isinstance(raw_op, dict):
                continue
            op_pointer = pointer_join(item_pointer, method)
            result.append(
                self.operation(
                    str(path), method, raw_op, item, item_doc, op_pointer, taken, global_security
                )
            )
        return result

    def operation(
        self,
        path: str,
        method: str,
        raw: dict[str, Any],
        item: dict[str, Any],
        document: Document,
        pointer: str,
        taken: set[str],
        global_security: tuple[SecurityRequirement, ...],
    ) -> Operation:
        operation_id = raw.get("operationId")
        if not isinstance(operation_id, str) or not naming.words(operation_id):
            operation_id = method + "_" + "_".join(naming.words(path))
        base = naming.snake(operation_id, fallback="call", reserved=naming.CLIENT_ATTRIBUTES)
        python_name = naming.unique(base, taken)
        if self.ctx.log is not None:
            self.ctx.log.op_names.append((base, python_name))
        hint = naming.pascal(operation_id)
        parameters = self.parameters(item, raw, document, pointer, hint)
        parameters += self.undeclared_path_parameters(path, parameters, document, pointer)
        body = self.request_body(
            raw.get("requestBody"), document, pointer_join(pointer, "requestBody"), hint
        )
        responses = self.responses(
            raw.get("responses"), document, pointer_join(pointer, "responses"), hint
        )
        security = security_requirements(raw["security"]) if "security" in raw else global_security
        upper = method.upper()
        idempotent = raw.get("x-idempotent")
        op = Operation(
            operation_id=operation_id,
            python_name=python_name,
            method=upper,
            path=path,
            tags=tuple(str(t) for t in raw.get("tags") or () if isinstance(t, str)),
            summary=str(raw.get("summary") or ""),
            description=str(raw.get("description") or ""),
            deprecated=raw.get("deprecated") is True,
            parameters=parameters,
            body=body,
            responses=responses,
            security=security,
            idempotent=idempotent if isinstance(idempotent, bool) else upper in IDEMPOTENT_METHODS,
            pagination=None,
            accept=_accept(responses),
            pointer=pointer,
        )
        pagination = read_pagination(
            self.ctx, self.schemas, raw.get("x-pagination"), op, document, pointer
        )
        if pagination is None:
            return op
        return replace(op, pagination=pagination)

    def parameters(
        self, item: dict[str, Any], raw: dict[str, Any], document: Document, pointer: str, hint: str
    ) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], Document, str]] = {}
        for owner, owner_pointer in ((item, pointer.rsplit("/", 1)[0]), (raw, pointer)):
            for index, entry in enumerate(owner.get("parameters") or ()):
                param, doc, where = self.ctx.deref(
                    entry, document, pointer_join(owner_pointer, "parameters", index)
                )
                if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                    self.ctx.warn(
                        "parameter-invalid", "parameter without a name; skipped", where, doc
                    )
                    continue
                merged[(param["name"], str(param.get("in")))] = (param, doc, where)
        taken: set[str] = set()
        result = []
        for (wire, location), (param, doc, where) in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                self.ctx.warn(
                    "parameter-invalid",
                    f"parameter {wire!r} has no valid 'in'; skipped",
                    where,
                    doc,
                )
                continue
            if location == "header" and wire.lower() in IGNORED_HEADERS:
                continue
            schema = param.get("schema")
            if schema is None and isinstance(param.get("content"), dict) and param["content"]:
                media = next(iter(param["content"].values()))
                schema = media.get("schema") if isinstance(media, dict) else None
            transformed = self.schemas.transform(
                schema or {}, doc, pointer_join(where, "schema"), hint + naming.pascal(wire)
            )
            type_ref = self.schemas.annotate(transformed)
            if location == "cookie":
                self.ctx.warn(
                    "parameter-cookie",
                    f"cookie parameter {wire!r} is sent as a Cookie header",
                    where,
                    doc,
                )
            default = transformed.get("default") if isinstance(transformed, dict) else None
            result.append(
                Parameter(
                    wire_name=wire,
                    python_name=naming.unique(
                        naming.snake(wire, fallback="param", reserved=naming.CLIENT_RESERVED), taken
                    ),
                    location=location,  # type: ignore[arg-type]
                    required=location == "path" or param.get("required") is True,
                    type=type_ref,
                    description=str(param.get("description") or ""),
                    deprecated=param.get("deprecated") is True,
                    default=default,
                    explode=_explode(param, location),
                    style=_style(param, location),
                    schema=transformed,
                )
            )
        return tuple(result)

    def undeclared_path_parameters(
        self, path: str, declared: tuple[Parameter, ...], document: Document, pointer: str
    ) -> tuple[Parameter, ...]:
        """A string parameter for each `{name}` of the path no parameter declares (a warning
        each): without it the URL could never be built."""
        known = {p.wire_name for p in declared if p.location == "path"}
        taken = {p.python_name for p in declared}
        missing = [n for n in dict.fromkeys(PATH_TEMPLATE.findall(path)) if n not in known]
        result = []
        for wire in missing:
            self.ctx.warn(
                "path-parameter-undeclared",
                f"path parameter {wire!r} is not declared; typed as str",
                pointer,
                document,
            )
            python_name = naming.snake(wire, fallback="param", reserved=naming.CLIENT_RESERVED)
            result.append(
                Parameter(
                    wire_name=wire,
                    python_name=naming.unique(python_name, taken),
                    location="path",
                    required=True,
                    type=TypeRef("str"),
                    schema={"type": "string"},
                )
            )
        return tuple(result)

    def request_body(
        self, raw: Any, document: Document, pointer: str, hint: str
    ) -> RequestBody | None:
        if raw is None:
            return None
        body, doc, where = self.ctx.deref(raw, document, pointer)
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict) or not content:
            return None
        preferred = prefer_media(content)
        ordered = [preferred] + [str(m) for m in content if str(m) != preferred]
        bodies = []
        for index, media_type in enumerate(ordered):
            media = content[media_type] if isinstance(content[media_type], dict) else {}
            suffix = "Request" if index == 0 else "Request" + naming.pascal(media_type)
            bodies.append(self.body_of(media_type, media, body, doc, where, hint + suffix))
        first = bodies[0]
        return replace(first, alternatives=tuple(bodies[1:]))

    def body_of(
        self,
        media_type: str,
        media: dict[str, Any],
        body: dict[str, Any],
        doc: Document,
        where: str,
        name: str,
    ) -> RequestBody:
        kind = body_kind(media_type)
        media_pointer = pointer_join(where, "content", media_type)
        schema = self.schemas.transform(
            media.get("schema") or {},
            doc,
            pointer_join(media_pointer, "schema"),
            name,
            top=False,
        )
        if kind == "binary":
            type_ref = TypeRef("bytes")
        elif kind == "text":
            type_ref = TypeRef("str")
        else:
            type_ref = self.schemas.annotate(schema)
            if kind != "json" and not type_ref.is_model:
                # A form or multipart body without an object schema: any mapping.
                type_ref = TypeRef("dict[str, Any]")
                self.ctx.warn(
                    "body-fallback",
                    f"{media_type} body without an object schema typed as dict[str, Any]",
                    media_pointer,
                    doc,
                )
        part_types: list[tuple[str, str]] = []
        styles: list[tuple[str, str, bool]] = []
        encoding = media.get("encoding")
        for prop, entry in (encoding if isinstance(encoding, dict) else {}).items():
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("contentType"), str):
                part_types.append((str(prop), entry["contentType"].split(",")[0].strip()))
            style = entry.get("style")
            if isinstance(style, str) or isinstance(entry.get("explode"), bool):
                style = style if isinstance(style, str) else "form"
                explode = entry.get("explode")
                styles.append(
                    (str(prop), style, explode if isinstance(explode, bool) else style == "form")
                )
        return RequestBody(
            media_type=media_type,
            kind=kind,
            type=type_ref,
            required=body.get("required") is True,
            description=str(body.get("description") or ""),
            schema=schema,
            part_types=tuple(part_types),
            styles=tuple(styles),
        )

    def responses(
        self, raw: Any, document: Document, pointer: str, hint: str
    ) -> tuple[Response, ...]:
        if not isinstance(raw, dict):
            return ()
        result = []
        first_success = True
        for status, entry in raw.items():
            status = str(status)
            response, doc, where = self.ctx.deref(entry, document, pointer_join(pointer, status))
            if not isinstance(response, dict):
                continue
            raw_content = response.get("content")
            content: dict[str, Any] = raw_content if isinstance(raw_content, dict) else {}
            media_type = prefer_media(content) if content else None
            type_ref: TypeRef | None = None
            schema: dict[str, Any] | None = None
            examples: tuple[tuple[str, Any], ...] = ()
            alternatives: tuple[tuple[str, TypeRef], ...] = ()
            event_type: TypeRef | None = None
            if media_type is not None:
                media = content[media_type] if isinstance(content[media_type], dict) else {}
                success = status.startswith("2")
                name = hint + (
                    "Response"
                    if success and first_success
                    else f"Response{status}"
                    if success
                    else f"Error{status}"
                )
                schema = self.schemas.transform(
                    media.get("schema") or media.get("itemSchema") or {},
                    doc,
                    pointer_join(where, "content", media_type, "schema"),
                    name,
                )
                alternatives = self.alternatives(
                    content, media_type, schema, doc, where, name, success
                )
                event_type = next((t for m, t in alternatives if is_event_stream(m)), None)
                plain = [t for m, t in alternatives if not is_event_stream(m)]
                type_ref = _union(plain) if plain else None
                examples = media_examples(media)
                first_success = first_success and not success
            raw_headers = response.get("headers")
            header_names: set[str] = set()
            headers = tuple(
                self.header(
                    str(name), value, doc, pointer_join(where, "headers", name), header_names
                )
                for name, value in (raw_headers if isinstance(raw_headers, dict) else {}).items()
                if str(name).lower() != "content-type"
            )
            result.append(
                Response(
                    status,
                    str(response.get("description") or ""),
                    media_type,
                    type_ref,
                    headers,
                    examples,
                    schema,
                    alternatives,
                    event_type,
                )
            )
        return tuple(result)

    def alternatives(
        self,
        content: dict[str, Any],
        preferred: str,
        preferred_schema: dict[str, Any],
        document: Document,
        where: str,
        name: str,
        success: bool,
    ) -> tuple[tuple[str, TypeRef], ...]:
        """Each media type of a response with its Python type. Only success responses get
        more than the preferred one (error bodies are decoded by the error classes)."""
        result = []
        for media_type in content if success else (preferred,):
            media_type = str(media_type)
            kind = body_kind(media_type)
            media = content[media_type] if isinstance(content[media_type], dict) else {}
            if media_type == preferred:
                schema = preferred_schema
            elif kind == "json" or is_event_stream(media_type):
                suffix = "Event" if is_event_stream(media_type) else naming.pascal(media_type)
                schema = self.schemas.transform(
                    media.get("schema") or media.get("itemSchema") or {},
                    document,
                    pointer_join(where, "content", media_type, "schema"),
                    name + suffix,
                )
            else:
                schema = {}
            if is_event_stream(media_type):
                # Each event's data: typed when a schema says what it is, else the raw events.
                typed = bool(schema) and schema.get("type") != "string"
                type_ref = self.schemas.annotate(schema) if typed else TypeRef("ServerSentEvent")
            elif kind == "json":
                type_ref = self.schemas.annotate(schema)
            else:
                type_ref = TypeRef("bytes" if kind == "binary" else "str")
            result.append((media_type, type_ref))
        return tuple(result)

    def header(
        self, name: str, raw: Any, document: Document, pointer: str, taken: set[str]
    ) -> Header:
        header, doc, where = self.ctx.deref(raw, document, pointer)
        schema = header.get("schema") if isinstance(header, dict) else None
        transformed = self.schemas.transform(
            schema or {}, doc, pointer_join(where, "schema"), naming.pascal(name)
        )
        return Header(
            wire_name=str(name),
            python_name=naming.unique(naming.snake(name, fallback="header"), taken),
            type=self.schemas.annotate(transformed),
            required=isinstance(header, dict) and header.get("required") is True,
            description=str(header.get("description") or "") if isinstance(header, dict) else "",
        )


def _style(param: dict[str, Any], location: str) -> str:
    style = param.get("style")
    if isinstance(style, str) and style:
        return style
    return "simple" if location in ("path", "header") else "form"


def _explode(param: dict[str, Any], location: str) -> bool:
    """`explode` defaults to true for `form` and false for every other style."""
    explode = param.get("explode")
    return explode if isinstance(explode, bool) else _style(param, location) == "form"


def _union(types: list[TypeRef]) -> TypeRef:
    annotations = list(dict.fromkeys(t.annotation for t in types))
    if len(annotations) == 1:
        return types[0]
    models = tuple(sorted({m for t in types for m in t.models}))
    return TypeRef(" | ".join(annotations), models)


def _accept(responses: Iterable[Response]) -> str | None:
    media = [
        m
        for r in responses
        if r.is_returned
        for m in ([a for a, _ in r.alternatives] or [r.media_type or ""])
        if m
    ]
    unique = list(dict.fromkeys(m for m in media if m))
    return ", ".join(unique) if unique else None
