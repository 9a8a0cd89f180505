# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The service interface of iTwin Reality Data Analysis v1: one method per operation.

Subclass ``Service`` (``implementation.py`` is yours) and override the operations you serve;
the others answer 501 in the spec's error shape. Return the success model, or a ``Reply`` for
another status or extra headers; raise ``ApiError`` for an error answer.
"""

from __future__ import annotations

from reality_data_analysis.models import (
    JobPatch,
    JobResponse,
)

from ._runtime._app import Reply
from .errors import NotImplementedOperation

__all__ = ["Reply", "Service"]


class Service:
    """iTwin Reality Data Analysis v1. Every method answers 501 until overridden."""

    async def patch_job(
        self,
        *,
        job_id: str,
        body: JobPatch,
    ) -> JobResponse | Reply:
        """Patch an existing job

        ``PATCH /realitydataanalysis/jobs/{jobId}`` (``patchJob``).
        """
        raise NotImplementedOperation("patchJob")
