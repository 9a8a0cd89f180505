"""The `specgen` program: its entry point and `python -m generator`.

A `generate` is first offered to a generation server (see `generator.process`), before
anything but the standard library is imported: a served run's client never imports click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from generator.process import run_command

if TYPE_CHECKING:
    import click


def main(argv: list[str] | None = None) -> NoReturn:
    """Run one command, then end the process. Call `generator.cli.cli` instead to run a
    command inside a longer-lived one (tests, the generation server)."""
    run_command(argv, _command_line)


def _command_line() -> click.Command:
    """The click group, imported only when no generation server took the run."""
    from generator.cli import cli

    return cli
