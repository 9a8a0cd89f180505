"""`specgen verify SPEC --base-url URL`: test a running server against its spec.

Safety first: a base URL that is not loopback is only read (GET/HEAD/OPTIONS) unless
`--allow-writes`; every run is bounded by `--max-requests`, `--time-limit` and `--rate`;
credentials come from flags or the environment and are redacted in every output.
"""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from generator.diagnostics import SpecError
from generator.verify.bounds import Settings
from generator.verify.formats import FORMATS, render
from generator.verify.plan import Credentials


def is_loopback(base_url: str) -> bool:
    host = (urlsplit(base_url).hostname or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_url(base_url: str) -> str:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise click.BadParameter(f"{base_url!r} is not an http(s) URL", param_hint="--base-url")
    return base_url


def _secret(value: str | None, hint: str) -> str | None:
    if value is not None and not value.strip():
        raise click.BadParameter("is empty (an unset environment variable?)", param_hint=hint)
    return value


def _target_spec(name: str | None) -> tuple[Path, Any]:
    """The spec of a `[tool.specgen]` target (the only one when `name` is None) and its
    TargetOptions, so method names follow the target's layout and overrides."""
    from generator.config import load_config
    from generator.regenerate.plan import Flags, PlanError, project_plan
    from generator.render import TargetOptions

    try:
        plan, _ = project_plan(load_config(), Flags())
    except (PlanError, SpecError) as exc:
        raise click.UsageError(str(exc)) from None
    targets = {t.name: t for t in plan.targets}
    if name is None and len(targets) != 1:
        listed = ", ".join(sorted(targets)) or "none"
        raise click.UsageError(f"give a SPEC or --target NAME (targets: {listed})")
    target = targets.get(name) if name else next(iter(targets.values()))
    if target is None:
        raise click.UsageError(f"no target {name!r} (targets: {', '.join(sorted(targets))})")
    settings = target.settings
    options = TargetOptions(target.name, frozenset({"client"}), display=settings.spec_name or None,
                            layout=settings.layout or "auto",
                            operation_names=settings.operation_names)  # fmt: skip
    return target.spec, options


@click.command()
@click.argument("spec", required=False, type=click.Path(exists=True, dir_okay=False,
                                                        path_type=Path))  # fmt: skip
@click.option("--base-url", required=True, help="The server to test, e.g. http://127.0.0.1:8000.")
@click.option("--target", "target_name", help="A [tool.specgen] target instead of SPEC.")
@click.option("--safe", is_flag=True, help="Send only GET, HEAD and OPTIONS requests.")
@click.option("--allow-writes", is_flag=True,
              help="Send writes to a server that is not on loopback (otherwise --safe).")  # fmt: skip
@click.option("--max-requests", default=1000, show_default=True, type=click.IntRange(1))
@click.option("--time-limit", default=120.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds; the run stops when they are spent.")  # fmt: skip
@click.option("--rate", default=0.0, show_default=True, type=click.FloatRange(0),
              help="Requests per second at most (0: no limit).")  # fmt: skip
@click.option("--seed", default=0, show_default=True, help="Same seed, same requests.")
@click.option("--negatives", default=6, show_default=True, type=click.IntRange(0),
              help="Requests the spec refuses, per operation.")  # fmt: skip
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds per request.")  # fmt: skip
@click.option("--token", envvar="SPECGEN_VERIFY_TOKEN", show_envvar=True,
              help="Bearer token (OAuth2, OpenID Connect, http bearer).")  # fmt: skip
@click.option("--api-key", envvar="SPECGEN_VERIFY_API_KEY", show_envvar=True,
              help="API key for apiKey schemes.")  # fmt: skip
@click.option("--basic", envvar="SPECGEN_VERIFY_BASIC", show_envvar=True,
              help="user:password for http basic schemes.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report here instead of standard output.")  # fmt: skip
@click.pass_context
def verify(
    ctx: click.Context,
    spec: Path | None,
    base_url: str,
    target_name: str | None,
    safe: bool,
    allow_writes: bool,
    max_requests: int,
    time_limit: float,
    rate: float,
    seed: int,
    negatives: int,
    timeout: float,
    token: str | None,
    api_key: str | None,
    basic: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Test the server at --base-url against SPEC (or a [tool.specgen] target): declared
    statuses and media types, bodies and headers against their schemas, no 5xx, requests the
    spec refuses get 4xx, credentials are enforced, and create/read/list/update/delete
    sequences hold. Exit 1 when anything drifts."""
    from generator.render import TargetOptions, prepare_target
    from generator.verify.bounds import Unreachable
    from generator.verify.locate import Source
    from generator.verify.runner import Runner

    base_url = _check_url(base_url)
    if basic is not None and ":" not in basic:
        raise click.BadParameter("expected user:password", param_hint="--basic")
    credentials = Credentials(_secret(token, "--token"), _secret(api_key, "--api-key"),
                              _secret(basic, "--basic"))  # fmt: skip
    if spec is not None and target_name is not None:
        raise click.UsageError("give SPEC or --target, not both")
    if spec is None:
        spec, options = _target_spec(target_name)
    else:
        options = TargetOptions(spec.stem or "api", frozenset({"client"}))
    forced_safe = not safe and not allow_writes and not is_loopback(base_url)
    if forced_safe:
        click.echo(f"{base_url} is not loopback: only GET, HEAD and OPTIONS are sent "
                   "(--allow-writes sends the rest)", err=True)  # fmt: skip
    try:
        prepared, specset, _ = prepare_target(spec, options)
    except SpecError as exc:
        click.echo("\n".join(d.format() for d in exc.diagnostics), err=True)
        ctx.exit(2)
    settings = Settings(base_url, safe=safe or forced_safe, max_requests=max_requests,
                        time_limit=time_limit, rate=rate, seed=seed, credentials=credentials,
                        negatives=negatives, timeout=timeout)  # fmt: skip
    runner = Runner(prepared.api, Source(specset), settings)
    runner.report.spec = specset.root.display
    interactive = sys.stderr.isatty()
    try:
        report = _with_progress(runner) if interactive else runner.run()
    except Unreachable as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(2)
    text = render(report, fmt, color=interactive and output is None and sys.stdout.isatty())
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    ctx.exit(1 if report.findings else 0)


def _with_progress(runner: Any) -> Any:
    """Run with a progress display on the terminal (standard error)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    # A guess (the sequences and the refusals found vary), never past the bound.
    per_operation = 4 + runner.settings.negatives
    total = min(runner.settings.max_requests, per_operation * len(runner.api.operations))
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn(), TextColumn("{task.fields[findings]} finding(s)"))  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("verify", total=total, findings=0)

        def step(label: str) -> None:
            progress.update(task, description=label, completed=runner.budget.used,
                            findings=len(runner.report.findings))  # fmt: skip

        runner.progress = step
        return runner.run()
