"""Security schemes: which credentials an operation needs and how each goes on the wire.

A generated client declares its spec's schemes (``auth_schemes``) and each operation the
alternatives it accepts (``security=(("api_key",), ("oauth", "basic"))``: either an API key,
or an OAuth token together with basic credentials). Per attempt the client picks the first
alternative whose credentials were all given, resolves callables (so tokens refresh) and adds
each to a header, the query string or a cookie.
"""

from __future__ import annotations

import base64
import inspect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias
from urllib.parse import quote

__all__ = [
    "AppliedAuth",
    "AuthScheme",
    "BasicCredentials",
    "Security",
    "apply_credentials",
    "check_credentials",
    "check_token_use",
    "choose_alternative",
]

Security: TypeAlias = tuple[tuple[str, ...], ...]
"""An operation's alternatives (OR), each a tuple of scheme names (AND); ``()`` is anonymous."""

BasicCredentials: TypeAlias = tuple[str, str]
"""``(username, password)`` for HTTP basic authentication."""


@dataclass(frozen=True)
class AuthScheme:
    """One security scheme of the spec, as the client applies it.

    ``kind`` is ``bearer`` (HTTP bearer, OAuth2, OpenID Connect), ``basic``, ``api_key`` or
    ``http`` (another HTTP scheme: ``Authorization: <http_scheme> <credential>``).
    """

    name: str
    kind: Literal["bearer", "basic", "api_key", "http"]
    argument: str
    """The constructor argument that takes the credential (for messages)."""
    location: Literal["header", "query", "cookie"] = "header"
    parameter: str = "Authorization"
    http_scheme: str = "Bearer"


@dataclass
class AppliedAuth:
    """What one attempt adds to the request."""

    headers: dict[str, str] = field(default_factory=dict)
    query: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)


def check_credentials(schemes: Mapping[str, AuthScheme], credentials: Mapping[str, object]) -> None:
    """Refuse an empty credential at construction, naming the argument (an unset environment
    variable would otherwise send ``Bearer `` and fail far away)."""
    for name, value in credentials.items():
        scheme = schemes.get(name)
        argument = scheme.argument if scheme else name
        if isinstance(value, str) and not value.strip():
            raise ValueError(
                f"{argument} is empty (an unset environment variable?); pass the credential "
                "or leave the argument out"
            )
        if scheme is not None and scheme.kind == "basic" and value is not None:
            if not isinstance(value, tuple) or len(value) != 2 or not value[0]:
                raise ValueError(f"{argument} must be a (username, password) tuple")


def check_token_use(schemes: Mapping[str, AuthScheme], token: object) -> None:
    """Refuse ``token=`` at construction when the API has security schemes but none takes a
    bearer token: it would never be sent, and the server's 401 would say nothing of why.
    The message names each scheme the API has and the argument that takes its credential."""
    if token is None or not schemes or any(s.kind == "bearer" for s in schemes.values()):
        return
    listed = "; ".join(_described(scheme) for scheme in schemes.values())
    hint = ""
    if len(schemes) == 1:
        hint = f" Did you mean {next(iter(schemes.values())).argument}=...?"
    raise ValueError(
        "token is not used by this API: it has no bearer, OAuth2 or OpenID Connect security "
        f"scheme. Its schemes: {listed}.{hint}"
    )


def _described(scheme: AuthScheme) -> str:
    if scheme.kind == "api_key":
        what = f"an API key in the {scheme.location} {scheme.parameter!r}"
    elif scheme.kind == "basic":
        what = "HTTP basic, a (username, password) tuple"
    else:
        what = f"HTTP {scheme.http_scheme}"
    return f"{scheme.name!r} ({what}): pass {scheme.argument}=..."


def choose_alternative(
    security: Security, available: Mapping[str, object]
) -> tuple[str, ...] | None:
    """The first alternative whose schemes all have a credential; ``None`` when none has
    (the request then goes without credentials and the server decides)."""
    for alternative in security:
        if all(available.get(name) is not None for name in alternative):
            return alternative
    return None


def check_resolved(value: object, argument: str) -> str:
    """A credential a callable returned: a non-empty string, or a clear error."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(
            f"the callable given as {argument} must return a non-empty str, got {value!r}"
        )
    return value


def apply_credentials(
    schemes: Sequence[AuthScheme], values: Sequence[object], applied: AppliedAuth
) -> None:
    """Add resolved credentials (strings, or basic tuples) to ``applied``."""
    for scheme, value in zip(schemes, values, strict=True):
        if scheme.kind == "basic":
            user, password = value if isinstance(value, tuple) else ("", "")
            raw = f"{user}:{password}".encode()
            applied.headers["Authorization"] = "Basic " + base64.b64encode(raw).decode("ascii")
            continue
        text = check_resolved(value, scheme.argument)
        if scheme.kind == "api_key":
            if scheme.location == "query":
                applied.query.append(f"{quote(scheme.parameter, safe='')}={quote(text, safe='')}")
            elif scheme.location == "cookie":
                applied.cookies.append(f"{quote(scheme.parameter, safe='')}={quote(text, safe='')}")
            else:
                applied.headers[scheme.parameter] = text
            continue
        prefix = "Bearer" if scheme.kind == "bearer" else scheme.http_scheme
        # A token that already names its scheme ("Bearer abc") is sent as it is.
        if text.lower().startswith(prefix.lower() + " "):
            applied.headers["Authorization"] = text
        else:
            applied.headers["Authorization"] = f"{prefix} {text}"


def resolve_sync(value: object, argument: str) -> object:
    """A credential's current value (a callable is called: tokens refresh)."""
    if isinstance(value, str | tuple) or value is None:
        return value
    if callable(value):
        result = value()
        if inspect.isawaitable(result):
            raise TypeError(f"{argument} is async; use the AsyncClient")
        return result
    return value


async def resolve_async(value: object, argument: str) -> object:
    """Like ``resolve_sync``, awaiting an async callable's result."""
    if isinstance(value, str | tuple) or value is None:
        return value
    if callable(value):
        result = value()
        if inspect.isawaitable(result):
            result = await result
        return result
    return value
