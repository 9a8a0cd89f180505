"""Build the release artefacts of one target into `dist/<name>/`.

- Python packages (`client/`, `server/`): a wheel and an sdist through the PEP 517 hooks of the
  backend their pyproject.toml names, called in a child process in the package's folder (what
  `python -m build --no-isolation` does, without needing `build`).
- `client-ts/`: copied to a scratch folder (the generated tree stays as generated), compiled
  with `tsc`, then `npm pack`ed: the tarball holds `dist/` (JavaScript and `.d.ts`) and `src/`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

PYTHON_PACKAGES = ("client", "server")
TS_PACKAGE = "client-ts"

# Runs in the package's folder: argv = [backend, out_dir]; prints the two file names.
_PEP517 = """
import importlib, sys
backend = importlib.import_module(sys.argv[1])
out = sys.argv[2]
print(backend.build_sdist(out))
print(backend.build_wheel(out))
"""


class BuildError(Exception):
    """A package could not be built; the message names the package and the tool's complaint."""


@dataclass(frozen=True)
class Artefact:
    kind: str  # wheel | sdist | npm
    path: Path


def package_version(folder: Path) -> str | None:
    """The version a generated package declares (pyproject.toml or package.json)."""
    pyproject, package_json = folder / "pyproject.toml", folder / "package.json"
    try:
        if pyproject.is_file():
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            return str(data["project"]["version"])
        if package_json.is_file():
            return str(json.loads(package_json.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return None


def build_python(folder: Path, out: Path) -> list[Artefact]:
    data = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    backend = data.get("build-system", {}).get("build-backend", "setuptools.build_meta")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="specgen-wheel-") as scratch:
        done = subprocess.run(
            [sys.executable, "-c", _PEP517, backend, scratch],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise BuildError(f"{folder}: building with {backend} failed: {_last(done.stderr)}")
        names = done.stdout.split()[-2:]
        artefacts = []
        for name, kind in zip(names, ("sdist", "wheel"), strict=True):
            target = out / name
            shutil.move(os.path.join(scratch, name), target)
            artefacts.append(Artefact(kind, target))
    return artefacts


def find_tool(name: str, root: Path) -> str | None:
    """A node tool from the project's node_modules (nearest first), else from PATH."""
    for folder in (root, *root.parents):
        candidate = folder / "node_modules" / ".bin" / name
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


def build_npm(folder: Path, out: Path, root: Path) -> list[Artefact]:
    tsc, npm = find_tool("tsc", root), shutil.which("npm")
    if tsc is None or npm is None:
        missing = "tsc (npm install typescript)" if tsc is None else "npm"
        raise BuildError(f"{folder}: cannot build the npm package: {missing} not found")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="specgen-npm-") as scratch:
        work = Path(scratch) / folder.name
        shutil.copytree(folder, work, ignore=shutil.ignore_patterns("node_modules", "dist"))
        _run([tsc, "-p", "tsconfig.json"], work, f"{folder}: tsc")
        done = _run(
            [npm, "pack", "--json", "--ignore-scripts", "--pack-destination", str(out)],
            work,
            f"{folder}: npm pack",
        )
        try:
            name = json.loads(done)[0]["filename"]
        except (ValueError, LookupError, TypeError):
            raise BuildError(f"{folder}: npm pack said nothing usable: {done[-300:]}") from None
    return [Artefact("npm", out / name)]


def _run(command: list[str], cwd: Path, what: str) -> str:
    environment = {**os.environ, "npm_config_update_notifier": "false"}
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, env=environment
    )
    if done.returncode != 0:
        raise BuildError(f"{what} failed: {_last(done.stdout + done.stderr)}")
    return done.stdout


def _last(text: str, lines: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def build_target(target_dir: Path, out: Path, root: Path) -> list[Artefact]:
    """Every artefact of one generated target, into `out` (emptied first: one release's)."""
    if out.exists():
        shutil.rmtree(out)
    artefacts: list[Artefact] = []
    for package in PYTHON_PACKAGES:
        if (target_dir / package / "pyproject.toml").is_file():
            artefacts += build_python(target_dir / package, out)
    if (target_dir / TS_PACKAGE / "package.json").is_file():
        artefacts += build_npm(target_dir / TS_PACKAGE, out, root)
    return artefacts
