"""`specgen mock --token T`: the mock refuses a secured operation unless one credential the
request carries for the operation's schemes is `T` (a bearer token, an API key, or the password
of basic credentials). Without `--token` only the presence of credentials is checked, by the
generated server itself."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping

from generator.ir.model import Api, Operation, SecurityScheme


def presented(
    op: Operation,
    schemes: Mapping[str, SecurityScheme],
    headers: Mapping[str, str],
    query: Mapping[str, str],
    cookies: Mapping[str, str],
) -> list[str]:
    """Every credential the request carries for a scheme `op` accepts."""
    found: list[str] = []
    for requirement in op.security:
        for name, _ in requirement.schemes:
            scheme = schemes.get(name)
            if scheme is None:
                continue
            kind = scheme.client_kind
            if kind == "api_key":
                source = {"query": query, "cookie": cookies}.get(scheme.location, headers)
                value = source.get(scheme.parameter_name) or source.get(
                    scheme.parameter_name.lower()
                )
                found += [value] if value else []
                continue
            prefix, _, value = headers.get("authorization", "").partition(" ")
            if kind == "basic" and prefix.lower() == "basic":
                try:
                    decoded = base64.b64decode(value.strip(), validate=True).decode()
                except (binascii.Error, UnicodeDecodeError):
                    continue
                found += [decoded, decoded.partition(":")[2]]
            elif kind in ("bearer", "http") and value.strip():
                found.append(value.strip())
    return found


def needs_credentials(op: Operation) -> bool:
    """Secured: some alternative exists and none is anonymous (`{}`)."""
    return bool(op.security) and all(requirement.schemes for requirement in op.security)


def scheme_table(api: Api) -> dict[str, SecurityScheme]:
    return {scheme.name: scheme for scheme in api.security_schemes}
