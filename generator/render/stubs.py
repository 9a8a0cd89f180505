"""The FastAPI server package of one target: routes, a typed service interface, error envelopes.

Everything a template prints is decided here from the IR (annotations, FastAPI parameter
markers, constraints, documented responses, error shapes), so the templates only loop.
The server imports the client package's models, so both sides validate with the same classes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator import naming
from generator.ir.model import Api, Envelopes, Operation, SecurityScheme
from generator.render.context import RenderContext
from generator.render.literals import py_literal
from generator.render.memo import Recorded, RenderMemo, render_file
from generator.render.stub_params import ParamView, param_view
from generator.server_runtime._http import body_allowed, split_key
from generator.values.schema import Schemas

_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # the placeholders Starlette reads


SERVER_RUNTIME = Path(__file__).resolve().parent.parent / "server_runtime"


@dataclass(frozen=True)
class BodyView:
    annotation: str  # what the handler receives
    model: str  # the type validated strictly from the raw JSON
    required: bool
    kind: str  # json | binary | text | form | multipart
    media_type: str
    description: str
    media_types: tuple[str, ...] = ()  # every declared one: another is refused (415)


@dataclass(frozen=True)
class ResponseView:
    key: str  # Python literal of the `responses=` key (int or "4XX"/"default")
    description: str
    model: str | None


@dataclass(frozen=True)
class RouteView:
    op: Operation
    path: str  # the key as FastAPI reads it (placeholders renamed to identifiers)
    params: tuple[ParamView, ...]
    body: BodyView | None
    status: int
    response_model: str | None
    response_description: str
    response_class: str
    media_type: str
    responses: tuple[ResponseView, ...]
    returns: str  # the interface method's return annotation
    # (status key literal, model) of each JSON response whose body the server checks
    contract: tuple[tuple[str, str], ...]
    security: tuple[tuple[str, ...], ...]  # alternatives of scheme names; () = open
    openapi_security: str  # Python literal of the operation's OpenAPI `security`
    documents_validation_status: bool


@dataclass(frozen=True)
class SchemeView:
    name: str
    kind: str  # bearer | basic | apiKey
    location: str  # header | query | cookie (apiKey)
    parameter: str
    openapi: str  # Python literal of the securitySchemes entry


@dataclass(frozen=True)
class MediaClass:
    name: str
    media_type: str


def render_stubs(
    ctx: RenderContext, memo: RenderMemo | None = None, routes_memo: RenderMemo | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(generated files, write-once files) of the server package, by path in the target.
    `memo`, `routes_memo`: files and route views an earlier run of this process rendered,
    reused when what they are made from is unchanged (see `generator.render.memo`)."""
    api = ctx.api
    envelopes = api.envelopes
    assert envelopes is not None, "build_api decides the error envelopes"
    memo = memo or RenderMemo(None, "stubs", ())
    media = _media_classes(api, envelopes)
    schemes = _schemes(api)
    routes = _routes(api, media, schemes, envelopes.validation_status, routes_memo)
    # Everything the templates are given besides `ctx` and `api` follows from these.
    given = (routes, envelopes, tuple(media.values()), tuple(schemes.values()))

    def extra() -> dict[str, object]:
        return {
            "routes": routes,
            "envelopes": envelopes,
            "media_classes": given[2],
            "schemes": given[3],
            "models": sorted(_models(routes)),
            "request_name": _request_name(routes),
        }

    def app() -> dict[str, object]:
        return {**extra(), "routes": registration_order(routes)}

    # The files given the routes are kept while all of it is (compared once, not per file).
    with_routes = memo.within("routes", given)

    def render(path: str, template: str, make: Callable[[], Mapping[str, object]]) -> str:
        kept = memo if make is dict else with_routes
        return render_file(kept, ctx, path, f"server/{template}.jinja", (), make)

    root = f"server/src/{ctx.server_package}"
    files = {
        "server/pyproject.toml": render("server/pyproject.toml", "pyproject.toml", dict),
        "server/README.md": render("server/README.md", "README.md", extra),
        f"{root}/__init__.py": render(f"{root}/__init__.py", "__init__.py", dict),
        f"{root}/__main__.py": render(f"{root}/__main__.py", "__main__.py", dict),
        f"{root}/py.typed": "",
        f"{root}/errors.py": render(f"{root}/errors.py", "errors.py", extra),
        f"{root}/interface.py": render(f"{root}/interface.py", "interface.py", extra),
        f"{root}/security.py": render(f"{root}/security.py", "security.py", extra),
        f"{root}/app.py": render(f"{root}/app.py", "app.py", app),
    }
    header = f"# {ctx.header}\n"
    for name, text in server_runtime_files().items():
        files[f"{root}/_runtime/{name}"] = header + text
    path = f"{root}/implementation.py"
    once = {path: render(path, "implementation.py", extra)}
    memo.save()
    with_routes.save()
    return files, once


