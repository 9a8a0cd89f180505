"""The TypeScript client package of one target (`client-ts/`): an npm package whose sources
are the templates in `templates/client-ts/`, the models printed from the typed IR by
`generator.printers.typescript`, and the runtime in `generator/runtime_ts/`, copied verbatim.

The renderer decides every TypeScript name and type here (camelCase methods and arguments,
printed types), so the templates only loop and print.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import naming
from generator.ir.model import (
    Api,
    Method,
    Operation,
    Parameter,
    Resource,
    Response,
    ServerVariable,
    TypeRef,
)
from generator.ir.types import ANY_TYPE, AnyType, TypeExpr, union
from generator.printers.typescript import (
    NO_VARIANTS,
    TypeScriptTypes,
    Variants,
    doc_comment,
    one_way_variants,
    print_models,
    property_key,
    ts_string,
)
from generator.render.context import RenderContext

RUNTIME_TS = Path(__file__).resolve().parent.parent / "runtime_ts"
ROOT = "client-ts"

# Members of the runtime's BaseClient a generated method must not shadow, and `then` (a
# client with a `then` method would be mistaken for a promise by `await`).
_CLIENT_MEMBERS = frozenset(
    {
        "constructor",
        "request",
        "paginate",
        "transport",
        "baseUrl",
        "timeoutMs",
        "maxRetries",
        "then",
    }
)
# Members of the runtime's APIResource a generated method or sub-resource must not shadow.
_RESOURCE_MEMBERS = frozenset({"constructor", "request", "paginate", "transport", "then"})
# The models are imported as a namespace, so a model named `Page` or `Client` cannot clash.
_MODELS = "M"
_TYPES = TypeScriptTypes(ref=lambda name: f"{_MODELS}.{name}")
_JSON_MEDIA = re.compile(r"(^application/json$)|(\+json$)|(^application/.*json)", re.I)


def camel(name: str) -> str:
    """camelCase from any spelling: `list_jobs` → `listJobs`, `$filter` → `filter`."""
    parts = [w for w in naming.words(name) if w]
    if not parts:
        return "value"
    text = parts[0][:1].lower() + parts[0][1:] + "".join(w[:1].upper() + w[1:] for w in parts[1:])
    return f"_{text}" if text[0].isdigit() else text


def _unique(name: str, taken: set[str]) -> str:
    candidate, counter = name, 2
    while candidate in taken:
        candidate, counter = f"{name}{counter}", counter + 1
    taken.add(candidate)
    return candidate


def runtime_files() -> dict[str, str]:
    """The runtime sources by file name, sorted (so output order is stable)."""
    sources = [p for p in sorted(RUNTIME_TS.glob("*.ts")) if not p.name.endswith(".d.ts")]
    return {p.name: p.read_text(encoding="utf-8") for p in sources}


def print_type(ref: TypeRef | None, types: TypeScriptTypes = _TYPES) -> str:
    return "void" if ref is None else types.print(ref.expr)


@dataclass(frozen=True)
class _Direction:
    """The printers of what a request carries (read-only properties left out) and of what a
    response carries (write-only ones left out); see `printers.typescript.Variants`."""

    request: TypeScriptTypes = _TYPES
    response: TypeScriptTypes = _TYPES
    # operation id -> the PascalCase stem of its error names, unique in the API
    error_names: Mapping[str, str] = field(default_factory=dict)

    @staticmethod
    def of(api: Api, variants: Variants) -> _Direction:
        prefix = f"{_MODELS}."
        taken: set[str] = set()
        names = {
            op.operation_id: naming.unique(naming.pascal(op.operation_id), taken)
            for op in api.operations
        }
        return _Direction(variants.request_types(prefix), variants.response_types(prefix), names)


@dataclass(frozen=True)
class TsArgument:
    """One property of an operation's argument object."""

    name: str
    wire_name: str
    location: str  # path | query | header | cookie | body
    required: bool
    type: str
    description: str
    deprecated: bool = False
    explode: bool = True
    style: str = ""

    @property
    def key(self) -> str:
        return property_key(self.name)

    @property
    def wire_key(self) -> str:
        return property_key(self.wire_name)

    @property
    def wire_literal(self) -> str:
        return ts_string(self.wire_name)


@dataclass(frozen=True)
class TsPagination:
    style: str
    items: str
    next: str | None
    cursor_param: str | None
    item_type: str
    page_type: str


@dataclass(frozen=True)
class TsOperation:
    """An operation as the TypeScript templates print it."""

    op: Operation
    name: str
    arguments: tuple[TsArgument, ...]
    returns: str
    response_kind: str  # json | any | text | binary | none
    secured: bool
    pagination: TsPagination | None
    call: str = ""  # how a user reaches it from the client: "customers.sources.list"
    # The error bodies it declares: (key as printed: `404`, `"4XX"`, `default`, type).
    errors: tuple[tuple[str, str], ...] = ()
    errors_type: str = ""  # "GetJobErrors": the interface of `errors`
    errors_guard: str = ""  # "isGetJobError": its type guard

    @property
    def args_required(self) -> bool:
        return any(a.required for a in self.arguments)

    def located(self, location: str) -> tuple[TsArgument, ...]:
        return tuple(a for a in self.arguments if a.location == location)

    @property
    def body(self) -> TsArgument | None:
        return next((a for a in self.arguments if a.location == "body"), None)


