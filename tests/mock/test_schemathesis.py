"""Schemathesis against the mock of every curated spec, in process (ASGI): no 5xx, and every
response conforms to the spec (status code, content type, headers, body schema).

Both generation modes run: valid requests (answered 2xx, or 404/422 by the stateful store) and
invalid ones (which the strict validation must answer with a documented 4xx, in shape). A
negative case whose only flaw was its Authorization header is sent with a valid token, so it
may succeed.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from mock_helpers import AUTH, SPEC_NAMES, SPECS_DIR
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from generator.mock.server import MockOptions, RenderedServer, mock_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
MAX_EXAMPLES = 15
# Ids of jobs the specs' own examples show: the stateful mock starts with them in its store,
# so item operations reach a real job instead of always answering 404.
KNOWN_IDS = {
    "reality-analysis": {"id": "5e315451-564e-4e8b-a952-45b14e6a9c90"},
    "reality-data-analysis": {"jobId": "6f51448f-6377-4330-9ab0-f13fe994b3f1"},
}


def _operations(name: str, app: Any) -> list[Any]:
    schema = schemathesis.openapi.from_path(SPECS_DIR / f"{name}.yaml")
    schema.app = app
    return [result.ok() for result in schema.get_all_operations()]


def _run(
    operation: Any, mode: GenerationMode, path_parameters: dict[str, str] | None
) -> Counter[int]:
    statuses: Counter[int] = Counter()
    strategy = operation.as_strategy(mode, path_parameters=path_parameters)

    @given(case=strategy)
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        response = case.call_and_validate(base_url="http://localhost", headers=AUTH, checks=CHECKS)
        statuses[response.status_code] += 1

    try:
        run()
    except Unsatisfiable:  # nothing invalid can be said to this operation (a free-form string)
        assert mode is GenerationMode.NEGATIVE
    return statuses


@pytest.mark.parametrize("stateful", [False, True], ids=["examples", "stateful"])
@pytest.mark.parametrize("name", SPEC_NAMES)
def test_mock_conforms_to_its_spec(
    name: str, stateful: bool, rendered: dict[str, RenderedServer]
) -> None:
    app = mock_app(rendered[name], MockOptions(stateful=stateful, seed=1))
    operations = _operations(name, app)
    assert operations
    path_parameters = KNOWN_IDS.get(name) if stateful else None
    for operation in operations:
        positive = _run(operation, GenerationMode.POSITIVE, path_parameters)
        if stateful:  # the store may refuse a valid request: unknown job, forbidden change
            assert set(positive) <= {200, 201, 404, 422}, (operation.label, positive)
        else:  # examples mode answers every valid request with its documented success
            assert all(200 <= status < 300 for status in positive), (operation.label, positive)
        negative = _run(operation, GenerationMode.NEGATIVE, path_parameters)
        if sum(negative.values()):
            assert any(400 <= status < 500 for status in negative), (operation.label, negative)
