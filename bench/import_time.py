"""Import time of generated clients for big specs, this checkout against a baseline checkout,
and what the first call pays once validators are built on first use.

    .venv/bin/python bench/import_time.py SPEC [SPEC...] [--baseline DIR] [--model NAME]...

For each spec: `specgen generate SPEC --out DIR` with this checkout and with the baseline (a
checkout of specgen, e.g. `/work/main` or a `git worktree` of an older commit, run with this
interpreter), bytecode compiled as pip would, then interleaved runs of `python -c "import
PKG"` for both. Then, once per spec in this checkout's client:

- first call: the time from a fresh import to a parsed response of model NAME (`--model`,
  default: the first object model of the spec), through the client's own path
  (`AdapterCache` + `parse_lenient`); the body is `{}` plus whatever fails validation (the
  validator is built either way, which is the cost measured);
- `complete_models()`: building every validator at once, as a server does at start-up.

Target (issue 13): Stripe's client imports in ≤ 1.5 s.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

# Run as a script, so bench/ is on sys.path.
from _harness import (
    REPO,
    BenchError,
    Case,
    Row,
    arguments,
    check_runs,
    child_environment,
    machine_header,
    main_guard,
    measure,
    snapshot,
    table,
    write_json,
)

FIRST_CALL = """
import importlib, json, time
start = time.perf_counter()
package = importlib.import_module({package!r})
imported = time.perf_counter()
models = package.models
name = {model!r} or next(
    n for n, v in vars(models).items()
    if isinstance(v, type) and issubclass(v, package._runtime.SpecModel)
    and v is not package._runtime.SpecModel and v.__module__ == models.__name__
)
from {package}._runtime._response import AdapterCache, parse_lenient
try:
    parse_lenient(AdapterCache().get(getattr(models, name)), b"{{}}", json=True)
except Exception:
    pass
first = time.perf_counter()
built = package._runtime.complete_models()
done = time.perf_counter()
print(json.dumps({{"model": name, "import": imported - start, "first_call": first - imported,
                  "complete_models": done - first, "models": built}}))
"""


def _generate(spec: Path, checkout: Path, out: Path) -> Path:
    """Generate `spec` with the specgen of `checkout`; the client's `src` folder."""
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(spec), "--out", str(out)],
        cwd=checkout,
        capture_output=True,
        text=True,
        env=child_environment(),
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"generate {spec.name} with {checkout} failed:\n{done.stderr[-1500:]}")
    sources = sorted(out.glob("*/client/src"))
    if not sources:
        raise BenchError(f"no client package generated from {spec.name} in {out}")
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(sources[0])],
        env=child_environment(),
        capture_output=True,
        check=True,
    )
    return sources[0]


def _package(src: Path) -> str:
    return next(p.name for p in src.iterdir() if (p / "__init__.py").is_file())


def main() -> int:
    parser = arguments(__doc__ or "", default_runs=5)
    parser.add_argument("specs", nargs="+", type=Path)
    parser.add_argument("--baseline", type=Path, help="a specgen checkout to compare with")
    parser.add_argument("--model", action="append", default=[], help="model for the first call")
    options = parser.parse_args()
    check_runs(options.runs)
    work = Path(tempfile.mkdtemp(prefix="import-time-"))
    cases: list[Case] = []
    rows: list[Row] = []
    first_calls: list[str] = []
    for index, spec in enumerate(options.specs):
        spec = spec.resolve()
        src = _generate(spec, REPO, work / f"{index}-this")
        package = _package(src)
        command = [sys.executable, "-c", f"import {package}"]
        label = f"import {package}"
        target = 1.5 if "stripe" in package else None
        if options.baseline is not None:
            base = _generate(spec, options.baseline.resolve(), work / f"{index}-base")
            cases.append(Case(f"{label} (baseline)", command, cwd=base))
            rows.append(Row(f"{label} (baseline)"))
            rows.append(Row(label, f"{label} (baseline)", max_seconds=target))
        else:
            rows.append(Row(label, max_seconds=target))
        cases.append(Case(label, command, cwd=src))
        model = options.model[index] if index < len(options.model) else ""
        probe = FIRST_CALL.format(package=package, model=model)
        done = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=src,
            capture_output=True,
            text=True,
            env=child_environment(),
            check=False,
        )
        if done.returncode != 0:
            first_calls.append(f"- {package}: first-call probe failed: {done.stderr[-600:]}")
            continue
        got = json.loads(done.stdout.strip().splitlines()[-1])
        first_calls.append(
            f"- {package}: import {got['import']:.2f} s, then first parse of "
            f"`{got['model']}` {got['first_call'] * 1000:.0f} ms; `complete_models()` "
            f"({got['models']} models) {got['complete_models']:.2f} s"
        )
    start = snapshot()
    results = measure(cases, options.runs, options.warmup)
    title = "import time of generated clients"
    print(machine_header(title, options.runs, start))
    print(table(rows, results))
    print("\nFirst use after the import (one process each, this checkout):\n")
    print("\n".join(first_calls))
    write_json(options.json, title, results)
    return 0 if all(result.failure is None for result in results) else 1


if __name__ == "__main__":
    main_guard(main)
