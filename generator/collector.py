"""The cyclic garbage collector, tuned for one generation job.

A job loads a spec (GitHub's: millions of dicts, lists and strings) that lives until the job
ends, then allocates the IR and the rendered text. With the default settings, every full
collection walks the whole loaded spec again, and young collections run every 700
allocations: about a third of the IR build's CPU on GitHub's spec went to the collector.
Inside `tuned()`, young collections run every 50,000 allocations, and `settle()` moves what
exists so far (the loaded spec) out of the collector's sight (`gc.freeze`): the spec is
acyclic data, freed by reference counting when the job drops it. Leaving `tuned()` undoes
both, so a long-lived process (`specgen watch`) does not accumulate frozen objects.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_JOB_THRESHOLDS = (50_000, 20, 100)


@contextmanager
def tuned() -> Iterator[None]:
    previous = gc.get_threshold()
    gc.set_threshold(*_JOB_THRESHOLDS)
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*previous)


def settle() -> None:
    """Everything allocated so far lives until the job ends: stop scanning it."""
    gc.freeze()
