"""Meaning: one iterative walk over the OpenAPI structure, across every file `$ref`s reach.

The walk knows what each node is (operation, parameter, schema, ...) from where it was
reached, follows `$ref`s (reporting those that do not resolve), and visits every node of a
kind once. Examples and defaults are collected here and checked afterwards (see examples.py).
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from typing import Any

from generator.cursor import Cursor, RefChainError, follow
from generator.diagnostics import pointer_join
from generator.load import Document, SpecSet, pointer_tokens
from generator.openapi import METHODS
from generator.validate.nodes import (
    COMPONENT_KINDS,
    ExampleCheck,
    Finding,
    Kind,
    Mode,
    Param,
    Visit,
    WalkResult,
    entries,
    regex_problem,
)
from generator.validate.schema_rules import SchemaRules
from generator.validate.walk_memo import Diverged, WalkMemo

__all__ = ["ExampleCheck", "Finding", "Kind", "Mode", "WalkResult", "regex_problem", "walk"]

_TEMPLATE_NAME = re.compile(r"\{([^{}]*)\}")


def walk(spec: SpecSet, version: str, memo: WalkMemo | None = None) -> WalkResult:
    """Every finding of the walk and the values it leaves for the schema check. `memo`: a
    long-lived process's record of its last walk of this spec (see `walk_memo`)."""
    walker = Walker(spec, version, memo)
    try:
        walker.run()
    except Diverged:
        assert memo is not None
        memo = memo.fresh()
        walker = Walker(spec, version, memo)
        walker.run()
    if memo is not None:
        if memo.replayed and memo.run.verify:  # every replayed unit against a full walk
            shadow = memo.shadow()
            Walker(spec, version, shadow).run()
            memo.verify(shadow)
        memo.finish()
    return WalkResult(walker.findings, walker.examples)


