"""Overhead of the generated client: `list_jobs` calls per second through the generated sync
and async clients of generated/reality-modeling vs raw httpx, against the same loopback server,
plus the parse time of a 1,000-job page through the generated models vs `json.loads`.

    .venv/bin/python bench/client_overhead.py [--runs N] [--calls N] [--page-jobs N]

The server (bench/_page_server.py, its own process, 127.0.0.1 only) answers every request with
the `listJobs` 200 example of specs/reality-modeling.yaml. Raw httpx sends the same request with
the same headers and decodes the JSON; the generated client also validates the page into
models and prepares the next-page request, which is the overhead measured.
Target: sync client ≤ 1.15× raw httpx's time per call. Calls are bounded by --calls per run.
The client parses a body of 64 KiB or more with the cyclic garbage collector paused (about half
of plain pydantic's time on the big page goes to collections), hence the GC-paused pydantic row.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

# Run as a script, so bench/ is on sys.path.
from _harness import (
    REPO,
    WORK,
    BenchError,
    arguments,
    check_runs,
    machine_header,
    main_guard,
    snapshot,
)

SPEC = REPO / "specs" / "reality-modeling.yaml"
CLIENT_SRC = REPO / "generated" / "reality-modeling" / "client" / "src"
PATH = "/contextcapture/jobs"
SERVER = REPO / "bench" / "_page_server.py"


@dataclass(frozen=True)
class Example:
    page: dict[str, Any]
    content_type: str


def list_jobs_example() -> Example:
    """The 200 example of listJobs, and its media type (sent back as Content-Type)."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    for media_type, content in spec["paths"][PATH]["get"]["responses"]["200"]["content"].items():
        if "example" in content:
            return Example(content["example"], media_type)
    raise BenchError(f"{SPEC}: listJobs has no 200 example to serve")


def start_server(body: bytes, content_type: str) -> tuple[subprocess.Popen[str], str]:
    page_file = WORK / "client" / "page.json"
    page_file.parent.mkdir(parents=True, exist_ok=True)
    page_file.write_bytes(body)
    command = [sys.executable, str(SERVER), str(page_file), "--content-type", content_type]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    port = server.stdout.readline().strip()
    if not port.isdigit():
        server.kill()
        raise BenchError(f"the page server did not start (said {port!r})")
    return server, f"http://127.0.0.1:{port}"


def generated(module: str) -> Any:
    """A module of the generated client package (on sys.path once main() has put it there;
    imported by name because it is generated output, not part of this checkout's sources)."""
    return importlib.import_module(f"reality_modeling{module}")


# A timer runs `calls` calls and returns the seconds they took (set-up and warm-up excluded):
# wall time, and this process's CPU time, which leaves out the server and, mostly, other load.
Sample = tuple[float, float]
Timer = Callable[[int], Sample]


def elapsed(started: Sample) -> Sample:
    return time.perf_counter() - started[0], time.process_time() - started[1]


WARM_UP_CALLS = 50


def raw_sync(base_url: str, content_type: str) -> Timer:
    import httpx

    headers = {"Accept": content_type, "Authorization": "Bearer bench"}

    def run(calls: int) -> Sample:
        with httpx.Client(base_url=base_url) as http:
            for _ in range(WARM_UP_CALLS):
                http.get(PATH, headers=headers).raise_for_status()
            started = time.perf_counter(), time.process_time()
            for _ in range(calls):
                response = http.get(PATH, headers=headers)
                response.raise_for_status()
                response.json()
            return elapsed(started)

    return run


def generated_sync(base_url: str) -> Timer:
    client_class = generated("").Client

    def run(calls: int) -> Sample:
        with client_class(token="bench", base_url=base_url) as client:
            for _ in range(WARM_UP_CALLS):
                client.list_jobs()
            started = time.perf_counter(), time.process_time()
            for _ in range(calls):
                client.list_jobs()
            return elapsed(started)

    return run


def raw_async(base_url: str, content_type: str) -> Timer:
    import httpx

    headers = {"Accept": content_type, "Authorization": "Bearer bench"}

    async def calls_of(calls: int) -> Sample:
        async with httpx.AsyncClient(base_url=base_url) as http:
            for _ in range(WARM_UP_CALLS):
                (await http.get(PATH, headers=headers)).raise_for_status()
            started = time.perf_counter(), time.process_time()
            for _ in range(calls):
                response = await http.get(PATH, headers=headers)
                response.raise_for_status()
                response.json()
            return elapsed(started)

    return lambda calls: asyncio.run(calls_of(calls))


def generated_async(base_url: str) -> Timer:
    client_class = generated("").AsyncClient

    async def calls_of(calls: int) -> Sample:
        async with client_class(token="bench", base_url=base_url) as client:
            for _ in range(WARM_UP_CALLS):
                await client.list_jobs()
            started = time.perf_counter(), time.process_time()
            for _ in range(calls):
                await client.list_jobs()
            return elapsed(started)

    return lambda calls: asyncio.run(calls_of(calls))


def parsers(body: bytes) -> dict[str, Callable[[], object]]:
    """Ways to turn a page's bytes into Python: the floor, the models, and the client's path."""
    models = generated(".models")

    parse: dict[str, Callable[[], object]] = {
        "json.loads": lambda: json.loads(body),
        "Jobs.model_validate_json": lambda: models.Jobs.model_validate_json(body),
        # The client pauses the cyclic GC while it parses a large body: this is plain pydantic
        # on the same footing, so the client's row shows what lenient parsing itself costs.
        "Jobs.model_validate_json, GC paused": gc_paused(
            lambda: models.Jobs.model_validate_json(body)
        ),
    }
    try:  # the client's own, lenient path (private API: skipped if the runtime renames it)
        response = generated("._runtime._response")
        adapter = response.AdapterCache().get(models.Jobs)
        parse["client's parse (lenient)"] = lambda: response.parse_lenient(adapter, body, json=True)
    except (ImportError, AttributeError):
        pass
    return parse


