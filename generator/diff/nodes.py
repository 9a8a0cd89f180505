"""Positions inside a loaded spec set: a value, the document holding it and its JSON pointer;
an operation, by its method and path."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.cursor import Cursor, RefChainError, follow
from generator.diagnostics import Diagnostic, Level, SpecError, pointer_join
from generator.load import Document, SpecSet


@dataclass(frozen=True, slots=True)
class Node:
    value: Any
    document: Document
    pointer: str

    def child(self, *tokens: str | int) -> Node:
        value = self.value
        for token in tokens:
            if isinstance(value, dict):
                text = str(token)
                # YAML reads an unquoted `200:` as an integer key.
                value = value.get(text, value.get(int(text)) if text.isdigit() else None)
            elif isinstance(value, list) and isinstance(token, int) and token < len(value):
                value = value[token]
            else:
                value = None
        return Node(value, self.document, _join(self.pointer, tokens))

    def get(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default) if isinstance(self.value, dict) else default

    def mapping(self, key: str) -> dict[str, Any]:
        """A child that should be a mapping; anything else counts as absent."""
        value = self.get(key)
        return value if isinstance(value, dict) else {}

    def items(self, key: str) -> list[tuple[str, Node]]:
        return [(str(name), self.child(key, str(name))) for name in self.mapping(key)]


def _join(pointer: str, tokens: tuple[str | int, ...]) -> str:
    # The common token needs no escaping; skip pointer_join's replaces for it (hot path).
    for token in tokens:
        text = str(token)
        pointer += "/" + (
            text if "/" not in text and "~" not in text else pointer_join("", text)[2:]
        )
    return pointer


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a spec set and how its locations are written."""

    spec: SpecSet
    label: str
    _file_names: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def root(self) -> Node:
        return Node(self.spec.root.data, self.spec.root, "#")

    def location(self, node: Node) -> str:
        """`#/a/b` for the root document, `other.yaml#/a/b` for a file it references."""
        if node.document is self.spec.root:
            return node.pointer
        key = id(node.document)
        if key not in self._file_names:
            try:
                name = node.document.path.resolve().relative_to(self.spec.folder).as_posix()
            except ValueError:
                name = node.document.display
            self._file_names[key] = name
        return self._file_names[key] + node.pointer

    def deref(self, node: Node) -> Node:
        """Follow `$ref`s until a value that is not a reference."""
        try:
            found = follow(self.spec, Cursor(node.value, node.document, node.pointer))
        except RefChainError as exc:
            at = Node(exc.cursor.value, exc.cursor.document, exc.cursor.pointer)
            if exc.rule == "ref-cycle":
                raise self.error(
                    at, "ref-cycle", "references form a loop without reaching a value"
                ) from None
            raise self.error(at, exc.rule, str(exc)) from None
        return Node(found.value, found.document, found.pointer)

    def error(self, node: Node, rule: str, message: str) -> SpecError:
        line, col = node.document.locate(node.pointer)
        return SpecError(
            Diagnostic(rule, Level.ERROR, message, node.document.display, node.pointer, line, col)
        )

    @property
    def version(self) -> str:
        return str(self.spec.root.data.get("openapi", ""))


def keys_of(node: Node) -> Iterable[str]:
    """The keys of a node's mapping (none for anything else)."""
    return node.value.keys() if isinstance(node.value, dict) else ()


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def strings_in(value: Any) -> frozenset[str]:
    return frozenset(str(v) for v in as_list(value))


@dataclass(frozen=True)
class Operation:
    """One operation of a document: where it is, and its path item."""

    method: str
    path: str
    node: Node
    path_item: Node

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"
