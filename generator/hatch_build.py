"""A hatchling build hook: regenerate a consumer project's clients before its build.

The consumer's specs and `[tool.specgen]` settings are used exactly as `specgen generate`
uses them, so a wheel or sdist never ships code that is stale against its specs.

Use it from a consumer project (see docs/install.md and docs/regenerate.md). The distribution
is `specgen-openapi` (`specgen` on PyPI is another project), not yet on PyPI: name it by URL.

    [build-system]
    requires = ["hatchling", "specgen-openapi @ git+<specgen repo URL>@<tag or commit>"]
    build-backend = "hatchling.build"

    [tool.hatch.build.hooks.custom]          # with a one-line hatch_build.py:
    path = "hatch_build.py"                  #   from generator.hatch_build import SpecgenBuildHook

or, with specgen's `hatch` entry point registered, `[tool.hatch.build.hooks.specgen]`.
Options in that table: `check = true` fails the build when the generated code is stale
instead of rewriting it (for builds that must not touch the tree).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.plugin import hookimpl

from generator.diagnostics import SpecError
from generator.regenerate.job import Toolchain
from generator.regenerate.plan import Flags, PlanError
from generator.regenerate.progress import Reporter


class SpecgenBuildHook(BuildHookInterface[BuilderConfig]):
    PLUGIN_NAME = "specgen"

    def toolchain(self) -> Toolchain:
        """The stages to run; the real renderer and validator unless a subclass says otherwise."""
        return Toolchain()

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from generator.config import load_config
        from generator.regenerate.plan import project_plan

        root = Path(self.root)
        try:
            config = load_config(root)
            if not config.specs.is_dir() and config.output.is_dir():
                # Building from an sdist that ships the generated code but not the specs.
                self.app.display_info("specgen: no specs folder; using the generated code as is")
                return
            plan, notices = project_plan(config, Flags())
        except (PlanError, SpecError, OSError) as exc:
            text = exc.diagnostic.format() if isinstance(exc, SpecError) else str(exc)
            self.app.abort(f"specgen: {text}")
            return
        for notice in notices:
            self.app.display_warning(notice)
        reporter = Reporter(
            out=lambda line: self.app.display_info(f"specgen: {line}"),
            err=self.app.display_error,
        )
        if self.config.get("check", False):
            from generator.regenerate.check import check

            if not check(plan, toolchain=self.toolchain(), reporter=reporter).clean:
                self.app.abort("specgen: generated code is stale; run `specgen generate`")
            return
        from generator.regenerate.pipeline import generate

        if generate(plan, toolchain=self.toolchain(), reporter=reporter).failed:
            self.app.abort("specgen: generation failed; see the diagnostics above")


@hookimpl
def hatch_register_build_hook() -> type[SpecgenBuildHook]:
    return SpecgenBuildHook
