"""Requests per second the stateful mock sustains for listJobs over loopback.

Runs `specgen mock`'s app under uvicorn on 127.0.0.1 (a free port, in a thread), creates jobs,
then sends a bounded number of listJobs requests per scenario with one httpx client and prints
a table. Not a test: numbers depend on the machine.

    python bench/mock_rps.py [--requests 400] [--jobs 200]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from generator.mock.command import bind
from generator.mock.server import MockOptions, mock_app, render_server

SPEC = Path(__file__).resolve().parents[1] / "specs" / "reality-modeling.yaml"
AUTH = {"Authorization": "Bearer bench"}
SCENARIOS = (
    ("examples mode, no filter", False, {}),
    ("stateful, $top=10", True, {"$top": "10"}),
    ("stateful, $top=100", True, {"$top": "100"}),
    ("stateful, $filter name eq", True, {"$filter": "name eq 'job 7'"}),
    (
        "stateful, $filter and/gt",
        True,
        {"$filter": "state eq 'unsubmitted' and createdDateTime gt 2024-01-01T00:00:00Z"},
    ),
)


def job(index: int) -> dict[str, object]:
    return {
        "type": "Full",
        "name": f"job {index}",
        "workspaceId": "bench",
        "inputs": [{"id": f"input-{index}"}],
        "settings": {"quality": "Draft", "outputs": ["OBJ"]},
    }


def measure(stateful: bool, params: dict[str, str], requests: int, jobs: int) -> float:
    server = render_server(SPEC, workdir=Path(tempfile.mkdtemp(prefix="specgen-bench-")))
    app = mock_app(server, MockOptions(stateful=stateful))
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(500):
        if uv.started:
            break
        time.sleep(0.01)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=AUTH) as client:
            if stateful:
                for index in range(jobs):
                    client.post("/contextcapture/jobs", json=job(index)).raise_for_status()
            client.get("/contextcapture/jobs", params=params).raise_for_status()  # warm up
            start = time.perf_counter()
            for _ in range(requests):
                client.get("/contextcapture/jobs", params=params).raise_for_status()
            elapsed = time.perf_counter() - start
    finally:
        uv.should_exit = True
        thread.join(10)
        sock.close()
    return requests / elapsed


async def _in_process(app: object, params: dict[str, str], requests: int) -> float:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers=AUTH) as c:
        await c.get("/contextcapture/jobs", params=params)
        start = time.perf_counter()
        for _ in range(requests):
            (await c.get("/contextcapture/jobs", params=params)).raise_for_status()
        return requests / (time.perf_counter() - start)


def measure_in_process(stateful: bool, params: dict[str, str], requests: int, jobs: int) -> float:
    """The same app without sockets: the cost of the mock itself."""
    server = render_server(SPEC, workdir=Path(tempfile.mkdtemp(prefix="specgen-bench-")))
    app = mock_app(server, MockOptions(stateful=stateful))

    async def run() -> float:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://mock", headers=AUTH
        ) as c:
            if stateful:
                for index in range(jobs):
                    (await c.post("/contextcapture/jobs", json=job(index))).raise_for_status()
        return await _in_process(app, params, requests)

    return asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=200)
    args = parser.parse_args()
    print(f"listJobs over loopback, {args.requests} sequential requests, {args.jobs} jobs stored")
    print(f"{'scenario':<32} {'loopback req/s':>15} {'in-process req/s':>17}")
    for label, stateful, params in SCENARIOS:
        rate = measure(stateful, params, args.requests, args.jobs)
        local = measure_in_process(stateful, params, args.requests, args.jobs)
        print(f"{label:<32} {rate:>15.0f} {local:>17.0f}")


if __name__ == "__main__":
    main()
