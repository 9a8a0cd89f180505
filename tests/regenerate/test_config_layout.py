"""`layout` and the `operations` table of [tool.specgen.targets.<name>]."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import NameOverride, parse_config
from generator.diagnostics import SpecError

TABLE = """[tool.specgen]
specs = "specs"

[tool.specgen.targets.stripe]
layout = "resources"

[tool.specgen.targets.stripe.operations]
PostCustomers = "customers.make"
"GET /v1/files.json" = "files.all"
'listJobs' = "ping"
"""


def test_layout_and_operations_are_read_with_their_lines(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(TABLE)
    target = parse_config(pyproject).targets["stripe"]
    assert target.layout == "resources"
    shown = str(pyproject)
    assert target.operations == (
        NameOverride("PostCustomers", "customers.make", shown, 8),
        NameOverride("GET /v1/files.json", "files.all", shown, 9),
        NameOverride("listJobs", "ping", shown, 10),
    )
    assert target.operations[0].parts == ("customers", "make")


def test_an_inline_table_points_at_its_line(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.specgen]\n\n[tool.specgen.targets.jobs]\noperations = { listJobs = "jobs.all" }\n'
    )
    (override,) = parse_config(pyproject).targets["jobs"].operations
    assert (override.key, override.name, override.line) == ("listJobs", "jobs.all", 4)


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        ('layout = "sideways"', 4, "layout: must be one of auto, flat, resources"),
        ('operations = "listJobs"', 4, "operations: must be a table"),
        ('operations = { listJobs = "jobs.2all" }', 4, "'jobs.2all' is not a dotted name"),
        ('operations = { listJobs = "jobs._all" }', 4, "'jobs._all' is not a dotted name"),
        ("operations = { listJobs = 3 }", 4, "3 is not a dotted name"),
    ],
)
def test_mistakes_are_located(tmp_path: Path, entry: str, line: int, message: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f"[tool.specgen]\n\n[tool.specgen.targets.jobs]\n{entry}\n")
    with pytest.raises(SpecError) as caught:
        parse_config(pyproject)
    shown = caught.value.diagnostic.format()
    assert f"pyproject.toml:{line}:1: error[config]" in shown and message in shown, shown
