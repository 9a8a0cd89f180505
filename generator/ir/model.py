"""The intermediate representation: what every renderer and checker reads.

Frozen dataclasses with every Python name, annotation, import and order already decided, so
templates only loop and print. Raw spec dicts never reach a template.

Equality sees every field (no `compare=False`; `tests/ir/test_held.py` checks it): the memos
of a long-lived process compare IR values with `==`, and a field equality skipped would be one
each of them had to add to its key by hand. JSON-valued fields (schemas, examples) are left
out of the hash only (a dict has none). What a cache must also check because it can change
after the build, the dicts and lists these hold, `generator.ir.held` finds from the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from generator.ir.types import ANY_TYPE, ModelClass, TypeExpr

ParamLocation = Literal["path", "query", "header", "cookie"]
BodyKind = Literal["json", "form", "multipart", "binary", "text"]


@dataclass(frozen=True)
class TypeRef:
    """The type of a parameter, body, response or header.

    `expr` is the language-neutral type (see `generator.ir.types`); `annotation` is its Python
    spelling, printed once by `generator.printers.python`, and `models` the model classes it
    names (for imports).
    """

    annotation: str
    models: tuple[str, ...] = ()
    # True when the annotation is a pydantic model class (so the client may accept a dict too).
    is_model: bool = False
    expr: TypeExpr = ANY_TYPE


ANY = TypeRef("Any")


@dataclass(frozen=True)
class ServerVariable:
    name: str
    python_name: str
    default: str
    enum: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Server:
    url: str
    description: str = ""
    variables: tuple[ServerVariable, ...] = ()


@dataclass(frozen=True)
class OAuthFlow:
    kind: str  # clientCredentials | authorizationCode | implicit | password
    token_url: str = ""
    authorization_url: str = ""
    refresh_url: str = ""
    scopes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    kind: str  # http | oauth2 | openIdConnect | apiKey | mutualTLS
    scheme: str = ""  # for http: bearer, basic, ...
    bearer_format: str = ""
    location: str = ""  # for apiKey: header | query | cookie
    parameter_name: str = ""  # for apiKey: the header/query/cookie name
    description: str = ""
    flows: tuple[OAuthFlow, ...] = ()
    open_id_connect_url: str = ""
    # The client constructor argument taking this scheme's credential ("" for mutualTLS,
    # which is configured on the http_client instead).
    python_name: str = ""

    @property
    def client_kind(self) -> str:
        """How the client sends the credential: bearer | basic | api_key | http | "" (not)."""
        if self.kind in ("oauth2", "openIdConnect"):
            return "bearer"
        if self.kind == "http":
            scheme = self.scheme.lower()
            return scheme if scheme in ("bearer", "basic") else "http"
        if self.kind == "apiKey" and self.location in ("header", "query", "cookie"):
            return "api_key"
        return ""

    @property
    def uses_bearer_token(self) -> bool:
        return self.kind in ("oauth2", "openIdConnect") or (
            self.kind == "http" and self.scheme.lower() == "bearer"
        )

    @property
    def client_credentials(self) -> OAuthFlow | None:
        return next((f for f in self.flows if f.kind == "clientCredentials"), None)


@dataclass(frozen=True)
class SecurityRequirement:
    """One alternative: all these schemes together, with the scopes each needs."""

    schemes: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Parameter:
    wire_name: str
    python_name: str
    location: ParamLocation
    required: bool
    type: TypeRef
    description: str = ""
    deprecated: bool = False
    default: Any = None
    explode: bool = True
    style: str = ""
    schema: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    @property
    def default_style(self) -> str:
        return "simple" if self.location in ("path", "header") else "form"

    @property
    def is_styled(self) -> bool:
        """True when style or explode differ from the location's default (the client then
        wraps the value in ``styled(...)``)."""
        style = self.style or self.default_style
        return style != self.default_style or self.explode != (style == "form")


@dataclass(frozen=True)
class RequestBody:
    media_type: str
    kind: BodyKind
    type: TypeRef
    required: bool
    description: str = ""
    schema: dict[str, Any] | None = field(default=None, hash=False, repr=False)
    # The other declared media types (the caller picks one with `content_type=`).
    alternatives: tuple[RequestBody, ...] = ()
    # From the media type's `encoding` object: (property, part content type) for multipart,
    # (property, style, explode) for forms.
    part_types: tuple[tuple[str, str], ...] = ()
    styles: tuple[tuple[str, str, bool], ...] = ()

    @property
    def choices(self) -> tuple[RequestBody, ...]:
        """This body and its alternatives, preferred first."""
        return (self, *self.alternatives)

    @property
    def accepts_mapping(self) -> bool:
        """Whether the caller may pass a plain mapping besides the declared type."""
        return self.type.is_model or self.kind in ("form", "multipart")

    @property
    def union_type(self) -> TypeRef:
        """What `body=` accepts across every declared media type."""
        types = [b.type for b in self.choices]
        annotations = list(dict.fromkeys(t.annotation for t in types))
        models = tuple(sorted({m for t in types for m in t.models}))
        if len(annotations) == 1:
            return TypeRef(annotations[0], models, self.type.is_model)
        return TypeRef(" | ".join(annotations), models)


@dataclass(frozen=True)
class Header:
    wire_name: str
    python_name: str
    type: TypeRef
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class Response:
    status: str  # "200", "4XX", "default"
    description: str
    media_type: str | None
    type: TypeRef | None  # None: no body (or a body the client does not parse)
    headers: tuple[Header, ...] = ()
    examples: tuple[tuple[str, Any], ...] = field(default=(), hash=False)
    # The body schema with refs into `Api.models_document` (for mocks and synthesis).
    schema: dict[str, Any] | None = field(default=None, hash=False, repr=False)
    # Every declared media type with its Python type (several: the client picks by the
    # response's Content-Type). An event stream's type is the type of each event's data.
    alternatives: tuple[tuple[str, TypeRef], ...] = ()
    # The data type of a `text/event-stream` alternative, if there is one.
    event_type: TypeRef | None = None

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")

    @property
    def is_redirect(self) -> bool:
        return self.status.startswith("3")

    @property
    def is_returned(self) -> bool:
        """2xx and declared 3xx responses are returned (a 3xx is not followed)."""
        return self.is_success or self.is_redirect

    @property
    def status_code(self) -> int | None:
        return int(self.status) if self.status.isdigit() else None


@dataclass(frozen=True)
class Pagination:
    style: str  # next-link | cursor | has-more | offset | page | link-header
    items: str  # dotted path of the page items in the body ("": the body is the list)
    next: str | None  # dotted path of the next link, cursor or has-more flag
    cursor_param: str | None  # the parameter the cursor, last id, offset or page goes in
    item_type: TypeRef
    page_type: TypeRef
    cursor_in: str = "query"  # query | body (a POST listing's cursor)
    size_param: str | None = None  # offset/page: a page shorter than the size sent is last
    id_field: str = "id"  # has-more: the item property sent back
    first_page: int = 1  # page: the number of the page the server gives when none is sent
    rule: str = "x-pagination"  # how it was found: `x-pagination` or the detection rule


@dataclass(frozen=True)
class Operation:
    operation_id: str
    python_name: str
    method: str  # upper case
    path: str
    tags: tuple[str, ...]
    summary: str
    description: str
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    responses: tuple[Response, ...]
    security: tuple[SecurityRequirement, ...]
    idempotent: bool
    pagination: Pagination | None
    accept: str | None
    pointer: str  # JSON pointer of the operation in the spec, for messages

    @cached_property
    def success(self) -> Response | None:
        return next((r for r in self.responses if r.is_success), None)

    @cached_property
    def return_type(self) -> TypeRef:
        """The Python type returned on success (the union of all 2xx bodies and declared 3xx
        responses, or None); event streams are added by the template (sync and async differ)."""
        types = [r.type for r in self.responses if r.is_success and r.type is not None]
        if any(r.is_redirect for r in self.responses):
            types += [r.type or TypeRef("None") for r in self.responses if r.is_redirect]
        if not types:
            return TypeRef("None")
        annotations = list(dict.fromkeys(t.annotation for t in types))
        if "None" in annotations and len(annotations) > 1:
            annotations = [a for a in annotations if a != "None"] + ["None"]
        models = tuple(sorted({m for t in types for m in t.models}))
        if len(annotations) == 1:
            return TypeRef(annotations[0], models, types[0].is_model)
        return TypeRef(" | ".join(annotations), models)

    @cached_property
    def event_type(self) -> TypeRef | None:
        """The data type of the events of a `text/event-stream` success response, if any."""
        return next((r.event_type for r in self.responses if r.is_success and r.event_type), None)

    @cached_property
    def keeps_redirects(self) -> bool:
        return any(r.is_redirect for r in self.responses)

    @cached_property
    def model_names(self) -> frozenset[str]:
        """Every generated model class this operation's types name (for imports)."""
        types = [p.type for p in self.parameters] + [r.type for r in self.responses if r.type]
        types += [r.event_type for r in self.responses if r.event_type]
        # A response's other media types (Vercel's `application/stream+json`): the server's
        # response model names their classes too.
        types += [t for r in self.responses for _, t in r.alternatives]
        if self.body:
            types += [b.type for b in self.body.choices]
        if self.pagination:
            types += [self.pagination.item_type, self.pagination.page_type]
        return frozenset(name for t in types for name in t.models)

    def params_in(self, location: ParamLocation) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    @cached_property
    def ordered_parameters(self) -> tuple[Parameter, ...]:
        """Required parameters first (author's order within each group): none after a default."""
        required = tuple(p for p in self.parameters if p.required)
        return required + tuple(p for p in self.parameters if not p.required)


