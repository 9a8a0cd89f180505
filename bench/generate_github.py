"""Full generation of GitHub's REST API (OpenAPI 3.0, ~12 MB) by specgen vs its peers.

    .venv/bin/python bench/generate_github.py [--runs N] [--spec-version 23]

1. specgen generate SPEC --out DIR --artefacts client,models,stubs  vs
   openapi-python-client generate --path SPEC            (target ≤ 0.4×, peak ≤ 400 MB)
2. specgen generate SPEC --out DIR --artefacts models  vs
   datamodel-codegen --input SPEC --input-file-type openapi --output-model-type pydantic_v2.BaseModel
3. specgen after adding one property to `simple-user` (referenced by hundreds of schemas),
   regenerating into the output of the run before, caches warm: what a user's next
   `specgen generate` costs after that edit (target ≤ 0.3× specgen's own cold run). No peer
   has a cache; this row compares specgen with itself. As on a developer's machine, the run
   is handed to a generation server (`specgen daemon`), started by the untimed warm-up run;
   its memory is printed under the table.
4. the same edit with --no-daemon: a fresh process, disk caches only (informational).
5. the same edit into an empty output folder (every file written again; informational).

Rows 1-2 start from an empty output folder, so they do the full work (no incremental skip),
and pass --no-cache, so nothing is reused from an earlier run.
If specgen fails with stubs (one untimed full run probes it), the first row falls back to
client,models and the table says so, with specgen's first error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from itertools import count
from pathlib import Path

# Run as a script, so bench/ is on sys.path.
from _harness import (
    REPO,
    WORK,
    Case,
    Row,
    arguments,
    check_runs,
    child_environment,
    ensure_python_peers,
    fresh_dir,
    github_spec,
    machine_header,
    main_guard,
    measure,
    run_once,
    snapshot,
    specgen,
    table,
    write_json,
)

OUT = WORK / "out" / "generate"
FULL = "client,models,stubs"
WITHOUT_STUBS = "client,models"


def _full_artefacts(spec: Path) -> tuple[str, str | None]:
    """client,models,stubs if specgen generates them for this spec; otherwise client,models and
    the first error it printed. The probe is a full untimed run on the real spec (so it also
    serves as the warm-up of file caches): a tiny spec can pass where GitHub's fails."""
    out = OUT / "probe"
    fresh_dir(out)()
    print(f"[probe] specgen generate --artefacts {FULL} (untimed)", file=sys.stderr, flush=True)
    probe = run_once(
        specgen("generate", str(spec), "--out", str(out), "--artefacts", FULL, "--no-daemon")
    )
    fresh_dir(out)()
    if probe.returncode == 0:
        return FULL, None
    lines = probe.output.splitlines()
    reason = next((line.strip() for line in lines if "error" in line), probe.output.strip()[-300:])
    return WITHOUT_STUBS, f"exit {probe.returncode}: {reason}"


def _edit_one_schema(spec: Path, edited: Path, out: Path | None) -> Callable[[], None]:
    """Before each run: the spec with one more property in `simple-user` (a new name every
    run, so every run follows an edit), and, given `out`, an empty output folder (so no file
    is kept from the run before: only the caches help)."""
    document = json.loads(spec.read_text(encoding="utf-8"))
    properties = document["components"]["schemas"]["simple-user"]["properties"]
    runs = count(1)

    def prepare() -> None:
        properties[f"edit_{next(runs)}"] = {"type": "string", "description": "added by bench"}
        edited.parent.mkdir(parents=True, exist_ok=True)
        edited.write_text(json.dumps(document, indent=2), encoding="utf-8")  # its own layout
        if out is not None:
            fresh_dir(out)()

    return prepare


def _daemon(env: dict[str, str], action: str) -> str:
    command = [*specgen("daemon", action), *(["--json"] if action == "status" else [])]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    return done.stdout


def _server_memory(env: dict[str, str]) -> str:
    """What the generation server of the edit rows holds, after all runs."""
    lines = [json.loads(line) for line in _daemon(env, "status").splitlines()]
    if not lines:
        return "generation server: none was running (the edit rows ran in place)"
    found = lines[0]
    return (
        f"generation server after {found['runs']} runs: {found['rss_mb']:.0f} MB resident, "
        f"plus {found['workers_rss_mb']:.0f} MB for its validation worker"
    )


