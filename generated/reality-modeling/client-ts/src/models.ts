// Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.

/** Supported output formats */
export type Format = "CCOrientations" | "3MX" | "3SM" | "WebReady ScalableMesh" | "Cesium 3D Tiles" | "POD" | "Orthophoto/DSM" | "LAS" | "FBX" | "OBJ" | "ESRI i3s" | "DGN" | "LODTreeExport" | "PLY" | "OPC" | "OMR" | "ContextScene" | "GaussianSplats";

/** Job quality among 'Draft', 'Medium' and 'Extra' */
export type Quality = "Draft" | "Medium" | "Extra";

/** Parameters to be used to estimate the cost of the job */
export interface CostEstimationParameters {
  /** Gigapixels to be processed */
  gigaPixels?: number;
  /** Megapoints to be processed */
  megaPoints?: number;
  /** Quality of the job */
  meshQuality?: Quality;
}

/** Description of an input for a job */
export interface JobInput {
  /** Context Share reality data id of the input */
  id: string;
  /** Description of the input */
  description?: string;
}

/** Describe how a job will use and create cache */
export interface CacheSettings {
  /** Indicate if the job will produce a cache */
  createCache?: boolean;
  /** Id of the previous job cache to be reused */
  useCache?: string;
}

/** Settings for job creation */
export interface JobCreateSettings {
  /** Quality of the job */
  quality: Quality;
  /** Number of engines to be used at most, between 0 and your engine limit. If set at 0, it will use your engine limit. */
  processingEngines?: number;
  /** List of output formats to be produced */
  outputs: Format[];
  /** Cache settings for the job */
  cacheSettings?: CacheSettings;
}

/** Job type among 'Full', 'Calibration' and 'Reconstruction' */
export type JobCreationType = "Full" | "Calibration" | "Reconstruction";

/** Model for creating a new job */
export interface JobCreation {
  /** Job type among 'Full', 'Calibration' and 'Reconstruction' */
  type: JobCreationType;
  /** Job name */
  name: string;
  /** Parameters to be used to estimate the cost of the job */
  costEstimationParameters?: CostEstimationParameters;
  /** Workspace id relative to the job created */
  workspaceId: string;
  /** List of inputs for the job */
  inputs: JobInput[];
  /** Settings for this job */
  settings: JobCreateSettings;
}

/** Model for error and warning messages */
export interface ErrorWarningMessages {
  /** Error or warning message code */
  code?: string;
  /** Error or warning message title */
  title?: string;
  /** Error or warning message */
  message?: string;
  /** Error or warning message parameters */
  params?: unknown[];
}

/** Execution information relative to a job */
export interface ExecInfo {
  /** Submission time of the job */
  submittedDateTime: string;
  /** Start time of the job */
  startedDateTime?: string | null;
  /** End time of the job */
  endedDateTime?: string | null;
  /** Estimated processing units cost */
  estimatedUnits?: number | null;
  /** Errors, if any produced when processing the job */
  errors?: ErrorWarningMessages[] | null;
  /** Warnings, if any produced when processing the job */
  warnings?: ErrorWarningMessages[] | null;
}

/** Job output information */
export interface JobOutput {
  /** Output format */
  format: Format;
  /** Reality Data Id of the output */
  id?: string | null;
}

/** High-level job settings */
export interface JobSettings {
  /** Quality of the job */
  quality?: Quality;
  /** Maximum usable engines for the job */
  processingEngines?: number;
  /** List of outputs of the job */
  outputs?: JobOutput[];
  /** Cache settings for the job */
  cacheSettings?: CacheSettings;
}

/** Job type among 'Full', 'Calibration' and 'Reconstruction' */
export type JobType = "Full" | "Calibration" | "Reconstruction";

/** Job current state */
export type JobState = "unsubmitted" | "active" | "success" | "failed" | "cancelled";

/** Datacenter location of the job */
export type JobLocation = "East US" | "North Europe" | "Southeast Asia" | "Australia East" | "UK South" | "Japan East" | "UAE North" | "Canada Central" | "West Europe";

/** Job information */
export interface Job {
  /** Job unique id */
  id: string;
  /** Job name */
  name: string;
  /** Job type among 'Full', 'Calibration' and 'Reconstruction' */
  type: JobType;
  /** Job current state */
  state: JobState;
  /** Creation time of the job */
  createdDateTime: string;
  /** Last modification date of the job */
  lastModifiedDateTime: string;
  /** Datacenter location of the job */
  location: JobLocation;
  /** Project Id */
  iTwinId?: string;
  /** Workspace id relative to the job */
  workspaceId: string;
  /** User email address */
  email: string;
  /** Execution information relative to the job */
  executionInformation?: ExecInfo;
  /** List of inputs for the job */
  inputs: JobInput[];
  /** Job settings */
  jobSettings: JobSettings;
  /** Parameters to be used to estimate the cost of the job */
  costEstimationParameters?: CostEstimationParameters;
  /** Estimated Cost of the job using the CostEstimationParameters */
  estimatedCost?: number;
}

export interface JobResponse {
  /** Complete job details */
  job: Job;
}

/** Contains error information and an array of more specific errors. */
export interface DetailedError {
  /** One of a server-defined set of error codes. */
  code: string;
  /** A human-readable representation of the error. */
  message: string;
  /** The target of the error. */
  target?: string | null;
  /** Optional array of more specific errors. */
  details: Error[];
}

/** Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed. */
export interface DetailedErrorResponse {
  /** Error Detailed information. */
  error: DetailedError;
}

/** Contains error information. */
export interface Error {
  /** One of a server-defined set of error codes. */
  code: string;
  /** A human-readable representation of the error. */
  message: string;
  /** The target of the error. */
  target?: string | null;
}

/** Gives details for an error that occurred while handling the request. Note that clients MUST NOT assume that every failed request will produce an object of this schema, or that all of the properties in the response will be non-null, as the error may have prevented this response from being constructed. */
export interface ErrorResponse {
  /** Error information. */
  error: Error;
}

/** Jobs */
export interface Jobs {
  /** Array of jobs */
  jobs?: Job[];
  /** Contains the hyperlink to the next page of results, if applicable */
  _links?: NextPageLink | null;
}

/** URL for getting the next page of data, if applicable. */
export interface NextPageLink {
  /** URL for getting the next page of results. */
  next?: Link;
}

export interface Link {
  /** Hyperlink container. */
  href?: string;
}
