# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""iTwin Reality Modeling (ContextCapture) v1: typed sync and async clients and pydantic models.

Curated from two captures of the Bentley iTwin Reality Modeling (ContextCapture) v1 reference: page 001 (Create a new job) and page 003 (Retrieve a list of jobs, a later capture). Shared schemas hold the union of both pages: page 003 adds the `GaussianSplats` output format and the `West Europe` location. HTTP methods, paths, the server URL and the OAuth2 endpoints are not shown on the pages; they come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.

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

__version__ = "v1"

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
