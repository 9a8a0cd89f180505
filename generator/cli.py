"""The `specgen` command line.

Subcommands live beside the stage they drive and are imported only when invoked, so
`specgen --help` stays fast and a broken optional stage cannot break the others.
"""

from __future__ import annotations

import difflib
import importlib
from typing import NoReturn

import click

from generator import __version__
from generator.process import run_command

# name -> "module:attribute" of a click command
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": (
        "generator.validate.command:validate",
        "Check OpenAPI documents (structure and meaning).",
    ),
    "generate": (
        "generator.regenerate.command:generate",
        "Render clients, models and stubs from specs.",
    ),
    "watch": (
        "generator.regenerate.command:watch",
        "Regenerate whenever specs or templates change.",
    ),
    "diff": ("generator.diff.command:diff", "Classify the changes between two versions of a spec."),
    "docs": (
        "generator.docsite.command:docs",
        "Build the static reference site of each spec (snippets, models, search, changelog).",
    ),
    "mock": ("generator.mock.command:mock", "Serve a mock server for a spec."),
    "verify": ("generator.verify.command:verify", "Test a running server against its spec."),
    "release": (
        "generator.release.command:release",
        "Build versioned wheels, sdists and npm tarballs, checked against the contract diff.",
    ),
    "daemon": (
        "generator.daemon.command:daemon",
        "Show or stop the generation servers `generate` hands its runs to.",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, _, attribute = COMMANDS[cmd_name][0].partition(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # click suggests close matches for options; do the same for a mistyped command.
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.6)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint} (commands: {', '.join(sorted(COMMANDS))})")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Listing the commands must not import every stage and its heavy dependencies.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="specgen")
def cli() -> None:
    """specgen: typed Python clients, pydantic models, FastAPI stubs and contract diffs
    from OpenAPI 3.x specs."""


def main(argv: list[str] | None = None) -> NoReturn:
    """The entry point of installs made before it moved to `generator.program`, which imports
    no click before a generation server has had its say."""
    run_command(argv, lambda: cli)
