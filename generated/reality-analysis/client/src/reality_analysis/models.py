# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Pydantic models for iTwin Reality Analysis v2."""

from typing import Annotated

from pydantic import ConfigDict, Field

from ._runtime import AwareDatetime, NoNull, OpenEnum, SpecModel


class JobState(OpenEnum):
    """Job current state."""

    QUEUED = "Queued"
    ACTIVE = "Active"
    TERMINATING_ON_CANCEL = "TerminatingOnCancel"
    TERMINATING_ON_FAILURE = "TerminatingOnFailure"
    CANCELLED = "Cancelled"
    FAILED = "Failed"
    SUCCESS = "Success"


class JobTypes(OpenEnum):
    """Supported job types"""

    OBJECTS2_D = "Objects2D"
    SEGMENTATION2_D = "Segmentation2D"
    SEGMENTATION3_D = "Segmentation3D"
    SEGMENTATION_ORTHOPHOTO = "SegmentationOrthophoto"
    CHANGE_DETECTION = "ChangeDetection"
    EVAL_O2_D = "EvalO2D"
    EVAL_O3_D = "EvalO3D"
    EVAL_S2_D = "EvalS2D"
    EVAL_S3_D = "EvalS3D"
    EVAL_S_ORTHO = "EvalSOrtho"
    CLEARANCE_CALCULATION = "ClearanceCalculation"


class ChangeDetectionInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    model3d_a: Annotated[str, Field(alias="model3dA")]
    """Reality data id of ContextScene, point cloud or mesh."""
    model3d_b: Annotated[str, Field(alias="model3dB")]
    """Reality data id of ContextScene, point cloud or mesh."""


class ChangeDetectionOptions(SpecModel, defer_build=True):
    """Options for ChangeDetection job."""

    model_config = ConfigDict(extra="forbid")

    output_crs: Annotated[str | None, Field(alias="outputCrs")] = None
    """CRS used by `locations3DAsSHP` output."""
    threshold: float | None = None
    """High threshold to detect spatial changes (hysteresis detection)."""
    filter_threshold: Annotated[float | None, Field(alias="filterThreshold")] = None
    """Low threshold to detect spatial changes (hysteresis detection)."""
    min_points_per_change: Annotated[int | None, Field(alias="minPointsPerChange")] = None
    """Minimum number of points in a region to be considered as a change."""
    mesh_sampling_resolution: Annotated[float | None, Field(alias="meshSamplingResolution")] = None
    """Target point cloud resolution when starting from meshes."""


class ChangeDetectionOutputs(SpecModel, defer_build=True):
    """Following are the different output types for the job."""

    model_config = ConfigDict(extra="forbid")

    objects3_d: Annotated[str | None, Field(alias="objects3D")] = None
    """Reality data id of ContextScene annotated with embedded 3D objects."""
    changes_in_model_a: Annotated[str | None, Field(alias="changesInModelA")] = None
    """Points in A not in B as OPC."""
    changes_in_model_b: Annotated[str | None, Field(alias="changesInModelB")] = None
    """Points in B not in A as OPC."""
    locations3_d_as_shp: Annotated[str | None, Field(alias="locations3DAsSHP")] = None
    """Reality data id of 3D objects locations as SHP format."""
    locations3_d_as_geo_json: Annotated[str | None, Field(alias="locations3DAsGeoJSON")] = None
    """Reality data id of 3D objects locations as GeoJSON file."""


class ChangeDetectionSpecifications(SpecModel, defer_build=True):
    """Specifications for ChangeDetection job."""

    model_config = ConfigDict(extra="forbid")

    inputs: ChangeDetectionInputs
    options: Annotated[ChangeDetectionOptions | None, NoNull] = None
    outputs: ChangeDetectionOutputs


class ClearanceInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    model3_d: Annotated[str, Field(alias="model3D")]
    """Reality data id of a point cloud."""
    clearance_footprint: Annotated[str, Field(alias="clearanceFootprint")]
    """Reality data id of building footprints."""


class ClearanceOutputs(SpecModel, defer_build=True):
    """Following are the different output types."""

    model_config = ConfigDict(extra="forbid")

    ovf_areas: Annotated[str | None, Field(alias="ovfAreas")] = None
    """Reality data id of OVF Clearance Areas."""
    ovf_lines: Annotated[str | None, Field(alias="ovfLines")] = None
    """Reality data id of OVF Clearance Lines."""
    ovf_points: Annotated[str | None, Field(alias="ovfPoints")] = None
    """Reality data id of OVF Clearance Points."""


