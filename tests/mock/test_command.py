"""`specgen mock` as a user runs it: prints its URL, serves, stops cleanly on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx
from click.testing import CliRunner
from mock_helpers import AUTH, SPECS_DIR

from generator.mock.command import mock

ROOT = Path(__file__).resolve().parents[2]


def test_serves_on_a_free_port_and_stops_on_ctrl_c() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "mock",
            str(SPECS_DIR / "reality-modeling.yaml"),
            "--port",
            "0",
            "--stateful",
            "--seed",
            "3",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once the socket listens
        assert line.startswith("Mock of iTwin Reality Modeling"), line
        url = line.split(" at ")[1].strip()
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")
        with httpx.Client(base_url=url, headers=AUTH, timeout=10) as client:
            for _ in range(100):  # uvicorn may take a moment after the socket is bound
                try:
                    response = client.get("/contextcapture/jobs", params={"$top": 1})
                    break
                except httpx.ConnectError:
                    continue
            assert response.status_code == 200
            assert response.json()["jobs"][0]["id"] == "cc3d35cc-416a-4262-9714-b359da70b419"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_bad_options_are_reported_without_a_traceback() -> None:
    spec = str(SPECS_DIR / "reality-modeling.yaml")
    result = CliRunner().invoke(mock, [spec, "--fail-rate", "2"])
    assert result.exit_code == 2
    assert "fail rate must be between 0 and 1" in result.output
    missing = CliRunner().invoke(mock, ["no-such-spec.yaml"])
    assert missing.exit_code == 2 and "does not exist" in missing.output
