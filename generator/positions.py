"""Positions in a loaded document: where the value at a JSON pointer is written.

JSON files are indexed lazily by skipping sibling values with the C scanner (composing a YAML
node tree of a 13 MB JSON file takes many seconds); YAML files use the composed node tree.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

import yaml

from generator.diagnostics import pointer_join

_UNKNOWN: Any = object()


class JsonIndex:
    """Finds positions in JSON text by skipping sibling values with the C scanner.

    Composing a YAML node tree of a 13 MB JSON file takes many seconds; here only the
    containers on the looked-up paths are scanned, once each.
    """

    def __init__(self, text: str, data: Any = _UNKNOWN) -> None:
        self.text = text
        # The parsed document, when the caller has it: it lets a lookup in indented JSON jump
        # to the key's line instead of scanning every sibling (see `_indented`).
        self._data = data
        self._scan: Any = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
        self._entries: dict[int, dict[str, tuple[int, int]]] = {}
        self._keys: dict[int, dict[str, tuple[int, int]]] = {}
        self._lines_before: list[int] | None = None  # newlines before each chunk

    def locate(self, tokens: list[str]) -> int | None:
        """Offset of the deepest key (or array item) on the path that exists."""
        if self._data is not _UNKNOWN:
            found = self._indented(tokens)
            if found is not None:
                return found
        return self._scanned(tokens)

    def _indented(self, tokens: list[str]) -> int | None:
        """The fast way for pretty-printed JSON (as big specs are published): a direct child of
        an object written over several lines starts a line indented one step deeper than the
        object's own line, and JSON strings hold no raw newline, so every newline is layout.
        Each step is a `str.find` within the object's lines instead of a scan of all its
        siblings (on a 13 MB spec: milliseconds instead of most of a second).

        Nothing is assumed about the writer: the value found at the end is parsed and must
        equal the loaded one. Otherwise None, and the caller scans as before; also where the
        layout is not like that, and for a value too big to parse again cheaply.
        """
        text = self.text
        value = self._data
        pos = _skip_ws(text, 0)
        found = pos
        try:
            for token in tokens:
                if isinstance(value, dict) and token in value:
                    child = self._indented_key(pos, token)
                    value = value[token]
                elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                    child = self._child(pos, token)  # arrays are short: scanned
                    value = value[int(token)]
                else:
                    break  # the nearest existing parent, as the scan answers
                if child is None:
                    return None
                found, pos = child
            if _too_big(value):
                return None
            parsed, _ = self._scan(text, pos)
        except (ValueError, IndexError, StopIteration):
            return None
        return found if parsed == value else None

    def _indented_key(self, pos: int, key: str) -> tuple[int, int] | None:
        """Where `key` of the object opened at `pos` is written and where its value starts."""
        keys = self._keys.get(pos)
        if keys is None:
            keys = self._keys[pos] = self._indented_keys(pos)
        return keys.get(key)

    def _indented_keys(self, pos: int) -> dict[str, tuple[int, int]]:
        """Every key of the object opened at `pos`, if it spreads over lines with its keys one
        indent deeper than its own line: one regular-expression pass over its lines."""
        text = self.text
        first = text.find("\n", pos)
        if text[pos] != "{" or first == -1 or text[pos + 1 : first].strip(" \t\r"):
            return {}
        own = _indent(text, text.rfind("\n", 0, pos) + 1)
        inner = _indent(text, first + 1)
        if len(inner) <= len(own):
            return {}
        end = text.find(f"\n{own}}}", pos)
        line = re.compile("\n" + re.escape(inner) + _KEY_AND_COLON)
        keys: dict[str, tuple[int, int]] = {}
        for match in line.finditer(text, pos, len(text) if end == -1 else end):
            key, _ = _scanstring(match.group(1), 1)
            keys.setdefault(key, (match.start(1), match.end()))
        return keys

    def _scanned(self, tokens: list[str]) -> int | None:
        text = self.text
        pos = _skip_ws(text, 0)
        found = pos
        try:
            for token in tokens:
                child = self._child(pos, token)
                if child is None:
                    break
                found, pos = child
        except (ValueError, IndexError, StopIteration):
            return None
        return found

    def _child(self, pos: int, token: str) -> tuple[int, int] | None:
        entries = self._entries.get(pos)
        if entries is None:
            entries = self._entries[pos] = self._scan_entries(pos)
        return entries.get(token)

    def _scan_entries(self, pos: int) -> dict[str, tuple[int, int]]:
        """Every key (or index) of the container at `pos`: where its entry and value start.

        Each container on a looked-up path is scanned once, so many lookups cost about one
        pass over the text; values are skipped by the C scanner without building them twice.
        """
        text = self.text
        opener = text[pos]
        entries: dict[str, tuple[int, int]] = {}
        if opener not in "{[":
            return entries
        pos = _skip_ws(text, pos + 1)
        if text[pos] in "}]":
            return entries
        index = 0
        while True:
            entry = pos
            if opener == "{":
                key, pos = _scanstring(text, pos + 1)
                pos = _skip_ws(text, _skip_ws(text, pos) + 1)  # past ':'
            else:
                key = str(index)
            entries.setdefault(key, (entry, pos))
            _, end = self._scan(text, pos)
            pos = _skip_ws(text, end)
            if text[pos] != ",":
                return entries
            pos = _skip_ws(text, pos + 1)
            index += 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset`: the newlines before it are counted in C, per
        chunk once (a table of every line start of a 13 MB file cost 0.1 s to build)."""
        text = self.text
        if self._lines_before is None:
            counts = (
                text.count("\n", start, start + _CHUNK) for start in range(0, len(text), _CHUNK)
            )
            self._lines_before = [0, *itertools.accumulate(counts)]
        before = self._lines_before
        chunk = offset // _CHUNK
        line = before[chunk] + text.count("\n", chunk * _CHUNK, offset) + 1
        newline = text.rfind("\n", chunk * _CHUNK, offset)
        while newline == -1 and chunk > 0:  # a long line: back to the chunk that ends it
            chunk -= 1
            if before[chunk + 1] > before[chunk]:
                newline = text.rfind("\n", chunk * _CHUNK, (chunk + 1) * _CHUNK)
        return line, offset - newline


