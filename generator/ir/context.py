"""The shared state of one IR build: the spec, its diagnostics, and `$ref` following."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.cursor import Cursor, RefChainError, follow
from generator.diagnostics import Diagnostic, Level, SpecError
from generator.load import Document, RefError, SpecSet


@dataclass
class BuildContext:
    """What every part of the IR builder reads and reports into."""

    spec: SpecSet
    name: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def root(self) -> Document:
        return self.spec.root

    @property
    def is_31(self) -> bool:
        return str(self.root.data.get("openapi", "")).startswith("3.1")

    # -- diagnostics ---------------------------------------------------------------------------

    def warn(
        self,
        rule: str,
        message: str,
        pointer: str,
        document: Document | None = None,
        level: Level = Level.WARNING,
    ) -> None:
        doc = document or self.root
        line, col = doc.locate(pointer)
        self.diagnostics.append(Diagnostic(rule, level, message, doc.display, pointer, line, col))

    # -- references ----------------------------------------------------------------------------

    def deref(self, node: Any, document: Document, pointer: str) -> tuple[Any, Document, str]:
        """Follow `$ref` chains (parameters, responses, bodies) to the object they name."""
        try:
            found = follow(self.spec, Cursor(node, document, pointer))
        except RefChainError as exc:
            at = exc.cursor
            message = str(exc)
            if exc.rule == "ref-cycle":
                message = f"{at.value.get('$ref')!r} refers to itself"
            raise SpecError(
                self.ref_error(RefError(exc.rule, message), at.document, at.pointer)
            ) from None
        return found.value, found.document, found.pointer

    def ref_error(self, exc: RefError, document: Document, pointer: str) -> Diagnostic:
        line, col = document.locate(pointer)
        return Diagnostic(exc.rule, Level.ERROR, str(exc), document.display, pointer, line, col)
