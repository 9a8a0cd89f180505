# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Typed clients for iTwin Reality Data Analysis v1: ``Client`` and ``AsyncClient``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import httpx

from ._runtime import (
    NOT_GIVEN,
    AsyncAPIClient,
    AsyncOAuth2ClientCredentials,
    AsyncTokenProvider,
    AuthScheme,
    NotGiven,
    OAuth2ClientCredentials,
    RequestOptions,
    SyncAPIClient,
    Timeout,
    TokenProvider,
    async_raw_wrapper,
    async_streaming_wrapper,
    merge_options,
    raw_wrapper,
    streaming_wrapper,
)
from .models import (
    JobPatch,
    JobResponse,
)

__all__ = ["AsyncClient", "Client", "async_client_credentials", "client_credentials"]

AUTH_SCHEMES: dict[str, AuthScheme] = {
    "bentleyOAuth2": AuthScheme(
        name="bentleyOAuth2",
        kind="bearer",
        argument="bentley_o_auth2",
    ),
}
"""The spec's security schemes: how each credential goes on the wire."""
SERVER_URL = "https://api.bentley.com"
"""The spec's first server."""
TOKEN_URL = "https://ims.bentley.com/connect/token"
DEFAULT_SCOPES: tuple[str, ...] = ("realitydataanalysis:modify",)


def client_credentials(
    client_id: str,
    client_secret: str,
    *,
    scopes: Sequence[str] = DEFAULT_SCOPES,
    token_url: str = TOKEN_URL,
) -> OAuth2ClientCredentials:
    """A token provider for ``Client(token=...)``: OAuth2 client credentials, cached and
    refreshed before expiry."""
    return OAuth2ClientCredentials(token_url, client_id, client_secret, tuple(scopes))


def async_client_credentials(
    client_id: str,
    client_secret: str,
    *,
    scopes: Sequence[str] = DEFAULT_SCOPES,
    token_url: str = TOKEN_URL,
) -> AsyncOAuth2ClientCredentials:
    """The ``AsyncClient`` counterpart of ``client_credentials``."""
    return AsyncOAuth2ClientCredentials(token_url, client_id, client_secret, tuple(scopes))


def server_url() -> str:
    """``SERVER_URL`` with its variables filled in."""
    return SERVER_URL


