from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.regenerate import writer
from generator.regenerate.job import Toolchain
from generator.regenerate.plan import Flags
from tests.regenerate.conftest import Project
from tests.regenerate.fakes import DictRenderer, FakeValidator, OperationRenderer, spec_text

MANIFEST = ".specgen-manifest.json"


def test_first_run_writes_every_target_and_a_manifest(project: Project) -> None:
    result = project.generate()

    assert project.out == ["alpha: regenerated (new target)", "beta: regenerated (new target)"]
    assert not result.failed
    assert project.read("alpha/client/ops/get_item.py").startswith("# operation get_item of Alpha")
    manifest = json.loads((project.generated / MANIFEST).read_text())
    alpha = manifest["targets"]["alpha"]
    assert sorted(alpha["inputs"]) == ["alpha.yaml", "common/errors.yaml"]
    assert "client/ops/list_items.py" in alpha["files"]
    assert alpha["write_once"] == ["stubs/impl.py"]


def test_second_run_writes_nothing_and_reports_up_to_date(project: Project) -> None:
    project.generate()
    before = project.snapshot()
    manifest_stat = (project.generated / MANIFEST).stat()

    result = project.generate()

    assert project.out == ["alpha: up to date", "beta: up to date"]
    assert not result.failed
    assert project.snapshot() == before
    assert (project.generated / MANIFEST).stat().st_mtime_ns == manifest_stat.st_mtime_ns


def test_changing_one_spec_rewrites_only_that_targets_changed_files(project: Project) -> None:
    project.generate()
    before = project.snapshot()

    project.spec("beta", ["ping", "pong"])
    project.generate()

    after = project.snapshot()
    assert project.out == ["alpha: up to date", "beta: regenerated (spec changed)"]
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert changed == [MANIFEST, "beta/client/__init__.py", "beta/client/ops/pong.py"]


def test_changing_a_referenced_file_regenerates_the_spec_that_refs_it(project: Project) -> None:
    project.generate()
    project.write("specs/common/errors.yaml", "Error:\n  type: object\n")

    project.generate()

    assert project.out == ["alpha: regenerated (spec changed)", "beta: up to date"]


def test_deleted_operation_loses_its_file(project: Project) -> None:
    project.generate()
    assert (project.generated / "alpha/client/ops/get_item.py").is_file()

    project.spec("alpha", ["list_items"])
    project.generate()

    assert not (project.generated / "alpha/client/ops/get_item.py").exists()
    assert (project.generated / "alpha/client/ops/list_items.py").is_file()
    manifest = json.loads((project.generated / MANIFEST).read_text())
    assert "client/ops/get_item.py" not in manifest["targets"]["alpha"]["files"]


