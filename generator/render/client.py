"""The client (and models) package of one target: templates plus the runtime, copied verbatim."""

from __future__ import annotations

from pathlib import Path

from generator.render.context import RenderContext

RUNTIME = Path(__file__).resolve().parent.parent / "runtime"


def runtime_files() -> dict[str, str]:
    """The runtime sources by file name, sorted (so output order is stable)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(RUNTIME.glob("*.py"))}


def client_models(ctx: RenderContext) -> list[str]:
    """Every model class the client module may name, sorted (ruff drops the unused ones)."""
    return sorted({name for op in ctx.api.operations for name in op.model_names})


def has_package(artefacts: frozenset[str]) -> bool:
    """Every artefact needs the client/models package (stubs import its models)."""
    return bool(artefacts & {"client", "models", "stubs"})


def render_package(
    ctx: RenderContext, artefacts: frozenset[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """(generated files, write-once files) of the client package except `models.py`, by path."""
    if not has_package(artefacts):
        return {}, {}
    root = f"client/src/{ctx.package}"
    header = f"# {ctx.header}\n"
    with_client = "client" in artefacts
    files = {
        "client/pyproject.toml": ctx.render("client/pyproject.toml.jinja"),
        "client/README.md": ctx.render("client/README.md.jinja", with_client=with_client),
        f"{root}/__init__.py": ctx.render("client/__init__.py.jinja", with_client=with_client),
        f"{root}/py.typed": "",
    }
    if with_client:
        files[f"{root}/_client.py"] = ctx.render(
            "client/_client.py.jinja", client_models=client_models(ctx)
        )
    for name, text in runtime_files().items():
        files[f"{root}/_runtime/{name}"] = header + text
    return files, {}
