"""Start-up cost: a no-op `specgen generate` on the project's specs/ and `specgen --help`.

    .venv/bin/python bench/noop.py [--runs N]

The no-op runs the project's configuration ([tool.specgen] in pyproject.toml, specs/) with
`--out bench/.work/noop/generated` (so the committed generated/ is never touched); one untimed
generate first makes every timed run a no-op. `python -c pass` with the same interpreter is the
floor no Python CLI can beat. Targets: no-op generate ≤ 0.3 s, --help ≤ 0.15 s (absolute).
"""

from __future__ import annotations

import sys

# Run as a script, so bench/ is on sys.path.
from _harness import (
    REPO,
    WORK,
    BenchError,
    Case,
    Row,
    arguments,
    check_runs,
    machine_header,
    main_guard,
    measure,
    run_once,
    snapshot,
    specgen,
    table,
    write_json,
)

OUT = WORK / "noop" / "generated"


def main() -> int:
    options = arguments(__doc__ or "", default_runs=20).parse_args()
    check_runs(options.runs)
    generate = specgen("generate", "--out", str(OUT.relative_to(REPO)))
    first = run_once(generate)
    if first.returncode != 0:
        raise BenchError(f"the first (real) generate failed:\n{first.output.strip()[-2000:]}")
    load = snapshot()
    cases = [
        Case("python -c pass", [sys.executable, "-c", "pass"]),
        Case("specgen --help", specgen("--help")),
        Case("specgen generate (no-op)", generate),
    ]
    results = measure(cases, options.runs, options.warmup)
    last = next((r.runs[-1].output for r in results if r.runs and r.case is cases[2]), "")
    title = "specgen start-up: no-op generate and --help"
    print(machine_header(title, options.runs, load))
    print(f"first generate took {first.wall:.1f} s; the no-op said: {last.strip()!r}\n")
    rows = [
        Row("python -c pass"),
        Row("specgen --help", "python -c pass", max_seconds=0.15),
        Row("specgen generate (no-op)", "python -c pass", max_seconds=0.3),
    ]
    print(table(rows, results))
    write_json(options.json, title, results)
    return 0 if all(result.failure is None for result in results) else 1


if __name__ == "__main__":
    main_guard(main)
