"""A real case: the Reality Modeling API documented on two dates (seed pages 001 and 003).
The later page adds `GaussianSplats` to the output formats and `West Europe` to the locations;
that must come out as two enum additions per direction and nothing breaking.

Golden outputs for every format live in tests/fixtures/diff/golden/; regenerate them with
UPDATE_GOLDEN=1 and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from diff_helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/fixtures/diff")
OLDER = str(FIXTURES / "reality-modeling-2024.yaml")
NEWER = str(FIXTURES / "reality-modeling-2025.yaml")
GOLDEN = ROOT / FIXTURES / "golden"
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json", "junit": "xml"}


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in the output are the arguments as given, so goldens need a fixed working folder.
    monkeypatch.chdir(ROOT)


def test_enum_additions_are_reported_per_direction_and_nothing_breaks() -> None:
    outcome = run_cli(OLDER, NEWER, "--format", "json")
    assert outcome.exit_code == 0
    found = {
        (c["operation"], c["id"], c["level"], c["message"].split(": ")[-1]) for c in outcome.changes
    }
    request = "request-property-enum-value-added"
    response = "response-property-enum-value-added"
    assert found == {
        ("POST /contextcapture/jobs", request, "info", 'enum value "GaussianSplats" added'),
        ("POST /contextcapture/jobs", request, "info", 'enum value "West Europe" added'),
        ("POST /contextcapture/jobs", response, "warning", 'enum value "GaussianSplats" added'),
        ("POST /contextcapture/jobs", response, "warning", 'enum value "West Europe" added'),
        ("GET /contextcapture/jobs", response, "warning", 'enum value "GaussianSplats" added'),
        ("GET /contextcapture/jobs", response, "warning", 'enum value "West Europe" added'),
    }
    assert outcome.data["summary"] == {"breaking": 0, "warning": 4, "info": 2}


def test_response_paths_name_the_nested_properties() -> None:
    outcome = run_cli(OLDER, NEWER, "--format", "json")
    get = [c["message"] for c in outcome.changes if c["operation"] == "GET /contextcapture/jobs"]
    assert get == [
        "response 200 property `jobs[].jobSettings.outputs[].format`: "
        'enum value "GaussianSplats" added',
        'response 200 property `jobs[].location`: enum value "West Europe" added',
    ]


def test_the_reverse_direction_is_breaking_only_for_requests() -> None:
    outcome = run_cli(NEWER, OLDER, "--format", "json")
    assert outcome.exit_code == 1
    assert {(c["id"], c["level"]) for c in outcome.changes} == {
        ("request-property-enum-value-removed", "breaking"),
        ("response-property-enum-value-removed", "info"),
    }


@pytest.mark.parametrize("output_format", sorted(EXTENSIONS))
def test_golden_output(output_format: str) -> None:
    outcome = run_cli(OLDER, NEWER, "--format", output_format, "--fail-on", "warning")
    assert outcome.exit_code == 1
    golden = GOLDEN / f"reality-modeling.{EXTENSIONS[output_format]}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(outcome.stdout, encoding="utf-8")
    assert outcome.stdout == golden.read_text(encoding="utf-8")