class ClearanceSpecifications(SpecModel, defer_build=True):
    """Specifications for Clearance Calculation job."""

    model_config = ConfigDict(extra="forbid")

    inputs: ClearanceInputs
    outputs: ClearanceOutputs


class EvalO2DInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    reference: str
    """Reality data id of ContextScene annotated with embedded 2D object references."""
    prediction: str
    """Reality data id of ContextScene annotated with embedded 2D object predictions."""


class EvalO2DOptions(SpecModel, defer_build=True):
    """Options for Eval Objects 2D job."""

    model_config = ConfigDict(extra="forbid")

    threshold_iou: Annotated[float | None, Field(alias="thresholdIOU")] = None
    """Intersection over union threshold."""


class EvalO2DOutputs(SpecModel, defer_build=True):
    """Following are the different output types for the job."""

    model_config = ConfigDict(extra="forbid")

    report: Annotated[str, Field(pattern="^bkt:.+")] | None = None
    """Path in Bucket of json report with binary classification."""
    objects2d: str | None = None
    """Reality data id of ContextScene annotated with classified embedded 2D objects."""


class EvalO2DSpecifications(SpecModel, defer_build=True):
    """Specifications for Eval Objects 2D job."""

    model_config = ConfigDict(extra="forbid")

    inputs: EvalO2DInputs
    options: Annotated[EvalO2DOptions | None, NoNull] = None
    outputs: EvalO2DOutputs


class EvalO3DInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    reference: str
    """Reality data id of ContextScene annotated with embedded 3D object references."""
    prediction: str
    """Reality data id of ContextScene annotated with embedded 3D object predictions."""


class EvalO3DOptions(SpecModel, defer_build=True):
    """Options for Eval Objects 3D job."""

    model_config = ConfigDict(extra="forbid")

    threshold_iou: Annotated[float | None, Field(alias="thresholdIOU")] = None
    """Intersection over union threshold."""


class EvalO3DOutputs(SpecModel, defer_build=True):
    """Following are the different output types for the job."""

    model_config = ConfigDict(extra="forbid")

    report: Annotated[str, Field(pattern="^bkt:.+")] | None = None
    """Path in Bucket of json report with binary classification."""
    objects3d: str | None = None
    """Reality data id of ContextScene annotated with classified embedded 3D objects."""


class EvalO3DSpecifications(SpecModel, defer_build=True):
    """Specifications for Eval Objects 3D job."""

    model_config = ConfigDict(extra="forbid")

    inputs: EvalO3DInputs
    options: Annotated[EvalO3DOptions | None, NoNull] = None
    outputs: EvalO3DOutputs


class EvalS2DInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    reference: str
    """Reality data id of ContextScene, pointing to segmented photos reference."""
    prediction: str
    """Reality data id of ContextScene pointing to segmented photos prediction."""


class EvalS2DOutputs(SpecModel, defer_build=True):
    """Following are the different output types for the job."""

    model_config = ConfigDict(extra="forbid")

    report: Annotated[str, Field(pattern="^bkt:.+")] | None = None
    """Path in Bucket of json report with confusion matrix."""
    segmentation2_d: Annotated[str | None, Field(alias="segmentation2D")] = None
    """Reality data id of ContextScene, pointing to segmented photos."""
    segmented_photos: Annotated[str | None, Field(alias="segmentedPhotos")] = None
    """Reality data id of segmented photos, annotated with confusion matrix index."""


class EvalS2DSpecifications(SpecModel, defer_build=True):
    """Specifications for Eval Segmentation 2D job."""

    model_config = ConfigDict(extra="forbid")

    inputs: EvalS2DInputs
    outputs: EvalS2DOutputs


class EvalS3DInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    reference: str
    """Reality data id of ContextScene, pointing to segmented point cloud reference."""
    prediction: str
    """Reality data id of ContextScene pointing to segmented point cloud prediction."""


class EvalS3DOutputs(SpecModel, defer_build=True):
    """Following are the different output types for the job."""

    model_config = ConfigDict(extra="forbid")

    report: Annotated[str, Field(pattern="^bkt:.+")] | None = None
    """Path in Bucket of json report with confusion matrix."""
    segmentation3_d: Annotated[str | None, Field(alias="segmentation3D")] = None
    """Reality data id of ContextScene pointing to segmented point cloud."""
    segmented_point_cloud: Annotated[str | None, Field(alias="segmentedPointCloud")] = None
    """Reality data id of segmented point cloud annotated with confusion matrix index."""


