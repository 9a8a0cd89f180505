"""The runtime is copied verbatim into generated packages as ``<pkg>/_runtime``."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import generator.runtime

RUNTIME_DIR = Path(generator.runtime.__file__).parent
ALLOWED_THIRD_PARTY = {"httpx", "pydantic", "pydantic_core", "typing_extensions"}


def test_runtime_imports_only_itself_httpx_pydantic_and_stdlib() -> None:
    offenders: list[str] = []
    for path in sorted(RUNTIME_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                if node.level > 0:
                    continue
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ALLOWED_THIRD_PARTY:
                    offenders.append(f"{path.name}:{node.lineno} imports {name}")
    assert offenders == []


def test_copied_runtime_works_inside_another_package(tmp_path: Path) -> None:
    package = tmp_path / "jobs_client"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    shutil.copytree(RUNTIME_DIR, package / "_runtime", ignore=shutil.ignore_patterns("__pycache__"))
    script = """
import sys
import httpx
from jobs_client._runtime import SyncAPIClient, NotFoundError

def handler(request):
    return httpx.Response(404, json={"error": {"code": "JobNotFound", "message": "no job"}})

client = SyncAPIClient(
    base_url="https://api.example.com",
    http_client=httpx.Client(transport=httpx.MockTransport(handler)),
)
try:
    client._request("GET", "/jobs/{id}", path_params={"id": "x"})
except NotFoundError as exc:
    print(exc.code, type(exc).__module__)
assert not any(name == "generator" or name.startswith("generator.") for name in sys.modules)
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "JobNotFound jobs_client._runtime._errors"
