# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The service interface of Cognite Data Fusion 3D jobs v1: one method per operation.

Subclass ``Service`` (``implementation.py`` is yours) and override the operations you serve;
the others answer 501 in the spec's error shape. Return the success model, or a ``Reply`` for
another status or extra headers; raise ``ApiError`` for an error answer.
"""

from __future__ import annotations

from cognite_3d_jobs.models import (
    JobCreateList,
    JobList,
)

from ._runtime._app import Reply
from .errors import NotImplementedOperation

__all__ = ["Reply", "Service"]


class Service:
    """Cognite Data Fusion 3D jobs v1. Every method answers 501 until overridden."""

    async def create_jobs(
        self,
        *,
        cdf_version: str | None,
        body: JobCreateList,
    ) -> JobList | Reply:
        """Create a job using 3D source data

        ``POST /3d/jobs`` (``createJobs``).
        """
        raise NotImplementedOperation("createJobs")