class EvalS3DSpecifications(SpecModel, defer_build=True):
    """Specifications for Eval Segmentation 3D job."""

    model_config = ConfigDict(extra="forbid")

    inputs: EvalS3DInputs
    outputs: EvalS3DOutputs


class EvalSOrthoInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    reference: str
    """Reality data id of ContextScene pointing to segmented photos reference."""
    prediction: str
    """Reality data id of ContextScene pointing to segmented photos prediction."""


class EvalSOrthoOutputs(SpecModel, defer_build=True):
    """Following are the different output types."""

    model_config = ConfigDict(extra="forbid")

    report: Annotated[str, Field(pattern="^bkt:.+")] | None = None
    """Path in Bucket of json report with confusion matrix."""
    segmentation2_d: Annotated[str | None, Field(alias="segmentation2D")] = None
    """Reality data id of ContextScene pointing to segmented photos."""
    segmented_photos: Annotated[str | None, Field(alias="segmentedPhotos")] = None
    """Reality data id of segmented photos annotated with confusion matrix index."""


class EvalSOrthoSpecifications(SpecModel, defer_build=True):
    """Specifications for Eval Segmentation Orthophoto job."""

    model_config = ConfigDict(extra="forbid")

    inputs: EvalSOrthoInputs
    outputs: EvalSOrthoOutputs


class ExecutionInformation(SpecModel, defer_build=True):
    """Execution information of a job."""

    model_config = ConfigDict(extra="forbid")

    ended_date_time: Annotated[AwareDatetime | None, Field(alias="endedDateTime")] = None
    """End time of the job."""
    created_date_time: Annotated[AwareDatetime, Field(alias="createdDateTime")]
    """Creation time of the job."""
    processing_units: Annotated[float | None, Field(alias="processingUnits")] = None
    """The number of processing units consumed by the job."""
    started_date_time: Annotated[AwareDatetime | None, Field(alias="startedDateTime")] = None
    """Start time of the job."""


class Objects2DInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    photos: str
    """Reality data id of ContextScene pointing to the photos to process."""
    model3_d: Annotated[str | None, Field(alias="model3D")] = None
    """Reality data id of ContextScene pointing to a collection of point clouds/meshes to process, or a point cloud, or a mesh."""
    objects2_d: Annotated[str | None, Field(alias="objects2D")] = None
    """Reality data id of ContextScene annotated with embedded 2D objects. This input replaces the `photoObjectDetector` input."""
    photo_object_detector: Annotated[str | None, Field(alias="photoObjectDetector")] = None
    """Reality data id of photo object detector or photo object detector identifier from the Detector Library."""


class Objects2DOptions(SpecModel, defer_build=True):
    """Options for Objects2D job."""

    model_config = ConfigDict(extra="forbid")

    crs: str | None = None
    """CRS used by `locations3DAsSHP` outputs."""
    max_dist: Annotated[float | None, Field(alias="maxDist")] = None
    """Maximum distance between photos and 3D objects."""
    min_photos: Annotated[int | None, Field(alias="minPhotos")] = None
    """Minimum number of 2D objects to generate a 3D object."""
    use_tie_points: Annotated[bool | None, Field(alias="useTiePoints")] = None
    """Improve detection using tie points in oriented photos."""


class Objects2DOutputs(SpecModel, defer_build=True):
    """Following are the different output types for the job."""

    model_config = ConfigDict(extra="forbid")

    objects2_d: Annotated[str | None, Field(alias="objects2D")] = None
    """Reality data id of ContextScene, annotated with embedded 2D objects."""
    objects3_d: Annotated[str | None, Field(alias="objects3D")] = None
    """Reality data id of ContextScene, annotated with embedded 3D objects."""
    locations3_d_as_shp: Annotated[str | None, Field(alias="locations3DAsSHP")] = None
    """Reality data id of 3D objects locations as SHP file, `objects3d` output must be defined."""
    objects3_d_as3_d_tiles: Annotated[str | None, Field(alias="objects3DAs3DTiles")] = None
    """Reality data id of 3D objects as 3D Tiles file, `objects3d` output must be defined."""
    objects3_d_as_geo_json: Annotated[str | None, Field(alias="objects3DAsGeoJSON")] = None
    """Reality data id of 3D objects as GeoJSON file, `objects3d` output must be defined."""
    locations3_d_as_geo_json: Annotated[str | None, Field(alias="locations3DAsGeoJSON")] = None
    """Reality data id of 3D objects locations as GeoJSON file, `objects3d` output must be defined."""


