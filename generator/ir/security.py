"""Servers and security: the document-level facts a client is constructed with."""

from __future__ import annotations

from dataclasses import dataclass
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
            result.append(
                SecurityScheme(
                    name=str(scheme_name),
                    kind=str(scheme.get("type", "")),
                    scheme=str(scheme.get("scheme") or ""),
                    bearer_format=str(scheme.get("bearerFormat") or ""),
                    location=str(scheme.get("in") or ""),
                    parameter_name=str(scheme.get("name") or ""),
                    description=str(scheme.get("description") or ""),
                    flows=flows,
                )
            )
        return tuple(result)


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
