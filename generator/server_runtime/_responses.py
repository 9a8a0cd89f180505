"""A handler's result written as an HTTP response.

HTTP forbids a body on 1xx, 204, 205 and 304 answers: a server that writes one anyway (a spec
that declares a 204 with a schema, an implementation returning a body with it) breaks the
connection for the client's next request ("Too much data for declared Content-Length"), so
the body is dropped there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import TypeAdapter
from starlette.responses import Response

from ._http import body_allowed

_ANY: TypeAdapter[Any] = TypeAdapter(Any)


def respond(body: object, status: int, headers: Mapping[str, str], media_type: str) -> Response:
    """`body` (a model, whose unset fields are left out; plain data; bytes or text for a
    non-JSON media type; None for no body) as a response with `status` and `headers`."""
    if body is None or not body_allowed(status):
        return Response(status_code=status, headers=dict(headers))
    if isinstance(body, bytes | str) and "json" not in media_type:
        return Response(body, status_code=status, headers=dict(headers), media_type=media_type)
    content = json_content(body)
    return JSONResponse(content, status_code=status, headers=dict(headers), media_type=media_type)


def json_content(body: object) -> Any:
    """`body` as the JSON data the server sends: models by wire name, unset fields left out."""
    return _ANY.dump_python(body, mode="json", by_alias=True, exclude_unset=True)