def _stop_server(env: dict[str, str]) -> None:
    _daemon(env, "stop")


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--spec-version", type=int, default=23, help="@octokit/openapi major")
    options = parser.parse_args()
    check_runs(options.runs)
    peers = ensure_python_peers()
    spec = github_spec(options.spec_version)
    load = snapshot()
    artefacts, fallback = _full_artefacts(spec)

    def generate(label: str, what: str) -> Case:
        out = OUT / label.replace(" ", "-")
        command = specgen(
            "generate", str(spec), "--out", str(out), "--artefacts", what, "--no-cache"
        )
        return Case(f"specgen {label}", command, prepare=fresh_dir(out))

    # The edit case runs in its own folder, so its formatter cache (.specgen-cache/ in the
    # current folder, ad-hoc mode) is its own; PYTHONPATH keeps `python -m generator` on this checkout.
    edit_home = WORK / "edit"
    shutil.rmtree(edit_home / ".specgen-cache", ignore_errors=True)
    edited = edit_home / "api.github.com.json"
    edit_out = OUT / "after-edit"
    emptied_out = OUT / "after-edit-emptied"
    in_place_out = OUT / "after-edit-in-place"
    # The bench's own server (its own socket folder), on even where CI is set.
    served = {**child_environment(), "PYTHONPATH": str(REPO), "SPECGEN_DAEMON": "1"}
    served["SPECGEN_DAEMON_DIR"] = str(WORK / "daemon")
    _stop_server(served)
    specgen_edit = Case(
        "specgen after one-schema edit",
        specgen("generate", str(edited), "--out", str(edit_out), "--artefacts", artefacts),
        prepare=_edit_one_schema(spec, edited, None),
        cwd=edit_home,
        env=served,
    )
    edited_in_place = edit_home / "github-in-place.json"
    specgen_edit_in_place = Case(
        "specgen after one-schema edit, --no-daemon",
        specgen(
            "generate", str(edited_in_place), "--out", str(in_place_out), "--artefacts", artefacts
        )
        + ["--no-daemon"],
        prepare=_edit_one_schema(spec, edited_in_place, None),
        cwd=edit_home,
        env=served,
    )
    # A spec file of its own: the two rows edit it independently, each run after an edit.
    edited_again = edit_home / "github-emptied.json"
    specgen_edit_emptied = Case(
        "specgen after one-schema edit, empty output folder",
        specgen("generate", str(edited_again), "--out", str(emptied_out), "--artefacts", artefacts),
        prepare=_edit_one_schema(spec, edited_again, emptied_out),
        cwd=edit_home,
        env=served,
    )

    opc_out = OUT / "openapi-python-client"
    dmcg_out = OUT / "datamodel-codegen" / "models.py"
    specgen_full = generate(artefacts.replace(",", "+"), artefacts)
    specgen_models = generate("models", "models")
    cases = [
        specgen_full,
        Case(
            "openapi-python-client",
            [
                str(peers / "openapi-python-client"),
                "generate",
                "--path",
                str(spec),
                "--output-path",
                str(opc_out),
                "--meta",
                "none",
                "--overwrite",
            ],
            prepare=fresh_dir(opc_out),
        ),
        specgen_models,
        Case(
            "datamodel-codegen",
            [
                str(peers / "datamodel-codegen"),
                "--input",
                str(spec),
                "--input-file-type",
                "openapi",
                "--output-model-type",
                "pydantic_v2.BaseModel",
                "--output",
                str(dmcg_out),
            ],
            prepare=fresh_dir(dmcg_out.parent),
        ),
        specgen_edit,
        specgen_edit_in_place,
        specgen_edit_emptied,
    ]
    title = f"specgen generate: GitHub REST API (@octokit/openapi@{options.spec_version})"
    try:
        results = measure(cases, options.runs, options.warmup)
        server = _server_memory(served)
    finally:
        _stop_server(served)
    rows = [
        Row(specgen_full.label, "openapi-python-client", max_ratio=0.4, max_rss_mb=400),
        Row("openapi-python-client"),
        Row(specgen_models.label, "datamodel-codegen"),
        Row("datamodel-codegen"),
        Row(specgen_edit.label, specgen_full.label, max_ratio=0.3),
        Row(specgen_edit_in_place.label, specgen_full.label),
        Row(specgen_edit_emptied.label, specgen_full.label),
    ]
    print(machine_header(title, options.runs, load))
    print(f"spec: {spec.relative_to(WORK)} ({spec.stat().st_size / 1e6:.1f} MB)\n")
    if fallback:
        print(f"NOTE: specgen failed with stubs, so the full run is {artefacts}. {fallback}\n")
    print(table(rows, results))
    print(f"\n{server}")
    write_json(options.json, title, results)
    return 0 if all(result.failure is None for result in results) else 1


if __name__ == "__main__":
    main_guard(main)