@dataclass(frozen=True)
class TsResource:
    """A resource of the client tree (`generator.ir.resources`) with its TypeScript names."""

    name: str  # the getter on its parent: "sources"
    class_name: str  # "CustomersSourcesResource"
    path: str  # from the client: "customers.sources"
    operations: tuple[TsOperation, ...]
    resources: tuple[TsResource, ...] = ()

    def walk(self) -> tuple[TsResource, ...]:
        """This resource and every resource below it, parents first."""
        return (self, *(r for child in self.resources for r in child.walk()))


@dataclass(frozen=True)
class TsServerVariable:
    name: str
    variable: ServerVariable

    @property
    def type(self) -> str:
        values = self.variable.enum
        return " | ".join(ts_string(v) for v in values) if values else "string"


@dataclass(frozen=True)
class TsApi:
    package_name: str
    version: str
    operations: tuple[TsOperation, ...]
    server_url: str
    server_variables: tuple[TsServerVariable, ...]
    token_url: str | None
    scopes: tuple[str, ...]
    resources: tuple[TsResource, ...] = ()

    @property
    def all_resources(self) -> tuple[TsResource, ...]:
        return tuple(r for top in self.resources for r in top.walk())

    @property
    def all_operations(self) -> tuple[TsOperation, ...]:
        """The client's operations, then each resource's (parents first)."""
        return self.operations + tuple(t for r in self.all_resources for t in r.operations)


def _response_kind(response: Response | None) -> str:
    if response is None or response.media_type is None or response.type is None:
        return "none"
    media = response.media_type.split(";")[0].strip()
    if _JSON_MEDIA.search(media):
        # A schema that accepts anything: the Content-Type decides (FastAPI's file routes).
        return "any" if isinstance(response.type.expr, AnyType) else "json"
    if media.startswith("text/") or media in (
        "application/xml",
        "application/x-www-form-urlencoded",
    ):
        return "text"
    return "binary"


def _returns(op: Operation, kind: str, types: TypeScriptTypes = _TYPES) -> str:
    if kind == "none":
        return "void"
    if kind == "binary":
        return "Blob"
    if kind == "text":
        return "string"
    exprs: list[TypeExpr] = [
        r.type.expr for r in op.responses if r.is_success and r.type is not None
    ]
    return types.print(union(exprs) if exprs else ANY_TYPE)


def _parameter(p: Parameter, name: str, types: TypeScriptTypes = _TYPES) -> TsArgument:
    return TsArgument(
        name=name,
        wire_name=p.wire_name,
        location=p.location,
        required=p.required,
        type=types.print(p.type.expr),
        description=p.description,
        deprecated=p.deprecated,
        explode=p.explode,
        style=p.style,
    )


def ts_operation(
    op: Operation,
    taken: set[str],
    method_name: str | None = None,
    reserved: frozenset[str] = _CLIENT_MEMBERS,
    prefix: str = "",
    direction: _Direction = _Direction(),
) -> TsOperation:
    """`op` as a TypeScript method named after `method_name` (default: its Python name),
    unique in `taken` and clear of the owner's `reserved` members."""
    name = camel(method_name or op.python_name)
    if name in reserved:
        name += "Operation"
    argument_names: set[str] = {"body"} if op.body else set()
    arguments = [
        _parameter(p, _unique(camel(p.python_name), argument_names), direction.request)
        for p in op.parameters
    ]
    if op.body is not None:
        body_type = direction.request.print(op.body.type.expr)
        if op.body.kind == "binary":
            body_type = "BodyInit"
        elif op.body.kind == "multipart":
            body_type = f"{body_type} | FormData"
        elif op.body.kind == "text":
            body_type = "string"
        description = f"Request body ({op.body.media_type}). {op.body.description}".strip()
        arguments.append(
            TsArgument("body", "body", "body", op.body.required, body_type, description)
        )
    kind = _response_kind(op.success)
    pagination = None
    if op.pagination is not None:
        pagination = TsPagination(
            style=op.pagination.style,
            items=op.pagination.items,
            next=op.pagination.next,
            cursor_param=op.pagination.cursor_param,
            item_type=print_type(op.pagination.item_type, direction.response),
            page_type=print_type(op.pagination.page_type, direction.response),
        )
    name = _unique(name, taken)
    errors = _error_bodies(op, direction.response)
    pascal = direction.error_names.get(op.operation_id) or naming.pascal(op.operation_id)
    return TsOperation(
        op=op,
        name=name,
        call=prefix + name,
        arguments=tuple(arguments),
        returns=_returns(op, kind, direction.response),
        response_kind=kind,
        secured=any(r.schemes for r in op.security),
        pagination=pagination,
        errors=errors,
        errors_type=f"{pascal}Errors" if errors else "",
        errors_guard=f"is{pascal}Error" if errors else "",
    )


