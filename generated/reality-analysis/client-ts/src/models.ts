// Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.

/** Job information. */
export interface Job {
  /** Unique id of the job. */
  id: string;
  /**
   * Name of the job.
   * @defaultValue null
   */
  name?: string | null;
  type: JobTypes;
  state: JobState;
  /** Identifier of the user that created the job. */
  userId: string;
  /** iTwin Id for the job. */
  iTwinId: string;
  executionInfo: ExecutionInformation;
  /** List of inputs, outputs and options for the job, must be in sync with the type. */
  specifications: Objects2DSpecifications | Segmentation2DSpecifications | Segmentation3DSpecifications | SegmentationOrthophotoSpecifications | ChangeDetectionSpecifications | EvalO2DSpecifications | EvalO3DSpecifications | EvalS2DSpecifications | EvalS3DSpecifications | EvalSOrthoSpecifications | ClearanceSpecifications;
}

/** Contains error information. */
export interface Error {
  /** One of a server-defined set of error codes. */
  code: string;
  /** The target of the error. */
  target?: string | null;
  /** A human-readable representation of the error. */
  message: string;
}

/** Job current state. */
export type JobState = "Queued" | "Active" | "TerminatingOnCancel" | "TerminatingOnFailure" | "Cancelled" | "Failed" | "Success";

/** Supported job types */
export type JobTypes = "Objects2D" | "Segmentation2D" | "Segmentation3D" | "SegmentationOrthophoto" | "ChangeDetection" | "EvalO2D" | "EvalO3D" | "EvalS2D" | "EvalS3D" | "EvalSOrtho" | "ClearanceCalculation";

export interface JobResponse {
  job: Job;
}

/** Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed. */
export interface ErrorResponse {
  /** Error information. */
  error: Error;
}

/** Following are the different inputs for the job. */
export interface EvalO2DInputs {
  /** Reality data id of ContextScene annotated with embedded 2D object references. */
  reference: string;
  /** Reality data id of ContextScene annotated with embedded 2D object predictions. */
  prediction: string;
}

/** Following are the different inputs for the job. */
export interface EvalO3DInputs {
  /** Reality data id of ContextScene annotated with embedded 3D object references. */
  reference: string;
  /** Reality data id of ContextScene annotated with embedded 3D object predictions. */
  prediction: string;
}

/** Following are the different inputs for the job. */
export interface EvalS2DInputs {
  /** Reality data id of ContextScene, pointing to segmented photos reference. */
  reference: string;
  /** Reality data id of ContextScene pointing to segmented photos prediction. */
  prediction: string;
}

/** Following are the different inputs for the job. */
export interface EvalS3DInputs {
  /** Reality data id of ContextScene, pointing to segmented point cloud reference. */
  reference: string;
  /** Reality data id of ContextScene pointing to segmented point cloud prediction. */
  prediction: string;
}

/** Options for Eval Objects 2D job. */
export interface EvalO2DOptions {
  /**
   * Intersection over union threshold.
   * @defaultValue null
   */
  thresholdIOU?: number | null;
}

/** Following are the different output types for the job. */
export interface EvalO2DOutputs {
  /**
   * Path in Bucket of json report with binary classification.
   * @defaultValue null
   */
  report?: string | null;
  /**
   * Reality data id of ContextScene annotated with classified embedded 2D objects.
   * @defaultValue null
   */
  objects2d?: string | null;
}

/** Options for Eval Objects 3D job. */
export interface EvalO3DOptions {
  /**
   * Intersection over union threshold.
   * @defaultValue null
   */
  thresholdIOU?: number | null;
}

/** Following are the different output types for the job. */
export interface EvalO3DOutputs {
  /**
   * Path in Bucket of json report with binary classification.
   * @defaultValue null
   */
  report?: string | null;
  /**
   * Reality data id of ContextScene annotated with classified embedded 3D objects.
   * @defaultValue null
   */
  objects3d?: string | null;
}

/** Following are the different output types for the job. */
export interface EvalS2DOutputs {
  /**
   * Path in Bucket of json report with confusion matrix.
   * @defaultValue null
   */
  report?: string | null;
  /**
   * Reality data id of ContextScene, pointing to segmented photos.
   * @defaultValue null
   */
  segmentation2D?: string | null;
  /**
   * Reality data id of segmented photos, annotated with confusion matrix index.
   * @defaultValue null
   */
  segmentedPhotos?: string | null;
}

