"""Headless Chromium driven over the DevTools protocol (a websocket, `websocket-client`):
just what the docs-site tests and bench need: open a page, evaluate script, read the console,
take a screenshot. Chromium is Debian's `chromium` package (`make test` installs it)."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)


def missing_reason() -> str | None:
    """Why the browser tests cannot run here (None: they can)."""
    if CHROMIUM is None:
        return "chromium is not installed (apt-get install chromium; `make test` tries)"
    try:
        import websocket  # noqa: F401
    except ImportError:
        return "websocket-client is not installed (pip install websocket-client)"
    return None


class Page:
    """One tab. Console errors, uncaught exceptions and failed loads collect in `errors`."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.next_id = 0
        self.errors: list[str] = []
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        ident = self.next_id
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self._event(message)

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method", ""), message.get("params", {})
        self.events.append(message)
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            texts = [str(a.get("value", a.get("description", ""))) for a in params["args"]]
            self.errors.append("console: " + " ".join(texts))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            shown = details.get("exception", {}).get("description") or details.get("text")
            self.errors.append(f"exception: {shown}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            self.errors.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        for seen in self.events:
            if seen.get("method") == method:
                self.events.remove(seen)
                return seen
        while time.monotonic() < deadline:
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            message = json.loads(self.socket.recv())
            self.socket.settimeout(None)
            self._event(message)
            if message.get("method") == method:
                self.events.remove(message)
                return message
        raise TimeoutError(f"no {method} within {timeout} s")

    def open(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))
        return path


@contextmanager
def browser(width: int = 1280, height: int = 900) -> Iterator[Page]:
    """A headless Chromium of its own (own profile, a free port), closed on exit."""
    import websocket

    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="specgen-chromium-") as profile:
        process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            port = _devtools_port(process, Path(profile))
            socket = None
            deadline = time.monotonic() + 30
            while socket is None:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as reply:
                    pages = [t for t in json.load(reply) if t.get("type") == "page"]
                if pages:
                    socket = websocket.create_connection(
                        pages[0]["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
                    )
                elif time.monotonic() > deadline:
                    raise RuntimeError("chromium opened no page")
                else:
                    time.sleep(0.1)
            try:
                yield Page(socket)
            finally:
                socket.close()
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _devtools_port(process: subprocess.Popen[str], profile: Path) -> int:
    """The port Chromium chose: from its DevToolsActivePort file (or its first log lines)."""
    deadline = time.monotonic() + 60
    marker = profile / "DevToolsActivePort"
    while time.monotonic() < deadline:
        if marker.is_file():
            lines = marker.read_text().split()
            if lines:
                return int(lines[0])
        if process.poll() is not None:
            error = process.stderr.read() if process.stderr else ""
            found = re.search(r"ws://[^:]+:(\d+)/", error)
            if found:
                return int(found.group(1))
            raise RuntimeError(f"chromium exited: {error[-500:]}")
        time.sleep(0.05)
    raise RuntimeError("chromium did not open its DevTools port")
