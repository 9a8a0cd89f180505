"""Render a spec, then prove what came out compiles, imports and names what the spec declares."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import build_api
from generator.ir.model import Api
from generator.load import SpecSet, load_document
from generator.render import RenderResult, TargetOptions, render_target

ARTEFACTS = frozenset({"client", "models"})


def minimal(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": paths,
    }
    if schemas is not None:
        document["components"] = {"schemas": schemas}
    return document


def write_into(result: RenderResult, out: Path) -> list[Path]:
    """Write the rendered files, refusing any path that would leave `out`."""
    root = out.resolve()
    written = []
    for file in result.files:
        target = (root / file.path).resolve()
        assert target.is_relative_to(root), f"{file.path} leaves the output folder"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
        written.append(target)
    return written


def render(spec: Path, out: Path, package: str) -> RenderResult:
    # Flat: these checks find every operation as a method of the client (resources have
    # their own tests in tests/ir/test_resources.py and tests/render/test_resources.py).
    options = TargetOptions(spec.stem, ARTEFACTS, package=package, layout="flat")
    result = render_target(spec, options)
    write_into(result, out)
    return result


def build(spec: Path) -> tuple[Api, list[Diagnostic]]:
    return build_api(SpecSet(load_document(spec)), spec.stem)


def compile_all(out: Path) -> None:
    for source in sorted(out.rglob("*.py")):
        compile(source.read_text(encoding="utf-8"), str(source), "exec")


@contextmanager
def imported(src: Path, package: str) -> Iterator[ModuleType]:
    """Import a generated package and every module in it; forget them afterwards."""
    sys.path.insert(0, str(src))
    try:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            importlib.import_module(info.name)
        yield module
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


def client_methods(client_source: str, class_name: str = "ClientWithRawResponse") -> set[str]:
    """Public operations of `ClientWithRawResponse` (one per operation), or of another raw
    wrapper class: its undecorated methods (paged operations) and the `self.<name> =
    raw_wrapper(...)` attributes its `__init__` sets. Properties (a resource's wrapper) are
    no operations."""
    tree = ast.parse(client_source)
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            names = {
                item.name
                for item in node.body
                if isinstance(item, ast.FunctionDef)
                and not item.name.startswith("_")
                and not item.decorator_list
            }
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    names |= {
                        target.attr
                        for statement in item.body
                        if isinstance(statement, ast.Assign)
                        for target in statement.targets
                        if isinstance(target, ast.Attribute) and not target.attr.startswith("_")
                    }
            return names
    return set()


def generated_operations(package: Path) -> int:
    """How many operations a generated client package exposes, flat or in resources: the
    client's raw wrapper plus every sync resource's (`<X>ResourceWithRawResponse`)."""
    count = len(client_methods((package / "_client.py").read_text(encoding="utf-8")))
    for module in sorted((package / "_resources").glob("*.py")):
        source = module.read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            name = node.name if isinstance(node, ast.ClassDef) else ""
            if name.endswith("ResourceWithRawResponse") and not name.startswith("Async"):
                count += len(client_methods(source, name))
    return count
