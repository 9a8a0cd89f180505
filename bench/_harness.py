"""Shared machinery of the benchmark scripts: peers installed under bench/.work/, whole-process
timing and peak memory of child processes, and the result table.

Timing is the wall time of the whole process (start-up included: that is what a user waits
for). Peak memory is `ru_maxrss` of the child as reported by `os.wait4`, which on Linux is the
largest resident set of any single process in the child's tree that was waited for (a tool that
spawns ruff or node counts them too, but concurrent processes are not summed).

Runs of the compared commands are interleaved (A B A B ...) so that a change of machine load
during the benchmark hits both sides alike; the median is reported, with the min beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "bench" / ".work"
PEER_VENV = WORK / "venv"
NPM_PREFIX = WORK / "npm"
NODE_MODULES = NPM_PREFIX / "node_modules"

# Pinned so that a ratio measured today compares with one measured next month.
PYTHON_PEERS = (
    "openapi-python-client==0.29.1",
    "openapi-spec-validator==0.9.0",
    "datamodel-code-generator==0.89.0",
)
# npm aliases let both versions of GitHub's spec live side by side.
NPM_PACKAGES = (
    "api-smart-diff@1.0.6",
    "octokit-openapi-20@npm:@octokit/openapi@20",
    "octokit-openapi-23@npm:@octokit/openapi@23",
)

MB = 1024 * 1024


class BenchError(Exception):
    """A setup step failed (peer install, missing tool): reported without a traceback."""


# ---------------------------------------------------------------------------------------------
# Peers


def _run_setup(command: Sequence[str], what: str) -> None:
    print(f"[setup] {what}: {' '.join(command)}", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise BenchError(f"{what} failed (exit {done.returncode}):\n{tail}")


def _stamped(stamp: Path, wanted: Sequence[str]) -> bool:
    return stamp.is_file() and stamp.read_text().split("\n") == list(wanted)


def ensure_python_peers() -> Path:
    """The bin/ folder of a venv under bench/.work/ holding the Python peers (never the project
    venv: the peers pin their own versions of shared dependencies)."""
    stamp = PEER_VENV / ".bench-installed"
    if not _stamped(stamp, PYTHON_PEERS):
        if not (PEER_VENV / "bin" / "python").exists():
            _run_setup([sys.executable, "-m", "venv", str(PEER_VENV)], "peer venv")
        pip = [str(PEER_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        _run_setup([*pip, *PYTHON_PEERS], "install Python peers")
        stamp.write_text("\n".join(PYTHON_PEERS))
    return PEER_VENV / "bin"


def ensure_npm_packages() -> Path:
    """node_modules under bench/.work/npm with api-smart-diff and GitHub's spec v20 and v23."""
    stamp = NODE_MODULES / ".bench-installed"
    if not _stamped(stamp, NPM_PACKAGES):
        npm = shutil.which("npm")
        if npm is None:
            raise BenchError("npm is not on PATH: install Node.js and npm")
        NPM_PREFIX.mkdir(parents=True, exist_ok=True)
        command = [npm, "install", "--prefix", str(NPM_PREFIX), "--no-audit", "--no-fund"]
        _run_setup([*command, "--loglevel=error", *NPM_PACKAGES], "install npm packages")
        stamp.write_text("\n".join(NPM_PACKAGES))
    return NODE_MODULES


def github_spec(major: int) -> Path:
    """GitHub's REST API description (OpenAPI 3.0, ~12 MB of JSON) from @octokit/openapi@MAJOR."""
    path = ensure_npm_packages() / f"octokit-openapi-{major}" / "generated" / "api.github.com.json"
    if not path.is_file():
        raise BenchError(f"{path} is missing: delete {NODE_MODULES} and run again")
    return path


def specgen(*args: str) -> list[str]:
    """The specgen command of this checkout (`python -m generator` from the repo root imports
    the worktree's package, not whatever an installed `specgen` script points at)."""
    return [sys.executable, "-m", "generator", *args]


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + system seconds of the process tree: far less sensitive to machine load
    peak_rss: int  # bytes
    returncode: int
    output: str


def child_environment() -> dict[str, str]:
    """The environment of every timed command: ours, but bytecode may be cached.

    With PYTHONDONTWRITEBYTECODE set (some shells and CI images set it), every run of specgen
    would compile its own sources again, which no installed copy does (pip writes .pyc files):
    start-up would be measured several times too slow."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(command: Sequence[str], cwd: Path = REPO, env: dict[str, str] | None = None) -> Run:
    """Run a command to completion; wall time and the peak RSS of its process tree."""
    env = child_environment() if env is None else env
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=output
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        output.seek(0)
        text = output.read().decode(errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss * 1024, process.returncode, text)


@dataclass(frozen=True)
class Case:
    """One command to time. `prepare` runs before every run, untimed (e.g. empty the output
    folder so that every run does the full work). `ok` lists the exit codes that mean the
    tool did its job (a diff that finds breaking changes exits 1 by design)."""

    label: str
    command: Sequence[str]
    prepare: Callable[[], None] | None = None
    ok: frozenset[int] = frozenset({0})
    cwd: Path = REPO
    env: dict[str, str] | None = None


@dataclass
class Result:
    case: Case
    runs: list[Run] = field(default_factory=list)
    failure: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    @property
    def median_cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    @property
    def fastest(self) -> float:
        return min(run.wall for run in self.runs)

    @property
    def peak_rss(self) -> int:
        return max(run.peak_rss for run in self.runs)


def measure(cases: Sequence[Case], runs: int, warmup: int) -> list[Result]:
    """Interleaved runs of every case; a case that fails stops being run and says why."""
    results = [Result(case) for case in cases]
    for index in range(warmup + runs):
        for result in results:
            if result.failure is not None:
                continue
            case = result.case
            if case.prepare is not None:
                case.prepare()
            run = run_once(case.command, case.cwd, case.env)
            phase = "warm-up" if index < warmup else f"run {index - warmup + 1}/{runs}"
            print(
                f"  {case.label:<40} {phase:<10} {run.wall:8.3f} s wall {run.cpu:8.3f} s cpu"
                f" {run.peak_rss / MB:7.0f} MB",
                file=sys.stderr,
                flush=True,
            )
            if run.returncode not in case.ok:
                tail = "\n".join(run.output.strip().splitlines()[-12:])
                result.failure = f"exit {run.returncode}: {tail}"
            elif index >= warmup:
                result.runs.append(run)
    return results


# ---------------------------------------------------------------------------------------------
# Reporting


@dataclass(frozen=True)
class Row:
    """A line of the table: `peer` names the label of the result it is compared with, and the
    targets are the issue's (ratio to the peer, absolute wall time, peak memory)."""

    label: str
    peer: str | None = None
    max_ratio: float | None = None
    max_seconds: float | None = None
    max_rss_mb: float | None = None


