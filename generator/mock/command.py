"""`specgen mock SPEC`: serve the spec's mock on this machine until Ctrl-C."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import click

from generator.diagnostics import SpecError
from generator.mock.faults import Faults
from generator.mock.server import MockOptions, RenderedServer, mock_app, render_server


def _load_data(path: Path | None) -> tuple[dict[str, Any], ...]:
    if path is None:
        return ()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise click.BadParameter(f"{path}: {exc}", param_hint="--data") from None
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(item, dict) for item in items):
        raise click.BadParameter(
            f"{path}: expected a JSON object or a list of objects", param_hint="--data"
        )
    return tuple(items)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0 = a free port the OS picks), handed to uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this: without it a keep-alive client waits ~40 ms per
    # response (Nagle on the server's header and body writes against delayed ACKs).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class Refused(click.ClickException):
    """The spec cannot be served (a load error, or what `generate` refuses): exit 2."""

    exit_code = 2


def _started(spec: Path, overlays: tuple[Path, ...]) -> RenderedServer:
    """The server package of `spec` prepared as `generate` prepares it, or a clear refusal."""
    try:
        return render_server(spec, overlays=overlays, forgiving=True)
    except SpecError as exc:
        shown = "\n".join(d.format() for d in exc.diagnostics)
        raise Refused(f"{shown}\n{spec}: not served (`specgen generate` refuses it too)") from None
    except Exception as exc:  # noqa: BLE001 - the generated package itself failed: say so
        raise _crashed(spec, exc) from None


def _crashed(spec: Path, exc: Exception) -> click.ClickException:
    return click.ClickException(
        f"{spec}: the server generated from it failed to start "
        f"({type(exc).__name__}: {exc}); please report this with the spec"
    )


@click.command()
@click.argument("spec", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=4010, show_default=True, help="Port; 0 picks a free one.")
@click.option("--stateful", is_flag=True, help="Keep created resources in memory.")
@click.option("--seed", default=0, show_default=True, help="Seed for generated ids and data.")
@click.option(
    "--data",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON resources to preload in stateful mode (an object or a list).",
)
@click.option("--latency", "latency_ms", default=0.0, help="Added delay per request, in ms.")
@click.option("--fail-rate", default=0.0, help="Probability (0..1) of answering 503.")
@click.option("--rate-limit", default=0, help="Requests per second before 429 + Retry-After.")
@click.option(
    "--overlay",
    "overlays",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An OpenAPI Overlay 1.0 file applied to SPEC first, as `generate --overlay` does "
    "(repeatable, applied in order).",
)
@click.option(
    "--minimal",
    is_flag=True,
    help="Answer with the required properties only (as `Prefer: return=minimal` asks per "
    "request); by default every documented property is filled.",
)
@click.option(
    "--token",
    default=None,
    help="The one credential secured operations accept (bearer token, API key or basic "
    "password); without it any credential of the right form is accepted.",
)
def mock(
    spec: Path,
    host: str,
    port: int,
    stateful: bool,
    seed: int,
    data: Path | None,
    latency_ms: float,
    fail_rate: float,
    rate_limit: int,
    token: str | None,
    overlays: tuple[Path, ...],
    minimal: bool,
) -> None:
    """Serve a mock of SPEC: the generated server answering with the spec's examples and
    every documented property (or, with --stateful, an in-memory store). Operations are served
    at the spec's paths from the root. A `Prefer: code=404` (or `example=NAME`) request header
    asks for a declared response, `Prefer: return=minimal` for the lean answer.

    SPEC is prepared as `generate` prepares it: overlays, then repairs and skips (warnings);
    a skipped operation answers 501 with the reason, and what `generate` refuses (a `$ref`
    that leads nowhere) the mock refuses too (exit 2)."""
    import uvicorn

    try:
        faults = Faults(latency_ms, fail_rate, rate_limit)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if token is not None and not token.strip():
        raise click.BadParameter("is empty (an unset environment variable?)", param_hint="--token")
    options = MockOptions(
        stateful=stateful,
        seed=seed,
        faults=faults,
        data=_load_data(data),
        token=token,
        minimal=minimal,
    )
    server = _started(spec, overlays)
    for warning in server.warnings:  # the same located warnings `generate` prints
        click.echo(warning.format(), err=True)
    try:
        app = mock_app(server, options)
    except SpecError as exc:
        raise Refused("\n".join(d.format() for d in exc.diagnostics)) from None
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - the generated package itself failed: say so
        raise _crashed(spec, exc) from None
    sock = bind(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    mode = "stateful" if stateful else "examples"
    click.echo(f"Mock of {server.api.title} ({mode}) at http://{shown}:{bound_port}", err=False)
    skipped = f" ({len(server.skipped)} skipped: answered 501)" if server.skipped else ""
    click.echo(f"Serving {len(server.api.operations)} operations{skipped}; Ctrl-C stops.", err=True)
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
