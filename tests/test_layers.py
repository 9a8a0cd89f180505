"""The stages' import directions: one way from load to write, shared pieces in leaf packages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.graphs import components

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
# package -> packages of generator it must never import (at module level or inside functions)
FORBIDDEN = {
    "values": ("render", "mock", "diff", "regenerate", "validate", "repair", "overlay"),
    "printers": ("render", "mock", "diff", "regenerate", "validate"),
    "ir": ("render", "mock", "diff", "regenerate", "printers.typescript"),
    "render": ("mock", "diff", "regenerate"),
    "runtime": ("ir", "render", "mock", "diff", "regenerate", "validate", "load"),
    # the witness engine serves the mock, the proofs and verify: it imports none of them
    "witness": ("render", "mock", "diff", "verify", "regenerate", "validate", "repair"),
    # verify talks to a server over HTTP (targets read through regenerate's plan): it never
    # diffs, releases or builds sites
    "verify": ("diff", "release", "docsite"),
}


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_stage_never_imports_the_stages_after_it(package: str) -> None:
    offending = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for module in sorted(imported_modules(path))
        for banned in FORBIDDEN[package]
        if module == f"generator.{banned}" or module.startswith(f"generator.{banned}.")
    ]
    assert offending == []


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of generator it imports: every import, at module level, inside
    functions and under TYPE_CHECKING alike (a type-only import still ties two modules)."""
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                graph[name].update(alias.name for alias in node.names if alias.name in paths)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    kept = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*kept, *([node.module] if node.module else [])])
                for alias in node.names:
                    # `from package import module` imports the module; anything else, its module
                    if f"{base}.{alias.name}" in paths:
                        graph[name].add(f"{base}.{alias.name}")
                    elif base in paths:
                        graph[name].add(base)
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module, each sorted."""
    found = components(sorted(graph), lambda name: sorted(graph[name]))
    return sorted(sorted(component) for component in found if len(component) > 1)


def test_the_cycle_finder_finds_a_cycle_through_three_modules() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert import_cycles(graph) == [["a", "b", "c"]]


def test_no_module_of_generator_imports_itself_round_a_cycle() -> None:
    """Counting imports inside functions and under TYPE_CHECKING: a cycle hidden there still
    makes two modules one unit that can only be understood, tested and moved together."""
    cycles = import_cycles(import_graph())
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


MAX_LINES = 500


def test_no_module_of_generator_is_over_500_lines() -> None:
    """A module past 500 lines holds more than one concern: split it along them."""
    over = {
        str(path.relative_to(PACKAGE)): count
        for path in sorted(PACKAGE.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert over == {}, f"modules over {MAX_LINES} lines: {over}"
