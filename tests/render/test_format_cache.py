"""The formatter cache: a file whose unformatted text was seen before is not formatted again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import format as fmt


def test_a_second_run_formats_only_changed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"pkg/a.py": "x  =  1\n", "pkg/b.py": "y=[1,\n2]\n", "README.md": "# hi\n"}
    first = fmt.format_python(files, "spec.yaml", tmp_path)
    assert first["pkg/a.py"] == "x = 1\n" and first["README.md"] == "# hi\n"

    formatted: list[str] = []
    real = fmt._run_ruff

    def counting(python: dict[str, str], spec_display: str) -> dict[str, str]:
        formatted.extend(python)
        return real(python, spec_display)

    monkeypatch.setattr(fmt, "_run_ruff", counting)
    again = fmt.format_python({**files, "pkg/b.py": "y=2\n"}, "spec.yaml", tmp_path)
    assert formatted == ["pkg/b.py"]
    assert again["pkg/a.py"] == "x = 1\n" and again["pkg/b.py"] == "y = 2\n"


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path) -> None:
    assert fmt.format_python({"a.py": "x=1\n"}, "spec.yaml")["a.py"] == "x = 1\n"
    assert list(tmp_path.iterdir()) == []
