# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Pydantic models for iTwin Reality Data Analysis v1."""

from typing import Annotated

from pydantic import Field

from ._runtime import AwareDatetime, Int32, NoNull, OpenEnum, SpecModel


class JobType(OpenEnum):
    """Available job types among 'objects2D', 'segmentation2D'."""

    OBJECTS2_D = "objects2D"
    SEGMENTATION2_D = "segmentation2D"


class State(OpenEnum):
    """Possible state of a job among 'unsubmitted', 'active', 'success', 'failed' and 'cancelled'."""

    UNSUBMITTED = "unsubmitted"
    ACTIVE = "active"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELLED = "cancelled"


class JobO2DInputFormat(OpenEnum):
    """Input format available for inputs. Refer to tutorials for per job type list."""

    PHOTOS = "photos"
    PHOTO_OBJECT_DETECTOR = "photoObjectDetector"


class JobS2DInputFormat(OpenEnum):
    """Input format available for inputs. Refer to tutorials for per job type list."""

    PHOTOS = "photos"
    PHOTO_SEGMENTATION_DETECTOR = "photoSegmentationDetector"
    ORTHOPHOTO = "orthophoto"
    ORTHOPHOTO_SEGMENTATION_DETECTOR = "orthophotoSegmentationDetector"


class JobOutputFormat(OpenEnum):
    """Output format available for outputs. Refer to tutorials for per job type list."""

    OBJECTS2_D = "objects2D"
    SEGMENTATION2_D = "segmentation2D"


class JobO2DInput(SpecModel, defer_build=True):
    """Input description for an Objects 2D job"""

    name: Annotated[JobO2DInputFormat | None, NoNull] = None
    """Input name"""
    reality_data_id: Annotated[str | None, NoNull, Field(alias="realityDataId")] = None
    """Reality Data id of the input"""


class JobS2DInput(SpecModel, defer_build=True):
    """Input description for a Segmentation 2D job"""

    name: Annotated[JobS2DInputFormat | None, NoNull] = None
    """Input name"""
    reality_data_id: Annotated[str | None, NoNull, Field(alias="realityDataId")] = None
    """Reality Data id of the input"""


class JobOutput(SpecModel, defer_build=True):
    """Output description for a job"""

    name: Annotated[JobOutputFormat | None, NoNull] = None
    """Output name"""
    reality_data_id: Annotated[str | None, Field(alias="realityDataId")] = None
    """Reality Data id of the output"""


class Objects2DSettingsIn(SpecModel, defer_build=True):
    """Settings for an Objects2D job"""

    inputs: list[JobO2DInput]
    """List of inputs of the job"""
    outputs: list[JobOutputFormat]
    """List of output formats of the job"""


class Segmentation2DSettingsIn(SpecModel, defer_build=True):
    """Input settings for a Segmentation2D job"""

    inputs: list[JobS2DInput]
    """List of inputs of the job"""
    outputs: list[JobOutputFormat]
    """List of output formats of the job"""


class CostEstimationParameters(SpecModel, defer_build=True):
    """Optional parameters for estimating job cost before its processing"""

    giga_pixels: Annotated[float | None, Field(alias="gigaPixels")] = None
    """Number of giga pixels in inputs"""
    number_of_photos: Annotated[Int32 | None, Field(alias="numberOfPhotos")] = None
    """Number of photos in inputs"""
    scene_width: Annotated[float | None, Field(alias="sceneWidth")] = None
    """Width of the scene"""
    scene_height: Annotated[float | None, Field(alias="sceneHeight")] = None
    """Height of the scene"""
    scene_length: Annotated[float | None, Field(alias="sceneLength")] = None
    """Length of the scene"""
    detector_scale: Annotated[float | None, Field(alias="detectorScale")] = None
    """Scale of the detector"""
    detector_cost: Annotated[float | None, Field(alias="detectorCost")] = None
    """Cost of the detector"""


class JobPatch(SpecModel, defer_build=True):
    """Patch information to be applied"""

    state: Annotated[State | None, NoNull] = None
    """Only 'Active' or 'Cancelled' are valid values, see tutorials."""
    cost_estimation_parameters: Annotated[
        CostEstimationParameters | None, NoNull, Field(alias="costEstimationParameters")
    ] = None
    """New cost estimation parameters."""
    type: Annotated[JobType | None, NoNull] = None
    """New job type (requires compatible settings)"""
    settings: Annotated[Objects2DSettingsIn | Segmentation2DSettingsIn | None, NoNull] = None
    """New settings for this job, must be in sync with type"""


class Objects2DSettings(SpecModel, defer_build=True):
    """Settings for an Objects2D job"""

    inputs: Annotated[list[JobO2DInput] | None, NoNull] = None
    """List of inputs of the job"""
    outputs: Annotated[list[JobOutput] | None, NoNull] = None
    """List of output formats of the job"""