/** Following are the different output types for the job. */
export interface EvalS3DOutputs {
  /**
   * Path in Bucket of json report with confusion matrix.
   * @defaultValue null
   */
  report?: string | null;
  /**
   * Reality data id of ContextScene pointing to segmented point cloud.
   * @defaultValue null
   */
  segmentation3D?: string | null;
  /**
   * Reality data id of segmented point cloud annotated with confusion matrix index.
   * @defaultValue null
   */
  segmentedPointCloud?: string | null;
}

/** Following are the different inputs for the job. */
export interface ClearanceInputs {
  /** Reality data id of a point cloud. */
  model3D: string;
  /** Reality data id of building footprints. */
  clearanceFootprint: string;
}

/** Following are the different inputs for the job. */
export interface Objects2DInputs {
  /** Reality data id of ContextScene pointing to the photos to process. */
  photos: string;
  /**
   * Reality data id of ContextScene pointing to a collection of point clouds/meshes to process, or a point cloud, or a mesh.
   * @defaultValue null
   */
  model3D?: string | null;
  /**
   * Reality data id of ContextScene annotated with embedded 2D objects. This input replaces the `photoObjectDetector` input.
   * @defaultValue null
   */
  objects2D?: string | null;
  /**
   * Reality data id of photo object detector or photo object detector identifier from the Detector Library.
   * @defaultValue null
   */
  photoObjectDetector?: string | null;
}

/** Following are the different output types. */
export interface ClearanceOutputs {
  /**
   * Reality data id of OVF Clearance Areas.
   * @defaultValue null
   */
  ovfAreas?: string | null;
  /**
   * Reality data id of OVF Clearance Lines.
   * @defaultValue null
   */
  ovfLines?: string | null;
  /**
   * Reality data id of OVF Clearance Points.
   * @defaultValue null
   */
  ovfPoints?: string | null;
}

/** Following are the different inputs for the job. */
export interface EvalSOrthoInputs {
  /** Reality data id of ContextScene pointing to segmented photos reference. */
  reference: string;
  /** Reality data id of ContextScene pointing to segmented photos prediction. */
  prediction: string;
}

/** Options for Objects2D job. */
export interface Objects2DOptions {
  /**
   * CRS used by `locations3DAsSHP` outputs.
   * @defaultValue null
   */
  crs?: string | null;
  /**
   * Maximum distance between photos and 3D objects.
   * @defaultValue null
   */
  maxDist?: number | null;
  /**
   * Minimum number of 2D objects to generate a 3D object.
   * @defaultValue null
   */
  minPhotos?: number | null;
  /**
   * Improve detection using tie points in oriented photos.
   * @defaultValue null
   */
  useTiePoints?: boolean | null;
}

/** Following are the different output types for the job. */
export interface Objects2DOutputs {
  /**
   * Reality data id of ContextScene, annotated with embedded 2D objects.
   * @defaultValue null
   */
  objects2D?: string | null;
  /**
   * Reality data id of ContextScene, annotated with embedded 3D objects.
   * @defaultValue null
   */
  objects3D?: string | null;
  /**
   * Reality data id of 3D objects locations as SHP file, `objects3d` output must be defined.
   * @defaultValue null
   */
  locations3DAsSHP?: string | null;
  /**
   * Reality data id of 3D objects as 3D Tiles file, `objects3d` output must be defined.
   * @defaultValue null
   */
  objects3DAs3DTiles?: string | null;
  /**
   * Reality data id of 3D objects as GeoJSON file, `objects3d` output must be defined.
   * @defaultValue null
   */
  objects3DAsGeoJSON?: string | null;
  /**
   * Reality data id of 3D objects locations as GeoJSON file, `objects3d` output must be defined.
   * @defaultValue null
   */
  locations3DAsGeoJSON?: string | null;
}

/** Following are the different output types. */
export interface EvalSOrthoOutputs {
  /**
   * Path in Bucket of json report with confusion matrix.
   * @defaultValue null
   */
  report?: string | null;
  /**
   * Reality data id of ContextScene pointing to segmented photos.
   * @defaultValue null
   */
  segmentation2D?: string | null;
  /**
   * Reality data id of segmented photos annotated with confusion matrix index.
   * @defaultValue null
   */
  segmentedPhotos?: string | null;
}

