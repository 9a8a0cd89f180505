"""`specgen watch` on GitHub's REST API (~12 MB): save-to-done after a one-schema edit.

    .venv/bin/python bench/watch_github.py [--runs N] [--spec-version 23]

Starts the real `specgen watch SPEC --out DIR` in a child process, waits for its first full
generation, then N times adds one property to `simple-user` (referenced by hundreds of schemas)
and writes the file, timing from the write to the line that says the target was regenerated.
That includes watchfiles' debounce (50 ms of quiet, at most 300 ms): what a user waits for.
The reference row is a cold `specgen generate` of the same spec in the same run (target:
save-to-done ≤ 2 s; no peer has a watch mode to compare with).
"""

from __future__ import annotations

import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time

# Run as a script, so bench/ is on sys.path.
from _harness import (
    WORK,
    arguments,
    check_runs,
    child_environment,
    fresh_dir,
    github_spec,
    machine_header,
    main_guard,
    run_once,
    snapshot,
    specgen,
)

HOME = WORK / "watch"
TARGET_SECONDS = 2.0


def _lines(process: subprocess.Popen[str]) -> queue.Queue[str]:
    found: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            found.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return found


def _wait_for(lines: queue.Queue[str], prefixes: tuple[str, ...], timeout: float) -> str:
    """The next line starting with one of `prefixes` (warnings in between are skipped)."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no line starting with {prefixes} within {timeout:.0f} s")
        line = lines.get(timeout=left)
        if line.startswith(prefixes):
            return line


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--spec-version", type=int, default=23, help="@octokit/openapi major")
    options = parser.parse_args()
    check_runs(options.runs)
    spec = github_spec(options.spec_version)
    load = snapshot()
    HOME.mkdir(parents=True, exist_ok=True)
    edited = HOME / "github.json"
    document = json.loads(spec.read_text(encoding="utf-8"))
    edited.write_text(json.dumps(document, indent=2), encoding="utf-8")  # its own layout
    out = HOME / "out"

    colds = []
    for _ in range(max(1, options.runs // 2)):
        fresh_dir(WORK / "out" / "watch-cold")()
        cold = run_once(
            specgen(
                "generate", str(edited), "--out", str(WORK / "out" / "watch-cold"), "--no-cache"
            )
        )
        colds.append(cold.wall)

    fresh_dir(out)()
    env = {**child_environment(), "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    command = specgen("watch", str(edited), "--out", str(out))
    process = subprocess.Popen(
        command, cwd=HOME, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    saves: list[float] = []
    try:
        lines = _lines(process)
        _wait_for(lines, ("watching",), 300)
        properties = document["components"]["schemas"]["simple-user"]["properties"]
        for run in range(options.warmup + options.runs):
            properties[f"edit_{run}"] = {"type": "string", "description": "added by bench"}
            text = json.dumps(document, indent=2)  # as published: a user edit keeps the layout
            time.sleep(0.5)  # let the watcher settle between saves
            staged = edited.with_suffix(".tmp")
            staged.write_text(text, encoding="utf-8")
            started = time.monotonic()
            # Saved in one step, as editors do: a watcher that woke up between the truncation
            # and the end of a 13 MB write would read a partial file and report it.
            os.replace(staged, edited)
            line = _wait_for(lines, ("github: regenerated", "github: failed"), 120)
            elapsed = time.monotonic() - started
            if line.startswith("github: failed"):
                raise RuntimeError(f"watch reported: {line}")
            if run >= options.warmup:
                saves.append(elapsed)
            print(f"  save {run + 1}: {elapsed:.2f} s", file=sys.stderr, flush=True)
    finally:
        process.terminate()
        process.wait(timeout=30)

    median = statistics.median(saves)
    cold = statistics.median(colds)
    print(machine_header("specgen watch: GitHub REST API, save-to-done", options.runs, load))
    print(f"spec: {spec.relative_to(WORK)} ({spec.stat().st_size / 1e6:.1f} MB)\n")
    print("| case | median s | min s | vs cold generate | target |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| specgen generate, cold (--no-cache) | {cold:.2f} | {min(colds):.2f} | 1.00x | |")
    verdict = "ok" if median <= TARGET_SECONDS else "MISSED"
    print(
        f"| watch: save-to-done after a one-schema edit | {median:.2f} | {min(saves):.2f} | "
        f"{median / cold:.2f}x | <= {TARGET_SECONDS:.0f} s: {verdict} |"
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main_guard(main)