def _routes(
    api: Api,
    media: dict[str, MediaClass],
    schemes: dict[str, SchemeView],
    validation_status: int,
    memo: RenderMemo | None,
) -> tuple[RouteView, ...]:
    """Each operation's view; with `memo`, the view an earlier run made for an equal operation
    (the same object, so the files printing the routes compare them by identity) when the
    parameter schemas and every named schema it resolved are equal too (the IR's equality
    leaves schemas and language-neutral types out)."""
    components = Schemas(api.models_document).components
    # What every route is made with besides its operation.
    shared = (tuple(media.items()), tuple(schemes.items()), validation_status)
    memo = (memo or RenderMemo(None, "routes", ())).within("views", shared)
    routes = []
    for op in api.operations:
        inputs = (
            op,
            tuple(p.schema for p in op.parameters),
            tuple(p.type.expr for p in op.parameters),
        )
        kept = memo.get(op.pointer, inputs, components)
        if kept is None:
            looked_up = Recorded(components)
            schemas = Schemas(api.models_document)
            schemas.__dict__["components"] = looked_up  # the cached property, noting reads
            kept = _route(op, schemas, media, schemes, validation_status)
            memo.put(op.pointer, inputs, looked_up.reads, kept)
        routes.append(kept)
    memo.save()
    return tuple(routes)


def registration_order(routes: tuple[RouteView, ...]) -> tuple[RouteView, ...]:
    """The author's order, except that a key declaring a query (`/v1/messages?beta=true`)
    comes just before the first plain key of its real path and method: the first route that
    matches a request serves it, and the plain one would take the query's requests too."""
    qualified: dict[tuple[str, str], list[RouteView]] = {}
    for route in routes:
        path, declared = split_key(route.op.path)
        if declared:
            qualified.setdefault((route.op.method, path), []).append(route)
    ordered: list[RouteView] = []
    placed: set[str] = set()  # operation ids
    for route in routes:
        path, declared = split_key(route.op.path)
        early = [] if declared else qualified.pop((route.op.method, path), [])
        for each in [*early, route]:
            if each.op.operation_id not in placed:
                placed.add(each.op.operation_id)
                ordered.append(each)
    return tuple(ordered)


