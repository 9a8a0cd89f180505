"""Positions in a loaded document: where the value at a JSON pointer is written.

JSON files are indexed lazily by skipping sibling values with the C scanner (composing a YAML
node tree of a 13 MB JSON file takes many seconds); YAML files use the composed node tree.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

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
        self._ends: dict[int, int] = {}  # where each object of `_keys` closes
        self._lines_before: list[int] | None = None  # newlines before each chunk

    def carry(self, earlier: JsonIndex) -> None:
        """Adopt what `earlier`, an index of an earlier version of the same file, found of the
        objects this edit left as they were (a long-lived process indexes the file again after
        every save: on GitHub's spec, scanning `paths` and `components/schemas` again is most
        of the 0.1 s its diagnostics' positions take).

        The texts differ in one stretch (their common start and common end aside): an object
        wholly before it keeps its keys, one wholly after it keeps them shifted; one around it
        keeps its keys on either side and has only the changed lines scanned again. Nothing
        is trusted blindly: a value found the fast way is still parsed and compared."""
        old, new = earlier.text, self.text
        start, end = _common_ends(old, new)
        if start == len(old) == len(new):
            self._keys, self._ends = dict(earlier._keys), dict(earlier._ends)
            return
        # Whole lines around the change: from the newline before it to the one after it.
        before = old.rfind("\n", 0, start)
        if before < 0:
            return  # the first line changed: the root object itself; nothing to carry
        old_after = _line_end(old, len(old) - end)
        new_after = _line_end(new, len(new) - end)
        shift = new_after - old_after
        for pos, keys in earlier._keys.items():
            close = earlier._ends.get(pos)
            if before <= pos <= old_after or close is None:
                continue  # opened in the changed lines (or not an object): scanned again
            if pos > old_after:
                moved = {key: (at + shift, value + shift) for key, (at, value) in keys.items()}
                self._keys[pos + shift], self._ends[pos + shift] = moved, close + shift
            elif close < before:  # it ends before the change: as it was
                self._keys[pos], self._ends[pos] = keys, close
            else:
                self._around(pos, keys, close, (before, old_after, new_after))

    def _around(
        self, pos: int, keys: dict[str, tuple[int, int]], old_close: int, span: tuple[int, ...]
    ) -> None:
        """Carry the keys of an object around the changed lines, or leave it to be scanned
        again. `span`: the newline before the changed lines and the ones after them, in the
        old text and in this one."""
        before, old_after, new_after = span
        text = self.text
        first = text.find("\n", pos)
        if not keys or first >= before or any(at < before <= v for at, v in keys.values()):
            return  # its layout is not the one `_indented_keys` reads, or that changed
        if old_close <= old_after:
            return  # it ended in the changed lines: its end may have moved
        # Its end, unless the changed lines now hold one: the texts on either side are the
        # same, and the old text had none before `old_close`.
        closing = "\n" + _indent(text, text.rfind("\n", 0, pos) + 1) + "}"
        if text.find(closing, max(pos, before - len(closing)), new_after + len(closing)) >= 0:
            return  # the change moved where it ends: its keys may be another's
        shift = new_after - old_after
        inner = _indent(text, first + 1)
        line = re.compile("\n" + re.escape(inner) + _KEY_AND_COLON)
        merged = {key: place for key, place in keys.items() if place[0] < before}
        for match in line.finditer(text, before, new_after + 1):
            key, _ = _scanstring(match.group(1), 1)
            merged.setdefault(key, (match.start(1), match.end()))
        for key, (at, value) in keys.items():
            if at > old_after:
                merged.setdefault(key, (at + shift, value + shift))
        self._keys[pos], self._ends[pos] = merged, old_close + shift

    def detached(self) -> JsonIndex:
        """This index without the parsed document it checks against, to be kept for `carry`
        (keeping the document alive until the next run would double a process's memory)."""
        kept = JsonIndex(self.text)
        kept._keys, kept._ends = self._keys, self._ends
        return kept

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
        self._ends[pos] = len(text) if end == -1 else end
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


class Positioned(Protocol):
    """A loaded document, as far as carrying its positions index goes (`generator.load`)."""

    path: Path

    def carry_positions(self, earlier: JsonIndex | None) -> None: ...

    def kept_positions(self) -> JsonIndex | None: ...


def carry_positions(documents: Iterable[Positioned], kept: dict[str, JsonIndex]) -> None:
    """For a long-lived process: each JSON document starts its positions index from the one
    `keep_positions` left in `kept` for the same file (a save changes a few lines of a
    13 MB spec; finding positions from scratch again is 0.1 s of every run)."""
    for document in documents:
        document.carry_positions(kept.get(str(document.path)))


def keep_positions(documents: Iterable[Positioned], kept: dict[str, JsonIndex]) -> None:
    """Keep what each document's positions index found, for `carry_positions` next run."""
    for document in documents:
        index = document.kept_positions()
        if index is not None:
            kept[str(document.path)] = index


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters the texts share at their start, and then at their end (never
    overlapping), compared a block at a time."""
    limit = min(len(old), len(new))
    start = _shared_run(old, new, limit, forward=True)
    end = _shared_run(old, new, limit - start, forward=False)
    return start, end


def _shared_run(old: str, new: str, limit: int, *, forward: bool) -> int:
    block = 1 << 15
    done = 0
    while done < limit:
        size = min(block, limit - done)
        if forward:
            a, b = old[done : done + size], new[done : done + size]
        else:
            a = old[len(old) - done - size : len(old) - done]
            b = new[len(new) - done - size : len(new) - done]
        if a != b:
            return done + len(os.path.commonprefix([a, b] if forward else [a[::-1], b[::-1]]))
        done += size
    return limit


def _line_end(text: str, pos: int) -> int:
    """The newline ending the line that holds `pos` (the text's end if none)."""
    found = text.find("\n", pos)
    return len(text) if found < 0 else found


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
