"""The spec the mock serves, prepared as `specgen generate` prepares it: overlays applied, then
the repair pass (repairs and skips, each a located warning). What stops `generate` (a `$ref`
that leads nowhere, a document that is not OpenAPI 3.x) stops the mock too, so the mock never
serves an operation that then accepts anything.

An operation the repair pass skipped is not served by the generated app; the mock answers it
501 with the reason, rather than a bare 404 that reads as a wrong path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Level, SpecError, pointer_join
from generator.load import SpecSet, load_document

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PARAMETER = re.compile(r"\{[^{}/]+\}")


@dataclass(frozen=True)
class Skipped:
    """An operation the repair pass left out, and why."""

    method: str  # upper case
    path: str  # the path template
    reason: str

    def matches(self, method: str, path: str) -> bool:
        pieces = _PARAMETER.split(self.path)
        pattern = "^" + "[^/]+".join(re.escape(piece) for piece in pieces) + "/?$"
        return method.upper() == self.method and re.match(pattern, path) is not None


@dataclass(frozen=True)
class Prepared:
    specset: SpecSet
    warnings: tuple[Diagnostic, ...]
    skipped: tuple[Skipped, ...]


def prepare(
    spec: Path, display: str, overlays: Iterable[Path] = (), *, strict: bool = False
) -> Prepared:
    """`spec` loaded, overlaid and repaired; SpecError (with every fatal finding) when the
    repaired document still cannot be served (with `strict`, when anything needed repair)."""
    from generator.overlay import apply_overlays
    from generator.repair import repair_spec

    specset = SpecSet(load_document(spec, display))
    found: list[Diagnostic] = []
    overlays = tuple(overlays)
    if overlays:
        found += apply_overlays(specset.root.data, overlays).warnings
    before = _operations(specset.root.data)
    repaired = repair_spec(specset)
    found += repaired.diagnostics
    if repaired.fatal:
        raise SpecError(*repaired.fatal)
    if strict and found:
        raise SpecError(*found)
    after = set(_operations(specset.root.data))
    skipped = tuple(
        Skipped(method.upper(), path, _reason(found, pointer))
        for (method, path), pointer in before.items()
        if (method, path) not in after
    )
    return Prepared(specset, tuple(d for d in found if d.level is not Level.ERROR), skipped)


def _operations(document: Any) -> dict[tuple[str, str], str]:
    """(method, path) → JSON pointer of every operation in the document."""
    paths = document.get("paths") if isinstance(document, dict) else None
    found: dict[tuple[str, str], str] = {}
    if not isinstance(paths, dict):
        return found
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            if isinstance(item.get(method), dict):
                found[(method, str(path))] = pointer_join("", "paths", str(path), method)
    return found


def _reason(diagnostics: list[Diagnostic], pointer: str) -> str:
    """The message of the warning that skipped the operation at `pointer` (or of one inside
    it, or of its path item)."""
    inside = [d for d in diagnostics if d.pointer == pointer or d.pointer.startswith(pointer + "/")]
    item = pointer.rsplit("/", 1)[0]
    around = [d for d in diagnostics if d.pointer == item]
    chosen = next((d for d in inside if d.rule == "skip-operation"), None) or next(
        iter(inside + around), None
    )
    where = f" ({chosen.file}:{chosen.line})" if chosen and chosen.line else ""
    text = chosen.message if chosen else "the operation could not be repaired"
    return f"This operation is not served: the spec's definition of it was skipped: {text}{where}"


def answer_skipped(
    skipped: tuple[Skipped, ...], served: Any, error_body: Any, api_error: Any
) -> Any:
    """A middleware answering the skipped operations 501, in the API's error envelope
    (`served(method, path, query)`: whether a served operation answers the request instead)."""
    from starlette.responses import JSONResponse

    async def dispatch(request: Any, call_next: Any) -> Any:
        found = next((s for s in skipped if s.matches(request.method, request.url.path)), None)
        if found is None or served(request.method, request.url.path, request.url.query):
            return await call_next(request)
        return JSONResponse(error_body(None, api_error(501, found.reason)), 501)

    return dispatch
