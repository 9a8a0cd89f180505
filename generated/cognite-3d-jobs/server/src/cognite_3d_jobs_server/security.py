# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The spec's security requirements, checked before any operation runs.

Only presence and form are checked (a bearer token, basic credentials, an API key): this is a
stub, so tokens are not verified. A request that meets no alternative gets 401.
"""

from __future__ import annotations

from typing import Any

from ._runtime._security import Requirements, Scheme

__all__ = ["SECURITY_SCHEMES", "Scheme", "require"]


SCHEMES: dict[str, Scheme] = {
    "oidcBearer": Scheme("bearer", "header", ""),
}
SECURITY_SCHEMES: dict[str, Any] = {
    "oidcBearer": {
        "type": "http",
        "description": "Access token issued by the CDF project's configured identity provider. Access token must be an OpenID Connect token, and the project must be configured to accept OpenID Connect tokens. Use a header key of 'Authorization' with a value of 'Bearer $accesstoken'. The token can be obtained through any flow supported by the identity provider (for example Entra ID client credentials with scope `https://{cluster}.cognitedata.com/.default`).",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    },
}
"""The schemes as OpenAPI `components.securitySchemes`, for the app's /openapi.json."""


require = Requirements(SCHEMES).require
"""A dependency passing when all schemes of any one alternative are present (else 401)."""
