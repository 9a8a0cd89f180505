"""Your implementation of iTwin Reality Data Analysis v1.

specgen wrote this file once and never overwrites it: it is yours to edit. Fill in the
operations you serve; those you delete or leave raising ``NotImplementedOperation`` answer 501.
When the spec gains an operation, ``Service`` answers 501 for it until you add it here.
"""

from __future__ import annotations

from reality_data_analysis.models import (
    JobPatch,
    JobResponse,
)

from .errors import NotImplementedOperation  # raise ApiError(status, message) for errors
from .interface import Reply, Service

__all__ = ["Implementation"]


class Implementation(Service):
    """The service the app serves by default (see ``create_app``)."""

    async def patch_job(
        self,
        *,
        job_id: str,
        body: JobPatch,
    ) -> JobResponse | Reply:
        """Patch an existing job"""
        raise NotImplementedOperation("patchJob")
