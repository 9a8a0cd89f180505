"""The Jinja environment: user template folders first, then the built-in `templates/`."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator import naming
from generator.render.literals import comment, docstring, py_literal


def built_in_templates() -> Path:
    """The `templates/` folder: beside the package in a checkout, inside it when installed."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_templates"
    return installed if installed.is_dir() else here.parent / "templates"


def make_environment(user_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(d) for d in user_dirs]),
            jinja2.FileSystemLoader(str(built_in_templates())),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        # Templates do not change during a run; skip the stat() per include.
        auto_reload=False,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(
        py=py_literal,
        docstring=docstring,
        comment=comment,
        snake=naming.snake,
        pascal=naming.pascal,
    )
    return env
