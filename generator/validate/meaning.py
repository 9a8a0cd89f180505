"""Meaning: one iterative walk over the OpenAPI structure, across every file `$ref`s reach.

The walk knows what each node is (operation, parameter, schema, ...) from where it was
reached, follows `$ref`s (reporting those that do not resolve), and visits every node of a
kind once. Examples and defaults are collected here and checked afterwards (see examples.py).
"""

from __future__ import annotations

import re
import warnings
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from generator.diagnostics import pointer_join
from generator.load import Document, RefError, SpecSet, pointer_tokens

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEMPLATE_NAME = re.compile(r"\{([^{}]*)\}")
# Keywords whose value is one subschema / a list of them / a map of them.
_ONE_SCHEMA = (
    "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems",
    "unevaluatedProperties", "additionalItems", "contentSchema", "items", "additionalProperties",
)  # fmt: skip
_SCHEMA_LISTS = ("prefixItems", "items")
_SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs", "definitions")
_COMPOSITION = ("allOf", "anyOf", "oneOf")
_SUBSCHEMA_KEYWORDS = frozenset(_ONE_SCHEMA + _SCHEMA_LISTS + _SCHEMA_MAPS)
_NAMES_DEPTH = 64


class Kind(Enum):
    PATH_ITEM = "path item"
    OPERATION = "operation"
    PARAMETER = "parameter"
    HEADER = "header"
    REQUEST_BODY = "request body"
    RESPONSE = "response"
    MEDIA_TYPE = "media type"
    CALLBACK = "callback"
    SCHEMA = "schema"
    OTHER = "object"  # only its `$ref` matters (examples, links, security schemes)


class Mode(Enum):
    """Which side of the wire an example stands for: readOnly/writeOnly relax `required`."""

    REQUEST = "request"
    RESPONSE = "response"
    ANY = "any"


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    document: Document
    pointer: str
    at: tuple[int | None, int | None] | None = None  # a position the pointer cannot name


@dataclass(frozen=True)
class ExampleCheck:
    """A value (example or default) that must validate against the schema at a location."""

    rule: str
    value: Any
    document: Document
    pointer: str
    schema_document: Document
    schema_pointer: str
    mode: Mode


@dataclass(frozen=True)
class _Visit:
    kind: Kind
    document: Document
    pointer: str
    node: Any
    mode: Mode = Mode.ANY
    template: str | None = None  # the path template, for path items under `paths`
    sibling_names: frozenset[str] = frozenset()  # properties an enclosing allOf declares


@dataclass(frozen=True)
class _Param:
    document: Document
    pointer: str
    node: dict[str, Any]


@dataclass(frozen=True)
class WalkResult:
    findings: list[Finding]
    examples: list[ExampleCheck]


def walk(spec: SpecSet, version: str) -> WalkResult:
    walker = _Walker(spec, version)
    walker.run()
    return WalkResult(walker.findings, walker.examples)


