"""The collector tuning of a job is undone when the job ends, so a long-lived process (watch)
neither keeps the settings nor accumulates frozen objects run after run."""

from __future__ import annotations

import gc

from generator import collector


def test_a_job_leaves_the_collector_as_it_found_it() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    for _ in range(3):  # three runs of a watch session
        with collector.tuned():
            assert gc.get_threshold() != before
            data = [{"key": [index]} for index in range(1000)]
            collector.settle()
            assert gc.get_freeze_count() >= frozen + len(data)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen
