"""The client (and models) package of one target: templates plus the runtime, copied verbatim."""

from __future__ import annotations

from pathlib import Path

from generator.ir.model import Operation, SecurityScheme
from generator.render.context import RenderContext
from generator.render.literals import py_literal
from generator.render.memo import RenderMemo

RUNTIME = Path(__file__).resolve().parent.parent / "runtime"


def runtime_files() -> dict[str, str]:
    """The runtime sources by file name, sorted (so output order is stable)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(RUNTIME.glob("*.py"))}


def client_models(ctx: RenderContext) -> list[str]:
    """Every model class the client module may name, sorted (ruff drops the unused ones)."""
    return _models([m.operation for m in ctx.api.client.methods])


def _models(operations: list[Operation]) -> list[str]:
    return sorted({name for op in operations for name in op.model_names})


def client_schemes(ctx: RenderContext) -> list[SecurityScheme]:
    """The schemes the client applies (each has a constructor argument), in spec order."""
    return [s for s in ctx.api.security_schemes if s.python_name and s.client_kind]


def operation_security(ctx: RenderContext) -> dict[str, str | None]:
    """Each operation's security alternatives as a Python literal (by operation name).

    ``None`` when the spec declares no schemes: the client then sends ``token`` as a bearer
    token, as before. Schemes the client cannot apply (mutualTLS, undeclared names) are left
    out of an alternative: the http_client carries them, or the server refuses.
    """
    known = {s.name for s in client_schemes(ctx)}
    if not known:
        return {op.python_name: None for op in ctx.api.operations}
    result: dict[str, str | None] = {}
    for op in ctx.api.operations:
        alternatives = [
            tuple(name for name, _ in requirement.schemes if name in known)
            for requirement in op.security
        ]
        result[op.python_name] = _tuple(
            [_tuple([py_literal(n) for n in alt]) for alt in dict.fromkeys(alternatives)]
        )
    return result


def _tuple(items: list[str]) -> str:
    return "(" + "".join(f"{item}, " for item in items).rstrip(" ") + ")"


def has_package(artefacts: frozenset[str]) -> bool:
    """Every artefact needs the client/models package (stubs import its models)."""
    return bool(artefacts & {"client", "models", "stubs"})


def render_package(
    ctx: RenderContext, artefacts: frozenset[str], memo: RenderMemo | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(generated files, write-once files) of the client package except `models.py`, by path.
    `memo`: resource modules rendered by an earlier run of this process, reused when what they
    print is unchanged (see `generator.render.memo`)."""
    if not has_package(artefacts):
        return {}, {}
    root = f"client/src/{ctx.package}"
    header = f"# {ctx.header}\n"
    with_client = "client" in artefacts
    files = {
        "client/pyproject.toml": ctx.render("client/pyproject.toml.jinja"),
        "client/README.md": ctx.render(
            "client/README.md.jinja", with_client=with_client, schemes=client_schemes(ctx)
        ),
        f"{root}/__init__.py": ctx.render("client/__init__.py.jinja", with_client=with_client),
        f"{root}/py.typed": "",
    }
    if with_client:
        files[f"{root}/_client.py"] = ctx.render(
            "client/_client.py.jinja",
            client_models=client_models(ctx),
            schemes=client_schemes(ctx),
            op_security=operation_security(ctx),
        )
        files.update(_resource_modules(ctx, root, memo or RenderMemo(None, "resources", ())))
    for name, text in runtime_files().items():
        files[f"{root}/_runtime/{name}"] = header + text
    return files, {}


def _resource_modules(ctx: RenderContext, root: str, memo: RenderMemo) -> dict[str, str]:
    """`_resources/<name>.py` for each top-level resource (with the resources below it), and
    an empty package module: importing the package imports none of them."""
    tree = ctx.api.client
    if not tree.resources:
        return {}
    files = {
        f"{root}/_resources/__init__.py": f'# {ctx.header}\n"""The client\'s resources, one '
        'module each, imported when first used."""\n'
    }
    op_security = operation_security(ctx)
    schemes = client_schemes(ctx)
    for top in tree.resources:
        path = f"{root}/_resources/{top.module}.py"
        operations = [m.operation for r in top.walk() for m in r.methods]
        security = {op.python_name: op_security[op.python_name] for op in operations}
        # What the template prints: the Python spellings of the types (TypeRef.annotation),
        # never the schemas or examples the IR's equality leaves out.
        inputs = (top, schemes, security, ctx.api.title)
        text = memo.get(path, inputs, {})
        if text is None:
            text = ctx.render(
                "client/_resource.py.jinja",
                top=top,
                models=_models(operations),
                schemes=schemes,
                op_security=op_security,
            )
            memo.put(path, inputs, {}, text)
        files[path] = text
    memo.save()
    return files
