"""The FastAPI stubs' view of one parameter: the annotation its handler receives, its FastAPI
marker (`Path`, `Query`, `Header`, `Cookie`), its default and range/length constraints, or the
`ObjectParam` reader of a query object spread over several keys.

Apart from the routes (`stubs`), which place these views in their handlers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.ir.model import Parameter
from generator.ir.types import AnyType, MapOf, Nullable, Primitive, TypeExpr
from generator.render.literals import py_literal
from generator.values.schema import Schemas

# What app.py imports besides the client's models, for an annotation evaluated at import.
_ANNOTATION_NAMES = frozenset(
    {"int", "str", "float", "bool", "bytes", "list", "dict", "None", "Any"}
)
_MARKERS = {"path": "Path", "query": "Query", "header": "Header", "cookie": "Cookie"}
# JSON Schema keyword → FastAPI/pydantic constraint keyword, for scalar parameters.
_NUMBER_CONSTRAINTS = (("minimum", "ge"), ("maximum", "le"), ("multipleOf", "multiple_of"))
_STRING_CONSTRAINTS = (("minLength", "min_length"), ("maxLength", "max_length"))


@dataclass(frozen=True)
class ParamView:
    python_name: str
    wire_name: str
    marker: str  # Path | Query | Header | Cookie
    annotation: str  # what the handler receives, e.g. `int` or `str | None`
    default: str | None  # Python literal; None when required
    constraints: tuple[tuple[str, str], ...]  # (keyword, Python literal)
    description: str
    deprecated: bool
    reader: str | None = None  # `ObjectParam(...)`: an object gathered from several query keys
    alias: str = ""  # the name FastAPI reads it by: the wire name, or a path's placeholder


def param_view(param: Parameter, schemas: Schemas) -> ParamView:
    """How the stub's handler receives `param`."""
    annotation = param.type.annotation
    expr = _non_null(param.type.expr)
    nullable = isinstance(param.type.expr, Nullable | AnyType)
    reader = _object_reader(param, schemas)
    scalar = _fastapi_scalar(schemas, param.schema, arrays=param.location != "path")
    if reader is None and (isinstance(expr, MapOf) or not scalar):
        # Content parameters, and any type FastAPI cannot read from a query, header or
        # cookie (arrays of objects, unions of them) or a path (arrays too), arrive as their
        # raw text.
        annotation, expr, nullable = "str", Primitive("string"), False
    default: str | None = None
    if param.location == "path":
        pass  # FastAPI refuses a default on a path parameter (the value is always there)
    elif reader is not None:
        # A dependency takes no default: an absent optional object reads as None.
        annotation = annotation if param.required or nullable else f"{annotation} | None"
    elif param.default is not None:
        default = py_literal(param.default)
    elif not param.required:
        default = "None"
        if not nullable:
            annotation = f"{annotation} | None"
    return ParamView(
        python_name=param.python_name,
        wire_name=param.wire_name,
        marker=_MARKERS[param.location],
        annotation=annotation,
        default=default,
        constraints=() if reader else _constraints(schemas.resolve(param.schema), expr),
        description=param.description,
        deprecated=param.deprecated,
        reader=reader,
        alias=param.wire_name,
    )


def _object_reader(param: Parameter, schemas: Schemas) -> str | None:
    """The `ObjectParam(...)` reading a query object spread over several keys (deepObject,
    or a form object with declared properties), or None when FastAPI reads the parameter."""
    if param.location != "query":
        return None
    style = param.style or "form"
    props = tuple(schemas.properties(param.schema))
    is_object = schemas.primitive_type(param.schema) == "object" and bool(props)
    if style != "deepObject" and not (style == "form" and is_object):
        return None
    names = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", param.type.annotation))
    if names - set(param.type.models) - _ANNOTATION_NAMES:
        return None  # a name app.py does not import (a date, ...): read as raw text
    return (
        f"ObjectParam({py_literal(param.wire_name)}, {py_literal(style)},"
        f" explode={param.explode}, required={param.required},"
        f" type={param.type.annotation}, properties={py_literal(props)})"
    )


def _fastapi_scalar(schemas: Schemas, schema: Any, *, arrays: bool) -> bool:
    """A primitive, an enum, or (with `arrays`) an array of those: what FastAPI reads from a
    query (a path takes no arrays)."""
    scalars = ("string", "integer", "number", "boolean")
    if schemas.primitive_type(schema) in scalars or schemas.enum(schema):
        return True
    if arrays and schemas.primitive_type(schema) == "array":
        items = schemas.resolve(schema).get("items")
        return schemas.primitive_type(items) in scalars or bool(schemas.enum(items))
    return False


def _non_null(expr: TypeExpr) -> TypeExpr:
    return expr.inner if isinstance(expr, Nullable) else expr


def _constraints(schema: dict[str, Any], expr: TypeExpr) -> tuple[tuple[str, str], ...]:
    """FastAPI's range and length markers for a scalar parameter of type `expr`."""
    kind = expr.kind if isinstance(expr, Primitive) and expr.format != "binary" else None
    result: list[tuple[str, str]] = []
    if kind in ("integer", "number"):
        for keyword, marker in _NUMBER_CONSTRAINTS:
            if _is_number(schema.get(keyword)):
                result.append((marker, py_literal(schema[keyword])))
        for keyword, bound, inclusive in (
            ("exclusiveMinimum", "gt", "minimum"),
            ("exclusiveMaximum", "lt", "maximum"),
        ):
            value = schema.get(keyword)
            if value is True and _is_number(schema.get(inclusive)):  # OpenAPI 3.0 flag form
                result = [(k, v) for k, v in result if k != ("ge" if bound == "gt" else "le")]
                result.append((bound, py_literal(schema[inclusive])))
            elif _is_number(value):
                result.append((bound, py_literal(value)))
    if kind == "string":
        for keyword, marker in _STRING_CONSTRAINTS:
            if isinstance(schema.get(keyword), int):
                result.append((marker, py_literal(schema[keyword])))
        if isinstance(schema.get("pattern"), str):
            result.append(("pattern", py_literal(schema["pattern"])))
    return tuple(result)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
