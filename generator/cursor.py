"""The one `$ref` follower: validate, the IR builder and the diff all reach values through it.

A `Cursor` is a value together with where it lives (document and JSON pointer), so whoever
follows a reference can still say `file:line:col` about what it found. `follow` walks a chain
of `$ref`s to the first value that is not a reference; a chain that cannot be followed raises
`RefChainError`, and each caller turns that into a diagnostic in its own words (the validator
reports and goes on, the IR builder stops the target, the diff names the side).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load import Document, RefError, SpecSet

MAX_REF_HOPS = 64


@dataclass(frozen=True)
class Cursor:
    value: Any
    document: Document
    pointer: str


class RefChainError(Exception):
    """A `$ref` chain that leads nowhere: `rule` is ref-unresolved / ref-escape / ref-remote /
    ref-cycle...; `cursor` is the reference that failed; `loop` the (file, pointer) links of a
    cycle, in the order met."""

    def __init__(
        self, rule: str, message: str, cursor: Cursor, loop: tuple[tuple[Path, str], ...] = ()
    ) -> None:
        super().__init__(message)
        self.rule = rule
        self.cursor = cursor
        self.loop = loop


def follow(spec: SpecSet, start: Cursor, trail: list[Cursor] | None = None) -> Cursor:
    """The value `start`'s `$ref` chain leads to (`start` itself when it is no reference).
    `trail` gets every node the chain passes through after `start`, the last included."""
    cursor = start
    chain: list[tuple[Path, str]] = []
    while isinstance(cursor.value, dict) and "$ref" in cursor.value:
        link = (cursor.document.path, cursor.pointer)
        if link in chain or len(chain) >= MAX_REF_HOPS:
            loop = tuple(chain[chain.index(link) :]) if link in chain else tuple(chain)
            raise RefChainError("ref-cycle", "references form a loop", cursor, loop)
        chain.append(link)
        ref = cursor.value["$ref"]
        if not isinstance(ref, str):
            raise RefChainError("ref-unresolved", "$ref must be a string", cursor)
        try:
            resolved = spec.resolve(ref, cursor.document)
        except RefError as exc:
            raise RefChainError(exc.rule, str(exc), cursor) from None
        cursor = Cursor(resolved.value, resolved.document, resolved.pointer)
        if trail is not None:
            trail.append(cursor)
    return cursor


def value_at(data: Any, tokens: list[str], missing: Any = None) -> Any:
    """The value at a pointer's tokens in a loaded document's data, or `missing` when the
    path does not exist (pass a sentinel where a null value must be told apart)."""
    node = data
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return missing
    return node
