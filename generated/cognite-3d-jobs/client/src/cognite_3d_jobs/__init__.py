# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Cognite Data Fusion 3D jobs v1: typed sync and async clients and pydantic models.

Curated from page 000 (Cognite Data Fusion, Create a job using 3D source data). The page shows the request and response only as examples, so the item schemas are read from those examples and marked `x-inferred`. Decisions are recorded in specs/DECISIONS.md.

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
    "models",
    "strict_responses",
]
