"""Servers and security: the document-level facts a client is constructed with."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from generator import naming
from generator.ir.context import BuildContext
from generator.ir.model import (
    OAuthFlow,
    SecurityRequirement,
    SecurityScheme,
    Server,
    ServerVariable,
)
from generator.openapi import escape


@dataclass
class DocumentFacts:
    """Servers and security schemes of one spec."""

    ctx: BuildContext

    def servers(self) -> tuple[Server, ...]:
        result = []
        for index, server in enumerate(self.ctx.root.data.get("servers") or ()):
            if not isinstance(server, dict) or not isinstance(server.get("url"), str):
                self.ctx.warn(
                    "server-invalid", "server without a url; skipped", f"#/servers/{index}"
                )
                continue
            taken: set[str] = set()
            variables = tuple(
                ServerVariable(
                    name=str(var_name),
                    python_name=naming.unique(
                        naming.snake(str(var_name), reserved=naming.CONSTRUCTOR_RESERVED), taken
                    ),
                    default=str(var.get("default", "")),
                    enum=tuple(str(v) for v in var.get("enum") or ()),
                    description=str(var.get("description") or ""),
                )
                for var_name, var in (server.get("variables") or {}).items()
                if isinstance(var, dict)
            )
            result.append(Server(server["url"], str(server.get("description") or ""), variables))
        return tuple(result)

    def security_schemes(self) -> tuple[SecurityScheme, ...]:
        schemes = ((self.ctx.root.data.get("components") or {}).get("securitySchemes")) or {}
        taken = self._server_variable_names()
        result = []
        for scheme_name, raw in schemes.items():
            scheme, _, _ = self.ctx.deref(
                raw, self.ctx.root, f"#/components/securitySchemes/{escape(scheme_name)}"
            )
            if not isinstance(scheme, dict):
                continue
            flows = tuple(
                OAuthFlow(
                    kind=str(kind),
                    token_url=str(flow.get("tokenUrl") or ""),
                    authorization_url=str(flow.get("authorizationUrl") or ""),
                    refresh_url=str(flow.get("refreshUrl") or ""),
                    scopes=tuple((str(k), str(v)) for k, v in (flow.get("scopes") or {}).items()),
                )
                for kind, flow in (scheme.get("flows") or {}).items()
                if isinstance(flow, dict)
            )
            pointer = f"#/components/securitySchemes/{escape(scheme_name)}"
            parsed = SecurityScheme(
                name=str(scheme_name),
                kind=str(scheme.get("type", "")),
                scheme=str(scheme.get("scheme") or ""),
                bearer_format=str(scheme.get("bearerFormat") or ""),
                location=str(scheme.get("in") or ""),
                parameter_name=str(scheme.get("name") or ""),
                description=str(scheme.get("description") or ""),
                flows=flows,
                open_id_connect_url=str(scheme.get("openIdConnectUrl") or ""),
            )
            if not parsed.client_kind:
                self.ctx.warn(
                    "security-unsupported",
                    f"security scheme {scheme_name!r} ({parsed.kind}) is not applied by the "
                    "client; configure it on the http_client (e.g. a TLS client certificate)",
                    pointer,
                )
                result.append(parsed)
                continue
            if parsed.client_kind == "http":
                self.ctx.warn(
                    "security-http-scheme",
                    f"security scheme {scheme_name!r}: HTTP scheme {parsed.scheme!r} is sent as "
                    f"'Authorization: {parsed.scheme} <credential>'",
                    pointer,
                )
            argument = naming.unique(
                naming.snake(
                    str(scheme_name), fallback="credential", reserved=naming.CONSTRUCTOR_RESERVED
                ),
                taken,
            )
            result.append(replace(parsed, python_name=argument))
        return tuple(result)

    def _server_variable_names(self) -> set[str]:
        """The constructor arguments the first server's variables take (as `servers` names
        them), so a scheme's argument never collides with one."""
        taken: set[str] = {"credentials"}
        servers = self.ctx.root.data.get("servers") or ()
        first = next(
            (s for s in servers if isinstance(s, dict) and isinstance(s.get("url"), str)), None
        )
        variables = first.get("variables") if first else None
        names: set[str] = set()
        for var_name in variables if isinstance(variables, dict) else {}:
            snake = naming.snake(str(var_name), reserved=naming.CONSTRUCTOR_RESERVED)
            taken.add(naming.unique(snake, names))
        return taken


def security_requirements(raw: Any) -> tuple[SecurityRequirement, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        SecurityRequirement(
            tuple(
                (str(name), tuple(str(s) for s in scopes or ())) for name, scopes in entry.items()
            )
        )
        for entry in raw
        if isinstance(entry, dict)
    )