/** Execution information of a job. */
export interface ExecutionInformation {
  /** End time of the job. */
  endedDateTime?: string | null;
  /** Creation time of the job. */
  createdDateTime: string;
  /**
   * The number of processing units consumed by the job.
   * @defaultValue null
   */
  processingUnits?: number | null;
  /** Start time of the job. */
  startedDateTime?: string | null;
}

/** Following are the different inputs for the job. */
export interface Segmentation2DInputs {
  /** Reality data id of the ContextScene pointing to the photos to process. */
  photos: string;
  /**
   * Reality data id of ContextScene pointing to a collection of point clouds/meshes to process, or a point cloud, or a mesh.
   * @defaultValue null
   */
  model3D?: string | null;
  /**
   * Reality data id of ContextScene pointing to segmented photos. This input replaces `photoSegmentationDetector` input.
   * @defaultValue null
   */
  segmentation2D?: string | null;
  /**
   * Either reality data id of photo segmentation detector or photo segmentation detector identifier from the Detectors Library.
   * @defaultValue null
   */
  photoSegmentationDetector?: string | null;
}

/** Following are the different inputs for the job. */
export interface Segmentation3DInputs {
  /**
   * Path in the bucket of the clipping polygon to apply.
   * @defaultValue null
   */
  extent?: string | null;
  /**
   * Reality data id of ContextScene pointing to a collection of point clouds/meshes to process, or a point cloud, or a mesh.
   * @defaultValue null
   */
  model3D?: string | null;
  /**
   * Reality data id of ContextScene pointing to a segmented point cloud, this input replaces `pointCloudSegmentationDetector` and `model3D` inputs.
   * @defaultValue null
   */
  segmentation3D?: string | null;
  /**
   * Either reality data id of point cloud segmentation detector or point cloud segmentation detector identifier from the Detectors Library.
   * @defaultValue null
   */
  pointCloudSegmentationDetector?: string | null;
}

/** Following are the different inputs for the job. */
export interface ChangeDetectionInputs {
  /** Reality data id of ContextScene, point cloud or mesh. */
  model3dA: string;
  /** Reality data id of ContextScene, point cloud or mesh. */
  model3dB: string;
}

/** Specifications for Eval Objects 2D job. */
export interface EvalO2DSpecifications {
  inputs: EvalO2DInputs;
  options?: EvalO2DOptions;
  outputs: EvalO2DOutputs;
}

/** Specifications for Eval Objects 3D job. */
export interface EvalO3DSpecifications {
  inputs: EvalO3DInputs;
  options?: EvalO3DOptions;
  outputs: EvalO3DOutputs;
}

/** Specifications for Eval Segmentation 2D job. */
export interface EvalS2DSpecifications {
  inputs: EvalS2DInputs;
  outputs: EvalS2DOutputs;
}

/** Specifications for Eval Segmentation 3D job. */
export interface EvalS3DSpecifications {
  inputs: EvalS3DInputs;
  outputs: EvalS3DOutputs;
}

/** Options for Segmentation2D job. */
export interface Segmentation2DOptions {
  /**
   * Minimum number of 2D detection to generate a 3D detection.
   * @defaultValue null
   */
  minPhotos?: number | null;
  /**
   * Estimation 3D line width at each vertex.
   * @defaultValue null
   */
  computeLineWidth?: boolean | null;
  /**
   * Remove 3D lines with total length smaller than this value.
   * @defaultValue null
   */
  removeSmallLines?: number | null;
}

/** Following are the different output types. */
export interface Segmentation2DOutputs {
  /**
   * Reality data id of ContextScene, annotated with embedded 3D lines.
   * @defaultValue null
   */
  lines3D?: string | null;
  /**
   * Reality data id of ContextScene annotated with embedded 3D polygons.
   * @defaultValue null
   */
  polygons3D?: string | null;
  /**
   * Reality data id of ContextScene pointing to segmented photos.
   * @defaultValue null
   */
  segmentation2D?: string | null;
  /**
   * Reality data id of segmented photos.
   * @defaultValue null
   */
  segmentedPhotos?: string | null;
  /**
   * Reality data id of 3D lines as 3D Tiles file, `lines3d` output must be defined.
   * @defaultValue null
   */
  lines3DAs3DTiles?: string | null;
  /**
   * Reality data id of 3D lines as GeoJSON file, `lines3d` output must be defined.
   * @defaultValue null
   */
  lines3DAsGeoJSON?: string | null;
  /**
   * Reality data id of 3D polygons as 3D Tiles file, `polygons3d` output must be defined.
   * @defaultValue null
   */
  polygons3DAs3DTiles?: string | null;
  /**
   * Reality data id of 3D polygons as GeoJSON file, `polygons3d` output must be defined.
   * @defaultValue null
   */
  polygons3DAsGeoJSON?: string | null;
}

