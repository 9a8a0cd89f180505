"""`specgen verify` against schemathesis on the same seeded-defect servers, in the same run.

Each case is a real server on loopback, started afresh for each tool: a FastAPI app of the
pets spec with one defect seeded (`tests/verify/pets_app.py`), the stateful mock of
`tests/verify/jobs.yaml` whose cancel does nothing, and a Connexion app of the pets spec
(`tests/verify/connexion_app.py`), as is and with a response off its schema. Both tools run as processes, as a user runs them:

    specgen verify SPEC --base-url URL --format json
    st run SPEC --url URL --max-examples 25 -H 'Authorization: Bearer bench' --report junit

For each tool: the operations it reports as defective, split into the seeded ones (found)
and the others (extra: on the conforming server these are false alarms), and the wall time
of the whole process. Targets: found(verify) >= found(schemathesis), time ratio <= 0.5.

    python bench/verify_vs_schemathesis.py [--cases off-schema,html] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.verify.pets_app import pets_app, served  # noqa: E402

PETS = REPO / "tests" / "verify" / "pets.yaml"
JOBS = REPO / "tests" / "verify" / "jobs.yaml"
SECURED = ("GET /pets", "POST /pets", "GET /pets/{petId}", "PUT /pets/{petId}",
           "DELETE /pets/{petId}")  # fmt: skip
# case -> the operations its defect is seeded in
SEEDED: dict[str, tuple[str, ...]] = {
    "conforming": (),
    "off-schema": ("GET /pets/{petId}",),
    "server-error": ("GET /pets",),
    "refuses-valid": ("POST /pets", "PUT /pets/{petId}"),
    "html": ("GET /health",),
    "bytes": ("PUT /pets/{petId}",),
    "malformed-token": SECURED,
    "no-auth": ("DELETE /pets/{petId}",),
    "accepts-invalid": ("POST /pets", "PUT /pets/{petId}"),
    "missing-header": ("GET /pets",),
    "undead": ("DELETE /pets/{petId}",),
    "jobs-cancel-does-nothing": ("DELETE /jobs/{jobId}",),
    # Connexion (spec-first) serving pets.yaml as written; its problem+json errors and 400s are
    # real drift from this spec, but not seeded: they count as extra on both sides.
    "connexion": (),
    "connexion-off-schema": ("GET /pets/{petId}",),
}


@dataclass
class Outcome:
    operations: set[str]
    seconds: float


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def run_verify(spec: Path, url: str) -> Outcome:
    started = time.perf_counter()
    done = subprocess.run(
        [_bin("specgen"), "verify", str(spec), "--base-url", url, "--format", "json"],
        capture_output=True, text=True, env={**os.environ, "SPECGEN_DAEMON": "0"},
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"specgen verify failed ({done.returncode}): {done.stderr}")
    data = json.loads(done.stdout)
    return Outcome({f["operation"] for f in data["findings"]}, seconds)


def run_schemathesis(spec: Path, url: str) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="bench-st-") as scratch:
        report = Path(scratch) / "junit.xml"
        started = time.perf_counter()
        done = subprocess.run(
            [_bin("st"), "run", str(spec), "--url", url, "--max-examples", "25", "--seed", "1",
             "-H", "Authorization: Bearer bench", "--report", "junit",
             "--report-junit-path", str(report)],
            capture_output=True, text=True, cwd=scratch,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        if not report.exists():
            raise SystemExit(f"schemathesis wrote no report ({done.returncode}): {done.stdout}")
        root = ET.parse(report).getroot()
    found = {
        case.get("name", "")
        for case in root.iter("testcase")
        if case.find("failure") is not None or case.find("error") is not None
    }
    return Outcome(found, seconds)


def _jobs_server() -> AbstractContextManager[str]:
    from generator.mock.server import MockOptions, mock_app, render_server

    server = render_server(JOBS, name="bench-verify-jobs", workdir=Path(tempfile.mkdtemp()))
    app = mock_app(server, MockOptions(stateful=True))

    async def cancel_does_nothing(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] == "DELETE":
            scope = {**scope, "method": "GET"}  # the cancel is answered as a read
        await app(scope, receive, send)

    return served(cancel_does_nothing)


def server_for(case: str) -> tuple[Path, Callable[[], AbstractContextManager[str]]]:
    if case == "jobs-cancel-does-nothing":
        return JOBS, _jobs_server
    if case.startswith("connexion"):
        from tests.verify.connexion_app import connexion_app

        seeded = ("off-schema",) if case.endswith("off-schema") else ()
        return PETS, lambda: served(connexion_app(*seeded))
    defects = () if case == "conforming" else (case,)
    return PETS, lambda: served(pets_app(*defects))


def cases(selected: str | None) -> Iterator[str]:
    names = selected.split(",") if selected else list(SEEDED)
    for name in names:
        if name not in SEEDED:
            raise SystemExit(f"unknown case {name!r} (cases: {', '.join(SEEDED)})")
        yield name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = []
    for case in cases(args.cases):
        spec, server = server_for(case)
        seeded = set(SEEDED[case])
        with server() as url:
            ours = run_verify(spec, url)
        with server() as url:
            theirs = run_schemathesis(spec, url)
        rows.append({
            "case": case,
            "seeded": sorted(seeded),
            "verify_found": sorted(ours.operations & seeded),
            "verify_extra": sorted(ours.operations - seeded),
            "verify_s": round(ours.seconds, 2),
            "st_found": sorted(theirs.operations & seeded),
            "st_extra": sorted(theirs.operations - seeded),
            "st_s": round(theirs.seconds, 2),
        })  # fmt: skip
        print(f"[{case}] verify {len(rows[-1]['verify_found'])}/{len(seeded)} in "
              f"{ours.seconds:.2f} s; st {len(rows[-1]['st_found'])}/{len(seeded)} in "
              f"{theirs.seconds:.2f} s", file=sys.stderr, flush=True)  # fmt: skip
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print("| case | seeded ops | verify found | verify extra | verify s | st found | st extra "
          "| st s |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['case']} | {len(row['seeded'])} | {len(row['verify_found'])} | "
              f"{len(row['verify_extra'])} | {row['verify_s']:.2f} | {len(row['st_found'])} | "
              f"{len(row['st_extra'])} | {row['st_s']:.2f} |")  # fmt: skip
    total = sum(len(r["seeded"]) for r in rows)
    ours_found = sum(len(r["verify_found"]) for r in rows)
    theirs_found = sum(len(r["st_found"]) for r in rows)
    ours_s = sum(r["verify_s"] for r in rows)
    theirs_s = sum(r["st_s"] for r in rows)
    print(f"| **total** | {total} | {ours_found} | {sum(len(r['verify_extra']) for r in rows)} | "
          f"{ours_s:.2f} | {theirs_found} | {sum(len(r['st_extra']) for r in rows)} | "
          f"{theirs_s:.2f} |")  # fmt: skip
    ratio = ours_s / theirs_s if theirs_s else float("nan")
    print(f"\ndefective operations found: verify {ours_found}, schemathesis {theirs_found} "
          f"(of {total} seeded); wall time ratio verify/schemathesis = {ratio:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
