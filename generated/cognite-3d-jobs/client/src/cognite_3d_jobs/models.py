# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Pydantic models for Cognite Data Fusion 3D jobs v1."""

from typing import Annotated, Any, TypeAlias

from pydantic import ConfigDict, Field

from ._runtime import Int64, NoNull, SpecModel


class JobConfiguration(SpecModel, defer_build=True):
    """Job-type specific configuration (for example `pipelineConfiguration` for `Optimizer` jobs; empty for `ImageTextDetection`). Free-form: the page shows only examples."""


class InstanceId(SpecModel, defer_build=True):
    """Data modeling instance reference."""

    model_config = ConfigDict(extra="forbid")

    space: str
    external_id: Annotated[str, Field(alias="externalId")]


class JobSource(SpecModel, defer_build=True):
    """The 3D source data the job runs on."""

    type: Annotated[str | None, NoNull] = None
    """Source kind. Values seen on the page: `CogniteFile`, `Cognite360ImageCollection`."""
    instance_id: Annotated[InstanceId | None, NoNull, Field(alias="instanceId")] = None


class JobCreate(SpecModel, defer_build=True):
    """A 3D job to create."""

    space: Annotated[str | None, NoNull] = None
    """Data modeling space of the job instance."""
    external_id: Annotated[str | None, NoNull, Field(alias="externalId")] = None
    """External id of the job instance, unique within its space."""
    name: Annotated[str | None, NoNull] = None
    """Name of the job."""
    type: "Annotated[JobType | None, NoNull]" = None
    source: Annotated[JobSource | None, NoNull] = None
    configuration: Annotated[JobConfiguration | None, NoNull] = None
    nonce: Annotated[str | None, NoNull] = None
    """Session nonce from Cognite's sessions API; the job runs with that session's credentials."""


class JobCreateList(SpecModel, defer_build=True):
    """The job with a given source. Currently supports only one job to be created at the time."""

    items: Annotated[list[JobCreate], Field(min_length=1, max_length=1)]
    """Required array length: 1 element"""


class Job(SpecModel, defer_build=True):
    """A created 3D job."""

    space: Annotated[str | None, NoNull] = None
    """Data modeling space of the job instance."""
    external_id: Annotated[str | None, NoNull, Field(alias="externalId")] = None
    """External id of the job instance, unique within its space."""
    name: Annotated[str | None, NoNull] = None
    """Name of the job."""
    type: "Annotated[JobType | None, NoNull]" = None
    source: Annotated[JobSource | None, NoNull] = None
    configuration: Annotated[JobConfiguration | None, NoNull] = None
    status: Annotated[str | None, NoNull] = None
    """Job status. Values seen on the page: `Scheduled`. Kept open (not an enum) because the page lists no value set."""
    created_at: Annotated[
        Annotated[Int64, Field(ge=0)] | None, NoNull, Field(alias="createdAt")
    ] = None
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
    missing: Annotated[list[dict[str, Any]] | None, NoNull] = None
    """Items that were not found."""
    duplicated: Annotated[list[dict[str, Any]] | None, NoNull] = None
    """Items that are duplicated."""


class ErrorResponse(SpecModel, defer_build=True):
    """Cognite error envelope."""

    error: Error


JobType: TypeAlias = str
"""Job type. Values seen on the page: `Optimizer` (request example) and `ImageTextDetection` (response example). Kept open (not an enum) because the page lists no value set."""
