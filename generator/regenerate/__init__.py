"""Regeneration: the write end of load -> validate -> IR -> render -> write.

Public API (import from the modules; this package imports nothing so `specgen` stays fast):

- `generator.regenerate.pipeline.generate(plan, *, force, jobs, toolchain, reporter) -> RunResult`
- `generator.regenerate.check.check(plan, *, jobs, toolchain, reporter) -> CheckResult`
- `generator.regenerate.plan.project_plan(config, flags)` / `adhoc_plan(specs, flags, anchor)`
- `generator.regenerate.watch.watch_loop(changes, settings, out_dir)`
- `generator.regenerate.job.Toolchain(render=..., validate=...)`: substitute stages
"""
