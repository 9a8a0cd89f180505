"""Load OpenAPI documents (YAML or JSON) safely, and resolve `$ref`s across files.

The input is untrusted: binary files, YAML alias bombs, pathological nesting and reference
tricks are refused with a located `SpecError` instead of crashing or exhausting memory (the
parsing itself, and its bounds, are `safe_parse`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from generator.diagnostics import SpecError, pointer_join
from generator.positions import JsonIndex, node_child, pointers_of
from generator.safe_parse import check_depth, check_shape, fail, parse_json, parse_yaml

MAX_BYTES = 256 * 1024 * 1024
# Rule ids of a document that could not be read or parsed at all: a load error, which the
# commands exit 2 for (1 is for findings in a document that was read).
LOAD_RULES = frozenset(
    {"unreadable", "too-large", "syntax", "empty-document", "not-a-mapping", "too-deep"}
)


@dataclass(frozen=True)
class DuplicateKey:
    """A mapping key written twice; the loaded data keeps the second value."""

    key: str
    pointer: str  # the mapping holding the key
    first_line: int | None
    first_col: int | None
    second_line: int | None
    second_col: int | None


@dataclass
class Document:
    """One parsed file. `data` is plain JSON-like Python data; positions are found lazily."""

    path: Path
    display: str
    data: Any
    text: str
    format: str
    _nodes: Any = field(default=None, repr=False)
    _json_index: JsonIndex | None = field(default=None, repr=False)
    # (mapping, key, first position, second position), resolved to pointers on demand.
    # None: not looked for when loading (JSON loaded by a process that does not validate).
    _duplicates: list[tuple[Any, str, Any, Any]] | None = field(default_factory=list, repr=False)

    def duplicate_keys(self) -> list[DuplicateKey]:
        """Every key written twice in one mapping (YAML and JSON both allow the text)."""
        duplicates, data = self._duplicates, self.data
        if duplicates is None:  # parsed again, looking this time (same data, same pointers)
            duplicates = []
            data = parse_json(self.text, self.display, duplicates)
        if not duplicates:
            return []
        where = pointers_of({id(mapping) for mapping, *_ in duplicates}, data)
        found = []
        for mapping, key, first, second in duplicates:
            pointer = where.get(id(mapping), "#")
            pointer_to_key = pointer_join(pointer, key)
            if first is None:  # JSON: the index finds where the key is written first
                line, col = self.locate(pointer_to_key)
                found.append(DuplicateKey(key, pointer, line, col, None, None))
                continue
            found.append(
                DuplicateKey(key, pointer, first.line + 1, first.column + 1,
                             second.line + 1, second.column + 1)
            )  # fmt: skip
        return found

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """1-based line and column of the value at a `#/a/b` JSON pointer, or of its nearest parent.

        A mapping entry is located at its key, so the position names the offending entry.
        """
        tokens = pointer_tokens(pointer)
        if self.format == "json":
            if self._json_index is None:
                self._json_index = JsonIndex(self.text, self.data)
            offset = self._json_index.locate(tokens)
            if offset is not None:
                return self._json_index.line_col(offset)
        node = self._node_tree()
        if node is None:
            return None, None
        best = node
        for token in tokens:
            child = node_child(best, token)
            if child is None:
                break
            best = child
        mark = best.start_mark
        return int(mark.line) + 1, int(mark.column) + 1

    def carry_positions(self, earlier: JsonIndex | None) -> None:
        """Start finding positions from what an index of this file's previous text found
        (`kept_positions` of the previous run): see `JsonIndex.carry`."""
        if earlier is not None and self.format == "json" and self._json_index is None:
            self._json_index = JsonIndex(self.text, self.data)
            self._json_index.carry(earlier)

    def kept_positions(self) -> JsonIndex | None:
        """What this document's positions index found, to carry into the next run's."""
        return self._json_index.detached() if self._json_index is not None else None

    def _node_tree(self) -> Any:
        if self._nodes is None:
            try:
                self._nodes = yaml.compose(self.text, Loader=yaml.CSafeLoader) or False
            except yaml.YAMLError:
                self._nodes = False
        return self._nodes or None


def pointer_tokens(pointer: str) -> list[str]:
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body or body == "/":
        return []
    return [unquote(t).replace("~1", "/").replace("~0", "~") for t in body.lstrip("/").split("/")]


def load_document(path: Path, display: str | None = None, *, duplicates: bool = True) -> Document:
    """Read and parse one YAML or JSON file, refusing hostile or malformed input.

    `duplicates=False`: a JSON file is parsed without looking for keys written twice (the
    look is a Python call per object: 0.1 s of GitHub's 13 MB), for a process that leaves
    validation to another; `Document.duplicate_keys` then parses it again if asked."""
    shown = display or str(path)
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        raise fail("unreadable", f"cannot read file: {exc.strerror or exc}", shown) from None
    if raw is None:
        raise fail("too-large", f"file is larger than {MAX_BYTES // 2**20} MiB", shown)
    if b"\x00" in raw[:8192]:
        raise fail("unreadable", "binary file (contains NUL bytes), not YAML or JSON", shown)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail("unreadable", f"not UTF-8 text (byte {exc.start})", shown) from None
    is_json = path.suffix.lower() == ".json" or text.lstrip()[:1] in ("{", "[")
    found: list[tuple[Any, str, Any, Any]] | None = [] if duplicates or not is_json else None
    if is_json:
        data = parse_json(text, shown, found)
    else:
        data = parse_yaml(raw, text, shown, [] if found is None else found)
    if data is None:
        raise fail("empty-document", "the document is empty", shown, 1, 1)
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise fail("not-a-mapping", f"top level is a {kind}, not a mapping", shown, 1, 1)
    if is_json:
        check_depth(data, shown)  # JSON has no aliases: only the depth needs bounding
    else:
        check_shape(data, shown)
    return Document(path, shown, data, text, "json" if is_json else "yaml", _duplicates=found)


@dataclass(frozen=True)
class Resolved:
    document: Document
    pointer: str
    value: Any


class RefError(Exception):
    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


def default_boundary(spec: Path, cwd: Path | None = None) -> tuple[Path, str]:
    """The folder relative `$ref`s may reach without --root, and how messages name it.

    Multi-file specs keep shared parts beside the spec's folder (`spec/openapi.yaml` →
    `../common/schemas/Error.yaml`), so the default is the widest of: the git work tree
    holding the spec, and the current folder when it holds the spec; else the spec's own
    folder. A `$ref` still may not reach past it (a spec reading `~/.ssh`), and the
    filesystem root never counts as "the current folder" (running from `/` allows nothing
    more)."""
    folder = spec.resolve().parent
    found: list[tuple[Path, str]] = []
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():  # a folder, or a file in a linked work tree
            found.append((candidate, f"the spec's git work tree ({candidate})"))
            break
    here = (cwd or Path.cwd()).resolve()
    if here != Path(here.anchor) and folder.is_relative_to(here):
        found.append((here, f"the current folder ({here})"))
    if not found:
        return folder, f"the spec's folder ({folder})"
    return min(found, key=lambda pair: len(pair[0].parts))


@dataclass
class SpecSet:
    """A root document and every file its `$ref`s reach, each loaded once."""

    root: Document
    allow_remote: bool = False
    documents: dict[Path, Document] = field(default_factory=dict)
    # The folder relative `$ref`s may not leave: --root when given, else `default_boundary`
    # (the spec's git work tree or the current folder, whichever is wider and holds it).
    boundary: Path | None = None
    # Big specs repeat the same few thousand `$ref` strings tens of thousands of times.
    _answers: dict[tuple[Path, str], Resolved | RefError] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.documents.setdefault(self.root.path.resolve(), self.root)
        # `folder` names files (unit keys, locations: relative to it); `reach` bounds `$ref`s.
        if self.boundary is not None:
            self._folder = self._reach = self.boundary.resolve()
            self._scope = "the --root folder"
        else:
            self._folder = self.root.path.resolve().parent
            self._reach, self._scope = default_boundary(self.root.path)

    @property
    def folder(self) -> Path:
        """The folder other files' names are relative to: the spec's, or --root."""
        return self._folder

    @property
    def reach(self) -> Path:
        """The folder relative `$ref`s may not leave (see `default_boundary`)."""
        return self._reach

    def resolve(self, ref: str, base: Document) -> Resolved:
        """Follow one `$ref` from `base`; raises RefError with a rule id when it cannot."""
        key = (base.path, ref)
        answer = self._answers.get(key)
        if answer is None:
            try:
                answer = self._resolve(ref, base)
            except RefError as exc:
                answer = exc
            self._answers[key] = answer
        if isinstance(answer, RefError):
            raise RefError(answer.rule, str(answer))
        return answer

    def _resolve(self, ref: str, base: Document) -> Resolved:
        parts = urlsplit(ref)
        if parts.scheme in ("http", "https") or ref.startswith("//"):
            rule = "ref-remote"
            if not self.allow_remote:
                raise RefError(rule, f"remote reference {ref!r} is not fetched: specgen reads "
                               "local files only (--allow-remote: no warning for it)")  # fmt: skip
            raise RefError(rule, f"remote reference {ref!r} cannot be fetched here")
        if parts.scheme:
            raise RefError("ref-unresolved", f"unsupported reference scheme in {ref!r}")
        file_part, _, fragment = ref.partition("#")
        document = base
        if file_part:
            target = (base.path.resolve().parent / unquote(file_part)).resolve()
            if not target.is_relative_to(self.reach):
                hint = "" if self.boundary else " (pass --root DIR to allow a wider folder)"
                raise RefError("ref-escape", f"reference {ref!r} leaves {self._scope}{hint}")
            try:
                document = self._document(target)
            except SpecError as exc:
                reason = exc.diagnostic.message
                if not target.exists():
                    reason += _did_you_mean_file(target)
                raise RefError("ref-unresolved", f"reference {ref!r}: {reason}") from None
        if fragment and not fragment.startswith("/"):
            return self._anchor(ref, document, unquote(fragment))
        value: Any = document.data
        tokens = pointer_tokens("#" + fragment)
        for depth, token in enumerate(tokens):
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                where = "/".join(_escape(t) for t in tokens[:depth]) or "the document root"
                raise RefError(
                    "ref-unresolved",
                    f"reference {ref!r} does not resolve: no {token!r} under {where}"
                    + _did_you_mean(token, value),
                )
        return Resolved(document, "#" + "".join("/" + _escape(t) for t in tokens), value)

    def _anchor(self, ref: str, document: Document, name: str) -> Resolved:
        """A JSON Schema 2020-12 plain-name fragment (`#foo` names the `$anchor: foo` schema)."""
        stack: list[tuple[Any, str]] = [(document.data, "#")]
        while stack:
            node, where = stack.pop()
            if isinstance(node, dict):
                if name in (node.get("$anchor"), node.get("$dynamicAnchor")):
                    return Resolved(document, where, node)
                stack.extend((v, f"{where}/{_escape(str(k))}") for k, v in node.items())
            elif isinstance(node, list):
                stack.extend((v, f"{where}/{i}") for i, v in enumerate(node))
        raise RefError("ref-unresolved", f"reference {ref!r}: no schema has $anchor {name!r}")

    def _document(self, target: Path) -> Document:
        if target not in self.documents:
            try:
                shown = str(target.relative_to(Path.cwd()))
            except ValueError:
                shown = str(target)
            self.documents[target] = load_document(target, shown)
        return self.documents[target]


def _did_you_mean(token: str, container: Any) -> str:
    """`; did you mean 'Pet'?` when a sibling name is close to the one asked for."""
    if not isinstance(container, dict):
        return ""
    names = [str(name) for name in container]
    close = difflib.get_close_matches(token, names, n=1, cutoff=0.75)
    if not close:  # case slips (`pet` for `Pet`) score low with difflib
        close = [name for name in names if name.lower() == token.lower()][:1]
    return f"; did you mean {close[0]!r}?" if close else ""


def _did_you_mean_file(target: Path) -> str:
    """`; did you mean 'Error.yaml'?` for a missing file with a close name in its folder."""
    try:
        names = (
            [p.name for p in target.parent.iterdir() if p.is_file()]
            if target.parent.is_dir()
            else []
        )
    except OSError:
        return ""
    close = difflib.get_close_matches(target.name, names, n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


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
