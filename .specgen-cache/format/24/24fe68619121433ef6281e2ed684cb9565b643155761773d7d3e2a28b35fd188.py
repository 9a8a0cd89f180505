# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The service interface of Cognite Data Fusion 3D jobs v1: one method per operation.

Subclass ``Service`` (``implementation.py`` is yours) and override the operations you serve;
the others answer 501 in the spec's error shape. Return the success model, or a ``Reply`` for
another status or extra headers; raise ``ApiError`` for an error answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cognite_3d_jobs.models import (
    JobCreateList,
    JobList,
)

from .errors import NotImplementedOperation

__all__ = ["Reply", "Service"]


@dataclass(frozen=True)
class Reply:
    """An answer other than the default: any documented status, a body, extra headers."""

    status: int
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)


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
