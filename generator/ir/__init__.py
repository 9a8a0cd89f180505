"""The intermediate representation every renderer and checker reads (see `model`, `types`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.ir.model import Api, Operation, Parameter, Response, TypeRef

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostic
    from generator.incremental import Store
    from generator.load import SpecSet

__all__ = ["Api", "Operation", "Parameter", "Response", "TypeRef", "build_api"]


def build_api(
    spec: SpecSet, name: str, memory: Store | None = None
) -> tuple[Api, list[Diagnostic]]:
    """The IR of one spec plus the warnings about what could only be approximated.

    Imported on call: the printers import `generator.ir.types`, and the builder the printers,
    so this package must not import the builder while it initialises.
    """
    from generator.ir.build import build_api as build

    return build(spec, name, memory)
