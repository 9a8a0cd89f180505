"""Generated clients against Prism, an independent mock server, over loopback.

Prism runs with `--errors`, so a request that breaks the spec is answered with an error:
every successful call here is a request Prism accepted. `Prefer: code=N` selects an error.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.prism import PRISM, prism
from tests.render.helpers import imported

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"

pytestmark = [
    pytest.mark.xdist_group("prism"),
    pytest.mark.skipif(not PRISM.exists(), reason="Prism not installed: run `make test`"),
]


def page(name: str) -> Any:
    return json.loads((PAGES / name).read_text())


# spec → (package, [(method name, keyword arguments, check of the parsed result)])
CALLS: dict[str, list[tuple[str, dict[str, Any], str]]] = {
    "cognite-3d-jobs": [("create_jobs", {"body": page("000/createJobs-request.json")}, "items")],
    "reality-modeling": [
        ("create_job", {"body": page("001/createJob-request.json")}, "job"),
        ("list_jobs", {"filter": "state eq 'active'", "top": 10}, "jobs"),
    ],
    "reality-analysis": [("cancel_job", {"id": "cc3d35cc-416a-4262-9714-b359da70b419"}, "job")],
    "reality-data-analysis": [
        (
            "patch_job",
            {
                "job_id": "cc3d35cc-416a-4262-9714-b359da70b419",
                "body": page("004/patchJob-request-1.json"),
            },
            "job",
        )
    ],
}


@pytest.fixture(scope="module", params=sorted(CALLS))
def served(request: pytest.FixtureRequest) -> Iterator[tuple[str, Any, str]]:
    """The committed client of one spec (generated/, kept exact by the golden test) and Prism."""
    spec: str = request.param
    src = ROOT / "generated" / spec / "client" / "src"
    with (
        imported(src, spec.replace("-", "_")) as module,
        prism(ROOT / "specs" / f"{spec}.yaml") as url,
    ):
        yield spec, module, url


def test_every_operation_sync_and_async(served: tuple[str, Any, str]) -> None:
    spec, package, url = served
    with package.Client(token="e2e-token", base_url=url) as client:
        for name, kwargs, field in CALLS[spec]:
            result = getattr(client, name)(**kwargs)
            if name == "list_jobs":
                assert result.items and result.has_next_page()
                result = result.page
            assert getattr(result, field), f"{name}: empty {field}"

    async def run_async() -> None:
        async with package.AsyncClient(token="e2e-token", base_url=url) as client:
            for name, kwargs, field in CALLS[spec]:
                result = await getattr(client, name)(**kwargs)
                if name == "list_jobs":
                    assert result.items
                    result = result.page
                assert getattr(result, field)

    asyncio.run(run_async())


def test_missing_token_is_an_authentication_error(served: tuple[str, Any, str]) -> None:
    spec, package, url = served
    name, kwargs, _ = CALLS[spec][0]
    with (
        package.Client(base_url=url) as client,
        pytest.raises(package.AuthenticationError) as caught,
    ):
        getattr(client, name)(**kwargs)
    assert caught.value.status_code == 401


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, "NotFoundError"), (422, "UnprocessableEntityError"), (401, "AuthenticationError")],
)
def test_documented_errors_raise_their_class_with_the_spec_code(
    served: tuple[str, Any, str], status: int, error: str
) -> None:
    spec, package, url = served
    name, kwargs, _ = CALLS[spec][0]
    documented = {r.status_code for r in _responses(spec, name)}
    if status not in documented:
        pytest.skip(f"{spec} {name} documents no {status}")
    with (
        package.Client(token="t", base_url=url) as client,
        pytest.raises(getattr(package, error)) as caught,
    ):
        getattr(client, name)(**kwargs, extra_headers={"Prefer": f"code={status}"})
    assert caught.value.status_code == status
    assert caught.value.code is not None and caught.value.message


def test_429_is_retried_after_retry_after_then_raised(served: tuple[str, Any, str]) -> None:
    spec, package, url = served
    name, kwargs, _ = CALLS[spec][0]
    attempts: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [attempts.append]})
    slept: list[float] = []
    with package.Client(token="t", base_url=url, http_client=http, max_retries=2) as client:
        client._sleep = slept.append
        with pytest.raises(package.RateLimitError) as caught:
            getattr(client, name)(**kwargs, extra_headers={"Prefer": "code=429"})
    http.close()
    assert len(attempts) == 3  # the call and two retries
    assert caught.value.retry_after == 0.0
    assert slept == [0.0, 0.0]  # the server's Retry-After: 0, not the backoff


def _responses(spec: str, name: str) -> list[Any]:
    """The documented responses of one operation, read from the spec through the IR."""
    from generator.ir import build_api
    from generator.load import SpecSet, load_document

    api, _ = build_api(SpecSet(load_document(ROOT / "specs" / f"{spec}.yaml")), spec)
    return list(next(op for op in api.operations if op.python_name == name).responses)
