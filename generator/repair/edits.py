"""The state of one repair round, shared by the keyword rules and the skipping of pieces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, Level
from generator.load import Document
from generator.openapi import METHODS as OPENAPI_METHODS

METHODS = frozenset(OPENAPI_METHODS)


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
