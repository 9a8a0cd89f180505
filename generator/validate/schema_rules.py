"""Meaning rules of Schema Objects, for the walk in `meaning`: references beside keywords,
discriminator mappings, required names, enum and default types, patterns, and the queueing of
subschemas (a branch of a composition may require what its siblings declare)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from generator.diagnostics import pointer_escape, pointer_join
from generator.load import Document, RefError, SpecSet
from generator.validate.nodes import (
    JSON_TYPES,
    Kind,
    Mode,
    Visit,
    entries,
    has_type,
    items,
    regex_problem,
)

if TYPE_CHECKING:
    from generator.validate.walk_memo import WalkMemo

# Keywords whose value is one subschema / a list of them / a map of them.
_ONE_SCHEMA = (
    "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems",
    "unevaluatedProperties", "additionalItems", "contentSchema", "items", "additionalProperties",
)  # fmt: skip
_SCHEMA_LISTS = ("prefixItems", "items")
_SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs", "definitions")
_COMPOSITION = ("allOf", "anyOf", "oneOf")
_COMPOSITION_SET = frozenset(_COMPOSITION)  # most schemas have none: one C-level test
_SUBSCHEMA_KEYWORDS = frozenset(_ONE_SCHEMA + _SCHEMA_LISTS + _SCHEMA_MAPS)
_NAMES_DEPTH = 64


class Walker(Protocol):
    """The walk the schema rules report to and queue on (`meaning.Walker`), declared here so
    the rules need nothing from the walk's module."""

    spec: SpecSet
    memo: WalkMemo | None
    legacy: bool

    def report(self, rule: str, message: str, document: Document, pointer: str) -> None: ...
    def push(self, visit: Visit) -> None: ...
    def deref(
        self, document: Document, pointer: str, node: Any, *, content: bool = False
    ) -> tuple[Document, str, Any] | None: ...
    def target_of(
        self, document: Document, pointer: str, node: Any
    ) -> tuple[Document, str, Any]: ...
    def expect(
        self, rule: str, value: Any, doc: Document, pointer: str,
        schema_doc: Document, schema_pointer: str, mode: Mode,
    ) -> None: ...  # fmt: skip


