"""verify against specgen's own mock: the curated specs' stateful mocks conform (no finding),
the injected 5xx of `--fail-rate` are reported, and the job lifecycle runs end to end."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.mock.faults import Faults
from generator.mock.server import MockOptions, RenderedServer, mock_app, render_server
from generator.verify.formats import render

from .helpers import checks_of, run_verify
from .pets_app import served

SPECS = sorted((Path(__file__).parents[2] / "specs").glob("*.yaml"))
JOBS = Path(__file__).parent / "jobs.yaml"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RenderedServer]:
    workdir = tmp_path_factory.mktemp("verify-mocks")
    return {
        spec.stem: render_server(spec, name=f"verify-{spec.stem}", workdir=workdir)
        for spec in [*SPECS, JOBS]
    }


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
def test_the_curated_stateful_mock_conforms(
    spec: Path, rendered: dict[str, RenderedServer]
) -> None:
    app = mock_app(rendered[spec.stem], MockOptions(stateful=True, seed=3))
    with served(app) as url:
        report = run_verify(spec, url)
    assert report.findings == [], render(report, "text")
    assert report.requests > len(report.operations)  # valid, refused and auth requests
    assert not any(s.skipped for s in report.operations)


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
def test_injected_5xx_are_reported(spec: Path, rendered: dict[str, RenderedServer]) -> None:
    options = MockOptions(stateful=True, faults=Faults(fail_rate=1.0))
    with served(mock_app(rendered[spec.stem], options)) as url:
        report = run_verify(spec, url)
    errors = [f for f in report.findings if f.check == "server-error"]
    assert {f.operation for f in errors} == {s.operation for s in report.operations}
    assert all(f.response is not None and f.response.status == 503 for f in errors)


def cancel_does_nothing(app: Any) -> Callable[..., Any]:
    """The mock, except that a DELETE (the cancel) is answered as a GET: nothing changes."""

    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] == "DELETE":
            scope = {**scope, "method": "GET"}
        await app(scope, receive, send)

    return wrapped


def test_the_job_lifecycle_create_submit_poll_cancel(
    rendered: dict[str, RenderedServer],
) -> None:
    with served(mock_app(rendered["jobs"], MockOptions(stateful=True))) as url:
        report = run_verify(JOBS, url)
    assert report.findings == [], render(report, "text")
    (steps,) = report.sequences
    assert steps[0] == "POST /jobs → 201"
    assert "PATCH /jobs/{jobId} (submit: state active) → 200" in steps
    assert "GET /jobs/{jobId} → 200 (state active)" in steps
    assert steps[-2:] == ["DELETE /jobs/{jobId} → 200",
                          "GET /jobs/{jobId} → 200 (state terminatingOnCancel)"]  # fmt: skip


def test_a_cancel_that_does_nothing_is_stateful(rendered: dict[str, RenderedServer]) -> None:
    app = cancel_does_nothing(mock_app(rendered["jobs"], MockOptions(stateful=True)))
    with served(app) as url:
        report = run_verify(JOBS, url)
    assert checks_of(report) == {"DELETE /jobs/{jobId}": {"stateful"}}
    assert "says the job's state is still 'active'" in report.findings[0].message


def test_a_project_target_is_verified_by_name(rendered: dict[str, RenderedServer]) -> None:
    from click.testing import CliRunner

    from generator.cli import cli

    with served(mock_app(rendered["reality-modeling"], MockOptions(stateful=True))) as url:
        args = ["verify", "--target", "reality-modeling", "--base-url", url, "--format", "json"]
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert summary["spec"] == "specs/reality-modeling.yaml"
    assert [o["operation"] for o in summary["operations"]] == [
        "GET /contextcapture/jobs",
        "POST /contextcapture/jobs",
    ]


def test_a_throttled_request_is_sent_again_after_retry_after(
    rendered: dict[str, RenderedServer],
) -> None:
    # jobs.yaml declares no 429: a throttled request not sent again would show up (only the
    # requests that reach the service, valid ones, count against the mock's limit).
    options = MockOptions(stateful=True, faults=Faults(rate_limit=5))
    with served(mock_app(rendered["jobs"], options)) as url:
        report = run_verify(JOBS, url)
    assert report.findings == [], render(report, "text")
    assert report.requests > 5 + len(report.operations)
