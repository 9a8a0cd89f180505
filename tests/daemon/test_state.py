"""What a generation server keeps between requests."""

from __future__ import annotations

from generator.daemon.server import _FOLDERS, State


def test_each_folder_keeps_its_own_caches_and_the_oldest_is_dropped() -> None:
    state = State()
    first = state.toolchain("/work/a")
    assert state.toolchain("/work/a") is first  # the same memory and worker, run after run
    assert state.toolchain("/work/b") is not first

    for index in range(_FOLDERS):
        state.toolchain(f"/other/{index}")

    assert "/work/a" not in state.toolchains  # least recently used, dropped
    assert len(state.toolchains) == _FOLDERS
    assert state.toolchain("/work/a") is not first  # starts cold again
