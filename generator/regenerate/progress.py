"""Where a run's lines go: plain lines always, a rich progress bar only for a person watching.

Status lines go to stdout and diagnostics to stderr. When stderr is a terminal and the run
renders several targets (or a large one), a transient progress bar is drawn on stderr; rich's
live display redirects stdout meanwhile, so status lines still appear above the bar.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import click

LARGE_SPEC_BYTES = 1_000_000


def _stdout(text: str) -> None:
    click.echo(text)


def _stderr(text: str) -> None:
    click.echo(text, err=True)


@dataclass(frozen=True)
class Reporter:
    out: Callable[[str], None] = field(default=_stdout)
    err: Callable[[str], None] = field(default=_stderr)
    interactive: bool = False

    @classmethod
    def for_terminal(cls) -> Reporter:
        return cls(interactive=sys.stderr.isatty())

    def line(self, text: str) -> None:
        self.out(text)

    def diagnostic(self, text: str) -> None:
        self.err(text)

    @contextlib.contextmanager
    def progress(self, total: int, large: bool = False) -> Iterator[Callable[[str], None]]:
        """Yields `advance(name)`, called as each target finishes rendering."""
        if not self.interactive or total == 0 or (total == 1 and not large):
            yield lambda name: None
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        columns = (
            TextColumn("rendering"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
        )
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("", total=total)

            def advance(name: str) -> None:
                bar.update(task, advance=1, description=name)

            yield advance