class _Walker:
    def __init__(self, spec: SpecSet, version: str) -> None:
        self.spec = spec
        self.legacy = version == "3.0"  # 3.0: `$ref` siblings are ignored, `nullable` exists
        self.findings: list[Finding] = []
        self.examples: list[ExampleCheck] = []
        self.queue: deque[_Visit] = deque()
        self.seen: set[tuple[str, Path, str]] = set()
        self.seen_objects: set[tuple[str, int]] = set()
        self.bad_refs: set[tuple[Path, str]] = set()
        self.operation_ids: dict[str, tuple[Document, str]] = {}
        self.patterns: dict[str, str | None] = {}
        self.names_cache: dict[tuple[Path, str], frozenset[str]] = {}

    # -- driving ---------------------------------------------------------------------------

    def run(self) -> None:
        root = self.spec.root
        self._root(root, root.data)
        while self.queue:
            visit = self.queue.popleft()
            handler = _HANDLERS[visit.kind]
            handler(self, visit)

    def report(self, rule: str, message: str, document: Document, pointer: str) -> None:
        self.findings.append(Finding(rule, message, document, pointer))

    def push(self, visit: _Visit) -> None:
        """Queue a node, through its `$ref` chain; each (kind, location) is visited once."""
        document, pointer, node = visit.document, visit.pointer, visit.node
        keep_siblings = visit.kind is Kind.SCHEMA and not self.legacy
        if isinstance(node, dict) and "$ref" in node and not keep_siblings:
            target = self.deref(document, pointer, node)
            if target is None:
                return
            document, pointer, node = target
        key = (visit.kind.value, document.path, pointer)
        # YAML aliases share one object between many places: its subtree is walked once.
        shared = (visit.kind.value, id(node))
        if key in self.seen or (isinstance(node, dict) and shared in self.seen_objects):
            return
        self.seen.add(key)
        if isinstance(node, dict):
            self.seen_objects.add(shared)
        self.queue.append(
            _Visit(visit.kind, document, pointer, node, visit.mode, visit.template,
                   visit.sibling_names)
        )  # fmt: skip

    def deref(
        self, document: Document, pointer: str, node: Any
    ) -> tuple[Document, str, Any] | None:
        """Follow a chain of `$ref`s to a value; report (once) a chain that fails or loops."""
        chain: list[tuple[Path, str]] = []
        while isinstance(node, dict) and "$ref" in node:
            link = (document.path, pointer)
            if link in chain:
                # Every member of the loop is reported once, at the first one reached.
                loop = chain[chain.index(link) :]
                if not self.bad_refs.intersection(loop):
                    self._bad_ref("ref-cycle", _cycle_message(loop), document, pointer)
                self.bad_refs.update(loop)
                return None
            chain.append(link)
            ref = node["$ref"]
            if not isinstance(ref, str):
                self._bad_ref("ref-unresolved", "$ref must be a string", document, pointer)
                return None
            try:
                resolved = self.spec.resolve(ref, document)
            except RefError as exc:
                if exc.rule != "ref-remote" or not self.spec.allow_remote:
                    self._bad_ref(exc.rule, str(exc), document, pointer)
                return None
            document, pointer, node = resolved.document, resolved.pointer, resolved.value
        return document, pointer, node

    def _bad_ref(self, rule: str, message: str, document: Document, pointer: str) -> None:
        if (document.path, pointer) not in self.bad_refs:
            self.bad_refs.add((document.path, pointer))
            self.report(rule, message, document, pointer_join(pointer, "$ref"))

    def target_of(self, document: Document, pointer: str, node: Any) -> tuple[Document, str, Any]:
        """Where a node's `$ref` chain leads (the value is None if it leads nowhere)."""
        target = self.deref(document, pointer, node)
        return target if target is not None else (document, pointer, None)

    # -- the document ------------------------------------------------------------------------

    def _root(self, doc: Document, data: dict[str, Any]) -> None:
        info = data.get("info")
        if isinstance(info, dict) and "version" not in info:
            self.report("info-version-missing", "info.version is missing", doc, "#/info")
        paths = data.get("paths")
        for key, item in _entries(paths):
            if key.startswith("/"):
                self.push(_Visit(Kind.PATH_ITEM, doc, pointer_join("#", "paths", key), item,
                                 template=key))  # fmt: skip
        for key, item in _entries(data.get("webhooks")):
            self.push(_Visit(Kind.PATH_ITEM, doc, pointer_join("#", "webhooks", key), item))
        components = data.get("components")
        if isinstance(components, dict):
            self._components(doc, components)

    def _components(self, doc: Document, components: dict[str, Any]) -> None:
        kinds = {
            "schemas": (Kind.SCHEMA, Mode.ANY),
            "parameters": (Kind.PARAMETER, Mode.REQUEST),
            "headers": (Kind.HEADER, Mode.RESPONSE),
            "requestBodies": (Kind.REQUEST_BODY, Mode.REQUEST),
            "responses": (Kind.RESPONSE, Mode.RESPONSE),
            "callbacks": (Kind.CALLBACK, Mode.ANY),
            "pathItems": (Kind.PATH_ITEM, Mode.ANY),
            "examples": (Kind.OTHER, Mode.ANY),
            "links": (Kind.OTHER, Mode.ANY),
            "securitySchemes": (Kind.OTHER, Mode.ANY),
        }
        for section, (kind, mode) in kinds.items():
            for name, node in _entries(components.get(section)):
                pointer = pointer_join("#", "components", section, name)
                self.push(_Visit(kind, doc, pointer, node, mode))

    def _path_item(self, visit: _Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        shared = self._parameters(doc, pointer, node.get("parameters"))
        for method in METHODS:
            operation = node.get(method)
            if not isinstance(operation, dict):
                continue
            op_pointer = pointer_join(pointer, method)
            self.push(_Visit(Kind.OPERATION, doc, op_pointer, operation, template=visit.template))
            if visit.template is not None:
                own = self._parameters(doc, op_pointer, operation.get("parameters"))
                self._check_path_params(visit.template, method, doc, op_pointer, shared + own)

    def _parameters(self, doc: Document, pointer: str, params: Any) -> list[_Param]:
        """The parameters of a path item or operation, resolved, each queued for checking."""
        found: list[_Param] = []
        if not isinstance(params, list):
            return found
        for index, param in enumerate(params):
            where = pointer_join(pointer, "parameters", index)
            self.push(_Visit(Kind.PARAMETER, doc, where, param, Mode.REQUEST))
            target_doc, target_pointer, value = self.target_of(doc, where, param)
            if isinstance(value, dict):
                found.append(_Param(target_doc, target_pointer, value))
        return found

    def _check_path_params(
        self, template: str, method: str, doc: Document, op_pointer: str, params: list[_Param]
    ) -> None:
        effective: dict[tuple[str, str], _Param] = {}
        for param in params:  # operation parameters override path-item ones
            name, location = param.node.get("name"), param.node.get("in")
            if isinstance(name, str) and isinstance(location, str):
                effective[(name, location)] = param
        in_path = {name: p for (name, where), p in effective.items() if where == "path"}
        names = _TEMPLATE_NAME.findall(template)
        verb = method.upper()
        for name in dict.fromkeys(names):
            if name not in in_path:
                self.report(
                    "path-param-undeclared",
                    f"{{{name}}} in {template!r} is not declared as a path parameter of {verb}",
                    doc, op_pointer,
                )  # fmt: skip
        for name, param in in_path.items():
            if name not in names:
                self.report(
                    "path-param-unused",
                    f"path parameter {name!r} does not appear in {template!r} ({verb})",
                    param.document, param.pointer,
                )  # fmt: skip
            elif param.node.get("required") is not True:
                self.report(
                    "path-param-not-required",
                    f"path parameter {name!r} must be declared with required: true",
                    param.document, param.pointer,
                )  # fmt: skip

    def _operation(self, visit: _Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        operation_id = node.get("operationId")
        if isinstance(operation_id, str):
            first = self.operation_ids.setdefault(operation_id, (doc, pointer))
            if first != (doc, pointer):
                first_doc, first_pointer = first
                line, _ = first_doc.locate(pointer_join(first_pointer, "operationId"))
                self.report(
                    "operation-id-duplicate",
                    f"operationId {operation_id!r} is already used at "
                    f"{first_doc.display}:{line} ({_describe(first_pointer)})",
                    doc, pointer_join(pointer, "operationId"),
                )  # fmt: skip
        if visit.template is None:  # path items reached elsewhere queue their own parameters
            self._parameters(doc, pointer, node.get("parameters"))
        body = node.get("requestBody")
        if body is not None:
            where = pointer_join(pointer, "requestBody")
            self.push(_Visit(Kind.REQUEST_BODY, doc, where, body, Mode.REQUEST))
        for status, response in _entries(node.get("responses")):
            if not status.startswith("x-"):
                where = pointer_join(pointer, "responses", status)
                self.push(_Visit(Kind.RESPONSE, doc, where, response, Mode.RESPONSE))
        for name, callback in _entries(node.get("callbacks")):
            self.push(
                _Visit(Kind.CALLBACK, doc, pointer_join(pointer, "callbacks", name), callback)
            )

    def _callback(self, visit: _Visit) -> None:
        for expression, item in _entries(visit.node):
            if not expression.startswith("x-"):
                where = pointer_join(visit.pointer, expression)
                self.push(_Visit(Kind.PATH_ITEM, visit.document, where, item))

    def _parameter(self, visit: _Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        self._content(doc, pointer, node.get("content"), visit.mode)
        schema = node.get("schema")
        if schema is None:
            return
        schema_pointer = pointer_join(pointer, "schema")
        self.push(_Visit(Kind.SCHEMA, doc, schema_pointer, schema))
        self._examples(doc, pointer, node, schema_pointer, visit.mode)

    def _request_body(self, visit: _Visit) -> None:
        if isinstance(visit.node, dict):
            self._content(visit.document, visit.pointer, visit.node.get("content"), visit.mode)

    def _response(self, visit: _Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        self._content(doc, pointer, node.get("content"), Mode.RESPONSE)
        self._headers(doc, pointer, node.get("headers"))
        for name, link in _entries(node.get("links")):
            self.push(_Visit(Kind.OTHER, doc, pointer_join(pointer, "links", name), link))

    def _headers(self, doc: Document, pointer: str, headers: Any) -> None:
        for name, header in _entries(headers):
            where = pointer_join(pointer, "headers", name)
            self.push(_Visit(Kind.HEADER, doc, where, header, Mode.RESPONSE))

    def _content(self, doc: Document, pointer: str, content: Any, mode: Mode) -> None:
        for media, media_type in _entries(content):
            where = pointer_join(pointer, "content", media)
            self.push(_Visit(Kind.MEDIA_TYPE, doc, where, media_type, mode))

    def _media_type(self, visit: _Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        for name, encoding in _entries(node.get("encoding")):
            if isinstance(encoding, dict):
                self._headers(doc, pointer_join(pointer, "encoding", name), encoding.get("headers"))
        schema = node.get("schema")
        if schema is None:
            return
        schema_pointer = pointer_join(pointer, "schema")
        self.push(_Visit(Kind.SCHEMA, doc, schema_pointer, schema))
        self._examples(doc, pointer, node, schema_pointer, visit.mode)

    def _examples(
        self, doc: Document, pointer: str, node: dict[str, Any], schema_pointer: str, mode: Mode
    ) -> None:
        """`example` and every `examples` entry (Example Objects, maybe `$ref`d) of a holder."""
        if "example" in node and "examples" in node:
            message = "`example` and `examples` are mutually exclusive: keep one"
            self.report("example-and-examples", message, doc, pointer)
        if "example" in node:
            self._expect("example-invalid", node["example"], doc, pointer_join(pointer, "example"),
                         doc, schema_pointer, mode)  # fmt: skip
        for name, example in _entries(node.get("examples")):
            where = pointer_join(pointer, "examples", name)
            self.push(_Visit(Kind.OTHER, doc, where, example))
            target = self.deref(doc, where, example)
            if target is None:
                continue
            example_doc, example_pointer, value = target
            if isinstance(value, dict) and "value" in value:
                where = pointer_join(example_pointer, "value")
                self._expect("example-invalid", value["value"], example_doc, where,
                             doc, schema_pointer, mode)  # fmt: skip

    def _expect(
        self, rule: str, value: Any, doc: Document, pointer: str,
        schema_doc: Document, schema_pointer: str, mode: Mode,
    ) -> None:  # fmt: skip
        self.examples.append(
            ExampleCheck(rule, value, doc, pointer, schema_doc, schema_pointer, mode)
        )

    def _other(self, visit: _Visit) -> None:
        """Examples, links and security schemes: reaching them resolved their `$ref`; done."""

    # -- schemas -------------------------------------------------------------------------------

    def _schema(self, visit: _Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        if "$ref" in node:  # only 3.1 gets here: the target and the siblings both apply
            target = self.deref(doc, pointer, node)
            if target is not None:
                self.push(_Visit(Kind.SCHEMA, *target))
        self._check_discriminator(doc, pointer, node.get("discriminator"))
        self._check_required(doc, pointer, node, visit.sibling_names)
        self._check_enum(doc, pointer, node)
        self._check_patterns(doc, pointer, node)
        if "default" in node and self._default_type_mismatch(doc, pointer, node):
            pass  # reported as the 3.0 MUST; the schema check would only repeat it
        elif "default" in node:
            self._expect("default-invalid", node["default"], doc, pointer_join(pointer, "default"),
                         doc, pointer, Mode.ANY)  # fmt: skip
        if "example" in node:
            self._expect("example-invalid", node["example"], doc, pointer_join(pointer, "example"),
                         doc, pointer, Mode.ANY)  # fmt: skip
        examples = node.get("examples")
        if isinstance(examples, list):  # 3.1 (JSON Schema) examples: a list of values
            for index, example in enumerate(examples):
                where = pointer_join(pointer, "examples", index)
                self._expect("example-invalid", example, doc, where, doc, pointer, Mode.ANY)
        self._push_subschemas(doc, pointer, node, visit.sibling_names)

    def _default_type_mismatch(self, doc: Document, pointer: str, node: dict[str, Any]) -> bool:
        """3.0 says a default "MUST conform to the defined type" (3.1 leaves it to JSON Schema,
        where `default` is an annotation: the check stays a warning there)."""
        kind, value = node.get("type"), node.get("default")
        if not self.legacy or not isinstance(kind, str) or kind not in _JSON_TYPES:
            return False
        if (value is None and node.get("nullable") is True) or _has_type(value, {kind}):
            return False
        message = f"default {value!r} is not of type {kind!r} (OpenAPI 3.0: it MUST be)"
        self.report("default-type-mismatch", message, doc, pointer_join(pointer, "default"))
        return True

    def _push_subschemas(
        self, doc: Document, pointer: str, node: dict[str, Any], inherited: frozenset[str]
    ) -> None:
        # A branch of a composition may require what the rest of the composition declares.
        if any(isinstance(node.get(keyword), list) for keyword in _COMPOSITION):
            shared = self._names(doc, pointer, node) | inherited
            for keyword in _COMPOSITION:
                for index, branch in enumerate(_items(node.get(keyword))):
                    where = pointer_join(pointer, keyword, index)
                    self.push(_Visit(Kind.SCHEMA, doc, where, branch, sibling_names=shared))
        for keyword, value in node.items():
            if keyword not in _SUBSCHEMA_KEYWORDS:
                continue
            where = pointer_join(pointer, keyword)
            if keyword in _SCHEMA_MAPS:
                for name, item in _entries(value):
                    self.push(_Visit(Kind.SCHEMA, doc, pointer_join(where, name), item))
            elif isinstance(value, dict):
                self.push(_Visit(Kind.SCHEMA, doc, where, value))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    self.push(_Visit(Kind.SCHEMA, doc, pointer_join(where, index), item))

    def _check_discriminator(self, doc: Document, pointer: str, discriminator: Any) -> None:
        """Mapping values are `$ref`s or names of component schemas; both must exist."""
        mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
        for value, target in _entries(mapping):
            if not isinstance(target, str):
                continue
            ref = target if "#" in target or "/" in target or "." in target else None
            where = pointer_join(pointer, "discriminator", "mapping", value)
            try:
                self.spec.resolve(ref or f"#/components/schemas/{target}", doc)
            except RefError as exc:
                if exc.rule != "ref-remote" or not self.spec.allow_remote:
                    message = str(exc) if ref else f"no component schema named {target!r}"
                    self.report(exc.rule, f"discriminator mapping: {message}", doc, where)

    def _check_required(
        self, doc: Document, pointer: str, node: dict[str, Any], sibling_names: frozenset[str]
    ) -> None:
        required = node.get("required")
        if not isinstance(required, list):
            return
        seen: set[str] = set()
        for index, name in enumerate(required):
            if not isinstance(name, str):
                continue
            if name in seen:
                self.report("required-duplicate", f"{name!r} is listed twice in required",
                            doc, pointer_join(pointer, "required", index))  # fmt: skip
            seen.add(name)
        # A bare `{required: [...]}` is a constraint mixin for some other schema's properties,
        # and extra properties declared by pattern or schema may legitimately be required.
        declares = "properties" in node or any(k in node for k in _COMPOSITION) or sibling_names
        open_ended = "patternProperties" in node or isinstance(
            node.get("additionalProperties"), dict
        )
        if not declares or open_ended:
            return
        known = self._names(doc, pointer, node) | sibling_names
        for index, name in enumerate(required):
            if isinstance(name, str) and name not in known:
                self.report(
                    "required-missing-property",
                    f"required property {name!r} is not defined in properties",
                    doc, pointer_join(pointer, "required", index),
                )  # fmt: skip

    def _names(self, doc: Document, pointer: str, node: Any, depth: int = 0) -> frozenset[str]:
        """Property names a schema declares, itself or through allOf/anyOf/oneOf and `$ref`s."""
        key = (doc.path, pointer)
        cached = self.names_cache.get(key)
        if cached is not None:
            return cached
        self.names_cache[key] = frozenset()  # a recursive schema contributes nothing twice
        names: set[str] = set()
        if depth < _NAMES_DEPTH and isinstance(node, dict) and "$ref" in node:
            target_doc, target_pointer, target = self.target_of(doc, pointer, node)
            if target is not None:
                names |= self._names(target_doc, target_pointer, target, depth + 1)
        if depth < _NAMES_DEPTH and isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                names.update(str(name) for name in properties)
            for keyword in _COMPOSITION:
                for index, branch in enumerate(_items(node.get(keyword))):
                    where = pointer_join(pointer, keyword, index)
                    names |= self._names(doc, where, branch, depth + 1)
        result = frozenset(names)
        self.names_cache[key] = result
        return result

    def _check_enum(self, doc: Document, pointer: str, node: dict[str, Any]) -> None:
        enum, declared = node.get("enum"), node.get("type")
        if not isinstance(enum, list) or not isinstance(declared, str | list):
            return
        types = (
            {declared} if isinstance(declared, str) else {t for t in declared if isinstance(t, str)}
        )
        if self.legacy and node.get("nullable") is True:
            types.add("null")
        for index, value in enumerate(enum):
            if not _has_type(value, types):
                shown = declared if isinstance(declared, str) else " or ".join(sorted(types))
                self.report("enum-type-mismatch", f"enum value {value!r} is not of type {shown}",
                            doc, pointer_join(pointer, "enum", index))  # fmt: skip

    def _check_patterns(self, doc: Document, pointer: str, node: dict[str, Any]) -> None:
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            self._check_pattern(pattern, doc, pointer_join(pointer, "pattern"))
        for key, _ in _entries(node.get("patternProperties")):
            self._check_pattern(key, doc, pointer_join(pointer, "patternProperties", key))

    def _check_pattern(self, pattern: str, doc: Document, pointer: str) -> None:
        if pattern not in self.patterns:
            self.patterns[pattern] = regex_problem(pattern)
        problem = self.patterns[pattern]
        if problem is not None:
            self.report(
                "pattern-unsupported",
                f"pattern {pattern!r} is not a Python regex ({problem}); it will not be enforced",
                doc, pointer,
            )  # fmt: skip


def _cycle_message(loop: list[tuple[Path, str]]) -> str:
    if len(loop) == 1:
        return "this $ref points to itself"
    hops = " -> ".join(pointer for _, pointer in [*loop, loop[0]])
    return f"this $ref chain leads back to itself: {hops}"


def regex_problem(pattern: str) -> str | None:
    try:
        with warnings.catch_warnings():  # "possible nested set" and the like: not our business
            warnings.simplefilter("ignore")
            re.compile(pattern)
    except (re.error, OverflowError, RecursionError) as exc:
        return str(exc)
    return None


_JSON_TYPES = frozenset({"null", "boolean", "integer", "number", "string", "array", "object"})


def _has_type(value: Any, types: set[str]) -> bool:
    if value is None:
        return "null" in types
    if isinstance(value, bool):
        return "boolean" in types
    if isinstance(value, int):
        return bool(types & {"integer", "number"})
    if isinstance(value, float):
        return "number" in types or ("integer" in types and value.is_integer())
    if isinstance(value, str):
        return "string" in types
    if isinstance(value, list):
        return "array" in types
    return "object" in types


def _entries(node: Any) -> Iterable[tuple[str, Any]]:
    return ((str(k), v) for k, v in node.items()) if isinstance(node, dict) else ()


def _items(node: Any) -> list[Any]:
    return node if isinstance(node, list) else []


def _describe(pointer: str) -> str:
    tokens = pointer_tokens(pointer)
    if len(tokens) >= 3 and tokens[0] == "paths":
        return f"{tokens[2].upper()} {tokens[1]}"
    return pointer


_HANDLERS = {
    Kind.PATH_ITEM: _Walker._path_item,
    Kind.OPERATION: _Walker._operation,
    Kind.PARAMETER: _Walker._parameter,
    Kind.HEADER: _Walker._parameter,
    Kind.REQUEST_BODY: _Walker._request_body,
    Kind.RESPONSE: _Walker._response,
    Kind.MEDIA_TYPE: _Walker._media_type,
    Kind.CALLBACK: _Walker._callback,
    Kind.SCHEMA: _Walker._schema,
    Kind.OTHER: _Walker._other,
}
