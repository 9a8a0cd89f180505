"""Positions in a loaded document: where the value at a JSON pointer is written.

JSON files are indexed lazily by skipping sibling values with the C scanner (composing a YAML
node tree of a 13 MB JSON file takes many seconds); YAML files use the composed node tree.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

import yaml

from generator.diagnostics import pointer_join


class JsonIndex:
    """Finds positions in JSON text by skipping sibling values with the C scanner.

    Composing a YAML node tree of a 13 MB JSON file takes many seconds; here only the
    containers on the looked-up paths are scanned, once each.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._scan: Any = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
        self._entries: dict[int, dict[str, tuple[int, int]]] = {}
        self._line_starts: list[int] | None = None

    def locate(self, tokens: list[str]) -> int | None:
        """Offset of the deepest key (or array item) on the path that exists."""
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
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = re.compile(r"[ \t\r\n]*")


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
