"""Full generation of GitHub's REST API (OpenAPI 3.0, ~12 MB) by specgen vs its peers.

    .venv/bin/python bench/generate_github.py [--runs N] [--spec-version 23]

1. specgen generate SPEC --out DIR --artefacts client,models,stubs  vs
   openapi-python-client generate --path SPEC            (target ≤ 0.5×, peak ≤ 500 MB)
2. specgen generate SPEC --out DIR --artefacts models  vs
   datamodel-codegen --input SPEC --input-file-type openapi --output-model-type pydantic_v2.BaseModel

Every run starts from an empty output folder, so it does the full work (no incremental skip).
If specgen fails with stubs (one untimed full run probes it), the first row falls back to
client,models and the table says so, with specgen's first error.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, so bench/ is on sys.path.
from _harness import (
    WORK,
    Case,
    Row,
    arguments,
    check_runs,
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
    probe = run_once(specgen("generate", str(spec), "--out", str(out), "--artefacts", FULL))
    fresh_dir(out)()
    if probe.returncode == 0:
        return FULL, None
    lines = probe.output.splitlines()
    reason = next((line.strip() for line in lines if "error" in line), probe.output.strip()[-300:])
    return WITHOUT_STUBS, f"exit {probe.returncode}: {reason}"


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
        command = specgen("generate", str(spec), "--out", str(out), "--artefacts", what)
        return Case(f"specgen {label}", command, prepare=fresh_dir(out))

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
    ]
    title = f"specgen generate: GitHub REST API (@octokit/openapi@{options.spec_version})"
    results = measure(cases, options.runs, options.warmup)
    rows = [
        Row(specgen_full.label, "openapi-python-client", max_ratio=0.5, max_rss_mb=500),
        Row("openapi-python-client"),
        Row(specgen_models.label, "datamodel-codegen"),
        Row("datamodel-codegen"),
    ]
    print(machine_header(title, options.runs, load))
    print(f"spec: {spec.relative_to(WORK)} ({spec.stat().st_size / 1e6:.1f} MB)\n")
    if fallback:
        print(f"NOTE: specgen failed with stubs, so the full run is {artefacts}. {fallback}\n")
    print(table(rows, results))
    write_json(options.json, title, results)
    return 0 if all(result.failure is None for result in results) else 1


if __name__ == "__main__":
    main_guard(main)
