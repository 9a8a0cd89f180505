"""`specgen diff --prove` on GitHub's REST API, @octokit/openapi v20 → v23, next to the plain diff.

    .venv/bin/python bench/prove_github.py [--runs N]

Opt-in (downloads both specs from npm into bench/.work/, ~25 MB). `--prove` renders both
specs (client, models, stubs), serves each side's mock on loopback and sends a witness for
every change, both ways; the plain `specgen diff` of the same pair is timed beside it. Target:
`--prove` ≤ 60 s wall. After the table, the verdicts of the last `--prove` run: how many of the
changes called breaking were proved `broke`, `held` (a witness went through) or
`not-exercised` (with the most common reasons).
"""

from __future__ import annotations

import json
from collections import Counter

# Run as a script, so bench/ is on sys.path.
from _harness import (
    WORK,
    Case,
    Row,
    arguments,
    check_runs,
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
    parser = arguments(__doc__ or "", default_runs=1)
    options = parser.parse_args()
    check_runs(options.runs)
    base, revision = github_spec(20), github_spec(23)
    load = snapshot()
    plain = specgen("diff", str(base), str(revision), "--format", "json", "--fail-on", "none")
    cases = [
        Case("specgen diff", plain),
        Case("specgen diff --prove", [*plain, "--prove"]),
    ]
    title = "specgen diff --prove: GitHub REST API @octokit/openapi@20 → @23"
    results = measure(cases, options.runs, options.warmup)
    print(machine_header(title, options.runs, load))
    print(f"specs: {base.relative_to(WORK)}, {revision.relative_to(WORK)}\n")
    rows = [Row("specgen diff --prove", "specgen diff", max_seconds=60), Row("specgen diff")]
    print(table(rows, results))
    proved = results[1]
    if proved.runs:
        print()
        print(_verdicts(proved.runs[-1].output))
    write_json(options.json, title, results)
    return 0 if all(result.failure is None for result in results) else 1


def _verdicts(output: str) -> str:
    """Counts of the last run's proofs: by level and verdict, and the top reasons."""
    try:
        report = json.loads(output)
    except ValueError:
        return "(the --prove run printed no JSON)"
    changes = report["changes"] if isinstance(report, dict) else report[0]["changes"]
    lines = [
        "| level | proof: broke | held | not-exercised | rollback: broke | held | not-exercised |"
    ]
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for level in ("breaking", "warning", "info"):
        chosen = [c for c in changes if c["level"] == level]
        proof = Counter(c.get("proof", {}).get("verdict") for c in chosen)
        back = Counter(c.get("rollback", {}).get("verdict") for c in chosen)
        counts = [proof["broke"], proof["held"], proof["not-exercised"]]
        counts += [back["broke"], back["held"], back["not-exercised"]]
        lines.append(f"| {level} ({len(chosen)}) | " + " | ".join(map(str, counts)) + " |")
    for verdict in ("not-exercised", "held"):
        reasons = Counter(
            f"{c['id']}: {c['proof']['detail'][:100]}"
            for c in changes
            if c["level"] == "breaking" and c.get("proof", {}).get("verdict") == verdict
        )
        if reasons:
            lines.append(f"\nMost common reasons a breaking change was {verdict}:")
            lines.extend(f"- {count}× {reason}" for reason, count in reasons.most_common(10))
    return "\n".join(lines)


if __name__ == "__main__":
    main_guard(main)
