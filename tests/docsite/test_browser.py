"""The committed reference site in headless Chromium (DevTools protocol): it loads from
file:// without a console error, search finds operations and models, a snippet copied from a
page runs against `specgen mock`, and basic accessibility holds in both themes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.docsite.cdp import Page, browser, missing_reason

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "generated" / "reality-modeling" / "docs"
REASON = missing_reason()
if REASON is not None:
    print(f"\nskipping the docs-site browser tests: {REASON}", file=sys.stderr)
pytestmark = [
    pytest.mark.skipif(REASON is not None, reason=REASON or ""),
    pytest.mark.xdist_group("chromium"),
]


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    with browser() as opened:
        yield opened


def _url(name: str, site: Path = SITE) -> str:
    return f"{site.as_uri()}/{name}"


def test_every_page_loads_without_a_console_error(page: Page) -> None:
    pages = sorted(p.name for p in SITE.glob("*.html"))
    assert {"index.html", "changelog.html", "models.html"} <= set(pages)
    for name in pages:
        page.errors.clear()
        page.open(_url(name))
        assert page.evaluate("typeof window.specgenSearch") == "function", name
        assert page.errors == [], f"{name}: {page.errors}"
        # Every in-site link points at a page and an anchor that exist.
        links = page.evaluate(
            "[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
        )
        for link in links:
            target, _, anchor = link.partition("#")
            if target.startswith(("http:", "https:")):
                continue
            file = SITE / (target or name)
            assert file.is_file(), f"{name}: broken link {link}"
            if anchor:
                assert f'id="{anchor}"' in file.read_text(), f"{name}: no anchor {link}"


def _search(page: Page, query: str) -> list[list[str]]:
    page.evaluate(
        "(() => { const i = document.getElementById('search-input');"
        f" i.value = {query!r}; i.dispatchEvent(new Event('input')); }})()"
    )
    found: list[list[str]] = page.evaluate(
        "[...document.querySelectorAll('#search-results a')]"
        ".map(a => [a.getAttribute('href'), a.textContent])"
    )
    return found


def test_search_finds_an_operation_and_a_model_and_follows_the_hit(page: Page) -> None:
    page.open(_url("index.html"))
    hits = _search(page, "createjob")
    assert hits[0][0] == "ops-operations.html#op-createJob"
    assert (
        page.evaluate("document.getElementById('search-status').textContent").endswith("results")
        or page.evaluate("document.getElementById('search-status').textContent") == "1 result"
    )
    # Words match anywhere in the detail too: method and path.
    assert any("op-listJobs" in href for href, _ in _search(page, "get /contextcapture"))
    hits = _search(page, "jobstate")
    assert hits[0][0] == "models.html#model-JobState"
    page.evaluate("document.querySelector('#search-results a').click()")
    page.wait_for("Page.loadEventFired")
    assert page.evaluate("location.hash") == "#model-JobState"
    assert page.evaluate("document.getElementById('model-JobState') !== null")


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "SPECGEN_DAEMON": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "mock", "specs/reality-modeling.yaml", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
    )
    try:
        assert process.stdout is not None
        seen = []
        found = None
        while found is None and len(seen) < 50:  # warnings about the spec may come first
            seen.append(process.stdout.readline())
            found = re.search(r"http://127\.0\.0\.1:\d+", seen[-1])
            assert seen[-1] or found, "".join(seen)
        assert found, "".join(seen)
        yield found.group(0)
    finally:
        process.terminate()
        process.wait(10)


def _copied(page: Page, anchor: str, language: str) -> str:
    """What the Copy button of that snippet copies: the code element's text."""
    page.open(_url("ops-operations.html"))
    button = f"[data-copy='{anchor}-{language}']"
    assert page.evaluate(f"document.querySelector(\"{button}\").getAttribute('aria-label')")
    text: str = page.evaluate(f"document.getElementById('{anchor}-{language}').textContent")
    return text


