"""Validation of GitHub's REST API (OpenAPI 3.0, ~12 MB) by specgen vs openapi-spec-validator.

    .venv/bin/python bench/validate_github.py [--runs N] [--spec-version 23]

specgen validate SPEC  vs  openapi-spec-validator SPEC (its CLI, from a venv under bench/.work/).
Target: ≤ 0.2× openapi-spec-validator's wall time.
specgen validate exits 1 when it finds errors; that is a result, not a failure of the run
(its last line is printed below the table so a reader sees what it found).
"""

from __future__ import annotations

# Run as a script, so bench/ is on sys.path.
from _harness import (
    WORK,
    Case,
    Row,
    arguments,
    check_runs,
    ensure_python_peers,
    github_spec,
    machine_header,
    main_guard,
    measure,
    snapshot,
    specgen,
    table,
    write_json,
)


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--spec-version", type=int, default=23, help="@octokit/openapi major")
    options = parser.parse_args()
    check_runs(options.runs)
    peers = ensure_python_peers()
    spec = github_spec(options.spec_version)
    load = snapshot()
    cases = [
        Case("specgen validate", specgen("validate", str(spec)), ok=frozenset({0, 1})),
        Case("openapi-spec-validator", [str(peers / "openapi-spec-validator"), str(spec)]),
    ]
    title = f"specgen validate: GitHub REST API (@octokit/openapi@{options.spec_version})"
    results = measure(cases, options.runs, options.warmup)
    print(machine_header(title, options.runs, load))
    print(f"spec: {spec.relative_to(WORK)} ({spec.stat().st_size / 1e6:.1f} MB)\n")
    rows = [
        Row("specgen validate", "openapi-spec-validator", max_ratio=0.2),
        Row("openapi-spec-validator"),
    ]
    print(table(rows, results))
    for result in results:
        if result.runs:
            said = result.runs[-1].output.strip().splitlines()
            print(f"\n{result.case.label} said: {said[-1] if said else '(nothing)'}")
    write_json(options.json, title, results)
    return 0 if all(result.failure is None for result in results) else 1


if __name__ == "__main__":
    main_guard(main)
