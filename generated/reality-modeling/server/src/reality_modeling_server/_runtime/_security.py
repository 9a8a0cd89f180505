# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The spec's security requirements, checked before any operation runs.

Only presence and form are checked (a bearer token, basic credentials, an API key): this is a
stub, so tokens are not verified. A request that meets no alternative gets 401.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

from fastapi import Request

from ._errors import ApiError


@dataclass(frozen=True)
class Scheme:
    kind: str  # bearer | basic | apiKey
    location: str = "header"
    parameter: str = ""


@dataclass(frozen=True)
class Requirements:
    """The API's schemes by name; `require` makes the dependency of one operation."""

    schemes: Mapping[str, Scheme]

    def require(
        self, alternatives: Sequence[Sequence[str]]
    ) -> Callable[[Request], Awaitable[None]]:
        """A dependency passing when all schemes of any one alternative are present."""
        schemes = self.schemes

        async def check(request: Request) -> None:
            for names in alternatives:
                if all(_credential(request, schemes[name]) for name in names):
                    return
            raise ApiError(401, _missing(schemes[alternatives[0][0]]))

        return check


def _credential(request: Request, scheme: Scheme) -> bool:
    if scheme.kind == "apiKey":
        source = {"query": request.query_params, "cookie": request.cookies}.get(
            scheme.location, request.headers
        )
        return bool(source.get(scheme.parameter))
    prefix, _, value = request.headers.get("authorization", "").partition(" ")
    expected = "bearer" if scheme.kind == "bearer" else "basic"
    return prefix.lower() == expected and bool(value.strip())


def _missing(scheme: Scheme) -> str:
    if scheme.kind == "apiKey":
        return f"API key {scheme.parameter!r} ({scheme.location}) was not found in the request."
    kind = "Bearer token" if scheme.kind == "bearer" else "Basic credentials"
    return f"Header Authorization with a {kind} was not found in the request. Access denied."