def test_failure_mid_write_leaves_previous_output_intact(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.generate()
    before = project.snapshot()
    manifest_before = (project.generated / MANIFEST).read_bytes()
    project.spec("alpha", ["list_items", "get_item", "delete_item"])
    project.spec("beta", ["ping", "pong"])
    real_write = writer._write_file
    calls: list[Path] = []

    def failing_write(path: Path, content: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        real_write(path, content)

    monkeypatch.setattr(writer, "_write_file", failing_write)
    result = project.generate()

    outcomes = result.by_name()
    assert outcomes["alpha"].status == "failed"
    assert "No space left on device" in "\n".join(project.err)
    assert outcomes["beta"].status == "regenerated"  # one failure does not stop the others
    after = project.snapshot()
    assert {k: v for k, v in after.items() if k.startswith("alpha/")} == {
        k: v for k, v in before.items() if k.startswith("alpha/")
    }
    assert not [p for p in project.generated.iterdir() if p.name.startswith(".specgen-tmp-new")]
    manifest = json.loads((project.generated / MANIFEST).read_text())
    old_manifest = json.loads(manifest_before)
    assert manifest["targets"]["alpha"] == old_manifest["targets"]["alpha"]

    monkeypatch.setattr(writer, "_write_file", real_write)
    project.generate()
    assert project.out == ["alpha: regenerated (spec changed)", "beta: up to date"]
    assert (project.generated / "alpha/client/ops/delete_item.py").is_file()


def test_interrupted_swap_is_recovered_on_the_next_run(project: Project) -> None:
    project.generate()
    before = project.snapshot()
    # As if killed between the two renames of a swap: the old tree is parked, no new one.
    (project.generated / "alpha").rename(project.generated / ".specgen-tmp-old-alpha")

    project.generate()

    assert project.out == ["alpha: up to date", "beta: up to date"]
    assert project.snapshot() == before


def test_unknown_file_in_the_way_is_an_error_naming_it(project: Project) -> None:
    mine = project.write("generated/alpha/client/ops/get_item.py", "# my own code\n")

    result = project.generate()

    assert result.by_name()["alpha"].status == "failed"
    assert result.failed
    errors = "\n".join(project.err)
    assert "generated/alpha/client/ops/get_item.py: error[unknown-file]" in errors
    assert "--force" in errors
    assert mine.read_text() == "# my own code\n"
    assert not (project.generated / "alpha/client/ops/list_items.py").exists()

    project.generate(force=True)
    assert project.out[0] == "alpha: regenerated (forced)"
    assert mine.read_text().startswith("# operation get_item")


def test_unknown_files_that_do_not_collide_are_kept(project: Project) -> None:
    notes = project.write("generated/alpha/client/NOTES.md", "keep me\n")
    project.generate()
    project.spec("alpha", ["list_items"])

    project.generate()

    assert notes.read_text() == "keep me\n"


def test_identical_unknown_file_is_adopted_without_error(project: Project) -> None:
    project.generate()
    (project.generated / MANIFEST).unlink()

    result = project.generate()

    assert not result.failed
    assert project.out == ["alpha: regenerated (new target)", "beta: regenerated (new target)"]


def test_write_once_file_is_preserved(project: Project) -> None:
    project.generate()
    implementation = project.generated / "alpha/stubs/impl.py"
    implementation.write_text("def list_items(): return []\n")

    project.spec("alpha", ["list_items"])
    project.generate(force=True)
    assert implementation.read_text() == "def list_items(): return []\n"

    # The renderer no longer produces it: still never removed.
    project.generate(Flags(artefacts=frozenset({"client"})))
    assert implementation.read_text() == "def list_items(): return []\n"


def test_write_once_file_is_written_when_absent(project: Project) -> None:
    project.generate()
    (project.generated / "beta/stubs/impl.py").unlink()

    project.generate()

    assert project.out == ["alpha: up to date", "beta: regenerated (output missing)"]
    assert project.read("beta/stubs/impl.py").startswith("# implement")


def test_edited_output_is_regenerated(project: Project) -> None:
    project.generate()
    (project.generated / "beta/client/ops/ping.py").write_text("hacked\n")

    project.generate()

    assert project.out == ["alpha: up to date", "beta: regenerated (output edited)"]
    assert project.read("beta/client/ops/ping.py").startswith("# operation ping")


def test_deleted_output_is_regenerated(project: Project) -> None:
    project.generate()
    (project.generated / "beta/client/__init__.py").unlink()

    project.generate()

    assert project.out[1] == "beta: regenerated (output missing)"


def test_generator_change_regenerates_without_rewriting_identical_files(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.generate()
    before = project.snapshot()
    monkeypatch.setattr(
        "generator.regenerate.pipeline.generator_fingerprint", lambda: "another generator"
    )

    project.generate()

    assert project.out == [
        "alpha: regenerated (generator changed)",
        "beta: regenerated (generator changed)",
    ]
    after = project.snapshot()
    assert after.pop(MANIFEST) != before.pop(MANIFEST)  # new fingerprint recorded
    assert after == before  # identical bytes: not a single generated file rewritten


def test_options_change_regenerates(project: Project) -> None:
    project.generate()

    project.generate(Flags(artefacts=frozenset({"client"})))

    assert project.out == [
        "alpha: regenerated (options changed)",
        "beta: regenerated (options changed)",
    ]
    assert (project.generated / "alpha/client/__init__.py").is_file()
    assert (project.generated / "alpha/stubs/impl.py").is_file()  # write-once stays


def test_user_template_override_changes_the_output(project: Project) -> None:
    project.generate()
    project.write("my-templates/operation.txt", "# custom {operation}\n")
    with open(project.root / "pyproject.toml", "a") as handle:
        handle.write('templates = "my-templates"\n')

    project.generate()

    assert project.out[0] == "alpha: regenerated (templates changed, options changed)"
    assert project.read("alpha/client/ops/get_item.py") == "# custom get_item\n"

    project.write("my-templates/operation.txt", "# custom v2 {operation}\n")
    project.generate()
    assert project.out[0] == "alpha: regenerated (templates changed)"
    assert project.read("alpha/client/ops/get_item.py") == "# custom v2 get_item\n"


def test_deleted_spec_removes_its_generated_files_but_not_others(project: Project) -> None:
    project.generate()
    notes = project.write("generated/beta/NOTES.md", "mine\n")
    (project.root / "specs/beta.yaml").unlink()

    result = project.generate()

    assert project.out == ["alpha: up to date", "beta: removed (spec deleted)"]
    assert not result.failed
    assert not (project.generated / "beta/client").exists()
    assert notes.read_text() == "mine\n"
    assert (project.generated / "beta/stubs/impl.py").is_file()  # write-once: never removed
    assert "beta" not in json.loads((project.generated / MANIFEST).read_text())["targets"]


def test_validation_errors_stop_the_target_with_located_diagnostics(project: Project) -> None:
    project.spec("beta", ["bad_name"])

    result = project.generate()

    assert result.by_name()["beta"].status == "failed"
    assert result.by_name()["alpha"].status == "regenerated"
    assert project.err == [
        "  specs/beta.yaml:10:7: error[operation-id] #/paths/~1bad_name/get/operationId: "
        "operationId 'bad_name' is not allowed here"
    ]
    assert not (project.generated / "beta").exists()
    assert "Traceback" not in "\n".join(project.out + project.err)


def test_warnings_are_printed_and_code_generated_unless_strict(project: Project) -> None:
    project.spec("beta", ["meh_name"])

    project.generate()
    assert project.out[1] == "beta: regenerated (new target)"
    assert "warning[operation-id-style]" in project.err[0]
    assert (project.generated / "beta/client/ops/meh_name.py").is_file()

    project.spec("beta", ["meh_name", "other"])
    result = project.generate(Flags(strict=True))
    assert result.by_name()["beta"].status == "failed"
    assert any("error[strict]" in line for line in project.err)
    assert not (project.generated / "beta/client/ops/other.py").exists()


def test_swagger_2_is_a_clear_error_and_others_still_generate(project: Project) -> None:
    project.write("specs/beta.yaml", "swagger: '2.0'\ninfo: {title: B, version: '1'}\npaths: {}\n")

    result = project.generate()

    assert result.by_name()["beta"].status == "failed"
    assert project.err == [
        "  specs/beta.yaml:1:1: error[swagger-2]: Swagger 2.0 is not supported; "
        "convert the document to OpenAPI 3.x"
    ]
    assert result.by_name()["alpha"].status == "regenerated"


def test_unparsable_spec_is_reported_with_its_location(project: Project) -> None:
    project.write("specs/beta.yaml", "openapi: 3.0.3\ninfo: [unclosed\n")

    result = project.generate()

    assert result.failed
    assert project.err[0].startswith("  specs/beta.yaml:")
    assert "error[syntax]" in project.err[0]


def test_rendered_paths_outside_the_target_are_refused(project: Project) -> None:
    project.toolchain = Toolchain(render=DictRenderer((("../escape.py", "x", False),)))

    result = project.generate()

    assert result.failed
    assert all("error[render-path]" in line for line in project.err)
    assert not (project.root / "escape.py").exists()


def test_parallel_rendering_gives_the_same_output(project: Project, tmp_path: Path) -> None:
    project.generate(jobs=2)
    parallel = {k: v[0] for k, v in project.snapshot().items()}
    manifest = (project.generated / MANIFEST).read_text()
    for path in project.generated.iterdir():
        if path.is_dir():
            import shutil

            shutil.rmtree(path)
    (project.generated / MANIFEST).unlink()

    project.generate(jobs=1)

    assert {k: v[0] for k, v in project.snapshot().items()} == parallel
    assert (project.generated / MANIFEST).read_text() == manifest


def test_manifest_is_deterministic_and_free_of_absolute_paths(project: Project) -> None:
    project.generate()
    text = (project.generated / MANIFEST).read_text()

    assert str(project.root) not in text
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert data["targets"]["alpha"]["spec"] == "../specs/alpha.yaml"


def test_damaged_manifest_is_reported_and_rebuilt(project: Project) -> None:
    project.generate()
    (project.generated / MANIFEST).write_text("{not json")

    result = project.generate()

    assert not result.failed  # identical files on disk are adopted, not collisions
    assert "damaged" in project.err[0]
    json.loads((project.generated / MANIFEST).read_text())


def test_collision_with_validator_absent(project: Project) -> None:
    project.toolchain = Toolchain(render=OperationRenderer(), validate=False)
    project.spec("beta", ["bad_name"])

    result = project.generate()

    assert not result.failed  # without a validator, nothing stops the render


def test_quiet_lines_only_for_changes(project: Project) -> None:
    project.generate()
    project.spec("beta", ["ping", "pong"])

    project.generate(quiet=True)

    assert project.out == ["beta: regenerated (spec changed)"]


def test_fake_validator_is_used_through_the_default_hook(project: Project) -> None:
    assert isinstance(project.toolchain.validate, FakeValidator)


def test_other_specs_folder_does_not_delete_the_configured_targets(project: Project) -> None:
    project.generate()
    project.write("other/gamma.yaml", spec_text("Gamma", ["go"]))

    project.generate(Flags(specs=project.root / "other"))

    assert project.out == ["gamma: regenerated (new target)"]
    assert (project.generated / "alpha/client/ops/get_item.py").is_file()
    assert (project.generated / "gamma/client/ops/go.py").is_file()


def test_interrupted_run_still_records_the_targets_it_finished(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.regenerate import pipeline

    real_apply = pipeline._apply

    def apply_then_interrupt(plan, target, *args):  # type: ignore[no-untyped-def]
        if target.name == "beta":
            raise KeyboardInterrupt
        return real_apply(plan, target, *args)

    monkeypatch.setattr(pipeline, "_apply", apply_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        project.generate()
    monkeypatch.undo()

    manifest = json.loads((project.generated / MANIFEST).read_text())
    assert sorted(manifest["targets"]) == ["alpha"]
    project.generate()
    assert project.out == ["alpha: up to date", "beta: regenerated (new target)"]


def test_renderer_bug_is_reported_in_one_line_with_its_place(project: Project) -> None:
    project.toolchain = Toolchain(render=DictRenderer((("a.py", None, False),)))  # type: ignore[arg-type]

    result = project.generate()

    assert result.failed
    assert len(project.err) == 2
    assert "error[internal]: internal error while rendering: AttributeError" in project.err[0]
    assert "(at fakes.py:" in project.err[0]
