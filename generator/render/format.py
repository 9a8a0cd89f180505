"""Format generated Python once per target with ruff (pinned), so output is byte-stable."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from generator.diagnostics import Diagnostic, Level, SpecError

LINE_LENGTH = "100"


def _ruff() -> list[str]:
    return [sys.executable, "-m", "ruff"]


def format_python(files: dict[str, str], spec_display: str) -> dict[str, str]:
    """Return `files` with every `.py` entry fixed (imports, unused imports) and formatted."""
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    if not python:
        return files
    with tempfile.TemporaryDirectory(prefix="specgen-format-") as tmp:
        root = Path(tmp)
        for path, text in python.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for folder in {(root / path).parent for path in python}:
            # A package marker lets ruff sort a package's own imports as first-party even when
            # only some of its files are formatted in this batch.
            (folder / "__init__.py").touch(exist_ok=True)
        common = ["--isolated", "--line-length", LINE_LENGTH, "--target-version", "py311"]
        fix = [
            *_ruff(),
            "check",
            *common,
            "--select",
            "I,F401,UP",
            "--fix-only",
            "--exit-zero",
            "-q",
            ".",
        ]
        fmt = [*_ruff(), "format", *common, "-q", "."]
        for command in (fix, fmt):
            done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise SpecError(
                    Diagnostic(
                        "format-failed",
                        Level.ERROR,
                        "generated code does not parse: "
                        + (done.stderr.strip() or done.stdout.strip())[:500],
                        spec_display,
                    )
                )
        formatted = {path: (root / path).read_text(encoding="utf-8") for path in python}
    return {**files, **formatted}
