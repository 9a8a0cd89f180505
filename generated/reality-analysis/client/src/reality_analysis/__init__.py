# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""iTwin Reality Analysis v2: typed sync and async clients and pydantic models.

Curated from page 002 (Bentley iTwin Reality Analysis v2, Cancel a job). The method and path (`DELETE /reality-analysis/jobs/{id}`) and the success status are inferred from the API operation index and SDK; the server URL and OAuth2 endpoints come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.

Start with ``Client`` (or ``AsyncClient``); errors raised by them are importable from here.
"""

from . import models
from ._client import (
    AsyncClient,
    AsyncClientWithRawResponse,
    AsyncClientWithStreamingResponse,
    Client,
    ClientWithRawResponse,
    ClientWithStreamingResponse,
    async_client_credentials,
    client_credentials,
)
from ._runtime import (
    NOT_GIVEN,
    APIConnectionError,
    APIError,
    APIResponse,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncOAuth2ClientCredentials,
    AsyncPage,
    AsyncPager,
    AsyncStream,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    NotGiven,
    NullNotAllowedError,
    OAuth2ClientCredentials,
    PermissionDeniedError,
    RateLimitError,
    RequestOptions,
    RequestValidationError,
    ServerSentEvent,
    Stream,
    SyncPage,
    UnprocessableEntityError,
    strict_responses,
)

__version__ = "v2"

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncClientWithRawResponse",
    "AsyncClientWithStreamingResponse",
    "AsyncOAuth2ClientCredentials",
    "AsyncPage",
    "AsyncPager",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientWithRawResponse",
    "ClientWithStreamingResponse",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "NullNotAllowedError",
    "OAuth2ClientCredentials",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestOptions",
    "RequestValidationError",
    "ServerSentEvent",
    "Stream",
    "SyncPage",
    "UnprocessableEntityError",
    "async_client_credentials",
    "client_credentials",
    "models",
    "strict_responses",
]
