"""The client (and models) package of one target: templates plus the runtime, copied verbatim."""

from __future__ import annotations

from pathlib import Path

from generator.ir.model import Operation, Resource, SecurityScheme
from generator.render.context import RenderContext
from generator.render.literals import py_literal
from generator.render.memo import RenderMemo, render_file

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
    ctx: RenderContext,
    artefacts: frozenset[str],
    memo: RenderMemo | None = None,
    files_memo: RenderMemo | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """(generated files, write-once files) of the client package except `models.py`, by path.
    `memo`: resource modules rendered by an earlier run of this process, reused when what they
    print is unchanged; `files_memo` the same for the package's other files (see
    `generator.render.memo`)."""
    if not has_package(artefacts):
        return {}, {}
    files_memo = files_memo or RenderMemo(None, "client", ())
    root = f"client/src/{ctx.package}"
    header = f"# {ctx.header}\n"
    with_client = "client" in artefacts
    schemes = client_schemes(ctx)

    def render(path: str, template: str, **extra: object) -> str:
        inputs = tuple(extra.items())
        return render_file(files_memo, ctx, path, f"client/{template}.jinja", inputs, lambda: extra)

    files = {
        "client/pyproject.toml": render("client/pyproject.toml", "pyproject.toml"),
        "client/README.md": render(
            "client/README.md", "README.md", with_client=with_client, schemes=schemes
        ),
        f"{root}/__init__.py": render(
            f"{root}/__init__.py", "__init__.py", with_client=with_client
        ),
        f"{root}/py.typed": "",
    }
    if with_client:
        files[f"{root}/_client.py"] = render(
            f"{root}/_client.py",
            "_client.py",
            client_models=client_models(ctx),
            schemes=schemes,
            op_security=operation_security(ctx),
        )
        files.update(_resource_modules(ctx, root, memo or RenderMemo(None, "resources", ())))
    files_memo.save()
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

        def given(
            top: Resource = top,
            operations: list[Operation] = operations,
            security: dict[str, str | None] = security,
        ) -> dict[str, object]:
            return {
                "top": top,
                "models": _models(operations),
                "schemes": schemes,
                "op_security": security,
            }

        # What the template prints: the Python spellings of the types (TypeRef.annotation),
        # never the schemas or examples the IR's equality leaves out; `op_security` holds
        # the resource's own operations only, so no other operation can reach the file.
        inputs = (top, schemes, security)
        files[path] = render_file(memo, ctx, path, "client/_resource.py.jinja", inputs, given)
    memo.save()
    return files