def gc_paused(function: Callable[[], object]) -> Callable[[], object]:
    def paused() -> object:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function()
        finally:
            if was_enabled:
                gc.enable()

    return paused


def time_interleaved(timers: dict[str, Callable[[], Sample]], runs: int) -> dict[str, list[Sample]]:
    samples: dict[str, list[Sample]] = {label: [] for label in timers}
    for _ in range(runs):
        for label, timer in timers.items():
            samples[label].append(timer())
    return samples


def _median(samples: list[Sample], which: int) -> float:
    return statistics.median(sample[which] for sample in samples)


def rate_table(samples: dict[str, list[Sample]], calls: int) -> str:
    """Per call: wall time (what the target is about) and the client process's CPU time."""
    baseline = {"sync": "raw httpx (sync)", "async": "raw httpx (async)"}
    lines = [
        "| client | median µs/call | min µs/call | calls/s (median) | client CPU µs/call "
        "| ratio to raw httpx (wall / CPU) | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, runs in samples.items():
        per_call = _median(runs, 0) / calls
        cpu_per_call = _median(runs, 1) / calls
        fastest = min(wall for wall, _ in runs) / calls
        peer = baseline["async" if "async" in label else "sync"]
        ratio = per_call / (_median(samples[peer], 0) / calls)
        cpu_ratio = cpu_per_call / (_median(samples[peer], 1) / calls)
        ratios = "" if label == peer else f"{ratio:.2f}× / {cpu_ratio:.2f}×"
        target = ""
        if label == "generated Client (sync)":
            target = f"≤1.15× {'ok' if ratio <= 1.15 else 'MISSED'}"
        lines.append(
            f"| {label} | {per_call * 1e6:.0f} | {fastest * 1e6:.0f} | {1 / per_call:.0f} | "
            f"{cpu_per_call * 1e6:.0f} | {ratios} | {target} |"
        )
    return "\n".join(lines)


def parse_table(samples: dict[str, list[Sample]], repeats: int) -> str:
    floor, cpu_floor = _median(samples["json.loads"], 0), _median(samples["json.loads"], 1)
    lines = [
        "| parser | median ms/page | min ms/page | CPU ms/page | ratio to json.loads (wall / CPU) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, runs in samples.items():
        median, cpu = _median(runs, 0), _median(runs, 1)
        fastest = min(wall for wall, _ in runs)
        lines.append(
            f"| {label} | {median / repeats * 1e3:.2f} | {fastest / repeats * 1e3:.2f} | "
            f"{cpu / repeats * 1e3:.2f} | {median / floor:.2f}× / {cpu / cpu_floor:.2f}× |"
        )
    return "\n".join(lines)


def repeated(function: Callable[[], object], times: int) -> Callable[[], Sample]:
    def timer() -> Sample:
        function()  # warm (first validation builds caches)
        started = time.perf_counter(), time.process_time()
        for _ in range(times):
            function()
        return elapsed(started)

    return timer


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--calls", type=int, default=2000, help="calls per run and client")
    parser.add_argument("--page-jobs", type=int, default=1000, help="jobs in the parsed page")
    parser.add_argument("--parse-repeats", type=int, default=20, help="parses per run")
    options = parser.parse_args()
    check_runs(options.runs)
    if options.calls < 1 or options.page_jobs < 1 or options.parse_repeats < 1:
        raise BenchError("--calls, --page-jobs and --parse-repeats must be positive")
    if not CLIENT_SRC.is_dir():
        raise BenchError(f"{CLIENT_SRC} is missing: run `specgen generate` first")
    sys.path.insert(0, str(CLIENT_SRC))
    example = list_jobs_example()
    load = snapshot()
    server, base_url = start_server(json.dumps(example.page).encode(), example.content_type)
    try:
        calls = options.calls
        timers: dict[str, Callable[[], Sample]] = {
            "raw httpx (sync)": lambda: raw_sync(base_url, example.content_type)(calls),
            "generated Client (sync)": lambda: generated_sync(base_url)(calls),
            "raw httpx (async)": lambda: raw_async(base_url, example.content_type)(calls),
            "generated AsyncClient (async)": lambda: generated_async(base_url)(calls),
        }
        rates = time_interleaved(timers, options.runs)
    finally:
        server.terminate()
        server.wait(timeout=10)
    jobs = example.page.get("jobs") or []
    if not jobs:
        raise BenchError(f"{SPEC}: the listJobs example has no job to repeat")
    big_page = {**example.page, "jobs": [jobs[0]] * options.page_jobs}
    body = json.dumps(big_page).encode()
    parse_timers = {
        label: repeated(function, options.parse_repeats)
        for label, function in parsers(body).items()
    }
    parses = time_interleaved(parse_timers, options.runs)
    title = "generated client overhead: reality-modeling listJobs"
    print(machine_header(title, options.runs, load))
    page_size = len(json.dumps(example.page))
    print(f"{calls} calls per run and client against {base_url} ({page_size} B page)\n")
    print(rate_table(rates, calls))
    size = f"{len(body) / 1e6:.2f} MB"
    print(f"\nparse of a {options.page_jobs}-job page ({size}), {options.parse_repeats} per run\n")
    print(parse_table(parses, options.parse_repeats))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process (clients, models, pages): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    main_guard(main)