@dataclass(frozen=True)
class ErrorShape:
    """How to write one error into a body valid against one error schema."""

    name: str  # identifier in generated code
    base: dict[str, Any]  # a valid body; code/message/details are written into it
    path: tuple[str, ...]  # keys from the body to the object holding code and message
    code_key: str | None
    code_is_integer: bool
    message_key: str | None
    details_key: str | None
    detail_keys: tuple[str, ...]
    details_required: bool


@dataclass(frozen=True)
class ErrorUse:
    """One documented error status of one operation."""

    status: int
    shape: str
    media_type: str
    default_code: str


@dataclass(frozen=True)
class Envelopes:
    """The error bodies of an API: the shapes its error schemas take, which status of which
    operation uses which, and what a server answers for an invalid request."""

    shapes: tuple[ErrorShape, ...]
    operations: tuple[tuple[str, tuple[ErrorUse, ...]], ...]  # operation id → its error statuses
    default_shape: str | None
    default_media_type: str
    validation_status: int  # 422, or 400 when only 400 is documented


@dataclass(frozen=True)
class Model:
    """A named schema that becomes a generated model class."""

    class_name: str
    pointer: str  # where it came from, e.g. #/components/schemas/Job
    description: str = ""


@dataclass(frozen=True)
class Api:
    name: str  # target name, e.g. "reality-modeling"
    title: str
    version: str
    description: str
    openapi_version: str
    servers: tuple[Server, ...]
    security_schemes: tuple[SecurityScheme, ...]
    security: tuple[SecurityRequirement, ...]
    operations: tuple[Operation, ...]
    models: tuple[Model, ...]
    # The schema document handed to the model generator: hoisted, renamed, refs rewritten.
    models_document: dict[str, Any] = field(hash=False, repr=False)
    # The typed models (generator.ir.types), in declaration order: what every models
    # renderer (pydantic, TypeScript) prints.
    model_classes: tuple[ModelClass, ...] = field(default=(), hash=False, repr=False)
    # How errors are written (generator.values.envelope decides it once per build).
    envelopes: Envelopes | None = field(default=None, hash=False, repr=False)
    # How the client exposes the operations (decided by `generator.ir.resources.client_tree`
    # when a target is prepared); None means flat, every operation a client method.
    tree: ClientTree | None = field(default=None, hash=False, repr=False)

    @property
    def client(self) -> ClientTree:
        """The client's methods and resources (flat unless a tree was decided)."""
        return self.tree if self.tree is not None else ClientTree.flat(self.operations)

    @property
    def server(self) -> Server | None:
        return self.servers[0] if self.servers else None

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for op in self.operations for t in op.tags))

    @property
    def bearer_schemes(self) -> tuple[SecurityScheme, ...]:
        return tuple(s for s in self.security_schemes if s.uses_bearer_token)

    @property
    def client_credentials(self) -> OAuthFlow | None:
        return next(
            (s.client_credentials for s in self.security_schemes if s.client_credentials), None
        )


