// Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.

import type * as M from "./models.js";
import {
  type APIPromise,
  type AuthSchemeInfo,
  BaseClient,
  type ClientOptions as BaseClientOptions,
  errorGuard,
  type PagePromise,
  type RequestOptions,
} from "./runtime/index.js";

/** The spec's first server; `{name}` parts are filled from the client options. */
export const SERVER_URL = "https://{cluster}.cognitedata.com/api/v1/projects/{project}";

/** The spec's security schemes: a `token` none of them takes is refused by the constructor. */
export const AUTH_SCHEMES: readonly AuthSchemeInfo[] = [
  { name: "oidcBearer", kind: "bearer" },
];

/** The client's options, with the server variables of the spec. */
export interface ClientOptions extends BaseClientOptions {
  /**
   * CDF cluster, for example `api`, `westeurope-1`, `az-eastus-1`.
   *
   * @defaultValue "api"
   */
  cluster?: string;
  /**
   * CDF project name. `my-project` is a placeholder; set your own project.
   *
   * @defaultValue "my-project"
   */
  project?: string;
}

/**
 * Cognite Data Fusion 3D jobs v1
 *
 * Curated from page 000 (Cognite Data Fusion, Create a job using 3D source data). The page shows the request and response only as examples, so the item schemas are read from those examples and marked `x-inferred`. Decisions are recorded in specs/DECISIONS.md.
 */
export class Client extends BaseClient {
  constructor(options: ClientOptions = {}) {
    const variables: Record<string, string> = {
      "cluster": options.cluster ?? "api",
      "project": options.project ?? "my-project",
    };
    super(options, SERVER_URL.replace(/\{([^}]+)\}/g, (part, name: string) => variables[name] ?? part), AUTH_SCHEMES);
  }

  /**
   * Create a job using 3D source data
   *
   * `POST /3d/jobs`
   */
  createJobs(args: {
    /** Optional API version pin, for example `20230101-beta`. */
    cdfVersion?: string | undefined;
    /** Request body (application/json). The job with a given source. Currently supports only one job to be created at the time. */
    body: M.JobCreateList;
  }, options?: RequestOptions): APIPromise<M.JobList> {
    return this.request<M.JobList>(
      {
        method: "POST",
        path: "/3d/jobs",
        headers: { "cdf-version": args.cdfVersion },
        body: args.body,
        bodyKind: "json",
        mediaType: "application/json",
        accept: "application/json",
      },
      options,
    );
  }
}

/** The error bodies `createJobs` declares, by status (a `"4XX"` key is a range, `default` any other status). */
export interface CreateJobsErrors {
  400: M.ErrorResponse;
  401: M.ErrorResponse;
  403: M.ErrorResponse;
  422: M.ErrorResponse;
  429: M.ErrorResponse;
  500: M.ErrorResponse;
}

/** Whether `error` is a status error of `createJobs` whose body is the one declared for `status`. */
export const isCreateJobsError = errorGuard<CreateJobsErrors>([400, 401, 403, 422, 429, 500]);