_CHUNK = 1 << 16
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = re.compile(r"[ \t\r\n]*")
# A value found the fast way is parsed again to check it; past this many entries (a whole
# `paths` or `components/schemas`), scanning is cheaper.
_REPARSE_LIMIT = 2000
_INDENT = re.compile(r"[ \t]*")


def _indent(text: str, line_start: int) -> str:
    """The spaces and tabs a line starts with (the pattern matches everywhere, maybe empty)."""
    match = _INDENT.match(text, line_start)
    return match.group() if match else ""


# After a line's indent: a key (group 1), its colon and the space up to the value.
_KEY_AND_COLON = r'("(?:[^"\\]|\\.)*")[ \t]*:[ \t\r\n]*'


def _too_big(value: Any) -> bool:
    """Whether `value` has more than _REPARSE_LIMIT containers and scalars (counted only up to
    there)."""
    budget = _REPARSE_LIMIT
    stack = [value]
    while stack:
        node = stack.pop()
        budget -= 1
        if budget < 0:
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _skip_ws(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


def node_child(node: Any, token: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == token:
                return AtKey(key, value)
        return None
    if isinstance(node, AtKey):
        return node_child(node.value, token)
    if isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        return node.value[index] if index < len(node.value) else None
    return None


class AtKey:
    """A mapping value that reports its key's position (where a reader looks for the entry)."""

    def __init__(self, key: Any, value: Any) -> None:
        self.start_mark = key.start_mark
        self.value = value


def pointers_of(wanted: set[int], data: Any) -> dict[int, str]:
    """The pointers of the given containers (by identity) in `data`, found iteratively."""
    found: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(data, "#")]
    seen: set[int] = set()
    while stack and len(found) < len(wanted):
        node, where = stack.pop()
        if id(node) in seen:
            continue  # YAML aliases share objects
        seen.add(id(node))
        if id(node) in wanted:
            found.setdefault(id(node), where)
        if isinstance(node, dict):
            stack.extend((v, pointer_join(where, str(k))) for k, v in node.items()
                         if isinstance(v, dict | list))  # fmt: skip
        elif isinstance(node, list):
            stack.extend((v, f"{where}/{i}") for i, v in enumerate(node)
                         if isinstance(v, dict | list))  # fmt: skip
    return found
