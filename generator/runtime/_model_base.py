"""Base classes of generated models: strict when you build a request, lenient on responses.

A server that adds a field or an enum value must never break an old client, while a request
the client builds should still be checked against the spec. The switch is a context variable
that the response parser sets around validation, so request construction stays strict.
"""

# No `from __future__ import annotations`: pydantic evaluates the annotations of every base of
# a model for each subclass it declares, and a string annotation here (`ClassVar[...]`) would
# be compiled and evaluated again for each of Stripe's 2,400 models (0.3 s of its import).
import re
import sys
from collections.abc import Iterable
from contextvars import ContextVar, Token
from datetime import UTC, datetime
from enum import StrEnum
from typing import (
    Annotated,
    Any,
    ClassVar,
    Final,
    ForwardRef,
    Literal,
    final,
    get_args,
    get_origin,
)

import pydantic
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, GetCoreSchemaHandler
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError

_lenient: ContextVar[bool] = ContextVar("specgen_lenient_parsing", default=False)


class lenient_parsing:  # noqa: N801 (used like the function it replaced: `with lenient_parsing():`)
    """Within this block a body is read as a response: enums accept values the spec does not
    list (kept as strings), write-only fields are dropped (``WriteOnlyModel``), and a naive
    date-time string is read as UTC.

    A plain class rather than ``@contextmanager``: every response is parsed inside one, and a
    generator-based context manager costs several times more to enter and leave.
    """

    __slots__ = ("_token",)
    _token: Token[bool]

    def __enter__(self) -> None:
        self._token = _lenient.set(True)

    def __exit__(self, *exc_info: object) -> None:
        _lenient.reset(self._token)


@final
class _NoNullMarker:
    """The type of ``NoNull`` (a marker pydantic leaves alone; ``SpecModel`` reads it)."""

    def __repr__(self) -> str:
        return "NoNull"


NoNull: Final = _NoNullMarker()
"""Marks an optional property whose schema does not allow ``null``: in
``Annotated[int | None, NoNull] = None`` the ``None`` stands for *absent* (the property is left
out of the JSON), never for ``null``.

Absent and null are told apart by pydantic's ``model_fields_set``: a property the caller did
not set is not sent (``request_dump``), and a property set to ``None`` is a null. Building a
model from data (a request a client validates, a body a server receives) refuses a ``null``
here, at any depth and inside every union; ``request_dump`` refuses one assigned later, before
anything is sent. A response is read leniently (``lenient_parsing``): servers send ``null`` for
absent optional properties all the time, and it reads as ``None``.

A marker rather than a sentinel type (``UNSET``) so that reading a model stays
``job.name: str | None`` for the caller and for ``mypy --strict``; the same marker serves the
client and the server packages, which share the models. The check is one validator per model
(``SpecModel._refuse_nulls``), not one per field, and it returns at once while a response is
read; still, that is one Python call per object read: 2,000 small jobs parse in 41 ms instead
of 33 (60 with a validator per field; ``bench/null_check_cost.py``). A check after validation
would cost responses nothing, but inside a union it would judge the member pydantic picked
rather than let a member that accepts the null match.
"""


# True while deferred models are being built in dependency order (each class alone).
_completing: ContextVar[bool] = ContextVar("specgen_completing_models", default=False)