/** Options for Segmentation3D job. */
export interface Segmentation3DOptions {
  /**
   * CRS used by POD, LAS, LAZ, PLY and SHP outputs.
   * @defaultValue null
   */
  crs?: string | null;
  /**
   * Save confidence in 3D segmentation.
   * @defaultValue null
   */
  saveConfidence?: boolean | null;
  /**
   * Estimation 3D line width at each vertex.
   * @defaultValue null
   */
  computeLineWidth?: boolean | null;
  /**
   * To make segmentation 3D output exact same point input.
   * @defaultValue null
   */
  keepInputResolution?: boolean | null;
  /**
   * Remove 3D lines with total length smaller than this value.
   * @defaultValue null
   */
  removeSmallComponents?: number | null;
}

/** Following are the different output types for the job. */
export interface Segmentation3DOutputs {
  /**
   * Reality data id of ContextScene annotated with embedded 3D lines.
   * @defaultValue null
   */
  lines3D?: string | null;
  /**
   * Reality data id of ContextScene annotated with embedded 3D objects.
   * @defaultValue null
   */
  objects3D?: string | null;
  /**
   * Reality data id of ContextScene annotated with embedded 3D polygons.
   * @defaultValue null
   */
  polygons3D?: string | null;
  /**
   * Reality data id of ContextScene pointing to the segmented point cloud.
   * @defaultValue null
   */
  segmentation3D?: string | null;
  /**
   * Reality data id of 3D lines as 3D Tiles file, `lines3d` output must be defined.
   * @defaultValue null
   */
  lines3DAs3DTiles?: string | null;
  /**
   * Reality data id of 3D lines as GeoJSON file, `lines3d` output must be defined.
   * @defaultValue null
   */
  lines3DAsGeoJSON?: string | null;
  /**
   * Reality data id of 3D objects locations as SHP file, `objects3d` output must be defined.
   * @defaultValue null
   */
  locations3DAsSHP?: string | null;
  /**
   * Reality data id of 3D objects as 3D Tiles file, `objects3d` output must be defined.
   * @defaultValue null
   */
  objects3DAs3DTiles?: string | null;
  /**
   * Reality data id of 3D objects as GeoJSON file, `objects3d` output must be defined.
   * @defaultValue null
   */
  objects3DAsGeoJSON?: string | null;
  /**
   * Reality data id of 3D polygons as 3D Tiles file, `polygons3d` output must be defined.
   * @defaultValue null
   */
  polygons3DAs3DTiles?: string | null;
  /**
   * Reality data id of 3D polygons as GeoJSON file, `polygons3d` output must be defined.
   * @defaultValue null
   */
  polygons3DAsGeoJSON?: string | null;
  /**
   * Reality data id of the segmented point cloud as LAS file, `segmentation3D` output must be defined.
   * @defaultValue null
   */
  segmentation3DAsLAS?: string | null;
  /**
   * Reality data id of the segmented point cloud as LAZ file, `segmentation3D` output must be defined.
   * @defaultValue null
   */
  segmentation3DAsLAZ?: string | null;
  /**
   * Reality data id of the segmented point cloud as PLY file, `segmentation3D` output must be defined.
   * @defaultValue null
   */
  segmentation3DAsPLY?: string | null;
  /**
   * Reality data id of the segmented point cloud as POD file, `segmentation3D` output must be defined.
   * @defaultValue null
   */
  segmentation3DAsPOD?: string | null;
  /**
   * Reality data id of the 3D segmentation as OPC file.
   * @defaultValue null
   */
  segmentedPointCloud?: string | null;
  /**
   * Reality data id of 3D objects locations as GeoJSON file, `objects3d` output must be defined.
   * @defaultValue null
   */
  locations3DAsGeoJSON?: string | null;
}