@dataclass(frozen=True)
class Snapshot:
    """The machine as a benchmark starts: when, which commit, and how busy."""

    when: str
    commit: str
    load: tuple[float, float, float]


def snapshot() -> Snapshot:
    rev = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    return Snapshot(time.strftime("%Y-%m-%d %H:%M:%S"), rev or "?", os.getloadavg())


def machine_header(title: str, runs: int, start: Snapshot) -> str:
    load = start.load
    return (
        f"## {title}\n\n"
        f"started {start.when}, commit {start.commit}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average at start {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1/5/15 min), "
        f"{runs} timed runs per command (median; interleaved)\n"
    )


def _verdict(row: Row, result: Result, ratio: float | None) -> str:
    checks: list[str] = []
    if row.max_ratio is not None and ratio is not None:
        mark = "ok" if ratio <= row.max_ratio else "MISSED"
        checks.append(f"≤{row.max_ratio:g}× {mark}")
    if row.max_seconds is not None:
        mark = "ok" if result.median <= row.max_seconds else "MISSED"
        checks.append(f"≤{row.max_seconds:g} s {mark}")
    if row.max_rss_mb is not None:
        mark = "ok" if result.peak_rss / MB <= row.max_rss_mb else "MISSED"
        checks.append(f"≤{row.max_rss_mb:g} MB {mark}")
    return ", ".join(checks)


def table(rows: Sequence[Row], results: Sequence[Result]) -> str:
    """A markdown table: median and min wall time, median CPU time, peak RSS, the ratio of the
    median wall times to the peer's (and of the CPU times, the figure to trust on a loaded
    machine), and the targets (judged on wall time, as the issue states them)."""
    by_label = {result.case.label: result for result in results}
    lines = [
        "| command | median wall s | min wall s | median CPU s | peak RSS MB "
        "| ratio to peer (wall / CPU) | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    failures: list[str] = []
    for row in rows:
        result = by_label[row.label]
        if result.failure is not None or not result.runs:
            lines.append(f"| {row.label} | failed | | | | | |")
            failures.append(f"- {row.label}: {result.failure}")
            continue
        peer = by_label.get(row.peer) if row.peer else None
        ratio = None
        ratio_text = ""
        if peer is not None and peer.runs and peer.failure is None:
            ratio = result.median / peer.median
            cpu_ratio = result.median_cpu / peer.median_cpu
            ratio_text = f"{ratio:.2f}× / {cpu_ratio:.2f}× {row.peer}"
        lines.append(
            f"| {row.label} | {result.median:.3f} | {result.fastest:.3f} | "
            f"{result.median_cpu:.3f} | {result.peak_rss / MB:.0f} | {ratio_text} "
            f"| {_verdict(row, result, ratio)} |"
        )
    if failures:
        lines.append("\nFailed:\n" + "\n".join(failures))
    return "\n".join(lines)


def arguments(description: str, default_runs: int = 5) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=default_runs, help="timed runs per command")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (caches)")
    parser.add_argument("--json", type=Path, help="also write the raw samples to this file")
    return parser


def check_runs(runs: int) -> None:
    if runs < 1:
        raise BenchError("--runs must be at least 1 (5 or more for a meaningful median)")


def write_json(path: Path | None, title: str, results: Sequence[Result]) -> None:
    if path is None:
        return
    payload = {
        "title": title,
        "load_average": os.getloadavg(),
        "results": [
            {
                "label": result.case.label,
                "command": list(result.case.command),
                "wall_seconds": [run.wall for run in result.runs],
                "cpu_seconds": [run.cpu for run in result.runs],
                "peak_rss_bytes": [run.peak_rss for run in result.runs],
                "failure": result.failure,
            }
            for result in results
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2))


def fresh_dir(path: Path) -> Callable[[], None]:
    """A `prepare` step that leaves `path` absent, so every run starts from nothing."""

    def prepare() -> None:
        shutil.rmtree(path, ignore_errors=True)

    return prepare


def main_guard(body: Callable[[], int]) -> None:
    """Run a script's body; setup failures are a message and exit 2, not a traceback."""
    try:
        sys.exit(body())
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
