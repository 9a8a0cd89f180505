"""Names generated code reserves, by where a name goes: a client method's parameters, the
client's attributes, its constructor's arguments, model classes and fields, resources.

Plain tables, read by `casing` (model classes and fields) and by the IR where it names
parameters, methods and resources."""

from __future__ import annotations

# Names a generated client method reserves: its own keyword arguments, and every name its body
# reads (runtime helpers, builtins inside annotations evaluated at call time), which a parameter
# of the same name would shadow.
CLIENT_RESERVED = frozenset(
    {
        "self",
        "cls",
        "body",
        "timeout",
        "extra_headers",
        "extra_query",
        "idempotent",
        "options",
        "cast",
        "given",
        "merge_options",
        "multipart_parts",
        "cookie_header",
        "encode_content",
        "httpx",
        "list",
        "dict",
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "object",
        "tuple",
    }
)
# Attributes of the generated client classes and their runtime base: an operation method with
# one of these names would replace them.
CLIENT_ATTRIBUTES = frozenset(
    {
        "close",
        "aclose",
        "copy",
        "request",
        "with_options",
        "with_raw_response",
        "with_streaming_response",
        "base_url",
        "http_client",
        "timeout",
        "max_retries",
        "default_headers",
        "default_query",
        "default_base_url",
        "user_agent",
    }
)
# Keyword arguments of the client constructors and `server_url()`: server variables avoid them.
CONSTRUCTOR_RESERVED = frozenset(
    {
        "self",
        "token",
        "base_url",
        "timeout",
        "max_retries",
        "http_client",
        "default_headers",
        "server_url",
        "str",
    }
)
# Class names a generated model cannot take: names `models.py` imports (pydantic, typing, the
# standard library types datamodel-code-generator uses, the runtime bases) and names `_client.py`
# imports or defines beside the models. datamodel-code-generator silently renames such classes,
# which would break every import of them.
MODEL_CLASS_RESERVED = frozenset(
    {
        # typing / stdlib
        "Annotated",
        "Any",
        "Callable",
        "ClassVar",
        "Decimal",
        "Enum",
        "IntEnum",
        "Literal",
        "Mapping",
        "Optional",
        "Path",
        "Sequence",
        "StrEnum",
        "TypeAlias",
        "UUID",
        "Union",
        "IPv4Address",
        "IPv4Network",
        "IPv6Address",
        "IPv6Network",
        # pydantic
        "AnyUrl",
        "AnyHttpUrl",
        "AwareDatetime",
        "Base64Bytes",
        "Base64Str",
        "BaseModel",
        "ConfigDict",
        "EmailStr",
        "Field",
        "Json",
        "NaiveDatetime",
        "RootModel",
        "SecretStr",
        "StrictBool",
        "StrictBytes",
        "StrictFloat",
        "StrictInt",
        "StrictStr",
        # the generated runtime and client module
        "Int32",
        "UniqueItems",
        "NotOneOf",
        "Int64",
        "NoNull",
        "OpenEnum",
        "SpecModel",
        "WriteOnlyModel",
        "NotGiven",
        "APIResponse",
        "AsyncAPIClient",
        "AsyncClient",
        "AsyncClientWithRawResponse",
        "AsyncOAuth2ClientCredentials",
        "AsyncPage",
        "AsyncTokenProvider",
        "Client",
        "ClientWithRawResponse",
        "OAuth2ClientCredentials",
        "Pagination",
        "RequestOptions",
        "SyncAPIClient",
        "SyncPage",
        "Timeout",
        "TokenProvider",
        # the generated server app, which imports the models beside these
        "APIRouter",
        "ApiError",
        "Body",
        "Cookie",
        "Depends",
        "ErrorDetail",
        "FastAPI",
        "HTTPException",
        "Header",
        "JSONResponse",
        "NotImplementedOperation",
        "Query",
        "Reply",
        "Request",
        "RequestValidationError",
        "Response",
        "Service",
        "StarletteHTTPException",
        "TypeAdapter",
        "ValidationError",
    }
)
# Names a generated model cannot use as a field without shadowing pydantic's API.
MODEL_RESERVED = frozenset(
    {"model_config", "model_fields", "model_computed_fields", "copy", "json"}
)
# Every public attribute of pydantic's BaseModel that is not `model_*` (a field named `schema`
# or `validate` would shadow it, which pydantic refuses; `model_*` is refused as a prefix).
MODEL_FIELD_RESERVED = MODEL_RESERVED | frozenset(
    {
        "construct",
        "dict",
        "from_orm",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
        "mro",  # every class has it (from `type`); pydantic warns a field would shadow it
        # builtins the models' annotations use: a field named `list` would shadow `list[...]`
        # where pydantic evaluates the class's annotations
        "bool",
        "bytes",
        "float",
        "int",
        "list",
        "str",
    }
)

# Builtins the annotations of generated methods use: a method of that name would shadow the
# builtin for every annotation after it in its class (mypy resolves them in the class first).
# `list` is allowed (the CRUD verb) and printed last in its class; the others get a `_`.
SHADOWED_BUILTINS = frozenset(
    {"dict", "str", "int", "float", "bool", "bytes", "object", "tuple", "set", "frozenset", "type"}
)
# Names the generated resource classes (Python and TypeScript) use for themselves, plus
# `constructor` (a TypeScript method of that name would be the class's constructor) and `then`
# (an object with a `then` method is mistaken for a promise by `await`).
RESOURCE_RESERVED = SHADOWED_BUILTINS | frozenset({"constructor", "then", "self", "cls"})
# Members of the TypeScript client a method or resource on it must not replace.
TS_CLIENT_MEMBERS = frozenset(
    {"constructor", "request", "paginate", "base_url", "timeout_ms", "max_retries", "then"}
)
CLIENT_METHOD_RESERVED = CLIENT_ATTRIBUTES | RESOURCE_RESERVED | TS_CLIENT_MEMBERS
# A resource attribute is a cached property: `list` would shadow the builtin like a method.
RESOURCE_NAME_RESERVED = RESOURCE_RESERVED | {"list"}