def server_runtime_files() -> dict[str, str]:
    """The server runtime's sources by file name, sorted (so output order is stable)."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SERVER_RUNTIME.glob("*.py"))}


def _route(
    op: Operation,
    schemas: Schemas,
    media: dict[str, MediaClass],
    schemes: dict[str, SchemeView],
    validation_status: int,
) -> RouteView:
    success = op.success
    status = success.status_code if success and success.status_code else 200
    success_model = _response_model(success.type.annotation if success and success.type else None)
    if not _body_allowed(status):
        success_model = None  # a 204 declared with a body: FastAPI refuses the model
    media_type = _route_media(op)
    responses = tuple(
        ResponseView(
            key=py_literal(r.status_code) if r.status_code else py_literal(r.status),
            description=r.description or r.status,
            model=_response_model(r.type.annotation if r.type else None)
            if _body_allowed(r.status_code)
            else None,
        )
        for r in op.responses
        if r is not success
    )
    contract = _contract(op)
    security = tuple(
        tuple(name for name, _ in requirement.schemes)
        for requirement in op.security
        if all(name in schemes for name, _ in requirement.schemes)
    )
    # An empty alternative means anonymous access is allowed: nothing to enforce.
    if any(not alternative for alternative in security) or not op.security:
        security = ()
    path, placeholders = _route_path(op.path)
    params = tuple(param_view(p, schemas) for p in op.ordered_parameters)
    params = tuple(
        replace(p, alias=placeholders.get(p.wire_name, p.wire_name)) if p.marker == "Path" else p
        for p in params
    )
    return RouteView(
        op=op,
        path=path,
        params=params,
        body=_body(op),
        status=status,
        response_model=success_model,
        response_description=(success.description if success else "") or "Successful Response",
        response_class=media[media_type].name,
        media_type=media_type,
        responses=responses,
        returns=f"{op.return_type.annotation} | Reply",
        contract=contract,
        security=security,
        openapi_security=py_literal(
            [{name: list(scopes) for name, scopes in r.schemes} for r in op.security]
        ),
        documents_validation_status=any(
            r.status in (str(validation_status), "4XX", "default") for r in op.responses
        ),
    )


def _route_path(key: str) -> tuple[str, dict[str, str]]:
    """The key with every path placeholder that is not an identifier renamed to one
    (`{enterprise-team}` -> `{enterprise_team}`: Starlette reads only identifiers and would
    take the braces literally), and the new name of each renamed placeholder."""
    names = _PLACEHOLDER.findall(key.partition("?")[0])
    taken = {name for name in names if _IDENTIFIER.fullmatch(name)}
    renamed: dict[str, str] = {}
    for name in names:
        if not _IDENTIFIER.fullmatch(name) and name not in renamed:
            base = re.sub(r"[^A-Za-z0-9_]", "_", name)
            base = base if _IDENTIFIER.fullmatch(base) else f"p_{base}"
            renamed[name] = naming.unique(base, taken)
    path, mark, query = key.partition("?")
    for name, new in renamed.items():
        path = path.replace("{" + name + "}", "{" + new + "}")
    return path + mark + query, renamed


# JSON proper (`application/json`, `...+json`); not JSON Lines (`application/x-jsonl`).
def _contract(op: Operation) -> tuple[tuple[str, str], ...]:
    """The body model checked per declared status. A status the spec declares whose body is
    not checked (no schema, any value, not JSON) is listed with ``None``: otherwise its body
    would be checked against ``default`` (Slack's 200s that declare only `items` were checked
    against the error schema and answered 500). Nothing when no status has a model."""
    models: dict[str, str] = {}
    for r in op.responses:
        key = py_literal(r.status_code) if r.status_code else py_literal(r.status)
        model = (
            _response_model(r.type.annotation if r.type else None)
            if _body_allowed(r.status_code)
            and r.media_type
            and _JSON_MEDIA.search(r.media_type.split(";")[0].strip())
            else None
        )
        if model in ("bytes", "str"):
            model = None
        if model is not None or key not in models:
            models[key] = model or "None"
    if all(model == "None" for model in models.values()):
        return ()
    return tuple(models.items())


_JSON_MEDIA = re.compile(r"^application/json$|\+json$", re.IGNORECASE)


def _body_allowed(status: int | None) -> bool:
    return status is None or body_allowed(status)


def _response_model(annotation: str | None) -> str | None:
    return None if annotation in (None, "None", "Any") else annotation


def _route_media(op: Operation) -> str:
    success = op.success
    if success and success.media_type:
        return success.media_type
    return next((r.media_type for r in op.responses if r.media_type), "application/json")


def _body(op: Operation) -> BodyView | None:
    body = op.body
    if body is None:
        return None
    model = {"binary": "bytes", "text": "str"}.get(body.kind, body.type.annotation)
    if body.kind in ("form", "multipart"):
        model = "dict[str, Any]"
    annotation = model if body.required else f"{model} | None"
    return BodyView(
        annotation=annotation,
        model=model,
        required=body.required,
        kind=body.kind,
        media_type=body.media_type,
        description=body.description,
        media_types=tuple(choice.media_type for choice in body.choices),
    )


def _media_classes(api: Api, envelopes: Envelopes) -> dict[str, MediaClass]:
    media_types = [_route_media(op) for op in api.operations]
    media_types += [use.media_type for _, uses in envelopes.operations for use in uses]
    media_types.append(envelopes.default_media_type)
    taken: set[str] = set()
    result: dict[str, MediaClass] = {}
    for media_type in dict.fromkeys(media_types):
        name = naming.unique(naming.pascal(media_type, fallback="Media") + "Response", taken)
        result[media_type] = MediaClass(name, media_type)
    return result


def _schemes(api: Api) -> dict[str, SchemeView]:
    """The security schemes the server can check: bearer tokens, basic auth and API keys."""
    result = {}
    for scheme in api.security_schemes:
        kind = _scheme_kind(scheme)
        if kind is None:
            continue
        result[scheme.name] = SchemeView(
            name=scheme.name,
            kind=kind,
            location=scheme.location or "header",
            parameter=scheme.parameter_name,
            openapi=py_literal(_scheme_document(scheme)),
        )
    return result


def _scheme_kind(scheme: SecurityScheme) -> str | None:
    if scheme.uses_bearer_token:
        return "bearer"
    if scheme.kind == "http" and scheme.scheme.lower() == "basic":
        return "basic"
    if scheme.kind == "apiKey" and scheme.parameter_name:
        return "apiKey"
    return None


def _scheme_document(scheme: SecurityScheme) -> dict[str, Any]:
    """The scheme as an OpenAPI securitySchemes entry, for the app's /openapi.json."""
    doc: dict[str, Any] = {"type": scheme.kind}
    if scheme.description:
        doc["description"] = scheme.description
    if scheme.kind == "http":
        doc["scheme"] = scheme.scheme
        if scheme.bearer_format:
            doc["bearerFormat"] = scheme.bearer_format
    if scheme.kind == "apiKey":
        doc["in"] = scheme.location
        doc["name"] = scheme.parameter_name
    if scheme.kind == "oauth2":
        flows: dict[str, Any] = {}
        for flow in scheme.flows:
            entry: dict[str, Any] = {"scopes": dict(flow.scopes)}
            if flow.authorization_url:
                entry["authorizationUrl"] = flow.authorization_url
            if flow.token_url:
                entry["tokenUrl"] = flow.token_url
            if flow.refresh_url:
                entry["refreshUrl"] = flow.refresh_url
            flows[flow.kind] = entry
        doc["flows"] = flows
    return doc


def _models(routes: tuple[RouteView, ...]) -> set[str]:
    # Ruff drops the names the app does not use.
    return {name for route in routes for name in route.op.model_names}


def _request_name(routes: tuple[RouteView, ...]) -> str:
    """A name for the handlers' `Request` argument that no parameter uses."""
    taken = {p.python_name for route in routes for p in route.params} | {"body"}
    return naming.unique("http_request", taken)