class Walker:
    def __init__(self, spec: SpecSet, version: str, memo: WalkMemo | None = None) -> None:
        self.spec = spec
        self.memo = memo
        self.legacy = version == "3.0"  # 3.0: `$ref` siblings are ignored, `nullable` exists
        self.findings: list[Finding] = []
        self.examples: list[ExampleCheck] = []
        self.queue: deque[Visit] = deque()
        self.seen: set[tuple[Kind, int, str]] = set()
        self.seen_objects: set[tuple[Kind, int]] = set()
        self.bad_refs: set[tuple[Path, str]] = set()
        self.operation_ids: dict[str, tuple[Document, str]] = {}
        self.schemas = SchemaRules(self)

    # -- driving ---------------------------------------------------------------------------

    def run(self) -> None:
        root = self.spec.root
        self._root(root, root.data)
        memo = self.memo
        while self.queue:
            visit = self.queue.popleft()
            if memo is not None and memo.enter(self, visit):
                continue  # its unit's work was replayed
            handler = _HANDLERS[visit.kind]
            handler(self, visit)

    def report(self, rule: str, message: str, document: Document, pointer: str) -> None:
        self.findings.append(Finding(rule, message, document, pointer))
        if self.memo is not None:
            self.memo.report(rule, message, document, pointer)

    def push(self, visit: Visit) -> None:
        """Queue a node, through its `$ref` chain; each (kind, location) is visited once."""
        node = visit.node
        is_object = isinstance(node, dict)
        # 3.1 keeps a schema's `$ref` siblings: SchemaRules follows that `$ref` itself.
        if is_object and "$ref" in node and (visit.kind is not Kind.SCHEMA or self.legacy):
            target = self.deref(visit.document, visit.pointer, node)
            if target is None:
                return
            document, pointer, node = target
            is_object = isinstance(node, dict)
            visit = Visit(visit.kind, document, pointer, node, visit.mode, visit.template,
                          visit.sibling_names)  # fmt: skip
        if self.memo is not None:
            self.memo.pushed(visit)
        # Pushed ~57,000 times on GitHub's spec: the keys hash builtins only (a Kind member,
        # whose hash is its identity, and the document object, one per file in the walk).
        key = (visit.kind, id(visit.document), visit.pointer)
        # YAML aliases share one object between many places: its subtree is walked once.
        shared = (visit.kind, id(node))
        if key in self.seen or (is_object and shared in self.seen_objects):
            return
        self.seen.add(key)
        if is_object:
            self.seen_objects.add(shared)
        self.queue.append(visit)

    def deref(
        self, document: Document, pointer: str, node: Any, *, content: bool = False
    ) -> tuple[Document, str, Any] | None:
        """Follow a chain of `$ref`s to a value; report (once) a chain that fails or loops.
        `content`: the caller reads the value found, not only where it is."""
        trail: list[Cursor] | None = [] if self.memo is not None else None
        try:
            found = follow(self.spec, Cursor(node, document, pointer), trail)
        except RefChainError as exc:
            at = exc.cursor
            if exc.rule == "ref-cycle":
                # Every member of the loop is reported once, at the first one reached.
                loop = list(exc.loop)
                if not self.bad_refs.intersection(loop):
                    self._bad_ref("ref-cycle", _cycle_message(loop), at.document, at.pointer)
                self.bad_refs.update(loop)
            elif exc.rule != "ref-remote" or not self.spec.allow_remote:
                self._bad_ref(exc.rule, str(exc), at.document, at.pointer)
            return None
        if trail:
            assert self.memo is not None
            for hop in trail[:-1]:  # the chain went on through these: their `$ref`s count
                self.memo.read(hop.document, hop.pointer, content=True)
            self.memo.read(found.document, found.pointer, content=content)
        return found.document, found.pointer, found.value

    def _bad_ref(self, rule: str, message: str, document: Document, pointer: str) -> None:
        if (document.path, pointer) not in self.bad_refs:
            self.bad_refs.add((document.path, pointer))
            self.report(rule, message, document, pointer_join(pointer, "$ref"))

    def target_of(self, document: Document, pointer: str, node: Any) -> tuple[Document, str, Any]:
        """Where a node's `$ref` chain leads, for a caller that reads what it finds there (the
        value is None if it leads nowhere)."""
        target = self.deref(document, pointer, node, content=True)
        return target if target is not None else (document, pointer, None)

    # -- the document ------------------------------------------------------------------------

    def _root(self, doc: Document, data: dict[str, Any]) -> None:
        info = data.get("info")
        if isinstance(info, dict) and "version" not in info:
            self.report("info-version-missing", "info.version is missing", doc, "#/info")
        paths = data.get("paths")
        for key, item in entries(paths):
            if key.startswith("/"):
                self.push(Visit(Kind.PATH_ITEM, doc, pointer_join("#", "paths", key), item,
                                 template=key))  # fmt: skip
        for key, item in entries(data.get("webhooks")):
            self.push(Visit(Kind.PATH_ITEM, doc, pointer_join("#", "webhooks", key), item))
        components = data.get("components")
        if isinstance(components, dict):
            self._components(doc, components)

    def _components(self, doc: Document, components: dict[str, Any]) -> None:
        for section, (kind, mode) in COMPONENT_KINDS.items():
            for name, node in entries(components.get(section)):
                pointer = pointer_join("#", "components", section, name)
                self.push(Visit(kind, doc, pointer, node, mode))

    def _path_item(self, visit: Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        shared = self._parameters(doc, pointer, node.get("parameters"))
        for method in METHODS:
            operation = node.get(method)
            if not isinstance(operation, dict):
                continue
            op_pointer = pointer_join(pointer, method)
            self.push(Visit(Kind.OPERATION, doc, op_pointer, operation, template=visit.template))
            if visit.template is not None:
                own = self._parameters(doc, op_pointer, operation.get("parameters"))
                self._check_path_params(visit.template, method, doc, op_pointer, shared + own)

    def _parameters(self, doc: Document, pointer: str, params: Any) -> list[Param]:
        """The parameters of a path item or operation, resolved, each queued for checking."""
        found: list[Param] = []
        if not isinstance(params, list):
            return found
        for index, param in enumerate(params):
            where = pointer_join(pointer, "parameters", index)
            self.push(Visit(Kind.PARAMETER, doc, where, param, Mode.REQUEST))
            target_doc, target_pointer, value = self.target_of(doc, where, param)
            if isinstance(value, dict):
                found.append(Param(target_doc, target_pointer, value))
        return found

    def _check_path_params(
        self, template: str, method: str, doc: Document, op_pointer: str, params: list[Param]
    ) -> None:
        effective: dict[tuple[str, str], Param] = {}
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

    def _operation(self, visit: Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        operation_id = node.get("operationId")
        if isinstance(operation_id, str):
            if self.memo is not None:
                self.memo.operation(operation_id, pointer)
            self._register(operation_id, doc, pointer)
        if visit.template is None:  # path items reached elsewhere queue their own parameters
            self._parameters(doc, pointer, node.get("parameters"))
        body = node.get("requestBody")
        if body is not None:
            where = pointer_join(pointer, "requestBody")
            self.push(Visit(Kind.REQUEST_BODY, doc, where, body, Mode.REQUEST))
        for status, response in entries(node.get("responses")):
            if not status.startswith("x-"):
                where = pointer_join(pointer, "responses", status)
                self.push(Visit(Kind.RESPONSE, doc, where, response, Mode.RESPONSE))
        for name, callback in entries(node.get("callbacks")):
            self.push(Visit(Kind.CALLBACK, doc, pointer_join(pointer, "callbacks", name), callback))

    def _register(self, operation_id: str, doc: Document, pointer: str) -> None:
        """The first operation to use an operationId keeps it; later ones are reported."""
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

    def _operation_id(self, visit: Visit) -> None:
        """A replayed operation (see walk_memo): only its operationId is registered."""
        self._register(visit.node, visit.document, visit.pointer)

    def _callback(self, visit: Visit) -> None:
        for expression, item in entries(visit.node):
            if not expression.startswith("x-"):
                where = pointer_join(visit.pointer, expression)
                self.push(Visit(Kind.PATH_ITEM, visit.document, where, item))

    def _parameter(self, visit: Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        self._content(doc, pointer, node.get("content"), visit.mode)
        schema = node.get("schema")
        if schema is None:
            return
        schema_pointer = pointer_join(pointer, "schema")
        self.push(Visit(Kind.SCHEMA, doc, schema_pointer, schema))
        self._examples(doc, pointer, node, schema_pointer, visit.mode)

    def _request_body(self, visit: Visit) -> None:
        if isinstance(visit.node, dict):
            self._content(visit.document, visit.pointer, visit.node.get("content"), visit.mode)

    def _response(self, visit: Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        self._content(doc, pointer, node.get("content"), Mode.RESPONSE)
        self._headers(doc, pointer, node.get("headers"))
        for name, link in entries(node.get("links")):
            self.push(Visit(Kind.OTHER, doc, pointer_join(pointer, "links", name), link))

    def _headers(self, doc: Document, pointer: str, headers: Any) -> None:
        for name, header in entries(headers):
            where = pointer_join(pointer, "headers", name)
            self.push(Visit(Kind.HEADER, doc, where, header, Mode.RESPONSE))

    def _content(self, doc: Document, pointer: str, content: Any, mode: Mode) -> None:
        for media, media_type in entries(content):
            where = pointer_join(pointer, "content", media)
            self.push(Visit(Kind.MEDIA_TYPE, doc, where, media_type, mode))

    def _media_type(self, visit: Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        for name, encoding in entries(node.get("encoding")):
            if isinstance(encoding, dict):
                self._headers(doc, pointer_join(pointer, "encoding", name), encoding.get("headers"))
        schema = node.get("schema")
        if schema is None:
            return
        schema_pointer = pointer_join(pointer, "schema")
        self.push(Visit(Kind.SCHEMA, doc, schema_pointer, schema))
        self._examples(doc, pointer, node, schema_pointer, visit.mode)

    def _examples(
        self, doc: Document, pointer: str, node: dict[str, Any], schema_pointer: str, mode: Mode
    ) -> None:
        """`example` and every `examples` entry (Example Objects, maybe `$ref`d) of a holder."""
        if "example" in node and "examples" in node:
            message = "`example` and `examples` are mutually exclusive: keep one"
            self.report("example-and-examples", message, doc, pointer)
        if "example" in node:
            self.expect("example-invalid", node["example"], doc, pointer_join(pointer, "example"),
                         doc, schema_pointer, mode)  # fmt: skip
        for name, example in entries(node.get("examples")):
            where = pointer_join(pointer, "examples", name)
            self.push(Visit(Kind.OTHER, doc, where, example))
            target = self.deref(doc, where, example, content=True)
            if target is None:
                continue
            example_doc, example_pointer, value = target
            if isinstance(value, dict) and "value" in value:
                where = pointer_join(example_pointer, "value")
                self.expect("example-invalid", value["value"], example_doc, where,
                             doc, schema_pointer, mode)  # fmt: skip

    def expect(
        self, rule: str, value: Any, doc: Document, pointer: str,
        schema_doc: Document, schema_pointer: str, mode: Mode,
    ) -> None:  # fmt: skip
        check = ExampleCheck(rule, value, doc, pointer, schema_doc, schema_pointer, mode)
        self.examples.append(check)
        if self.memo is not None:
            self.memo.expect(value, check)

    def _other(self, visit: Visit) -> None:
        """Examples, links and security schemes: reaching them resolved their `$ref`; done."""


def _cycle_message(loop: list[tuple[Path, str]]) -> str:
    if len(loop) == 1:
        return "this $ref points to itself"
    hops = " -> ".join(pointer for _, pointer in [*loop, loop[0]])
    return f"this $ref chain leads back to itself: {hops}"


def _describe(pointer: str) -> str:
    tokens = pointer_tokens(pointer)
    if len(tokens) >= 3 and tokens[0] == "paths":
        return f"{tokens[2].upper()} {tokens[1]}"
    return pointer


_HANDLERS = {
    Kind.PATH_ITEM: Walker._path_item,
    Kind.OPERATION: Walker._operation,
    Kind.PARAMETER: Walker._parameter,
    Kind.HEADER: Walker._parameter,
    Kind.REQUEST_BODY: Walker._request_body,
    Kind.RESPONSE: Walker._response,
    Kind.MEDIA_TYPE: Walker._media_type,
    Kind.CALLBACK: Walker._callback,
    Kind.SCHEMA: lambda walker, visit: walker.schemas.visit(visit),
    Kind.OTHER: Walker._other,
    Kind.OPERATION_ID: Walker._operation_id,
}
