# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Pydantic models for iTwin Reality Modeling (ContextCapture) v1."""

from typing import Annotated, Any

from pydantic import ConfigDict, Field

from ._runtime import AwareDatetime, NoNull, OpenEnum, SpecModel


class Format(OpenEnum):
    """Supported output formats"""

    CC_ORIENTATIONS = "CCOrientations"
    FIELD_3_MX = "3MX"
    FIELD_3_SM = "3SM"
    WEB_READY_SCALABLE_MESH = "WebReady ScalableMesh"
    CESIUM_3_D_TILES = "Cesium 3D Tiles"
    POD = "POD"
    ORTHOPHOTO_DSM = "Orthophoto/DSM"
    LAS = "LAS"
    FBX = "FBX"
    OBJ = "OBJ"
    ESRI_I3S = "ESRI i3s"
    DGN = "DGN"
    LOD_TREE_EXPORT = "LODTreeExport"
    PLY = "PLY"
    OPC = "OPC"
    OMR = "OMR"
    CONTEXT_SCENE = "ContextScene"
    GAUSSIAN_SPLATS = "GaussianSplats"


class Quality(OpenEnum):
    """Job quality among 'Draft', 'Medium' and 'Extra'"""

    DRAFT = "Draft"
    MEDIUM = "Medium"
    EXTRA = "Extra"


class JobCreationType(OpenEnum):
    """Job type among 'Full', 'Calibration' and 'Reconstruction'"""

    FULL = "Full"
    CALIBRATION = "Calibration"
    RECONSTRUCTION = "Reconstruction"


class JobType(OpenEnum):
    """Job type among 'Full', 'Calibration' and 'Reconstruction'"""

    FULL = "Full"
    CALIBRATION = "Calibration"
    RECONSTRUCTION = "Reconstruction"


class JobState(OpenEnum):
    """Job current state"""

    UNSUBMITTED = "unsubmitted"
    ACTIVE = "active"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELLED = "cancelled"


class JobLocation(OpenEnum):
    """Datacenter location of the job"""

    EAST_US = "East US"
    NORTH_EUROPE = "North Europe"
    SOUTHEAST_ASIA = "Southeast Asia"
    AUSTRALIA_EAST = "Australia East"
    UK_SOUTH = "UK South"
    JAPAN_EAST = "Japan East"
    UAE_NORTH = "UAE North"
    CANADA_CENTRAL = "Canada Central"
    WEST_EUROPE = "West Europe"


class CostEstimationParameters(SpecModel, defer_build=True):
    """Parameters to be used to estimate the cost of the job"""

    model_config = ConfigDict(extra="forbid")

    giga_pixels: Annotated[float | None, NoNull, Field(alias="gigaPixels")] = None
    """Gigapixels to be processed"""
    mega_points: Annotated[float | None, NoNull, Field(alias="megaPoints")] = None
    """Megapoints to be processed"""
    mesh_quality: Annotated[Quality | None, NoNull, Field(alias="meshQuality")] = None
    """Quality of the job"""


class JobInput(SpecModel, defer_build=True):
    """Description of an input for a job"""

    model_config = ConfigDict(extra="forbid")

    id: str
    """Context Share reality data id of the input"""
    description: Annotated[str | None, NoNull] = None
    """Description of the input"""


class CacheSettings(SpecModel, defer_build=True):
    """Describe how a job will use and create cache"""

    model_config = ConfigDict(extra="forbid")

    create_cache: Annotated[bool | None, NoNull, Field(alias="createCache")] = None
    """Indicate if the job will produce a cache"""
    use_cache: Annotated[str | None, NoNull, Field(alias="useCache")] = None
    """Id of the previous job cache to be reused"""


class JobCreateSettings(SpecModel, defer_build=True):
    """Settings for job creation"""

    model_config = ConfigDict(extra="forbid")

    quality: Quality
    """Quality of the job"""
    processing_engines: Annotated[int | None, NoNull, Field(alias="processingEngines")] = None
    """Number of engines to be used at most, between 0 and your engine limit. If set at 0, it will use your engine limit."""
    outputs: list[Format]
    """List of output formats to be produced"""
    cache_settings: Annotated[CacheSettings | None, NoNull, Field(alias="cacheSettings")] = None
    """Cache settings for the job"""


class JobCreation(SpecModel, defer_build=True):
    """Model for creating a new job"""

    model_config = ConfigDict(extra="forbid")

    type: JobCreationType
    """Job type among 'Full', 'Calibration' and 'Reconstruction'"""
    name: str
    """Job name"""
    cost_estimation_parameters: Annotated[
        CostEstimationParameters | None, NoNull, Field(alias="costEstimationParameters")
    ] = None
    """Parameters to be used to estimate the cost of the job"""
    workspace_id: Annotated[str, Field(alias="workspaceId")]
    """Workspace id relative to the job created"""
    inputs: list[JobInput]
    """List of inputs for the job"""
    settings: JobCreateSettings
    """Settings for this job"""


class ErrorWarningMessages(SpecModel, defer_build=True):
    """Model for error and warning messages"""

    model_config = ConfigDict(extra="forbid")

    code: Annotated[str | None, NoNull] = None
    """Error or warning message code"""
    title: Annotated[str | None, NoNull] = None
    """Error or warning message title"""
    message: Annotated[str | None, NoNull] = None
    """Error or warning message"""
    params: Annotated[list[Any] | None, NoNull] = None
    """Error or warning message parameters"""


