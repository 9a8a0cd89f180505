"""The incremental layer itself (generator/incremental.py): what a memo reuses, what it
recomputes, and that verify mode catches a stale entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.incremental import ABSENT, Run, StaleEntry, Store, files_fingerprint


class Source:
    """A tiny input: named values whose reads are fingerprinted by value."""

    def __init__(self, **values: int) -> None:
        self.values = dict(values)
        self.computed: list[str] = []

    def run(self, store: Store, verify: bool = False) -> Run:
        run = Run(store, verify=verify)
        run.register("value", lambda name: self.values.get(str(name), ABSENT))
        return run

    def get(self, run: Run, name: str) -> int:
        value = self.values[name]
        run.read("value", name, value)
        return value

    def total(self, run: Run, *names: str) -> int:
        def compute() -> int:
            self.computed.append("+".join(names))
            return sum(self.get(run, name) for name in names)

        return run.memo("total", names, compute)


def test_a_unit_is_reused_while_what_it_read_is_unchanged() -> None:
    store, source = Store(), Source(a=1, b=2, c=3)
    for _ in range(2):
        run = source.run(store)
        assert source.total(run, "a", "b") == 3 and source.total(run, "c") == 3
        run.close()
    assert source.computed == ["a+b", "c"]  # the second run computed nothing
    source.values["c"] = 5
    run = source.run(store)
    assert (source.total(run, "a", "b"), source.total(run, "c")) == (3, 5)
    assert source.computed == ["a+b", "c", "c"]  # only the unit that read `c`


def test_an_entry_the_last_run_did_not_use_is_gone() -> None:
    store, source = Store(), Source(a=1, b=2)
    run = source.run(store)
    source.total(run, "a")
    source.total(run, "b")
    run.close()
    run = source.run(store)
    source.total(run, "a")
    run.close()
    run = source.run(store)
    source.total(run, "b")  # dropped by the run that did not use it: computed again
    assert source.computed == ["a", "b", "b"]


def test_an_inner_units_reads_count_for_the_outer_one_even_when_reused() -> None:
    store, source = Store(), Source(a=1, b=2)

    def outer(run: Run) -> int:
        return run.memo("outer", "x", lambda: source.total(run, "a") + source.get(run, "b"))

    run = source.run(store)
    assert outer(run) == 3
    run.close()
    run = source.run(store)
    source.total(run, "a")  # the inner unit is a hit before the outer one is looked up
    assert outer(run) == 3
    run.close()
    source.values["a"] = 10  # read by the inner unit only
    assert outer(source.run(store)) == 12


def test_an_untracked_unit_is_always_recomputed() -> None:
    store, calls = Store(), []

    def compute(run: Run) -> str:
        calls.append(1)
        run.untracked()  # e.g. it read the clock or a file no fingerprint covers
        return "x"

    for _ in range(3):
        run = Run(store)
        run.memo("stage", "k", lambda run=run: compute(run))
        run.close()
    assert len(calls) == 3


def test_early_cut_off_hands_back_the_old_object() -> None:
    store, source = Store(), Source(a=1, b=2)
    run = source.run(store)
    first = run.memo("list", "k", lambda: [source.get(run, "a") + source.get(run, "b")])
    run.close()
    source.values.update(a=2, b=1)  # recomputed: an equal output
    run = source.run(store)
    second = run.memo("list", "k", lambda: [source.get(run, "a") + source.get(run, "b")])
    assert second is first  # what was computed from it still hits by identity


def test_explicit_inputs_are_compared_as_they_are() -> None:
    store, calls = Store(), []
    for inputs in ("x", "x", "y"):
        run = Run(store)
        run.memo("stage", "k", lambda inputs=inputs: calls.append(inputs) or inputs, inputs)
        run.close()
    assert calls == ["x", "y"]


def test_a_new_scope_empties_the_stage() -> None:
    store, calls = Store(), []
    for scope in ("templates-1", "templates-1", "templates-2"):
        run = Run(store)
        run.stage("render", scope=scope)
        run.memo("render", "k", lambda: calls.append(1) or "text")
        run.close()
    assert len(calls) == 2


def test_verify_mode_names_the_stage_the_key_and_the_read_not_recorded() -> None:
    store, source = Store(), Source(a=1, b=2)
    hidden = {"b": 2}

    def leaky(run: Run) -> int:  # reads `b` without noting it: a stale entry waiting
        return source.get(run, "a") + hidden["b"]

    run = source.run(store)
    run.memo("leaky", "k", lambda: leaky(run))
    run.close()
    hidden["b"] = 5
    quiet = source.run(store)
    assert quiet.memo("leaky", "k", lambda: leaky(quiet)) == 3  # stale: nothing checks
    with pytest.raises(StaleEntry, match="stage 'leaky', key 'k'.*does not record"):
        run = source.run(store, verify=True)
        run.memo("leaky", "k", lambda: leaky(run))


def test_verify_mode_is_switched_on_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_VERIFY_INCREMENTAL", "1")
    assert Run(Store()).verify
    monkeypatch.setenv("SPECGEN_VERIFY_INCREMENTAL", "0")
    assert not Run(Store()).verify


def test_a_stage_on_disk_is_read_back_by_a_new_process(tmp_path: Path) -> None:
    source = Source(a=1)
    for _ in range(2):
        run = source.run(Store())  # a new store each time: a new process
        assert run.memo("total", "a", lambda run=run: source.get(run, "a"), folder=tmp_path) == 1
        run.close()
        source.computed.append("run")
    written = tmp_path / "units" / "total.pickle"
    assert written.is_file() and (tmp_path / ".gitignore").read_text() == "*\n"
    written.write_bytes(b"garbage")  # an unreadable file is an empty stage, never an error
    run = source.run(Store())
    assert run.memo("total", "a", lambda: 7, folder=tmp_path) == 7


def test_without_a_store_every_lookup_computes() -> None:
    run, calls = Run(None), []
    for _ in range(2):
        run.memo("stage", "k", lambda: calls.append(1))
    assert len(calls) == 2 and not run.active


def test_the_templates_fingerprint_follows_content_and_search_order(tmp_path: Path) -> None:
    user, built_in = tmp_path / "user", tmp_path / "built-in"
    for folder, text in ((user, "mine"), (built_in, "theirs")):
        folder.mkdir()
        (folder / "x.jinja").write_text(text)
    known: dict[str, tuple[int, int, str]] = {}
    before = files_fingerprint((user, built_in), known)
    assert files_fingerprint((user, built_in), known) == before
    assert files_fingerprint((user, built_in)) == before  # the cheap check changes nothing
    assert files_fingerprint((built_in, user)) != before  # which file shadows which
    (user / "x.jinja").write_text("edit")
    assert files_fingerprint((user, built_in), known) != before
