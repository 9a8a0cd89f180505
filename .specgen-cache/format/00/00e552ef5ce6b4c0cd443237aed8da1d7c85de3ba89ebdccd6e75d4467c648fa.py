# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The service interface of iTwin Reality Analysis v2: one method per operation.

Subclass ``Service`` (``implementation.py`` is yours) and override the operations you serve;
the others answer 501 in the spec's error shape. Return the success model, or a ``Reply`` for
another status or extra headers; raise ``ApiError`` for an error answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reality_analysis.models import (
    JobResponse,
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
    """iTwin Reality Analysis v2. Every method answers 501 until overridden."""

    async def cancel_job(
        self,
        *,
        id: str,
    ) -> JobResponse | Reply:
        """Cancel a job.

        ``DELETE /reality-analysis/jobs/{id}`` (``cancelJob``).
        """
        raise NotImplementedOperation("cancelJob")