class ExecInfo(SpecModel, defer_build=True):
    """Execution information relative to a job"""

    model_config = ConfigDict(extra="forbid")

    submitted_date_time: Annotated[AwareDatetime, Field(alias="submittedDateTime")]
    """Submission time of the job"""
    started_date_time: Annotated[AwareDatetime | None, Field(alias="startedDateTime")] = None
    """Start time of the job"""
    ended_date_time: Annotated[AwareDatetime | None, Field(alias="endedDateTime")] = None
    """End time of the job"""
    estimated_units: Annotated[float | None, Field(alias="estimatedUnits")] = None
    """Estimated processing units cost"""
    errors: list[ErrorWarningMessages] | None = None
    """Errors, if any produced when processing the job"""
    warnings: list[ErrorWarningMessages] | None = None
    """Warnings, if any produced when processing the job"""


class JobOutput(SpecModel, defer_build=True):
    """Job output information"""

    model_config = ConfigDict(extra="forbid")

    format: Format
    """Output format"""
    id: str | None = None
    """Reality Data Id of the output"""


class JobSettings(SpecModel, defer_build=True):
    """High-level job settings"""

    model_config = ConfigDict(extra="forbid")

    quality: Annotated[Quality | None, NoNull] = None
    """Quality of the job"""
    processing_engines: Annotated[int | None, NoNull, Field(alias="processingEngines")] = None
    """Maximum usable engines for the job"""
    outputs: Annotated[list[JobOutput] | None, NoNull] = None
    """List of outputs of the job"""
    cache_settings: Annotated[CacheSettings | None, NoNull, Field(alias="cacheSettings")] = None
    """Cache settings for the job"""


class Job(SpecModel, defer_build=True):
    """Job information"""

    model_config = ConfigDict(extra="forbid")

    id: str
    """Job unique id"""
    name: str
    """Job name"""
    type: JobType
    """Job type among 'Full', 'Calibration' and 'Reconstruction'"""
    state: JobState
    """Job current state"""
    created_date_time: Annotated[AwareDatetime, Field(alias="createdDateTime")]
    """Creation time of the job"""
    last_modified_date_time: Annotated[AwareDatetime, Field(alias="lastModifiedDateTime")]
    """Last modification date of the job"""
    location: JobLocation
    """Datacenter location of the job"""
    i_twin_id: Annotated[str | None, NoNull, Field(alias="iTwinId")] = None
    """Project Id"""
    workspace_id: Annotated[str, Field(alias="workspaceId")]
    """Workspace id relative to the job"""
    email: str
    """User email address"""
    execution_information: Annotated[
        ExecInfo | None, NoNull, Field(alias="executionInformation")
    ] = None
    """Execution information relative to the job"""
    inputs: list[JobInput]
    """List of inputs for the job"""
    job_settings: Annotated[JobSettings, Field(alias="jobSettings")]
    """Job settings"""
    cost_estimation_parameters: Annotated[
        CostEstimationParameters | None, NoNull, Field(alias="costEstimationParameters")
    ] = None
    """Parameters to be used to estimate the cost of the job"""
    estimated_cost: Annotated[float | None, NoNull, Field(alias="estimatedCost")] = None
    """Estimated Cost of the job using the CostEstimationParameters"""


class JobResponse(SpecModel, defer_build=True):
    """Schema #/components/schemas/jobResponse."""

    model_config = ConfigDict(extra="forbid")

    job: Job
    """Complete job details"""


class Error(SpecModel, defer_build=True):
    """Contains error information."""

    code: str
    """One of a server-defined set of error codes."""
    message: str
    """A human-readable representation of the error."""
    target: str | None = None
    """The target of the error."""


class DetailedError(SpecModel, defer_build=True):
    """Contains error information and an array of more specific errors."""

    code: str
    """One of a server-defined set of error codes."""
    message: str
    """A human-readable representation of the error."""
    target: str | None = None
    """The target of the error."""
    details: list[Error]
    """Optional array of more specific errors."""


class DetailedErrorResponse(SpecModel, defer_build=True):
    """Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed."""

    model_config = ConfigDict(extra="forbid")

    error: DetailedError
    """Error Detailed information."""


class ErrorResponse(SpecModel, defer_build=True):
    """Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed."""

    model_config = ConfigDict(extra="forbid")

    error: Error
    """Error information."""


class Link(SpecModel, defer_build=True):
    """Schema #/components/schemas/link."""

    model_config = ConfigDict(extra="forbid")

    href: Annotated[str | None, NoNull] = None
    """Hyperlink container."""


class NextPageLink(SpecModel, defer_build=True):
    """URL for getting the next page of data, if applicable."""

    model_config = ConfigDict(extra="forbid")

    next: Annotated[Link | None, NoNull] = None
    """URL for getting the next page of results."""


class Jobs(SpecModel, defer_build=True):
    """Jobs"""

    model_config = ConfigDict(extra="forbid")

    jobs: Annotated[list[Job] | None, NoNull] = None
    """Array of jobs"""
    field_links: Annotated[NextPageLink | None, Field(alias="_links")] = None
    """Contains the hyperlink to the next page of results, if applicable"""
