"""The shared state of one IR build: the spec, its diagnostics, and `$ref` following."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.cursor import Cursor, RefChainError, follow
from generator.diagnostics import Diagnostic, Level, SpecError
from generator.ir.warm_log import UnitLog
from generator.load import Document, RefError, SpecSet


@dataclass
class BuildContext:
    """What every part of the IR builder reads and reports into."""

    spec: SpecSet
    name: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # the unit being built fresh for a later replay (see `generator.ir.warm`)
    log: UnitLog | None = None

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
        if self.log is not None:
            self._note_refs(node, document)
        return found.value, found.document, found.pointer

    def _note_refs(self, node: Any, document: Document) -> None:
        """Log each `$ref` of a chain `deref` followed (a replay checks their targets)."""
        assert self.log is not None
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            if document is not self.root:
                self.log.replayable = False
                return
            self.log.refs.append(node["$ref"])
            resolved = self.spec.resolve(node["$ref"], document)
            node, document = resolved.value, resolved.document

    def ref_error(self, exc: RefError, document: Document, pointer: str) -> Diagnostic:
        line, col = document.locate(pointer)
        return Diagnostic(exc.rule, Level.ERROR, str(exc), document.display, pointer, line, col)