def _error_bodies(op: Operation, types: TypeScriptTypes) -> tuple[tuple[str, str], ...]:
    """(key, body type) of each error response of `op` that declares a JSON body."""
    found: list[tuple[str, str]] = []
    for r in op.responses:
        if r.is_success or r.is_redirect or r.type is None or not r.media_type:
            continue
        if not _JSON_MEDIA.search(r.media_type.split(";")[0].strip()):
            continue
        status = r.status.upper() if r.status != "default" else "default"
        key = status if status.isdigit() or status == "default" else ts_string(status)
        found.append((key, types.print(r.type.expr)))
    return tuple(found)


def npm_version(version: str) -> str:
    """A semver version for package.json from the spec's (`v1` → `1.0.0`, else 0.0.0)."""
    text = version.strip().lstrip("vV")
    match = re.fullmatch(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if not match:
        return "0.0.0"
    return ".".join(str(int(part or 0)) for part in match.groups())


def npm_name(name: str) -> str:
    """An npm package name (lower case, URL-safe) from the target name."""
    return re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-._") or "api"


def _ts_methods(
    methods: tuple[Method, ...],
    taken: set[str],
    reserved: frozenset[str],
    prefix: str,
    direction: _Direction,
) -> tuple[TsOperation, ...]:
    return tuple(
        ts_operation(m.operation, taken, m.name, reserved, prefix, direction) for m in methods
    )


def _ts_member(name: str, reserved: frozenset[str], taken: set[str]) -> str:
    """A getter name for a resource: camelCase, clear of the owner's members, unique."""
    found = camel(name)
    return _unique(found + "Resource" if found in reserved else found, taken)


def _ts_resource(resource: Resource, name: str, prefix: str, direction: _Direction) -> TsResource:
    path = prefix + name
    taken = set(_RESOURCE_MEMBERS)
    children = [(r, _ts_member(r.name, _RESOURCE_MEMBERS, taken)) for r in resource.resources]
    return TsResource(
        name=name,
        class_name=resource.class_name,
        path=path,
        operations=_ts_methods(resource.methods, taken, _RESOURCE_MEMBERS, path + ".", direction),
        resources=tuple(_ts_resource(r, n, path + ".", direction) for r, n in children),
    )


def ts_api(api: Api, variants: Variants = NO_VARIANTS) -> TsApi:
    direction = _Direction.of(api, variants)
    taken = set(_CLIENT_MEMBERS)
    tree = api.client
    # Resources first: a resource wins its name over a method (as in the Python client).
    tops = [(r, _ts_member(r.name, _CLIENT_MEMBERS, taken)) for r in tree.resources]
    operations = _ts_methods(tree.methods, taken, _CLIENT_MEMBERS, "", direction)
    server = api.server
    variable_names = {"baseUrl", "token", "fetch", "timeoutMs", "maxRetries", "headers"}
    variables = tuple(
        TsServerVariable(_unique(camel(v.name), variable_names), v)
        for v in (server.variables if server else ())
    )
    flow = api.client_credentials
    return TsApi(
        package_name=npm_name(naming.api_name(api.name, api.title)),
        version=npm_version(api.version),
        operations=operations,
        server_url=server.url if server else "",
        server_variables=variables,
        token_url=flow.token_url if flow else None,
        scopes=tuple(scope for scope, _ in flow.scopes) if flow else (),
        resources=tuple(_ts_resource(r, name, "", direction) for r, name in tops),
    )


def render_client_ts(ctx: RenderContext) -> dict[str, str]:
    """Every file of `client-ts/`, by path relative to the target folder."""
    variants = one_way_variants(ctx.api.model_classes)
    # The package's version is the Python packages' (`package-version` wins over the spec's).
    ts = replace(ts_api(ctx.api, variants), version=npm_version(ctx.version))
    # The two helpers the TypeScript templates print with (idempotent: same functions each time).
    ctx.env.filters["tsstr"] = ts_string
    ctx.env.globals["doc"] = doc_comment
    header = f"// {ctx.header}\n"
    files = {
        f"{ROOT}/package.json": ctx.render("client-ts/package.json.jinja", ts=ts),
        f"{ROOT}/tsconfig.json": ctx.render("client-ts/tsconfig.json.jinja", ts=ts),
        f"{ROOT}/README.md": ctx.render("client-ts/README.md.jinja", ts=ts),
        f"{ROOT}/.gitignore": "node_modules/\ndist/\n",
        f"{ROOT}/src/index.ts": ctx.render("client-ts/index.ts.jinja", ts=ts),
        f"{ROOT}/src/client.ts": ctx.render("client-ts/client.ts.jinja", ts=ts),
        f"{ROOT}/src/models.ts": header + _models_source(ctx.api, variants),
    }
    for name, text in runtime_files().items():
        files[f"{ROOT}/src/runtime/{name}"] = header + text
    return files


def _models_source(api: Api, variants: Variants) -> str:
    if not api.model_classes:
        return "export {};\n"
    return "\n" + print_models(api.model_classes, variants)
