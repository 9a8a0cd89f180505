"""Contract diff of GitHub's REST API, v20 → v23 of @octokit/openapi, by specgen vs api-smart-diff.

    .venv/bin/python bench/diff_github.py [--runs N]

specgen diff v20.json v23.json  vs  node bench/api_smart_diff.cjs v20.json v23.json
(api-smart-diff has no CLI; the script calls its `apiCompare` the way a user would and prints
the counts). Target: ≤ 0.3× api-smart-diff's wall time, peak ≤ 500 MB.
Both tools exit 1 or print breaking changes here by design: GitHub did break things.
"""

from __future__ import annotations

import shutil
from pathlib import Path

# Run as a script, so bench/ is on sys.path.
from _harness import (
    WORK,
    BenchError,
    Case,
    Row,
    arguments,
    check_runs,
    ensure_npm_packages,
    github_spec,
    machine_header,
    main_guard,
    measure,
    snapshot,
    specgen,
    table,
    write_json,
)

NODE_SCRIPT = Path(__file__).resolve().parent / "api_smart_diff.cjs"


def main() -> int:
    options = arguments(__doc__ or "").parse_args()
    check_runs(options.runs)
    node = shutil.which("node")
    if node is None:
        raise BenchError("node is not on PATH: install Node.js")
    modules = ensure_npm_packages()
    base, revision = github_spec(20), github_spec(23)
    load = snapshot()
    cases = [
        # Exit 1 means "breaking changes found", which is the right answer for this pair.
        Case("specgen diff", specgen("diff", str(base), str(revision)), ok=frozenset({0, 1})),
        Case("api-smart-diff", [node, str(NODE_SCRIPT), str(base), str(revision), str(modules)]),
    ]
    title = "specgen diff: GitHub REST API @octokit/openapi@20 → @23"
    results = measure(cases, options.runs, options.warmup)
    print(machine_header(title, options.runs, load))
    print(f"specs: {base.relative_to(WORK)}, {revision.relative_to(WORK)}\n")
    rows = [
        Row("specgen diff", "api-smart-diff", max_ratio=0.3, max_rss_mb=500),
        Row("api-smart-diff"),
    ]
    print(table(rows, results))
    for result in results:
        if result.runs:
            summary = result.runs[-1].output.strip().splitlines()
            print(f"\n{result.case.label} said: {summary[-1] if summary else '(nothing)'}")
    write_json(options.json, title, results)
    return 0 if all(result.failure is None for result in results) else 1


if __name__ == "__main__":
    main_guard(main)
