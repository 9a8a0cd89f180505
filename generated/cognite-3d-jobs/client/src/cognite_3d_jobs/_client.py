# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Typed clients for Cognite Data Fusion 3D jobs v1: ``Client`` and ``AsyncClient``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ._runtime import (
    NOT_GIVEN,
    AsyncAPIClient,
    AsyncTokenProvider,
    AuthScheme,
    NotGiven,
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
    JobCreateList,
    JobList,
)

__all__ = ["AsyncClient", "Client"]

AUTH_SCHEMES: dict[str, AuthScheme] = {
    "oidcBearer": AuthScheme(
        name="oidcBearer",
        kind="bearer",
        argument="oidc_bearer",
    ),
}
"""The spec's security schemes: how each credential goes on the wire."""
SERVER_URL = "https://{cluster}.cognitedata.com/api/v1/projects/{project}"
"""The spec's first server; ``{name}`` parts are filled from the constructor."""


def server_url(
    cluster: str = "api",
    project: str = "my-project",
) -> str:
    """``SERVER_URL`` with its variables filled in."""
    return SERVER_URL.replace("{cluster}", cluster).replace("{project}", project)


class Client(SyncAPIClient):
    """Client for Cognite Data Fusion 3D jobs v1.

    Curated from page 000 (Cognite Data Fusion, Create a job using 3D source data). The page shows the request and response only as examples, so the item schemas are read from those examples and marked `x-inferred`. Decisions are recorded in specs/DECISIONS.md.

    Args:
        token: Bearer token, or a callable returning one (called per request, so tokens refresh). Used for every bearer, OAuth2 and OpenID Connect scheme not given its own argument.
        oidc_bearer: Bearer token (a string, or a callable returning one) (scheme ``oidcBearer``). Access token issued by the CDF project's configured identity provider. Access token must be an OpenID Connect token, and the project must be configured to accept OpenID Connect tokens. Use a header key of 'Authorization' with a value of 'Bearer $accesstoken'. The token can be obtained through any flow supported by the identity provider (for example Entra ID client credentials with scope `https://{cluster}.cognitedata.com/.default`).
        base_url: Replaces the whole server URL (for a mock, a proxy or another region).
        cluster: Server variable ``cluster``. CDF cluster, for example `api`, `westeurope-1`, `az-eastus-1`.
        project: Server variable ``project``. CDF project name. `my-project` is a placeholder; set your own project.
        timeout: Seconds (or an ``httpx.Timeout``) for each request.
        max_retries: Retries for connection errors, 408, 429 and 5xx (POST/PATCH only when idempotent).
        http_client: Your own ``httpx.Client`` (not closed by this client).
    """

    default_base_url = SERVER_URL or None
    auth_schemes = AUTH_SCHEMES
    user_agent = "cognite-3d-jobs/1"

    def __init__(
        self,
        *,
        token: TokenProvider | None = None,
        oidc_bearer: TokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        cluster: str = "api",
        project: str = "my-project",
        timeout: Timeout = 60.0,
        max_retries: int = 2,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url
            if base_url is not None
            else (
                server_url(
                    cluster=cluster,
                    project=project,
                )
                or None
            ),
            token=token,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            credentials={
                "oidcBearer": oidc_bearer,
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

    def create_jobs(
        self,
        *,
        cdf_version: str | NotGiven = NOT_GIVEN,
        body: JobCreateList | Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> JobList:
        """Create a job using 3D source data

        ``POST /3d/jobs``
        Args:
            cdf_version: `cdf-version` (header). Optional API version pin, for example `20230101-beta`.
            body: Request body (application/json). The job with a given source. Currently supports only one job to be created at the time.

        Returns:
            A list of the created jobs
        """
        return cast(
            JobList,
            self._request(
                "POST",
                "/3d/jobs",
                headers={
                    "Accept": "application/json",
                    "cdf-version": cdf_version,
                },
                json_body=body,
                body_type=JobCreateList,
                security=(("oidcBearer",),),
                options=merge_options(
                    options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
                ),
                response_types={
                    201: JobList,
                },
            ),
        )


class ClientWithRawResponse:
    """``client.with_raw_response``: each operation returns the ``APIResponse``."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.create_jobs = raw_wrapper(client.create_jobs)


class ClientWithStreamingResponse:
    """``client.with_streaming_response``: each operation (paged ones aside) with the same arguments, as a context manager giving the response before its body is read."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.create_jobs = streaming_wrapper(client.create_jobs)


class AsyncClient(AsyncAPIClient):
    """Async client for Cognite Data Fusion 3D jobs v1.

    Curated from page 000 (Cognite Data Fusion, Create a job using 3D source data). The page shows the request and response only as examples, so the item schemas are read from those examples and marked `x-inferred`. Decisions are recorded in specs/DECISIONS.md.

    Args:
        token: Bearer token, or a callable returning one (called per request, so tokens refresh). Used for every bearer, OAuth2 and OpenID Connect scheme not given its own argument.
        oidc_bearer: Bearer token (a string, or a callable returning one) (scheme ``oidcBearer``). Access token issued by the CDF project's configured identity provider. Access token must be an OpenID Connect token, and the project must be configured to accept OpenID Connect tokens. Use a header key of 'Authorization' with a value of 'Bearer $accesstoken'. The token can be obtained through any flow supported by the identity provider (for example Entra ID client credentials with scope `https://{cluster}.cognitedata.com/.default`).
        base_url: Replaces the whole server URL (for a mock, a proxy or another region).
        cluster: Server variable ``cluster``. CDF cluster, for example `api`, `westeurope-1`, `az-eastus-1`.
        project: Server variable ``project``. CDF project name. `my-project` is a placeholder; set your own project.
        timeout: Seconds (or an ``httpx.Timeout``) for each request.
        max_retries: Retries for connection errors, 408, 429 and 5xx (POST/PATCH only when idempotent).
        http_client: Your own ``httpx.AsyncClient`` (not closed by this client).
    """

    default_base_url = SERVER_URL or None
    auth_schemes = AUTH_SCHEMES
    user_agent = "cognite-3d-jobs/1"

    def __init__(
        self,
        *,
        token: AsyncTokenProvider | None = None,
        oidc_bearer: AsyncTokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        cluster: str = "api",
        project: str = "my-project",
        timeout: Timeout = 60.0,
        max_retries: int = 2,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url
            if base_url is not None
            else (
                server_url(
                    cluster=cluster,
                    project=project,
                )
                or None
            ),
            token=token,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            credentials={
                "oidcBearer": oidc_bearer,
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

    async def create_jobs(
        self,
        *,
        cdf_version: str | NotGiven = NOT_GIVEN,
        body: JobCreateList | Mapping[str, Any],
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        options: RequestOptions | None = None,
    ) -> JobList:
        """Create a job using 3D source data

        ``POST /3d/jobs``
        Args:
            cdf_version: `cdf-version` (header). Optional API version pin, for example `20230101-beta`.
            body: Request body (application/json). The job with a given source. Currently supports only one job to be created at the time.

        Returns:
            A list of the created jobs
        """
        return cast(
            JobList,
            await self._request(
                "POST",
                "/3d/jobs",
                headers={
                    "Accept": "application/json",
                    "cdf-version": cdf_version,
                },
                json_body=body,
                body_type=JobCreateList,
                security=(("oidcBearer",),),
                options=merge_options(
                    options, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query
                ),
                response_types={
                    201: JobList,
                },
            ),
        )


class AsyncClientWithRawResponse:
    """``async_client.with_raw_response``: each operation returns the ``APIResponse``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.create_jobs = async_raw_wrapper(client.create_jobs)


class AsyncClientWithStreamingResponse:
    """``async_client.with_streaming_response``: each operation (paged ones aside) with the same arguments, as a context manager giving the response before its body is read."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.create_jobs = async_streaming_wrapper(client.create_jobs)