class Objects2DSpecifications(SpecModel, defer_build=True):
    """Specifications for Objects2D job."""

    model_config = ConfigDict(extra="forbid")

    inputs: Objects2DInputs
    options: Annotated[Objects2DOptions | None, NoNull] = None
    outputs: Objects2DOutputs


class Segmentation2DInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    photos: str
    """Reality data id of the ContextScene pointing to the photos to process."""
    model3_d: Annotated[str | None, Field(alias="model3D")] = None
    """Reality data id of ContextScene pointing to a collection of point clouds/meshes to process, or a point cloud, or a mesh."""
    segmentation2_d: Annotated[str | None, Field(alias="segmentation2D")] = None
    """Reality data id of ContextScene pointing to segmented photos. This input replaces `photoSegmentationDetector` input."""
    photo_segmentation_detector: Annotated[str | None, Field(alias="photoSegmentationDetector")] = (
        None
    )
    """Either reality data id of photo segmentation detector or photo segmentation detector identifier from the Detectors Library."""


class Segmentation2DOptions(SpecModel, defer_build=True):
    """Options for Segmentation2D job."""

    model_config = ConfigDict(extra="forbid")

    min_photos: Annotated[int | None, Field(alias="minPhotos")] = None
    """Minimum number of 2D detection to generate a 3D detection."""
    compute_line_width: Annotated[bool | None, Field(alias="computeLineWidth")] = None
    """Estimation 3D line width at each vertex."""
    remove_small_lines: Annotated[float | None, Field(alias="removeSmallLines")] = None
    """Remove 3D lines with total length smaller than this value."""


class Segmentation2DOutputs(SpecModel, defer_build=True):
    """Following are the different output types."""

    model_config = ConfigDict(extra="forbid")

    lines3_d: Annotated[str | None, Field(alias="lines3D")] = None
    """Reality data id of ContextScene, annotated with embedded 3D lines."""
    polygons3_d: Annotated[str | None, Field(alias="polygons3D")] = None
    """Reality data id of ContextScene annotated with embedded 3D polygons."""
    segmentation2_d: Annotated[str | None, Field(alias="segmentation2D")] = None
    """Reality data id of ContextScene pointing to segmented photos."""
    segmented_photos: Annotated[str | None, Field(alias="segmentedPhotos")] = None
    """Reality data id of segmented photos."""
    lines3_d_as3_d_tiles: Annotated[str | None, Field(alias="lines3DAs3DTiles")] = None
    """Reality data id of 3D lines as 3D Tiles file, `lines3d` output must be defined."""
    lines3_d_as_geo_json: Annotated[str | None, Field(alias="lines3DAsGeoJSON")] = None
    """Reality data id of 3D lines as GeoJSON file, `lines3d` output must be defined."""
    polygons3_d_as3_d_tiles: Annotated[str | None, Field(alias="polygons3DAs3DTiles")] = None
    """Reality data id of 3D polygons as 3D Tiles file, `polygons3d` output must be defined."""
    polygons3_d_as_geo_json: Annotated[str | None, Field(alias="polygons3DAsGeoJSON")] = None
    """Reality data id of 3D polygons as GeoJSON file, `polygons3d` output must be defined."""


class Segmentation2DSpecifications(SpecModel, defer_build=True):
    """Specifications for Segmentation2D job."""

    model_config = ConfigDict(extra="forbid")

    inputs: Segmentation2DInputs
    options: Annotated[Segmentation2DOptions | None, NoNull] = None
    outputs: Segmentation2DOutputs


class Segmentation3DInputs(SpecModel, defer_build=True):
    """Following are the different inputs for the job."""

    model_config = ConfigDict(extra="forbid")

    extent: Annotated[str, Field(pattern="^bkt:.+")] | None = None
    """Path in the bucket of the clipping polygon to apply."""
    model3_d: Annotated[str | None, Field(alias="model3D")] = None
    """Reality data id of ContextScene pointing to a collection of point clouds/meshes to process, or a point cloud, or a mesh."""
    segmentation3_d: Annotated[str | None, Field(alias="segmentation3D")] = None
    """Reality data id of ContextScene pointing to a segmented point cloud, this input replaces `pointCloudSegmentationDetector` and `model3D` inputs."""
    point_cloud_segmentation_detector: Annotated[
        str | None, Field(alias="pointCloudSegmentationDetector")
    ] = None
    """Either reality data id of point cloud segmentation detector or point cloud segmentation detector identifier from the Detectors Library."""


