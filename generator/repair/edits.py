"""The state of one repair round, shared by the keyword rules and the skipping of pieces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, Level
from generator.load import Document

METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@dataclass
class Round:
    """One pass over the current errors: edits to make, and the warnings that explain them."""

    version: str
    notes: list[Diagnostic] = field(default_factory=list)
    # Array items to remove, applied last and from the highest index down.
    removals: list[tuple[list[Any], int]] = field(default_factory=list)
    dropped: set[tuple[int, str]] = field(default_factory=set)
    # Places edited this round: another finding there (the same mistake seen by two
    # meta-schema keywords) waits for the next round's validation to tell if it still holds.
    handled: set[tuple[int, str]] = field(default_factory=set)

    def note(self, rule: str, message: str, document: Document, pointer: str) -> None:
        line, col = document.locate(pointer)
        self.notes.append(
            Diagnostic(rule, Level.WARNING, message, document.display, pointer, line, col)
        )

    def inside_dropped(self, document: Document, pointer: str) -> bool:
        return any(
            key == id(document) and (pointer == p or pointer.startswith(p + "/"))
            for key, p in self.dropped
        )


def value_at(data: Any, tokens: list[str]) -> Any:
    """The value at a pointer's tokens, or None when the path does not exist."""
    node = data
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
