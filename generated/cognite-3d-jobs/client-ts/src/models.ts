// Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.

/** The job with a given source. Currently supports only one job to be created at the time. */
export interface JobCreateList {
  /** Required array length: 1 element */
  items: JobCreate[];
}

/** A list of the created jobs */
export interface JobList {
  items: Job[];
}

/** A 3D job to create. */
export interface JobCreate {
  /** Data modeling space of the job instance. */
  space?: string;
  /** External id of the job instance, unique within its space. */
  externalId?: string;
  /** Name of the job. */
  name?: string;
  type?: JobType;
  source?: JobSource;
  configuration?: JobConfiguration;
  /** Session nonce from Cognite's sessions API; the job runs with that session's credentials. */
  nonce?: string;
}

/** A created 3D job. */
export interface Job {
  /** Data modeling space of the job instance. */
  space?: string;
  /** External id of the job instance, unique within its space. */
  externalId?: string;
  /** Name of the job. */
  name?: string;
  type?: JobType;
  source?: JobSource;
  configuration?: JobConfiguration;
  /** Job status. Values seen on the page: `Scheduled`. Kept open (not an enum) because the page lists no value set. */
  status?: string;
  /** Creation time, milliseconds since the Unix epoch (UTC). */
  createdAt?: number;
}

/** Job type. Values seen on the page: `Optimizer` (request example) and `ImageTextDetection` (response example). Kept open (not an enum) because the page lists no value set. */
export type JobType = string;

/** The 3D source data the job runs on. */
export interface JobSource {
  /** Source kind. Values seen on the page: `CogniteFile`, `Cognite360ImageCollection`. */
  type?: string;
  instanceId?: InstanceId;
}

/** Data modeling instance reference. */
export interface InstanceId {
  space: string;
  externalId: string;
}

/** Job-type specific configuration (for example `pipelineConfiguration` for `Optimizer` jobs; empty for `ImageTextDetection`). Free-form: the page shows only examples. */
export interface JobConfiguration {}

/** Cognite error envelope. */
export interface ErrorResponse {
  error: Error;
}

/** Cognite error details. */
export interface Error {
  /** HTTP status code. */
  code: number;
  /** Error message. */
  message: string;
  /** Items that were not found. */
  missing?: { [key: string]: unknown }[];
  /** Items that are duplicated. */
  duplicated?: { [key: string]: unknown }[];
}
