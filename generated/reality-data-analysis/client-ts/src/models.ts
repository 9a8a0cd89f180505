// Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.

/** Available job types among 'objects2D', 'segmentation2D'. */
export type JobType = "objects2D" | "segmentation2D";

/** Possible state of a job among 'unsubmitted', 'active', 'success', 'failed' and 'cancelled'. */
export type State = "unsubmitted" | "active" | "success" | "failed" | "cancelled";

/** Input format available for inputs. Refer to tutorials for per job type list. */
export type JobO2DInputFormat = "photos" | "photoObjectDetector";

/** Input description for an Objects 2D job */
export interface JobO2DInput {
  /** Input name */
  name?: JobO2DInputFormat;
  /** Reality Data id of the input */
  realityDataId?: string;
}

/** Input format available for inputs. Refer to tutorials for per job type list. */
export type JobS2DInputFormat = "photos" | "photoSegmentationDetector" | "orthophoto" | "orthophotoSegmentationDetector";

/** Input description for a Segmentation 2D job */
export interface JobS2DInput {
  /** Input name */
  name?: JobS2DInputFormat;
  /** Reality Data id of the input */
  realityDataId?: string;
}

/** Output format available for outputs. Refer to tutorials for per job type list. */
export type JobOutputFormat = "objects2D" | "segmentation2D";

/** Output description for a job */
export interface JobOutput {
  /** Output name */
  name?: JobOutputFormat;
  /** Reality Data id of the output */
  realityDataId?: string | null;
}

/** Settings for an Objects2D job */
export interface Objects2DSettingsIn {
  /** List of inputs of the job */
  inputs: JobO2DInput[];
  /** List of output formats of the job */
  outputs: JobOutputFormat[];
}

/** Input settings for a Segmentation2D job */
export interface Segmentation2DSettingsIn {
  /** List of inputs of the job */
  inputs: JobS2DInput[];
  /** List of output formats of the job */
  outputs: JobOutputFormat[];
}

/** Optional parameters for estimating job cost before its processing */
export interface CostEstimationParameters {
  /** Number of giga pixels in inputs */
  gigaPixels?: number | null;
  /** Number of photos in inputs */
  numberOfPhotos?: number | null;
  /** Width of the scene */
  sceneWidth?: number | null;
  /** Height of the scene */
  sceneHeight?: number | null;
  /** Length of the scene */
  sceneLength?: number | null;
  /** Scale of the detector */
  detectorScale?: number | null;
  /** Cost of the detector */
  detectorCost?: number | null;
}

/** Patch information to be applied */
export interface JobPatch {
  /** Only 'Active' or 'Cancelled' are valid values, see tutorials. */
  state?: State;
  /** New cost estimation parameters. */
  costEstimationParameters?: CostEstimationParameters;
  /** New job type (requires compatible settings) */
  type?: JobType;
  /** New settings for this job, must be in sync with type */
  settings?: Objects2DSettingsIn | Segmentation2DSettingsIn;
}

/** Settings for an Objects2D job */
export interface Objects2DSettings {
  /** List of inputs of the job */
  inputs?: JobO2DInput[];
  /** List of output formats of the job */
  outputs?: JobOutput[];
}

/** Settings for an Segmentation2D job */
export interface Segmentation2DSettings {
  /** List of inputs of the job */
  inputs?: JobS2DInput[];
  /** List of output formats of the job */
  outputs?: JobOutput[];
}

/** Execution details regarding a job */
export interface ExecutionInformation {
  /** Exit code of the processing */
  exitCode?: number | null;
  /** Submission date time of the job */
  submissionDateTime?: string | null;
  /** Start date time of the job */
  startedDateTime?: string | null;
  /** End date time of the job */
  endedDateTime?: string | null;
  /** Estimated cost of the executed job */
  estimatedUnits?: number | null;
}

/** Cost estimate based on parameters before job processing */
export interface CostEstimation {
  /** Number of giga pixels in inputs */
  gigaPixels?: number | null;
  /** Number of photos in inputs */
  numberOfPhotos?: number | null;
  /** Width of the scene */
  sceneWidth?: number | null;
  /** Height of the scene */
  sceneHeight?: number | null;
  /** Length of the scene */
  sceneLength?: number | null;
  /** Scale of the detector */
  detectorScale?: number | null;
  /** Cost of the detector */
  detectorCost?: number | null;
  /** Estimated Cost of the job using the CostEstimationParameters */
  estimatedCost?: number;
}

/** Job complete details */
export interface Job {
  /** Job id */
  id?: string;
  /** User email address */
  email?: string;
  /** Job state */
  state?: State;
  /** Job type */
  type?: JobType;
  /** Job name */
  name?: string;
  /** Project Id */
  projectId?: string;
  /** Settings for this job, must be in sync with type */
  settings?: Objects2DSettings | Segmentation2DSettings;
  /** Created date time of the job */
  createdDateTime?: string;
  /** Date time of the latest modification of the job */
  lastModifiedDateTime?: string;
  /** Execution Information of the job */
  executionInformation?: ExecutionInformation;
  /** Cost estimation before job processing */
  costEstimation?: CostEstimation;
  /** Data center location of the job */
  dataCenter?: string;
}

export interface JobResponse {
  /** Complete job details */
  job: Job;
}

/** Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed. */
export interface ErrorResponse {
  error?: ErrorResponseError;
}

/** The error object. */
export interface ErrorResponseError {
  /** One of a server-defined set of error codes. */
  code?: string;
  /** A human-readable representation of the error. */
  message?: string;
}

/** Contains error information and an optional array of more specific errors. */
export interface Error {
  /** One of a server-defined set of error codes. */
  code: string;
  /** A human-readable representation of the error. */
  message: string;
  /** Optional array of more specific errors. */
  details?: ErrorDetails[];
}

/** Contains error information. */
export interface ErrorDetails {
  /** One of a server-defined set of error codes. */
  code: string;
  /** A human-readable representation of the error. */
  message: string;
}

/** Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed. */
export interface ErrorResponse2 {
  /** Error information. */
  error: Error;
}
