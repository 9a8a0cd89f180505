"""Validation of a large spec in a process of its own, while the same spec is rendered.

Validation and rendering both read the loaded spec and nothing else, so on a large document
(GitHub's: about 2.5 s to validate) they can run side by side on two cores; the rendered files
are used only if validation then finds no error. Small specs validate in a few milliseconds,
less than a process costs to start, so they are validated first, in-process.

The worker is `python -m generator.regenerate.background SPEC [--allow-remote] [--strict]
[--cache DIR]`,
started from the same folder so that it names files exactly as the parent does; it prints its
diagnostics as JSON. A long-lived parent (`specgen watch`) keeps one worker instead
(`Server`, `--serve`): it reads those arguments as a JSON line per request on its standard
input and answers each with a JSON line, so a save waits neither for Python to start nor for
the validator's caches to warm up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import collector
from generator.child import ChildFailed, json_answer, start_module, stop
from generator.diagnostics import Diagnostic, Level

if TYPE_CHECKING:
    from generator.incremental import Store

# Below this many bytes of spec (the document and the files it refs) validating in-process is
# quicker than starting a process for it.
BACKGROUND_FROM_BYTES = 1_000_000
_MODULE = "generator.regenerate.background"  # the worker: this module run as a script


@dataclass
class BackgroundValidation:
    """A validation running in another process: a worker of its own (it prints its answer and
    ends), or a request to a `Server` (it answers one line and waits for the next)."""

    process: subprocess.Popen[bytes]
    spec: Path
    served: Server | None = None
    number: int = 0  # of the request to the server

    def result(self) -> list[Diagnostic]:
        """The validator's findings (waits for it). A worker that died is reported as one
        error, so the rendered files are never used without a verdict."""
        try:
            if self.served is not None:
                answer = self.served.answer(self.process, self.number)
                return [_diagnostic(item) for item in answer]
            return [_diagnostic(item) for item in json_answer(self.process)]
        except (ChildFailed, KeyError, TypeError) as exc:
            message = f"validation did not finish ({exc})"
            return [Diagnostic("internal-error", Level.ERROR, message, str(self.spec))]

    def cancel(self) -> None:
        stop(self.process)  # a server is started again on its next request


class Server:
    """One validation worker kept for the whole life of a process that validates large specs
    again and again (`specgen watch`): Python's start and the validator's imports happen once,
    and its in-memory caches (verdicts of examples, compiled patterns) live from save to save.
    Started on the first request; a worker that died or was cancelled is replaced on the
    next."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._requests = 0

    def request(self, args: list[str]) -> tuple[subprocess.Popen[bytes], int]:
        """The worker and the number of the request sent to it."""
        self._requests += 1
        line = json.dumps({"id": self._requests, "args": args}).encode() + b"\n"
        process = self._worker()
        if not _send(process, line):  # it died since the last request: one fresh try
            stop(process)
            process = self._worker()
            _send(process, line)  # if this fails too, its answer says that it ended
        return process, self._requests

    def _worker(self) -> subprocess.Popen[bytes]:
        process = self._process
        if process is None or process.poll() is not None:
            process = self._process = start_module(
                _MODULE, "--serve", stdin=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        return process

    def answer(self, process: subprocess.Popen[bytes], number: int) -> Any:
        """The answer to request `number` (answers to requests nobody waited for are skipped)."""
        assert process.stdout is not None
        while True:
            try:
                line = process.stdout.readline()
            except ValueError:  # cancelled: the pipe is closed
                line = b""
            if not line:
                stop(process)
                raise ChildFailed(f"the validation worker ended (exit {process.returncode})")
            answer = json.loads(line)
            if answer["id"] == number:
                return answer["findings"]

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        """The worker, if one was started."""
        return self._process

    def close(self) -> None:
        if self._process is not None:
            stop(self._process)
            self._process = None


def _send(process: subprocess.Popen[bytes], line: bytes) -> bool:
    try:
        assert process.stdin is not None
        process.stdin.write(line)
        process.stdin.flush()
    except OSError:
        return False
    return True


def worth_a_process(paths: list[Path]) -> bool:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total >= BACKGROUND_FROM_BYTES


def start(
    spec: Path,
    *,
    allow_remote: bool,
    strict: bool,
    cache_dir: Path | None = None,
    server: Server | None = None,
) -> BackgroundValidation:
    flags = ["--allow-remote"] * allow_remote + ["--strict"] * strict
    if cache_dir is not None:
        flags += ["--cache", str(cache_dir)]
    args = [str(spec), *flags]
    if server is not None:
        process, number = server.request(args)
        return BackgroundValidation(process, spec, server, number)
    return BackgroundValidation(start_module(_MODULE, *args), spec)


def _diagnostic(item: dict[str, object]) -> Diagnostic:
    line, col = item.get("line"), item.get("col")
    return Diagnostic(
        rule=str(item["rule"]),
        level=Level(str(item["level"])),
        message=str(item["message"]),
        file=str(item["file"]),
        pointer=str(item.get("pointer") or ""),
        line=line if isinstance(line, int) else None,
        col=col if isinstance(col, int) else None,
    )


def _validate(argv: list[str], memory: Store | None = None) -> list[dict[str, Any]]:
    from generator.diagnostics import SpecError
    from generator.positions import carry_positions, keep_positions
    from generator.regenerate.fingerprint import collect_inputs
    from generator.validate import validate_spec

    spec = Path(argv[0])
    try:
        specset, _ = collect_inputs(spec, "--allow-remote" in argv, hashed=False)
        collector.settle()  # the loaded spec lives until the validation ends
        cache = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
        kept = None if memory is None else memory.stores.setdefault("positions", {})
        if kept is not None:
            carry_positions(specset.documents.values(), kept)
        found = validate_spec(specset, strict="--strict" in argv, cache_dir=cache, memory=memory)
        if kept is not None:
            keep_positions(specset.documents.values(), kept)
    except SpecError as exc:
        found = list(exc.diagnostics)
    return [d.to_json() for d in found]


def _serve() -> None:
    """One answer line per request line, until the parent closes the pipe."""
    from generator.incremental import Store

    memory = Store()
    for line in sys.stdin.buffer:
        request = json.loads(line)
        with collector.tuned():
            findings = _validate([str(arg) for arg in request["args"]], memory)
        sys.stdout.write(json.dumps({"id": request["id"], "findings": findings}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    if sys.argv[1:] != ["--serve"]:
        with collector.tuned():
            sys.stdout.write(json.dumps(_validate(sys.argv[1:])))
    else:
        _serve()
    # The parent waits for this process to end, not only for its answer: skip the tear-down
    # of the loaded spec and the validator's caches (0.3-0.4 s on GitHub's spec).
    from generator.process import end_process

    end_process(0)
