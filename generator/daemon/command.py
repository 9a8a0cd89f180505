"""`specgen daemon status|stop`: the generation servers of this user (and the internal
`serve`, which `specgen generate` starts)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import click

from generator.daemon import address, protocol


@click.group()
def daemon() -> None:
    """Generation servers: `specgen generate` hands its runs to one (see docs/regenerate.md)."""


@daemon.command(hidden=True)
@click.option("--socket", "path", type=click.Path(path_type=Path), required=True)
def serve(path: Path) -> None:
    """Serve generation requests at PATH until idle (started by `specgen generate`)."""
    from generator.daemon.server import serve as run_server

    run_server(path, address.idle_seconds(os.environ), address.max_rss_mb(os.environ))


def _sockets() -> list[Path]:
    base = address.folder(os.environ)
    return sorted(base.glob("*.sock")) if base.is_dir() else []


@daemon.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per server.")
def status(as_json: bool) -> None:
    """List the running servers: process, age, runs served, memory."""
    from generator.daemon.server import status_of

    current = address.socket_path(address.folder(os.environ))
    found = 0
    for path in _sockets():
        answer = status_of(path)
        if answer is None:
            continue
        found += 1
        answer["current"] = path == current  # serves this copy of specgen
        if as_json:
            click.echo(json.dumps(answer))
            continue
        age = time.time() - float(answer["started"])
        which = "this specgen" if answer["current"] else "other specgen code"
        click.echo(
            f"pid {answer['pid']} ({which}): up {age / 60:.0f} min, {answer['runs']} runs, "
            f"{answer['rss_mb']:.0f} MB (+ {answer['workers_rss_mb']:.0f} MB validation), "
            f"folders: {', '.join(answer['folders']) or '-'}"
        )
    if not found and not as_json:
        click.echo("no generation server is running")


@daemon.command()
def stop() -> None:
    """Stop every running server of this user (each finishes its current run first)."""
    stopped = 0
    for path in _sockets():
        answer = protocol.ask(str(path), {"kind": "stop"}, None)  # after its current run
        if answer and "stopping" in answer:
            stopped += 1
    click.echo(f"stopped {stopped} generation server{'s' * (stopped != 1)}")