class SchemaRules:
    """The schema handler of one walk (it reports and queues through `walker`)."""

    def __init__(self, walker: Walker) -> None:
        self.walker = walker
        self.patterns: dict[str, str | None] = {}
        self.names_cache: dict[tuple[Path, str], frozenset[str]] = {}
        # With a walk memo: the nodes behind `$ref`s each cached answer read (the units whose
        # content it depends on, however many visits reuse it).
        self.names_reads: dict[tuple[Path, str], tuple[tuple[Document, str], ...]] = {}
        self.in_progress: set[tuple[Path, str]] = set()

    def visit(self, visit: Visit) -> None:
        node, doc, pointer = visit.node, visit.document, visit.pointer
        if not isinstance(node, dict):
            return
        if "$ref" in node:  # only 3.1 gets here: the target and the siblings both apply
            target = self.walker.deref(doc, pointer, node)
            if target is not None:
                self.walker.push(Visit(Kind.SCHEMA, *target))
        self._check_discriminator(doc, pointer, node.get("discriminator"))
        self._check_required(doc, pointer, node, visit.sibling_names)
        self._check_enum(doc, pointer, node)
        self._check_patterns(doc, pointer, node)
        if "default" in node and self._default_type_mismatch(doc, pointer, node):
            pass  # reported as the 3.0 MUST; the schema check would only repeat it
        elif "default" in node:
            self.walker.expect("default-invalid", node["default"], doc, pointer_join(pointer, "default"),
                         doc, pointer, Mode.ANY)  # fmt: skip
        if "example" in node:
            self.walker.expect("example-invalid", node["example"], doc, pointer_join(pointer, "example"),
                         doc, pointer, Mode.ANY)  # fmt: skip
        examples = node.get("examples")
        if isinstance(examples, list):  # 3.1 (JSON Schema) examples: a list of values
            for index, example in enumerate(examples):
                where = pointer_join(pointer, "examples", index)
                self.walker.expect("example-invalid", example, doc, where, doc, pointer, Mode.ANY)
        self._push_subschemas(doc, pointer, node, visit.sibling_names)

    def _default_type_mismatch(self, doc: Document, pointer: str, node: dict[str, Any]) -> bool:
        """3.0 says a default "MUST conform to the defined type" (3.1 leaves it to JSON Schema,
        where `default` is an annotation: the check stays a warning there)."""
        kind, value = node.get("type"), node.get("default")
        if not self.walker.legacy or not isinstance(kind, str) or kind not in JSON_TYPES:
            return False
        if (value is None and node.get("nullable") is True) or has_type(value, {kind}):
            return False
        message = f"default {value!r} is not of type {kind!r} (OpenAPI 3.0: it MUST be)"
        self.walker.report("default-type-mismatch", message, doc, pointer_join(pointer, "default"))
        return True

    def _push_subschemas(
        self, doc: Document, pointer: str, node: dict[str, Any], inherited: frozenset[str]
    ) -> None:
        # A branch of a composition may require what the rest of the composition declares.
        if not _COMPOSITION_SET.isdisjoint(node) and any(
            isinstance(node.get(keyword), list) for keyword in _COMPOSITION
        ):
            shared = self._names(doc, pointer, node) | inherited
            for keyword in _COMPOSITION:
                for index, branch in enumerate(items(node.get(keyword))):
                    where = pointer_join(pointer, keyword, index)
                    self.walker.push(Visit(Kind.SCHEMA, doc, where, branch, sibling_names=shared))
        push = self.walker.push
        for keyword, value in node.items():
            if keyword not in _SUBSCHEMA_KEYWORDS:
                continue
            where = f"{pointer or '#'}/{keyword}"  # a keyword has nothing to escape
            if keyword in _SCHEMA_MAPS:
                if isinstance(value, dict):
                    for name, item in value.items():
                        child = f"{where}/{pointer_escape(str(name))}"
                        push(Visit(Kind.SCHEMA, doc, child, item))
            elif isinstance(value, dict):
                push(Visit(Kind.SCHEMA, doc, where, value))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    push(Visit(Kind.SCHEMA, doc, f"{where}/{index}", item))

    def _check_discriminator(self, doc: Document, pointer: str, discriminator: Any) -> None:
        """Mapping values are `$ref`s or names of component schemas; both must exist."""
        mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
        for value, target in entries(mapping):
            if not isinstance(target, str):
                continue
            ref = target if "#" in target or "/" in target or "." in target else None
            where = pointer_join(pointer, "discriminator", "mapping", value)
            try:
                found = self.walker.spec.resolve(ref or f"#/components/schemas/{target}", doc)
                if self.walker.memo is not None:  # only that it is there counts
                    self.walker.memo.read(found.document, found.pointer, content=False)
            except RefError as exc:
                if exc.rule != "ref-remote" or not self.walker.spec.allow_remote:
                    message = str(exc) if ref else f"no component schema named {target!r}"
                    self.walker.report(exc.rule, f"discriminator mapping: {message}", doc, where)

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
                self.walker.report("required-duplicate", f"{name!r} is listed twice in required",
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
                self.walker.report(
                    "required-missing-property",
                    f"required property {name!r} is not defined in properties",
                    doc, pointer_join(pointer, "required", index),
                )  # fmt: skip

    def _names(self, doc: Document, pointer: str, node: Any, depth: int = 0) -> frozenset[str]:
        """Property names a schema declares, itself or through allOf/anyOf/oneOf and `$ref`s."""
        names = self._names_of(doc, pointer, node, depth)
        memo = self.walker.memo
        if memo is not None:
            memo.read_all(self.names_reads.get((doc.path, pointer), ()))
        return names

    def _names_of(self, doc: Document, pointer: str, node: Any, depth: int) -> frozenset[str]:
        key = (doc.path, pointer)
        cached = self.names_cache.get(key)
        if cached is not None:
            if key in self.in_progress and self.walker.memo is not None:
                self.walker.memo.give_up()  # a cycle: the answer depends on where it began
            return cached
        self.names_cache[key] = frozenset()  # a recursive schema contributes nothing twice
        self.in_progress.add(key)
        names: set[str] = set()
        reads: list[tuple[Document, str]] = []
        if depth < _NAMES_DEPTH and isinstance(node, dict) and "$ref" in node:
            target_doc, target_pointer, target = self.walker.target_of(doc, pointer, node)
            if target is not None:
                names |= self._names_of(target_doc, target_pointer, target, depth + 1)
                reads += [(target_doc, target_pointer), *self._reads(target_doc, target_pointer)]
        if depth < _NAMES_DEPTH and isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                names.update(str(name) for name in properties)
            for keyword in _COMPOSITION:
                for index, branch in enumerate(items(node.get(keyword))):
                    where = pointer_join(pointer, keyword, index)
                    names |= self._names_of(doc, where, branch, depth + 1)
                    reads += self._reads(doc, where)
        result = frozenset(names)
        self.names_cache[key] = result
        self.in_progress.discard(key)
        if reads and self.walker.memo is not None:
            self.names_reads[key] = tuple({(id(d), at): (d, at) for d, at in reads}.values())
        return result

    def _reads(self, doc: Document, pointer: str) -> tuple[tuple[Document, str], ...]:
        return self.names_reads.get((doc.path, pointer), ())

    def _check_enum(self, doc: Document, pointer: str, node: dict[str, Any]) -> None:
        enum, declared = node.get("enum"), node.get("type")
        if not isinstance(enum, list) or not isinstance(declared, str | list):
            return
        types = (
            {declared} if isinstance(declared, str) else {t for t in declared if isinstance(t, str)}
        )
        if self.walker.legacy and node.get("nullable") is True:
            types.add("null")
        for index, value in enumerate(enum):
            if not has_type(value, types):
                shown = declared if isinstance(declared, str) else " or ".join(sorted(types))
                self.walker.report("enum-type-mismatch", f"enum value {value!r} is not of type {shown}",
                            doc, pointer_join(pointer, "enum", index))  # fmt: skip

    def _check_patterns(self, doc: Document, pointer: str, node: dict[str, Any]) -> None:
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            self._check_pattern(pattern, doc, pointer_join(pointer, "pattern"))
        for key, _ in entries(node.get("patternProperties")):
            self._check_pattern(key, doc, pointer_join(pointer, "patternProperties", key))

    def _check_pattern(self, pattern: str, doc: Document, pointer: str) -> None:
        if pattern not in self.patterns:
            self.patterns[pattern] = regex_problem(pattern)
        problem = self.patterns[pattern]
        if problem is not None:
            self.walker.report(
                "pattern-unsupported",
                f"pattern {pattern!r} is not a Python regex ({problem}); it will not be enforced",
                doc, pointer,
            )  # fmt: skip
