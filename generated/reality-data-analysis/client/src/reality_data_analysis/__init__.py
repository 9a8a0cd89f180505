# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""iTwin Reality Data Analysis v1: typed sync and async clients and pydantic models.

Curated from page 004: a QA-era variant of Bentley iTwin Reality Data Analysis v1 (scope `realitydataanalysis:modify`, `settings.inputs[{name, realityDataId}]`, job `projectId`), transcribed as written. The method, path, server URL and OAuth2 endpoints come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.

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
