# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Typed clients for iTwin Reality Modeling (ContextCapture) v1: ``Client`` and ``AsyncClient``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import httpx

from ._runtime import (
    NOT_GIVEN,
    APIResponse,
    AsyncAPIClient,
    AsyncOAuth2ClientCredentials,
    AsyncPager,
    AsyncTokenProvider,
    AuthScheme,
    NotGiven,
    OAuth2ClientCredentials,
    Pagination,
    RequestOptions,
    SyncAPIClient,
    SyncPage,
    Timeout,
    TokenProvider,
    async_raw_wrapper,
    async_streaming_wrapper,
    merge_options,
    raw_wrapper,
    streaming_wrapper,
)
from .models import (
    Job,
    JobCreation,
    JobResponse,
    Jobs,
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
LIST_JOBS_PAGINATION = Pagination(
    style="next-link",
    items="jobs",
    next="_links.next.href",
    cursor_param=None,
)
TOKEN_URL = "https://ims.bentley.com/connect/token"
DEFAULT_SCOPES: tuple[str, ...] = ("itwin-platform",)


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
    """Client for iTwin Reality Modeling (ContextCapture) v1.

    Curated from two captures of the Bentley iTwin Reality Modeling (ContextCapture) v1 reference: page 001 (Create a new job) and page 003 (Retrieve a list of jobs, a later capture). Shared schemas hold the union of both pages: page 003 adds the `GaussianSplats` output format and the `West Europe` location. HTTP methods, paths, the server URL and the OAuth2 endpoints are not shown on the pages; they come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.

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
    user_agent = "reality-modeling/1"

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

    def list_jobs(
        self,
        *,
        filter: str | NotGiven = NOT_GIVEN,
        continuation_token: str | NotGiven = NOT_GIVEN,
        top: int | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> SyncPage[Job]:
        """Retrieve list of jobs matching provided filter.

        The iTwinId in filter is optional. If it is not provided, this will return jobs created by the same user. However, if the iTwinId is provided and the user has access to it, this will return jobs associated with that specific iTwin.

        Requires Authorization header with valid Bearer token for scope itwin-platform.

        Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.

        ``GET /contextcapture/jobs``
        Args:
            filter: `$filter` (query). The $filter query option requests a specific set of jobs.
                The given filter is evaluated for each job and only job where the filter evaluates to true are returned.
                Properties supported for filtering: id, iTwinId, name, email, type, state, createdDateTime, inputId, outputId.
                Supported operators: eq, lt, le, gt, ge, ne, in, and, or.
            continuation_token: `continuationToken` (query). Parameter that enables continuing to the next page of the previous paged query. This must be passed exactly as it is in the response body's _links.next property.
            top: `$top` (query). The number of reality modeling jobs to get in each page. Max 1000, but 100 is the default if this parameter is not included.

        Returns:
            The first page; iterate it to get every Job of every page.
        """
        return self._request_page(
            "GET",
            "/contextcapture/jobs",
            query={
                "$filter": filter,
                "continuationToken": continuation_token,
                "$top": top,
            },
            headers={
                "Accept": "application/vnd.bentley.itwin-platform.v1+json",
            },
            security=(("bentleyOAuth2",),),
            idempotent=True,
            options=merge_options(
                options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
            ),
            item_type=Job,
            page_type=Jobs,
            pagination=LIST_JOBS_PAGINATION,
        )

    def create_job(
        self,
        *,
        body: JobCreation | Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> JobResponse:
        """Create a new job

        Requires Authorization header with valid Bearer token for scope itwin-platform.

        Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.

        ``POST /contextcapture/jobs``
        Args:
            body: Request body (application/json). Job Creation

        Returns:
            Created
        """
        return cast(
            JobResponse,
            self._request(
                "POST",
                "/contextcapture/jobs",
                headers={
                    "Accept": "application/vnd.bentley.itwin-platform.v1+json",
                },
                json_body=body,
                body_type=JobCreation,
                security=(("bentleyOAuth2",),),
                options=merge_options(
                    options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
                ),
                response_types={
                    201: JobResponse,
                },
            ),
        )


class ClientWithRawResponse:
    """``client.with_raw_response``: each operation returns the ``APIResponse``."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.create_job = raw_wrapper(client.create_job)

    def list_jobs(
        self,
        *,
        filter: str | NotGiven = NOT_GIVEN,
        continuation_token: str | NotGiven = NOT_GIVEN,
        top: int | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> APIResponse[Jobs]:
        """``GET /contextcapture/jobs``, returning the raw ``APIResponse``; ``.parse()`` gives the body."""
        return self._client._request(
            "GET",
            "/contextcapture/jobs",
            query={
                "$filter": filter,
                "continuationToken": continuation_token,
                "$top": top,
            },
            headers={
                "Accept": "application/vnd.bentley.itwin-platform.v1+json",
            },
            security=(("bentleyOAuth2",),),
            idempotent=True,
            options=merge_options(
                options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
            ),
            response_types={
                200: Jobs,
            },
            raw=True,
        )


class ClientWithStreamingResponse:
    """``client.with_streaming_response``: each operation (paged ones aside) with the same arguments, as a context manager giving the response before its body is read."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.create_job = streaming_wrapper(client.create_job)


class AsyncClient(AsyncAPIClient):
    """Async client for iTwin Reality Modeling (ContextCapture) v1.

    Curated from two captures of the Bentley iTwin Reality Modeling (ContextCapture) v1 reference: page 001 (Create a new job) and page 003 (Retrieve a list of jobs, a later capture). Shared schemas hold the union of both pages: page 003 adds the `GaussianSplats` output format and the `West Europe` location. HTTP methods, paths, the server URL and the OAuth2 endpoints are not shown on the pages; they come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.

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
    user_agent = "reality-modeling/1"

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

    def list_jobs(
        self,
        *,
        filter: str | NotGiven = NOT_GIVEN,
        continuation_token: str | NotGiven = NOT_GIVEN,
        top: int | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncPager[Job]:
        """Retrieve list of jobs matching provided filter.

        The iTwinId in filter is optional. If it is not provided, this will return jobs created by the same user. However, if the iTwinId is provided and the user has access to it, this will return jobs associated with that specific iTwin.

        Requires Authorization header with valid Bearer token for scope itwin-platform.

        Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.

        ``GET /contextcapture/jobs``
        Args:
            filter: `$filter` (query). The $filter query option requests a specific set of jobs.
                The given filter is evaluated for each job and only job where the filter evaluates to true are returned.
                Properties supported for filtering: id, iTwinId, name, email, type, state, createdDateTime, inputId, outputId.
                Supported operators: eq, lt, le, gt, ge, ne, in, and, or.
            continuation_token: `continuationToken` (query). Parameter that enables continuing to the next page of the previous paged query. This must be passed exactly as it is in the response body's _links.next property.
            top: `$top` (query). The number of reality modeling jobs to get in each page. Max 1000, but 100 is the default if this parameter is not included.

        Returns:
            The first page (await it, or ``async for`` over every item); iterate it to get every Job of every page.
        """
        return AsyncPager(
            self._request_page(
                "GET",
                "/contextcapture/jobs",
                query={
                    "$filter": filter,
                    "continuationToken": continuation_token,
                    "$top": top,
                },
                headers={
                    "Accept": "application/vnd.bentley.itwin-platform.v1+json",
                },
                security=(("bentleyOAuth2",),),
                idempotent=True,
                options=merge_options(
                    options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
                ),
                item_type=Job,
                page_type=Jobs,
                pagination=LIST_JOBS_PAGINATION,
            )
        )

    async def create_job(
        self,
        *,
        body: JobCreation | Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> JobResponse:
        """Create a new job

        Requires Authorization header with valid Bearer token for scope itwin-platform.

        Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.

        ``POST /contextcapture/jobs``
        Args:
            body: Request body (application/json). Job Creation

        Returns:
            Created
        """
        return cast(
            JobResponse,
            await self._request(
                "POST",
                "/contextcapture/jobs",
                headers={
                    "Accept": "application/vnd.bentley.itwin-platform.v1+json",
                },
                json_body=body,
                body_type=JobCreation,
                security=(("bentleyOAuth2",),),
                options=merge_options(
                    options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
                ),
                response_types={
                    201: JobResponse,
                },
            ),
        )


class AsyncClientWithRawResponse:
    """``async_client.with_raw_response``: each operation returns the ``APIResponse``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.create_job = async_raw_wrapper(client.create_job)

    async def list_jobs(
        self,
        *,
        filter: str | NotGiven = NOT_GIVEN,
        continuation_token: str | NotGiven = NOT_GIVEN,
        top: int | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> APIResponse[Jobs]:
        """``GET /contextcapture/jobs``, returning the raw ``APIResponse``; ``.parse()`` gives the body."""
        return await self._client._request(
            "GET",
            "/contextcapture/jobs",
            query={
                "$filter": filter,
                "continuationToken": continuation_token,
                "$top": top,
            },
            headers={
                "Accept": "application/vnd.bentley.itwin-platform.v1+json",
            },
            security=(("bentleyOAuth2",),),
            idempotent=True,
            options=merge_options(
                options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
            ),
            response_types={
                200: Jobs,
            },
            raw=True,
        )


class AsyncClientWithStreamingResponse:
    """``async_client.with_streaming_response``: each operation (paged ones aside) with the same arguments, as a context manager giving the response before its body is read."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.create_job = async_streaming_wrapper(client.create_job)
