from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator.config import load_config
from generator.regenerate.check import CheckResult, check
from generator.regenerate.job import Toolchain
from generator.regenerate.model import Plan
from generator.regenerate.pipeline import RunResult, generate
from generator.regenerate.plan import Flags, project_plan
from generator.regenerate.progress import Reporter
from tests.regenerate.fakes import FakeValidator, OperationRenderer, spec_text

ALPHA_REFS = """components:
  schemas:
    Error:
      $ref: 'common/errors.yaml#/Error'
"""
ERRORS = "Error:\n  type: object\n  properties:\n    message:\n      type: string\n"


@dataclass
class Project:
    """A consumer project in tmp_path: pyproject.toml, specs/, generated/."""

    root: Path
    toolchain: Toolchain = field(
        default_factory=lambda: Toolchain(render=OperationRenderer(), validate=FakeValidator())
    )
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)

    @property
    def generated(self) -> Path:
        return self.root / "generated"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def spec(self, name: str, operations: list[str], extra: str = "") -> Path:
        return self.write(f"specs/{name}.yaml", spec_text(name.title(), operations, extra))

    def plan(self, flags: Flags | None = None) -> Plan:
        plan, _ = project_plan(load_config(self.root), flags or Flags())
        return plan

    def reporter(self) -> Reporter:
        self.out.clear()
        self.err.clear()
        return Reporter(out=self.out.append, err=self.err.append)

    def generate(self, flags: Flags | None = None, **options: Any) -> RunResult:
        options.setdefault("jobs", 1)
        return generate(
            self.plan(flags), toolchain=self.toolchain, reporter=self.reporter(), **options
        )

    def check(self, flags: Flags | None = None) -> CheckResult:
        return check(self.plan(flags), jobs=1, toolchain=self.toolchain, reporter=self.reporter())

    def snapshot(self) -> dict[str, tuple[bytes, int, int]]:
        """Every file under generated/: content, mtime, inode (a rewrite changes the last two)."""
        found = {}
        for path in sorted(self.generated.rglob("*")):
            if path.is_file():
                stat = path.stat()
                relative = path.relative_to(self.generated).as_posix()
                found[relative] = (path.read_bytes(), stat.st_mtime_ns, stat.st_ino)
        return found

    def read(self, relative: str) -> str:
        return (self.generated / relative).read_text()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    root = tmp_path / "consumer"
    root.mkdir()
    (root / "pyproject.toml").write_text(
        '[project]\nname = "consumer"\nversion = "0.1"\n\n'
        '[tool.specgen]\nspecs = "specs"\noutput = "generated"\n'
    )
    made = Project(root)
    made.spec("alpha", ["list_items", "get_item"], ALPHA_REFS)
    made.write("specs/common/errors.yaml", ERRORS)
    made.spec("beta", ["ping"])
    monkeypatch.chdir(root)
    return made