class Segmentation3DOptions(SpecModel, defer_build=True):
    """Options for Segmentation3D job."""

    model_config = ConfigDict(extra="forbid")

    crs: str | None = None
    """CRS used by POD, LAS, LAZ, PLY and SHP outputs."""
    save_confidence: Annotated[bool | None, Field(alias="saveConfidence")] = None
    """Save confidence in 3D segmentation."""
    compute_line_width: Annotated[bool | None, Field(alias="computeLineWidth")] = None
    """Estimation 3D line width at each vertex."""
    keep_input_resolution: Annotated[bool | None, Field(alias="keepInputResolution")] = None
    """To make segmentation 3D output exact same point input."""
    remove_small_components: Annotated[float | None, Field(alias="removeSmallComponents")] = None
    """Remove 3D lines with total length smaller than this value."""


class Segmentation3DOutputs(SpecModel, defer_build=True):
    """Following are the different output types for the job."""

    model_config = ConfigDict(extra="forbid")

    lines3_d: Annotated[str | None, Field(alias="lines3D")] = None
    """Reality data id of ContextScene annotated with embedded 3D lines."""
    objects3_d: Annotated[str | None, Field(alias="objects3D")] = None
    """Reality data id of ContextScene annotated with embedded 3D objects."""
    polygons3_d: Annotated[str | None, Field(alias="polygons3D")] = None
    """Reality data id of ContextScene annotated with embedded 3D polygons."""
    segmentation3_d: Annotated[str | None, Field(alias="segmentation3D")] = None
    """Reality data id of ContextScene pointing to the segmented point cloud."""
    lines3_d_as3_d_tiles: Annotated[str | None, Field(alias="lines3DAs3DTiles")] = None
    """Reality data id of 3D lines as 3D Tiles file, `lines3d` output must be defined."""
    lines3_d_as_geo_json: Annotated[str | None, Field(alias="lines3DAsGeoJSON")] = None
    """Reality data id of 3D lines as GeoJSON file, `lines3d` output must be defined."""
    locations3_d_as_shp: Annotated[str | None, Field(alias="locations3DAsSHP")] = None
    """Reality data id of 3D objects locations as SHP file, `objects3d` output must be defined."""
    objects3_d_as3_d_tiles: Annotated[str | None, Field(alias="objects3DAs3DTiles")] = None
    """Reality data id of 3D objects as 3D Tiles file, `objects3d` output must be defined."""
    objects3_d_as_geo_json: Annotated[str | None, Field(alias="objects3DAsGeoJSON")] = None
    """Reality data id of 3D objects as GeoJSON file, `objects3d` output must be defined."""
    polygons3_d_as3_d_tiles: Annotated[str | None, Field(alias="polygons3DAs3DTiles")] = None
    """Reality data id of 3D polygons as 3D Tiles file, `polygons3d` output must be defined."""
    polygons3_d_as_geo_json: Annotated[str | None, Field(alias="polygons3DAsGeoJSON")] = None
    """Reality data id of 3D polygons as GeoJSON file, `polygons3d` output must be defined."""
    segmentation3_d_as_las: Annotated[str | None, Field(alias="segmentation3DAsLAS")] = None
    """Reality data id of the segmented point cloud as LAS file, `segmentation3D` output must be defined."""
    segmentation3_d_as_laz: Annotated[str | None, Field(alias="segmentation3DAsLAZ")] = None
    """Reality data id of the segmented point cloud as LAZ file, `segmentation3D` output must be defined."""
    segmentation3_d_as_ply: Annotated[str | None, Field(alias="segmentation3DAsPLY")] = None
    """Reality data id of the segmented point cloud as PLY file, `segmentation3D` output must be defined."""
    segmentation3_d_as_pod: Annotated[str | None, Field(alias="segmentation3DAsPOD")] = None
    """Reality data id of the segmented point cloud as POD file, `segmentation3D` output must be defined."""
    segmented_point_cloud: Annotated[str | None, Field(alias="segmentedPointCloud")] = None
    """Reality data id of the 3D segmentation as OPC file."""
    locations3_d_as_geo_json: Annotated[str | None, Field(alias="locations3DAsGeoJSON")] = None
    """Reality data id of 3D objects locations as GeoJSON file, `objects3d` output must be defined."""