Layout = Literal["auto", "flat", "resources"]


@dataclass(frozen=True)
class Method:
    """One operation as a method of the client or of one of its resources."""

    name: str  # the Python method name within its owner: "create"
    operation: Operation
    call: str  # how a user reaches it from the client: "customers.sources.list"


@dataclass(frozen=True)
class Resource:
    """A group of operations reached as an attribute of the client (``client.customers``)
    or of another resource (``client.customers.sources``)."""

    name: str  # the attribute on its parent: "sources"
    path: tuple[str, ...]  # attribute names from the client: ("customers", "sources")
    class_name: str  # "CustomersSources" (async: "Async" + class_name)
    module: str  # the module of its top-level resource under `_resources/`: "customers"
    methods: tuple[Method, ...]
    resources: tuple[Resource, ...] = ()

    def walk(self) -> tuple[Resource, ...]:
        """This resource and every resource below it, parents first."""
        return (self, *(r for child in self.resources for r in child.walk()))


@dataclass(frozen=True)
class ClientTree:
    """How operations reach the user: methods on the client itself plus top-level resources.

    ``flat`` is the layout before resources existed (every operation a client method named by
    its ``python_name``); ``resources`` groups them (see ``generator.ir.resources``).
    """

    layout: Literal["flat", "resources"]
    methods: tuple[Method, ...]
    resources: tuple[Resource, ...] = ()

    @classmethod
    def flat(cls, operations: tuple[Operation, ...]) -> ClientTree:
        return cls("flat", tuple(Method(op.python_name, op, op.python_name) for op in operations))

    def all_resources(self) -> tuple[Resource, ...]:
        return tuple(r for top in self.resources for r in top.walk())

    def all_methods(self) -> tuple[Method, ...]:
        """Every method, the client's first, then resource by resource (parents first)."""
        return self.methods + tuple(m for r in self.all_resources() for m in r.methods)

    def call_of(self, operation: Operation) -> str:
        """How `operation` is reached from the client (`customers.create`), found by its
        `python_name` (unique in an API)."""
        return self._calls.get(operation.python_name, operation.python_name)

    @cached_property
    def _calls(self) -> dict[str, str]:
        # Asked once per call a proof or `verify` makes: the tree is walked once, not each time.
        calls: dict[str, str] = {}
        for method in self.all_methods():
            calls.setdefault(method.operation.python_name, method.call)
        return calls
