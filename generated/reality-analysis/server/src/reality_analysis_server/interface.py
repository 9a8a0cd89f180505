# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""The service interface of iTwin Reality Analysis v2: one method per operation.

Subclass ``Service`` (``implementation.py`` is yours) and override the operations you serve;
the others answer 501 in the spec's error shape. Return the success model, or a ``Reply`` for
another status or extra headers; raise ``ApiError`` for an error answer.
"""

from __future__ import annotations

from reality_analysis.models import (
    JobResponse,
)

from ._runtime._app import Reply
from .errors import NotImplementedOperation

__all__ = ["Reply", "Service"]


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