@pytest.mark.parametrize("anchor", ["op-createJob", "op-listJobs"])
def test_a_copied_python_snippet_runs_against_the_mock(
    page: Page, mock_url: str, anchor: str
) -> None:
    snippet = _copied(page, anchor, "python")
    assert "from reality_modeling import Client" in snippet
    # The one edit a reader makes: point the client at their server (here: the mock).
    runnable = snippet.replace("https://api.bentley.com", mock_url)
    assert runnable != snippet
    environment = {**os.environ, "PYTHONPATH": str(SITE.parent / "client" / "src")}
    done = subprocess.run(
        [sys.executable, "-c", runnable], capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the snippet printed nothing"


def test_a_copied_curl_snippet_runs_against_the_mock(page: Page, mock_url: str) -> None:
    snippet = _copied(page, "op-createJob", "curl")
    runnable = snippet.replace("https://api.bentley.com", mock_url)
    done = subprocess.run(
        ["bash", "-c", runnable.replace("curl ", "curl -sS --fail-with-body ", 1)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert '"id"' in done.stdout


_CONTRAST = """
(() => {
  function rgb(text) { return text.match(/[\\d.]+/g).slice(0, 3).map(Number); }
  function lum(c) {
    const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function ratio(a, b) { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }
  function background(el) {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return rgb(c);
    }
    return rgb(getComputedStyle(document.body).backgroundColor);
  }
  const selectors = ['main p', 'main a', '.calls', 'td code', '.method', '.req', '.constraint',
                     '.side a', '.count', '.brand', '#theme-toggle', 'button.copy', 'pre code',
                     '.bottom', '#search-input'];
  const worst = {};
  for (const s of selectors) {
    for (const el of [...document.querySelectorAll(s)].slice(0, 20)) {
      const r = ratio(rgb(getComputedStyle(el).color), background(el));
      worst[s] = Math.min(worst[s] || 99, r);
    }
  }
  return worst;
})()
"""


def test_landmarks_labels_and_contrast_in_both_themes(page: Page) -> None:
    page.open(_url("ops-operations.html"))
    landmarks = page.evaluate(
        "({banner: document.querySelectorAll('body > header').length,"
        " nav: document.querySelectorAll('nav[aria-label]').length,"
        " main: document.querySelectorAll('main').length,"
        " contentinfo: document.querySelectorAll('body > footer').length,"
        " search: document.querySelectorAll('[role=search]').length,"
        " h1: document.querySelectorAll('h1').length, lang: document.documentElement.lang})"
    )
    assert landmarks == {
        "banner": 1,
        "nav": 1,
        "main": 1,
        "contentinfo": 1,
        "search": 1,
        "h1": 1,
        "lang": "en",
    }
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('input, button, select, textarea')].filter(el => {"
        " const label = el.id && document.querySelector(`label[for='${el.id}']`);"
        " return !(label && label.textContent.trim()) && !el.getAttribute('aria-label')"
        " && !el.textContent.trim(); }).map(el => el.outerHTML)"
    )
    assert unlabelled == []
    for theme in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = {theme!r}")
        worst = page.evaluate(_CONTRAST)
        assert worst, theme
        low = {selector: round(r, 2) for selector, r in worst.items() if r < 4.5}
        assert low == {}, f"{theme}: contrast below WCAG AA 4.5:1: {low}"


def test_the_theme_toggle_switches_and_is_remembered(page: Page) -> None:
    page.open(_url("index.html"))
    page.evaluate("localStorage.removeItem('specgen-theme')")
    page.open(_url("index.html"))
    before = page.evaluate("getComputedStyle(document.body).backgroundColor")
    pressed = page.evaluate("document.getElementById('theme-toggle').getAttribute('aria-pressed')")
    page.evaluate("document.getElementById('theme-toggle').click()")
    after = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert after != before
    toggled = page.evaluate("document.getElementById('theme-toggle').getAttribute('aria-pressed')")
    assert toggled != pressed
    page.open(_url("models.html"))
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == after
    page.evaluate("localStorage.removeItem('specgen-theme')")


TSC = ROOT / "node_modules" / ".bin" / "tsc"


@pytest.mark.skipif(not TSC.exists(), reason="typescript is not installed (npm ci)")
def test_a_copied_typescript_snippet_compiles_strictly_and_runs_against_the_mock(
    page: Page, mock_url: str, tmp_path: Path
) -> None:
    snippet = _copied(page, "op-createJob", "ts")
    assert 'import { Client } from "reality-modeling";' in snippet
    # The package as a team installs it: the generated client-ts, built with tsc.
    package = tmp_path / "app" / "node_modules" / "reality-modeling"
    shutil.copytree(SITE.parent / "client-ts", package)
    built = subprocess.run([str(TSC), "-p", "."], cwd=package, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    app = tmp_path / "app"
    (app / "package.json").write_text('{"type": "module", "private": true}\n')
    (app / "snippet.ts").write_text(snippet.replace("https://api.bentley.com", mock_url))
    compiled = subprocess.run(
        [str(TSC), "--strict", "--target", "ES2022", "--module", "NodeNext"]
        + ["--moduleResolution", "NodeNext", "--lib", "ES2022,DOM", "--types", "", "snippet.ts"],
        cwd=app,
        capture_output=True,
        text=True,
    )
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    ran = subprocess.run(["node", "snippet.js"], cwd=app, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert "id" in ran.stdout
