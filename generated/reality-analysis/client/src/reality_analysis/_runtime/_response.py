# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Choosing the declared type for a response status and parsing the body into it."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Coroutine, Mapping
from contextvars import ContextVar, Token
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx
import pydantic

from ._error_body import decode_body
from ._errors import APIResponseValidationError
from ._model_base import lenient_parsing

__all__ = [
    "APIResponse",
    "async_raw_wrapper",
    "raw_requested",
    "raw_wrapper",
    "ByMedia",
    "AdapterCache",
    "ResponseTypes",
    "parse_lenient",
    "parse_response",
    "select_response_type",
    "strict_responses",
]

T = TypeVar("T")
P = ParamSpec("P")

_raw: ContextVar[bool] = ContextVar("specgen_raw_response", default=False)


def raw_requested() -> bool:
    """True inside a ``with_raw_response`` call: the client returns the ``APIResponse``."""
    return _raw.get()


def raw_wrapper(func: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """``func`` (an operation method) as a ``with_raw_response`` method: same arguments, the
    ``APIResponse`` back (status, headers, and ``parse()`` giving what ``func`` returns)."""

    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        token = _raw.set(True)
        try:
            return cast(APIResponse[T], func(*args, **kwargs))
        finally:
            _raw.reset(token)

    return wrapped


def async_raw_wrapper(
    func: Callable[P, Coroutine[Any, Any, T]],
) -> Callable[P, Coroutine[Any, Any, APIResponse[T]]]:
    """Async counterpart of ``raw_wrapper``."""

    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        token = _raw.set(True)
        try:
            return cast(APIResponse[T], await func(*args, **kwargs))
        finally:
            _raw.reset(token)

    return wrapped


ResponseTypes = Mapping[int | str, Any]
"""Declared body type per status: ``{200: Job, 204: None, "2XX": Job, "default": Error}``.

Keys are status codes (int or digit string), ranges like ``"2XX"``, or ``"default"``; a value of
``None`` means the response has no body worth parsing.
"""

_NO_DECLARED_TYPE = object()


class ByMedia:
    """In ``response_types``: a status whose body type depends on the response's media type,
    e.g. ``ByMedia({"application/json": Report, "text/csv": str, "image/png": bytes})``."""

    __slots__ = ("types",)

    def __init__(self, types: Mapping[str, Any]) -> None:
        self.types = {key.lower(): value for key, value in types.items()}

    def pick(self, content_type: str) -> Any:
        """The type for ``content_type``: exact, then ``type/*``, then ``*/*``, then a JSON
        type whenever the body is JSON-ish, else the first declared."""
        base = content_type.split(";")[0].strip().lower()
        for key in (base, base.split("/")[0] + "/*", "*/*"):
            if key in self.types:
                return self.types[key]
        if base == "application/json" or base.endswith("+json"):
            for key, value in self.types.items():
                if key.endswith("json"):
                    return value
        return next(iter(self.types.values()), None)

    def __repr__(self) -> str:
        return f"ByMedia({self.types!r})"


def declared_type(response: httpx.Response, response_types: ResponseTypes) -> object:
    """``select_response_type`` with a ``ByMedia`` resolved by the response's Content-Type."""
    declared = select_response_type(response.status_code, response_types)
    if isinstance(declared, ByMedia):
        return declared.pick(response.headers.get("content-type", ""))
    return declared


class AdapterCache:
    """Pydantic ``TypeAdapter``s built once per type, owned by one client (and its copies)."""

    def __init__(self) -> None:
        self._adapters: dict[object, pydantic.TypeAdapter[Any]] = {}

    def get(self, tp: Any) -> pydantic.TypeAdapter[Any]:
        try:
            return self._adapters[tp]
        except KeyError:
            adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(tp)
            self._adapters[tp] = adapter
            return adapter
        except TypeError:
            # Unhashable annotations (rare) are simply not cached.
            return pydantic.TypeAdapter(tp)


_strict: ContextVar[bool] = ContextVar("specgen_strict_responses", default=False)


class strict_responses:  # noqa: N801 (a context manager, named like one)
    """Within this block responses are read exactly as the spec says, as a server reads a
    request: a ``null`` where the schema allows none, an enum value the spec does not list, a
    naive date-time, a write-only property or a property ``additionalProperties: false``
    refuses all raise ``APIResponseValidationError``.

    Outside it (the default) responses are read leniently: servers send ``null`` for absent
    optional properties, add enum values and fields, and an old client must keep working. For
    contract tests of a server: ``with strict_responses(): client.get_job(...)``.
    """

    __slots__ = ("_token",)
    _token: Token[bool]

    def __enter__(self) -> None:
        self._token = _strict.set(True)

    def __exit__(self, *exc_info: object) -> None:
        _strict.reset(self._token)


GC_PAUSE_MIN_BYTES = 64 * 1024
"""JSON bodies at least this large are validated with the cyclic garbage collector paused."""


def parse_lenient(adapter: pydantic.TypeAdapter[Any], data: Any, *, json: bool = False) -> Any:
    """Validate a response body: fields and enum values a newer server adds are kept (inside
    ``strict_responses()``: validated exactly, as a server validates a request)."""
    if _strict.get():
        return adapter.validate_json(data) if json else adapter.validate_python(data)
    with lenient_parsing():
        if not json:
            return adapter.validate_python(data, extra="allow")
        if len(data) < GC_PAUSE_MIN_BYTES:
            return adapter.validate_json(data, extra="allow")
        with _gc_paused():
            return adapter.validate_json(data, extra="allow")


class _gc_paused:  # noqa: N801 (a context manager, named like one)
    """Pause the cyclic garbage collector while a large body becomes models.

    Validation allocates a few container objects per model (instance, ``__dict__``, fields-set),
    all alive until the page is complete, so the collector runs again and again over a growing
    heap it cannot free: on a 1 MB page of 1,000 jobs that doubled the parse time. Nothing is
    left cyclic by validation, so nothing is lost by collecting later. Only the caller that
    found the collector enabled re-enables it (so a program that disabled it keeps it off,
    and concurrent pauses in threads end with it enabled).
    """

    __slots__ = ("_was_enabled",)
    _was_enabled: bool

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info: object) -> None:
        if self._was_enabled:
            gc.enable()


