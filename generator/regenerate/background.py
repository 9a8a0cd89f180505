"""Validation of a large spec in a process of its own, while the same spec is rendered.

Validation and rendering both read the loaded spec and nothing else, so on a large document
(GitHub's: about 2.5 s to validate) they can run side by side on two cores; the rendered files
are used only if validation then finds no error. Small specs validate in a few milliseconds,
less than a process costs to start, so they are validated first, in-process.

The worker is `python -m generator.regenerate.background SPEC [--allow-remote] [--strict]
[--cache DIR]`,
started from the same folder so that it names files exactly as the parent does; it prints its
diagnostics as JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator import collector
from generator.child import ChildFailed, json_answer, start_module, stop
from generator.diagnostics import Diagnostic, Level

# Below this many bytes of spec (the document and the files it refs) validating in-process is
# quicker than starting a process for it.
BACKGROUND_FROM_BYTES = 1_000_000


@dataclass
class BackgroundValidation:
    process: subprocess.Popen[bytes]
    spec: Path

    def result(self) -> list[Diagnostic]:
        """The validator's findings (waits for it). A worker that died is reported as one
        error, so the rendered files are never used without a verdict."""
        try:
            return [_diagnostic(item) for item in json_answer(self.process)]
        except (ChildFailed, KeyError, TypeError) as exc:
            message = f"validation did not finish ({exc})"
            return [Diagnostic("internal-error", Level.ERROR, message, str(self.spec))]

    def cancel(self) -> None:
        stop(self.process)


def worth_a_process(paths: list[Path]) -> bool:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total >= BACKGROUND_FROM_BYTES


def start(
    spec: Path, *, allow_remote: bool, strict: bool, cache_dir: Path | None = None
) -> BackgroundValidation:
    flags = ["--allow-remote"] * allow_remote + ["--strict"] * strict
    if cache_dir is not None:
        flags += ["--cache", str(cache_dir)]
    process = start_module("generator.regenerate.background", str(spec), *flags)
    return BackgroundValidation(process, spec)


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


def _main(argv: list[str]) -> int:
    from generator.diagnostics import SpecError
    from generator.regenerate.fingerprint import collect_inputs
    from generator.validate import validate_spec

    spec = Path(argv[0])
    try:
        specset, _ = collect_inputs(spec, "--allow-remote" in argv)
        collector.settle()  # the process ends with the validation: nothing to unfreeze
        cache = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
        found = validate_spec(specset, strict="--strict" in argv, cache_dir=cache)
    except SpecError as exc:
        found = list(exc.diagnostics)
    sys.stdout.write(json.dumps([d.to_json() for d in found]))
    return 0


if __name__ == "__main__":
    with collector.tuned():
        code = _main(sys.argv[1:])
    sys.exit(code)
