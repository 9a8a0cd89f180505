# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The base of generated resources: ``client.customers`` groups the operations of one part of
an API, and ``client.customers.sources`` a part of that.

A resource holds nothing but its client: every call goes through the client's request
machinery, configuration and connection pool. Generated clients create each resource on first
use (its module is imported then, so a large API's client imports quickly) and keep it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncAPIResource", "SyncAPIResource"]


class SyncAPIResource:
    """Base of the resources of a generated ``Client``."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class AsyncAPIResource:
    """Base of the resources of a generated ``AsyncClient``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
