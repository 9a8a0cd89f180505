"""The committed generated/ tree: golden (regenerating gives the same bytes), typed, linted,
formatted, and installable with only httpx and pydantic."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
PACKAGE_ROOTS = sorted(p for p in GENERATED.glob("*/*/src") if p.is_dir())


def run(
    *args: str, cwd: Path = ROOT, env_path: str | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if env_path is not None:
        env["MYPYPATH"] = env_path
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, check=False)


def test_generated_tree_exists_for_every_spec() -> None:
    specs = {p.stem for p in (ROOT / "specs").glob("*.yaml")}
    assert specs and specs == {p.name for p in GENERATED.iterdir() if p.is_dir()}


def test_regenerating_gives_the_committed_bytes() -> None:
    """The golden test: `specgen generate --check` renders everything in memory and compares."""
    done = run(sys.executable, "-m", "generator", "generate", "--check")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.xdist_group("mypy")
def test_generated_packages_pass_mypy_strict() -> None:
    packages = [p for root in PACKAGE_ROOTS for p in root.iterdir() if (p / "__init__.py").exists()]
    args = [arg for package in packages for arg in ("-p", package.name)]
    done = run(
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        "/dev/null",
        "--python-version",
        "3.11",
        *args,
        env_path=":".join(str(r) for r in PACKAGE_ROOTS),
    )
    assert done.returncode == 0, done.stdout[-4000:]


def test_generated_code_passes_ruff_check_and_is_formatted() -> None:
    common = ["--isolated", "--line-length", "100", "--target-version", "py311"]
    lint = run(
        sys.executable,
        "-m",
        "ruff",
        "check",
        *common,
        "--select",
        "E,F,W,I,B,UP",
        "--ignore",
        "E501",
        str(GENERATED),
    )
    assert lint.returncode == 0, lint.stdout[-4000:]
    fmt = run(sys.executable, "-m", "ruff", "format", *common, "--check", str(GENERATED))
    assert fmt.returncode == 0, fmt.stdout[-4000:]


@pytest.mark.parametrize("client", sorted(GENERATED.glob("*/client")), ids=lambda p: p.parent.name)
def test_client_wheel_depends_only_on_httpx_and_pydantic(client: Path, tmp_path: Path) -> None:
    built = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(tmp_path),
        str(client),
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(tmp_path.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith("METADATA"))
        requires = [
            line.split(":", 1)[1].strip()
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
        names = set(archive.namelist())
    assert sorted(r.split(">")[0].split("<")[0].split("=")[0] for r in requires) == [
        "httpx",
        "pydantic",
    ]
    package = client.joinpath("src").iterdir().__next__().name
    assert f"{package}/py.typed" in names and f"{package}/_runtime/_client.py" in names