class Segmentation3DSpecifications(SpecModel, defer_build=True):
    """Specifications for Segmentation3D job."""

    model_config = ConfigDict(extra="forbid")

    inputs: Segmentation3DInputs
    options: Annotated[Segmentation3DOptions | None, NoNull] = None
    outputs: Segmentation3DOutputs


class SegmentationOrthophotoInputs(SpecModel, defer_build=True):
    """Following are the different inputs for job."""

    model_config = ConfigDict(extra="forbid")

    orthophoto: str
    """Reality data id of ContextScene pointing to orthophotos to process."""
    orthophoto_segmentation_detector: Annotated[str, Field(alias="orthophotoSegmentationDetector")]
    """Either reality data id of orthophoto segmentation detector or orthophoto segmentation detector identifier from the Detectors Library."""


class SegmentationOrthophotoOutputs(SpecModel, defer_build=True):
    """Following are the different output types."""

    model_config = ConfigDict(extra="forbid")

    lines2_d: Annotated[str | None, Field(alias="lines2D")] = None
    """Reality data id of ContextScene annotated with embedded 2D lines."""
    polygons2_d: Annotated[str | None, Field(alias="polygons2D")] = None
    """Reality data id of ContextScene annotated with embedded 2D polygons."""
    lines2_d_as_shp: Annotated[str | None, Field(alias="lines2DAsSHP")] = None
    """Reality data id of 2D lines as SHP file, `lines2d` output must be defined."""
    segmentation2_d: Annotated[str | None, Field(alias="segmentation2D")] = None
    """Reality data id of ContextScene, pointing to segmented orthophotos."""
    polygons2_d_as_shp: Annotated[str | None, Field(alias="polygons2DAsSHP")] = None
    """Reality data id of 2D polygons as SHP file, `polygons2d` output must be defined."""
    segmented_photos: Annotated[str | None, Field(alias="segmentedPhotos")] = None
    """Reality data id of segmented orthophotos."""
    lines2_d_as_geo_json: Annotated[str | None, Field(alias="lines2DAsGeoJSON")] = None
    """Reality data id of 2D lines as GeoJSON file, `lines2d` output must be defined."""
    polygons2_d_as_geo_json: Annotated[str | None, Field(alias="polygons2DAsGeoJSON")] = None
    """Reality data id of 2D polygons as GeoJSON file, `polygons2d` output must be defined."""


class SegmentationOrthophotoSpecifications(SpecModel, defer_build=True):
    """Specifications for SegmentationOrthophoto job."""

    model_config = ConfigDict(extra="forbid")

    inputs: SegmentationOrthophotoInputs
    outputs: SegmentationOrthophotoOutputs


class Job(SpecModel, defer_build=True):
    """Job information."""

    model_config = ConfigDict(extra="forbid")

    id: str
    """Unique id of the job."""
    name: (
        Annotated[
            str, Field(min_length=3, max_length=256, pattern='^([^"<>|:*?\\\\/\\u0000-\\u001f])+$')
        ]
        | None
    ) = None
    """Name of the job."""
    type: JobTypes
    state: JobState
    user_id: Annotated[str, Field(alias="userId")]
    """Identifier of the user that created the job."""
    i_twin_id: Annotated[str, Field(alias="iTwinId")]
    """iTwin Id for the job."""
    execution_info: Annotated[ExecutionInformation, Field(alias="executionInfo")]
    specifications: (
        Objects2DSpecifications
        | Segmentation2DSpecifications
        | Segmentation3DSpecifications
        | SegmentationOrthophotoSpecifications
        | ChangeDetectionSpecifications
        | EvalO2DSpecifications
        | EvalO3DSpecifications
        | EvalS2DSpecifications
        | EvalS3DSpecifications
        | EvalSOrthoSpecifications
        | ClearanceSpecifications
    )
    """List of inputs, outputs and options for the job, must be in sync with the type."""


class Error(SpecModel, defer_build=True):
    """Contains error information."""

    code: str
    """One of a server-defined set of error codes."""
    target: str | None = None
    """The target of the error."""
    message: str
    """A human-readable representation of the error."""


class JobResponse(SpecModel, defer_build=True):
    """Schema #/components/schemas/JobResponse."""

    model_config = ConfigDict(extra="forbid")

    job: Job


class ErrorResponse(SpecModel, defer_build=True):
    """Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed."""

    model_config = ConfigDict(extra="forbid")

    error: Error
    """Error information."""
