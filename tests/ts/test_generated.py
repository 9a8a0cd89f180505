"""The committed TypeScript packages: each type-checks under --strict (the package's own
tsconfig: strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes) and builds to
JavaScript and declarations, and its runtime is the verbatim copy of generator/runtime_ts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ts.node import ROOT, RUNTIME_TS, needs_node, tsc

PACKAGES = sorted((ROOT / "generated").glob("*/client-ts"))
pytestmark = pytest.mark.xdist_group("node")


def test_every_curated_spec_has_a_typescript_package() -> None:
    assert [p.parent.name for p in PACKAGES] == sorted(
        p.stem for p in (ROOT / "specs").glob("*.yaml")
    )


@needs_node
@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.parent.name)
def test_package_type_checks_and_builds(package: Path, tmp_path: Path) -> None:
    tsc(["-p", str(package / "tsconfig.json"), "--outDir", str(tmp_path)], ROOT)
    assert (tmp_path / "index.js").is_file() and (tmp_path / "index.d.ts").is_file()
    manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
    assert manifest["exports"]["."] == {"types": "./dist/index.d.ts", "import": "./dist/index.js"}
    assert "dependencies" not in manifest  # nothing beyond the platform's fetch


def test_runtime_folder_holds_only_sources() -> None:
    # Compiler output beside the sources would be copied into every package.
    names = {p.name for p in RUNTIME_TS.iterdir()}
    assert names == {".gitignore", "package.json"} | {n for n in names if n.endswith(".ts")}
    assert not [n for n in names if n.endswith(".d.ts")]


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.parent.name)
def test_runtime_is_copied_verbatim(package: Path) -> None:
    sources = {p.name: p for p in RUNTIME_TS.glob("*.ts")}
    copies = {p.name: p for p in (package / "src" / "runtime").iterdir()}
    assert sorted(copies) == sorted(sources)
    for name, source in sources.items():
        copied = copies[name].read_text(encoding="utf-8")
        assert copied.split("\n", 1)[1] == source.read_text(encoding="utf-8")