class Client(SyncAPIClient):
    """Client for iTwin Reality Data Analysis v1.

    Curated from page 004: a QA-era variant of Bentley iTwin Reality Data Analysis v1 (scope `realitydataanalysis:modify`, `settings.inputs[{name, realityDataId}]`, job `projectId`), transcribed as written. The method, path, server URL and OAuth2 endpoints come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.

    Args:
        token: Bearer token, or a callable returning one (called per request, so tokens refresh); see ``client_credentials``. Used for every bearer, OAuth2 and OpenID Connect scheme not given its own argument.
        bentley_o_auth2: OAuth2 access token (a string, or a callable returning one) (scheme ``bentleyOAuth2``). Bentley IMS OAuth2 (OpenID Connect). Use the authorization code flow with PKCE for native and single-page apps (public clients, no client secret), and client credentials for service apps. Access tokens live 3600 s; request the `offline_access` scope (authorization code flow) to receive a refresh token, redeemed at the token URL. Send the token as `Authorization: Bearer <token>`. Rate limit: 500 requests/min on the community tier.
        base_url: Replaces the whole server URL (for a mock, a proxy or another region).
        timeout: Seconds (or an ``httpx.Timeout``) for each request.
        max_retries: Retries for connection errors, 408, 429 and 5xx (POST/PATCH only when idempotent).
        http_client: Your own ``httpx.Client`` (not closed by this client).
    """

    default_base_url = SERVER_URL or None
    auth_schemes = AUTH_SCHEMES
    user_agent = "reality-data-analysis/1"

    def __init__(
        self,
        *,
        token: TokenProvider | None = None,
        bentley_o_auth2: TokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = 60.0,
        max_retries: int = 2,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url if base_url is not None else (server_url() or None),
            token=token,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            credentials={
                "bentleyOAuth2": bentley_o_auth2,
            },
        )

    @property
    def with_raw_response(self) -> ClientWithRawResponse:
        """The same operations, returning the ``APIResponse`` (status, headers, ``.parse()``)."""
        return ClientWithRawResponse(self)

    @property
    def with_streaming_response(self) -> ClientWithStreamingResponse:
        """The same operations as context managers: the response arrives before its body, which
        is read in chunks (``iter_bytes()``) or parsed (``parse()``); leaving closes it."""
        return ClientWithStreamingResponse(self)

    def patch_job(
        self,
        *,
        job_id: str,
        body: JobPatch | Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> JobResponse:
        """Patch an existing job

        Patch can be used for changing the job state (to active or cancelled), updating job type and settings or changing cost estimation parameters.

        Requires Authorization header with valid Bearer token for scope realitydataanalysis:modify.

        Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.

        ``PATCH /realitydataanalysis/jobs/{jobId}``
        Args:
            job_id: `jobId` (path). Job id
            body: Request body (application/json). Job Patch

        Returns:
            OK (the page labels this response "Created")
        """
        return cast(
            JobResponse,
            self._request(
                "PATCH",
                "/realitydataanalysis/jobs/{jobId}",
                path_params={
                    "jobId": job_id,
                },
                headers={
                    "Accept": "application/vnd.bentley.itwin-platform.v1+json",
                },
                json_body=body,
                body_type=JobPatch,
                security=(("bentleyOAuth2",),),
                options=merge_options(
                    options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
                ),
                response_types={
                    200: JobResponse,
                },
            ),
        )


class ClientWithRawResponse:
    """``client.with_raw_response``: each operation returns the ``APIResponse``."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.patch_job = raw_wrapper(client.patch_job)


class ClientWithStreamingResponse:
    """``client.with_streaming_response``: each operation (paged ones aside) with the same arguments, as a context manager giving the response before its body is read."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.patch_job = streaming_wrapper(client.patch_job)


class AsyncClient(AsyncAPIClient):
    """Async client for iTwin Reality Data Analysis v1.

    Curated from page 004: a QA-era variant of Bentley iTwin Reality Data Analysis v1 (scope `realitydataanalysis:modify`, `settings.inputs[{name, realityDataId}]`, job `projectId`), transcribed as written. The method, path, server URL and OAuth2 endpoints come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.

    Args:
        token: Bearer token, or a callable returning one (called per request, so tokens refresh); see ``async_client_credentials``. Used for every bearer, OAuth2 and OpenID Connect scheme not given its own argument.
        bentley_o_auth2: OAuth2 access token (a string, or a callable returning one) (scheme ``bentleyOAuth2``). Bentley IMS OAuth2 (OpenID Connect). Use the authorization code flow with PKCE for native and single-page apps (public clients, no client secret), and client credentials for service apps. Access tokens live 3600 s; request the `offline_access` scope (authorization code flow) to receive a refresh token, redeemed at the token URL. Send the token as `Authorization: Bearer <token>`. Rate limit: 500 requests/min on the community tier.
        base_url: Replaces the whole server URL (for a mock, a proxy or another region).
        timeout: Seconds (or an ``httpx.Timeout``) for each request.
        max_retries: Retries for connection errors, 408, 429 and 5xx (POST/PATCH only when idempotent).
        http_client: Your own ``httpx.AsyncClient`` (not closed by this client).
    """

    default_base_url = SERVER_URL or None
    auth_schemes = AUTH_SCHEMES
    user_agent = "reality-data-analysis/1"

    def __init__(
        self,
        *,
        token: AsyncTokenProvider | None = None,
        bentley_o_auth2: AsyncTokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = 60.0,
        max_retries: int = 2,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url if base_url is not None else (server_url() or None),
            token=token,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            credentials={
                "bentleyOAuth2": bentley_o_auth2,
            },
        )

    @property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """The same operations, returning the ``APIResponse`` (status, headers, ``.parse()``)."""
        return AsyncClientWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncClientWithStreamingResponse:
        """The same operations as context managers: the response arrives before its body, which
        is read in chunks (``iter_bytes()``) or parsed (``parse()``); leaving closes it."""
        return AsyncClientWithStreamingResponse(self)

    async def patch_job(
        self,
        *,
        job_id: str,
        body: JobPatch | Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> JobResponse:
        """Patch an existing job

        Patch can be used for changing the job state (to active or cancelled), updating job type and settings or changing cost estimation parameters.

        Requires Authorization header with valid Bearer token for scope realitydataanalysis:modify.

        Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.

        ``PATCH /realitydataanalysis/jobs/{jobId}``
        Args:
            job_id: `jobId` (path). Job id
            body: Request body (application/json). Job Patch

        Returns:
            OK (the page labels this response "Created")
        """
        return cast(
            JobResponse,
            await self._request(
                "PATCH",
                "/realitydataanalysis/jobs/{jobId}",
                path_params={
                    "jobId": job_id,
                },
                headers={
                    "Accept": "application/vnd.bentley.itwin-platform.v1+json",
                },
                json_body=body,
                body_type=JobPatch,
                security=(("bentleyOAuth2",),),
                options=merge_options(
                    options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
                ),
                response_types={
                    200: JobResponse,
                },
            ),
        )


class AsyncClientWithRawResponse:
    """``async_client.with_raw_response``: each operation returns the ``APIResponse``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.patch_job = async_raw_wrapper(client.patch_job)


class AsyncClientWithStreamingResponse:
    """``async_client.with_streaming_response``: each operation (paged ones aside) with the same arguments, as a context manager giving the response before its body is read."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.patch_job = async_streaming_wrapper(client.patch_job)
