# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Pydantic models for Cognite Data Fusion 3D jobs v1."""

from typing import Annotated, Any, TypeAlias

from pydantic import ConfigDict, Field

from ._runtime import SpecModel


class JobConfiguration(SpecModel, defer_build=True):
    """Job-type specific configuration (for example `pipelineConfiguration` for `Optimizer` jobs; empty for `ImageTextDetection`). Free-form: the page shows only examples."""


class InstanceId(SpecModel, defer_build=True):
    """Data modeling instance reference."""

    model_config = ConfigDict(extra="forbid")

    space: str
    external_id: Annotated[str, Field(alias="externalId")]


class JobSource(SpecModel, defer_build=True):
    """The 3D source data the job runs on."""

    type: str | None = None
    """Source kind. Values seen on the page: `CogniteFile`, `Cognite360ImageCollection`."""
    instance_id: Annotated[InstanceId | None, Field(alias="instanceId")] = None


class JobCreate(SpecModel, defer_build=True):
    """A 3D job to create."""

    space: str | None = None
    """Data modeling space of the job instance."""
    external_id: Annotated[str | None, Field(alias="externalId")] = None
    """External id of the job instance, unique within its space."""
    name: str | None = None
    """Name of the job."""
    type: "JobType | None" = None
    source: JobSource | None = None
    configuration: JobConfiguration | None = None
    nonce: str | None = None
    """Session nonce from Cognite's sessions API; the job runs with that session's credentials."""


class JobCreateList(SpecModel, defer_build=True):
    """The job with a given source. Currently supports only one job to be created at the time."""

    items: Annotated[list[JobCreate], Field(min_length=1, max_length=1)]
    """Required array length: 1 element"""


class Job(SpecModel, defer_build=True):
    """A created 3D job."""

    space: str | None = None
    """Data modeling space of the job instance."""
    external_id: Annotated[str | None, Field(alias="externalId")] = None
    """External id of the job instance, unique within its space."""
    name: str | None = None
    """Name of the job."""
    type: "JobType | None" = None
    source: JobSource | None = None
    configuration: JobConfiguration | None = None
    status: str | None = None
    """Job status. Values seen on the page: `Scheduled`. Kept open (not an enum) because the page lists no value set."""
    created_at: Annotated[Annotated[int, Field(ge=0)] | None, Field(alias="createdAt")] = None
    """Creation time, milliseconds since the Unix epoch (UTC)."""


class JobList(SpecModel, defer_build=True):
    """A list of the created jobs"""

    items: list[Job]


class Error(SpecModel, defer_build=True):
    """Cognite error details."""

    code: int
    """HTTP status code."""
    message: str
    """Error message."""
    missing: list[dict[str, Any]] | None = None
    """Items that were not found."""
    duplicated: list[dict[str, Any]] | None = None
    """Items that are duplicated."""


class ErrorResponse(SpecModel, defer_build=True):
    """Cognite error envelope."""

    error: Error


JobType: TypeAlias = str
"""Job type. Values seen on the page: `Optimizer` (request example) and `ImageTextDetection` (response example). Kept open (not an enum) because the page lists no value set."""
