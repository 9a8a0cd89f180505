"""Running one `specgen` command as a whole process, for its entry points.

A `generate` is first offered to a generation server (see `generator.daemon`), before anything
but the standard library is imported: a served run's client never imports click (20 ms). The
command line comes in as a loader, so this module imports neither it nor the entry points:
`generator.program.main` loads `generator.cli` only when no server took the run, and
`generator.cli.main` (older installs' entry point) passes the group it defines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import click


def run_command(argv: list[str] | None, command_line: Callable[[], click.Command]) -> NoReturn:
    """Run one command, then end the process: handed to a generation server when one takes
    it, else run by the click command `command_line()` returns."""
    from generator.daemon.client import delegate

    code = delegate(sys.argv[1:] if argv is None else argv)
    if code is None:
        try:
            command_line().main(args=argv, prog_name="specgen")
            code = 0
        except SystemExit as exc:
            code = _exit_status(exc.code)
    end_process(code)


def _exit_status(code: object) -> int:
    """What `sys.exit(code)` would make the exit status (a message is printed, status 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def end_process(code: int) -> NoReturn:
    """End the process once its output is flushed, without the interpreter's tear-down.

    A generate run on a large spec leaves hundreds of MB of objects (the spec, the IR, the
    rendered text) that Python would free one by one at exit: 0.5 s on GitHub's spec, 10 %
    of the run, spent after the last file is written (mypy ends the same way). Every file
    and cache is written and closed before a command returns, and no command leaves a
    thread or handler behind that must run at exit."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`specgen ... | head`): nothing to add
            pass
    os._exit(code)
