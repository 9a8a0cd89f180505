"""Your implementation of Cognite Data Fusion 3D jobs v1.

specgen wrote this file once and never overwrites it: it is yours to edit. Fill in the
operations you serve; those you delete or leave raising ``NotImplementedOperation`` answer 501.
When the spec gains an operation, ``Service`` answers 501 for it until you add it here.
"""

from __future__ import annotations

from cognite_3d_jobs.models import (
    JobCreateList,
    JobList,
)

from .errors import NotImplementedOperation  # raise ApiError(status, message) for errors
from .interface import Reply, Service

__all__ = ["Implementation"]


class Implementation(Service):
    """The service the app serves by default (see ``create_app``)."""

    async def create_jobs(
        self,
        *,
        cdf_version: str | None,
        body: JobCreateList,
    ) -> JobList | Reply:
        """Create a job using 3D source data"""
        raise NotImplementedOperation("createJobs")
