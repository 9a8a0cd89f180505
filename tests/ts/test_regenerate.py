"""`client-ts` as an artefact of `specgen generate`, like the Python client: written, recorded
in the manifest, up to date on the next run, stale under `--check` after an edit, and shaped
by a user template folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.ts.node import ROOT

SPEC = ROOT / "specs" / "reality-analysis.yaml"


def specgen(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        # A minimal environment: it must still say that no generation server is wanted.
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "SPECGEN_DAEMON": "0"},
    )


def make_project(tmp_path: Path, templates: str = "") -> Path:
    project = tmp_path / "consumer"
    (project / "specs").mkdir(parents=True)
    shutil.copy(SPEC, project / "specs" / "ra.yaml")
    (project / "pyproject.toml").write_text(
        '[tool.specgen]\nspecs = "specs"\noutput = "generated"\nartefacts = ["client-ts"]\n'
        + (f'templates = "{templates}"\n' if templates else ""),
        encoding="utf-8",
    )
    return project


def test_generate_records_then_checks_client_ts(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = specgen(project, "generate")
    assert first.returncode == 0, first.stdout + first.stderr
    package = project / "generated" / "ra" / "client-ts"
    assert (package / "src" / "client.ts").is_file()
    assert not (project / "generated" / "ra" / "client").exists()  # only what was asked for
    manifest = json.loads((project / "generated" / ".specgen-manifest.json").read_text())
    recorded = manifest["targets"]["ra"]["files"]
    assert "client-ts/src/runtime/core.ts" in recorded and "client-ts/package.json" in recorded

    again = specgen(project, "generate")
    assert "ra: up to date" in again.stdout
    assert specgen(project, "generate", "--check").returncode == 0

    client = package / "src" / "client.ts"
    client.write_text(client.read_text() + "// hand edit\n")
    stale = specgen(project, "generate", "--check")
    assert stale.returncode == 1
    assert "changed  generated/ra/client-ts/src/client.ts" in stale.stdout
    assert specgen(project, "generate").returncode == 0
    assert "hand edit" not in client.read_text()


def test_user_templates_override_client_ts_file_by_file(tmp_path: Path) -> None:
    project = make_project(tmp_path, templates="my-templates")
    override = project / "my-templates" / "client-ts" / "README.md.jinja"
    override.parent.mkdir(parents=True)
    override.write_text("# {{ ts.package_name }} for our team\n", encoding="utf-8")
    result = specgen(project, "generate")
    assert result.returncode == 0, result.stdout + result.stderr
    package = project / "generated" / "ra" / "client-ts"
    assert (package / "README.md").read_text() == "# ra for our team\n"
    assert "export class Client" in (package / "src" / "client.ts").read_text()

    override.write_text("# changed\n", encoding="utf-8")
    assert specgen(project, "generate", "--check").returncode == 1
    rerun = specgen(project, "generate")
    assert "templates changed" in rerun.stdout
    assert (package / "README.md").read_text() == "# changed\n"


def test_unknown_artefact_names_client_ts_among_the_known(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = specgen(project, "generate", "--artefacts", "client-rs")
    assert result.returncode == 2
    assert "client-ts" in result.stderr
