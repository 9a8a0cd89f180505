"""Whether a command goes to a generation server, and where that server listens.

Imported by every `specgen` start: standard library only, and cheap (a few stat calls).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.sources import PACKAGE, code_stamp

ENABLE = "SPECGEN_DAEMON"  # "0"/"off" never, "1"/"on" always (even in CI); unset: not in CI
CONFIG_KEY = "daemon"  # `[tool.specgen] daemon = false`: a project that never wants a server
FOLDER = "SPECGEN_DAEMON_DIR"  # where the sockets live (tests use their own)
IDLE = "SPECGEN_DAEMON_IDLE"  # seconds without a request before a server stops
DEFAULT_IDLE_SECONDS = 900.0
MAX_MB = "SPECGEN_DAEMON_MAX_MB"  # resident memory past which a server stops after a run
DEFAULT_MAX_MB = 2048.0
# Flags that keep `generate` in this process: a server is a cache (--no-cache), help and
# usage errors are printed faster here than a server could start.
_IN_PLACE = frozenset({"--no-daemon", "--no-cache", "-h", "--help"})


def wanted(argv: Sequence[str], environ: Mapping[str, str], cwd: Path | None = None) -> bool:
    """Whether `specgen ARGV` (run in `cwd`, default the current folder) should be served by
    a generation server."""
    if not argv or argv[0] != "generate" or _IN_PLACE.intersection(argv):
        return False
    if os.name != "posix":  # Unix-domain sockets and fork-free spawning are what it relies on
        return False
    choice = environ.get(ENABLE, "").strip().lower()
    if choice in ("0", "off", "false", "no"):
        return False
    if choice in ("1", "on", "true", "yes"):
        return True
    # A CI job runs once and ends: a server would only cost its memory (and outlive the step).
    if environ.get("CI", "").strip().lower() not in ("", "0", "false"):
        return False
    return not disabled_in_config(cwd or Path.cwd())


def nearest_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` (a few stat calls)."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def project_root(start: Path) -> Path:
    """The project a folder belongs to: the folder of its nearest pyproject.toml, else itself."""
    found = nearest_pyproject(start.resolve())
    return found.parent if found else start.resolve()


def disabled_in_config(start: Path) -> bool:
    """Whether the project's pyproject.toml says `daemon = false` under `[tool.specgen]`.
    Parsed only when the text names the key (a run must not pay for TOML otherwise)."""
    found = nearest_pyproject(start)
    if found is None:
        return False
    try:
        text = found.read_text(encoding="utf-8")
        if CONFIG_KEY not in text:
            return False
        import tomllib

        table = tomllib.loads(text).get("tool", {}).get("specgen", {})
    except (OSError, UnicodeDecodeError, ValueError):
        return False  # a broken file is reported by the run itself, in place
    return isinstance(table, dict) and table.get(CONFIG_KEY) is False


def idle_minutes(environ: Mapping[str, str]) -> str:
    """How long a server started now waits without a request before it exits, for people."""
    minutes = idle_seconds(environ) / 60
    unit = "minute" if minutes == 1 else "minutes"
    return f"{minutes:g} {unit}"


def idle_seconds(environ: Mapping[str, str]) -> float:
    try:
        return max(1.0, float(environ.get(IDLE, DEFAULT_IDLE_SECONDS)))
    except ValueError:
        return DEFAULT_IDLE_SECONDS


def max_rss_mb(environ: Mapping[str, str]) -> float:
    try:
        return max(1.0, float(environ.get(MAX_MB, DEFAULT_MAX_MB)))
    except ValueError:
        return DEFAULT_MAX_MB


def folder(environ: Mapping[str, str]) -> Path:
    """The folder of this user's server sockets (created private on first use)."""
    given = environ.get(FOLDER)
    if given:
        return Path(given)
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / "specgen"
    return Path("/tmp") / f"specgen-{os.getuid()}"


def private_folder(environ: Mapping[str, str]) -> Path | None:
    """`folder`, created if needed; None when it is not this user's alone (someone else could
    have put a socket there), so no server is used."""
    path = folder(environ)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return path


def socket_path(base: Path) -> Path:
    return base / f"{code_stamp()}.sock"


def package_root() -> str:
    """The folder holding the `generator` package: a server must import this very copy."""
    return str(PACKAGE.parent)