/** Options for ChangeDetection job. */
export interface ChangeDetectionOptions {
  /**
   * CRS used by `locations3DAsSHP` output.
   * @defaultValue null
   */
  outputCrs?: string | null;
  /**
   * High threshold to detect spatial changes (hysteresis detection).
   * @defaultValue null
   */
  threshold?: number | null;
  /**
   * Low threshold to detect spatial changes (hysteresis detection).
   * @defaultValue null
   */
  filterThreshold?: number | null;
  /**
   * Minimum number of points in a region to be considered as a change.
   * @defaultValue null
   */
  minPointsPerChange?: number | null;
  /**
   * Target point cloud resolution when starting from meshes.
   * @defaultValue null
   */
  meshSamplingResolution?: number | null;
}

/** Following are the different output types for the job. */
export interface ChangeDetectionOutputs {
  /**
   * Reality data id of ContextScene annotated with embedded 3D objects.
   * @defaultValue null
   */
  objects3D?: string | null;
  /**
   * Points in A not in B as OPC.
   * @defaultValue null
   */
  changesInModelA?: string | null;
  /**
   * Points in B not in A as OPC.
   * @defaultValue null
   */
  changesInModelB?: string | null;
  /**
   * Reality data id of 3D objects locations as SHP format.
   * @defaultValue null
   */
  locations3DAsSHP?: string | null;
  /**
   * Reality data id of 3D objects locations as GeoJSON file.
   * @defaultValue null
   */
  locations3DAsGeoJSON?: string | null;
}

/** Specifications for Clearance Calculation job. */
export interface ClearanceSpecifications {
  inputs: ClearanceInputs;
  outputs: ClearanceOutputs;
}

/** Specifications for Objects2D job. */
export interface Objects2DSpecifications {
  inputs: Objects2DInputs;
  options?: Objects2DOptions;
  outputs: Objects2DOutputs;
}

/** Specifications for Eval Segmentation Orthophoto job. */
export interface EvalSOrthoSpecifications {
  inputs: EvalSOrthoInputs;
  outputs: EvalSOrthoOutputs;
}

/** Specifications for Segmentation2D job. */
export interface Segmentation2DSpecifications {
  inputs: Segmentation2DInputs;
  options?: Segmentation2DOptions;
  outputs: Segmentation2DOutputs;
}

/** Specifications for Segmentation3D job. */
export interface Segmentation3DSpecifications {
  inputs: Segmentation3DInputs;
  options?: Segmentation3DOptions;
  outputs: Segmentation3DOutputs;
}

/** Following are the different inputs for job. */
export interface SegmentationOrthophotoInputs {
  /** Reality data id of ContextScene pointing to orthophotos to process. */
  orthophoto: string;
  /** Either reality data id of orthophoto segmentation detector or orthophoto segmentation detector identifier from the Detectors Library. */
  orthophotoSegmentationDetector: string;
}

/** Specifications for ChangeDetection job. */
export interface ChangeDetectionSpecifications {
  inputs: ChangeDetectionInputs;
  options?: ChangeDetectionOptions;
  outputs: ChangeDetectionOutputs;
}

/** Following are the different output types. */
export interface SegmentationOrthophotoOutputs {
  /**
   * Reality data id of ContextScene annotated with embedded 2D lines.
   * @defaultValue null
   */
  lines2D?: string | null;
  /**
   * Reality data id of ContextScene annotated with embedded 2D polygons.
   * @defaultValue null
   */
  polygons2D?: string | null;
  /**
   * Reality data id of 2D lines as SHP file, `lines2d` output must be defined.
   * @defaultValue null
   */
  lines2DAsSHP?: string | null;
  /**
   * Reality data id of ContextScene, pointing to segmented orthophotos.
   * @defaultValue null
   */
  segmentation2D?: string | null;
  /**
   * Reality data id of 2D polygons as SHP file, `polygons2d` output must be defined.
   * @defaultValue null
   */
  polygons2DAsSHP?: string | null;
  /**
   * Reality data id of segmented orthophotos.
   * @defaultValue null
   */
  segmentedPhotos?: string | null;
  /**
   * Reality data id of 2D lines as GeoJSON file, `lines2d` output must be defined.
   * @defaultValue null
   */
  lines2DAsGeoJSON?: string | null;
  /**
   * Reality data id of 2D polygons as GeoJSON file, `polygons2d` output must be defined.
   * @defaultValue null
   */
  polygons2DAsGeoJSON?: string | null;
}

/** Specifications for SegmentationOrthophoto job. */
export interface SegmentationOrthophotoSpecifications {
  inputs: SegmentationOrthophotoInputs;
  outputs: SegmentationOrthophotoOutputs;
}
