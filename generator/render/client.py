"""The client (and models) package of one target: templates plus the runtime, copied verbatim."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.render.context import RenderContext
from generator.render.models import generate_models

RUNTIME = Path(__file__).resolve().parent.parent / "runtime"


def runtime_files() -> dict[str, str]:
    """The runtime sources by file name, sorted (so output order is stable)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(RUNTIME.glob("*.py"))}


def client_models(ctx: RenderContext) -> list[str]:
    """Every model class the client module names, sorted."""
    names: set[str] = set()
    for op in ctx.api.operations:
        for param in op.parameters:
            names.update(param.type.models)
        if op.body:
            names.update(op.body.type.models)
        for response in op.responses:
            if response.is_success and response.type:
                names.update(response.type.models)
        if op.pagination:
            names.update(op.pagination.item_type.models)
            names.update(op.pagination.page_type.models)
    return sorted(names)


def render_package(
    ctx: RenderContext, artefacts: frozenset[str]
) -> tuple[dict[str, str], dict[str, str], tuple[Diagnostic, ...]]:
    """(generated files, write-once files, model warnings) of the client package, by path."""
    if not artefacts & {"client", "models", "stubs"}:
        return {}, {}, ()
    models = generate_models(ctx.api, ctx.package, ctx.spec)
    root = f"client/src/{ctx.package}"
    header = f"# {ctx.header}\n"
    with_client = "client" in artefacts
    files = {
        "client/pyproject.toml": ctx.render("client/pyproject.toml.jinja"),
        "client/README.md": ctx.render("client/README.md.jinja", with_client=with_client),
        f"{root}/__init__.py": ctx.render("client/__init__.py.jinja", with_client=with_client),
        f"{root}/py.typed": "",
        f"{root}/models.py": header + models.source,
    }
    if with_client:
        files[f"{root}/_client.py"] = ctx.render(
            "client/_client.py.jinja", client_models=client_models(ctx)
        )
    for name, text in runtime_files().items():
        files[f"{root}/_runtime/{name}"] = header + text
    return files, {}, models.diagnostics
