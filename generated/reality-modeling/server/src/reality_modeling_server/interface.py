# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The service interface of iTwin Reality Modeling (ContextCapture) v1: one method per operation.

Subclass ``Service`` (``implementation.py`` is yours) and override the operations you serve;
the others answer 501 in the spec's error shape. Return the success model, or a ``Reply`` for
another status or extra headers; raise ``ApiError`` for an error answer.
"""

from __future__ import annotations

from reality_modeling.models import (
    JobCreation,
    JobResponse,
    Jobs,
)

from ._runtime._app import Reply
from .errors import NotImplementedOperation

__all__ = ["Reply", "Service"]


class Service:
    """iTwin Reality Modeling (ContextCapture) v1. Every method answers 501 until overridden."""

    async def list_jobs(
        self,
        *,
        filter: str | None,
        continuation_token: str | None,
        top: int,
    ) -> Jobs | Reply:
        """Retrieve list of jobs matching provided filter.

        ``GET /contextcapture/jobs`` (``listJobs``).
        """
        raise NotImplementedOperation("listJobs")

    async def create_job(
        self,
        *,
        body: JobCreation,
    ) -> JobResponse | Reply:
        """Create a new job

        ``POST /contextcapture/jobs`` (``createJob``).
        """
        raise NotImplementedOperation("createJob")
