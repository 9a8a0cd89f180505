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


def _serves(answer: dict[str, object], project: Path) -> bool:
    """Whether a server ran anything for `project` (a folder inside it): its caches are this
    project's. A server is per copy of specgen, so it may serve other projects as well."""
    folders = answer.get("folders")
    return isinstance(folders, list) and any(
        Path(str(folder)).is_relative_to(project) for folder in folders
    )


def _servers(everyone: bool) -> tuple[list[tuple[Path, dict[str, object]]], int, Path]:
    """The running servers this command acts on (this project's, or every one with --all),
    how many others are running, and this project's root."""
    from generator.daemon.server import status_of

    project = address.project_root(Path.cwd())
    chosen: list[tuple[Path, dict[str, object]]] = []
    others = 0
    for path in _sockets():
        answer = status_of(path)
        if answer is None:
            continue
        if everyone or _serves(answer, project):
            chosen.append((path, answer))
        else:
            others += 1
    return chosen, others, project


def _others(count: int) -> str:
    if not count:
        return ""
    servers = "server" if count == 1 else "servers"
    return f" ({count} generation {servers} of other projects: --all to include them)"


_ALL = click.option(
    "--all", "everyone", is_flag=True, help="Every server of this user, other projects' too."
)


@daemon.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per server.")
@_ALL
def status(as_json: bool, everyone: bool) -> None:
    """This project's generation server (--all: every one of this user): process, age, runs
    served, memory, and when it exits by itself."""
    current = address.socket_path(address.folder(os.environ))
    chosen, others, project = _servers(everyone)
    for path, answer in chosen:
        answer["current"] = path == current  # serves this copy of specgen
        if as_json:
            click.echo(json.dumps(answer))
            continue
        age = time.time() - float(str(answer["started"]))
        which = "this specgen" if answer["current"] else "other specgen code"
        folders = answer.get("folders")
        shown = ", ".join(map(str, folders)) if isinstance(folders, list) and folders else "-"
        idle = float(str(answer.get("idle_seconds", address.DEFAULT_IDLE_SECONDS))) / 60
        click.echo(
            f"pid {answer['pid']} ({which}): up {age / 60:.0f} min, {answer['runs']} runs, "
            f"{float(str(answer['rss_mb'])):.0f} MB "
            f"(+ {float(str(answer['workers_rss_mb'])):.0f} MB validation), exits after "
            f"{idle:g} min without a request; folders: {shown}"
        )
    if as_json:
        return
    if not chosen:
        where = "" if everyone else f" for {project}"
        click.echo(f"no generation server is running{where}{_others(others)}")
    elif others:
        click.echo(_others(others).strip(" ()"))


@daemon.command()
@_ALL
def stop(everyone: bool) -> None:
    """Stop this project's generation server (--all: every one of this user); each finishes
    its current run first."""
    chosen, others, project = _servers(everyone)
    stopped = 0
    for path, _ in chosen:
        answer = protocol.ask(str(path), {"kind": "stop"}, None)  # after its current run
        if answer and "stopping" in answer:
            stopped += 1
    servers = "server" if stopped == 1 else "servers"
    where = "" if everyone else f" for {project}"
    click.echo(f"stopped {stopped} generation {servers}{where}{_others(others)}")