def select_response_type(status_code: int, response_types: ResponseTypes) -> object:
    """The declared type for ``status_code``: exact code, then ``"2XX"``-style range, then
    ``"default"``. ``None`` means "no body"; nothing declared returns a private sentinel, and
    ``parse_response`` then returns the decoded JSON as-is."""
    for key in (status_code, str(status_code)):
        if key in response_types:
            return response_types[key]
    for key in (f"{status_code // 100}XX", f"{status_code // 100}xx"):
        if key in response_types:
            return response_types[key]
    if "default" in response_types:
        return response_types["default"]
    return _NO_DECLARED_TYPE


def parse_response(
    response: httpx.Response, response_types: ResponseTypes, adapters: AdapterCache
) -> Any:
    """Parse ``response`` into the type declared for its status.

    ``None`` declared or an empty body gives ``None``; ``bytes`` gives the raw content; ``str``
    gives the text unless the body is JSON; no declared type gives the decoded JSON (or text).
    A schema that accepts anything (``Any``: FastAPI declares ``application/json`` with an
    empty schema for its file and HTML routes) lets the Content-Type decide: a body that is
    not JSON is the text (``text/*``, XML) or the bytes (anything else).
    """
    declared = declared_type(response, response_types)
    if declared is None:
        return None
    if declared is bytes:
        return response.content
    if declared is _NO_DECLARED_TYPE:
        return decode_body(response)
    if not response.content:
        return None
    if declared is str and not _is_json(response):
        return response.text
    if declared is Any and not _is_json(response):
        return response.text if _is_text(response) else response.content
    try:
        return parse_lenient(adapters.get(declared), response.content, json=True)
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"{response.request.method} {response.request.url} returned "
            f"{response.status_code} with a body that does not match the declared "
            f"{_type_name(declared)}: {exc}",
            response=response,
            body=decode_body(response),
        ) from exc


def _is_json(response: httpx.Response) -> bool:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json" or content_type.endswith("+json"):
        return True
    if content_type:
        return False
    try:
        json.loads(response.content)
    except ValueError:
        return False
    return True


def _is_text(response: httpx.Response) -> bool:
    content_type: str = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return content_type.startswith("text/") or content_type.endswith(("/xml", "+xml"))


def _type_name(tp: object) -> str:
    return getattr(tp, "__name__", None) or repr(tp)


class APIResponse(Generic[T]):
    """A raw HTTP response together with a lazy, cached ``parse()`` into the declared type."""

    def __init__(self, http_response: httpx.Response, parser: Callable[[], T]) -> None:
        self.http_response = http_response
        self._parser = parser
        self._parsed: tuple[T] | None = None

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def parse(self) -> T:
        """The body parsed into the type declared for this status (computed once)."""
        if self._parsed is None:
            self._parsed = (self._parser(),)
        return self._parsed[0]

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<APIResponse [{self.status_code}] {request.method} {request.url}>"