class OpenEnum(StrEnum):
    """A string enum that, while parsing a response, keeps a value it does not know."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not _lenient.get() or not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class SpecModel(BaseModel):
    """Base of every generated model: wire names on the way out, either name on the way in.

    Fields marked ``readOnly`` (``Field(json_schema_extra={"readOnly": True})``, or listed in
    a class's ``__read_only__``) are left out of request bodies: a model read from the server
    can be changed and sent back without the server refusing its own ``id`` or timestamps.

    Generated models are declared with ``defer_build=True``: a validator is built on first
    use, not at import, or a client of a big API (Stripe's 2,400 models) would spend seconds
    building validators the program never uses. Once a class is declared its config says
    ``defer_build=False`` again, because pydantic also reads that key when a ``TypeAdapter``
    over the class is created, and an adapter must be built when it is created: FastAPI
    builds the adapters of a route's parameters inside a block that silences pydantic's
    warnings about ``Field(alias=...)``, and an adapter deferred past that block warns, or
    fails, on the first request. So only the class waits; an adapter over it builds what it
    needs at once. ``complete_models()`` builds every class at once, for a server.
    """

    model_config = ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="allow",
    )

    __read_only__: ClassVar[frozenset[str]] = frozenset()
    """Python names of the fields never sent in a request."""

    __write_only__: ClassVar[frozenset[str]] = frozenset()
    """Python names of the fields never read from a response (``WriteOnlyModel`` drops them)."""

    __write_only_keys__: ClassVar[frozenset[str]] = frozenset()
    """The keys a response may spell them with: wire names and Python names."""

    __no_null_keys__: ClassVar[tuple[tuple[str, str], ...] | None] = None
    """(key, wire name) for each key a body may spell a ``NoNull`` field with (wire name and
    Python name); worked out on first use, when every annotation is resolved (a forward
    reference's marker is not known while the class is being declared)."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        marked = {
            name
            for name, info in cls.model_fields.items()
            if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("readOnly")
        }
        inherited = {
            name for base in cls.__mro__[1:] for name in getattr(base, "__read_only__", ())
        }
        cls.__read_only__ = frozenset(
            marked | inherited | set(cls.__dict__.get("__read_only__", ()))
        )
        write_only = {
            name for base in cls.__mro__[1:] for name in getattr(base, "__write_only__", ())
        } | set(cls.__dict__.get("__write_only__", ()))
        cls.__write_only__ = frozenset(write_only)
        fields = cls.model_fields
        cls.__write_only_keys__ = frozenset(write_only) | {
            fields[name].alias or name for name in write_only if name in fields
        }
        # Declared deferred (`class Job(SpecModel, defer_build=True)`), built on first use;
        # adapters over it are not deferred (see the class docstring). The dict is this class's
        # own (pydantic builds a new one per class), so no other class changes.
        cls.model_config["defer_build"] = False

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler, /
    ) -> CoreSchema:
        """The schema of this class where another names it (a field, a ``TypeAdapter``):
        the class is built first, if it was not, so that its validator is reused instead of
        copied into the other's (FastAPI builds one adapter per route parameter and response:
        Stripe's server took 250 CPU-s to start when each copied what it reaches)."""
        # Only a deferred class (its schema a placeholder), outside a build already running:
        # a class being declared, or built right now, is left to pydantic.
        deferred = "__pydantic_core_schema__" in cls.__dict__ and not cls.__pydantic_complete__
        if deferred and not _completing.get():
            cls.model_rebuild(raise_errors=False, _parent_namespace_depth=0)
        return handler(source)

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """Pydantic's ``model_rebuild``, which also builds a deferred class on first use; the
        models this one names are built first, each on its own (see ``_build_order``)."""
        depth = _parent_namespace_depth + 1 if _parent_namespace_depth else 0
        if _completing.get() or cls.__pydantic_complete__:
            return super().model_rebuild(
                force=force,
                raise_errors=raise_errors,
                _parent_namespace_depth=depth,
                _types_namespace=_types_namespace,
            )
        token = _completing.set(True)
        try:
            for model in _build_order(cls)[:-1]:
                model.model_rebuild(raise_errors=False, _parent_namespace_depth=0)
            return super().model_rebuild(
                force=force,
                raise_errors=raise_errors,
                _parent_namespace_depth=depth,
                _types_namespace=_types_namespace,
            )
        finally:
            _completing.reset(token)

    @pydantic.model_validator(mode="before")
    @classmethod
    def _refuse_nulls(cls, data: Any) -> Any:
        """Refuse a ``null`` for a field marked ``NoNull``, except while a response is read
        (``lenient_parsing``); the error is located at the field, as pydantic's own are."""
        if _lenient.get() or not isinstance(data, dict):
            return data
        keys = cls.__dict__.get("__no_null_keys__")
        if keys is None:
            keys = cls.__no_null_keys__ = tuple(
                sorted(
                    {(name, info.alias or name) for name, info in _no_null_fields(cls)}
                    | {(info.alias or name,) * 2 for name, info in _no_null_fields(cls)}
                )
            )
        refused = [
            InitErrorDetails(type=_NULL_REFUSED, loc=(wire,), input=None)
            for key, wire in keys
            if key in data and data[key] is None
        ]
        if refused:
            raise pydantic.ValidationError.from_exception_data(cls.__name__, refused)
        return data


def _no_null_fields(cls: type[BaseModel]) -> list[tuple[str, Any]]:
    """(Python name, field info) of the fields of `cls` marked ``NoNull``."""
    return [
        (name, info)
        for name, info in cls.__pydantic_fields__.items()
        if any(m is NoNull for m in info.metadata)
    ]


_NULL_REFUSED = PydanticCustomError(
    "null_refused", "null is not allowed here: leave the property out instead"
)


def _build_order(model: type[BaseModel]) -> list[type[BaseModel]]:
    """``model`` and the deferred models it names at any depth, each after the models it
    names (cycles broken anywhere), ending with ``model``.

    Built in this order, each class's validator is built once and reused by the classes that
    name it. Built alone, a class builds a private copy of everything it reaches, and the next
    class does it all again: through Stripe's expandable fields most resources reach the same
    ~500 classes, and first-parsing each of its 224 response types took 35 s that way instead
    of 3 s.
    """
    order: list[type[BaseModel]] = []
    seen = {model}
    stack = [(model, iter(_named_models(model)))]
    while stack:
        current, pending = stack[-1]
        nxt = next((m for m in pending if m not in seen), None)
        if nxt is None:
            stack.pop()
            order.append(current)
        else:
            seen.add(nxt)
            if not nxt.__pydantic_complete__:
                stack.append((nxt, iter(_named_models(nxt))))
    return order


def _named_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The pydantic models the fields of ``model`` name (through unions, lists, maps...)."""
    module = sys.modules.get(model.__module__)
    namespace = vars(module) if module is not None else {}
    found: list[type[BaseModel]] = []
    pending: list[Any] = [info.annotation for info in model.__pydantic_fields__.values()]
    while pending:
        tp = pending.pop()
        if isinstance(tp, ForwardRef):  # a string annotation: a class declared further down
            try:
                tp = eval(tp.__forward_arg__, namespace)  # noqa: S307 (generated code)
            except Exception:  # noqa: BLE001 - pydantic reports what it cannot resolve
                continue
        if isinstance(tp, type):
            if issubclass(tp, BaseModel):
                found.append(tp)
        elif get_origin(tp) is not Literal:  # a literal's strings are values, not types
            pending.extend(get_args(tp))
    return found


class WriteOnlyModel(SpecModel):
    """Base of the generated models that declare ``writeOnly`` fields (listed in
    ``__write_only__``): a response never fills them. A server that echoes a password back
    does not put it in the model, so it is neither shown nor sent back by a read-modify-write;
    the field keeps its default, unset. Nested models, lists and maps of them are handled by
    their own classes, as pydantic validates them. A request (strict parsing) keeps them.

    A separate base, not a validator on ``SpecModel``, so that models without write-only
    fields (nearly all) pay nothing per instance while a response is parsed.
    """

    @pydantic.model_validator(mode="before")
    @classmethod
    def _drop_write_only(cls, data: Any) -> Any:
        if (
            _lenient.get()
            and isinstance(data, dict)
            and not cls.__write_only_keys__.isdisjoint(data)
        ):
            return {k: v for k, v in data.items() if k not in cls.__write_only_keys__}
        return data


def complete_models(models: Iterable[type[BaseModel]] | None = None) -> int:
    """Build the validators of ``models`` (default: every subclass of ``SpecModel``, that is
    every generated model imported so far) now instead of on first use; returns how many.

    For a program that would rather pay at start-up than on the first call of each type (a
    server, a latency-sensitive worker). Nothing needs it to be correct.
    """
    todo = list(_subclasses(SpecModel) if models is None else models)
    for model in todo:
        model.model_rebuild(raise_errors=True)
    return len(todo)


def _subclasses(base: type[BaseModel]) -> list[type[BaseModel]]:
    """Every subclass of ``base`` (at any depth, each once), bases before their subclasses."""
    found: dict[type[BaseModel], None] = {}
    pending = list(base.__subclasses__())
    while pending:
        cls = pending.pop(0)
        if cls not in found:
            found[cls] = None
            pending.extend(cls.__subclasses__())
    return list(found)


class NullNotAllowedError(ValueError):
    """A request body holds ``None`` (set after the model was built) where the spec allows no
    ``null``; raised before anything is sent. ``location`` is the path to the property."""

    def __init__(self, location: str, model: str, field: str) -> None:
        super().__init__(
            f"{location}: {model}.{field} does not allow null; leave it unset to omit it"
        )
        self.location = location


def request_dump(model: BaseModel, mode: str = "json") -> Any:
    """A model as a request body: by alias, only the fields that were set, and without
    read-only fields at any depth (``mode="python"`` keeps bytes, for multipart files).
    A ``None`` where the spec allows no null raises ``NullNotAllowedError`` naming it."""
    dumped = model.model_dump(mode=mode, by_alias=True, exclude_unset=True)
    _drop_read_only(model, dumped, "")
    return dumped


def _drop_read_only(value: object, dumped: object, where: str) -> None:
    if isinstance(value, BaseModel) and isinstance(dumped, dict):
        cls = type(value)
        read_only: frozenset[str] = getattr(cls, "__read_only__", frozenset())
        no_null = {name for name, _ in _no_null_fields(cls)}
        fields = cls.model_fields
        for name in value.model_fields_set:
            info = fields.get(name)
            key = (info.serialization_alias or info.alias or name) if info else name
            if key not in dumped:
                continue
            if name in read_only:
                del dumped[key]
                continue
            item = getattr(value, name, None)
            path = f"{where}.{key}" if where else key
            if item is None and name in no_null:
                raise NullNotAllowedError(path, cls.__name__, name)
            _drop_read_only(item, dumped[key], path)
    elif isinstance(value, list | tuple) and isinstance(dumped, list):
        for index, (item, item_dumped) in enumerate(zip(value, dumped, strict=False)):
            _drop_read_only(item, item_dumped, f"{where}[{index}]")
    elif isinstance(value, dict) and isinstance(dumped, dict):
        for key, item in value.items():
            if key in dumped:
                _drop_read_only(item, dumped[key], f"{where}.{key}" if where else str(key))


_HAS_OFFSET = re.compile(r"(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$")


def _assume_utc(value: Any) -> Any:
    # A naive datetime object is taken as UTC; a naive string only while parsing a response
    # (servers that omit the offset mean UTC far more often than anything else).
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if isinstance(value, str) and "T" in value.upper():
        if _HAS_OFFSET.search(value):
            if _lenient.get():
                return value  # pydantic parses it, faster
            # Strict validation (a server reading a request) refuses text handed on by a
            # validator, even a valid RFC 3339 date-time: it gets the datetime instead.
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                return value
        if not _lenient.get():
            return value
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return value
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    return value


AwareDatetime = Annotated[pydantic.AwareDatetime, BeforeValidator(_assume_utc)]
"""``pydantic.AwareDatetime`` that takes a naive ``datetime`` as UTC, and a naive string as UTC
while a response is parsed (requests built from strings stay strict)."""


Int32 = Annotated[int, pydantic.Field(ge=-(2**31), le=2**31 - 1)]
"""An integer of ``format: int32``: the format bounds the value."""

Int64 = Annotated[int, pydantic.Field(ge=-(2**63), le=2**63 - 1)]
"""An integer of ``format: int64``: the format bounds the value."""


def _unique_items(items: list[Any]) -> list[Any]:
    # Compared with ==, as JSON Schema compares (objects without order); items may be models,
    # which hash by nothing, so pairwise: arrays that declare uniqueItems are short. A response
    # is read leniently: a server that repeats an item has not made its answer unreadable.
    if _lenient.get():
        return items
    for index, item in enumerate(items):
        if any(item == earlier for earlier in items[:index]):
            raise PydanticCustomError(
                "unique_items",
                "items must be unique (uniqueItems), item {index} repeats an earlier one",
                {"index": index},
            )
    return items


UniqueItems: Final = AfterValidator(_unique_items)
"""``Annotated[list[X], UniqueItems]``: an array of ``uniqueItems: true`` refuses a repeated item
when a request is built or a server reads one (a response is read leniently)."""


def NotOneOf(excluded: tuple[object, ...]) -> AfterValidator:  # noqa: N802 (reads as a type)
    """``Annotated[str, NotOneOf(("cat",))]``: a scalar of ``not: {enum: [...]}`` refuses those
    values when a request is built or a server reads one (a response is read leniently)."""

    def check(value: Any) -> Any:
        if not _lenient.get() and any(
            value == refused and type(value) is type(refused) for refused in excluded
        ):
            raise PydanticCustomError(
                "not_allowed",
                "{value} is a value the schema rules out (not)",
                {"value": repr(value)},
            )
        return value

    return AfterValidator(check)
