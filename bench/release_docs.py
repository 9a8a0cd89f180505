"""`specgen release` and `specgen docs` against their targets (opt-in, never in CI).

    python bench/release_docs.py [--runs 3] [--shots bench/results/docs]

- release: all 4 curated targets (wheels, sdists, npm tarballs, CHANGELOG, tags) in a copy of
  this project in a scratch git repository; whole `specgen release` process. Target ≤ 30 s.
- docs, GitHub's spec (`@octokit/openapi@23` from npm, installed into bench/.work/): whole
  `specgen docs` process ≤ 10 s; site folder ≤ 30 MB; in headless Chromium (DevTools
  protocol), the overview page and the largest operations page interactive ≤ 2 s (navigation
  start → domInteractive, and the wall time until the page answers script), a search
  answered ≤ 100 ms (the search function alone, and input event → results in the DOM).
- docs, curated specs: the site built in process (IR + site, as `generate` does) ≤ 1 s each.

Screenshots (light overview, dark operations page, search results) go to `--shots`.
Figures are medians of `--runs` runs (min beside them).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from _harness import (  # noqa: E402
    BenchError,
    child_environment,
    github_spec,
    main_guard,
    run_once,
    specgen,
)

CURATED = ("cognite-3d-jobs", "reality-analysis", "reality-data-analysis", "reality-modeling")
QUERIES = ("pulls create", "repository", "issue comment", "workflow run", "SimpleUser")


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} (min {min(values):.3f})"


def _verdict(value: float, limit: float) -> str:
    return "ok" if value <= limit else "OVER"


def _environment() -> dict[str, str]:
    # `python -m generator` outside the checkout must import this checkout's package.
    return {**child_environment(), "PYTHONPATH": str(REPO), "SPECGEN_DAEMON": "0"}


def _project_copy(where: Path) -> Path:
    project = where / "project"
    project.mkdir(parents=True)
    for name in ("pyproject.toml", "specs", "generated", "templates"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy(source, project / name)
    (project / "node_modules").symlink_to(REPO / "node_modules")
    (project / ".gitignore").write_text("dist/\nnode_modules\n.specgen-cache/\n")
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "user.email=b@example.com", "-c", "user.name=b", "commit", "-qm", "x"],
    ):
        subprocess.run(command, cwd=project, check=True, capture_output=True)
    return project


def bench_release(runs: int) -> list[str]:
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-release-") as scratch:
            project = _project_copy(Path(scratch))
            run = run_once(specgen("release"), cwd=project, env=_environment())
            if run.returncode != 0:
                raise BenchError(f"specgen release failed:\n{run.output[-2000:]}")
            built = sorted(p.name for p in (project / "dist").rglob("*") if p.is_file())
            walls.append(run.wall)
            cpus.append(run.cpu)
    count = len(built)
    median = statistics.median(walls)
    return [
        f"release, 4 curated targets ({count} files: wheels, sdists, tarballs, CHANGELOGs): "
        f"{_median(walls)} s wall, {_median(cpus)} s CPU, target ≤ 30 s: {_verdict(median, 30)}"
    ]


def bench_curated_docs(runs: int) -> list[str]:
    from generator.docsite import render_site
    from generator.render import TargetOptions, prepare_target

    lines = []
    for name in CURATED:
        spec = REPO / "specs" / f"{name}.yaml"
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            ctx, _, _ = prepare_target(spec, TargetOptions(name=name))
            render_site(ctx)
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        lines.append(
            f"docs {name} (IR + site, in process): {_median(times)} s, "
            f"target ≤ 1 s: {_verdict(median, 1)}"
        )
    return lines


def bench_github_docs(runs: int, shots: Path | None) -> list[str]:
    spec = github_spec(23)
    lines = []
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as scratch:
        out = Path(scratch) / "site"
        for _ in range(runs):
            shutil.rmtree(out, ignore_errors=True)
            command = specgen("docs", str(spec), "--out", str(out), "--no-cache")
            run = run_once(command, env=_environment())
            if run.returncode != 0:
                raise BenchError(f"specgen docs failed:\n{run.output[-2000:]}")
            walls.append(run.wall)
            cpus.append(run.cpu)
        site = next(out.iterdir())
        files = list(site.iterdir())
        size = sum(p.stat().st_size for p in files)
        operations = sum(
            1 for line in (site / "search-index.js").read_text().split('["op",')[1:] if line
        )
        median = statistics.median(walls)
        lines.append(
            f"docs GitHub ({operations} operations, {len(files)} files): "
            f"{_median(walls)} s wall, {_median(cpus)} s CPU (no cache), "
            f"target ≤ 10 s: {_verdict(median, 10)}"
        )
        lines.append(
            f"docs GitHub site folder: {size / 1e6:.1f} MB, target ≤ 30 MB: "
            f"{_verdict(size / 1e6, 30)}"
        )
        lines += _browser(site, runs, shots)
    return lines


def _browser(site: Path, runs: int, shots: Path | None) -> list[str]:
    from tests.docsite.cdp import browser, missing_reason

    reason = missing_reason()
    if reason is not None:
        return [f"browser figures skipped: {reason}"]
    largest = max(site.glob("ops-*.html"), key=lambda p: p.stat().st_size)
    lines = []
    with browser() as page:
        for name in ("index.html", largest.name):
            interactive, walls = [], []
            for _ in range(runs):
                started = time.perf_counter()
                page.open((site / name).as_uri())
                page.evaluate("typeof window.specgenSearch")
                walls.append(time.perf_counter() - started)
                interactive.append(
                    page.evaluate("performance.getEntriesByType('navigation')[0].domInteractive")
                    / 1000
                )
            if page.errors:
                lines.append(f"  console errors on {name}: {page.errors[:3]}")
            size = (site / name).stat().st_size / 1e6
            lines.append(
                f"Chromium {name} ({size:.1f} MB): domInteractive {_median(interactive)} s, "
                f"load to script {_median(walls)} s, target ≤ 2 s: "
                f"{_verdict(statistics.median(walls), 2)}"
            )
        page.open((site / "index.html").as_uri())
        alone = []
        for query in QUERIES:
            alone.append(
                page.evaluate(
                    "(() => { const t = performance.now();"
                    f" window.specgenSearch({query!r}, 20); return performance.now() - t; }})()"
                )
            )
        rendered = []
        for query in QUERIES:
            rendered.append(
                page.evaluate(
                    "(() => { const i = document.getElementById('search-input');"
                    " const t = performance.now(); i.value = " + repr(query) + ";"
                    " i.dispatchEvent(new Event('input')); document.body.offsetHeight;"
                    " return performance.now() - t; })()"
                )
            )
        lines.append(
            f"Chromium search over the index ({len(QUERIES)} queries): function "
            f"{_median(alone)} ms, input → results in the DOM {_median(rendered)} ms, "
            f"target ≤ 100 ms: {_verdict(statistics.median(rendered), 100)}"
        )
        if shots is not None:
            lines += _screenshots(page, site, largest.name, shots)
    return lines


def _screenshots(page: object, site: Path, largest: str, shots: Path) -> list[str]:
    from tests.docsite.cdp import Page

    assert isinstance(page, Page)
    shots.mkdir(parents=True, exist_ok=True)
    page.open((site / "index.html").as_uri())
    page.evaluate("document.documentElement.dataset.theme = 'light'")
    first = page.screenshot(shots / "github-index-light.png")
    page.evaluate(
        "(() => { const i = document.getElementById('search-input'); i.value = 'pulls create';"
        " i.dispatchEvent(new Event('input')); })()"
    )
    second = page.screenshot(shots / "github-search.png")
    page.open((site / largest).as_uri())
    page.evaluate("document.getElementById('theme-toggle').click()")
    page.evaluate("document.querySelector('section.op:nth-of-type(2)').scrollIntoView()")
    third = page.screenshot(shots / "github-operation-dark.png")
    page.evaluate("localStorage.removeItem('specgen-theme')")
    return [f"screenshots: {first}, {second}, {third}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shots", type=Path, default=REPO / "bench" / "results" / "docs")
    parser.add_argument("--only", choices=("release", "docs", "curated"), default=None)
    options = parser.parse_args()
    lines = []
    if options.only in (None, "release"):
        lines += bench_release(options.runs)
    if options.only in (None, "curated"):
        lines += bench_curated_docs(options.runs)
    if options.only in (None, "docs"):
        lines += bench_github_docs(options.runs, options.shots)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    main_guard(main)
