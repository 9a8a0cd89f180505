"""Load OpenAPI documents (YAML or JSON) safely, and resolve `$ref`s across files.

The input is untrusted: binary files, YAML alias bombs, pathological nesting and reference
tricks are refused with a located `SpecError` instead of crashing or exhausting memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from generator.diagnostics import Diagnostic, Level, SpecError, pointer_join

MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 256
# A bomb expands a few hundred bytes of anchors into billions of nodes; real specs stay far below.
MAX_EXPANDED_NODES = 20_000_000
_DEEP_INDENT = re.compile(rb"\n {2048,}\S")
_BRACKETS = re.compile(rb"[\[\]{}]")


def _fail(
    rule: str, message: str, file: str, line: int | None = None, col: int | None = None
) -> SpecError:
    return SpecError(Diagnostic(rule, Level.ERROR, message, file, "", line, col))


@dataclass
class Document:
    """One parsed file. `data` is plain JSON-like Python data; positions are found lazily."""

    path: Path
    display: str
    data: Any
    text: str
    format: str
    _nodes: Any = field(default=None, repr=False)

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """1-based line and column of the value at a `#/a/b` pointer, or of its nearest parent."""
        node = self._node_tree()
        if node is None:
            return None, None
        best = node
        for token in pointer_tokens(pointer):
            child = _node_child(best, token)
            if child is None:
                break
            best = child
        return best.start_mark.line + 1, best.start_mark.column + 1

    def _node_tree(self) -> Any:
        if self._nodes is None:
            try:
                self._nodes = yaml.compose(self.text, Loader=yaml.CSafeLoader) or False
            except yaml.YAMLError:
                self._nodes = False
        return self._nodes or None


def _node_child(node: Any, token: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == token:
                # Point at the key for scalars so the column names the offending entry.
                return value if not isinstance(value, yaml.ScalarNode) else key
        return None
    if isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        return node.value[index] if index < len(node.value) else None
    return None


def pointer_tokens(pointer: str) -> list[str]:
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body or body == "/":
        return []
    return [unquote(t).replace("~1", "/").replace("~0", "~") for t in body.lstrip("/").split("/")]


def load_document(path: Path, display: str | None = None) -> Document:
    """Read and parse one YAML or JSON file, refusing hostile or malformed input."""
    shown = display or str(path)
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        raise _fail("unreadable", f"cannot read file: {exc.strerror or exc}", shown) from None
    if raw is None:
        raise _fail("too-large", f"file is larger than {MAX_BYTES // 2**20} MiB", shown)
    if b"\x00" in raw[:8192]:
        raise _fail("unreadable", "binary file (contains NUL bytes), not YAML or JSON", shown)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail("unreadable", f"not UTF-8 text (byte {exc.start})", shown) from None
    is_json = path.suffix.lower() == ".json" or text.lstrip()[:1] in ("{", "[")
    data = _parse_json(text, shown) if is_json else _parse_yaml(raw, text, shown)
    if data is None:
        raise _fail("empty-document", "the document is empty", shown, 1, 1)
    _check_shape(data, shown)
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise _fail("not-a-mapping", f"top level is a {kind}, not a mapping", shown, 1, 1)
    return Document(path, shown, data, text, "json" if is_json else "yaml")


def _parse_json(text: str, shown: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail("syntax", f"invalid JSON: {exc.msg}", shown, exc.lineno, exc.colno) from None
    except RecursionError:
        raise _fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown) from None


def _parse_yaml(raw: bytes, text: str, shown: str) -> Any:
    # libyaml's composer recurses natively and can crash the interpreter on deep nesting,
    # so the depth is bounded from the raw text before it ever sees the document.
    if _DEEP_INDENT.search(raw) or _max_flow_depth(raw) > MAX_DEPTH:
        raise _fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown)
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        reason = exc.problem or str(exc)
        raise _fail("syntax", f"invalid YAML: {reason}", shown, line, col) from None
    except yaml.YAMLError as exc:
        raise _fail("syntax", f"invalid YAML: {exc}", shown) from None
    except RecursionError:
        raise _fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown) from None


def _max_flow_depth(raw: bytes) -> int:
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return 0
    depth = deepest = 0
    for match in _BRACKETS.finditer(raw):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def _check_shape(data: Any, shown: str) -> None:
    """Refuse alias bombs, self-referencing aliases and deep nesting without recursion.

    YAML aliases load as shared objects, so a bomb costs nothing until something walks it;
    the expanded size is computed once per shared object (memoised), in linear time.
    """
    expanded: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_stack.discard(key)
            children = node.values() if isinstance(node, dict) else node
            size = 1 + sum(expanded.get(id(c), 1) for c in children)
            expanded[key] = size
            if size > MAX_EXPANDED_NODES:
                raise _fail("alias-bomb", "aliases expand to more than 20 million nodes", shown)
            continue
        if key in expanded:
            continue
        if key in on_stack:
            raise _fail("recursive-alias", "a YAML alias refers to its own ancestor", shown)
        if depth > MAX_DEPTH:
            raise _fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown)
        on_stack.add(key)
        stack.append((node, depth, True))
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1, False))


@dataclass(frozen=True)
class Resolved:
    document: Document
    pointer: str
    value: Any


class RefError(Exception):
    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


@dataclass
class SpecSet:
    """A root document and every file its `$ref`s reach, each loaded once."""

    root: Document
    allow_remote: bool = False
    documents: dict[Path, Document] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.documents.setdefault(self.root.path.resolve(), self.root)

    @property
    def folder(self) -> Path:
        return self.root.path.resolve().parent

    def resolve(self, ref: str, base: Document) -> Resolved:
        """Follow one `$ref` from `base`; raises RefError with a rule id when it cannot."""
        parts = urlsplit(ref)
        if parts.scheme in ("http", "https") or ref.startswith("//"):
            rule = "ref-remote"
            if not self.allow_remote:
                raise RefError(rule, f"remote reference {ref!r} refused (pass --allow-remote)")
            raise RefError(rule, f"remote reference {ref!r} cannot be fetched here")
        if parts.scheme:
            raise RefError("ref-unresolved", f"unsupported reference scheme in {ref!r}")
        file_part, _, fragment = ref.partition("#")
        document = base
        if file_part:
            target = (base.path.resolve().parent / unquote(file_part)).resolve()
            if not target.is_relative_to(self.folder):
                raise RefError("ref-escape", f"reference {ref!r} leaves the spec's folder")
            document = self._document(target)
        pointer = "#" + fragment
        value: Any = document.data
        for token in pointer_tokens(pointer):
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                raise RefError("ref-unresolved", f"reference {ref!r} does not resolve")
        return Resolved(document, pointer, value)

    def _document(self, target: Path) -> Document:
        if target not in self.documents:
            try:
                shown = str(target.relative_to(Path.cwd()))
            except ValueError:
                shown = str(target)
            try:
                self.documents[target] = load_document(target, shown)
            except SpecError as exc:
                raise RefError("ref-unresolved", exc.diagnostic.format()) from None
        return self.documents[target]


def iter_refs(node: Any, pointer: str = "#") -> Iterator[tuple[str, str]]:
    """Every `$ref` string in a document with the pointer of the object holding it (iterative)."""
    stack: list[tuple[Any, str]] = [(node, pointer)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                yield ref, where
            for key, value in current.items():
                if isinstance(value, dict | list):
                    stack.append((value, pointer_join(where, str(key))))
        elif isinstance(current, list):
            for index, value in enumerate(current):
                if isinstance(value, dict | list):
                    stack.append((value, f"{where}/{index}"))
