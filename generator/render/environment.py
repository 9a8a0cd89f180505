"""The Jinja environment: user template folders first, then the built-in `templates/`."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.bccache

from generator import naming
from generator.render.literals import comment, docstring, py_literal


def built_in_templates() -> Path:
    """The `templates/` folder: beside the package in a checkout, inside it when installed."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_templates"
    return installed if installed.is_dir() else here.parent / "templates"


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates on disk, keyed by template name and source checksum (Jinja checks
    both, and its Python version): compiling the built-in templates costs 0.2-0.4 s a run,
    loading them 0.01 s. A folder that cannot be written only costs that time."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            return


def make_environment(
    user_dirs: tuple[Path, ...] = (), cache_dir: Path | None = None
) -> jinja2.Environment:
    """`cache_dir`: the cache folder; compiled templates are kept in its `templates/`."""
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
        bytecode_cache=_TemplateCache(str(cache_dir / "templates")) if cache_dir else None,
    )
    env.filters.update(
        py=py_literal,
        docstring=docstring,
        comment=comment,
        snake=naming.snake,
        pascal=naming.pascal,
    )
    return env
