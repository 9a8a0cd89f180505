"""Your implementation of iTwin Reality Modeling (ContextCapture) v1.

specgen wrote this file once and never overwrites it: it is yours to edit. Fill in the
operations you serve; those you delete or leave raising ``NotImplementedOperation`` answer 501.
When the spec gains an operation, ``Service`` answers 501 for it until you add it here.
"""

from __future__ import annotations

from reality_modeling.models import (
    JobCreation,
    JobResponse,
    Jobs,
)

from .errors import NotImplementedOperation  # raise ApiError(status, message) for errors
from .interface import Reply, Service

__all__ = ["Implementation"]


class Implementation(Service):
    """The service the app serves by default (see ``create_app``)."""

    async def list_jobs(
        self,
        *,
        filter: str | None,
        continuation_token: str | None,
        top: int,
    ) -> Jobs | Reply:
        """Retrieve list of jobs matching provided filter."""
        raise NotImplementedOperation("listJobs")

    async def create_job(
        self,
        *,
        body: JobCreation,
    ) -> JobResponse | Reply:
        """Create a new job"""
        raise NotImplementedOperation("createJob")
