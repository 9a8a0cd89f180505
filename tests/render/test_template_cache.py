"""Compiled templates are cached on disk by source checksum: same output, and a template
edited between runs is recompiled, never served stale."""

from __future__ import annotations

from pathlib import Path

from generator.render.environment import make_environment


def test_a_cached_template_renders_the_same_and_an_edit_is_seen(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "greet.jinja").write_text("Hello {{ name | snake }}!\n")
    cache = tmp_path / "cache"
    first = make_environment((templates,), cache).get_template("greet.jinja").render(name="BigCat")
    assert first == "Hello big_cat!\n"
    assert list((cache / "templates").iterdir())  # compiled code was kept
    again = make_environment((templates,), cache).get_template("greet.jinja").render(name="BigCat")
    assert again == first
    (templates / "greet.jinja").write_text("Bye {{ name }}.\n")
    edited = make_environment((templates,), cache).get_template("greet.jinja").render(name="x")
    assert edited == "Bye x.\n"


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "greet.jinja").write_text("Hello {{ name }}!\n")
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    env = make_environment((templates,), blocker)
    assert env.get_template("greet.jinja").render(name="x") == "Hello x!\n"
