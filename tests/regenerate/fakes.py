"""Stand-ins for the renderer and validator, shaped like generator.render's contract.

They are module-level frozen dataclasses so they pickle into the process pool like the real
`render_target` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Level, SpecError

DEFAULT_OPERATION_TEMPLATE = "# operation {operation} of {title}\ndef {operation}() -> None: ...\n"


@dataclass(frozen=True)
class FakeFile:
    path: str
    content: bytes
    write_once: bool = False


@dataclass(frozen=True)
class FakeResult:
    files: tuple[FakeFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    inputs: tuple[Path, ...]


def _operation_template(template_dirs: Iterable[Path]) -> str:
    for folder in template_dirs:
        candidate = Path(folder) / "operation.txt"
        if candidate.is_file():
            return candidate.read_text()
    return DEFAULT_OPERATION_TEMPLATE


@dataclass(frozen=True)
class OperationRenderer:
    """One client module per operation, an index, and a write-once stub implementation.

    Reads `operation.txt` from the first user template folder that has one (like the real
    renderer's override search), warns about operations without a summary, and refuses
    Swagger 2.0 with a located SpecError.
    """

    def __call__(self, spec_path: Path, options: Any) -> FakeResult:
        data = yaml.safe_load(Path(spec_path).read_text())
        if "swagger" in data:
            message = "Swagger 2.0 is not supported; convert the document to OpenAPI 3.x"
            raise SpecError(Diagnostic("swagger-2", Level.ERROR, message, str(spec_path), "", 1, 1))
        template = _operation_template(options.template_dirs)
        title = data["info"]["title"]
        files: list[FakeFile] = []
        warnings: list[Diagnostic] = []
        operations = []
        for route, item in sorted(data.get("paths", {}).items()):
            for method, operation in sorted(item.items()):
                name = operation["operationId"]
                operations.append(name)
                text = template.format(operation=name, title=title)
                if "client" in options.artefacts:
                    files.append(FakeFile(f"client/ops/{name}.py", text.encode()))
                if "summary" not in operation:
                    pointer = f"#/paths/{route.replace('/', '~1')}/{method}"
                    message = f"no summary; the docstring of {name} falls back to its id"
                    warnings.append(
                        Diagnostic(
                            "fallback-docstring", Level.WARNING, message, str(spec_path), pointer
                        )
                    )
        if "client" in options.artefacts:
            index = "".join(f"from .ops.{n} import {n}\n" for n in sorted(operations))
            files.append(FakeFile("client/__init__.py", index.encode()))
        if "stubs" in options.artefacts:
            stub = "# implement the operations here; specgen never overwrites this file\n"
            files.append(FakeFile("stubs/impl.py", stub.encode(), write_once=True))
        return FakeResult(tuple(files), tuple(warnings), (Path(spec_path).resolve(),))


@dataclass(frozen=True)
class DictRenderer:
    """Returns exactly the given files: (path, text, write_once)."""

    files: tuple[tuple[str, str, bool], ...]

    def __call__(self, spec_path: Path, options: Any) -> FakeResult:
        rendered = tuple(FakeFile(p, t.encode(), w) for p, t, w in self.files)
        return FakeResult(rendered, (), (Path(spec_path).resolve(),))


@dataclass(frozen=True)
class FakeValidator:
    """Reports a problem for every operation whose id starts with `bad` (error) or `meh`
    (warning), located like the real validator would."""

    def __call__(self, spec: Any, *, strict: bool = False) -> list[Diagnostic]:
        found = []
        root = spec.root
        for route, item in root.data.get("paths", {}).items():
            for method, operation in item.items():
                name = operation.get("operationId", "")
                pointer = f"#/paths/{route.replace('/', '~1')}/{method}/operationId"
                line, col = root.locate(pointer)
                if name.startswith("bad"):
                    level, rule = Level.ERROR, "operation-id"
                elif name.startswith("meh"):
                    level, rule = Level.WARNING, "operation-id-style"
                else:
                    continue
                message = f"operationId {name!r} is not allowed here"
                found.append(Diagnostic(rule, level, message, root.display, pointer, line, col))
        return found


def spec_text(title: str, operations: Iterable[str], extra: str = "") -> str:
    """A minimal valid OpenAPI 3.0 document with one GET per operation id."""
    lines = ["openapi: 3.0.3", "info:", f"  title: {title}", "  version: '1.0'"]
    lines += ["servers:", "  - url: https://api.example.com", "paths:"]
    for name in operations:
        lines += [
            f"  /{name}:",
            "    get:",
            f"      operationId: {name}",
            f"      summary: {name} summary",
            "      responses:",
            "        '200':",
            "          description: ok",
        ]
    if lines[-1] == "paths:":
        lines[-1] = "paths: {}"
    return "\n".join(lines) + "\n" + extra
