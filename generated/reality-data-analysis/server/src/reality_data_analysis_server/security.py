# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The spec's security requirements, checked before any operation runs.

Only presence and form are checked (a bearer token, basic credentials, an API key): this is a
stub, so tokens are not verified. A request that meets no alternative gets 401.
"""

from __future__ import annotations

from typing import Any

from ._runtime._security import Requirements, Scheme

__all__ = ["SECURITY_SCHEMES", "Scheme", "require"]


SCHEMES: dict[str, Scheme] = {
    "bentleyOAuth2": Scheme("bearer", "header", ""),
}
SECURITY_SCHEMES: dict[str, Any] = {
    "bentleyOAuth2": {
        "type": "oauth2",
        "description": "Bentley IMS OAuth2 (OpenID Connect). Use the authorization code flow with PKCE for native and single-page apps (public clients, no client secret), and client credentials for service apps. Access tokens live 3600 s; request the `offline_access` scope (authorization code flow) to receive a refresh token, redeemed at the token URL. Send the token as `Authorization: Bearer <token>`. Rate limit: 500 requests/min on the community tier.",
        "flows": {
            "authorizationCode": {
                "scopes": {
                    "realitydataanalysis:modify": "Read and modify Reality Data Analysis jobs.",
                    "offline_access": "Issue a refresh token with the access token.",
                },
                "authorizationUrl": "https://ims.bentley.com/connect/authorize",
                "tokenUrl": "https://ims.bentley.com/connect/token",
                "refreshUrl": "https://ims.bentley.com/connect/token",
            },
            "clientCredentials": {
                "scopes": {
                    "realitydataanalysis:modify": "Read and modify Reality Data Analysis jobs."
                },
                "tokenUrl": "https://ims.bentley.com/connect/token",
            },
        },
    },
}
"""The schemes as OpenAPI `components.securitySchemes`, for the app's /openapi.json."""


require = Requirements(SCHEMES).require
"""A dependency passing when all schemes of any one alternative are present (else 401)."""
