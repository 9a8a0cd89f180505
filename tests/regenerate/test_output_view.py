"""What a long-lived process knows of the files it wrote (`writer.OutputView`): a warm run
neither reads nor hashes the generated files whose inode, size and mtime are unchanged, and a
file a user edited or deleted in between is still noticed and restored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.incremental import Store
from generator.regenerate import writer
from generator.regenerate.job import Toolchain
from generator.regenerate.manifest import TargetRecord
from generator.regenerate.model import OutputFile
from generator.regenerate.writer import OutputView, OutputViews, apply_output
from tests.regenerate.conftest import Project
from tests.regenerate.fakes import FakeValidator, OperationRenderer

OP = "alpha/client/ops/list_items.py"
OTHER = "alpha/client/ops/get_item.py"


def _age(folder: Path, seconds: int = 60) -> None:
    """Every file's mtime `seconds` in the past: what a view may vouch for (a recent mtime may
    not have changed on an edit made in the same clock tick)."""
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def _edit_in_place(path: Path) -> None:
    """Same size, other bytes."""
    data = bytearray(path.read_bytes())
    data[0] = ord("X") if data[0] != ord("X") else ord("Y")
    with open(path, "r+b") as handle:
        handle.write(data)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = writer._read_bytes

    def counting(path: str) -> bytes | None:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(writer, "_read_bytes", counting)
    return seen


@pytest.fixture
def warm(project: Project) -> Project:
    """The project regenerated twice by one process, its files old enough to be vouched for."""
    project.toolchain = Toolchain(
        render=OperationRenderer(), validate=FakeValidator(), memory=Store()
    )
    project.generate()
    _age(project.generated)
    project.spec("alpha", ["list_items", "get_item", "delete_item"])
    project.generate()  # the view now vouches for the files it found unchanged
    return project


def test_a_warm_run_does_not_read_the_files_it_knows(
    warm: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _reads(monkeypatch)
    warm.spec("alpha", ["list_items", "get_item", "delete_item", "put_item"])
    warm.generate()
    assert warm.out == ["alpha: regenerated (spec changed)", "beta: up to date"]
    assert not [p for p in seen if p.endswith(("list_items.py", "get_item.py"))]


@pytest.mark.parametrize("spec_edit", [False, True])
def test_a_file_edited_or_deleted_between_warm_runs_is_restored(
    warm: Project, spec_edit: bool
) -> None:
    expected = warm.snapshot()
    _edit_in_place(warm.generated / OP)
    (warm.generated / OTHER).unlink()
    if spec_edit:
        warm.spec("alpha", ["list_items", "get_item", "delete_item", "put_item"])
    warm.generate()
    reasons = (
        "spec changed, output missing, output edited"
        if spec_edit
        else ("output missing, output edited")
    )
    assert warm.out[0] == f"alpha: regenerated ({reasons})"
    now = warm.snapshot()
    assert now[OP][0] == expected[OP][0] and now[OTHER][0] == expected[OTHER][0]


def test_a_file_replaced_with_its_old_size_and_mtime_is_restored(warm: Project) -> None:
    """Another inode (an editor's save, a copy) is noticed even with the same size and mtime."""
    path = warm.generated / OP
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[0] = ord("X")
    replacement = path.with_name("new.tmp")
    replacement.write_bytes(bytes(data))
    os.utime(replacement, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(replacement, path)
    warm.spec("alpha", ["list_items", "get_item", "delete_item", "put_item"])
    warm.generate()
    assert path.read_bytes()[:1] != b"X"


def _record(files: list[OutputFile]) -> TargetRecord:
    return TargetRecord(
        spec="spec.yaml",
        inputs={},
        templates="",
        generator="",
        options="",
        files={f.path: "" for f in files},
        write_once=(),
        warnings=(),
    )


def test_a_file_seen_with_a_recent_mtime_is_not_vouched_for(tmp_path: Path) -> None:
    """An edit in the same clock tick as the write can leave the mtime as it was: a view never
    vouches for a file whose mtime was recent when it was looked at."""
    target = tmp_path / "out"
    files = [OutputFile("a.py", b"a = 1\n"), OutputFile("b.py", b"b = 2\n")]
    view = OutputView()
    apply_output(target, files, None, view)
    apply_output(target, files, _record(files), view)  # unchanged: seen, but only just written
    path = target / "a.py"
    stat = path.stat()
    path.write_bytes(b"a = 9\n")  # same size; the clock did not tick (mtime put back)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    summary = apply_output(target, files, _record(files), view)
    assert summary.written == ("a.py",) and path.read_bytes() == b"a = 1\n"


def test_an_old_file_seen_unchanged_is_vouched_for_until_it_changes(tmp_path: Path) -> None:
    target = tmp_path / "out"
    files = [OutputFile("a.py", b"a = 1\n"), OutputFile("b.py", b"b = 2\n")]
    view = OutputView()
    apply_output(target, files, None, view)
    _age(target)
    apply_output(target, files, _record(files), view)
    assert set(view.seen) == {"a.py", "b.py"}
    _edit_in_place(target / "a.py")
    summary = apply_output(target, files, _record(files), view)
    assert summary.written == ("a.py",) and (target / "a.py").read_bytes() == b"a = 1\n"


def test_the_view_of_a_target_no_longer_generated_is_dropped(warm: Project) -> None:
    memory = warm.toolchain.memory
    assert memory is not None
    names = {Path(key).name for key in memory.stores["output-views"]}
    assert names == {"alpha", "beta"}
    (warm.root / "specs" / "beta.yaml").unlink()
    warm.generate()
    assert {Path(key).name for key in memory.stores["output-views"]} == {"alpha"}


def test_a_whole_second_mtime_counts_as_recent_for_longer() -> None:
    """A filesystem that keeps whole seconds (FAT: 2 s) may not tick for two seconds."""
    now = 1_700_000_000_500_000_000
    assert writer._recent(now - 200_000_000, now)
    assert not writer._recent(now - 1_500_000_000 + 7, now)  # a fraction: fine resolution
    assert writer._recent(now - 1_500_000_000, now)  # whole seconds
    assert not writer._recent(now - 3_500_000_000, now)


def test_views_of_targets_generated_in_turn_are_all_kept(tmp_path: Path) -> None:
    """A generation server serving two specs in turn (one run each) keeps both folders' views."""
    memory = Store()
    for name in ["alpha", "beta", "alpha"]:
        views = OutputViews(memory)
        target = tmp_path / name
        files = [OutputFile("a.py", name.encode())]
        apply_output(target, files, None, views.of(target))
        views.save()
    assert set(memory.stores["output-views"]) == {
        str((tmp_path / "alpha").resolve()),
        str((tmp_path / "beta").resolve()),
    }
