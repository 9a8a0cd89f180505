"""The one authority for names that reach Python code.

Wire names (what goes over HTTP) are kept verbatim elsewhere; this module only decides the
Python side: identifiers that are valid, not reserved, and unique within their scope.
"""

from __future__ import annotations

import functools
import keyword
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

_WORD_SPLIT = re.compile(r"[^0-9a-zA-Z]+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
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


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def words(name: str) -> list[str]:
    """Split any spelling (camelCase, kebab-case, `$filter`, `meta/root`, `3MX`) into words."""
    return list(_words(name))


@functools.lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    # Large specs ask for the same names thousands of times (GitHub: ~100,000 calls).
    pieces: list[str] = []
    for chunk in _WORD_SPLIT.split(_ascii(name)):
        pieces.extend(p for p in _CAMEL_BOUNDARY.split(chunk) if p)
    return tuple(pieces)


def _guard(name: str, fallback: str, reserved: frozenset[str] = frozenset()) -> str:
    if not name:
        name = fallback
    if name[0].isdigit():
        is_class_name = fallback[:1].isupper() and not fallback.isupper()
        name = f"{fallback}{name}" if is_class_name else f"{fallback}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        name += "_"
    return name


# Cached: big specs ask for the same few thousand names tens of thousands of times (GitHub's
# IR build: ~100,000 calls, 0.45 s uncached).
@functools.lru_cache(maxsize=65536)
def snake(name: str, *, fallback: str = "value", reserved: frozenset[str] = frozenset()) -> str:
    """A snake_case identifier: `continuationToken` → `continuation_token`, `$top` → `top`."""
    return _guard("_".join(w.lower() for w in words(name)), fallback, reserved)


@functools.lru_cache(maxsize=65536)
def pascal(name: str, *, fallback: str = "Model") -> str:
    """A PascalCase class name: `job-response` → `JobResponse`, `3MX` → `Model3MX`."""
    joined = "".join(w[:1].upper() + w[1:] for w in words(name))
    return _guard(joined, fallback)


def class_name(name: str) -> str:
    """A model class name that no import of `models.py` or `_client.py` shadows."""
    candidate = pascal(name)
    if candidate.endswith("_"):  # a keyword (`True_`): the model generator would rename it
        return candidate[:-1] + "Model"
    return candidate + "Model" if candidate in MODEL_CLASS_RESERVED else candidate


@functools.lru_cache(maxsize=65536)
def constant(name: str, *, fallback: str = "VALUE") -> str:
    """An UPPER_CASE constant or enum member name."""
    return _guard("_".join(w.upper() for w in words(name)), fallback)


def field_name(wire_name: str, taken: set[str]) -> str:
    """The Python name of a model field: snake_case, never pydantic's own attributes (nor a
    `model_` prefix, pydantic's namespace), unique in its class; records the choice."""
    name = snake(wire_name, fallback="field", reserved=MODEL_FIELD_RESERVED)
    if name.startswith("model_") or wire_name.startswith("_"):
        # pydantic owns `model_*` and treats `_x` as private: `_links` → `field_links`
        name = "field_" + name
    return unique(name, taken)


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name_2`, `name_3`… whichever is not yet taken; records the choice."""
    candidate, counter = name, 2
    while candidate in taken:
        separator = "" if name[:1].isupper() else "_"
        candidate = f"{name}{separator}{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def module_name(name: str) -> str:
    """A package/module name for a distribution name: `reality-modeling` → `reality_modeling`."""
    return snake(name, fallback="api")


def distribution_name(name: str) -> str:
    """A PEP 503 normalised distribution name."""
    return re.sub(r"[-_.]+", "-", "-".join(words(name)).lower()) or "api"


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

_CRUD_COLLECTION = {"GET": "list", "POST": "create", "PUT": "update", "PATCH": "update"}
_CRUD_ITEM = {"GET": "retrieve", "POST": "update", "PUT": "update", "PATCH": "update"}


def singular(word: str) -> str:
    """A crude singular of an English word, for comparing names only (`jobs` ~ `job`)."""
    lower = word.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def same_words(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two word lists name the same thing, ignoring case and plurals."""
    left, right = [singular(w) for w in a], [singular(w) for w in b]
    return left == right


def is_machine_operation_id(operation_id: str, method: str, path_words: Iterable[str]) -> bool:
    """True when an operationId only spells its method and path (Stripe's `GetCustomersCustomer`
    for `GET /v1/customers/{customer}`, or the name specgen makes up when there is none)."""
    spelled = "".join(words(operation_id)).lower()
    return spelled == (method + "".join(path_words)).lower()


def strip_machine_suffix(operation_id: str, method: str, path_words: list[str]) -> list[str]:
    """The words of an operationId without a trailing path-and-method, as FastAPI spells them
    (`read_item_items__item_id__get` → `read`, `item`); the words unchanged otherwise."""
    found = [w.lower() for w in words(operation_id)]
    tail = [w.lower() for w in path_words] + [method.lower()]
    if len(found) > len(tail) and found[-len(tail) :] == tail:
        return found[: -len(tail)]
    return found


def is_plural(name: str) -> bool:
    """Whether a name's last word is an English plural (`sessions`, not `search`)."""
    found = words(name)
    return bool(found) and singular(found[-1]) != found[-1].lower()


def crud_verb(method: str, kind: str) -> str:
    """The method name of a machine-named operation by what it acts on: `list`/`create` on a
    collection, `retrieve`/`update`/`delete` on an item or a singleton (`/v1/balance`); other
    HTTP methods by their name."""
    method = method.upper()
    if method == "DELETE":
        return "delete"
    table = _CRUD_COLLECTION if kind == "collection" else _CRUD_ITEM
    return table.get(method, method.lower())


def action_name(method: str, action: str) -> str:
    """A non-CRUD action (`POST /invoices/{invoice}/pay` → `pay`); a GET or POST is named by
    the action alone, other methods by their verb too (`DELETE …/discount` → `delete_discount`)."""
    name = snake(action, fallback="action")
    if method.upper() in ("GET", "POST"):
        return name
    return f"{crud_verb(method, 'item')}_{name}"


def is_identifier(name: str) -> bool:
    """A valid Python identifier that is no keyword (soft keywords included)."""
    return (
        name.isidentifier()
        and name.isascii()
        and not keyword.iskeyword(name)
        and not keyword.issoftkeyword(name)
    )


# -- package names --------------------------------------------------------------------------------

# File names that say nothing about the API: its package is named after `info.title` instead.
GENERIC_SPEC_NAMES = frozenset({"openapi", "swagger", "api", "spec", "specs", "schema"})
# Words a title adds to every API's name (`Swagger Petstore - OpenAPI 3.0` → `petstore`).
_TITLE_NOISE = frozenset(
    {
        "the",
        "api",
        "apis",
        "openapi",
        "swagger",
        "rest",
        "restful",
        "http",
        "spec",
        "specification",
        "documentation",
        "docs",
        "reference",
        "definition",
        "service",
        "v",
    }
)


def _is_version(word: str) -> bool:
    return bool(re.fullmatch(r"v?\d+[a-z]?", word.lower()))


def is_generic_spec_name(stem: str) -> bool:
    """Whether a spec's file name says nothing (`openapi`, `swagger.v2`, `API`, `spec-3`)."""
    found = [w.lower() for w in words(re.sub(r"(?i)open[\s_-]*api", " openapi ", stem))]
    return (
        bool(found)
        and all(w in GENERIC_SPEC_NAMES or _is_version(w) for w in found)
        and any(w in GENERIC_SPEC_NAMES for w in found)
    )


def api_name(stem: str, title: str) -> str:
    """What a target is called in package names: the spec's file name, or its `info.title`
    when the file name is generic (`openapi.yaml` of `Asana` → `asana`)."""
    if not is_generic_spec_name(stem):
        return stem
    spelled = re.sub(r"(?i)open\s*api", " ", title)  # `OpenAPI` would split into Open, API
    # A title's words are split at spaces and punctuation only: a brand keeps its casing's
    # unity (`GitHub` → `github`, not `git-hub`).
    title_words = re.findall(r"[A-Za-z0-9]+", spelled)
    kept = [w for w in title_words if w.lower() not in _TITLE_NOISE and not _is_version(w)]
    return "-".join(w.lower() for w in kept) or stem


# -- resource names -------------------------------------------------------------------------------

# Words a method name may end with once the resource word after them is removed.
PREPOSITIONS = frozenset(
    {"for", "of", "in", "on", "to", "from", "by", "with", "at", "into", "within", "per", "under"}
)


# A leading section number: `1. `, `02 - `, `3) `, `1.2: ` (not the `2` of `2FA`).
_NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)*\s*[.):\-–—]*\s+|^\s*\d+(?:\.\d+)*[.):\-–—]+\s*")


def tag_resource(tag: str) -> str:
    """A resource name for a tag: snake cased, without numbering or punctuation
    (`1. Login` → `login`, `02 - Users & Groups` → `users_groups`, `v2 Jobs` kept)."""
    unnumbered = _NUMBERING.sub("", tag)
    return snake(unnumbered if words(unnumbered) else tag, fallback="default")


def without_dangling_preposition(found: list[str]) -> list[str]:
    """Words without a trailing preposition left behind by removing the resource word after
    it (`add_dependencies_for` → `add_dependencies`)."""
    if len(found) > 1 and found[-1].lower() in PREPOSITIONS:
        return found[:-1]
    return found


# -- union members --------------------------------------------------------------------------------

_TYPE_WORDS = {
    "string": "String",
    "integer": "Integer",
    "number": "Number",
    "boolean": "Boolean",
    "array": "List",
    "object": "Object",
    "null": "Null",
}


def member_suffixes(members: list[Any]) -> list[str]:
    """The class name suffix of each inline `oneOf`/`anyOf` member, from what tells it apart:
    its discriminant (a property with one `const` or `enum` value: `Milestone`), its `title`,
    a property no other member has (`WithEmail`), its type (`String`); `Option<n>` when none
    is unique among the members."""
    props = [_properties(m) for m in members]

    def title(i: int) -> str:
        member = members[i]
        return _suffix(str(member.get("title") or "")) if isinstance(member, dict) else ""

    def type_word(i: int) -> str:
        member = members[i]
        return _TYPE_WORDS.get(str(member.get("type")), "") if isinstance(member, dict) else ""

    strategies: tuple[Callable[[int], str], ...] = (
        lambda i: _discriminant(props[i]),
        title,
        lambda i: _own_property(props, i),
        type_word,
    )
    chosen = [""] * len(members)
    for strategy in strategies:
        for i in range(len(members)):
            if not chosen[i]:
                chosen[i] = strategy(i)
        counts: dict[str, int] = {}
        for name in chosen:
            counts[name] = counts.get(name, 0) + 1
        chosen = [name if name and counts[name] == 1 else "" for name in chosen]
    return [name or f"Option{i + 1}" for i, name in enumerate(chosen)]


def _suffix(text: str) -> str:
    """`text` as a class name suffix, or "" when it has no words."""
    return pascal(text, fallback="Member") if words(text) else ""


def _properties(member: Any) -> dict[str, Any]:
    if not isinstance(member, dict):
        return {}
    found = member.get("properties")
    return found if isinstance(found, dict) else {}


def _discriminant(props: dict[str, Any]) -> str:
    for sub in props.values():
        if not isinstance(sub, dict):
            continue
        values = [sub["const"]] if "const" in sub else sub.get("enum")
        if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
            return _suffix(values[0])
    return ""


def _own_property(props: list[dict[str, Any]], index: int) -> str:
    others = {name for i, p in enumerate(props) if i != index for name in p}
    own = [name for name in props[index] if name not in others]
    return "With" + _suffix(str(own[0])) if own and words(str(own[0])) else ""