class Segmentation2DSettings(SpecModel, defer_build=True):
    """Settings for an Segmentation2D job"""

    inputs: Annotated[list[JobS2DInput] | None, NoNull] = None
    """List of inputs of the job"""
    outputs: Annotated[list[JobOutput] | None, NoNull] = None
    """List of output formats of the job"""


class ExecutionInformation(SpecModel, defer_build=True):
    """Execution details regarding a job"""

    exit_code: Annotated[int | None, Field(alias="exitCode")] = None
    """Exit code of the processing"""
    submission_date_time: Annotated[AwareDatetime | None, Field(alias="submissionDateTime")] = None
    """Submission date time of the job"""
    started_date_time: Annotated[AwareDatetime | None, Field(alias="startedDateTime")] = None
    """Start date time of the job"""
    ended_date_time: Annotated[AwareDatetime | None, Field(alias="endedDateTime")] = None
    """End date time of the job"""
    estimated_units: Annotated[float | None, Field(alias="estimatedUnits")] = None
    """Estimated cost of the executed job"""


class CostEstimation(SpecModel, defer_build=True):
    """Cost estimate based on parameters before job processing"""

    giga_pixels: Annotated[float | None, Field(alias="gigaPixels")] = None
    """Number of giga pixels in inputs"""
    number_of_photos: Annotated[Int32 | None, Field(alias="numberOfPhotos")] = None
    """Number of photos in inputs"""
    scene_width: Annotated[float | None, Field(alias="sceneWidth")] = None
    """Width of the scene"""
    scene_height: Annotated[float | None, Field(alias="sceneHeight")] = None
    """Height of the scene"""
    scene_length: Annotated[float | None, Field(alias="sceneLength")] = None
    """Length of the scene"""
    detector_scale: Annotated[float | None, Field(alias="detectorScale")] = None
    """Scale of the detector"""
    detector_cost: Annotated[float | None, Field(alias="detectorCost")] = None
    """Cost of the detector"""
    estimated_cost: Annotated[float | None, NoNull, Field(alias="estimatedCost")] = None
    """Estimated Cost of the job using the CostEstimationParameters"""


class Job(SpecModel, defer_build=True):
    """Job complete details"""

    id: Annotated[str | None, NoNull] = None
    """Job id"""
    email: Annotated[str | None, NoNull] = None
    """User email address"""
    state: Annotated[State | None, NoNull] = None
    """Job state"""
    type: Annotated[JobType | None, NoNull] = None
    """Job type"""
    name: Annotated[str | None, NoNull] = None
    """Job name"""
    project_id: Annotated[str | None, NoNull, Field(alias="projectId")] = None
    """Project Id"""
    settings: Annotated[Objects2DSettings | Segmentation2DSettings | None, NoNull] = None
    """Settings for this job, must be in sync with type"""
    created_date_time: Annotated[AwareDatetime | None, NoNull, Field(alias="createdDateTime")] = (
        None
    )
    """Created date time of the job"""
    last_modified_date_time: Annotated[
        AwareDatetime | None, NoNull, Field(alias="lastModifiedDateTime")
    ] = None
    """Date time of the latest modification of the job"""
    execution_information: Annotated[
        ExecutionInformation | None, NoNull, Field(alias="executionInformation")
    ] = None
    """Execution Information of the job"""
    cost_estimation: Annotated[CostEstimation | None, NoNull, Field(alias="costEstimation")] = None
    """Cost estimation before job processing"""
    data_center: Annotated[str | None, NoNull, Field(alias="dataCenter")] = None
    """Data center location of the job"""


class JobResponse(SpecModel, defer_build=True):
    """Schema #/components/schemas/jobResponse."""

    job: Job
    """Complete job details"""


class ErrorResponseError(SpecModel, defer_build=True):
    """The error object."""

    code: Annotated[str | None, NoNull] = None
    """One of a server-defined set of error codes."""
    message: Annotated[str | None, NoNull] = None
    """A human-readable representation of the error."""


class ErrorResponse(SpecModel, defer_build=True):
    """Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed."""

    error: Annotated[ErrorResponseError | None, NoNull] = None


class ErrorDetails(SpecModel, defer_build=True):
    """Contains error information."""

    code: str
    """One of a server-defined set of error codes."""
    message: str
    """A human-readable representation of the error."""


class Error(SpecModel, defer_build=True):
    """Contains error information and an optional array of more specific errors."""

    code: str
    """One of a server-defined set of error codes."""
    message: str
    """A human-readable representation of the error."""
    details: Annotated[list[ErrorDetails] | None, NoNull] = None
    """Optional array of more specific errors."""


class ErrorResponse2(SpecModel, defer_build=True):
    """Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed."""

    error: Error
    """Error information."""
