"""`specgen validate`: structure (the official meta-schema) and meaning (rules) of OpenAPI 3.x.

Other stages call `validate_spec` on a `SpecSet` they loaded, or `validate_path` on a file;
both return sorted, deterministic `Diagnostic`s and never raise on bad input.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Level, SpecError, pointer_join, sort_key
from generator.incremental import Run, Store, stage_name
from generator.load import Document, SpecSet, load_document
from generator.validate.document import document_findings
from generator.validate.examples import check_examples
from generator.validate.meaning import Finding, walk
from generator.validate.rules import RULES, Rule, level_of
from generator.validate.structure import Violation, check_structure
from generator.validate.verdicts import STAGE, unit_graph
from generator.validate.walk_memo import WalkMemo

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "collect_findings",
    "to_diagnostic",
    "is_openapi_root",
    "openapi_version",
    "validate_path",
    "validate_spec",
]

_VERSION = re.compile(r"3\.([01])\.\d+(-.+)?")


def validate_path(
    path: Path, *, allow_remote: bool = False, strict: bool = False, display: str | None = None
) -> tuple[SpecSet | None, list[Diagnostic]]:
    """Load one root document and validate it; the SpecSet is None when it cannot be loaded."""
    try:
        document = load_document(path, display or str(path))
    except SpecError as exc:
        return None, [exc.diagnostic]
    spec = SpecSet(document, allow_remote=allow_remote)
    return spec, validate_spec(spec, strict=strict)


def validate_spec(
    spec: SpecSet,
    *,
    strict: bool = False,
    cache_dir: Path | None = None,
    memory: Store | None = None,
) -> list[Diagnostic]:
    """Every finding for a loaded spec, sorted; `strict` reports warnings as errors.

    `cache_dir`: where verdicts of examples against schemas are kept between runs (see
    `generator.incremental`), `memory` where a long-lived process keeps them; the findings are
    the same with or without them."""
    found = collect_findings(spec, cache_dir, memory)
    diagnostics = {to_diagnostic(finding, strict): None for finding in found}
    return sorted(diagnostics, key=lambda d: (*sort_key(d), d.pointer, d.level.value))


def openapi_version(data: Any) -> str | None:
    """ "3.0" or "3.1" for a supported document, else None."""
    value = data.get("openapi") if isinstance(data, dict) else None
    match = _VERSION.fullmatch(value) if isinstance(value, str) else None
    return f"3.{match.group(1)}" if match else None


def is_openapi_root(data: Any) -> bool:
    """Whether a file is a root document (fragments reached by `$ref` have neither key)."""
    return isinstance(data, dict) and ("openapi" in data or "swagger" in data)


def collect_findings(
    spec: SpecSet, cache_dir: Path | None = None, memory: Store | None = None
) -> list[Finding]:
    """Every finding, unsorted and with its document (the repair pass edits that document)."""
    root = spec.root
    data = root.data
    if isinstance(data, dict) and "swagger" in data and "openapi" not in data:
        message = "Swagger 2.0 document: convert it to OpenAPI 3 first (e.g. with swagger2openapi)"
        return [Finding("swagger-2", message, root, "#/swagger")]
    if not isinstance(data, dict) or "openapi" not in data:
        return [Finding("not-openapi", "no `openapi` field: not an OpenAPI 3 document", root, "#")]
    version = openapi_version(data)
    if version is None:
        shown = data.get("openapi")
        message = f"openapi {shown!r} is not supported: specgen reads OpenAPI 3.0.x and 3.1.x"
        if not isinstance(shown, str):
            message = f'openapi must be a version string such as "3.1.0" (quoted), not {shown!r}'
        return [Finding("openapi-version-unsupported", message, root, "#/openapi")]
    run = units = memo = None
    stage = stage_name(STAGE, root.path)
    if cache_dir is not None or memory is not None:
        run = Run(memory if memory is not None else Store())
        units = unit_graph(memory, spec, stage)
    if memory is not None and run is not None and units is not None:
        # A long-lived process: the walk replays what its last walk did in unchanged units.
        memo = WalkMemo(run, f"walk-{stage}", spec, units)
    result = walk(spec, version, memo)
    structure = _structure_findings(root, version, result.findings)
    # A value checked against a schema the meta-schema rejects would only echo that error.
    broken = {prefix for f in structure for prefix in _prefixes(f.pointer)}
    checks = [
        check
        for check in result.examples
        if check.schema_document is not root or check.schema_pointer not in broken
    ]
    document = document_findings(spec, version)
    examples = check_examples(spec, version, checks, run, units, stage, cache_dir)
    if run is not None:
        run.close()
    return [*result.findings, *document, *structure, *examples]


def _prefixes(pointer: str) -> list[str]:
    parts = pointer.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]


def _structure_findings(root: Document, version: str, semantic: list[Finding]) -> list[Finding]:
    # Parameters already reported as not required would be reported twice by the meta-schema.
    covered = [f.pointer for f in semantic if f.rule == "path-param-not-required"]
    findings = []
    for violation in check_structure(root.data, version):
        if _is_downgraded(violation):
            continue
        pointer = pointer_join("#", *violation.path)
        if any(pointer == c or pointer.startswith(c + "/") for c in covered):
            continue
        findings.append(Finding("structure", violation.message, root, pointer))
    return findings


def _is_downgraded(violation: Violation) -> bool:
    """Meta-schema failures that a dedicated rule reports, as a warning, instead."""
    detail = violation.detail if isinstance(violation.detail, dict) else {}
    if violation.path == ("info",) and violation.keyword == "required":
        return detail.get("property") == "version" or "'version'" in violation.message
    if violation.keyword == "not" and "example" in violation.message:
        return True  # `example` with `examples`: the example-and-examples rule says it plainly
    return violation.keyword == "uniqueItems" and violation.path[-1:] == ("required",)


def to_diagnostic(finding: Finding, strict: bool = False) -> Diagnostic:
    line, col = finding.at or finding.document.locate(finding.pointer)
    level = level_of(finding.rule)
    diagnostic = Diagnostic(
        finding.rule, level, finding.message, finding.document.display, finding.pointer, line, col
    )
    if strict and level is Level.WARNING:
        diagnostic = replace(diagnostic, level=Level.ERROR)
    return diagnostic
