"""`specgen diff --prove` on the curated pairs: the table kind × verdict, and the time per pair.

    .venv/bin/python bench/prove_curated.py [BASE REVISION ...]

Default pairs: tests/fixtures/diff/kinds (one operation per change kind), tests/fixtures/diff/
prove and reality-modeling 2024 → 2025. For each breaking change kind (the rule's kind, e.g.
`enum-value-removed`), how many proofs came out broke / held / not-exercised; then the share
of breaking changes proved broke, and whether any held lacks a witness. Target: ≤ 3 s a pair.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "diff"
PAIRS = [
    (FIXTURES / "kinds" / "base.yaml", FIXTURES / "kinds" / "revision.yaml"),
    (FIXTURES / "prove" / "base.yaml", FIXTURES / "prove" / "revision.yaml"),
    (FIXTURES / "reality-modeling-2024.yaml", FIXTURES / "reality-modeling-2025.yaml"),
]


def main() -> int:
    given = [Path(arg) for arg in sys.argv[1:]]
    pairs = list(zip(given[::2], given[1::2], strict=True)) if given else PAIRS
    table: dict[str, Counter[str]] = defaultdict(Counter)
    bad_held = 0
    for base, revision in pairs:
        command = [sys.executable, "-m", "generator", "diff", str(base), str(revision)]
        command += ["--prove", "--format", "json", "--fail-on", "none"]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)
        took = time.perf_counter() - start
        report = json.loads(done.stdout)
        changes = report["changes"]
        print(f"{base.relative_to(REPO)} → {revision.name}: {len(changes)} changes, {took:.1f} s")
        for change in changes:
            proof = change["proof"]
            if proof["verdict"] == "held" and not proof["witness"]:
                bad_held += 1
            if change["level"] == "breaking":
                kind = (
                    change["id"]
                    .removeprefix("request-property-")
                    .removeprefix("response-property-")
                )
                table[kind][proof["verdict"]] += 1
    print("\n| breaking change | broke | held | not-exercised |")
    print("| --- | ---: | ---: | ---: |")
    total: Counter[str] = Counter()
    for kind in sorted(table):
        counts = table[kind]
        total.update(counts)
        print(f"| {kind} | {counts['broke']} | {counts['held']} | {counts['not-exercised']} |")
    print(f"| **all** | {total['broke']} | {total['held']} | {total['not-exercised']} |")
    share = total["broke"] / max(sum(total.values()), 1)
    print(f"\nbroke: {share:.0%} of breaking changes; held without a witness: {bad_held}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
